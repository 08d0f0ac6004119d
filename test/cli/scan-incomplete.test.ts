// A file whose analysis could not finish is not a clean file: `scan` counts it in its summary and exits 2, and the
// file keeps the findings the rest of its analysis made. The input here runs out of a budget (an `export *` chain
// deeper than the analysis follows), so it is incomplete with or without the debug switch.
import { describe, expect, it } from 'vitest';
import { scanIn } from './helpers.js';
import { makeProject } from '../helpers/temp.js';

const DEPTH = 24;

function deepBarrels(): Record<string, string> {
  const files: Record<string, string> = {
    'package.json': '{ "name": "barrels", "type": "module" }\n',
    'src/handler.mjs': [
      "import { remember } from '../lib/barrel0.mjs';",
      'const seen = [];',
      'export const handler = async (event) => {',
      '  seen.push(event.id);',
      '  remember(event.id);',
      '};',
      '',
    ].join('\n'),
    'src/clean.mjs': 'export const handler = async (event) => ({ statusCode: 200, body: String(event.id) });\n',
    [`lib/barrel${DEPTH}.mjs`]: 'const items = [];\nexport function remember(value) {\n  items.push(value);\n}\n',
  };
  for (let i = 0; i < DEPTH; i++) files[`lib/barrel${i}.mjs`] = `export * from './barrel${i + 1}.mjs';\n`;
  return files;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; messageId?: string; line: number; message: string }>;
}

describe('scan and an incomplete analysis', () => {
  it('names the incomplete part, keeps the other findings, counts the file and exits 2', async () => {
    const root = makeProject(deepBarrels());
    const run = await scanIn(root, ['src', '--format', 'json'], { stderr: true });
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout) as JsonResult[];
    const handler = results.find((result) => result.filePath.endsWith('handler.mjs'))!;
    const incomplete = handler.messages.filter((message) => message.messageId === 'analysisIncomplete');
    expect(incomplete).toHaveLength(1);
    expect(incomplete[0].message).toMatch(
      /could not analyse `export \*` from \.\.\/lib\/barrel\d+\.mjs: .*16 modules/u,
    );
    expect(handler.messages.filter((m) => m.messageId === 'unboundedGrowth').map((m) => m.line)).toEqual([4]);
    const clean = results.find((result) => result.filePath.endsWith('clean.mjs'))!;
    expect(clean.messages).toEqual([]);
    expect(run.stderr).toContain('1 file not fully analysed');
    expect(run.stderr).toMatch(/\b1 finding\b/u);
  });

  it('every file that meets the same incomplete summary says so, whichever is linted first', async () => {
    const files = deepBarrels();
    files['src/other.mjs'] = files['src/handler.mjs'];
    const run = await scanIn(makeProject(files), ['src', '--format', 'json'], { stderr: true });
    expect(run.code).toBe(2);
    const results = JSON.parse(run.stdout) as JsonResult[];
    const incomplete = results.filter((result) =>
      result.messages.some((message) => message.messageId === 'analysisIncomplete'),
    );
    expect(incomplete.map((result) => result.filePath.split('/').pop())).toEqual(['handler.mjs', 'other.mjs']);
    expect(run.stderr).toContain('2 files not fully analysed');
  });

  it('a chain within the budget is followed to the write, and the scan exits 1', async () => {
    const files = deepBarrels();
    files['src/handler.mjs'] = files['src/handler.mjs'].replace('barrel0.mjs', `barrel${DEPTH - 8}.mjs`);
    const run = await scanIn(makeProject(files), ['src', '--format', 'json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    const messages = results.flatMap((result) => result.messages);
    expect(messages.filter((message) => message.messageId === 'analysisIncomplete')).toEqual([]);
    expect(messages.filter((m) => m.messageId === 'unboundedGrowth').map((m) => m.line)).toEqual([4, 5]);
  });
});
