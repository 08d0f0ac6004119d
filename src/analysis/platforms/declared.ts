// Declared handlers: a `/** @handler */` comment on a function, or on the declaration or export that holds one.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { functionName, isFunctionNode, staticPropertyName, unwrap } from '../ast.js';
import type { FunctionNode } from '../types.js';
import { commonJsExportName, type AddHandler, type PlatformFile } from './common.js';

/** `@handler` as a JSDoc-style tag: at the start of the comment or of a line, not inside a word or an e-mail. */
const HANDLER_TAG = /(?:^|[\s*])@handler(?![\w-])/u;

export function detectDeclaredHandlers(file: PlatformFile, add: AddHandler): void {
  const sourceCode = file.sourceCode;
  if (!sourceCode.text.includes('@handler')) return;
  for (const comment of sourceCode.getAllComments()) {
    if (!HANDLER_TAG.test(comment.value)) continue;
    const token = sourceCode.getTokenAfter(comment, { includeComments: false });
    if (!token) continue;
    let node = sourceCode.getNodeByRangeIndex(token.range[0]) as TSESTree.Node | null;
    if (!node) continue;
    // The outermost node that starts at the token: `export const x = …`, not just `x`.
    while (node.parent && node.parent.type !== T.Program && node.parent.range[0] === node.range[0]) node = node.parent;
    const target = declaredFunction(file, node);
    if (target) add(target.fn, target.name, 'marked with @handler', 'declared');
  }
}

function declaredFunction(file: PlatformFile, node: TSESTree.Node): { fn: FunctionNode; name: string } | null {
  const named = (value: TSESTree.Node | null | undefined, name: string | null) => {
    const fn = value ? file.functionOf(value) : null;
    return fn ? { fn, name: name ?? functionName(fn) ?? 'handler' } : null;
  };
  switch (node.type) {
    case T.ExportNamedDeclaration:
      return node.declaration ? declaredFunction(file, node.declaration) : null;
    case T.ExportDefaultDeclaration:
      return named(node.declaration as TSESTree.Node, 'default');
    case T.VariableDeclaration: {
      const declarator = node.declarations[0];
      return declarator
        ? named(declarator.init, declarator.id.type === T.Identifier ? declarator.id.name : null)
        : null;
    }
    case T.VariableDeclarator:
      return named(node.init, node.id.type === T.Identifier ? node.id.name : null);
    case T.ExpressionStatement:
      return declaredFunction(file, unwrap(node.expression));
    case T.AssignmentExpression: {
      const exported = commonJsExportName(node.left);
      return named(node.right, exported === 'module.exports' ? 'default' : exported);
    }
    case T.Property:
    case T.MethodDefinition:
    case T.PropertyDefinition:
      return named(node.value as TSESTree.Node | null, staticPropertyName(node));
    default:
      return isFunctionNode(node) || node.type === T.CallExpression || node.type === T.Identifier
        ? named(node, null)
        : null;
  }
}
