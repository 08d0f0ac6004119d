// The human report of a verify run: what was invoked, each leak with its evidence and the static finding it
// confirms, state written between invocations, and notes on what could not be observed.
import type { VerifyFinding } from './analyse.js';
import type { VerifyResult } from './index.js';

const LABEL: Record<VerifyFinding['kind'], string> = {
  'retained-request-data': 'retained request data',
  growth: 'growth',
  listeners: 'listeners left behind',
  timers: 'timers left behind',
  'concurrent-overwrite': 'overwritten under concurrency',
  'concurrent-exposure': 'exposed under concurrency',
  'state-write': 'state written',
  'initialised-once': 'initialised once',
};

function where(item: VerifyFinding): string {
  const name = item.scope === 'global' ? `globalThis.${item.binding}` : item.binding;
  return `${name}${item.holder ? ` (closure of ${item.holder})` : ''} (${item.module})`;
}

function confirms(item: VerifyFinding): string[] {
  return item.confirms.map((match) => `      confirms ${match.ruleId} at ${match.file}:${match.line}:${match.column}`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatVerifyReport(result: VerifyResult): string {
  const lines: string[] = [];
  const kind = result.module === 'esm' ? 'ES module' : result.module === 'cjs' ? 'CommonJS' : 'module';
  lines.push(`verify ${result.file} (${kind}, loaded with ${result.loader})`);
  for (const handler of result.handlers) {
    const event = handler.template ? `built-in ${handler.template} event` : 'the given events';
    lines.push(
      handler.error
        ? `  ${handler.handler}: not invoked: ${handler.error}`
        : `  ${handler.handler}: invoked as ${handler.platform}, with ${event}`,
    );
  }
  if (result.invocations.length > 0) {
    const sequential = result.invocations.filter((r) => r.mode === 'sequential').length;
    const concurrent = result.invocations.filter((r) => r.mode === 'concurrent').length;
    const threw = result.invocations.filter((r) => r.outcome === 'threw').length;
    const timedOut = result.invocations.filter((r) => r.outcome === 'timed-out').length;
    const failedStatus = result.invocations.filter((r) => (r.status ?? 0) >= 500).length;
    lines.push(
      `  ${plural(result.invocations.length, 'invocation')}: ${sequential} one after another, ${concurrent} at once; ` +
        `${threw} threw, ${timedOut} timed out${failedStatus ? `, ${failedStatus} answered 5xx` : ''}`,
    );
    for (const record of result.invocations.filter((r) => r.outcome !== 'returned').slice(0, 5)) {
      const why = record.outcome === 'threw' ? `threw ${record.error?.name}: ${record.error?.message}` : 'timed out';
      lines.push(`    invocation ${record.k} (${record.handler}) ${why}`);
    }
  }
  for (const { invocation, error } of result.uncaught.slice(0, 5)) {
    lines.push(`    uncaught during invocation ${invocation ?? '-'}: ${error.name}: ${error.message}`);
  }
  if (result.error) {
    lines.push('', `error: ${result.error.message}`);
    if (result.error.hint) lines.push(`hint: ${result.error.hint}`);
  }
  if (result.leaks.length > 0) lines.push('');
  for (const item of result.leaks) {
    lines.push(`  leak  ${LABEL[item.kind]}  ${where(item)}`, `      ${item.message}`, ...confirms(item));
  }
  const writes = result.writes.filter((w) => w.kind === 'state-write' && !result.leaks.includes(w));
  if (writes.length > 0) {
    lines.push('', '  written between invocations (not a leak by itself):');
    for (const item of writes) lines.push(`  write  ${where(item)}`, `      ${item.message}`, ...confirms(item));
  }
  const once = result.writes.filter((w) => w.kind === 'initialised-once');
  if (once.length > 0) {
    lines.push('', `  initialised by the first invocation, then unchanged: ${once.map(where).join(', ')}`);
  }
  if (result.notes.length > 0) {
    lines.push('', ...result.notes.map((note) => `  note: ${note}`));
  }
  const bindings = new Set(result.leaks.map(where)).size;
  const kinds = new Map<string, number>();
  for (const item of result.leaks) kinds.set(LABEL[item.kind], (kinds.get(LABEL[item.kind]) ?? 0) + 1);
  const detail = [...kinds].map(([label, count]) => `${count} ${label}`).join(', ');
  lines.push(
    '',
    result.leaks.length > 0
      ? `${plural(result.leaks.length, 'leak')} shown in ${plural(bindings, 'binding')} (${detail}); ${plural(writes.length, 'state write')}`
      : result.error
        ? 'no leak shown, but the run did not complete'
        : `no leak shown; ${plural(writes.length, 'state write')}`,
  );
  return `${lines.join('\n')}\n`;
}
