// The shared preamble of the red-team suites for the four state rules (one file per write form or concern in this
// folder): a case lists every report it expects across the four rules, and runs under each rule with the reports of
// that rule's kind as its errors, so every write site is classified exactly once. The debug switch that makes the
// analysis rethrow its own errors is on for every suite (test/setup.ts).
import type { Rule, RuleTester as ESLintRuleTester } from 'eslint';
import { describe, it } from 'vitest';
import cacheRule from '../../../src/rules/no-unbounded-cache.js';
import growthRule from '../../../src/rules/no-unbounded-growth.js';
import requestDataRule from '../../../src/rules/no-request-data-in-module-scope.js';
import writeRule from '../../../src/rules/no-module-state-write.js';
import { cjsRuleTester, ruleTester } from '../../rule-tester.js';
import { at } from '../../helpers/source.js';

export type Kind = 'cache' | 'growth' | 'data' | 'write';

export const RULES: Record<Kind, { name: string; rule: Rule.RuleModule; messageId: string }> = {
  cache: { name: 'no-unbounded-cache', rule: cacheRule as unknown as Rule.RuleModule, messageId: 'unboundedCache' },
  growth: { name: 'no-unbounded-growth', rule: growthRule as unknown as Rule.RuleModule, messageId: 'unboundedGrowth' },
  data: {
    name: 'no-request-data-in-module-scope',
    rule: requestDataRule as unknown as Rule.RuleModule,
    messageId: 'requestDataInModuleScope',
  },
  write: {
    name: 'no-module-state-write',
    rule: writeRule as unknown as Rule.RuleModule,
    messageId: 'moduleStateWrite',
  },
};

export interface Site {
  kind: Kind;
  /** Source text the report starts at: the start of the write expression (or destructuring / loop target). */
  at: string;
  nth?: number;
  /** Whether the "move the declaration into the handler" suggestion is expected (every use inside that handler). */
  move?: boolean;
  /** A message variant of the rule (a toggled flag, a cache whose removals never run); the rule's main one if unset. */
  messageId?: string;
}

export interface Case {
  name: string;
  code: string;
  /** Every expected report, across the four rules; a case with none is valid for all four. */
  sites?: Site[];
  cjs?: boolean;
  /** Path the file is linted as (for `handlers: [{ files, names }]` settings). */
  filename?: string;
  settings?: Record<string, unknown>;
  /** Rules whose outcome the spec leaves open for this case; they are not run. */
  unspecified?: Kind[];
  /** `KNOWN GAP: …` — the spec'd expectation the analysis does not meet yet; the case is skipped, not bent. */
  gap?: string;
}

type SiteOptions = Pick<Site, 'nth' | 'move' | 'messageId'>;
export const C = (at: string, o: SiteOptions = {}): Site => ({ kind: 'cache', at, ...o });
export const G = (at: string, o: SiteOptions = {}): Site => ({ kind: 'growth', at, ...o });
export const D = (at: string, o: SiteOptions = {}): Site => ({ kind: 'data', at, ...o });
export const W = (at: string, o: SiteOptions = {}): Site => ({ kind: 'write', at, ...o });

/** Runs every case against each of the four rules, with the reports of that rule's kind as its expected errors. */
export function runCases(group: string, cases: Case[]): void {
  describe(group, () => {
    for (const kind of Object.keys(RULES) as Kind[]) {
      const { name, rule, messageId } = RULES[kind];
      for (const cjs of [false, true]) {
        const valid: ESLintRuleTester.ValidTestCase[] = [];
        const invalid: ESLintRuleTester.InvalidTestCase[] = [];
        for (const c of cases) {
          if (Boolean(c.cjs) !== cjs || c.gap || c.unspecified?.includes(kind)) continue;
          const base = {
            name: c.name,
            code: c.code,
            ...(c.filename ? { filename: c.filename } : {}),
            ...(c.settings ? { settings: { 'handler-state': c.settings } } : {}),
          };
          const sites = (c.sites ?? []).filter((site) => site.kind === kind);
          if (sites.length === 0) {
            valid.push(base);
            continue;
          }
          invalid.push({
            ...base,
            errors: sites
              .map((site) => ({ site, ...at(c.code, site.at, site.nth) }))
              .sort((a, b) => a.line - b.line || a.column - b.column)
              .map(({ site, line, column }) => ({
                messageId: site.messageId ?? messageId,
                line,
                column,
                suggestions: site.move ? 1 : 0,
              })),
          });
        }
        if (valid.length + invalid.length === 0) continue;
        (cjs ? cjsRuleTester : ruleTester).run(`${name}${cjs ? ' (cjs)' : ''}`, rule, { valid, invalid });
      }
    }
    for (const c of cases) {
      if (c.gap) it.skip(`${c.name} — ${c.gap}`, () => {});
    }
  });
}
