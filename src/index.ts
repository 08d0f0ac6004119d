// The plugin object: meta, rules, and the flat configs derived from each rule's own docs.recommended.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Linter, Rule } from 'eslint';
import { TEST_FILE_GLOBS } from './analysis/file/test-files.js';
import { rules } from './rules/index.js';

const require = createRequire(import.meta.url);
const pkg = require('../package.json') as { name: string; version: string };

type RuleLevel = 'error' | 'warn' | 'off' | ['error', ...unknown[]];
type RuleName = keyof typeof rules;
type ConfigName = 'recommended' | 'strict' | 'recommendedTypeChecked' | 'strictTypeChecked' | 'disable-in-tests';

/**
 * The plugin in ESLint's own types (`ESLint.Plugin`, `Linter.Config[]`), so that `eslint.config.ts` type-checks
 * with `defineConfig`, `extends` and plain arrays on ESLint 9 and 10 alike.
 */
export interface HandlerStatePlugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config[]>;
}

function rulesFor(level: 'recommended' | 'strict'): Record<string, RuleLevel> {
  const result: Record<string, RuleLevel> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs as { recommended?: string; recommendedOptions?: readonly unknown[] } | undefined;
    const wanted = docs?.recommended;
    if (wanted !== 'recommended' && level !== 'strict') continue;
    // `strict` runs every rule with its defaults; `recommended` may run one on a narrower subset.
    const options = level === 'recommended' ? docs?.recommendedOptions : undefined;
    result[`handler-state/${name}`] = options ? ['error', ...options] : 'error';
  }
  return result;
}

const TS_FILE_GLOBS = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];
const TS_PARSER = '@typescript-eslint/parser';

interface TsParser {
  parseForESLint(code: string, options?: Linter.ParserOptions): Linter.ESLintParseResult;
}

let loadedParser: TsParser | undefined;

/**
 * `@typescript-eslint/parser` as the project has it when its major version is this plugin's, else the plugin's
 * own copy. With one copy installed (the usual case: the dependency range lets npm share typescript-eslint's),
 * both are the same module; with two, the project's typescript-eslint parser is the one that parses its files.
 */
function tsParserModule(): TsParser {
  if (loadedParser) return loadedParser;
  const own = require.resolve(TS_PARSER);
  let chosen = own;
  try {
    const projectRequire = createRequire(path.join(process.cwd(), 'package.json'));
    const theirs = projectRequire.resolve(TS_PARSER);
    const version = (projectRequire(`${TS_PARSER}/package.json`) as { version: string }).version;
    const ownVersion = (require(`${TS_PARSER}/package.json`) as { version: string }).version;
    if (version.split('.')[0] === ownVersion.split('.')[0]) chosen = theirs;
  } catch {
    // No copy of its own in the project: the plugin's.
  }
  loadedParser = require(chosen) as TsParser;
  return loadedParser;
}

/**
 * The parser the configs set for TypeScript files. It loads `@typescript-eslint/parser` (and with it TypeScript)
 * on the first TypeScript file, not when the config is read.
 */
const tsParser: Linter.Parser = {
  meta: { name: TS_PARSER, version: (require(`${TS_PARSER}/package.json`) as { version: string }).version },
  parseForESLint(code: string, options?: Linter.ParserOptions) {
    return tsParserModule().parseForESLint(code, options);
  },
};

const plugin: HandlerStatePlugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'handler-state' },
  // typescript-eslint's rule type is a stricter shape of the same object ESLint calls a rule module.
  rules: rules as unknown as Record<RuleName, Rule.RuleModule>,
  configs: {} as HandlerStatePlugin['configs'],
};

function makeConfig(level: 'recommended' | 'strict'): Linter.Config[] {
  return [
    {
      name: `handler-state/${level}`,
      plugins: { 'handler-state': plugin },
      rules: rulesFor(level),
    },
    {
      // Zero configuration for TypeScript handlers: the same parser typescript-eslint's configs use.
      name: `handler-state/${level}/typescript`,
      files: TS_FILE_GLOBS,
      languageOptions: { parser: tsParser },
    },
  ];
}

/**
 * Type information is opt-in, as typescript-eslint recommends: these configs turn on the project service for
 * TypeScript files and tell the analysis to use it. Without them a program that happens to exist is ignored.
 */
function makeTypeCheckedConfig(level: 'recommended' | 'strict'): Linter.Config[] {
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
    files: [...TEST_FILE_GLOBS],
    rules: Object.fromEntries(Object.keys(rules).map((name) => [`handler-state/${name}`, 'off'])),
  },
];

export type { ConfigName, RuleName };
export default plugin;
// `require('eslint-plugin-handler-state')` from a CommonJS config returns the plugin itself, not `{ default }`
// (Node's require(esm), 20.19+ and 22.12+, returns the export named "module.exports" when there is one).
export { plugin as 'module.exports' };
