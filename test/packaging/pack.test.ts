// The published tarball works in a fresh project: flat config with configs.recommended, and the `handler-state` bin.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function versionOf(packageDir: string): string {
  return (
    JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', packageDir, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' },
    timeout: 240_000,
  });
}

function npmInstall(cwd: string, specs: string[]): void {
  // Offline is not possible for a fresh project, but every package is in the local cache after the
  // repository's own install, so --prefer-offline avoids the network for all of them.
  const result = run(
    npm,
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs],
    cwd,
  );
  if (result.status !== 0)
    throw new Error(`npm install ${specs.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

function withoutNpmWarnings(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('npm warn'))
    .join('\n');
}

const LEAKY_HANDLER = `'use strict';
const invocations = [];

exports.handler = async (event) => {
  invocations.push(event.requestContext.requestId);
  return { statusCode: 200, body: String(invocations.length) };
};
`;

const LEAKY_TS_HANDLER = `const seenUsers = new Set<string>();

export const handler = async (event: { user: string }): Promise<number> => {
  seenUsers.add(event.user);
  return seenUsers.size;
};
`;

/** The README's forms of a typed flat config; `tsc` must accept every line with the installed ESLint's types. */
const TYPED_CONFIG = `import { defineConfig } from 'eslint/config';
import type { ESLint, Linter } from 'eslint';
import handlerState from 'eslint-plugin-handler-state';

export const spread: Linter.Config[] = [...handlerState.configs.recommended, ...handlerState.configs['disable-in-tests']];
export const asPlugin: ESLint.Plugin = handlerState;
export const registered: Linter.Config = { plugins: { 'handler-state': handlerState } };

export default defineConfig([
  { files: ['src/**/*.{js,mjs,cjs,ts}'], extends: [handlerState.configs.recommended] },
  { rules: { 'handler-state/no-unbounded-growth': ['error', { allow: ['warmupLog'] }] } },
]);
`;

let work: string;
let tarball: string;
let packedFiles: string[];

beforeAll(() => {
  // Each fresh project below holds a full install; the directory goes when the file is done (test/helpers/temp.ts).
  work = makeTempDir('handler-state-pack-');
  expect(fs.existsSync(path.join(repoRoot, 'dist/index.js')), 'run `npm run build` first').toBe(true);
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--pack-destination', work], { cwd: repoRoot, encoding: 'utf8' }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(work, packed[0].filename);
  packedFiles = packed[0].files.map((file) => file.path);
}, 120_000);

describe('npm pack', () => {
  it('ships the build, the bin target and the docs, and no sources or tests', () => {
    expect(packedFiles).toContain('dist/index.js');
    expect(packedFiles).toContain('dist/index.d.ts');
    expect(packedFiles).toContain('dist/cli/index.js');
    expect(packedFiles).toContain('package.json');
    expect(packedFiles.filter((file) => file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);
  });

  it('declares the handler-state bin, also under the package name (for npx without a local install)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
    };
    expect(manifest.bin).toEqual({
      'handler-state': './dist/cli/index.js',
      'eslint-plugin-handler-state': './dist/cli/index.js',
    });
  });
});

// The peer range is ESLint 9 and 10: the tarball must work with both, installed the way users install them.
describe.each([
  ['ESLint 10', versionOf('eslint')],
  ['ESLint 9', versionOf('eslint9')],
])('fresh project with %s', (_label, eslintVersion) => {
  let project: string;

  beforeAll(() => {
    project = path.join(work, `app-eslint-${eslintVersion}`);
    fs.mkdirSync(path.join(project, 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'pack-test-app', private: true, type: 'module' }, null, 2),
    );
    fs.writeFileSync(path.join(project, 'src/handler.cjs'), LEAKY_HANDLER);
    fs.writeFileSync(path.join(project, 'src/users.ts'), LEAKY_TS_HANDLER);
    // The README's setup: spread the recommended config array.
    fs.writeFileSync(
      path.join(project, 'eslint.config.js'),
      `import handlerState from 'eslint-plugin-handler-state';\n\nexport default [...handlerState.configs.recommended];\n`,
    );
    // The other documented form: `extends` in defineConfig.
    fs.writeFileSync(
      path.join(project, 'eslint.extends.config.js'),
      `import { defineConfig } from 'eslint/config';\nimport handlerState from 'eslint-plugin-handler-state';\n\n` +
        `export default defineConfig([{ files: ['**/*.{js,cjs,mjs,ts}'], extends: [handlerState.configs.recommended] }]);\n`,
    );
    // A CommonJS config: require() must give the plugin itself, not `{ default }`.
    fs.writeFileSync(
      path.join(project, 'eslint.cjs.config.cjs'),
      `const handlerState = require('eslint-plugin-handler-state');\n\nmodule.exports = [...handlerState.configs.recommended];\n`,
    );
    // A typed config in the README's three forms, type-checked against this ESLint's own types.
    fs.writeFileSync(path.join(project, 'eslint.config.ts'), TYPED_CONFIG);
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          // The libraries' own declarations are not under test; how this config's values fit their types is.
          skipLibCheck: true,
          types: [],
        },
        files: ['eslint.config.ts'],
      }),
    );
    npmInstall(project, [tarball, `eslint@${eslintVersion}`, `typescript@${versionOf('typescript')}`]);
  }, 300_000);

  it('type-checks an eslint.config.ts that uses defineConfig, extends, Linter.Config[] and ESLint.Plugin', () => {
    const result = run(process.execPath, [path.join(project, 'node_modules/typescript/bin/tsc'), '-p', '.'], project);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('loads from a CommonJS config through require()', () => {
    const result = run(
      npx,
      ['--no', '--', 'eslint', '--config', 'eslint.cjs.config.cjs', '--format', 'json', 'src'],
      project,
    );
    expect(result.status, result.stderr).toBe(1);
    const results = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(results.flatMap((file) => file.messages.map((message) => message.ruleId))).toEqual([
      'handler-state/no-unbounded-growth',
      'handler-state/no-unbounded-growth',
    ]);
  });

  it.each([['eslint.config.js'], ['eslint.extends.config.js']])(
    'eslint with %s reports the leaks in JS and TS handlers',
    (configFile) => {
      const result = run(npx, ['--no', '--', 'eslint', '--config', configFile, '--format', 'json', 'src'], project);
      expect(result.status, result.stderr).toBe(1);
      const results = JSON.parse(result.stdout) as Array<{
        filePath: string;
        messages: Array<{ ruleId: string; line: number }>;
      }>;
      const findings = results.flatMap((file) =>
        file.messages.map((message) => `${path.basename(file.filePath)}:${message.line} ${message.ruleId}`),
      );
      expect(findings.sort()).toEqual([
        'handler.cjs:5 handler-state/no-unbounded-growth',
        'users.ts:4 handler-state/no-unbounded-growth',
      ]);
    },
  );

  it('runs `npx handler-state scan` with no config of its own', () => {
    const bare = path.join(project, 'bare');
    fs.mkdirSync(path.join(bare, 'src'), { recursive: true });
    fs.copyFileSync(path.join(project, 'src/handler.cjs'), path.join(bare, 'src/handler.cjs'));
    fs.copyFileSync(path.join(project, 'src/users.ts'), path.join(bare, 'src/users.ts'));
    const result = run(npx, ['--no', '--', 'handler-state', 'scan'], bare);
    // npm itself may warn about the machine's npmrc; the bin must add nothing to stderr.
    expect(withoutNpmWarnings(result.stderr)).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('src/handler.cjs\n  5:3  error');
    expect(result.stdout).toContain('2 files, 2 handlers, 2 findings (handler-state/no-unbounded-growth: 2)');
  });

  it('writes SARIF from the installed bin', () => {
    const result = run(npx, ['--no', '--', 'handler-state', 'scan', '--format', 'sarif', 'src'], project);
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toHaveLength(2);
  });
});
