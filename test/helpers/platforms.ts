// The per-platform RuleTester suites' runner: reported cases under their rule, quiet cases under all four state rules.
import type { Rule, RuleTester } from 'eslint';
import moduleStateWrite from '../../src/rules/no-module-state-write.js';
import requestDataInModuleScope from '../../src/rules/no-request-data-in-module-scope.js';
import unboundedCache from '../../src/rules/no-unbounded-cache.js';
import unboundedGrowth from '../../src/rules/no-unbounded-growth.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';
import { detectHandlers, type DetectOptions } from './lint.js';
import { at } from './source.js';

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
export function handlersOf(code: string, filename: string, options: DetectOptions = {}): string[] {
  return detectHandlers(code, filename, options).map((handler) => `${handler.platform ?? '?'} ${handler.name}`);
}
