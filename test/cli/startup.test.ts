// Help, version and usage errors answer without loading ESLint, the parsers or the analysis: the built bin is
// run with a module-resolution hook that records every module the ES loader resolves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject, makeTempDir } from '../helpers/temp.js';
import { LEAKY_CJS } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'dist/cli/index.js');

/** What a cheap answer must not load: ESLint, the TypeScript ESTree stack, YAML, the analysis and the runtime. */
const HEAVY = [
  /\/node_modules\/eslint\//u,
  /\/node_modules\/@typescript-eslint\//u,
  /\/node_modules\/typescript\//u,
  /\/node_modules\/yaml\//u,
  /\/dist\/analysis\//u,
  /\/dist\/rules\//u,
  /\/dist\/runtime\/index\.js$/u,
];

let hookDir: string;

beforeAll(() => {
  hookDir = makeTempDir('handler-state-startup-');
  fs.writeFileSync(
    path.join(hookDir, 'hooks.mjs'),
    `import fs from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  fs.appendFileSync(process.env.RESOLVED_LOG, resolved.url + '\\n');
  return resolved;
}
`,
  );
  fs.writeFileSync(
    path.join(hookDir, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(path.join(hookDir, 'hooks.mjs')).href)});\n`,
  );
});

let runs = 0;

/** Runs the bin and returns its exit code and the modules it loaded (file paths, node: built-ins left out). */
function loadedBy(args: string[], cwd = hookDir): { status: number | null; modules: string[] } {
  const log = path.join(hookDir, `resolved-${runs++}.log`);
  fs.writeFileSync(log, '');
  const run = spawnSync(process.execPath, ['--import', path.join(hookDir, 'register.mjs'), bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, RESOLVED_LOG: log, NO_COLOR: '1' },
    timeout: 120_000,
  });
  const modules = fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url).split(path.sep).join('/'));
  return { status: run.status, modules };
}

describe('what the bin loads before it has work to do', () => {
  it.each([
    [['--help'], 0],
    [['--version'], 0],
    [[], 2],
    [['scan', '--help'], 0],
    [['scan', '--version'], 0],
    [['scan', '--fromat', 'json'], 2],
    [['scan', '--max-warnings', 'many'], 2],
    [['verify', '--help'], 0],
    [['verify', '--bogus'], 2],
    [['verify'], 2],
    [['discover', '--help'], 0],
    [['discover', '--jsno'], 2],
  ])('%j exits %i without loading ESLint, the parsers or the analysis', (args, expected) => {
    const { status, modules } = loadedBy(args);
    expect(status).toBe(expected);
    // The hook saw the bin itself, so an empty list below means "nothing heavy", not "nothing recorded".
    expect(modules.some((file) => file.endsWith('/dist/cli/index.js'))).toBe(true);
    expect(modules.filter((file) => HEAVY.some((pattern) => pattern.test(file)))).toEqual([]);
  });

  it('does load them once there is a project to scan', () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const { status, modules } = loadedBy(['scan', '.'], dir);
    expect(status).toBe(1);
    expect(modules.some((file) => /\/node_modules\/eslint\//u.test(file))).toBe(true);
    expect(modules.some((file) => /\/dist\/analysis\//u.test(file))).toBe(true);
  });
});
