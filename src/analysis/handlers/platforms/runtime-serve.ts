// Runtime serve APIs: `Deno.serve(handler | { handler } | options, handler)` and `Bun.serve({ fetch, routes, websocket })`,
// recognised from the runtime's global (a local binding named `Deno` or `Bun` is not the runtime).
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrap } from '../../file/ast.js';
import type { FileFacts } from '../../file/index.js';
import { namedProperties } from '../../file/members.js';
import type { FunctionNode } from '../../types.js';
import type { Platform, PlatformContext } from '../registry.js';

/** Bun's per-connection WebSocket callbacks; `websocket.message(ws, data)` runs once per message. */
const BUN_WEBSOCKET = new Set(['open', 'message', 'close', 'drain', 'ping', 'pong']);
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** `std/http` `serve(handler, options?)` and `serveTls`, from a URL import or the JSR package. */
const DENO_STD_HTTP = /(?:^jsr:@std\/http|deno\.land\/std[^/]*\/http\/server\.ts$|^@std\/http)/u;

/** `Deno.serve` / `Bun.serve` when `Deno` / `Bun` is the runtime's global. */
function runtimeCall(facts: FileFacts, call: TSESTree.CallExpression, runtime: 'Deno' | 'Bun'): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression || staticPropertyName(callee) !== 'serve') return false;
  const object = unwrap(callee.object);
  return object.type === T.Identifier && object.name === runtime && facts.globals.isGlobal(object);
}

/** The function a value stands for, with object methods (`{ fetch(req) {} }`) and names resolved. */
function functionValue(facts: FileFacts, node: TSESTree.Node | undefined): FunctionNode | null {
  return node ? facts.functionOf(node) : null;
}

function optionsObject(facts: FileFacts, node: TSESTree.Node | undefined): TSESTree.ObjectExpression | null {
  if (!node || node.type === T.SpreadElement) return null;
  const value = facts.valueOf(node);
  return value.type === T.ObjectExpression ? value : null;
}

function detectDeno(ctx: PlatformContext): void {
  const { facts } = ctx;
  for (const call of facts.callsNamed('serve', 'serveTls')) {
    const std = facts.imports.moduleValueOf(call.callee);
    const fromStd = std !== null && DENO_STD_HTTP.test(std.source) && std.path.length === 1;
    if (!fromStd && !runtimeCall(facts, call, 'Deno')) continue;
    const how = fromStd ? `${std.path[0]}() from std/http` : 'Deno.serve()';
    // Deno.serve(handler), Deno.serve(options, handler), Deno.serve({ handler, ...options }); std: serve(handler, options).
    for (const argument of call.arguments) {
      const fn = argument.type === T.SpreadElement ? null : functionValue(facts, argument);
      if (fn) {
        ctx.add(fn, 'serve handler', `handler of ${how}`, 'deno');
        continue;
      }
      if (argument.type !== T.SpreadElement) ctx.addImported(argument, 'serve handler', `handler of ${how}`, 'deno');
      const options = optionsObject(facts, argument);
      for (const { name, property } of options ? namedProperties(options) : []) {
        if (name !== 'handler' && name !== 'onError') continue;
        const label = name === 'handler' ? 'serve handler' : name;
        const handler = functionValue(facts, property.value);
        if (handler) ctx.add(handler, label, `\`${name}\` of ${how}`, 'deno');
        else ctx.addImported(property.value, label, `\`${name}\` of ${how}`, 'deno');
      }
    }
  }
}

function detectBun(ctx: PlatformContext): void {
  const { facts } = ctx;
  for (const call of facts.callsNamed('serve')) {
    // `Bun.serve(…)`, or `serve(…)` / `Bun.serve(…)` imported from the `bun` module.
    const imported = facts.imports.moduleValueOf(call.callee);
    const fromBun = imported?.source === 'bun' && imported.path.at(-1) === 'serve';
    if (!fromBun && !runtimeCall(facts, call, 'Bun')) continue;
    const options = optionsObject(facts, call.arguments[0]);
    if (options) addBunOptions(ctx, options);
  }
  // `export default { fetch, websocket } satisfies Serve`: Bun serves a default export of that shape.
  const exported = facts.exports.entries.find((entry) => entry.name === 'default' && entry.form === 'esm');
  if (exported && isBunServeExport(facts, exported.value)) {
    const options = optionsObject(facts, exported.value);
    if (options) addBunOptions(ctx, options);
  }
}

/** `{…} satisfies Serve`, `as Serve`, with `Serve` imported from `bun` (type-only included). */
function isBunServeExport(facts: FileFacts, node: TSESTree.Node): boolean {
  if (node.type !== T.TSSatisfiesExpression && node.type !== T.TSAsExpression) return false;
  const imported = facts.imports.ofType(node.typeAnnotation);
  return imported?.source === 'bun' && imported.path.at(-1) === 'Serve';
}

function addBunOptions(ctx: PlatformContext, options: TSESTree.ObjectExpression): void {
  const { facts } = ctx;
  for (const { name, property } of namedProperties(options)) {
    if (name === 'fetch' || name === 'error') {
      const fn = functionValue(facts, property.value);
      // `fetch(request, server)`: the second argument is the Bun server, not request data.
      if (fn) ctx.add(fn, name, `\`${name}\` of Bun.serve()`, 'bun', name === 'fetch' ? nonRequest(fn, [1]) : {});
      else ctx.addImported(property.value, name, `\`${name}\` of Bun.serve()`, 'bun');
    } else if (name === 'routes') {
      const routes = optionsObject(facts, property.value);
      for (const route of routes ? namedProperties(routes) : []) addBunRoute(ctx, route.name, route.property.value);
    } else if (name === 'websocket') {
      const socket = optionsObject(facts, property.value);
      for (const entry of socket ? namedProperties(socket) : []) {
        if (!BUN_WEBSOCKET.has(entry.name)) continue;
        const fn = functionValue(facts, entry.property.value);
        if (fn) ctx.add(fn, `websocket ${entry.name}`, `\`websocket.${entry.name}\` of Bun.serve()`, 'bun');
      }
    }
  }
}

/** `routes: { '/users/:id': fn, '/items': { GET: fn, POST: fn }, '/static': new Response(…) }`. */
function addBunRoute(ctx: PlatformContext, path: string, value: TSESTree.Node): void {
  const fn = functionValue(ctx.facts, value);
  if (fn) {
    ctx.add(fn, path, 'route of Bun.serve()', 'bun', nonRequest(fn, [1]));
    return;
  }
  ctx.addImported(value, path, 'route of Bun.serve()', 'bun');
  const methods = optionsObject(ctx.facts, value);
  for (const { name, property } of methods ? namedProperties(methods) : []) {
    if (!HTTP_METHODS.has(name)) continue;
    const handler = functionValue(ctx.facts, property.value);
    if (handler) ctx.add(handler, `${name} ${path}`, 'route of Bun.serve()', 'bun', nonRequest(handler, [1]));
  }
}

function nonRequest(fn: FunctionNode, positions: number[]): { nonRequestParams?: number[] } {
  const present = positions.filter((index) => index < fn.params.length);
  return present.length > 0 ? { nonRequestParams: present } : {};
}

export const deno: Platform = { id: 'deno', detect: detectDeno };
export const bun: Platform = { id: 'bun', detect: detectBun };
