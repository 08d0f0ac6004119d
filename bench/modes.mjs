// Benchmarks the deeper analysis modes: cross-file summaries and the type-aware mode, against the syntactic core.
//
// Usage: node bench/modes.mjs [--files N] [--rounds R] [--plugin FILE]
//
// Builds a temporary TypeScript project of N handler files, each importing a shared store module and a helper
// (so cross-file summaries have work to do), with a tsconfig.json for the type-aware mode. Every variant runs in
// a fresh child process (cold caches, as in a CI lint run); the CPU time of `ESLint#lintFiles` alone is measured,
// variants alternate within each round, and every figure is the median over rounds.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpuSeconds, machine, median, readCommandLine, repo } from './lib.mjs';

const USAGE = 'node bench/modes.mjs [--files N] [--rounds R] [--plugin FILE]';

const VARIANTS = {
  'no rules': { config: 'none', settings: {} },
  'syntactic core (crossFile: false)': { config: 'recommended', settings: { crossFile: false } },
  'default (cross-file on)': { config: 'recommended', settings: {} },
  'no rules, with projectService': { config: 'none', settings: {}, program: true },
  'type-aware (recommendedTypeChecked)': { config: 'recommendedTypeChecked', settings: {} },
};

function parseArgs(argv) {
  const { values } = readCommandLine(
    argv,
    {
      files: { type: 'string' },
      rounds: { type: 'string' },
      plugin: { type: 'string' },
      child: { type: 'string' },
      dir: { type: 'string' },
    },
    USAGE,
  );
  return {
    files: Number(values.files ?? 150),
    rounds: Number(values.rounds ?? 3),
    plugin: values.plugin ? resolve(values.plugin) : join(repo, 'dist/index.js'),
    child: values.child ?? null,
    dir: values.dir ?? null,
  };
}

function makeProject(files) {
  const dir = mkdtempSync(join(os.tmpdir(), 'handler-state-modes-'));
  mkdirSync(join(dir, 'src/lib'), { recursive: true });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true, noEmit: true },
      include: ['src/**/*.ts'],
    }),
  );
  writeFileSync(
    join(dir, 'src/lib/store.ts'),
    [
      '// Shared module state written by every handler through remember() and the repository.',
      'const history: string[] = [];',
      'const byKey = new Map<string, number>();',
      'export function remember(entry: string): void {',
      '  history.push(entry);',
      '}',
      'export function count(key: string): number {',
      '  const next = (byKey.get(key) ?? 0) + 1;',
      '  byKey.set(key, next);',
      '  return next;',
      '}',
      'export class Repo {',
      '  private items: string[] = [];',
      '  add(item: string): void {',
      '    this.items.push(item);',
      '  }',
      '}',
    ].join('\n'),
  );
  for (let i = 0; i < files; i++) {
    const lines = [
      "import { count, remember, Repo } from './lib/store.js';",
      'const repo = new Repo();',
      `const seen${i} = new Set<string>();`,
      'let client: { get(id: string): Promise<string> } | undefined;',
      'function format(id: string): string {',
      '  return `${id}`.trim();',
      '}',
    ];
    for (let j = 0; j < 30; j++)
      lines.push(`export function helper${j}(value: string): string {`, `  return format(value) + '${j}';`, '}');
    lines.push(
      'export const handler = async (event: { id: string; path: string; key: string }) => {',
      '  client ??= { get: async (id: string) => id };',
      `  seen${i}.add(event.id);`,
      '  remember(event.path);',
      '  count(event.key);',
      '  repo.add(event.id);',
      '  return client.get(helper0(event.id));',
      '};',
    );
    writeFileSync(join(dir, `src/handler${i}.ts`), `${lines.join('\n')}\n`);
  }
  return dir;
}

async function child(options) {
  const variant = VARIANTS[options.child];
  const { ESLint } = await import('eslint');
  const tsParser = await import('@typescript-eslint/parser');
  const plugin = (await import(pathToFileURL(options.plugin).href)).default;
  const base = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };
  const program = {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: options.dir } },
  };
  const config =
    variant.config === 'none'
      ? [base, ...(variant.program ? [program] : [])]
      : [
          ...plugin.configs[variant.config],
          { files: ['**/*.ts'], languageOptions: { parserOptions: { tsconfigRootDir: options.dir } } },
        ];
  config.push({ settings: { 'handler-state': variant.settings } });
  const eslint = new ESLint({ cwd: options.dir, overrideConfigFile: true, overrideConfig: config });
  const start = process.cpuUsage();
  const results = await eslint.lintFiles(['src/**/*.ts']);
  const cpu = cpuSeconds(start);
  const findings = results.reduce(
    (sum, result) => sum + result.messages.filter((m) => m.ruleId?.startsWith('handler-state/')).length,
    0,
  );
  const fatal = results.reduce((sum, result) => sum + result.fatalErrorCount, 0);
  process.stdout.write(JSON.stringify({ cpu, findings, fatal, files: results.length }));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.child) return child(options);
  const dir = makeProject(options.files);
  const times = Object.fromEntries(Object.keys(VARIANTS).map((name) => [name, []]));
  const info = {};
  try {
    for (let round = 0; round < options.rounds; round++) {
      const order = Object.keys(VARIANTS);
      if (round % 2) order.reverse();
      for (const name of order) {
        const out = execFileSync(
          process.execPath,
          [new URL(import.meta.url).pathname, '--child', name, '--dir', dir, '--plugin', options.plugin],
          {
            encoding: 'utf8',
            maxBuffer: 1 << 26,
          },
        );
        const result = JSON.parse(out);
        times[name].push(result.cpu);
        info[name] = result;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(times).map(([name, list]) => [name, median(list)]));
  console.log(
    `modes bench: ${options.files} TypeScript handler files + 1 shared module, ${options.rounds} rounds; node ${process.version}, ${os.cpus().length} cores, ${machine()}`,
  );
  console.log('| variant | CPU s (median) | findings | fatal |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const name of Object.keys(VARIANTS)) {
    console.log(`| ${name} | ${m[name].toFixed(2)} | ${info[name].findings} | ${info[name].fatal} |`);
  }
  const ratio = (a, b) => (m[a] / m[b]).toFixed(3);
  console.log('');
  console.log(
    `cross-file on vs off (plugin rules on in both): ${ratio('default (cross-file on)', 'syntactic core (crossFile: false)')}x`,
  );
  console.log(`default vs no rules: ${ratio('default (cross-file on)', 'no rules')}x`);
  console.log(
    `type-aware vs the same parse with projectService and no rules: ${ratio('type-aware (recommendedTypeChecked)', 'no rules, with projectService')}x`,
  );
  console.log(
    `type-aware vs default (the cost of type information itself included): ${ratio('type-aware (recommendedTypeChecked)', 'default (cross-file on)')}x`,
  );
}

await main();
