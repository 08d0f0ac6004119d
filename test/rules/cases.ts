// Builders shared by the state-rule suites: dedented fixtures, report positions found by text, invalid/valid cases.
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type RuleTester } from 'eslint';

/** Strips the opening newline, the closing indentation and the common indentation of a fixture. */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/u, '')
    .replace(/\n[ \t]*$/u, '')
    .split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** 1-based line and column of the nth occurrence of `needle`, so expectations name the write they point at. */
export function at(source: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = source.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`fixture has no occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  const before = source.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

export interface Site {
  /** Text the report starts at (the start of the write expression). */
  at: string;
  nth?: number;
  messageId?: string;
  /** Expected output of the single `moveIntoHandler` suggestion; omitted means no suggestion. */
  suggest?: string;
}
export type SiteSpec = string | Site | { messageId: string; line: number; column: number };

/** `bad` and `good` for one rule: sites default to the rule's own message id. */
export function caseBuilders(defaultMessageId: string) {
  function bad(
    name: string,
    code: string,
    sites: SiteSpec[],
    extra: Partial<RuleTester.InvalidTestCase> = {},
  ): RuleTester.InvalidTestCase {
    return {
      name,
      code,
      ...extra,
      errors: sites.map((spec) => {
        if (typeof spec === 'object' && 'line' in spec) return spec;
        const site: Site = typeof spec === 'string' ? { at: spec } : spec;
        return {
          messageId: site.messageId ?? defaultMessageId,
          ...at(code, site.at, site.nth),
          ...(site.suggest === undefined
            ? {}
            : { suggestions: [{ messageId: 'moveIntoHandler', output: site.suggest }] }),
        };
      }),
    };
  }

  function good(name: string, code: string, extra: Partial<RuleTester.ValidTestCase> = {}): RuleTester.ValidTestCase {
    return { name, code, ...extra };
  }

  return { bad, good };
}

/** Lints `code` as `handler.ts` with one rule through ESLint's `Linter`, for assertions on message text. */
export function lintWithRule(
  rule: unknown,
  code: string,
  sourceType: 'module' | 'commonjs' = 'module',
): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as never, ecmaVersion: 'latest', sourceType },
        plugins: { hs: { rules: { rule: rule as never } } },
        rules: { 'hs/rule': 'error' },
      },
    ],
    { filename: 'handler.ts' },
  );
}
