// `eslint-plugin-handler-state/runtime`: proves a leak at run time. Loads a handler's module once, as a warm
// environment does, invokes it several times (one after another and at once), reads module state between
// invocations through the V8 inspector and reports what survived.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, type StaticMatch, type VerifyFinding } from './analyse.js';
import { LoaderError, loaderFor, runChild } from './child.js';
import { importedNames } from './imports.js';
import { moduleKind } from './module-kind.js';
import { attachStatic, lintModules } from './static.js';
import { templateFits } from './templates.js';
import {
  PLATFORMS,
  TEMPLATES,
  type BindingInfo,
  type ErrorInfo,
  type HandlerSpec,
  type InvocationRecord,
  type ModuleKind,
  type Platform,
  type TemplateName,
} from './types.js';

export { formatVerifyReport } from './report.js';
export { canariesIn, markEvent } from './canary.js';
export { templateEvent } from './templates.js';
export type { FindingKind, LeakKind, StaticMatch, VerifyFinding, WriteKind } from './analyse.js';
export type { HandlerSpec, InvocationRecord, ModuleKind, Platform, TemplateName } from './types.js';
export { PLATFORMS, TEMPLATES };

export interface VerifyOptions {
  /** The handler's module (JavaScript or TypeScript): a path relative to `cwd`, or a file URL. */
  file: string | URL;
  /** Export to invoke (default: `handler`, `default`, `main`, `lambdaHandler`, an HTTP method, or a lone function). */
  export?: string;
  /** Several exports of the same module instance, invoked in turn; overrides `export`, `platform`, `template`, `events`. */
  handlers?: HandlerSpec[];
  /** How to call it (default: detected from the export). */
  platform?: Platform;
  /** Built-in event (default: `apigw-v1` for Lambda, `http` for the request/response platforms). */
  template?: TemplateName;
  /** Events to send in turn (a single event or an array); each copy is marked with its invocation's canary. */
  events?: unknown;
  /** A JSON file with an event or an array of events. */
  eventFile?: string;
  /** Invocations one after another (default 4; growth needs 3). */
  times?: number;
  /** Invocations started together afterwards (default 2; 0 or 1 turns it off). */
  concurrency?: number;
  /** Time limit per invocation in ms (default 3000, Lambda's default). */
  timeoutMs?: number;
  maxDepth?: number;
  maxNodes?: number;
  maxEntries?: number;
  /** Module specifier (as written in the import) → file to load instead, e.g. a fake database client. */
  stubs?: Record<string, string>;
  /** Globals to define before the module loads, for code built with a bundler's `define` (`BUILD_SHA`). */
  defines?: Record<string, unknown>;
  /** Modules to preload with `--import` (a loader such as `tsx`); default: tsx for TypeScript, when installed. */
  imports?: string[];
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Lint the observed modules with the plugin to name the static finding each observation confirms (default true). */
  static?: boolean;
  /** Count state written between invocations as a leak, as the strict config does (default false). */
  strict?: boolean;
}

export interface VerifyResult {
  /** The module, relative to `cwd`. */
  file: string;
  module?: ModuleKind;
  loader: string;
  handlers: { handler: string; platform: Platform; template?: TemplateName; error?: string }[];
  invocations: InvocationRecord[];
  uncaught: { invocation: number | null; error: ErrorInfo }[];
  /** Leaks shown at run time. `module` is a path relative to `cwd`, or `(global)`, `(process)`. */
  leaks: VerifyFinding[];
  /** State written between invocations that is neither growth nor request data (leaks under `strict`). */
  writes: VerifyFinding[];
  notes: string[];
  static: { ran: boolean; findings: StaticMatch[]; error?: string };
  /** Why the run could not load or finish the handler. */
  error?: { message: string; hint?: string };
  /** One line per leak, `<kind>: <binding> in <module>`: made for `expect(result.summary).toEqual([])`. */
  summary: string[];
  /** True when the module ran and no leak was shown. */
  ok: boolean;
  /** `handler-state verify`'s exit code: 1 leak shown, 0 none, 2 the handler could not be loaded or run. */
  exitCode: 0 | 1 | 2;
  /** The end of what the handler printed. */
  output: string;
}

/** Bad options: the CLI maps it to exit code 2. */
export class VerifyUsageError extends Error {}

function positiveInteger(name: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min)
    throw new VerifyUsageError(`${name} must be a whole number of at least ${min}, got ${value}`);
  return value;
}

function readEvents(options: VerifyOptions, cwd: string): unknown[] | undefined {
  let events = options.events;
  if (options.eventFile !== undefined) {
    const file = path.resolve(cwd, options.eventFile);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw new VerifyUsageError(`cannot read the event file ${options.eventFile}: ${(error as Error).message}`);
    }
    try {
      events = JSON.parse(text) as unknown;
    } catch (error) {
      throw new VerifyUsageError(`the event file ${options.eventFile} is not valid JSON: ${(error as Error).message}`);
    }
  }
  if (events === undefined) return undefined;
  const list: unknown[] = Array.isArray(events) ? events : [events];
  if (list.length === 0) throw new VerifyUsageError('the events list is empty');
  return list;
}

function checkSpec(spec: HandlerSpec): HandlerSpec {
  if (spec.platform !== undefined && !PLATFORMS.includes(spec.platform)) {
    throw new VerifyUsageError(`unknown platform "${spec.platform}": use one of ${PLATFORMS.join(', ')}`);
  }
  if (spec.template !== undefined && !TEMPLATES.includes(spec.template)) {
    throw new VerifyUsageError(`unknown template "${spec.template}": use one of ${TEMPLATES.join(', ')}`);
  }
  if (spec.platform && spec.template && !templateFits(spec.platform, spec.template)) {
    throw new VerifyUsageError(`the ${spec.template} template does not fit the ${spec.platform} platform`);
  }
  return spec;
}

function display(module: string, cwd: string): string {
  return module.startsWith('file:') ? path.relative(cwd, fileURLToPath(module)) || '.' : module;
}

function summaryLine(finding: VerifyFinding): string {
  const name = finding.scope === 'global' ? `globalThis.${finding.binding}` : finding.binding;
  return `${finding.kind}: ${name}${finding.holder ? ` (closure of ${finding.holder})` : ''} in ${finding.module}`;
}

/** Invokes a handler in a fresh child process and reports what its module state kept between invocations. */
export async function verifyHandler(options: VerifyOptions): Promise<VerifyResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const given =
    options.file instanceof URL || options.file.startsWith('file:') ? fileURLToPath(options.file) : options.file;
  const file = path.resolve(cwd, given);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new VerifyUsageError(`no such file: ${given}`);
  const events = readEvents(options, cwd);
  const handlers = (
    options.handlers ?? [{ name: options.export, platform: options.platform, template: options.template, events }]
  ).map(checkSpec);
  const stubs: Record<string, string> = {};
  for (const [specifier, target] of Object.entries(options.stubs ?? {})) {
    const resolved = path.resolve(cwd, target);
    if (!fs.existsSync(resolved)) throw new VerifyUsageError(`the stub for "${specifier}" does not exist: ${target}`);
    stubs[specifier] = resolved;
  }
  const times = positiveInteger('times', options.times, 4);
  const concurrency = positiveInteger('concurrency', options.concurrency, 2, 0);
  const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs, 3000);
  const limits = {
    maxDepth: positiveInteger('maxDepth', options.maxDepth, 8),
    maxNodes: positiveInteger('maxNodes', options.maxNodes, 5000),
    maxEntries: positiveInteger('maxEntries', options.maxEntries, 100),
  };
  const relative = path.relative(cwd, file);
  const base: Omit<VerifyResult, 'summary' | 'ok' | 'exitCode'> = {
    file: relative,
    loader: 'node',
    handlers: [],
    invocations: [],
    uncaught: [],
    leaks: [],
    writes: [],
    notes: [],
    static: { ran: false, findings: [] },
    output: '',
  };
  let loader: { args: string[]; label: string };
  try {
    loader = loaderFor(file, options.imports ?? []);
  } catch (error) {
    if (!(error instanceof LoaderError)) throw error;
    return { ...base, error: { message: error.message }, summary: [], ok: false, exitCode: 2 };
  }
  const run = await runChild(
    { file, handlers, times, concurrency, timeoutMs, limits, stubs, defines: options.defines ?? {} },
    { cwd, env: options.env, loaderArgs: loader.args, loaderLabel: loader.label, loadTimeoutMs: 30_000 },
  );
  const result: Omit<VerifyResult, 'summary' | 'ok' | 'exitCode'> = {
    ...base,
    module: run.loaded?.kind ?? moduleKind(file),
    loader: run.loader,
    handlers: run.handlers,
    invocations: run.invocations,
    uncaught: run.uncaught.map(({ k, error }) => ({ invocation: k, error })),
    output: run.output,
  };
  if (run.loadError) {
    result.error = {
      message: `${relative} could not be loaded: ${run.loadError.error.name}: ${run.loadError.error.message}`,
      ...(run.loadError.hint ? { hint: run.loadError.hint } : {}),
    };
  } else if (run.aborted) {
    result.error = { message: run.aborted };
  } else if (run.handlers.length > 0 && run.handlers.every((h) => h.error)) {
    result.error = { message: run.handlers.map((h) => h.error).join('; ') };
  }
  const rootUrl = run.loaded?.url ?? '';
  const imports = new Map<string, Set<string>>();
  const isImport = (binding: BindingInfo) => {
    if (binding.scope !== 'module' || !binding.module.startsWith('file:')) return false;
    let names = imports.get(binding.module);
    if (!names) imports.set(binding.module, (names = importedNames(fileURLToPath(binding.module))));
    return names.has(binding.name);
  };
  const analysis = analyse(run.snapshots, run.invocations, rootUrl, isImport);
  result.notes = analysis.notes;
  const observed = [...analysis.leaks, ...analysis.writes];
  if ((options.static ?? true) && run.loaded) {
    const modules = new Set<string>([file]);
    for (const item of observed) {
      if (item.module.startsWith('file:') && !item.module.includes('/node_modules/'))
        modules.add(fileURLToPath(item.module));
    }
    const lint = await lintModules(
      [...modules].filter((m) => fs.existsSync(m)).map((m) => ({ file: m, kind: moduleKind(m) })),
    );
    attachStatic(observed, lint.findings, file);
    result.static = {
      ran: lint.error === undefined,
      findings: lint.findings.map(({ ruleId, file: where, line, column, message }) => ({
        ruleId,
        file: path.relative(cwd, where),
        line,
        column,
        message,
      })),
      ...(lint.error ? { error: lint.error } : {}),
    };
  }
  for (const item of observed) {
    item.module = display(item.module, cwd);
    for (const match of item.confirms) match.file = path.relative(cwd, match.file);
  }
  const writesAreLeaks = options.strict ?? false;
  result.leaks = writesAreLeaks
    ? [...analysis.leaks, ...analysis.writes.filter((w) => w.kind === 'state-write')]
    : analysis.leaks;
  result.writes = analysis.writes;
  const summary = [...new Set(result.leaks.map(summaryLine))];
  const exitCode = result.leaks.length > 0 ? 1 : result.error ? 2 : 0;
  return { ...result, summary, ok: exitCode === 0, exitCode };
}
