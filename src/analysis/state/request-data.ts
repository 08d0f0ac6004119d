// Which values come from the request: derived from a handler parameter through the operations values flow through,
// except the platform bindings the request object also carries (`c.env`, `platform.env`: PLATFORM_BINDINGS).
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { ReachContext } from '../context.js';
import { chainOperands, isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import { noteIncomplete } from '../incomplete.js';
import { declaredVariables, initializerOf, isModuleLevel } from '../file/scopes.js';
import { FIXED_SET_REQUEST_FIELDS, PLATFORM_BINDINGS } from '../leaks/tables.js';
import { functionVariable } from './dispatch.js';
import { isGeneratorMiddleware } from '../handlers/signatures.js';
import { returnsIn } from './guards.js';
import type { FileFacts } from '../file/index.js';
import type { FunctionNode, Handler, PassedArgument } from '../types.js';

/** Methods that read an entry of a collection: their result is what the collection holds. */
const LOOKUPS = new Set(['get', 'has', 'at', 'peek']);
/** The options of a `fetch` that decide what the response holds. */
const FETCH_CONTENT = new Set(['method', 'headers', 'body']);
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'Array', 'Object']);

/**
 * How many steps one question follows a value back: through sub-expressions, and on through variables, parameters
 * and the values helpers return, without starting again at each hop. Past it the answer is "not known to be
 * request data", and the file's analysis is noted as incomplete. Chains of one operator (`a || b || …`) are read
 * whole, so their length costs no steps.
 */
const MAX_DEPTH = 200;

export class RequestData {
  private readonly exprMemo = new WeakMap<TSESTree.Node, boolean>();
  private readonly variableMemo = new WeakMap<Scope.Variable, boolean>();
  private readonly inProgress = new WeakSet<Scope.Variable>();
  private readonly returnsInProgress = new Set<FunctionNode>();
  private readonly handlers: ReadonlyMap<FunctionNode, Handler>;
  /** Set when a question ran out of steps: a "no" found since is not certain, and is not remembered. */
  private exhausted = false;

  constructor(private readonly ctx: ReachContext) {
    // A function that is a handler of its own file and also reached from importers is the request's either way.
    this.handlers = new Map(
      [...ctx.handlers].sort((a, b) => Number(!a.reachedFrom) - Number(!b.reachedFrom)).map((h) => [h.node, h]),
    );
  }

  /** Is this code run at request time? Only then can its call sites carry request data into a helper. */
  private isRequestTime(node: TSESTree.Node): boolean {
    return this.ctx.reach.contextOf(node) !== null;
  }

  /** The calls of a module function (by name, or through a table or singleton). */
  private callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    return this.ctx.reach.callSitesOf(fn);
  }

  /** Is this the module's top-level scope (ES module, CommonJS wrapper or script)? */
  private isModuleScope(scope: Scope.Scope): boolean {
    return isModuleLevel(this.ctx.scopes, scope);
  }

  /** Does the value of `node` come from the request? */
  isRequestDerived(node: TSESTree.Node | null | undefined): boolean {
    if (!node) return false;
    const before = this.exhausted;
    this.exhausted = false;
    const result = this.derived(node, 0);
    if (this.exhausted && !result) {
      noteIncomplete(
        `the value at line ${node.loc.start.line}`,
        `it flows through more than ${MAX_DEPTH} expressions, variables and calls`,
      );
    }
    this.exhausted ||= before;
    return result;
  }

  /**
   * One step of a question, `depth` steps in. A "yes" is certain whatever the budget, so it is always remembered;
   * a "no" only when nothing below it ran out of steps, so that every question gets the same answer.
   */
  private derived(node: TSESTree.Node | null | undefined, depth: number): boolean {
    if (!node) return false;
    const memo = this.exprMemo.get(node);
    if (memo !== undefined) return memo;
    if (depth > MAX_DEPTH) {
      this.exhausted = true;
      return false;
    }
    const before = this.exhausted;
    this.exhausted = false;
    const result = this.compute(node, depth + 1);
    if (result || !this.exhausted) this.exprMemo.set(node, result);
    this.exhausted ||= before;
    return result;
  }

  /** `fetch` with no binding of the file's own: the global Fetch API. */
  private isGlobalFetch(callee: TSESTree.Node): boolean {
    if (callee.type !== T.Identifier || callee.name !== 'fetch') return false;
    const variable = this.ctx.facts.variableOf(callee);
    return !variable || variable.defs.length === 0;
  }

  /**
   * `fetch(url, { headers, body, dispatcher, signal })`: what comes back is chosen by the address, the method, the
   * headers and the body. A transport or a lifetime the request picks (a proxy dispatcher, an abort signal, a
   * redirect or cache mode) does not make the response request data.
   */
  private fetchDerived(call: TSESTree.CallExpression, depth: number): boolean {
    const [resource, init, ...rest] = call.arguments;
    if (this.derived(resource, depth) || rest.some((argument) => this.derived(argument, depth))) return true;
    const options = init ? unwrap(init) : null;
    if (options?.type !== T.ObjectExpression) return this.derived(init, depth);
    return options.properties.some((property) => {
      if (property.type === T.SpreadElement) return this.derived(property.argument, depth);
      if (property.computed) return this.derived(property.key, depth) || this.derived(property.value, depth);
      return FETCH_CONTENT.has(staticPropertyName(property) ?? '') && this.derived(property.value, depth);
    });
  }

  private compute(node: TSESTree.Node, depth: number): boolean {
    const any = (nodes: ReadonlyArray<TSESTree.Node | null | undefined>) =>
      nodes.some((child) => this.derived(child, depth));
    if (node.type === T.Identifier || node.type === T.MemberExpression) {
      const passed = this.passedField(node);
      if (passed !== null) return passed;
      const binding = this.platformBinding(node);
      if (binding === 'binding') return false;
      // `c.env.incoming` on Node is the request itself, below a binding path.
      if (binding === 'request') return this.derived(memberPath(node)!.root, depth);
    }
    switch (node.type) {
      case T.Identifier: {
        const variable = this.variableAt(node);
        return variable ? this.variableDerived(variable, depth) : false;
      }
      case T.MemberExpression:
        // `cache[event.id]` reads what module state already holds: the key only selects it.
        if (node.computed && this.isModuleValue(node.object, true)) return false;
        return this.derived(node.object, depth) || (node.computed && this.derived(node.property, depth));
      case T.CallExpression:
      case T.NewExpression: {
        const callee = unwrap(node.callee);
        const local =
          node.type === T.CallExpression && callee.type === T.Identifier ? this.ctx.facts.functionOf(callee) : null;
        const returned = local ? this.returnsRequestData(local, depth) : null;
        if (returned !== null) return returned;
        // `carts.get(event.cartId)`: an entry of module state, chosen by the request but not made of it.
        if (
          callee.type === T.MemberExpression &&
          LOOKUPS.has(staticPropertyName(callee) ?? '') &&
          this.isModuleValue(callee.object)
        ) {
          return false;
        }
        if (node.type === T.CallExpression && this.isGlobalFetch(callee)) return this.fetchDerived(node, depth);
        if (any(node.arguments)) return true;
        if (callee.type === T.MemberExpression) return this.derived(callee.object, depth);
        return false;
      }
      case T.ObjectExpression:
        return node.properties.some((property) =>
          property.type === T.SpreadElement
            ? this.derived(property.argument, depth)
            : this.derived(property.value, depth) || (property.computed && this.derived(property.key, depth)),
        );
      case T.ArrayExpression:
        return any(node.elements);
      case T.TemplateLiteral:
        return any(node.expressions);
      case T.TaggedTemplateExpression:
        return any(node.quasi.expressions);
      case T.BinaryExpression:
      case T.LogicalExpression:
      case T.ConditionalExpression:
        // The operands of the whole chain (`a || b || …`, `p ? a : q ? b : …`), read without recursion.
        return any(chainOperands(node, operandLinks));
      case T.UnaryExpression:
        // `!event.quiet` carries the request's choice too; `typeof`, `void` and `delete` do not carry data.
        return node.operator === '-' || node.operator === '+' || node.operator === '~' || node.operator === '!'
          ? this.derived(node.argument, depth)
          : false;
      case T.AwaitExpression:
      case T.SpreadElement:
        return this.derived(node.argument, depth);
      case T.YieldExpression:
        return this.derived(node.argument, depth);
      case T.SequenceExpression:
        return this.derived(node.expressions[node.expressions.length - 1], depth);
      case T.AssignmentExpression:
        return this.derived(node.right, depth);
      case T.ChainExpression:
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        return this.derived(node.expression, depth);
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
        return this.closesOverRequestData(node, depth);
      case T.ThisExpression:
        return this.isContextThis(node);
      default:
        return false;
    }
  }

  /**
   * Koa 1 middleware (`function* (next)`) is called with the request's context as `this`: `this.header`,
   * `this.request.body`. Arrows inside it see the same `this`.
   */
  private isContextThis(node: TSESTree.ThisExpression): boolean {
    let fn: TSESTree.Node | undefined = node.parent;
    while (fn && !(isFunctionNode(fn) && fn.type !== T.ArrowFunctionExpression)) fn = fn.parent;
    if (!fn || !isFunctionNode(fn)) return false;
    return this.handlers.has(fn) && isGeneratorMiddleware(fn);
  }

  /** A closure that captures request data carries it: `pending.push(() => reply(event))`. */
  private closesOverRequestData(fn: FunctionNode, depth: number): boolean {
    const scope = this.ctx.file.scopeManager?.acquire(fn);
    if (!scope) return false;
    return scope.through.some((reference) => {
      const variable = reference.resolved as Scope.Variable | null;
      if (!variable) return false;
      // `options.fetch` read in the closure carries that property, not the whole object the caller passed.
      const identifier = reference.identifier as TSESTree.Node;
      const member = identifier.parent;
      if (member?.type === T.MemberExpression && member.object === identifier && this.passedField(member) !== null)
        return this.derived(member, depth);
      return this.variableDerived(variable, depth);
    });
  }

  private variableAt(identifier: TSESTree.Identifier): Scope.Variable | null {
    return this.ctx.facts.variableOf(identifier);
  }

  isVariableRequestDerived(variable: Scope.Variable): boolean {
    const before = this.exhausted;
    this.exhausted = false;
    const result = this.variableDerived(variable, 0);
    this.exhausted ||= before;
    return result;
  }

  /** A variable's step of a question: remembered as `derived` remembers expressions. */
  private variableDerived(variable: Scope.Variable, depth: number): boolean {
    const memo = this.variableMemo.get(variable);
    if (memo !== undefined) return memo;
    if (this.inProgress.has(variable)) return false;
    if (depth > MAX_DEPTH) {
      this.exhausted = true;
      return false;
    }
    this.inProgress.add(variable);
    const before = this.exhausted;
    this.exhausted = false;
    let result = false;
    try {
      result = this.computeVariable(variable, depth + 1);
    } finally {
      this.inProgress.delete(variable);
    }
    if (result || !this.exhausted) this.variableMemo.set(variable, result);
    this.exhausted ||= before;
    return result;
  }

  private computeVariable(variable: Scope.Variable, depth: number): boolean {
    // Module state is never request data by itself: reading it back is not what leaks.
    if (this.isModuleScope(variable.scope)) return false;
    for (const def of variable.defs) {
      if (def.type === 'Parameter') {
        const passed = this.passedField(def.name as TSESTree.Identifier);
        if (passed === false) continue;
        if (passed || this.isParameterRequestDerived(def.node as FunctionNode, def.name as TSESTree.Identifier, depth))
          return true;
      }
      if (def.type === 'Variable') {
        const declarator = def.node;
        // `const { env } = c`: the part of the request object the pattern takes is what the variable holds.
        const taken = declarator.init ? patternPath(declarator.id, def.name) : null;
        const from = declarator.init ? memberPath(declarator.init) : null;
        if (taken && taken.length > 0 && from && bindingPath([...from.path, ...taken]) === 'binding') continue;
        const passed = taken && taken.length > 0 && from ? this.passedField(from.root, [...from.path, ...taken]) : null;
        if (passed === false) continue;
        if (passed) return true;
        if (this.derived(declarator.init, depth)) return true;
        const loop = declarator.parent?.parent;
        if (
          loop &&
          (loop.type === T.ForOfStatement || loop.type === T.ForInStatement) &&
          loop.left === declarator.parent &&
          this.derived(loop.right, depth)
        ) {
          return true;
        }
      }
    }
    for (const reference of variable.references) {
      if (!reference.init && reference.isWrite() && reference.writeExpr && this.derived(reference.writeExpr, depth)) {
        return true;
      }
    }
    return false;
  }

  /** Handler parameters are the request; a callback's or helper's parameter is request data when it is passed some. */
  private isParameterRequestDerived(fn: FunctionNode, param: TSESTree.Identifier, depth: number): boolean {
    const index = parameterIndex(fn, param);
    const handler = this.handlers.get(fn);
    // Every handler parameter is the request, except the ones the platform fills with bindings (Workers' `env`).
    if (handler) {
      if ((handler.nonRequestParams ?? []).includes(index)) return false;
      // Reached from another file's handler: what its calls pass at this position, and what this file's own
      // request-time calls pass (below).
      const passed = passedTo(handler);
      if (!passed || (passed[index] ?? false) !== false) return true;
      return this.passedByLocalCalls(fn, index, depth);
    }
    const { parent, child } = valueParent(fn);
    // A callback: `event.Records.forEach((r) => …)`, `db.find(event.item, (err, item) => …)`.
    if (
      parent &&
      (parent.type === T.CallExpression || parent.type === T.NewExpression) &&
      parent.arguments.includes(child as TSESTree.CallExpressionArgument)
    ) {
      const callee = unwrap(parent.callee);
      if (parent.arguments.some((argument) => argument !== child && this.derived(argument, depth))) return true;
      if (callee.type === T.MemberExpression && this.derived(callee.object, depth)) return true;
      // A callback stored into a table at start-up (`steps.push((event) => …)`) gets what its callers pass.
      if (this.callSitesOf(fn).length === 0) return false;
    }
    // `promise.then((value) => …)` on request data is covered above through the callee object.
    return this.passedByLocalCalls(fn, index, depth) || this.handedToRequestData(fn, depth);
  }

  /**
   * `event.Records.map(processRecord)`: a function handed by name to a request-time call on request data (or with
   * request data beside it) receives that data, as an inline callback of the same call does.
   */
  private handedToRequestData(fn: FunctionNode, depth: number): boolean {
    for (const reference of functionVariable(this.ctx.facts, fn)?.references ?? []) {
      const { parent: call, child } = valueParent(reference.identifier);
      if (call?.type !== T.CallExpression || !call.arguments.includes(child as TSESTree.CallExpressionArgument))
        continue;
      if (!this.isRequestTime(call)) continue;
      const callee = unwrap(call.callee);
      if (callee.type === T.MemberExpression && this.derived(callee.object, depth)) return true;
      if (call.arguments.some((argument) => argument !== child && this.derived(argument, depth))) return true;
    }
    return false;
  }

  /** A module function: request data flows in through any request-time call that passes it at this position. */
  private passedByLocalCalls(fn: FunctionNode, index: number, depth: number): boolean {
    if (index < 0) return false;
    for (const call of [...this.callSitesOf(fn), ...this.localCallsOf(fn)]) {
      if (!this.isRequestTime(call)) continue;
      // `fn.call(self, a)` passes `a` first; `fn.apply(self, args)` passes what only the run time knows.
      const args = this.ctx.reach.argumentsOf(call);
      if (args === null) {
        if (call.arguments.some((arg) => this.derived(arg, depth))) return true;
        continue;
      }
      const argument = args[index];
      if (argument && this.derived(argument, depth)) return true;
      if (args.some((arg) => arg.type === T.SpreadElement && this.derived(arg, depth))) return true;
    }
    return false;
  }

  /**
   * For a parameter of a function another file's handler calls with an object literal (`save({ id: event.id,
   * client })`): whether the property `node` reads (`options.client`, a parameter destructured as `{ client }`) is
   * request data there. Null when the callers' arguments do not say (no such caller, the whole object read).
   */
  private passedField(node: TSESTree.Identifier | TSESTree.MemberExpression, extra: string[] = []): boolean | null {
    const chain = memberPath(node);
    if (!chain) return null;
    const variable = this.variableAt(chain.root);
    const def = variable?.defs[0];
    if (!def || def.type !== 'Parameter' || variable.defs.length !== 1) return null;
    const fn = def.node as FunctionNode;
    const handler = this.handlers.get(fn);
    const passed = handler ? passedTo(handler) : undefined;
    // This file's own request-time calls may pass more: then the parameter is read as a whole.
    if (!passed || this.callSitesOf(fn).some((call) => this.isRequestTime(call))) return null;
    const declared = def.name as TSESTree.Identifier;
    const index = parameterIndex(fn, declared);
    const argument = index < 0 ? true : (passed[index] ?? false);
    if (argument === false) return false;
    if (argument === true) return null;
    const inParam = patternPath(fn.params[index], declared);
    const path = inParam ? [...inParam, ...chain.path, ...extra] : [];
    if (path.length === 0) return null;
    return Object.hasOwn(argument.fields, path[0]) ? argument.fields[path[0]] : argument.rest;
  }

  /**
   * `c.env.MODE`, `platform.env`, `event.context.cloudflare.env.KV`, a parameter destructured as `{ platform }`:
   * a path from a parameter (of the handler, or of a helper it passes the request object to) that names a
   * platform binding.
   */
  private platformBinding(node: TSESTree.Identifier | TSESTree.MemberExpression): 'binding' | 'request' | null {
    const path = this.parameterPath(node);
    return path ? bindingPath(path) : null;
  }

  /** `event.resource`, `req.route.path`: a request field whose values the deployment fixes (FIXED_SET_REQUEST_FIELDS). */
  isFixedSetField(node: TSESTree.Node): boolean {
    const value = unwrap(node);
    if (value.type !== T.MemberExpression) return false;
    const path = this.parameterPath(value);
    return (
      path !== null &&
      FIXED_SET_REQUEST_FIELDS.some(
        (row) => row.path.length === path.length && row.path.every((segment, i) => path[i] === segment),
      )
    );
  }

  /** The property path of `node` from the parameter it starts at (through a destructuring pattern), or null. */
  private parameterPath(node: TSESTree.Identifier | TSESTree.MemberExpression, hops = 0): string[] | null {
    const chain = memberPath(node);
    if (!chain) return null;
    const variable = this.variableAt(chain.root);
    const def = variable?.defs[0];
    if (!def || variable.defs.length !== 1) return null;
    const declared = def.name as TSESTree.Identifier;
    // `const { cloudflare } = event.context`, `const env = locals.runtime.env`: a local const taken from a
    // parameter's path continues that path.
    if (def.type === 'Variable' && hops < MAX_PATH_HOPS) {
      const declaration = def.node.parent;
      const init = def.node.init ? unwrap(def.node.init) : null;
      if (declaration?.kind !== 'const' || !init || (init.type !== T.Identifier && init.type !== T.MemberExpression))
        return null;
      const base = this.parameterPath(init, hops + 1);
      const inPattern = base ? patternPath(def.node.id, declared) : null;
      return base && inPattern ? [...base, ...inPattern, ...chain.path] : null;
    }
    if (def.type !== 'Parameter') return null;
    const param = (def.node as FunctionNode).params.find((p) => isWithin(p, declared));
    const inParam = param ? patternPath(param, declared) : null;
    return inParam ? [...inParam, ...chain.path] : null;
  }

  /**
   * What a call of a module function returns, when the function is known: request data only if one of its return
   * values is (`keyFrom(c)` returning `c.env.KEY` is not). Unknown functions carry their arguments' data.
   */
  private returnsRequestData(fn: FunctionNode, depth: number): boolean | null {
    if (this.returnsInProgress.has(fn) || fn.generator) return null;
    this.returnsInProgress.add(fn);
    try {
      const returned = fn.body.type === T.BlockStatement ? returnsIn(fn.body).map((ret) => ret.argument) : [fn.body];
      return returned.some((value) => this.derived(value, depth));
    } finally {
      this.returnsInProgress.delete(fn);
    }
  }

  /**
   * A module-level in-memory collection (`const carts = new Map()`, `const TABLE = { … }`): what it holds was put
   * there before. Clients and stores (`ddb.get(key)`) fetch from elsewhere, so their results stay request data.
   */
  private isModuleValue(raw: TSESTree.Node, indexed = false): boolean {
    const node = unwrap(raw);
    if (node.type !== T.Identifier) return false;
    const variable = this.variableAt(node);
    if (!variable || !this.isModuleScope(variable.scope)) return false;
    const init = initializerOf(variable);
    const value = init ? unwrap(init) : null;
    if (!value) return false;
    if (value.type === T.ObjectExpression || value.type === T.ArrayExpression) return true;
    if (value.type !== T.NewExpression && value.type !== T.CallExpression) return false;
    // `prefs[user]` of `const prefs = loadPrefs()`: a module constant made at start-up, indexed, holds what the
    // module loaded, whatever key reads it (a method call on it, `ddb.get(key)`, may still fetch from elsewhere).
    const def = variable.defs[0];
    if (indexed && def.type === 'Variable' && def.node.parent?.kind === 'const' && def.node.id.type === T.Identifier)
      return true;
    const callee = unwrap(value.callee);
    const name = callee.type === T.Identifier ? callee.name : null;
    return (
      (value.type === T.NewExpression && name !== null && COLLECTIONS.has(name)) ||
      (callee.type === T.MemberExpression &&
        callee.object.type === T.Identifier &&
        callee.object.name === 'Object' &&
        staticPropertyName(callee) === 'create')
    );
  }

  /** Calls of a function declared inside another function, found through its name. */
  private localCallsOf(fn: FunctionNode): TSESTree.CallExpression[] {
    const variable = this.functionVariable(fn);
    if (!variable || this.isModuleScope(variable.scope)) return [];
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable.references) {
      const { parent, child } = valueParent(reference.identifier);
      if (parent?.type === T.CallExpression && parent.callee === child) calls.push(parent);
    }
    return calls;
  }

  private functionVariable(fn: FunctionNode): Scope.Variable | null {
    if (fn.type === T.FunctionDeclaration && fn.id) {
      return declaredVariables(this.ctx.file, fn).find((variable) => variable.name === fn.id!.name) ?? null;
    }
    const { parent } = valueParent(fn);
    if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
      return declaredVariables(this.ctx.file, parent)[0] ?? null;
    }
    return null;
  }
}

/** The parts of a link of an operator chain whose operands all flow into its value. */
function operandLinks(node: TSESTree.Node): TSESTree.Node[] | null {
  if (node.type === T.BinaryExpression || node.type === T.LogicalExpression) return [node.left, node.right];
  if (node.type === T.ConditionalExpression) return [node.consequent, node.alternate];
  return null;
}

/** The position of the parameter that declares `param` (itself or inside its destructuring pattern). */
function parameterIndex(fn: FunctionNode, param: TSESTree.Identifier): number {
  return fn.params.findIndex((p) => p.range[0] <= param.range[0] && param.range[1] <= p.range[1]);
}

/** How many `const` locals a parameter path is followed through. */
const MAX_PATH_HOPS = 3;

export function isFunctionValue(node: TSESTree.Node): boolean {
  return isFunctionNode(unwrap(node));
}

/** `c.env.MODE` → root `c`, path `['env', 'MODE']`; the path stops at the first computed segment. */
function memberPath(raw: TSESTree.Node): { root: TSESTree.Identifier; path: string[] } | null {
  const path: string[] = [];
  let node = unwrap(raw);
  while (node.type === T.MemberExpression) {
    const name = staticPropertyName(node);
    if (name === null) path.length = 0;
    else path.unshift(name);
    node = unwrap(node.object);
  }
  return node.type === T.Identifier ? { root: node, path } : null;
}

/** Where a name sits in a destructuring pattern: `{ platform: { env } }` gives `env` the path `['platform', 'env']`. */
function patternPath(pattern: TSESTree.Node, name: TSESTree.Identifier): string[] | null {
  if (pattern === name) return [];
  switch (pattern.type) {
    case T.AssignmentPattern:
      return patternPath(pattern.left, name);
    case T.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type !== T.Property || !isWithin(property, name)) continue;
        const key = staticPropertyName(property);
        const inner = patternPath(property.value, name);
        return key !== null && inner ? [key, ...inner] : null;
      }
      return null;
    default:
      return null;
  }
}

function isWithin(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `binding` when the path names a platform binding, `request` when it is request data below one, else null. */
function bindingPath(path: readonly string[]): 'binding' | 'request' | null {
  let result: 'binding' | 'request' | null = null;
  for (const row of PLATFORM_BINDINGS) {
    if (path.length < row.path.length || row.path.some((segment, i) => path[i] !== segment)) continue;
    const rest = path.slice(row.path.length);
    if (!(row.except ?? []).some((deeper) => deeper.every((segment, i) => rest[i] === segment))) return 'binding';
    result = 'request';
  }
  return result;
}

/**
 * What a call passes at each position (see `PassedArgument`): an object literal, or a local variable holding one
 * that the function only extends with `info.x = …`, is read property by property. Null when the positions are
 * hidden: a spread argument, or the function called through `call`/`apply`/`bind` (`members` is the callee's
 * member path after the imported binding, `store.save.call` → `['save', 'call']`).
 */
export function passedAtCall(
  requestData: RequestData,
  facts: FileFacts,
  args: readonly TSESTree.Node[] | null,
  members: readonly string[],
): PassedArgument[] | null {
  if (!args || args.some((argument) => argument.type === T.SpreadElement)) return null;
  if (members.length > 0 && POSITION_SHIFTING.has(members[members.length - 1])) return null;
  return args.map((argument) => passedArgument(requestData, facts, argument));
}

const POSITION_SHIFTING = new Set(['call', 'apply', 'bind']);

/** What the callers of a handler reached from elsewhere, or the one call a summary is made for, pass to it. */
function passedTo(handler: Handler): PassedArgument[] | null | undefined {
  return handler.reachedFrom ? handler.reachedFrom.requestArguments : handler.passedArguments;
}

function passedArgument(requestData: RequestData, facts: FileFacts, argument: TSESTree.Node): PassedArgument {
  let value = unwrap(argument);
  let extended: Array<{ name: string | null; value: TSESTree.Node }> = [];
  if (value.type === T.Identifier) {
    const variable = facts.variableOf(value);
    const init = variable ? initializerOf(variable) : null;
    const uses = variable && init && unwrap(init).type === T.ObjectExpression ? propertyWrites(variable, value) : null;
    if (init && uses) {
      value = unwrap(init);
      extended = uses;
    }
  }
  if (value.type !== T.ObjectExpression) return requestData.isRequestDerived(argument);
  const fields: Record<string, boolean> = {};
  let rest = false;
  for (const property of value.properties) {
    if (property.type === T.SpreadElement) {
      if (!requestData.isRequestDerived(property.argument)) continue;
      // A spread of request data may override what came before, and brings names nobody listed.
      for (const name of Object.keys(fields)) fields[name] = true;
      rest = true;
      continue;
    }
    const name = property.computed ? null : staticPropertyName(property);
    const derived =
      requestData.isRequestDerived(property.value) || (property.computed && requestData.isRequestDerived(property.key));
    if (name === null) rest ||= derived;
    else fields[name] = derived;
  }
  for (const write of extended) {
    const derived = requestData.isRequestDerived(write.value);
    if (write.name === null) rest ||= derived;
    else fields[write.name] = (fields[write.name] ?? false) || derived;
  }
  return { fields, rest };
}

/**
 * The `info.x = v` writes a local object receives besides being read and passed at `passed`; null when it is also
 * handed elsewhere or reassigned, where anything may be added to it.
 */
function propertyWrites(
  variable: Scope.Variable,
  passed: TSESTree.Identifier,
): Array<{ name: string | null; value: TSESTree.Node }> | null {
  if (variable.defs.length !== 1 || variable.defs[0].type !== 'Variable') return null;
  const writes: Array<{ name: string | null; value: TSESTree.Node }> = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier as TSESTree.Node;
    if (reference.init || identifier === passed) continue;
    if (reference.isWrite()) return null;
    const member = identifier.parent;
    if (member?.type !== T.MemberExpression || member.object !== identifier) return null;
    let top: TSESTree.Node = member;
    while (top.parent?.type === T.MemberExpression && top.parent.object === top) top = top.parent;
    const assignment = top.parent;
    if (assignment?.type === T.AssignmentExpression && assignment.left === top) {
      writes.push({ name: member.computed ? null : staticPropertyName(member), value: assignment.right });
    } else if (assignment?.type === T.CallExpression && assignment.callee === member) {
      // `info.push(…)`-style calls on an object literal: anything may be stored.
      return null;
    } else if (
      (assignment?.type === T.UpdateExpression || assignment?.type === T.UnaryExpression) &&
      assignment.argument === member
    ) {
      continue;
    }
  }
  return writes;
}
