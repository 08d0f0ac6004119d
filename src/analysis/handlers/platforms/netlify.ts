// Netlify Functions (v2) and Edge Functions: the default export of a function file in the functions directories
// (`netlify/functions/`, `netlify/edge-functions/`, or the ones netlify.toml names), or of a file that imports the
// Netlify function types and exports its `config`.
import path from 'node:path';
import { isDirectory, isRegularFile, readTextFile } from '../../../util/read-file.js';
import type { Platform, PlatformContext } from '../registry.js';

const NETLIFY_MODULES = ['@netlify/functions', '@netlify/edge-functions'];
const DEFAULT_DIRECTORIES = ['netlify/functions', 'netlify/edge-functions'];
const SOURCE_FILE = /\.[cm]?[jt]sx?$/u;
const MAX_TOML_BYTES = 256 * 1024;
const MAX_LEVELS = 16;

export const netlify: Platform = {
  id: 'netlify',
  detect(ctx) {
    const where = functionFile(ctx);
    const typed = !where && ctx.facts.imports.importsAny(NETLIFY_MODULES) && exportsConfig(ctx);
    if (!where && !typed) return;
    for (const { fn } of ctx.facts.exports.functions((name) => name === 'default')) {
      ctx.add(
        fn,
        'default',
        where
          ? `default export of a Netlify function (${where})`
          : 'default export of a Netlify function (`config` export)',
        'netlify',
      );
    }
  },
};

function exportsConfig(ctx: PlatformContext): boolean {
  return ctx.facts.exports.entries.some((entry) => entry.name === 'config');
}

/**
 * The functions directory the file is a function of (`netlify/edge-functions/`), or null. A function is
 * `<dir>/name.ts`, `<dir>/name/name.ts` or `<dir>/name/index.ts`; other files in a subfolder are its modules.
 */
function functionFile(ctx: PlatformContext): string | null {
  if (!SOURCE_FILE.test(ctx.basename) || ctx.directories.includes('node_modules')) return null;
  const file = ctx.path;
  const stem = ctx.basename.replace(SOURCE_FILE, '');
  const candidates = [...DEFAULT_DIRECTORIES.map((dir) => ({ dir, absolute: null as string | null }))];
  if (path.isAbsolute(file)) for (const dir of configuredDirectories(path.dirname(file))) candidates.push(dir);
  for (const { dir, absolute } of candidates) {
    let rest: string[] | null = null;
    if (absolute) {
      const relative = path.relative(absolute, file).split(path.sep);
      if (relative[0] !== '..' && !path.isAbsolute(relative.join('/'))) rest = relative;
    } else {
      const marker = `/${dir}/`;
      const at = file.lastIndexOf(marker);
      if (at >= 0 || file.startsWith(`${dir}/`))
        rest = file.slice(at >= 0 ? at + marker.length : dir.length + 1).split('/');
    }
    if (!rest) continue;
    if (rest.length === 1 || (rest.length === 2 && (stem === rest[0] || stem === 'index'))) return `${dir}/`;
  }
  return null;
}

/** The functions directories a netlify.toml above `start` configures, as absolute paths (cached per directory). */
const configuredCache = new Map<string, Array<{ dir: string; absolute: string }>>();

function configuredDirectories(start: string): Array<{ dir: string; absolute: string }> {
  const cached = configuredCache.get(start);
  if (cached) return cached;
  let result: Array<{ dir: string; absolute: string }> = [];
  const toml = path.join(start, 'netlify.toml');
  if (isRegularFile(toml)) {
    const read = readTextFile(toml, MAX_TOML_BYTES);
    if (read.ok) {
      result = netlifyTomlDirectories(read.text).map((dir) => ({ dir, absolute: path.resolve(start, dir) }));
    }
  } else {
    const parent = path.dirname(start);
    const root = parent === start || isDirectory(path.join(start, '.git')) || depth(start) > MAX_LEVELS;
    if (!root) result = configuredDirectories(parent);
  }
  configuredCache.set(start, result);
  return result;
}

function depth(dir: string): number {
  return dir.split(path.sep).length;
}

/**
 * The functions directories of a netlify.toml: `[build] functions`, `[build] edge_functions` and
 * `[functions] directory`. Only these three string keys are read; anything else in the file is ignored.
 */
export function netlifyTomlDirectories(text: string): string[] {
  const result: string[] = [];
  let table = '';
  for (const line of text.split(/\r?\n/u)) {
    const header = /^\s*\[\s*([^[\]]+?)\s*\]\s*(?:#.*)?$/u.exec(line);
    if (header) {
      table = header[1];
      continue;
    }
    if (/^\s*\[\[/u.test(line)) {
      table = '[[array]]';
      continue;
    }
    const entry = /^\s*([\w-]+)\s*=\s*(?:"([^"\\]*)"|'([^']*)')\s*(?:#.*)?$/u.exec(line);
    if (!entry) continue;
    const [, key, doubleQuoted, singleQuoted] = entry;
    const value = (doubleQuoted ?? singleQuoted ?? '').trim();
    const wanted =
      (table === 'build' && (key === 'functions' || key === 'edge_functions')) ||
      (table === 'functions' && key === 'directory');
    if (wanted && value && !path.isAbsolute(value)) result.push(value.replace(/^\.\//u, '').replace(/\/+$/u, ''));
  }
  return result;
}

export function clearNetlifyCache(): void {
  configuredCache.clear();
}
