// Reads .gitignore files the way git does (through the `ignore` library), so the scan skips what the project never commits.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readTextFile } from '../util/read-file.js';

/** A .gitignore larger than this is not read (git itself has no limit, but no real project comes close). */
export const MAX_GITIGNORE_BYTES = 4 * 1024 * 1024;

/** The rules of one .gitignore file, matched against paths relative to the file's directory. */
export interface IgnoreLayer {
  /** Absolute directory the .gitignore file lives in. */
  base: string;
  /** Where the rules came from, e.g. `/repo/.gitignore`. */
  origin: string;
  matcher: Ignore;
}

/** A .gitignore that exists but was not read: not a regular file, too large, unreadable. */
export interface IgnoreProblem {
  origin: string;
  problem: string;
}

/** Turns the text of a .gitignore file into a matcher for paths relative to its directory. */
export function parseGitignore(text: string): Ignore {
  return ignore({ allowRelativePaths: true }).add(text);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * The verdict of one layer for one path: `true` ignored, `false` re-included by a `!` rule, `undefined` when no
 * rule matches. Within a file the last matching rule wins, as in git.
 */
export function layerVerdict(layer: IgnoreLayer, absolutePath: string, isDirectory: boolean): boolean | undefined {
  const relative = toPosix(path.relative(layer.base, absolutePath));
  if (relative === '' || relative === '..' || relative.startsWith('../') || path.isAbsolute(relative)) return undefined;
  const result = layer.matcher.test(isDirectory ? `${relative}/` : relative);
  if (result.ignored) return true;
  if (result.unignored) return false;
  return undefined;
}

/** Git's precedence between files: a deeper .gitignore decides before the ones above it. */
export function isIgnoredByLayers(layers: readonly IgnoreLayer[], absolutePath: string, isDirectory: boolean): boolean {
  for (let index = layers.length - 1; index >= 0; index--) {
    const verdict = layerVerdict(layers[index], absolutePath, isDirectory);
    if (verdict !== undefined) return verdict;
  }
  return false;
}

/**
 * Reads `<dir>/.gitignore` if there is one. A missing file contributes no rules; one that is not a regular file
 * (a FIFO, a link to a device) or is too large is reported through `onProblem` and contributes none either.
 */
export function readLayer(directory: string, onProblem?: (problem: IgnoreProblem) => void): IgnoreLayer | undefined {
  const origin = path.join(directory, '.gitignore');
  let exists: boolean;
  try {
    fs.lstatSync(origin);
    exists = true;
  } catch {
    exists = false;
  }
  if (!exists) return undefined;
  const read = readTextFile(origin, MAX_GITIGNORE_BYTES);
  if (!read.ok) {
    onProblem?.({ origin, problem: read.problem });
    return undefined;
  }
  if (read.text.trim() === '') return undefined;
  return { base: directory, origin, matcher: parseGitignore(read.text) };
}

/** The nearest ancestor (or the directory itself) that holds a `.git` entry, or undefined outside a repository. */
export function findRepositoryRoot(directory: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    if (fs.existsSync(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * Whether git would ignore a path named on the command line, given the layers of every .gitignore from the
 * repository root down to the path's directory (outermost first). Each directory on the way is checked first:
 * once a directory is ignored, nothing inside it can be re-included, exactly as git documents.
 */
export function isIgnoredFromRoot(
  layers: readonly IgnoreLayer[],
  absolutePath: string,
  isDirectory: boolean,
  root: string,
): boolean {
  const chain: string[] = [];
  let current = path.dirname(absolutePath);
  while (current !== root && current.length > root.length) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  // A layer never judges its own directory or anything outside it (layerVerdict), so every layer can be asked.
  for (const directory of chain) {
    if (isIgnoredByLayers(layers, directory, true)) return true;
  }
  return isIgnoredByLayers(layers, absolutePath, isDirectory);
}
