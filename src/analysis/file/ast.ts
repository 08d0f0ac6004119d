// Syntax helpers with no domain knowledge: the unwrap/valueParent pair, static names and strings, parameters, the
// one iterative walker.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../types.js';
import type { VisitorKeys } from './parsed-file.js';
import { debugEnabled } from '../../util/debug.js';
import { describeError, noteIncomplete } from '../incomplete.js';

export type { VisitorKeys };

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === T.FunctionDeclaration ||
      node.type === T.FunctionExpression ||
      node.type === T.ArrowFunctionExpression)
  );
}

/** Strips the wrappers that do not change a value: TS assertions, `satisfies`, `!`, parentheses are already gone. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.TSAsExpression:
      case T.TSSatisfiesExpression:
      case T.TSNonNullExpression:
      case T.TSTypeAssertion:
      case T.TSInstantiationExpression:
        current = current.expression;
        break;
      case T.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/** The name of a non-computed or literal-keyed property, or null when it is only known at run time. */
export function staticPropertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | null {
  const key = node.type === T.MemberExpression ? node.property : node.key;
  if (!node.computed) {
    if (key.type === T.Identifier) return key.name;
    if (key.type === T.PrivateIdentifier) return `#${key.name}`;
  }
  if (key.type === T.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === T.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? null;
  return null;
}

/** The parent, skipping the wrappers that `unwrap` strips, so callers see the syntactic role of a value. */
export function valueParent(node: TSESTree.Node): { parent: TSESTree.Node | undefined; child: TSESTree.Node } {
  let child = node;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === T.TSAsExpression ||
      parent.type === T.TSSatisfiesExpression ||
      parent.type === T.TSNonNullExpression ||
      parent.type === T.TSTypeAssertion ||
      parent.type === T.ChainExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** `a.b.c` for a chain of static member accesses on an identifier; null otherwise. */
export function dottedName(node: TSESTree.Node): string | null {
  const n = unwrap(node);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.ThisExpression) return 'this';
  if (n.type === T.MemberExpression) {
    const object = dottedName(n.object);
    const property = staticPropertyName(n);
    if (object === null || property === null) return null;
    return `${object}.${property}`;
  }
  return null;
}

/** The last segment of a callee: `wrapHandler` for `Sentry.wrapHandler`, `middy` for `middy`. */
export function calleeName(callee: TSESTree.Node): string | null {
  const n = unwrap(callee);
  if (n.type === T.Identifier) return n.name;
  if (n.type === T.MemberExpression) return staticPropertyName(n);
  return null;
}

export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const { parent } = valueParent(fn);
  if (!parent) return null;
  if (parent.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (parent.type === T.AssignmentExpression) return dottedName(parent.left)?.split('.').pop() ?? null;
  if (
    (parent.type === T.Property || parent.type === T.MethodDefinition || parent.type === T.PropertyDefinition) &&
    parent.value === fn
  ) {
    return staticPropertyName(parent);
  }
  return null;
}

/** The nearest enclosing function of a node, or null at module level. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | null {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return null;
}

export function isInside(inner: TSESTree.Node, outer: TSESTree.Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * Visits every node below `root` in source order, iteratively (deep nesting cannot overflow the stack).
 * `visit` returning `false` skips the node's children.
 */
export function walk(
  root: TSESTree.Node,
  visitorKeys: VisitorKeys,
  visit: (node: TSESTree.Node) => boolean | void,
): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // A node that cannot be visited loses its own subtree only, and the loss is noted.
    try {
      if (visit(node) === false) continue;
      const keys = visitorKeys[node.type] ?? [];
      for (let k = keys.length - 1; k >= 0; k--) {
        const child = (node as unknown as Record<string, unknown>)[keys[k]];
        if (Array.isArray(child)) {
          for (let i = child.length - 1; i >= 0; i--) {
            const item = child[i] as TSESTree.Node | null;
            if (item && typeof item.type === 'string') stack.push(item);
          }
        } else if (child && typeof (child as TSESTree.Node).type === 'string') {
          stack.push(child as TSESTree.Node);
        }
      }
    } catch (error) {
      if (debugEnabled()) throw error;
      noteIncomplete(`the code at line ${node.loc.start.line}`, describeError(error));
    }
  }
}

/**
 * The operands of a chain of nested nodes, left to right, found without recursion: `links` gives a node's parts
 * when it is a link of the chain (`a || b || c`, `p ? a : q ? b : c`) and null for an operand.
 */
export function chainOperands(
  root: TSESTree.Node,
  links: (node: TSESTree.Node) => readonly TSESTree.Node[] | null,
): TSESTree.Node[] {
  const operands: TSESTree.Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const parts = links(node);
    if (!parts) operands.push(node);
    else for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]);
  }
  return operands;
}

/** `this` expressions that refer to the enclosing method's `this` (arrow functions keep it; functions rebind it). */
export function thisExpressions(root: TSESTree.Node, visitorKeys: VisitorKeys): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  walk(root, visitorKeys, (node) => {
    if (node.type === T.ThisExpression) {
      result.push(node);
      return false;
    }
    const rebinds =
      node.type === T.FunctionExpression || node.type === T.FunctionDeclaration || node.type === T.ClassBody;
    return node === root || !rebinds;
  });
  return result;
}

/** The string a literal or expression-free template holds, else null. */
export function stringValue(node: TSESTree.Node | null | undefined): string | null {
  if (!node) return null;
  const value = unwrap(node);
  if (value.type === T.Literal && typeof value.value === 'string') return value.value;
  if (value.type === T.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Name of a parameter as written (`req`, `_res`, `event = {}`), or null for patterns. */
export function paramName(param: TSESTree.Parameter | undefined): string | null {
  if (!param) return null;
  if (param.type === T.Identifier) return param.name;
  if (param.type === T.AssignmentPattern && param.left.type === T.Identifier) return param.left.name;
  return null;
}

/** The type annotation written on a parameter (`(req: Request)`), or null. */
export function paramType(param: TSESTree.Parameter | undefined): TSESTree.TypeNode | null {
  if (!param) return null;
  const target = param.type === T.AssignmentPattern ? param.left : param;
  if ('typeAnnotation' in target && target.typeAnnotation) return target.typeAnnotation.typeAnnotation;
  return null;
}

/** A body that starts with the directive `text` (`'use server'`). */
export function hasDirective(body: TSESTree.Node | TSESTree.Program, text: string): boolean {
  const statements = body.type === T.Program ? body.body : body.type === T.BlockStatement ? body.body : [];
  for (const statement of statements) {
    if (statement.type !== T.ExpressionStatement || typeof statement.directive !== 'string') break;
    if (statement.directive === text) return true;
  }
  return false;
}

/** The identifier a member chain starts from: `a` for `a.b.c`, null for `f().x`. */
export function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  return current.type === T.Identifier ? current : null;
}

/** The last name of a type reference: `Request` for `Request` and `express.Request`. */
export function typeReferenceName(type: TSESTree.Node | null | undefined): string | null {
  if (!type || type.type !== T.TSTypeReference) return null;
  if (type.typeName.type === T.Identifier) return type.typeName.name;
  if (type.typeName.type === T.TSQualifiedName) return type.typeName.right.name;
  return null;
}
