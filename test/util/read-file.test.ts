// The one file reader: regular files only, a byte cap enforced while reading, never a hang on special files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isRegularFile, readTextFile } from '../../src/util/read-file.js';

import { makeTempDir } from '../helpers/temp.js';

let dir: string;
beforeAll(() => {
  dir = makeTempDir('handler-state-read-');
});

describe('readTextFile', () => {
  it('reads a regular file, without a byte-order mark', () => {
    const file = path.join(dir, 'a.js');
    fs.writeFileSync(file, '\ufeffexport const x = 1;\n');
    expect(readTextFile(file, 1000)).toEqual({ ok: true, text: 'export const x = 1;\n', path: fs.realpathSync(file) });
    expect(isRegularFile(file)).toBe(true);
  });

  it('stops at the cap while reading, one byte over is refused and exactly the cap is read', () => {
    const file = path.join(dir, 'big.js');
    fs.writeFileSync(file, 'x'.repeat(100));
    expect(readTextFile(file, 99)).toEqual({ ok: false, problem: 'larger than 99 bytes' });
    expect(readTextFile(file, 100)).toMatchObject({ ok: true });
  });

  it('names a missing file, a directory and a symlink loop', () => {
    expect(readTextFile(path.join(dir, 'missing.js'), 10)).toEqual({ ok: false, problem: 'no such file' });
    expect(readTextFile(dir, 10)).toMatchObject({ ok: false, problem: expect.stringMatching(/directory/u) });
    const a = path.join(dir, 'loop-a');
    const b = path.join(dir, 'loop-b');
    fs.symlinkSync(b, a);
    fs.symlinkSync(a, b);
    expect(readTextFile(a, 10)).toEqual({ ok: false, problem: 'a symbolic link loop' });
    expect(isRegularFile(a)).toBe(false);
  });

  it('never reads devices or /proc, even through a symlink', () => {
    const zero = path.join(dir, 'tsconfig.json');
    fs.symlinkSync('/dev/zero', zero);
    expect(readTextFile(zero, 1000)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/special file system/u),
    });
    expect(isRegularFile(zero)).toBe(false);
    if (fs.existsSync('/proc/self/status')) {
      expect(readTextFile('/proc/self/status', 1000)).toMatchObject({ ok: false });
      expect(isRegularFile('/proc/self/status')).toBe(false);
    }
  });

  it('does not block on a FIFO nobody writes to', () => {
    const fifo = path.join(dir, 'package.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo on this system: nothing to check
    }
    expect(readTextFile(fifo, 1000)).toEqual({ ok: false, problem: 'not a regular file (a FIFO)' });
    expect(isRegularFile(fifo)).toBe(false);
  });
});
