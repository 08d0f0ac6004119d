// Which functions run at request time: handlers, everything nested in them, and module functions they reach.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { BaseContext } from '../context.js';
import type { FileFacts } from '../file/index.js';
import {
  enclosingFunction,
  functionName,
  isFunctionNode,
  staticPropertyName,
  stringValue,
  thisExpressions,
  unwrap,
  valueParent,
  walk,
} from '../file/ast.js';
import { instanceMembers, namedProperties, staticMembers, superClassOf } from '../file/members.js';
import { initializerOf, type ModuleScopes } from '../file/scopes.js';
import type { FunctionNode, Handler } from '../types.js';
import { NAMED_DISPATCH_TABLE, RENDER_HELPER_TABLE } from '../leaks/tables.js';
import { ClientOnly } from './client-only.js';
import { DeferredReturns } from './deferred-returns.js';
import { Dispatch, isHeldFunction, type CallTarget, type EdgeSink, type Held } from './dispatch.js';

/** How a function is reached at request time: from which handler, through which named helpers. */
export interface RequestContext {
  handler: Handler;
  via: string[];
}

interface Edge {
  target: FunctionNode;
  /** The reference that may run it (absent for edges no single reference makes). */
  from?: TSESTree.Node;
}

export class Reachability {
  private readonly reached = new Map<FunctionNode, RequestContext>();
  /** Functions composables hand back for later, and are not otherwise reached. */
  private readonly deferred = new Set<FunctionNode>();
  /** The file's call edges, which do not depend on the handlers: built once per file and shared. */
  private readonly graph: CallGraph;
  /** Code inside request-time code that only the browser runs (effects, event handlers, `typeof window` branches). */
  readonly clientOnly: ClientOnly;
  /** Which functions values hold: module tables, locals, products of factories. */
  readonly dispatch: Dispatch;

  constructor(
    private readonly ctx: BaseContext,
    handlers: readonly Handler[],
  ) {
    this.graph = CallGraph.of(ctx);
    this.clientOnly = this.graph.clientOnly;
    this.dispatch = this.graph.dispatch;
    const queue: FunctionNode[] = [];
    for (const handler of handlers) {
      if (this.reached.has(handler.node)) continue;
      this.reached.set(handler.node, { handler, via: [] });
      queue.push(handler.node);
    }
    // Breadth-first: every function is visited once, so cycles and deep chains terminate in linear time.
    for (let index = 0; index < queue.length; index++) {
      const unit = queue[index];
      const context = this.reached.get(unit)!;
      const returns =
        unit === context.handler.node && context.handler.deferredReturns
          ? new DeferredReturns(ctx, this.clientOnly, context.handler)
          : null;
      for (const fn of this.nestedFunctions(unit, returns)) {
        if (fn !== unit && !this.reached.has(fn)) this.reached.set(fn, context);
        for (const edge of this.graph.edges.get(fn) ?? []) {
          // A function the composable hands back was judged by every use of it, the composable's own included.
          if (this.reached.has(edge.target) || this.deferred.has(edge.target)) continue;
          // `return { toast }` hands the module function back; it runs when the component calls it.
          if (returns && fn === unit && edge.from && returns.isDeferredReturn(edge.from)) continue;
          const name = functionName(edge.target);
          this.reached.set(edge.target, { handler: context.handler, via: name ? [...context.via, name] : context.via });
          queue.push(edge.target);
        }
      }
    }
  }

  /**
   * The request context of code at `node`, or null when it only runs at start-up, only in the browser (an effect,
   * an event handler, a `typeof window !== 'undefined'` branch), or never.
   */
  contextOf(node: TSESTree.Node): RequestContext | null {
    let fn = isFunctionNode(node) ? node : enclosingFunction(node);
    while (fn) {
      const context = this.reached.get(fn);
      if (context) return this.clientOnly.inBrowserBranch(node) ? null : context;
      if (this.deferred.has(fn) || this.clientOnly.isClientOnlyFunction(fn)) return null;
      fn = enclosingFunction(fn);
    }
    return null;
  }

  /**
   * Is `node` in a function a composable hands back (run later by the component, not while it sets up)? Such
   * code still runs after start-up: what it removes from a collection bounds it.
   */
  isHandedBack(node: TSESTree.Node): boolean {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (this.deferred.has(fn)) return true;
    return false;
  }

  /** Every function that runs at request time (handlers, what they reach, and what is nested in those). */
  reachedFunctions(): IterableIterator<FunctionNode> {
    return this.reached.keys();
  }

  /** `unit` and every function lexically inside it, via the scope tree (no AST walk). */
  private nestedFunctions(unit: FunctionNode, returns: DeferredReturns | null): FunctionNode[] {
    const result: FunctionNode[] = [];
    const root = this.ctx.file.scopeManager?.acquire(unit);
    if (!root) return [unit];
    const stack: Scope.Scope[] = [root];
    while (stack.length > 0) {
      const scope = stack.pop()!;
      const block = scope.block as TSESTree.Node;
      // What only the browser calls (and everything inside it) does not run on the server.
      if (isFunctionNode(block) && block !== unit && this.clientOnly.isClientOnlyFunction(block)) continue;
      // What a composable hands back runs later, when the component calls it (unless reached some other way).
      if (returns && isFunctionNode(block) && block !== unit && !this.reached.has(block) && returns.isDeferred(block)) {
        this.deferred.add(block);
        continue;
      }
      if (isFunctionNode(block) && (block === unit || !this.isSeparateUnit(block))) result.push(block);
      for (const child of scope.childScopes) stack.push(child);
    }
    return result;
  }

  /** Nested functions that are themselves already reached get their own (earlier) context. */
  private isSeparateUnit(fn: FunctionNode): boolean {
    return this.reached.has(fn) && this.reached.get(fn)!.via.length > 0;
  }

  /** The module functions a call invokes, by name or through a dispatch table. */
  calleesOf(call: TSESTree.CallExpression): readonly FunctionNode[] {
    return this.graph.callees.get(call) ?? [];
  }

  /** Calls of `fn` found by name or through a dispatch table (not calls through other aliases). */
  callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    return this.graph.callSites.get(fn) ?? [];
  }

  /** The arguments `fn` receives at a call found by name or through a table; null when only known at run time. */
  argumentsOf(call: TSESTree.CallExpression): readonly TSESTree.Node[] | null {
    return this.graph.passed.has(call) ? this.graph.passed.get(call)! : call.arguments;
  }
}

/**
 * The calls (and references) between the functions of one file, by name, through `this`, exports and dispatch
 * tables. They depend on the file alone, so every set of handlers over the file (each summary of one of its
 * exports, each handler after a failure) shares one graph.
 */

class CallGraph {
  private static readonly built = new WeakMap<FileFacts, CallGraph>();

  static of(ctx: BaseContext): CallGraph {
    let graph = CallGraph.built.get(ctx.facts);
    if (!graph) {
      graph = new CallGraph(ctx);
      CallGraph.built.set(ctx.facts, graph);
    }
    return graph;
  }

  /** Call (or reference) edges keyed by the nearest enclosing function of the reference. */
  readonly edges = new Map<FunctionNode, Edge[]>();
  /** Calls that invoke a module function by name or through a table: where arguments flow into its parameters. */
  readonly callSites = new Map<FunctionNode, TSESTree.CallExpression[]>();
  readonly callees = new Map<TSESTree.CallExpression, FunctionNode[]>();
  /** The arguments the callee receives, where they are not the call's own (`fn.call(self, a)` passes `a`). */
  readonly passed = new Map<TSESTree.CallExpression, readonly TSESTree.Node[] | null>();
  readonly clientOnly: ClientOnly;
  readonly dispatch: Dispatch;
  private readonly scopes: ModuleScopes;

  private constructor(private readonly ctx: BaseContext) {
    this.scopes = ctx.scopes;
    this.clientOnly = new ClientOnly(ctx);
    this.dispatch = new Dispatch(ctx.facts);
    this.collectEdges();
  }

  /**
   * `from` (a reference in some function) may run `target`; `call` is the call that runs it, when it is one
   * (left out, it is the call whose callee `from` is).
   */
  private addEdge(from: TSESTree.Node, target: FunctionNode, call?: CallTarget | null): void {
    // `onClick={save}`, `useEffect(sync)`, a call behind `typeof window !== 'undefined'`: the browser's, not ours.
    if (this.clientOnly.isClientOnlyUse(from)) return;
    let site = call;
    if (site === undefined) {
      const { parent, child } = valueParent(from);
      site =
        parent?.type === T.CallExpression && parent.callee === child ? { call: parent, args: parent.arguments } : null;
    }
    if (site) {
      const list = this.callSites.get(target);
      if (!list) this.callSites.set(target, [site.call]);
      else if (!list.includes(site.call)) list.push(site.call);
      const targets = this.callees.get(site.call);
      if (!targets) this.callees.set(site.call, [target]);
      else if (!targets.includes(target)) targets.push(target);
      if (site.args !== site.call.arguments) this.passed.set(site.call, site.args);
    }
    const source = enclosingFunction(from);
    if (!source || source === target) return;
    const list = this.edges.get(source);
    if (list) list.push({ target, from });
    else this.edges.set(source, [{ target, from }]);
  }

  /** `this.record(id)` inside a class method runs the same class's `record` (static side for static methods). */
  private collectThisCalls(): void {
    const classes = new Set<TSESTree.ClassDeclaration | TSESTree.ClassExpression>();
    // `class C {}`, `const C = class {}`, `const C = module.exports = class C {}`, `module.exports = class C {}`.
    const candidates = [
      ...this.scopes.module.variables.map((variable) => initializerOf(variable)),
      ...this.ctx.facts.exports.entries.map((entry) => entry.value),
    ];
    for (const candidate of candidates) {
      let value = candidate ? unwrap(candidate) : null;
      while (value?.type === T.AssignmentExpression && value.operator === '=') value = unwrap(value.right);
      if (value && (value.type === T.ClassDeclaration || value.type === T.ClassExpression)) classes.add(value);
    }
    for (const classNode of classes) {
      for (const member of classNode.body.body) {
        if (member.type !== T.MethodDefinition || !member.value.body) continue;
        const isStatic = member.static;
        for (const self of thisExpressions(member.value.body, this.ctx.file.visitorKeys)) {
          const { parent, child } = valueParent(self);
          if (parent?.type !== T.MemberExpression || parent.object !== child) continue;
          const name = staticPropertyName(parent);
          if (name === null) continue;
          const members = isStatic ? staticMembers(classNode, name) : instanceMembers(classNode, name);
          for (const target of members) if (isFunctionNode(target)) this.addEdge(parent, target);
        }
        // `super.handle(event)` runs the method of the class this one extends.
        const base = superClassOf(classNode);
        if (!base) continue;
        walk(member.value.body, this.ctx.file.visitorKeys, (node) => {
          if (node.type !== T.Super) return;
          const { parent } = valueParent(node);
          const name = parent?.type === T.MemberExpression ? staticPropertyName(parent) : null;
          if (name === null) return;
          const members = isStatic ? staticMembers(base, name) : instanceMembers(base, name);
          for (const target of members) if (isFunctionNode(target)) this.addEdge(parent!, target);
        });
      }
    }
  }

  /**
   * CommonJS modules call their own exports: `exports.record(x)` / `module.exports.record(x)` runs the function
   * assigned to `exports.record` (or listed in `module.exports = { record }`).
   */
  private collectExportsCalls(): void {
    const exported = new Map<string, FunctionNode>();
    const resolve = (value: TSESTree.Node): FunctionNode | null => {
      const node = unwrap(value);
      if (isFunctionNode(node)) return node;
      if (node.type !== T.Identifier) return null;
      const variable = this.scopes.module.set.get(node.name);
      const init = variable ? initializerOf(variable) : null;
      return init && isFunctionNode(unwrap(init)) ? (unwrap(init) as FunctionNode) : null;
    };
    for (const entry of this.ctx.facts.exports.entries) {
      if (entry.form !== 'commonjs' || entry.whole || entry.name === 'default') continue;
      const fn = resolve(entry.value);
      if (fn) exported.set(entry.name, fn);
    }
    if (exported.size === 0) return;
    for (const reference of this.ctx.facts.globals.references) {
      const identifier = reference.identifier as TSESTree.Identifier;
      if (identifier.name !== 'exports' && identifier.name !== 'module') continue;
      let node: TSESTree.Node = identifier;
      if (identifier.name === 'module') {
        const up = valueParent(identifier);
        if (up.parent?.type !== T.MemberExpression || staticPropertyName(up.parent) !== 'exports') continue;
        node = up.parent;
      }
      const { parent, child } = valueParent(node);
      if (parent?.type !== T.MemberExpression || parent.object !== child) continue;
      const name = staticPropertyName(parent);
      const target = name === null ? undefined : exported.get(name);
      if (target) this.addEdge(parent, target);
    }
  }

  /**
   * Any reference to a module-level function from inside a function may call it: `f()`, `list.map(f)`,
   * `setTimeout(f)`. Module-level tables holding functions (objects, classes, instances, arrays, Maps, what a
   * factory returns) are followed through the steps that pick one: `operations[type][field](args)`,
   * `const op = group[event.field]; op(x)`, `handlers.get(type)(event)`, `for (const step of steps) step(e)`.
   */
  private collectEdges(): void {
    this.collectThisCalls();
    this.collectExportsCalls();
    this.collectRenderHelpers();
    this.collectNamedDispatch();
    const moduleScope = this.scopes.module;
    const variables = moduleScope === this.scopes.global ? moduleScope.variables : [...moduleScope.variables];
    const held = new Map<Scope.Variable, Held[]>();
    // Every table first, so functions stored into one at start-up (`handlers.set('x', fn)`) are known to each flow.
    for (const variable of variables as Scope.Variable[]) {
      const values = this.dispatch.heldByModuleVariable(variable);
      if (values.length > 0) held.set(variable, values);
    }
    const sink: EdgeSink = (from, target, call) => this.addEdge(from, target, call);
    for (const [variable, values] of held) {
      for (const reference of variable.references) {
        if (reference.init) continue;
        this.dispatch.follow(reference.identifier, values, sink);
      }
    }
    this.collectInlineArguments(sink);
  }

  /**
   * `export const handler = makeHandler({ run: (event) => … })`: functions written inline in the arguments of a
   * start-up call reach the called function's parameters, so what its products do with them (`options.run(event)`)
   * are edges, as for a function passed by name.
   */
  private collectInlineArguments(sink: EdgeSink): void {
    for (const call of this.ctx.facts.calls.calls) {
      if (call.arguments.length === 0 || enclosingFunction(call)) continue;
      for (const argument of call.arguments) {
        if (argument.type === T.SpreadElement) continue;
        const value = unwrap(argument);
        if (value.type !== T.ObjectExpression && value.type !== T.ArrayExpression) continue;
        const values = this.dispatch.resolve(value);
        const holds = values.some((table) => this.dispatch.members(table, null).some(isHeldFunction));
        if (holds) this.dispatch.follow(argument, values, sink);
      }
    }
  }

  /**
   * Listeners registered at module scope under a literal name (`events.on('order', fn)`) run in the function that
   * dispatches that name on the same module variable (`events.emit('order', req.body)`), given the extra arguments.
   * Only the same object and the same literal name count: another name, a computed name or another emitter does not.
   */
  private collectNamedDispatch(): void {
    const facts = this.ctx.facts;
    for (const row of NAMED_DISPATCH_TABLE) {
      const dispatches = facts.callsNamed(...row.dispatch);
      if (dispatches.length === 0) continue;
      const listeners = new Map<string, FunctionNode[]>();
      for (const call of facts.callsNamed(...row.register)) {
        if (enclosingFunction(call)) continue;
        const key = this.namedCallKey(call, row.register);
        const fn = key ? facts.functionOf(call.arguments[1]) : null;
        if (!key || !fn) continue;
        const list = listeners.get(key) ?? [];
        list.push(fn);
        listeners.set(key, list);
      }
      if (listeners.size === 0) continue;
      for (const call of dispatches) {
        const key = this.namedCallKey(call, row.dispatch);
        for (const fn of (key && listeners.get(key)) || []) {
          this.addEdge(call, fn, { call, args: call.arguments.slice(1) });
        }
      }
    }
  }

  /** `events.on('order', …)` on a module variable: the variable and the name, as one key; else null. */
  private namedCallKey(call: TSESTree.CallExpression, methods: readonly string[]): string | null {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) return null;
    const method = staticPropertyName(callee);
    const object = unwrap(callee.object);
    const name = stringValue(call.arguments[0]);
    if (method === null || !methods.includes(method) || object.type !== T.Identifier || name === null) return null;
    const variable = this.ctx.facts.variableOf(object);
    if (!variable || (variable.scope !== this.scopes.module && variable.scope !== this.scopes.global)) return null;
    return `${this.variableIds.get(variable) ?? this.idFor(variable)}:${name}`;
  }

  private readonly variableIds = new Map<Scope.Variable, number>();

  private idFor(variable: Scope.Variable): number {
    const id = this.variableIds.size;
    this.variableIds.set(variable, id);
    return id;
  }

  /**
   * Helpers a template engine runs while rendering (`Handlebars.registerHelper('x', fn)` at module scope): the
   * function that compiles or renders a template, or calls a template compiled at module scope, reaches them.
   */
  private collectRenderHelpers(): void {
    const facts = this.ctx.facts;
    for (const row of RENDER_HELPER_TABLE) {
      if (!facts.imports.importsAny(row.modules)) continue;
      const helpers: FunctionNode[] = [];
      const renders: TSESTree.Node[] = [];
      for (const call of facts.callsNamed(...row.register, ...row.render)) {
        const imported = facts.imports.moduleValueOf(call.callee);
        const method = imported?.path.at(-1);
        if (!imported || !row.modules.includes(imported.source) || imported.path.length !== 1 || !method) continue;
        if (row.register.includes(method)) {
          const [first, second] = call.arguments;
          const table = first ? facts.valueOf(first) : null;
          if (table?.type === T.ObjectExpression) {
            for (const { property } of namedProperties(table)) {
              const fn = facts.functionOf(property.value);
              if (fn) helpers.push(fn);
            }
          }
          const fn = second ? facts.functionOf(second) : null;
          if (fn) helpers.push(fn);
          continue;
        }
        renders.push(call);
        // `const page = Handlebars.compile(src)` at module scope: calls of `page(…)` render.
        const { parent } = valueParent(call);
        if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier && !enclosingFunction(call)) {
          const variable = this.scopes.module.set.get(parent.id.name);
          for (const reference of variable?.references ?? []) if (!reference.init) renders.push(reference.identifier);
        }
      }
      if (helpers.length === 0) continue;
      for (const render of renders) {
        const source = enclosingFunction(render);
        if (!source) continue;
        const list = this.edges.get(source) ?? [];
        for (const helper of helpers) if (helper !== source) list.push({ target: helper });
        this.edges.set(source, list);
      }
    }
  }
}
