import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'suites', include: ['test/**/*.test.ts'], exclude: ['test/rules/adversarial-state/**'] },
      },
      {
        // The red-team files share one preamble and import nothing else: one module graph per worker, not per file.
        extends: true,
        test: { name: 'adversarial-state', include: ['test/rules/adversarial-state/*.test.ts'], isolate: false },
      },
    ],
  },
});
