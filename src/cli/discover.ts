// The `handler-state discover` command: finds handlers in deployment manifests and prints the settings block.
import fs from 'node:fs';
import path from 'node:path';
import { readCdkSources } from './manifests/cdk.js';
import { readCloudFormation } from './manifests/cloudformation.js';
import { isDirectory, relativeToProject } from './manifests/paths.js';
import { readServerless } from './manifests/serverless.js';
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
function escapeGlob(file: string): string {
  return file.replace(/[\\*?[\]{}()!+@]/g, '\\$&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const USAGE = `Usage: handler-state discover [projectDir] [--json] [--write <file>]

Finds Lambda handlers declared in serverless.yml, SAM/CloudFormation templates and AWS CDK stacks under
projectDir (default: the current directory) and prints the settings['handler-state'] block for eslint.config.js.

Options:
  --json          print the settings, entries and problems as JSON
  --write <file>  write the settings as JSON to <file> (import it from eslint.config.js)
  -h, --help      show this help

Exit status: 0 all found, 1 problems reported or no handler found, 2 usage or write error.`;

interface DiscoverOptions {
  projectDir: string;
  json: boolean;
  write?: string;
  help: boolean;
}

function parseArguments(argv: readonly string[]): DiscoverOptions | string {
  const args = [...argv];
  const options: DiscoverOptions = { projectDir: '.', json: false, help: false };
  const positional: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--json') options.json = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--write' || arg.startsWith('--write=')) {
      const value = arg === '--write' ? args[++index] : arg.slice('--write='.length);
      if (!value || (arg === '--write' && value.startsWith('-'))) return '--write needs a file name';
      options.write = value;
    } else if (arg === '--') {
      positional.push(...args.slice(index + 1));
      break;
    } else if (arg.startsWith('-')) return `unknown option ${arg}`;
    else positional.push(arg);
  }
  if (positional.length > 1) return `expected at most one project directory, got ${positional.length}`;
  if (positional[0] !== undefined) options.projectDir = positional[0];
  return options;
}

/** CLI entry: `handler-state discover [projectDir] [--write <file>] [--json]`. Returns the exit status. */
export async function runDiscover(argv: string[], io: DiscoverIo): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    io.stderr(`handler-state discover: ${options}\n${USAGE}\n`);
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
  for (const problem of problems) io.stderr(`${problem.manifest}: ${oneLine(problem.message)}\n`);
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
  return problems.length > 0 || entries.length === 0 ? 1 : 0;
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
