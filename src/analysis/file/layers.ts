// Lambda layers: code that a function imports by a bare package name (`require('shared/logging')`) or by an absolute
// `/opt/…` path, which the Lambda runtime finds in a layer and the project keeps in a folder of its own. On Lambda a
// layer is unpacked into `/opt`; `/opt/nodejs/node_modules` and `/opt/nodejs` are on the module path. This module
// finds the project's layer folders and maps such imports to their sources, bounded and cached per project.
//
// A folder is a layer when a deployment manifest names it (serverless.yml `layers: { x: { path } }`, a SAM
// `AWS::Serverless::LayerVersion` `ContentUri`, a CloudFormation `AWS::Lambda::LayerVersion` `Content` path, a CDK
// `LayerVersion` whose code is `Code.fromAsset('…')`), when it has the layer shape (a `nodejs/` folder), or when
// its name says so (`common-layer`, `layers/common`) — the folders that build scripts zip into layers.
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { isDirectory, isRegularFile, readTextFile } from '../../util/read-file.js';
import { ancestors } from '../../util/walk.js';
import { listProject } from './listing.js';

export const LAYER_LIMITS = {
  /** Directories climbed from a file to find the project's top (a repository root or the highest package). */
  climb: 8,
  /** Directories below the top that are listed looking for layers and manifests. */
  depth: 5,
  /** Directories listed in all, per top. */
  directories: 3000,
  /** Layers kept per top. */
  layers: 64,
  /** Manifests larger than this are not read. */
  manifestBytes: 1_000_000,
  /** Manifests read per top. */
  manifests: 64,
  /** A listing is redone when it is older than this. */
  refreshMs: 5_000,
};

/** Markers of a repository's top directory. */
const REPOSITORY_MARKERS = ['.git', '.hg', '.svn'];
/** Markers of a package or deployment directory: the top is the highest of these when no repository marker is seen. */
const PROJECT_MARKERS = [
  'package.json',
  'serverless.yml',
  'serverless.yaml',
  'template.yaml',
  'template.yml',
  'LICENSE',
  'LICENSE.md',
  'LICENSE.txt',
];
/** serverless.yml, SAM/CloudFormation templates: YAML or JSON files with these words in their names. */
const MANIFEST_NAME = /^(?:serverless|.*template.*|.*cloudformation.*|.*stack.*|sam)\.(?:ya?ml|json)$/iu;
/** CDK apps: TypeScript/JavaScript that makes a LayerVersion from an asset folder. */
const CDK_SOURCE = /\.(?:[cm]?[jt]s)$/u;
/** The files the layer search reads: manifests and CDK sources. */
const LISTED_FILE = new RegExp(`${MANIFEST_NAME.source}|${CDK_SOURCE.source}`, 'iu');
/** Folders CDK apps keep their stacks in. */
const CDK_FOLDER = /(?:^|[/\\])(?:lib|bin|cdk|infra|infrastructure|stacks?|deploy|deployment)[/\\]/u;
const CDK_LAYER = /\bLayerVersion\s*\(/u;
const CDK_ASSET =
  /\bLayerVersion\s*\([^;]*?\bCode\.fromAsset\s*\(\s*(?:path\.(?:join|resolve)\s*\(\s*__dirname\s*,\s*)?(['"`])([^'"`\n]{1,300})\1/gu;
/** Folder names that say "a layer": `layer`, `common-layer`, `layer_utils`. */
const LAYER_NAME = /(?:^|[-_.])layer(?:$|[-_.])/iu;
/** Folder names that say "layers": each folder inside is one (`layers/common`, `lambda-layers/auth`). */
const LAYERS_NAME = /(?:^|[-_.])layers$/iu;
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
const BUILTINS = new Set(builtinModules);

interface LayerScope {
  top: string;
  listedAt: number;
  /** How long the listing took, in ms. */
  listingMs: number;
  /** Layer folders, the ones manifests name first, then by path. */
  layers: string[];
}

const scopes = new Map<string, LayerScope>();
const tops = new Map<string, string>();
/** `<top>|<specifier>` → the file it names in a layer, or null. */
const resolved = new Map<string, string | null>();

export function clearLayerCache(): void {
  scopes.clear();
  tops.clear();
  resolved.clear();
  installed.clear();
}

/** The project's top directory above `file`: the nearest repository root, else the highest package or manifest. */
export function layerTopOf(file: string): string {
  const start = path.dirname(file);
  const known = tops.get(start);
  if (known) return known;
  let top = start;
  for (const dir of ancestors(start, LAYER_LIMITS.climb + 1)) {
    if (REPOSITORY_MARKERS.some((marker) => fs.existsSync(path.join(dir, marker)))) {
      top = dir;
      break;
    }
    if (PROJECT_MARKERS.some((marker) => isRegularFile(path.join(dir, marker)))) top = dir;
  }
  tops.set(start, top);
  return top;
}

/** The layer folders of the project `file` belongs to. */
export function layersOf(file: string): readonly string[] {
  return scopeOf(layerTopOf(file)).layers;
}

/** The layer folder that holds `file`, or null. */
export function layerHolding(file: string): string | null {
  for (const layer of layersOf(file)) if (file.startsWith(layer + path.sep)) return layer;
  return null;
}

/**
 * The layer source a runtime import names: a bare package (`shared`, `shared/logging`) that no `node_modules` above
 * the importer holds, or an absolute `/opt/…` path (also written as `../../opt/…`, which climbs out of the
 * function's folder on Lambda). Null when the import is not of that kind or no layer has it.
 */
export function resolveFromLayers(fromFile: string, specifier: string): string | null {
  const top = layerTopOf(fromFile);
  const layers = scopeOf(top).layers;
  if (layers.length === 0) return null;
  const request = layerRequest(fromFile, specifier);
  if (!request) return null;
  const key = `${top}|${request.kind}|${request.path}`;
  if (resolved.has(key)) {
    const known = resolved.get(key)!;
    if (known === null || isRegularFile(known)) return known;
  }
  const file = findInLayers(layers, request);
  resolved.set(key, file);
  return file;
}

type LayerRequest = { kind: 'opt'; path: string } | { kind: 'package'; path: string; name: string };

function layerRequest(fromFile: string, specifier: string): LayerRequest | null {
  if (specifier.includes('\0') || specifier.length > 512) return null;
  const posix = specifier.replace(/\\/gu, '/');
  if (posix.startsWith('/opt/')) return { kind: 'opt', path: posix.slice('/opt/'.length) };
  const climbing = /^(?:\.\.\/)+opt\/(.+)$/u.exec(posix);
  if (climbing) return { kind: 'opt', path: climbing[1] };
  if (posix.startsWith('.') || posix.startsWith('/') || posix.includes(':') || posix.startsWith('#')) return null;
  const segments = posix.split('/');
  const name = posix.startsWith('@') ? segments.slice(0, 2).join('/') : segments[0];
  if (!name || segments.includes('..') || BUILTINS.has(name) || isInstalled(fromFile, name)) return null;
  return { kind: 'package', path: posix, name };
}

/** `<directory>|<name>` → whether a `node_modules/<name>` is at or above the directory. */
const installed = new Map<string, boolean>();

/** Is there a `node_modules/<name>` above the importer (what Node itself would load)? */
function isInstalled(fromFile: string, name: string): boolean {
  const start = path.dirname(fromFile);
  const key = `${start}|${name}`;
  let known = installed.get(key);
  if (known === undefined) {
    known = false;
    for (const dir of ancestors(start, 40)) {
      if (isDirectory(path.join(dir, 'node_modules', name))) {
        known = true;
        break;
      }
    }
    if (installed.size > 50_000) installed.clear();
    installed.set(key, known);
  }
  return known;
}

function findInLayers(layers: readonly string[], request: LayerRequest): string | null {
  for (const layer of layers) {
    const bases =
      request.kind === 'opt'
        ? [path.join(layer, request.path)]
        : [
            path.join(layer, 'nodejs', 'node_modules', request.path),
            path.join(layer, 'nodejs', request.path),
            // The source folder a build script copies into `nodejs/node_modules/<name>`.
            path.join(layer, request.path),
          ];
    if (request.kind === 'package') {
      // The layer is itself the package (its package.json has that name).
      const rest = request.path.slice(request.name.length).replace(/^\//u, '');
      for (const root of [layer, path.join(layer, 'nodejs')]) {
        if (packageName(root) === request.name) bases.push(rest ? path.join(root, rest) : mainOf(root));
      }
    }
    for (const base of bases) {
      const file = probe(base);
      if (file) return file;
    }
  }
  return null;
}

const EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.mts', '.cts'];

function probe(base: string): string | null {
  if (SOURCE.test(base) && isRegularFile(base)) return base;
  for (const extension of EXTENSIONS) if (isRegularFile(base + extension)) return base + extension;
  if (!isDirectory(base)) return null;
  const main = mainOf(base);
  if (main !== base && SOURCE.test(main) && isRegularFile(main)) return main;
  for (const extension of EXTENSIONS) {
    const index = path.join(base, 'index' + extension);
    if (isRegularFile(index)) return index;
  }
  return null;
}

function manifestOf(dir: string): Record<string, unknown> | null {
  const read = readTextFile(path.join(dir, 'package.json'), LAYER_LIMITS.manifestBytes);
  if (!read.ok) return null;
  try {
    const value: unknown = JSON.parse(read.text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function packageName(dir: string): string | null {
  const name = manifestOf(dir)?.name;
  return typeof name === 'string' ? name : null;
}

function mainOf(dir: string): string {
  const main = manifestOf(dir)?.main;
  return typeof main === 'string' && main !== '' ? path.join(dir, main) : dir;
}

function scopeOf(top: string): LayerScope {
  const now = Date.now();
  const known = scopes.get(top);
  // Listed again when older than the refresh time and than twenty listings, so that a large tree stays cheap.
  if (known && now - known.listedAt < Math.max(LAYER_LIMITS.refreshMs, known.listingMs * 20)) return known;
  const layers = listLayers(top);
  const scope: LayerScope = { top, listedAt: now, listingMs: Date.now() - now, layers };
  scopes.set(top, scope);
  return scope;
}

/** One bounded walk of the top: manifests, folders with the layer shape and folders named as layers. */
function listLayers(top: string): string[] {
  const named = new Set<string>();
  const conventional = new Set<string>();
  const manifests: string[] = [];
  const cdkSources: string[] = [];
  listProject(top, {
    // Folders one level deeper than those read are still judged by their names.
    depth: LAYER_LIMITS.depth + 1,
    directories: LAYER_LIMITS.directories,
    name: LISTED_FILE,
    enter: (dir, depth) => {
      const parent = path.dirname(dir);
      const name = path.basename(dir);
      if (name === 'nodejs' && parent !== top) conventional.add(parent);
      // Each folder inside a `layers` folder is one.
      else if ((parent !== top && LAYERS_NAME.test(path.basename(parent))) || LAYER_NAME.test(name))
        conventional.add(dir);
      return depth <= LAYER_LIMITS.depth;
    },
    visit: (file) => {
      const name = path.basename(file);
      if (MANIFEST_NAME.test(name) && manifests.length < LAYER_LIMITS.manifests) manifests.push(file);
      else if (CDK_SOURCE.test(name) && CDK_FOLDER.test(path.relative(top, file))) cdkSources.push(file);
      return true;
    },
  });
  for (const manifest of manifests) for (const dir of manifestLayers(manifest)) named.add(dir);
  for (const source of cdkSources.slice(0, LAYER_LIMITS.manifests)) for (const dir of cdkLayers(source)) named.add(dir);
  const ordered = [...named, ...[...conventional].filter((dir) => !named.has(dir)).sort()];
  // A folder inside another layer (its `nodejs/` part) is the same layer.
  const layers = ordered.filter(
    (dir, index) => isDirectory(dir) && !ordered.some((other, at) => at !== index && dir.startsWith(other + path.sep)),
  );
  return layers.slice(0, LAYER_LIMITS.layers);
}

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | null | undefined;

/** The YAML parser, loaded the first time a manifest is read. */
function yaml(): YamlModule | null {
  if (yamlModule === undefined) {
    try {
      yamlModule = createRequire(import.meta.url)('yaml') as YamlModule;
    } catch {
      yamlModule = null;
    }
  }
  return yamlModule;
}

/** The layer folders a serverless.yml or SAM/CloudFormation template names. Unreadable or odd manifests name none. */
function manifestLayers(manifest: string): string[] {
  const read = readTextFile(manifest, LAYER_LIMITS.manifestBytes);
  if (!read.ok || !/LayerVersion|\blayers\s*:|"layers"\s*:/u.test(read.text)) return [];
  const parser = yaml();
  if (!parser) return [];
  let value: unknown;
  try {
    // CloudFormation's short tags (`!Ref`, `!Sub`) are values known at deploy time: read as plain scalars or lists.
    value = parser.parse(read.text, { logLevel: 'silent', customTags: cloudFormationTags(), maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (!isRecord(value)) return [];
  const dir = path.dirname(manifest);
  const found: string[] = [];
  // serverless.yml: `layers: { common: { path: ../layers/common } }`.
  if (isRecord(value.layers)) {
    for (const layer of Object.values(value.layers)) {
      if (isRecord(layer) && typeof layer.path === 'string') found.push(path.resolve(dir, layer.path));
    }
  }
  if (isRecord(value.Resources)) {
    for (const resource of Object.values(value.Resources)) {
      if (!isRecord(resource) || !isRecord(resource.Properties)) continue;
      const location =
        resource.Type === 'AWS::Serverless::LayerVersion'
          ? resource.Properties.ContentUri
          : resource.Type === 'AWS::Lambda::LayerVersion'
            ? resource.Properties.Content
            : undefined;
      if (typeof location === 'string' && !/^s3:\/\//iu.test(location)) found.push(path.resolve(dir, location));
    }
  }
  return found;
}

const CLOUDFORMATION_TAGS = ['Ref', 'GetAtt', 'Sub', 'Join', 'If', 'FindInMap', 'GetAZs', 'ImportValue', 'Select'];
const MORE_TAGS = ['Split', 'Base64', 'Cidr', 'Equals', 'And', 'Or', 'Not', 'Condition', 'Transform'];

function cloudFormationTags(): import('yaml').Tags {
  return [...CLOUDFORMATION_TAGS, ...MORE_TAGS].flatMap((name) => {
    const resolve = (): Record<string, null> => ({ [name]: null });
    return [
      { tag: `!${name}`, resolve },
      { tag: `!${name}`, collection: 'seq', resolve },
      { tag: `!${name}`, collection: 'map', resolve },
    ];
  });
}

/** `new LayerVersion(this, 'Shared', { code: Code.fromAsset('layers/shared') })` in a CDK source. */
function cdkLayers(source: string): string[] {
  const read = readTextFile(source, LAYER_LIMITS.manifestBytes);
  if (!read.ok || !CDK_LAYER.test(read.text)) return [];
  const found: string[] = [];
  for (const match of read.text.matchAll(CDK_ASSET)) {
    const written = match[2];
    // `path.join(__dirname, '…')` is relative to the source; a bare string to the app's folder (cdk.json).
    const viaDirname = match[0].includes('__dirname');
    const base = viaDirname ? path.dirname(source) : (cdkAppDir(source) ?? path.dirname(source));
    found.push(path.resolve(base, written));
  }
  return found;
}

function cdkAppDir(source: string): string | null {
  for (const dir of ancestors(path.dirname(source), 6)) if (isRegularFile(path.join(dir, 'cdk.json'))) return dir;
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
