// The copy-paste snippets of docs/editors-and-ci.md (kept in test/fixtures/snippets/), run for real where possible.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { makeProject } from '../helpers/temp.js';
import { CLEAN_ESM, LEAKY_CJS } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const snippets = path.join(repoRoot, 'test/fixtures/snippets');
const eslintBin = path.join(repoRoot, 'node_modules/eslint/bin/eslint.js');
const scanBin = path.join(repoRoot, 'dist/cli/index.js');
const docs = fs.readFileSync(path.join(repoRoot, 'docs/editors-and-ci.md'), 'utf8');
const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');

function snippet(relative: string): string {
  return fs.readFileSync(path.join(snippets, relative), 'utf8');
}

/** A temp project that resolves `eslint-plugin-handler-state` to this repository's build, as an install would. */
function linkedProject(files: Record<string, string>): string {
  const dir = makeProject({ 'package.json': '{ "type": "module", "private": true }', ...files });
  fs.mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  fs.symlinkSync(repoRoot, path.join(dir, 'node_modules/eslint-plugin-handler-state'), 'dir');
  return dir;
}

function eslint(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [eslintBin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

/** The leaky handler plus a second, separately fixable write, so suppressions and "new finding" can be told apart. */
const SECOND_LEAK = `const tenants = new Map();\nexports.handler = async (event) => {\n  tenants.set(event.tenant, event);\n  return tenants.size;\n};\n`;

describe('every snippet in docs/editors-and-ci.md is a tested fixture', () => {
  it.each([
    ['vscode/settings.json'],
    ['lint-staged/package.json'],
    ['lint-staged/pre-commit'],
    ['github-actions/handler-state.yml'],
    ['tests-override/eslint.config.js'],
    ['suppressions/commands.sh'],
  ])('the docs and the README quote %s verbatim', (file) => {
    expect(docs).toContain(snippet(file).trimEnd());
    expect(readme).toContain(snippet(file).trimEnd());
  });
});

describe('VS Code', () => {
  it('the settings are valid JSON, and findings carry the suggestions the extension shows as quick fixes', async () => {
    expect(() => JSON.parse(snippet('vscode/settings.json')) as unknown).not.toThrow();
    const dir = linkedProject({
      'eslint.config.js': snippet('tests-override/eslint.config.js'),
      'handler.cjs': LEAKY_CJS,
    });
    const linter = new ESLint({ cwd: dir });
    const [result] = await linter.lintFiles(['handler.cjs']);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0].suggestions?.[0]?.desc).toMatch(/^Move the declaration of `seen` into `handler`/u);
  });
});

describe('lint-staged / husky', () => {
  const command = (JSON.parse(snippet('lint-staged/package.json')) as { 'lint-staged': Record<string, string> })[
    'lint-staged'
  ];

  it('the glob covers every JS/TS extension and the command blocks a commit that adds a leak', () => {
    const [glob, task] = Object.entries(command)[0];
    for (const extension of ['js', 'cjs', 'mjs', 'ts', 'cts', 'mts', 'tsx']) expect(glob).toContain(extension);
    const [tool, ...args] = task.split(' ');
    expect(tool).toBe('eslint');
    const dir = linkedProject({
      'eslint.config.js': snippet('tests-override/eslint.config.js'),
      'leaky.cjs': LEAKY_CJS,
      'clean.mjs': CLEAN_ESM,
    });
    // lint-staged appends the staged files to the command.
    expect(eslint(dir, [...args, 'clean.mjs']).status).toBe(0);
    expect(eslint(dir, [...args, 'clean.mjs', 'leaky.cjs']).status).toBe(1);
  });
});

describe('GitHub Actions with SARIF upload', () => {
  const workflow = parseYaml(snippet('github-actions/handler-state.yml')) as {
    permissions: Record<string, string>;
    jobs: { scan: { steps: Array<{ run?: string; uses?: string; if?: string; with?: Record<string, string> }> } };
  };
  const steps = workflow.jobs.scan.steps;

  it('grants code scanning upload and uploads even when the scan step fails on findings', () => {
    expect(workflow.permissions['security-events']).toBe('write');
    const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.if).toContain('!cancelled()');
    const scan = steps.find((step) => step.run?.includes('handler-state scan'));
    expect(scan?.run).toContain(`--output-file ${upload?.with?.sarif_file}`);
  });

  it("the scan step's command writes a SARIF 2.1.0 log with the findings", () => {
    const scanStep = steps.find((step) => step.run?.includes('handler-state scan'));
    const args = (scanStep?.run ?? '').replace(/^npx handler-state /u, '').split(/\s+/u);
    const dir = makeProject({ 'src/handler.cjs': LEAKY_CJS });
    const result = spawnSync(process.execPath, [scanBin, ...args], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(1);
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'handler-state.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string }> }>;
    };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((result) => result.ruleId)).toEqual(['handler-state/no-unbounded-growth']);
  });
});

describe('--max-warnings 0 and bulk suppressions', () => {
  it('adopts the plugin on an existing codebase: old findings suppressed, new ones fail, fixed ones pruned', () => {
    const dir = linkedProject({
      'eslint.config.js': snippet('suppressions/eslint.config.js'),
      'old.cjs': LEAKY_CJS,
    });
    const commands = snippet('suppressions/commands.sh')
      .split('\n')
      .filter((line) => line.startsWith('npx eslint '))
      .map((line) => line.replace(/^npx eslint /u, '').split(' '));
    expect(commands).toHaveLength(3);
    const [suppressAll, gate, prune] = commands;

    expect(eslint(dir, gate).status).toBe(1);
    expect(eslint(dir, suppressAll).status).toBe(0);
    const suppressions = JSON.parse(fs.readFileSync(path.join(dir, 'eslint-suppressions.json'), 'utf8')) as Record<
      string,
      Record<string, { count: number }>
    >;
    expect(suppressions['old.cjs']['handler-state/no-unbounded-growth'].count).toBe(1);
    expect(eslint(dir, gate).status).toBe(0);

    fs.writeFileSync(path.join(dir, 'new.cjs'), SECOND_LEAK);
    const withNewLeak = eslint(dir, gate);
    expect(withNewLeak.status).toBe(1);
    expect(withNewLeak.stdout).toContain('new.cjs');
    expect(withNewLeak.stdout).not.toContain('old.cjs');

    fs.rmSync(path.join(dir, 'new.cjs'));
    fs.writeFileSync(path.join(dir, 'old.cjs'), CLEAN_ESM.replace('export const handler', 'exports.handler'));
    expect(eslint(dir, prune).status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'eslint-suppressions.json'), 'utf8')).not.toContain('old.cjs');
  });
});

describe('test-file override', () => {
  it('turns the rules off in test files and keeps them on in handlers', async () => {
    const testFile = `const calls = [];\nexports.handler = async (event) => {\n  calls.push(event);\n};\n`;
    const dir = linkedProject({
      'eslint.config.js': snippet('tests-override/eslint.config.js'),
      'src/handler.cjs': LEAKY_CJS,
      'src/handler.test.cjs': testFile,
      'test/helpers.cjs': testFile,
      '__tests__/more.cjs': testFile,
    });
    const results = await new ESLint({ cwd: dir }).lintFiles(['.']);
    const findings = results
      .filter((result) => result.messages.length > 0)
      .map((result) => path.relative(dir, result.filePath).split(path.sep).join('/'));
    expect(findings).toEqual(['src/handler.cjs']);
  });
});
