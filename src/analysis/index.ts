// analyze(context): the one per-file analysis every rule reads, computed once and memoised by the AST.
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, isInside, staticPropertyName, thisExpressions, unwrap, valueParent } from './ast.js';
import { Reachability, type RequestContext } from './calls.js';
import { Classifier } from './classify.js';
import { findHandlers } from './handlers.js';
import { findLibraryContextLeaks } from './library-context.js';
import { collectCalls, findListenerLeaks } from './listeners.js';
import { crossFileFindings, newBudget, type AnalyzeLoaded, type Budget, type ThisRoot } from './cross-file.js';
import { findSingletons, ownerMethods, singletonMethods } from './instances.js';
import { ModuleState, type StateRoot } from './module-state.js';
import { RequestData } from './request-data.js';
import { isModuleLevel, moduleScopes, referenceIndex, type ModuleScopes } from './scope.js';
import { resolveSettings } from './settings.js';
import { createTypeOracle, typedHandlers, type TypeOracle } from './type-aware.js';
import type { AnalysisServices, FileAnalysis, Finding, FunctionNode, Handler, MoveDeclaration } from './types.js';
import { WriteFinder, type WriteSite } from './writes.js';

const cache = new WeakMap<TSESTree.Program, FileAnalysis>();

/** Names under which the global object is reachable; `process.env` is process-wide state as well. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

type AnalyzeContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export function analyze(context: AnalyzeContext): FileAnalysis {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  const cached = cache.get(ast);
  if (cached) return cached;
  const settings = resolveSettings(context.settings, context.filename, context.cwd);
  let analysis: FileAnalysis;
  try {
    let oracle: TypeOracle | null = null;
    if (settings.typeAware) {
      const created = createTypeOracle(context);
      oracle = created.oracle;
      if (created.problem) settings.errors.push(created.problem);
    }
    analysis = analyzeFile(sourceCode, settings, context.filename, undefined, oracle);
  } catch (error) {
    // A rule must never take down the user's lint run; the corpus run and tests set this to see real failures.
    if (process.env.HANDLER_STATE_DEBUG) throw error;
    analysis = { handlers: [], services: null, findings: [], settingsErrors: [], settingsErrorsReported: false };
  }
  analysis.settingsErrors = settings.errors;
  cache.set(ast, analysis);
  return analysis;
}

/** Set when another file is summarised for a caller: the functions to treat as handlers, and whose `this` is state. */
interface SummaryOptions {
  handlers: Handler[];
  thisRoots: ThisRoot[];
  budget: Budget;
}

function analyzeFile(
  sourceCode: Readonly<TSESLint.SourceCode>,
  settings: ReturnType<typeof resolveSettings>,
  filename: string,
  summary?: SummaryOptions,
  oracle: TypeOracle | null = null,
): FileAnalysis {
  const empty: FileAnalysis = {
    handlers: [],
    services: null,
    findings: [],
    settingsErrors: [],
    settingsErrorsReported: false,
  };
  const scopes = moduleScopes(sourceCode);
  if (!scopes) return empty;
  const handlers = summary ? summary.handlers : findHandlers(sourceCode, scopes, settings, filename);
  if (oracle) handlers.push(...typedHandlers(sourceCode.ast, oracle, handlers));
  if (handlers.length === 0) return { ...empty, handlers };

  const reach = new Reachability(sourceCode, scopes, handlers);
  const state = new ModuleState(scopes, settings, sourceCode.ast);
  const requestData = new RequestData(
    sourceCode,
    handlers,
    (node) => reach.contextOf(node) !== null,
    (fn) => reach.callSitesOf(fn),
    (scope) => isModuleLevel(scopes, scope),
  );
  const finder = new WriteFinder(
    sourceCode,
    (call) => reach.calleesOf(call),
    (node) => reach.contextOf(node) !== null,
  );

  const sites: WriteSite[] = [];
  for (const [root, start] of stateReferences(scopes, state, sourceCode, summary?.thisRoots ?? [])) {
    sites.push(...finder.find(start, root));
  }
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

  // A guard only makes code run once if what it tests gets set at request time (`if (!ready)` with `ready`
  // never assigned runs every invocation).
  const setAtRequestTime = new Set(requestTime.map(({ site }) => site.root.key));
  const isStateCheck = (node: TSESTree.Node) =>
    isStateRead(sourceCode, state, requestData, node) && setAtRequestTime.has(rootKeyOf(node));
  const classifier = new Classifier(
    state,
    requestData,
    isStateCheck,
    sites,
    requestTime.map((entry) => entry.site),
    (site) => reach.contextOf(site.node) !== null || inModuleLevelCallback(site.node),
    (fn) => reach.callSitesOf(fn),
    (node) => reach.contextOf(node) !== null,
    oracle,
  );
  const findings: Finding[] = [];
  for (const { site, context } of requestTime) {
    const classification = classifier.classify(site, context.handler.node);
    if (!classification) continue;
    findings.push({
      kind: classification.kind,
      node: site.node,
      target: describeTarget(sourceCode, site),
      root: site.root.name,
      handler: context.handler,
      via: context.via,
      how: classification.how,
      requiresArgument: classification.requiresArgument,
      moveIntoHandler: moveIntoHandler(site.root, context.handler) ?? undefined,
    });
  }
  if (settings.crossFile) {
    const budget = summary?.budget ?? newBudget();
    const analyzeLoaded: AnalyzeLoaded = (source, file, pseudoHandlers, thisRoots, nextBudget) =>
      analyzeFile(source, settings, file, { handlers: pseudoHandlers, thisRoots, budget: nextBudget }).findings;
    findings.push(
      ...crossFileFindings(
        sourceCode,
        scopes,
        filename,
        (node) => reach.contextOf(node),
        (node) => requestData.isRequestDerived(node),
        budget,
        analyzeLoaded,
        oracle ? (source) => oracle.resolveImport(source) : null,
      ),
    );
  }
  findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
  if (summary) return { ...empty, handlers, findings };
  const services: AnalysisServices = {
    contextOf: (node) => reach.contextOf(node),
    isRequestDerived: (node) => requestData.isRequestDerived(node),
    isModuleState: (node) => isStateRoot(sourceCode, state, node),
  };
  const calls = collectCalls(sourceCode);
  const listenerLeaks = findListenerLeaks(sourceCode, services, calls);
  const libraryContextLeaks = findLibraryContextLeaks(sourceCode, services, calls);
  return {
    handlers,
    services,
    findings,
    listenerLeaks,
    libraryContextLeaks,
    settingsErrors: [],
    settingsErrorsReported: false,
  };
}

/** Code in a function handed to a call at module level (`setInterval(() => …)`, `emitter.on('x', () => …)`). */
function inModuleLevelCallback(node: TSESTree.Node): boolean {
  let fn = enclosingFunction(node);
  if (!fn) return false;
  for (let outer = enclosingFunction(fn); outer; outer = enclosingFunction(outer)) fn = outer;
  const { parent, child } = valueParent(fn);
  return (
    (parent?.type === T.CallExpression || parent?.type === T.NewExpression) &&
    parent.arguments.includes(child as TSESTree.CallExpressionArgument) &&
    enclosingFunction(parent) === null
  );
}

/** Every place module state is named: references to module variables, implicit globals, `globalThis.x`. */
function* stateReferences(
  scopes: ModuleScopes,
  state: ModuleState,
  sourceCode: Readonly<TSESLint.SourceCode>,
  thisRoots: readonly ThisRoot[],
): Generator<[StateRoot, TSESTree.Node]> {
  const visitorKeys = sourceCode.visitorKeys;
  const scopeManager = sourceCode.scopeManager;
  // A class whose instance lives in the calling module: its `this` is that module's state.
  for (const { classNode, name } of thisRoots) {
    const root: StateRoot = { key: name, name, variable: null, kind: 'variable', classNode };
    for (const method of ownerMethods(classNode)) {
      for (const node of thisExpressions(method.body ?? method, visitorKeys)) yield [root, node];
    }
  }
  const moduleVariables = new Set<Scope.Variable>(scopes.module.variables as Scope.Variable[]);
  if (scopes.module !== scopes.global)
    for (const v of scopes.global.variables) moduleVariables.add(v as Scope.Variable);
  for (const variable of moduleVariables) {
    if (!state.isStateVariable(variable)) continue;
    const root: StateRoot = { key: variable.name, name: variable.name, variable, kind: 'variable' };
    for (const reference of [...variable.references, ...innerClassNameReferences(variable, scopeManager)]) {
      if (reference.init) continue;
      yield [root, reference.identifier as TSESTree.Node];
    }
  }
  yield* staticThisReferences(scopes, visitorKeys);
  for (const singleton of findSingletons(scopes)) {
    const name = singleton.variable.name;
    const root: StateRoot = { key: name, name, variable: singleton.variable, kind: 'variable' };
    for (const method of singletonMethods(singleton)) {
      for (const node of thisExpressions(method.body ?? method, visitorKeys)) yield [root, node];
    }
  }
  const implicit = new Map<string, StateRoot>();
  for (const reference of scopes.global.through) {
    const identifier = reference.identifier as TSESTree.Identifier;
    if (reference.isWrite() && !reference.init && !GLOBAL_OBJECTS.has(identifier.name)) {
      if (!implicit.has(identifier.name)) {
        implicit.set(identifier.name, {
          key: identifier.name,
          name: identifier.name,
          variable: null,
          kind: 'implicit',
        });
      }
    }
  }
  // Globals declared in the config (no definitions in the file) and unresolved names.
  const globalReferences: Scope.Reference[] = [...(scopes.global.through as Scope.Reference[])];
  for (const variable of scopes.global.variables) {
    if (variable.defs.length === 0) globalReferences.push(...(variable.references as Scope.Reference[]));
  }
  for (const reference of globalReferences) {
    const identifier = reference.identifier as TSESTree.Identifier;
    const implicitRoot = implicit.get(identifier.name);
    if (implicitRoot) {
      yield [implicitRoot, identifier];
      continue;
    }
    const globalRoot = globalPropertyRoot(identifier);
    if (globalRoot) yield globalRoot;
    // `const g = globalThis; g.lastEvent = event`: a local alias of the global object.
    const declared = valueParent(identifier);
    if (
      GLOBAL_OBJECTS.has(identifier.name) &&
      declared.parent?.type === T.VariableDeclarator &&
      declared.parent.init === declared.child
    ) {
      yield [{ key: 'globalThis', name: identifier.name, variable: null, kind: 'global' }, identifier];
    }
  }
}

type SourceCodeVisitorKeys = Readonly<TSESLint.SourceCode>['visitorKeys'];

/** Inside `class C { … }` the name `C` is a binding of the class scope; `C.count++` there writes the module's C. */
function innerClassNameReferences(
  variable: Scope.Variable,
  scopeManager: Readonly<TSESLint.SourceCode>['scopeManager'],
): Scope.Reference[] {
  const def = variable.defs[0];
  if (!def || def.type !== 'ClassName' || !scopeManager) return [];
  const classScope = scopeManager.acquire(def.node as TSESTree.Node) as Scope.Scope | null;
  const inner = classScope?.set.get(variable.name);
  return inner && inner !== variable ? (inner.references as Scope.Reference[]) : [];
}

/** `this.count++` inside a static method of a module-level class writes the class's static member. */
function* staticThisReferences(
  scopes: ModuleScopes,
  visitorKeys: SourceCodeVisitorKeys,
): Generator<[StateRoot, TSESTree.Node]> {
  for (const variable of scopes.module.variables as Scope.Variable[]) {
    const def = variable.defs[0];
    if (!def || def.type !== 'ClassName' || variable.defs.length !== 1) continue;
    const classNode = def.node as TSESTree.ClassDeclaration;
    const root: StateRoot = { key: variable.name, name: variable.name, variable, kind: 'variable' };
    for (const member of classNode.body.body) {
      if (!('static' in member) || !member.static) continue;
      const body =
        member.type === T.MethodDefinition
          ? member.value.body
          : member.type === T.PropertyDefinition && member.value?.type === T.ArrowFunctionExpression
            ? member.value.body
            : null;
      if (!body) continue;
      for (const node of thisExpressions(body, visitorKeys)) yield [root, node];
    }
  }
}

/** `globalThis.x` / `global.x` / `process.env.X` as a root of its own. */
function globalPropertyRoot(identifier: TSESTree.Identifier): [StateRoot, TSESTree.Node] | null {
  const first = valueParent(identifier);
  // `Object.assign(globalThis, { … })`: the global object itself is the target.
  if (
    GLOBAL_OBJECTS.has(identifier.name) &&
    first.parent?.type === T.CallExpression &&
    first.parent.arguments[0] === first.child
  ) {
    return [{ key: 'globalThis', name: identifier.name, variable: null, kind: 'global' }, identifier];
  }
  if (first.parent?.type !== T.MemberExpression || first.parent.object !== first.child) return null;
  const name = staticPropertyName(first.parent);
  if (name === null) return null;
  // CommonJS `exports.x` / `module.exports.x`: the exports object lives as long as the module.
  if (identifier.name === 'exports') {
    return [{ key: `exports.${name}`, name: `exports.${name}`, variable: null, kind: 'global' }, first.parent];
  }
  if (identifier.name === 'module' && name === 'exports') {
    const second = valueParent(first.parent);
    if (second.parent?.type !== T.MemberExpression || second.parent.object !== second.child) return null;
    const exported = staticPropertyName(second.parent);
    if (exported === null) return null;
    const key = `exports.${exported}`;
    return [{ key, name: `module.exports.${exported}`, variable: null, kind: 'global' }, second.parent];
  }
  if (GLOBAL_OBJECTS.has(identifier.name)) {
    const key = `globalThis.${name}`;
    return [{ key, name: `${identifier.name}.${name}`, variable: null, kind: 'global' }, first.parent];
  }
  if (identifier.name === 'process' && name === 'env') {
    const second = valueParent(first.parent);
    if (second.parent?.type !== T.MemberExpression || second.parent.object !== second.child) return null;
    const envName = staticPropertyName(second.parent);
    if (envName === null) return null;
    const key = `process.env.${envName}`;
    return [{ key, name: key, variable: null, kind: 'global' }, second.parent];
  }
  return null;
}

/** The root key a state read names: `client` for `client.pool`, `globalThis.db` for `globalThis.db.x`. */
function rootKeyOf(node: TSESTree.Node): string {
  const chain: TSESTree.Node[] = [];
  let current = unwrap(node);
  while (current.type === T.MemberExpression) {
    chain.unshift(current);
    current = unwrap(current.object);
  }
  if (current.type !== T.Identifier) return '';
  if (GLOBAL_OBJECTS.has(current.name) && chain[0]?.type === T.MemberExpression) {
    const first = staticPropertyName(chain[0]);
    return first === null ? '' : `globalThis.${first}`;
  }
  if (
    current.name === 'process' &&
    chain.length >= 2 &&
    staticPropertyName(chain[0] as TSESTree.MemberExpression) === 'env'
  ) {
    const name = staticPropertyName(chain[1] as TSESTree.MemberExpression);
    return name === null ? '' : `process.env.${name}`;
  }
  const exportsAt = current.name === 'exports' ? 0 : current.name === 'module' && chain.length >= 2 ? 1 : -1;
  if (exportsAt >= 0 && chain[exportsAt]) {
    if (exportsAt === 1 && staticPropertyName(chain[0] as TSESTree.MemberExpression) !== 'exports') return current.name;
    const name = staticPropertyName(chain[exportsAt] as TSESTree.MemberExpression);
    return name === null ? '' : `exports.${name}`;
  }
  return current.name;
}

/** Is `node` rooted at module state: a module variable, an implicit global, `globalThis.x`? */
function isStateRoot(sourceCode: Readonly<TSESLint.SourceCode>, state: ModuleState, node: TSESTree.Node): boolean {
  let current = unwrap(node);
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  if (current.type !== T.Identifier) return false;
  const reference = referenceIndex(sourceCode).get(current);
  if (!reference) return false;
  const variable = reference.resolved as Scope.Variable | null;
  if (!variable || variable.defs.length === 0) return true; // implicit global, globalThis, process
  return state.isStateVariable(variable);
}

/** A read of module state with no request-chosen part (`cache[event.id]` is not), usable as a lazy-init guard. */
function isStateRead(
  sourceCode: Readonly<TSESLint.SourceCode>,
  state: ModuleState,
  requestData: RequestData,
  node: TSESTree.Node,
): boolean {
  for (let current = unwrap(node); current.type === T.MemberExpression; current = unwrap(current.object)) {
    if (current.computed && requestData.isRequestDerived(current.property)) return false;
  }
  return isStateRoot(sourceCode, state, node);
}

/** The written place as the user would name it: source text, or `root.path` when written through an alias. */
function describeTarget(sourceCode: Readonly<TSESLint.SourceCode>, site: WriteSite): string {
  const text =
    site.throughAlias || site.root.kind === 'global'
      ? [site.root.name, ...site.path].join('.').replace(/\.\[\]/gu, '[…]')
      : sourceCode
          .getText(site.target)
          .replace(/\s+/gu, ' ')
          .replace(/^this\b/u, site.root.name);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The suggestion applies when the variable is a plain top-level declaration used only inside this handler. */
function moveIntoHandler(root: StateRoot, handler: Handler): MoveDeclaration | null {
  const variable = root.variable;
  if (!variable || variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type !== 'Variable') return null;
  const declarator = def.node as TSESTree.VariableDeclarator;
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
