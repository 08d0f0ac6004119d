// Finds the files a scan lints: JS/TS sources under the given paths, minus .gitignore'd files, dependencies and build output.
import fs from 'node:fs';
import path from 'node:path';
import { findRepositoryRoot, isIgnoredByLayers, layerVerdict, readLayer, type IgnoreLayer } from './gitignore.js';

/** Extensions the scan lints: JavaScript (ESM and CommonJS, JSX) and TypeScript. */
export const SCANNED_EXTENSIONS = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'];

/**
 * Directories never scanned, at any depth: installed dependencies, VCS data, and the build output of the
 * bundlers and deploy tools handlers are shipped with (their files are generated from the sources we do scan).
 */
export const SKIPPED_DIRECTORIES = [
  'node_modules',
  '.git',
  'dist',
  'build',
  'coverage',
  '.next',
  '.serverless',
  '.aws-sam',
  'cdk.out',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.netlify',
  '.wrangler',
];

/** Generated files that hold no handler source: type declarations and minified bundles. */
const SKIPPED_FILE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/u;

export type PathProblemKind = 'missing' | 'unreadable' | 'ignored' | 'unsupported';

/** A path given on the command line (or met while walking) that could not be scanned, reported per path. */
export interface PathProblem {
  path: string;
  kind: PathProblemKind;
  message: string;
}

export interface CollectedFiles {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  problems: PathProblem[];
}

const skippedDirectories = new Set(SKIPPED_DIRECTORIES);

function isScannedFile(name: string): boolean {
  return SCANNED_EXTENSIONS.includes(path.extname(name)) && !SKIPPED_FILE.test(name);
}

/** Layers of every .gitignore from `root` down to `directory`, outermost first. */
function ancestorLayers(root: string, directory: string): IgnoreLayer[] {
  const directories: string[] = [];
  let current = directory;
  for (;;) {
    directories.unshift(current);
    if (current === root) break;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const layers: IgnoreLayer[] = [];
  for (const dir of directories) {
    const layer = readLayer(dir);
    if (layer) layers.push(layer);
  }
  return layers;
}

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** A skipped directory name between `root` and `target` (exclusive of root), if any. */
function skippedSegment(root: string, target: string): string | undefined {
  if (!isInside(root, target)) return undefined;
  return path
    .relative(root, target)
    .split(path.sep)
    .find((segment) => skippedDirectories.has(segment));
}

/**
 * Expands the given paths (files or directories, relative to `cwd`) into the files to lint.
 * A path that does not exist, cannot be read, or is ignored becomes a problem; the others are still collected.
 */
export function collectFiles(inputs: readonly string[], cwd: string): CollectedFiles {
  const files = new Set<string>();
  const problems: PathProblem[] = [];

  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    let stats: fs.Stats;
    try {
      stats = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT' || code === 'ENOTDIR'
          ? { path: absolute, kind: 'missing', message: `No such file or directory: ${input}` }
          : { path: absolute, kind: 'unreadable', message: `Cannot read ${input}: ${describeError(error)}` },
      );
      continue;
    }
    const isDirectory = stats.isDirectory();
    // .gitignore files apply from the repository root; outside a repository, from the working directory.
    const root = findRepositoryRoot(absolute) ?? (isInside(cwd, absolute) ? cwd : absolute);
    // A directory's own .gitignore is read when the walk enters it; here only the ones above it count.
    const layers = absolute === root ? [] : ancestorLayers(root, path.dirname(absolute));
    const skipped = skippedSegment(root, absolute);
    if (skipped !== undefined) {
      problems.push({
        path: absolute,
        kind: 'ignored',
        message: `${input} is ignored: the scan never enters \`${skipped}\` directories (dependencies or build output)`,
      });
      continue;
    }
    if (absolute !== root && isIgnoredByLayers(layers, absolute, isDirectory, root)) {
      problems.push({ path: absolute, kind: 'ignored', message: `${input} is ignored by .gitignore` });
      continue;
    }
    if (!isDirectory) {
      if (isScannedFile(absolute)) files.add(absolute);
      else {
        problems.push({
          path: absolute,
          kind: 'unsupported',
          message: `${input} is not a JavaScript or TypeScript source (${SCANNED_EXTENSIONS.join(', ')})`,
        });
      }
      continue;
    }
    walk(absolute, layers, files, problems);
  }

  return { files: [...files].sort(), problems };
}

function walk(directory: string, inherited: IgnoreLayer[], files: Set<string>, problems: PathProblem[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    problems.push({
      path: directory,
      kind: 'unreadable',
      message: `Cannot read directory: ${describeError(error)}`,
    });
    return;
  }
  const own = readLayer(directory);
  const layers = own ? [...inherited, own] : inherited;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const absolute = path.join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Linked files are scanned; linked directories are not followed, which rules out cycles.
      try {
        isFile = fs.statSync(absolute).isFile();
      } catch {
        isFile = false;
      }
      isDirectory = false;
    }
    if (isDirectory) {
      if (skippedDirectories.has(entry.name)) continue;
      if (isIgnored(layers, absolute, true)) continue;
      walk(absolute, layers, files, problems);
    } else if (isFile && isScannedFile(entry.name) && !isIgnored(layers, absolute, false)) {
      files.add(absolute);
    }
  }
}

/** Parents were already checked on the way down, so only the entry itself is left to decide. */
function isIgnored(layers: readonly IgnoreLayer[], absolute: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const verdict = layerVerdict(layer, absolute, isDirectory);
    if (verdict !== undefined) ignored = verdict;
  }
  return ignored;
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}
