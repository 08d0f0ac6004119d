// What state lives at module scope: the roots (variables, class statics, singletons' `this`, implicit globals,
// `globalThis.x`, `process.env.X`, `exports.x`), where each is named, and the shapes of their values.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import {
  calleeName,
  dottedName,
  isFunctionNode,
  staticPropertyName,
  thisExpressions,
  unwrap,
  chainOperands,
  valueParent,
  type VisitorKeys,
} from '../file/ast.js';
import { BROWSER_OWNED_GLOBALS, GLOBAL_OBJECTS } from '../file/globals.js';
import type { FileFacts } from '../file/index.js';
import { requireSource } from '../file/imports.js';
import { instanceFieldValues, propertyValues, staticFieldValues, type ClassNode } from '../file/members.js';
import { initializerOf, resolveName, type ModuleScopes } from '../file/scopes.js';
import { BOUNDED_CACHE_MODULES, BOUNDED_CACHE_NAMES } from '../leaks/tables.js';
import type { ResolvedSettings } from '../settings.js';
import type { ClosureInfo } from '../types.js';
import type { ReachContext } from '../context.js';
import { closureInfo, closureState, instanceInfo, type ClosureState } from './closures.js';
import { findSingletons, localClassOf, ownerMethods, singletonMethods } from './instances.js';

/** What a value is, as far as syntax tells. `opaque` values (SDK clients, pools, imports) have unknown methods. */
export type Shape =
  | 'array'
  | 'map'
  | 'set'
  | 'weak'
  | 'object'
  | 'string'
  | 'number'
  | 'boolean'
  | 'empty'
  | 'bounded'
  | 'opaque'
  | 'function'
  | 'unknown';

export const COLLECTION_SHAPES: ReadonlySet<Shape> = new Set(['array', 'map', 'set', 'weak']);

/** A module-scope place that survives between invocations. */
export interface StateRoot {
  /** Key used to group writes: the variable name, or `globalThis.x`. */
  key: string;
  /** How it is shown in messages. */
  name: string;
  variable: Scope.Variable | null;
  kind: 'variable' | 'global' | 'implicit';
  /** For an instance created in another module: the class whose fields are its initial shape. */
  classNode?: ClassNode;
  /** For state in a closure or on an instance that outlives the request: where it lives. */
  closure?: ClosureInfo;
}

/** A class whose `this` stands for a module-level instance created in the calling module (cross-file summaries). */
export interface ThisRoot {
  classNode: ClassNode;
  name: string;
  /** Where the instance lives, when it is not a module variable of the calling module. */
  closure?: ClosureInfo;
}

export class ModuleState {
  /** Extra value candidates for dotted paths, from assignments anywhere in the file (`global.log = []`). */
  private readonly assigned = new Map<string, TSESTree.Node[]>();
  private readonly shapeMemo = new Map<string, Shape>();

  readonly scopes: ModuleScopes;
  private readonly settings: ResolvedSettings;
  private closures: ClosureState | null = null;

  constructor(private readonly ctx: ReachContext) {
    this.scopes = ctx.facts.scopes;
    this.settings = ctx.settings;
  }

  /** Closure bindings and instances of code that runs once, whose request-time code writes them. */
  get closureState(): ClosureState {
    this.closures ??= closureState(this.ctx);
    return this.closures;
  }

  /**
   * Is this variable module state? Module-level bindings, except functions, types and plain imports of modules,
   * and the bindings of closures that outlive the request.
   */
  isStateVariable(variable: Scope.Variable): boolean {
    if (this.closureState.variables.has(variable)) return true;
    return isModuleBinding(variable, this.scopes);
  }

  /** Records `path = value` seen anywhere in the file, so shapes account for lazy and late initialisation. */
  recordAssignment(path: string, value: TSESTree.Node): void {
    const list = this.assigned.get(path);
    if (list) list.push(value);
    else this.assigned.set(path, [value]);
    this.shapeMemo.clear();
  }

  /** The shape of `root.a.b` (segments may be `[]` for computed access, which yields `unknown`). */
  shapeOf(root: StateRoot, path: readonly string[]): Shape {
    const key = [root.key, ...path].join('.');
    const memo = this.shapeMemo.get(key);
    if (memo) return memo;
    this.shapeMemo.set(key, 'unknown'); // cycle guard
    const candidates = this.candidates(root, path);
    const shape = combineShapes(candidates.map((value) => this.valueShape(value, key)));
    this.shapeMemo.set(key, shape);
    return shape;
  }

  private candidates(root: StateRoot, path: readonly string[]): TSESTree.Node[] {
    const key = [root.key, ...path].join('.');
    const result: TSESTree.Node[] = [...(this.assigned.get(key) ?? [])];
    if (path.length === 0) {
      const init = root.variable ? initializerOf(root.variable) : null;
      if (init) result.push(init);
      // `const queue: Job[] = load()`: the declared type says what the call returns.
      const def = root.variable?.defs[0];
      if (def?.type === 'Variable') {
        const annotation = def.node.id.typeAnnotation?.typeAnnotation;
        if (annotation) result.push(annotation);
      }
      return result;
    }
    const parents = this.candidates(root, path.slice(0, -1));
    const last = path[path.length - 1];
    if (path.length === 1 && root.classNode) result.push(...instanceFieldValues(root.classNode, last));
    for (const parent of parents) {
      const value = unwrap(parent);
      if (value.type === T.ObjectExpression) {
        result.push(...propertyValues(value, last));
      } else if (value.type === T.NewExpression) {
        const classNode = localClassOf(value, this.scopes);
        if (classNode) result.push(...instanceFieldValues(classNode, last));
      } else if (value.type === T.ClassDeclaration || value.type === T.ClassExpression) {
        result.push(...staticFieldValues(value, last));
      }
    }
    return result;
  }

  /** The shape of one value expression; `selfKey` ignores `x = x || []` self-references. */
  valueShape(node: TSESTree.Node, selfKey: string): Shape {
    const value = unwrap(node);
    switch (value.type) {
      case T.ArrayExpression:
        return 'array';
      case T.ObjectExpression:
        return 'object';
      case T.TemplateLiteral:
        return 'string';
      case T.Literal:
        if (typeof value.value === 'string') return 'string';
        if (typeof value.value === 'number' || typeof value.value === 'bigint') return 'number';
        if (typeof value.value === 'boolean') return 'boolean';
        if (value.value === null) return 'empty';
        return 'opaque';
      case T.Identifier:
        if (value.name === 'undefined') return 'empty';
        return 'unknown';
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
      case T.FunctionDeclaration:
      case T.ClassDeclaration:
      case T.ClassExpression:
        return 'function';
      case T.NewExpression:
      case T.CallExpression:
        return this.constructedShape(value);
      case T.LogicalExpression:
      case T.ConditionalExpression:
        // Each operand of the whole chain (`a || b || …`, thousands long in generated code), without recursion.
        return combineShapes(
          chainOperands(value, shapeLinks)
            .filter((part) => dottedName(part) !== selfKey)
            .map((part) => this.valueShape(part, selfKey)),
        );
      case T.AwaitExpression:
        return 'opaque';
      // `const sessions = (holder.sessions ??= new Map())`: the value stored, which the binding shares.
      case T.AssignmentExpression:
        return value.operator === '=' || value.operator === '??=' || value.operator === '||='
          ? this.valueShape(value.right, selfKey)
          : 'unknown';
      case T.TSArrayType:
      case T.TSTupleType:
        return 'array';
      case T.TSTypeReference: {
        const name = value.typeName.type === T.Identifier ? value.typeName.name : null;
        if (name === 'Array') return 'array';
        if (name === 'Map') return 'map';
        if (name === 'Set') return 'set';
        if (name === 'WeakMap' || name === 'WeakSet') return 'weak';
        if (name === 'Record') return 'object';
        return 'unknown';
      }
      case T.TSTypeLiteral:
        return 'object';
      case T.BinaryExpression:
        return value.operator === '+' ? 'unknown' : 'number';
      case T.UnaryExpression:
        return value.operator === '!' ? 'boolean' : value.operator === 'void' ? 'empty' : 'opaque';
      default:
        return 'unknown';
    }
  }

  private constructedShape(value: TSESTree.NewExpression | TSESTree.CallExpression): Shape {
    const callee = unwrap(value.callee);
    const name = calleeName(callee);
    const full = dottedName(callee);
    if (name && (this.isBoundedCacheImport(callee) || this.isBoundedName(callee, name))) return 'bounded';
    if (value.type === T.CallExpression && isRequireCall(value)) return 'opaque';
    switch (full) {
      case 'Array':
      case 'Array.from':
      case 'Array.of':
        return 'array';
      case 'Map':
        return 'map';
      case 'Set':
        return 'set';
      case 'WeakMap':
      case 'WeakSet':
      case 'WeakRef':
        return 'weak';
      case 'Object':
      case 'Object.create':
      case 'Object.fromEntries':
      case 'Object.assign':
        return 'object';
      case 'Object.keys':
      case 'Object.values':
      case 'Object.entries':
        return 'array';
      case 'String':
        return 'string';
      case 'Number':
      case 'Date.now':
        return 'number';
      default:
        break;
    }
    // `items.slice()`, `[...x].concat(y)`, `x.map(f)`: array methods that return arrays.
    if (callee.type === T.MemberExpression && name && ARRAY_RETURNING.has(name)) return 'array';
    return 'opaque';
  }

  /** Any value of a bounded-cache module: `new LRUCache()`, `new LRU()`, `new (require('lru-cache').LRUCache)()`. */
  private isBoundedCacheImport(callee: TSESTree.Node): boolean {
    const imported = this.ctx.facts.imports.of(callee);
    return imported !== null && BOUNDED_CACHE_MODULES.has(imported.source);
  }

  private isBoundedName(callee: TSESTree.Node, name: string): boolean {
    if (this.settings.boundedCaches.has(name)) return true;
    // A well-known bounded-cache class name counts when it is not some local class of the same name.
    if (callee.type === T.Identifier) {
      const variable = resolveName(this.scopes.module, callee.name);
      if (variable && variable.defs.some((def) => def.type === 'ClassName')) return false;
    }
    return BOUNDED_CACHE_NAMES.has(name);
  }

  /** Is this root a function or class (its calls are reachability, not state)? */
  isFunctionLike(variable: Scope.Variable): boolean {
    const init = initializerOf(variable);
    return !!init && isFunctionNode(unwrap(init));
  }
}

const ARRAY_RETURNING = new Set([
  'slice',
  'concat',
  'map',
  'filter',
  'flat',
  'flatMap',
  'toSorted',
  'toReversed',
  'toSpliced',
  'with',
  'split',
  // These mutate and return the same array: `new Array(3).fill(null)`.
  'fill',
  'sort',
  'reverse',
  'copyWithin',
]);

/** The parts of a link of a chain whose value is one of its operands: `a || b`, `p ? a : b`. */
function shapeLinks(node: TSESTree.Node): TSESTree.Node[] | null {
  const value = unwrap(node);
  if (value.type === T.LogicalExpression) return [value.left, value.right];
  if (value.type === T.ConditionalExpression) return [value.consequent, value.alternate];
  return null;
}

/** A namespace with a body that runs (`namespace NS { … }`), not a `declare` or ambient module. */
function isRuntimeNamespace(node: TSESTree.Node): boolean {
  return (
    node.type === T.TSModuleDeclaration && !node.declare && node.id.type === T.Identifier && node.body !== undefined
  );
}

/** Declared in a runtime namespace that sits, through nested namespaces only, at module level. */
function isNamespaceVariable(variable: Scope.Variable, scopes: ModuleScopes): boolean {
  let scope: Scope.Scope | null = variable.scope;
  if (scope.type !== 'tsModule') return false;
  while (scope && scope.type === 'tsModule') {
    if (!isRuntimeNamespace(scope.block)) return false;
    scope = scope.upper;
  }
  return scope === scopes.module || scope === scopes.global;
}

function combineShapes(shapes: Shape[]): Shape {
  const known = shapes.filter((shape) => shape !== 'unknown' && shape !== 'empty');
  if (known.includes('bounded')) return 'bounded';
  for (const collection of ['array', 'map', 'set', 'weak'] as const) if (known.includes(collection)) return collection;
  if (known.includes('opaque')) return 'opaque';
  for (const scalar of ['string', 'object', 'number', 'boolean', 'function'] as const)
    if (known.includes(scalar)) return scalar;
  return shapes.includes('empty') && shapes.every((shape) => shape === 'empty') ? 'empty' : 'unknown';
}

export function isRequireCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return requireSource(node) !== null;
}

/**
 * References to one root, or the file's module variables as one block: their roots and references are the same
 * objects for every analysis of the file (a variable that is not a module binding counts only when it is in
 * `closureVariables`).
 */
export type RootReferences =
  | { root: StateRoot; starts: TSESTree.Node[] }
  | { moduleVariables: readonly ModuleVariable[]; closureVariables: ReadonlyMap<Scope.Variable, unknown> };

/** Every place module state is named: references to module variables, implicit globals, `globalThis.x`. */
export function* stateReferences(
  facts: FileFacts,
  state: ModuleState,
  thisRoots: readonly ThisRoot[],
): Generator<RootReferences> {
  const scopes = facts.scopes;
  const visitorKeys = facts.file.visitorKeys;
  // A class whose instance lives in the calling module, or made request-time code at start-up: its `this` is state.
  const singletons = findSingletons(scopes);
  const singletonClasses = new Set(singletons.map((singleton) => singleton.owner));
  const instanceRoots: ThisRoot[] = state.closureState.instances
    .filter((owner) => !singletonClasses.has(owner.classNode))
    .map((owner) => ({ classNode: owner.classNode, name: 'this', closure: instanceInfo(owner) }));
  for (const { classNode, name, closure } of [...thisRoots, ...instanceRoots]) {
    const key = closure ? `this:${name}` : name;
    const root: StateRoot = { key, name, variable: null, kind: 'variable', classNode, closure };
    for (const method of ownerMethods(classNode)) {
      for (const node of thisExpressions(method.body ?? method, visitorKeys)) yield { root: root, starts: [node] };
    }
  }
  yield { moduleVariables: moduleVariablesOf(facts), closureVariables: state.closureState.variables };
  for (const [variable, owner] of state.closureState.variables) {
    const root: StateRoot = {
      key: variable.name,
      name: variable.name,
      variable,
      kind: 'variable',
      closure: closureInfo(owner),
    };
    for (const reference of variable.references) {
      if (!reference.init) yield { root: root, starts: [reference.identifier] };
    }
  }
  for (const [root, node] of staticThisReferences(scopes, visitorKeys)) yield { root, starts: [node] };
  const products = state.closureState.products
    .filter((product) => !singletonClasses.has(product.classNode))
    .map((product) => ({ variable: product.variable, owner: product.classNode }));
  for (const singleton of [...singletons, ...products]) {
    const name = singleton.variable.name;
    const root: StateRoot = { key: name, name, variable: singleton.variable, kind: 'variable' };
    for (const method of singletonMethods(singleton)) {
      for (const node of thisExpressions(method.body ?? method, visitorKeys)) yield { root: root, starts: [node] };
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
  for (const reference of facts.globals.references) {
    const identifier = reference.identifier as TSESTree.Identifier;
    const implicitRoot = implicit.get(identifier.name);
    if (implicitRoot) {
      yield { root: implicitRoot, starts: [identifier] };
      continue;
    }
    const globalRoot = globalPropertyRoot(identifier);
    if (globalRoot) yield { root: globalRoot[0], starts: [globalRoot[1]] };
    // A `global WIKI` directive comment: the file itself declares a program-wide global (set up elsewhere as `global.WIKI = …`);
    // its properties are shared by every request like `globalThis.WIKI`'s.
    else if (declaredByComment(facts, reference)) {
      const key = `globalThis.${identifier.name}`;
      yield {
        root: { key, name: identifier.name, variable: null, kind: 'global' },
        starts: [identifier],
      };
    }
    // `const g = globalThis; g.lastEvent = event`: a local alias of the global object.
    const declared = valueParent(identifier);
    if (
      GLOBAL_OBJECTS.has(identifier.name) &&
      declared.parent?.type === T.VariableDeclarator &&
      declared.parent.init === declared.child
    ) {
      yield {
        root: { key: 'globalThis', name: identifier.name, variable: null, kind: 'global' },
        starts: [identifier],
      };
    }
  }
}

/** A module-level variable as a root, with the references that name it (initialisations left out). */
export interface ModuleVariable {
  root: StateRoot & { variable: Scope.Variable };
  /** Module state by its declaration alone (the bindings of closures that outlive a request are decided later). */
  binding: boolean;
  references: TSESTree.Node[];
}

const moduleVariablesCache = new WeakMap<FileFacts, ModuleVariable[]>();

/**
 * The file's module-level variables (the global scope's and those of namespaces at module level included), read
 * once per file: each summary of one of the file's exports walks them again. The roots are the same objects
 * every time, so what is found through one can be kept with it.
 */
function moduleVariablesOf(facts: FileFacts): ModuleVariable[] {
  const cached = moduleVariablesCache.get(facts);
  if (cached) return cached;
  const { scopes } = facts;
  const scopeManager = facts.file.scopeManager;
  const moduleVariables = new Set<Scope.Variable>(scopes.module.variables as Scope.Variable[]);
  if (scopes.module !== scopes.global) for (const v of scopes.global.variables) moduleVariables.add(v);
  // The variables of namespaces at module level, nested ones included.
  const namespaces = [...scopes.module.childScopes].filter((scope) => scope.type === 'tsModule');
  for (let i = 0; i < namespaces.length; i++) {
    for (const v of namespaces[i].variables) moduleVariables.add(v);
    namespaces.push(...namespaces[i].childScopes.filter((scope) => scope.type === 'tsModule'));
  }
  const result: ModuleVariable[] = [];
  for (const variable of moduleVariables) {
    const references: TSESTree.Node[] = [];
    for (const reference of [...variable.references, ...innerClassNameReferences(variable, scopeManager)]) {
      if (!reference.init) references.push(reference.identifier);
    }
    result.push({
      root: { key: variable.name, name: variable.name, variable, kind: 'variable' },
      binding: isModuleBinding(variable, scopes),
      references,
    });
  }
  moduleVariablesCache.set(facts, result);
  return result;
}

/** Module state by declaration: module-level bindings, except functions, types and plain imports of modules. */
function isModuleBinding(variable: Scope.Variable, scopes: ModuleScopes): boolean {
  if (variable.defs.length === 0 || isGlueVariable(variable, scopes)) return false;
  // A variable of a namespace (`namespace Registry { export const items = [] }`) lives as long as the module.
  if (isNamespaceVariable(variable, scopes)) return variable.defs.every((def) => def.type === 'Variable');
  if (variable.scope !== scopes.module && variable.scope !== scopes.global) return false;
  return variable.defs.every(
    (def) =>
      def.type === 'Variable' ||
      def.type === 'ClassName' ||
      def.type === 'ImportBinding' ||
      // The namespace object itself: `Registry.items.push(x)` writes into it.
      (def.type === 'TSModuleName' && isRuntimeNamespace(def.node as TSESTree.Node)),
  );
}

/**
 * A reference to a global that a `global X` directive comment in the file declares (not one from the config).
 * The comment is read from the source too, so the answer holds when inline config is switched off.
 */
function declaredByComment(facts: FileFacts, reference: Scope.Reference): boolean {
  const variable = reference.resolved as (Scope.Variable & { eslintExplicitGlobalComments?: unknown[] }) | null;
  if (variable && variable.defs.length === 0 && (variable.eslintExplicitGlobalComments?.length ?? 0) > 0) return true;
  return !variable && commentGlobals(facts).has((reference.identifier as TSESTree.Identifier).name);
}

const commentGlobalsCache = new WeakMap<TSESTree.Program, ReadonlySet<string>>();

/** Names that `global a, b:writable` block comments of the file declare. */
function commentGlobals(facts: FileFacts): ReadonlySet<string> {
  const cached = commentGlobalsCache.get(facts.ast);
  if (cached) return cached;
  const names = new Set<string>();
  for (const comment of facts.ast.comments ?? []) {
    if (comment.type !== 'Block') continue;
    const match = /^\s*globals?\s([^]*)$/u.exec(comment.value);
    if (!match) continue;
    for (const part of match[1].split(',')) {
      const name = part.split(':')[0].trim();
      if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name)) names.add(name);
    }
  }
  commentGlobalsCache.set(facts.ast, names);
  return names;
}

/** Inside `class C { … }` the name `C` is a binding of the class scope; `C.count++` there writes the module's C. */
function innerClassNameReferences(
  variable: Scope.Variable,
  scopeManager: Scope.ScopeManager | null,
): Scope.Reference[] {
  const def = variable.defs[0];
  if (!def || def.type !== 'ClassName' || !scopeManager) return [];
  const classScope = scopeManager.acquire(def.node);
  const inner = classScope?.set.get(variable.name);
  return inner && inner !== variable ? inner.references : [];
}

const staticThisOf = new WeakMap<ModuleScopes, Array<[StateRoot, TSESTree.Node]>>();

/** `this.count++` inside a static method of a module-level class writes the class's static member (once per file). */
function staticThisReferences(scopes: ModuleScopes, visitorKeys: VisitorKeys): Array<[StateRoot, TSESTree.Node]> {
  let found = staticThisOf.get(scopes);
  if (!found) {
    found = [...staticThisIn(scopes, visitorKeys)];
    staticThisOf.set(scopes, found);
  }
  return found;
}

function* staticThisIn(scopes: ModuleScopes, visitorKeys: VisitorKeys): Generator<[StateRoot, TSESTree.Node]> {
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
  // `globalThis[key] = value`: a process-wide write under a key only the run time knows; the global object is the
  // root and the key is the written slot.
  if (name === null) {
    if (!GLOBAL_OBJECTS.has(identifier.name)) return null;
    return [{ key: 'globalThis', name: identifier.name, variable: null, kind: 'global' }, identifier];
  }
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
    // `window.location.href = url`: the browser's own page objects, which no server holds.
    if (BROWSER_OWNED_GLOBALS.has(name)) return null;
    const key = `globalThis.${name}`;
    return [{ key, name: `${identifier.name}.${name}`, variable: null, kind: 'global' }, first.parent];
  }
  if (identifier.name === 'process' && name === 'env') {
    const second = valueParent(first.parent);
    const wholeEnv: [StateRoot, TSESTree.Node] = [
      { key: 'process.env', name: 'process.env', variable: null, kind: 'global' },
      first.parent,
    ];
    // `Object.assign(process.env, values)`: the environment itself is the target.
    if (second.parent?.type === T.CallExpression && second.parent.arguments[0] === second.child) return wholeEnv;
    // `const env = process.env; env[name] = value`: a local alias of the environment.
    if (second.parent?.type === T.VariableDeclarator && second.parent.init === second.child) return wholeEnv;
    // `process.env = { ...process.env, TENANT: t }`: the environment replaced whole.
    if (second.parent?.type === T.AssignmentExpression && second.parent.left === second.child) return wholeEnv;
    if (second.parent?.type !== T.MemberExpression || second.parent.object !== second.child) return null;
    const envName = staticPropertyName(second.parent);
    // `process.env[name] = value`: the variable's name is the written slot.
    if (envName === null) return wholeEnv;
    const key = `process.env.${envName}`;
    return [{ key, name: key, variable: null, kind: 'global' }, second.parent];
  }
  return null;
}

/** The root key a state read names: `client` for `client.pool`, `globalThis.db` for `globalThis.db.x`. */
export function rootKeyOf(node: TSESTree.Node): string {
  const chain: TSESTree.Node[] = [];
  let current = unwrap(node);
  while (current.type === T.MemberExpression) {
    chain.unshift(current);
    current = unwrap(current.object);
  }
  if (current.type !== T.Identifier) return '';
  if (GLOBAL_OBJECTS.has(current.name) && chain[0]?.type === T.MemberExpression) {
    const first = staticPropertyName(chain[0]);
    return first === null ? 'globalThis' : `globalThis.${first}`;
  }
  if (
    current.name === 'process' &&
    chain.length >= 2 &&
    staticPropertyName(chain[0] as TSESTree.MemberExpression) === 'env'
  ) {
    const name = staticPropertyName(chain[1] as TSESTree.MemberExpression);
    return name === null ? 'process.env' : `process.env.${name}`;
  }
  const exportsAt = current.name === 'exports' ? 0 : current.name === 'module' && chain.length >= 2 ? 1 : -1;
  if (exportsAt >= 0 && chain[exportsAt]) {
    if (exportsAt === 1 && staticPropertyName(chain[0] as TSESTree.MemberExpression) !== 'exports') return current.name;
    const name = staticPropertyName(chain[exportsAt] as TSESTree.MemberExpression);
    return name === null ? '' : `exports.${name}`;
  }
  return current.name;
}

/** The module variables wasm-bindgen generates for its glue (heap slots, memory views, codecs, the instance). */
/**
 * The object heap, memory views and string buffers of generated wasm-bindgen glue: the generated functions keep
 * them for the WebAssembly instance the module holds, whatever calls them; they are not state a handler keeps.
 */
function isGlueVariable(variable: Scope.Variable, scopes: ModuleScopes): boolean {
  if (variable.scope !== scopes.module || !WASM_GLUE_STATE.test(variable.name)) return false;
  let glue = glueModules.get(scopes.module);
  if (glue === undefined) glueModules.set(scopes.module, (glue = isWasmBindgenGlue(scopes.module)));
  return glue;
}

const glueModules = new WeakMap<Scope.Scope, boolean>();

const WASM_GLUE_STATE =
  /^(?:heap|heap_next|WASM_VECTOR_LEN|wasm|cached(?:Text(?:En|De)coder|\w*Memory\d*)|cacheget\w*Memory\d*|CLOSURE_DTORS|\w*Finalization)$/u;

/**
 * The shape of a module wasm-bindgen generated: a module-level `WASM_VECTOR_LEN` and functions or exports named with
 * its `__wbg_`/`__wbindgen_` prefixes. Recognised by what the module declares, not by its file name.
 */
function isWasmBindgenGlue(module: Scope.Scope): boolean {
  if (!module.set.has('WASM_VECTOR_LEN')) return false;
  const generated = (name: string) => name.startsWith('__wbg_') || name.startsWith('__wbindgen_');
  if ([...module.set.keys()].some(generated)) return true;
  // Glue may only call into the instance's `__wbindgen_*` exports rather than define its own.
  return [...module.set.values()].some((variable) =>
    variable.references.some((reference) => {
      const parent = (reference.identifier as TSESTree.Node).parent;
      return parent?.type === T.MemberExpression && generated(staticPropertyName(parent) ?? '');
    }),
  );
}

/**
 * `rootKeyOf` as write sites are keyed: a global the file declares in a `global WIKI` comment is `globalThis.WIKI`,
 * the program-wide object it names.
 */
export function stateRootKeyOf(facts: FileFacts, node: TSESTree.Node): string {
  const key = rootKeyOf(node);
  let current = unwrap(node);
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  if (current.type !== T.Identifier || key !== current.name) return key;
  const reference = facts.referenceOf(current);
  return reference && declaredByComment(facts, reference) ? `globalThis.${key}` : key;
}

/** Is `node` rooted at module state: a module variable, an implicit global, `globalThis.x`? */
export function isStateRoot(facts: FileFacts, state: ModuleState, node: TSESTree.Node): boolean {
  let current = unwrap(node);
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  if (current.type !== T.Identifier) return false;
  const reference = facts.referenceOf(current);
  if (!reference) return false;
  const variable = reference.resolved as Scope.Variable | null;
  if (!variable || variable.defs.length === 0) return true; // implicit global, globalThis, process
  return state.isStateVariable(outerClassName(variable) ?? variable);
}

/**
 * Inside its own body a class's name resolves to the class scope's binding (`Settings.cache` in a static method of
 * `class Settings`); the state is the declaration's binding in the enclosing scope.
 */
function outerClassName(variable: Scope.Variable): Scope.Variable | null {
  const def = variable.defs[0];
  if (!def || def.type !== 'ClassName' || variable.scope.type !== 'class') return null;
  const outer = variable.scope.upper?.set.get(variable.name) as Scope.Variable | undefined;
  return outer && outer !== variable && outer.defs[0]?.node === def.node ? outer : null;
}
