// One file through ESLint's Linter: with one rule (for message text), or with a probe that reads the analysis.
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, Linter, type Rule } from 'eslint';
import { analyze } from '../../src/analysis/index.js';
import plugin from '../../src/index.js';
import { makeProject } from './temp.js';

const ALL_SOURCES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.tsx', '**/*.jsx', '**/*.mts', '**/*.cts'];

/** Lints `code` (as `handler.ts` unless told) with one rule through ESLint's `Linter`, for assertions on message text. */
export function lintWithRule(
  rule: unknown,
  code: string,
  sourceType: 'module' | 'commonjs' = 'module',
  filename = 'handler.ts',
): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, ecmaVersion: 'latest', sourceType },
        plugins: { hs: { rules: { rule: rule as never } } },
        rules: { 'hs/rule': 'error' },
      },
    ],
    { filename },
  );
}

/** Lints `code` as the file `filename` (JSX on) with one rule through ESLint's `Linter`, for message assertions. */
export function lintFile(rule: unknown, filename: string, code: string): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  return linter.verify(
    code,
    [
      {
        files: ALL_SOURCES,
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { hs: { rules: { rule: rule as never } } },
        rules: { 'hs/rule': 'error' },
      },
    ],
    { filename },
  );
}

/** A handler as the analysis reports it: the name it is exported or registered under, its platform, and why. */
export interface DetectedHandler {
  name: string;
  platform: string | undefined;
  reason: string;
}

export interface DetectOptions {
  /** The whole `settings` object of the config, e.g. `{ 'handler-state': { handlers: ['run'] } }`. */
  settings?: Record<string, unknown>;
  commonjs?: boolean;
}

/**
 * The handlers the shared analysis finds in one file, in the order it reports them, read through `analyze()` by a
 * probe rule. A parse error throws, so a row whose code does not parse cannot pass as "no handlers".
 */
export function detectHandlers(code: string, filename: string, options: DetectOptions = {}): DetectedHandler[] {
  const found: DetectedHandler[] = [];
  const probe: Rule.RuleModule = {
    create(context) {
      return {
        'Program:exit'() {
          const analysis = analyze(context as unknown as Parameters<typeof analyze>[0]);
          for (const { name, platform, reason } of analysis.handlers) found.push({ name, platform, reason });
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const messages = linter.verify(
    code,
    [
      {
        files: ALL_SOURCES,
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

/**
 * Lints one file of a small project (posix path → contents; an ES-module `package.json` is added unless given)
 * through the real ESLint class with one of the plugin's configs, as a user lints it.
 */
export async function lintProjectFile(
  files: Record<string, string>,
  file: string,
  config: 'recommended' | 'strict' = 'recommended',
): Promise<Linter.LintMessage[]> {
  const root = makeProject({ 'package.json': JSON.stringify({ name: 'app', type: 'module' }), ...files });
  const [result] = await eslintIn(root, config).lintFiles([path.join(root, file)]);
  return result.messages;
}

/** The real ESLint class in `cwd` with one of the plugin's configs and no config file, as a user's project lints. */
export function eslintIn(
  cwd: string,
  config: 'recommended' | 'strict' = 'strict',
  options: Partial<ESLint.Options> = {},
): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs[config] as never[])] as ESLint.Options['overrideConfig'],
    ...options,
  });
}

/** 1-based line where `text` first occurs in `code`; a fixture without it is a broken test. */
export function lineOf(code: string, text: string): number {
  const index = code.indexOf(text);
  if (index < 0) throw new Error(`fixture has no ${JSON.stringify(text)}`);
  return code.slice(0, index).split('\n').length;
}
