// Messages name the route that makes the write: when a helper is guarded in one route and called unguarded from
// another, or only one route passes the argument a presence guard waits for, the report names that route, not
// the first one that happens to reach the helper. Messages also say what bounds or toggles, never "nothing
// evicts" when something does.
import { describe, expect, it } from 'vitest';
import { lintWithRule } from '../../helpers/lint.js';
import { RULES, type Kind } from './harness.js';

interface MessageCase {
  name: string;
  kind: Kind;
  code: string;
  mustInclude: string[];
  mustNotInclude?: string[];
  /** How many reports, each of which must match; one unless told. */
  reports?: number;
}

const EXPRESS = `import express from 'express';
const app = express();
`;

const CASES: MessageCase[] = [
  {
    name: 'helper guarded in the first route, unguarded in the second: the second route is named',
    kind: 'write',
    code: `${EXPRESS}let client;
async function connect() {
  client = await createClient(process.env.URL);
}
app.get('/a', async (req, res) => {
  if (!client) await connect();
  res.json(await client.get('a'));
});
app.get('/b', async (req, res) => {
  await connect();
  res.json(await client.get('b'));
});
export default app;`,
    mustInclude: ['`GET /b`', 'via `connect()`', '`client`'],
    mustNotInclude: ['GET /a'],
  },
  {
    name: 'only the route that passes the argument makes the write: that route is named',
    kind: 'write',
    code: `${EXPRESS}let current = 'light';
function theme(next) {
  if (next) current = next;
  return current;
}
app.get('/theme', (req, res) => res.send(theme()));
app.post('/theme/reset', (req, res) => res.send(theme('light')));
export default app;`,
    mustInclude: ['`POST /theme/reset`', 'via `theme()`'],
    mustNotInclude: ['`GET /theme`'],
  },
  {
    name: 'a busy flag is named as toggled per request',
    kind: 'write',
    code: `let busy = false;
export const handler = async (event) => {
  if (busy) return { statusCode: 409 };
  busy = true;
  try {
    return await work(event);
  } finally {
    busy = false;
  }
};`,
    mustInclude: ['`busy`', 'sets it back in the same request', 'not a one-way latch'],
    reports: 2,
  },
  {
    name: 'a cache whose only removal nothing runs names that removal',
    kind: 'cache',
    code: `const pages = new Map();
export function clearPages() {
  pages.clear();
}
export const handler = async (event) => {
  pages.set(event.path, await render(event.path));
};`,
    mustInclude: ['`pages`', 'only removed by `clearPages()`', 'no request or timer here runs'],
    mustNotInclude: ['nothing evicts'],
  },
  {
    name: 'a cache with no removal at all says nothing evicts',
    kind: 'cache',
    code: `const pages = new Map();
export const handler = async (event) => {
  pages.set(event.path, await render(event.path));
};`,
    mustInclude: ['`pages`', 'nothing evicts'],
  },
];

describe('messages name the route that makes the write and what bounds it', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const messages = lintWithRule(RULES[c.kind].rule, c.code, 'module', 'routes.ts');
      expect(messages.map((m) => m.message)).toHaveLength(c.reports ?? 1);
      for (const { message: text } of messages) {
        for (const word of c.mustInclude) expect(text).toContain(word);
        for (const word of c.mustNotInclude ?? []) expect(text).not.toContain(word);
      }
    });
  }
});
