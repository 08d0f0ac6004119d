// The human output of the scan: findings grouped by file, each with a code frame, then the summary line.
import type { Linter } from 'eslint';
import { shownPath, summaryLine, totals, type ScanReport } from './scan-report.js';

export interface HumanFormatOptions {
  color: boolean;
  /** Lines of context above and below the reported line. */
  contextLines?: number;
}

interface Paint {
  red: (text: string) => string;
  yellow: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
  underline: (text: string) => string;
}

function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}

/** Longest piece of a source line shown; minified code would otherwise flood the terminal. */
const MAX_LINE_WIDTH = 160;

/**
 * A code frame around a 1-based line/column span: the reported line marked with `>`, carets under the span.
 * Returns '' when the location is not in the text (for example line 0 of a file-level message).
 */
export function codeFrame(
  source: string,
  location: { line: number; column: number; endLine?: number; endColumn?: number },
  options: { contextLines?: number; color?: boolean } = {},
): string {
  const lines = source.split(/\r\n|\r|\n/u);
  const { line, column } = location;
  if (line < 1 || line > lines.length) return '';
  const colors = paint(options.color ?? false);
  const context = options.contextLines ?? 2;
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const gutterWidth = String(last).length;
  const lineText = lines[line - 1];
  // The caret span: to endColumn on the same line, to the end of the line when the report spans lines,
  // one caret when there is no end (parse errors).
  const start = Math.max(0, Math.min(column - 1, lineText.length));
  let end = start + 1;
  if (location.endLine === line && location.endColumn !== undefined) end = location.endColumn - 1;
  else if (location.endLine !== undefined && location.endLine > line) end = lineText.length;
  if (end <= start) end = start + 1;
  // Show a window of at most MAX_LINE_WIDTH characters that starts a little before the reported column.
  const windowStart = lineText.length > MAX_LINE_WIDTH && start > 40 ? start - 40 : 0;
  const clip = (text: string): string => {
    let shown = text.slice(windowStart, windowStart + MAX_LINE_WIDTH);
    if (windowStart > 0) shown = `…${shown}`;
    if (text.length > windowStart + MAX_LINE_WIDTH) shown = `${shown}…`;
    return shown;
  };
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const marker = number === line ? '>' : ' ';
    const gutter = ` ${marker} ${String(number).padStart(gutterWidth)} |`;
    const text = clip(lines[number - 1]);
    const styled = number === line ? colors.bold(gutter) : colors.dim(gutter);
    out.push(text === '' ? styled : `${styled} ${text}`);
    if (number === line) {
      // Keep tabs so the carets line up under tab-indented code.
      const prefix = (windowStart > 0 ? '…' : '') + lineText.slice(windowStart, start);
      const padding = prefix.replace(/[^\t]/gu, ' ');
      const width = Math.max(1, Math.min(end, windowStart + MAX_LINE_WIDTH) - start);
      out.push(`${colors.dim(`   ${' '.repeat(gutterWidth)} |`)} ${padding}${colors.red('^'.repeat(width))}`);
    }
  }
  return out.join('\n');
}

function severityLabel(message: Linter.LintMessage, colors: Paint): string {
  return message.severity === 2 ? colors.red('error') : colors.yellow('warning');
}

/** Grouped by file, files in path order, messages in line order; a blank line between files. */
export function formatHuman(report: ScanReport, options: HumanFormatOptions): string {
  const colors = paint(options.color);
  const blocks: string[] = [];
  for (const result of report.results) {
    if (result.messages.length === 0) continue;
    const source = report.sources.get(result.filePath);
    const lines: string[] = [colors.underline(shownPath(report.cwd, result.filePath))];
    const messages = [...result.messages].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const message of messages) {
      const where = message.line > 0 ? `${message.line}:${message.column}` : '';
      const rule = message.ruleId ? `  ${colors.dim(message.ruleId)}` : '';
      lines.push(`  ${where}${where ? '  ' : ''}${severityLabel(message, colors)}  ${message.message}${rule}`);
      if (source !== undefined && message.line > 0) {
        const frame = codeFrame(source, message, { contextLines: options.contextLines, color: options.color });
        if (frame) lines.push(frame, '');
      }
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    blocks.push(lines.join('\n'));
  }
  const sums = totals(report);
  const problems = sums.errorCount + sums.warningCount;
  let tail = summaryLine(report);
  if (problems > 0) {
    const counts = `${problems} ${problems === 1 ? 'problem' : 'problems'} (${sums.errorCount} ${
      sums.errorCount === 1 ? 'error' : 'errors'
    }, ${sums.warningCount} ${sums.warningCount === 1 ? 'warning' : 'warnings'})`;
    tail = `${sums.errorCount > 0 ? colors.red(colors.bold(`✖ ${counts}`)) : colors.yellow(colors.bold(`✖ ${counts}`))}\n${tail}`;
  }
  blocks.push(tail);
  return `${blocks.join('\n\n')}\n`;
}
