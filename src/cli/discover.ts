// The `handler-state discover` command: finds handlers in deployment manifests and prints the settings block.
import fs from 'node:fs';
import path from 'node:path';
import { readCdkSources } from './manifests/cdk.js';
import { readCloudFormation } from './manifests/cloudformation.js';
import { isDirectory, relativeToProject } from './manifests/paths.js';
import { readServerless } from './manifests/serverless.js';
import { parseCommandLine, UsageError, type OptionSpecs } from './args.js';
import type { DiscoveredHandler, DiscoveryProblem, ManifestResult } from './manifests/types.js';
import { walkProject } from './manifests/walk.js';

export type { DiscoveredHandler, DiscoveryProblem } from './manifests/types.js';

/** The `settings['handler-state']` block the discovered handlers amount to. */
export interface DiscoveredSettings {
  handlers: Array<{ files: string; names: string[] }>;
}

export interface DiscoverIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/**
 * Reads every deployment manifest under `projectDir` (serverless.yml, SAM/CloudFormation templates, CDK
 * sources). Never throws on malformed input: what cannot be read becomes a problem and is skipped.
 */
export async function discoverHandlers(
  projectDir: string,
): Promise<{ entries: DiscoveredHandler[]; problems: DiscoveryProblem[] }> {
  const root = path.resolve(projectDir);
  const files = walkProject(root);
  const results: ManifestResult[] = [];
  const context = (manifestPath: string) => ({
    projectDir: root,
    manifestPath,
    manifest: relativeToProject(root, manifestPath),
  });
  for (const manifestPath of files.serverless) results.push(readServerless(context(manifestPath)));
  for (const manifestPath of files.cloudformation) results.push(readCloudFormation(context(manifestPath)));
  results.push(await readCdkSources(root, files.sources));

  const entries = results.flatMap((result) => result.entries);
  const problems = results.flatMap((result) => result.problems);
  // Stable order for output and tests: by manifest, then the order the manifest declares its functions in.
  const byManifest = (a: { manifest: string }, b: { manifest: string }): number => compare(a.manifest, b.manifest);
  entries.sort(byManifest);
  problems.sort(byManifest);
  return { entries, problems };
}

/** Groups entries per file: `{ handlers: [{ files: 'src/a.ts', names: ['main'] }] }`, files and names sorted. */
export function toSettings(entries: readonly DiscoveredHandler[]): DiscoveredSettings {
  const names = new Map<string, Set<string>>();
  for (const entry of entries) {
    let set = names.get(entry.file);
    if (!set) names.set(entry.file, (set = new Set()));
    set.add(entry.exportName);
  }
  return {
    handlers: [...names.keys()].sort(compare).map((file) => ({
      files: escapeGlob(file),
      names: [...names.get(file)!].sort(compare),
    })),
  };
}

/** Settings globs are picomatch patterns: a path such as `src/[id].ts` must match itself, not `src/i.ts`. */
export function escapeGlob(file: string): string {
  return file.replace(/[\\*?[\]{}()!+@]/g, '\\$&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const USAGE = `Usage: handler-state discover [projectDir] [--json] [--write <file>] [--verbose]

Finds Lambda handlers declared in serverless.yml, SAM/CloudFormation templates and AWS CDK stacks under
projectDir (default: the current directory) and prints the settings['handler-state'] block for eslint.config.js.

Options:
  --json          print the settings, entries and problems as JSON
  --write <file>  write the settings as JSON to <file> (import it from eslint.config.js)
  --verbose       list every manifest problem on stderr (by default: one summary line)
  -h, --help      show this help

Exit status: 0 handlers found (manifest problems are notes), 1 no handler found, 2 usage or write error.`;

const DISCOVER_OPTIONS = {
  json: { type: 'boolean' },
  write: { type: 'string' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

interface DiscoverOptions {
  projectDir: string;
  json: boolean;
  write?: string;
  verbose: boolean;
  help: boolean;
}

function parseArguments(argv: readonly string[]): DiscoverOptions {
  const { values, positionals } = parseCommandLine(argv, DISCOVER_OPTIONS);
  if (positionals.length > 1) {
    throw new UsageError(`expected at most one project directory, got ${positionals.length}`);
  }
  return {
    projectDir: positionals[0] ?? '.',
    json: values.json ?? false,
    write: values.write,
    verbose: values.verbose ?? false,
    help: values.help ?? false,
  };
}

/**
 * Manifest problems as stderr lines: every one with `verbose`, else one line that counts them by reason (a
 * repository of examples can hold dozens of manifests for other providers, and one line each buries the output).
 */
export function problemLines(problems: readonly DiscoveryProblem[], prefix: string, verbose: boolean): string[] {
  if (problems.length === 0) return [];
  if (verbose || problems.length === 1) {
    return problems.map((problem) => `${prefix}${problem.manifest}: ${oneLine(problem.message)}`);
  }
  const byReason = new Map<string, number>();
  for (const problem of problems) {
    const reason = problem.reason ?? 'CDK';
    byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  }
  const manifests = new Set(problems.map((problem) => problem.manifest)).size;
  const reasons = [...byReason]
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .map(([reason, count]) => `${reason}: ${count}`)
    .join(', ');
  return [
    `${prefix}${problems.length} manifest problems in ${manifests} manifest${manifests === 1 ? '' : 's'} (${reasons}); --verbose lists them`,
  ];
}

/** CLI entry: `handler-state discover [projectDir] [--write <file>] [--json] [--verbose]`. Returns the exit status. */
export async function runDiscover(argv: string[], io: DiscoverIo): Promise<number> {
  let options: DiscoverOptions;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`handler-state discover: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const projectDir = path.resolve(io.cwd, options.projectDir);
  if (!isDirectory(projectDir)) {
    io.stderr(`handler-state discover: ${options.projectDir} is not a directory\n`);
    return 2;
  }

  let result: Awaited<ReturnType<typeof discoverHandlers>>;
  try {
    result = await discoverHandlers(projectDir);
  } catch (error) {
    // Readers turn malformed input into problems; reaching this is a bug, but still not a stack trace.
    io.stderr(`handler-state discover: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { entries, problems } = result;
  for (const line of problemLines(problems, '', options.verbose)) io.stderr(`${line}\n`);
  const settings = { 'handler-state': toSettings(entries) };
  const manifests = [...new Set(entries.map((entry) => entry.manifest))];

  if (entries.length === 0) {
    io.stderr(
      problems.length === 0
        ? `handler-state discover: no handlers found in ${options.projectDir} (looked for serverless.yml, template.yaml and CDK stacks)\n`
        : 'handler-state discover: no handlers found\n',
    );
  }

  if (options.write !== undefined && entries.length > 0) {
    const target = path.resolve(io.cwd, options.write);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (error) {
      io.stderr(
        `handler-state discover: cannot write ${options.write}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return 2;
    }
  }

  if (options.json) {
    io.stdout(`${JSON.stringify({ settings, entries, problems }, null, 2)}\n`);
  } else if (options.write !== undefined) {
    if (entries.length > 0) {
      const files = settings['handler-state'].handlers.length;
      io.stdout(
        `Wrote ${entries.length} handler${entries.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} to ${options.write}\n`,
      );
    }
  } else if (entries.length > 0) {
    io.stdout(formatSnippet(settings['handler-state'], manifests));
  }
  return entries.length === 0 ? 1 : 0;
}

/** The ready-to-paste `settings` property of a flat config object. */
export function formatSnippet(settings: DiscoveredSettings, manifests: readonly string[]): string {
  const lines = [
    `// Discovered by handler-state discover from ${manifests.join(', ')}.`,
    '// Paths are relative to the project directory: run ESLint from there.',
    'settings: {',
    "  'handler-state': {",
    '    handlers: [',
    ...settings.handlers.map(
      (handler) => `      { files: ${quote(handler.files)}, names: [${handler.names.map(quote).join(', ')}] },`,
    ),
    '    ],',
    '  },',
    '},',
  ];
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
