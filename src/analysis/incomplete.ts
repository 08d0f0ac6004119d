// What the analysis of a file could not finish: a stage that failed, or a budget that ran out where findings may be
// lost. A failing part loses only that part; each such loss is noted here and becomes one "analysis incomplete"
// diagnostic on the file. The debug switch (HANDLER_STATE_DEBUG=1) rethrows failures instead of noting them.
import { importPath } from '../util/paths.js';
import { debugEnabled } from '../util/debug.js';

/** The losses of one file's analysis, each `<part>: <reason>`, in the order they happened, without repeats. */
export class Incomplete {
  private readonly seen = new Set<string>();
  readonly problems: string[] = [];

  note(part: string, reason: string): void {
    const problem = `${part}: ${reason}`;
    if (this.seen.has(problem)) return;
    this.seen.add(problem);
    this.problems.push(problem);
  }
}

/**
 * The analysis is synchronous and runs one file at a time (a cross-file summary runs inside its importer's), so the
 * losses go to the file being linted; `prefix` names the other file a nested summary stands for.
 */
let active: { incomplete: Incomplete; linted: string; prefix: string } | null = null;

/** Runs the analysis of the linted file `filename` with its losses noted in `incomplete`. */
export function collecting<T>(incomplete: Incomplete, filename: string, run: () => T): T {
  return withActive({ incomplete, linted: filename, prefix: '' }, run);
}

/** Runs the summary of another file for the linted one: its losses are named after that file. */
export function withinFile<T>(filename: string, run: () => T): T {
  if (!active) return run();
  return withActive({ ...active, prefix: relativeToLinted(filename) }, run);
}

/** `./lib/index.js`: a file as the linted file would import it. */
export function relativeToLinted(filename: string): string {
  if (!active) return filename;
  return importPath(active.linted, filename);
}

function withActive<T>(next: NonNullable<typeof active>, run: () => T): T {
  const saved = active;
  active = next;
  try {
    return run();
  } finally {
    active = saved;
  }
}

/** The part a nested summary's loss is reported as: the summarised file, and its own part. */
export function partName(part: string): string {
  if (!active?.prefix) return part;
  return part === 'this file' ? active.prefix : `${active.prefix} (${part})`;
}

/** How many losses have been noted in this process: a result computed while it grew is not complete. */
let losses = 0;

export function lossCount(): number {
  return losses;
}

/** Notes that `part` of the file being analysed was not analysed (fully), and why. */
export function noteIncomplete(part: string, reason: string): void {
  losses++;
  active?.incomplete.note(partName(part), reason);
}

/**
 * Runs one part of the analysis; if it throws, the part is lost (the `fallback` stands in for its result) and the
 * loss is noted, unless the debug switch is on, in which case the error goes to the caller.
 */
export function guarded<T>(part: string | (() => string), fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (debugEnabled()) throw error;
    noteIncomplete(typeof part === 'string' ? part : part(), describeError(error));
    return fallback;
  }
}

/** An error in words for the diagnostic: its first line, shortened; a stack overflow says what it means. */
export function describeError(error: unknown): string {
  if (error instanceof RangeError && /call stack/iu.test(error.message)) {
    return 'the code is nested too deeply (call stack exhausted)';
  }
  const text =
    error instanceof Error
      ? error.name === 'Error'
        ? error.message
        : `${error.name}: ${error.message}`
      : String(error);
  const line = text.split('\n')[0].trim();
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
