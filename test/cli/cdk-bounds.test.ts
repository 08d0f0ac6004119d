// CDK discovery stays bounded on stacks whose constants fan out: each value is evaluated once, strings longer than a
// path are not paths, and a total budget ends what is left. The readable constructs of the same file are still read.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverHandlers } from '../../src/cli/discover.js';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function makeProject(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'handler-state-cdk-'));
  roots.push(root);
  for (const [file, content] of Object.entries(files)) {
    const absolute = path.join(root, ...file.split('/'));
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    fs.writeFileSync(absolute, content);
  }
  return root;
}

/** `const a1 = join(a0, a0, a0, a0)` … : evaluated naively, the last one costs 4^depth joins. */
function fanOut(depth: number): string[] {
  const lines = ["const a0 = 'x';"];
  for (let i = 1; i <= depth; i++) lines.push(`const a${i} = join(a${i - 1}, a${i - 1}, a${i - 1}, a${i - 1});`);
  return lines;
}

/** `const p1 = { ...p0, ...p0, ...p0, ...p0 }` … : spreads looked into naively cost 4^depth lookups. */
function spreadFanOut(depth: number): string[] {
  const lines = ['const p0 = { memorySize: 256 };'];
  for (let i = 1; i <= depth; i++)
    lines.push(`const p${i} = { ...p${i - 1}, ...p${i - 1}, ...p${i - 1}, ...p${i - 1} };`);
  return lines;
}

describe('CDK discovery bounds', () => {
  it('reads a stack with a 4^6 constant fan-out and a 4^6 spread fan-out, and reports the unreadable path', async () => {
    const root = makeProject({
      'cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n',
      'lib/stack.ts': [
        "import { join } from 'node:path';",
        "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
        ...fanOut(6),
        ...spreadFanOut(6),
        'export function build(scope: any) {',
        "  new NodejsFunction(scope, 'Huge', { entry: a6 });",
        "  new NodejsFunction(scope, 'Spread', { ...p6, entry: join('handlers', 'orders.ts') });",
        '}',
        '',
      ].join('\n'),
      'handlers/orders.ts': 'export const handler = async () => ({ statusCode: 200 });\n',
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(entries).toEqual([
      { file: 'handlers/orders.ts', exportName: 'handler', manifest: 'lib/stack.ts', functionId: 'Spread' },
    ]);
    expect(problems).toEqual([
      {
        manifest: 'lib/stack.ts',
        message: 'line 18: NodejsFunction "Huge": entry is not a literal path; not inferable, skipped',
      },
    ]);
  });
});
