// Temporary directories for suites that write files. Every directory made here is removed after its test file
// (test/setup.ts registers the clean-up), so a run leaves nothing behind in the temp directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created: string[] = [];

/** A fresh, empty directory under the OS temp directory (symlinks resolved, as the CLI reports real paths). */
export function makeTempDir(prefix = 'handler-state-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** Writes `files` (posix path relative to `root` -> contents) under `root`. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, contents] of Object.entries(files)) {
    const absolute = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, contents);
  }
}

/** Writes `files` into a fresh temp directory and returns its path. */
export function makeProject(files: Record<string, string>, prefix = 'handler-state-project-'): string {
  const root = makeTempDir(prefix);
  writeFiles(root, files);
  return root;
}

/** Removes every directory made by this module so far; called after each test file. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
