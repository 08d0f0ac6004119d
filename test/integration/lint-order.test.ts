// A file's findings do not depend on what was linted before it in the same process. Cross-file summaries are
// cached per process; a handler that calls more modules than one lint may summarise must get the same findings
// whether those summaries were computed for it or already warmed by another file, and in either order.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
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

function eslintIn(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs.strict as never[])] as ESLint.Options['overrideConfig'],
  });
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

describe('findings do not depend on lint order', () => {
  it('a handler over the per-lint budget gets the same findings cold, warmed by another file, and in either order', async () => {
    const cold = (await lines(project(), ['handler.js']))['handler.js'];
    const warmedFirst = (await lines(project(), ['warm.js', 'handler.js']))['handler.js'];
    const warmedAfter = (await lines(project(), ['handler.js', 'warm.js']))['handler.js'];
    // The budget cuts the handler off before its last calls: some of them are reported, not all.
    expect(cold.length).toBeGreaterThan(0);
    expect(cold.length).toBeLessThan(MODULES);
    expect(warmedFirst).toEqual(cold);
    expect(warmedAfter).toEqual(cold);
  });

  it('the warming file itself is fully reported whichever file comes first', async () => {
    const alone = (await lines(project(), ['warm.js']))['warm.js'];
    const afterHandler = (await lines(project(), ['handler.js', 'warm.js']))['warm.js'];
    expect(alone).toHaveLength(15);
    expect(afterHandler).toEqual(alone);
  });
});
