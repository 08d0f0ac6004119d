// Shared helpers for the integration suites: fixture discovery, inline `// expect:` markers, the built plugin.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type builtPlugin from '../../src/index.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test/fixtures/handlers');
export const DIST_ENTRY = path.join(REPO_ROOT, 'dist/index.js');

/** The four state rules, without the `handler-state/` prefix, as the markers write them. */
export const CORE_RULES = [
  'no-unbounded-growth',
  'no-unbounded-cache',
  'no-request-data-in-module-scope',
  'no-module-state-write',
] as const;

/** Every one of these rules is recommended; `recommended` runs this one on a subset of what `strict` reports. */
export const NARROWED_IN_RECOMMENDED = 'no-module-state-write';

export const PLUGIN_PREFIX = 'handler-state/';

export type HandlerStatePlugin = typeof builtPlugin;

/** Imports the BUILT plugin (dist/, or a snapshot of it), the way a user's config does, by file URL. */
export async function loadBuiltPlugin(entry: string = DIST_ENTRY): Promise<HandlerStatePlugin> {
  // Loaded at run time so that `tsc --noEmit` does not depend on a build having happened; the type comes from src.
  const mod = (await import(pathToFileURL(entry).href)) as { default: HandlerStatePlugin };
  return mod.default;
}

export interface BuiltSnapshot {
  /** dist/index.js inside the snapshot. */
  entry: string;
  remove(): void;
}

/**
 * Copies dist/ and package.json to a temp package (node_modules linked back), so that a concurrent
 * `npm run build` (which starts with `rm -rf dist`) cannot pull the files away in the middle of a suite.
 * Waits up to two minutes for a complete build to appear.
 */
export async function snapshotBuiltPackage(): Promise<BuiltSnapshot> {
  const deadline = Date.now() + 120_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'handler-state-dist-'));
    const remove = () => rmSync(dir, { recursive: true, force: true });
    try {
      if (!existsSync(DIST_ENTRY)) throw new Error('dist/index.js is missing: run `npm run build` first');
      cpSync(path.join(REPO_ROOT, 'dist'), path.join(dir, 'dist'), { recursive: true });
      cpSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
      symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
      const entry = path.join(dir, 'dist/index.js');
      const plugin = await loadBuiltPlugin(entry);
      if (!plugin?.rules || !plugin.configs) throw new Error('dist/index.js has no plugin default export');
      return { entry, remove };
    } catch (error) {
      lastError = error;
      remove();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

const FIXTURE_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts']);

/** Fixture handler files, sorted, as paths relative to FIXTURES_DIR (lib/ helpers are not linted). */
export function listFixtures(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isFile() && FIXTURE_EXTENSIONS.has(path.extname(entry.name)))
    .map((entry) => entry.name)
    .sort();
}

/** A finding reduced to what the markers specify: `line:rule`, e.g. `12:no-unbounded-growth`. */
export type FindingKey = `${number}:${string}`;

/** One marked rule: its name, and `(strict)` when only `strict` reports it (`recommended` runs the rule narrower). */
const MARKED_RULE = String.raw`[a-z0-9-]+(?:\s*\(strict\))?`;
const MARKER = new RegExp(String.raw`\/\/\s*expect:\s*(${MARKED_RULE}(?:\s*,\s*${MARKED_RULE})*)\s*$`, 'u');
const STRICT_ONLY = /\s*\(strict\)$/u;

/**
 * Reads the trailing `// expect: rule[, rule]` markers of a fixture; throws on a malformed marker. A rule marked
 * `rule (strict)` is expected from `strict` only: the finding is outside the subset `recommended` runs the rule on.
 */
export function readExpectations(file: string, config: 'strict' | 'recommended' = 'strict'): FindingKey[] {
  const text = readFileSync(path.resolve(FIXTURES_DIR, file), 'utf8');
  const keys: FindingKey[] = [];
  text.split(/\r?\n/u).forEach((lineText, index) => {
    const match = MARKER.exec(lineText);
    if (!match) {
      if (/\/\/\s*expect:/u.test(lineText)) throw new Error(`${file}:${index + 1}: malformed expect marker`);
      return;
    }
    for (const marked of match[1].split(',').map((name) => name.trim())) {
      if (config === 'recommended' && STRICT_ONLY.test(marked)) continue;
      keys.push(`${index + 1}:${marked.replace(STRICT_ONLY, '')}`);
    }
  });
  return keys.sort(compareKeys);
}

export function ruleOf(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

/** The markers a config should produce: those whose rule the config enables. */
export function onlyRules(keys: readonly FindingKey[], rules: ReadonlySet<string>): FindingKey[] {
  return keys.filter((key) => rules.has(ruleOf(key)));
}

/** Rule names (without prefix) that a flat config array turns on. */
export function enabledRules(config: readonly { rules?: Record<string, unknown> }[]): Set<string> {
  const levels = new Map<string, unknown>();
  for (const entry of config) for (const [name, level] of Object.entries(entry.rules ?? {})) levels.set(name, level);
  const enabled = new Set<string>();
  for (const [name, level] of levels) {
    const severity: unknown = Array.isArray(level) ? level[0] : level;
    if (name.startsWith(PLUGIN_PREFIX) && severity !== 'off' && severity !== 0)
      enabled.add(name.slice(PLUGIN_PREFIX.length));
  }
  return enabled;
}

export function compareKeys(a: string, b: string): number {
  const [la, ra] = [Number.parseInt(a, 10), a.slice(a.indexOf(':') + 1)];
  const [lb, rb] = [Number.parseInt(b, 10), b.slice(b.indexOf(':') + 1)];
  return la - lb || ra.localeCompare(rb);
}

/** The subset of ESLint's LintResult that both ESLint 9 and 10 produce and the suites read. */
export interface LintMessageLike {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  fatal?: boolean;
  severity: number;
}
export interface LintResultLike {
  filePath: string;
  messages: LintMessageLike[];
}

/** The plugin's findings of one result as sorted `line:rule` keys. */
export function findingKeys(result: LintResultLike): FindingKey[] {
  return result.messages
    .filter((message) => message.ruleId?.startsWith(PLUGIN_PREFIX))
    .map((message): FindingKey => `${message.line}:${message.ruleId!.slice(PLUGIN_PREFIX.length)}`)
    .sort(compareKeys);
}

/** Messages that are not plugin findings: parse errors, config problems, anything fatal. */
export function otherMessages(result: LintResultLike): LintMessageLike[] {
  return result.messages.filter((message) => message.fatal || !message.ruleId?.startsWith(PLUGIN_PREFIX));
}

/** Human-readable list of plugin messages for failure output. */
export function describeMessages(result: LintResultLike): string {
  return result.messages
    .map((message) => `${message.line}:${message.column} ${message.ruleId ?? '(fatal)'} ${message.message}`)
    .join('\n');
}
