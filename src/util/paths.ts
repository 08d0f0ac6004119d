// How one file names another in messages: as the first file would import it.
import path from 'node:path';

/** `./lib/index.js`, `../store.ts`: `to` relative to the folder of `from`, with `/` and a leading `.`. */
export function importPath(from: string, to: string): string {
  const relative = path.relative(path.dirname(from), to).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
