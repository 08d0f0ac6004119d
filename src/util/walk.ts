// The one directory walker of the CLI, the bench, the scripts and the analysis's bounded project listings, the one
// list of directories none of them enter, and the one climb from a directory towards the file system root.
import fs from 'node:fs';
import path from 'node:path';
import { isRegularFile } from './read-file.js';

/**
 * Directories never entered, at any depth: installed dependencies, VCS data, and the build output of the
 * bundlers and deploy tools handlers are shipped with (their files are generated from the sources that are read).
 */
export const SKIPPED_DIRECTORIES: readonly string[] = [
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

/** Extensions of the sources the scan lints: JavaScript (ESM and CommonJS, JSX) and TypeScript. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'];

/** Generated files that hold no handler source: type declarations and minified bundles. */
const GENERATED_FILE = /\.d\.[cm]?ts$|\.min\.[cm]?js$/u;

/** A JavaScript or TypeScript source someone wrote, judged by its name. */
export function isSourceFile(name: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(name)) && !GENERATED_FILE.test(name);
}

export interface WalkOptions<State> {
  /** Directory names never entered (default: SKIPPED_DIRECTORIES). */
  skipDirectories?: Iterable<string>;
  /** Also leave out directories whose name starts with a dot. */
  skipDotDirectories?: boolean;
  /** Also leave out files whose name starts with a dot. */
  skipDotFiles?: boolean;
  /** Keep symbolic links to regular files (default true); linked directories are never followed. */
  fileLinks?: boolean;
  /** Directories deeper than this below the root are not entered (the root is depth 0). */
  maxDepth?: number;
  /** At most this many directories are read. */
  maxDirectories?: number;
  /** Asked before each directory and each file: true ends the walk (a bounded listing that is full). */
  isFull?: () => boolean;
  /** What the root directory carries down (for example the .gitignore rules that apply to it). */
  initial: State;
  /**
   * Called before a directory is read, with what its parent carries and its depth; returns what it carries
   * itself, or `undefined` to leave it out. The root is entered with `initial` and not asked.
   */
  enterDirectory?: (directory: string, parent: State, depth: number) => State | undefined;
  /** Called once a directory's own entries are known, before they are visited (to read its .gitignore). */
  openDirectory?: (directory: string, inherited: State) => State;
  /** Whether to keep a regular file (symbolic links to regular files included). */
  keepFile: (file: string, state: State) => boolean;
  /** A directory that could not be read. */
  onError?: (directory: string, error: unknown) => void;
}

/**
 * Every kept file under `root`, sorted, as absolute paths. Directories are read in name order, each one's files
 * (in name order) before its subdirectories, so a bounded walk always keeps the same files. Iterative, so depth
 * cannot overflow the stack; linked directories are not followed, which rules out cycles; FIFOs, devices and
 * sockets are never kept, and neither is a link into `/proc`, `/sys` or `/dev`.
 */
export function walkFiles<State>(root: string, options: WalkOptions<State>): string[] {
  const skipped = new Set(options.skipDirectories ?? SKIPPED_DIRECTORIES);
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  const maxDirectories = options.maxDirectories ?? Number.POSITIVE_INFINITY;
  const fileLinks = options.fileLinks ?? true;
  const found: string[] = [];
  const stack: Array<{ directory: string; depth: number; state: State }> = [
    { directory: path.resolve(root), depth: 0, state: options.initial },
  ];
  let read = 0;
  while (stack.length > 0 && read < maxDirectories && !options.isFull?.()) {
    const { directory, depth, state: inherited } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      options.onError?.(directory, error);
      continue;
    }
    read++;
    entries.sort((a, b) => compare(a.name, b.name));
    const state = options.openDirectory ? options.openDirectory(directory, inherited) : inherited;
    const subdirectories: Array<{ directory: string; depth: number; state: State }> = [];
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (depth >= maxDepth || skipped.has(entry.name)) continue;
        if (options.skipDotDirectories && entry.name.startsWith('.')) continue;
        const carried = options.enterDirectory ? options.enterDirectory(absolute, state, depth + 1) : state;
        if (carried !== undefined) subdirectories.push({ directory: absolute, depth: depth + 1, state: carried });
      } else if (entry.isFile() || (fileLinks && entry.isSymbolicLink() && isRegularFile(absolute))) {
        if (options.skipDotFiles && entry.name.startsWith('.')) continue;
        if (options.isFull?.()) break;
        if (options.keepFile(absolute, state)) found.push(absolute);
      }
    }
    // Reverse order on the stack, so directories are read in name order (the result is sorted anyway).
    subdirectories.sort((a, b) => compare(b.directory, a.directory));
    stack.push(...subdirectories);
  }
  return found.sort(compare);
}

/** True when `child` is `parent` or lies under it. */
export function isWithin(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `start` and the directories above it, nearest first, at most `count` of them, ending at the file system root:
 * the one climb of every "find the project, workspace or repository root" question.
 */
export function* ancestors(start: string, count: number): Generator<string> {
  let dir = start;
  for (let climbed = 0; climbed < count; climbed++) {
    yield dir;
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
