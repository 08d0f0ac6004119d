// Finds the files a scan lints: JS/TS sources under the given paths, minus .gitignore'd files, dependencies and build output.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import {
  findRepositoryRoot,
  isIgnoredByLayers,
  isIgnoredFromRoot,
  readLayer,
  type IgnoreLayer,
  type IgnoreProblem,
} from './gitignore.js';
import { isSourceFile, SKIPPED_DIRECTORIES, SOURCE_EXTENSIONS, walkFiles } from './walk.js';

export { SKIPPED_DIRECTORIES, SOURCE_EXTENSIONS as SCANNED_EXTENSIONS } from './walk.js';

/**
 * `missing`, `unreadable` and `failed` (ESLint could not lint the file with the project's rule options) fail the
 * scan with exit code 2; `ignored` and `unsupported` are warnings about a path that was named but not scanned.
 */
export type PathProblemKind = 'missing' | 'unreadable' | 'failed' | 'ignored' | 'unsupported';

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
  /** .gitignore files that exist but could not be read; their rules were not applied. */
  ignoreProblems: IgnoreProblem[];
}

export interface CollectOptions {
  /** Extra gitignore-style patterns, relative to `cwd` (`--ignore-pattern`). */
  ignorePatterns?: readonly string[];
}

const skippedDirectories = new Set(SKIPPED_DIRECTORIES);

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

/** Layers of every .gitignore from `root` down to `directory`, outermost first. */
function ancestorLayers(root: string, directory: string, onProblem: (problem: IgnoreProblem) => void): IgnoreLayer[] {
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
    const layer = readLayer(dir, onProblem);
    if (layer) layers.push(layer);
  }
  return layers;
}

/** What kind of thing a path that is neither a directory nor a regular file is, for the message. */
export function specialKind(stats: fs.Stats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Pseudo file systems whose files are never read, even through a link (`/proc/self/mem`, `/dev/zero`). */
function onSpecialFileSystem(absolute: string): boolean {
  if (path.sep !== '/') return false;
  let real: string;
  try {
    real = fs.realpathSync.native(absolute);
  } catch {
    return false;
  }
  return ['/proc', '/sys', '/dev'].some((root) => real === root || real.startsWith(`${root}/`));
}

/**
 * Expands the given paths (files or directories, relative to `cwd`) into the files to lint.
 * A path that does not exist, cannot be read, or is ignored becomes a problem; the others are still collected.
 */
export function collectFiles(inputs: readonly string[], cwd: string, options: CollectOptions = {}): CollectedFiles {
  const files = new Set<string>();
  const problems: PathProblem[] = [];
  const ignoreProblems = new Map<string, IgnoreProblem>();
  const noteIgnoreProblem = (problem: IgnoreProblem): void => {
    ignoreProblems.set(problem.origin, problem);
  };
  const patterns = compilePatterns(options.ignorePatterns ?? []);
  const byPattern = (absolute: string, isDirectory: boolean): boolean => {
    if (!patterns || !isInside(cwd, absolute) || absolute === cwd) return false;
    const relative = path.relative(cwd, absolute).split(path.sep).join('/');
    return patterns.ignores(isDirectory ? `${relative}/` : relative);
  };

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
    // A FIFO would block the read and a link to /dev/zero would never end: neither is source code.
    if (!isDirectory && (!stats.isFile() || onSpecialFileSystem(absolute))) {
      const kind = stats.isFile() ? 'on a special file system' : specialKind(stats);
      problems.push({
        path: absolute,
        kind: 'unreadable',
        message: `Cannot read ${input}: not a regular file (${kind})`,
      });
      continue;
    }
    // .gitignore files apply from the repository root; outside a repository, from the working directory.
    const root = findRepositoryRoot(absolute) ?? (isInside(cwd, absolute) ? cwd : absolute);
    // A directory's own .gitignore is read when the walk enters it; here only the ones above it count.
    const layers = absolute === root ? [] : ancestorLayers(root, path.dirname(absolute), noteIgnoreProblem);
    const skipped = skippedSegment(root, absolute);
    if (skipped !== undefined) {
      problems.push({
        path: absolute,
        kind: 'ignored',
        message: `${input} is ignored: the scan never enters \`${skipped}\` directories (dependencies or build output)`,
      });
      continue;
    }
    if (absolute !== root && isIgnoredFromRoot(layers, absolute, isDirectory, root)) {
      problems.push({ path: absolute, kind: 'ignored', message: `${input} is ignored by .gitignore` });
      continue;
    }
    if (byPattern(absolute, isDirectory)) {
      problems.push({ path: absolute, kind: 'ignored', message: `${input} is ignored by --ignore-pattern` });
      continue;
    }
    if (!isDirectory) {
      if (isSourceFile(absolute)) files.add(absolute);
      else {
        problems.push({
          path: absolute,
          kind: 'unsupported',
          message: `${input} is not a JavaScript or TypeScript source (${SOURCE_EXTENSIONS.join(', ')})`,
        });
      }
      continue;
    }
    const found = walkFiles<IgnoreLayer[]>(absolute, {
      initial: layers,
      openDirectory: (directory, inherited) => {
        const own = readLayer(directory, noteIgnoreProblem);
        return own ? [...inherited, own] : inherited;
      },
      enterDirectory: (directory, parent) =>
        isIgnoredByLayers(parent, directory, true) || byPattern(directory, true) ? undefined : parent,
      keepFile: (file, state) =>
        isSourceFile(file) && !isIgnoredByLayers(state, file, false) && !byPattern(file, false),
      onError: (directory, error) => {
        problems.push({
          path: directory,
          kind: 'unreadable',
          message: `Cannot read directory: ${describeError(error)}`,
        });
      },
    });
    for (const file of found) files.add(file);
  }

  return { files: [...files].sort(), problems, ignoreProblems: [...ignoreProblems.values()] };
}

function compilePatterns(patterns: readonly string[]): Ignore | undefined {
  if (patterns.length === 0) return undefined;
  return ignore({ allowRelativePaths: true }).add([...patterns]);
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
}
