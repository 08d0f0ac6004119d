// Declared handlers: a `/** @handler */` comment on a function, or on the declaration or export that holds one.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { functionName, isFunctionNode, staticPropertyName, unwrap, type VisitorKeys } from '../../file/ast.js';
import type { FunctionNode } from '../../types.js';
import { commonJsExportName } from '../../file/exports.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';

/** `@handler` as a JSDoc-style tag: at the start of the comment or of a line, not inside a word or an e-mail. */
const HANDLER_TAG = /(?:^|[\s*])@handler(?![\w-])/u;

export function detectDeclaredHandlers(file: PlatformContext, add: AddHandler): void {
  const text = file.text;
  if (!text.includes('@handler')) return;
  const comments = file.program.comments ?? [];
  for (let index = 0; index < comments.length; index++) {
    if (!HANDLER_TAG.test(comments[index].value)) continue;
    const start = nextTokenStart(text, comments, index);
    if (start === null) continue;
    const node = outermostNodeAt(file.program, start, file.facts.file.visitorKeys);
    const target = node ? declaredFunction(file, node) : null;
    if (target) add(target.fn, target.name, 'marked with @handler', 'declared');
  }
}

/** Where the first token after `comments[index]` starts, skipping whitespace and further comments. */
function nextTokenStart(text: string, comments: readonly TSESTree.Comment[], index: number): number | null {
  let position = comments[index].range[1];
  let next = index + 1;
  for (;;) {
    while (position < text.length && /\s/u.test(text[position])) position++;
    if (next < comments.length && comments[next].range[0] <= position) {
      position = Math.max(position, comments[next].range[1]);
      next++;
      continue;
    }
    return position < text.length ? position : null;
  }
}

/**
 * The node a declaration comment documents: the deepest node containing `position`, then its ancestors that start
 * at the same place (`export const x = …`, not just `x`), below the program.
 */
function outermostNodeAt(program: TSESTree.Program, position: number, visitorKeys: VisitorKeys): TSESTree.Node | null {
  const path: TSESTree.Node[] = [];
  let current: TSESTree.Node = program;
  for (;;) {
    let inner: TSESTree.Node | null = null;
    for (const key of visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        const node = child as TSESTree.Node | null;
        if (node && typeof node.type === 'string' && node.range[0] <= position && position < node.range[1]) {
          inner = node;
          break;
        }
      }
      if (inner) break;
    }
    if (!inner) break;
    path.push(inner);
    current = inner;
  }
  let index = path.length - 1;
  if (index < 0) return null;
  while (index > 0 && path[index - 1].range[0] === path[index].range[0]) index--;
  return path[index];
}

function declaredFunction(file: PlatformContext, node: TSESTree.Node): { fn: FunctionNode; name: string } | null {
  const named = (value: TSESTree.Node | null | undefined, name: string | null) => {
    const fn = value ? file.facts.functionOf(value) : null;
    return fn ? { fn, name: name ?? functionName(fn) ?? 'handler' } : null;
  };
  switch (node.type) {
    case T.ExportNamedDeclaration:
      return node.declaration ? declaredFunction(file, node.declaration) : null;
    case T.ExportDefaultDeclaration:
      return named(node.declaration, 'default');
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
      return named(node.value, staticPropertyName(node));
    default:
      return isFunctionNode(node) || node.type === T.CallExpression || node.type === T.Identifier
        ? named(node, null)
        : null;
  }
}

export const declared: Platform = {
  id: 'declared',
  detect: (ctx) => detectDeclaredHandlers(ctx, ctx.add),
  runsInClientModules: true,
};
