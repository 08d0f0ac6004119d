// What the scanned project decides for itself: its root, and the plugin's rules, settings and ignores in its ESLint config.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import plugin from '../index.js';
import { isRegularFile } from '../util/read-file.js';
import { isWithin } from './walk.js';

/** The flat config file names ESLint 9 and 10 look for, in ESLint's order of preference. */
export const CONFIG_FILE_NAMES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

const PLUGIN_NAME = 'eslint-plugin-handler-state';
const NAMESPACE = 'handler-state';

/** How far above a scanned path a package.json or a manifest still marks the project, outside a git repository. */
const MARKER_LEVELS = 3;

/** Files that mark a project's directory outside a git repository. */
const PROJECT_MARKERS = [
  'package.json',
  'serverless.yml',
  'serverless.yaml',
  'serverless.json',
  'template.yaml',
  'template.yml',
  'template.json',
  'cdk.json',
];

function exists(file: string): boolean {
  try {
    fs.lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The project a scanned path belongs to: the repository root (the nearest directory holding `.git`); outside a
 * repository, the nearest directory at most three levels up with a package.json, a deployment manifest or a
 * cdk.json; otherwise the path itself (its directory, for a file). Manifests are looked for under this root, and it is the base directory ESLint runs in,
 * so that nothing above the project (the working directory's other files, a parent named `test`) plays a part.
 */
export function projectRoot(target: string): string {
  const start = isDirectoryPath(target) ? target : path.dirname(target);
  for (let current = start; ;) {
    if (exists(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  let current = start;
  for (let level = 0; level <= MARKER_LEVELS; level++) {
    if (PROJECT_MARKERS.some((name) => isRegularFile(path.join(current, name)))) return current;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return start;
}

function isDirectoryPath(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory();
  } catch {
    return false;
  }
}

/** Where the scan takes the project's decisions from (`--config`, `--no-config-lookup`, or the nearest config). */
export type ConfigMode = { kind: 'lookup' } | { kind: 'file'; file: string } | { kind: 'none' };

/** What the project's ESLint config decides for one file. */
export interface ProjectDecisions {
  /** The config file the decisions come from. */
  configFile: string;
  /** The directory the config's patterns are relative to; ESLint runs there for this file. */
  baseDir: string;
  /** The config ignores the file. */
  ignored: boolean;
  /**
   * The plugin's rules as the config sets them for this file (`handler-state/<rule>` → severity and options), or
   * undefined when the config does not configure the plugin for it.
   */
  rules?: Record<string, Linter.RuleEntry>;
  /** `settings['handler-state']` for this file, when the config has it. */
  settings?: unknown;
}

/** A config file that could not be loaded, reported once. */
export interface ConfigProblem {
  configFile: string;
  message: string;
}

interface LoadedConfig {
  configFile: string;
  baseDir: string;
  eslint?: ESLint;
  problem?: string;
}

/**
 * Reads the project's flat config through ESLint itself (`calculateConfigForFile`), so that what the scan takes
 * from it is exactly what `eslint` would apply: the plugin's rule entries (under whatever namespace the project
 * registered the plugin), `settings['handler-state']`, and ignores. Only these are taken; the project's other
 * plugins, parsers and rules never run in the scan.
 */
export class ProjectConfigs {
  private readonly configByDirectory = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();
  readonly problems: ConfigProblem[] = [];
  /** Files outside the directory of the `--config` file: its patterns cannot speak for them. */
  readonly outside: string[] = [];

  constructor(
    private readonly mode: ConfigMode,
    private readonly cwd: string,
    private readonly createESLint: (options: ESLint.Options) => ESLint,
  ) {}

  /** The config file that applies to `file`, or undefined. */
  configFileFor(file: string): string | undefined {
    if (this.mode.kind === 'none') return undefined;
    if (this.mode.kind === 'file') return path.resolve(this.cwd, this.mode.file);
    return this.lookUp(path.dirname(file));
  }

  /** ESLint 10's lookup: the nearest config file from the file's own directory upwards. */
  private lookUp(directory: string): string | undefined {
    const visited: string[] = [];
    let current = directory;
    let found: string | undefined;
    for (;;) {
      if (this.configByDirectory.has(current)) {
        found = this.configByDirectory.get(current);
        break;
      }
      visited.push(current);
      const here = CONFIG_FILE_NAMES.map((name) => path.join(current, name)).find((file) => isRegularFile(file));
      if (here) {
        found = here;
        break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const dir of visited) this.configByDirectory.set(dir, found);
    return found;
  }

  private load(configFile: string): LoadedConfig {
    let loaded = this.loaded.get(configFile);
    if (loaded) return loaded;
    const baseDir = path.dirname(configFile);
    loaded = { configFile, baseDir };
    if (!isRegularFile(configFile)) {
      loaded.problem = 'no such file';
    } else {
      try {
        loaded.eslint = this.createESLint({
          cwd: baseDir,
          overrideConfigFile: configFile,
          // Every source the scan lints counts as configured, so that an unmatched `.ts` file is told apart from an
          // ignored one (ESLint calls both "no config").
          overrideConfig: [{ files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'] }],
        });
      } catch (error) {
        loaded.problem = firstLine(error);
      }
    }
    this.loaded.set(configFile, loaded);
    return loaded;
  }

  /** Loads a config file now; the reason it cannot be used, or undefined. */
  async check(configFile: string): Promise<string | undefined> {
    const loaded = this.load(configFile);
    if (loaded.problem === undefined && loaded.eslint) {
      try {
        await loaded.eslint.calculateConfigForFile(path.join(loaded.baseDir, '__handler-state-probe__.js'));
      } catch (error) {
        loaded.problem = firstLine(error);
      }
    }
    return loaded.problem;
  }

  /**
   * The project's decisions for `file`, or undefined when no config applies or it could not be loaded (the
   * problem is recorded once in `problems`).
   */
  async decisionsFor(file: string): Promise<ProjectDecisions | undefined> {
    const configFile = this.configFileFor(file);
    if (!configFile) return undefined;
    const loaded = this.load(configFile);
    if (!isWithin(loaded.baseDir, file)) {
      this.outside.push(file);
      return undefined;
    }
    if (loaded.problem === undefined && loaded.eslint) {
      try {
        const config = (await loaded.eslint.calculateConfigForFile(file)) as Linter.Config | undefined;
        if (!config) return { configFile, baseDir: loaded.baseDir, ignored: true };
        return { configFile, baseDir: loaded.baseDir, ignored: false, ...pluginDecisions(config) };
      } catch (error) {
        loaded.problem = firstLine(error);
      }
    }
    if (loaded.problem !== undefined && !this.problems.some((problem) => problem.configFile === configFile)) {
      this.problems.push({ configFile, message: loaded.problem });
    }
    return undefined;
  }
}

/** The plugin's rule entries and settings in a calculated config, with rule ids in the plugin's own namespace. */
export function pluginDecisions(config: Linter.Config): Pick<ProjectDecisions, 'rules' | 'settings'> {
  const namespaces = new Set([NAMESPACE]);
  for (const [name, registered] of Object.entries(config.plugins ?? {})) {
    if ((registered as { meta?: { name?: string } } | undefined)?.meta?.name === PLUGIN_NAME) namespaces.add(name);
  }
  let rules: Record<string, Linter.RuleEntry> | undefined;
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const slash = id.lastIndexOf('/');
    if (slash <= 0 || !namespaces.has(id.slice(0, slash)) || entry === undefined) continue;
    const name = id.slice(slash + 1);
    // A rule another version of the plugin has and this one does not cannot be run; it is left out.
    if (!Object.hasOwn(plugin.rules, name)) continue;
    rules ??= {};
    rules[`${NAMESPACE}/${name}`] = entry;
  }
  const settings = config.settings?.[NAMESPACE];
  return { ...(rules ? { rules } : {}), ...(settings !== undefined ? { settings } : {}) };
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0];
}
