// Runs a lint (or any Node script) in a child process under a wall-time limit, a V8 heap limit and an RSS watchdog,
// and returns what happened with the figures, so a hang or a blow-up fails one test instead of taking CI down.
// Self-contained on purpose (Node built-ins only): bench/ transpiles this file on the fly and imports it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintJob, LintJobResult } from './lint-job.mjs';

export interface Limits {
  /** Wall-clock milliseconds before the child is killed. */
  wallMs: number;
  /** `--max-old-space-size` of the child, in MiB. */
  heapMb: number;
  /** Resident set size, in MiB, at which the watchdog kills the child (V8's heap limit does not cover buffers). */
  rssMb: number;
  /**
   * CPU milliseconds (user + system) before the child is killed: unlike wall time, this does not depend on what
   * else the machine is doing, so a quadratic path hits it on a busy CI runner and an idle laptop alike.
   */
  cpuMs: number;
}

export const DEFAULT_LIMITS: Limits = { wallMs: 30_000, heapMb: 1024, rssMb: 1536, cpuMs: 20_000 };

/** What ended the child early, when something did. */
export type LimitHit = 'wall' | 'cpu' | 'rss' | 'heap' | null;

export interface LimitedOutcome {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** User + system CPU of the child, when /usr/bin/time measured it. */
  cpuMs: number | null;
  /** Peak resident set size in MiB: /usr/bin/time's figure, or the watchdog's highest reading of VmHWM. */
  peakRssMb: number | null;
  limit: LimitHit;
  limits: Limits;
}

export interface LimitedRun {
  /** Arguments after `node [--max-old-space-size=…]`: a script and its arguments. */
  args: string[];
  cwd: string;
  limits?: Partial<Limits>;
  env?: Record<string, string | undefined>;
  /** Extra flags for node itself (`--stack-size=…`). */
  nodeFlags?: string[];
}

const TIME = '/usr/bin/time';
const PRLIMIT = '/usr/bin/prlimit';
const POLL_MS = 50;

/** Process groups of the children still running, killed if this process goes first. */
const running = new Set<number>();
let cleanupInstalled = false;

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const killAll = () => {
    for (const group of running) killQuietly(-group, 'SIGKILL');
    running.clear();
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = () => {
      killAll();
      process.removeListener(signal, onSignal);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Clock ticks per second of /proc/<pid>/stat times; 100 on every Linux build that matters. */
const TICKS_PER_SECOND = 100;

/** `/proc/<pid>/status` memory in KiB and `/proc/<pid>/stat` CPU time, or null when the process is gone. */
function procFigures(pid: number): { rssKb: number; hwmKb: number; cpuMs: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /^VmRSS:\s+(\d+)/mu.exec(status);
    const hwm = /^VmHWM:\s+(\d+)/mu.exec(status);
    // Fields after the command name (which may hold spaces, hence the last parenthesis): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return {
      rssKb: rss ? Number(rss[1]) : 0,
      hwmKb: hwm ? Number(hwm[1]) : 0,
      cpuMs: Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : 0,
    };
  } catch {
    return null;
  }
}

/** Direct children of `pid` (Linux only; empty elsewhere). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/u).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The process tree below (and including) `root`. */
function treeOf(root: number): number[] {
  const all: number[] = [];
  const queue = [root];
  while (queue.length > 0 && all.length < 64) {
    const pid = queue.shift()!;
    all.push(pid);
    queue.push(...childrenOf(pid));
  }
  return all;
}

function parseTimeReport(text: string): { cpuMs: number | null; peakRssMb: number | null } {
  const user = /User time \(seconds\): ([\d.]+)/u.exec(text);
  const system = /System time \(seconds\): ([\d.]+)/u.exec(text);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/u.exec(text);
  return {
    cpuMs: user && system ? Math.round((Number(user[1]) + Number(system[1])) * 1000) : null,
    peakRssMb: rss ? Math.round(Number(rss[1]) / 1024) : null,
  };
}

function parseTimeSignal(text: string): string | null {
  const match = /Command terminated by signal (\d+)/u.exec(text);
  if (!match) return null;
  const number = Number(match[1]);
  const name = Object.entries(os.constants.signals).find(([, value]) => value === number)?.[0];
  return name ?? `signal ${number}`;
}

function killQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Runs `node <args>` with the limits. Never rejects for the child's sake: a crash, a kill or a non-zero exit is
 * an outcome to assert on.
 */
export function runLimited(run: LimitedRun): Promise<LimitedOutcome> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...run.limits };
  const nodeArgs = [`--max-old-space-size=${limits.heapMb}`, ...(run.nodeFlags ?? []), ...run.args];
  const useTime = process.platform === 'linux' && existsSync(TIME);
  const reportDir = useTime ? mkdtempSync(path.join(os.tmpdir(), 'handler-state-limited-')) : null;
  const report = reportDir ? path.join(reportDir, 'time.txt') : null;
  let [command, args] = report
    ? [TIME, ['-v', '-o', report, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  // A kernel CPU limit behind the watchdog's: it holds even if this process is killed and cannot stop the child.
  if (process.platform === 'linux' && existsSync(PRLIMIT)) {
    args = [`--cpu=${Math.ceil(limits.cpuMs / 1000) + 5}`, '--', command, ...args];
    command = PRLIMIT;
  }
  installCleanup();
  const env = { ...process.env, ...run.env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];

  return new Promise((resolve) => {
    const started = Date.now();
    // Its own process group, so whatever it starts can be killed with it.
    const child = spawn(command, args, { cwd: run.cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) running.add(child.pid);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    const keep = (into: Buffer[], chunk: Buffer, total: number): number => {
      // A runaway child can print without end: keep the first 64 MiB of each stream (50,000 findings are ~20 MiB).
      if (total < 64 * 1024 * 1024) into.push(chunk);
      return total + chunk.length;
    };
    child.stdout.on('data', (chunk: Buffer) => (stdoutBytes = keep(stdout, chunk, stdoutBytes)));
    child.stderr.on('data', (chunk: Buffer) => (stderrBytes = keep(stderr, chunk, stderrBytes)));

    let limit: LimitHit = null;
    let watchedHwmKb = 0;
    /** The process whose limits count: node itself, below /usr/bin/time when that wraps it. */
    const lintPids = (): number[] => {
      if (child.pid === undefined) return [];
      const tree = treeOf(child.pid);
      return useTime ? tree.slice(1) : tree;
    };
    let watchedCpuMs = 0;
    const stop = (why: Exclude<LimitHit, null | 'heap'>) => {
      if (limit) return;
      limit = why;
      // Kill node below /usr/bin/time first, so that time still writes its report; the group goes after.
      for (const pid of lintPids()) killQuietly(pid, 'SIGKILL');
      setTimeout(() => child.pid !== undefined && killQuietly(-child.pid, 'SIGKILL'), 2_000).unref();
    };
    const watchdog = setInterval(() => {
      let rssKb = 0;
      let cpuMs = 0;
      for (const pid of lintPids()) {
        const figures = procFigures(pid);
        if (!figures) continue;
        rssKb += figures.rssKb;
        cpuMs += figures.cpuMs;
        watchedHwmKb = Math.max(watchedHwmKb, figures.hwmKb);
      }
      watchedCpuMs = Math.max(watchedCpuMs, cpuMs);
      if (rssKb > limits.rssMb * 1024) stop('rss');
      else if (cpuMs > limits.cpuMs) stop('cpu');
    }, POLL_MS);
    const timer = setTimeout(() => stop('wall'), limits.wallMs);

    child.on('close', (exitCode, signal) => {
      clearInterval(watchdog);
      clearTimeout(timer);
      if (child.pid !== undefined) {
        killQuietly(-child.pid, 'SIGKILL');
        running.delete(child.pid);
      }
      const wallMs = Date.now() - started;
      let timeText = '';
      if (report) {
        try {
          timeText = readFileSync(report, 'utf8');
        } catch {
          // time itself was killed
        }
        rmSync(reportDir!, { recursive: true, force: true });
      }
      const figures = parseTimeReport(timeText);
      const errText = Buffer.concat(stderr).toString('utf8');
      const nodeSignal = parseTimeSignal(timeText) ?? signal;
      const heap = /JavaScript heap out of memory|Reached heap limit/u.test(errText);
      // /usr/bin/time exits with 128 + the signal when node was killed; report node's own status instead.
      const code = nodeSignal && useTime ? null : exitCode;
      resolve({
        exitCode: code,
        signal: nodeSignal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: errText,
        wallMs,
        cpuMs: figures.cpuMs ?? (watchedCpuMs || null),
        peakRssMb: figures.peakRssMb ?? (watchedHwmKb ? Math.round(watchedHwmKb / 1024) : null),
        limit: limit ?? (heap ? 'heap' : null),
        limits,
      });
    });
  });
}

/** One line with every figure, for assertion messages and the bench table. */
export function describeOutcome(outcome: LimitedOutcome): string {
  const { limits } = outcome;
  const ended =
    outcome.limit === 'wall'
      ? `killed at the ${limits.wallMs / 1000} s wall limit`
      : outcome.limit === 'cpu'
        ? `killed at the ${limits.cpuMs / 1000} s CPU limit`
        : outcome.limit === 'rss'
          ? `killed at the ${limits.rssMb} MiB RSS limit`
          : outcome.limit === 'heap'
            ? `ran out of its ${limits.heapMb} MiB heap`
            : outcome.signal
              ? `ended by ${outcome.signal}`
              : `exit ${outcome.exitCode}`;
  const cpu = outcome.cpuMs === null ? '' : `, cpu ${(outcome.cpuMs / 1000).toFixed(2)} s`;
  const rss = outcome.peakRssMb === null ? 'peak RSS unknown' : `peak RSS ${outcome.peakRssMb} MiB`;
  const tail = outcome.stderr.trim().split('\n').slice(-6).join('\n');
  return `${ended}; wall ${(outcome.wallMs / 1000).toFixed(2)} s${cpu}, ${rss}${tail ? `\nstderr: ${tail}` : ''}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Lint jobs: the ESLint class in the child (lint-child.mjs), or the `handler-state` CLI.

/** A lint job and its results: the shapes of lint-job.mjs, which the child runs. */
export type { LintJob, LintJobMessage as ChildMessage, LintJobResult as ChildResult } from './lint-job.mjs';

export interface LintOutcome extends LimitedOutcome {
  /** Null when the child did not get as far as printing its results. */
  results: LintJobResult[] | null;
  /** An exception that escaped `ESLint#lintFiles` (a rule that threw ends the user's run). */
  error: string | null;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The child script; resolved next to this file, or next to its source when bench/ runs a transpiled copy. */
export function lintChildScript(repoRoot?: string): string {
  const local = path.join(HERE, 'lint-child.mjs');
  if (existsSync(local)) return local;
  return path.join(repoRoot ?? path.resolve(HERE, '../..'), 'test/helpers/lint-child.mjs');
}

/**
 * Lints `job.files` through the real ESLint class in a limited child. `env` is laid over this process's
 * environment; HANDLER_STATE_DEBUG is removed unless `env` sets it, so the child runs as users do.
 */
export async function lintInChild(
  job: LintJob,
  limits?: Partial<Limits>,
  env?: Record<string, string | undefined>,
  repoRoot?: string,
): Promise<LintOutcome> {
  const outcome = await runLimited({
    args: [lintChildScript(repoRoot), JSON.stringify(job)],
    cwd: job.cwd,
    limits,
    env: { HANDLER_STATE_DEBUG: undefined, ...env },
  });
  const lastLine = outcome.stdout.trim().split('\n').pop() ?? '';
  let parsed: { results?: LintJobResult[]; error?: string | null } = {};
  try {
    parsed = JSON.parse(lastLine) as typeof parsed;
  } catch {
    // killed, or crashed before printing
  }
  return { ...outcome, results: parsed.results ?? null, error: parsed.error ?? null };
}

/** `handler-state <args>` from a built dist/ (`cli` is dist/cli/index.js) in a limited child. */
export function cliInChild(
  cli: string,
  args: string[],
  cwd: string,
  limits?: Partial<Limits>,
  env?: Record<string, string | undefined>,
): Promise<LimitedOutcome> {
  return runLimited({
    args: [cli, ...args],
    cwd,
    limits,
    env: { NO_COLOR: '1', HANDLER_STATE_DEBUG: undefined, ...env },
  });
}
