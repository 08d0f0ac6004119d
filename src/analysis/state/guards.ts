// Presence guards: a write under a test of the enclosing function's own parameter (`if (next) current = next`)
// runs only when a caller passes that argument.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, unwrap } from '../file/ast.js';
import type { FunctionNode } from '../types.js';

/**
 * `function options(next) { if (next) current = next; return current; }`: the write sits under a test of the
 * function's own parameter, so it only runs when a caller passes that argument.
 */
export function presenceGuard(node: TSESTree.Node): { fn: FunctionNode; index: number } | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type !== T.IfStatement || parent.consequent !== child) continue;
    const tested = presenceTested(parent.test);
    if (!tested) continue;
    const index = fn.params.findIndex((param) => param.type === T.Identifier && param.name === tested);
    if (index >= 0) return { fn, index };
  }
  return null;
}

/** The name a presence test checks: `p`, `p !== undefined`, `p != null`, `p !== null`, `typeof p !== 'undefined'`. */
function presenceTested(test: TSESTree.Node): string | null {
  const node = unwrap(test);
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.BinaryExpression && (node.operator === '!==' || node.operator === '!=')) {
    const [left, right] = [unwrap(node.left), unwrap(node.right)];
    const nothing = (n: TSESTree.Node) =>
      (n.type === T.Identifier && n.name === 'undefined') ||
      (n.type === T.Literal && (n.value === null || n.value === 'undefined'));
    const subject = nothing(right) ? left : nothing(left) ? right : null;
    if (subject?.type === T.Identifier) return subject.name;
    if (
      subject?.type === T.UnaryExpression &&
      subject.operator === 'typeof' &&
      subject.argument.type === T.Identifier
    ) {
      return subject.argument.name;
    }
  }
  return null;
}
