// Astro: endpoints (`src/pages/**/*.{js,ts}` exporting GET/POST/…/ALL), middleware `onRequest` and action
// handlers run on the server per request. A prerendered endpoint (`export const prerender = true`) runs at build
// time only. The frontmatter of `.astro` files needs Astro's own parser and is not read.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { propertyValue } from '../../file/members.js';
import { usesFramework } from '../ssr.js';
import type { Platform, PlatformContext } from '../registry.js';
import { callsOfImported } from './imported-calls.js';

const ENDPOINT_EXPORTS = new Set([
  'GET',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS',
  'HEAD',
  'ALL',
  'get',
  'post',
  'put',
  'del',
  'all',
]);

function detect(ctx: PlatformContext): void {
  const facts = ctx.facts;
  // Actions are recognised from their import alone; endpoints and middleware from the project's framework.
  for (const { call } of callsOfImported(facts, ['astro:actions'], ['defineAction'])) {
    const options = call.arguments[0] ? facts.valueOf(call.arguments[0]) : null;
    const handler = options?.type === T.ObjectExpression ? propertyValue(options, 'handler') : null;
    const fn = handler ? facts.functionOf(handler) : null;
    if (fn) ctx.add(fn, actionName(call) ?? 'action', 'Astro action handler', 'astro');
  }
  if (!usesFramework(ctx, 'astro') || !/\.[cm]?[jt]s$/u.test(ctx.basename)) return;
  const dirs = ctx.directories;
  const src = dirs.lastIndexOf('src');
  if (dirs.includes('pages') && !prerendered(ctx)) {
    for (const { name, fn } of facts.exports.functions((name) => ENDPOINT_EXPORTS.has(name))) {
      ctx.add(fn, name, 'Astro endpoint', 'astro');
    }
  }
  const middleware =
    (src >= 0 && src === dirs.length - 1 && /^middleware\./u.test(ctx.basename)) ||
    (dirs[dirs.length - 1] === 'middleware' && dirs[dirs.length - 2] === 'src' && /^index\./u.test(ctx.basename));
  if (!middleware) return;
  for (const entry of facts.exports.values()) {
    if (entry.name !== 'onRequest') continue;
    const value = facts.valueOf(entry.value);
    // `sequence(auth, log)`: every middleware in the chain.
    const parts =
      value.type === T.CallExpression && facts.imports.moduleValueOf(value.callee)?.path[0] === 'sequence'
        ? value.arguments
        : [entry.value];
    for (const part of parts) {
      const fn = facts.functionOf(part);
      if (fn) ctx.add(fn, 'onRequest', 'Astro middleware', 'astro');
    }
  }
}

/** `export const prerender = true`. */
function prerendered(ctx: PlatformContext): boolean {
  const entry = ctx.facts.exports.values().find((each) => each.name === 'prerender');
  const value = entry ? ctx.facts.valueOf(entry.value) : null;
  return value?.type === T.Literal && value.value === true;
}

/** `checkout` for `checkout: defineAction({ … })` in `export const server = { checkout: … }`. */
function actionName(call: TSESTree.CallExpression): string | null {
  const parent = call.parent;
  if (parent?.type === T.Property && parent.key.type === T.Identifier) return parent.key.name;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  return null;
}

export const astro: Platform = { id: 'astro', detect };
