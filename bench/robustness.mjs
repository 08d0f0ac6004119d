// Robustness reproductions at full size: runs each defect scenario of test/helpers/defect-scenarios.ts in a capped
// child process and prints findings, exit code, wall and CPU time, peak RSS and whether the behaviour was correct.
//
// Usage: node bench/robustness.mjs [--only ID[,ID…]] [--size bench|test] [--plugin FILE] [--wall SEC] [--cpu SEC]
//                                  [--memory MIB] [--json FILE] [--keep]
// --size test runs the sizes the test suite uses (with the suite's limits); bench (the default) runs the sizes at
// which each defect was seen, capped by --wall/--cpu/--memory (defaults 300 s, 120 s, 8192 MiB). A run that hits
// a cap is shown as such: the figure is then a lower bound. Needs a build (`npm run build`).
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadTestHelpers, machine, readCommandLine, repo } from './lib.mjs';

const { values } = readCommandLine(
  process.argv.slice(2),
  {
    only: { type: 'string' },
    size: { type: 'string', default: 'bench' },
    plugin: { type: 'string', default: join(repo, 'dist/index.js') },
    wall: { type: 'string', default: '300' },
    cpu: { type: 'string', default: '120' },
    memory: { type: 'string', default: '8192' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
  'node bench/robustness.mjs [--only ID[,ID…]] [--size bench|test] [--plugin FILE] [--wall SEC] [--cpu SEC] [--memory MIB] [--json FILE] [--keep]',
);
if (values.size !== 'bench' && values.size !== 'test') throw new Error('--size is bench or test');

const { SCENARIOS, BENCH_LIMITS, runScenario, findingsOf } = await loadTestHelpers('defect-scenarios', 'limited-child');
const plugin = resolve(values.plugin);
const context = { plugin, cli: join(dirname(plugin), 'cli/index.js'), repoRoot: repo, keep: values.keep };
const caps = {
  ...BENCH_LIMITS,
  wallMs: Number(values.wall) * 1000,
  cpuMs: Number(values.cpu) * 1000,
  heapMb: Number(values.memory),
  rssMb: Number(values.memory),
};
const only = values.only ? new Set(values.only.split(',')) : null;

const rows = [];
for (const scenario of Object.values(SCENARIOS)) {
  if (only && !only.has(scenario.id)) continue;
  const reason = scenario.unavailable?.();
  if (reason) {
    rows.push({ id: scenario.id, defect: scenario.defect, params: {}, skipped: reason });
    continue;
  }
  const sizes = values.size === 'test' ? [scenario.test] : scenario.bench;
  for (const params of sizes) {
    const limits = values.size === 'test' ? scenario.limits : { ...caps, ...scenario.benchLimits };
    const outcome = await runScenario(scenario, params, context, limits);
    const problems = scenario.check(outcome, params);
    const findings = scenario.findings
      ? scenario.findings(outcome)
      : outcome.results
        ? findingsOf(outcome).length
        : null;
    let baselineCpuMs = null;
    if (scenario.baseline) {
      const alone = await runScenario(scenario, params, context, limits, { rulesOff: true });
      baselineCpuMs = alone.limit === null ? alone.cpuMs : null;
    }
    const row = {
      id: scenario.id,
      defect: scenario.defect,
      params,
      correct: problems.length === 0,
      problems,
      findings,
      exitCode: outcome.exitCode,
      signal: outcome.signal,
      limit: outcome.limit,
      wallMs: outcome.wallMs,
      cpuMs: outcome.cpuMs,
      peakRssMb: outcome.peakRssMb,
      limits: outcome.limits,
      baselineCpuMs,
    };
    rows.push(row);
    // Written after every row, so that a run stopped half-way keeps its figures.
    if (values.json) writeFileSync(resolve(values.json), `${JSON.stringify(rows, null, 2)}\n`);
    process.stderr.write(`${scenario.id} ${formatParams(params)}: ${problems[0] ?? 'correct'}\n`);
  }
}

function formatParams(params) {
  const entries = Object.entries(params);
  return entries.length === 0
    ? '–'
    : entries.map(([key, value]) => `${key} ${value.toLocaleString('en-US')}`).join(', ');
}

function seconds(ms) {
  return ms == null ? '?' : `${(ms / 1000).toFixed(1)} s`;
}

function ended(row) {
  if (row.limit === 'wall') return `wall cap (${seconds(row.limits.wallMs)})`;
  if (row.limit === 'cpu') return `CPU cap (${seconds(row.limits.cpuMs)})`;
  if (row.limit === 'rss') return `RSS cap (${row.limits.rssMb} MiB)`;
  if (row.limit === 'heap') return 'heap exhausted';
  if (row.signal) return row.signal;
  return `exit ${row.exitCode}`;
}

const header =
  '| scenario | size | correct | findings | ended | wall | CPU | ESLint alone (CPU) | peak RSS |\n' +
  '| -------- | ---- | ------- | -------- | ----- | ---- | --- | ------------------ | -------- |';
const table = rows.map((row) =>
  row.skipped
    ? `| ${row.id} | – | skipped: ${row.skipped} | | | | | | |`
    : `| ${row.id} | ${formatParams(row.params)} | ${row.correct ? 'yes' : 'no'} | ${row.findings ?? '–'} | ${ended(row)} | ${seconds(row.wallMs)} | ${seconds(row.cpuMs)} | ${row.baselineCpuMs == null ? '' : seconds(row.baselineCpuMs)} | ${row.peakRssMb == null ? '?' : `${row.peakRssMb} MiB`} |`,
);
console.log(`Machine: ${machine()}, Node ${process.version}; sizes: ${values.size}`);
console.log([header, ...table].join('\n'));
if (values.json) writeFileSync(resolve(values.json), `${JSON.stringify(rows, null, 2)}\n`);
