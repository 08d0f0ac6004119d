// Which file an import names, for the files the analysis follows: relative paths and tsconfig/jsconfig `paths`
// aliases. Configs are read by get-tsconfig (JSONC, `extends` chains, arrays and packages); modules are resolved
// by TypeScript's own resolver when TypeScript is installed, else by the same extension rules done by hand.
// Every file is read through the bounded reader: regular files only, capped, never a FIFO or a device.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createPathsMatcher, getTsconfig, type Cache } from 'get-tsconfig';
import type * as ts from 'typescript';
import { isDirectory, isRegularFile, readTextFile } from '../../util/read-file.js';
import { clearLayerCache, resolveFromLayers } from './layers.js';
import { projectOf } from './project.js';

/** tsconfig.json / jsconfig.json files larger than this are not configs. */
const MAX_CONFIG_BYTES = 1_000_000;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];
const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];

type PathsMatcher = (specifier: string) => string[];

/**
 * get-tsconfig reads files through its cache (`readFileSync:<path>:<encoding>` keys): answering those from the
 * bounded reader keeps every config read, `extends` targets included, to regular files under the size cap. A
 * file that cannot be read that way is an empty config.
 */
class ReadThroughCache extends Map<string, unknown> implements Cache {
  override get(key: string): unknown {
    const known = super.get(key);
    if (known !== undefined || !key.startsWith('readFileSync:')) return known;
    const file = key.slice('readFileSync:'.length).replace(/:[\w-]*$/u, '');
    const read = readTextFile(file, MAX_CONFIG_BYTES);
    const text = read.ok ? read.text : '{}';
    super.set(key, text);
    return text;
  }
}

const matcherCache = new Map<string, PathsMatcher | null>();
let configReads = new ReadThroughCache();

/**
 * Files an import path resolved to, checked again (one stat) whenever reused: resolving costs a few dozen probes,
 * and the same imports recur in every file of a project. A path that did not resolve is tried afresh each time,
 * so a module created while an editor keeps ESLint running is found.
 */
const resolvedFiles = new Map<string, string>();

export function clearResolveCache(): void {
  matcherCache.clear();
  resolvedFiles.clear();
  configReads = new ReadThroughCache();
  clearLayerCache();
}

/**
 * The file `specifier` names from `fromFile`, or null (packages, node_modules, missing files). Imports that only a
 * Lambda runtime resolves (a bare name or an `/opt/…` path served by a layer) name the layer's source.
 */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith('.')) {
    return resolveFile(path.resolve(path.dirname(fromFile), specifier), fromFile) ?? layerSource(fromFile, specifier);
  }
  return projectModule(fromFile, specifier) ?? layerSource(fromFile, specifier);
}

function layerSource(fromFile: string, specifier: string): string | null {
  return path.isAbsolute(fromFile) ? resolveFromLayers(fromFile, specifier) : null;
}

/** tsconfig/jsconfig `paths` aliases and framework aliases. */
function projectModule(fromFile: string, specifier: string): string | null {
  const matcher = pathsMatcherFor(path.dirname(fromFile));
  if (!matcher) return frameworkAlias(fromFile, specifier);
  for (const candidate of matcher(specifier)) {
    // Aliases that point into node_modules are packages, not the project's own modules.
    if (candidate.split(/[\\/]/u).includes('node_modules')) continue;
    const file = resolveFile(candidate, fromFile);
    if (file) return file;
  }
  return null;
}

/**
 * SvelteKit's `$lib` alias (`src/lib` of the project) when no tsconfig `paths` say it: SvelteKit writes them into
 * a generated `.svelte-kit/tsconfig.json`, which checkouts and fresh clones do not have.
 */
function frameworkAlias(fromFile: string, specifier: string): string | null {
  if (specifier !== '$lib' && !specifier.startsWith('$lib/')) return null;
  const project = projectOf(fromFile);
  if (!project?.dependsOn(['@sveltejs/kit'])) return null;
  return resolveFile(path.join(project.root, 'src', 'lib', specifier.slice('$lib'.length)), fromFile);
}

/** `./store`, `./store.js` (for store.ts), `./store/index.ts`: the source file an import path names. */
function resolveFile(base: string, fromFile: string): string | null {
  const known = resolvedFiles.get(base);
  if (known !== undefined && isRegularFile(known)) return known;
  const file = probeFile(base, fromFile);
  if (file) resolvedFiles.set(base, file);
  else resolvedFiles.delete(base);
  return file;
}

function probeFile(base: string, fromFile: string): string | null {
  const viaTypeScript = resolveWithTypeScript(base, fromFile);
  if (viaTypeScript) return viaTypeScript;
  const candidates = [base];
  // TypeScript's ESM style: `./store.js` names `./store.ts`.
  const ext = path.extname(base);
  if (ext === '.js' || ext === '.mjs' || ext === '.cjs' || ext === '.jsx') {
    const stem = base.slice(0, -ext.length);
    const tsExt = ext === '.mjs' ? '.mts' : ext === '.cjs' ? '.cts' : ext === '.jsx' ? '.tsx' : '.ts';
    candidates.push(stem + tsExt, stem + '.tsx');
  }
  for (const extension of EXTENSIONS) candidates.push(base + extension);
  for (const extension of EXTENSIONS) candidates.push(path.join(base, 'index' + extension));
  return candidates.find((candidate) => isRegularFile(candidate)) ?? null;
}

let typescript: typeof ts | null | undefined;

/** TypeScript, when the project has it installed; the plugin works without it. */
function loadTypeScript(): typeof ts | null {
  if (typescript === undefined) {
    try {
      typescript = createRequire(import.meta.url)('typescript') as typeof ts;
    } catch {
      typescript = null;
    }
  }
  return typescript;
}

const resolutionHost: ts.ModuleResolutionHost = {
  fileExists: (file) => isRegularFile(file),
  directoryExists: (dir) => isDirectory(dir),
  readFile: (file) => {
    const read = readTextFile(file, MAX_CONFIG_BYTES);
    return read.ok ? read.text : undefined;
  },
};

/** Bundler-style resolution (extensionless, `.js` for `.ts`, index files) by TypeScript itself. */
function resolveWithTypeScript(base: string, fromFile: string): string | null {
  const tsApi = loadTypeScript();
  if (!tsApi) return null;
  try {
    const options: ts.CompilerOptions = {
      module: tsApi.ModuleKind.ESNext,
      moduleResolution: tsApi.ModuleResolutionKind.Bundler,
      allowJs: true,
      noDtsResolution: true,
    };
    const resolved = tsApi.resolveModuleName(base, fromFile, options, resolutionHost).resolvedModule;
    const file = resolved?.resolvedFileName;
    if (!file || resolved.isExternalLibraryImport || /\.d\.[cm]?ts$/u.test(file)) return null;
    return path.resolve(file);
  } catch {
    return null;
  }
}

/**
 * The `paths` of the nearest tsconfig.json or jsconfig.json (tsconfig first in each directory, not above the
 * repository root), with `extends` followed by get-tsconfig; null when there is none or it has no paths.
 */
function pathsMatcherFor(dir: string): PathsMatcher | null {
  if (matcherCache.has(dir)) return matcherCache.get(dir)!;
  let matcher: PathsMatcher | null = null;
  const config = CONFIG_NAMES.map((name) => path.join(dir, name)).find((file) => isRegularFile(file));
  if (config) {
    try {
      const found = getTsconfig(dir, path.basename(config), configReads);
      matcher = found && found.path === config ? createPathsMatcher(found) : null;
    } catch {
      matcher = null; // an unreadable or malformed config has no usable paths
    }
  } else {
    const parent = path.dirname(dir);
    const repositoryRoot = isDirectory(path.join(dir, '.git')) || isRegularFile(path.join(dir, '.git'));
    matcher = parent === dir || repositoryRoot ? null : pathsMatcherFor(parent);
  }
  matcherCache.set(dir, matcher);
  return matcher;
}
