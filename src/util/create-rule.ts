// The one factory every rule is built with: fills docs.url and types the plugin-specific docs fields.
import { ESLintUtils } from '@typescript-eslint/utils';

export interface HandlerStateDocs {
  /** Which config first turns the rule on: `recommended` rules are in both configs, `strict` ones only in strict. */
  recommended: 'recommended' | 'strict';
}

export const REPO_URL = 'https://github.com/eslint-plugin-handler-state/eslint-plugin-handler-state';

export const createRule = ESLintUtils.RuleCreator<HandlerStateDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
