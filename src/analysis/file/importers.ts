// Which project files import a file: a per-process index of every source file's import specifiers, found by a small
// scanner (no parsing), bounded in files and bytes, read through the bounded reader and refreshed when files change.
// A package inside a workspace (pnpm, yarn or npm workspaces, turbo, lerna, nx) is indexed with its whole workspace,
// and its own name is a specifier too: `@acme/lib/utils/i18n` imports `utils/i18n.ts` of the package `@acme/lib`.
import fs from 'node:fs';
import path from 'node:path';
import { isRegularFile, readTextFile } from '../../util/read-file.js';
import { escapeRegExp } from '../../util/text.js';
import { ancestors } from '../../util/walk.js';
import { layerHolding, layerTopOf } from './layers.js';
import { listProject } from './listing.js';
import { projectOf } from './project.js';
import { resolveImport } from './resolve.js';

/** How much of a project the index reads. */
export const INDEX_LIMITS = {
  files: 5000,
  /** Bytes read over the whole index; files past it are left out. */
  bytes: 64 * 1024 * 1024,
  /** A file larger than this is a bundle, not a module someone imports state from. */
  fileBytes: 1_000_000,
  /** Directories below the project root. */
  depth: 24,
  /** A project's index is listed again (changed files re-read) when it is older than this. */
  refreshMs: 5_000,
  /**
   * ...and older than this many times its own listing took, so that listing a large project (a directory walk and
   * a stat per file) stays a small part of a long lint run. Only with a non-zero `refreshMs`.
   */
  refreshListings: 20,
  /** How many directories above a package its workspace root may be. */
  workspaceClimb: 4,
};

/** Files whose presence marks a workspace root (besides a package.json with `workspaces`). */
const WORKSPACE_MARKERS = ['pnpm-workspace.yaml', 'turbo.json', 'lerna.json', 'nx.json'];
/** A workspace's package.json larger than this is not read for its `workspaces` field. */
const MAX_MANIFEST_BYTES = 1_000_000;

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;
/** `from '…'`, `import '…'`, `import('…')`, `require('…')` (also `import x = require('…')`), `export … from '…'`. */
const SPECIFIER =
  /\bfrom\s*(["'])([^"'\n]{1,512})\1|\bimport\s*(["'])([^"'\n]{1,512})\3|\b(?:import|require)\s*\(\s*(["'`])([^"'`\n]{1,512})\5\s*\)/gu;

interface IndexedFile {
  mtimeMs: number;
  size: number;
  specifiers: string[];
}

interface ProjectIndex {
  listedAt: number;
  /** Changes whenever a listing finds a file added, removed or changed (by size and modification time). */
  version: number;
  /** How long the listing took, in ms. */
  listingMs: number;
  files: Map<string, IndexedFile>;
  /** Resolved importers per target, for this listing. */
  importers: Map<string, string[]>;
  /** The files whose specifiers end in each stem (`store` for `../lib/store.js`), built when first asked. */
  byStem: Map<string, Array<{ candidate: string; specifier: string }>> | null;
}

const projects = new Map<string, ProjectIndex>();
let lastVersion = 0;
const roots = new Map<string, string>();
const workspaces = new Map<string, string>();

export function clearImporterIndex(): void {
  projects.clear();
  roots.clear();
  workspaces.clear();
}

/** The import specifiers of a module's text, in order, without duplicates. */
export function scanSpecifiers(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[2] ?? match[4] ?? match[6];
    if (specifier) found.add(specifier);
  }
  return [...found];
}

/** The nearest directory above `file` with a package.json (the project), else the file's own directory. */
export function projectRootOf(file: string): string {
  const start = path.dirname(file);
  const known = roots.get(start);
  if (known) return known;
  let root = start;
  for (const dir of ancestors(start, 32)) {
    if (isRegularFile(path.join(dir, 'package.json'))) {
      root = dir;
      break;
    }
  }
  roots.set(start, root);
  return root;
}

/**
 * The project files that import `file` (resolved the way the cross-file analysis resolves imports) and that `keep`
 * accepts, sorted, at most `max`. Files past the index's limits are not seen.
 */
export function importersOf(
  file: string,
  max: number,
  prefer: readonly string[] = [],
  keep: (importer: string) => boolean = () => true,
): string[] {
  const all = allImportersOf(file).filter(keep);
  if (all.length <= max || prefer.length === 0) return all.slice(0, max);
  // More importers than are followed: those whose text calls one of `prefer` first (a logging module imported
  // everywhere is written by the few files that call its setter).
  const calls = new RegExp(`\\b(?:${prefer.map(escapeRegExp).join('|')})\\s*\\(`, 'u');
  const mentions = (importer: string): boolean => {
    const read = readTextFile(importer, INDEX_LIMITS.fileBytes);
    return read.ok && calls.test(read.text);
  };
  const preferred = all.filter(mentions);
  const rest = all.filter((importer) => !preferred.includes(importer));
  return [...preferred, ...rest].slice(0, max);
}

/**
 * The project files that import `file` and whose text matches `pattern`, sorted, at most `max` (every importer's
 * text is read through the bounded reader; files past the index's limits are not seen).
 */
export function importersMatching(file: string, max: number, pattern: RegExp): string[] {
  const result: string[] = [];
  for (const importer of allImportersOf(file)) {
    if (result.length >= max) break;
    const read = readTextFile(importer, INDEX_LIMITS.fileBytes);
    if (read.ok && pattern.test(read.text)) result.push(importer);
  }
  return result;
}

/**
 * The version of the listing the importers of `file` are read from: while it is the same, so is every answer read
 * from that listing (the one freshness rule of the stages that ask for importers; the listing itself is redone by
 * age, see `INDEX_LIMITS.refreshMs`).
 */
export function listingVersionOf(file: string): number {
  return projectIndex(indexRootOf(file)).version;
}

function allImportersOf(file: string): string[] {
  const index = projectIndex(indexRootOf(file));
  const cached = index.importers.get(file);
  if (cached) return cached;
  index.byStem ??= stemIndex(index.files);
  const found = new Set<string>();
  for (const stem of importStems(file)) {
    for (const { candidate, specifier } of index.byStem.get(stem) ?? []) {
      if (candidate !== file && !found.has(candidate) && importResolvesTo(candidate, specifier, file))
        found.add(candidate);
    }
  }
  const result = [...found].sort();
  index.importers.set(file, result);
  return result;
}

/**
 * Where the importers of `file` are looked for: its workspace, or for the source of a Lambda layer the whole project
 * (the functions that use a layer live in other packages of it).
 */
function indexRootOf(file: string): string {
  if (layerHolding(file)) return layerTopOf(file);
  return workspaceRootOf(projectRootOf(file));
}

/**
 * Does `specifier`, written in `importer`, name `file`? Relative paths and tsconfig/jsconfig aliases resolve as the
 * cross-file analysis resolves them; `<package name>/<path>` names a file inside the package of `file`.
 */
export function importResolvesTo(importer: string, specifier: string, file: string): boolean {
  if (resolveImport(importer, specifier) === file) return true;
  const project = projectOf(file);
  const name = project?.name;
  if (!project || !name || !specifier.startsWith(`${name}/`)) return false;
  return resolveImport(path.join(project.root, 'package.json'), `./${specifier.slice(name.length + 1)}`) === file;
}

/** The workspace root at or above a package root, else the package root itself. */
export function workspaceRootOf(packageRoot: string): string {
  const known = workspaces.get(packageRoot);
  if (known) return known;
  let result = packageRoot;
  for (const dir of ancestors(packageRoot, INDEX_LIMITS.workspaceClimb + 1)) {
    if (isWorkspaceRoot(dir)) {
      result = dir;
      break;
    }
  }
  workspaces.set(packageRoot, result);
  return result;
}

function isWorkspaceRoot(dir: string): boolean {
  if (WORKSPACE_MARKERS.some((marker) => isRegularFile(path.join(dir, marker)))) return true;
  const read = readTextFile(path.join(dir, 'package.json'), MAX_MANIFEST_BYTES);
  return read.ok && /"workspaces"\s*:/u.test(read.text);
}

/** The last path segment an import of `file` may end in: `store` for store.ts, `lib` for lib/index.ts. */
function importStems(file: string): Set<string> {
  const base = path.basename(file).replace(SOURCE, '');
  const stems = new Set([base]);
  if (base === 'index') stems.add(path.basename(path.dirname(file)));
  return stems;
}

function stemIndex(files: ReadonlyMap<string, IndexedFile>): NonNullable<ProjectIndex['byStem']> {
  const byStem: NonNullable<ProjectIndex['byStem']> = new Map();
  for (const [candidate, entry] of files) {
    for (const specifier of entry.specifiers) {
      const stem = stemOf(specifier);
      const list = byStem.get(stem);
      if (list) list.push({ candidate, specifier });
      else byStem.set(stem, [{ candidate, specifier }]);
    }
  }
  return byStem;
}

function stemOf(specifier: string): string {
  const trimmed = specifier.replace(/\/+$/u, '');
  const last = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return last.replace(/\.(?:[cm]?[jt]s|[jt]sx)$/u, '');
}

function projectIndex(root: string): ProjectIndex {
  const now = Date.now();
  const existing = projects.get(root);
  if (existing && isCurrent(existing, now)) return existing;
  const index: ProjectIndex = {
    listedAt: now,
    version: 0,
    listingMs: 0,
    files: new Map(),
    importers: new Map(),
    byStem: null,
  };
  let bytes = 0;
  listProject(root, {
    depth: INDEX_LIMITS.depth,
    name: SOURCE,
    visit: (file) => {
      if (DECLARATION.test(file)) return true;
      const indexed = indexFile(file, existing?.files.get(file));
      if (!indexed) return true;
      bytes += indexed.size;
      if (bytes > INDEX_LIMITS.bytes) return false;
      index.files.set(file, indexed);
      return index.files.size < INDEX_LIMITS.files;
    },
  });
  index.listingMs = Date.now() - now;
  // The same files, none changed: what was resolved from the previous listing still holds.
  if (existing && sameFiles(existing.files, index.files)) {
    index.version = existing.version;
    index.importers = existing.importers;
    index.byStem = existing.byStem;
  } else {
    index.version = ++lastVersion;
  }
  projects.set(root, index);
  return index;
}

function isCurrent(index: ProjectIndex, now: number): boolean {
  const age = now - index.listedAt;
  if (age < INDEX_LIMITS.refreshMs) return true;
  return INDEX_LIMITS.refreshMs > 0 && age < index.listingMs * INDEX_LIMITS.refreshListings;
}

function sameFiles(a: ReadonlyMap<string, IndexedFile>, b: ReadonlyMap<string, IndexedFile>): boolean {
  if (a.size !== b.size) return false;
  for (const [file, entry] of b) if (a.get(file) !== entry) return false;
  return true;
}

/** A file's specifiers, re-read only when its size or modification time changed. */
function indexFile(file: string, previous: IndexedFile | undefined): IndexedFile | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (stat.size > INDEX_LIMITS.fileBytes) return null;
  if (previous && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size) return previous;
  const read = readTextFile(file, INDEX_LIMITS.fileBytes);
  if (!read.ok) return null;
  return { mtimeMs: stat.mtimeMs, size: stat.size, specifiers: scanSpecifiers(read.text) };
}
