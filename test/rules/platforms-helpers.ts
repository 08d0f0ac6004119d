// Shared builders for the per-platform RuleTester suites: fixtures, report positions, and a run over the state rules.
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule, type RuleTester } from 'eslint';
import { analyze } from '../../src/analysis/index.js';
import moduleStateWrite from '../../src/rules/no-module-state-write.js';
import requestDataInModuleScope from '../../src/rules/no-request-data-in-module-scope.js';
import unboundedCache from '../../src/rules/no-unbounded-cache.js';
import unboundedGrowth from '../../src/rules/no-unbounded-growth.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';

/** Strips the opening newline, the closing indentation and the common indentation of a fixture. */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/u, '')
    .replace(/\n[ \t]*$/u, '')
    .split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** 1-based line and column of the nth occurrence of `needle`. */
export function at(source: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = source.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`fixture has no occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  const before = source.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

export const RULES = {
  growth: { rule: unboundedGrowth, messageId: 'unboundedGrowth' },
  cache: { rule: unboundedCache, messageId: 'unboundedCache' },
  requestData: { rule: requestDataInModuleScope, messageId: 'requestDataInModuleScope' },
  write: { rule: moduleStateWrite, messageId: 'moduleStateWrite' },
} as const;
export type RuleKey = keyof typeof RULES;

export interface Reported {
  name: string;
  filename: string;
  code: string;
  rule: RuleKey;
  /** Where each report starts (text of the write); `[needle, nth]` for a later occurrence. */
  at: Array<string | [string, number]>;
  settings?: Record<string, unknown>;
  commonjs?: boolean;
  /** Expected output of the `moveIntoHandler` suggestion, when every use of the variable is in the handler. */
  suggest?: string;
}

export interface Quiet {
  name: string;
  filename: string;
  code: string;
  settings?: Record<string, unknown>;
  commonjs?: boolean;
}

/**
 * Runs one platform's cases: every reported case under its rule (messageId, line, column), and every quiet case
 * under all four state rules, so "quiet" means no rule at all reports it.
 */
export function runPlatform(platform: string, reported: Reported[], quiet: Quiet[]): void {
  for (const key of Object.keys(RULES) as RuleKey[]) {
    const { rule, messageId } = RULES[key];
    const invalid = reported.filter((c) => c.rule === key && !c.commonjs).map((c) => invalidCase(c, messageId));
    const valid = quiet.filter((c) => !c.commonjs).map(validCase);
    if (invalid.length + valid.length > 0) {
      ruleTester.run(`${platform} (${key})`, rule as unknown as Rule.RuleModule, { valid, invalid });
    }
    const cjsInvalid = reported.filter((c) => c.rule === key && c.commonjs).map((c) => invalidCase(c, messageId));
    const cjsValid = quiet.filter((c) => c.commonjs).map(validCase);
    if (cjsInvalid.length + cjsValid.length > 0) {
      cjsRuleTester.run(`${platform} (${key}, CommonJS)`, rule as unknown as Rule.RuleModule, {
        valid: cjsValid,
        invalid: cjsInvalid,
      });
    }
  }
}

function invalidCase(c: Reported, messageId: string): RuleTester.InvalidTestCase {
  return {
    name: c.name,
    filename: c.filename,
    code: c.code,
    ...(c.settings ? { settings: c.settings } : {}),
    errors: c.at.map((site) => {
      const [needle, nth] = typeof site === 'string' ? [site, 1] : site;
      return {
        messageId,
        ...at(c.code, needle, nth),
        ...(c.suggest === undefined ? {} : { suggestions: [{ messageId: 'moveIntoHandler', output: c.suggest }] }),
      };
    }),
  };
}

function validCase(c: Quiet): RuleTester.ValidTestCase {
  return { name: c.name, filename: c.filename, code: c.code, ...(c.settings ? { settings: c.settings } : {}) };
}

/** The handlers the shared analysis finds in a file, as `platform name` strings, for detection assertions. */
export function handlersOf(
  code: string,
  filename: string,
  options: { settings?: Record<string, unknown>; commonjs?: boolean } = {},
): string[] {
  const found: string[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'() {
          const analysis = analyze(context as unknown as Parameters<typeof analyze>[0]);
          for (const handler of analysis.handlers) found.push(`${handler.platform ?? '?'} ${handler.name}`);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.tsx', '**/*.jsx'],
        languageOptions: {
          parser: tsParser,
          ecmaVersion: 'latest',
          sourceType: options.commonjs ? 'commonjs' : 'module',
        },
        plugins: { probe: { rules: { handlers: probe } } },
        rules: { 'probe/handlers': 'error' },
        ...(options.settings ? { settings: options.settings } : {}),
      },
    ],
    { filename },
  );
  const fatal = messages.find((message) => message.fatal || message.ruleId === null);
  if (fatal) throw new Error(`${filename}: ${fatal.message}`);
  return found;
}
