// The project a file belongs to: its nearest package.json (dependency names, peer dependencies) and the config
// files next to it, read through the bounded reader and cached per directory. No framework knowledge lives here.
import fs from 'node:fs';
import path from 'node:path';
import { readTextFile } from '../../util/read-file.js';
import { ancestors } from '../../util/walk.js';

/** package.json and framework config files larger than this are not read. */
const MAX_MANIFEST_BYTES = 1_000_000;
/** How many directories are climbed looking for package.json. */
const MAX_CLIMB = 40;

export interface Project {
  /** The directory that holds the package.json. */
  readonly root: string;
  /** The package's `name`, when it has one. */
  readonly name: string | null;
  /** Names in `dependencies`, `devDependencies`, `peerDependencies` and `optionalDependencies`. */
  readonly dependencies: ReadonlySet<string>;
  /** Names in `peerDependencies` only: what a library expects its users to provide. */
  readonly peerDependencies: ReadonlySet<string>;
  /** Does the project depend on one of these packages (or a package under one of these scopes, `@remix-run/`)? */
  dependsOn(names: readonly string[]): boolean;
  /** Is there a file or directory at this path below the root? */
  has(relative: string): boolean;
  /** The text of the first of these root-relative files that can be read, or null. */
  text(relatives: readonly string[]): string | null;
}

class PackageProject implements Project {
  readonly dependencies: ReadonlySet<string>;
  readonly peerDependencies: ReadonlySet<string>;
  readonly name: string | null;
  private readonly exists = new Map<string, boolean>();
  private readonly texts = new Map<string, string | null>();

  constructor(
    readonly root: string,
    manifest: Record<string, unknown>,
  ) {
    const names = (field: string): string[] => {
      const value = manifest[field];
      return value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
    };
    this.name = typeof manifest.name === 'string' && manifest.name !== '' ? manifest.name : null;
    this.peerDependencies = new Set(names('peerDependencies'));
    this.dependencies = new Set([
      ...names('dependencies'),
      ...names('devDependencies'),
      ...names('optionalDependencies'),
      ...this.peerDependencies,
    ]);
  }

  dependsOn(names: readonly string[]): boolean {
    for (const name of names) {
      if (name.endsWith('/')) {
        for (const dependency of this.dependencies) if (dependency.startsWith(name)) return true;
      } else if (this.dependencies.has(name)) {
        return true;
      }
    }
    return false;
  }

  has(relative: string): boolean {
    let known = this.exists.get(relative);
    if (known === undefined) {
      try {
        known = fs.existsSync(path.join(this.root, relative));
      } catch {
        known = false;
      }
      this.exists.set(relative, known);
    }
    return known;
  }

  text(relatives: readonly string[]): string | null {
    for (const relative of relatives) {
      if (!this.texts.has(relative)) {
        const read = this.has(relative) ? readTextFile(path.join(this.root, relative), MAX_MANIFEST_BYTES) : null;
        this.texts.set(relative, read?.ok ? read.text : null);
      }
      const text = this.texts.get(relative);
      if (text != null) return text;
    }
    return null;
  }
}

/** Directory → the project found from it (null: none up to the file system root). */
const byDirectory = new Map<string, Project | null>();

export function clearProjectCache(): void {
  byDirectory.clear();
}

/**
 * The project of a linted file: the nearest package.json above it that parses to an object. Null for relative
 * names that are not files (`<input>`, `file.ts` in a test), for files outside any package, and for manifests
 * that cannot be read — never an exception.
 */
export function projectOf(filename: string): Project | null {
  if (!path.isAbsolute(filename)) return null;
  // A new file in a new directory (an editor's unsaved buffer) still belongs to the package above it.
  const start = path.dirname(filename);
  const visited: string[] = [];
  let found: Project | null = null;
  for (const dir of ancestors(start, MAX_CLIMB)) {
    const known = byDirectory.get(dir);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(dir);
    const project = readProject(dir);
    if (project) {
      found = project;
      break;
    }
  }
  for (const each of visited) byDirectory.set(each, found);
  return found;
}

function readProject(dir: string): Project | null {
  const file = path.join(dir, 'package.json');
  const read = readTextFile(file, MAX_MANIFEST_BYTES);
  if (!read.ok) return null;
  try {
    const manifest: unknown = JSON.parse(read.text);
    if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) return null;
    return new PackageProject(dir, manifest as Record<string, unknown>);
  } catch {
    return null;
  }
}
