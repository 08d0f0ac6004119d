// The repository's own lint: TypeScript sources through typescript-eslint's type-checked recommended config,
// rule modules checked by eslint-plugin-eslint-plugin. (The plugin itself is not turned on here: this code has no
// request handlers.)
import { defineConfig, globalIgnores } from 'eslint/config';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    'dist/',
    'coverage/',
    // Handler samples that leak on purpose; they are linted by the plugin's own tests and the examples script.
    'test/fixtures/',
    'examples/',
    'bench/.corpus/',
    // Generated handler files the handler benchmark lints, committed so every run measures the same code.
    'bench/handler-corpus/',
    'bench/results/',
  ]),
  {
    name: 'repo/typescript',
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      sourceType: 'module',
      // Types come from tsconfig.json, which holds every linted TypeScript file.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Unused imports and variables; `const { dropped, ...rest } = value` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    name: 'repo/ast-code',
    files: [
      'src/analysis/**/*.ts',
      'src/cli/manifests/**/*.ts',
      'src/rules/**/*.ts',
      'src/runtime/imports.ts',
      'src/util/**/*.ts',
    ],
    rules: {
      // AST and scope-manager code compares `node.type` and `def.type` with string literals ('Identifier'), which
      // narrow the node unions exactly as the AST_NODE_TYPES / DefinitionType enum members do.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    name: 'repo/vitest',
    files: ['test/**/*.test.ts'],
    rules: {
      // vitest types its asymmetric matchers (expect.stringMatching, expect.any, ...) as `any` by design.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    name: 'repo/all',
    files: ['**/*.{js,mjs,cjs,ts}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-debugger': 'error',
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      'no-self-compare': 'error',
    },
  },
  {
    name: 'repo/rules',
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      // Every rule has a docs page; its URL comes from the shared createRule factory.
      'eslint-plugin/require-meta-docs-url': 'off',
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Enforce|Require)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/prefer-message-ids': 'error',
      'eslint-plugin/no-property-in-node': 'off',
      // Suggestions are built in the shared reporter (src/util/report.ts), out of this rule's sight.
      'eslint-plugin/require-meta-has-suggestions': 'off',
    },
  },
  {
    name: 'repo/rule-tests',
    files: ['test/rules/**/*.ts'],
    extends: [eslintPlugin.configs.tests],
  },
]);
