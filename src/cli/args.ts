// Command-line parsing for the bin, the bench and the scripts: node:util parseArgs, with messages of our own.
import { parseArgs } from 'node:util';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** A bad command line: the message names the option and what is wrong with it. */
export class UsageError extends Error {}

type Values<Specs extends OptionSpecs> = {
  [Name in keyof Specs]?: Specs[Name]['type'] extends 'string'
    ? Specs[Name]['multiple'] extends true
      ? string[]
      : string
    : Specs[Name]['multiple'] extends true
      ? boolean[]
      : boolean;
};

export interface ParsedCommandLine<Specs extends OptionSpecs> {
  values: Values<Specs>;
  positionals: string[];
}

/**
 * Parses `argv` against `specs`. Unknown options, a missing value and a value given to a flag are reported with
 * a message of our own (`unknown option --fromat (did you mean --format?)`), not Node's text.
 */
export function parseCommandLine<Specs extends OptionSpecs>(
  argv: readonly string[],
  specs: Specs,
): ParsedCommandLine<Specs> {
  checkOptions(argv, specs);
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: specs,
      allowPositionals: true,
      strict: true,
    });
    return { values: values, positionals };
  } catch (error) {
    // checkOptions has already caught what parseArgs rejects; this is a net for forms it does not know.
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new UsageError(message.replace(/^Unknown option/u, 'unknown option'));
  }
}

function checkOptions(argv: readonly string[], specs: OptionSpecs): void {
  const byShort = new Map<string, [string, OptionSpec]>();
  for (const [name, spec] of Object.entries(specs)) if (spec.short) byShort.set(spec.short, [name, spec]);
  for (let index = 0; index < argv.length; index++) {
    const token = argv[index];
    if (token === '--') return;
    if (token.startsWith('--')) {
      const equals = token.indexOf('=');
      const name = token.slice(2, equals === -1 ? undefined : equals);
      const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
      if (!spec) throw new UsageError(`unknown option --${name}${suggestion(name, Object.keys(specs))}`);
      if (spec.type === 'boolean' && equals !== -1) throw new UsageError(`option --${name} takes no value`);
      if (spec.type === 'string' && equals === -1) {
        const value = argv[index + 1];
        if (value === undefined || (value.startsWith('-') && value !== '-')) {
          throw new UsageError(`option --${name} needs a value`);
        }
        index++;
      }
      continue;
    }
    if (token.startsWith('-') && token !== '-') {
      for (let position = 1; position < token.length; position++) {
        const letter = token[position];
        const found = byShort.get(letter);
        if (!found) throw new UsageError(`unknown option -${letter}`);
        const [name, spec] = found;
        if (spec.type === 'string') {
          if (position === token.length - 1) {
            const value = argv[index + 1];
            if (value === undefined || (value.startsWith('-') && value !== '-')) {
              throw new UsageError(`option -${letter} (--${name}) needs a value`);
            }
            index++;
          }
          break;
        }
      }
    }
  }
}

/** ` (did you mean --format?)` for a near miss, by edit distance. */
function suggestion(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3))
    ? ` (did you mean --${best}?)`
    : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
