// Whether Node loads a file as an ES module or as CommonJS: the extension, else the nearest package.json "type".
import fs from 'node:fs';
import path from 'node:path';
import type { ModuleKind } from './types.js';

const TYPESCRIPT = /\.(?:ts|mts|cts|tsx)$/u;

export function isTypeScript(file: string): boolean {
  return TYPESCRIPT.test(file);
}

function packageType(file: string): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { type?: string }).type;
      } catch {
        return undefined;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function moduleKind(file: string): ModuleKind {
  const ext = path.extname(file);
  if (ext === '.mjs' || ext === '.mts') return 'esm';
  if (ext === '.cjs' || ext === '.cts') return 'cjs';
  return packageType(file) === 'module' ? 'esm' : 'cjs';
}
