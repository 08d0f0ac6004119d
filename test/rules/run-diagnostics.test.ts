// Diagnostics about the run rather than the code: an analysis that could not finish part of a file (one
// diagnostic per file, carried by the same rule as settings problems), and `allow` entries the rules cannot use.
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { compileAllow, nestedRepetition, SETTINGS_REPORTERS } from '../../src/util/report.js';

const TWO_HANDLERS = `
const seen = [];
const other = [];
process.on('exit', () => 1);
export async function handler(event) {
  seen.push(event.id);
  process.on('beforeExit', () => event.id);
}
export async function poisoned(event) {
  other.push(event.id);
}
`;

/**
 * A rule that makes the body of the function named `poisoned` throw when read once ESLint's own traversal has
 * passed it: a stand-in for any stage of the analysis failing on that function.
 */
const fault = {
  rules: {
    inject: {
      meta: { schema: [] },
      create: () => ({
        'FunctionDeclaration[id.name="poisoned"] > BlockStatement'(node: object) {
          Object.defineProperty(node, 'body', {
            configurable: true,
            get() {
              throw new Error('injected failure');
            },
          });
        },
      }),
    },
  },
};

function lint(ruleNames: readonly string[], options: { inject?: boolean; rules?: Linter.RulesRecord } = {}) {
  const linter = new Linter({ configType: 'flat' });
  const rules: Linter.RulesRecord = Object.fromEntries(ruleNames.map((name) => [`handler-state/${name}`, 'error']));
  return linter.verify(
    TWO_HANDLERS,
    [
      {
        files: ['**/*.ts'],
        plugins: { 'handler-state': plugin, fault },
        languageOptions: { parser: tsParser, sourceType: 'module' },
        rules: { ...(options.inject === false ? {} : { 'fault/inject': 'error' }), ...rules, ...options.rules },
      },
    ],
    'handler.ts',
  );
}

const incomplete = (messages: Linter.LintMessage[]) =>
  messages.filter((message) => message.messageId === 'analysisIncomplete');

describe('an analysis that could not finish part of the file', () => {
  // The suite's setup turns the debug switch on; users run without it.
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.HANDLER_STATE_DEBUG;
    delete process.env.HANDLER_STATE_DEBUG;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.HANDLER_STATE_DEBUG;
    else process.env.HANDLER_STATE_DEBUG = saved;
  });

  it.each(SETTINGS_REPORTERS.map((name) => [name]))('is reported once when only %s is on', (name) => {
    const diagnostics = incomplete(lint([name]));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: `handler-state/${name}`, line: 1, column: 1 });
    expect(diagnostics[0].message).toMatch(/^handler-state could not analyse .*line (?:9|10)\b.*: injected failure/u);
  });

  it('is reported once, by the same rule, whatever order the rules are listed in', () => {
    const forward = incomplete(lint(SETTINGS_REPORTERS));
    const backward = incomplete(lint([...SETTINGS_REPORTERS].reverse()));
    expect(forward).toHaveLength(1);
    expect(backward).toEqual(forward);
    expect(forward[0].ruleId).toBe(`handler-state/${SETTINGS_REPORTERS[0]}`);
  });

  it("loses only the failing part: the other handler's findings of every rule are reported", () => {
    const messages = lint(SETTINGS_REPORTERS);
    const at = (rule: string) => messages.filter((m) => m.ruleId === `handler-state/${rule}`).map((m) => m.line);
    expect(at('no-unbounded-growth')).toContain(6);
    expect(at('no-handler-listener-leak')).toContain(7);
  });

  it('is absent when nothing fails', () => {
    expect(incomplete(lint(SETTINGS_REPORTERS, { inject: false }))).toEqual([]);
  });

  it('is rethrown under the debug switch', () => {
    process.env.HANDLER_STATE_DEBUG = '1';
    expect(() => lint(['no-unbounded-growth'])).toThrow(/injected failure/u);
  });
});

describe('the `allow` option', () => {
  const CODE = `
const skip1 = [];
const skip2 = [];
const skip3 = [];
const kept = [];
export const handler = async (event) => {
  skip1.push(event.id);
  skip2.push(event.id);
  skip3.push(event.id);
  kept.push(event.id);
};
`;
  const growth = (allow: string[]) => {
    const linter = new Linter({ configType: 'flat' });
    return linter.verify(
      CODE,
      [
        {
          plugins: { 'handler-state': plugin },
          rules: { 'handler-state/no-unbounded-growth': ['error', { allow }] },
        },
      ],
      'handler.mjs',
    );
  };

  it.each([['/^skip\\d$/g'], ['/^skip\\d$/y'], ['/^skip\\d$/gy']])('%s allows every matching name', (entry) => {
    expect(growth([entry]).map((m) => [m.messageId, m.line])).toEqual([['unboundedGrowth', 10]]);
  });

  it('an invalid pattern is named and ignored, and the other entries still apply', () => {
    const messages = growth(['/(/', 'skip1']);
    expect(messages.map((m) => [m.messageId, m.line])).toEqual([
      ['invalidAllow', 1],
      ['unboundedGrowth', 8],
      ['unboundedGrowth', 9],
      ['unboundedGrowth', 10],
    ]);
    expect(messages[0].message).toContain('`/(/`');
  });

  it('a pattern that repeats a repetition is refused with a message naming the repetition', () => {
    const messages = growth(['/(skip\\d+)+$/']);
    expect(messages[0]).toMatchObject({ messageId: 'invalidAllow', line: 1 });
    expect(messages[0].message).toContain('`(skip\\d+)+`');
    expect(messages.filter((m) => m.messageId === 'unboundedGrowth')).toHaveLength(4);
  });

  it('finds nested repetition through escapes and non-capturing groups, and not in classes or fixed counts', () => {
    expect(nestedRepetition('(a+)+$')).toBe('(a+)+');
    expect(nestedRepetition('^(?:\\w{2,})*x')).toBe('(?:\\w{2,})*');
    expect(nestedRepetition('((ab)*c)+')).toBe('((ab)*c)+');
    expect(nestedRepetition('^(?:foo|bar)+$')).toBeNull();
    expect(nestedRepetition('([+*])+')).toBeNull();
    expect(nestedRepetition('(a{2})+')).toBeNull();
    expect(nestedRepetition('\\(a+\\)+')).toBeNull();
  });

  it('exact names and simple patterns compile without problems', () => {
    const { isAllowed, problems } = compileAllow(['metrics', '/^debug/i']);
    expect(problems).toEqual([]);
    expect([isAllowed('metrics'), isAllowed('DEBUG_log'), isAllowed('other')]).toEqual([true, true, false]);
  });
});
