// Start-up patterns that write module state at request time on purpose: guarded lazy init and one-way latches.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { dottedName, isFunctionNode, unwrap, valueParent } from '../file/ast.js';
import type { FileContext } from '../context.js';
import { isStateRoot, rootKeyOf } from './module-state.js';
import type { WriteSite } from './writes.js';

/** Is `node` a read of module state (`db`, `cache.client`, `globalThis.pool`) with no request-chosen key? */
export type StateCheck = (node: TSESTree.Node) => boolean;

/**
 * `x ??= v`, `x ||= v`, `x = x || v`, `if (!x) x = v`, `if (x === undefined) …`, `x || (x = v)`,
 * `if (x) return x; x = v`: code that runs once per environment, not once per request.
 */
export function isGuardedInit(site: WriteSite, isStateCheck: StateCheck): boolean {
  if (site.form === 'assign') {
    if (site.operator === '||=' || site.operator === '??=') return true;
    const value = site.values[0] ? unwrap(site.values[0]) : null;
    const targetName = dottedName(site.target);
    if (value && targetName !== null && site.operator === '=') {
      if (
        value.type === T.LogicalExpression &&
        (value.operator === '||' || value.operator === '??') &&
        dottedName(value.left) === targetName
      ) {
        return true;
      }
      if (value.type === T.ConditionalExpression && dottedName(value.test) === targetName) return true;
    }
  }
  return isInsideInitGuard(site.node, isStateCheck);
}

/** Is `node` inside a guard that lets it run only while module state is unset (lexically, through callbacks)? */
export function isInsideInitGuard(node: TSESTree.Node, isStateCheck: StateCheck): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent) {
    if (isFunctionNode(parent)) {
      // `ready = connect().then((c) => { conn = c })` inside the guard: the callback belongs to the guarded init.
      const call = valueParent(parent);
      if (
        (call.parent?.type === T.CallExpression || call.parent?.type === T.NewExpression) &&
        call.parent.arguments.includes(call.child as TSESTree.CallExpressionArgument)
      ) {
        child = call.parent;
        parent = call.parent.parent;
        continue;
      }
      return false;
    }
    switch (parent.type) {
      case T.IfStatement:
        if (parent.consequent === child && isUnsetTest(parent.test, isStateCheck)) return true;
        if (parent.alternate === child && isSetTest(parent.test, isStateCheck)) return true;
        break;
      case T.ConditionalExpression:
        if (parent.consequent === child && isUnsetTest(parent.test, isStateCheck)) return true;
        if (parent.alternate === child && isSetTest(parent.test, isStateCheck)) return true;
        break;
      case T.LogicalExpression:
        if (parent.right === child) {
          if ((parent.operator === '||' || parent.operator === '??') && isSetTest(parent.left, isStateCheck))
            return true;
          if (parent.operator === '&&' && isUnsetTest(parent.left, isStateCheck)) return true;
        }
        break;
      case T.BlockStatement:
      case T.Program:
      case T.SwitchCase: {
        const body: TSESTree.Node[] = parent.type === T.SwitchCase ? parent.consequent : parent.body;
        const index = body.indexOf(child);
        for (let i = 0; i < index; i++) if (isEarlyExitWhenSet(body[i], isStateCheck)) return true;
        break;
      }
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** `if (x) return x;` / `if (initialized) return;` before the write. */
function isEarlyExitWhenSet(statement: TSESTree.Node, isStateCheck: StateCheck): boolean {
  if (statement.type !== T.IfStatement || statement.alternate) return false;
  if (!isSetTest(statement.test, isStateCheck)) return false;
  const consequent = statement.consequent;
  const last = consequent.type === T.BlockStatement ? consequent.body[consequent.body.length - 1] : consequent;
  return !!last && (last.type === T.ReturnStatement || last.type === T.ThrowStatement);
}

/** True when the test holds only while the state is not yet set: `!x`, `x == null`, `typeof x === 'undefined'`. */
function isUnsetTest(test: TSESTree.Node, isStateCheck: StateCheck): boolean {
  const node = unwrap(test);
  if (node.type === T.UnaryExpression && node.operator === '!')
    return isStateCheck(unwrap(node.argument)) || isSetTest(node.argument, isStateCheck);
  if (node.type === T.LogicalExpression) {
    if (node.operator === '||') return isUnsetTest(node.left, isStateCheck) || isUnsetTest(node.right, isStateCheck);
    if (node.operator === '&&') return isUnsetTest(node.left, isStateCheck) || isUnsetTest(node.right, isStateCheck);
  }
  if (node.type === T.BinaryExpression && (node.operator === '==' || node.operator === '===')) {
    return comparesStateWithNothing(node, isStateCheck);
  }
  return false;
}

/** True when the test holds once the state is set: `x`, `x != null`, `x !== undefined`. */
function isSetTest(test: TSESTree.Node, isStateCheck: StateCheck): boolean {
  const node = unwrap(test);
  if (isStateCheck(node)) return true;
  if (node.type === T.UnaryExpression && node.operator === '!') return isUnsetTest(node.argument, isStateCheck);
  if (node.type === T.LogicalExpression && node.operator === '&&') {
    return isSetTest(node.left, isStateCheck) || isSetTest(node.right, isStateCheck);
  }
  if (node.type === T.BinaryExpression && (node.operator === '!=' || node.operator === '!==')) {
    return comparesStateWithNothing(node, isStateCheck);
  }
  return false;
}

function comparesStateWithNothing(node: TSESTree.BinaryExpression, isStateCheck: StateCheck): boolean {
  const sides = [unwrap(node.left), unwrap(node.right)];
  const nothing = sides.find(isNothing);
  const other = sides.find((side) => side !== nothing);
  if (!nothing || !other) return false;
  if (isStateCheck(other)) return true;
  // typeof x === 'undefined'
  return other.type === T.UnaryExpression && other.operator === 'typeof' && isStateCheck(unwrap(other.argument));
}

function isNothing(node: TSESTree.Node): boolean {
  if (node.type === T.Literal) return node.value === null || node.value === 'undefined' || node.value === false;
  if (node.type === T.Identifier) return node.name === 'undefined';
  return node.type === T.UnaryExpression && node.operator === 'void';
}

/**
 * The state check lazy-init guards use: a read of module state with no request-chosen part (`cache[event.id]` is
 * not), whose root is set at request time (`if (!ready)` with `ready` never assigned runs every invocation).
 */
export function stateCheckFor(ctx: FileContext, setAtRequestTime: ReadonlySet<string>): StateCheck {
  return (node) => {
    for (let current = unwrap(node); current.type === T.MemberExpression; current = unwrap(current.object)) {
      if (current.computed && ctx.requestData.isRequestDerived(current.property)) return false;
    }
    return isStateRoot(ctx.facts, ctx.state, node) && setAtRequestTime.has(rootKeyOf(node));
  };
}
