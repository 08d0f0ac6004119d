// The dependencies the nearest package.json declares, for conventions that a file alone cannot show (a resolver map
// with no GraphQL import is request-time code in a project that depends on a GraphQL server). Read through the
// bounded reader, at most once per directory per process; a missing, oversized or malformed manifest declares nothing.
import path from 'node:path';
import { isDirectory, isRegularFile, readTextFile } from '../../util/read-file.js';

const MAX_MANIFEST_BYTES = 1_000_000;
const MAX_LEVELS = 32;
const NONE: ReadonlySet<string> = new Set();
const byDirectory = new Map<string, ReadonlySet<string>>();

/** Names in `dependencies`, `devDependencies`, `peerDependencies` and `optionalDependencies` of the nearest package.json. */
export function nearestDependencies(filename: string): ReadonlySet<string> {
  if (!path.isAbsolute(filename)) return NONE;
  return dependenciesFrom(path.dirname(filename), 0);
}

function dependenciesFrom(dir: string, level: number): ReadonlySet<string> {
  const cached = byDirectory.get(dir);
  if (cached) return cached;
  let result = NONE;
  const manifest = path.join(dir, 'package.json');
  if (isRegularFile(manifest)) {
    result = readDependencies(manifest);
  } else {
    const parent = path.dirname(dir);
    const top = parent === dir || level >= MAX_LEVELS || isDirectory(path.join(dir, '.git'));
    if (!top) result = dependenciesFrom(parent, level + 1);
  }
  byDirectory.set(dir, result);
  return result;
}

function readDependencies(manifest: string): ReadonlySet<string> {
  const read = readTextFile(manifest, MAX_MANIFEST_BYTES);
  if (!read.ok) return NONE;
  try {
    const data = JSON.parse(read.text) as Record<string, unknown> | null;
    const names = new Set<string>();
    for (const key of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
      const group = data?.[key];
      if (group && typeof group === 'object' && !Array.isArray(group))
        for (const name of Object.keys(group)) names.add(name);
    }
    return names;
  } catch {
    return NONE;
  }
}

export function clearPackageJsonCache(): void {
  byDirectory.clear();
}
