// Cloudflare Workers: module-format `export default { fetch, scheduled, queue, … }` and service-worker listeners.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import {
  isFunctionNode,
  paramName,
  staticPropertyName,
  stringValue,
  typeReferenceName,
  unwrap,
} from '../../file/ast.js';
import { namedProperties } from '../../file/members.js';
import type { FunctionNode } from '../../types.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';

/** Module-worker entry points (Durable Object classes are out of scope). */
const WORKER_METHODS = new Set(['fetch', 'scheduled', 'queue', 'email', 'tail', 'trace', 'test']);
/** Service-worker events dispatched per request or per trigger. */
const WORKER_EVENTS = new Set(['fetch', 'scheduled', 'queue', 'email', 'tail']);
const WORKER_MODULES = ['cloudflare:workers', '@cloudflare/workers-types', 'cloudflare:email', 'cloudflare:sockets'];

interface Entry {
  name: string;
  fn: FunctionNode;
}

export function detectCloudflareWorkers(file: PlatformContext, add: AddHandler): void {
  detectModuleWorker(file, add);
  detectServiceWorker(file, add);
}

function detectModuleWorker(file: PlatformContext, add: AddHandler): void {
  const statement = file.program.body.find(
    (s): s is TSESTree.ExportDefaultDeclaration => s.type === T.ExportDefaultDeclaration,
  );
  if (!statement) return;
  const declared = statement.declaration as TSESTree.Node;
  const typed = isExportedHandlerType(declared) || isExportedHandlerType(bindingType(file, declared));
  const object = file.facts.valueOf(declared);
  if (object.type !== T.ObjectExpression) return;
  const entries: Entry[] = [];
  for (const { name, property } of namedProperties(object)) {
    if (!WORKER_METHODS.has(name)) continue;
    const fn = isFunctionNode(unwrap(property.value))
      ? (unwrap(property.value) as FunctionNode)
      : file.facts.functionOf(property.value);
    if (fn) entries.push({ name, fn });
  }
  if (entries.length === 0) return;
  // Without the ExportedHandler type or a workers import, the shape must speak for itself:
  // `fetch(request[, env[, ctx]])`, or an entry whose second parameter is the bindings object `env`.
  const shaped =
    typed ||
    file.facts.imports.importsAny(WORKER_MODULES) ||
    entries.some(({ name, fn }) => name === 'fetch' && fn.params.length <= 3 && isRequestParam(fn.params[0])) ||
    entries.some(
      ({ fn }) => fn.params.length >= 2 && fn.params.length <= 3 && /^_?env$/u.test(paramName(fn.params[1]) ?? ''),
    );
  if (!shaped) return;
  for (const { name, fn } of entries) {
    // The runtime calls every entry point as `(trigger, env, ctx)`: `env` holds the bindings and `ctx` the
    // execution context, whatever the parameters are called; only the first parameter carries the request.
    const nonRequestParams = [1, 2].filter((index) => index < fn.params.length);
    add(
      fn,
      name,
      typed ? 'method of an ExportedHandler' : `\`${name}\` of the default-exported worker object`,
      'cloudflare',
      nonRequestParams.length > 0 ? { nonRequestParams } : undefined,
    );
  }
}

/** `request`/`req`, or a parameter typed `Request`: an API client's `fetch(url)` is not a worker. */
function isRequestParam(param: TSESTree.Parameter | undefined): boolean {
  if (/^_?(request|req)$/u.test(paramName(param) ?? '')) return true;
  const type = param && param.type === T.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
  return type?.type === T.TSTypeReference && type.typeName.type === T.Identifier && type.typeName.name === 'Request';
}

/** `satisfies ExportedHandler<Env>`, `as ExportedHandler`, or `const worker: ExportedHandler<Env> = {…}`. */
function isExportedHandlerType(node: TSESTree.Node | TSESTree.TypeNode | null): boolean {
  if (!node) return false;
  let type: TSESTree.Node = node;
  if (node.type === T.TSSatisfiesExpression || node.type === T.TSAsExpression) type = node.typeAnnotation;
  return typeReferenceName(type) === 'ExportedHandler';
}

function bindingType(file: PlatformContext, node: TSESTree.Node): TSESTree.Node | null {
  const value = unwrap(node);
  if (value.type !== T.Identifier) return null;
  const variable = file.facts.variableOf(value);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Variable') return null;
  const declarator = def.node;
  return declarator.id.typeAnnotation?.typeAnnotation ?? declarator.init ?? null;
}

/** `addEventListener('fetch', (event) => event.respondWith(…))`, also on `self`/`globalThis`. */
function detectServiceWorker(file: PlatformContext, add: AddHandler): void {
  for (const statement of file.program.body) {
    if (statement.type !== T.ExpressionStatement) continue;
    const call = unwrap(statement.expression);
    if (call.type !== T.CallExpression) continue;
    const callee = unwrap(call.callee);
    const isListener =
      (callee.type === T.Identifier &&
        callee.name === 'addEventListener' &&
        !file.facts.variableOf(callee)?.defs.length) ||
      (callee.type === T.MemberExpression &&
        staticPropertyName(callee) === 'addEventListener' &&
        unwrap(callee.object).type === T.Identifier &&
        ['self', 'globalThis'].includes((unwrap(callee.object) as TSESTree.Identifier).name));
    if (!isListener) continue;
    const event = stringValue(call.arguments[0]);
    if (event === null || !WORKER_EVENTS.has(event)) continue;
    const fn = file.facts.functionOf(call.arguments[1]);
    if (fn) add(fn, `${event} listener`, `addEventListener('${event}') listener`, 'cloudflare');
  }
}

export const cloudflare: Platform = { id: 'cloudflare', detect: (ctx) => detectCloudflareWorkers(ctx, ctx.add) };
