// Integration: the BUILT plugin through the real ESLint class (ESLint 10 and 9) and CLI, over the fixture handlers.
import { spawnSync } from 'node:child_process';
import { writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint as ESLint10 } from 'eslint';
import { defineConfig as defineConfig10 } from 'eslint/config';
import { ESLint as ESLint9 } from 'eslint9';
import { defineConfig as defineConfig9 } from 'eslint9/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp.js';
import {
  CORE_RULES,
  FIXTURES_DIR,
  REPO_ROOT,
  NARROWED_IN_RECOMMENDED,
  describeMessages,
  findingKeys,
  listFixtures,
  loadBuiltPlugin,
  snapshotBuiltPackage,
  type BuiltSnapshot,
  otherMessages,
  readExpectations,
  enabledRules,
  onlyRules,
  ruleOf,
  type HandlerStatePlugin,
  type LintResultLike,
} from './helpers.js';

/** The part of the ESLint class both majors share; their own typings differ in details the suite never uses. */
interface ESLintLike {
  lintFiles(patterns: string[]): Promise<LintResultLike[]>;
}
interface ESLintClassLike {
  new (options: Record<string, unknown>): ESLintLike;
  readonly version: string;
}
type DefineConfig = (...configs: unknown[]) => unknown[];

interface Host {
  name: string;
  major: number;
  ESLint: ESLintClassLike;
  defineConfig: DefineConfig;
  bin: string;
}

const HOSTS: Host[] = [
  {
    name: 'ESLint 10',
    major: 10,
    ESLint: ESLint10,
    defineConfig: defineConfig10 as unknown as DefineConfig,
    bin: path.join(REPO_ROOT, 'node_modules/eslint/bin/eslint.js'),
  },
  {
    name: 'ESLint 9',
    major: 9,
    ESLint: ESLint9,
    defineConfig: defineConfig9 as unknown as DefineConfig,
    bin: path.join(REPO_ROOT, 'node_modules/eslint9/bin/eslint.js'),
  },
];

const FIXTURES = listFixtures();

let snapshot: BuiltSnapshot | undefined;
/** One snapshot of dist/ per test file; every suite here lints with exactly the same build. */
async function builtEntry(): Promise<string> {
  snapshot ??= await snapshotBuiltPackage();
  return snapshot.entry;
}
afterAll(() => snapshot?.remove());
type ConfigName = 'strict' | 'recommended';

/** One fixture's outcome: the result, or the exception the lint run threw (a rule crash). */
type Outcome = { result: LintResultLike; error?: undefined } | { result?: undefined; error: Error };

async function lintEachFixture(eslint: ESLintLike): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  // One file per call, so that a rule that throws on one fixture does not hide the results of the others.
  for (const file of FIXTURES) {
    try {
      const [result] = await eslint.lintFiles([path.join(FIXTURES_DIR, file)]);
      outcomes.set(file, { result });
    } catch (error) {
      outcomes.set(file, { error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
  return outcomes;
}

function resultOf(outcomes: Map<string, Outcome> | undefined, file: string): LintResultLike {
  const outcome = outcomes?.get(file);
  if (!outcome) throw new Error(`no lint outcome for ${file} (did loading the built plugin fail?)`);
  if (outcome.error) throw new Error(`linting ${file} threw: ${outcome.error.message}`);
  return outcome.result;
}

describe('fixture markers', () => {
  it('has a realistic corpus: at least 25 handler files, leaks and quiet ones', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(25);
    const quiet = FIXTURES.filter((file) => file.startsWith('quiet-'));
    expect(quiet.length).toBeGreaterThanOrEqual(8);
    const marked = FIXTURES.filter((file) => readExpectations(file).length > 0);
    expect(marked.length).toBeGreaterThanOrEqual(15);
  });

  it('quiet-* fixtures carry no expect markers', () => {
    for (const file of FIXTURES.filter((name) => name.startsWith('quiet-'))) {
      expect(readExpectations(file), file).toEqual([]);
    }
  });

  it('every core rule is expected somewhere', () => {
    const rules = new Set(FIXTURES.flatMap((file) => readExpectations(file).map(ruleOf)));
    for (const rule of CORE_RULES) expect(rules.has(rule), rule).toBe(true);
  });
});

describe.each(HOSTS)('$name with the built plugin', (host) => {
  let plugin: HandlerStatePlugin;
  const outcomes: Partial<Record<ConfigName, Map<string, Outcome>>> = {};

  beforeAll(async () => {
    plugin = await loadBuiltPlugin(await builtEntry());
    for (const configName of ['strict', 'recommended'] as const) {
      const eslint = new host.ESLint({
        cwd: REPO_ROOT,
        overrideConfigFile: true,
        overrideConfig: [...plugin.configs[configName]],
      });
      outcomes[configName] = await lintEachFixture(eslint);
    }
  });

  it(`is ESLint ${host.major}.x`, () => {
    expect(host.ESLint.version.split('.')[0]).toBe(String(host.major));
  });

  it('markers name rules the plugin has', () => {
    for (const file of FIXTURES) {
      for (const key of readExpectations(file))
        expect(Object.keys(plugin.rules), `${file}:${key}`).toContain(ruleOf(key));
    }
  });

  it('recommended enables every core rule, the catch-all on overwrites only; strict enables every rule with its defaults', () => {
    const recommended = enabledRules(plugin.configs.recommended);
    const strict = enabledRules(plugin.configs.strict);
    for (const rule of CORE_RULES) expect(recommended.has(rule), rule).toBe(true);
    expect([...strict].sort()).toEqual(Object.keys(plugin.rules).sort());
    for (const rule of recommended) expect(strict.has(rule), rule).toBe(true);
    // `strict` is a superset: no options narrow any rule there; `recommended` narrows the catch-all only.
    const settings = (config: typeof plugin.configs.strict) =>
      Object.assign({}, ...config.map((part) => part.rules ?? {})) as Record<string, unknown>;
    for (const level of Object.values(settings(plugin.configs.strict))) expect(level).toBe('error');
    const narrowed = Object.entries(settings(plugin.configs.recommended)).filter(([, level]) => level !== 'error');
    expect(narrowed).toEqual([[`handler-state/${NARROWED_IN_RECOMMENDED}`, ['error', { writes: 'overwrites' }]]]);
  });

  describe.each(FIXTURES)('%s', (file) => {
    it('parses, and no rule throws', () => {
      for (const configName of ['strict', 'recommended'] as const) {
        const result = resultOf(outcomes[configName], file);
        expect(otherMessages(result), describeMessages(result)).toEqual([]);
      }
    });

    it('strict: one finding per marker, nothing else', () => {
      const result = resultOf(outcomes.strict, file);
      expect(findingKeys(result), describeMessages(result)).toEqual(readExpectations(file));
    });

    it('recommended: only the recommended rules’ markers', () => {
      const result = resultOf(outcomes.recommended, file);
      const recommended = enabledRules(plugin.configs.recommended);
      expect(findingKeys(result), describeMessages(result)).toEqual(
        onlyRules(readExpectations(file, 'recommended'), recommended),
      );
    });
  });

  it('extends: [plugin.configs.recommended] through defineConfig gives the same findings as the spread form', async () => {
    const config = host.defineConfig([{ files: ['**/*.{js,cjs,mjs,ts}'], extends: [plugin.configs.recommended] }]);
    const eslint = new host.ESLint({ cwd: REPO_ROOT, overrideConfigFile: true, overrideConfig: config });
    const results = await eslint.lintFiles(FIXTURES.map((file) => path.join(FIXTURES_DIR, file)));
    const byFile = new Map(results.map((result) => [path.basename(result.filePath), result]));
    const got: string[] = [];
    const spread: string[] = [];
    for (const file of FIXTURES) {
      const result = byFile.get(file);
      expect(result, `${file} was linted`).toBeDefined();
      expect(otherMessages(result!), describeMessages(result!)).toEqual([]);
      got.push(...findingKeys(result!).map((key) => `${file}:${key}`));
      spread.push(...findingKeys(resultOf(outcomes.recommended, file)).map((key) => `${file}:${key}`));
    }
    // The markers are checked per fixture above; here the two config forms must agree, and not vacuously.
    expect(got.length).toBeGreaterThan(0);
    expect(got).toEqual(spread);
  });
});

describe.each(HOSTS)('$name CLI with --cache and --concurrency', (host) => {
  let tmp: string;
  let configFile: string;

  beforeAll(async () => {
    const entry = await builtEntry();
    tmp = makeTempDir('handler-state-cli-');
    configFile = path.join(tmp, 'eslint.config.mjs');
    writeFileSync(
      configFile,
      [
        `import plugin from ${JSON.stringify(pathToFileURL(entry).href)};`,
        'export default [...plugin.configs.recommended];',
        '',
      ].join('\n'),
    );
  });

  function runCli(extraArgs: string[]): { status: number | null; results: LintResultLike[]; stderr: string } {
    const child = spawnSync(
      process.execPath,
      [host.bin, '--config', configFile, '--format', 'json', ...extraArgs, 'test/fixtures/handlers'],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    let results: LintResultLike[] = [];
    try {
      results = JSON.parse(child.stdout) as LintResultLike[];
    } catch {
      throw new Error(`eslint ${extraArgs.join(' ')} printed no JSON (exit ${child.status}):\n${child.stderr}`);
    }
    return { status: child.status, results, stderr: child.stderr };
  }

  /** stderr without ESLint's advisory that a small file set does not profit from worker threads. */
  function unexpectedStderr(stderr: string): string {
    return stderr
      .split('\n')
      .filter((line) => !/ESLintPoorConcurrencyWarning|--trace-warnings/u.test(line) && line.trim() !== '')
      .join('\n');
  }

  /** `file:line:rule` for every plugin finding, sorted; the CLI and the API must agree on these. */
  function keysOf(results: LintResultLike[]): string[] {
    return results
      .flatMap((result) => findingKeys(result).map((key) => `${path.basename(result.filePath)}:${key}`))
      .sort();
  }

  async function apiRecommended(): Promise<string[]> {
    const plugin = await loadBuiltPlugin(await builtEntry());
    const eslint = new host.ESLint({
      cwd: REPO_ROOT,
      overrideConfigFile: true,
      overrideConfig: [...plugin.configs.recommended],
    });
    return keysOf(await eslint.lintFiles(['test/fixtures/handlers']));
  }

  it('--cache --concurrency=auto: same findings as the API, and a cached second run prints the same', async () => {
    const cacheLocation = path.join(tmp, 'eslintcache');
    const args = ['--cache', '--cache-location', cacheLocation, '--concurrency=auto'];
    const first = runCli(args);
    expect(unexpectedStderr(first.stderr)).toBe('');
    expect(first.results.length).toBe(FIXTURES.length);
    for (const result of first.results) expect(otherMessages(result), result.filePath).toEqual([]);
    const api = await apiRecommended();
    expect(api.length).toBeGreaterThan(0);
    expect(keysOf(first.results).length).toBe(api.length);
    expect(keysOf(first.results)).toEqual(api);
    expect(existsSync(cacheLocation)).toBe(true);

    const second = runCli(args);
    expect(second.status).toBe(first.status);
    expect(second.results).toEqual(first.results);
  });

  it('--concurrency=2 (worker threads load the plugin by file URL): same findings as the API', async () => {
    const run = runCli(['--concurrency=2']);
    expect(unexpectedStderr(run.stderr)).toBe('');
    for (const result of run.results) expect(otherMessages(result), result.filePath).toEqual([]);
    const api = await apiRecommended();
    expect(api.length).toBeGreaterThan(0);
    expect(keysOf(run.results)).toEqual(api);
    expect(run.status).toBe(1);
  });
});
