// Next.js: app-router route handlers, 'use server' actions, pages/api routes, getServerSideProps, middleware.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { functionName, hasDirective, isFunctionNode, walk } from '../../file/ast.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';

export const HTTP_METHOD_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const SCRIPT = /\.(?:[cm]?[jt]sx?)$/u;

export function detectNextJs(file: PlatformContext, add: AddHandler): void {
  const dirs = file.directories;
  const base = file.basename;
  const importsNext = file.facts.imports.importsAny(['next']);

  // app/**/route.ts: every exported HTTP-method function is called once per request.
  if (/^route\.[cm]?[jt]sx?$/u.test(base) && (dirs.includes('app') || importsNext)) {
    for (const { name, fn } of file.facts.exports.functions((name) => HTTP_METHOD_EXPORTS.has(name))) {
      add(fn, name, 'Next.js route handler', 'nextjs');
    }
  }

  const pagesIndex = dirs.lastIndexOf('pages');
  if (pagesIndex >= 0 && SCRIPT.test(base)) {
    const isApi = dirs[pagesIndex + 1] === 'api';
    const wanted = (name: string) =>
      isApi ? name === 'default' : name === 'getServerSideProps' || name === 'getInitialProps';
    for (const { name, fn } of file.facts.exports.functions(wanted)) {
      add(fn, isApi ? 'default' : name, isApi ? 'Next.js API route (pages/api)' : `Next.js \`${name}\``, 'nextjs');
    }
  }

  // middleware.ts runs before every matched request.
  if (/^middleware\.[cm]?[jt]s$/u.test(base) && importsNext) {
    for (const { name, fn } of file.facts.exports.functions((name) => name === 'middleware' || name === 'default')) {
      add(fn, name === 'default' ? 'middleware' : name, 'Next.js middleware', 'nextjs');
    }
  }

  detectServerFunctions(file, add);
}

/** React server functions: every export of a `'use server'` file, and functions whose body opens with the directive. */
function detectServerFunctions(file: PlatformContext, add: AddHandler): void {
  if (!file.text.includes('use server')) return;
  if (hasDirective(file.program, 'use server')) {
    for (const { name, fn } of file.facts.exports.functions())
      add(fn, name, "server action ('use server' file)", 'nextjs');
  }
  walk(file.program, file.facts.file.visitorKeys, (node) => {
    if (isFunctionNode(node) && node.body.type === T.BlockStatement && hasDirective(node.body, 'use server')) {
      add(node, functionName(node) ?? 'server action', "server action ('use server' function)", 'nextjs');
    }
  });
}

export const nextjs: Platform = { id: 'nextjs', detect: (ctx) => detectNextJs(ctx, ctx.add) };
