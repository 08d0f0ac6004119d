// The scan on real projects: run from elsewhere, the project's own ESLint config, other plugins' directives, JSX in
// .js, one settings message per run, and the command-line conventions a CI script relies on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ESLint } from 'eslint';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../helpers/temp.js';
import { CLEAN_ESM, LEAKY_CJS, LEAKY_TS, scanIn } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'dist/cli/index.js');
const pluginUrl = pathToFileURL(path.join(repoRoot, 'dist/index.js')).href;
const GROWTH = 'handler-state/no-unbounded-growth';

const project = makeProject;

function json(stdout: string): ESLint.LintResult[] {
  return JSON.parse(stdout) as ESLint.LintResult[];
}

function ruleIds(stdout: string): string[] {
  return json(stdout).flatMap((result) => result.messages.map((message) => message.ruleId ?? message.message));
}

describe('a project scanned from another directory', () => {
  it('scans an absolute path outside the working directory as if run there', async () => {
    const target = project({ 'package.json': '{}', 'src/a.js': LEAKY_CJS, 'src/b.ts': LEAKY_TS });
    const elsewhere = project({});
    const run = await scanIn(elsewhere, [target]);
    expect(run.stdout).not.toContain('outside of base path');
    expect(run.stdout).toContain(`2 files, 2 handlers, 2 findings (${GROWTH}: 2)`);
    expect(run.code).toBe(1);
    const sarif = await scanIn(elsewhere, [target, '--format', 'sarif']);
    const log = JSON.parse(sarif.stdout) as Log;
    // Locations are relative to the scanned project, which the base URI names, not to the working directory.
    expect(
      log.runs[0].results?.map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri),
    ).toEqual(['src/a.js', 'src/b.ts']);
    expect(log.runs[0].originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`${pathToFileURL(target).href}/`);
  });

  it('does the same through the built bin, run from the file system root', () => {
    const target = project({ 'package.json': '{}', 'src/a.js': LEAKY_CJS });
    // Run from `/`: nothing outside the project may be walked, so this takes seconds; the limit turns a regression
    // (walking the whole file system for manifests) into a failure instead of a stuck test run.
    const run = spawnSync(process.execPath, [bin, 'scan', target], {
      cwd: path.parse(target).root,
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.signal).toBeNull();
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)`);
    expect(run.status).toBe(1);
  });

  it('does not mark every file as a test because a directory above the project is called test', async () => {
    const outer = project({ 'test/app/package.json': '{}', 'test/app/src/a.js': LEAKY_CJS });
    const run = await scanIn(outer, ['test/app']);
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)`);
  });
});

describe('directives for other plugins', () => {
  const withForeignDirectives = `// eslint-disable-next-line @typescript-eslint/no-var-requires
const fs = require('fs'); // eslint-disable-line import/no-extraneous-dependencies
/* eslint-disable react-hooks/exhaustive-deps */
/* eslint-env node */
// eslint-disable-next-line @next/next/no-img-element
exports.handler = async (event) => ({ statusCode: 200, body: fs.existsSync(event.path) ? 'yes' : 'no' });
`;

  it('are neither findings nor failures, in any format', async () => {
    const dir = project({ 'src/a.js': withForeignDirectives, 'src/b.js': `${withForeignDirectives}\n` });
    const human = await scanIn(dir, []);
    expect(human.stdout).toBe('2 files, 2 handlers, 0 findings\n');
    expect(human.code).toBe(0);
    const asJson = await scanIn(dir, ['--format', 'json']);
    expect(ruleIds(asJson.stdout)).toEqual([]);
    expect(json(asJson.stdout).every((result) => result.errorCount === 0 && result.warningCount === 0)).toBe(true);
    const sarif = JSON.parse((await scanIn(dir, ['--format', 'sarif'])).stdout) as Log;
    expect(sarif.runs[0].results).toEqual([]);
    expect(sarif.runs[0].invocations?.[0]?.toolExecutionNotifications).toEqual([]);
    expect((await scanIn(dir, ['--max-warnings', '0'])).code).toBe(0);
  });

  it('leave the plugin’s own findings and directives working', async () => {
    const dir = project({
      'a.js': `${withForeignDirectives}const seen = [];\nexports.other = async (event) => {\n  seen.push(event.id); // eslint-disable-line import/no-unresolved\n};\n`,
      'b.js': `const seen = [];\nexports.handler = async (event) => {\n  seen.push(event.id); // eslint-disable-line ${GROWTH}\n};\n`,
    });
    const run = await scanIn(dir, ['--format', 'json']);
    expect(ruleIds(run.stdout)).toEqual([GROWTH]);
    expect(run.code).toBe(1);
  });
});

describe('JSX in .js files', () => {
  it('parses a Next.js page in .js and reports the leak in getServerSideProps', async () => {
    const dir = project({
      'package.json': '{ "name": "web" }',
      'pages/index.js': `import Head from 'next/head';

const visitors = [];

export async function getServerSideProps({ req }) {
  visitors.push(req.headers['user-agent']);
  return { props: { count: visitors.length } };
}

export default function Home({ count }) {
  return (
    <main>
      <Head><title>Home</title></Head>
      <p>{count} visitors</p>
    </main>
  );
}
`,
      'src/App.js': `export default function App() {\n  return <div className="app">hello</div>;\n}\n`,
    });
    const run = await scanIn(dir, ['--format', 'json']);
    const results = json(run.stdout);
    expect(results.map((result) => result.fatalErrorCount)).toEqual([0, 0]);
    expect(ruleIds(run.stdout)).toEqual([GROWTH]);
  });

  it('reports the real syntax error when neither source type parses', async () => {
    const dir = project({
      // CommonJS package: the first attempt fails at the import, the second at the real mistake on line 4.
      'package.json': '{ "type": "commonjs" }',
      'broken.js': `import { x } from './x.js';\nexport function Page() {\n  return <div>{x}</div>;\n  const = 1;\n}\n`,
    });
    const run = await scanIn(dir, ['--format', 'json']);
    const [result] = json(run.stdout);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0].line).toBe(4);
    expect(result.messages[0].message).not.toContain('sourceType');
  });
});

describe("the project's ESLint config", () => {
  const configWith = (extra: string): string =>
    `import handlerState from ${JSON.stringify(pluginUrl)};\n\nexport default [\n  ...handlerState.configs.recommended,\n${extra}];\n`;
  const received = `const received = [];\nexports.handler = async (event) => {\n  received.push(event.id);\n};\n`;

  it('decides the rule options: an allowed name stays quiet, as in the editor', async () => {
    const dir = project({
      'eslint.config.js': configWith(`  { rules: { '${GROWTH}': ['error', { allow: ['received'] }] } },\n`),
      'package.json': '{ "type": "module" }',
      'src/a.cjs': received,
      'src/b.cjs': LEAKY_CJS,
    });
    const run = await scanIn(dir, ['--format', 'json']);
    // The config file is a JavaScript file of the project like any other (ESLint lints it too).
    expect(json(run.stdout).map((result) => [path.basename(result.filePath), result.messages.length])).toEqual([
      ['eslint.config.js', 0],
      ['a.cjs', 0],
      ['b.cjs', 1],
    ]);
    // --no-config-lookup: the scan's own set, so the allowed name is reported again.
    const own = await scanIn(dir, ['--format', 'json', '--no-config-lookup']);
    expect(ruleIds(own.stdout)).toEqual([GROWTH, GROWTH]);
  });

  it('decides which rules run (off stays off), its settings, and its ignores', async () => {
    const dir = project({
      'eslint.config.js': configWith(
        `  { rules: { '${GROWTH}': 'off' } },\n  { settings: { 'handler-state': { handlers: ['process'] } } },\n  { ignores: ['generated/**'] },\n`,
      ),
      'package.json': '{ "type": "module" }',
      'src/grow.cjs': LEAKY_CJS,
      'src/job.cjs': `let last;\nexports.process = async (event) => {\n  last = event.body;\n  return last;\n};\n`,
      'generated/leak.cjs': `let last;\nexports.handler = async (event) => {\n  last = event.body;\n};\n`,
    });
    const run = await scanIn(dir, ['--format', 'json']);
    const results = json(run.stdout);
    expect(results.map((result) => path.relative(dir, result.filePath))).toEqual([
      'eslint.config.js',
      'src/grow.cjs',
      'src/job.cjs',
    ]);
    expect(ruleIds(run.stdout)).toEqual(['handler-state/no-request-data-in-module-scope']);
    const human = await scanIn(dir, []);
    expect(human.stdout).toContain('1 file ignored by the ESLint config');
    // A file named on the command line that the config ignores gets a warning, as ESLint gives one.
    const named = await scanIn(dir, ['generated/leak.cjs']);
    expect(named.stdout).toContain('generated/leak.cjs is ignored by eslint.config.js');
  });

  it('--config names the file to read; --strict applies only where the config does not decide', async () => {
    const dir = project({
      'configs/lenient.js': configWith(`  { rules: { '${GROWTH}': ['error', { allow: ['seen'] }] } },\n`),
      'package.json': '{ "type": "module" }',
      'a.cjs': LEAKY_CJS,
    });
    // The config file lives in configs/: a.cjs is outside its directory, so its options cannot speak for it.
    const outside = await scanIn(dir, ['--config', 'configs/lenient.js', '--format', 'json']);
    expect(ruleIds(outside.stdout)).toEqual([GROWTH]);
    expect(outside.stderr).toContain('1 files outside the directory of --config');
    fs.copyFileSync(path.join(dir, 'configs/lenient.js'), path.join(dir, 'lenient.config.js'));
    const inside = await scanIn(dir, ['--config', 'lenient.config.js', '--format', 'json', '--strict']);
    expect(ruleIds(inside.stdout)).toEqual([]);
  });

  it('a config that cannot be loaded: named once, and the scan goes on; with --config it is exit 2', async () => {
    const dir = project({
      'eslint.config.js': `import missing from 'eslint-plugin-not-installed';\nexport default [missing];\n`,
      'package.json': '{ "type": "module" }',
      'a.cjs': LEAKY_CJS,
      'b.cjs': LEAKY_CJS,
    });
    const looked = await scanIn(dir, []);
    expect(looked.stderr.trim().split('\n')).toHaveLength(1);
    expect(looked.stderr).toContain('cannot load eslint.config.js');
    expect(looked.stdout).toContain(`3 files, 2 handlers, 2 findings (${GROWTH}: 2)`);
    // Several broken configs (a checkout without node_modules): one line, and --verbose for the list.
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.copyFileSync(path.join(dir, 'eslint.config.js'), path.join(dir, 'sub/eslint.config.js'));
    fs.copyFileSync(path.join(dir, 'a.cjs'), path.join(dir, 'sub/a.cjs'));
    const two = await scanIn(dir, []);
    expect(two.stderr.trim().split('\n')).toHaveLength(1);
    expect(two.stderr).toContain('cannot load 2 ESLint configs');
    expect((await scanIn(dir, ['--verbose'])).stderr.trim().split('\n')).toHaveLength(2);
    const named = await scanIn(dir, ['--config', 'eslint.config.js']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('cannot load --config eslint.config.js');
    expect(named.stdout).toBe('');
  });

  it('reports a settings mistake once per run, not once per file', async () => {
    const files: Record<string, string> = {
      'eslint.config.js': configWith(`  { settings: { 'handler-state': { handler: ['main'] } } },\n`),
      'package.json': '{ "type": "module" }',
    };
    for (let index = 0; index < 5; index++) files[`src/f${index}.mjs`] = CLEAN_ESM;
    const dir = project(files);
    const run = await scanIn(dir, ['--format', 'json']);
    const messages = json(run.stdout).flatMap((result) => result.messages);
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('unknown key "handler"');
    expect((await scanIn(dir, [])).stdout).toContain('settings problems shown once (they apply to 5 more files)');
  });
});

describe('command-line conventions', () => {
  it('--format stylish is the human format; --version prints the version', async () => {
    const dir = project({ 'a.js': LEAKY_CJS });
    const stylish = await scanIn(dir, ['--format', 'stylish']);
    const human = await scanIn(dir, []);
    expect(stylish.stdout).toBe(human.stdout);
    const version = await scanIn(dir, ['--version']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
    expect(version.code).toBe(0);
  });

  it('--quiet reports errors only; --ignore-pattern skips what it matches', async () => {
    const dir = project({
      '.gitignore': 'scratch.js\n',
      'scratch.js': LEAKY_CJS,
      'a.js': LEAKY_CJS,
      'legacy/b.js': LEAKY_CJS,
    });
    const quiet = await scanIn(dir, ['a.js', 'scratch.js', '--quiet', '--max-warnings', '0']);
    expect(quiet.stdout).not.toContain('  warning  ');
    expect(quiet.stdout).toContain('(1 error, 0 warnings)');
    expect(quiet.code).toBe(1);
    const ignored = await scanIn(dir, ['--ignore-pattern', 'legacy/', '--ignore-pattern', '*.tmp', '--format', 'json']);
    expect(json(ignored.stdout).map((result) => path.relative(dir, result.filePath))).toEqual(['a.js']);
  });

  it.each([
    [['--fromat', 'json'], 'unknown option --fromat (did you mean --format?)'],
    [['--format'], 'option --format needs a value'],
    [['--quiet=yes'], 'option --quiet takes no value'],
    [['-x'], 'unknown option -x'],
    [['--config', 'a.js', '--no-config-lookup'], '--config and --no-config-lookup cannot be used together'],
  ])('explains a bad command line %j in its own words, exit 2', async (argv, message) => {
    const run = await scanIn(project({ 'c.mjs': CLEAN_ESM }), argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`handler-state scan: ${message}`);
    expect(run.stderr).not.toContain('To specify a positional argument');
  });

  it('the bin with no command prints the usage on stderr and exits 2', () => {
    const run = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: handler-state <command>');
  });

  it('the bin under the package name runs the same command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      name: string;
      bin: Record<string, string>;
    };
    expect(manifest.bin[manifest.name]).toBe(manifest.bin['handler-state']);
  });

  it('says once that .eslintignore is not read, whatever the number of ESLint instances', async () => {
    const dir = project({
      '.eslintignore': 'a.js\n',
      'package.json': '{ "type": "commonjs" }',
      'a.js': LEAKY_CJS,
      'b.js': 'export const handler = async () => 1;\n',
    });
    const run = await scanIn(dir, []);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('.eslintignore is not read');
  });
});

describe('manifests', () => {
  it('sums up skipped manifests in one stderr line; --verbose lists them', async () => {
    const files: Record<string, string> = { 'package.json': '{}', 'src/ok.mjs': CLEAN_ESM };
    for (const name of ['a', 'b', 'c', 'd']) {
      files[`${name}/serverless.yml`] =
        `service: ${name}\nprovider:\n  name: google\nfunctions:\n  f:\n    handler: http\n`;
    }
    const dir = project(files);
    const run = await scanIn(dir, []);
    expect(run.stderr).toBe(
      'handler-state scan: manifest: 4 manifest problems in 4 manifests (unsupported provider: 4); --verbose lists them\n',
    );
    const verbose = await scanIn(dir, ['--verbose']);
    expect(verbose.stderr.trim().split('\n')).toHaveLength(4);
    expect(verbose.stderr).toContain('a/serverless.yml: provider "google" is not supported');
  });

  it('reads the manifests of the scanned project, not those of the working directory’s other projects', async () => {
    const outer = project({
      // Another project next to the scanned one declares a handler in it; it is not the scanned project's manifest.
      'other/serverless.yml': 'service: o\nfunctions:\n  f:\n    handler: ../app/src/worker.process\n',
      'app/package.json': '{}',
      'app/src/worker.js': `const jobs = [];\nexports.process = async (payload) => {\n  jobs.push(payload);\n};\n`,
    });
    const run = await scanIn(outer, ['app']);
    expect(run.stdout).toContain('1 file, 0 handlers, 0 findings');
    fs.writeFileSync(
      path.join(outer, 'app/serverless.yml'),
      'service: app\nfunctions:\n  f:\n    handler: src/worker.process\n',
    );
    const own = await scanIn(outer, ['app']);
    expect(own.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)`);
  });
});
