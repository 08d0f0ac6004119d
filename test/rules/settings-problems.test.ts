// Settings problems reach the user whichever single rule is on, once per file when several are, from the same
// rule whatever order the config lists the rules in; and no rule changes what another rule sees.
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { SETTINGS_REPORTERS } from '../../src/util/report.js';

const CODE = `
const seen = new Set();
process.on('exit', () => 1);
export const handler = async (event) => {
  seen.add(event.id);
  process.on('beforeExit', () => event.id);
};
`;

/** A typo in the settings: `handler` for `handlers`. */
const TYPO = { 'handler-state': { handler: ['main'] } };

function lint(ruleNames: readonly string[], settings: Record<string, unknown> = TYPO): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  const rules = Object.fromEntries(ruleNames.map((name) => [`handler-state/${name}`, 'error' as const]));
  return linter.verify(
    CODE,
    [
      {
        files: ['**/*.ts'],
        plugins: { 'handler-state': plugin },
        languageOptions: { parser: tsParser, sourceType: 'module' },
        settings,
        rules,
      },
    ],
    'handler.ts',
  );
}

const settingsMessages = (messages: Linter.LintMessage[]) =>
  messages.filter((message) => message.message.startsWith('Invalid `settings["handler-state"]`'));

describe('settings problems', () => {
  it.each(SETTINGS_REPORTERS.map((name) => [name]))('are reported when only %s is on', (name) => {
    const problems = settingsMessages(lint([name]));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ ruleId: `handler-state/${name}`, line: 1, column: 1 });
    expect(problems[0].message).toContain('unknown key "handler" (did you mean "handlers"?)');
  });

  it('are reported once, by the same rule, whatever order the rules are listed in', () => {
    const forward = settingsMessages(lint(SETTINGS_REPORTERS));
    const backward = settingsMessages(lint([...SETTINGS_REPORTERS].reverse()));
    expect(forward).toHaveLength(1);
    expect(backward).toEqual(forward);
    expect(forward[0].ruleId).toBe(`handler-state/${SETTINGS_REPORTERS[0]}`);
  });

  it('with only the two non-state rules on, the listener rule reports them', () => {
    const problems = settingsMessages(lint(['no-persistent-library-context', 'no-handler-listener-leak']));
    expect(problems.map((problem) => problem.ruleId)).toEqual(['handler-state/no-handler-listener-leak']);
  });

  it('every rule reports the same findings alone as alongside the others', () => {
    const together = lint(SETTINGS_REPORTERS, {});
    for (const name of SETTINGS_REPORTERS) {
      const alone = lint([name], {}).map((m) => [m.ruleId, m.line, m.column]);
      expect(
        together.filter((m) => m.ruleId === `handler-state/${name}`).map((m) => [m.ruleId, m.line, m.column]),
      ).toEqual(alone);
    }
    expect(together.map((m) => m.ruleId)).toEqual(
      expect.arrayContaining(['handler-state/no-unbounded-growth', 'handler-state/no-handler-listener-leak']),
    );
  });

  it('valid settings give no settings message from any rule', () => {
    expect(settingsMessages(lint(SETTINGS_REPORTERS, {}))).toEqual([]);
  });
});
