#!/usr/bin/env node
// Runs the built plugin's rules under oxlint's JS plugin host and under ESLint on the same fixtures; diffs the findings.
//
// Usage: node scripts/oxlint-parity.mjs [--config strict|recommended] [--plugin dist/index.js] [--json] [paths...]
//   default paths: test/fixtures/handlers; default config: strict (every rule); default plugin: the built dist/.
// Exit codes: 0 same findings; 1 findings differ; 2 a run failed (no dist/, oxlint or ESLint crashed);
//             3 this oxlint cannot load JS plugins at all (checked with a one-rule probe plugin first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_ENTRY = path.join(REPO_ROOT, 'dist/index.js');
// The CLI's walker and argument parser, from the build: one of each for src/cli, bench and scripts.
const { walkFiles } = await import(pathToFileURL(path.join(REPO_ROOT, 'dist/cli/walk.js')).href);
const { parseCommandLine } = await import(pathToFileURL(path.join(REPO_ROOT, 'dist/cli/args.js')).href);
// oxlint is not a devDependency: its package lists a native binding per platform as optional dependencies, and a
// lockfile written on one machine cannot satisfy `npm ci` elsewhere. The script installs this pinned version into
// node_modules/.cache on first use (or uses OXLINT_BIN).
const OXLINT_VERSION = '1.94.0';
const OXLINT_PREFIX = path.join(REPO_ROOT, 'node_modules/.cache/handler-state-oxlint', OXLINT_VERSION);
const OXLINT_BIN = process.env.OXLINT_BIN ?? path.join(OXLINT_PREFIX, 'node_modules/.bin/oxlint');

function ensureOxlint() {
  if (existsSync(OXLINT_BIN) || process.env.OXLINT_BIN) return;
  mkdirSync(OXLINT_PREFIX, { recursive: true });
  writeFileSync(path.join(OXLINT_PREFIX, 'package.json'), '{ "private": true }\n');
  const install = spawnSync(
    'npm',
    ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `oxlint@${OXLINT_VERSION}`],
    { cwd: OXLINT_PREFIX, encoding: 'utf8' },
  );
  if (install.status !== 0) fail(`could not install oxlint@${OXLINT_VERSION}: ${install.stderr.trim()}`);
}
const NAMESPACE = 'handler-state';
const LINTED_EXTENSIONS = new Set(['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts']);

const USAGE =
  'node scripts/oxlint-parity.mjs [--config strict|recommended] [--plugin dist/index.js] [--json] [paths...]';

function parseArgs(argv) {
  let parsed;
  try {
    parsed = parseCommandLine(argv, {
      config: { type: 'string' },
      plugin: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const options = {
    config: values.config ?? 'strict',
    json: values.json ?? false,
    plugin: values.plugin ? path.resolve(values.plugin) : DEFAULT_ENTRY,
    paths: positionals.length > 0 ? positionals : ['test/fixtures/handlers'],
  };
  if (!['strict', 'recommended'].includes(options.config)) fail(`unknown --config ${options.config}`);
  return options;
}

class ParityError extends Error {
  constructor(message, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

function fail(message, exitCode = 2) {
  throw new ParityError(message, exitCode);
}

/** Files the comparison covers: the same explicit list goes to both linters, so file discovery cannot differ. */
function collectFiles(paths) {
  const files = [];
  const wanted = (file) => LINTED_EXTENSIONS.has(path.extname(file)) && !path.basename(file).startsWith('.');
  for (const p of paths) {
    const abs = path.resolve(REPO_ROOT, p);
    if (!existsSync(abs)) fail(`no such path: ${p}`);
    if (!statSync(abs).isDirectory()) {
      if (wanted(abs)) files.push(abs);
      continue;
    }
    files.push(
      ...walkFiles(abs, {
        initial: true,
        skipDirectories: ['node_modules'],
        skipDotDirectories: true,
        keepFile: wanted,
      }),
    );
  }
  return files;
}

function runOxlint(configPath, files, cwd) {
  const child = spawnSync(OXLINT_BIN, ['--config', configPath, '--format', 'json', ...files], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(child.stdout);
  } catch {
    return { ok: false, status: child.status, stdout: child.stdout, stderr: child.stderr };
  }
  return { ok: true, status: child.status, report, stderr: child.stderr };
}

/** Probe: can this oxlint load any JS plugin? A one-rule plugin that reports every Program. */
function oxlintCanLoadJsPlugins(tmp) {
  writeFileSync(
    path.join(tmp, 'probe-plugin.mjs'),
    [
      "export default { meta: { name: 'probe' }, rules: { program: {",
      "  meta: { type: 'problem', messages: { hit: 'probe' }, schema: [] },",
      "  create(context) { return { Program(node) { context.report({ node, messageId: 'hit' }); } }; },",
      '} } };',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(tmp, 'probe.oxlintrc.json'),
    JSON.stringify({
      plugins: [],
      categories: { correctness: 'off' },
      jsPlugins: [{ name: 'probe', specifier: pathToFileURL(path.join(tmp, 'probe-plugin.mjs')).href }],
      rules: { 'probe/program': 'error' },
    }),
  );
  writeFileSync(path.join(tmp, 'sample.js'), 'export const x = 1;\n');
  const run = runOxlint(path.join(tmp, 'probe.oxlintrc.json'), [path.join(tmp, 'sample.js')], tmp);
  if (!run.ok) return { ok: false, detail: `${run.stderr}${run.stdout ?? ''}`.trim() };
  const hit = run.report.diagnostics?.some((d) => d.code === 'probe(program)');
  return hit ? { ok: true } : { ok: false, detail: 'the probe rule did not report' };
}

const DIAGNOSTIC_CODE = /^([^()]+)\(([^()]+)\)$/u;

function oxlintFindings(report, cwd) {
  const findings = [];
  const foreign = [];
  for (const diagnostic of report.diagnostics ?? []) {
    const match = DIAGNOSTIC_CODE.exec(diagnostic.code ?? '');
    const file = path.resolve(cwd, diagnostic.filename ?? '');
    const span = diagnostic.labels?.[0]?.span;
    if (match && match[1] === NAMESPACE && span) {
      findings.push({ file, line: span.line, column: span.column, rule: match[2], message: diagnostic.message });
    } else {
      foreign.push({ file, code: diagnostic.code ?? '(none)', message: diagnostic.message });
    }
  }
  return { findings, foreign };
}

async function eslintFindings(plugin, configName, files) {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfigFile: true,
    overrideConfig: [...plugin.configs[configName]],
  });
  const results = await eslint.lintFiles(files);
  const findings = [];
  const foreign = [];
  for (const result of results) {
    for (const message of result.messages) {
      if (message.ruleId?.startsWith(`${NAMESPACE}/`)) {
        findings.push({
          file: result.filePath,
          line: message.line,
          column: message.column,
          rule: message.ruleId.slice(NAMESPACE.length + 1),
          message: message.message,
        });
      } else {
        foreign.push({ file: result.filePath, code: message.ruleId ?? '(fatal)', message: message.message });
      }
    }
  }
  return { findings, foreign, version: ESLint.version };
}

const keyOf = (f) => `${f.line}:${f.column} ${f.rule}`;

function compare(files, eslint, oxlint) {
  const rows = [];
  let mismatches = 0;
  for (const file of files) {
    const e = new Map(eslint.filter((f) => f.file === file).map((f) => [keyOf(f), f]));
    const o = new Map(oxlint.filter((f) => f.file === file).map((f) => [keyOf(f), f]));
    const onlyEslint = [...e.keys()].filter((k) => !o.has(k)).sort();
    const onlyOxlint = [...o.keys()].filter((k) => !e.has(k)).sort();
    const messageDiffs = [...e.keys()]
      .filter((k) => o.has(k) && e.get(k).message !== o.get(k).message)
      .map((k) => ({ key: k, eslint: e.get(k).message, oxlint: o.get(k).message }));
    const same = onlyEslint.length === 0 && onlyOxlint.length === 0 && messageDiffs.length === 0;
    if (!same) mismatches++;
    rows.push({
      file: path.relative(REPO_ROOT, file),
      eslint: e.size,
      oxlint: o.size,
      same,
      onlyEslint,
      onlyOxlint,
      messageDiffs,
    });
  }
  return { rows, mismatches };
}

function printTable(rows, header) {
  const width = Math.max(4, ...rows.map((r) => r.file.length));
  console.log(header);
  console.log(`${'file'.padEnd(width)}  eslint  oxlint  result`);
  console.log(`${'-'.repeat(width)}  ------  ------  ------`);
  for (const row of rows) {
    console.log(
      `${row.file.padEnd(width)}  ${String(row.eslint).padStart(6)}  ${String(row.oxlint).padStart(6)}  ${row.same ? 'same' : 'DIFFERENT'}`,
    );
    for (const k of row.onlyEslint) console.log(`${' '.repeat(width)}    only ESLint: ${k}`);
    for (const k of row.onlyOxlint) console.log(`${' '.repeat(width)}    only oxlint: ${k}`);
    for (const d of row.messageDiffs)
      console.log(
        `${' '.repeat(width)}    message differs at ${d.key}:\n      eslint: ${d.eslint}\n      oxlint: ${d.oxlint}`,
      );
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const DIST_ENTRY = options.plugin;
  if (!existsSync(DIST_ENTRY)) fail(`${path.relative(REPO_ROOT, DIST_ENTRY)} is missing: run \`npm run build\` first`);
  ensureOxlint();
  if (!existsSync(OXLINT_BIN)) fail(`oxlint is missing at ${OXLINT_BIN}`);

  const oxlintVersion = spawnSync(OXLINT_BIN, ['--version'], { encoding: 'utf8' })
    .stdout.trim()
    .replace(/^Version:\s*/u, 'oxlint ');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'handler-state-oxlint-'));
  try {
    const probe = oxlintCanLoadJsPlugins(tmp);
    if (!probe.ok) fail(`${oxlintVersion} cannot load JS plugins on this machine: ${probe.detail}`, 3);

    let plugin;
    try {
      plugin = (await import(pathToFileURL(DIST_ENTRY).href)).default;
    } catch (error) {
      fail(`the built plugin does not load: ${error instanceof Error ? error.message : String(error)}`);
    }

    // The same rules at the same levels as the ESLint config; oxlint's own rules are switched off.
    const rules = Object.fromEntries(
      plugin.configs[options.config]
        .flatMap((config) => Object.entries(config.rules ?? {}))
        .filter(([name]) => name.startsWith(`${NAMESPACE}/`)),
    );
    const configPath = path.join(tmp, '.oxlintrc.json');
    writeFileSync(
      configPath,
      JSON.stringify(
        {
          plugins: [],
          categories: { correctness: 'off' },
          jsPlugins: [{ name: NAMESPACE, specifier: pathToFileURL(DIST_ENTRY).href }],
          rules,
        },
        null,
        2,
      ),
    );

    const files = collectFiles(options.paths);
    if (files.length === 0) fail('no files to lint');

    const ox = runOxlint(configPath, files, REPO_ROOT);
    if (!ox.ok) fail(`oxlint printed no JSON report (exit ${ox.status}):\n${ox.stderr}\n${ox.stdout}`);
    const oxlint = oxlintFindings(ox.report, REPO_ROOT);
    const eslint = await eslintFindings(plugin, options.config, files);
    const { rows, mismatches } = compare(files, eslint.findings, oxlint.findings);
    const summary = {
      config: options.config,
      oxlint: oxlintVersion,
      eslint: eslint.version,
      files: files.length,
      rules: Object.keys(rules),
      findings: { eslint: eslint.findings.length, oxlint: oxlint.findings.length },
      mismatchedFiles: mismatches,
      // Diagnostics that are not plugin findings: parse errors, plugin load errors, rule crashes.
      foreign: { eslint: eslint.foreign, oxlint: oxlint.foreign },
      stderr: ox.stderr.trim(),
      rows,
    };

    if (options.json) console.log(JSON.stringify(summary, null, 2));
    else {
      printTable(rows, `${options.config} config, ${files.length} files: ESLint ${eslint.version} vs ${oxlintVersion}`);
      console.log(
        `\nfindings: ESLint ${eslint.findings.length}, oxlint ${oxlint.findings.length}; files that differ: ${mismatches}`,
      );
      for (const [host, list] of Object.entries(summary.foreign)) {
        for (const item of list)
          console.log(
            `${host} non-plugin diagnostic: ${path.relative(REPO_ROOT, item.file)} ${item.code}: ${item.message}`,
          );
      }
      if (summary.stderr) console.log(`oxlint stderr:\n${summary.stderr}`);
    }
    const clean = mismatches === 0 && eslint.foreign.length === 0 && oxlint.foreign.length === 0;
    process.exitCode = clean ? 0 : 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof ParityError)) throw error;
  console.error(`oxlint-parity: ${error.message}`);
  process.exitCode = error.exitCode;
}
