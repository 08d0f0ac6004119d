// Route tables written as data: arrays of `{ method, path, handler }` (`@middy/http-router`, in-house routers that
// register them in a loop) and objects keyed by `'GET /users'`. The HTTP method and the path written together with
// the function are the evidence; a table without both is not one.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, stringValue, unwrap } from '../../file/ast.js';
import { propertyValue } from '../../file/members.js';
import type { Platform, PlatformContext } from '../registry.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY', 'ALL']);
const METHOD_KEYS = ['method', 'httpMethod', 'verb'];
const PATH_KEYS = ['path', 'url', 'route', 'routeKey', 'pathname'];
const HANDLER_KEYS = ['handler', 'handle', 'controller', 'action', 'fn'];
/** `'GET /users/:id'`, `'post /login'`: a method and a path in one key. */
const ROUTE_KEY = /^([A-Za-z]+)\s+(\/\S*)$/u;
const MIDDY_ROUTER = '@middy/http-router';

export const routeTables: Platform = {
  id: 'route-table',
  detect(ctx) {
    const text = ctx.text;
    // Cheap text test: a table names an HTTP method in capitals or the middy router.
    if (!/\b(?:GET|POST|PUT|PATCH|DELETE|ANY)\b|['"](?:get|post|put|patch|delete)['"]/u.test(text)) return;
    const middy = ctx.facts.imports.importsAny([MIDDY_ROUTER]);
    walkObjects(ctx, (object) => {
      routeEntry(ctx, object, middy);
      keyedRoutes(ctx, object);
    });
  },
};

/** Every object literal of the file, found through the call index's one walk. */
function walkObjects(ctx: PlatformContext, visit: (object: TSESTree.ObjectExpression) => void): void {
  const seen = new Set<TSESTree.Node>();
  const consider = (node: TSESTree.Node | null | undefined) => {
    if (!node || seen.has(node)) return;
    seen.add(node);
    const value = ctx.facts.valueOf(node);
    if (value.type === T.ObjectExpression) visit(value);
    else if (value.type === T.ArrayExpression)
      for (const element of value.elements) if (element && element.type !== T.SpreadElement) consider(element);
  };
  // Tables are handed to a call (a router factory, `forEach`, `register`) or exported.
  for (const call of ctx.facts.calls.calls) for (const argument of call.arguments) consider(argument);
  for (const call of ctx.facts.calls.news) for (const argument of call.arguments) consider(argument);
  for (const entry of ctx.facts.exports.entries) consider(entry.value);
  for (const statement of ctx.program.body) {
    // `for (const route of routes) app[route.method](route.path, route.handler)`
    if (statement.type === T.ForOfStatement) consider(statement.right);
    else if (statement.type === T.VariableDeclaration)
      for (const declarator of statement.declarations) if (loopedOver(ctx, declarator)) consider(declarator.init);
  }
}

/** A module-level table that some `for…of`/`forEach` iterates. */
function loopedOver(ctx: PlatformContext, declarator: TSESTree.VariableDeclarator): boolean {
  if (declarator.id.type !== T.Identifier || !declarator.init) return false;
  const variable = ctx.facts.moduleVariable(declarator.id.name);
  return (variable?.references ?? []).some((reference) => {
    const parent = (reference.identifier as TSESTree.Node).parent;
    return (
      parent?.type === T.ForOfStatement ||
      (parent?.type === T.MemberExpression && parent.object === reference.identifier)
    );
  });
}

/** `{ method: 'GET', path: '/users/{id}', handler }` (middy: also `method: 'ANY'`). */
function routeEntry(ctx: PlatformContext, object: TSESTree.ObjectExpression, middy: boolean): void {
  if (!namesAny(object, METHOD_KEYS) || !namesAny(object, PATH_KEYS)) return;
  const method = firstString(object, METHOD_KEYS);
  const path = firstString(object, PATH_KEYS);
  if (method === null || path === null || !METHODS.has(method.toUpperCase())) return;
  if (!path.startsWith('/') && path !== '*' && !ROUTE_KEY.test(path)) return;
  for (const key of HANDLER_KEYS) {
    const value = propertyValue(object, key);
    const fn = value ? ctx.facts.functionOf(value) : null;
    if (!fn) continue;
    const reason = middy ? 'route of @middy/http-router' : 'handler of a route table entry';
    ctx.add(fn, `${method.toUpperCase()} ${path}`, reason, 'route-table');
    return;
  }
}

/**
 * `{ 'GET /users': listUsers, 'POST /users': { auth: true, handler: createUser } }`, and tables keyed by the method
 * and then by the path: `{ GET: { '/cart': list }, PUT: { '/cart/:sku': put } }`.
 */
function keyedRoutes(ctx: PlatformContext, object: TSESTree.ObjectExpression): void {
  for (const property of object.properties) {
    if (property.type !== T.Property) continue;
    const name = staticPropertyName(property);
    if (name === null) continue;
    // `GET: { '/path': fn }`: the method in capitals as the key, paths as the keys inside.
    if (METHODS.has(name)) {
      const paths = ctx.facts.valueOf(property.value);
      if (paths.type !== T.ObjectExpression) continue;
      for (const inner of paths.properties) {
        const path = inner.type === T.Property ? staticPropertyName(inner) : null;
        if (inner.type !== T.Property || path === null || !path.startsWith('/')) continue;
        addRoute(ctx, inner.value, `${name} ${path}`, 'handler of a method-keyed route table');
      }
      continue;
    }
    // A key with a method and a path is a string literal (or a plain template): names are not.
    if (!property.computed && property.key.type === T.Identifier) continue;
    const match = ROUTE_KEY.exec(name);
    if (!match || !METHODS.has(match[1].toUpperCase())) continue;
    addRoute(
      ctx,
      property.value,
      `${match[1].toUpperCase()} ${match[2]}`,
      'handler of a method-and-path keyed route table',
    );
  }
}

/** A route's value: the function itself, or a route object holding it (`{ auth: true, handler }`). */
function addRoute(ctx: PlatformContext, value: TSESTree.Node, name: string, reason: string): void {
  const fn = ctx.facts.functionOf(value);
  if (fn) {
    ctx.add(fn, name, reason, 'route-table');
    return;
  }
  const route = ctx.facts.valueOf(value);
  if (route.type !== T.ObjectExpression) return;
  for (const key of HANDLER_KEYS) {
    const held = propertyValue(route, key);
    const handler = held ? ctx.facts.functionOf(held) : null;
    if (handler) {
      ctx.add(handler, name, reason, 'route-table');
      return;
    }
  }
}

/** Has the literal a property with one of these names (a cheap test before reading values)? */
function namesAny(object: TSESTree.ObjectExpression, keys: readonly string[]): boolean {
  for (const property of object.properties) {
    if (property.type !== T.Property) continue;
    const name = staticPropertyName(property);
    if (name !== null && keys.includes(name)) return true;
  }
  return false;
}

function firstString(object: TSESTree.ObjectExpression, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = propertyValue(object, key);
    const text = value ? stringValue(unwrap(value)) : null;
    if (text !== null) return text;
  }
  return null;
}
