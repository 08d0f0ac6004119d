// Reads and validates settings['handler-state']; each malformed part becomes one message naming it, never a throw.
import path from 'node:path';
import picomatch from 'picomatch';

export interface HandlerStateSettings {
  /** Extra export names that are handlers in every file, or per file glob. */
  handlers?: Array<string | { files: string | string[]; names: string[] }>;
  /** Extra wrapper functions whose function argument is a handler (`myWrap` or `lib.wrap` in `export const h = lib.wrap(fn)`). */
  wrappers?: string[];
  /** Extra constructors or factories whose instances are bounded caches (`new MyLru({ max })`). */
  boundedCaches?: string[];
  /** Follow request-time calls into relatively imported files; `false` keeps the analysis to one file. */
  crossFile?: boolean;
  /** Use type information (requires parserOptions.projectService); set by the *TypeChecked configs. */
  typeAware?: boolean;
}

export interface ResolvedSettings {
  handlerNames: Set<string>;
  wrappers: Set<string>;
  boundedCaches: Set<string>;
  /** Follow request-time calls into relatively imported files (default on). */
  crossFile: boolean;
  /** Use the type checker (needs parserOptions.projectService); off unless asked for. */
  typeAware: boolean;
  errors: string[];
}

const KNOWN_KEYS = ['handlers', 'wrappers', 'boundedCaches', 'crossFile', 'typeAware'] as const;
/** Keys people plausibly mistype, mapped to the key they meant. */
const NEAR_MISSES: Record<string, string> = {
  handler: 'handlers',
  wrapper: 'wrappers',
  boundedCache: 'boundedCaches',
  boundedcaches: 'boundedCaches',
  caches: 'boundedCaches',
};

/** `wrap`, `lib.wrap`, `Sentry.AWSLambda.wrapHandler`: what a callee is written as. */
const DOTTED_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/u;
/** An export name: an identifier, or a string export name (`export { x as "my-name" }`) without blanks. */
const EXPORT_NAME = /^\S+$/u;

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  // A function set in a JavaScript config is named, not printed with its source text.
  if (typeof value === 'function') return 'a function';
  // What is left is a primitive (number, boolean, bigint, symbol, undefined), which TypeScript only knows as `{}`.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return typeof value === 'object' ? 'an object' : String(value);
};

export function resolveSettings(settings: unknown, filename: string, cwd: string): ResolvedSettings {
  const resolved: ResolvedSettings = {
    handlerNames: new Set(),
    wrappers: new Set(),
    boundedCaches: new Set(),
    crossFile: true,
    typeAware: false,
    errors: [],
  };
  const raw = (settings as Record<string, unknown> | undefined)?.['handler-state'];
  if (raw === undefined || raw === null) return resolved;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    resolved.errors.push(`it must be an object such as { handlers: ["main"] }, not ${show(raw)}`);
    return resolved;
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if ((KNOWN_KEYS as readonly string[]).includes(key)) continue;
    // Own keys only: `constructor` or `toString` must not find a "hint" on Object.prototype.
    const meant = Object.hasOwn(NEAR_MISSES, key) ? NEAR_MISSES[key] : undefined;
    resolved.errors.push(
      meant
        ? `unknown key "${key}" (did you mean "${meant}"?)`
        : `unknown key "${key}" (known keys: ${KNOWN_KEYS.join(', ')})`,
    );
  }
  readNames(
    record.wrappers,
    'wrappers',
    'a function name such as "wrap" or "lib.wrap"',
    DOTTED_NAME,
    resolved.wrappers,
    resolved.errors,
  );
  readNames(
    record.boundedCaches,
    'boundedCaches',
    'a constructor or factory name such as "MyLru"',
    DOTTED_NAME,
    resolved.boundedCaches,
    resolved.errors,
  );
  readHandlers(record.handlers, filename, cwd, resolved);
  for (const key of ['crossFile', 'typeAware'] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (typeof value === 'boolean') resolved[key] = value;
    else resolved.errors.push(`"${key}" must be true or false, not ${show(value)}`);
  }
  return resolved;
}

/** An array of names; each bad entry gets its own message and the good ones still apply. */
function readNames(
  value: unknown,
  key: string,
  expected: string,
  pattern: RegExp,
  into: Set<string>,
  errors: string[],
): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    errors.push(`"${key}" must be an array of names (${expected}), not ${show(value)}`);
    return;
  }
  value.forEach((entry: unknown, index) => {
    if (typeof entry === 'string' && pattern.test(entry)) into.add(entry);
    else errors.push(`"${key}[${index}]" must be ${expected}, not ${show(entry)}`);
  });
}

function readHandlers(value: unknown, filename: string, cwd: string, resolved: ResolvedSettings): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    resolved.errors.push(`"handlers" must be an array of export names or { files, names } objects, not ${show(value)}`);
    return;
  }
  const relative = toPosix(path.relative(cwd, filename));
  const absolute = toPosix(filename);
  value.forEach((entry: unknown, index) => {
    const where = `"handlers[${index}]"`;
    if (typeof entry === 'string') {
      if (EXPORT_NAME.test(entry)) resolved.handlerNames.add(entry);
      else resolved.errors.push(`${where} must be an export name such as "main", not ${show(entry)}`);
      return;
    }
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      resolved.errors.push(`${where} must be an export name or a { files, names } object, not ${show(entry)}`);
      return;
    }
    const { files, names, ...rest } = entry as { files?: unknown; names?: unknown };
    const problem = handlerEntryProblem(files, names, Object.keys(rest));
    if (problem) {
      resolved.errors.push(`${where} ${problem}`);
      return;
    }
    const globs = typeof files === 'string' ? [files] : (files as string[]);
    let matches: boolean;
    try {
      matches = picomatch.isMatch(relative, globs, { dot: true }) || picomatch.isMatch(absolute, globs, { dot: true });
    } catch {
      resolved.errors.push(`${where} has a "files" glob that cannot be read: ${globs.map(show).join(', ')}`);
      return;
    }
    if (matches) for (const name of names as string[]) resolved.handlerNames.add(name);
  });
}

/** The one thing wrong with a `{ files, names }` entry, or null. */
function handlerEntryProblem(files: unknown, names: unknown, extraKeys: string[]): string | null {
  if (extraKeys.length > 0) return `has unknown key "${extraKeys[0]}" (an entry is { files, names })`;
  const globs = typeof files === 'string' ? [files] : files;
  if (
    !Array.isArray(globs) ||
    globs.length === 0 ||
    !globs.every((glob) => typeof glob === 'string' && glob.length > 0)
  ) {
    return `needs "files": a glob or a non-empty array of globs, such as "src/handlers/**/*.ts"`;
  }
  if (!Array.isArray(names) || names.length === 0) {
    return `needs "names": a non-empty array of export names, such as ["main"]`;
  }
  const bad: unknown = names.find((name: unknown) => typeof name !== 'string' || !EXPORT_NAME.test(name));
  if (bad !== undefined) return `has "names" entry ${show(bad)}, which is not an export name`;
  return null;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
