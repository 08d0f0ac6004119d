// File-system helpers for discovery: posix relative paths and Lambda-style module resolution.
import fs from 'node:fs';
import path from 'node:path';

/** Extensions tried, in order, when a handler names a module without its extension. */
export const MODULE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Posix path of `absolute` relative to `projectDir`. */
export function relativeToProject(projectDir: string, absolute: string): string {
  return toPosix(path.relative(projectDir, absolute));
}

export function isFile(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Finds the source file of a module named without extension (`src/handlers/create`), the way a handler string
 * names it: `<base>.ts` … `<base>.cjs` first, then `<base>/index.*`. A base that already names an existing file
 * (an esbuild entry point such as `app.ts`) is taken as is.
 */
export function resolveModule(base: string): string | undefined {
  for (const extension of MODULE_EXTENSIONS) {
    if (isFile(base + extension)) return base + extension;
  }
  if (isDirectory(base)) {
    for (const extension of MODULE_EXTENSIONS) {
      const index = path.join(base, 'index' + extension);
      if (isFile(index)) return index;
    }
  }
  return undefined;
}

/** Human-readable list of what `resolveModule` tried, for a "missing file" problem. */
export function describeTried(projectDir: string, base: string): string {
  const relative = relativeToProject(projectDir, base);
  return `${relative}{${MODULE_EXTENSIONS.join(',')}} or ${relative}/index.*`;
}

/**
 * Splits a Lambda handler string the way the Node.js runtime does: the module is everything up to the first dot
 * of the last path segment, the rest names the export (`src/app.main` -> `src/app` + `main`). A nested property
 * path (`app.handlers.create`) yields its top-level export (`handlers`), which is what ESLint sees as exported.
 * Returns undefined when there is no module or no export (`main`, `.main`, `src/app.`).
 */
export function splitHandler(handler: string): { modulePath: string; exportName: string } | undefined {
  const slash = handler.lastIndexOf('/');
  const directory = handler.slice(0, slash + 1);
  const basename = handler.slice(slash + 1);
  const dot = basename.indexOf('.');
  if (dot <= 0) return undefined;
  const exportName = basename.slice(dot + 1).split('.')[0];
  if (!exportName) return undefined;
  return { modulePath: directory + basename.slice(0, dot), exportName };
}

/** What the settings accept as an export name (`settings['handler-state'].handlers[].names`): no blanks. */
const EXPORT_NAME = /^\S+$/u;

export type CheckedHandler =
  { ok: true; parts: { modulePath: string; exportName: string }; note?: string } | { ok: false; problem: string };

/**
 * Splits a handler string and checks that what it names can be handed to the settings: a module path and an
 * export name without blanks. Spaces around the whole string (a YAML slip such as `handler: "src/api.main "`) are
 * dropped with a note, so the handler is still linted and the manifest is named as the thing to fix; anything else
 * that is not a `path/to/module.exportName` is a problem of the manifest, never an invalid settings entry.
 */
export function checkHandlerString(handler: string): CheckedHandler {
  const trimmed = handler.trim();
  const shown = JSON.stringify(handler);
  const parts = splitHandler(trimmed);
  if (!parts) return { ok: false, problem: `${shown} is not of the form path/to/module.exportName` };
  if (!EXPORT_NAME.test(parts.exportName)) {
    return {
      ok: false,
      problem: `${shown} names the export ${JSON.stringify(parts.exportName)}, which has blanks in it`,
    };
  }
  if (trimmed !== handler) {
    return { ok: true, parts, note: `${shown} has blanks around it; read as ${JSON.stringify(trimmed)}` };
  }
  return { ok: true, parts };
}
