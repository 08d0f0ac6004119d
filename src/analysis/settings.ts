// Reads and validates settings['handler-state']; a malformed part becomes an error message, never a throw.
import path from 'node:path';
import picomatch from 'picomatch';

export interface HandlerStateSettings {
  /** Extra export names that are handlers in every file, or per file glob. */
  handlers?: Array<string | { files: string | string[]; names: string[] }>;
  /** Extra wrapper functions whose function argument is a handler (`myWrap` in `export const h = myWrap(fn)`). */
  wrappers?: string[];
  /** Extra constructors or factories whose instances are bounded caches (`new MyLru({ max })`). */
  boundedCaches?: string[];
}

export interface ResolvedSettings {
  handlerNames: Set<string>;
  wrappers: Set<string>;
  boundedCaches: Set<string>;
  errors: string[];
}

const KNOWN_KEYS = new Set(['handlers', 'wrappers', 'boundedCaches']);

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0);
}

export function resolveSettings(settings: unknown, filename: string, cwd: string): ResolvedSettings {
  const resolved: ResolvedSettings = {
    handlerNames: new Set(),
    wrappers: new Set(),
    boundedCaches: new Set(),
    errors: [],
  };
  const raw = (settings as Record<string, unknown> | undefined)?.['handler-state'];
  if (raw === undefined || raw === null) return resolved;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    resolved.errors.push('it must be an object such as { handlers: ["main"] }');
    return resolved;
  }
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) {
      resolved.errors.push(`unknown key "${key}" (known keys: ${[...KNOWN_KEYS].join(', ')})`);
    }
  }
  for (const key of ['wrappers', 'boundedCaches'] as const) {
    const value = record[key];
    if (value === undefined) continue;
    if (!isStringArray(value)) {
      resolved.errors.push(`"${key}" must be an array of non-empty strings`);
      continue;
    }
    for (const name of value) resolved[key].add(name);
  }
  const handlers = record.handlers;
  if (handlers !== undefined) {
    if (!Array.isArray(handlers)) {
      resolved.errors.push('"handlers" must be an array of export names or { files, names } objects');
    } else {
      const relative = toPosix(path.relative(cwd, filename));
      handlers.forEach((entry: unknown, index) => {
        if (typeof entry === 'string' && entry.length > 0) {
          resolved.handlerNames.add(entry);
          return;
        }
        if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
          const { files, names } = entry as { files?: unknown; names?: unknown };
          const globs = typeof files === 'string' ? [files] : files;
          if (!isStringArray(globs) || !isStringArray(names)) {
            resolved.errors.push(
              `"handlers[${index}]" must be { files: string | string[], names: string[] } with non-empty strings`,
            );
            return;
          }
          if (picomatch.isMatch(relative, globs, { dot: true }) || picomatch.isMatch(toPosix(filename), globs, { dot: true })) {
            for (const name of names) resolved.handlerNames.add(name);
          }
          return;
        }
        resolved.errors.push(`"handlers[${index}]" must be an export name or a { files, names } object`);
      });
    }
  }
  return resolved;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
