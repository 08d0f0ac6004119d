// Benchmarks the plugin on handler-heavy code, where the analysis does its work: real checkouts (`--dir`) and the
// committed generated handler files in bench/handler-corpus/. Figures come from ESLint's own per-rule stats.
//
// Usage: node bench/handlers.mjs [--dir DIR]... [--rounds R] [--plugin FILE] [--baseline FILE] [--json FILE]
//        node bench/handlers.mjs --write-generated      (re-creates bench/handler-corpus/ from the generator)
//
// One pass per file runs every plugin rule and core `no-unused-vars` (the peer). Per corpus it prints:
//   share = plugin rule time / the rest of the pass (parse, scope analysis, traversal, no-unused-vars)
//   peer  = plugin rule time / no-unused-vars time
// as medians over the rounds after a warm-up, and the same two figures for the first pass of the process (a lint
// run's cost, with every imported module parsed for the first time).
// With `--baseline FILE` a second build is measured in the same run, rounds alternating, for before/after.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import {
  allRulesOf,
  configFor,
  listSources,
  loadGenerator,
  loadPlugin,
  machine,
  median,
  repo,
  sourceTypesFor,
  readCommandLine,
} from './lib.mjs';

const TARGETS = { share: 0.05, peer: 1.0 };
const GENERATED_DIR = join(repo, 'bench/handler-corpus');
const EXTENSIONS = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/u;
/** Build output, dependencies and vendored bundles are not the application's handler code: the scan's skip list. */
const { SKIPPED_DIRECTORIES } = await import(pathToFileURL(join(repo, 'dist/cli/walk.js')).href);
const MAX_BYTES = 256 * 1024;

const { values: options } = readCommandLine(
  process.argv.slice(2),
  {
    dir: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '3' },
    plugin: { type: 'string', default: join(repo, 'dist/index.js') },
    baseline: { type: 'string' },
    json: { type: 'string' },
    'write-generated': { type: 'boolean', default: false },
  },
  'node bench/handlers.mjs [--dir DIR]... [--rounds R] [--plugin FILE] [--baseline FILE] [--json FILE] | --write-generated',
);

if (options['write-generated']) {
  await writeGenerated();
  process.exit(0);
}

/** Every application source under `root`: no dependencies, build output, declarations or minified bundles. */
function applicationSources(root) {
  return listSources(root, {
    skipDirectories: SKIPPED_DIRECTORIES,
    keep: (file) => !/\.min\.js$/u.test(file) && statSync(file).size <= MAX_BYTES,
  });
}

/** The handler files the generator writes, committed so every run lints the same code. */
async function writeGenerated() {
  const generator = await loadGenerator();
  rmSync(GENERATED_DIR, { recursive: true, force: true });
  mkdirSync(GENERATED_DIR, { recursive: true });
  const styles = ['esmFunction', 'esmArrow', 'cjsExports', 'cjsModuleExports'];
  for (let i = 0; i < 16; i++) {
    const style = styles[i % styles.length];
    const module = generator.generateLargeModule({ lines: 400, seed: 7000 + i, style });
    const ext = style.startsWith('cjs') ? 'cjs' : i % 2 === 0 ? 'mts' : 'mjs';
    writeFileSync(join(GENERATED_DIR, `handlers-${String(i).padStart(2, '0')}.${ext}`), module.code);
  }
  console.log(`wrote 16 files to ${relative(repo, GENERATED_DIR)}/`);
}

/** Files that parse, each with the source type it parses with; parse failures cost the same in every variant. */
function loadFiles(paths, cwd) {
  const parseOnly = new Linter({ cwd });
  const files = [];
  for (const name of paths) {
    const text = readFileSync(name, 'utf8');
    const sourceType = sourceTypesFor(name).find(
      (type) => !parseOnly.verify(text, configFor(name, type, {}), { filename: name }).some((m) => m.fatal),
    );
    if (sourceType) files.push({ name, text, sourceType });
  }
  return files;
}

/** How many files have a handler, by the build's own analysis (the same answer the rules get). */
async function handlerFiles(files, pluginPath, cwd) {
  const { analyze } = await import(new URL('./analysis/index.js', pathToFileURL(resolve(pluginPath))).href);
  let count = 0;
  const probe = {
    create: (context) => ({
      'Program:exit'() {
        if (analyze(context).handlers.length > 0) count++;
      },
    }),
  };
  const linter = new Linter({ cwd });
  for (const file of files) {
    const config = configFor(file.name, file.sourceType, { 'probe/handlers': 'error' });
    config[1].plugins = { probe: { rules: { handlers: probe } } };
    linter.verify(file.text, config, { filename: file.name });
  }
  return count;
}

/** One pass over the corpus with stats: plugin rule time, no-unused-vars time and the whole pass, in ms. */
function statsPass(files, plugin, cwd) {
  const rules = { ...allRulesOf(plugin), 'no-unused-vars': 'error' };
  // Files are linted under their real paths from their own root, so the cross-file analysis sees real neighbours.
  const linter = new Linter({ cwd });
  let pluginMs = 0;
  let peerMs = 0;
  let totalMs = 0;
  for (const file of files) {
    const config = configFor(file.name, file.sourceType, rules, plugin);
    linter.verifyAndFix(file.text, config, { filename: file.name, stats: true, fix: false });
    for (const pass of linter.getTimes().passes) {
      totalMs += pass.total;
      for (const [id, time] of Object.entries(pass.rules ?? {})) {
        if (id.startsWith('handler-state/')) pluginMs += time.total;
        else if (id === 'no-unused-vars') peerMs += time.total;
      }
    }
  }
  return { pluginMs, peerMs, totalMs };
}

function summarise(runs) {
  const share = median(runs.map((r) => r.pluginMs / (r.totalMs - r.pluginMs)));
  const peer = median(runs.map((r) => r.pluginMs / r.peerMs));
  return {
    share,
    peer,
    pluginMs: median(runs.map((r) => r.pluginMs)),
    peerMs: median(runs.map((r) => r.peerMs)),
    totalMs: median(runs.map((r) => r.totalMs)),
    shares: runs.map((r) => r.pluginMs / (r.totalMs - r.pluginMs)),
    peers: runs.map((r) => r.pluginMs / r.peerMs),
  };
}

const rounds = Number(options.rounds);
const builds = [{ label: 'plugin', path: resolve(options.plugin) }];
if (options.baseline) builds.unshift({ label: 'baseline', path: resolve(options.baseline) });
for (const build of builds) build.plugin = await loadPlugin(build.path);

const corpora = options.dir.map((dir) => ({
  name: basename(resolve(dir)),
  root: resolve(dir),
  paths: applicationSources(resolve(dir)),
}));
corpora.push({
  name: 'generated (bench/handler-corpus)',
  root: repo,
  paths: readdirSync(GENERATED_DIR)
    .filter((name) => EXTENSIONS.test(name))
    .sort()
    .map((name) => join(GENERATED_DIR, name)),
});

const report = { machine: machine(), node: process.version, eslint: Linter.version, rounds, corpora: [] };
console.log(`node ${process.version}, ESLint ${Linter.version}, ${report.machine}, ${rounds} rounds (medians)`);
for (const corpus of corpora) {
  const files = loadFiles(corpus.paths, corpus.root);
  const lines = files.reduce((sum, f) => sum + f.text.split('\n').length, 0);
  const entry = { name: corpus.name, files: files.length, lines, builds: {} };
  for (const build of builds) {
    // The first pass of a process is what one lint run costs: every imported module is parsed and summarised.
    const cold = statsPass(files, build.plugin, corpus.root);
    entry.builds[build.label] = { cold, handlerFiles: await handlerFiles(files, build.path, corpus.root), runs: [] };
  }
  for (const build of builds) statsPass(files, build.plugin, corpus.root); // warm-up
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? builds : [...builds].reverse();
    for (const build of order) entry.builds[build.label].runs.push(statsPass(files, build.plugin, corpus.root));
  }
  console.log(`\n${corpus.name}: ${files.length} files, ${lines} lines`);
  for (const build of builds) {
    const result = entry.builds[build.label];
    Object.assign(result, summarise(result.runs));
    const mark = (value, target) => (value <= target ? 'met' : 'missed');
    console.log(
      `  ${build.label.padEnd(8)} handler files ${String(result.handlerFiles).padStart(4)}  ` +
        `plugin ${result.pluginMs.toFixed(0).padStart(6)} ms  no-unused-vars ${result.peerMs.toFixed(0).padStart(6)} ms  ` +
        `pass ${result.totalMs.toFixed(0).padStart(7)} ms  share ${(result.share * 100).toFixed(1)}% ` +
        `(≤${TARGETS.share * 100}% ${mark(result.share, TARGETS.share)})  peer ${result.peer.toFixed(2)}× ` +
        `(≤${TARGETS.peer}× ${mark(result.peer, TARGETS.peer)})`,
    );
    const cold = result.cold;
    const coldShare = cold.pluginMs / (cold.totalMs - cold.pluginMs);
    console.log(
      `  ${''.padEnd(8)} first pass: plugin ${cold.pluginMs.toFixed(0).padStart(6)} ms  ` +
        `no-unused-vars ${cold.peerMs.toFixed(0).padStart(6)} ms  share ${(coldShare * 100).toFixed(1)}%  ` +
        `peer ${(cold.pluginMs / cold.peerMs).toFixed(2)}×`,
    );
    delete result.runs;
  }
  report.corpora.push(entry);
}
if (options.json) writeFileSync(resolve(options.json), JSON.stringify(report, null, 2));
