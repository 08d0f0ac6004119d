// The limited-child harness itself: each limit stops the child that crosses it, and the outcome says which.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { describeOutcome, runLimited } from '../helpers/limited-child.js';

const cwd = os.tmpdir();
const node = (script: string) => ['-e', script];

describe.concurrent('runLimited', () => {
  it('returns the exit code, the output and the figures of a child that finishes', async () => {
    const outcome = await runLimited({
      args: node("process.stdout.write('out'); process.stderr.write('err'); process.exit(3)"),
      cwd,
    });
    expect(outcome, describeOutcome(outcome)).toMatchObject({
      exitCode: 3,
      signal: null,
      stdout: 'out',
      stderr: 'err',
      limit: null,
    });
    expect(outcome.peakRssMb).toBeGreaterThan(10);
    expect(describeOutcome(outcome)).toMatch(/^exit 3; wall [\d.]+ s/u);
  });

  it('stops a child that blocks at the wall-time limit', async () => {
    const outcome = await runLimited({ args: node('setTimeout(() => {}, 60_000)'), cwd, limits: { wallMs: 1_000 } });
    expect(outcome.limit, describeOutcome(outcome)).toBe('wall');
    expect(outcome.signal).toBe('SIGKILL');
    expect(outcome.wallMs).toBeLessThan(20_000);
  });

  it('stops a busy loop at the CPU limit, whatever the wall time', async () => {
    const outcome = await runLimited({ args: node('for (;;) {}'), cwd, limits: { cpuMs: 1_000, wallMs: 60_000 } });
    expect(outcome.limit, describeOutcome(outcome)).toBe('cpu');
    expect(outcome.cpuMs).toBeGreaterThanOrEqual(1_000);
  });

  it('stops memory outside the V8 heap at the RSS limit', async () => {
    const grow = 'const kept = []; setInterval(() => kept.push(Buffer.alloc(16 * 1024 * 1024, 1)), 5);';
    const outcome = await runLimited({ args: node(grow), cwd, limits: { rssMb: 256, wallMs: 60_000 } });
    expect(outcome.limit, describeOutcome(outcome)).toBe('rss');
    expect(outcome.peakRssMb).toBeGreaterThanOrEqual(200);
  });

  it('reports a V8 heap that runs out at its limit', async () => {
    const grow = 'const kept = []; for (;;) kept.push({ value: Math.random() });';
    const outcome = await runLimited({ args: node(grow), cwd, limits: { heapMb: 64, wallMs: 60_000, cpuMs: 30_000 } });
    expect(outcome.limit, describeOutcome(outcome)).toBe('heap');
    expect(outcome.exitCode === 0 && outcome.signal === null).toBe(false);
  });
});
