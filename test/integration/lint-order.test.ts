// A file's findings do not depend on what was linted before it in the same process. Cross-file summaries and the
// importer walk's answers are cached per process; a handler that calls more modules than one lint may summarise,
// and a module whose importers are more than one walk may read, must get the same findings whether those answers
// were computed for it or already warmed by another file, and in either order. ESLint sorts the files of one run,
// so an order is made of one run per file in the same process.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

/** More modules than one lint may summarise (the per-lint file budget is a few dozen). */
const MODULES = 60;

function project(): string {
  const files: Record<string, string> = { 'package.json': JSON.stringify({ name: 'app', type: 'module' }) };
  const imports: string[] = [];
  const calls: string[] = [];
  for (let index = 0; index < MODULES; index++) {
    files[`stores/store${index}.js`] =
      `const seen = [];\nexport function note${index}(value) {\n  seen.push(value);\n}\n`;
    imports.push(`import { note${index} } from './stores/store${index}.js';`);
    calls.push(`  note${index}(event.body);`);
  }
  files['handler.js'] = `${imports.join('\n')}\nexport const handler = async (event) => {\n${calls.join('\n')}\n};\n`;
  // Calls only the modules the handler reaches last, so they are cached before the handler is linted.
  const tail = Array.from({ length: 15 }, (_, offset) => MODULES - 15 + offset);
  files['warm.js'] =
    `${tail.map((index) => `import { note${index} } from './stores/store${index}.js';`).join('\n')}\n` +
    `export const handler = async (event) => {\n${tail.map((index) => `  note${index}(event.id);`).join('\n')}\n};\n`;
  return makeProject(files, 'handler-state-lint-order-');
}

async function lines(root: string, files: string[]): Promise<Record<string, string[]>> {
  const results = await eslintIn(root).lintFiles(files.map((file) => path.join(root, file)));
  return Object.fromEntries(
    results.map((result) => [
      path.relative(root, result.filePath),
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`),
    ]),
  );
}

/** Lints `files` one after another in one process (one lint run each, so the order is the one given). */
async function inOrder(root: string, files: string[]): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const file of files) Object.assign(result, await lines(root, [file]));
  return result;
}

describe('findings do not depend on lint order', () => {
  it('a handler over the per-lint budget gets the same findings cold, warmed by another file, and in either order', async () => {
    const cold = (await lines(project(), ['handler.js']))['handler.js'];
    const warmedFirst = (await inOrder(project(), ['warm.js', 'handler.js']))['handler.js'];
    const warmedAfter = (await inOrder(project(), ['handler.js', 'warm.js']))['handler.js'];
    // The budget cuts the handler off before its last calls: some of them are reported, not all.
    expect(cold.length).toBeGreaterThan(0);
    expect(cold.length).toBeLessThan(MODULES);
    expect(warmedFirst).toEqual(cold);
    expect(warmedAfter).toEqual(cold);
  });

  it('the warming file itself is fully reported whichever file comes first', async () => {
    const alone = (await lines(project(), ['warm.js']))['warm.js'];
    const afterHandler = (await inOrder(project(), ['handler.js', 'warm.js']))['warm.js'];
    expect(alone).toHaveLength(15);
    expect(afterHandler).toEqual(alone);
  });
});

/**
 * A module reached through a service whose own caller comes last in the importer walk. Linting `shared.ts` walks
 * its importers breadth first: two busy modules, each imported by eleven files, spend the walk's file budget before
 * the service's importer (the route with the handler) is admitted. `other.ts` is imported by the service alone, so
 * its own walk reaches the route easily. The service's answer must not be carried from one walk to the other.
 */
function reachedProject(): string {
  const files: Record<string, string> = { 'package.json': JSON.stringify({ name: 'app', type: 'module' }) };
  files['src/shared.ts'] = `const log: string[] = [];\nexport function note(value: string) {\n  log.push(value);\n}\n`;
  files['src/other.ts'] =
    `const seen: string[] = [];\nexport function track(value: string) {\n  seen.push(value);\n}\n`;
  for (const busy of ['f1', 'f2']) {
    files[`src/${busy}.ts`] =
      `import { note } from './shared';\nexport function ${busy}Call(value: string) {\n  note(value);\n}\n`;
    for (let index = 1; index <= 11; index++) {
      const name = `${busy}g${String(index).padStart(2, '0')}`;
      files[`src/${name}.ts`] =
        `import { ${busy}Call } from './${busy}';\nexport function ${name}(value: string) {\n  ${busy}Call(value);\n}\n`;
    }
  }
  files['src/service.ts'] =
    `import { note } from './shared';\nimport { track } from './other';\n` +
    `export function serve(value: string) {\n  note(value);\n  track(value);\n}\n`;
  files['src/route.ts'] =
    `import { serve } from './service';\n` +
    `export const handler = async (event: { body: string }) => {\n  serve(event.body);\n};\n`;
  return makeProject(files, 'handler-state-reach-order-');
}

describe('reports reached through importers do not depend on lint order', () => {
  it('a module reached through a service gets the same findings alone and after a walk that ran out of budget', async () => {
    const alone = (await lines(reachedProject(), ['src/other.ts']))['src/other.ts'];
    const afterCutWalk = (await inOrder(reachedProject(), ['src/shared.ts', 'src/other.ts']))['src/other.ts'];
    // Reached per request from the route's handler through the service: the push is reported.
    expect(alone).toEqual(['3:3 handler-state/no-unbounded-growth']);
    expect(afterCutWalk).toEqual(alone);
  });

  it('a module whose walk runs out of budget gets the same findings alone and after a full walk', async () => {
    const alone = (await lines(reachedProject(), ['src/shared.ts']))['src/shared.ts'];
    const afterFullWalk = (await inOrder(reachedProject(), ['src/other.ts', 'src/shared.ts']))['src/shared.ts'];
    // The budget is spent on the busy modules' importers before the route is admitted: nothing reaches it.
    expect(alone).toEqual([]);
    expect(afterFullWalk).toEqual(alone);
  });
});
