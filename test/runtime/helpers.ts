// Shared by the runtime suites: the BUILT runtime entry (the agent must be compiled JavaScript), fixture paths
// and a small pool that runs a few child processes at a time.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as RuntimeApi from '../../src/runtime/index.js';
import type * as StaticApi from '../../src/runtime/static.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
export const RUNTIME_FIXTURES = path.join(FIXTURES, 'runtime');
export const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');

function built(relative: string): string {
  const file = path.join(REPO_ROOT, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  return pathToFileURL(file).href;
}

/** `eslint-plugin-handler-state/runtime` as the package ships it. */
export async function loadRuntime(): Promise<typeof RuntimeApi> {
  return (await import(built('runtime/index.js'))) as typeof RuntimeApi;
}

/** The static side (lint through the ESLint class, and matching), from the build as well. */
export async function loadStatic(): Promise<typeof StaticApi> {
  return (await import(built('runtime/static.js'))) as typeof StaticApi;
}

/** Runs `work` over `items`, at most `limit` at a time (child processes: one per core is plenty). */
export async function inPool<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  limit = poolSize(),
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

export function poolSize(): number {
  return Math.max(1, Math.min(2, os.availableParallelism()));
}
