import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Suites that lint in the test process only (RuleTester, Linter, the ESLint class on files they write): nothing
// they change outlives the file (temp directories go in test/setup.ts, environment switches are restored), so the
// files of a worker share one module graph. Re-importing ESLint, the parser, TypeScript and the plugin costs about
// 1.5-2 s of CPU per file, most of what a small rule suite costs.
const IN_PROCESS = [
  'test/rules/**/*.test.ts',
  'test/analysis/**/*.test.ts',
  'test/util/**/*.test.ts',
  'test/docs/**/*.test.ts',
];

export default defineConfig({
  test: {
    globals: true,
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest's default outside watch mode is one worker fewer than the cores: a single worker on a 2-core CI
    // machine. The suites spend most of their time in the workers and their child processes, so use every core.
    maxWorkers: os.availableParallelism(),
    projects: [
      {
        // CLI runs, packaging, cross-file and robustness runs, the runtime oracle: child processes, big inputs,
        // module state of their own; a fresh module graph per file. Named to sort first: vitest queues the
        // projects in name order, and these files are the long ones, so they start while the short ones fill in.
        extends: true,
        test: { name: 'processes', include: ['test/**/*.test.ts'], exclude: IN_PROCESS },
      },
      {
        extends: true,
        test: { name: 'rules', include: IN_PROCESS, isolate: false },
      },
    ],
  },
});
