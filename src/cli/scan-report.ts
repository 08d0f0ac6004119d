// What one scan found, in the shape every output format reads: ESLint's results plus the scan's own counts.
import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import type { PathProblem } from './files.js';

/** The part of a rule's meta the formats use (help links and descriptions). */
export interface RuleInfo {
  description: string;
  url: string;
}

export interface ScanReport {
  /** The directory paths are shown relative to. */
  cwd: string;
  /**
   * The directory SARIF locations are relative to: the working directory when every scanned file is inside it,
   * otherwise the nearest directory that holds the scanned projects.
   */
  root: string;
  /** ESLint's results, one per linted file, plus one per path problem (with a fatal message), sorted by path. */
  results: ESLint.LintResult[];
  /** Source text by absolute path, for code frames. */
  sources: Map<string, string>;
  /** How many files were linted (read and handed to ESLint). */
  filesScanned: number;
  /** Handlers the analysis recognised, per linted file (files without handlers are absent). */
  handlersByFile: Map<string, number>;
  /** Paths that could not be scanned: missing, unreadable, ignored, not JS/TS. */
  pathProblems: PathProblem[];
  /** Files left out because the project's ESLint config ignores them. */
  ignoredByConfig: number;
  /** A settings problem is shown once, for the first file: how many other files it also applied to. */
  settingsRepeats: number;
  /** Every rule of the plugin by its full id (`handler-state/<rule>`). */
  rules: Map<string, RuleInfo>;
  /** Name and version of the tool, for SARIF. */
  tool: { name: string; version: string; informationUri: string };
}

export interface ReportTotals {
  errorCount: number;
  warningCount: number;
  handlerCount: number;
  /** Findings (non-fatal messages with a rule id) per rule id, most frequent first. */
  findingsByRule: Array<[string, number]>;
  /** Files ESLint could not parse. */
  parseErrorCount: number;
}

export function totals(report: ScanReport): ReportTotals {
  let errorCount = 0;
  let warningCount = 0;
  let parseErrorCount = 0;
  const byRule = new Map<string, number>();
  for (const result of report.results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    for (const message of result.messages) {
      if (message.ruleId) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
    }
    if (result.fatalErrorCount > 0 && report.sources.has(result.filePath)) parseErrorCount++;
  }
  let handlerCount = 0;
  for (const count of report.handlersByFile.values()) handlerCount += count;
  const findingsByRule = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return { errorCount, warningCount, handlerCount, findingsByRule, parseErrorCount };
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** One line: files, handlers, findings per rule, and whatever could not be scanned. */
export function summaryLine(report: ScanReport): string {
  const sums = totals(report);
  const findingCount = sums.findingsByRule.reduce((sum, [, count]) => sum + count, 0);
  let line = `${plural(report.filesScanned, 'file')}, ${plural(sums.handlerCount, 'handler')}, ${plural(findingCount, 'finding')}`;
  if (sums.findingsByRule.length > 0) {
    line += ` (${sums.findingsByRule.map(([rule, count]) => `${rule}: ${count}`).join(', ')})`;
  }
  const extras: string[] = [];
  if (sums.parseErrorCount > 0) extras.push(`${plural(sums.parseErrorCount, 'file')} failed to parse`);
  const byKind = (kind: PathProblem['kind']) => report.pathProblems.filter((problem) => problem.kind === kind).length;
  const missing = byKind('missing');
  const unreadable = byKind('unreadable');
  const failed = byKind('failed');
  const ignored = byKind('ignored') + byKind('unsupported');
  if (missing > 0) extras.push(`${plural(missing, 'path')} not found`);
  if (unreadable > 0) extras.push(`${plural(unreadable, 'path')} unreadable`);
  if (failed > 0) extras.push(`${plural(failed, 'file')} could not be linted`);
  if (ignored > 0) extras.push(`${plural(ignored, 'path')} ignored`);
  if (report.ignoredByConfig > 0) extras.push(`${plural(report.ignoredByConfig, 'file')} ignored by the ESLint config`);
  if (report.settingsRepeats > 0) {
    extras.push(`settings problems shown once (they apply to ${plural(report.settingsRepeats, 'more file')})`);
  }
  return extras.length > 0 ? `${line}; ${extras.join(', ')}` : line;
}

/** A result for a path that never reached ESLint, shaped like ESLint's result for a file it could not parse. */
export function isFatalProblem(problem: PathProblem): boolean {
  return problem.kind === 'missing' || problem.kind === 'unreadable' || problem.kind === 'failed';
}

export function problemResult(problem: PathProblem): ESLint.LintResult {
  const severity: Linter.Severity = isFatalProblem(problem) ? 2 : 1;
  const message: Linter.LintMessage = {
    ruleId: null,
    fatal: severity === 2 ? true : undefined,
    severity,
    message: problem.message,
    line: 0,
    column: 0,
  };
  if (message.fatal === undefined) delete message.fatal;
  return {
    filePath: problem.path,
    messages: [message],
    suppressedMessages: [],
    errorCount: severity === 2 ? 1 : 0,
    fatalErrorCount: severity === 2 ? 1 : 0,
    warningCount: severity === 1 ? 1 : 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

/** Forward-slash path relative to the scan's directory, as people and SARIF consumers expect. */
export function relativePath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

/** ESLint's counts of a result, recomputed from its messages after the scan has dropped some of them. */
export function recount(result: ESLint.LintResult): ESLint.LintResult {
  let errorCount = 0;
  let fatalErrorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  for (const message of result.messages) {
    if (message.severity === 2) {
      errorCount++;
      if (message.fatal) fatalErrorCount++;
      if (message.fix) fixableErrorCount++;
    } else if (message.severity === 1) {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return { ...result, errorCount, fatalErrorCount, warningCount, fixableErrorCount, fixableWarningCount };
}

/**
 * Keeps what the scan is about: this plugin's findings and parse errors. Messages of other rules (a directive
 * such as `eslint-disable-line import/no-extraneous-dependencies` names a rule the scan does not run, and ESLint
 * reports "Definition for rule … was not found") and ESLint's notes about the project's other directives are
 * dropped, so they can neither fail the scan nor show up in any format.
 */
export function keepOwnMessages(result: ESLint.LintResult, ruleIds: ReadonlySet<string>): ESLint.LintResult {
  const own = (message: Linter.LintMessage | Linter.SuppressedLintMessage): boolean =>
    message.ruleId !== null ? ruleIds.has(message.ruleId) : message.fatal === true && !isDirectiveComplaint(message);
  const messages = result.messages.filter(own);
  const suppressedMessages = result.suppressedMessages.filter(own);
  if (messages.length === result.messages.length && suppressedMessages.length === result.suppressedMessages.length) {
    return result;
  }
  return recount({ ...result, messages, suppressedMessages });
}

/**
 * ESLint 10 reports a leftover `/* eslint-env *\/` comment as a fatal message, although it lints the file all the
 * same: it is about the project's old ESLint config, not a file the scan failed to read.
 */
export function isDirectiveComplaint(message: Linter.LintMessage): boolean {
  return message.ruleId === null && /eslint-env/u.test(message.message) && !message.message.startsWith('Parsing error');
}

/** `--quiet`: errors only, as ESLint's flag. */
export function dropWarnings(result: ESLint.LintResult): ESLint.LintResult {
  if (result.warningCount === 0) return result;
  return recount({ ...result, messages: result.messages.filter((message) => message.severity === 2) });
}

/**
 * A problem in `settings['handler-state']` is one mistake, not one per file: the first file (in path order) keeps
 * each distinct settings message, the others drop it. Returns the results and how many repeats were dropped.
 */
export function settingsOnce(
  results: readonly ESLint.LintResult[],
  messageId: string,
): { results: ESLint.LintResult[]; repeats: number } {
  const seen = new Set<string>();
  const repeatedIn = new Set<string>();
  const out = results.map((result) => {
    const messages = result.messages.filter((message) => {
      if (message.messageId !== messageId) return true;
      if (!seen.has(message.message)) {
        seen.add(message.message);
        return true;
      }
      repeatedIn.add(result.filePath);
      return false;
    });
    return messages.length === result.messages.length ? result : recount({ ...result, messages });
  });
  return { results: out, repeats: repeatedIn.size };
}
