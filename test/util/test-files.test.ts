// One definition of a test file, read from the project's root: the configs' globs and the cross-file stages agree.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearImporterIndex } from '../../src/analysis/file/importers.js';
import { isTestFile, TEST_FILE_GLOBS } from '../../src/analysis/file/test-files.js';
import plugin from '../../src/index.js';
import { makeProject } from '../helpers/temp.js';

afterEach(() => clearImporterIndex());

describe('isTestFile', () => {
  const root = makeProject({ 'package.json': '{"name":"app"}' });
  const at = (relative: string) => path.join(root, ...relative.split('/'));

  it.each([
    'src/store.test.ts',
    'src/store.spec.mjs',
    'src/__tests__/store.ts',
    'src/__mocks__/db.js',
    'test/routes.js',
    'packages/api/tests/helpers.ts',
  ])('%s is a test', (file) => {
    expect(isTestFile(at(file))).toBe(true);
  });

  it.each(['src/store.ts', 'src/testing.ts', 'src/contest/entry.js', 'src/spec.ts', 'src/store.test.json'])(
    '%s is not a test',
    (file) => {
      expect(isTestFile(at(file))).toBe(false);
    },
  );

  it('reads the path from the project root, so a project inside a test folder is not all tests', () => {
    const nested = makeProject({ 'test/app/package.json': '{"name":"app"}' });
    expect(isTestFile(path.join(nested, 'test', 'app', 'src', 'handler.ts'))).toBe(false);
    expect(isTestFile(path.join(nested, 'test', 'app', 'test', 'handler.ts'))).toBe(true);
  });

  it('the disable-in-tests config switches the rules off in exactly these globs', () => {
    const config = plugin.configs['disable-in-tests'] as Array<{ files?: string[] }>;
    expect(config.at(-1)?.files).toEqual([...TEST_FILE_GLOBS]);
    expect(TEST_FILE_GLOBS).toEqual([
      '**/*.{test,spec}.{js,cjs,mjs,jsx,ts,cts,mts,tsx}',
      '**/__tests__/**',
      '**/__mocks__/**',
      '**/test/**',
      '**/tests/**',
    ]);
  });
});
