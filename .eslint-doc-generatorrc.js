// Settings for eslint-doc-generator: the README rules table and the header/options list of each docs/rules/*.md.
// The plugin is read from the built package (package.json "exports" -> dist/index.js), so run `npm run build` first.
import prettier from 'prettier';

/** Used only when the repository has no Prettier config of its own; matches the style of src/. */
const FALLBACK_PRETTIER = { singleQuote: true, printWidth: 120 };

/** @type {import('eslint-doc-generator').GenerateOptions} */
const config = {
  pathRuleDoc: 'docs/rules/{name}.md',
  pathRuleList: 'README.md',
  ruleDocTitleFormat: 'prefix-name',
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
  ],
  // Turns rules off in test files; a column of 🚫 on every rule would say nothing useful.
  ignoreConfig: ['disable-in-tests', 'recommendedTypeChecked', 'strictTypeChecked'],
  ruleListColumns: ['name', 'description', 'configsError', 'hasSuggestions', 'options'],
  ruleDocNotices: ['description', 'configs', 'hasSuggestions', 'options'],
  ruleDocSectionInclude: [
    'Examples',
    'Options',
    'How to fix: AsyncLocalStorage',
    'When not to use it',
    'Known limitations',
  ],
  urlConfigs: 'https://github.com/eslint-plugin-handler-state/eslint-plugin-handler-state#configs',
  // Format the whole file the way `prettier --write` would, so the generator and Prettier never fight over tables.
  async postprocess(content, pathToFile) {
    const options = (await prettier.resolveConfig(pathToFile)) ?? FALLBACK_PRETTIER;
    return prettier.format(content, { ...options, filepath: pathToFile });
  },
};

export default config;
