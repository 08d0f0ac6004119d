// One RuleTester for every rule suite: TypeScript parser, ES modules by default.
import { RuleTester } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';

export const ruleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    ecmaVersion: 'latest',
    sourceType: 'module',
  },
});

/** The same tester for CommonJS files (`exports.handler = …`, `var` at top level). */
export const cjsRuleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    ecmaVersion: 'latest',
    sourceType: 'commonjs',
  },
});
