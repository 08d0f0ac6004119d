// Next.js: app-router route handlers, 'use server' actions, pages/api routes, getServerSideProps, middleware, and
// the app router's per-request metadata functions and generated images. (Pages, layouts and the components they
// render are server-rendering's: platforms/server-rendering.ts.)
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { functionName, hasDirective, isFunctionNode, valueParent, walk } from '../../file/ast.js';
import { samePath } from '../../file/imports.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';
import { usesFramework } from '../ssr.js';

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

  // A `getServerSideProps` written outside pages/ and re-exported by a page: typed with Next.js' own type.
  for (const { name, fn } of file.facts.exports.functions()) {
    const { parent } = valueParent(fn);
    if (parent?.type !== T.VariableDeclarator || parent.id.type !== T.Identifier) continue;
    const type = file.facts.imports.ofType(parent.id.typeAnnotation?.typeAnnotation);
    if (type?.source === 'next' && samePath(type.path, ['GetServerSideProps']))
      add(fn, name, 'Next.js `getServerSideProps`', 'nextjs');
  }

  // middleware.ts runs before every matched request.
  if (/^middleware\.[cm]?[jt]s$/u.test(base) && importsNext) {
    for (const { name, fn } of file.facts.exports.functions((name) => name === 'middleware' || name === 'default')) {
      add(fn, name === 'default' ? 'middleware' : name, 'Next.js middleware', 'nextjs');
    }
  }

  if (dirs.includes('app') && SCRIPT.test(base) && usesFramework(file, 'nextjs')) detectAppRouterFunctions(file, add);

  detectServerFunctions(file, add);
}

/** Segment files whose metadata functions run when a request renders the segment (not at build time). */
const SEGMENT_FILE = /^(?:page|layout|default)\.[cm]?[jt]sx?$/u;
const METADATA_EXPORTS = new Set(['generateMetadata', 'generateViewport']);
/** Generated images and icons: a route whose default export runs per request unless the route is static. */
const IMAGE_FILE = /^(?:opengraph-image|twitter-image|icon|apple-icon)\.[cm]?[jt]sx?$/u;

/**
 * `generateMetadata`/`generateViewport` of pages and layouts, and the default export of image routes. Not
 * `generateStaticParams`: it runs at build time (and on revalidation), never for one visitor's request.
 */
function detectAppRouterFunctions(file: PlatformContext, add: AddHandler): void {
  const base = file.basename;
  if (SEGMENT_FILE.test(base)) {
    for (const { name, fn } of file.facts.exports.functions((name) => METADATA_EXPORTS.has(name))) {
      add(fn, name, `Next.js \`${name}\``, 'nextjs');
    }
  } else if (IMAGE_FILE.test(base)) {
    for (const { fn } of file.facts.exports.functions((name) => name === 'default')) {
      add(fn, 'default', 'Next.js generated image route', 'nextjs');
    }
  }
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
