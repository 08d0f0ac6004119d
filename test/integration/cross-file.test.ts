// Cross-file summaries through the real ESLint class: handler plus store, re-export chains, a class, a singleton,
// a CommonJS pair, an import cycle and a missing file (test/fixtures/cross-file/).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import {
  REPO_ROOT,
  describeMessages,
  findingKeys,
  loadBuiltPlugin,
  otherMessages,
  readExpectations,
  snapshotBuiltPackage,
  type BuiltSnapshot,
  type HandlerStatePlugin,
} from './helpers.js';

const DIR = path.join(REPO_ROOT, 'test/fixtures/cross-file');
const HANDLERS = ['esm/handler.ts', 'esm/quiet-handler.ts', 'cjs/handler.cjs', 'cycle/handler.mjs'];

let snapshot: BuiltSnapshot;
let plugin: HandlerStatePlugin;

beforeAll(async () => {
  snapshot = await snapshotBuiltPackage();
  plugin = await loadBuiltPlugin(snapshot.entry);
});
afterAll(() => snapshot?.remove());

function eslintWith(settings: Record<string, unknown> = {}): ESLint {
  return new ESLint({
    cwd: DIR,
    overrideConfigFile: true,
    overrideConfig: [
      ...plugin.configs.strict,
      { settings: { 'handler-state': settings } },
    ] as unknown as ESLint.Options['overrideConfig'],
  });
}

describe('cross-file summaries', () => {
  for (const file of HANDLERS) {
    it(`${file}: findings at the call sites match the markers`, async () => {
      const [result] = await eslintWith().lintFiles([path.join(DIR, file)]);
      expect(otherMessages(result), describeMessages(result)).toEqual([]);
      expect(findingKeys(result), describeMessages(result)).toEqual(readExpectations(path.join(DIR, file)));
    });
  }

  it('names the other file, the imported function and what it writes', async () => {
    const [result] = await eslintWith().lintFiles([path.join(DIR, 'esm/handler.ts')]);
    const messages = result.messages.map((message) => message.message);
    expect(messages.some((m) => m.includes('`history` (in ./store.ts)') && m.includes('via `remember()`'))).toBe(true);
    expect(messages.some((m) => m.includes('(in ./audit/trail.ts)') && m.includes('`audit.record()`'))).toBe(true);
    expect(messages.some((m) => m.includes('`repo.items`') && m.includes('`repo.add()`'))).toBe(true);
  });

  it('reports a call that writes several variables once, naming them all', async () => {
    const [result] = await eslintWith().lintFiles([path.join(DIR, 'cjs/handler.cjs')]);
    const message = result.messages.find((m) => m.ruleId === 'handler-state/no-request-data-in-module-scope');
    expect(message?.message).toContain('`currentUser` (in ./session.cjs; also `currentToken`, `replyTo`)');
  });

  it('stays in one file when settings turn it off', async () => {
    const [result] = await eslintWith({ crossFile: false }).lintFiles([path.join(DIR, 'esm/handler.ts')]);
    expect(findingKeys(result)).toEqual([]);
  });

  it('does not follow imports from lintText without a real file name', async () => {
    const eslint = eslintWith();
    const [result] = await eslint.lintText(
      "import { remember } from './store.js';\nexport const handler = async (event) => { remember(event.x); };\n",
    );
    expect(findingKeys(result)).toEqual([]);
  });
});
