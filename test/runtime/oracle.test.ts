// The runtime oracle: every fixture handler whose hazard shows at run time is invoked through verify, and what
// the plugin reports statically is checked against what the run shows. The agreement table in docs/verify.md is
// generated from this run (UPDATE_AGREEMENT=1 rewrites it) and must match it.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerSpec, TemplateName, VerifyFinding, VerifyResult } from '../../src/runtime/index.js';
import type { StaticFinding } from '../../src/runtime/static.js';
import { FIXTURES, REPO_ROOT, RUNTIME_FIXTURES, inPool, loadRuntime, loadStatic } from './helpers.js';

interface OracleFixture {
  file: string;
  handlers?: { name?: string; template?: TemplateName; events?: string }[];
  stubs?: Record<string, string>;
  defines?: Record<string, unknown>;
  /** Run a copy in a folder of this package type (a CommonJS `.js` file inside this `"type": "module"` repo). */
  packageType?: 'commonjs';
  skip?: string;
  /** `line:rule` → why the run cannot confirm that static finding. */
  unconfirmed?: Record<string, string>;
  /** `kind binding` → why the run shows a leak the plugin does not report. */
  runtimeOnly?: Record<string, string>;
}

interface Outcome {
  fixture: OracleFixture;
  file: string;
  result: VerifyResult;
  statics: StaticFinding[];
}

const ORACLE = JSON.parse(readFileSync(path.join(RUNTIME_FIXTURES, 'oracle.json'), 'utf8')) as {
  fixtures: OracleFixture[];
};
const DOCS = path.join(REPO_ROOT, 'docs/verify.md');
const TABLE_START = '<!-- agreement:start -->';
const TABLE_END = '<!-- agreement:end -->';

const runnable = ORACLE.fixtures.filter((fixture) => !fixture.skip);
const outcomes = new Map<string, Outcome>();
let scratch: string;

const LEAK_TEXT: Record<VerifyFinding['kind'], (name: string) => string> = {
  'retained-request-data': (name) => `request data kept in \`${name}\``,
  growth: (name) => `\`${name}\` grows`,
  listeners: (name) => `listeners pile up on \`${name}\``,
  timers: () => 'timers pile up',
  'concurrent-overwrite': (name) => `\`${name}\` overwritten by a concurrent request`,
  'concurrent-exposure': (name) => `\`${name}\` readable by a concurrent request`,
  'state-write': (name) => `\`${name}\` written between invocations`,
  'initialised-once': (name) => `\`${name}\` set once, then unchanged`,
};

function nameOf(finding: VerifyFinding): string {
  return finding.scope === 'global' ? `globalThis.${finding.binding}` : finding.binding;
}

function describeFinding(finding: VerifyFinding): string {
  const text = LEAK_TEXT[finding.kind](nameOf(finding));
  return finding.holder ? `${text} (closure of \`${finding.holder}\`)` : text;
}

function keyOf(finding: StaticFinding): string {
  return `${finding.line}:${finding.ruleId.replace('handler-state/', '')}`;
}

function sameStatic(a: { ruleId: string; line: number; column: number }, b: StaticFinding): boolean {
  return a.ruleId === b.ruleId && a.line === b.line && a.column === b.column;
}

function observations(outcome: Outcome): VerifyFinding[] {
  return [...outcome.result.leaks, ...outcome.result.writes];
}

function confirmersOf(outcome: Outcome, finding: StaticFinding): VerifyFinding[] {
  return observations(outcome).filter((o) => o.confirms.some((match) => sameStatic(match, finding)));
}

function runtimeOnlyKey(finding: VerifyFinding): string {
  return `${finding.kind} ${nameOf(finding)}`;
}

/** The agreement table, one row per static finding, runtime-only leak, or quiet fixture. */
function agreementTable(): string {
  const rows = ['| Fixture | Static finding | Seen at run time | Agreement |', '| --- | --- | --- | --- |'];
  for (const fixture of ORACLE.fixtures) {
    const label = `\`${fixture.file}\``;
    if (fixture.skip) {
      rows.push(`| ${label} | — | not run | ${fixture.skip} |`);
      continue;
    }
    const outcome = outcomes.get(fixture.file);
    if (!outcome) continue;
    for (const finding of outcome.statics) {
      const confirmers = confirmersOf(outcome, finding);
      // Unconfirmed: what the run did see on that binding, if anything.
      const shown =
        confirmers.length > 0 ? confirmers : observations(outcome).filter((o) => finding.targets.includes(o.binding));
      const seen = [...new Set(shown.map(describeFinding))].join(', ');
      const reason = fixture.unconfirmed?.[keyOf(finding)];
      rows.push(
        `| ${label} | ${keyOf(finding)} | ${seen || '—'} | ${confirmers.length > 0 ? 'confirmed' : (reason ?? '**unexplained**')} |`,
      );
    }
    for (const leak of outcome.result.leaks.filter((l) => l.confirms.length === 0)) {
      const reason = fixture.runtimeOnly?.[runtimeOnlyKey(leak)] ?? '**unexplained**';
      rows.push(`| ${label} | — | ${describeFinding(leak)} | ${reason} |`);
    }
    if (outcome.statics.length === 0 && outcome.result.leaks.length === 0) {
      rows.push(`| ${label} | — | nothing | both quiet |`);
    }
  }
  return rows.join('\n');
}

beforeAll(async () => {
  const runtime = await loadRuntime();
  const staticSide = await loadStatic();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'handler-state-oracle-'));
  const prepared = runnable.map((fixture) => {
    let file = path.join(FIXTURES, fixture.file);
    if (fixture.packageType) {
      const dir = path.join(scratch, path.dirname(fixture.file));
      cpSync(file, path.join(dir, path.basename(file)), { recursive: true });
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ type: fixture.packageType }));
      file = path.join(dir, path.basename(file));
    }
    return { fixture, file };
  });
  const kindOf = (file: string) => (/\.(?:cjs|cts)$/u.test(file) || file.startsWith(scratch) ? 'cjs' : 'esm');
  const inRepo = prepared.filter(({ file }) => !file.startsWith(scratch));
  const copies = prepared.filter(({ file }) => file.startsWith(scratch));
  const lints = [
    await staticSide.lintModules(inRepo.map(({ file }) => ({ file, kind: kindOf(file) }))),
    await staticSide.lintModules(copies.map(({ file }) => ({ file, kind: kindOf(file) }))),
  ];
  for (const lint of lints) expect(lint.error).toBeUndefined();
  const statics = lints.flatMap((lint) => lint.findings);
  await inPool(prepared, async ({ fixture, file }) => {
    const handlers: HandlerSpec[] = (fixture.handlers ?? [{}]).map((spec) => ({
      ...(spec.name ? { name: spec.name } : {}),
      ...(spec.template ? { template: spec.template } : {}),
      ...(spec.events
        ? { events: [JSON.parse(readFileSync(path.join(RUNTIME_FIXTURES, 'events', spec.events), 'utf8')) as unknown] }
        : {}),
    }));
    const stubs = Object.fromEntries(
      Object.entries(fixture.stubs ?? {}).map(([specifier, stub]) => [specifier, path.join(FIXTURES, stub)]),
    );
    const result = await runtime.verifyHandler({
      file,
      handlers,
      stubs,
      defines: fixture.defines,
      static: false,
      cwd: REPO_ROOT,
    });
    const own = statics.filter((finding) => finding.file === file);
    staticSide.attachStatic([...result.leaks, ...result.writes], own, file, REPO_ROOT);
    outcomes.set(fixture.file, { fixture, file, result, statics: own });
  });
}, 400_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('runtime oracle: static findings against what verify shows', () => {
  it.each(runnable.map((fixture) => [fixture.file, fixture] as const))('%s', (_name, fixture) => {
    const outcome = outcomes.get(fixture.file) as Outcome;
    const { result } = outcome;
    const problems: string[] = [];
    if (result.error) problems.push(`did not run: ${result.error.message}`);
    // Each handler really ran: an event that does not fit would make every invocation throw and show nothing.
    for (const handler of result.handlers) {
      if (handler.error) problems.push(`${handler.handler} not invoked: ${handler.error}`);
      const ran = result.invocations.filter((r) => r.handler === handler.handler);
      if (!ran.some((r) => r.outcome === 'returned' && (r.status ?? 200) < 500)) {
        const why = ran.map((r) => r.error?.message ?? r.status ?? r.outcome);
        problems.push(`${handler.handler}: no invocation succeeded (${[...new Set(why)].join('; ')})`);
      }
    }
    for (const finding of outcome.statics) {
      const reason = fixture.unconfirmed?.[keyOf(finding)];
      const confirmed = confirmersOf(outcome, finding).length > 0;
      if (!confirmed && reason === undefined) {
        problems.push(`static ${keyOf(finding)} is neither confirmed at run time nor explained: ${finding.message}`);
      }
      if (confirmed && reason !== undefined)
        problems.push(`${keyOf(finding)} is confirmed now: remove it from "unconfirmed"`);
    }
    const staticKeys = new Set(outcome.statics.map(keyOf));
    for (const key of Object.keys(fixture.unconfirmed ?? {})) {
      if (!staticKeys.has(key)) problems.push(`"unconfirmed" names ${key}, which the plugin does not report`);
    }
    const unmatched = result.leaks.filter((leak) => leak.confirms.length === 0);
    for (const leak of unmatched) {
      const key = runtimeOnlyKey(leak);
      if (fixture.runtimeOnly?.[key] === undefined) {
        problems.push(
          `runtime leak "${key}" at ${leak.path} has no static finding and no explanation: ${leak.message}`,
        );
      }
    }
    for (const key of Object.keys(fixture.runtimeOnly ?? {})) {
      if (!unmatched.some((leak) => runtimeOnlyKey(leak) === key)) {
        problems.push(`"runtimeOnly" names ${key}, which the run no longer shows`);
      }
    }
    expect(problems, result.output.slice(-1500)).toEqual([]);
  });

  it('the agreement table in docs/verify.md is the one this run produces', () => {
    const table = agreementTable();
    const docs = readFileSync(DOCS, 'utf8');
    const start = docs.indexOf(TABLE_START);
    const end = docs.indexOf(TABLE_END);
    expect(start, `docs/verify.md has no ${TABLE_START} marker`).toBeGreaterThanOrEqual(0);
    const current = docs.slice(start + TABLE_START.length, end).trim();
    if (process.env.UPDATE_AGREEMENT === '1' && current !== table) {
      writeFileSync(DOCS, `${docs.slice(0, start + TABLE_START.length)}\n${table}\n${docs.slice(end)}`);
    } else {
      expect(current).toBe(table);
    }
    expect(table).not.toContain('**unexplained**');
  });
});
