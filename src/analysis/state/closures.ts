// State kept in the closure of code that runs once: a factory called at start-up whose product (a handler, a
// middleware, a store, a stack) is reached per request, an IIFE at module scope, a start-up function that
// registers handlers, a method of a long-lived instance that made a handler. What such a closure holds lives as
// long as the module, so it is module state.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { ReachContext } from '../context.js';
import { enclosingFunction, functionName, thisExpressions, valueParent } from '../file/ast.js';
import { isClassNode, type ClassNode } from '../file/members.js';
import { exportedClasses } from '../file/products.js';
import { handlesRequest } from '../handlers/platforms/factories.js';
import type { ClosureInfo, FunctionNode } from '../types.js';

/** A function that runs at start-up (or once, at module scope) and leaves request-time code behind. */
export interface ClosureOwner {
  fn: FunctionNode;
  /** Its name as written (`makeStack`), null for an anonymous function such as an IIFE. */
  factory: string | null;
  /** Module variables holding what it returned (`themeStack` for `const themeStack = makeStack('light')`). */
  holders: readonly string[];
}

/** A class whose instance made request-time code in one of its methods (`routes() { return (ctx) => … }`). */
export interface InstanceOwner {
  classNode: ClassNode;
  className: string;
  /** The method that made the request-time code. */
  method: string | null;
}

/** A module variable holding the only instance of a local class, made by a factory: its `this` is that variable. */
export interface ProductInstance {
  variable: Scope.Variable;
  classNode: ClassNode;
}

export interface ClosureState {
  variables: Map<Scope.Variable, ClosureOwner>;
  instances: InstanceOwner[];
  products: ProductInstance[];
}

/** Definitions that make a closure binding state; nested function declarations are calls, not state. */
const STATE_DEFINITIONS = new Set(['Variable', 'Parameter', 'ClassName']);

export function closureState(ctx: ReachContext): ClosureState {
  const dispatch = ctx.reach.dispatch;
  const variables = new Map<Scope.Variable, ClosureOwner>();
  const instances = new Map<ClassNode, InstanceOwner>();
  const owners = new Set<FunctionNode>();
  const scopeManager = ctx.file.scopeManager;
  if (!scopeManager) return { variables, instances: [], products: [] };
  for (const fn of ctx.reach.reachedFunctions()) {
    for (let outer = enclosingFunction(fn); outer && !owners.has(outer); outer = enclosingFunction(outer)) {
      if (ctx.reach.contextOf(outer)) break;
      owners.add(outer);
      const owner: ClosureOwner = { fn: outer, factory: functionName(outer), holders: dispatch.holdersOf(outer) };
      // `true`: the function's own scope, not the scope a named function expression keeps for its name.
      const scope = scopeManager.acquire(outer, true);
      if (scope) for (const variable of closureVariables(scope)) variables.set(variable, owner);
    }
    const instance = instanceOwner(ctx, fn);
    if (instance && !instances.has(instance.classNode)) instances.set(instance.classNode, instance);
  }
  // One product instance per class, and none made per request: `this` in its methods is that module variable.
  const perClass = new Map<ClassNode, ProductInstance[]>();
  for (const { variable, classNode } of dispatch.productInstances) {
    const list = perClass.get(classNode);
    if (list) list.push({ variable, classNode });
    else perClass.set(classNode, [{ variable, classNode }]);
  }
  const products: ProductInstance[] = [];
  for (const [classNode, list] of perClass) {
    const name = classNameOf(classNode);
    if (list.length === 1 && !(name && createdAtRequestTime(ctx, classNode, name))) products.push(list[0]);
  }
  return { variables, instances: [...instances.values()], products };
}

/** The bindings of a function's own scope and of the blocks inside it, not of the functions nested in it. */
function closureVariables(scope: Scope.Scope): Scope.Variable[] {
  const result: Scope.Variable[] = [];
  const stack: Scope.Scope[] = [scope];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const variable of current.variables as Scope.Variable[]) {
      if (variable.defs.length > 0 && variable.defs.every((def) => STATE_DEFINITIONS.has(def.type))) {
        result.push(variable);
      }
    }
    for (const child of current.childScopes) {
      if (child.type !== 'function' && child.type !== 'class-field-initializer') stack.push(child);
    }
  }
  return result;
}

/**
 * A request-time arrow function inside a method of a module-level class, using the method's `this`, when that
 * method itself runs at start-up and no request-time code creates an instance: `this` is an instance that outlives
 * the request.
 */
function instanceOwner(ctx: ReachContext, fn: FunctionNode): InstanceOwner | null {
  if (fn.type !== T.ArrowFunctionExpression)
    return fn.type === T.FunctionExpression ? handlerMethodOwner(ctx, fn) : null;
  let method: FunctionNode | null = enclosingFunction(fn);
  while (method?.type === T.ArrowFunctionExpression) method = enclosingFunction(method);
  if (!method || method.type !== T.FunctionExpression || ctx.reach.contextOf(method)) return null;
  const { parent } = valueParent(method);
  if (parent?.type !== T.MethodDefinition || parent.static) return null;
  const classNode = parent.parent.parent;
  if (!isClassNode(classNode) || thisExpressions(fn.body, ctx.file.visitorKeys).length === 0) return null;
  const className = classNameOf(classNode);
  if (!className || createdAtRequestTime(ctx, classNode, className)) return null;
  const key = parent.key;
  return { classNode, className, method: key.type === T.Identifier ? key.name : null };
}

/**
 * A method of an exported class that is itself a handler (`handle(request: Request, env)`): the app makes one
 * router or client and hands it every request, so `this` outlives the request (unless request-time code of this
 * file makes the instances).
 */
function handlerMethodOwner(ctx: ReachContext, method: FunctionNode): InstanceOwner | null {
  // Found as a request method of an exported class (platforms that make one instance per request, such as
  // Angular SSR services, register their methods under their own platform).
  const handler = ctx.reach.contextOf(method)?.handler;
  if (handler?.node !== method || handler.platform !== 'http' || !handlesRequest(method)) return null;
  const { parent } = valueParent(method);
  if (parent?.type !== T.MethodDefinition || parent.static) return null;
  const classNode = parent.parent.parent;
  if (!isClassNode(classNode) || !exportedClasses(ctx.facts).includes(classNode)) return null;
  const className = classNameOf(classNode);
  if (!className || createdAtRequestTime(ctx, classNode, className)) return null;
  return { classNode, className, method: null };
}

function classNameOf(classNode: ClassNode): string | null {
  if (classNode.id) return classNode.id.name;
  const { parent } = valueParent(classNode);
  return parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier ? parent.id.name : null;
}

/** `new C()` in request-time code makes an instance per request: its `this` is not shared. */
function createdAtRequestTime(ctx: ReachContext, classNode: ClassNode, className: string): boolean {
  return ctx.facts.calls.news.some((created) => {
    const callee = created.callee;
    const names = callee.type === T.Identifier && callee.name === className;
    return (names || callee === classNode) && ctx.reach.contextOf(created) !== null;
  });
}

/** What the message says about a closure: its factory and the module variables holding the product. */
export function closureInfo(owner: ClosureOwner): ClosureInfo {
  return { kind: 'closure', factory: owner.factory, holders: owner.holders };
}

export function instanceInfo(owner: InstanceOwner): ClosureInfo {
  return { kind: 'instance', className: owner.className, method: owner.method };
}

/**
 * The closure's place in words, completing "`frames` (…)": `state of \`makeStack()\` held by \`themeStack\``, or
 * for an instance `on the long-lived \`Router\` instance whose \`routes()\` made the handler`.
 */
export function describeClosure(info: ClosureInfo): string {
  if (info.kind === 'instance') {
    const method = info.method ? ` whose \`${info.method}()\` made the handler` : '';
    return `on the long-lived \`${info.className}\` instance${method}`;
  }
  const holders = info.holders.map((name) => `\`${name}\``).join(', ');
  if (info.factory && holders) return `state of \`${info.factory}()\` held by ${holders}`;
  if (info.factory) return `state of \`${info.factory}()\`, which runs once at start-up`;
  if (holders) return `state of the function called at start-up to make ${holders}`;
  return 'state of a function that runs once at start-up';
}
