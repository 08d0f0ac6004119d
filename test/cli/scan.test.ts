// The zero-config scan: files it picks, formats it writes, exit codes, per-path problems and the summary line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type { Log } from 'sarif';
import { afterEach, describe, expect, it, vi } from 'vitest';
import plugin from '../../src/index.js';
import { codeFrame } from '../../src/cli/format-human.js';
import { makeProject } from '../helpers/temp.js';
import { CLEAN_ESM, LEAKY_CJS, LEAKY_TS, scanIn } from './helpers.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const GROWTH = 'handler-state/no-unbounded-growth';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('what the scan lints', () => {
  it('lints CommonJS, ESM and TypeScript handlers with no ESLint config in the project', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS, 'src/b.ts': LEAKY_TS, 'c.mjs': CLEAN_ESM });
    const run = await scanIn(dir, []);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('a.js\n  5:3  error');
    expect(run.stdout).toContain('src/b.ts\n  4:3  error');
    expect(run.stdout).not.toContain('c.mjs');
    expect(run.stdout).toContain(`3 files, 3 handlers, 2 findings (${GROWTH}: 2)`);
    expect(run.stderr).toBe('');
  });

  it('exits 0 on a clean project and still prints the summary', async () => {
    const dir = makeProject({ 'c.mjs': CLEAN_ESM, 'README.md': '# not code' });
    const run = await scanIn(dir, []);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('1 file, 1 handler, 0 findings\n');
  });

  it('skips node_modules and build output at any depth', async () => {
    const skipped = ['node_modules', 'dist', 'build', '.next', '.serverless', '.aws-sam', 'cdk.out', 'coverage'];
    const files: Record<string, string> = { 'src/ok.mjs': CLEAN_ESM };
    for (const name of skipped) {
      files[`${name}/leak.js`] = LEAKY_CJS;
      files[`packages/api/${name}/leak.js`] = LEAKY_CJS;
    }
    const dir = makeProject(files);
    const run = await scanIn(dir, []);
    expect(run.stdout).toBe('1 file, 1 handler, 0 findings\n');
    expect(run.code).toBe(0);
  });

  it('respects .gitignore, nested .gitignore files and negations', async () => {
    const dir = makeProject({
      '.gitignore': 'generated/\n*.gen.js\n!keep.gen.js\n',
      'generated/leak.js': LEAKY_CJS,
      'src/leak.gen.js': LEAKY_CJS,
      'src/keep.gen.js': LEAKY_CJS,
      'lambda/.gitignore': '/local.js\n',
      'lambda/local.js': LEAKY_CJS,
      'lambda/nested/local.js': LEAKY_CJS,
    });
    const run = await scanIn(dir, ['--format', 'json']);
    const linted = (JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => path.relative(dir, result.filePath));
    expect(linted).toEqual(['lambda/nested/local.js', 'src/keep.gen.js']);
  });

  it('skips type declarations and minified bundles', async () => {
    const dir = makeProject({ 'types.d.ts': 'export declare const x: number;\n', 'vendor.min.js': LEAKY_CJS });
    const run = await scanIn(dir, ['.']);
    // Nothing to scan in an existing directory is treated like a missing path: a CI gate pointed at the wrong
    // directory must not pass silently.
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('No JavaScript or TypeScript files to scan in .');
  });

  it('parses a CommonJS-only .js file even when package.json says "type": "module"', async () => {
    const dir = makeProject({
      'package.json': '{ "type": "module" }',
      // `with` and legacy octal are syntax errors in strict (module) code and fine in a CommonJS script.
      'legacy.js': `var seen = [];\nexports.handler = function (event) {\n  with (event) { seen.push(id); }\n  return 010;\n};\n`,
    });
    const run = await scanIn(dir, ['--format', 'json']);
    const [result] = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(result.fatalErrorCount).toBe(0);
  });

  it('uses handlers declared in serverless.yml, and not with --no-manifests', async () => {
    const handlerFile = `const jobs = [];\nexports.process = async (payload) => {\n  jobs.push(payload);\n  return jobs.length;\n};\n`;
    const dir = makeProject({
      'serverless.yml':
        'service: jobs\nprovider:\n  name: aws\nfunctions:\n  worker:\n    handler: src/worker.process\n',
      'src/worker.js': handlerFile,
    });
    const withManifest = await scanIn(dir, []);
    expect(withManifest.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)`);
    expect(withManifest.code).toBe(1);
    const without = await scanIn(dir, ['--no-manifests']);
    expect(without.stdout).toContain('1 file, 0 handlers, 0 findings');
    expect(without.code).toBe(0);
  });

  it('leaves test files alone, as the disable-in-tests config does', async () => {
    const dir = makeProject({
      'src/a.js': LEAKY_CJS,
      'src/a.test.js': LEAKY_CJS,
      'src/__tests__/b.js': LEAKY_CJS,
      'test/setup.ts': LEAKY_TS,
    });
    const run = await scanIn(dir, []);
    expect(run.stdout).toContain(`4 files, 1 handler, 1 finding (${GROWTH}: 1)`);
    expect(run.stdout).toContain('src/a.js\n');
    expect(run.stdout).not.toContain('a.test.js');
  });

  it('notes manifest problems on stderr only for manifests that concern the scanned paths', async () => {
    const dir = makeProject({
      'api/serverless.yml': 'service: api\nfunctions:\n  gone:\n    handler: src/gone.handler\n',
      'web/serverless.yml': 'service: web\nfunctions:\n  gone:\n    handler: src/gone.handler\n',
      'api/src/ok.mjs': CLEAN_ESM,
      'web/src/ok.mjs': CLEAN_ESM,
    });
    const apiOnly = await scanIn(dir, ['api/src']);
    expect(apiOnly.stderr).toContain('api/serverless.yml: ');
    expect(apiOnly.stderr).not.toContain('web/serverless.yml');
    expect(apiOnly.code).toBe(0);
  });

  it('--strict runs the catch-all rule on every write, not only on overwrites', async () => {
    // An entry the request adds and removes again is not an overwrite: recommended leaves it to strict.
    const dir = makeProject({
      'a.mjs': [
        'const running = new Set();',
        'export const handler = async (event) => {',
        '  running.add(event.jobId);',
        '  await Promise.resolve();',
        '  running.delete(event.jobId);',
        '};',
        'export const load = () => running.size;',
        '',
      ].join('\n'),
    });
    const recommended = await scanIn(dir, ['--format', 'json']);
    const strict = await scanIn(dir, ['--format', 'json', '--strict']);
    const rules = (out: string) =>
      (JSON.parse(out) as ESLint.LintResult[]).flatMap((result) => result.messages.map((m) => m.ruleId));
    expect(rules(recommended.stdout)).not.toContain('handler-state/no-module-state-write');
    expect(rules(strict.stdout)).toContain('handler-state/no-module-state-write');
  });
});

describe('per-path problems', () => {
  it('reports a missing path, scans the rest, and exits 2', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const run = await scanIn(dir, ['a.js', 'does-not-exist']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('does-not-exist\n  error  No such file or directory: does-not-exist');
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1); 1 path not found`);
  });

  it('reports a file that fails to parse as a fatal error of that file and goes on (exit 1)', async () => {
    const dir = makeProject({ 'broken.js': 'exports.handler = (event => {\n', 'a.js': LEAKY_CJS });
    const run = await scanIn(dir, ['--format', 'json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    const broken = results.find((result) => result.filePath.endsWith('broken.js'));
    expect(broken?.fatalErrorCount).toBe(1);
    expect(broken?.messages[0].message).toMatch(/^Parsing error/u);
    expect(results.find((result) => result.filePath.endsWith('a.js'))?.errorCount).toBe(1);
  });

  it('reports an unreadable file, scans the rest, and exits 2', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS, 'locked.js': LEAKY_CJS });
    const locked = path.join(dir, 'locked.js');
    const realOpen = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation((file: fs.PathLike, ...rest: unknown[]) => {
      if (file === locked) {
        throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES' });
      }
      return (realOpen as (...args: unknown[]) => number)(file, ...rest);
    });
    const run = await scanIn(dir, []);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('locked.js\n  error  Cannot read file: permission denied');
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1); 1 path unreadable`);
  });

  it.skipIf(process.getuid?.() === 0)('reports a file without read permission (not as root)', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS, 'locked.js': LEAKY_CJS });
    fs.chmodSync(path.join(dir, 'locked.js'), 0o000);
    const run = await scanIn(dir, []);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('locked.js\n  error  Cannot read file');
  });

  it('warns about an explicitly named ignored file; --max-warnings decides whether that fails', async () => {
    const dir = makeProject({ '.gitignore': 'scratch.js\n', 'scratch.js': LEAKY_CJS, 'c.mjs': CLEAN_ESM });
    const lenient = await scanIn(dir, ['c.mjs', 'scratch.js']);
    expect(lenient.stdout).toContain('scratch.js\n  warning  scratch.js is ignored by .gitignore');
    expect(lenient.code).toBe(0);
    const gated = await scanIn(dir, ['c.mjs', 'scratch.js', '--max-warnings', '0']);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain('too many warnings (maximum: 0)');
    const allowed = await scanIn(dir, ['c.mjs', 'scratch.js', '--max-warnings', '1']);
    expect(allowed.code).toBe(0);
  });
});

describe('usage', () => {
  it.each([[['--format', 'xml']], [['--max-warnings', 'many']], [['--no-such-option']]])(
    'exits 2 on bad arguments %j',
    async (argv) => {
      const dir = makeProject({ 'c.mjs': CLEAN_ESM });
      const run = await scanIn(dir, argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: handler-state scan');
      expect(run.stdout).toBe('');
    },
  );

  it('--help prints usage and exits 0', async () => {
    const run = await scanIn(makeProject({}), ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--max-warnings');
  });

  it('-o writes the report to a file and nothing to stdout; the summary goes to a terminal stderr', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const run = await scanIn(dir, ['--format', 'sarif', '-o', 'reports/scan.sarif']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    const log = JSON.parse(fs.readFileSync(path.join(dir, 'reports/scan.sarif'), 'utf8')) as Log;
    expect(log.runs[0].results).toHaveLength(1);
    const onTerminal = await scanIn(dir, ['-o', 'reports/scan.txt'], { stderr: true });
    expect(onTerminal.stdout).toBe('');
    expect(onTerminal.stderr).toBe(`1 file, 1 handler, 1 finding (${GROWTH}: 1)\n`);
    expect(fs.readFileSync(path.join(dir, 'reports/scan.txt'), 'utf8')).toContain('a.js\n  5:3  error');
  });
});

describe('human format', () => {
  it('writes no color codes when stdout is not a terminal, and colors on a terminal', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const piped = await scanIn(dir, []);
    expect(piped.stdout).not.toContain('\u001b[');
    const tty = await scanIn(dir, [], { stdout: true });
    expect(tty.stdout).toContain('\u001b[31merror\u001b[39m');
  });

  it('shows a code frame with the reported line marked and carets under the write', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const run = await scanIn(dir, []);
    expect(run.stdout).toContain(
      [
        '   3 |',
        '   4 | exports.handler = async (event) => {',
        ' > 5 |   seen.push(event.id);',
        '     |   ^^^^^^^^^^^^^^^^^^^',
        '   6 |   return { statusCode: 200, body: String(seen.length) };',
        '   7 | };',
      ].join('\n'),
    );
  });
});

describe('codeFrame', () => {
  const source = 'one\n\tlet x = 1;\nthree\nfour\nfive\nsix\n';

  it('marks the line, keeps tabs in the caret padding so carets line up', () => {
    const frame = codeFrame(source, { line: 2, column: 6, endLine: 2, endColumn: 7 }, { contextLines: 1 });
    expect(frame).toBe(['   1 | one', ' > 2 | \tlet x = 1;', '     | \t    ^', '   3 | three'].join('\n'));
  });

  it('pads line numbers to the widest one shown', () => {
    const text = Array.from({ length: 12 }, (_, index) => `line${index + 1}`).join('\n');
    const frame = codeFrame(text, { line: 10, column: 1, endLine: 10, endColumn: 6 }, { contextLines: 1 });
    expect(frame).toBe(['    9 | line9', ' > 10 | line10', '      | ^^^^^', '   11 | line11'].join('\n'));
  });

  it('returns nothing for a location outside the text', () => {
    expect(codeFrame(source, { line: 0, column: 0 })).toBe('');
    expect(codeFrame(source, { line: 99, column: 1 })).toBe('');
  });

  it('clips a minified line around the reported column', () => {
    const long = `${'a'.repeat(500)}TARGET${'b'.repeat(500)}`;
    const frame = codeFrame(long, { line: 1, column: 501, endLine: 1, endColumn: 507 });
    const [shown, carets] = frame.split('\n');
    expect(shown.length).toBeLessThan(200);
    expect(shown).toContain('TARGET');
    expect(carets.indexOf('^')).toBe(shown.indexOf('TARGET'));
    expect((carets.match(/\^/gu) ?? []).length).toBe(6);
  });
});

describe('json format', () => {
  it('is the same array ESLint writes for the same files and config', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS, 'src/b.ts': LEAKY_TS });
    const run = await scanIn(dir, ['--format', 'json', '--no-manifests']);
    const ours = JSON.parse(run.stdout) as ESLint.LintResult[];
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        ...(plugin.configs.recommended as never[]),
        { files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } },
      ],
    });
    const formatter = await eslint.loadFormatter('json');
    const theirs = JSON.parse(
      await formatter.format(await eslint.lintFiles(['a.js', 'src/b.ts']), {}),
    ) as ESLint.LintResult[];
    expect(ours.map((result) => Object.keys(result).sort())).toEqual(
      theirs.map((result) => Object.keys(result).sort()),
    );
    expect(ours.map(({ filePath, messages }) => ({ filePath, messages }))).toEqual(
      theirs.map(({ filePath, messages }) => ({ filePath, messages })),
    );
  });

  it('keeps stdout a pure JSON document: the summary goes to a terminal stderr only', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const piped = await scanIn(dir, ['--format', 'json']);
    expect(() => JSON.parse(piped.stdout) as unknown).not.toThrow();
    expect(piped.stderr).toBe('');
    const tty = await scanIn(dir, ['--format', 'json'], { stderr: true });
    expect(tty.stderr).toBe(`1 file, 1 handler, 1 finding (${GROWTH}: 1)\n`);
  });
});

describe('sarif format', () => {
  async function sarifFor(files: Record<string, string>): Promise<{ log: Log; dir: string; code: number }> {
    const dir = makeProject(files);
    const run = await scanIn(dir, ['--format', 'sarif']);
    return { log: JSON.parse(run.stdout) as Log, dir, code: run.code };
  }

  it('describes every rule with its meta: id handler-state/<rule>, description, help URI', async () => {
    const { log } = await sarifFor({ 'a.js': LEAKY_CJS });
    const rules = log.runs[0].tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id).sort()).toEqual(
      Object.keys(plugin.rules)
        .map((name) => `handler-state/${name}`)
        .sort(),
    );
    for (const rule of rules) {
      const meta = plugin.rules[rule.id.replace('handler-state/', '') as keyof typeof plugin.rules].meta;
      expect(rule.shortDescription?.text).toBe(meta?.docs?.description);
      expect(rule.helpUri).toBe(meta?.docs?.url);
      expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\/[a-z-]+\.md$/u);
    }
  });

  it('has the fields GitHub code scanning requires, with relative file URIs and 1-based regions', async () => {
    const { log, code } = await sarifFor({ 'src/a.js': LEAKY_CJS, 'broken.js': 'exports.handler = (event => {\n' });
    expect(code).toBe(1);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/u);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('eslint-plugin-handler-state');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/u);
    const rules = run.tool.driver.rules ?? [];
    expect(run.results).toHaveLength(1);
    for (const result of run.results ?? []) {
      expect(result.ruleId).toBe(GROWTH);
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
      expect(result.level).toBe('error');
      expect(result.message.text).toContain('`seen`');
      const location = result.locations?.[0]?.physicalLocation;
      expect(location?.artifactLocation?.uri).toBe('src/a.js');
      expect(location?.artifactLocation?.uriBaseId).toBe('%SRCROOT%');
      expect(location?.region).toEqual({ startLine: 5, startColumn: 3, endLine: 5, endColumn: 22 });
    }
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toMatch(/^file:\/\/.*\/$/u);
    // The parse error is not a finding: it is a tool execution notification with its location.
    const notifications = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notifications).toHaveLength(1);
    expect(notifications[0].level).toBe('error');
    expect(notifications[0].message.text).toMatch(/^Parsing error/u);
    expect(notifications[0].locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('broken.js');
    expect(run.invocations?.[0]?.executionSuccessful).toBe(true);
  });

  // The official SARIF 2.1.0 schema ships in @microsoft/jest-sarif (a devDependency; lib/schemas/sarif-2.1.0-rtm.5.json).
  const require = createRequire(import.meta.url);
  const schemaPath = path.join(
    path.dirname(require.resolve('@microsoft/jest-sarif/package.json')),
    'lib/schemas/sarif-2.1.0-rtm.5.json',
  );

  it('validates against the SARIF 2.1.0 JSON schema', async () => {
    type Validator = ((data: unknown) => boolean) & { errors?: unknown };
    // The Ajv 6 that jest-sarif itself uses: the schema is draft-04.
    const sarifRequire = createRequire(require.resolve('@microsoft/jest-sarif/package.json'));
    const Ajv = sarifRequire('ajv') as new (options: object) => {
      addMetaSchema(schema: object): void;
      compile(schema: object): Validator;
    };
    const ajv = new Ajv({ schemaId: 'id', meta: false, allErrors: true });
    ajv.addMetaSchema(sarifRequire('ajv/lib/refs/json-schema-draft-04.json') as object);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);
    const { log } = await sarifFor({
      'a.js': LEAKY_CJS,
      'src/b.ts': LEAKY_TS,
      'broken.js': 'exports.handler = (event => {\n',
    });
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe('progress indicator', () => {
  it('draws on a terminal stderr once the scan takes longer than the delay, and clears the line', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS, 'b.js': LEAKY_CJS, 'c.mjs': CLEAN_ESM });
    const run = await scanIn(dir, [], { stderr: true }, { progressDelayMs: 0 });
    expect(run.stderr).toContain('scanning 0/3 files');
    expect(run.stderr.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('stays silent when stderr is piped', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS, 'b.js': LEAKY_CJS });
    const run = await scanIn(dir, [], { stderr: false }, { progressDelayMs: 0 });
    expect(run.stderr).toBe('');
  });

  it('stays silent on a terminal when the scan is quick', async () => {
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const run = await scanIn(dir, [], { stderr: true });
    expect(run.stderr).toBe('');
  });
});

describe('the built bin', () => {
  const bin = path.join(repoRoot, 'dist/cli/index.js');

  it('starts with a shebang and runs scan with piped output: report on stdout, nothing on stderr', () => {
    expect(fs.readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const dir = makeProject({ 'a.js': LEAKY_CJS });
    const run = spawnSync(process.execPath, [bin, 'scan'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)`);
    expect(run.stderr).toBe('');
  });

  it('exits 2 on an unknown command and 0 on --help', () => {
    expect(spawnSync(process.execPath, [bin, 'scna'], { encoding: 'utf8' }).status).toBe(2);
    const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('scan [paths...]');
  });

  it('dispatches discover to the manifest discovery command', () => {
    const dir = makeProject({
      'serverless.yml': 'service: s\nfunctions:\n  f:\n    handler: src/worker.process\n',
      'src/worker.js': 'exports.process = async () => 1;\n',
    });
    const run = spawnSync(process.execPath, [bin, 'discover', dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('src/worker.js');
    expect(run.stdout).toContain('process');
  });
});
