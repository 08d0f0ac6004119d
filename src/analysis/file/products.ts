// What a call of a local function produces: the functions `make(options)` returns when `make` is written in this
// file (arrow returning arrow, a named inner function, a function of a returned object, `await` of an async
// factory, curried calls). Imported factories are not followed here; their own file sees what they return.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import type { FileFacts } from './index.js';
import { classMethod, isClassNode, propertyValue, type ClassNode } from './members.js';
import type { FunctionNode } from '../types.js';

const MAX_DEPTH = 6;

/** A call of a local function and what it returns. */
export interface Product {
  fn: FunctionNode;
  /** The called factory (the outermost one for curried calls). */
  factory: FunctionNode;
}

/**
 * The functions a value made by a call stands for: `make(o)`, `await make(o)`, `make(o)(p)`, `make(o).handler`,
 * through names bound to such calls. Empty when the callee is not a function of this file.
 */
export function productsOf(facts: FileFacts, node: TSESTree.Node, depth = 0): Product[] {
  if (depth > MAX_DEPTH) return [];
  let value = unwrap(node);
  if (value.type === T.AwaitExpression && value.argument) value = unwrap(value.argument);
  if (value.type === T.Identifier) {
    const bound = facts.valueOf(value);
    return bound === value ? [] : productsOf(facts, bound, depth + 1);
  }
  if (value.type === T.MemberExpression && !value.computed) {
    // `make(o).handler`: a function of the object the factory returns.
    const name = staticPropertyName(value);
    const object = unwrap(value.object);
    if (name === null || object.type !== T.CallExpression) return [];
    const factory = calledFunction(facts, object, depth);
    if (!factory) return [];
    return returnedValues(facts, factory.fn).flatMap((returned) => {
      const resolved = facts.valueOf(returned);
      const member = resolved.type === T.ObjectExpression ? propertyValue(resolved, name) : null;
      const fn = member ? facts.functionOf(member) : null;
      return fn ? [{ fn, factory: factory.outer }] : [];
    });
  }
  if (value.type !== T.CallExpression) return [];
  const factory = calledFunction(facts, value, depth);
  if (!factory) return [];
  const result: Product[] = [];
  for (const returned of returnedValues(facts, factory.fn)) {
    const inner = unwrap(returned);
    const method = instanceMethodOf(facts, inner);
    if (isFunctionNode(inner)) result.push({ fn: inner, factory: factory.outer });
    else if (method) result.push({ fn: method, factory: factory.outer });
    else if (inner.type === T.Identifier) {
      const fn = facts.functionOf(inner);
      if (fn) result.push({ fn, factory: factory.outer });
      else result.push(...productsOf(facts, inner, depth + 1).map((p) => ({ ...p, factory: factory.outer })));
    } else if (inner.type === T.CallExpression || inner.type === T.AwaitExpression) {
      result.push(...productsOf(facts, inner, depth + 1).map((p) => ({ ...p, factory: factory.outer })));
    }
  }
  return result;
}

/**
 * `instance.handle.bind(instance)` or `instance.handle`, where `instance` is `new Limiter(…)` of a class of this
 * file: that class's instance method.
 */
function instanceMethodOf(facts: FileFacts, node: TSESTree.Node): FunctionNode | null {
  let value = unwrap(node);
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    if (callee.type !== T.MemberExpression || staticPropertyName(callee) !== 'bind') return null;
    value = unwrap(callee.object);
  }
  if (value.type !== T.MemberExpression) return null;
  const name = staticPropertyName(value);
  const made = facts.valueOf(value.object);
  if (name === null || made.type !== T.NewExpression) return null;
  const classNode = facts.valueOf(made.callee);
  return isClassNode(classNode) ? classMethod(classNode, name, 'instance') : null;
}

/** The local function a call runs: `make(o)` → `make`; `make(o)(p)` → what `make(o)` returns. */
function calledFunction(
  facts: FileFacts,
  call: TSESTree.CallExpression,
  depth: number,
): { fn: FunctionNode; outer: FunctionNode } | null {
  const callee = unwrap(call.callee);
  if (callee.type === T.CallExpression) {
    const [first] = productsOf(facts, callee, depth + 1);
    return first ? { fn: first.fn, outer: first.factory } : null;
  }
  // Only a name bound to a function literal or declaration: `const h = wrap(x)` is not a factory of this file.
  const fn = callee.type === T.Identifier ? facts.valueOf(callee) : callee;
  return isFunctionNode(fn) ? { fn, outer: fn } : null;
}

/** What a function returns: an arrow's expression body, or the argument of each of its own `return` statements. */
export function returnedValues(facts: FileFacts, fn: FunctionNode): TSESTree.Node[] {
  // A declared signature of a function without a body (an overload, `declare function`) returns nothing.
  if (!(fn.body as TSESTree.Node | null)) return [];
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const result: TSESTree.Node[] = [];
  for (const statement of facts.returnsOf(fn)) if (statement.argument) result.push(statement.argument);
  return result;
}

/** Does the function return at least one function (directly, by name, or through another local factory)? */
export function returnsFunctions(facts: FileFacts, fn: FunctionNode): FunctionNode[] {
  const result: FunctionNode[] = [];
  for (const returned of returnedValues(facts, fn)) {
    const inner = unwrap(returned);
    const direct = isFunctionNode(inner)
      ? inner
      : inner.type === T.Identifier
        ? facts.functionOf(inner)
        : instanceMethodOf(facts, inner);
    if (direct) result.push(direct);
    else if (inner.type === T.CallExpression || inner.type === T.AwaitExpression)
      result.push(...productsOf(facts, inner).map((product) => product.fn));
  }
  return result;
}

/**
 * The classes a module exports, directly or through an exported instance: `module.exports = class Router {…}`,
 * `const Router = module.exports = class Router {…}`, `export class Router {…}`, `export default new Router()`.
 */
export function exportedClasses(facts: FileFacts): ClassNode[] {
  const result: ClassNode[] = [];
  for (const entry of facts.exports.values()) {
    let value = facts.valueOf(entry.value);
    if (value.type === T.NewExpression) value = facts.valueOf(value.callee);
    if (isClassNode(value) && !result.includes(value)) result.push(value);
  }
  return result;
}
