// The ESLint instances a scan lints with: one per project base, rule set, settings and source type, built from the plugin's configs.
import path from 'node:path';
import { ESLint, type Linter, type Rule } from 'eslint';
import { analyze } from '../analysis/index.js';
import plugin from '../index.js';
import { readTextFile } from '../util/read-file.js';
import { isDirectiveComplaint } from './scan-report.js';

export type SourceType = 'module' | 'commonjs';

/** What decides the config of one linted file. */
export interface LintSetup {
  /** The directory ESLint runs in: the project's config directory, or the project root. */
  baseDir: string;
  /** The plugin's rules as the project configures them, or undefined for the scan's own set. */
  rules?: Record<string, Linter.RuleEntry>;
  /** `settings['handler-state']`, or undefined. */
  settings?: unknown;
  sourceType: SourceType;
}

const JS_FILES = ['**/*.js', '**/*.jsx', '**/*.cjs', '**/*.mjs'];
/** package.json files larger than this are not read for their `type`. */
const MAX_PACKAGE_JSON_BYTES = 1024 * 1024;

/** A rule that never reports: it records how many handlers the shared analysis found in each file. */
function handlerCounter(counts: Map<string, number>): Rule.RuleModule {
  return {
    meta: { type: 'suggestion', schema: [], docs: { description: 'Counts handlers for the scan summary' } },
    create(context) {
      return {
        'Program:exit'() {
          try {
            const analysis = analyze(context as unknown as Parameters<typeof analyze>[0]);
            if (analysis.handlers.length > 0) counts.set(context.filename, analysis.handlers.length);
          } catch {
            // The summary is a convenience; never let counting break a scan.
          }
        },
      };
    },
  };
}

/**
 * Builds ESLint instances on demand and keeps them, so files that share a setup share an instance (and ESLint's
 * config cache). `createESLint` is the one place instances are made, so the caller can watch ESLint's warnings.
 */
export class Linters {
  private readonly instances = new Map<string, ESLint>();
  /** Handlers per linted file, filled while linting. */
  readonly handlerCounts = new Map<string, number>();

  constructor(
    private readonly strict: boolean,
    private readonly createESLint: (options: ESLint.Options) => ESLint,
  ) {}

  get(setup: LintSetup): ESLint {
    const key = JSON.stringify([setup.baseDir, setup.sourceType, setup.rules ?? null, setup.settings ?? null]);
    let instance = this.instances.get(key);
    if (!instance) {
      instance = this.createESLint({
        cwd: setup.baseDir,
        overrideConfigFile: true,
        overrideConfig: this.configFor(setup),
      });
      this.instances.set(key, instance);
    }
    return instance;
  }

  private configFor(setup: LintSetup): Linter.Config[] {
    const recommended = plugin.configs.recommended;
    const inTests = plugin.configs['disable-in-tests'];
    const testGlobs = inTests.flatMap((config) => config.files ?? []);
    // The project's own rule entries replace the scan's set; the parser and the plugin come from the plugin's config.
    const rules: Linter.Config[] = setup.rules
      ? recommended.map((config) =>
          config.rules ? { ...config, name: 'handler-state/scan/project', rules: setup.rules } : config,
        )
      : [...(this.strict ? plugin.configs.strict : recommended), ...inTests];
    return [
      ...rules,
      {
        name: 'handler-state/scan',
        linterOptions: {
          // The scan runs only this plugin's rules: directives for the project's other rules are not "unused".
          reportUnusedDisableDirectives: 'off',
        },
        plugins: { 'handler-state-scan': { rules: { 'count-handlers': handlerCounter(this.handlerCounts) } } },
        rules: { 'handler-state-scan/count-handlers': 'error' },
        ...(setup.settings !== undefined ? { settings: { 'handler-state': setup.settings } } : {}),
      },
      // Tests mutate module state on purpose; their handlers are not counted either.
      { name: 'handler-state/scan/tests', files: testGlobs, rules: { 'handler-state-scan/count-handlers': 'off' } },
      {
        name: 'handler-state/scan/javascript',
        files: ['**/*.js', '**/*.jsx'],
        languageOptions: { sourceType: setup.sourceType },
      },
      {
        // Next.js pages and CRA components are JSX in `.js` files; JSX syntax never clashes with plain JavaScript.
        name: 'handler-state/scan/jsx',
        files: JS_FILES,
        languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      },
    ];
  }
}

/** Node's rule: `.mjs` is ESM, `.cjs` CommonJS, `.js`/`.jsx` follow the nearest package.json `type`. */
export function sourceTypeFinder(): (file: string) => SourceType {
  const byDirectory = new Map<string, SourceType>();
  const lookup = (directory: string): SourceType => {
    const cached = byDirectory.get(directory);
    if (cached) return cached;
    let found: SourceType | undefined;
    // Only a regular file of reasonable size is read: a package.json that is a FIFO or a link to /dev/zero is
    // treated as absent, as a broken one is.
    const read = readTextFile(path.join(directory, 'package.json'), MAX_PACKAGE_JSON_BYTES);
    if (read.ok) {
      try {
        const pkg = JSON.parse(read.text) as { type?: unknown } | null;
        found = pkg?.type === 'module' ? 'module' : 'commonjs';
      } catch {
        found = undefined;
      }
    }
    if (found === undefined) {
      const parent = path.dirname(directory);
      found = parent === directory ? 'commonjs' : lookup(parent);
    }
    byDirectory.set(directory, found);
    return found;
  };
  return (file) => lookup(path.dirname(file));
}

/** The parse error of a result: a fatal message, other than ESLint's complaint about a leftover directive. */
function fatalOf(result: ESLint.LintResult): Linter.LintMessage | undefined {
  return result.messages.find((message) => message.fatal === true && !isDirectiveComplaint(message));
}

/**
 * Lints one file. A `.js`/`.jsx` file is parsed as its package says first; when that fails, the other source type
 * gets one try (bundled projects hold ESM in `.js` files of CommonJS packages, and the other way round). When both
 * fail, the error reported is the one that got furthest into the file: a misleading "import may appear only in a
 * module" at line 1 gives way to the real syntax error further down.
 */
export async function lintFile(
  linters: Linters,
  setup: Omit<LintSetup, 'sourceType'>,
  file: string,
  text: string,
  sourceTypeOf: (file: string) => SourceType,
): Promise<ESLint.LintResult | undefined> {
  const extension = path.extname(file);
  const isPlainJs = extension === '.js' || extension === '.jsx';
  const guess: SourceType = isPlainJs ? sourceTypeOf(file) : 'module';
  const [first] = await linters.get({ ...setup, sourceType: guess }).lintText(text, { filePath: file });
  const firstError = first && fatalOf(first);
  if (!first || !isPlainJs || !firstError) return first;
  linters.handlerCounts.delete(file);
  const other: SourceType = guess === 'module' ? 'commonjs' : 'module';
  const [retry] = await linters.get({ ...setup, sourceType: other }).lintText(text, { filePath: file });
  const retryError = retry && fatalOf(retry);
  if (retry && !retryError) return retry;
  if (
    retryError &&
    (retryError.line > firstError.line ||
      (retryError.line === firstError.line && retryError.column > firstError.column))
  ) {
    return retry;
  }
  linters.handlerCounts.delete(file);
  return first;
}
