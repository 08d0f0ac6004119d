// `--format json`: exactly ESLint's JSON formatter output, an array of ESLint LintResult objects.
import type { ScanReport } from './scan-report.js';

/** Same bytes as `eslint --format json` would write for these results (ESLint's formatter is JSON.stringify). */
export function formatJson(report: ScanReport): string {
  return JSON.stringify(report.results);
}
