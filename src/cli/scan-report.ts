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
  const ignored = byKind('ignored') + byKind('unsupported');
  if (missing > 0) extras.push(`${plural(missing, 'path')} not found`);
  if (unreadable > 0) extras.push(`${plural(unreadable, 'path')} unreadable`);
  if (ignored > 0) extras.push(`${plural(ignored, 'path')} ignored`);
  return extras.length > 0 ? `${line}; ${extras.join(', ')}` : line;
}

/** A result for a path that never reached ESLint, shaped like ESLint's result for a file it could not parse. */
export function problemResult(problem: PathProblem): ESLint.LintResult {
  const severity: Linter.Severity = problem.kind === 'missing' || problem.kind === 'unreadable' ? 2 : 1;
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
