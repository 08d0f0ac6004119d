// The browser's own page objects under the global object (`window.location`, `document`, `history`, web storage):
// a server has none of them, so a write through one keeps nothing for a later request. Linted as a user lints a
// server-rendered component (the real ESLint class, real files); the twin writes another property of `window`,
// which is reported.
import { describe, expect, it } from 'vitest';
import { lintProjectFile } from '../helpers/lint.js';

const NEXT_APP = JSON.stringify({
  name: 'web',
  private: true,
  type: 'module',
  dependencies: { next: '15.0.0', react: '19.0.0' },
});

const chart = (write: string) => `'use client';
export default function Chart({ labels }: { labels: string[] }) {
  const open = (index: number) => {
    const day = labels[index];
    ${write};
  };
  open(0);
  return <div>{labels.join(', ')}</div>;
}
`;

const lint = async (write: string, config: 'recommended' | 'strict') =>
  (
    await lintProjectFile(
      { 'package.json': NEXT_APP, 'app/chart/page.tsx': chart(write) },
      'app/chart/page.tsx',
      config,
    )
  ).map((m) => `${m.line} ${m.ruleId}`);

describe('browser page objects in server-rendered code', () => {
  it('reports a request value kept in another window property', async () => {
    expect(await lint('window.lastDay = day', 'recommended')).toEqual([
      '5 handler-state/no-request-data-in-module-scope',
    ]);
  });
  for (const write of [
    'window.location.href = `/items?day=${day}`',
    'globalThis.document.title = day',
    'self.history.pushState(null, "", day)',
    'window.localStorage.setItem("day", day)',
  ]) {
    it(`stays quiet on ${write.split('=')[0].trim()}`, async () => {
      expect(await lint(write, 'strict')).toEqual([]);
      expect(await lint(write, 'recommended')).toEqual([]);
    });
  }
});
