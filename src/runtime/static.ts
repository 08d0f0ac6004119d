// The static side of verify: lints the modules a run observed with the plugin's strict config through the
// public ESLint class, and names the static finding each runtime observation confirms.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from 'eslint';
import type { FindingKind, StaticMatch, VerifyFinding } from './analyse.js';
import type { ModuleKind } from './types.js';

export interface StaticFinding extends StaticMatch {
  /** Root names of the values the message is about (`cache` for `cache.items`, `log` for `global.log`). */
  targets: string[];
}

const PREFIX = 'handler-state/';

/** Which rules a runtime observation can confirm. */
const CONFIRMS: Record<FindingKind, readonly string[]> = {
  // Data kept or growing is also a write seen happening: those confirm the strict write findings on it too.
  'retained-request-data': [
    'no-request-data-in-module-scope',
    'no-unbounded-cache',
    'no-unbounded-growth',
    'no-persistent-library-context',
    'no-module-state-write',
    // A listener left on a module-scope emitter keeps its request's data alive through its closure.
    'no-handler-listener-leak',
  ],
  growth: ['no-unbounded-growth', 'no-unbounded-cache', 'no-persistent-library-context', 'no-module-state-write'],
  listeners: ['no-handler-listener-leak'],
  timers: ['no-handler-listener-leak'],
  'concurrent-overwrite': ['no-request-data-in-module-scope', 'no-module-state-write'],
  'concurrent-exposure': ['no-request-data-in-module-scope', 'no-module-state-write'],
  'state-write': ['no-module-state-write'],
  'initialised-once': ['no-module-state-write'],
};

const GLOBAL_HOLDERS = new Set(['globalThis', 'global', 'window', 'self']);
const HOLDERS = /^(?:globalThis|global|window|self|module\.exports|exports|this)\./u;

/**
 * The values a message is about, from its backticked code spans, leaving out the handler's name and the helper
 * chain that leads to the write (`handler` via `audit.record()` → `append()`): a binding called `handler` must not
 * match every finding of a handler called `handler`.
 */
export function messageTargets(message: string): string[] {
  const spans = [...message.matchAll(/`([^`]+)`/gu)].map((match) => ({
    text: match[1].trim(),
    start: match.index,
    end: match.index + match[0].length,
  }));
  // Growth and cache messages start with the target; the others start with the handler.
  const handler = /^`[^`]+`(?: \([^)]*\))? (?:lives at module scope|is a module-scope cache)/u.test(message) ? 1 : 0;
  const skipped = new Set([handler]);
  for (let i = handler + 1; i < spans.length; i++) {
    const between = message.slice(spans[i - 1].end, spans[i].start);
    if (between !== ' via ' && between !== ' → ') break;
    skipped.add(i);
  }
  const targets = new Set<string>();
  for (const [index, { text }] of spans.entries()) {
    if (skipped.has(index)) continue;
    targets.add(text);
    const root = /^[A-Za-z_$][\w$]*/u.exec(text.replace(HOLDERS, ''));
    if (root) targets.add(root[0]);
  }
  return [...targets];
}

function commonDir(files: string[]): string {
  let dir = path.dirname(files[0]);
  for (const file of files.slice(1)) {
    while (!file.startsWith(dir + path.sep) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  }
  return dir;
}

/** Lints `files` with the plugin's strict config; never throws (an error comes back as text). */
export async function lintModules(
  files: { file: string; kind: ModuleKind }[],
): Promise<{ findings: StaticFinding[]; error?: string }> {
  if (files.length === 0) return { findings: [] };
  try {
    const { ESLint } = await import('eslint');
    const { default: plugin } = await import('../index.js');
    const base = commonDir(files.map((entry) => entry.file));
    const overrideConfig: Linter.Config[] = [
      ...plugin.configs.strict,
      {
        name: 'handler-state/verify',
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      ...files
        .filter((entry) => /\.(?:js|cjs|mjs|jsx)$/u.test(entry.file))
        .map((entry): Linter.Config => ({
          files: [path.relative(base, entry.file)],
          languageOptions: { sourceType: entry.kind === 'cjs' ? 'commonjs' : 'module' },
        })),
    ];
    const eslint = new ESLint({ cwd: base, overrideConfigFile: true, overrideConfig, ignore: false });
    const results = await eslint.lintFiles(files.map((entry) => entry.file));
    const findings: StaticFinding[] = [];
    for (const result of results) {
      for (const message of result.messages) {
        if (!message.ruleId?.startsWith(PREFIX)) continue;
        findings.push({
          ruleId: message.ruleId,
          file: result.filePath,
          line: message.line,
          column: message.column,
          message: message.message,
          targets: messageTargets(message.message),
        });
      }
    }
    return { findings };
  } catch (error) {
    return { findings: [], error: (error as Error)?.message ?? String(error) };
  }
}

/** The file of a finding's module: a file URL, or a path relative to `cwd`; none for `(global)` and the like. */
function fileOf(module: string, cwd: string): string | undefined {
  if (module.startsWith('file:')) return fileURLToPath(module);
  return module.startsWith('(') ? undefined : path.resolve(cwd, module);
}

/** Fills `confirms` of each runtime finding with the static findings on the same binding and of a fitting rule. */
export function attachStatic(
  findings: VerifyFinding[],
  statics: StaticFinding[],
  rootFile: string,
  cwd: string = process.cwd(),
): void {
  for (const item of findings) {
    const file = fileOf(item.module, cwd);
    const rules = CONFIRMS[item.kind].map((rule) => PREFIX + rule);
    const candidates = statics.filter((s) => rules.includes(s.ruleId) && (s.file === file || s.file === rootFile));
    const matches = candidates.filter((s) => {
      if (item.kind === 'timers') return /setInterval|setTimeout/u.test(s.message);
      if (item.scope === 'process') return s.targets.some((target) => target.startsWith('process'));
      // `Object.assign(globalThis, { lastPrompt })` names the holder, not the property.
      if (item.scope === 'global' && s.targets.some((target) => GLOBAL_HOLDERS.has(target))) return true;
      const name =
        item.binding === 'module.exports'
          ? item.path.replace(/^module\.exports\./u, '').split(/[.[]/u)[0]
          : item.binding;
      const holder = item.holder ? /^(?:globalThis\.)?([A-Za-z_$][\w$]*)/u.exec(item.holder)?.[1] : undefined;
      return (
        s.targets.includes(name) ||
        s.targets.includes(item.binding) ||
        (holder !== undefined && s.targets.includes(holder))
      );
    });
    item.confirms = matches.map(({ ruleId, file: where, line, column, message }) => ({
      ruleId,
      file: where,
      line,
      column,
      message,
    }));
  }
}
