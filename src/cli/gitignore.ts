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
  rules: IgnoreRules;
}

/** A .gitignore that exists but was not read: not a regular file, too large, unreadable. */
export interface IgnoreProblem {
  origin: string;
  problem: string;
}

/** git on macOS and Windows compares names without case by default (core.ignorecase), on Linux with it. */
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

interface IndexedRule {
  /** Position in the file: a later rule decides over an earlier one. */
  order: number;
  /** The `ignore` library's matcher for this one pattern. */
  matcher: Ignore;
  /** `dir/**` matches what is inside `dir`, not `dir` itself. */
  contentsOnly: boolean;
}

/**
 * The patterns of one .gitignore file, each matched by the `ignore` library, with an index in front of them. A
 * large .gitignore (thousands of generated lines) made every path pay for every pattern; the index finds the few
 * patterns that can match a path from literals the pattern requires (its first directory, its name, a fixed
 * prefix or suffix of the name), and only those are asked. Patterns the index cannot read (character classes,
 * escapes, wildcards everywhere) are always asked, so the verdict is the library's, for every path.
 */
export class IgnoreRules {
  private readonly always: IndexedRule[] = [];
  private readonly byFirstSegment = new Map<string, IndexedRule[]>();
  private readonly byName = new Map<string, IndexedRule[]>();
  private readonly bySuffix = new Map<string, IndexedRule[]>();
  private readonly byPrefix = new Map<string, IndexedRule[]>();
  private readonly suffixLengths = new Set<number>();
  private readonly prefixLengths = new Set<number>();
  /** How many patterns the file holds. */
  readonly size: number;

  constructor(text: string) {
    let order = 0;
    for (const line of text.split(/\r?\n/u)) {
      if (line.trim() === '' || line.startsWith('#')) continue;
      const rule: IndexedRule = {
        order: order++,
        matcher: ignore({ allowRelativePaths: true, ignorecase: IGNORE_CASE }).add(line),
        contentsOnly: /\/\*\*\s*$/u.test(line),
      };
      const key = indexKey(line);
      if (!key) this.always.push(rule);
      else if (key.kind === 'first') push(this.byFirstSegment, fold(key.value), rule);
      else if (key.kind === 'name') push(this.byName, fold(key.value), rule);
      else if (key.kind === 'suffix') {
        push(this.bySuffix, fold(key.value), rule);
        this.suffixLengths.add(key.value.length);
      } else {
        push(this.byPrefix, fold(key.value), rule);
        this.prefixLengths.add(key.value.length);
      }
    }
    this.size = order;
  }

  /** `true` ignored, `false` re-included by a `!` pattern, `undefined` when no pattern matches the path itself. */
  verdict(relative: string, isDirectory: boolean): boolean | undefined {
    const segments = relative.split('/');
    const first = fold(segments[0]);
    const name = fold(segments[segments.length - 1]);
    const candidates: IndexedRule[] = [...this.always];
    const add = (rules: IndexedRule[] | undefined): void => {
      if (rules) candidates.push(...rules);
    };
    add(this.byFirstSegment.get(first));
    add(this.byName.get(name));
    for (const length of this.suffixLengths) if (name.length >= length) add(this.bySuffix.get(name.slice(-length)));
    for (const length of this.prefixLengths) if (name.length >= length) add(this.byPrefix.get(name.slice(0, length)));
    candidates.sort((a, b) => b.order - a.order);
    const target = isDirectory ? `${relative}/` : relative;
    for (const rule of candidates) {
      // One pattern, no parent lookups: the walk never enters an ignored directory, so parents are decided.
      let result = rule.matcher.checkIgnore(target);
      if (isDirectory && result.ignored && rule.contentsOnly) result = rule.matcher.test(target);
      if (result.ignored) return true;
      if (result.unignored) return false;
    }
    return undefined;
  }
}

function push(map: Map<string, IndexedRule[]>, key: string, rule: IndexedRule): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

function fold(text: string): string {
  return IGNORE_CASE ? text.toLowerCase() : text;
}

type IndexKey = { kind: 'first' | 'name' | 'suffix' | 'prefix'; value: string } | undefined;

/**
 * A literal every path the pattern can match must have, or undefined when the pattern is not simple enough to
 * tell (then it is always asked). Conservative by construction: a wrong key would hide a match.
 */
function indexKey(line: string): IndexKey {
  let pattern = line.replace(/[ \t]+$/u, '');
  if (pattern.startsWith('!')) pattern = pattern.slice(1);
  // Escapes and character classes: left to the library.
  if (pattern === '' || /[\\[\]]/u.test(pattern)) return undefined;
  pattern = pattern.replace(/\/+$/u, '');
  if (pattern === '') return undefined;
  if (pattern.includes('/')) {
    const first = pattern.replace(/^\//u, '').split('/')[0];
    return first === '' || /[*?]/u.test(first) ? undefined : { kind: 'first', value: first };
  }
  if (!/[*?]/u.test(pattern)) return { kind: 'name', value: pattern };
  if (/^\*[^*?]+$/u.test(pattern)) return { kind: 'suffix', value: pattern.slice(1) };
  if (/^[^*?]+\*$/u.test(pattern)) return { kind: 'prefix', value: pattern.slice(0, -1) };
  return undefined;
}

/** Turns the text of a .gitignore file into its patterns, matched against paths relative to its directory. */
export function parseGitignore(text: string): IgnoreRules {
  return new IgnoreRules(text);
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
  return layer.rules.verdict(relative, isDirectory);
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
  const rules = parseGitignore(read.text);
  return rules.size === 0 ? undefined : { base: directory, origin, rules };
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
