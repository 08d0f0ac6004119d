// The command line of `handler-state scan`: options, usage and the checks on them. The scan itself (ESLint, the
// analysis) lives in scan.ts and is loaded only once the arguments are good.
import { parseCommandLine, UsageError, type OptionSpecs } from './args.js';
import { EXIT_FATAL, EXIT_OK } from './exit-codes.js';
import type { ConfigMode } from './project.js';
import { packageVersion } from './version.js';

/** Where the command writes, and from which directory it runs; tests pass fakes. */
export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  cwd: string;
  env?: Record<string, string | undefined>;
}

/** `stylish` is accepted as another name of `human`, for people who type ESLint's default. */
export const FORMATS = ['human', 'stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export const SCAN_USAGE = `Usage: handler-state scan [paths...] [options]

Lints JavaScript and TypeScript files under the given paths (default: .) with the rules of
eslint-plugin-handler-state. No ESLint config is needed; .gitignore, node_modules and build output are skipped.
Handlers declared in serverless.yml and SAM template.yaml files of the project are picked up.

Options:
  -f, --format <name>         human (alias: stylish), json or sarif (default: human)
  -o, --output-file <path>    Write the report to a file; nothing is printed on stdout
  -c, --config <file>         Take the plugin's rule options, settings and ignores from this ESLint config
      --no-config-lookup      Do not read the project's eslint.config.*: only the scan's own config applies
      --strict                Use the strict rule set (adds no-module-state-write) where the project's config
                              does not configure the plugin
      --ignore-pattern <pat>  Skip files matching this .gitignore-style pattern, relative to the working
                              directory (repeatable)
      --quiet                 Report errors only
      --max-warnings <n>      Exit with 1 when there are more than n warnings (default: no limit)
      --no-manifests          Do not read serverless.yml / template.yaml for handler declarations
      --verbose               List every manifest problem (by default: one summary line)
      --color, --no-color     Force colors on or off in the human format
  -v, --version               Print the version
  -h, --help                  Show this help

Which settings win: the project's ESLint config (found from each file's directory upwards, or --config)
decides which of the plugin's rules run for a file, with which options, and its settings['handler-state'];
handlers from manifests are added to those settings. Where the config does not configure the plugin, the
scan's own rule set applies (recommended, or strict with --strict). --ignore-pattern, .gitignore and the
config's ignores all apply.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too many warnings,
2 usage error, a path that does not exist or cannot be read, a config that cannot be loaded, or an internal error.
`;

const SCAN_OPTIONS = {
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config-lookup': { type: 'boolean' },
  'ignore-pattern': { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  strict: { type: 'boolean' },
  'no-manifests': { type: 'boolean' },
  verbose: { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

/** Test hooks; the command line never sets them. */
export interface ScanOptions {
  /** Milliseconds before the TTY progress indicator appears (default 1000). */
  progressDelayMs?: number;
}

export interface ParsedScanArgs {
  paths: string[];
  format: Format;
  outputFile?: string;
  config: ConfigMode;
  ignorePatterns: string[];
  quiet: boolean;
  maxWarnings: number;
  strict: boolean;
  manifests: boolean;
  verbose: boolean;
  color?: boolean;
  version: boolean;
  help: boolean;
}

export function parseScanArgs(argv: readonly string[]): ParsedScanArgs {
  const { values, positionals } = parseCommandLine(argv, SCAN_OPTIONS);
  const format = (values.format ?? 'human') as Format;
  if (!FORMATS.includes(format)) {
    throw new UsageError(`unknown format "${values.format}": use one of ${FORMATS.join(', ')}`);
  }
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/u.test(raw)) throw new UsageError(`--max-warnings needs a whole number, got "${raw}"`);
    maxWarnings = Number(raw);
  }
  if (values.config !== undefined && values['no-config-lookup']) {
    throw new UsageError('--config and --no-config-lookup cannot be used together');
  }
  const config: ConfigMode =
    values.config !== undefined
      ? { kind: 'file', file: values.config }
      : values['no-config-lookup']
        ? { kind: 'none' }
        : { kind: 'lookup' };
  return {
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    outputFile: values['output-file'],
    config,
    ignorePatterns: values['ignore-pattern'] ?? [],
    quiet: values.quiet ?? false,
    maxWarnings,
    strict: values.strict ?? false,
    manifests: !(values['no-manifests'] ?? false),
    verbose: values.verbose ?? false,
    color: values['no-color'] ? false : values.color ? true : undefined,
    version: values.version ?? false,
    help: values.help ?? false,
  };
}

/** Runs the scan; resolves to the exit code. Never throws: internal errors become exit code 2. */
export async function runScan(argv: readonly string[], io: CliIO, options: ScanOptions = {}): Promise<number> {
  let args: ParsedScanArgs;
  try {
    args = parseScanArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`handler-state scan: ${error.message}\n\n${SCAN_USAGE}`);
    return EXIT_FATAL;
  }
  if (args.help) {
    io.stdout.write(SCAN_USAGE);
    return EXIT_OK;
  }
  if (args.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT_OK;
  }
  try {
    // ESLint and the analysis are loaded only now: help, version and usage errors answer without them.
    const { scan } = await import('./scan.js');
    return await scan(args, io, options);
  } catch (error) {
    io.stderr.write(`handler-state scan: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_FATAL;
  }
}
