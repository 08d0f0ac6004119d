// Which files of the project import a given file: a bounded, cached, per-process index of the import specifiers
// of every source file under the project (or workspace) root, found by a scanner, not by parsing. Specifiers are
// resolved the way the analysis resolves imports (relative paths, tsconfig/jsconfig aliases), plus workspace
// package names (`@acme/lib/utils/i18n` for a file of the package `@acme/lib`).
import fs from 'node:fs';
import path from 'node:path';
import { readTextFile } from '../../util/read-file.js';
import { projectOf } from './project.js';
import { resolveImport } from './resolve.js';

/** Bounds of one index: files listed, bytes read per file, directory depth, and importers returned per file. */
const MAX_FILES = 5000;
const MAX_FILE_BYTES = 512 * 1024;
const MAX_DEPTH = 20;
const MAX_IMPORTERS = 30;
/** How far above a package its workspace root may be. */
const MAX_WORKSPACE_CLIMB = 4;

const SOURCE = /\.(?:[cm]?[jt]sx?)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;
/** Output, dependencies and tool caches: nobody imports the project's modules from there. */
const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'out',
  '.next',
  '.output',
  '.nuxt',
  '.svelte-kit',
  '.vercel',
  '.netlify',
  '.turbo',
  '.cache',
  'coverage',
  'public',
]);
/** `from '…'`, `import '…'`, `import('…')`, `require('…')`, `export … from '…'`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"])([^'"\n]{1,300})\1/gu;

interface IndexedFile {
  file: string;
  specifiers: readonly string[];
}

interface ProjectIndex {
  files: readonly IndexedFile[];
  /** Target file → its importers, filled as targets are asked for. */
  importers: Map<string, readonly string[]>;
}

const indexes = new Map<string, ProjectIndex>();

export function clearImportersCache(): void {
  indexes.clear();
}

/**
 * The files that import `target` (absolute path), at most a few dozen, nearest first in directory order. Empty
 * when the file belongs to no package, or its project cannot be listed.
 */
export function importersOf(target: string): readonly string[] {
  const project = projectOf(target);
  if (!project) return [];
  const root = workspaceRoot(project.root);
  let index = indexes.get(root);
  if (!index) {
    index = { files: listSources(root), importers: new Map() };
    indexes.set(root, index);
  }
  const known = index.importers.get(target);
  if (known) return known;
  const stem = stemOf(target);
  const packageName = project.name;
  const found: string[] = [];
  for (const entry of index.files) {
    if (entry.file === target) continue;
    if (entry.specifiers.some((specifier) => namesTarget(entry.file, specifier, target, stem, project.root, packageName))) {
      found.push(entry.file);
      if (found.length >= MAX_IMPORTERS) break;
    }
  }
  index.importers.set(target, found);
  return found;
}

/** `lib/query-client.ts` → `query-client`; `lib/i18n/index.ts` → `i18n` (imported as `./lib/i18n`). */
function stemOf(file: string): string {
  const base = path.basename(file).replace(SOURCE, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

function namesTarget(
  from: string,
  specifier: string,
  target: string,
  stem: string,
  packageRoot: string,
  packageName: string | null,
): boolean {
  // Cheap filter first: the specifier must end in the target's name (with or without an extension).
  const last = specifier.slice(specifier.lastIndexOf('/') + 1).replace(/\.(?:[cm]?[jt]sx?)$/u, '');
  if (last !== stem && !(last === 'index' && path.basename(target).startsWith('index'))) return false;
  if (packageName && specifier.startsWith(`${packageName}/`)) {
    const inside = specifier.slice(packageName.length + 1);
    return resolveImport(path.join(packageRoot, 'package.json'), `./${inside}`) === target;
  }
  return resolveImport(from, specifier) === target;
}

/** The monorepo root above a package (pnpm/yarn/npm workspaces, turbo, lerna, nx), else the package itself. */
function workspaceRoot(packageRoot: string): string {
  let dir = packageRoot;
  for (let climbed = 0; climbed <= MAX_WORKSPACE_CLIMB; climbed++) {
    if (isWorkspaceRoot(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return packageRoot;
}

function isWorkspaceRoot(dir: string): boolean {
  try {
    for (const marker of ['pnpm-workspace.yaml', 'turbo.json', 'lerna.json', 'nx.json']) {
      if (fs.existsSync(path.join(dir, marker))) return true;
    }
  } catch {
    return false;
  }
  const read = readTextFile(path.join(dir, 'package.json'), MAX_FILE_BYTES);
  return read.ok && /"workspaces"\s*:/u.test(read.text);
}

/** Every source file under `root` (bounded), with the specifiers its text names. */
function listSources(root: string): IndexedFile[] {
  const files: IndexedFile[] = [];
  const stack: Array<{ dir: string; depth: number }> = [{ dir: root, depth: 0 }];
  while (stack.length > 0 && files.length < MAX_FILES) {
    const { dir, depth } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.') && depth < MAX_DEPTH)
          stack.push({ dir: full, depth: depth + 1 });
      } else if (entry.isFile() && SOURCE.test(entry.name) && !DECLARATION.test(entry.name)) {
        const read = readTextFile(full, MAX_FILE_BYTES);
        if (!read.ok) continue;
        files.push({ file: full, specifiers: specifiersOf(read.text) });
        if (files.length >= MAX_FILES) break;
      }
    }
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function specifiersOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(SPECIFIER)) found.add(match[2]);
  return [...found];
}
