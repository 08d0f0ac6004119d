// Functions a React hook hands back (`return { save, touch }`) run when the component calls them: usually later, in
// the browser (an event handler, an effect), so the module-level state they write is not shared across server
// renders. They are request-time code again when a component calls them while it renders. Linted as a user lints
// them: the real ESLint class over real files of a Next.js app, the hook modules linted on their own as well.
import { describe, expect, it } from 'vitest';
import { eslintIn } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';
import path from 'node:path';

const NEXT_APP = JSON.stringify({
  name: 'web',
  private: true,
  type: 'module',
  dependencies: { next: '15.0.0', react: '19.0.0', zustand: '5.0.0' },
});

/** A module-level zustand store written through a module function that the hook hands back. */
const SEEN = `import { create } from 'zustand';
const store = create<Record<string, number>>(() => ({}));
export function markSeen(key: string) {
  store.setState({ [key]: Date.now() });
}
export function useSeen(key: string) {
  const seen = store((state) => state[key]);
  return { seen, markSeen };
}
`;

/** A module-level message table filled by a function nested in the hook, called from an effect and handed back. */
const MESSAGES = `import { useEffect } from 'react';
const messages: Record<string, unknown> = {};
export function useMessages(locale: string) {
  async function fetchMessages(value: string) {
    const response = await fetch(\`/intl/\${value}.json\`);
    messages[value] = await response.json();
  }
  async function switchTo(value: string) {
    if (!messages[value]) await fetchMessages(value);
  }
  useEffect(() => {
    void switchTo(locale);
  }, [locale]);
  return { switchTo, messages };
}
`;

const page = (inRender: string) => `'use client';
import { useSeen } from '../../lib/seen';
import { useMessages } from '../../lib/messages';
export default function Article({ slug }: { slug: string }) {
  const { seen, markSeen } = useSeen(slug);
  const { switchTo } = useMessages(slug);
  ${inRender}
  return <button onClick={() => { markSeen(slug); void switchTo(slug); }}>{String(seen)}</button>;
}
`;

async function lintAll(inRender: string): Promise<string[]> {
  const root = makeProject({
    'package.json': NEXT_APP,
    'lib/seen.ts': SEEN,
    'lib/messages.ts': MESSAGES,
    'app/article/page.tsx': page(inRender),
  });
  const files = ['app/article/page.tsx', 'lib/seen.ts', 'lib/messages.ts'];
  const results = await eslintIn(root, 'strict').lintFiles(files.map((file) => path.join(root, file)));
  return results.flatMap((result) =>
    result.messages.map((m) => `${path.relative(root, result.filePath)}:${m.line} ${m.ruleId}`),
  );
}

describe('functions a React hook returns', () => {
  it('stay quiet when components call them only from event handlers and effects', async () => {
    expect(await lintAll('')).toEqual([]);
  });

  it('are request-time when a component calls them while it renders', async () => {
    const found = await lintAll('markSeen(slug);\n  void switchTo(slug);');
    expect(found).toContain('lib/seen.ts:2 handler-state/no-shared-ssr-instance');
    expect(found).toContain('lib/messages.ts:6 handler-state/no-module-state-write');
  });
});
