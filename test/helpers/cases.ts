// RuleTester case builders shared by the rule suites: a report is named by the text it starts at, not by a number.
import type { RuleTester } from 'eslint';
import { at } from './source.js';

export interface Site {
  /** Text the report starts at (the start of the write expression, the registration call, …). */
  at: string;
  nth?: number;
  messageId?: string;
  /** Expected output of the single `moveIntoHandler` suggestion; omitted means none is asserted. */
  suggest?: string;
}

/**
 * One expected report: the text it starts at, `[text, nth]` for a later occurrence, a {@link Site}, or a position
 * given outright.
 */
export type SiteSpec =
  string | [needle: string, nth: number] | Site | { messageId: string; line: number; column: number };

/** An invalid case whose errors are found by text; sites without a messageId take `defaultMessageId`. */
export function invalidCase(
  name: string,
  code: string,
  sites: SiteSpec[],
  extra: Partial<RuleTester.InvalidTestCase> = {},
  defaultMessageId?: string,
): RuleTester.InvalidTestCase {
  return {
    name,
    code,
    ...extra,
    errors: sites.map((spec) => {
      if (typeof spec === 'object' && 'line' in spec) return spec;
      const site: Site =
        typeof spec === 'string' ? { at: spec } : Array.isArray(spec) ? { at: spec[0], nth: spec[1] } : spec;
      const messageId = site.messageId ?? defaultMessageId;
      if (messageId === undefined)
        throw new Error(`${name}: the site at ${JSON.stringify(site.at)} names no messageId`);
      return {
        messageId,
        ...at(code, site.at, site.nth),
        ...(site.suggest === undefined
          ? {}
          : { suggestions: [{ messageId: 'moveIntoHandler', output: site.suggest }] }),
      };
    }),
  };
}

export function validCase(
  name: string,
  code: string,
  extra: Partial<RuleTester.ValidTestCase> = {},
): RuleTester.ValidTestCase {
  return { name, code, ...extra };
}

/** `bad` and `good` for one rule: sites default to the rule's own message id. */
export function caseBuilders(defaultMessageId: string) {
  return {
    bad: (name: string, code: string, sites: SiteSpec[], extra: Partial<RuleTester.InvalidTestCase> = {}) =>
      invalidCase(name, code, sites, extra, defaultMessageId),
    good: validCase,
  };
}
