// Reads .gitignore files the way git does, so the scan skips what the project itself never commits.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';

/** One non-comment line of a .gitignore file. */
export interface IgnoreRule {
  /** The line as written, for messages. */
  source: string;
  negated: boolean;
  /** A trailing `/` in git means "only directories". */
  directoryOnly: boolean;
  /** Matches a path relative to the directory of the .gitignore file. */
  match: (relativePath: string) => boolean;
}

/** The rules of one .gitignore file, matched against paths relative to the file's directory. */
export interface IgnoreLayer {
  /** Absolute directory the .gitignore file lives in. */
  base: string;
  /** Where the rules came from, e.g. `/repo/.gitignore`. */
  origin: string;
  rules: IgnoreRule[];
}

const GLOB_OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  // git knows neither braces nor extglobs: `{a,b}` and `+(x)` are literal characters there.
  nobrace: true,
  noextglob: true,
  nonegate: true,
  windows: false,
};

/** Turns the text of a .gitignore file into rules. Lines that git would treat as no pattern are dropped. */
export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (const rawLine of text.split(/\r?\n/u)) {
    const rule = parseLine(rawLine);
    if (rule) rules.push(rule);
  }
  return rules;
}

function parseLine(rawLine: string): IgnoreRule | undefined {
  if (rawLine === '' || rawLine.startsWith('#')) return undefined;
  let line = trimTrailingSpaces(rawLine);
  if (line === '') return undefined;
  let negated = false;
  if (line.startsWith('!')) {
    negated = true;
    line = line.slice(1);
  }
  // `\!important` and `\#file` keep their backslash: picomatch reads it as an escape, as git does.
  let directoryOnly = false;
  if (line.endsWith('/')) {
    directoryOnly = true;
    line = line.replace(/\/+$/u, '');
  }
  if (line === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the .gitignore's directory;
  // otherwise it matches a name at any depth.
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  if (line === '') return undefined;
  // git spells a negated character class `[!a]`; picomatch wants `[^a]`.
  const glob = (anchored ? line : `**/${line}`).replace(/(^|[^\\])\[!/gu, '$1[^');
  const isMatch = picomatch(glob, GLOB_OPTIONS);
  // `x/**` ignores what is inside `x`, not `x` itself, so `!x/keep.js` can still re-include a file.
  const isContainer = glob.endsWith('/**') ? picomatch(glob.slice(0, -3), GLOB_OPTIONS) : undefined;
  return {
    source: rawLine,
    negated,
    directoryOnly,
    match: (relativePath) => isMatch(relativePath) && !(isContainer !== undefined && isContainer(relativePath)),
  };
}

/** git drops trailing spaces unless the last one is escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) {
    if (end >= 2 && line[end - 2] === '\\') break;
    end--;
  }
  return line.slice(0, end);
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * The verdict of one layer for one path: `true` ignored, `false` re-included by a `!` rule,
 * `undefined` when no rule matches. The last matching rule wins, as in git.
 */
export function layerVerdict(layer: IgnoreLayer, absolutePath: string, isDirectory: boolean): boolean | undefined {
  const relative = toPosix(path.relative(layer.base, absolutePath));
  if (relative === '' || relative.startsWith('../') || relative === '..' || path.isAbsolute(relative)) {
    return undefined;
  }
  let verdict: boolean | undefined;
  for (const rule of layer.rules) {
    if (rule.directoryOnly && !isDirectory) continue;
    if (rule.match(relative)) verdict = !rule.negated;
  }
  return verdict;
}

/** Reads `<dir>/.gitignore` if there is one; a missing or unreadable file contributes no rules. */
export function readLayer(directory: string): IgnoreLayer | undefined {
  const origin = path.join(directory, '.gitignore');
  let text: string;
  try {
    text = fs.readFileSync(origin, 'utf8');
  } catch {
    return undefined;
  }
  const rules = parseGitignore(text);
  return rules.length === 0 ? undefined : { base: directory, origin, rules };
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
 * Whether git would ignore a path, given the layers of every .gitignore from the repository root down to the
 * path's directory (outermost first). Parent directories are checked first: once a directory is ignored,
 * nothing inside it can be re-included, exactly as git documents.
 */
export function isIgnoredByLayers(
  layers: readonly IgnoreLayer[],
  absolutePath: string,
  isDirectory: boolean,
  stopAt: string,
): boolean {
  const chain: string[] = [];
  let current = path.dirname(absolutePath);
  while (current.length >= stopAt.length && current !== stopAt) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const directory of chain) {
    if (verdictOf(layers, directory, true)) return true;
  }
  return verdictOf(layers, absolutePath, isDirectory);
}

function verdictOf(layers: readonly IgnoreLayer[], absolutePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    const verdict = layerVerdict(layer, absolutePath, isDirectory);
    if (verdict !== undefined) ignored = verdict;
  }
  return ignored;
}
