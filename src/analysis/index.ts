// analyze(context): the one per-file analysis every rule reads. It builds the file context (parsed file, scopes,
// settings, facts, type information, handlers, reachability), runs the stages in order and memoises the result by
// the AST, so the six rules share one run.
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { BaseContext, FileContext, ReachContext } from './context.js';
import { enclosingFunction, isInside } from './file/ast.js';
import { factsOf, type FileFacts, type ParsedFile } from './file/index.js';
import { findHandlers } from './handlers/index.js';
import { findLibraryContextLeaks } from './leaks/library-context.js';
import { findListenerLeaks } from './leaks/listeners.js';
import { rowsFor } from './leaks/shared-instances.js';
import { findSharedInstances } from './leaks/ssr-importers.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';
import { Bounds } from './state/bounds.js';
import { Classifier } from './state/classify.js';
import { crossFileFindings, importedGetter, newBudget, type AnalyzeLoaded, type Budget } from './state/cross-file.js';
import { KeySpace } from './state/keys.js';
import { findToggles, LazyInit, stateCheckFor } from './state/lazy-init.js';
import {
  ModuleState,
  stateReferences,
  type ModuleVariable,
  type StateRoot,
  type ThisRoot,
} from './state/module-state.js';
import { reachedFromImporters } from './state/reached-from.js';
import { Reachability, type RequestContext } from './state/reachability.js';
import { RequestData } from './state/request-data.js';
import { singletonLocals } from './state/singleton-locals.js';
import { isOverwrite, WriteFinder, type WriteSite } from './state/writes.js';
import { createTypeOracle, type TypeOracle } from './type-aware.js';
import type { FileAnalysis, Finding, FunctionNode, Handler, MoveDeclaration } from './types.js';
import { debugEnabled } from '../util/debug.js';
import { importPath } from '../util/paths.js';
import { collecting, describeError, guarded, Incomplete, lossCount, noteIncomplete, withinFile } from './incomplete.js';

const cache = new WeakMap<TSESTree.Program, FileAnalysis>();

type AnalyzeContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function analyze(context: AnalyzeContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  const cached = cache.get(ast);
  if (cached) return cached;
  const settings = resolveSettings(context.settings, context.filename, context.cwd);
  const problems = [...settings.errors];
  // A rule must never take down the user's lint run, and a failure must never pass for a clean file: each part of
  // the analysis that fails is lost alone and noted (test with HANDLER_STATE_DEBUG=1 to see the errors themselves).
  const incomplete = new Incomplete();
  const analysis = collecting(incomplete, context.filename, () =>
    guarded('this file', EMPTY, () => {
      let oracle: TypeOracle | null = null;
      if (settings.typeAware) {
        const created = createTypeOracle(context);
        oracle = created.oracle;
        if (created.problem) problems.push(created.problem);
      }
      return analyzeFile(sourceCode, settings, context.filename, oracle);
    }),
  );
  const result: FileAnalysis = { ...analysis, settingsProblems: problems, incomplete: incomplete.problems };
  cache.set(ast, result);
  return result;
}

type Analysis = Omit<FileAnalysis, 'settingsProblems' | 'incomplete'>;

const EMPTY: Analysis = {
  handlers: [],
  findings: [],
  listenerLeaks: [],
  libraryContextLeaks: [],
  sharedInstances: [],
};

/** Set when another file is summarised for a caller: the functions to treat as handlers, and whose `this` is state. */
interface SummaryOptions {
  handlers: Handler[];
  thisRoots: ThisRoot[];
  budget: Budget;
}

function analyzeFile(
  file: ParsedFile,
  settings: ResolvedSettings,
  filename: string,
  oracle: TypeOracle | null,
  summary?: SummaryOptions,
): Analysis {
  const facts = factsOf(file);
  if (!facts) return EMPTY;
  const base: BaseContext = { file, filename, facts, scopes: facts.scopes, settings, oracle };
  const handlers = summary ? summary.handlers : findHandlers(facts, settings, filename, oracle);
  // The functions other files' handlers call per request: the writes they make are reported here too.
  const reached =
    !summary && settings.crossFile
      ? guarded('calls from importing files', null, () => reachedFromImporters(base))
      : null;
  const entries = reached ? [...handlers, ...reached.handlers] : handlers;
  if (entries.length === 0) {
    // A module with no request-time code of its own can still make an instance its importers share per request.
    if (summary || !settings.crossFile || rowsFor(facts).length === 0) return { ...EMPTY, handlers };
    const reach = new Reachability(base, handlers);
    const reachContext: ReachContext = { ...base, handlers, reach };
    const instanceContext = { ...reachContext, requestData: new RequestData(reachContext) };
    const sharedInstances = guarded('shared instances', [], () => findSharedInstances(instanceContext, true));
    return { ...EMPTY, handlers, sharedInstances };
  }
  const thisRoots = [...(summary?.thisRoots ?? []), ...(reached?.thisRoots ?? [])];
  const parts = contained(entries, (subset) => analyzeEntries(base, subset, thisRoots, summary));
  const findings = merged(parts.map((part) => part.findings));
  if (summary) return { ...EMPTY, handlers, findings };
  return {
    handlers,
    findings: reached ? findings.flatMap((finding) => placeReached(finding, filename)) : findings,
    listenerLeaks: merged(parts.map((part) => part.listenerLeaks)),
    libraryContextLeaks: merged(parts.map((part) => part.libraryContextLeaks)),
    sharedInstances: merged(parts.map((part) => part.sharedInstances)),
  };
}

type EntryAnalysis = Pick<Analysis, 'findings' | 'listenerLeaks' | 'libraryContextLeaks' | 'sharedInstances'>;

/** Everything found from one set of entry functions (the file's handlers, or one of them after a failure). */
function analyzeEntries(
  base: BaseContext,
  entries: Handler[],
  thisRoots: readonly ThisRoot[],
  summary: SummaryOptions | undefined,
): EntryAnalysis {
  const { settings } = base;
  const reachContext: ReachContext = { ...base, handlers: entries, reach: new Reachability(base, entries) };
  const ctx: FileContext = {
    ...reachContext,
    state: new ModuleState(reachContext),
    requestData: new RequestData(reachContext),
  };
  const findings = stateFindings(ctx, thisRoots);
  if (settings.crossFile) {
    const budget = summary?.budget ?? newBudget();
    // A summary that fails loses that module's summary only, noted under the module's name.
    const analyzeLoaded: AnalyzeLoaded = (loaded, loadedName, pseudoHandlers, roots, nextBudget) =>
      withinFile(loadedName, () =>
        guarded('this file', [], () =>
          analyzeFile(loaded, settings, loadedName, null, {
            handlers: pseudoHandlers,
            thisRoots: roots,
            budget: nextBudget,
          }).findings.slice(),
        ),
      );
    findings.push(...guarded('calls into imported files', [], () => crossFileFindings(ctx, budget, analyzeLoaded)));
  }
  findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
  if (summary) return { findings, listenerLeaks: [], libraryContextLeaks: [], sharedInstances: [] };
  // Listener findings keep to this file's own handlers: their messages have no place for another file. Library
  // findings reached from an importer's handler name it, as state findings do: the fix is made where the object is.
  const own = (leak: { handler: Handler }) => !leak.handler.reachedFrom;
  return {
    findings,
    listenerLeaks: guarded('listener registrations', [], () => findListenerLeaks(ctx).filter(own)),
    libraryContextLeaks: guarded('library context', [], () =>
      findLibraryContextLeaks(ctx).map((leak) => {
        const from = leak.handler.reachedFrom;
        if (!from) return leak;
        return {
          ...leak,
          reachedFrom: { handler: from.handler, file: importPath(ctx.filename, from.file), via: from.via },
        };
      }),
    ),
    sharedInstances: guarded('shared instances', [], () => findSharedInstances(ctx, settings.crossFile)),
  };
}

/** How many times one file's analysis is re-run to find which handlers fail. */
const MAX_CONTAINMENT_RUNS = 64;

/**
 * Runs `run` on every entry at once; when that fails, on halves, down to single entries, so that a failure
 * loses only the handlers it happens in (or, past the re-run budget, the group it happens in).
 */
function contained(entries: Handler[], run: (subset: Handler[]) => EntryAnalysis): EntryAnalysis[] {
  let runs = 0;
  const attempt = (subset: Handler[]): EntryAnalysis[] => {
    runs++;
    try {
      return [run(subset)];
    } catch (error) {
      if (debugEnabled()) throw error;
      if (subset.length === 1 || runs + 2 > MAX_CONTAINMENT_RUNS) {
        noteIncomplete(handlersPart(subset), describeError(error));
        return [];
      }
      const middle = Math.ceil(subset.length / 2);
      return [...attempt(subset.slice(0, middle)), ...attempt(subset.slice(middle))];
    }
  };
  return attempt(entries);
}

function handlersPart(handlers: readonly Handler[]): string {
  const names = handlers.slice(0, 3).map((handler) => `\`${handler.name}\``);
  const rest = handlers.length > 3 ? ` and ${handlers.length - 3} more` : '';
  return `${handlers.length === 1 ? 'handler' : 'handlers'} ${names.join(', ')}${rest}`;
}

/** One list from the parts' lists, each thing once (the parts of a re-run may find the same write), in file order. */
function merged<T extends { node: TSESTree.Node }>(lists: ReadonlyArray<readonly T[]>): T[] {
  if (lists.length === 1) return [...lists[0]];
  const seen = new Set<string>();
  const result: T[] = [];
  for (const item of lists.flat()) {
    const key = `${item.node.range[0]}:${item.node.range[1]}:${(item as { kind?: string }).kind ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * A finding made through another file's handler names it ("reached per request from `handler` in ./handler.ts"),
 * and is what that caller makes of it: without request data passed in, request data and cache writes are writes;
 * without the argument the write needs, there is none.
 */
function placeReached(finding: Finding, filename: string): Finding[] {
  const from = finding.handler.reachedFrom;
  if (!from) return [finding];
  if (
    finding.requiresArgument !== undefined &&
    from.argumentCount !== null &&
    from.argumentCount <= finding.requiresArgument
  ) {
    return [];
  }
  const file = importPath(filename, from.file);
  const downgraded = !from.carriesRequestData && (finding.kind === 'requestData' || finding.kind === 'cache');
  return [
    {
      ...finding,
      kind: downgraded ? 'write' : finding.kind,
      reachedFrom: { handler: from.handler, file, via: from.via },
    },
  ];
}

/** `./handler.ts`, `../api/card.js`: another file as the linted file's messages name it. */
/** The state stages: every write to module state, the request-time ones classified into findings. */
function stateFindings(ctx: FileContext, thisRoots: readonly ThisRoot[]): Finding[] {
  const { state, reach } = ctx;
  const sites = writeSites(ctx, new WriteFinder(ctx), thisRoots);
  // Shapes depend on every assignment in the file (`global.log = global.log || []` anywhere).
  for (const site of sites) {
    // A computed segment (`x[key]`) names no one property, so its assignments say nothing about a shape.
    if (
      site.form === 'assign' &&
      site.operator !== null &&
      site.values[0] &&
      !site.throughAlias &&
      !site.path.includes('[]')
    ) {
      state.recordAssignment([site.root.key, ...site.path].join('.'), site.values[0]);
    }
  }

  const requestTime: Array<{ site: WriteSite; context: RequestContext }> = [];
  const seen = new Set<TSESTree.Node>();
  for (const site of sites) {
    if (seen.has(site.node)) continue;
    seen.add(site.node);
    const context = reach.contextOf(site.node);
    if (context) requestTime.push({ site, context });
  }
  // Only request-time writes become findings: with none, the guards, bounds, lazy initialisation and keys that
  // classify them are not built (a handler file whose handlers write no module state stops here).
  if (requestTime.length === 0) return [];

  // A guard only makes code run once if what it tests gets set at request time (`if (!ready)` with `ready`
  // never assigned runs every invocation), and is not a flag the same request sets back.
  const requestTimeSites = requestTime.map((entry) => entry.site);
  const writtenRoots = new Set(requestTimeSites.map((site) => site.root.key));
  const toggled = findToggles(requestTimeSites);
  const isStateCheck = stateCheckFor(ctx, requestTimeSites, toggled);
  const bounds = new Bounds(ctx, isStateCheck, sites, requestTimeSites);
  const getters = ctx.settings.crossFile ? importedGetter(ctx) : null;
  const lazy = new LazyInit(ctx, isStateCheck, toggled, sites, getters);
  const classifier = new Classifier(ctx, lazy, bounds, new KeySpace(ctx, writtenRoots), toggled);
  const findings: Finding[] = [];
  const moves = new MoveSuggestions();
  for (const { site, context: reached } of requestTime) {
    const classification = guarded(
      () => `the write at line ${site.node.loc.start.line}`,
      null,
      () => classifier.classify(site, reached.handler.node),
    );
    if (!classification) continue;
    // The route that makes the write unguarded, when another route reaches the same helper first.
    const context = classification.context ?? reached;
    findings.push({
      kind: classification.kind,
      node: site.node,
      target: describeTarget(ctx.file, site),
      root: site.root.name,
      handler: context.handler,
      via: context.via,
      how: classification.how,
      requiresArgument: classification.requiresArgument,
      ...(classification.toggled ? { toggled: true } : {}),
      ...(isOverwrite(site) ? { overwrite: true } : {}),
      ...(classification.unreachedRemovers ? { unreachedRemovers: classification.unreachedRemovers } : {}),
      ...(classification.removalEntries ? { removalEntries: classification.removalEntries } : {}),
      closure: site.root.closure,
      moveIntoHandler: moves.of(site.root, context.handler) ?? undefined,
    });
  }
  return findings;
}

/** The writes one root's references make, and the functions they sit in (null at module level). */
interface RootSites {
  sites: WriteSite[];
  functions: ReadonlySet<FunctionNode | null>;
}

function findThrough(finder: WriteFinder, root: StateRoot, starts: readonly TSESTree.Node[]): WriteSite[] {
  const sites: WriteSite[] = [];
  for (const start of starts) {
    sites.push(
      ...guarded(
        () => `writes to \`${root.name}\``,
        [],
        () => finder.find(start, root),
      ),
    );
  }
  return sites;
}

/** The writes through one root; `fixed` when finding them asked nothing about the handlers and lost nothing. */
function rootSites(finder: WriteFinder, root: StateRoot, starts: readonly TSESTree.Node[]) {
  const questions = finder.reachQuestions;
  const losses = lossCount();
  const sites = findThrough(finder, root, starts);
  const found: RootSites = { sites, functions: new Set(sites.map((site) => enclosingFunction(site.node))) };
  return { found, fixed: finder.reachQuestions === questions && lossCount() === losses };
}

/**
 * The writes through the file's module variables that do not depend on the handlers, found once per file and
 * indexed by the functions they sit in (and those around them) and by key, so that an analysis of the file (each
 * summary of one of its exports is one) reads only those near the code it reaches.
 */
interface ModuleSites {
  /** Position of each module variable's root in the file's order. */
  position: Map<StateRoot, number>;
  fixed: Map<StateRoot, RootSites>;
  /** Roots with a write inside each function, or inside a function nested in it. */
  byFunction: Map<FunctionNode, StateRoot[]>;
  /** Roots by the first segment of their key. */
  byKey: Map<string, StateRoot[]>;
}

const moduleSitesCache = new WeakMap<FileFacts, ModuleSites>();

/**
 * The file's index, built on first use; `fresh` holds what building it found that was not fixed (what this
 * analysis would otherwise find twice).
 */
function moduleSites(
  ctx: FileContext,
  finder: WriteFinder,
  variables: readonly ModuleVariable[],
): { index: ModuleSites; fresh: Map<StateRoot, RootSites> } {
  const fresh = new Map<StateRoot, RootSites>();
  const cached = moduleSitesCache.get(ctx.facts);
  if (cached) return { index: cached, fresh };
  const index: ModuleSites = { position: new Map(), fixed: new Map(), byFunction: new Map(), byKey: new Map() };
  const add = <K>(map: Map<K, StateRoot[]>, key: K, root: StateRoot): void => {
    const list = map.get(key);
    if (!list) map.set(key, [root]);
    else if (list.at(-1) !== root) list.push(root);
  };
  variables.forEach(({ root, references, binding }, position) => {
    index.position.set(root, position);
    add(index.byKey, firstSegment(root.key), root);
    // Other variables are state only when a closure makes them so, which depends on the handlers.
    if (!binding) return;
    const { found, fixed } = rootSites(finder, root, references);
    if (!fixed) {
      fresh.set(root, found);
      return;
    }
    index.fixed.set(root, found);
    for (const fn of found.functions) {
      for (let current = fn; current; current = enclosingFunction(current)) add(index.byFunction, current, root);
    }
  });
  moduleSitesCache.set(ctx.facts, index);
  return { index, fresh };
}

/**
 * Every write to module state in the file, in the order of the roots' references, less the writes of module
 * variables that no request-time code makes and that share no first key segment with a root it writes: no
 * question of the later stages (shapes, removals, lazy initialisation, all by key) is about them. Each summary of
 * one of the file's exports asks for its writes, so the module variables' writes are found once per file and
 * looked up from the functions the summary reaches: E exports cost E, not E², finds.
 */
function writeSites(ctx: FileContext, finder: WriteFinder, thisRoots: readonly ThisRoot[]): WriteSite[] {
  const parts: Array<
    WriteSite[] | { variables: readonly ModuleVariable[]; closure: ReadonlyMap<Scope.Variable, unknown> }
  > = [];
  const keptKeys = new Set<string>();
  let index: ModuleSites | null = null;
  let fresh = new Map<StateRoot, RootSites>();
  for (const references of stateReferences(ctx.facts, ctx.state, thisRoots)) {
    if ('root' in references) {
      parts.push(findThrough(finder, references.root, references.starts));
      keptKeys.add(firstSegment(references.root.key));
      continue;
    }
    ({ index, fresh } = moduleSites(ctx, finder, references.moduleVariables));
    parts.push({ variables: references.moduleVariables, closure: references.closureVariables });
  }
  const getters = ctx.settings.crossFile ? importedGetter(ctx) : null;
  for (const { root, starts } of singletonLocals(ctx, getters)) parts.push(findThrough(finder, root, starts));
  const sites: WriteSite[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) {
      sites.push(...part);
      continue;
    }
    const { variables, closure } = part;
    const state = (position: number): boolean =>
      variables[position].binding || closure.has(variables[position].root.variable);
    // Module variables whose writes were not fixed per file, or that a closure makes state, are always read.
    const chosen = new Set<number>();
    variables.forEach(({ root }, position) => {
      if (state(position) && !index!.fixed.has(root)) chosen.add(position);
    });
    for (const fn of ctx.reach.reachedFunctions()) {
      for (const root of index!.byFunction.get(fn) ?? []) {
        const position = index!.position.get(root)!;
        if (state(position)) chosen.add(position);
      }
    }
    for (const position of chosen) keptKeys.add(firstSegment(variables[position].root.key));
    for (const key of keptKeys) {
      for (const root of index!.byKey.get(key) ?? []) {
        const position = index!.position.get(root)!;
        if (state(position)) chosen.add(position);
      }
    }
    for (const position of [...chosen].sort((x, y) => x - y)) {
      const { root, references } = variables[position];
      sites.push(
        ...(index!.fixed.get(root) ?? fresh.get(root) ?? { sites: findThrough(finder, root, references) }).sites,
      );
    }
  }
  return sites;
}

/** `globalThis` of `globalThis.x`: keys that share it can name the same place (`globalThis` + path `x`). */
function firstSegment(key: string): string {
  const dot = key.indexOf('.');
  return dot === -1 ? key : key.slice(0, dot);
}

/** The written place as the user would name it: source text, or `root.path` when written through an alias. */
function describeTarget(file: ParsedFile, site: WriteSite): string {
  const text =
    site.throughAlias || site.root.kind === 'global'
      ? [site.root.name, ...site.path].join('.').replace(/\.\[\]/gu, '[…]')
      : file
          .getText(site.target)
          .replace(/\s+/gu, ' ')
          .replace(/^this\b/u, site.root.name);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The move suggestion per variable and handler: it reads every reference, so each pair is decided once. */
class MoveSuggestions {
  private readonly decided = new Map<Scope.Variable, Map<FunctionNode, MoveDeclaration | null>>();

  of(root: StateRoot, handler: Handler): MoveDeclaration | null {
    const variable = root.variable;
    if (!variable) return null;
    let byHandler = this.decided.get(variable);
    if (!byHandler) this.decided.set(variable, (byHandler = new Map<FunctionNode, MoveDeclaration | null>()));
    if (!byHandler.has(handler.node)) byHandler.set(handler.node, moveIntoHandler(root, handler));
    return byHandler.get(handler.node) ?? null;
  }
}

/** The suggestion applies when the variable is a plain top-level declaration used only inside this handler. */
function moveIntoHandler(root: StateRoot, handler: Handler): MoveDeclaration | null {
  const variable = root.variable;
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type !== 'Variable') return null;
  const declarator = def.node;
  const declaration = declarator.parent as TSESTree.VariableDeclaration | undefined;
  if (!declaration || declaration.declarations.length !== 1 || declaration.parent?.type !== T.Program) return null;
  if (declarator.id.type !== T.Identifier) return null;
  const fn: FunctionNode = handler.node;
  if (fn.body.type !== T.BlockStatement) return null;
  const body = fn.body;
  const allInside = variable.references.every(
    (reference) => reference.init || isInside(reference.identifier as TSESTree.Node, body),
  );
  return allInside ? { declaration, body } : null;
}
