// The one bounded listing of a project's own source files that the analysis reads (the importer index, the Vue
// setup-call index, the Lambda layer search): the shared walker with the CLI's skip list and vendored code left out,
// dot-files and dot-directories left out, no symbolic link followed (no loops, nothing outside the project), and
// a fixed order, so a listing cut short by its bounds always holds the same files.
import path from 'node:path';
import { SKIPPED_DIRECTORIES, walkFiles } from '../../util/walk.js';

/** Directories no listing of a project's own code enters: the CLI's, and vendored or bundled output. */
export const PROJECT_SKIPPED: readonly string[] = [...SKIPPED_DIRECTORIES, 'out', 'vendor', 'bower_components'];

export interface ProjectListing {
  /** Directories below the root that are entered (the root is depth 0). */
  depth: number;
  /** Directory names also left out, besides the shared list. */
  skip?: readonly string[];
  /** At most this many directories are read. */
  directories?: number;
  /** Which files to visit, by name. */
  name: RegExp;
  /** Called for each file the name accepts, in listing order; returns false once the listing is full. */
  visit: (file: string) => boolean;
  /** Called for each directory within the depth, with its depth, before it is read; false leaves it out. */
  enter?: (directory: string, depth: number) => boolean;
}

/** Lists `root` within the bounds, handing each accepted file to `visit` until it says the listing is full. */
export function listProject(root: string, options: ProjectListing): void {
  let full = false;
  walkFiles<null>(root, {
    initial: null,
    skipDirectories: options.skip ? [...PROJECT_SKIPPED, ...options.skip] : PROJECT_SKIPPED,
    skipDotDirectories: true,
    skipDotFiles: true,
    fileLinks: false,
    maxDepth: options.depth,
    maxDirectories: options.directories,
    isFull: () => full,
    enterDirectory: options.enter
      ? (directory, _parent, depth) => (options.enter!(directory, depth) ? null : undefined)
      : undefined,
    keepFile: (file) => {
      if (options.name.test(path.basename(file)) && !options.visit(file)) full = true;
      return false;
    },
  });
}
