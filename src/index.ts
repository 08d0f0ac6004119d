// The plugin object: meta, rules, and the flat configs derived from each rule's own docs.recommended.
import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { rules } from './rules/index.js';

const require = createRequire(import.meta.url);
const pkg = require('../package.json') as { name: string; version: string };

type RuleLevel = 'error' | 'warn' | 'off';
type RuleName = keyof typeof rules;

function rulesFor(level: 'recommended' | 'strict'): Record<string, RuleLevel> {
  const result: Record<string, RuleLevel> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const wanted = rule.meta.docs?.recommended;
    if (wanted === 'recommended' || level === 'strict') result[`handler-state/${name}`] = 'error';
  }
  return result;
}

/** Test files mutate module state on purpose (mocks, spies, counters): turn every rule off there. */
const TEST_FILE_GLOBS = [
  '**/*.{test,spec}.{js,cjs,mjs,jsx,ts,cts,mts,tsx}',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/test/**',
  '**/tests/**',
];

const TS_FILE_GLOBS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

interface HandlerStatePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: typeof rules;
  configs: {
    recommended: TSESLint.FlatConfig.ConfigArray;
    strict: TSESLint.FlatConfig.ConfigArray;
    recommendedTypeChecked: TSESLint.FlatConfig.ConfigArray;
    strictTypeChecked: TSESLint.FlatConfig.ConfigArray;
    'disable-in-tests': TSESLint.FlatConfig.ConfigArray;
  };
}

const plugin: HandlerStatePlugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'handler-state' },
  rules,
  configs: {} as HandlerStatePlugin['configs'],
};

function makeConfig(level: 'recommended' | 'strict'): TSESLint.FlatConfig.ConfigArray {
  return [
    {
      name: `handler-state/${level}`,
      plugins: { 'handler-state': plugin as unknown as TSESLint.FlatConfig.Plugin },
      rules: rulesFor(level),
    },
    {
      // Zero configuration for TypeScript handlers: the same parser typescript-eslint's configs use.
      name: `handler-state/${level}/typescript`,
      files: TS_FILE_GLOBS,
      languageOptions: { parser: tsParser as TSESLint.FlatConfig.Parser },
    },
  ];
}

/**
 * Type information is opt-in, as typescript-eslint recommends: these configs turn on the project service for
 * TypeScript files and tell the analysis to use it. Without them a program that happens to exist is ignored.
 */
function makeTypeCheckedConfig(level: 'recommended' | 'strict'): TSESLint.FlatConfig.ConfigArray {
  return [
    ...makeConfig(level),
    {
      name: `handler-state/${level}-type-checked`,
      files: TS_FILE_GLOBS,
      languageOptions: { parserOptions: { projectService: true } },
      settings: { 'handler-state': { typeAware: true } },
    },
  ];
}

plugin.configs.recommended = makeConfig('recommended');
plugin.configs.strict = makeConfig('strict');
plugin.configs.recommendedTypeChecked = makeTypeCheckedConfig('recommended');
plugin.configs.strictTypeChecked = makeTypeCheckedConfig('strict');
plugin.configs['disable-in-tests'] = [
  {
    name: 'handler-state/disable-in-tests',
    files: TEST_FILE_GLOBS,
    rules: Object.fromEntries(Object.keys(rules).map((name) => [`handler-state/${name}`, 'off'])),
  },
];

export type { RuleName };
// Only a default export: tools such as eslint-doc-generator `require()` the package and read the namespace.
export default plugin;
