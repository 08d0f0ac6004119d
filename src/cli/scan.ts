// `handler-state scan [paths]`: lints a project with the plugin's rules through the ESLint API, no config file needed.
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../index.js';
import { REPO_URL } from '../util/create-rule.js';
import { formatBytes, readTextFile } from '../util/read-file.js';
import { discoverHandlers, escapeGlob, problemLines, type DiscoveryProblem } from './discover.js';
import { collectFiles, describeError, type PathProblem } from './files.js';
import { formatHuman } from './format-human.js';
import { formatJson } from './format-json.js';
import { formatSarif } from './format-sarif.js';
import { lintFile, Linters, sourceTypeFinder } from './linters.js';
import { projectRoot, ProjectConfigs } from './project.js';
import { isWithin } from './walk.js';
import type { CliIO, ParsedScanArgs, ScanOptions } from './scan-command.js';
import {
  dropWarnings,
  isFatalProblem,
  keepOwnMessages,
  problemResult,
  settingsOnce,
  shownPath,
  summaryLine,
  totals,
  type RuleInfo,
  type ScanReport,
} from './scan-report.js';

import { EXIT_FATAL, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';

export { EXIT_FATAL, EXIT_FINDINGS, EXIT_OK } from './exit-codes.js';

/** Source files larger than this are not linted (a generated bundle of that size would take ESLint minutes). */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

function ruleInfos(): Map<string, RuleInfo> {
  const infos = new Map<string, RuleInfo>();
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const docs = rule.meta?.docs;
    infos.set(`handler-state/${name}`, { description: docs?.description ?? name, url: docs?.url ?? '' });
  }
  return infos;
}

function shouldColor(io: CliIO, requested: boolean | undefined, toFile: boolean): boolean {
  if (requested !== undefined) return requested;
  if (toFile) return false;
  const env = io.env ?? {};
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** A one-line "scanning n/m" on a TTY stderr once the scan has taken longer than the delay; silent otherwise. */
function progressReporter(io: CliIO, total: number, delayMs: number) {
  const enabled = io.stderr.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let shown = false;
  return {
    tick(done: number): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < delayMs || now - lastDraw < 100) return;
      lastDraw = now;
      shown = true;
      io.stderr.write(`\r\u001b[2Khandler-state: scanning ${done}/${total} files…`);
    },
    done(): void {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}

/**
 * Builds ESLint instances while holding back ESLint's ".eslintignore is not supported" warning, which it prints
 * once per instance; the scan says it once, in its own words.
 */
function eslintFactory(onIgnoreFileWarning: () => void): (options: ESLint.Options) => ESLint {
  return (options) => {
    // Kept to put the very same function back, and called with `.call(process)`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const original = process.emitWarning;
    process.emitWarning = (warning: string | Error, ...rest: unknown[]) => {
      const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
      const name = warning instanceof Error ? warning.name : undefined;
      if (type === 'ESLintIgnoreWarning' || name === 'ESLintIgnoreWarning') {
        onIgnoreFileWarning();
        return;
      }
      (original as (...args: unknown[]) => void).call(process, warning, ...rest);
    };
    try {
      return new ESLint(options);
    } finally {
      process.emitWarning = original;
    }
  };
}

/** The `settings['handler-state'].handlers` entries that a project's manifests declare, as absolute globs. */
interface ManifestHandlers {
  root: string;
  handlers: Array<{ files: string[]; names: string[] }>;
}

/**
 * Handlers declared in the manifests of each scanned project. Manifests are looked for under the project root
 * only; problems are kept for manifests that concern the scanned paths (inside them, or above them: a root
 * serverless.yml when scanning `src`).
 */
async function manifestHandlers(
  roots: readonly string[],
  scanned: readonly string[],
  cwd: string,
): Promise<{ byRoot: ManifestHandlers[]; problems: DiscoveryProblem[]; failures: string[] }> {
  const byRoot: ManifestHandlers[] = [];
  const problems: DiscoveryProblem[] = [];
  const failures: string[] = [];
  for (const root of roots) {
    let discovered: Awaited<ReturnType<typeof discoverHandlers>>;
    try {
      discovered = await discoverHandlers(root);
    } catch (error) {
      failures.push(`${root}: ${describeError(error)}`);
      continue;
    }
    const related = (manifest: string): boolean => {
      const manifestDir = path.dirname(path.resolve(root, manifest));
      return scanned.some((target) => isWithin(target, manifestDir) || isWithin(manifestDir, target));
    };
    for (const problem of discovered.problems) {
      if (!related(problem.manifest)) continue;
      // Named from where the scan runs, as every other path it prints.
      const shown = shownPath(cwd, path.resolve(root, problem.manifest));
      problems.push({ ...problem, manifest: shown || problem.manifest });
    }
    const names = new Map<string, Set<string>>();
    for (const entry of discovered.entries) {
      const file = path.resolve(root, entry.file);
      let set = names.get(file);
      if (!set) names.set(file, (set = new Set()));
      set.add(entry.exportName);
    }
    const handlers = [...names].map(([file, exportNames]) => ({
      files: [escapeGlob(file.split(path.sep).join('/'))],
      names: [...exportNames].sort(),
    }));
    if (handlers.length > 0) byRoot.push({ root, handlers });
  }
  return { byRoot, problems, failures };
}

/**
 * The settings one file is linted with: the project's `settings['handler-state']` plus the handlers its manifests
 * declare. A malformed project block is passed on untouched, so the plugin names what is wrong with it. The scan
 * parses without type information, so `typeAware` is dropped.
 */
function mergeSettings(project: unknown, declared: ManifestHandlers['handlers'] | undefined): unknown {
  if (project === undefined) return declared ? { handlers: declared } : undefined;
  if (typeof project !== 'object' || project === null || Array.isArray(project)) return project;
  const { typeAware: _typeAware, ...rest } = project as Record<string, unknown>;
  if (!declared) return rest;
  if (rest.handlers === undefined) return { ...rest, handlers: declared };
  if (!Array.isArray(rest.handlers)) return rest;
  return { ...rest, handlers: [...(rest.handlers as unknown[]), ...declared] };
}

/** The longest common directory of absolute paths. */
function commonDirectory(paths: readonly string[]): string {
  if (paths.length === 0) return path.parse(process.cwd()).root;
  let common = paths[0];
  for (const candidate of paths.slice(1)) {
    while (!isWithin(common, candidate)) {
      const parent = path.dirname(common);
      if (parent === common) break;
      common = parent;
    }
  }
  return common;
}

/** Runs a scan whose arguments have been checked; resolves to the exit code. */
export async function scan(args: ParsedScanArgs, io: CliIO, options: ScanOptions): Promise<number> {
  const cwd = path.resolve(io.cwd);
  const note = (text: string): void => {
    io.stderr.write(`handler-state scan: ${text}\n`);
  };
  let ignoreFileWarned = false;
  const createESLint = eslintFactory(() => {
    if (ignoreFileWarned) return;
    ignoreFileWarned = true;
    note(
      '.eslintignore is not read (flat config has no ignore file); .gitignore, --ignore-pattern and the ignores of eslint.config.* apply',
    );
  });

  const configs = new ProjectConfigs(args.config, cwd, createESLint);
  if (args.config.kind === 'file') {
    const configFile = path.resolve(cwd, args.config.file);
    const problem = await configs.check(configFile);
    if (problem !== undefined) {
      io.stderr.write(`handler-state scan: cannot load --config ${args.config.file}: ${problem}\n`);
      return EXIT_FATAL;
    }
  }

  const collected = collectFiles(args.paths, cwd, { ignorePatterns: args.ignorePatterns });
  const pathProblems: PathProblem[] = [...collected.problems];
  for (const problem of collected.ignoreProblems) {
    note(`${shownPath(cwd, problem.origin)} is not read (${problem.problem}); its patterns do not apply`);
  }

  // Each scanned path belongs to a project; the project, never the working directory, bounds what is read.
  const targets = args.paths.map((input) => path.resolve(cwd, input)).filter((target) => fs.existsSync(target));
  const rootOfTarget = new Map(targets.map((target) => [target, projectRoot(target)]));
  const roots = [...new Set(rootOfTarget.values())].sort();
  const rootOf = (file: string): string => {
    let best: string | undefined;
    for (const target of targets) {
      if (isWithin(target, file) && (best === undefined || target.length > best.length)) best = target;
    }
    return best !== undefined ? rootOfTarget.get(best)! : projectRoot(file);
  };

  let declared: ManifestHandlers[] = [];
  if (args.manifests) {
    const found = await manifestHandlers(roots, targets, cwd);
    declared = found.byRoot;
    for (const line of problemLines(found.problems, 'manifest: ', args.verbose)) note(line);
    for (const failure of found.failures)
      note(`reading deployment manifests failed, scanning without them: ${failure}`);
  }
  const declaredFor = (file: string): ManifestHandlers['handlers'] | undefined => {
    let best: ManifestHandlers | undefined;
    for (const entry of declared) {
      if (isWithin(entry.root, file) && (best === undefined || entry.root.length > best.root.length)) best = entry;
    }
    return best?.handlers;
  };

  const linters = new Linters(args.strict, createESLint);
  const sourceTypeOf = sourceTypeFinder();
  const named = new Set(targets);
  const ruleIds = new Set(Object.keys(plugin.rules).map((name) => `handler-state/${name}`));

  let results: ESLint.LintResult[] = [];
  const sources = new Map<string, string>();
  const progress = progressReporter(io, collected.files.length, options.progressDelayMs ?? 1000);
  let filesScanned = 0;
  let ignoredByConfig = 0;
  for (const [index, file] of collected.files.entries()) {
    progress.tick(index);
    const decisions = await configs.decisionsFor(file);
    if (decisions?.ignored) {
      if (named.has(file)) {
        pathProblems.push({
          path: file,
          kind: 'ignored',
          message: `${shownPath(cwd, file)} is ignored by ${shownPath(cwd, decisions.configFile)}`,
        });
      } else ignoredByConfig++;
      continue;
    }
    const read = readTextFile(file, MAX_SOURCE_BYTES);
    if (!read.ok) {
      const hint = read.problem.startsWith('larger than')
        ? `; the scan reads files up to ${formatBytes(MAX_SOURCE_BYTES)} (skip it with --ignore-pattern)`
        : '';
      pathProblems.push({ path: file, kind: 'unreadable', message: `Cannot read file: ${read.problem}${hint}` });
      continue;
    }
    const setup = {
      baseDir: decisions?.baseDir ?? rootOf(file),
      rules: decisions?.rules,
      settings: mergeSettings(decisions?.settings, declaredFor(file)),
    };
    let result: ESLint.LintResult | undefined;
    try {
      result = await lintFile(linters, setup, file, read.text, sourceTypeOf);
    } catch (error) {
      // The project's options for the plugin's rules can be invalid for this version of it: ESLint refuses the config.
      const from = decisions ? ` with the options in ${shownPath(cwd, decisions.configFile)}` : '';
      pathProblems.push({
        path: file,
        kind: 'failed',
        message: `Cannot lint the file${from}: ${describeError(error).split('\n')[0]}`,
      });
      continue;
    }
    if (!result) continue;
    filesScanned++;
    const kept = keepOwnMessages(result, ruleIds);
    // Code frames and fingerprints need the text of the files that have messages; a large repository's other
    // files are not held until the end of the run.
    if (kept.messages.length > 0) sources.set(file, read.text);
    results.push(kept);
  }
  progress.done();

  // A checkout without its dependencies installed cannot load its configs; one line says so, --verbose lists them.
  const shownConfig = (file: string): string => shownPath(cwd, file);
  if (configs.problems.length === 1 || (args.verbose && configs.problems.length > 1)) {
    for (const problem of configs.problems) {
      note(
        `cannot load ${shownConfig(problem.configFile)} (${problem.message}); its files were scanned with the scan's own config (--no-config-lookup skips the lookup)`,
      );
    }
  } else if (configs.problems.length > 1) {
    const [first] = configs.problems;
    note(
      `cannot load ${configs.problems.length} ESLint configs (the first, ${shownConfig(first.configFile)}: ${first.message}); their files were scanned with the scan's own config; --verbose lists them, --no-config-lookup skips the lookup`,
    );
  }
  if (configs.outside.length > 0) {
    note(`${configs.outside.length} files outside the directory of --config were scanned without its options`);
  }

  // A directory that exists but holds nothing to scan is as suspicious to a CI gate as a missing one.
  if (collected.files.length === 0 && collected.problems.length === 0) {
    for (const input of args.paths) {
      pathProblems.push({
        path: path.resolve(cwd, input),
        kind: 'missing',
        message: `No JavaScript or TypeScript files to scan in ${input}`,
      });
    }
  }
  for (const problem of pathProblems) results.push(problemResult(problem));
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  const once = settingsOnce(results, 'settingsError');
  results = once.results;
  if (args.quiet) results = results.map(dropWarnings);

  const report: ScanReport = {
    cwd,
    root: results.every((result) => isWithin(cwd, result.filePath)) ? cwd : commonDirectory(roots),
    results,
    sources,
    filesScanned,
    handlersByFile: linters.handlerCounts,
    pathProblems,
    ignoredByConfig,
    settingsRepeats: once.repeats,
    rules: ruleInfos(),
    tool: {
      name: plugin.meta.name,
      version: plugin.meta.version,
      informationUri: REPO_URL,
    },
  };

  const toFile = args.outputFile !== undefined;
  const output =
    args.format === 'json'
      ? `${formatJson(report)}\n`
      : args.format === 'sarif'
        ? formatSarif(report)
        : formatHuman(report, { color: shouldColor(io, args.color, toFile) });
  if (toFile) {
    const target = path.resolve(cwd, args.outputFile as string);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output);
    } catch (error) {
      io.stderr.write(`handler-state scan: cannot write ${args.outputFile}: ${describeError(error)}\n`);
      return EXIT_FATAL;
    }
  } else {
    io.stdout.write(output);
  }
  // stdout holds the report and nothing else; the summary goes where a person is looking.
  if ((toFile || args.format === 'json' || args.format === 'sarif') && io.stderr.isTTY === true) {
    io.stderr.write(`${summaryLine(report)}\n`);
  }

  const sums = totals(report);
  const tooManyWarnings = args.maxWarnings >= 0 && sums.warningCount > args.maxWarnings;
  if (tooManyWarnings && sums.errorCount === 0) {
    io.stderr.write(`handler-state scan found too many warnings (maximum: ${args.maxWarnings}).\n`);
  }
  if (pathProblems.some(isFatalProblem)) return EXIT_FATAL;
  // A file whose analysis could not finish may hide findings: a CI gate must not pass it as clean.
  if (sums.incompleteCount > 0) return EXIT_FATAL;
  if (sums.errorCount > 0 || tooManyWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
