// CI slice of the corpus run: a fixed seeded sample of node_modules sources, linted with every rule; zero rule exceptions.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const SAMPLE = 1500;
const SEED = 6;
// Bounds the run on slow CI machines; the test asserts on exceptions, never on time.
const TIME_BUDGET_SECONDS = 150;

interface CorpusFigures {
  files: number;
  parseErrors: number;
  ruleExceptions: number;
  otherExceptions: number;
  stoppedByBudget: boolean;
  exceptions: { file: string; ruleId: string | null; stack: string }[];
  incompleteFiles: number;
  troubledFiles: { file: string; exceptions: number; incomplete: number; messages: string[] }[];
}

describe('corpus sample (bench/corpus.mjs)', () => {
  it(
    `lints a seeded sample of ${SAMPLE} node_modules files without a single rule exception`,
    { timeout: 240_000 },
    () => {
      expect(existsSync(join(repo, 'dist/index.js')), 'run `npm run build` first (npm test does)').toBe(true);
      const dir = mkdtempSync(join(tmpdir(), 'handler-state-corpus-'));
      try {
        const json = join(dir, 'figures.json');
        const run = spawnSync(
          process.execPath,
          [
            join(repo, 'bench/corpus.mjs'),
            '--sample',
            String(SAMPLE),
            '--seed',
            String(SEED),
            '--time-budget',
            String(TIME_BUDGET_SECONDS),
            '--json',
            json,
            '--quiet',
          ],
          { cwd: repo, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        );
        expect(run.error).toBeUndefined();
        expect(existsSync(json), run.stderr).toBe(true);
        const figures = JSON.parse(readFileSync(json, 'utf8')) as CorpusFigures;
        const crashes = figures.exceptions.map((e) => `${e.file} (${e.ruleId ?? '?'})\n${e.stack}`).join('\n\n');
        expect(figures.ruleExceptions, crashes).toBe(0);
        expect(figures.otherExceptions, crashes).toBe(0);
        // "Analysis incomplete" diagnostics: the target is 0 (none can appear until the analysis reports them).
        const incomplete = figures.troubledFiles
          .filter((entry) => entry.incomplete > 0)
          .map((entry) => `${entry.file}: ${entry.messages.join('; ')}`)
          .join('\n');
        expect(figures.incompleteFiles, incomplete).toBe(0);
        expect(run.status, run.stderr).toBe(0);
        // The sample must really have been linted: a budget stop this early means something is badly slow.
        expect(figures.files).toBeGreaterThanOrEqual(figures.stoppedByBudget ? 500 : SAMPLE);
        expect(figures.parseErrors).toBeLessThan(figures.files / 10);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
