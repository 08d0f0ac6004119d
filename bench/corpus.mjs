// Robustness corpus run: lints node_modules sources with every plugin rule on and counts files, parse errors and rule exceptions.
//
// Usage: node bench/corpus.mjs [--root DIR] [--sample N --seed S] [--time-budget SEC] [--json FILE] [--plugin FILE] [--stress]
//                               [--as-user] [--quiet]
// --stress declares common library export names (STRESS_HANDLER_NAMES) as handlers through the plugin's settings,
// so the write, call and request-data analysis runs on real library functions, not only on handler detection.
// Per file it counts rule exceptions and "analysis incomplete" diagnostics (the target for both is 0). By default
// the debug switch is on, so an analysis failure throws and counts as an exception; --as-user runs as users do,
// where a failure becomes the file's "analysis incomplete" diagnostic.
// Exit code 1 when any rule throws (or any other exception escapes the Linter), 0 otherwise.

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Linter } from 'eslint';
import {
  allRulesOf,
  configFor,
  listSources,
  loadPlugin,
  readCommandLine,
  repo,
  sample,
  sourceTypesFor,
} from './lib.mjs';

const USAGE =
  'node bench/corpus.mjs [--root DIR] [--sample N --seed S] [--time-budget SEC] [--json FILE] [--plugin FILE] [--stress] [--as-user] [--quiet]';

/**
 * The diagnostic a file gets when part of its analysis failed or ran out of budget: message id `analysisIncomplete`
 * ("handler-state could not analyse ./lib/index.js: re-export cycle"). The same shape as the test suites expect
 * (test/helpers/defect-scenarios.ts); nothing matches until the analysis reports such failures.
 */
export function isAnalysisIncomplete(message) {
  return (
    typeof message.ruleId === 'string' &&
    message.ruleId.startsWith('handler-state/') &&
    (message.messageId === 'analysisIncomplete' || /could not analy[sz]e/i.test(message.message ?? ''))
  );
}

/** `node bench/corpus.mjs [--root dir] [--sample n] [--seed n] [--time-budget s] [--json file] [--plugin file] [--quiet] [--stress] [--as-user]` */
export function parseArgs(argv) {
  const { values } = readCommandLine(
    argv,
    {
      root: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      'time-budget': { type: 'string' },
      json: { type: 'string' },
      plugin: { type: 'string' },
      quiet: { type: 'boolean' },
      stress: { type: 'boolean' },
      'as-user': { type: 'boolean' },
    },
    USAGE,
  );
  return {
    root: values.root ? resolve(values.root) : join(repo, 'node_modules'),
    sample: Number(values.sample ?? 0),
    seed: Number(values.seed ?? 1),
    timeBudget: Number(values['time-budget'] ?? 0),
    json: values.json ? resolve(values.json) : null,
    quiet: values.quiet ?? false,
    stress: values.stress ?? false,
    asUser: values['as-user'] ?? false,
    plugin: values.plugin ? resolve(values.plugin) : join(repo, 'dist/index.js'),
  };
}

/** The directory of the plugin build, to recognise its frames in a stack. */
let pluginDir = join(repo, 'dist');

/** Export names that library code uses a lot; with --stress each becomes a handler name in every file. */
export const STRESS_HANDLER_NAMES = [
  'default',
  'parse',
  'format',
  'create',
  'run',
  'main',
  'compile',
  'transform',
  'render',
  'resolve',
  'get',
  'set',
  'load',
  'init',
  'handle',
  'process',
  'validate',
  'normalize',
  'stringify',
  'merge',
  'match',
  'exec',
  'apply',
  'build',
  'read',
  'write',
  'update',
  'add',
  'use',
  'register',
  'visit',
  'walk',
  'emit',
  'print',
  'check',
  'lint',
];

function isRuleException(error) {
  const ruleId = typeof error?.ruleId === 'string' ? error.ruleId : '';
  const stack = String(error?.stack ?? '');
  return ruleId.startsWith('handler-state/') || stack.includes(pluginDir);
}

/**
 * Lints one file's text. Returns { messages, sourceType, parseError } or throws what the Linter threw.
 */
export function lintText(linter, plugin, rules, name, text, settings) {
  let lastFatal = null;
  for (const sourceType of sourceTypesFor(name)) {
    const messages = linter.verify(text, configFor(name, sourceType, rules, plugin, settings), { filename: name });
    const fatal = messages.find((message) => message.fatal);
    if (!fatal) return { messages, sourceType, parseError: null };
    lastFatal = fatal;
  }
  return { messages: [], sourceType: null, parseError: lastFatal };
}

export async function runCorpus(options) {
  // The analysis swallows its own errors for users, so that a lint run never stops; by default every one must
  // surface here. --as-user leaves the switch off and counts the diagnostics users would see instead.
  if (options.asUser) delete process.env.HANDLER_STATE_DEBUG;
  else process.env.HANDLER_STATE_DEBUG = '1';
  const plugin = await loadPlugin(options.plugin);
  pluginDir = resolve(options.plugin, '..');
  const allRules = allRulesOf(plugin);
  const settings = options.stress ? { 'handler-state': { handlers: STRESS_HANDLER_NAMES } } : undefined;
  const all = listSources(options.root);
  const files = sample(all, options.sample, options.seed);
  const linter = new Linter({ cwd: repo });
  const figures = {
    root: relative(repo, options.root) || '.',
    candidates: all.length,
    sample: options.sample || null,
    stress: options.stress,
    asUser: options.asUser,
    seed: options.sample ? options.seed : null,
    files: 0,
    lines: 0,
    bytes: 0,
    asModule: 0,
    asCommonjs: 0,
    parseErrors: 0,
    ruleExceptions: 0,
    otherExceptions: 0,
    /** Files with at least one "analysis incomplete" diagnostic, and the diagnostics. */
    incompleteFiles: 0,
    incompleteDiagnostics: 0,
    findings: Object.fromEntries(Object.keys(allRules).map((id) => [id, 0])),
    stoppedByBudget: false,
    seconds: 0,
    exceptions: [],
    parseErrorFiles: [],
    /** Per file with an exception or an incomplete analysis: `{ file, exceptions, incomplete, messages }`. */
    troubledFiles: [],
    slowest: [],
  };
  const start = performance.now();
  const timings = [];
  for (const file of files) {
    if (options.timeBudget && (performance.now() - start) / 1000 > options.timeBudget) {
      figures.stoppedByBudget = true;
      break;
    }
    let text;
    try {
      if (statSync(file).size === 0) text = '';
      else text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const rel = relative(repo, file);
    figures.files++;
    figures.bytes += Buffer.byteLength(text);
    figures.lines += text.split('\n').length;
    const fileStart = performance.now();
    try {
      const result = lintText(linter, plugin, allRules, file, text, settings);
      if (result.parseError) {
        figures.parseErrors++;
        if (figures.parseErrorFiles.length < 200) {
          figures.parseErrorFiles.push(`${rel}:${result.parseError.line}: ${result.parseError.message}`);
        }
      } else {
        if (result.sourceType === 'module') figures.asModule++;
        else figures.asCommonjs++;
        const incomplete = [];
        for (const message of result.messages) {
          if (isAnalysisIncomplete(message)) incomplete.push(message.message);
          else if (message.ruleId && message.ruleId in figures.findings) figures.findings[message.ruleId]++;
        }
        if (incomplete.length > 0) {
          figures.incompleteFiles++;
          figures.incompleteDiagnostics += incomplete.length;
          figures.troubledFiles.push({ file: rel, exceptions: 0, incomplete: incomplete.length, messages: incomplete });
        }
      }
    } catch (error) {
      const ruleException = isRuleException(error);
      if (ruleException) figures.ruleExceptions++;
      else figures.otherExceptions++;
      figures.troubledFiles.push({
        file: rel,
        exceptions: 1,
        incomplete: 0,
        messages: [String(error?.message ?? error)],
      });
      figures.exceptions.push({
        file: rel,
        kind: ruleException ? 'rule' : 'other',
        ruleId: error?.ruleId ?? null,
        message: String(error?.message ?? error),
        stack: String(error?.stack ?? ''),
      });
    }
    timings.push({ file: rel, ms: performance.now() - fileStart, bytes: Buffer.byteLength(text) });
  }
  figures.seconds = (performance.now() - start) / 1000;
  figures.slowest = timings
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 10)
    .map((t) => ({ file: t.file, ms: Math.round(t.ms), kb: Math.round(t.bytes / 1024) }));
  return figures;
}

function print(figures) {
  const totalFindings = Object.values(figures.findings).reduce((a, b) => a + b, 0);
  const lines = [
    `corpus root         ${figures.root} (${figures.candidates} candidate files)`,
    `stress mode         ${figures.stress ? `on (${STRESS_HANDLER_NAMES.length} export names are handlers)` : 'off'}`,
    `debug switch        ${figures.asUser ? 'off (as users run: failures are diagnostics)' : 'on (failures throw)'}`,
    figures.sample
      ? `sample              ${figures.sample} files, seed ${figures.seed}`
      : 'sample              all files',
    `files linted        ${figures.files}${figures.stoppedByBudget ? ' (stopped by --time-budget)' : ''}`,
    `lines / MB          ${figures.lines} / ${(figures.bytes / 1048576).toFixed(1)}`,
    `parsed as module    ${figures.asModule}`,
    `parsed as commonjs  ${figures.asCommonjs}`,
    `parse errors        ${figures.parseErrors}  (ESLint fatal messages, both source types)`,
    `rule exceptions     ${figures.ruleExceptions}`,
    `other exceptions    ${figures.otherExceptions}`,
    `analysis incomplete ${figures.incompleteFiles} files, ${figures.incompleteDiagnostics} diagnostics (target 0)`,
    `findings            ${totalFindings}`,
    ...Object.entries(figures.findings).map(([id, n]) => `  ${id.padEnd(48)} ${n}`),
    `total time          ${figures.seconds.toFixed(1)} s`,
    'slowest files:',
    ...figures.slowest.map((t) => `  ${String(t.ms).padStart(6)} ms  ${String(t.kb).padStart(6)} KB  ${t.file}`),
  ];
  if (figures.troubledFiles.length > 0) {
    lines.push('files with exceptions or an incomplete analysis (exceptions / incomplete):');
    for (const entry of figures.troubledFiles.slice(0, 50)) {
      lines.push(
        `  ${String(entry.exceptions).padStart(3)} / ${String(entry.incomplete).padStart(3)}  ${entry.file}: ${entry.messages[0]}`,
      );
    }
  }
  console.log(lines.join('\n'));
  for (const exception of figures.exceptions) {
    console.log(`\n${exception.kind.toUpperCase()} EXCEPTION in ${exception.file} (rule ${exception.ruleId ?? '?'})`);
    console.log(exception.stack || exception.message);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const figures = await runCorpus(options);
  if (!options.quiet) print(figures);
  if (options.json) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  process.exitCode = figures.ruleExceptions > 0 ? 1 : 0;
}
