// Node servers: route and middleware callbacks of Express, Fastify, Hono, Koa, Elysia and Hapi apps, of the
// Express-like routers (polka, connect, restify, itty-router, h3), of uWebSockets.js apps, node:http request listeners
// and node:net connection listeners, the routers that run inside a Lambda (Powertools event-handler, lambda-api), and
// route modules that receive the app.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { paramType, staticPropertyName, stringValue, unwrap, valueParent } from '../../file/ast.js';
import type { FileFacts } from '../../file/index.js';
import { namedProperties, propertyValue } from '../../file/members.js';
import { productsOf } from '../../file/products.js';
import { declaredVariables, initializerOf } from '../../file/scopes.js';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FunctionNode } from '../../types.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';
import { hasRequestResponseSignature } from '../signatures.js';
import { classesOf } from './decorated.js';
import { importerCallsOf } from './imported-calls.js';

/**
 * `other`: Express-like routers whose verb and `use` callbacks run per request (polka, connect, restify, itty-router,
 * h3's router). `route-module`: an untyped parameter that the code uses as an Express-style app (see `isRouteModuleParameter`).
 */
type Framework =
  | 'express'
  | 'fastify'
  | 'hono'
  | 'koa'
  | 'node-http'
  | 'node-net'
  | 'elysia'
  | 'hapi'
  | 'uws'
  | 'lambda-api'
  | 'powertools'
  | 'deno-router'
  | 'route-module'
  | 'other';
type Kind = 'app' | 'router' | 'route' | 'server';

interface Instance {
  framework: Framework;
  kind: Kind;
}

interface Factory {
  sources: string[];
  path: string[];
  framework: Framework;
  kind: Kind;
}

/** Powertools event-handler entry points (`/http`, `/appsync-graphql`, `/appsync-events`, `/bedrock-agent`, root). */
const POWERTOOLS_MODULES = [
  '@aws-lambda-powertools/event-handler',
  '@aws-lambda-powertools/event-handler/http',
  '@aws-lambda-powertools/event-handler/rest',
  '@aws-lambda-powertools/event-handler/experimental-rest',
  '@aws-lambda-powertools/event-handler/appsync-graphql',
  '@aws-lambda-powertools/event-handler/appsync-events',
  '@aws-lambda-powertools/event-handler/bedrock-agent',
];
const POWERTOOLS_RESOLVERS = [
  'Router',
  'AppSyncGraphQLResolver',
  'AppSyncEventsResolver',
  'BedrockAgentFunctionResolver',
];
/** Registrations of a Powertools resolver whose function arguments run per invocation. */
const POWERTOOLS_REGISTRATIONS = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'route',
  'use',
  'onQuery',
  'onMutation',
  'onBatchQuery',
  'onBatchMutation',
  'resolver',
  'batchResolver',
  'onPublish',
  'onSubscribe',
  'tool',
  'errorHandler',
  'exceptionHandler',
  'notFound',
  'methodNotAllowed',
]);
/** Deno router modules (the module name of a `deno.land/x` URL, or the bare name an import map gives it). */
const DENO_ROUTERS = ['oak', 'acorn'];
/** `https://deno.land/x/oak@v12.6.1/mod.ts` is the module `oak`. */
const DENO_LAND = /^https:\/\/deno\.land\/x\/([\w-]+)(?:@[^/]*)?\//u;
/** lambda-api registrations besides the verbs: `any`, `METHOD(verb, path, fn)`, `use`, `finally`. */
const LAMBDA_API_REGISTRATIONS = new Set(['any', 'METHOD', 'use', 'finally']);

/** The calls (or `new`) that create an app, router or server. Default, namespace and require imports are `[]`. */
const FACTORIES: Factory[] = [
  { sources: ['express'], path: [], framework: 'express', kind: 'app' },
  { sources: ['express'], path: ['Router'], framework: 'express', kind: 'router' },
  { sources: ['fastify'], path: [], framework: 'fastify', kind: 'app' },
  { sources: ['fastify'], path: ['fastify'], framework: 'fastify', kind: 'app' },
  { sources: ['fastify'], path: ['Fastify'], framework: 'fastify', kind: 'app' },
  { sources: ['hono', 'hono/tiny', 'hono/quick'], path: ['Hono'], framework: 'hono', kind: 'app' },
  { sources: ['@hono/zod-openapi'], path: ['OpenAPIHono'], framework: 'hono', kind: 'app' },
  { sources: ['koa'], path: [], framework: 'koa', kind: 'app' },
  { sources: ['@koa/router', 'koa-router'], path: [], framework: 'koa', kind: 'router' },
  { sources: ['@koa/router', 'koa-router'], path: ['Router'], framework: 'koa', kind: 'router' },
  { sources: ['polka'], path: [], framework: 'other', kind: 'app' },
  { sources: ['connect'], path: [], framework: 'other', kind: 'app' },
  { sources: ['restify'], path: ['createServer'], framework: 'other', kind: 'app' },
  { sources: ['itty-router'], path: ['Router'], framework: 'other', kind: 'router' },
  { sources: ['itty-router'], path: ['AutoRouter'], framework: 'other', kind: 'router' },
  { sources: ['itty-router'], path: ['IttyRouter'], framework: 'other', kind: 'router' },
  { sources: ['h3'], path: ['createRouter'], framework: 'other', kind: 'router' },
  { sources: ['h3'], path: ['createApp'], framework: 'other', kind: 'app' },
  { sources: ['lambda-api'], path: [], framework: 'lambda-api', kind: 'app' },
  { sources: ['elysia'], path: ['Elysia'], framework: 'elysia', kind: 'app' },
  { sources: ['@hapi/hapi', 'hapi'], path: ['server'], framework: 'hapi', kind: 'server' },
  { sources: ['@hapi/hapi', 'hapi'], path: ['Server'], framework: 'hapi', kind: 'server' },
  { sources: ['uWebSockets.js'], path: ['App'], framework: 'uws', kind: 'app' },
  { sources: ['uWebSockets.js'], path: ['SSLApp'], framework: 'uws', kind: 'app' },
  // Deno's routers, imported through an import map (`"oak": "https://deno.land/x/oak@v12/mod.ts"`) or by URL.
  { sources: DENO_ROUTERS, path: ['Router'], framework: 'deno-router', kind: 'router' },
  { sources: ['oak'], path: ['Application'], framework: 'deno-router', kind: 'app' },
  ...POWERTOOLS_RESOLVERS.map((path): Factory => ({
    sources: POWERTOOLS_MODULES,
    path: [path],
    framework: 'powertools',
    kind: 'router',
  })),
];

/** Types whose values are apps or routers: `(app: Express)`, `(router: Router)`, `(fastify: FastifyInstance)`. */
const INSTANCE_TYPES: Factory[] = [
  { sources: ['express'], path: ['Express'], framework: 'express', kind: 'app' },
  { sources: ['express'], path: ['Application'], framework: 'express', kind: 'app' },
  { sources: ['express'], path: ['Router'], framework: 'express', kind: 'router' },
  { sources: ['express'], path: ['IRouter'], framework: 'express', kind: 'router' },
  { sources: ['express', 'express-serve-static-core'], path: ['Express'], framework: 'express', kind: 'app' },
  { sources: ['fastify'], path: ['FastifyInstance'], framework: 'fastify', kind: 'app' },
  { sources: ['hono'], path: ['Hono'], framework: 'hono', kind: 'app' },
  { sources: ['koa'], path: [], framework: 'koa', kind: 'app' },
  { sources: ['@koa/router', 'koa-router'], path: [], framework: 'koa', kind: 'router' },
];

const NODE_HTTP = ['http', 'https', 'http2', 'node:http', 'node:https', 'node:http2'];
const NODE_NET = ['net', 'node:net', 'tls', 'node:tls'];
const SERVER_MODULES = [
  'express',
  'fastify',
  'fastify-plugin',
  'hono',
  '@hono/zod-openapi',
  'koa',
  '@koa/router',
  'koa-router',
  ...NODE_HTTP,
  ...NODE_NET,
  'polka',
  'connect',
  'restify',
  'itty-router',
  'h3',
  'elysia',
  '@hapi/hapi',
  'hapi',
  'uWebSockets.js',
  'lambda-api',
  '@aws-lambda-powertools/event-handler',
];

const VERBS = new Set(['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'all']);
/** Fastify hooks that run per request (onReady, onClose, onRoute, onRegister run at start-up or shutdown). */
const FASTIFY_REQUEST_HOOKS = new Set([
  'onRequest',
  'preParsing',
  'preValidation',
  'preHandler',
  'preSerialization',
  'onSend',
  'onResponse',
  'onError',
  'onTimeout',
  'onRequestAbort',
]);
const FASTIFY_ROUTE_OPTIONS = new Set(['handler', 'errorHandler', ...FASTIFY_REQUEST_HOOKS]);
/** Elysia's per-request lifecycle hooks (`onStart`, `onStop` run at start-up or shutdown). */
const ELYSIA_REQUEST_HOOKS = new Set([
  'onRequest',
  'onParse',
  'onTransform',
  'derive',
  'resolve',
  'onBeforeHandle',
  'onAfterHandle',
  'mapResponse',
  'onAfterResponse',
  'onError',
]);
/** The callbacks of a uWebSockets.js WebSocket behaviour (`app.ws(pattern, { open, message, close })`). */
const UWS_BEHAVIOUR = new Set(['upgrade', 'open', 'message', 'drain', 'ping', 'pong', 'close', 'subscription']);
/** Methods that return the same app/router, so registrations chain: `new Hono().get(…).post(…)`. */
const CHAINABLE = new Set([
  ...VERBS,
  'use',
  'on',
  'basePath',
  'route',
  'param',
  'del',
  'addHook',
  'register',
  'any',
  'ws',
  'group',
  'guard',
  'state',
  'decorate',
  'mount',
  ...ELYSIA_REQUEST_HOOKS,
]);

const MAX_DEPTH = 8;

export function detectNodeServers(file: PlatformContext, add: AddHandler): void {
  // Without a server import, only route modules (an app handed in as a parameter) can register routes.
  if (
    !file.facts.imports.importsAny(SERVER_MODULES) &&
    !file.facts.imports.importsAny(DENO_ROUTERS) &&
    ![...file.facts.imports.sources].some((source) => DENO_LAND.test(source)) &&
    !mayRegisterOnParameter(file.text)
  )
    return;
  const servers = serversOf(file.facts, file.path);
  for (const call of file.facts.calls.calls) servers.registration(call, add);
  if (file.facts.imports.importsAny(POWERTOOLS_MODULES)) servers.decoratedRegistrations(file.program, add);
}

class NodeServers {
  private readonly memo = new Map<TSESTree.Node, Instance | null>();

  constructor(
    private readonly facts: FileFacts,
    /** The file's path, when known: the importers that mount a route module are looked up by it. */
    public filename: string | null,
  ) {}

  /** A call that registers callbacks on an app: `app.get('/x', fn)`, `router.use(fn)`, `http.createServer(fn)`. */
  registration(call: TSESTree.CallExpression, add: AddHandler): void {
    const facts = this.facts;
    const callee = unwrap(call.callee);
    // node:http request listeners
    const imported = facts.imports.moduleValueOf(callee);
    if (imported && NODE_HTTP.includes(imported.source) && imported.path.length === 1) {
      if (imported.path[0] === 'createServer' || imported.path[0] === 'createSecureServer') {
        for (const fn of this.functionArguments(call.arguments))
          add(fn, 'request listener', 'node:http request listener', 'node-http');
      }
      return;
    }
    if (imported && NODE_NET.includes(imported.source) && imported.path.length === 1) {
      if (imported.path[0] === 'createServer')
        for (const fn of this.functionArguments(call.arguments))
          add(fn, 'connection listener', `${imported.source} connection listener`, 'node-net');
      return;
    }
    if (imported?.source === 'hono/factory' && imported.path[0] === 'createMiddleware') {
      for (const fn of this.functionArguments(call.arguments)) add(fn, 'middleware', 'Hono createMiddleware()', 'hono');
      return;
    }
    if (callee.type !== T.MemberExpression) return;
    const method = staticPropertyName(callee);
    if (method === null) return;
    const instance = this.instanceOf(callee.object, 0);
    if (!instance) return;
    const { framework, kind } = instance;
    const path = stringValue(call.arguments[0]);
    const routeName = (verb: string) => {
      const p = kind === 'route' ? this.routePath(callee.object) : path;
      if (verb === 'use') return p ? `middleware ${p}` : 'middleware';
      return p ? `${verb.toUpperCase()} ${p}` : `${verb.toUpperCase()} route`;
    };
    const reason = `${framework} ${method === 'use' ? 'middleware' : 'route'} callback`;
    const addAll = (fns: FunctionNode[], name: string, why = reason) => {
      for (const fn of fns) add(fn, name, why, framework);
    };

    switch (framework) {
      case 'node-http':
        if (method === 'on' && path === 'request')
          addAll(this.functionArguments(call.arguments.slice(1)), 'request listener', 'node:http request listener');
        return;
      case 'node-net':
        if (method === 'on' && path === 'connection')
          addAll(
            this.functionArguments(call.arguments.slice(1)),
            'connection listener',
            'node:net connection listener',
          );
        return;
      case 'other':
        if (VERBS.has(method) || method === 'use' || method === 'any' || method === 'del')
          addAll(this.functionArguments(call.arguments), routeName(method === 'del' ? 'delete' : method));
        return;
      case 'elysia':
        if (VERBS.has(method)) addAll(this.functionArguments(call.arguments.slice(0, 2)), routeName(method));
        else if (ELYSIA_REQUEST_HOOKS.has(method)) addAll(this.functionArguments(call.arguments), method);
        else if (method === 'ws') addAll(this.objectFunctions(call.arguments[1], null), `ws ${path ?? ''}`.trim());
        return;
      case 'hapi':
        if (method === 'route') {
          const configs = call.arguments[0] ? this.facts.valueOf(call.arguments[0]) : null;
          const list = configs?.type === T.ArrayExpression ? configs.elements : [configs];
          for (const config of list) {
            if (!config || config.type === T.SpreadElement) continue;
            const verb = this.optionString(config, 'method');
            const url = this.optionString(config, 'path');
            addAll(this.hapiHandlers(config), `${(verb ?? 'route').toUpperCase()}${url ? ` ${url}` : ''}`);
          }
        } else if (method === 'ext') {
          addAll(this.functionArguments(call.arguments.slice(1)), `${path ?? 'ext'} extension`);
          if (path === null && call.arguments[0])
            addAll(this.objectFunctions(call.arguments[0], new Set(['method'])), 'extension');
        }
        return;
      case 'uws':
        if (VERBS.has(method) || method === 'any' || method === 'connect')
          addAll(this.functionArguments(call.arguments.slice(1)), routeName(method));
        else if (method === 'ws')
          addAll(this.objectFunctions(call.arguments[1], UWS_BEHAVIOUR), `ws ${path ?? ''}`.trim());
        return;
      case 'express':
      case 'route-module':
        if (VERBS.has(method) || method === 'use') addAll(this.functionArguments(call.arguments), routeName(method));
        else if (method === 'param' && kind !== 'route')
          addAll(this.functionArguments(call.arguments.slice(1)), `param ${path ?? ''}`.trim());
        return;
      case 'deno-router':
        if (VERBS.has(method) || method === 'use') addAll(this.functionArguments(call.arguments), routeName(method));
        return;
      case 'hono':
        if (VERBS.has(method) || method === 'use') addAll(this.functionArguments(call.arguments), routeName(method));
        else if (method === 'on')
          addAll(this.functionArguments(call.arguments.slice(1)), routeName(stringValue(call.arguments[0]) ?? 'on'));
        else if (method === 'notFound' || method === 'onError') addAll(this.functionArguments(call.arguments), method);
        // `app.mount('/legacy', fetchHandler)`: the mounted application's fetch function answers the requests.
        else if (method === 'mount') addAll(this.functionArguments(call.arguments.slice(1, 2)), routeName('mount'));
        return;
      case 'koa':
        if (method === 'use' || (kind === 'router' && (VERBS.has(method) || method === 'del'))) {
          addAll(this.functionArguments(call.arguments), routeName(method === 'del' ? 'delete' : method));
        } else if (method === 'param' && kind === 'router') {
          addAll(this.functionArguments(call.arguments.slice(1)), `param ${path ?? ''}`.trim());
        }
        return;
      case 'lambda-api':
        if (VERBS.has(method) || LAMBDA_API_REGISTRATIONS.has(method)) {
          const verb = method === 'METHOD' ? (stringValue(call.arguments[0]) ?? 'route') : method;
          const routePath = method === 'METHOD' ? stringValue(call.arguments[1]) : path;
          const name =
            method === 'use' || method === 'finally'
              ? method
              : `${verb.toUpperCase()}${routePath ? ` ${routePath}` : ''}`;
          addAll(
            this.functionArguments(call.arguments),
            name,
            `lambda-api ${method === 'use' ? 'middleware' : 'route'} callback`,
          );
        }
        return;
      case 'powertools':
        if (POWERTOOLS_REGISTRATIONS.has(method)) {
          const name = VERBS.has(method) || method === 'use' ? routeName(method) : `${method}${path ? ` ${path}` : ''}`;
          addAll(this.functionArguments(call.arguments), name, `Powertools event-handler \`${method}()\` callback`);
        }
        return;
      case 'fastify':
        if (VERBS.has(method)) {
          addAll(this.functionArguments(call.arguments), routeName(method));
          for (const argument of call.arguments.slice(1)) addAll(this.routeOptions(argument), routeName(method));
        } else if (method === 'route') {
          const options = call.arguments[0];
          const url = options ? this.optionString(options, 'url') : null;
          const verb = options ? this.optionString(options, 'method') : null;
          addAll(this.routeOptions(options), `${(verb ?? 'route').toUpperCase()}${url ? ` ${url}` : ''}`);
        } else if (method === 'addHook' && path !== null && FASTIFY_REQUEST_HOOKS.has(path)) {
          addAll(this.functionArguments(call.arguments.slice(1)), `${path} hook`, `fastify ${path} hook`);
        } else if (method === 'setErrorHandler' || method === 'setNotFoundHandler') {
          addAll(this.functionArguments(call.arguments), method);
        }
        return;
    }
  }

  /**
   * Powertools resolvers also register class methods by decorator: `@app.onQuery('getPost') async getPost(…)`, with
   * `app` a resolver of this file. The decorated method runs per invocation, like a callback given to the call.
   */
  decoratedRegistrations(program: TSESTree.Program, add: AddHandler): void {
    for (const classNode of classesOf(program)) {
      for (const member of classNode.body.body) {
        if (member.type !== T.MethodDefinition || member.kind !== 'method') continue;
        for (const decorator of member.decorators ?? []) {
          const expression = unwrap(decorator.expression);
          const callee = expression.type === T.CallExpression ? unwrap(expression.callee) : null;
          if (callee?.type !== T.MemberExpression) continue;
          const method = staticPropertyName(callee);
          if (method === null || !POWERTOOLS_REGISTRATIONS.has(method)) continue;
          if (this.instanceOf(callee.object, 0)?.framework !== 'powertools') continue;
          const path = expression.type === T.CallExpression ? stringValue(expression.arguments[0]) : null;
          const name = `${method}${path ? ` ${path}` : ` ${staticPropertyName(member) ?? 'method'}`}`;
          add(member.value as FunctionNode, name, `Powertools event-handler \`@${method}()\` method`, 'powertools');
        }
      }
    }
  }

  /** Function arguments, skipping paths and flattening arrays: `app.get('/x', [auth, log], handler)`. */
  private functionArguments(args: readonly TSESTree.CallExpressionArgument[]): FunctionNode[] {
    const result: FunctionNode[] = [];
    for (const argument of args) {
      if (argument.type === T.SpreadElement) continue;
      const value = unwrap(argument);
      const elements = value.type === T.ArrayExpression ? value.elements : [value];
      for (const element of elements) {
        if (!element || element.type === T.SpreadElement) continue;
        const fn = this.facts.functionOf(element);
        if (fn) result.push(fn);
        // `app.use(traceFrom({ header }))`: the middleware is what the local factory returns.
        for (const product of productsOf(this.facts, element)) if (product.fn !== fn) result.push(product.fn);
      }
    }
    return result;
  }

  /** `handler` and the per-request hooks of a fastify route options object. */
  private routeOptions(node: TSESTree.Node | undefined): FunctionNode[] {
    if (!node) return [];
    const object = this.facts.valueOf(node);
    if (object.type !== T.ObjectExpression) return [];
    const result: FunctionNode[] = [];
    for (const { name, property } of namedProperties(object)) {
      if (FASTIFY_ROUTE_OPTIONS.has(name))
        result.push(...this.functionArguments([property.value as TSESTree.Expression]));
    }
    return result;
  }

  /** The functions among the properties of an options object (all of them, or those named in `names`). */
  private objectFunctions(node: TSESTree.Node | undefined, names: ReadonlySet<string> | null): FunctionNode[] {
    if (!node || node.type === T.SpreadElement) return [];
    const object = this.facts.valueOf(node);
    if (object.type !== T.ObjectExpression) return [];
    const result: FunctionNode[] = [];
    for (const { name, property } of namedProperties(object)) {
      if (names === null || names.has(name))
        result.push(...this.functionArguments([property.value as TSESTree.Expression]));
    }
    return result;
  }

  /** A Hapi route config's `handler`, directly or under `options` (`config` in older versions). */
  private hapiHandlers(config: TSESTree.Node): FunctionNode[] {
    const object = this.facts.valueOf(config);
    if (object.type !== T.ObjectExpression) return [];
    const handlers = this.objectFunctions(object, new Set(['handler']));
    for (const key of ['options', 'config']) {
      const nested = propertyValue(object, key);
      if (nested) handlers.push(...this.objectFunctions(nested, new Set(['handler', 'pre'])));
    }
    return handlers;
  }

  private optionString(node: TSESTree.Node, key: string): string | null {
    const object = this.facts.valueOf(node);
    if (object.type !== T.ObjectExpression) return null;
    return stringValue(propertyValue(object, key));
  }

  /** The path of `app.route('/x')` for express route chains. */
  private routePath(node: TSESTree.Node): string | null {
    let current = unwrap(node);
    while (current.type === T.CallExpression) {
      const callee = unwrap(current.callee);
      if (callee.type !== T.MemberExpression) return null;
      if (staticPropertyName(callee) === 'route') return stringValue(current.arguments[0]);
      current = unwrap(callee.object);
    }
    return null;
  }

  /** Is `node` an app, router, express route or http server, and of which framework? */
  instanceOf(node: TSESTree.Node, depth: number): Instance | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    if (this.memo.has(value)) return this.memo.get(value)!;
    this.memo.set(value, null); // cycles end here
    const result = this.computeInstance(value, depth);
    this.memo.set(value, result);
    return result;
  }

  private computeInstance(value: TSESTree.Node, depth: number): Instance | null {
    const facts = this.facts;
    if (value.type === T.CallExpression || value.type === T.NewExpression) {
      const factory = matchFactory(facts.imports.moduleValueOf(value.callee), FACTORIES);
      if (factory) return { framework: factory.framework, kind: factory.kind };
      const imported = facts.imports.moduleValueOf(value.callee);
      if (
        imported &&
        NODE_HTTP.includes(imported.source) &&
        (imported.path[0] === 'createServer' || imported.path[0] === 'createSecureServer')
      ) {
        return { framework: 'node-http', kind: 'server' };
      }
      if (imported && NODE_NET.includes(imported.source) && imported.path[0] === 'createServer')
        return { framework: 'node-net', kind: 'server' };
      const callee = unwrap(value.callee);
      if (value.type === T.CallExpression && callee.type === T.MemberExpression) {
        const method = staticPropertyName(callee);
        if (method === null || !CHAINABLE.has(method)) return null;
        const inner = this.instanceOf(callee.object, depth + 1);
        if (!inner || inner.framework === 'node-http' || inner.framework === 'node-net') return null;
        // express: app.route('/x') is a route; koa-router/fastify register() do not return apps to chain on.
        if ((inner.framework === 'express' || inner.framework === 'route-module') && method === 'route')
          return { framework: inner.framework, kind: 'route' };
        if (method === 'register' || method === 'addHook') return null;
        return inner;
      }
      return null;
    }
    if (value.type === T.MemberExpression) return this.parameterMember(value);
    if (value.type !== T.Identifier) return null;
    const variable = facts.variableOf(value);
    if (!variable || variable.defs.length !== 1) return null;
    const def = variable.defs[0];
    if (def.type === 'Variable') {
      const declarator = def.node;
      const typed = matchFactory(facts.imports.ofType(declarator.id.typeAnnotation?.typeAnnotation), INSTANCE_TYPES);
      if (typed) return { framework: typed.framework, kind: typed.kind };
      const init = initializerOf(variable);
      return init ? this.instanceOf(init, depth + 1) : null;
    }
    if (def.type === 'Parameter') {
      const fn = def.node as FunctionNode;
      const declared = def.name as TSESTree.Node;
      const index = fn.params.findIndex((p) => p.range[0] <= declared.range[0] && declared.range[1] <= p.range[1]);
      const param = fn.params[index];
      const typed = matchFactory(facts.imports.ofType(paramType(param)), INSTANCE_TYPES);
      if (typed) return { framework: typed.framework, kind: typed.kind };
      if (index === 0 && this.isFastifyPlugin(fn, depth)) return { framework: 'fastify', kind: 'app' };
      if (index === 0 && this.pluginOwner(fn, depth) === 'lambda-api') return { framework: 'lambda-api', kind: 'app' };
      // `setupRoutes(app)` in this file with a known app: the parameter is that app.
      const passed = this.passedInstance(fn, index, depth);
      if (passed) return passed;
      // `(app) => …` and `(hookName, { app }) => …`: the binding itself is what routes are registered on.
      if (param && this.isRouteModuleParameter(variable, null)) return ROUTE_MODULE;
      // `require('./routes')(app)` in another file with a known app: the parameter is that app.
      if (param && depth === 0 && this.registersRoutes(variable)) return this.mountedBy(fn, index);
    }
    return null;
  }

  /** `args.app` where `args` is a parameter that the code registers Express-style routes on as `args.app.get(…)`. */
  private parameterMember(value: TSESTree.MemberExpression): Instance | null {
    const name = staticPropertyName(value);
    const object = unwrap(value.object);
    if (name === null || object.type !== T.Identifier) return null;
    const variable = this.facts.variableOf(object);
    if (!variable || variable.defs.length !== 1 || variable.defs[0].type !== 'Parameter') return null;
    return this.isRouteModuleParameter(variable, name) ? ROUTE_MODULE : null;
  }

  /** The app every call of `fn` in this file passes at `index`, when the calls agree. */
  private passedInstance(fn: FunctionNode, index: number, depth: number): Instance | null {
    let found: Instance | null = null;
    for (const use of this.usesOf(fn)) {
      const { parent: call, child } = valueParent(use);
      if (call?.type !== T.CallExpression || call.callee !== child) continue;
      const argument = call.arguments[index];
      const instance = argument && argument.type !== T.SpreadElement ? this.instanceOf(argument, depth + 1) : null;
      if (!instance || (found && found.framework !== instance.framework)) return null;
      found = instance;
    }
    return found;
  }

  /**
   * A route module's app: a parameter the function registers Express-style routes on, with a path and a
   * `(req, res[, next])` callback (`app.get('/x', (req, res) => …)`, `router.use(auth, (req, res, next) => …)`).
   * Nothing else about the parameter is known, so this evidence is what makes it an app. With `property`, the app is
   * that property of the parameter (`args.app.get('/x', (req, res) => …)`).
   */
  private isRouteModuleParameter(variable: Scope.Variable, property: string | null): boolean {
    for (const reference of variable.references) {
      let receiver: TSESTree.Node = reference.identifier;
      if (property !== null) {
        const { parent: holder, child: held } = valueParent(receiver);
        if (holder?.type !== T.MemberExpression || holder.object !== held || staticPropertyName(holder) !== property)
          continue;
        receiver = holder;
      }
      const { parent: member, child } = valueParent(receiver);
      if (member?.type !== T.MemberExpression || member.object !== child) continue;
      const method = staticPropertyName(member);
      const call = member.parent;
      if (method === null || call?.type !== T.CallExpression || call.callee !== member) continue;
      if (method === 'route' && call.arguments[0] !== undefined && isRoutePath(call.arguments[0])) {
        if (this.routeChainAnswers(call)) return true;
        continue;
      }
      if (!VERBS.has(method) && method !== 'use') continue;
      const first = call.arguments[0];
      const pathed = first !== undefined && isRoutePath(first);
      if (!pathed && method !== 'use') continue;
      const callbacks = this.functionArguments(call.arguments);
      if (callbacks.some((callback) => hasRequestResponseSignature(callback, method === 'use'))) return true;
    }
    return false;
  }

  /** `app.route('/x').get((req, res) => …).post(…)`: does a verb chained on the route take a request callback? */
  private routeChainAnswers(route: TSESTree.CallExpression): boolean {
    let current: TSESTree.Node = route;
    for (let steps = 0; steps < MAX_DEPTH; steps++) {
      const member: TSESTree.Node | undefined = current.parent;
      if (member?.type !== T.MemberExpression || member.object !== current) return false;
      const call: TSESTree.Node | undefined = member.parent;
      const method = staticPropertyName(member);
      if (call?.type !== T.CallExpression || call.callee !== member || method === null || !VERBS.has(method))
        return false;
      if (this.functionArguments(call.arguments).some((callback) => hasRequestResponseSignature(callback))) return true;
      current = call;
    }
    return false;
  }

  /** Does the code call `param.verb('/path', fn)` on the binding: routes whatever their callbacks are named? */
  private registersRoutes(variable: Scope.Variable): boolean {
    return variable.references.some((reference) => {
      const { parent: member, child } = valueParent(reference.identifier);
      if (member?.type !== T.MemberExpression || member.object !== child) return false;
      const call = member.parent;
      const method = staticPropertyName(member);
      if (call?.type !== T.CallExpression || call.callee !== member || method === null) return false;
      if (!VERBS.has(method) && method !== 'use') return false;
      const first = call.arguments[0];
      return first !== undefined && isRoutePath(first) && this.functionArguments(call.arguments.slice(1)).length > 0;
    });
  }

  /** The app that the project's importers pass to exported `fn` at `index` (`require('./routes')(app)`). */
  private mountedBy(fn: FunctionNode, index: number): Instance | null {
    if (this.filename === null) return null;
    for (const { importer, facts, argument } of importerCallsOf(this.facts, this.filename, fn, index)) {
      const app = serversOf(facts, importer).instanceOf(argument, 1);
      if (app && app.framework !== 'node-http') return app;
    }
    return null;
  }

  /** The identifiers that name `fn` (its declaration or the variable it is assigned to), for its call sites. */
  private usesOf(fn: FunctionNode): TSESTree.Node[] {
    const facts = this.facts;
    const uses: TSESTree.Node[] = [fn];
    const { parent } = valueParent(fn);
    if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
      const variable = declaredVariables(facts.file, parent)[0];
      for (const reference of variable?.references ?? []) if (!reference.init) uses.push(reference.identifier);
    } else if (fn.type === T.FunctionDeclaration && fn.id) {
      const variable = declaredVariables(facts.file, fn).find((v) => v.name === fn.id!.name);
      for (const reference of variable?.references ?? []) uses.push(reference.identifier);
    }
    return uses;
  }

  /** The framework whose `register(fn)` receives `fn` (`api.register(routes, { prefix })`), if any. */
  private pluginOwner(fn: FunctionNode, depth: number): Framework | null {
    for (const use of this.usesOf(fn)) {
      const { parent: call, child } = valueParent(use);
      if (call?.type !== T.CallExpression || call.arguments[0] !== child) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || staticPropertyName(callee) !== 'register') continue;
      const owner = this.instanceOf(callee.object, depth + 1);
      if (owner) return owner.framework;
    }
    return null;
  }

  /**
   * A fastify plugin: its first parameter is a fastify instance. Passed to `instance.register(fn)` or to
   * `fp(fn)` from fastify-plugin, or typed `FastifyPluginAsync`/`FastifyPluginCallback`.
   */
  private isFastifyPlugin(fn: FunctionNode, depth: number): boolean {
    const facts = this.facts;
    const { parent } = valueParent(fn);
    if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
      const type = facts.imports.ofType(parent.id.typeAnnotation?.typeAnnotation);
      if (type?.source === 'fastify' && /^FastifyPlugin/u.test(type.path[0] ?? '')) return true;
    }
    for (const use of this.usesOf(fn)) {
      const { parent: call, child } = valueParent(use);
      if (call?.type !== T.CallExpression || call.arguments[0] !== child) continue;
      const imported = facts.imports.moduleValueOf(call.callee);
      if (imported?.source === 'fastify-plugin' && imported.path.length === 0) return true;
    }
    return this.pluginOwner(fn, depth) === 'fastify';
  }
}

const ROUTE_MODULE: Instance = { framework: 'route-module', kind: 'router' };

/** A route path: `'/users/:id'`, `'*'`, a regular expression, or an array of paths. */
function isRoutePath(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === T.ArrayExpression) return value.elements.some((element) => !!element && isRoutePath(element));
  if (value.type === T.Literal && 'regex' in value && value.regex) return true;
  const text = stringValue(value);
  return text !== null && (text.startsWith('/') || text === '*');
}

/** Cheap text test before looking for route modules in a file that imports no server framework. */
function mayRegisterOnParameter(text: string): boolean {
  return (
    (/\b_?req(?:uest)?\b/u.test(text) && /\b_?(?:res|response|reply)\b/u.test(text)) ||
    // `app.get('/items/:id', show)`: a route whose callbacks the importer's app call may reveal.
    /\.(?:get|post|put|patch|delete|all|use)\(\s*['"`]\//u.test(text)
  );
}

function matchFactory(imported: { source: string; path: string[] } | null, table: Factory[]): Factory | null {
  if (!imported) return null;
  const source = DENO_LAND.exec(imported.source)?.[1] ?? imported.source;
  return (
    table.find(
      (entry) =>
        entry.sources.includes(source) &&
        entry.path.length === imported.path.length &&
        entry.path.every((part, index) => part === imported.path[index]),
    ) ?? null
  );
}

const serversByFile = new WeakMap<FileFacts, NodeServers>();

/** One NodeServers per file, so the app/router memo is shared by detection and the listener rule. */
function serversOf(facts: FileFacts, filename: string | null = null): NodeServers {
  let servers = serversByFile.get(facts);
  if (!servers) {
    servers = new NodeServers(facts, filename);
    serversByFile.set(facts, servers);
  }
  servers.filename ??= filename;
  return servers;
}

export const nodeServers: Platform = {
  id: 'node-servers',
  detect: (ctx) => detectNodeServers(ctx, ctx.add),
  isApp: (facts, node) => serversOf(facts).instanceOf(node, 0) !== null,
};
