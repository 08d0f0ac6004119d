// Shared pieces of the bench scripts: file listing, seeded sampling, plugin and generator loading, per-file lint configs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const LINTED_FILES = ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.ts', '**/*.mts', '**/*.cts'];
const EXTENSIONS = LINTED_FILES.map((glob) => glob.slice('**/*'.length));
const DECLARATION = /\.d\.[cm]?ts$/;

// The CLI's own walker and argument parser (from the build, as the plugin is): one of each for src/cli, bench and scripts.
const { walkFiles } = await import(pathToFileURL(join(repo, 'dist/cli/walk.js')).href);
export const { parseCommandLine } = await import(pathToFileURL(join(repo, 'dist/cli/args.js')).href);

/**
 * A bench script's command line: `--help` (or `-h`) prints the usage and exits 0; an unknown or malformed option
 * prints what is wrong and the usage, and exits 2, instead of a stack trace.
 */
export function readCommandLine(argv, specs, usage) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseCommandLine(argv, specs);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\nusage: ${usage}`);
    process.exit(2);
  }
}

/**
 * Every candidate source file under `root`, sorted, without following linked directories; `.d.ts` files are skipped,
 * and so are directories named in `skipDirectories` (none by default: the corpus is installed dependencies) and
 * files `keep` rejects.
 */
export function listSources(root, { skipDirectories = [], keep = () => true } = {}) {
  return walkFiles(root, {
    initial: true,
    skipDirectories: [...skipDirectories],
    keepFile: (file) => EXTENSIONS.some((ext) => file.endsWith(ext)) && !DECLARATION.test(file) && keep(file),
  });
}

/** mulberry32: a small seeded PRNG so a sample is the same on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A deterministic sample: seeded Fisher-Yates over the sorted list, the first `n` taken, then sorted again. */
export function sample(files, n, seed) {
  if (!n || n >= files.length) return files.slice();
  const copy = files.slice();
  const random = prng(seed);
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n).sort();
}

/** The built plugin (dist/index.js by default, or another build passed with --plugin). */
export async function loadPlugin(path = join(repo, 'dist/index.js')) {
  const module = await import(pathToFileURL(resolve(path)).href);
  return module.default;
}

export function allRulesOf(plugin) {
  return Object.fromEntries(Object.keys(plugin.rules).map((name) => [`handler-state/${name}`, 'error']));
}

/**
 * Self-contained helpers of test/helpers/ (`generate`, `limited-child`, `defect-scenarios`), transpiled with the
 * project's TypeScript into bench/.corpus/ (git-ignored), so the benchmarks and the tests share them. Imports of
 * one helper by another (`./limited-child.js`) are pointed at the transpiled copy; the first name's module is
 * returned.
 */
export async function loadTestHelpers(...names) {
  const { default: ts } = await import('typescript');
  const stamp = Date.now();
  for (const name of names.slice().reverse()) {
    const source = readFileSync(join(repo, `test/helpers/${name}.ts`), 'utf8');
    const output = ts
      .transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      })
      .outputText.replace(/from '\.\/([\w-]+)\.js'/gu, (_, helper) => `from './${helper}.mjs?${stamp}'`);
    const target = join(repo, `bench/.corpus/${name}.mjs`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output);
  }
  return import(`${pathToFileURL(join(repo, `bench/.corpus/${names[0]}.mjs`)).href}?${stamp}`);
}

/** test/helpers/generate.ts: the benchmarks generate modules from the same building blocks as the property tests. */
export function loadGenerator() {
  return loadTestHelpers('generate');
}

export const isTypeScript = (file) => /\.[cm]?ts$/.test(file);

/** Module first, CommonJS when the file does not parse as a module (`.cjs`/`.cts` start as CommonJS). */
export function sourceTypesFor(file) {
  if (/\.c[jt]s$/.test(file)) return ['commonjs', 'module'];
  return ['module', 'commonjs'];
}

/** Language options for one file: @typescript-eslint/parser for TypeScript, espree (with JSX in .js) otherwise. */
export function languageOptionsFor(file, sourceType) {
  if (isTypeScript(file)) return { parser: tsParser, ecmaVersion: 'latest', sourceType };
  return { ecmaVersion: 'latest', sourceType, parserOptions: { ecmaFeatures: { jsx: !file.endsWith('.mjs') } } };
}

/**
 * A flat config array for one file: the given rules (and the plugin when it is given). The first object
 * un-ignores node_modules (ignored by default), so files are linted under their real paths and the plugin's
 * cross-file analysis sees real neighbours.
 */
export function configFor(file, sourceType, rules, plugin, settings) {
  return [
    { ignores: ['!**/node_modules/'] },
    {
      files: LINTED_FILES,
      ...(plugin ? { plugins: { 'handler-state': plugin } } : {}),
      ...(settings ? { settings } : {}),
      languageOptions: languageOptionsFor(file, sourceType),
      rules,
    },
  ];
}

export function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function cpuSeconds(since) {
  const usage = process.cpuUsage(since);
  return (usage.user + usage.system) / 1e6;
}

export function machine() {
  let cpu = 'unknown';
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) cpu = match[1].trim();
  } catch {
    // not Linux
  }
  return cpu;
}
