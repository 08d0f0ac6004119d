// Reads the files the plugin and the CLI open (imported sources, configs, manifests): regular files only, capped.
import fs from 'node:fs';
import path from 'node:path';

/** The text of a file, or the reason it was not read, in words fit for a message. */
export type ReadResult = { ok: true; text: string; path: string } | { ok: false; problem: string };

/** Pseudo file systems whose "regular" files report size 0 and can be endless or block (`/proc/kmsg`). */
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

const CHUNK = 64 * 1024;
const NON_BLOCKING = fs.constants.O_NONBLOCK ?? 0;

function isSpecialPath(real: string): boolean {
  if (path.sep !== '/') return false;
  return SPECIAL_ROOTS.some((root) => real === root || real.startsWith(`${root}/`));
}

/** Is `file` (after symlinks) a regular file outside the pseudo file systems? Never opens it. */
export function isRegularFile(file: string): boolean {
  try {
    const real = fs.realpathSync.native(file);
    return !isSpecialPath(real) && fs.statSync(real).isFile();
  } catch {
    return false;
  }
}

/** Is `dir` (after symlinks) a directory? */
export function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads `file` as UTF-8 when it is a regular file of at most `maxBytes` bytes. The limit is enforced while
 * reading, not taken from `stat()` (which says 0 for `/proc` files); FIFOs, devices, sockets, `/proc`, `/sys`
 * and `/dev` are never read, and a FIFO is opened non-blocking so even the check cannot hang.
 */
export function readTextFile(file: string, maxBytes: number): ReadResult {
  let real: string;
  try {
    real = fs.realpathSync.native(file);
  } catch (error) {
    return { ok: false, problem: describeError(error) };
  }
  if (isSpecialPath(real)) return { ok: false, problem: `not a regular file (${real} is on a special file system)` };
  let fd: number;
  try {
    fd = fs.openSync(real, fs.constants.O_RDONLY | NON_BLOCKING);
  } catch (error) {
    return { ok: false, problem: describeError(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, problem: `not a regular file (${kindOf(stat)})` };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) return { ok: false, problem: `larger than ${formatBytes(maxBytes)}` };
      chunks.push(read === buffer.length ? buffer : buffer.subarray(0, read));
    }
    let text = Buffer.concat(chunks, total).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { ok: true, text, path: real };
  } catch (error) {
    return { ok: false, problem: describeError(error) };
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
  }
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'a directory';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** Does every file still have the modification time it was read at (a missing or unreadable file has not)? */
export function unchangedSince(times: Iterable<readonly [string, number]>): boolean {
  for (const [file, mtime] of times) {
    try {
      if (fs.statSync(file).mtimeMs !== mtime) return false;
    } catch {
      return false;
    }
  }
  return true;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} bytes`;
}
