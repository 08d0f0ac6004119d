// `handler-state verify` as a user runs it: exit codes, the human and JSON reports, bad input, and handlers that
// throw, hang or never give control back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../src/runtime/index.js';
import { CLI, REPO_ROOT, RUNTIME_FIXTURES } from './helpers.js';

const CLI_FIXTURES = path.join(RUNTIME_FIXTURES, 'cli');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'handler-state-verify-cli-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The real bin, in its own process: exit codes as a shell sees them. */
function spawnVerify(args: string[], cwd = REPO_ROOT) {
  const run = spawnSync(process.execPath, [CLI, 'verify', ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The command's own entry (what the bin calls), in this process: the same code without a process start each. */
async function verify(args: string[], cwd = REPO_ROOT) {
  const { runVerify } = (await import(pathToFileURL(path.join(REPO_ROOT, 'dist/cli/verify.js')).href)) as {
    runVerify: (argv: string[], io: object) => Promise<number>;
  };
  let stdout = '';
  let stderr = '';
  const status = await runVerify(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  });
  return { status, stdout, stderr };
}

async function json(args: string[]): Promise<{ status: number | null; result: VerifyResult }> {
  const run = await verify([...args, '--format', 'json', '--no-static']);
  return { status: run.status, result: JSON.parse(run.stdout) as VerifyResult };
}

describe('handler-state verify', () => {
  it('exits 1 and names the binding, the path and the static finding for a leak', () => {
    const run = spawnVerify(['test/fixtures/handlers/seed-000-freezing-arrays.cjs']);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('leak  growth  arrayB (test/fixtures/handlers/seed-000-freezing-arrays.cjs)');
    expect(run.stdout).toContain('1 → 2 → 3 → 4 entries');
    expect(run.stdout).toContain(
      'confirms handler-state/no-unbounded-growth at test/fixtures/handlers/seed-000-freezing-arrays.cjs:13:3',
    );
    // arrayA is reset at the end of every invocation: written, but it does not grow.
    expect(run.stdout).not.toMatch(/leak .* arrayA/u);
    expect(run.stdout).toContain('write  arrayA');
  });

  it('exits 0 for a handler whose state only initialises once', async () => {
    const run = await verify(['test/fixtures/handlers/quiet-non-mutating.mjs', '--no-static']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('no leak shown');
  });

  it('prints the same report as JSON, with canaries in the paths', async () => {
    const { status, result } = await json([
      'test/fixtures/handlers/seed-001-cache.cjs',
      '--event',
      'test/fixtures/runtime/events/item.json',
      '--stub',
      './lib/db=test/fixtures/runtime/stubs/db-callback.cjs',
    ]);
    expect(status).toBe(1);
    expect(result.summary).toEqual([
      'retained-request-data: CACHE in test/fixtures/handlers/seed-001-cache.cjs',
      'growth: CACHE in test/fixtures/handlers/seed-001-cache.cjs',
    ]);
    const retained = result.leaks.find((leak) => leak.kind === 'retained-request-data');
    expect(retained?.path).toBe('CACHE');
    expect(retained?.message).toContain('CACHE["hs-canary-1-widget"]');
    expect(result.invocations).toHaveLength(6);
  });

  it('reports a handler that throws, and keeps going', async () => {
    const { status, result } = await json([path.join(CLI_FIXTURES, 'throws.cjs'), '--times', '3']);
    expect(status).toBe(0);
    expect(result.invocations.filter((r) => r.outcome === 'threw')).toHaveLength(5);
    expect(result.invocations[0].error?.message).toContain('cannot handle /items/hs-canary-1-42');
    expect(result.notes.join('\n')).toContain('no invocation returned normally');
  });

  it('times out an invocation that never answers, and keeps going', async () => {
    const { status, result } = await json([path.join(CLI_FIXTURES, 'hangs.mjs'), '--timeout', '50', '--times', '3']);
    expect(status).toBe(0);
    expect(result.invocations.map((r) => r.outcome)).toEqual(Array(5).fill('timed-out'));
  });

  it('stops a handler that never gives control back, with exit 2', () => {
    const run = spawnVerify([path.join(CLI_FIXTURES, 'busy-loop.cjs'), '--timeout', '100', '--no-static']);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('invocation 1 did not give control back');
  });

  it('exits 2 with the reason when the module cannot load, and suggests --stub for a missing package', async () => {
    const broken = await verify([path.join(CLI_FIXTURES, 'broken.mjs'), '--no-static']);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toContain('could not be loaded: SyntaxError');
    const missing = await verify([path.join(CLI_FIXTURES, 'needs-dependency.cjs'), '--no-static']);
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain("Cannot find module 'not-installed-anywhere'");
    expect(missing.stdout).toContain('--stub <specifier>=<file>');
    const stubbed = await verify([
      path.join(CLI_FIXTURES, 'needs-dependency.cjs'),
      '--stub',
      `not-installed-anywhere=${path.join(CLI_FIXTURES, 'lookup-stub.cjs')}`,
      '--no-static',
    ]);
    expect(stubbed.status, stubbed.stdout).toBe(1);
    expect(stubbed.stdout).toContain('leak  growth  seen');
  });

  it('defines globals a bundler would have inlined', async () => {
    const without = await json([path.join(CLI_FIXTURES, 'build-define.mjs')]);
    expect(without.result.invocations[0].error?.message).toContain('BUILD_ID is not defined');
    const defined = await json([path.join(CLI_FIXTURES, 'build-define.mjs'), '--define', 'BUILD_ID="b-42"']);
    expect(defined.result.invocations.every((r) => r.outcome === 'returned')).toBe(true);
  });

  it('says so when a TypeScript handler has no loader in its project (Node 20 cannot strip types)', async () => {
    const file = path.join(scratch, 'handler.ts');
    writeFileSync(file, 'export const handler = async (event: { id: string }) => event.id;\n');
    const run = await verify([file, '--no-static'], scratch);
    const [major, minor] = process.versions.node.split('.').map(Number);
    if (major > 22 || (major === 22 && minor >= 6)) {
      expect(run.status).toBe(0);
    } else {
      expect(run.status).toBe(2);
      expect(run.stdout).toContain('install tsx');
      expect(run.stdout).toContain('--experimental-strip-types needs Node 22.6 or later');
    }
  });

  it('rejects bad usage with exit 2 and the usage text', async () => {
    for (const args of [
      [],
      ['a.js', 'b.js'],
      ['missing.js'],
      ['x.js', '--times', 'many'],
      ['x.js', '--stub', 'nofile'],
    ]) {
      const run = await verify(args);
      expect(run.status, args.join(' ')).toBe(2);
    }
    expect((await verify(['--help'])).stdout).toContain('Usage: handler-state verify <file>');
    const unknown = await verify(['test/fixtures/handlers/seed-001-str.cjs', '--export', 'nope', '--no-static']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toContain('the module has no export "nope" (it exports: handler, default)');
    const template = await verify([
      'test/fixtures/handlers/seed-001-str.cjs',
      '--template',
      'http',
      '--platform',
      'lambda',
    ]);
    expect(template.status).toBe(2);
    expect(template.stderr).toContain('does not fit the lambda platform');
  });
});

describe('reading module state without running the handler’s code', () => {
  it('reads private fields, Map and Set entries, promise results and proxy targets; calls no getter, trips no trap', async () => {
    const { status, result } = await json([path.join(CLI_FIXTURES, 'state-shapes.mjs')]);
    expect(status).toBe(1);
    const output = result.output;
    expect(output).not.toContain('a getter was called');
    expect(output).not.toContain('a proxy trap ran');
    const leaks = result.leaks.map((leak) => `${leak.kind} ${leak.path}`);
    expect(leaks).toEqual(
      expect.arrayContaining([
        'growth store.#entries',
        'growth byUser',
        'growth tags',
        'growth trap[[Target]].inside',
        'retained-request-data pending[[PromiseResult]]',
      ]),
    );
    expect(result.invocations.every((r) => r.outcome === 'returned')).toBe(true);
  });

  it('stops at the node limit and says so', async () => {
    const { result } = await json(['test/fixtures/handlers/growth-collections.mjs', '--max-nodes', '3']);
    expect(result.notes.join('\n')).toContain('raise --max-nodes');
  });
});
