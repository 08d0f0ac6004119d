// Benchmarks the plugin's cost: overhead vs parse-only, peer vs core no-unused-vars, scaling per line, peak memory.
//
// Usage: node bench/perf.mjs [--sample N] [--seed S] [--rounds R] [--max-kb KB] [--plugin FILE] [--skip-memory] [--json FILE]
//
// Times are CPU seconds of this (single-threaded) process, not wall time, so other load on the machine
// disturbs the ratios less. Variants alternate within one run and each figure is the median over rounds.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import {
  allRulesOf,
  configFor,
  cpuSeconds,
  listSources,
  loadGenerator,
  loadPlugin,
  machine,
  median,
  readCommandLine,
  repo,
  sample,
  sourceTypesFor,
} from './lib.mjs';

const USAGE =
  'node bench/perf.mjs [--sample N] [--seed S] [--rounds R] [--max-kb KB] [--plugin FILE] [--skip-memory] [--json FILE]';

const TARGETS = { overhead: 1.05, peer: 1.0, scaling: 1.3, memory: 1.1 };
const SCALING_SIZES = [1_000, 10_000, 100_000];

function parseArgs(argv) {
  const { values } = readCommandLine(
    argv,
    {
      sample: { type: 'string' },
      seed: { type: 'string' },
      rounds: { type: 'string' },
      'max-kb': { type: 'string' },
      generated: { type: 'string' },
      plugin: { type: 'string' },
      'skip-memory': { type: 'boolean' },
      json: { type: 'string' },
      child: { type: 'string' },
    },
    USAGE,
  );
  return {
    sample: Number(values.sample ?? 2000),
    seed: Number(values.seed ?? 6),
    rounds: Number(values.rounds ?? 5),
    maxKb: Number(values['max-kb'] ?? 256),
    generated: Number(values.generated ?? 20),
    plugin: values.plugin ? resolve(values.plugin) : join(repo, 'dist/index.js'),
    skipMemory: values['skip-memory'] ?? false,
    json: values.json ? resolve(values.json) : null,
    child: values.child ?? null,
  };
}

/**
 * The corpus: a seeded sample of node_modules sources up to `maxKb` each (the very large bundles are in the
 * corpus run and the scaling figure instead), each with the source type it parses with, plus generated
 * handler files. Parse failures are dropped: they cost the same in every variant.
 */
async function loadCorpus(options) {
  const root = join(repo, 'node_modules');
  const candidates = listSources(root).filter((file) => statSync(file).size <= options.maxKb * 1024);
  const parseOnly = new Linter({ cwd: repo });
  const files = [];
  for (const file of sample(candidates, options.sample, options.seed)) {
    const text = readFileSync(file, 'utf8');
    const sourceType = sourceTypesFor(file).find(
      (type) => !parseOnly.verify(text, configFor(file, type, {}), { filename: file }).some((m) => m.fatal),
    );
    if (sourceType) files.push({ name: file, text, sourceType, generated: false });
  }
  const generator = await loadGenerator();
  const styles = ['esmFunction', 'esmArrow', 'cjsExports', 'cjsModuleExports'];
  for (let i = 0; i < options.generated; i++) {
    const style = styles[i % styles.length];
    const module = generator.generateLargeModule({ lines: 1000, seed: 1000 + i, style });
    const ext = i % 3 === 0 ? 'ts' : 'js';
    files.push({
      name: join(repo, `bench/.corpus/generated-${i}.${ext}`),
      text: module.code,
      sourceType: module.sourceType,
      generated: true,
    });
  }
  return { files, candidates: candidates.length, generator };
}

function corpusSize(files) {
  const count = (list) => ({
    files: list.length,
    lines: list.reduce((sum, f) => sum + f.text.split('\n').length, 0),
    mb: list.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0) / 1048576,
  });
  return { real: count(files.filter((f) => !f.generated)), generated: count(files.filter((f) => f.generated)) };
}

/** Config arrays built once per file and variant, so building them costs nothing inside the timed loops. */
function variants(files, plugin) {
  const pluginRules = allRulesOf(plugin);
  for (const file of files) {
    file.configs = {
      none: configFor(file.name, file.sourceType, {}),
      // ESLint's fixed cost of running any rule at all, for the marginal-overhead line (not a target).
      trivial: configFor(file.name, file.sourceType, { 'no-debugger': 'error' }),
      plugin: configFor(file.name, file.sourceType, pluginRules, plugin),
      peer: configFor(file.name, file.sourceType, { ...pluginRules, 'no-unused-vars': 'error' }, plugin),
    };
  }
}

function lintPass(files, variant) {
  const linter = new Linter({ cwd: repo });
  const start = process.cpuUsage();
  for (const file of files) linter.verify(file.text, file.configs[variant], { filename: file.name });
  return cpuSeconds(start);
}

/** Rule times from ESLint's stats API (verifyAndFix without fixing: one pass, times reset per call). */
function ruleTimes(files, variant) {
  const linter = new Linter({ cwd: repo });
  const totals = {};
  for (const file of files) {
    linter.verifyAndFix(file.text, file.configs[variant], { filename: file.name, stats: true, fix: false });
    for (const pass of linter.getTimes().passes) {
      for (const [ruleId, time] of Object.entries(pass.rules ?? {}))
        totals[ruleId] = (totals[ruleId] ?? 0) + time.total;
    }
  }
  return totals;
}

const pluginTotal = (times) =>
  Object.entries(times)
    .filter(([id]) => id.startsWith('handler-state/'))
    .reduce((sum, [, ms]) => sum + ms, 0);

function measureOverhead(files, rounds) {
  lintPass(files, 'none'); // warm-up: JIT, parser caches
  lintPass(files, 'plugin');
  lintPass(files, 'trivial');
  const none = [];
  const trivial = [];
  const withPlugin = [];
  const ratios = [];
  const marginal = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['plugin', 'none', 'trivial'] : ['trivial', 'none', 'plugin'];
    const seconds = {};
    for (const variant of order) seconds[variant] = lintPass(files, variant);
    none.push(seconds.none);
    trivial.push(seconds.trivial);
    withPlugin.push(seconds.plugin);
    ratios.push(seconds.plugin / seconds.none);
    marginal.push(seconds.plugin / seconds.trivial);
  }
  return {
    ratio: median(ratios),
    none: median(none),
    trivial: median(trivial),
    plugin: median(withPlugin),
    ratios,
    marginal: median(marginal),
    marginalRatios: marginal,
  };
}

function measurePeer(files, rounds) {
  const ratios = [];
  const pluginMs = [];
  const peerMs = [];
  for (let round = 0; round < rounds; round++) {
    const times = ruleTimes(files, 'peer');
    const ours = pluginTotal(times);
    const theirs = times['no-unused-vars'] ?? 0;
    pluginMs.push(ours);
    peerMs.push(theirs);
    ratios.push(ours / theirs);
  }
  return { ratio: median(ratios), pluginMs: median(pluginMs), peerMs: median(peerMs), ratios };
}

function measureScaling(generator, plugin, rounds) {
  const pluginRules = allRulesOf(plugin);
  const sizes = SCALING_SIZES.map((lines) => {
    const module = generator.generateLargeModule({ lines, seed: 42 });
    const name = join(repo, `bench/.corpus/scaling-${lines}.js`);
    return {
      lines: module.lines,
      file: { name, text: module.code, configs: { plugin: configFor(name, module.sourceType, pluginRules, plugin) } },
      // Each size lints about 100k lines per round, so small files are timed over many repetitions.
      repetitions: Math.max(1, Math.round(SCALING_SIZES.at(-1) / lines)),
    };
  });
  const perLine = sizes.map(() => ({ rules: [], total: [] }));
  for (let round = 0; round <= rounds; round++) {
    // Round 0 warms up; alternate the order of sizes between rounds.
    const order = round % 2 === 0 ? sizes.map((_, i) => i) : sizes.map((_, i) => sizes.length - 1 - i);
    for (const index of order) {
      const size = sizes[index];
      const files = Array.from({ length: size.repetitions }, () => size.file);
      const start = process.cpuUsage();
      const times = ruleTimes(files, 'plugin');
      const total = cpuSeconds(start) * 1000;
      if (round === 0) continue;
      const lines = size.lines * size.repetitions;
      perLine[index].rules.push((pluginTotal(times) / lines) * 1000); // µs per line
      perLine[index].total.push((total / lines) * 1000);
    }
  }
  const rows = sizes.map((size, i) => ({
    lines: size.lines,
    rulesUsPerLine: median(perLine[i].rules),
    totalUsPerLine: median(perLine[i].total),
  }));
  return {
    rows,
    ratio: rows.at(-1).rulesUsPerLine / rows[0].rulesUsPerLine,
    totalRatio: rows.at(-1).totalUsPerLine / rows[0].totalUsPerLine,
  };
}

/** One child process per variant run; each lints the whole corpus once and reports its peak RSS. */
function measureMemory(options, rounds) {
  const run = (variant) => {
    const args = [
      fileURLToPath(import.meta.url),
      '--child',
      variant,
      '--sample',
      String(options.sample),
      '--seed',
      String(options.seed),
      '--max-kb',
      String(options.maxKb),
      '--generated',
      String(options.generated),
      '--plugin',
      options.plugin,
    ];
    const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`memory child (${variant}) failed:\n${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)).maxRssKb;
  };
  const none = [];
  const withPlugin = [];
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? ['plugin', 'none'] : ['none', 'plugin'];
    const kb = {};
    for (const variant of order) kb[variant] = run(variant);
    none.push(kb.none);
    withPlugin.push(kb.plugin);
    ratios.push(kb.plugin / kb.none);
  }
  return { ratio: median(ratios), noneMb: median(none) / 1024, pluginMb: median(withPlugin) / 1024, ratios };
}

/** Child mode: the `none` variant never loads the plugin, so its memory is ESLint's alone. */
async function child(options) {
  const plugin = options.child === 'plugin' ? await loadPlugin(options.plugin) : null;
  const { files } = await loadCorpus(options);
  const linter = new Linter({ cwd: repo });
  for (const file of files) {
    const config = configFor(file.name, file.sourceType, plugin ? allRulesOf(plugin) : {}, plugin ?? undefined);
    linter.verify(file.text, config, { filename: file.name });
  }
  console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
}

const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));
const met = (value, target) => (value <= target ? 'yes' : 'NO');

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.child) return child(options);

  const started = Date.now();
  const plugin = await loadPlugin(options.plugin);
  const { files, candidates, generator } = await loadCorpus(options);
  variants(files, plugin);
  const size = corpusSize(files);
  const log = (text) => process.stderr.write(`[perf] ${text}\n`);

  log(`overhead: ${options.rounds} rounds over ${files.length} files`);
  const overhead = measureOverhead(files, options.rounds);
  log('peer: stats API');
  const peer = measurePeer(files, Math.max(3, Math.ceil(options.rounds / 2)));
  log('scaling: 1k / 10k / 100k lines');
  const scaling = measureScaling(generator, plugin, Math.max(3, Math.ceil(options.rounds / 2)));
  let memory = null;
  if (!options.skipMemory) {
    log('memory: child processes');
    memory = measureMemory(options, 3);
  }

  const figures = {
    date: new Date().toISOString().slice(0, 10),
    machine: { nproc: availableParallelism(), node: process.version, cpu: machine() },
    options: { sample: options.sample, seed: options.seed, rounds: options.rounds, maxKb: options.maxKb },
    corpus: { candidates, ...size },
    rules: Object.keys(plugin.rules),
    overhead,
    peer,
    scaling,
    memory,
    seconds: (Date.now() - started) / 1000,
  };

  const rows = [
    ['figure', 'measured', 'target', 'met', 'detail'],
    [
      'overhead',
      `${fmt(overhead.ratio, 3)}x`,
      `<= ${TARGETS.overhead}x`,
      met(overhead.ratio, TARGETS.overhead),
      `all rules ${fmt(overhead.plugin)} s vs parse only ${fmt(overhead.none)} s CPU (median of ${options.rounds})`,
    ],
    [
      'peer',
      `${fmt(peer.ratio, 3)}x`,
      `<= ${TARGETS.peer}x`,
      met(peer.ratio, TARGETS.peer),
      `plugin rules ${fmt(peer.pluginMs, 0)} ms vs no-unused-vars ${fmt(peer.peerMs, 0)} ms (stats API)`,
    ],
    [
      'scaling',
      `${fmt(scaling.ratio, 3)}x`,
      `<= ${TARGETS.scaling}x`,
      met(scaling.ratio, TARGETS.scaling),
      `rule time per line 100k/1k; ${scaling.rows.map((r) => `${r.lines} lines ${fmt(r.rulesUsPerLine, 3)} us`).join(', ')}`,
    ],
    memory
      ? [
          'memory',
          `${fmt(memory.ratio, 3)}x`,
          `<= ${TARGETS.memory}x`,
          met(memory.ratio, TARGETS.memory),
          `peak RSS ${fmt(memory.pluginMb, 0)} MB with plugin vs ${fmt(memory.noneMb, 0)} MB without (median of 3)`,
        ]
      : ['memory', 'skipped', `<= ${TARGETS.memory}x`, '-', '--skip-memory'],
  ];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  const table = rows.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col]))
      .join('  ')
      .trimEnd(),
  );
  console.log(
    [
      `eslint-plugin-handler-state bench, ${figures.date}: node ${process.version}, nproc ${figures.machine.nproc}, ${figures.machine.cpu}`,
      `corpus: ${size.real.files} node_modules files (${size.real.lines} lines, ${fmt(size.real.mb, 1)} MB; seed ${options.seed}, ` +
        `<= ${options.maxKb} KB, from ${candidates}) + ${size.generated.files} generated files (${size.generated.lines} lines)`,
      `rules: ${figures.rules.join(', ')}`,
      '',
      ...table,
      '',
      `scaling, total lint time per line: ${scaling.rows.map((r) => `${r.lines} lines ${fmt(r.totalUsPerLine, 2)} us`).join(', ')} (ratio ${fmt(scaling.totalRatio, 3)}x)`,
      `overhead ratios per round: ${overhead.ratios.map((r) => fmt(r, 3)).join(' ')}`,
      `marginal overhead vs ESLint running one trivial core rule (no-debugger, ${fmt(overhead.trivial)} s): ` +
        `${fmt(overhead.marginal, 3)}x (rounds: ${overhead.marginalRatios.map((r) => fmt(r, 3)).join(' ')})`,
      `peer ratios per round: ${peer.ratios.map((r) => fmt(r, 3)).join(' ')}`,
      memory ? `memory ratios per round: ${memory.ratios.map((r) => fmt(r, 3)).join(' ')}` : '',
      `bench time: ${fmt(figures.seconds, 0)} s`,
    ].join('\n'),
  );
  if (options.json) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
}

await main();
