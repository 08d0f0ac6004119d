// Report where the fix is made. A module whose state is written by its own exported functions says nothing when it
// is linted alone, because nothing in it runs per request. This stage finds the project files that import it (the
// importer index), follows their request-time calls into it, and hands the called functions back as handlers that
// are "reached per request from `handler` in ./handler.ts via `remember()`". Importers that are themselves only
// reached from their importers (a service between a route and a store), and barrels that re-export the module,
// are followed too, within fixed limits per linted file.
import fs from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { BaseContext } from '../context.js';
import { importersOf, INDEX_LIMITS, listingVersionOf } from '../file/importers.js';
import { SPELLING_ESCAPE, wordsPattern } from '../../util/text.js';
import { readTextFile, unchangedSince } from '../../util/read-file.js';
import { BoundedCache } from '../../util/bounded-cache.js';
import { factsOf, type FileFacts } from '../file/index.js';
import { isTestFile } from '../file/test-files.js';
import { detectHandlers } from '../handlers/index.js';
import { hookReturns } from '../handlers/platforms/vue-setup-calls.js';
import type { ResolvedSettings } from '../settings.js';
import type { Handler, PassedArgument, ReachedFrom } from '../types.js';
import { isFunctionNode, rootIdentifier, walk as walkAst } from '../file/ast.js';
import {
  commonJsWholeValue,
  exportsSomething,
  importedCalls,
  importedReference,
  load,
  newBudget,
  resolveExportPath,
} from './cross-file.js';
import { returnedValues } from '../file/products.js';
import type { ThisRoot } from './module-state.js';
import { Reachability } from './reachability.js';
import { passedAtCall, RequestData } from './request-data.js';

/** How far one linted file looks: importers per module, hops from the handler, modules read in all. */
export const REACHED_FROM_LIMITS = { importers: 12, depth: 3, files: 24 };

/** One request-time call an importer makes into another module. */
interface OutgoingCall {
  /** The called module, absolute. */
  target: string;
  exportPath: string[];
  holder: string | null;
  origin: { handler: string; file: string; via: string[] };
  carriesRequestData: boolean;
  argumentCount: number | null;
  requestArguments: PassedArgument[] | null;
}

/** What an answer was read from, to tell when it is stale: modules and their times, and importer lists. */
interface Sources {
  mtimes: Map<string, number>;
  importers: Map<string, string>;
  /** The importer index's listing version each importer list was read from. */
  listings: Map<string, number>;
  /** The exported writers each importer list was ranked by. */
  writers: Map<string, readonly string[]>;
  /** The names each module's importers were required to mention. */
  names: Map<string, ReadonlySet<string>>;
}

interface Outgoing {
  sources: Sources;
  calls: OutgoingCall[];
  /** The modules the answer's own walk read (itself included): what a walk that takes the answer is charged. */
  asked?: ReadonlySet<string>;
}

/** Per process: the calls each importer makes at request time, keyed by file and the hops left (small records). */
const outgoingCache = new BoundedCache<string, Outgoing>({ entries: 8192, weight: 16 * 1024 * 1024 });

/** Roughly the bytes an answer holds. */
function weightOf(outgoing: Outgoing): number {
  let weight = 256 + (outgoing.sources.mtimes.size + outgoing.sources.importers.size) * 128;
  weight += (outgoing.asked?.size ?? 0) * 64;
  for (const list of outgoing.sources.importers.values()) weight += list.length * 2;
  for (const call of outgoing.calls)
    weight += 256 + (call.origin.via.length + call.exportPath.length + (call.requestArguments?.length ?? 0)) * 64;
  return weight;
}

export function clearReachedFromCache(): void {
  outgoingCache.clear();
  incomingCache.clear();
}

export interface ReachedEntries {
  handlers: Handler[];
  thisRoots: ThisRoot[];
}

const NONE: ReachedEntries = { handlers: [], thisRoots: [] };

interface Walk {
  settings: ResolvedSettings;
  /** Modules read for this linted file (cached or not, so the answer does not depend on what ran before). */
  files: Set<string>;
}

function newWalk(settings: ResolvedSettings, file: string): Walk {
  return { settings, files: new Set([file]) };
}

/** Take an answer into `walk` when its budget holds every module the answer read: charge them to it. */
function replays(walk: Walk, asked: ReadonlySet<string>): boolean {
  let added = 0;
  for (const file of asked) if (!walk.files.has(file)) added++;
  if (walk.files.size + added > REACHED_FROM_LIMITS.files) return false;
  for (const file of asked) walk.files.add(file);
  return true;
}

/**
 * The functions of the linted file that other files' handlers call per request, as handlers carrying where they are
 * reached from. Empty for files outside a project's own code (`node_modules`) and files with nothing that could hold
 * state.
 */
export function reachedFromImporters(base: BaseContext): ReachedEntries {
  const file = base.filename;
  if (!path.isAbsolute(file) || file.split(/[\\/]/u).includes('node_modules')) return NONE;
  if (!mayHoldState(base.facts)) return NONE;
  return entriesFrom(
    base.facts,
    file,
    incomingCalls(file, base.settings, writingExports(base.facts), callNames(base.facts)),
  );
}

/**
 * Per process: the request-time calls into each linted module, with everything they were read from. A walk starts
 * from the module alone, so its answer depends only on the files it read; one freshness check of those (each file
 * once) replaces the checks of every importer's cached answer along the walk.
 */
const incomingCache = new BoundedCache<string, Outgoing>({ entries: 4096, weight: 8 * 1024 * 1024 });

function incomingCalls(
  file: string,
  settings: ResolvedSettings,
  writers: readonly string[],
  names: ReadonlySet<string>,
): OutgoingCall[] {
  const cached = incomingCache.get(file);
  // The linted file's own edits can change which exports write state, and so which importers come first, and
  // which names an importer must mention to call into it.
  const sameWriters = cached && (cached.sources.writers.get(file) ?? []).join('\n') === writers.join('\n');
  const sameNames = cached && [...(cached.sources.names.get(file) ?? [])].join('\n') === [...names].join('\n');
  if (cached && sameWriters && sameNames && isFresh(cached)) return cached.calls;
  const sources = newSources();
  const walk = newWalk(settings, file);
  const incoming: Outgoing = {
    sources,
    calls: callsInto(file, names, REACHED_FROM_LIMITS.depth, walk, sources, writers),
  };
  incomingCache.set(file, incoming, weightOf(incoming));
  return incoming.calls;
}

/** Module-level bindings, globals, or exported factories whose products close over state. */
function mayHoldState(facts: FileFacts): boolean {
  if (!facts.exports.exportsSomething) return false;
  const declares = facts.scopes.module.variables.some((variable) =>
    variable.defs.some((def) => def.type === 'Variable' || def.type === 'ClassName'),
  );
  if (declares || GLOBAL_NAMES.some((name) => facts.globals.referencesTo(name).length > 0)) return true;
  // `export function makeStack() { const frames = []; return { enter… } }`: a product that closes over state.
  return facts.exports
    .functions(() => true)
    .some(({ fn }) =>
      returnedValues(facts, fn).some((value) => isFunctionNode(value) || value.type === T.ObjectExpression),
    );
}

const GLOBAL_NAMES = ['process', 'globalThis', 'global', 'window'];
const MUTATORS = new Set(['push', 'unshift', 'splice', 'set', 'add', 'delete', 'clear', 'assign']);

/**
 * The exported functions whose own bodies write a global or a module-level binding (an assignment, an update, a
 * mutating method call on it): the names whose callers are followed first when a module has many importers.
 */
function writingExports(facts: FileFacts): string[] {
  const moduleNames = new Set(facts.scopes.module.variables.map((variable) => variable.name));
  const isState = (node: TSESTree.Node): boolean => {
    const root = rootIdentifier(node);
    return root !== null && (moduleNames.has(root.name) || GLOBAL_NAMES.includes(root.name));
  };
  const names: string[] = [];
  for (const { name, fn } of facts.exports.functions(() => true)) {
    if (!/^[\w$]+$/u.test(name) || name === 'default') continue;
    let writes = false;
    walkAst(fn.body, facts.file.visitorKeys, (node) => {
      if (writes) return false;
      if (node.type === T.AssignmentExpression || node.type === T.UpdateExpression) {
        const target = node.type === T.AssignmentExpression ? node.left : node.argument;
        writes = (target.type === T.MemberExpression || target.type === T.Identifier) && isState(target);
      } else if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
        const method = node.callee.property.type === T.Identifier ? node.callee.property.name : null;
        writes = method !== null && MUTATORS.has(method) && isState(node.callee.object);
      }
      return undefined;
    });
    if (writes) names.push(name);
  }
  return names;
}

function entriesOf(facts: FileFacts, file: string, depth: number, walk: Walk, sources: Sources): ReachedEntries {
  if (depth <= 0) return NONE;
  return entriesFrom(facts, file, callsInto(file, callNames(facts), depth, walk, sources, writingExports(facts)));
}

/**
 * The names a call into a module can start its export path with: its exports and re-exports (`default` for a
 * default export). A call into it from another file goes through an import of one of them, so an importer whose
 * text mentions none of them cannot call into it.
 */
function callNames(facts: FileFacts): Set<string> {
  const names = new Set<string>();
  for (const entry of facts.exports.entries) names.add(entry.name);
  for (const reexport of facts.exports.reexports) names.add(reexport.name);
  // `module.exports = Page`: an importer calls `Page.reload()` on what `require()` returns, under any local name.
  if (commonJsWholeValue(facts)) names.add(WHOLE_VALUE);
  return names;
}

/** Stands in `callNames` for a CommonJS module whose whole value is one class, instance or function. */
const WHOLE_VALUE = '\0module.exports';

/**
 * Can `text` call into a module that exports `names`? It must mention one of them as a word (`remember(…)`,
 * `store.remember(…)`, `{ remember: r } = require(…)`), or bind a default import (`import store from …`) when the
 * module has a default. A superset of what the importer's parse would find, read from the text alone.
 */
function mayCallInto(text: string, names: ReadonlySet<string>): boolean {
  if (names.size === 0) return false;
  if (names.has('default') && DEFAULT_IMPORT.test(text)) return true;
  if (names.has(WHOLE_VALUE) && REQUIRE_CALL.test(text)) return true;
  // As the linted file's facts decide it: a name spelled with an escape counts too.
  const words = [...names].filter((name) => name !== WHOLE_VALUE);
  return (words.length > 0 && wordsPattern(words).test(text)) || SPELLING_ESCAPE.test(text);
}

const REQUIRE_CALL = /\brequire\s*\(/u;
/** `import store from`, `import store, { … } from`: a binding of the default export without the word `default`. */
const DEFAULT_IMPORT = /\bimport\s+[\w$]+\s*(?:,|from\b)/u;
/** Only ES `export` statements re-export another module's binding (`export *`, `export { x } from`, `export default x`). */
const ES_EXPORT = /(?<![\w$.])export(?![\w$])/u;

/** The modification time `isFresh` compares (NaN, never equal, for a file that is gone). */
function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** The functions of `file` the calls name, each once, with where it is reached from. */
function entriesFrom(facts: FileFacts, file: string, calls: readonly OutgoingCall[]): ReachedEntries {
  const byFunction = new Map<Handler['node'], Handler>();
  const thisRoots: ThisRoot[] = [];
  for (const call of calls) {
    const resolved = resolveExportPath(facts, file, call.exportPath, call.holder, newBudget());
    if (!resolved || 'reexport' in resolved) continue;
    const known = byFunction.get(resolved.fn);
    if (known?.reachedFrom) {
      known.reachedFrom.carriesRequestData ||= call.carriesRequestData;
      const counts = [known.reachedFrom.argumentCount, call.argumentCount];
      known.reachedFrom.argumentCount = counts.includes(null) ? null : Math.max(...(counts as number[]));
      known.reachedFrom.requestArguments = mergePassed(known.reachedFrom.requestArguments, call.requestArguments);
      continue;
    }
    const reachedFrom: ReachedFrom = {
      ...call.origin,
      carriesRequestData: call.carriesRequestData,
      argumentCount: call.argumentCount,
      requestArguments: call.requestArguments,
    };
    const handler: Handler = {
      node: resolved.fn,
      name: resolved.name,
      reason: `called per request from ${path.basename(call.origin.file)}`,
      reachedFrom,
    };
    const returns = hookReturns(file, resolved.name);
    if (returns) handler.deferredReturns = returns;
    byFunction.set(resolved.fn, handler);
    thisRoots.push(...resolved.thisRoots);
  }
  return { handlers: [...byFunction.values()], thisRoots };
}

/** The request-time calls that importers of `file` (and barrels re-exporting it) make into it. */
function callsInto(
  file: string,
  names: ReadonlySet<string>,
  depth: number,
  walk: Walk,
  sources: Sources,
  writers: readonly string[] = [],
): OutgoingCall[] {
  const result: OutgoingCall[] = [];
  const importers = followedImporters(file, writers);
  sources.importers.set(file, importers.join('\n'));
  sources.listings.set(file, listingVersionOf(file));
  sources.writers.set(file, writers);
  sources.names.set(file, names);
  // Read from the text before anything is parsed: does the importer mention a name it could call, and could it
  // be a barrel that re-exports this module? An importer that can do neither is not followed and costs nothing.
  const roles = new Map<string, { calls: boolean; barrel: boolean }>();
  for (const importer of importers) {
    const read = readTextFile(importer, INDEX_LIMITS.fileBytes);
    if (!read.ok) continue;
    // The answer now depends on this text: an edit that adds a call makes it stale.
    sources.mtimes.set(importer, mtimeOf(importer));
    roles.set(importer, { calls: mayCallInto(read.text, names), barrel: depth > 1 && ES_EXPORT.test(read.text) });
  }
  // Breadth first: this module's own importers take their share of the file budget before any of them spends it
  // on its importers, so a module's direct callers are never crowded out by the first caller's callers.
  const admitted = importers.filter((importer) => {
    const role = roles.get(importer);
    if (!role || (!role.calls && !role.barrel)) return false;
    if (walk.files.has(importer)) return true;
    if (walk.files.size >= REACHED_FROM_LIMITS.files) return false;
    walk.files.add(importer);
    return true;
  });
  for (const importer of admitted) {
    const role = roles.get(importer)!;
    if (role.calls) {
      const outgoing = outgoingOf(importer, depth - 1, walk);
      mergeSources(sources, outgoing.sources);
      for (const call of outgoing.calls) if (call.target === file) result.push(call);
    }
    // A barrel (`export * from './store'`): calls into it that name one of this module's exports are calls here.
    if (depth <= 1 || !role.barrel || !exportsSomething(importer)) continue;
    const barrel = load(importer)?.file;
    const barrelFacts = barrel ? factsOf(barrel) : null;
    if (!barrelFacts) continue;
    // Through `export *` the barrel offers this module's names as its own.
    const barrelNames = new Set([...callNames(barrelFacts), ...names]);
    for (const call of callsInto(importer, barrelNames, depth - 1, walk, sources)) {
      const through = resolveExportPath(barrelFacts, importer, call.exportPath, call.holder, newBudget());
      if (through && 'reexport' in through && through.reexport.file === file) {
        result.push({ ...call, target: file, exportPath: through.reexport.path });
      }
    }
  }
  return result;
}

/** The importers the walk follows: tests call a module from their test cases, never per request in production. */
function followedImporters(file: string, writers: readonly string[]): string[] {
  return importersOf(file, REACHED_FROM_LIMITS.importers, writers, (importer) => !isTestFile(importer));
}

/**
 * Every request-time call an importer makes into relatively imported modules, from its handlers and its own callers.
 * Computed with a budget of its own (a walk that starts at the importer), so the answer is the same whichever walk
 * asks first, and cached by importer and hops left. A walk takes the answer only when its own budget holds every
 * module the answer read (they are charged to it, as if read again); otherwise the importer gives it no calls.
 */
function outgoingOf(importer: string, depth: number, walk: Walk): Outgoing {
  const key = `${importer}|${depth}`;
  let outgoing = outgoingCache.get(key);
  if (!outgoing?.asked || !isFresh(outgoing)) {
    const own = newWalk(walk.settings, importer);
    outgoing = computeOutgoing(importer, depth, own);
    outgoing.asked = own.files;
    outgoingCache.set(key, outgoing, weightOf(outgoing));
  }
  // Its sources still count: an edit that would let it fit, or change it, makes the asking answer stale too.
  return replays(walk, outgoing.asked) ? outgoing : { sources: outgoing.sources, calls: [] };
}

function computeOutgoing(importer: string, depth: number, walk: Walk): Outgoing {
  const sources = newSources();
  const calls: OutgoingCall[] = [];
  const outgoing: Outgoing = { sources, calls };
  const loaded = load(importer);
  const facts = loaded?.file ? factsOf(loaded.file) : null;
  if (loaded) sources.mtimes.set(importer, loaded.mtimeMs);
  if (!facts) return outgoing;
  const { handlers: own, imported } = ownHandlersOf(facts, walk.settings, importer);
  // `Deno.serve(handle)`: the registered function runs per request in the module it is imported from.
  for (const registration of imported) {
    const target = importedReference(facts, registration.node, importer);
    if (!target) continue;
    calls.push({
      target: target.file,
      exportPath: target.path,
      holder: null,
      origin: { handler: registration.name, file: importer, via: [] },
      carriesRequestData: true,
      argumentCount: null,
      requestArguments: null,
    });
  }
  const upstream = entriesOf(facts, importer, depth, walk, sources);
  const handlers = [...own, ...upstream.handlers];
  if (handlers.length > 0) {
    const base: BaseContext = {
      file: facts.file,
      filename: importer,
      facts,
      scopes: facts.scopes,
      settings: walk.settings,
      oracle: null,
    };
    const reach = new Reachability(base, handlers);
    const requestData = new RequestData({ ...base, handlers, reach });
    for (const { variable, call, exportPath, holder, madeAt } of importedCalls(facts, importer)) {
      const context = reach.contextOf(call.call);
      // An instance made per request is the request's own.
      if (!context || (madeAt && reach.contextOf(madeAt))) continue;
      const label = [variable.name, ...call.members].join('.');
      const upstreamFrom = context.handler.reachedFrom;
      const origin = upstreamFrom
        ? { handler: upstreamFrom.handler, file: upstreamFrom.file, via: [...upstreamFrom.via, ...context.via, label] }
        : { handler: context.handler.name, file: importer, via: [...context.via, label] };
      const own = reach.argumentsOf(call.call);
      const args = own && call.bound ? [...call.bound, ...own] : own;
      const passed = passedAtCall(requestData, facts, args, call.members);
      const passes = passed
        ? passed.some(carriesSome)
        : [...(call.bound ?? []), ...call.call.arguments].some((argument) => requestData.isRequestDerived(argument));
      const carriesRequestData = passes && (upstreamFrom ? upstreamFrom.carriesRequestData : true);
      calls.push({
        target: exportPath.file,
        exportPath: exportPath.path,
        holder,
        origin,
        carriesRequestData,
        argumentCount: args && !args.some((a) => a.type === T.SpreadElement) ? args.length : null,
        requestArguments: passed && (carriesRequestData ? passed : passed.map(() => false)),
      });
    }
  }
  return outgoing;
}

/**
 * Per parsed importer: its own handlers under one set of settings. The walk asks for them at every depth it meets
 * the importer, and the answer depends only on the file, its name and the settings.
 */
type OwnHandlers = ReturnType<typeof detectHandlers>;
const ownHandlers = new WeakMap<FileFacts, Map<string, OwnHandlers>>();
const settingsKeys = new WeakMap<ResolvedSettings, string>();

function ownHandlersOf(facts: FileFacts, settings: ResolvedSettings, importer: string): OwnHandlers {
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    const { handlerNames, wrappers, boundedCaches, crossFile, typeAware } = settings;
    key = JSON.stringify([[...handlerNames], [...wrappers], [...boundedCaches], crossFile, typeAware]);
    settingsKeys.set(settings, key);
  }
  key = `${key}\0${importer}`;
  let byKey = ownHandlers.get(facts);
  if (!byKey) ownHandlers.set(facts, (byKey = new Map<string, OwnHandlers>()));
  let handlers = byKey.get(key);
  if (!handlers) byKey.set(key, (handlers = detectHandlers(facts, settings, importer, null)));
  return handlers;
}

function carriesSome(argument: PassedArgument): boolean {
  return typeof argument === 'boolean' ? argument : argument.rest || Object.values(argument.fields).some(Boolean);
}

/** Two callers' arguments position by position: request data wherever either passes it. */
function mergePassed(a: PassedArgument[] | null, b: PassedArgument[] | null): PassedArgument[] | null {
  if (!a || !b) return null;
  const merged: PassedArgument[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) merged.push(mergeOne(a[i] ?? false, b[i] ?? false));
  return merged;
}

function mergeOne(a: PassedArgument, b: PassedArgument): PassedArgument {
  if (a === true || b === true) return true;
  if (a === false) return b;
  if (b === false) return a;
  const fields: Record<string, boolean> = {};
  for (const name of new Set([...Object.keys(a.fields), ...Object.keys(b.fields)]))
    fields[name] = (a.fields[name] ?? a.rest) || (b.fields[name] ?? b.rest);
  return { fields, rest: a.rest || b.rest };
}

function newSources(): Sources {
  return { mtimes: new Map(), importers: new Map(), listings: new Map(), writers: new Map(), names: new Map() };
}

function mergeSources(into: Sources, from: Sources): void {
  for (const [file, mtime] of from.mtimes) into.mtimes.set(file, mtime);
  for (const [file, list] of from.importers) into.importers.set(file, list);
  for (const [file, version] of from.listings) into.listings.set(file, version);
  for (const [file, writers] of from.writers) into.writers.set(file, writers);
  for (const [file, names] of from.names) into.names.set(file, names);
}

/** Nothing it was read from changed: the same modification times, the same importers. */
function isFresh(outgoing: Outgoing): boolean {
  if (!unchangedSince(outgoing.sources.mtimes)) return false;
  for (const [file, list] of outgoing.sources.importers) {
    // The same listing of the project gives the same importers: no need to rank them again.
    if (listingVersionOf(file) === outgoing.sources.listings.get(file)) continue;
    const writers = outgoing.sources.writers.get(file) ?? [];
    if (followedImporters(file, writers).join('\n') !== list) return false;
  }
  return true;
}
