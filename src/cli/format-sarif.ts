// `--format sarif`: a SARIF 2.1.0 log (built with node-sarif-builder) for GitHub code scanning and other viewers.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Linter } from 'eslint';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Log, Notification, Region } from 'sarif';
import type { ScanReport } from './scan-report.js';

/** Paths in results are relative to this base, which `originalUriBaseIds` maps to the scanned directory. */
export const SOURCE_ROOT = '%SRCROOT%';

function level(message: Linter.LintMessage): 'error' | 'warning' {
  return message.severity === 2 ? 'error' : 'warning';
}

/** ESLint's line and column are 1-based with an exclusive end, which is what SARIF regions use too. */
function region(message: Linter.LintMessage): Region | undefined {
  if (!(message.line >= 1)) return undefined;
  const result: Region = { startLine: message.line, startColumn: Math.max(1, message.column) };
  if (message.endLine !== undefined && message.endLine >= message.line) {
    result.endLine = message.endLine;
    if (message.endColumn !== undefined && message.endColumn >= 1) result.endColumn = message.endColumn;
  }
  return result;
}

/**
 * A relative URI reference for a file below `root` (RFC 3986): each path segment percent-encoded, so spaces,
 * `#`, `?`, `%`, newlines and non-ASCII names stay one valid reference that resolves back to the same file.
 */
export function artifactUri(root: string, file: string): string {
  const relative = path.relative(root, file);
  if (relative === '') return '.';
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/** The line of `source` a message points at, with runs of blanks folded, so re-indenting keeps the fingerprint. */
function lineText(source: string | undefined, line: number): string {
  if (source === undefined || line < 1) return '';
  const lines = source.split(/\r\n|\r|\n/u);
  return (lines[line - 1] ?? '').trim().replace(/\s+/gu, ' ');
}

/**
 * `partialFingerprints.primaryLocationLineHash` for every result, as code scanning reads it to match an alert
 * across commits when a log is uploaded through the API (the upload action computes one only when it is
 * missing). It hashes what stays put when code moves: the rule, the file and the reported line's text, not the
 * line number. Identical lines in one file are told apart by a counter, `hash:1`, `hash:2`, in line order.
 */
export function lineFingerprint(ruleId: string, uri: string, text: string, seen: Map<string, number>): string {
  const hash = createHash('sha256').update(`${ruleId}\u0000${uri}\u0000${text}`).digest('hex').slice(0, 32);
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}

export function buildSarif(report: ScanReport): Log {
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: report.tool.name,
    toolDriverVersion: report.tool.version,
    url: report.tool.informationUri,
  });
  for (const [id, info] of report.rules) {
    const rule = new SarifRuleBuilder().initSimple({
      ruleId: id,
      shortDescriptionText: info.description,
      fullDescriptionText: info.description,
      helpUri: info.url,
    });
    const sentence = /[.!?]$/u.test(info.description) ? info.description : `${info.description}.`;
    rule.rule.help = { text: `${sentence} See ${info.url}`, markdown: `${sentence} [Rule documentation](${info.url})` };
    run.addRule(rule);
  }

  // Messages without a rule (parse errors, unreadable or missing paths) are not code findings: SARIF's
  // place for them is the invocation's tool execution notifications.
  const notifications: Notification[] = [];
  for (const result of report.results) {
    const uri = artifactUri(report.root, result.filePath);
    const source = report.sources.get(result.filePath);
    const seen = new Map<string, number>();
    const messages = [...result.messages].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const message of messages) {
      const where = region(message);
      if (message.ruleId && report.rules.has(message.ruleId) && where) {
        const builder = new SarifResultBuilder().initSimple({
          level: level(message),
          messageText: message.message,
          ruleId: message.ruleId,
        });
        builder.setLocationArtifactUri({ uri, uriBaseId: SOURCE_ROOT });
        builder.setLocationRegion(where);
        builder.result.partialFingerprints = {
          primaryLocationLineHash: lineFingerprint(message.ruleId, uri, lineText(source, message.line), seen),
        };
        run.addResult(builder);
        continue;
      }
      const physicalLocation = where
        ? { artifactLocation: { uri, uriBaseId: SOURCE_ROOT }, region: where }
        : { artifactLocation: { uri, uriBaseId: SOURCE_ROOT } };
      notifications.push({
        level: level(message),
        message: { text: message.ruleId ? `${message.ruleId}: ${message.message}` : message.message },
        locations: [{ physicalLocation }],
      });
    }
  }
  run.run.columnKind = 'utf16CodeUnits';
  run.run.originalUriBaseIds = { [SOURCE_ROOT]: { uri: `${pathToFileURL(report.root).href.replace(/\/?$/u, '/')}` } };
  run.run.invocations = [
    {
      // The scan ran to completion; files it could not read or parse are the notifications, not a failed run.
      executionSuccessful: true,
      toolExecutionNotifications: notifications,
    },
  ];

  const builder = new SarifBuilder();
  builder.log.$schema = 'https://json.schemastore.org/sarif-2.1.0.json';
  builder.addRun(run);
  return builder.buildSarifOutput();
}

export function formatSarif(report: ScanReport): string {
  return `${JSON.stringify(buildSarif(report), null, 2)}\n`;
}
