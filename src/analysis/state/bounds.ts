// Bounds: whether the code itself keeps a collection bounded: something removes entries or empties it after
// start-up (eviction), the handler resets it at entry, or every request-time write is the same one-way latch.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../context.js';
import { dottedName, enclosingFunction, isFunctionNode, unwrap, valueParent } from '../file/ast.js';
import type { FunctionNode } from '../types.js';
import { isGuardedInit, type StateCheck } from './lazy-init.js';
import type { StateRoot } from './module-state.js';
import type { RequestData } from './request-data.js';
import type { WriteSite } from './writes.js';

const REMOVING_METHODS = new Set(['delete', 'clear', 'pop', 'shift', 'splice']);
/** lodash functions that only take entries out of their target. */
export const LODASH_REMOVERS = /^_\.(?:unset|pull|pullAll|pullAt|remove)$/u;

export class Bounds {
  /** Receivers (`root.path`) something removes entries from or replaces: they are bounded by the code. */
  private readonly evictedKeys = new Set<string>();
  /** Latched roots: every request-time write assigns the same boolean, the opposite of the initial one. */
  private readonly latchedKeys = new Set<string>();

  constructor(
    private readonly ctx: FileContext,
    private readonly isStateCheck: StateCheck,
    allSites: readonly WriteSite[],
    requestTimeSites: readonly WriteSite[],
  ) {
    for (const site of allSites) {
      // A reset in a test helper or dead code bounds nothing.
      if (!this.runsLater(site)) continue;
      if (site.form === 'delete') this.evictedKeys.add(receiverKey(site, site.path.slice(0, -1)));
      if (site.form === 'define' && LODASH_REMOVERS.test(site.method ?? ''))
        this.evictedKeys.add(receiverKey(site, site.path));
      if (site.form === 'call' && site.method && REMOVING_METHODS.has(site.method) && removesEntries(site)) {
        this.evictedKeys.add(receiverKey(site, site.path));
      }
      // Emptying the whole collection bounds it when it happens on a size check or a timer, not on a request's whim.
      const emptied =
        (site.form === 'assign' && site.operator === '=' && site.values[0] && isFreshContainer(site.values[0])) ||
        (site.form === 'assign' && site.path[site.path.length - 1] === 'length' && isZero(site.values[0])) ||
        (site.form === 'call' && site.method === 'clear');
      // `if (!seen) seen = new Set()` creates the collection once; it empties nothing.
      if (emptied && !isGuardedInit(site, this.isStateCheck)) {
        const receiver =
          site.form === 'assign' && site.path[site.path.length - 1] === 'length' ? site.path.slice(0, -1) : site.path;
        if (!isUnderRequestCondition(site.node, ctx.requestData)) this.evictedKeys.add(receiverKey(site, receiver));
      }
    }
    this.findLatches(requestTimeSites);
  }

  /** Does code that runs after start-up remove entries from `root.path`, or empty it outside a request's choice? */
  evicted(site: WriteSite, path: readonly string[]): boolean {
    return this.evictedKeys.has(receiverKey(site, path));
  }

  /** Does the handler empty `root.path` in its own top-level statements, so it starts empty every invocation? */
  resetsAtEntry(handler: FunctionNode, site: WriteSite, path: readonly string[] = site.path): boolean {
    if (site.throughAlias) return false;
    return resetNames(handler).has([site.root.name, ...path].join('.'));
  }

  /** Is every request-time write of this root the same boolean, the opposite of its initial value? */
  latched(root: StateRoot): boolean {
    return this.latchedKeys.has(root.key);
  }

  /** Does this code ever run after start-up (per request, or in a timer or event callback)? */
  private runsLater(site: WriteSite): boolean {
    return this.ctx.reach.contextOf(site.node) !== null || inModuleLevelCallback(site.node);
  }

  private findLatches(sites: readonly WriteSite[]): void {
    const byRoot = new Map<string, WriteSite[]>();
    for (const site of sites) {
      if (site.throughAlias) continue;
      const list = byRoot.get(site.root.key) ?? [];
      list.push(site);
      byRoot.set(site.root.key, list);
    }
    for (const [key, list] of byRoot) {
      const root = list[0].root;
      const written = new Set<unknown>();
      const allBooleans = list.every((site) => {
        if (site.form !== 'assign' || site.operator !== '=' || site.path.length !== 0) return false;
        const value = unwrap(site.values[0]);
        if (value.type !== T.Literal || typeof value.value !== 'boolean') return false;
        written.add(value.value);
        return true;
      });
      if (!allBooleans || written.size !== 1) continue;
      const initial = this.ctx.state.shapeOf(root, []);
      if (initial !== 'boolean' && initial !== 'empty' && initial !== 'unknown') continue;
      const init = root.variable?.defs[0]?.node;
      const initValue = init && init.type === T.VariableDeclarator && init.init ? unwrap(init.init) : null;
      if (initValue && initValue.type === T.Literal && written.has(initValue.value)) continue;
      this.latchedKeys.add(key);
    }
  }
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

function receiverKey(site: WriteSite, path: readonly string[]): string {
  return [site.root.key, ...path].join('.');
}

export function isFreshContainer(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === T.ArrayExpression) return value.elements.length === 0;
  if (value.type === T.ObjectExpression) return value.properties.length === 0;
  if (value.type === T.Literal) return value.value === '' || value.value === null;
  if (value.type === T.NewExpression) {
    const name = dottedName(value.callee);
    return (name === 'Map' || name === 'Set' || name === 'Array' || name === 'Object') && value.arguments.length === 0;
  }
  return false;
}

/**
 * Resets at entry: `buf = []` or `buf.length = 0` (or `buf.clear()`) as a statement of the handler body itself,
 * so the collection starts empty on every invocation and does not grow across invocations.
 */
const resetNamesMemo = new WeakMap<FunctionNode, Set<string>>();

/** The dotted names a handler resets in its own top-level statements, computed once per handler. */
function resetNames(handler: FunctionNode): Set<string> {
  const memo = resetNamesMemo.get(handler);
  if (memo) return memo;
  const names = new Set<string>();
  resetNamesMemo.set(handler, names);
  if (handler.body.type !== T.BlockStatement) return names;
  for (const statement of topLevelStatements(handler.body.body)) {
    if (statement.type !== T.ExpressionStatement) continue;
    const expression = unwrap(statement.expression);
    if (expression.type === T.AssignmentExpression && expression.operator === '=') {
      const left = dottedName(expression.left);
      if (left === null) continue;
      const right = unwrap(expression.right);
      if (isFreshContainer(expression.right)) names.add(left);
      else if (left.endsWith('.length') && right.type === T.Literal && right.value === 0)
        names.add(left.slice(0, -'.length'.length));
    } else if (expression.type === T.CallExpression) {
      const callee = dottedName(expression.callee);
      if (callee?.endsWith('.clear') && expression.arguments.length === 0) names.add(callee.slice(0, -'.clear'.length));
      else if (callee?.endsWith('.splice') && isZero(expression.arguments[0]) && expression.arguments.length === 1) {
        names.add(callee.slice(0, -'.splice'.length));
      }
    }
  }
  return names;
}

export function isZero(node: TSESTree.Node | undefined): boolean {
  return !!node && node.type === T.Literal && node.value === 0;
}

/** `splice(i, 0, x)` only inserts; `pop`, `shift`, `delete`, `clear` and a deleting splice remove. */
function removesEntries(site: WriteSite): boolean {
  if (site.method !== 'splice' || site.node.type !== T.CallExpression) return true;
  const deleteCount = site.node.arguments[1];
  return !(deleteCount && deleteCount.type === T.Literal && deleteCount.value === 0);
}

/** Inside an `if`/`?:`/`&&` whose test reads the request: `if (event.reset) buf = []` runs when a caller says so. */
function isUnderRequestCondition(node: TSESTree.Node, requestData: RequestData): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if ((parent.type === T.IfStatement || parent.type === T.ConditionalExpression) && parent.test !== child) {
      if (requestData.isRequestDerived(parent.test) || mentionsRequest(parent.test, requestData)) return true;
    }
    if (parent.type === T.LogicalExpression && parent.right === child && mentionsRequest(parent.left, requestData))
      return true;
  }
  return false;
}

/** `event.reset`, `!event.keep`, `event.mode === 'reset'`: a test that depends on the request. */
function mentionsRequest(test: TSESTree.Node, requestData: RequestData): boolean {
  const node = unwrap(test);
  if (requestData.isRequestDerived(node)) return true;
  if (node.type === T.UnaryExpression) return mentionsRequest(node.argument, requestData);
  if (node.type === T.BinaryExpression || node.type === T.LogicalExpression) {
    return mentionsRequest(node.left, requestData) || mentionsRequest(node.right, requestData);
  }
  return false;
}

/** Statements that run on every invocation: the body, plus the blocks of a top-level `try`. */
function topLevelStatements(body: readonly TSESTree.Statement[]): TSESTree.Statement[] {
  const result: TSESTree.Statement[] = [];
  for (const statement of body) {
    result.push(statement);
    if (statement.type === T.TryStatement) {
      result.push(...statement.block.body);
      if (statement.finalizer) result.push(...statement.finalizer.body);
    }
  }
  return result;
}
