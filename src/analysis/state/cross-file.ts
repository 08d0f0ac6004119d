// Follows request-time calls into relatively imported modules and brings back a summary of the module state they write.
import { clearSetupCallIndex, hookReturns } from '../handlers/platforms/vue-setup-calls.js';
import fs from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { parseForESLint } from '@typescript-eslint/parser';
import type { FileContext } from '../context.js';
import { enclosingFunction, staticPropertyName, unwrap, valueParent, walk } from '../file/ast.js';
import { espreeParser, JAVASCRIPT, parseFile } from '../file/parse.js';
import { clearImporterIndex } from '../file/importers.js';
import { clearResolveCache, resolveImport } from '../file/resolve.js';
import { BoundedCache } from '../../util/bounded-cache.js';
import { readTextFile, unchangedSince } from '../../util/read-file.js';
import { importPath } from '../../util/paths.js';
import { lossCount, noteIncomplete, relativeToLinted } from '../incomplete.js';
import { factsOf, type FileFacts, type ParsedFile } from '../file/index.js';
import type { ImportTarget } from '../file/imports.js';
import { classMethod, isClassNode, objectMethod, type ClassNode } from '../file/members.js';
import { declaredVariables, initializerOf, isStableBinding } from '../file/scopes.js';
import type { ClosureInfo, Finding, FunctionNode, Handler, LeakKind, PassedArgument } from '../types.js';
import { passedAtCall } from './request-data.js';
import { returnedValues } from '../file/products.js';
import { Dispatch, isCollection, isHeldFunction, isInstance, type Held } from './dispatch.js';
import type { GetterResolver } from './lazy-init.js';
import type { ThisRoot } from './module-state.js';
import { clearSharedRemovals } from './shared-removals.js';

/** How far imports are followed, and how many files one lint file may pull in. */
export const MAX_IMPORT_DEPTH = 4;
const MAX_FILES_PER_LINT = 40;
const MAX_FILE_BYTES = 1_000_000;

/** One module-state write an exported function makes, as seen from a caller in another file. */
export interface ImportedWrite {
  kind: LeakKind;
  target: string;
  how: string;
  /** Helpers inside the imported module (and its own imports), outermost first. */
  via: string[];
  /** Path of the module holding the state, relative to the caller's file. */
  file: string;
  /** Request data or a request key only when the caller passes request data in. */
  dependsOnArguments: boolean;
  /** The write only happens when the caller passes an argument at this position. */
  requiresArgument?: number;
  /** The closure or instance the state lives in, when it is not a module variable. */
  closure?: ClosureInfo;
  /** For a cache: the module's functions that remove its entries, none of which the summarised call runs. */
  unreachedRemovers?: string[];
  /** With `unreachedRemovers`: the names under which a caller can run those removals (removers and their callers). */
  removalEntries?: string[];
  /** The write replaces one named place's value (as `Finding.overwrite`). */
  overwrite?: boolean;
}

export type { ThisRoot };

/** What the summariser needs from the per-file analysis (injected to avoid an import cycle). */
export type AnalyzeLoaded = (
  file: ParsedFile,
  filename: string,
  handlers: Handler[],
  thisRoots: ThisRoot[],
  budget: Budget,
) => Finding[];

/**
 * What one lint file (or one summary) may pull in: how deep it is in the import chain, and the files it has
 * summarised. A summary is computed with a budget of its own, so it is the same whichever lint asks first; a
 * caller is charged the summary's whole footprint, cached or not, so a file's findings never depend on what
 * other files were linted before it in the same process.
 */
export interface Budget {
  depth: number;
  files: Set<string>;
}

export function newBudget(): Budget {
  return { depth: 0, files: new Set() };
}

/** A summary and what it was computed from: the files it counted, and every file it read with its mtime. */
interface Summary {
  writes: ImportedWrite[];
  files: ReadonlySet<string>;
  read: ReadonlyMap<string, number>;
}

export interface LoadedModule {
  mtimeMs: number;
  file: ParsedFile | null;
}

/**
 * Per-process caches keyed by absolute path, each entry reused while the file's modification time and size are
 * unchanged. Parsed modules (syntax tree and scopes: about 300 bytes of heap per byte of source) are few and
 * bounded by their estimated retained bytes; what callers keep asking for afterwards, the summaries, is small and
 * kept separately, so a summarised module is not parsed again when its syntax tree has been evicted.
 */
export const MODULE_CACHE_LIMITS = {
  parsed: { entries: 64, weight: 48 * 1024 * 1024 },
  summaries: { entries: 4096, weight: 16 * 1024 * 1024 },
};
/** Heap retained per byte of source by a syntax tree with its scope manager (measured on generated modules). */
const RETAINED_PER_SOURCE_BYTE = 300;

interface FileVersion {
  mtimeMs: number;
  size: number;
}

interface ModuleSummaries extends FileVersion {
  /** Writes per export path and caller's `this`, relative to the summarised file. */
  summaries: Map<string, Summary>;
  /** Whether the module exports or re-exports anything (null until its syntax tree was read). */
  exportsSomething: boolean | null;
  /** Other small answers about the module by question (`moduleAnswer`): table rows, names, nothing with a syntax tree. */
  answers: Map<string, unknown>;
  /** Roughly the bytes the record holds: its keys and the strings of its writes. */
  weight: number;
}

const parsedModules = new BoundedCache<string, LoadedModule & FileVersion>(MODULE_CACHE_LIMITS.parsed);
const moduleSummaries = new BoundedCache<string, ModuleSummaries>(MODULE_CACHE_LIMITS.summaries);

export function clearCrossFileCache(): void {
  parsedModules.clear();
  moduleSummaries.clear();
  clearResolveCache();
  clearImporterIndex();
  clearSetupCallIndex();
  clearSharedRemovals();
}

export { resolveImport };

/** Files read while a summary is computed, innermost summary last; each records what it read. */
const reading: Array<Map<string, number>> = [];

function versionOf(file: string): FileVersion | null {
  try {
    const stat = fs.statSync(file);
    return { mtimeMs: stat.mtimeMs, size: stat.size };
  } catch {
    return null;
  }
}

const sameVersion = (a: FileVersion, b: FileVersion): boolean => a.mtimeMs === b.mtimeMs && a.size === b.size;

/** The parsed module at `file`, cached per process while its modification time and size are unchanged. */
export function load(file: string): LoadedModule | null {
  const version = versionOf(file);
  if (!version) return null;
  for (const read of reading) read.set(file, version.mtimeMs);
  return loadVersion(file, version);
}

function loadVersion(file: string, version: FileVersion): LoadedModule {
  const cached = parsedModules.get(file);
  if (cached && sameVersion(cached, version)) return cached;
  let parsed: ParsedFile | null = null;
  const read = readTextFile(file, MAX_FILE_BYTES);
  if (read.ok) {
    parsed = parseModule(file, read.text);
  }
  const entry = { ...version, file: parsed };
  parsedModules.set(file, entry, parsed ? parsed.text.length * RETAINED_PER_SOURCE_BYTE : 0);
  return entry;
}

/** JavaScript as ESLint parses it by default, else (TypeScript, or JavaScript espree rejects) typescript-eslint's parser. */
function parseModule(file: string, text: string): ParsedFile | null {
  if (JAVASCRIPT.test(file)) {
    try {
      return parseFile(espreeParser, file, text);
    } catch {
      // Syntax espree refuses and TypeScript's parser accepts (redeclared `let`s, for one): the parser below.
    }
  }
  try {
    return parseFile({ parseForESLint }, file, text);
  } catch {
    return null; // unparsable: no summary
  }
}

/** The summaries kept for this version of `file` (a new, empty record when the file changed). */
function summariesOf(file: string, version: FileVersion): ModuleSummaries {
  const cached = moduleSummaries.get(file);
  if (cached && sameVersion(cached, version)) return cached;
  const entry: ModuleSummaries = {
    ...version,
    summaries: new Map(),
    exportsSomething: null,
    answers: new Map(),
    weight: 256,
  };
  moduleSummaries.set(file, entry, entry.weight);
  return entry;
}

function addSummary(file: string, entry: ModuleSummaries, key: string, summary: Summary): void {
  entry.summaries.set(key, summary);
  entry.weight += 64 + key.length * 2 + (summary.files.size + summary.read.size) * 128;
  for (const write of summary.writes) {
    const strings = [write.target, write.how, write.file, ...write.via].reduce((sum, text) => sum + text.length, 0);
    entry.weight += 256 + strings * 2;
  }
  moduleSummaries.set(file, entry, entry.weight);
}

/**
 * Whether `file` exports or re-exports anything, remembered with its summaries so that asking again does not parse
 * it again. False for a file that is missing or does not parse.
 */
export function exportsSomething(file: string): boolean {
  const version = versionOf(file);
  if (!version) return false;
  const entry = summariesOf(file, version);
  if (entry.exportsSomething === null) {
    const loaded = loadVersion(file, version).file;
    const facts = loaded ? factsOf(loaded) : null;
    entry.exportsSomething = facts ? facts.exports.starSources.length + facts.exports.entries.length > 0 : false;
  }
  return entry.exportsSomething;
}

/**
 * A small answer about the module at `file` (a table row, a name: nothing that holds its syntax tree), kept with its
 * summaries while the file is unchanged, so asking again after the syntax tree was evicted parses nothing. `compute`
 * gets the parsed module (null when it does not parse) and must read nothing but that module. A missing file gets
 * `compute(null)`, not kept.
 */
export function moduleAnswer<T>(
  file: string,
  question: string,
  compute: (module: { file: ParsedFile; facts: FileFacts } | null) => T,
): T {
  const version = versionOf(file);
  if (!version) return compute(null);
  for (const read of reading) read.set(file, version.mtimeMs);
  const entry = summariesOf(file, version);
  if (entry.answers.has(question)) return entry.answers.get(question) as T;
  const loaded = loadVersion(file, version).file;
  const facts = loaded ? factsOf(loaded) : null;
  const answer = compute(loaded && facts ? { file: loaded, facts } : null);
  entry.answers.set(question, answer);
  entry.weight += 128 + question.length * 2;
  moduleSummaries.set(file, entry, entry.weight);
  return answer;
}

/** The parsed file and facts of a module the analysis follows, from the same cache (path and modification time). */
export function loadModule(file: string): { file: ParsedFile; facts: FileFacts } | null {
  const loaded = load(file);
  const facts = loaded?.file ? factsOf(loaded.file) : null;
  return loaded?.file && facts ? { file: loaded.file, facts } : null;
}

/**
 * The writes that calling `exportPath` of `file` makes: `['remember']`, `['store', 'add']` (a method of an exported
 * singleton), `['Repo', '#add']` (an instance method, with `this` standing for the caller's instance `thisName`).
 */
export function summarize(
  file: string,
  exportPath: readonly string[],
  fromFile: string,
  thisName: string | null,
  budget: Budget,
  analyzeLoaded: AnalyzeLoaded,
  passed: PassedArgument[] | null = null,
): ImportedWrite[] {
  if (budget.depth >= MAX_IMPORT_DEPTH) return [];
  // The depth is part of the key: a summary made deeper in a chain follows fewer imports. So is what the call
  // passes at each position, which decides which parameters are the request.
  const key = `${exportPath.join('.')}|${thisName ?? ''}|${budget.depth}|${passed ? JSON.stringify(passed) : '*'}`;
  const version = versionOf(file);
  if (!version) return [];
  for (const read of reading) read.set(file, version.mtimeMs);
  const entry = summariesOf(file, version);
  let summary = entry.summaries.get(key);
  if (!summary || !unchangedSince(summary.read)) {
    const loaded = loadVersion(file, version);
    const facts = loaded.file ? factsOf(loaded.file) : null;
    if (!facts) return [];
    // Each summary has a budget of its own, so what it finds does not depend on which file asked first.
    const own: Budget = { depth: budget.depth, files: new Set([file]) };
    const read = new Map<string, number>([[file, version.mtimeMs]]);
    reading.push(read);
    let writes: ImportedWrite[] = [];
    const lossesBefore = lossCount();
    try {
      writes = computeSummary(facts, file, exportPath, thisName, own, analyzeLoaded, passed);
    } finally {
      reading.pop();
    }
    summary = { writes, files: own.files, read };
    // An incomplete summary is not kept: every importer then meets (and reports) the same loss.
    if (lossCount() === lossesBefore) addSummary(file, entry, key, summary);
  }
  for (const outer of reading) for (const [name, mtime] of summary.read) outer.set(name, mtime);
  // Charge the caller the whole footprint, whether the summary was just made or came from the cache.
  let added = 0;
  for (const name of summary.files) if (!budget.files.has(name)) added++;
  if (added > 0 && budget.files.size + added > MAX_FILES_PER_LINT) return [];
  for (const name of summary.files) budget.files.add(name);
  return relocate(summary.writes, file, fromFile);
}

/** Summaries store paths relative to the summarised file; callers see them relative to themselves. */
function relocate(summary: ImportedWrite[], file: string, fromFile: string): ImportedWrite[] {
  return summary.map((write) => {
    return { ...write, file: importPath(fromFile, path.resolve(path.dirname(file), write.file)) };
  });
}

function computeSummary(
  facts: FileFacts,
  file: string,
  exportPath: readonly string[],
  thisName: string | null,
  budget: Budget,
  analyzeLoaded: AnalyzeLoaded,
  passed: PassedArgument[] | null,
): ImportedWrite[] {
  const target = resolveExportPath(facts, file, exportPath, thisName, budget);
  if (!target) return [];
  // A re-export is where the name is, not a call: it costs no call depth. Its chain ends at a cycle (the
  // in-progress check) or at the budget of files per lint.
  if ('reexport' in target) {
    return summarize(target.reexport.file, target.reexport.path, file, thisName, budget, analyzeLoaded, passed);
  }
  const handler: Handler = { node: target.fn, name: target.name, reason: 'summary of an imported function' };
  if (passed) handler.passedArguments = passed;
  // A hook's returned functions run when the caller calls them, and such calls are followed where they are made.
  const returns = hookReturns(file, target.name);
  if (returns) handler.deferredReturns = returns;
  const findings = analyzeLoaded(facts.file, file, [handler], target.thisRoots, deeper(budget));
  return findings.map((finding) => ({
    kind: finding.kind,
    target: finding.target,
    how: finding.how,
    via: finding.via,
    file: finding.file ? finding.file : `./${path.basename(file)}`,
    dependsOnArguments: finding.kind === 'requestData' || finding.kind === 'cache',
    requiresArgument: finding.requiresArgument,
    closure: finding.closure,
    ...(finding.unreachedRemovers ? { unreachedRemovers: finding.unreachedRemovers } : {}),
    ...(finding.removalEntries ? { removalEntries: finding.removalEntries } : {}),
    ...(finding.overwrite ? { overwrite: true } : {}),
  }));
}

/** The function an export path names, and the classes whose `this` stands for the caller's instance. */
export interface ExportedFunction {
  fn: FunctionNode;
  thisRoots: ThisRoot[];
  /** The path as the user would call it: `remember`, `store.add`, `makeStack().enter`. */
  name: string;
}

/**
 * What calling `exportPath` of a module runs: `['remember']`, `['store', 'add']` (a method of an exported object
 * or singleton), `['Repo', '#add']` (an instance method; `this` is the caller's instance `thisName`),
 * `['makeStack', '()', 'enter']` (a method of what the exported factory returns).
 */
export function resolveExportPath(
  facts: FileFacts,
  file: string,
  exportPath: readonly string[],
  thisName: string | null,
  budget: Budget,
): ExportedFunction | { reexport: { file: string; path: string[] } } | null {
  const [exported, ...members] = exportPath;
  const target = findExport(facts, file, exported, budget);
  if (!target) {
    // `module.exports = Page` (a class, an instance, a function with properties): what the importer calls as
    // `Page.reload()` is a member of that one value.
    return exported !== 'default' && commonJsWholeValue(facts)
      ? resolveExportPath(facts, file, ['default', ...exportPath], thisName, budget)
      : null;
  }
  if ('reexport' in target)
    return { reexport: { file: target.reexport.file, path: [target.reexport.name, ...members] } };
  const dispatch = new Dispatch(facts);
  // An exported module variable: with the functions stored into it at start-up (`handlers.set('x', fn)`).
  const variable = facts.scopes.module.set.get(exported);
  const declared = variable && initializerOf(variable) === target.value;
  let held: Held[] = declared ? dispatch.heldByModuleVariable(variable) : dispatch.resolve(target.value);
  const thisRoots: ThisRoot[] = [];
  for (const member of members) {
    if (member === '()') {
      held = held.filter(isHeldFunction).flatMap((fn) => returnedValues(facts, fn).flatMap((v) => dispatch.resolve(v)));
      // `this` in the methods of what a factory returns is the caller's variable.
      for (const instance of held.filter(isInstance)) {
        if (thisName) thisRoots.push({ classNode: instance.instanceOf, name: thisName });
      }
      continue;
    }
    if (member.startsWith('#')) {
      const classes = held.filter((h): h is ClassNode => !isInstance(h) && !isCollection(h) && isClassNode(h));
      if (!thisName || classes.length === 0) return null;
      for (const classNode of classes) thisRoots.push({ classNode, name: thisName });
      held = classes.flatMap((classNode) => dispatch.members({ instanceOf: classNode }, member.slice(1)));
      continue;
    }
    held = held.flatMap((table) => dispatch.members(table, member === ENTRY ? null : member));
  }
  const fn = held.find(isHeldFunction);
  if (!fn) return null;
  const name = [
    exported === 'default' || exported === '*' ? null : exported,
    ...members.map((m) => m.replace(/^#/u, '')),
  ]
    .filter(Boolean)
    .join('.')
    .replace(/\.\(\)/gu, '()');
  return { fn, thisRoots, name: name || 'default' };
}

function deeper(budget: Budget): Budget {
  return { ...budget, depth: budget.depth + 1 };
}

type ExportTarget = { value: TSESTree.Node } | { reexport: { file: string; name: string } };

/** How many modules deep `export * from` is searched for a name. */
const MAX_EXPORT_STAR_DEPTH = 16;

/**
 * Where `name` is defined in a module (the facts' export model), with re-exports resolved to files. `export *`
 * is searched depth-first with each module once (`searched`), so cycles and barrels that re-export themselves
 * end; a chain deeper than the budget stops there and the loss is noted.
 */
function findExport(
  facts: FileFacts,
  file: string,
  name: string,
  budget: Budget,
  searched = new Set<string>(),
  depth = 0,
): ExportTarget | null {
  const found = facts.exports.find(name);
  if (found && 'value' in found) return found;
  if (found) {
    const resolved = resolveImport(file, found.reexport.source);
    return resolved ? { reexport: { file: resolved, name: found.reexport.name } } : null;
  }
  searched.add(file);
  // `export * from './impl'`: the first module that has the name.
  for (const source of facts.exports.starSources) {
    const resolved = resolveImport(file, source);
    if (!resolved || searched.has(resolved) || budget.files.size >= MAX_FILES_PER_LINT) continue;
    if (depth >= MAX_EXPORT_STAR_DEPTH) {
      noteIncomplete(
        `\`export *\` from ${relativeToLinted(file)}`,
        `the chain of \`export *\` is more than ${MAX_EXPORT_STAR_DEPTH} modules deep`,
      );
      return null;
    }
    const loaded = load(resolved);
    const starFacts = loaded?.file ? factsOf(loaded.file) : null;
    const inner = starFacts ? findExport(starFacts, resolved, name, budget, searched, depth + 1) : null;
    // Straight to the module that defines the name (or re-exports it by name), however many barrels are between.
    if (inner) return 'value' in inner ? { reexport: { file: resolved, name } } : inner;
  }
  return null;
}

/** A binding in the caller's file that stands for something another module exports. */
interface ImportedName {
  file: string;
  /** The export path the binding itself stands for: `['remember']`, `['default']`, `[]` for a whole module. */
  exportPath: string[];
}

/**
 * Finds request-time calls into relatively imported modules and turns each summarised write into a finding at the
 * call: `remember(event.item)` → "`history` (in ./store.ts) … via `remember()`".
 */
export function crossFileFindings(ctx: FileContext, budget: Budget, analyzeLoaded: AnalyzeLoaded): Finding[] {
  const { facts, filename } = ctx;
  if (!path.isAbsolute(filename)) return [];
  /** With type information, imports resolve through the program (paths, baseUrl, project references). */
  const oracle = ctx.oracle;
  const resolveThroughProgram: ProgramResolver = oracle ? (source) => oracle.resolveImport(source) : null;
  const findings: Finding[] = [];
  const calls = importedCalls(facts, filename, resolveThroughProgram);
  for (const { variable, call, exportPath, holder, madeAt } of calls) {
    const context = ctx.reach.contextOf(call.call);
    // An instance made per request is the request's own.
    if (!context || (madeAt && ctx.reach.contextOf(madeAt))) continue;
    // What the call passes at each position: `render('page.html', { req })` passes a name the code fixes, so the
    // summary reads only the second parameter as the request. A spread or `call`/`apply` hides the positions.
    const args = [...(call.bound ?? []), ...call.call.arguments];
    const passed = passedAtCall(ctx.requestData, facts, args, call.members);
    const summary = summarize(exportPath.file, exportPath.path, filename, holder, budget, analyzeLoaded, passed);
    const label = [variable.name, ...call.members].join('.');
    if (summary.length === 0) continue;
    const carriesRequestData = args.some((argument) => ctx.requestData.isRequestDerived(argument));
    // One report per call and kind: a call that writes 23 variables in another file is one thing to fix.
    const byKind = new Map<LeakKind, Finding>();
    for (const write of summary) {
      if (write.requiresArgument !== undefined && call.call.arguments.length <= write.requiresArgument) continue;
      // A cache or growing set whose removing method this caller runs on the same holder after start-up (`grants.revoke(ip)` on
      // logout) is a registry the code bounds: still shared state, a strict write. Removals that only other
      // importers run are not counted: an admin action there never meets the arbitrary keys a request sends here.
      const released =
        (write.kind === 'cache' || write.kind === 'growth') && removalRuns(calls, variable, write.removalEntries ?? []);
      const kind: LeakKind = released || (write.dependsOnArguments && !carriesRequestData) ? 'write' : write.kind;
      const existing = byKind.get(kind);
      if (existing) {
        if (write.overwrite) existing.overwrite = true;
        if (existing.target !== write.target && !existing.also?.includes(write.target)) {
          existing.also = [...(existing.also ?? []), write.target];
        }
        continue;
      }
      const finding: Finding = {
        kind,
        node: call.call,
        target: write.target,
        root: write.target,
        handler: context.handler,
        via: [...context.via, label, ...write.via],
        how: write.how,
        file: write.file,
        closure: withHolder(write.closure, holder),
        ...(kind === 'cache' && write.unreachedRemovers ? { unreachedRemovers: write.unreachedRemovers } : {}),
        ...(write.overwrite ? { overwrite: true } : {}),
      };
      byKind.set(kind, finding);
      findings.push(finding);
    }
  }
  return findings;
}

/**
 * Does one of `calls` (this file's calls into imported modules, the list the writes come from) run after start-up
 * (in a function, not at module level) one of `names` (functions of the imported module that remove a cache's or
 * set's entries, or call what does) on `variable`, the same holder the write goes through (`grants.revoke(ip)` in a
 * logout route, `grants.allow(ip)` in the login route)?
 */
function removalRuns(calls: readonly ImportedCall[], variable: Scope.Variable, names: readonly string[]): boolean {
  if (names.length === 0) return false;
  const wanted = new Set(names);
  return calls.some((other) => {
    if (other.variable !== variable || !enclosingFunction(other.call.call)) return false;
    const members = other.call.members.filter((member) => !RUNS_FUNCTION.has(member));
    return wanted.has(members.at(-1) ?? '');
  });
}

/** A request-time-or-not call into a relatively imported module, found through a binding of the caller's file. */
export interface ImportedCall {
  variable: Scope.Variable;
  call: MemberCall;
  exportPath: { file: string; path: string[] };
  /** The caller's variable whose `this` (or closure) the call works on: an instance or a factory's product. */
  holder: string | null;
  /**
   * For an instance kept in a function's local (`const manager = new Manager(opt)` inside an exported server
   * factory): where it is made. It is long-lived only when that code does not itself run per request.
   */
  madeAt?: TSESTree.NewExpression;
}

/**
 * Every call of the caller's file into a relatively imported module: `remember(x)` (an imported binding),
 * `repo.add(x)` for `const repo = new Repo()` (an instance of an imported class), `stack.enter(x)` for
 * `const stack = makeStack()` (a product of an imported factory).
 */
const importedCallsCache = new WeakMap<FileFacts, Map<string, ImportedCall[]>>();

/**
 * The calls into imported modules a file makes. Without a program to resolve through they depend on the file and
 * where it is alone, so they are kept per file (each summary of one of the file's exports asks again).
 */
export function importedCalls(facts: FileFacts, filename: string, viaProgram: ProgramResolver = null): ImportedCall[] {
  if (viaProgram) return findImportedCalls(facts, filename, viaProgram);
  let byName = importedCallsCache.get(facts);
  if (!byName) importedCallsCache.set(facts, (byName = new Map<string, ImportedCall[]>()));
  let calls = byName.get(filename);
  if (!calls) byName.set(filename, (calls = findImportedCalls(facts, filename, null)));
  return calls;
}

function findImportedCalls(facts: FileFacts, filename: string, viaProgram: ProgramResolver): ImportedCall[] {
  const result: ImportedCall[] = [];
  for (const variable of facts.scopes.module.variables as Scope.Variable[]) {
    const binding = importedName(facts, variable, filename, viaProgram);
    const made = binding ? null : importedProduct(facts, variable, filename, viaProgram);
    if (!binding && !made) continue;
    for (const reference of variable.references) {
      if (reference.init) continue;
      for (const call of memberCalls(facts, reference.identifier)) {
        const members =
          call.members.at(-1) && RUNS_FUNCTION.has(call.members.at(-1)!) ? call.members.slice(0, -1) : call.members;
        if (binding) {
          const path = [...binding.exportPath, ...members];
          if (path.length > 0) result.push({ variable, call, exportPath: { file: binding.file, path }, holder: null });
          continue;
        }
        const { file, exportPath, step } = made!;
        // `new Repo()`: one instance method; `makeStack()`: the product itself or one of its members.
        if (step === 'new' && members.length !== 1) continue;
        const path = step === 'new' ? [...exportPath, `#${members[0]}`] : [...exportPath, '()', ...members];
        result.push({ variable, call, exportPath: { file, path }, holder: variable.name });
      }
      if (binding) result.push(...localInstanceCalls(facts, reference.identifier, binding));
    }
  }
  return result;
}

/**
 * `const manager = new Manager(opt)` in a function (a server factory, a setup routine), then `manager.add(id)` in
 * the callbacks it registers: calls of one instance of an imported class that a local holds.
 */
function localInstanceCalls(facts: FileFacts, identifier: TSESTree.Node, binding: ImportedName): ImportedCall[] {
  const { parent, child } = valueParent(identifier);
  if (parent?.type !== T.NewExpression || parent.callee !== child) return [];
  const { parent: declarator, child: made } = valueParent(parent);
  if (declarator?.type !== T.VariableDeclarator || declarator.init !== made || declarator.id.type !== T.Identifier)
    return [];
  if (!enclosingFunction(declarator)) return [];
  const local = declaredVariables(facts.file, declarator)[0];
  if (!local || !isStableBinding(local)) return [];
  const result: ImportedCall[] = [];
  for (const use of local.references) {
    if (use.init) continue;
    for (const call of memberCalls(facts, use.identifier)) {
      if (call.members.length !== 1) continue;
      const path = [...binding.exportPath, `#${call.members[0]}`];
      result.push({
        variable: local,
        call,
        exportPath: { file: binding.file, path },
        holder: local.name,
        madeAt: parent,
      });
    }
  }
  return result;
}

/** `f.call(self, …)`, `f.apply(self, […])`, `f.bind(self, …)` then a call: they run `f` itself. */
const RUNS_FUNCTION = new Set(['call', 'apply', 'bind']);

/**
 * The calls one reference leads to: `x(…)`, `x.y.z(…)`, `x.y.call(…)`, and for `const run = x.y.bind(self, a)`
 * each later `run(…)` (with the bound arguments).
 */
function memberCalls(facts: FileFacts, identifier: TSESTree.Node): MemberCall[] {
  const call = memberCall(identifier);
  if (!call || call.members.at(-1) !== 'bind') return call ? [call] : [];
  const { parent } = valueParent(call.call);
  if (parent?.type !== T.VariableDeclarator || parent.id.type !== T.Identifier || parent.init !== call.call) return [];
  const bound = facts.file.scopeManager?.getDeclaredVariables(parent)[0];
  if (!bound || !bound.references.every((reference) => reference.init || !reference.isWrite())) return [];
  const result: MemberCall[] = [];
  for (const reference of bound.references) {
    const { parent: use, child } = valueParent(reference.identifier);
    if (use?.type !== T.CallExpression || use.callee !== child) continue;
    result.push({ call: use, members: call.members, bound: call.call.arguments.slice(1) });
  }
  return result;
}

/** A closure of another module's factory is held by the caller's variable. */
function withHolder(closure: ClosureInfo | undefined, holder: string | null): ClosureInfo | undefined {
  if (!closure || closure.kind !== 'closure' || !holder || closure.holders.length > 0) return closure;
  return { ...closure, holders: [holder] };
}

/** A call through an imported binding: the call, the member names between the binding and it. */
export interface MemberCall {
  call: TSESTree.CallExpression;
  members: string[];
  /** Arguments bound ahead of the call's own (`const run = x.bind(self, a); run()` binds `a`). */
  bound?: readonly TSESTree.Node[];
}

/** `x(…)`, `x.y(…)`, `x.y.z(…)`: the call and the member names between the binding and it. */
function memberCall(identifier: TSESTree.Node): MemberCall | null {
  const members: string[] = [];
  let node = identifier;
  for (;;) {
    const { parent, child } = valueParent(node);
    if (parent?.type === T.MemberExpression && parent.object === child) {
      const name = staticPropertyName(parent);
      if (name === null) return null;
      members.push(name);
      node = parent;
      continue;
    }
    if (parent?.type !== T.CallExpression || parent.callee !== child) return null;
    // `handlers.get(type)?.(event)`: the function a Map of handlers holds is what is called.
    const outer = valueParent(parent);
    if (members.at(-1) === 'get' && outer.parent?.type === T.CallExpression && outer.parent.callee === outer.child) {
      return { call: outer.parent, members: [...members.slice(0, -1), ENTRY] };
    }
    return { call: parent, members };
  }
}

/** The export path segment for an entry of a collection of functions (`Map#get` of an exported Map). */
const ENTRY = '[]';

type ProgramResolver = ((source: TSESTree.StringLiteral) => string | null) | null;

/**
 * The export a reference to an imported binding names, members appended: `handle` for `import { handle } from
 * './handle'`, `['routes', 'list']` for `routes.list` of `import * as routes`… Null when it is no relative import.
 */
export function importedReference(
  facts: FileFacts,
  node: TSESTree.Node,
  filename: string,
): { file: string; path: string[] } | null {
  const members: string[] = [];
  let value = unwrap(node);
  while (value.type === T.MemberExpression) {
    const name = staticPropertyName(value);
    if (name === null) return null;
    members.unshift(name);
    value = unwrap(value.object);
  }
  const variable = value.type === T.Identifier ? facts.variableOf(value) : null;
  const binding = variable ? importedName(facts, variable, filename) : null;
  const path = binding ? [...binding.exportPath, ...members] : [];
  return binding && path.length > 0 ? { file: binding.file, path } : null;
}

/** The module and export path a binding of the caller's file stands for, when it names a local file. */
function importedName(
  facts: FileFacts,
  variable: Scope.Variable,
  filename: string,
  viaProgram: ProgramResolver = null,
): ImportedName | null {
  const imported = facts.imports.ofVariable(variable);
  if (!imported || imported.typeOnly) return null;
  const file = resolveTarget(imported, filename, viaProgram);
  return file ? { file, exportPath: imported.path } : null;
}

function resolveTarget(imported: ImportTarget, filename: string, viaProgram: ProgramResolver): string | null {
  const literal = imported.sourceNode?.type === T.Literal ? (imported.sourceNode as TSESTree.StringLiteral) : null;
  const throughProgram = imported.form === 'import' && literal ? (viaProgram?.(literal) ?? null) : null;
  return throughProgram ?? resolveImport(filename, imported.source);
}

/**
 * The value an imported binding stands for when it is one named export of a relative module (`logger` for
 * `import { logger } from './logger'`, where that module has `export const logger = new Logger()`), with the
 * module's facts to read it. One file is read, through the same cache as summaries.
 */
export function importedExportValue(
  facts: FileFacts,
  variable: Scope.Variable,
  filename: string,
): { value: TSESTree.Node; facts: FileFacts } | null {
  if (!path.isAbsolute(filename)) return null;
  const binding = importedName(facts, variable, filename);
  if (binding?.exportPath.length !== 1) return null;
  const loaded = load(binding.file);
  const loadedFacts = loaded?.file ? factsOf(loaded.file) : null;
  const found = loadedFacts?.exports.find(binding.exportPath[0]);
  return loadedFacts && found && 'value' in found ? { value: unwrap(found.value), facts: loadedFacts } : null;
}

/** `const repo = new Repo()` or `const stack = makeStack()` (`await` too), where the callee is imported from a relative module. */
function importedProduct(
  facts: FileFacts,
  variable: Scope.Variable,
  filename: string,
  viaProgram: ProgramResolver,
): (ImportedName & { step: 'new' | 'call' }) | null {
  const init = initializerOf(variable);
  let value = init ? unwrap(init) : null;
  if (value?.type === T.AwaitExpression) value = unwrap(value.argument);
  if (value?.type !== T.NewExpression && value?.type !== T.CallExpression) return null;
  const callee = unwrap(value.callee);
  const step = value.type === T.NewExpression ? 'new' : 'call';
  // `Server.getInstance()`: a static accessor of an imported class that returns its one instance is `new Server()`.
  if (value.type === T.CallExpression && callee.type === T.MemberExpression) {
    const object = unwrap(callee.object);
    const method = staticPropertyName(callee);
    const classVariable = object.type === T.Identifier ? facts.scopes.module.set.get(object.name) : undefined;
    const imported = classVariable && method ? importedName(facts, classVariable, filename, viaProgram) : null;
    if (imported && singletonAccessor(imported, method!)) return { ...imported, step: 'new' };
  }
  if (callee.type !== T.Identifier) {
    // `new (require('./warmer'))()`, `require('./store').create()`: the module is named right at the call.
    const target = facts.imports.of(callee);
    if (!target || target.typeOnly || target.form === 'dynamic' || !target.source.startsWith('.')) return null;
    const file = resolveTarget(target, filename, viaProgram);
    return file ? { file, exportPath: target.path, step } : null;
  }
  const calleeVariable = facts.scopes.module.set.get(callee.name);
  if (!calleeVariable) return null;
  const imported = importedName(facts, calleeVariable, filename, viaProgram);
  return imported ? { ...imported, step } : null;
}

/**
 * Is `method` a static method of the class the module exports under `binding` that returns the class's one
 * instance: `new this()` or `new Server()` itself, or a static field it fills with one
 * (`if (!Server.instance) Server.instance = new Server(); return Server.instance`)? One file is read.
 */
function singletonAccessor(binding: ImportedName, method: string): boolean {
  if (binding.exportPath.length !== 1) return false;
  const loaded = load(binding.file);
  const loadedFacts = loaded?.file ? factsOf(loaded.file) : null;
  const found = loadedFacts?.exports.find(binding.exportPath[0]);
  if (!loadedFacts || !found || !('value' in found)) return false;
  const classes = new Dispatch(loadedFacts)
    .resolve(found.value)
    .filter((held): held is ClassNode => !isInstance(held) && !isCollection(held) && isClassNode(held));
  for (const classNode of classes) {
    const fn = classMethod(classNode, method, 'static');
    if (!fn) continue;
    const className = classNode.id?.name ?? null;
    const isOwnClass = (node: TSESTree.Node) =>
      node.type === T.ThisExpression || (node.type === T.Identifier && node.name === className);
    const makesOne = (node: TSESTree.Node) => node.type === T.NewExpression && isOwnClass(unwrap(node.callee));
    // Static fields the accessor (or the class body) assigns a new instance to.
    const filled = new Set<string>();
    walk(classNode.body, loadedFacts.file.visitorKeys, (node) => {
      const target = node.type === T.AssignmentExpression ? unwrap(node.left) : null;
      if (node.type === T.AssignmentExpression && target?.type === T.MemberExpression && makesOne(unwrap(node.right))) {
        const field = staticPropertyName(target);
        if (field !== null && isOwnClass(unwrap(target.object))) filled.add(field);
      }
      if (node.type === T.PropertyDefinition && node.static && node.value && makesOne(unwrap(node.value))) {
        const field = staticPropertyName(node);
        if (field !== null) filled.add(field);
      }
    });
    for (const returned of returnedValues(loadedFacts, fn)) {
      const value = unwrap(returned);
      if (makesOne(value)) return true;
      if (value.type !== T.MemberExpression || !isOwnClass(unwrap(value.object))) continue;
      const field = staticPropertyName(value);
      if (field !== null && filled.has(field)) return true;
    }
  }
  return false;
}

/**
 * The function a call runs when its callee is imported from a relative module: `ensureServer()`,
 * `Manager.getInstance()`, `db.get()`. One file is read (through the same cache as summaries), so the answer does
 * not depend on any per-lint budget.
 */
export function importedGetter(ctx: FileContext): GetterResolver | null {
  const { facts, filename } = ctx;
  if (!path.isAbsolute(filename)) return null;
  return (call) => {
    let callee = unwrap(call.callee);
    const members: string[] = [];
    while (callee.type === T.MemberExpression) {
      const name = staticPropertyName(callee);
      if (name === null) return null;
      members.unshift(name);
      callee = unwrap(callee.object);
    }
    if (callee.type !== T.Identifier || members.length > 1) return null;
    const variable = facts.variableOf(callee);
    const binding = variable ? importedName(facts, variable, filename) : null;
    if (!binding) return null;
    const exportPath = [...binding.exportPath, ...members];
    if (exportPath.length === 0 || exportPath.length > 2) return null;
    const loaded = load(binding.file);
    const loadedFacts = loaded?.file ? factsOf(loaded.file) : null;
    if (!loadedFacts) return null;
    const found = loadedFacts.exports.find(exportPath[0]);
    if (!found || !('value' in found)) return null;
    const value = unwrap(found.value);
    if (exportPath.length === 1) {
      const fn = loadedFacts.functionOf(value);
      return fn ? { fn, facts: loadedFacts } : null;
    }
    const member = exportPath[1];
    const fn =
      value.type === T.ObjectExpression
        ? objectMethod(value, member)
        : value.type === T.ClassDeclaration || value.type === T.ClassExpression
          ? classMethod(value, member, 'static')
          : null;
    return fn ? { fn, facts: loadedFacts } : null;
  };
}

/** `module.exports = value` / `export = value` with a value that is not an object literal (whose keys are entries). */
export function commonJsWholeValue(facts: FileFacts): boolean {
  return facts.exports.entries.some(
    (entry) =>
      entry.name === 'default' && !entry.whole && (entry.form === 'commonjs' || entry.form === 'export-equals'),
  );
}
