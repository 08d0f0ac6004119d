// Runs the built bin in a child process under a wall-time limit, a heap limit and an RSS watchdog, so a hang or a
// blow-up of the scan fails one test with its figures instead of taking the test run down.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(repoRoot, 'dist/cli/index.js');

export interface LimitedResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** What ended the child early: the wall-time limit or the RSS watchdog. */
  killedBy?: 'time' | 'rss';
  wallMs: number;
  peakRssMb: number;
}

export interface Limits {
  wallMs?: number;
  heapMb?: number;
  rssMb?: number;
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)/mu.exec(status);
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** `node --max-old-space-size=<heap> dist/cli/index.js <args>` in `cwd`, killed when it passes a limit. */
export function runBinLimited(args: string[], cwd: string, limits: Limits = {}): Promise<LimitedResult> {
  const { wallMs = 30_000, heapMb = 512, rssMb: rssLimit = 1024 } = limits;
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let killedBy: LimitedResult['killedBy'];
    let peak = 0;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const kill = (reason: 'time' | 'rss') => {
      killedBy ??= reason;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => kill('time'), wallMs);
    const watchdog = setInterval(() => {
      if (child.pid === undefined) return;
      const now = rssMb(child.pid);
      peak = Math.max(peak, now);
      if (now > rssLimit) kill('rss');
    }, 50);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watchdog);
      resolve({ code, signal, stdout, stderr, killedBy, wallMs: Date.now() - started, peakRssMb: Math.round(peak) });
    });
  });
}

/** A one-line account of a run, for assertion messages. */
export function describeRun(run: LimitedResult): string {
  return `exit ${run.code} signal ${run.signal} killed by ${run.killedBy ?? 'nothing'} after ${run.wallMs} ms, peak RSS ${run.peakRssMb} MB; stderr: ${run.stderr.slice(0, 500)}`;
}
