// Which files are tests: one definition for the configs (which switch every rule off in them) and for the
// cross-file stages (which never take a test as a caller that runs per request, nor its removals as the code's).
import path from 'node:path';
import { projectRootOf } from './importers.js';

/** Directories whose files are tests, and the extensions a `.test.`/`.spec.` file may have. */
const TEST_DIRECTORIES = ['__tests__', '__mocks__', 'test', 'tests'] as const;
const SOURCE_EXTENSIONS = ['js', 'cjs', 'mjs', 'jsx', 'ts', 'cts', 'mts', 'tsx'] as const;

/** The configs' `files` globs for tests, relative to where the config is. */
export const TEST_FILE_GLOBS: readonly string[] = [
  `**/*.{test,spec}.{${SOURCE_EXTENSIONS.join(',')}}`,
  ...TEST_DIRECTORIES.map((directory) => `**/${directory}/**`),
];

const TEST_PATH = new RegExp(
  `(?:^|/)(?:${TEST_DIRECTORIES.join('|')})/|\\.(?:test|spec)\\.(?:${SOURCE_EXTENSIONS.join('|')})$`,
  'u',
);

/**
 * Is `file` a test by the configs' globs? Its path is read from its project's root (the nearest package.json), so
 * a project that itself lives under a `test/` folder is not all tests.
 */
export function isTestFile(file: string): boolean {
  const relative = path.relative(projectRootOf(file), file).split(path.sep).join('/');
  return TEST_PATH.test(relative.startsWith('..') ? path.basename(file) : relative);
}
