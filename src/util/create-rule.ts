// The one factory every rule is built with: fills docs.url and types the plugin-specific docs fields.
import { createRequire } from 'node:module';
import { ESLintUtils } from '@typescript-eslint/utils';

export interface HandlerStateDocs {
  /** Which config first turns the rule on: `recommended` rules are in both configs, `strict` ones only in strict. */
  recommended: 'recommended' | 'strict';
  /**
   * The options `recommended` runs the rule with, when they differ from its defaults (a narrower subset);
   * `strict` always runs it with its defaults, so it reports everything `recommended` does.
   */
  recommendedOptions?: readonly unknown[];
}

export const REPO_URL = 'https://github.com/eslint-plugin-handler-state/eslint-plugin-handler-state';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Docs of this release, at its tag: the page describes the rule as the installed version has it. */
export const DOCS_URL = `${REPO_URL}/blob/v${version}/docs`;

export const createRule = ESLintUtils.RuleCreator<HandlerStateDocs>((name) => `${DOCS_URL}/rules/${name}.md`);
