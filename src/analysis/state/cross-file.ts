// Follows request-time calls into relatively imported modules and brings back a summary of the module state they write.
import fs from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { parseForESLint } from '@typescript-eslint/parser';
import type { FileContext } from '../context.js';
import { isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import { parseFile } from '../file/parse.js';
import { clearImporterIndex } from '../file/importers.js';
import { clearResolveCache, resolveImport } from '../file/resolve.js';
import { readTextFile } from '../../util/read-file.js';
import { factsOf, type FileFacts, type ParsedFile } from '../file/index.js';
import type { ImportTarget } from '../file/imports.js';
import { classMethod, isClassNode, objectMethod, type ClassNode } from '../file/members.js';
import { initializerOf } from '../file/scopes.js';
import type { ClosureInfo, Finding, FunctionNode, Handler, LeakKind } from '../types.js';
import { Dispatch, isCollection, isHeldFunction, isInstance, returnedValues, type Held } from './dispatch.js';
import { localClassOf } from './instances.js';
import type { GetterResolver } from './lazy-init.js';
import type { ThisRoot } from './module-state.js';

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
  summaries: Map<string, Summary>;
}

/** Per-process cache keyed by absolute path; an entry is reused while the file's modification time is unchanged. */
const modules = new Map<string, LoadedModule>();

export function clearCrossFileCache(): void {
  modules.clear();
  clearResolveCache();
  clearImporterIndex();
}

export { resolveImport };

/** Files read while a summary is computed, innermost summary last; each records what it read. */
const reading: Array<Map<string, number>> = [];

/** The parsed module at `file`, cached per process while its modification time is unchanged. */
export function load(file: string): LoadedModule | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  for (const read of reading) read.set(file, stat.mtimeMs);
  const cached = modules.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs) return cached;
  let parsed: ParsedFile | null = null;
  const read = readTextFile(file, MAX_FILE_BYTES);
  if (read.ok) {
    try {
      parsed = parseFile({ parseForESLint }, file, read.text);
    } catch {
      parsed = null; // unparsable: no summary
    }
  }
  const entry: LoadedModule = { mtimeMs: stat.mtimeMs, file: parsed, summaries: new Map() };
  modules.set(file, entry);
  return entry;
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
): ImportedWrite[] {
  if (budget.depth >= MAX_IMPORT_DEPTH) return [];
  // The depth is part of the key: a summary made deeper in a chain follows fewer imports.
  const key = `${exportPath.join('.')}|${thisName ?? ''}|${budget.depth}`;
  const loaded = load(file);
  const facts = loaded?.file ? factsOf(loaded.file) : null;
  if (!loaded || !facts) return [];
  let summary = loaded.summaries.get(key);
  if (!summary || !isFresh(summary)) {
    const own: Budget = { depth: budget.depth, files: new Set([file]) };
    const read = new Map<string, number>([[file, loaded.mtimeMs]]);
    reading.push(read);
    let writes: ImportedWrite[] = [];
    try {
      writes = computeSummary(facts, file, exportPath, thisName, own, analyzeLoaded);
    } finally {
      reading.pop();
    }
    summary = { writes, files: own.files, read };
    loaded.summaries.set(key, summary);
  }
  for (const outer of reading) for (const [name, mtime] of summary.read) outer.set(name, mtime);
  // Charge the caller the whole footprint, whether the summary was just made or came from the cache.
  let added = 0;
  for (const name of summary.files) if (!budget.files.has(name)) added++;
  if (added > 0 && budget.files.size + added > MAX_FILES_PER_LINT) return [];
  for (const name of summary.files) budget.files.add(name);
  return relocate(summary.writes, file, fromFile);
}

/** Is every file the summary read unchanged since? */
function isFresh(summary: Summary): boolean {
  for (const [name, mtime] of summary.read) {
    try {
      if (fs.statSync(name).mtimeMs !== mtime) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Summaries store paths relative to the summarised file; callers see them relative to themselves. */
function relocate(summary: ImportedWrite[], file: string, fromFile: string): ImportedWrite[] {
  return summary.map((write) => {
    const absolute = path.resolve(path.dirname(file), write.file);
    let relative = path.relative(path.dirname(fromFile), absolute).split(path.sep).join('/');
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return { ...write, file: relative };
  });
}

function computeSummary(
  facts: FileFacts,
  file: string,
  exportPath: readonly string[],
  thisName: string | null,
  budget: Budget,
  analyzeLoaded: AnalyzeLoaded,
): ImportedWrite[] {
  const target = resolveExportPath(facts, file, exportPath, thisName, budget);
  if (!target) return [];
  if ('reexport' in target) {
    return summarize(target.reexport.file, target.reexport.path, file, thisName, deeper(budget), analyzeLoaded);
  }
  const handler: Handler = { node: target.fn, name: target.name, reason: 'summary of an imported function' };
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
  if (!target) return null;
  if ('reexport' in target)
    return { reexport: { file: target.reexport.file, path: [target.reexport.name, ...members] } };
  const dispatch = new Dispatch(facts);
  let held: Held[] = dispatch.resolve(target.value);
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
    held = held.flatMap((table) => dispatch.members(table, member));
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

/** Where `name` is defined in a module (the facts' export model), with re-exports resolved to files. */
function findExport(facts: FileFacts, file: string, name: string, budget: Budget): ExportTarget | null {
  const found = facts.exports.find(name);
  if (found && 'value' in found) return found;
  if (found) {
    const resolved = resolveImport(file, found.reexport.source);
    return resolved ? { reexport: { file: resolved, name: found.reexport.name } } : null;
  }
  // `export * from './impl'`: the first module that has the name.
  for (const source of facts.exports.starSources) {
    const resolved = resolveImport(file, source);
    if (!resolved || budget.files.size >= MAX_FILES_PER_LINT) continue;
    const loaded = load(resolved);
    const starFacts = loaded?.file ? factsOf(loaded.file) : null;
    if (starFacts && findExport(starFacts, resolved, name, deeper(budget))) {
      return { reexport: { file: resolved, name } };
    }
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
  for (const { variable, call, exportPath, holder } of importedCalls(facts, filename, resolveThroughProgram)) {
    const context = ctx.reach.contextOf(call.call);
    if (!context) continue;
    const summary = summarize(exportPath.file, exportPath.path, filename, holder, budget, analyzeLoaded);
    const label = [variable.name, ...call.members].join('.');
    if (summary.length === 0) continue;
    const carriesRequestData = call.call.arguments.some((argument) => ctx.requestData.isRequestDerived(argument));
    // One report per call and kind: a call that writes 23 variables in another file is one thing to fix.
    const byKind = new Map<LeakKind, Finding>();
    for (const write of summary) {
      if (write.requiresArgument !== undefined && call.call.arguments.length <= write.requiresArgument) continue;
      const kind: LeakKind = write.dependsOnArguments && !carriesRequestData ? 'write' : write.kind;
      const existing = byKind.get(kind);
      if (existing) {
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
      };
      byKind.set(kind, finding);
      findings.push(finding);
    }
  }
  return findings;
}

/** A request-time-or-not call into a relatively imported module, found through a binding of the caller's file. */
export interface ImportedCall {
  variable: Scope.Variable;
  call: { call: TSESTree.CallExpression; members: string[] };
  exportPath: { file: string; path: string[] };
  /** The caller's variable whose `this` (or closure) the call works on: an instance or a factory's product. */
  holder: string | null;
}

/**
 * Every call of the caller's file into a relatively imported module: `remember(x)` (an imported binding),
 * `repo.add(x)` for `const repo = new Repo()` (an instance of an imported class), `stack.enter(x)` for
 * `const stack = makeStack()` (a product of an imported factory).
 */
export function importedCalls(facts: FileFacts, filename: string, viaProgram: ProgramResolver = null): ImportedCall[] {
  const result: ImportedCall[] = [];
  for (const variable of facts.scopes.module.variables as Scope.Variable[]) {
    const binding = importedName(facts, variable, filename, viaProgram);
    const made = binding ? null : importedProduct(facts, variable, filename, viaProgram);
    if (!binding && !made) continue;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const call = memberCall(reference.identifier as TSESTree.Node);
      if (!call) continue;
      if (binding) {
        const path = [...binding.exportPath, ...call.members];
        if (path.length > 0) result.push({ variable, call, exportPath: { file: binding.file, path }, holder: null });
        continue;
      }
      const { file, exportPath, step } = made!;
      // `new Repo()`: one instance method; `makeStack()`: the product itself or one of its members.
      if (step === 'new' && call.members.length !== 1) continue;
      const path = step === 'new' ? [...exportPath, `#${call.members[0]}`] : [...exportPath, '()', ...call.members];
      result.push({ variable, call, exportPath: { file, path }, holder: variable.name });
    }
  }
  return result;
}

/** A closure of another module's factory is held by the caller's variable. */
function withHolder(closure: ClosureInfo | undefined, holder: string | null): ClosureInfo | undefined {
  if (!closure || closure.kind !== 'closure' || !holder || closure.holders.length > 0) return closure;
  return { ...closure, holders: [holder] };
}

/** `x(…)`, `x.y(…)`, `x.y.z(…)`: the call and the member names between the binding and it. */
function memberCall(identifier: TSESTree.Node): { call: TSESTree.CallExpression; members: string[] } | null {
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
    if (parent?.type === T.CallExpression && parent.callee === child) return { call: parent, members };
    return null;
  }
}

type ProgramResolver = ((source: TSESTree.StringLiteral) => string | null) | null;

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
  const name = callee.type === T.Identifier ? callee.name : null;
  const calleeVariable = name ? facts.scopes.module.set.get(name) : undefined;
  if (!calleeVariable) return null;
  const imported = importedName(facts, calleeVariable as Scope.Variable, filename, viaProgram);
  return imported ? { ...imported, step: value.type === T.NewExpression ? 'new' : 'call' } : null;
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
