// SolidStart: the document function given to `createHandler()`, middleware hooks, `query()`/`action()` functions
// (which run on the server while it renders) and API routes under src/routes run per request. `"use server"`
// functions are found with the other server functions (platforms/nextjs.ts).
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { namedProperties } from '../../file/members.js';
import { usesFramework } from '../ssr.js';
import type { Platform, PlatformContext } from '../registry.js';
import { callsOfImported } from './imported-calls.js';
import { HTTP_METHOD_EXPORTS } from './nextjs.js';

const MIDDLEWARE_HOOKS = new Set(['onRequest', 'onBeforeResponse']);

function detect(ctx: PlatformContext): void {
  const facts = ctx.facts;
  for (const { call } of callsOfImported(facts, ['@solidjs/start/server'], ['createHandler'])) {
    const fn = facts.functionOf(call.arguments[0]);
    if (fn) ctx.add(fn, 'createHandler', 'SolidStart document rendered per request', 'solid-start');
  }
  for (const { call } of callsOfImported(
    facts,
    ['@solidjs/start/middleware', '@solidjs/start/server'],
    ['createMiddleware'],
  )) {
    const options = call.arguments[0] ? facts.valueOf(call.arguments[0]) : null;
    if (options?.type !== T.ObjectExpression) continue;
    for (const { name, property } of namedProperties(options)) {
      if (!MIDDLEWARE_HOOKS.has(name)) continue;
      const value = facts.valueOf(property.value);
      const values: TSESTree.Node[] =
        value.type === T.ArrayExpression
          ? value.elements.filter((e): e is TSESTree.Expression => !!e && e.type !== T.SpreadElement)
          : [value];
      for (const each of values) {
        const fn = facts.functionOf(each);
        if (fn) ctx.add(fn, name, `SolidStart middleware \`${name}\``, 'solid-start');
      }
    }
  }
  if (!usesFramework(ctx, 'solid-start')) return;
  // In a SolidStart app, `query()` and `action()` run on the server when a render needs them (in a Solid SPA
  // they run in the browser, hence the framework check).
  for (const { call, name } of callsOfImported(facts, ['@solidjs/router'], ['query', 'cache', 'action'])) {
    const fn = facts.functionOf(call.arguments[0]);
    if (fn) ctx.add(fn, name, `SolidStart \`${name}()\` function`, 'solid-start');
  }
  if (ctx.directories.includes('routes') && /\.[cm]?[jt]s$/u.test(ctx.basename)) {
    for (const { name, fn } of facts.exports.functions((name) => HTTP_METHOD_EXPORTS.has(name))) {
      ctx.add(fn, name, 'SolidStart API route', 'solid-start');
    }
  }
}

export const solidStart: Platform = { id: 'solid-start', detect };
