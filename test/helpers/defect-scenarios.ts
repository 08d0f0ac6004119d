// Reproductions of the robustness defects as scenarios: each writes a small project to disk, says how to lint or
// scan it, and judges the outcome against the correct behaviour. The defect suites (test/robustness/defects/) run
// them at a size that shows the defect inside a child's limits; bench/robustness.mjs runs them at the sizes that
// show the defect at full strength and prints the figures.
// Imports only Node built-ins and limited-child.ts: bench/ transpiles both files on the fly.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DEFAULT_LIMITS,
  cliInChild,
  describeOutcome,
  lintInChild,
  runLimited,
  type ChildResult,
  type LimitedOutcome,
  type Limits,
  type LintJob,
} from './limited-child.js';

export type Params = Record<string, number>;

type LintRunFields = Omit<LintJob, 'plugin' | 'cwd'>;

/** What a scenario runs once its project is on disk. */
export type Run =
  /** The ESLint class over `files` (in a child, or in the test process when the scenario allows it). */
  | ({ kind: 'lint'; env?: Record<string, string | undefined> } & LintRunFields)
  /** `handler-state <args>`; with `json`, `--format json` is added and its results are read. */
  | { kind: 'cli'; args: string[]; cwd?: string; json?: boolean }
  /** `handler-state <args>` with a stdout whose reader goes away after the first chunk (`scan | head -1`). */
  | { kind: 'cli-closed-stdout'; args: string[] };

export interface ScenarioOutcome extends LimitedOutcome {
  /** Lint results: the ESLint class's, or scan's JSON report; null when the run did not get that far. */
  results: ChildResult[] | null;
  /** An exception that escaped the ESLint class (a rule that throws ends the user's lint run). */
  error: string | null;
  /** The project directory (results hold absolute paths). */
  dir: string;
  /** The project as written, so that checks can find lines in it. */
  files: Project;
  /** The run prints lint results (the ESLint class, or scan's JSON format). */
  expectsResults: boolean;
}

/** A project: file name (relative, `/`-separated) to text, or to a symlink target, or a FIFO. */
export type Project = Record<string, FileSpec>;
export type FileSpec = string | { symlink: string } | { fifo: true };

export interface Setup {
  files: Project;
  run: Run;
}

export interface Scenario {
  /** Kebab-case name; the bench table and the test names use it. */
  id: string;
  /** The defect, in words, as the bench table shows it. */
  defect: string;
  /** Parameters for the test: big enough that the defect shows inside `limits`. */
  test: Params;
  /** Parameters for the bench: the sizes at which the defect was seen. */
  bench: Params[];
  /** Limits of the test's child; the bench uses BENCH_LIMITS, with `benchLimits` over them. */
  limits: Partial<Limits>;
  /** A hang is a hang: the bench need not wait its full wall cap to show one. */
  benchLimits?: Partial<Limits>;
  /** Nothing can hang or blow up: the suites may lint in their own process (cheaper); the bench never does. */
  inProcess?: boolean;
  /** Also run with every plugin rule off in the bench, for the cost of ESLint alone (lint runs only). */
  baseline?: boolean;
  /** Why the scenario cannot run on this machine, or null. */
  unavailable?: () => string | null;
  /** The project and what to run on it; `dir` is where it will be written (for absolute paths in it). */
  setup(params: Params, dir: string): Setup;
  /** What is wrong with the outcome, against the correct behaviour; empty when it is correct. */
  check(outcome: ScenarioOutcome, params: Params): string[];
  /** Findings to show in the bench table; default: the plugin's findings in `results`. */
  findings?(outcome: ScenarioOutcome): number | null;
}

/** Caps of a bench run: long enough to show a cliff, short enough to stop one. */
export const BENCH_LIMITS: Limits = { wallMs: 300_000, cpuMs: 120_000, heapMb: 8192, rssMb: 8192 };

// ---------------------------------------------------------------------------------------------------------------
// Running

export interface ScenarioContext {
  /** Built plugin entry (dist/index.js). */
  plugin: string;
  /** Built CLI (dist/cli/index.js). */
  cli: string;
  repoRoot?: string;
  /** Lints in this process; given by the test suites, never by the bench. */
  inProcess?: (
    job: LintJob,
    env: Record<string, string | undefined>,
  ) => Promise<{ results: ChildResult[]; error: string | null; wallMs: number; cpuMs: number }>;
  /** Keep the project directory (to look at it after a failure). */
  keep?: boolean;
}

/** Writes the scenario's project to a fresh temp directory, runs it and returns the outcome. */
export async function runScenario(
  scenario: Scenario,
  params: Params,
  context: ScenarioContext,
  limits: Partial<Limits> = scenario.limits,
  variant: { rulesOff?: boolean } = {},
): Promise<ScenarioOutcome> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `handler-state-${scenario.id}-`)));
  try {
    const { files, run } = scenario.setup(params, dir);
    write(dir, files);
    const outcome = await execute(run, dir, context, limits, scenario.inProcess === true, variant.rulesOff === true);
    return { ...outcome, files, expectsResults: run.kind === 'lint' || (run.kind === 'cli' && run.json === true) };
  } finally {
    if (!context.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function execute(
  run: Run,
  dir: string,
  context: ScenarioContext,
  limits: Partial<Limits>,
  inProcessAllowed: boolean,
  rulesOff: boolean,
): Promise<Omit<ScenarioOutcome, 'files' | 'expectsResults'>> {
  const fullLimits = { ...DEFAULT_LIMITS, ...limits };
  if (run.kind === 'lint') {
    const { kind: _kind, env, ...fields } = run;
    const job: LintJob = { ...fields, plugin: context.plugin, cwd: dir, ...(rulesOff ? { config: 'off' } : {}) };
    const childEnv = { HANDLER_STATE_DEBUG: undefined, ...env };
    if (inProcessAllowed && context.inProcess) {
      const { results, error, wallMs, cpuMs } = await context.inProcess(job, childEnv);
      return {
        exitCode: 0,
        signal: null,
        stdout: '',
        stderr: '',
        wallMs,
        cpuMs,
        peakRssMb: null,
        limit: null,
        limits: fullLimits,
        results,
        error,
        dir,
      };
    }
    return { ...(await lintInChild(job, limits, childEnv, context.repoRoot)), dir };
  }
  if (run.kind === 'cli') {
    const args = run.json ? [...run.args, '--format', 'json'] : run.args;
    const outcome = await cliInChild(context.cli, args, path.resolve(dir, run.cwd ?? '.'), limits);
    let results: ChildResult[] | null = null;
    if (run.json) {
      try {
        results = JSON.parse(outcome.stdout) as ChildResult[];
      } catch {
        // killed, or not JSON: the checks say so
      }
    }
    return { ...outcome, results, error: null, dir };
  }
  // A driver that reads one chunk of the command's stdout and then closes it, as `| head -1` does.
  const driver = [
    "const { spawn } = require('node:child_process');",
    `const child = spawn(process.execPath, ${JSON.stringify([context.cli, ...run.args])}, { stdio: ['ignore', 'pipe', 'inherit'] });`,
    "child.stdout.once('data', () => child.stdout.destroy());",
    "child.on('close', (code, signal) => { process.stdout.write(JSON.stringify({ code, signal })); process.exit(0); });",
  ].join('\n');
  const outcome = await runLimited({
    args: ['-e', driver],
    cwd: dir,
    limits,
    env: { NO_COLOR: '1', HANDLER_STATE_DEBUG: undefined },
  });
  let inner: { code: number | null; signal: string | null } = { code: null, signal: null };
  try {
    inner = JSON.parse(outcome.stdout) as typeof inner;
  } catch {
    // the driver itself was stopped
  }
  return { ...outcome, exitCode: inner.code, signal: inner.signal ?? outcome.signal, results: null, error: null, dir };
}

/** An assertion message: the problems and every figure of the run. */
export function explain(problems: readonly string[], outcome: ScenarioOutcome): string {
  return `${problems.join('\n')}\n(${describeOutcome(outcome)})`;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing projects

function write(dir: string, files: Project): void {
  for (const [name, spec] of Object.entries(files)) {
    const target = path.join(dir, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (typeof spec === 'string') fs.writeFileSync(target, spec);
    else if ('symlink' in spec) fs.symlinkSync(spec.symlink, target);
    else execFileSync('mkfifo', [target]);
  }
}

/** Lines of a file; arrays are taken as runs of lines (no spread, so any number of lines fits). */
const lines = (...parts: Array<string | string[]>): string => `${parts.flat().join('\n')}\n`;

/** 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return index + 1;
}

/** A relative specifier from `fromDir` that lands on `target` (extra `..` are harmless at the root). */
function climbTo(fromDir: string, target: string): string {
  const depth = fromDir.split(path.sep).filter(Boolean).length;
  return `${'../'.repeat(depth + 2)}${target.replace(/^\//u, '')}`;
}

function canMakeFifo(): string | null {
  if (process.platform === 'win32') return 'no FIFOs on Windows';
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'mkfifo is not available';
  }
}

function linuxOnly(): string | null {
  return process.platform === 'linux' ? null : '/proc and /dev/zero are Linux-specific';
}

/** /proc/kmsg blocks a reader only where this process may open it (root with CAP_SYSLOG). */
function kmsgBlocks(): string | null {
  if (process.platform !== 'linux') return 'Linux only';
  try {
    fs.closeSync(fs.openSync('/proc/kmsg', fs.constants.O_RDONLY | fs.constants.O_NONBLOCK));
    return null;
  } catch {
    return '/proc/kmsg cannot be opened here, so reading it would not block';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Judging outcomes

const PREFIX = 'handler-state/';
/** Message ids that are diagnostics about the run, not findings. */
const DIAGNOSTIC_IDS = new Set(['settingsError', 'analysisIncomplete']);

/**
 * The proposed shape of the diagnostic a file gets when part of its analysis failed: message id
 * `analysisIncomplete`, text naming the failure ("handler-state could not analyse ./lib/index.js: re-export
 * cycle"). Until the analysis reports failures, nothing matches.
 */
export function isAnalysisIncomplete(message: { ruleId: string | null; messageId: string | null; message: string }) {
  return (
    message.ruleId?.startsWith(PREFIX) === true &&
    (message.messageId === 'analysisIncomplete' || /could not analy[sz]e/iu.test(message.message))
  );
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** The plugin's findings (not its diagnostics), file names relative to the project. */
export function findingsOf(outcome: ScenarioOutcome): Finding[] {
  const found: Finding[] = [];
  for (const result of outcome.results ?? []) {
    for (const message of result.messages) {
      if (!message.ruleId?.startsWith(PREFIX) || DIAGNOSTIC_IDS.has(message.messageId ?? '')) continue;
      if (isAnalysisIncomplete(message)) continue;
      found.push({
        file: path.relative(outcome.dir, result.filePath).split(path.sep).join('/'),
        line: message.line,
        rule: message.ruleId.slice(PREFIX.length),
        message: message.message,
      });
    }
  }
  return found;
}

function messagesOf(outcome: ScenarioOutcome) {
  return (outcome.results ?? []).flatMap((result) => result.messages);
}

/** It ran to the end: no limit hit, no signal, no escaped exception. */
function completed(outcome: ScenarioOutcome): string[] {
  const problems: string[] = [];
  if (outcome.limit !== null || outcome.signal !== null) problems.push(`did not complete: ${describeOutcome(outcome)}`);
  if (outcome.error) problems.push(`an exception escaped the lint run: ${outcome.error.split('\n')[0]}`);
  if (
    outcome.expectsResults &&
    outcome.limit === null &&
    outcome.signal === null &&
    outcome.results === null &&
    !outcome.error
  ) {
    problems.push('no lint results were printed');
  }
  return problems;
}

function reported(outcome: ScenarioOutcome, file: string, line: number, rule: string): string[] {
  const found = findingsOf(outcome);
  if (found.some((f) => f.file === file && f.line === line && f.rule === rule)) return [];
  const seen = found.map((f) => `${f.file}:${f.line} ${f.rule}`).join(', ') || 'none';
  return [`expected ${rule} at ${file}:${line}; findings: ${seen}`];
}

function findingCount(outcome: ScenarioOutcome, expected: number, rule?: string): string[] {
  const found = findingsOf(outcome).filter((f) => rule === undefined || f.rule === rule);
  return found.length === expected ? [] : [`expected ${expected} ${rule ?? ''} findings, got ${found.length}`];
}

function exitCode(outcome: ScenarioOutcome, expected: number): string[] {
  return outcome.exitCode === expected ? [] : [`expected exit code ${expected}, got ${outcome.exitCode}`];
}

function noFatal(outcome: ScenarioOutcome): string[] {
  const fatal = messagesOf(outcome).filter((message) => message.fatal);
  return fatal.length === 0 ? [] : [`the file did not parse: ${fatal[0].message}`];
}

/** Unless it ran to the end, the other checks only repeat that it did not. */
function afterCompletion(outcome: ScenarioOutcome, more: () => string[]): string[] {
  const problems = completed(outcome);
  return problems.length > 0 ? problems : more();
}

/** The line of `needle` in a file of the project as written. */
function lineIn(outcome: ScenarioOutcome, file: string, needle: string): number {
  const text = outcome.files[file];
  if (typeof text !== 'string') throw new Error(`${file} is not a text file of the project`);
  return lineOf(text, needle);
}

/** `needle` in `file` reported under `rule`, after a completed run. */
function reportsAt(outcome: ScenarioOutcome, file: string, needle: string, rule: string): string[] {
  return reported(outcome, file, lineIn(outcome, file, needle), rule);
}

const GROWTH = 'no-unbounded-growth';
const REQUEST_DATA = 'no-request-data-in-module-scope';

// ---------------------------------------------------------------------------------------------------------------
// Shared file texts

/** The write every reproduction keeps next to the defect: losing it means the file lost all its findings. */
const SEEN = 'seen.push(event.id);';

const ESM_PACKAGE = '{ "name": "fixture", "type": "module" }\n';

/** A clean handler: nothing to report, so exit code 0 is the correct scan result. */
const CLEAN_HANDLER = lines('export const handler = async (event) => ({ statusCode: 200, body: String(event.id) });');

/** A handler with one growth finding, at the line holding SEEN. */
const LEAKY_HANDLER = lines('const seen = [];', 'export const handler = async (event) => {', `  ${SEEN}`, '};');

// ---------------------------------------------------------------------------------------------------------------
// Imports: the cross-file reader, special files, the module cache, re-export cycles

type ImportEqualsForm = 'require' | 'entity' | 'export-require';

function importEquals(form: ImportEqualsForm): Scenario {
  const declaration = {
    require: ["import fs = require('node:fs');"],
    entity: [
      'namespace Shapes {',
      '  export namespace Geometry {',
      '    export const unit = 1;',
      '  }',
      '}',
      'import Geometry = Shapes.Geometry;',
    ],
    'export-require': ["export import fs = require('node:fs');"],
  }[form];
  const use = form === 'entity' ? 'return Geometry.unit;' : 'return fs.existsSync(event.id);';
  const written = {
    require: 'import x = require()',
    entity: 'import A = NS.B',
    'export-require': 'export import x = require()',
  };
  return {
    id: `import-equals-${form}`,
    defect: `\`${written[form]}\` in a TypeScript file erases every finding of the file`,
    test: {},
    bench: [{}],
    limits: { wallMs: 20_000 },
    inProcess: true,
    setup: () => ({
      files: {
        'handler.ts': lines(
          ...declaration,
          'const seen: string[] = [];',
          'export const handler = async (event: { id: string }) => {',
          `  ${SEEN}`,
          `  ${use}`,
          '};',
        ),
      },
      run: { kind: 'lint', files: ['handler.ts'] },
    }),
    check: (outcome) => afterCompletion(outcome, () => reportsAt(outcome, 'handler.ts', SEEN, GROWTH)),
  };
}

type SpecialImportForm = 'import' | 'require' | 'export-star' | 'paths-alias';

/** A source import of a file that never ends (`/proc/self/pagemap`) or blocks (`/proc/kmsg`). */
function specialFileImport(form: SpecialImportForm, target: '/proc/self/pagemap' | '/proc/kmsg'): Scenario {
  const name = path.basename(target);
  return {
    id: `special-file-${form}-${name}`,
    defect:
      target === '/proc/kmsg'
        ? 'a relative import of /proc/kmsg hangs the lint'
        : `a relative ${form === 'paths-alias' ? 'tsconfig `paths` alias' : form === 'export-star' ? '`export *`' : form} of /proc/self/pagemap grows the lint until it runs out of memory`,
    test: {},
    bench: [{}],
    limits: { wallMs: 12_000, cpuMs: 10_000, heapMb: 256, rssMb: 384 },
    benchLimits: { wallMs: 60_000, heapMb: 4096, rssMb: 4096 },
    unavailable: target === '/proc/kmsg' ? kmsgBlocks : linuxOnly,
    setup(_params, dir) {
      const srcDir = path.join(dir, 'src');
      const special = climbTo(srcDir, target);
      const handler = (specifier: string) =>
        form === 'require'
          ? lines(
              `const { remember } = require('${specifier}');`,
              'const seen = [];',
              'exports.handler = async (event) => {',
              `  ${SEEN}`,
              '  remember(event.id);',
              '};',
            )
          : lines(
              `import { remember } from '${specifier}';`,
              'const seen = [];',
              'export const handler = async (event) => {',
              `  ${SEEN}`,
              '  remember(event.id);',
              '};',
            );
      const file = form === 'require' ? 'src/handler.cjs' : 'src/handler.mjs';
      const files: Project = { 'package.json': ESM_PACKAGE };
      if (form === 'export-star') {
        files['src/lib/index.mjs'] = lines(`export * from '${climbTo(path.join(srcDir, 'lib'), target)}';`);
        files[file] = handler('./lib/index.mjs');
      } else if (form === 'paths-alias') {
        // An alias that points outside the repository, as `paths` may.
        files['tsconfig.json'] = JSON.stringify({
          compilerOptions: { baseUrl: '.', paths: { '#system/*': [`${path.dirname(target)}/*`] } },
        });
        files[file] = handler(`#system/${name}`);
      } else {
        files[file] = handler(special);
      }
      return { files, run: { kind: 'lint', files: [file] } };
    },
    check(outcome) {
      const file = Object.keys(outcome.files).find((name) => name.startsWith('src/handler'))!;
      return afterCompletion(outcome, () => reportsAt(outcome, file, SEEN, GROWTH));
    },
  };
}

/** Handlers that each import their own large module: what the cross-file cache keeps of them. */
const moduleCacheRetention: Scenario = {
  id: 'module-cache-retention',
  defect: 'the cross-file cache keeps every imported module whole (syntax tree and scopes), and never evicts',
  test: { handlers: 12, kb: 50 },
  bench: [
    { handlers: 40, kb: 280 },
    { handlers: 60, kb: 280 },
  ],
  // Kept whole, 12 modules of 50 KB are ~150 MB of syntax trees and scopes: more than this heap holds next to
  // ESLint. Kept as summaries, they take next to nothing, and one module at a time fits easily.
  limits: { wallMs: 90_000, cpuMs: 25_000, heapMb: 192, rssMb: 640 },
  benchLimits: { cpuMs: 300_000 },
  setup({ handlers, kb }) {
    const files: Project = { 'package.json': ESM_PACKAGE };
    for (let i = 0; i < handlers; i++) {
      const module = ['const items = [];', 'export function remember(value) { items.push(value); }'];
      let size = 0;
      for (let k = 0; size < kb * 1024; k++) {
        const line = `export function helper${k}(v) { const o = { a: v, b: [1, 2, 3], c: 'text' + v }; return o.a + o.c; }`;
        module.push(line);
        size += line.length + 1;
      }
      files[`lib/module${i}.ts`] = lines(module);
      files[`src/handler${i}.ts`] = lines(
        `import { remember } from '../lib/module${i}.js';`,
        'export const handler = async (event: { id: string }) => {',
        '  remember(event.id);',
        '};',
      );
    }
    return { files, run: { kind: 'cli', args: ['scan', 'src'], json: true } };
  },
  check: (outcome, { handlers }) =>
    afterCompletion(outcome, () => [
      ...exitCode(outcome, 1),
      ...findingCount(outcome, handlers, GROWTH),
      // One module at a time is ~100 MB next to ESLint; what stays above that is the cache.
      ...(outcome.peakRssMb !== null && outcome.peakRssMb > 1024 ? [`peak RSS ${outcome.peakRssMb} MiB`] : []),
    ]),
};

/** `export *` that comes back to itself before it reaches the module that has the name. */
function reexportCycle(shape: 'self' | 'pair'): Scenario {
  return {
    id: `reexport-cycle-${shape}`,
    defect:
      shape === 'self'
        ? 'a barrel that re-exports itself (`export * from "./index.js"`) recurses until the stack overflows'
        : 'two barrels that `export *` each other recurse until the stack overflows',
    test: {},
    bench: [{}],
    limits: { wallMs: 20_000, cpuMs: 10_000, heapMb: 512, rssMb: 768 },
    setup() {
      const files: Project = {
        'package.json': ESM_PACKAGE,
        'lib/store.mjs': lines('const items = [];', 'export function remember(value) {', '  items.push(value);', '}'),
        'handler.mjs': lines(
          "import { remember } from './lib/index.mjs';",
          'const seen = [];',
          'export const handler = async (event) => {',
          `  ${SEEN}`,
          '  remember(event.id);',
          '};',
        ),
      };
      if (shape === 'self') {
        files['lib/index.mjs'] = lines("export * from './index.mjs';", "export * from './store.mjs';");
      } else {
        files['lib/index.mjs'] = lines("export * from './a.mjs';", "export * from './store.mjs';");
        files['lib/a.mjs'] = lines("export * from './b.mjs';");
        files['lib/b.mjs'] = lines("export * from './a.mjs';");
      }
      return { files, run: { kind: 'lint', files: ['handler.mjs'] } };
    },
    check: (outcome) =>
      afterCompletion(outcome, () => [
        ...reportsAt(outcome, 'handler.mjs', SEEN, GROWTH),
        // The cycle is cut, and the name is found past it.
        ...reportsAt(outcome, 'handler.mjs', 'remember(event.id)', GROWTH),
      ]),
  };
}

/** A handler that calls E exports of one module: each export's summary re-ran the whole module's analysis. */
/**
 * The CPU cap of the quadratic-path reproductions at their test sizes. The quadratic paths took 50–66 s of CPU at
 * these sizes and the linear ones take 3–6 s (ESLint alone 2–5 s), plus the child's start-up: the cap sits between
 * the two with room on both sides, so a machine under load does not fail a linear run and a quadratic one never
 * passes.
 */
const CLIFF_CPU_MS = 15_000;

const manyExportsOfOneModule: Scenario = {
  id: 'many-exports-one-module',
  defect: 'a handler calling E exports of one module re-analyses the whole module per export (E²)',
  test: { exports: 1500 },
  bench: [{ exports: 500 }, { exports: 1000 }, { exports: 2000 }],
  limits: { wallMs: 60_000, cpuMs: CLIFF_CPU_MS, heapMb: 1024, rssMb: 1536 },
  baseline: true,
  setup({ exports }) {
    const module: string[] = [];
    const calls: string[] = [];
    const names: string[] = [];
    for (let i = 0; i < exports; i++) {
      module.push(`const items${i} = [];`, `export function record${i}(value) { items${i}.push(value); }`);
      calls.push(`  record${i}(event.id);`);
      names.push(`record${i}`);
    }
    return {
      files: {
        'package.json': ESM_PACKAGE,
        'store.mjs': lines(module),
        'handler.mjs': lines(
          `import { ${names.join(', ')} } from './store.mjs';`,
          'export const handler = async (event) => {',
          calls,
          '};',
        ),
      },
      run: { kind: 'lint', files: ['handler.mjs'] },
    };
  },
  check: (outcome, { exports }) => afterCompletion(outcome, () => findingCount(outcome, exports, GROWTH)),
};

// ---------------------------------------------------------------------------------------------------------------
// Depth: recursion over user code without a budget

type DeepShape = 'chained-locals' | 'helper-chain' | 'logical-chain' | 'ternary-chain';

/** Deep but valid code next to an ordinary leak: both must be reported. */
function deepCode(shape: DeepShape): Scenario {
  const size = { 'chained-locals': 800, 'helper-chain': 1200, 'logical-chain': 3000, 'ternary-chain': 2500 }[shape];
  const defects = {
    'chained-locals': 'chained locals (`let x1 = x0 + ""` …) overflow the request-data recursion',
    'helper-chain': 'a chain of helpers calling each other overflows the call recursion',
    'logical-chain': 'a long `||` chain assigned to module state overflows the request-data recursion',
    // 2,500 terms: espree itself runs out of stack on a right-nested ternary of about 3,000.
    'ternary-chain': 'a long ternary chain assigned to module state overflows the request-data recursion',
  };
  /** The write at the end of the deep part, and the rule it gets. */
  const deepWrite = {
    'chained-locals': { needle: 'items.push(', rule: GROWTH },
    'helper-chain': { needle: 'items.push(', rule: GROWTH },
    'logical-chain': { needle: 'last = ', rule: REQUEST_DATA },
    'ternary-chain': { needle: 'last = ', rule: REQUEST_DATA },
  }[shape];
  return {
    id: shape,
    defect: `${defects[shape]}: the file reports nothing`,
    test: { n: size },
    // Deeper `||` and ternary chains are beyond what espree itself can parse.
    bench: shape === 'chained-locals' || shape === 'helper-chain' ? [{ n: size }, { n: size * 4 }] : [{ n: size }],
    limits: { wallMs: 20_000, cpuMs: 10_000, heapMb: 512, rssMb: 768 },
    setup({ n }) {
      const text: string[] = ['const seen = [];', 'const items = [];', 'let last;'];
      const handlerStart = ['export const handler = async (event) => {', `  ${SEEN}`];
      if (shape === 'chained-locals') {
        text.push(...handlerStart, '  let x0 = event.id;');
        for (let i = 1; i <= n; i++) text.push(`  let x${i} = x${i - 1} + '';`);
        text.push(`  items.push(x${n});`, '};');
      } else if (shape === 'helper-chain') {
        for (let i = 0; i < n - 1; i++) text.push(`function step${i}(value) { return step${i + 1}(value); }`);
        text.push(`function step${n - 1}(value) { items.push(value); }`, ...handlerStart, '  step0(event.id);', '};');
      } else if (shape === 'logical-chain') {
        const terms = Array.from({ length: n }, (_, i) => `event.k${i}`).join(' || ');
        text.push(...handlerStart, `  last = ${terms};`, '};');
      } else {
        const terms = Array.from({ length: n }, (_, i) => `event.c${i} ? event.k${i} : `).join('');
        text.push(...handlerStart, `  last = ${terms}null;`, '};');
      }
      return {
        files: { 'package.json': ESM_PACKAGE, 'handler.mjs': lines(text) },
        run: { kind: 'lint', files: ['handler.mjs'] },
      };
    },
    check: (outcome) =>
      afterCompletion(outcome, () => [
        ...noFatal(outcome),
        ...reportsAt(outcome, 'handler.mjs', SEEN, GROWTH),
        ...reportsAt(outcome, 'handler.mjs', deepWrite.needle, deepWrite.rule),
      ]),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Quadratic cliffs: sizes where the quadratic path runs past the CPU limit and a linear one finishes well inside

type CliffShape = 'writes-to-one-variable' | 'concat-reassignment' | 'class-with-many-methods' | 'switch-cases';

function cliff(shape: CliffShape): Scenario {
  const spec = {
    'writes-to-one-variable': {
      defect: 'N writes to one module variable: each write re-reads every reference of the variable',
      test: 20_000,
      bench: [12_500, 25_000, 50_000],
      cpuMs: CLIFF_CPU_MS,
    },
    'concat-reassignment': {
      defect: '`x = x.concat(…)` N times: each reassignment re-reads every earlier one',
      test: 12_000,
      bench: [1_000, 4_000, 16_000],
      cpuMs: CLIFF_CPU_MS,
    },
    'class-with-many-methods': {
      defect: 'a singleton class with N methods, each called by the handler',
      test: 12_000,
      bench: [4_000, 8_000, 16_000],
      cpuMs: CLIFF_CPU_MS,
    },
    'switch-cases': {
      defect: 'a `switch` with N cases, each writing module state',
      test: 20_000,
      bench: [4_000, 8_000, 16_000, 32_000],
      cpuMs: CLIFF_CPU_MS,
    },
  }[shape];
  return {
    id: shape,
    defect: spec.defect,
    test: { n: spec.test },
    bench: spec.bench.map((n) => ({ n })),
    limits: { wallMs: 60_000, cpuMs: spec.cpuMs, heapMb: 1024, rssMb: 1536 },
    baseline: true,
    setup({ n }) {
      const text: string[] = [];
      if (shape === 'writes-to-one-variable') {
        text.push('const items = [];', 'export const handler = async (event) => {');
        for (let i = 0; i < n; i++) text.push('  items.push(event.id);');
        text.push('};');
      } else if (shape === 'concat-reassignment') {
        text.push('let items = [];', 'export const handler = async (event) => {');
        for (let i = 0; i < n; i++) text.push('  items = items.concat(event.id);');
        text.push('};');
      } else if (shape === 'class-with-many-methods') {
        text.push('class Store {', '  items = [];');
        for (let i = 0; i < n; i++) text.push(`  add${i}(value) { this.items.push(value); }`);
        text.push('}', 'const store = new Store();', 'export const handler = async (event) => {');
        for (let i = 0; i < n; i++) text.push(`  store.add${i}(event.id);`);
        text.push('};');
      } else {
        text.push('const items = [];', 'export const handler = async (event) => {', '  switch (event.type) {');
        for (let i = 0; i < n; i++) text.push(`    case 'k${i}': items.push(event.id); break;`);
        text.push('  }', '};');
      }
      return {
        files: { 'package.json': ESM_PACKAGE, 'handler.mjs': lines(text) },
        run: { kind: 'lint', files: ['handler.mjs'] },
      };
    },
    check: (outcome, { n }) => afterCompletion(outcome, () => findingCount(outcome, n)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Settings and rule options

const typeAwareWithoutTypes: Scenario = {
  id: 'type-aware-on-javascript',
  defect: '`typeAware: true` on a file parsed by espree throws in the type oracle: the file silently reports nothing',
  test: {},
  bench: [{}],
  limits: { wallMs: 20_000 },
  inProcess: true,
  setup: () => ({
    files: { 'package.json': ESM_PACKAGE, 'handler.mjs': LEAKY_HANDLER },
    run: { kind: 'lint', files: ['handler.mjs'], settings: { typeAware: true } },
  }),
  check: (outcome) => afterCompletion(outcome, () => reportsAt(outcome, 'handler.mjs', SEEN, GROWTH)),
};

/** Four collections the `allow` option names by a pattern, and one it does not. */
const ALLOW_PROJECT = lines(
  'const skip1 = { list: [] };',
  'const skip2 = { list: [] };',
  'const skip3 = { list: [] };',
  'const skip4 = { list: [] };',
  'const kept = [];',
  'export const handler = async (event) => {',
  '  skip1.list.push(event.id);',
  '  skip2.list.push(event.id);',
  '  skip3.list.push(event.id);',
  '  skip4.list.push(event.id);',
  '  kept.push(event.id);',
  '};',
);

function allowWithFlag(flag: 'g' | 'y'): Scenario {
  return {
    id: `allow-regex-flag-${flag}`,
    defect: `an \`allow\` pattern with the \`${flag}\` flag keeps \`lastIndex\` between tests: it suppresses only some findings`,
    test: {},
    bench: [{}],
    limits: { wallMs: 20_000 },
    inProcess: true,
    setup: () => ({
      files: { 'package.json': ESM_PACKAGE, 'handler.mjs': ALLOW_PROJECT },
      run: {
        kind: 'lint',
        files: ['handler.mjs'],
        rules: { [`${PREFIX}${GROWTH}`]: ['error', { allow: [`/^skip\\d$/${flag}`] }] },
      },
    }),
    check: (outcome) =>
      afterCompletion(outcome, () => [
        ...reportsAt(outcome, 'handler.mjs', 'kept.push', GROWTH),
        ...findingCount(outcome, 1, GROWTH),
      ]),
  };
}

const allowInvalidRegex: Scenario = {
  id: 'allow-regex-invalid',
  defect: 'an invalid `allow` regular expression throws from the rule and ends the lint run',
  test: {},
  bench: [{}],
  limits: { wallMs: 20_000 },
  inProcess: true,
  setup: () => ({
    files: { 'package.json': ESM_PACKAGE, 'handler.mjs': ALLOW_PROJECT },
    run: { kind: 'lint', files: ['handler.mjs'], rules: { [`${PREFIX}${GROWTH}`]: ['error', { allow: ['/(/'] }] } },
  }),
  check: (outcome) =>
    afterCompletion(outcome, () => {
      const named = messagesOf(outcome).some((m) => m.message.includes('allow') && m.message.includes('/(/'));
      return [
        ...(named ? [] : ['no message names the invalid `allow` entry']),
        ...reportsAt(outcome, 'handler.mjs', 'kept.push', GROWTH),
      ];
    }),
};

/** A name of 29 `a` and a `_`: `/(a+)+$/` backtracks through every split of the `a`s before it fails. */
const CATASTROPHIC_NAME = `${'a'.repeat(29)}_`;

const allowCatastrophicRegex: Scenario = {
  id: 'allow-regex-backtracking',
  defect: 'a catastrophically backtracking `allow` pattern (`/(a+)+$/`) runs for seconds per name',
  test: {},
  bench: [{}],
  limits: { wallMs: 30_000, cpuMs: 3_000, heapMb: 512, rssMb: 768 },
  setup: () => ({
    files: {
      'package.json': ESM_PACKAGE,
      'handler.mjs': lines(
        `const ${CATASTROPHIC_NAME} = [];`,
        'export const handler = async (event) => {',
        `  ${CATASTROPHIC_NAME}.push(event.id);`,
        '};',
      ),
    },
    run: {
      kind: 'lint',
      files: ['handler.mjs'],
      rules: { [`${PREFIX}${GROWTH}`]: ['error', { allow: ['/(a+)+$/'] }] },
    },
  }),
  // The pattern does not match the name, so the write is reported (a pattern refused with a message is fine too).
  check: (outcome) =>
    afterCompletion(outcome, () => reportsAt(outcome, 'handler.mjs', `${CATASTROPHIC_NAME}.push`, GROWTH)),
};

const PROTOTYPE_KEYS = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];

const settingsPrototypeKeys: Scenario = {
  id: 'settings-prototype-keys',
  defect: 'unknown settings keys named like `Object.prototype` members get a "did you mean" hint made of its text',
  test: {},
  bench: [{}],
  limits: { wallMs: 20_000 },
  inProcess: true,
  setup: () => ({
    files: { 'package.json': ESM_PACKAGE, 'handler.mjs': LEAKY_HANDLER },
    // JSON.parse makes `__proto__` an own key, as a settings file read from JSON would.
    run: {
      kind: 'lint',
      files: ['handler.mjs'],
      settings: JSON.parse(`{ ${PROTOTYPE_KEYS.map((key) => `"${key}": true`).join(', ')} }`) as Record<
        string,
        unknown
      >,
    },
  }),
  check: (outcome) =>
    afterCompletion(outcome, () => {
      const settingsMessages = messagesOf(outcome).filter((m) => m.messageId === 'settingsError');
      const problems: string[] = [];
      for (const key of PROTOTYPE_KEYS) {
        const message = settingsMessages.find((m) => m.message.includes(`"${key}"`));
        if (!message) problems.push(`no settings message names the unknown key "${key}"`);
        else if (/did you mean/u.test(message.message))
          problems.push(`a made-up hint for "${key}": ${message.message}`);
      }
      return [...problems, ...reportsAt(outcome, 'handler.mjs', SEEN, GROWTH)];
    }),
};

// ---------------------------------------------------------------------------------------------------------------
// Configuration files that are not regular files

type ConfigFile = 'tsconfig.json' | 'jsconfig.json' | 'package.json' | '.gitignore';

/** A config file the plugin or the CLI reads, made a symlink to /dev/zero (endless) or a FIFO (blocks). */
function specialConfigFile(file: ConfigFile, kind: 'dev-zero' | 'fifo'): Scenario {
  // tsconfig/jsconfig are read by the lint itself (path aliases); package.json and .gitignore by `scan`.
  const byLint = file === 'tsconfig.json' || file === 'jsconfig.json';
  return {
    id: `${file.replace(/^\./u, '').replace('.json', '')}-${kind}`,
    defect: `a \`${file}\` that is ${kind === 'fifo' ? 'a FIFO hangs' : 'a symlink to /dev/zero runs out of memory in'} the ${byLint ? 'lint' : 'scan'}`,
    test: {},
    bench: [{}],
    limits: { wallMs: 12_000, cpuMs: 10_000, heapMb: 256, rssMb: 384 },
    benchLimits: { wallMs: 60_000, heapMb: 4096, rssMb: 4096 },
    unavailable: kind === 'fifo' ? canMakeFifo : linuxOnly,
    setup: () => {
      const special: FileSpec = kind === 'fifo' ? { fifo: true } : { symlink: '/dev/zero' };
      if (byLint) {
        return {
          files: {
            [file]: special,
            'src/store.mjs': lines('const items = [];', 'export function remember(value) { items.push(value); }'),
            'src/handler.mjs': lines(
              "import { remember } from '@/store';",
              'const seen = [];',
              'export const handler = async (event) => {',
              `  ${SEEN}`,
              '  remember(event.id);',
              '};',
            ),
          },
          run: { kind: 'lint', files: ['src/handler.mjs'] },
        };
      }
      const files: Project = { [file]: special, 'src/handler.js': LEAKY_HANDLER };
      if (file !== 'package.json') files['package.json'] = ESM_PACKAGE;
      return { files, run: { kind: 'cli', args: ['scan', '.'], json: true } };
    },
    check: (outcome) =>
      afterCompletion(outcome, () => {
        const handler = byLint ? 'src/handler.mjs' : 'src/handler.js';
        return [...(byLint ? [] : exitCode(outcome, 1)), ...reportsAt(outcome, handler, SEEN, GROWTH)];
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The command line: manifests, output, paths

/** `lib/stack.ts` beside the scanned folder, evaluated in every default scan. */
function cdkFanOut(shape: 'path-join' | 'spread'): Scenario {
  return {
    id: `cdk-${shape}-fan-out`,
    defect:
      shape === 'path-join'
        ? 'CDK discovery re-evaluates shared `path.join` constants at every use: fan⁴ work for a small stack file'
        : 'CDK discovery re-reads shared object spreads at every use: fanᴸ work for a small stack file',
    test: shape === 'path-join' ? { fan: 60 } : { fan: 22 },
    bench:
      shape === 'path-join'
        ? [{ fan: 30 }, { fan: 60 }, { fan: 120 }]
        : [{ fan: 12 }, { fan: 16 }, { fan: 22 }, { fan: 28 }],
    limits: { wallMs: 60_000, cpuMs: 4_000, heapMb: 1024, rssMb: 1536 },
    setup({ fan }) {
      const stack: string[] = [
        "import * as path from 'node:path';",
        "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
      ];
      if (shape === 'path-join') {
        // Each level joins the one below `fan` times: the entry names fan⁴ leaves.
        stack.push(`const level1 = path.join(${Array(fan).fill("'segment'").join(', ')});`);
        for (let level = 2; level <= 4; level++) {
          stack.push(
            `const level${level} = path.join(${Array(fan)
              .fill(`level${level - 1}`)
              .join(', ')});`,
          );
        }
        stack.push('export class Api { constructor(scope) { new NodejsFunction(scope, "Api", { entry: level4 }); } }');
      } else {
        // Each level spreads the one below `fan` times, eight levels deep.
        stack.push("const props0 = { runtime: 'nodejs20.x' };");
        for (let level = 1; level <= 8; level++) {
          stack.push(
            `const props${level} = { ${Array(fan)
              .fill(`...props${level - 1}`)
              .join(', ')} };`,
          );
        }
        stack.push('export class Api { constructor(scope) { new NodejsFunction(scope, "Api", { ...props8 }); } }');
      }
      return {
        files: { 'package.json': ESM_PACKAGE, 'lib/stack.ts': lines(stack), 'src/api.js': CLEAN_HANDLER },
        run: { kind: 'cli', args: ['scan', 'src'], json: true },
      };
    },
    check: (outcome) => afterCompletion(outcome, () => exitCode(outcome, 0)),
  };
}

const manifestStraySpace: Scenario = {
  id: 'manifest-handler-stray-space',
  defect: 'a manifest handler with a stray space puts a settings error on every scanned file: exit 1 on clean code',
  test: {},
  bench: [{}],
  limits: { wallMs: 20_000, cpuMs: 10_000 },
  setup: () => ({
    files: {
      'package.json': ESM_PACKAGE,
      'serverless.yml': lines(
        'service: shop',
        'provider:',
        '  name: aws',
        'functions:',
        '  api:',
        '    handler: "src/api.handler "',
      ),
      'src/api.js': CLEAN_HANDLER,
      'src/util.js': lines('export const add = (a, b) => a + b;'),
    },
    run: { kind: 'cli', args: ['scan', '.'], json: true },
  }),
  check: (outcome) =>
    afterCompletion(outcome, () => {
      const settingsErrors = messagesOf(outcome).filter((m) => m.messageId === 'settingsError');
      return [
        ...exitCode(outcome, 0),
        ...(settingsErrors.length === 0
          ? []
          : [`${settingsErrors.length} files got a settings error: ${settingsErrors[0].message}`]),
        ...(outcome.stderr.includes('serverless.yml') ? [] : ['stderr does not name serverless.yml']),
      ];
    }),
};

const scanStdoutClosed: Scenario = {
  id: 'scan-stdout-closed',
  defect: '`scan | head` ends with an unhandled EPIPE and a stack trace',
  test: { files: 40 },
  bench: [{ files: 40 }],
  limits: { wallMs: 30_000, cpuMs: 15_000 },
  setup({ files: count }) {
    const files: Project = { 'package.json': ESM_PACKAGE };
    const body = Array.from({ length: 50 }, () => `  ${SEEN}`);
    for (let i = 0; i < count; i++) {
      files[`src/handler${i}.js`] = lines(
        'const seen = [];',
        'export const handler = async (event) => {',
        ...body,
        '};',
      );
    }
    return { files, run: { kind: 'cli-closed-stdout', args: ['scan', 'src'] } };
  },
  check: (outcome) => {
    if (outcome.limit !== null) return [`did not complete: ${describeOutcome(outcome)}`];
    const problems: string[] = [];
    if (/EPIPE|Unhandled 'error' event|\n\s+at /u.test(outcome.stderr))
      problems.push(`a stack trace on stderr: ${outcome.stderr.split('\n').slice(0, 4).join(' | ')}`);
    if (outcome.signal !== null) problems.push(`ended by ${outcome.signal}`);
    return problems;
  },
  findings: () => null,
};

const scanFromParent: Scenario = {
  id: 'scan-reads-working-directory',
  defect: "`scan` discovers manifests in the working directory's whole tree, not the scanned paths' project",
  test: { unrelated: 50 },
  bench: [{ unrelated: 50 }, { unrelated: 1000 }],
  limits: { wallMs: 60_000, cpuMs: 15_000 },
  setup({ unrelated }) {
    const files: Project = {
      // The project being scanned: nothing in it is a handler by itself (an exported function of `event` would be
      // one, so the parameter has another name); only the manifest outside the project names `main` a handler.
      'shop/package.json': ESM_PACKAGE,
      'shop/src/util.js': lines('const calls = [];', 'export function main(input) {', '  calls.push(input.id);', '}'),
      // Elsewhere under the working directory: a manifest that declares the project's `main` a handler, and
      // sources that mention aws-cdk, which discovery parses.
      'other/serverless.yml': lines('service: other', 'functions:', '  job:', '    handler: ../shop/src/util.main'),
    };
    for (let i = 0; i < unrelated; i++) {
      files[`other/cdk/stack${i}.ts`] = lines(
        "import { Stack } from 'aws-cdk-lib';",
        ...Array.from({ length: 40 }, (_, k) => `export const value${k} = { id: 'value-${i}-${k}', size: ${k} };`),
      );
    }
    return { files, run: { kind: 'cli', args: ['scan', 'shop/src'], json: true } };
  },
  // Scanned from inside `shop`, the scan has nothing to report; from the parent it must say the same.
  check: (outcome) => afterCompletion(outcome, () => [...exitCode(outcome, 0), ...findingCount(outcome, 0)]),
};

const manifestSize: Scenario = {
  id: 'manifest-size',
  defect: 'manifests are read whole, however large: a 20 MB serverless.yml',
  test: { mb: 20 },
  bench: [{ mb: 20 }],
  limits: { wallMs: 60_000, cpuMs: 4_000, heapMb: 1024, rssMb: 1536 },
  setup({ mb }) {
    const entries: string[] = [];
    let size = 0;
    for (let i = 0; size < mb * 1024 * 1024; i++) {
      const entry = `  fn${i}:\n    handler: src/api.handler\n    description: function number ${i} of a generated manifest`;
      entries.push(entry);
      size += entry.length + 1;
    }
    return {
      files: {
        'package.json': ESM_PACKAGE,
        'serverless.yml': `service: big\nprovider:\n  name: aws\nfunctions:\n${entries.join('\n')}\n`,
        'src/api.js': CLEAN_HANDLER,
      },
      run: { kind: 'cli', args: ['scan', 'src'], json: true },
    };
  },
  check: (outcome) =>
    afterCompletion(outcome, () => [
      ...exitCode(outcome, 0),
      ...(outcome.stderr.includes('serverless.yml') ? [] : ['stderr does not name the oversized serverless.yml']),
    ]),
};

const gitignoreManyRules: Scenario = {
  id: 'gitignore-many-rules',
  defect: 'a .gitignore with 20k rules: every rule is tried on every directory and file',
  test: { rules: 20_000, dirs: 400 },
  bench: [
    { rules: 5_000, dirs: 400 },
    { rules: 20_000, dirs: 400 },
  ],
  limits: { wallMs: 60_000, cpuMs: 6_000, heapMb: 1024, rssMb: 1536 },
  setup({ rules, dirs }) {
    const patterns: string[] = [];
    for (let i = 0; i < rules; i++)
      patterns.push(i % 3 === 0 ? `build-${i}/` : i % 3 === 1 ? `*.tmp${i}` : `/out/${i}/**/*.map`);
    const files: Project = {
      'package.json': ESM_PACKAGE,
      '.gitignore': lines(patterns),
      'src/handler.js': LEAKY_HANDLER,
    };
    for (let i = 0; i < dirs; i++) files[`src/area${i}/index.js`] = lines(`export const area = ${i};`);
    return { files, run: { kind: 'cli', args: ['scan', '.', '--no-manifests'], json: true } };
  },
  check: (outcome) =>
    afterCompletion(outcome, () => [...exitCode(outcome, 1), ...reportsAt(outcome, 'src/handler.js', SEEN, GROWTH)]),
};

/** File names SARIF must percent-encode in `artifactLocation.uri`. */
const AWKWARD_NAMES = ['with space', 'ünïcödé', 'new\nline', '100%', 'hash#and?query'];

const sarifUris: Scenario = {
  id: 'sarif-uri-encoding',
  defect: 'SARIF `artifactLocation.uri` is not percent-encoded (spaces, newlines, non-ASCII, `%`, `#`, `?`)',
  test: {},
  bench: [{}],
  limits: { wallMs: 30_000, cpuMs: 10_000 },
  setup: () => {
    const files: Project = { 'package.json': ESM_PACKAGE };
    for (const name of AWKWARD_NAMES) files[`src/${name}.js`] = LEAKY_HANDLER;
    return { files, run: { kind: 'cli', args: ['scan', 'src', '--format', 'sarif'] } };
  },
  check: (outcome) =>
    afterCompletion(outcome, () => {
      let log: {
        runs: Array<{
          results?: Array<{ locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string } } }> }>;
        }>;
      };
      try {
        log = JSON.parse(outcome.stdout) as typeof log;
      } catch {
        return ['stdout is not a SARIF document'];
      }
      const uris = log.runs.flatMap((run) =>
        (run.results ?? []).flatMap((result) =>
          (result.locations ?? []).map((l) => l.physicalLocation?.artifactLocation?.uri ?? ''),
        ),
      );
      const problems: string[] = [];
      if (uris.length < AWKWARD_NAMES.length)
        problems.push(`expected ${AWKWARD_NAMES.length} results, got ${uris.length}`);
      const base = pathToFileURL(`${outcome.dir}/`);
      const expected = new Set(AWKWARD_NAMES.map((name) => path.join(outcome.dir, 'src', `${name}.js`)));
      for (const uri of uris) {
        // RFC 3986: only unreserved and reserved characters, and `%` only as the start of an escape.
        if (!/^(?:[A-Za-z0-9\-._~:/@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/u.test(uri)) {
          problems.push(`not a valid URI reference: ${JSON.stringify(uri)}`);
          continue;
        }
        const file = fileURLToPath(new URL(uri, base));
        if (!expected.has(file)) problems.push(`${JSON.stringify(uri)} does not name one of the scanned files`);
      }
      return problems;
    }),
  findings: (outcome) => {
    try {
      return (JSON.parse(outcome.stdout) as { runs: Array<{ results?: unknown[] }> }).runs.reduce(
        (n, run) => n + (run.results?.length ?? 0),
        0,
      );
    } catch {
      return null;
    }
  },
};

function specialArgument(kind: 'fifo' | 'dev-zero'): Scenario {
  return {
    id: `argument-${kind}`,
    defect:
      kind === 'fifo'
        ? 'a FIFO given on the command line hangs `scan`'
        : 'a symlink to /dev/zero given on the command line grows `scan` until it runs out of memory',
    test: {},
    bench: [{}],
    limits: { wallMs: 12_000, cpuMs: 10_000, heapMb: 256, rssMb: 384 },
    benchLimits: { wallMs: 60_000, heapMb: 4096, rssMb: 4096 },
    unavailable: kind === 'fifo' ? canMakeFifo : linuxOnly,
    setup: () => ({
      files: {
        'package.json': ESM_PACKAGE,
        'input.js': kind === 'fifo' ? { fifo: true } : { symlink: '/dev/zero' },
      },
      run: { kind: 'cli', args: ['scan', 'input.js'] },
    }),
    // Exit 2 (an input that cannot be read), with a message naming it.
    check: (outcome) =>
      afterCompletion(outcome, () => [
        ...exitCode(outcome, 2),
        ...(`${outcome.stdout}${outcome.stderr}`.includes('input.js') ? [] : ['no message names input.js']),
      ]),
    findings: () => null,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Findings the analysis misses

const namespaceState: Scenario = {
  id: 'missed-namespace-state',
  defect: 'state in a TypeScript namespace (`NS.items.push(event.id)`) is not module state',
  test: {},
  bench: [{}],
  limits: { wallMs: 20_000 },
  inProcess: true,
  setup: () => ({
    files: {
      'handler.ts': lines(
        'namespace Registry {',
        '  export const items: string[] = [];',
        '}',
        'export const handler = async (event: { id: string }) => {',
        '  Registry.items.push(event.id);',
        '};',
      ),
    },
    run: { kind: 'lint', files: ['handler.ts'] },
  }),
  check: (outcome) => afterCompletion(outcome, () => reportsAt(outcome, 'handler.ts', 'Registry.items.push', GROWTH)),
};

function exportEquals(form: 'function' | 'object'): Scenario {
  return {
    id: `missed-export-equals-${form}`,
    defect: `a handler exported with \`${form === 'function' ? 'export = handler' : 'export = { handler }'}\` is not found`,
    test: {},
    bench: [{}],
    limits: { wallMs: 20_000 },
    inProcess: true,
    setup: () => ({
      files: {
        'handler.ts': lines(
          'const seen: string[] = [];',
          'async function handler(event: { id: string }) {',
          `  ${SEEN}`,
          '}',
          form === 'function' ? 'export = handler;' : 'export = { handler };',
        ),
      },
      run: { kind: 'lint', files: ['handler.ts'] },
    }),
    check: (outcome) => afterCompletion(outcome, () => reportsAt(outcome, 'handler.ts', SEEN, GROWTH)),
  };
}

const tsconfigExtendsArray: Scenario = {
  id: 'missed-tsconfig-extends-array',
  defect: 'the array form of tsconfig `extends` (TypeScript 5) is not followed to its `paths`',
  test: {},
  bench: [{}],
  limits: { wallMs: 20_000 },
  inProcess: true,
  setup: () => ({
    files: {
      'tsconfig.base.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] } } }),
      'tsconfig.json': JSON.stringify({ extends: ['./tsconfig.base.json'] }),
      'src/lib/store.ts': lines(
        'const history: string[] = [];',
        'export function remember(value: string) {',
        '  history.push(value);',
        '}',
      ),
      'src/handler.ts': lines(
        "import { remember } from '@/lib/store';",
        'export const handler = async (event: { id: string }) => {',
        '  remember(event.id);',
        '};',
      ),
    },
    run: { kind: 'lint', files: ['src/handler.ts'] },
  }),
  check: (outcome) =>
    afterCompletion(outcome, () => reportsAt(outcome, 'src/handler.ts', 'remember(event.id)', GROWTH)),
};

/** Found by the grammar fuzzer: imports the cross-file summaries do not follow. */
function fuzzerImport(shape: 'esm-default-of-commonjs' | 'default-export-of-import'): Scenario {
  const store = lines(
    'const stored = [];',
    'export function remember(value) {',
    '  stored.push(value);',
    '}',
    'export default remember;',
  );
  const files: Project =
    shape === 'esm-default-of-commonjs'
      ? {
          'lib/store.cjs': lines(
            'const stored = [];',
            'function remember(value) {',
            '  stored.push(value);',
            '}',
            'module.exports = { remember };',
          ),
          'handler.mjs': lines(
            "import store from './lib/store.cjs';",
            'export const handler = async (event) => {',
            '  store.remember(event.id);',
            '};',
          ),
        }
      : {
          'lib/store.mjs': store,
          'lib/index.mjs': lines("import remember from './store.mjs';", 'export default remember;'),
          'handler.mjs': lines(
            "import remember from './lib/index.mjs';",
            'export const handler = async (event) => {',
            '  remember(event.id);',
            '};',
          ),
        };
  const call = shape === 'esm-default-of-commonjs' ? 'store.remember(' : 'remember(event.id)';
  return {
    id: `missed-${shape}`,
    defect:
      shape === 'esm-default-of-commonjs'
        ? 'an ESM default import of a CommonJS `module.exports = { remember }`, then `store.remember()`, is not followed'
        : '`export default remember` of an imported `remember` is not followed to its module',
    test: {},
    bench: [{}],
    limits: { wallMs: 20_000 },
    inProcess: true,
    setup: () => ({ files: { 'package.json': ESM_PACKAGE, ...files }, run: { kind: 'lint', files: ['handler.mjs'] } }),
    check: (outcome) => afterCompletion(outcome, () => reportsAt(outcome, 'handler.mjs', call, GROWTH)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The principle: a failure loses only its part, and is visible

/** Two handlers; the injected failure hits `poisoned` only. */
const TWO_HANDLERS = lines(
  'const seen = [];',
  'const other = [];',
  'export async function handler(event) {',
  `  ${SEEN}`,
  '}',
  'export async function poisoned(event) {',
  '  other.push(event.id);',
  '}',
);

function injectedFailure(
  id: string,
  defect: string,
  inject: 'file' | 'handler',
  debug: string | undefined,
  check: (outcome: ScenarioOutcome) => string[],
): Scenario {
  return {
    id,
    defect,
    test: {},
    bench: [{}],
    limits: { wallMs: 20_000, cpuMs: 10_000 },
    setup: () => ({
      files: { 'package.json': ESM_PACKAGE, 'handler.mjs': TWO_HANDLERS },
      run: { kind: 'lint', files: ['handler.mjs'], inject, env: { HANDLER_STATE_DEBUG: debug } },
    }),
    check,
    findings: (outcome) => (outcome.results ? findingsOf(outcome).length : null),
  };
}

function incompleteDiagnostics(outcome: ScenarioOutcome): string[] {
  const diagnostics = messagesOf(outcome).filter(isAnalysisIncomplete);
  return diagnostics.length > 0 ? [] : ['no diagnostic says the analysis of the file is incomplete'];
}

const failureIsVisible = injectedFailure(
  'failure-is-visible',
  'a failing analysis stage erases the file\'s findings silently: "0 findings" on broken input',
  'file',
  undefined,
  (outcome) => afterCompletion(outcome, () => incompleteDiagnostics(outcome)),
);

const failureIsContained = injectedFailure(
  'failure-is-contained',
  "one handler's failure loses every handler of the file",
  'handler',
  undefined,
  (outcome) =>
    afterCompletion(outcome, () => [
      ...reportsAt(outcome, 'handler.mjs', SEEN, GROWTH),
      ...incompleteDiagnostics(outcome),
    ]),
);

const debugRethrows = injectedFailure(
  'debug-switch-rethrows',
  'the debug switch (HANDLER_STATE_DEBUG=1) rethrows what the analysis would report',
  'file',
  '1',
  (outcome) => {
    if (outcome.limit !== null || outcome.signal !== null) return [`did not complete: ${describeOutcome(outcome)}`];
    return outcome.error?.includes('injected failure') ? [] : ['the injected failure did not reach the caller'];
  },
);

const debugZeroIsOff = injectedFailure(
  'debug-switch-zero',
  '`HANDLER_STATE_DEBUG=0` turns the debug switch on',
  'file',
  '0',
  (outcome) =>
    outcome.error ? [`HANDLER_STATE_DEBUG=0 rethrew: ${outcome.error.split('\n')[0]}`] : completed(outcome),
);

// ---------------------------------------------------------------------------------------------------------------
// The catalogue

export const SCENARIOS = {
  importEqualsRequire: importEquals('require'),
  importEqualsEntity: importEquals('entity'),
  exportImportEqualsRequire: importEquals('export-require'),
  pagemapImport: specialFileImport('import', '/proc/self/pagemap'),
  pagemapRequire: specialFileImport('require', '/proc/self/pagemap'),
  pagemapExportStar: specialFileImport('export-star', '/proc/self/pagemap'),
  pagemapPathsAlias: specialFileImport('paths-alias', '/proc/self/pagemap'),
  kmsgImport: specialFileImport('import', '/proc/kmsg'),
  moduleCacheRetention,
  reexportSelfCycle: reexportCycle('self'),
  reexportPairCycle: reexportCycle('pair'),
  manyExportsOfOneModule,
  chainedLocals: deepCode('chained-locals'),
  helperChain: deepCode('helper-chain'),
  logicalChain: deepCode('logical-chain'),
  ternaryChain: deepCode('ternary-chain'),
  writesToOneVariable: cliff('writes-to-one-variable'),
  concatReassignment: cliff('concat-reassignment'),
  classWithManyMethods: cliff('class-with-many-methods'),
  switchCases: cliff('switch-cases'),
  typeAwareWithoutTypes,
  allowGlobalFlag: allowWithFlag('g'),
  allowStickyFlag: allowWithFlag('y'),
  allowInvalidRegex,
  allowCatastrophicRegex,
  settingsPrototypeKeys,
  tsconfigDevZero: specialConfigFile('tsconfig.json', 'dev-zero'),
  jsconfigFifo: specialConfigFile('jsconfig.json', 'fifo'),
  packageJsonDevZero: specialConfigFile('package.json', 'dev-zero'),
  packageJsonFifo: specialConfigFile('package.json', 'fifo'),
  gitignoreDevZero: specialConfigFile('.gitignore', 'dev-zero'),
  gitignoreFifo: specialConfigFile('.gitignore', 'fifo'),
  cdkPathJoinFanOut: cdkFanOut('path-join'),
  cdkSpreadFanOut: cdkFanOut('spread'),
  manifestStraySpace,
  scanStdoutClosed,
  scanFromParent,
  manifestSize,
  gitignoreManyRules,
  sarifUris,
  fifoArgument: specialArgument('fifo'),
  devZeroArgument: specialArgument('dev-zero'),
  namespaceState,
  exportEqualsFunction: exportEquals('function'),
  exportEqualsObject: exportEquals('object'),
  tsconfigExtendsArray,
  esmDefaultImportOfCommonJs: fuzzerImport('esm-default-of-commonjs'),
  defaultExportOfImport: fuzzerImport('default-export-of-import'),
  failureIsVisible,
  failureIsContained,
  debugRethrows,
  debugZeroIsOff,
} satisfies Record<string, Scenario>;
