// Integration: scripts/oxlint-parity.mjs must find the same findings under oxlint's JS plugin host as under ESLint.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, listFixtures, snapshotBuiltPackage, type BuiltSnapshot } from './helpers.js';

interface ParitySummary {
  config: string;
  oxlint: string;
  files: number;
  rules: string[];
  findings: { eslint: number; oxlint: number };
  mismatchedFiles: number;
  foreign: { eslint: unknown[]; oxlint: unknown[] };
  rows: { file: string; same: boolean; onlyEslint: string[]; onlyOxlint: string[]; messageDiffs: unknown[] }[];
}

/** Exit code 3 is the script's "this oxlint cannot load JS plugins at all" (a probe plugin failed to run). */
const CANNOT_LOAD_JS_PLUGINS = 3;

let snapshot: BuiltSnapshot;
beforeAll(async () => {
  snapshot = await snapshotBuiltPackage();
});
afterAll(() => snapshot?.remove());

function runParity(config: 'strict' | 'recommended') {
  const child = spawnSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'scripts/oxlint-parity.mjs'),
      '--json',
      '--plugin',
      snapshot.entry,
      '--config',
      config,
      'test/fixtures/handlers',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return child;
}

describe.each(['strict', 'recommended'] as const)('oxlint parity (%s config)', (config) => {
  it('oxlint reports exactly what ESLint reports on every fixture', (context) => {
    const child = runParity(config);
    if (child.status === CANNOT_LOAD_JS_PLUGINS) {
      context.skip(`oxlint cannot load JS plugins on this machine: ${child.stderr.trim()}`);
      return;
    }
    expect(child.stdout, child.stderr).not.toBe('');
    const summary = JSON.parse(child.stdout) as ParitySummary;
    const differing = summary.rows.filter((row) => !row.same);
    expect(differing, JSON.stringify(differing, null, 2)).toEqual([]);
    expect(summary.foreign).toEqual({ eslint: [], oxlint: [] });
    expect(summary.files).toBe(listFixtures().length);
    expect(summary.findings.oxlint).toBe(summary.findings.eslint);
    // Parity over zero findings proves nothing: the fixtures must make both linters report.
    expect(summary.findings.eslint).toBeGreaterThan(0);
    expect(child.status).toBe(0);
  });
});
