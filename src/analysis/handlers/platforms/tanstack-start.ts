// TanStack Start: server functions (`createServerFn().handler(fn)`), server middleware, server routes, the route
// `loader`/`beforeLoad` functions (isomorphic: the server runs them while it renders a request) and the router
// factory `getRouter()` in src/router.tsx, which Start calls once per request. A route with `ssr: false` does not
// run on the server.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrap } from '../../file/ast.js';
import { namedProperties, propertyValue } from '../../file/members.js';
import { usesFramework } from '../ssr.js';
import type { Platform, PlatformContext } from '../registry.js';
import { HTTP_METHOD_EXPORTS } from './nextjs.js';

const START = ['@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start', '@tanstack/react-start/server'];
const ROUTER = ['@tanstack/react-router', '@tanstack/solid-router', ...START];
/** Builders whose `.handler(fn)` / `.server(fn)` runs on the server per call. */
const SERVER_BUILDERS = new Set(['createServerFn', 'createMiddleware', 'createIsomorphicFn', 'createServerOnlyFn']);
const ROUTE_FACTORIES = new Set([
  'createFileRoute',
  'createRootRoute',
  'createRootRouteWithContext',
  'createRoute',
  'createServerFileRoute',
]);
const ROUTE_FUNCTIONS = new Set(['loader', 'beforeLoad']);
const ROUTER_FACTORIES = new Set(['getRouter', 'createRouter']);

function detect(ctx: PlatformContext): void {
  if (!usesFramework(ctx, 'tanstack-start')) return;
  const facts = ctx.facts;
  for (const call of facts.callsNamed('handler', 'server', 'methods')) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) continue;
    const method = staticPropertyName(callee);
    const builder = builderOf(ctx, callee.object);
    if (!builder) continue;
    if (method === 'methods' && ROUTE_FACTORIES.has(builder)) addMethods(ctx, call.arguments[0]);
    else if (method !== 'methods' && SERVER_BUILDERS.has(builder)) {
      const fn = facts.functionOf(call.arguments[0]);
      if (fn)
        ctx.add(
          fn,
          builder === 'createServerFn' ? 'server function' : builder,
          `TanStack Start \`${builder}()\` ${method}`,
          'tanstack-start',
        );
    }
  }
  for (const call of facts.calls.calls) {
    const factory = routeFactoryOf(ctx, call);
    if (!factory) continue;
    const options = call.arguments[0] ? facts.valueOf(call.arguments[0]) : null;
    if (options?.type !== T.ObjectExpression) continue;
    const ssr = propertyValue(options, 'ssr');
    if (ssr && unwrap(ssr).type === T.Literal && (unwrap(ssr) as TSESTree.Literal).value === false) continue;
    for (const { name, property } of namedProperties(options)) {
      if (ROUTE_FUNCTIONS.has(name)) {
        const fn = facts.functionOf(property.value);
        if (fn)
          ctx.add(fn, name, `TanStack Start route \`${name}\` (runs on the server while rendering)`, 'tanstack-start');
      } else if (name === 'server') {
        const server = facts.valueOf(property.value);
        const handlers = server.type === T.ObjectExpression ? propertyValue(server, 'handlers') : null;
        if (handlers) addMethods(ctx, handlers);
      }
    }
  }
  if (/^router\.[cm]?[jt]sx?$/u.test(ctx.basename)) {
    for (const { name, fn } of facts.exports.functions((name) => ROUTER_FACTORIES.has(name))) {
      ctx.add(fn, name, 'TanStack Start router factory (called once per request)', 'tanstack-start');
    }
  }
}

/** `{ GET: fn, POST: fn }` of a server route. */
function addMethods(ctx: PlatformContext, node: TSESTree.Node | undefined): void {
  const object = node ? ctx.facts.valueOf(node) : null;
  if (object?.type !== T.ObjectExpression) return;
  for (const { name, property } of namedProperties(object)) {
    if (!HTTP_METHOD_EXPORTS.has(name) && name !== 'ANY') continue;
    const fn = ctx.facts.functionOf(property.value);
    if (fn) ctx.add(fn, name, 'TanStack Start server route', 'tanstack-start');
  }
}

/** The Start builder a chain starts from: `createServerFn` for `createServerFn({…}).validator(v).handler`. */
function builderOf(ctx: PlatformContext, node: TSESTree.Node): string | null {
  let current = unwrap(node);
  for (let depth = 0; depth < 12; depth++) {
    if (current.type !== T.CallExpression) return null;
    const imported = ctx.facts.imports.moduleValueOf(current.callee);
    if (imported && imported.path.length === 1 && ROUTER.includes(imported.source)) return imported.path[0];
    // `createFileRoute('/x')(…)`: the factory's result is called again.
    const callee = unwrap(current.callee);
    current = callee.type === T.MemberExpression ? unwrap(callee.object) : callee;
  }
  return null;
}

/** `createFileRoute('/p')(options)`, `createRootRouteWithContext<T>()(options)`, `createRootRoute(options)`. */
function routeFactoryOf(ctx: PlatformContext, call: TSESTree.CallExpression): string | null {
  const callee = unwrap(call.callee);
  const target = callee.type === T.CallExpression ? callee.callee : callee;
  const imported = ctx.facts.imports.moduleValueOf(target);
  if (!imported || imported.path.length !== 1 || !ROUTER.includes(imported.source)) return null;
  const name = imported.path[0];
  if (!ROUTE_FACTORIES.has(name)) return null;
  // `createFileRoute('/p')` alone returns the route builder; its options come in the second call.
  const curried =
    name === 'createFileRoute' || name === 'createRootRouteWithContext' || name === 'createServerFileRoute';
  return curried === (callee.type === T.CallExpression) ? name : null;
}

export const tanstackStart: Platform = { id: 'tanstack-start', detect };
