// Messages name the variable, the handler and the helper path, for every state rule.
import { describe, it } from 'vitest';
import { lintWithRule } from '../../helpers/lint.js';
import { RULES, type Kind } from './harness.js';

// Messages name the variable, the handler and the helper path ("via `a()` → `b()`"), per the spec.
const MESSAGE_CASES: Array<{ name: string; code: string; kind: Kind; mustInclude: string[] }> = [
  {
    name: 'two-level helper path',
    kind: 'growth',
    code: `const auditTrail = [];
function record(entry) {
  auditTrail.push(entry);
}
function track(e) {
  record(e.path);
}
export const handler = async (event) => {
  track(event);
};`,
    mustInclude: ['auditTrail', 'handler', 'track', 'record'],
  },
  {
    name: 'cache through a helper names the cache and the exported handler name',
    kind: 'cache',
    code: `const sessions = new Map();
function remember(token, user) {
  sessions.set(token, user);
}
export const lambdaHandler = async (event) => {
  remember(event.headers.token, event.user);
};`,
    mustInclude: ['sessions', 'lambdaHandler', 'remember'],
  },
  {
    name: 'request data via export list alias names the exported handler',
    kind: 'data',
    code: `let lastUser;
async function main(e) {
  lastUser = e.user;
}
export { main as handler };`,
    mustInclude: ['lastUser', 'handler'],
  },
];

describe('messages', () => {
  for (const c of MESSAGE_CASES) {
    it(c.name, () => {
      const messages = lintWithRule(RULES[c.kind].rule, c.code, 'module', 'messages.ts');
      if (messages.length !== 1) throw new Error(`expected one report, got ${messages.length}`);
      const text = messages[0].message;
      const positions = c.mustInclude.map((word) => text.indexOf(word));
      const missing = c.mustInclude.filter((_, i) => positions[i] < 0);
      if (missing.length > 0) throw new Error(`message lacks ${missing.join(', ')}: ${text}`);
    });
  }
});
