// `handler-state scan [paths]`: lints a project with the plugin's own config through the ESLint API, no config file needed.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ESLint, type Linter, type Rule } from 'eslint';
import { analyze } from '../analysis/index.js';
import plugin from '../index.js';
import { discoverHandlers, toSettings } from './discover.js';
import { collectFiles, describeError, type PathProblem } from './files.js';
import { formatHuman } from './format-human.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { problemResult, summaryLine, totals, type RuleInfo, type ScanReport } from './scan-report.js';

/** Where the command writes, and from which directory it runs; tests pass fakes. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  env?: Record<string, string | undefined>;
}

export const FORMATS = ['human', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** ESLint's exit codes: 0 clean, 1 findings (or too many warnings), 2 usage, missing input or internal error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FATAL = 2;

export const SCAN_USAGE = `Usage: handler-state scan [paths...] [options]

Lints JavaScript and TypeScript files under the given paths (default: .) with the recommended config of
eslint-plugin-handler-state. No ESLint config is needed; .gitignore, node_modules and build output are skipped.
Handlers declared in serverless.yml and SAM template.yaml files are picked up.

Options:
  -f, --format <human|json|sarif>   Output format (default: human)
  -o, --output-file <path>          Write the report to a file instead of stdout
      --max-warnings <n>            Exit with 1 when there are more than n warnings (default: no limit)
      --strict                      Use the strict config (adds no-module-state-write)
      --no-manifests                Do not read serverless.yml / template.yaml for handler declarations
      --color, --no-color           Force colors on or off in the human format
  -h, --help                        Show this help

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage error, a path that does not exist or cannot be read, or an internal error.
`;

/** Test hooks; the command line never sets them. */
export interface ScanOptions {
  /** Milliseconds before the TTY progress indicator appears (default 1000). */
  progressDelayMs?: number;
}

interface ParsedScanArgs {
  paths: string[];
  format: Format;
  outputFile?: string;
  maxWarnings: number;
  strict: boolean;
  manifests: boolean;
  color?: boolean;
  help: boolean;
}

class UsageError extends Error {}

function parseScanArgs(argv: readonly string[]): ParsedScanArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        strict: { type: 'boolean' },
        'no-manifests': { type: 'boolean' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'human') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`Unknown format "${values.format}": use one of ${FORMATS.join(', ')}`);
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/u.test(raw)) throw new UsageError(`--max-warnings needs a whole number, got "${raw}"`);
    maxWarnings = Number(raw);
  }
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    outputFile: values['output-file'],
    maxWarnings,
    strict: values.strict ?? false,
    manifests: !(values['no-manifests'] ?? false),
    color: values['no-color'] ? false : values.color ? true : undefined,
    help: values.help ?? false,
  };
}

/**
 * Handler declarations from deployment manifests, as `settings['handler-state']`. Discovery problems are
 * returned as notes: a broken manifest must not stop the scan of the code.
 */
async function discoveredSettings(
  cwd: string,
  scanned: readonly string[],
): Promise<{ settings?: Record<string, unknown>; notes: string[] }> {
  const { entries, problems } = await discoverHandlers(cwd);
  // Only manifests that concern the scanned paths are worth a note: those inside them, or above them
  // (a root serverless.yml when scanning `src`).
  const related = (manifest: string): boolean => {
    const manifestDir = path.dirname(path.resolve(cwd, manifest));
    return scanned.some((target) => isWithin(target, manifestDir) || isWithin(manifestDir, target));
  };
  const notes = problems
    .filter((problem) => related(problem.manifest))
    .map((problem) => `${problem.manifest}: ${problem.message}`);
  if (entries.length === 0) return { notes };
  return { settings: { ...toSettings(entries) }, notes };
}

function isWithin(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

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

type SourceType = 'module' | 'commonjs';

/** Node's rule: `.mjs` is ESM, `.cjs` CommonJS, `.js`/`.jsx` follow the nearest package.json `type`. */
function sourceTypeFinder(): (file: string) => SourceType {
  const byDirectory = new Map<string, SourceType>();
  const lookup = (directory: string): SourceType => {
    const cached = byDirectory.get(directory);
    if (cached) return cached;
    let found: SourceType | undefined;
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { type?: unknown };
      found = pkg.type === 'module' ? 'module' : 'commonjs';
    } catch {
      const parent = path.dirname(directory);
      found = parent === directory ? 'commonjs' : lookup(parent);
    }
    byDirectory.set(directory, found);
    return found;
  };
  return (file) => lookup(path.dirname(file));
}

function ruleInfos(): Map<string, RuleInfo> {
  const infos = new Map<string, RuleInfo>();
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const docs = rule.meta.docs as { description?: string; url?: string } | undefined;
    infos.set(`handler-state/${name}`, { description: docs?.description ?? name, url: docs?.url ?? '' });
  }
  return infos;
}

function createLinter(
  cwd: string,
  strict: boolean,
  sourceType: SourceType,
  settings: Record<string, unknown> | undefined,
  counts: Map<string, number>,
): ESLint {
  const base = (strict ? plugin.configs.strict : plugin.configs.recommended) as unknown as Linter.Config[];
  const inTests = plugin.configs['disable-in-tests'] as unknown as Linter.Config[];
  const testGlobs = inTests.flatMap((config) => config.files ?? []);
  const overrideConfig: Linter.Config[] = [
    ...base,
    {
      name: 'handler-state/scan',
      linterOptions: {
        // The scan turns on only this plugin's rules: directives for the project's other rules are not "unused".
        reportUnusedDisableDirectives: 'off',
      },
      plugins: { 'handler-state-scan': { rules: { 'count-handlers': handlerCounter(counts) } } },
      rules: { 'handler-state-scan/count-handlers': 'error' },
      ...(settings ? { settings: { 'handler-state': settings } } : {}),
    },
    // Tests mutate module state on purpose: the same override users add, and no handler counting there either.
    ...inTests,
    { name: 'handler-state/scan/tests', files: testGlobs, rules: { 'handler-state-scan/count-handlers': 'off' } },
    { name: 'handler-state/scan/javascript', files: ['**/*.js', '**/*.jsx'], languageOptions: { sourceType } },
    {
      name: 'handler-state/scan/jsx',
      files: ['**/*.jsx'],
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    },
  ];
  return new ESLint({ cwd, overrideConfigFile: true, overrideConfig });
}

function shouldColor(io: CliIO, requested: boolean | undefined, toFile: boolean): boolean {
  if (requested !== undefined) return requested;
  if (toFile) return false;
  const env = io.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** A one-line "scanning n/m" on a TTY stderr once the scan has taken longer than the delay; silent otherwise. */
function progressReporter(io: CliIO, total: number, delayMs: number) {
  const enabled = io.stderr.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let shown = false;
  return {
    tick(done: number): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < delayMs || now - lastDraw < 100) return;
      lastDraw = now;
      shown = true;
      io.stderr.write(`\r\u001b[2Khandler-state: scanning ${done}/${total} files…`);
    },
    done(): void {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}

function isFatalParse(messages: Linter.LintMessage[]): boolean {
  return messages.some((message) => message.fatal === true);
}

/** Runs the scan; resolves to the exit code. Never throws: internal errors become exit code 2. */
export async function runScan(argv: readonly string[], io: CliIO, options: ScanOptions = {}): Promise<number> {
  let args: ParsedScanArgs;
  try {
    args = parseScanArgs(argv);
  } catch (error) {
    io.stderr.write(`handler-state scan: ${(error as Error).message}\n\n${SCAN_USAGE}`);
    return EXIT_FATAL;
  }
  if (args.help) {
    io.stdout.write(SCAN_USAGE);
    return EXIT_OK;
  }
  try {
    return await scan(args, io, options);
  } catch (error) {
    io.stderr.write(`handler-state scan: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_FATAL;
  }
}

async function scan(args: ParsedScanArgs, io: CliIO, options: ScanOptions): Promise<number> {
  const cwd = path.resolve(io.cwd);
  const collected = collectFiles(args.paths, cwd);
  const pathProblems: PathProblem[] = [...collected.problems];

  let settings: Record<string, unknown> | undefined;
  if (args.manifests) {
    try {
      const scanned = args.paths.map((input) => path.resolve(cwd, input));
      const discovered = await discoveredSettings(cwd, scanned);
      settings = discovered.settings;
      for (const note of discovered.notes) io.stderr.write(`handler-state scan: manifest: ${note}\n`);
    } catch (error) {
      io.stderr.write(
        `handler-state scan: reading deployment manifests failed, scanning without them: ${describeError(error)}\n`,
      );
    }
  }

  const counts = new Map<string, number>();
  const linters = new Map<SourceType, ESLint>();
  const linterFor = (sourceType: SourceType): ESLint => {
    let linter = linters.get(sourceType);
    if (!linter) {
      linter = createLinter(cwd, args.strict, sourceType, settings, counts);
      linters.set(sourceType, linter);
    }
    return linter;
  };
  const sourceTypeOf = sourceTypeFinder();

  const results: ESLint.LintResult[] = [];
  const sources = new Map<string, string>();
  const progress = progressReporter(io, collected.files.length, options.progressDelayMs ?? 1000);
  let filesScanned = 0;
  for (const [index, file] of collected.files.entries()) {
    progress.tick(index);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      pathProblems.push({ path: file, kind: 'unreadable', message: `Cannot read file: ${describeError(error)}` });
      continue;
    }
    const extension = path.extname(file);
    const isPlainJs = extension === '.js' || extension === '.jsx';
    const guess: SourceType = isPlainJs ? sourceTypeOf(file) : 'module';
    let [result] = await linterFor(guess).lintText(text, { filePath: file });
    // Plenty of `.js` files in CommonJS packages are ESM for a bundler (and the other way round): when the
    // package's own type fails to parse, the other source type gets one try before the parse error stands.
    if (result && isPlainJs && isFatalParse(result.messages)) {
      counts.delete(file);
      const [retry] = await linterFor(guess === 'module' ? 'commonjs' : 'module').lintText(text, { filePath: file });
      if (retry && !isFatalParse(retry.messages)) result = retry;
    }
    if (!result) continue;
    filesScanned++;
    sources.set(file, text);
    results.push(result);
  }
  progress.done();

  // A directory that exists but holds nothing to scan is as suspicious to a CI gate as a missing one.
  if (collected.files.length === 0 && collected.problems.length === 0) {
    for (const input of args.paths) {
      pathProblems.push({
        path: path.resolve(cwd, input),
        kind: 'missing',
        message: `No JavaScript or TypeScript files to scan in ${input}`,
      });
    }
  }
  for (const problem of pathProblems) results.push(problemResult(problem));
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));

  const report: ScanReport = {
    cwd,
    results,
    sources,
    filesScanned,
    handlersByFile: counts,
    pathProblems,
    rules: ruleInfos(),
    tool: {
      name: plugin.meta.name,
      version: plugin.meta.version,
      informationUri: 'https://github.com/eslint-plugin-handler-state/eslint-plugin-handler-state',
    },
  };

  const toFile = args.outputFile !== undefined;
  const output =
    args.format === 'json'
      ? `${formatJson(report)}\n`
      : args.format === 'sarif'
        ? formatSarif(report)
        : formatHuman(report, { color: shouldColor(io, args.color, toFile) });
  if (toFile) {
    const target = path.resolve(cwd, args.outputFile as string);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output);
    } catch (error) {
      io.stderr.write(`handler-state scan: cannot write ${args.outputFile}: ${describeError(error)}\n`);
      return EXIT_FATAL;
    }
  } else {
    io.stdout.write(output);
  }
  // Machine formats keep stdout a pure document; the summary goes where a person is looking.
  if (toFile) io.stdout.write(`${summaryLine(report)}\n`);
  else if (args.format !== 'human' && io.stderr.isTTY === true) io.stderr.write(`${summaryLine(report)}\n`);

  const sums = totals(report);
  const tooManyWarnings = args.maxWarnings >= 0 && sums.warningCount > args.maxWarnings;
  if (tooManyWarnings && sums.errorCount === 0) {
    io.stderr.write(`handler-state scan found too many warnings (maximum: ${args.maxWarnings}).\n`);
  }
  if (pathProblems.some((problem) => problem.kind === 'missing' || problem.kind === 'unreadable')) return EXIT_FATAL;
  if (sums.errorCount > 0 || tooManyWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
