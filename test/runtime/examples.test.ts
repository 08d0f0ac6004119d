// The test-runner examples of docs/verify.md are real files, quoted there verbatim: the vitest one runs in this
// suite, the node:test one is run here with `node --test`; the jest one is quoted only (jest is not installed).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.js';

const EXAMPLES = path.join(REPO_ROOT, 'test/runtime/examples');
const docs = readFileSync(path.join(REPO_ROOT, 'docs/verify.md'), 'utf8');

describe('docs/verify.md test-runner examples', () => {
  it.each(['orders.vitest.test.ts', 'orders.node-test.mjs', 'orders.jest.test.mjs'])('quotes %s verbatim', (file) => {
    expect(docs).toContain(readFileSync(path.join(EXAMPLES, file), 'utf8').trimEnd());
  });

  it('the node:test example passes under node --test', () => {
    const run = spawnSync(process.execPath, ['--test', path.join(EXAMPLES, 'orders.node-test.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/# pass 2\n# fail 0/u);
  });
});
