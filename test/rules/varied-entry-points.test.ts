// Request-time code reached through entry points written the way different authors write them: runtime serve APIs,
// Netlify and Vercel functions, routers inside a Lambda, GraphQL resolver maps, route modules, socket servers, route
// tables and the functions factories make. Each leaking case has a safe counterpart of the same shape (per-request
// state, lazy init, or a module-scope client) that no rule reports. Real files through the real ESLint class, with
// the strict config, so "quiet" means no rule of the plugin says anything.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { makeProject } from '../helpers/temp.js';

type RuleKey = 'growth' | 'cache' | 'data' | 'write';
const RULE_NAMES: Record<RuleKey, string> = {
  growth: 'no-unbounded-growth',
  cache: 'no-unbounded-cache',
  data: 'no-request-data-in-module-scope',
  write: 'no-module-state-write',
};

interface Case {
  group: string;
  name: string;
  /** Files of the case's project (package.json is added unless given), relative to its folder. */
  files: Record<string, string>;
  /** The file linted. */
  lint: string;
  /** Each expected report: the text of the write it starts on, and the rule. Empty: a safe case. */
  leaks: Array<[at: string, rule: RuleKey]>;
  /** A gap the analysis has today: the case runs as an expected failure. */
  gap?: string;
}

const ESM = JSON.stringify({ name: 'app', type: 'module' });
const withDeps = (...names: string[]) =>
  JSON.stringify({ name: 'app', type: 'module', dependencies: Object.fromEntries(names.map((n) => [n, '*'])) });

const CASES: Case[] = [
  // ---------------------------------------------------------------------------------------------- Deno.serve
  {
    group: 'deno',
    name: 'Deno.serve(options, inline handler): a per-path hit map keyed by the request',
    lint: 'main.ts',
    files: {
      'main.ts': `const hitsByPath = new Map<string, number>();
Deno.serve({ port: 8000, onListen: ({ port }) => console.log(port) }, async (req) => {
  const { pathname } = new URL(req.url);
  hitsByPath.set(pathname, (hitsByPath.get(pathname) ?? 0) + 1);
  return new Response('ok');
});
`,
    },
    leaks: [['hitsByPath.set(', 'cache']],
  },
  {
    group: 'deno',
    name: 'Deno.serve(options, inline handler): counts kept per request',
    lint: 'main.ts',
    files: {
      'main.ts': `Deno.serve({ port: 8000, onListen: ({ port }) => console.log(port) }, async (req) => {
  const hitsByPath = new Map<string, number>();
  const { pathname } = new URL(req.url);
  hitsByPath.set(pathname, (hitsByPath.get(pathname) ?? 0) + 1);
  return new Response(String(hitsByPath.size));
});
`,
    },
    leaks: [],
  },
  {
    group: 'deno',
    name: 'options and a typed handler built in variables, then Deno.serve(options, handler)',
    lint: 'server.ts',
    files: {
      'server.ts': `const recent: string[] = [];
const options: Deno.ServeOptions = { port: 8080, hostname: '127.0.0.1' };
const handler: Deno.ServeHandler = (request) => {
  recent.push(request.headers.get('user-agent') ?? '');
  return new Response('hi');
};
Deno.serve(options, handler);
`,
    },
    leaks: [['recent.push(', 'growth']],
  },
  {
    group: 'deno',
    name: 'options and a typed handler in variables: a KV store opened lazily',
    lint: 'server.ts',
    files: {
      'server.ts': `let kv: Deno.Kv | undefined;
const options: Deno.ServeOptions = { port: 8080, hostname: '127.0.0.1' };
const handler: Deno.ServeHandler = async (request) => {
  kv ??= await Deno.openKv();
  await kv.set(['ua', crypto.randomUUID()], request.headers.get('user-agent') ?? '');
  return new Response('hi');
};
Deno.serve(options, handler);
`,
    },
    leaks: [],
  },
  {
    group: 'deno',
    name: '`export default { fetch }` served by `deno serve`: the last visitor kept in module scope',
    lint: 'main.ts',
    files: {
      'main.ts': `let lastVisitor = '';
export default {
  async fetch(request: Request): Promise<Response> {
    lastVisitor = request.headers.get('x-forwarded-for') ?? 'unknown';
    return new Response('welcome');
  },
} satisfies Deno.ServeDefaultExport;
`,
    },
    leaks: [["lastVisitor = request.headers.get('x-forwarded-for')", 'data']],
  },
  {
    group: 'deno',
    name: '`export default { fetch }` served by `deno serve`: the visitor stays in the request',
    lint: 'main.ts',
    files: {
      'main.ts': `const greeting = Deno.env.get('GREETING') ?? 'welcome';
export default {
  async fetch(request: Request): Promise<Response> {
    const visitor = request.headers.get('x-forwarded-for') ?? 'unknown';
    return new Response(greeting + ' ' + visitor);
  },
} satisfies Deno.ServeDefaultExport;
`,
    },
    leaks: [],
  },
  {
    group: 'deno',
    name: 'Deno.serve({ ...base, handler }) with a spread options object and a named function',
    lint: 'app.ts',
    files: {
      'app.ts': `const base = { port: 9000 };
let requests = 0;
function respond(req: Request): Response {
  requests += 1;
  return new Response(req.method + ' ' + requests);
}
const server = Deno.serve({ ...base, handler: respond });
await server.finished;
`,
    },
    leaks: [['requests += 1', 'write']],
  },
  {
    group: 'deno',
    name: 'Deno.serve({ ...base, handler }): a module-scope client, per-request count',
    lint: 'app.ts',
    files: {
      'app.ts': `const base = { port: 9000 };
const encoder = new TextEncoder();
function respond(req: Request): Response {
  let requests = 0;
  requests += 1;
  return new Response(encoder.encode(req.method + ' ' + requests));
}
const server = Deno.serve({ ...base, handler: respond });
await server.finished;
`,
    },
    leaks: [],
  },
  {
    group: 'deno',
    name: 'a handler imported from another module and passed to Deno.serve: the write is in that module',
    lint: 'handle.ts',
    files: {
      'handle.ts': `const seenIds: string[] = [];
export function handle(req: Request): Response {
  seenIds.push(new URL(req.url).searchParams.get('id') ?? '');
  return new Response('ok');
}
`,
      'main.ts': `import { handle } from './handle.ts';
Deno.serve(handle);
`,
    },
    leaks: [['seenIds.push(', 'growth']],
  },
  {
    group: 'deno',
    name: 'a handler imported from another module and passed to Deno.serve: per-request list',
    lint: 'handle.ts',
    files: {
      'handle.ts': `export function handle(req: Request): Response {
  const seenIds: string[] = [];
  seenIds.push(new URL(req.url).searchParams.get('id') ?? '');
  return new Response(seenIds.join(','));
}
`,
      'main.ts': `import { handle } from './handle.ts';
Deno.serve(handle);
`,
    },
    leaks: [],
  },
  // ----------------------------------------------------------------------------------------------- Bun.serve
  {
    group: 'bun',
    name: 'Bun `routes` with a direct function per path: a map keyed by the path parameter',
    lint: 'server.ts',
    files: {
      'server.ts': `const lastRead = new Map<string, number>();
Bun.serve({
  port: 3000,
  routes: {
    '/api/posts/:id': (req) => {
      lastRead.set(req.params.id, Date.now());
      return Response.json({ id: req.params.id });
    },
  },
});
`,
    },
    leaks: [['lastRead.set(', 'cache']],
  },
  {
    group: 'bun',
    name: 'Bun `routes` with a direct function per path: a bounded LRU cache',
    lint: 'server.ts',
    files: {
      'server.ts': `import { LRUCache } from 'lru-cache';
const lastRead = new LRUCache<string, number>({ max: 500 });
Bun.serve({
  port: 3000,
  routes: {
    '/api/posts/:id': (req) => {
      lastRead.set(req.params.id, Date.now());
      return Response.json({ id: req.params.id });
    },
  },
});
`,
    },
    leaks: [],
  },
  {
    group: 'bun',
    name: '`import { serve } from "bun"` with the fetch function declared elsewhere',
    lint: 'index.ts',
    files: {
      'index.ts': `import { serve } from 'bun';
const bodies: string[] = [];
async function onRequest(request: Request) {
  bodies.push(await request.text());
  return new Response('stored');
}
serve({ port: Number(process.env.PORT ?? 3000), fetch: onRequest });
`,
    },
    leaks: [['bodies.push(', 'growth']],
  },
  {
    group: 'bun',
    name: '`import { serve } from "bun"`: the body kept per request',
    lint: 'index.ts',
    files: {
      'index.ts': `import { serve } from 'bun';
async function onRequest(request: Request) {
  const bodies: string[] = [];
  bodies.push(await request.text());
  return new Response(String(bodies.length));
}
serve({ port: Number(process.env.PORT ?? 3000), fetch: onRequest });
`,
    },
    leaks: [],
  },
  {
    group: 'bun',
    name: 'a plain `export default { port, fetch }` object that Bun serves',
    lint: 'src/index.js',
    files: {
      'src/index.js': `let lastAgent = null;
export default {
  port: 3000,
  fetch(req) {
    lastAgent = req.headers.get('user-agent');
    return new Response('ok');
  },
};
`,
    },
    leaks: [["lastAgent = req.headers.get('user-agent')", 'data']],
  },
  {
    group: 'bun',
    name: 'a plain `export default { port, fetch }` object: the agent read per request',
    lint: 'src/index.js',
    files: {
      'src/index.js': `export default {
  port: 3000,
  fetch(req) {
    const agent = req.headers.get('user-agent');
    return new Response(agent ?? 'ok');
  },
};
`,
    },
    leaks: [],
  },
  {
    group: 'bun',
    name: 'Bun.serve options in a variable with a named websocket message callback',
    lint: 'chat.ts',
    files: {
      'chat.ts': `const transcript: string[] = [];
function onMessage(ws: unknown, message: string | Buffer) {
  transcript.push(String(message));
}
const config = {
  fetch(req: Request, server: { upgrade(r: Request): boolean }) {
    if (server.upgrade(req)) return;
    return new Response('upgrade failed', { status: 400 });
  },
  websocket: { message: onMessage },
};
Bun.serve(config);
`,
    },
    leaks: [['transcript.push(', 'growth']],
  },
  {
    group: 'bun',
    name: 'Bun.serve options in a variable with a named websocket callback that replies per message',
    lint: 'chat.ts',
    files: {
      'chat.ts': `function onMessage(ws: { send(m: string): void }, message: string | Buffer) {
  const transcript: string[] = [];
  transcript.push(String(message));
  ws.send(transcript.join(''));
}
const config = {
  fetch(req: Request, server: { upgrade(r: Request): boolean }) {
    if (server.upgrade(req)) return;
    return new Response('upgrade failed', { status: 400 });
  },
  websocket: { message: onMessage },
};
Bun.serve(config);
`,
    },
    leaks: [],
  },
  // ----------------------------------------------------------------------------------------- Netlify functions
  {
    group: 'netlify',
    name: 'Netlify Functions v2 in a folder (`name/index.mts`) with a `Config` typed config',
    lint: 'netlify/functions/subscribe/index.mts',
    files: {
      'netlify/functions/subscribe/index.mts': `import type { Config, Context } from '@netlify/functions';
const emails: string[] = [];
const handler = async (req: Request, context: Context) => {
  const { email } = await req.json();
  emails.push(email);
  return new Response('subscribed');
};
export default handler;
export const config: Config = { path: '/api/subscribe' };
`,
    },
    leaks: [['emails.push(', 'growth']],
  },
  {
    group: 'netlify',
    name: 'Netlify Functions v2 in a folder: the address goes to a store client made at module scope',
    lint: 'netlify/functions/subscribe/index.mts',
    files: {
      'netlify/functions/subscribe/index.mts': `import type { Config, Context } from '@netlify/functions';
import { getStore } from '@netlify/blobs';
const store = getStore('emails');
const handler = async (req: Request, context: Context) => {
  const { email } = await req.json();
  await store.set(email, '1');
  return new Response('subscribed');
};
export default handler;
export const config: Config = { path: '/api/subscribe' };
`,
    },
    leaks: [],
  },
  {
    group: 'netlify',
    name: 'an edge function that calls context.next() and keeps the country of the visitor',
    lint: 'netlify/edge-functions/geo.ts',
    files: {
      'netlify/edge-functions/geo.ts': `import type { Config, Context } from '@netlify/edge-functions';
const countries = new Set<string>();
export default async function geo(request: Request, context: Context) {
  const response = await context.next();
  countries.add(context.geo.country?.code ?? 'XX');
  return response;
}
export const config: Config = { path: '/*' };
`,
    },
    leaks: [['countries.add(', 'growth']],
  },
  {
    group: 'netlify',
    name: 'an edge function that calls context.next() and sets a header from the visitor per request',
    lint: 'netlify/edge-functions/geo.ts',
    files: {
      'netlify/edge-functions/geo.ts': `import type { Config, Context } from '@netlify/edge-functions';
export default async function geo(request: Request, context: Context) {
  const response = await context.next();
  response.headers.set('x-country', context.geo.country?.code ?? 'XX');
  return response;
}
export const config: Config = { path: '/*' };
`,
    },
    leaks: [],
  },
  {
    group: 'netlify',
    name: 'a function in the directory netlify.toml names, CommonJS-free JavaScript, destructured context',
    lint: 'backend/fns/vote.js',
    files: {
      'netlify.toml': `[build]
  publish = "dist"
  functions = "backend/fns"
`,
      'backend/fns/vote.js': `const tally = {};
export default async (req, { params }) => {
  tally[params.choice] = (tally[params.choice] || 0) + 1;
  return Response.json(tally);
};
export const config = { path: '/vote/:choice' };
`,
    },
    leaks: [['tally[params.choice] =', 'cache']],
  },
  {
    group: 'netlify',
    name: 'a function in the directory netlify.toml names: the tally kept per request',
    lint: 'backend/fns/vote.js',
    files: {
      'netlify.toml': `[build]
  publish = "dist"
  functions = "backend/fns"
`,
      'backend/fns/vote.js': `export default async (req, { params }) => {
  const tally = {};
  tally[params.choice] = (tally[params.choice] || 0) + 1;
  return Response.json(tally);
};
export const config = { path: '/vote/:choice' };
`,
    },
    leaks: [],
  },
  {
    group: 'netlify',
    name: 'a function outside the functions folders: typed by @netlify/functions, config in a variable',
    lint: 'src/server/track.ts',
    files: {
      'src/server/track.ts': `import type { Config, Context } from '@netlify/functions';
let lastReferrer: string | null = null;
export default async (req: Request, _context: Context) => {
  lastReferrer = req.headers.get('referer');
  return new Response(null, { status: 204 });
};
const config: Config = { path: '/track' };
export { config };
`,
    },
    leaks: [["lastReferrer = req.headers.get('referer')", 'data']],
  },
  {
    group: 'netlify',
    name: 'a function outside the functions folders: a cold-start flag set once',
    lint: 'src/server/track.ts',
    files: {
      'src/server/track.ts': `import type { Config, Context } from '@netlify/functions';
let coldStart = true;
export default async (req: Request, _context: Context) => {
  const wasCold = coldStart;
  coldStart = false;
  return new Response(String(wasCold), { status: 200 });
};
const config: Config = { path: '/track' };
export { config };
`,
    },
    leaks: [],
  },
  // ---------------------------------------------------------------------------------- Vercel with a config
  {
    group: 'vercel',
    name: 'an edge function outside api/ with a named default function declaration',
    lint: 'src/edge/og.ts',
    files: {
      'src/edge/og.ts': `export const config = { runtime: 'edge' };
const titles: string[] = [];
export default async function og(req: Request) {
  titles.push(new URL(req.url).searchParams.get('title') ?? '');
  return new Response('image');
}
`,
    },
    leaks: [['titles.push(', 'growth']],
  },
  {
    group: 'vercel',
    name: 'an edge function outside api/: the title read per request',
    lint: 'src/edge/og.ts',
    files: {
      'src/edge/og.ts': `export const config = { runtime: 'edge' };
export default async function og(req: Request) {
  const titles: string[] = [];
  titles.push(new URL(req.url).searchParams.get('title') ?? '');
  return new Response(titles[0]);
}
`,
    },
    leaks: [],
  },
  {
    group: 'vercel',
    name: 'the config object built first and exported by a specifier, the handler exported by name',
    lint: 'functions/ping.ts',
    files: {
      'functions/ping.ts': `const config = { runtime: 'nodejs', maxDuration: 10 };
let pings = 0;
const ping = async (request: Request) => {
  pings++;
  return new Response(String(pings));
};
export { config };
export default ping;
`,
    },
    leaks: [['pings++', 'write']],
  },
  {
    group: 'vercel',
    name: 'the config object exported by a specifier: a connection made lazily',
    lint: 'functions/ping.ts',
    files: {
      'functions/ping.ts': `import { connect } from './db.js';
const config = { runtime: 'nodejs', maxDuration: 10 };
let db: Awaited<ReturnType<typeof connect>> | null = null;
const ping = async (request: Request) => {
  if (!db) db = await connect();
  return new Response(String(await db.count()));
};
export { config };
export default ping;
`,
      'functions/db.ts': `export async function connect() { return { count: async () => 1 }; }
`,
    },
    leaks: [],
  },
  {
    group: 'vercel',
    name: 'a Node.js function outside api/ written (req, res) with a runtime in its config',
    lint: 'server/handlers/contact.js',
    files: {
      'server/handlers/contact.js': `const messages = [];
export const config = { runtime: 'nodejs' };
export default function contact(req, res) {
  messages.push(req.body);
  res.status(200).json({ ok: true });
}
`,
    },
    leaks: [['messages.push(', 'growth']],
  },
  {
    group: 'vercel',
    name: 'a Node.js function outside api/ written (req, res): a module-scope client',
    lint: 'server/handlers/contact.js',
    files: {
      'server/handlers/contact.js': `import { createClient } from '@vercel/kv';
const kv = createClient({ url: process.env.KV_URL, token: process.env.KV_TOKEN });
export const config = { runtime: 'nodejs' };
export default async function contact(req, res) {
  await kv.lpush('messages', JSON.stringify(req.body));
  res.status(200).json({ ok: true });
}
`,
    },
    leaks: [],
  },
  {
    group: 'vercel',
    name: 'an edge middleware-like function with `export const config` of a runtime and a matcher',
    lint: 'edge/geo.mjs',
    files: {
      'edge/geo.mjs': `const seenCities = new Map();
export default (request) => {
  const city = request.headers.get('x-vercel-ip-city') ?? 'unknown';
  seenCities.set(city, (seenCities.get(city) ?? 0) + 1);
  return new Response(city);
};
export const config = { runtime: 'edge', regions: ['fra1'] };
`,
    },
    leaks: [['seenCities.set(', 'cache']],
  },
  {
    group: 'vercel',
    name: 'an edge function with a runtime config: an encoder made at module scope',
    lint: 'edge/geo.mjs',
    files: {
      'edge/geo.mjs': `const TEXT = new TextEncoder();
export default (request) => {
  const city = request.headers.get('x-vercel-ip-city') ?? 'unknown';
  return new Response(TEXT.encode(city));
};
export const config = { runtime: 'edge', regions: ['fra1'] };
`,
    },
    leaks: [],
  },
  // ------------------------------------------------------------------------------------- Powertools routers
  {
    group: 'powertools',
    name: 'a namespace import of the HTTP router, a route declared as a named function',
    lint: 'src/orders.ts',
    files: {
      'src/orders.ts': `import * as events from '@aws-lambda-powertools/event-handler/http';
import type { Context } from 'aws-lambda';
const app = new events.Router();
const pending: unknown[] = [];
async function createOrder({ req }: { req: Request }) {
  pending.push(await req.json());
  return { queued: pending.length };
}
app.post('/orders', createOrder);
export const handler = async (event: unknown, context: Context) => app.resolve(event, context);
`,
    },
    leaks: [['pending.push(', 'growth']],
  },
  {
    group: 'powertools',
    name: 'a namespace import of the HTTP router: the order goes to a client made at module scope',
    lint: 'src/orders.ts',
    files: {
      'src/orders.ts': `import * as events from '@aws-lambda-powertools/event-handler/http';
import type { Context } from 'aws-lambda';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const app = new events.Router();
const sqs = new SQSClient({});
async function createOrder({ req }: { req: Request }) {
  await sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE, MessageBody: await req.text() }));
  return { queued: true };
}
app.post('/orders', createOrder);
export const handler = async (event: unknown, context: Context) => app.resolve(event, context);
`,
    },
    leaks: [],
  },
  {
    group: 'powertools',
    name: 'AppSync onQuery with a function declared elsewhere caching by the argument',
    lint: 'src/graphql.ts',
    files: {
      'src/graphql.ts': `import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';
import type { Context } from 'aws-lambda';
const resolver = new AppSyncGraphQLResolver();
const postsById: Record<string, { id: string }> = {};
function fetchPost({ id }: { id: string }) {
  postsById[id] = { id };
  return postsById[id];
}
resolver.onQuery<{ id: string }>('getPost', fetchPost);
export const handler = (event: unknown, context: Context) => resolver.resolve(event, context);
`,
    },
    leaks: [['postsById[id] =', 'cache']],
  },
  {
    group: 'powertools',
    name: 'AppSync onQuery with a function declared elsewhere: the post built per request',
    lint: 'src/graphql.ts',
    files: {
      'src/graphql.ts': `import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';
import type { Context } from 'aws-lambda';
const resolver = new AppSyncGraphQLResolver();
function fetchPost({ id }: { id: string }) {
  const postsById: Record<string, { id: string }> = {};
  postsById[id] = { id };
  return postsById[id];
}
resolver.onQuery<{ id: string }>('getPost', fetchPost);
export const handler = (event: unknown, context: Context) => resolver.resolve(event, context);
`,
    },
    leaks: [],
  },
  {
    group: 'powertools',
    name: 'AppSync resolver methods registered with decorators on a class',
    lint: 'src/resolvers.ts',
    files: {
      'src/resolvers.ts': `import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';
import type { Context } from 'aws-lambda';
const app = new AppSyncGraphQLResolver();
let lastAuthor = '';
class Lambda {
  @app.onMutation('createPost')
  async createPost({ author }: { author: string }) {
    lastAuthor = author;
    return { author };
  }
  async handler(event: unknown, context: Context) {
    return app.resolve(event, context, { scope: this });
  }
}
const lambda = new Lambda();
export const handler = lambda.handler.bind(lambda);
`,
    },
    leaks: [['lastAuthor = author', 'data']],
  },
  {
    group: 'powertools',
    name: 'AppSync resolver methods registered with decorators: the author returned, nothing kept',
    lint: 'src/resolvers.ts',
    files: {
      'src/resolvers.ts': `import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';
import type { Context } from 'aws-lambda';
const app = new AppSyncGraphQLResolver();
class Lambda {
  @app.onMutation('createPost')
  async createPost({ author }: { author: string }) {
    const lastAuthor = author;
    return { author: lastAuthor };
  }
  async handler(event: unknown, context: Context) {
    return app.resolve(event, context, { scope: this });
  }
}
const lambda = new Lambda();
export const handler = lambda.handler.bind(lambda);
`,
    },
    leaks: [],
  },
  {
    group: 'powertools',
    name: 'a sub-router in its own module, its middleware recording the caller',
    lint: 'src/routes/users.ts',
    files: {
      'src/routes/users.ts': `import { Router } from '@aws-lambda-powertools/event-handler/http';
export const users = new Router();
let lastCaller: string | undefined;
users.use(async ({ reqCtx, next }) => {
  lastCaller = reqCtx.req.headers.get('x-caller') ?? undefined;
  await next();
});
users.get('/users', async () => ({ users: [] }));
`,
      'src/index.ts': `import { Router } from '@aws-lambda-powertools/event-handler/http';
import { users } from './routes/users.js';
const app = new Router();
app.includeRouter(users, { prefix: '/v1' });
export const handler = async (event: unknown, context: unknown) => app.resolve(event, context);
`,
    },
    leaks: [["lastCaller = reqCtx.req.headers.get('x-caller')", 'data']],
  },
  {
    group: 'powertools',
    name: 'a sub-router in its own module: its middleware passes the caller on the request context',
    lint: 'src/routes/users.ts',
    files: {
      'src/routes/users.ts': `import { Router } from '@aws-lambda-powertools/event-handler/http';
export const users = new Router();
users.use(async ({ reqCtx, next }) => {
  reqCtx.res.headers.set('x-caller', reqCtx.req.headers.get('x-caller') ?? '');
  await next();
});
users.get('/users', async () => ({ users: [] }));
`,
      'src/index.ts': `import { Router } from '@aws-lambda-powertools/event-handler/http';
import { users } from './routes/users.js';
const app = new Router();
app.includeRouter(users, { prefix: '/v1' });
export const handler = async (event: unknown, context: unknown) => app.resolve(event, context);
`,
    },
    leaks: [],
  },
  // ------------------------------------------------------------------------------------------- lambda-api
  {
    group: 'lambda-api',
    name: 'an ESM default import of lambda-api with a route function declared below',
    lint: 'src/api.mjs',
    files: {
      'src/api.mjs': `import createAPI from 'lambda-api';
const api = createAPI({ version: 'v1.0' });
const lookups = [];
api.get('/users/:id', getUser);
export const handler = async (event, context) => api.run(event, context);
async function getUser(req, res) {
  lookups.push(req.params.id);
  return { id: req.params.id };
}
`,
    },
    leaks: [['lookups.push(', 'growth']],
  },
  {
    group: 'lambda-api',
    name: 'an ESM default import of lambda-api: the lookups kept on the request',
    lint: 'src/api.mjs',
    files: {
      'src/api.mjs': `import createAPI from 'lambda-api';
const api = createAPI({ version: 'v1.0' });
api.get('/users/:id', getUser);
export const handler = async (event, context) => api.run(event, context);
async function getUser(req, res) {
  const lookups = [];
  lookups.push(req.params.id);
  return { id: req.params.id, lookups };
}
`,
    },
    leaks: [],
  },
  {
    group: 'lambda-api',
    name: 'a lambda-api route module registered with a prefix, written (api, opts)',
    lint: 'src/routes/orders.cjs',
    files: {
      'src/routes/orders.cjs': `const totals = {};
module.exports = (api, opts) => {
  api.post('/', async (req, res) => {
    totals[req.body.customer] = (totals[req.body.customer] || 0) + req.body.amount;
    res.json({ ok: true });
  });
};
`,
      'src/index.cjs': `const api = require('lambda-api')();
api.register(require('./routes/orders.cjs'), { prefix: '/orders' });
exports.handler = async (event, context) => api.run(event, context);
`,
    },
    leaks: [['totals[req.body.customer] =', 'cache']],
  },
  {
    group: 'lambda-api',
    name: 'a lambda-api route module registered with a prefix: the totals per request',
    lint: 'src/routes/orders.cjs',
    files: {
      'src/routes/orders.cjs': `module.exports = (api, opts) => {
  api.post('/', async (req, res) => {
    const totals = {};
    totals[req.body.customer] = (totals[req.body.customer] || 0) + req.body.amount;
    res.json(totals);
  });
};
`,
      'src/index.cjs': `const api = require('lambda-api')();
api.register(require('./routes/orders.cjs'), { prefix: '/orders' });
exports.handler = async (event, context) => api.run(event, context);
`,
    },
    leaks: [],
  },
  {
    group: 'lambda-api',
    name: 'lambda-api middleware records the user of the last request',
    lint: 'src/app.cjs',
    files: {
      'src/app.cjs': `const lambdaApi = require('lambda-api');
const app = lambdaApi({ logger: false });
let currentUser = null;
app.use((req, res, next) => {
  currentUser = req.headers['x-user'];
  next();
});
app.get('/me', (req, res) => ({ user: currentUser }));
module.exports.handler = (event, context) => app.run(event, context);
`,
    },
    leaks: [["currentUser = req.headers['x-user']", 'data']],
  },
  {
    group: 'lambda-api',
    name: 'lambda-api middleware keeps the user on the request',
    lint: 'src/app.cjs',
    files: {
      'src/app.cjs': `const lambdaApi = require('lambda-api');
const app = lambdaApi({ logger: false });
app.use((req, res, next) => {
  req.currentUser = req.headers['x-user'];
  next();
});
app.get('/me', (req, res) => ({ user: req.currentUser }));
module.exports.handler = (event, context) => app.run(event, context);
`,
    },
    leaks: [],
  },
  {
    group: 'lambda-api',
    name: 'lambda-api METHOD() with several verbs in TypeScript, a counter in module scope',
    lint: 'src/handler.ts',
    files: {
      'src/handler.ts': `import API, { type Request, type Response } from 'lambda-api';
const api = API();
let served = 0;
api.METHOD(['GET', 'POST'], '/ping', async (req: Request, res: Response) => {
  served = served + 1;
  return { served };
});
export async function handler(event: unknown, context: unknown) {
  return api.run(event as never, context as never);
}
`,
    },
    leaks: [['served = served + 1', 'write']],
  },
  {
    group: 'lambda-api',
    name: 'lambda-api METHOD() with several verbs: a config read lazily once',
    lint: 'src/handler.ts',
    files: {
      'src/handler.ts': `import API, { type Request, type Response } from 'lambda-api';
import { loadConfig } from './config.js';
const api = API();
let config: { name: string } | undefined;
api.METHOD(['GET', 'POST'], '/ping', async (req: Request, res: Response) => {
  if (!config) config = await loadConfig();
  return { name: config.name };
});
export async function handler(event: unknown, context: unknown) {
  return api.run(event as never, context as never);
}
`,
      'src/config.ts': `export async function loadConfig() { return { name: 'x' }; }
`,
    },
    leaks: [],
  },
  // --------------------------------------------------------------------------------------- @middy/http-router
  {
    group: 'middy-router',
    name: 'middy http-router: route handlers that are middy chains themselves',
    lint: 'src/router.ts',
    files: {
      'src/router.ts': `import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
const visits: string[] = [];
const getUser = middy().handler(async (event: { pathParameters: { id: string } }) => {
  visits.push(event.pathParameters.id);
  return { statusCode: 200, body: '' };
});
const routes = [{ method: 'GET' as const, path: '/user/{id}', handler: getUser }];
export const handler = middy().handler(httpRouterHandler(routes));
`,
    },
    leaks: [['visits.push(', 'growth']],
  },
  {
    group: 'middy-router',
    name: 'middy http-router: route handlers that are middy chains, per-request list',
    lint: 'src/router.ts',
    files: {
      'src/router.ts': `import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
const getUser = middy().handler(async (event: { pathParameters: { id: string } }) => {
  const visits: string[] = [];
  visits.push(event.pathParameters.id);
  return { statusCode: 200, body: visits.join(',') };
});
const routes = [{ method: 'GET' as const, path: '/user/{id}', handler: getUser }];
export const handler = middy().handler(httpRouterHandler(routes));
`,
    },
    leaks: [],
  },
  {
    group: 'middy-router',
    name: 'middy http-router with the v5 options object and routes pushed one by one',
    lint: 'src/api.mjs',
    files: {
      'src/api.mjs': `import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
const carts = new Map();
const routes = [];
routes.push({
  method: 'POST',
  path: '/cart/{user}',
  handler: async (event) => {
    carts.set(event.pathParameters.user, JSON.parse(event.body));
    return { statusCode: 204 };
  },
});
export const handler = middy().handler(httpRouterHandler({ routes, notFound: () => ({ statusCode: 404 }) }));
`,
    },
    leaks: [['carts.set(', 'cache']],
  },
  {
    group: 'middy-router',
    name: 'middy http-router with routes pushed one by one: the cart written to a table client',
    lint: 'src/api.mjs',
    files: {
      'src/api.mjs': `import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const db = new DynamoDBClient({});
const routes = [];
routes.push({
  method: 'POST',
  path: '/cart/{user}',
  handler: async (event) => {
    await db.send(new PutItemCommand({ TableName: 'carts', Item: { user: { S: event.pathParameters.user } } }));
    return { statusCode: 204 };
  },
});
export const handler = middy().handler(httpRouterHandler({ routes, notFound: () => ({ statusCode: 404 }) }));
`,
    },
    leaks: [],
  },
  {
    group: 'middy-router',
    name: 'middy http-router, CommonJS, handlers declared as functions, the route path by a template',
    lint: 'src/index.cjs',
    files: {
      'src/index.cjs': `const middy = require('@middy/core');
const httpRouterHandler = require('@middy/http-router');
let lastBody;
async function saveNote(event) {
  lastBody = event.body;
  return { statusCode: 201 };
}
async function listNotes() {
  return { statusCode: 200, body: '[]' };
}
const routes = [
  { method: 'POST', path: \`/notes\`, handler: saveNote },
  { method: 'GET', path: '/notes', handler: listNotes },
];
module.exports.handler = middy().handler(httpRouterHandler(routes));
`,
    },
    leaks: [['lastBody = event.body', 'data']],
  },
  {
    group: 'middy-router',
    name: 'middy http-router, CommonJS, handlers declared as functions: the body parsed per request',
    lint: 'src/index.cjs',
    files: {
      'src/index.cjs': `const middy = require('@middy/core');
const httpRouterHandler = require('@middy/http-router');
async function saveNote(event) {
  const lastBody = event.body;
  return { statusCode: 201, body: lastBody };
}
async function listNotes() {
  return { statusCode: 200, body: '[]' };
}
const routes = [
  { method: 'POST', path: \`/notes\`, handler: saveNote },
  { method: 'GET', path: '/notes', handler: listNotes },
];
module.exports.handler = middy().handler(httpRouterHandler(routes));
`,
    },
    leaks: [],
  },
  {
    group: 'middy-router',
    name: 'middy http-router routes in their own module, the handler module linted',
    lint: 'src/routes.mjs',
    files: {
      'src/routes.mjs': `const audit = [];
export const routes = [
  {
    method: 'DELETE',
    path: '/items/{id}',
    handler: async (event) => {
      audit.push(event.pathParameters.id);
      return { statusCode: 204 };
    },
  },
];
`,
      'src/index.mjs': `import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { routes } from './routes.mjs';
export const handler = middy().handler(httpRouterHandler(routes));
`,
    },
    leaks: [['audit.push(', 'growth']],
  },
  {
    group: 'middy-router',
    name: 'middy http-router routes in their own module: a logger made at module scope',
    lint: 'src/routes.mjs',
    files: {
      'src/routes.mjs': `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger();
export const routes = [
  {
    method: 'DELETE',
    path: '/items/{id}',
    handler: async (event) => {
      logger.info('deleted', { id: event.pathParameters.id });
      return { statusCode: 204 };
    },
  },
];
`,
      'src/index.mjs': `import middy from '@middy/core';
import httpRouterHandler from '@middy/http-router';
import { routes } from './routes.mjs';
export const handler = middy().handler(httpRouterHandler(routes));
`,
    },
    leaks: [],
  },
  // ----------------------------------------------------------------------------- GraphQL resolver maps
  {
    group: 'graphql',
    name: 'a resolver map exported under its own name and merged into the server in another file',
    lint: 'src/resolvers/user.ts',
    files: {
      'package.json': withDeps('@apollo/server', 'graphql'),
      'src/resolvers/user.ts': `const sessions: string[] = [];
export const userResolvers = {
  Mutation: {
    login: async (_parent: unknown, { name }: { name: string }) => {
      sessions.push(name);
      return true;
    },
  },
};
`,
      'src/server.ts': `import { ApolloServer } from '@apollo/server';
import { userResolvers } from './resolvers/user.js';
const typeDefs = 'type Mutation { login(name: String!): Boolean }';
export const server = new ApolloServer({ typeDefs, resolvers: [userResolvers] });
`,
    },
    leaks: [['sessions.push(', 'growth']],
  },
  {
    group: 'graphql',
    name: 'a resolver map exported under its own name: the session goes to the context store',
    lint: 'src/resolvers/user.ts',
    files: {
      'package.json': withDeps('@apollo/server', 'graphql'),
      'src/resolvers/user.ts': `export const userResolvers = {
  Mutation: {
    login: async (_parent: unknown, { name }: { name: string }, ctx: { sessions: string[] }) => {
      ctx.sessions.push(name);
      return true;
    },
  },
};
`,
      'src/server.ts': `import { ApolloServer } from '@apollo/server';
import { userResolvers } from './resolvers/user.js';
const typeDefs = 'type Mutation { login(name: String!): Boolean }';
export const server = new ApolloServer({ typeDefs, resolvers: [userResolvers] });
`,
    },
    leaks: [],
  },
  {
    group: 'graphql',
    name: 'a rootValue that is a class instance whose methods resolve fields',
    lint: 'src/app.mjs',
    files: {
      'src/app.mjs': `import { createHandler } from 'graphql-http/lib/use/express';
import express from 'express';
import { schema } from './schema.mjs';
const guestbook = [];
class Root {
  sign({ name }) {
    guestbook.push(name);
    return guestbook.length;
  }
}
const app = express();
app.all('/graphql', createHandler({ schema, rootValue: new Root() }));
app.listen(4000);
`,
      'src/schema.mjs': `export const schema = {};
`,
    },
    leaks: [['guestbook.push(', 'growth']],
  },
  {
    group: 'graphql',
    name: 'a rootValue that is a class instance: the guestbook is a database client',
    lint: 'src/app.mjs',
    files: {
      'src/app.mjs': `import { createHandler } from 'graphql-http/lib/use/express';
import express from 'express';
import { schema } from './schema.mjs';
import { db } from './db.mjs';
class Root {
  async sign({ name }) {
    await db.insert('guestbook', { name });
    return 1;
  }
}
const app = express();
app.all('/graphql', createHandler({ schema, rootValue: new Root() }));
app.listen(4000);
`,
      'src/schema.mjs': `export const schema = {};
`,
      'src/db.mjs': `export const db = { insert: async () => {} };
`,
    },
    leaks: [],
  },
  {
    group: 'graphql',
    name: 'mercurius registered by an inline require with a resolver map in a variable',
    lint: 'server.cjs',
    files: {
      'server.cjs': `const Fastify = require('fastify');
const app = Fastify();
let lastQuery = null;
const resolvers = {
  Query: {
    search: async (_, { term }) => {
      lastQuery = term;
      return [];
    },
  },
};
app.register(require('mercurius'), { schema: 'type Query { search(term: String): [String] }', resolvers });
app.listen({ port: 3000 });
`,
    },
    leaks: [['lastQuery = term', 'data']],
  },
  {
    group: 'graphql',
    name: 'mercurius registered by an inline require: the term searched per request',
    lint: 'server.cjs',
    files: {
      'server.cjs': `const Fastify = require('fastify');
const app = Fastify();
const resolvers = {
  Query: {
    search: async (_, { term }, { app: instance }) => {
      instance.log.info(term);
      return [];
    },
  },
};
app.register(require('mercurius'), { schema: 'type Query { search(term: String): [String] }', resolvers });
app.listen({ port: 3000 });
`,
    },
    leaks: [],
  },
  {
    group: 'graphql',
    name: 'a resolver map module whose types are built as separate constants and exported as default',
    lint: 'graphql/resolvers.js',
    files: {
      'package.json': withDeps('graphql-yoga', 'graphql'),
      'graphql/resolvers.js': `const likes = {};
const Mutation = {
  like(_root, args) {
    likes[args.postId] = (likes[args.postId] ?? 0) + 1;
    return likes[args.postId];
  },
};
const Query = { likes: (_root, args) => likes[args.postId] ?? 0 };
export default { Query, Mutation };
`,
    },
    leaks: [['likes[args.postId] =', 'cache']],
  },
  {
    group: 'graphql',
    name: 'a resolver map module with separate constants: the likes counted by the data source',
    lint: 'graphql/resolvers.js',
    files: {
      'package.json': withDeps('graphql-yoga', 'graphql'),
      'graphql/resolvers.js': `const Mutation = {
  like(_root, args, { dataSources }) {
    return dataSources.posts.like(args.postId);
  },
};
const Query = { likes: (_root, args, { dataSources }) => dataSources.posts.likes(args.postId) };
export default { Query, Mutation };
`,
    },
    leaks: [],
  },
  // ------------------------------------------------------------------------------------------ route modules
  {
    group: 'route-module',
    name: 'module.exports = function (router) with (request, response) callbacks',
    lint: 'routes/auth.js',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'routes/auth.js': `let lastLogin = null;
module.exports = function (router) {
  router.post('/login', async function (request, response) {
    lastLogin = request.body.username;
    response.json({ ok: true });
  });
};
`,
    },
    leaks: [['lastLogin = request.body.username', 'data']],
  },
  {
    group: 'route-module',
    name: 'module.exports = function (router) with (request, response) callbacks: the login kept on the session',
    lint: 'routes/auth.js',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'routes/auth.js': `module.exports = function (router) {
  router.post('/login', async function (request, response) {
    request.session.lastLogin = request.body.username;
    response.json({ ok: true });
  });
};
`,
    },
    leaks: [],
  },
  {
    group: 'route-module',
    name: 'export default (app) => app.route(path).get(…).post(…) chains on the received app',
    lint: 'src/routes/todos.mjs',
    files: {
      'src/routes/todos.mjs': `const todos = [];
export default (app) => {
  app
    .route('/todos')
    .get((req, res) => res.json(todos))
    .post((req, res) => {
      todos.push(req.body);
      res.status(201).end();
    });
};
`,
    },
    leaks: [['todos.push(', 'growth']],
  },
  {
    group: 'route-module',
    name: 'export default (app) => app.route(path) chains: the todos go to a repository client',
    lint: 'src/routes/todos.mjs',
    files: {
      'src/routes/todos.mjs': `import { repo } from '../repo.mjs';
export default (app) => {
  app
    .route('/todos')
    .get(async (req, res) => res.json(await repo.list()))
    .post(async (req, res) => {
      await repo.add(req.body);
      res.status(201).end();
    });
};
`,
      'src/repo.mjs': `export const repo = { list: async () => [], add: async () => {} };
`,
    },
    leaks: [],
  },
  {
    group: 'route-module',
    name: 'an untyped fastify plugin exported as default, (request, reply) route callbacks',
    lint: 'src/routes/metrics.js',
    files: {
      'src/routes/metrics.js': `const byRoute = {};
export default async function metricsRoutes(fastify, opts) {
  fastify.get('/metrics/:name', async (request, reply) => {
    byRoute[request.params.name] = (byRoute[request.params.name] ?? 0) + 1;
    return reply.send({ ok: true });
  });
}
`,
      'src/app.js': `import Fastify from 'fastify';
import metricsRoutes from './routes/metrics.js';
const app = Fastify();
app.register(metricsRoutes, { prefix: '/v1' });
`,
    },
    leaks: [['byRoute[request.params.name] =', 'cache']],
  },
  {
    group: 'route-module',
    name: 'an untyped fastify plugin exported as default: counts go to a metrics client',
    lint: 'src/routes/metrics.js',
    files: {
      'src/routes/metrics.js': `import { Counter } from 'prom-client';
const hits = new Counter({ name: 'hits', help: 'hits', labelNames: ['route'] });
export default async function metricsRoutes(fastify, opts) {
  fastify.get('/metrics/:name', async (request, reply) => {
    hits.inc({ route: request.params.name });
    return reply.send({ ok: true });
  });
}
`,
      'src/app.js': `import Fastify from 'fastify';
import metricsRoutes from './routes/metrics.js';
const app = Fastify();
app.register(metricsRoutes, { prefix: '/v1' });
`,
    },
    leaks: [],
  },
  {
    group: 'route-module',
    name: 'a route module whose callbacks are named functions, mounted by require(…)(app) on an express app',
    lint: 'src/routes/items.cjs',
    files: {
      'src/routes/items.cjs': `const recentlyViewed = [];
function show(rq, rs) {
  recentlyViewed.push(rq.params.id);
  rs.json({ id: rq.params.id });
}
module.exports = (app) => {
  app.get('/items/:id', show);
};
`,
      'src/server.cjs': `const express = require('express');
const app = express();
require('./routes/items.cjs')(app);
app.listen(3000);
`,
    },
    leaks: [['recentlyViewed.push(', 'growth']],
  },
  {
    group: 'route-module',
    name: 'a route module mounted by require(…)(app): the item viewed per request',
    lint: 'src/routes/items.cjs',
    files: {
      'src/routes/items.cjs': `function show(rq, rs) {
  const recentlyViewed = [];
  recentlyViewed.push(rq.params.id);
  rs.json({ id: rq.params.id, recentlyViewed });
}
module.exports = (app) => {
  app.get('/items/:id', show);
};
`,
      'src/server.cjs': `const express = require('express');
const app = express();
require('./routes/items.cjs')(app);
app.listen(3000);
`,
    },
    leaks: [],
  },
  {
    group: 'route-module',
    name: 'nested routers: a sub-router mounted with router.use(path, sub) in a route module',
    lint: 'src/routes/index.mjs',
    files: {
      'src/routes/index.mjs': `import { Router } from 'express';
const audit = [];
export function mount(app) {
  const admin = Router();
  admin.delete('/users/:id', (req, res) => {
    audit.push({ who: req.user, what: req.params.id });
    res.sendStatus(204);
  });
  app.use('/admin', admin);
}
`,
    },
    leaks: [['audit.push(', 'growth']],
  },
  {
    group: 'route-module',
    name: 'nested routers mounted in a route module: the audit entry is logged',
    lint: 'src/routes/index.mjs',
    files: {
      'src/routes/index.mjs': `import { Router } from 'express';
import pino from 'pino';
const log = pino();
export function mount(app) {
  const admin = Router();
  admin.delete('/users/:id', (req, res) => {
    log.info({ who: req.user, what: req.params.id });
    res.sendStatus(204);
  });
  app.use('/admin', admin);
}
`,
    },
    leaks: [],
  },
  // ---------------------------------------------------------------------------------------------- socket.io
  {
    group: 'socket.io',
    name: 'a namespace kept in a variable with a named connection function',
    lint: 'src/chat.ts',
    files: {
      'src/chat.ts': `import { Server, type Socket } from 'socket.io';
const io = new Server(3000);
const rooms = new Set<string>();
const chat = io.of('/chat');
function onConnect(socket: Socket) {
  socket.on('join', (room: string) => {
    rooms.add(room);
    socket.join(room);
  });
}
chat.on('connection', onConnect);
`,
    },
    leaks: [['rooms.add(', 'growth']],
  },
  {
    group: 'socket.io',
    name: 'a namespace kept in a variable: the rooms are the adapter’s, nothing kept here',
    lint: 'src/chat.ts',
    files: {
      'src/chat.ts': `import { Server, type Socket } from 'socket.io';
const io = new Server(3000);
const chat = io.of('/chat');
function onConnect(socket: Socket) {
  socket.on('join', (room: string) => {
    socket.join(room);
    socket.data.room = room;
  });
}
chat.on('connection', onConnect);
`,
    },
    leaks: [],
  },
  {
    group: 'socket.io',
    name: 'socket.onAny records every event name in module state',
    lint: 'src/io.mjs',
    files: {
      'src/io.mjs': `import { createServer } from 'node:http';
import { Server } from 'socket.io';
const httpServer = createServer();
const io = new Server(httpServer);
const eventLog = [];
io.on('connection', (socket) => {
  socket.onAny((event, ...args) => {
    eventLog.push({ event, args });
  });
});
httpServer.listen(3000);
`,
    },
    leaks: [['eventLog.push(', 'growth']],
  },
  {
    group: 'socket.io',
    name: 'socket.onAny: the event is logged with a module-scope logger',
    lint: 'src/io.mjs',
    files: {
      'src/io.mjs': `import { createServer } from 'node:http';
import { Server } from 'socket.io';
const httpServer = createServer();
const io = new Server(httpServer);
const logger = console;
io.on('connection', (socket) => {
  socket.onAny((event, ...args) => {
    logger.debug({ event, args });
  });
});
httpServer.listen(3000);
`,
    },
    leaks: [],
  },
  {
    group: 'socket.io',
    name: 'a handler module written (io, socket) => { socket.on(…) } as the socket.io docs suggest',
    lint: 'src/handlers/order.cjs',
    files: {
      'src/handlers/order.cjs': `const orders = [];
module.exports = (io, socket) => {
  const createOrder = (payload) => {
    orders.push(payload);
    io.emit('order:created', payload);
  };
  socket.on('order:create', createOrder);
};
`,
      'src/index.cjs': `const { Server } = require('socket.io');
const io = new Server(3000);
const registerOrderHandlers = require('./handlers/order.cjs');
io.on('connection', (socket) => registerOrderHandlers(io, socket));
`,
    },
    leaks: [['orders.push(', 'growth']],
  },
  {
    group: 'socket.io',
    name: 'a handler module written (io, socket): the order goes to a queue client',
    lint: 'src/handlers/order.cjs',
    files: {
      'src/handlers/order.cjs': `const queue = require('../queue.cjs');
module.exports = (io, socket) => {
  const createOrder = async (payload) => {
    await queue.publish('orders', payload);
    io.emit('order:created', payload);
  };
  socket.on('order:create', createOrder);
};
`,
      'src/queue.cjs': `module.exports = { publish: async () => {} };
`,
      'src/index.cjs': `const { Server } = require('socket.io');
const io = new Server(3000);
const registerOrderHandlers = require('./handlers/order.cjs');
io.on('connection', (socket) => registerOrderHandlers(io, socket));
`,
    },
    leaks: [],
  },
  {
    group: 'socket.io',
    name: 'socket.io attached by a default CJS require to an express server, a per-user registry',
    lint: 'server.js',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'server.js': `const express = require('express');
const http = require('http');
const app = express();
const server = http.createServer(app);
const io = require('socket.io')(server, { cors: { origin: '*' } });
const online = {};
io.sockets.on('connection', function (socket) {
  socket.on('hello', function (data) {
    online[data.user] = data.status;
  });
});
server.listen(3000);
`,
    },
    leaks: [['online[data.user] =', 'cache']],
  },
  {
    group: 'socket.io',
    name: 'socket.io attached by a default CJS require: the user kept on its own socket',
    lint: 'server.js',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'server.js': `const express = require('express');
const http = require('http');
const app = express();
const server = http.createServer(app);
const io = require('socket.io')(server, { cors: { origin: '*' } });
const online = {};
io.sockets.on('connection', function (socket) {
  socket.on('hello', function (data) {
    socket.user = data.user;
    socket.emit('status', data.status);
  });
});
server.listen(3000);
`,
    },
    leaks: [],
  },
  // ------------------------------------------------------------------------------------------------------ ws
  {
    group: 'ws',
    name: 'wss.on(connection, ws => ws.on(message, …)) with a default import of ws',
    lint: 'src/feed.mjs',
    files: {
      'src/feed.mjs': `import WebSocket from 'ws';
const wss = new WebSocket.Server({ port: 8080 });
const backlog = [];
wss.on('connection', (ws) => ws.on('message', (raw) => backlog.push(raw.toString())));
`,
    },
    leaks: [['backlog.push(', 'growth']],
  },
  {
    group: 'ws',
    name: 'wss.on(connection, ws => ws.on(message, …)) with a default import: broadcast, nothing kept',
    lint: 'src/feed.mjs',
    files: {
      'src/feed.mjs': `import WebSocket from 'ws';
const wss = new WebSocket.Server({ port: 8080 });
wss.on('connection', (ws) =>
  ws.on('message', (raw) => {
    for (const client of wss.clients) client.send(raw.toString());
  }),
);
`,
    },
    leaks: [],
  },
  {
    group: 'ws',
    name: 'ws message listeners added with addEventListener',
    lint: 'src/live.ts',
    files: {
      'src/live.ts': `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ noServer: true });
let lastPayload: unknown = null;
wss.on('connection', (socket) => {
  socket.addEventListener('message', (event) => {
    lastPayload = JSON.parse(String(event.data));
  });
});
export { wss };
`,
    },
    leaks: [['lastPayload = JSON.parse(', 'data']],
  },
  {
    group: 'ws',
    name: 'ws message listeners added with addEventListener: the payload answered per message',
    lint: 'src/live.ts',
    files: {
      'src/live.ts': `import { WebSocketServer } from 'ws';
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (socket) => {
  socket.addEventListener('message', (event) => {
    const lastPayload = JSON.parse(String(event.data));
    socket.send(JSON.stringify(lastPayload));
  });
});
export { wss };
`,
    },
    leaks: [],
  },
  {
    group: 'ws',
    name: 'ws onmessage assigned on the connection, the client keyed by the upgrade request',
    lint: 'src/ws.cjs',
    files: {
      'src/ws.cjs': `const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 9000 });
const lastMessageByIp = new Map();
wss.on('connection', function connection(ws, req) {
  const ip = req.socket.remoteAddress;
  ws.onmessage = (event) => {
    lastMessageByIp.set(ip, event.data);
  };
});
`,
    },
    leaks: [['lastMessageByIp.set(', 'cache']],
  },
  {
    group: 'ws',
    name: 'ws onmessage assigned on the connection: the last message kept per connection',
    lint: 'src/ws.cjs',
    files: {
      'src/ws.cjs': `const { WebSocketServer } = require('ws');
const wss = new WebSocketServer({ port: 9000 });
wss.on('connection', function connection(ws, req) {
  const ip = req.socket.remoteAddress;
  let last = null;
  ws.onmessage = (event) => {
    last = event.data;
    ws.send(String(ip) + ':' + String(last));
  };
});
`,
    },
    leaks: [],
  },
  {
    group: 'ws',
    name: 'a connection function declared below with ws.once and a counter',
    lint: 'src/socket.ts',
    files: {
      'src/socket.ts': `import * as ws from 'ws';
import type { IncomingMessage } from 'node:http';
const server = new ws.WebSocketServer({ port: 7000 });
let handshakes = 0;
server.on('connection', handleConnection);
function handleConnection(socket: ws.WebSocket, request: IncomingMessage) {
  socket.once('message', () => {
    handshakes++;
  });
}
`,
    },
    leaks: [['handshakes++', 'write']],
  },
  {
    group: 'ws',
    name: 'a connection function declared below with ws.once: a per-connection counter',
    lint: 'src/socket.ts',
    files: {
      'src/socket.ts': `import * as ws from 'ws';
import type { IncomingMessage } from 'node:http';
const server = new ws.WebSocketServer({ port: 7000 });
server.on('connection', handleConnection);
function handleConnection(socket: ws.WebSocket, request: IncomingMessage) {
  let handshakes = 0;
  socket.once('message', () => {
    handshakes++;
    socket.send(String(handshakes));
  });
}
`,
    },
    leaks: [],
  },
  // ----------------------------------------------------------------------------------- in-house route tables
  {
    group: 'route-table',
    name: 'an exported, typed route table with `url` and `handle` keys',
    lint: 'src/routes.ts',
    files: {
      'src/routes.ts': `import type { Route } from './router.js';
const hits: string[] = [];
export const routes: Route[] = [
  {
    method: 'POST',
    url: '/hits',
    handle: async (req: { body: string }) => {
      hits.push(req.body);
      return { status: 204 };
    },
  },
];
`,
      'src/router.ts': `export interface Route { method: string; url: string; handle: (req: { body: string }) => unknown }
`,
    },
    leaks: [['hits.push(', 'growth']],
  },
  {
    group: 'route-table',
    name: 'an exported, typed route table: the hit goes to a client made at module scope',
    lint: 'src/routes.ts',
    files: {
      'src/routes.ts': `import type { Route } from './router.js';
import { redis } from './redis.js';
export const routes: Route[] = [
  {
    method: 'POST',
    url: '/hits',
    handle: async (req: { body: string }) => {
      await redis.lpush('hits', req.body);
      return { status: 204 };
    },
  },
];
`,
      'src/router.ts': `export interface Route { method: string; url: string; handle: (req: { body: string }) => unknown }
`,
      'src/redis.ts': `export const redis = { lpush: async (_k: string, _v: string) => 1 };
`,
    },
    leaks: [],
  },
  {
    group: 'route-table',
    name: "a 'METHOD /path' keyed table whose values are route objects with a handler",
    lint: 'src/table.mjs',
    files: {
      'src/table.mjs': `import { createRouter } from './router.mjs';
let lastToken = null;
const table = {
  'POST /session': { auth: false, handler: async (req) => { lastToken = req.headers.authorization; return 201; } },
  'GET /health': { auth: false, handler: async () => 200 },
};
export const router = createRouter(table);
`,
      'src/router.mjs': `export function createRouter(table) { return table; }
`,
    },
    leaks: [['lastToken = req.headers.authorization', 'data']],
  },
  {
    group: 'route-table',
    name: "a 'METHOD /path' keyed table of route objects: the token checked per request",
    lint: 'src/table.mjs',
    files: {
      'src/table.mjs': `import { createRouter } from './router.mjs';
const table = {
  'POST /session': { auth: false, handler: async (req) => { const token = req.headers.authorization; return token ? 201 : 401; } },
  'GET /health': { auth: false, handler: async () => 200 },
};
export const router = createRouter(table);
`,
      'src/router.mjs': `export function createRouter(table) { return table; }
`,
    },
    leaks: [],
  },
  {
    group: 'route-table',
    name: 'a table keyed by method and then by path, handed to a router factory',
    lint: 'src/api.js',
    files: {
      'src/api.js': `import { makeRouter } from './lib/router.js';
const cart = new Map();
const put = (req) => {
  cart.set(req.params.sku, req.body.qty);
  return { ok: true };
};
export const handler = makeRouter({
  GET: { '/cart': () => [...cart] },
  PUT: { '/cart/:sku': put },
});
`,
      'src/lib/router.js': `export function makeRouter(table) { return async (event) => table[event.httpMethod]; }
`,
    },
    leaks: [['cart.set(', 'cache']],
  },
  {
    group: 'route-table',
    name: 'a table keyed by method and then by path: the cart lives in the session store',
    lint: 'src/api.js',
    files: {
      'src/api.js': `import { makeRouter } from './lib/router.js';
const put = async (req) => {
  await req.session.cart.set(req.params.sku, req.body.qty);
  return { ok: true };
};
export const handler = makeRouter({
  GET: { '/cart': (req) => req.session.cart.all() },
  PUT: { '/cart/:sku': put },
});
`,
      'src/lib/router.js': `export function makeRouter(table) { return async (event) => table[event.httpMethod]; }
`,
    },
    leaks: [],
  },
  {
    group: 'route-table',
    name: 'a route table with lowercase methods registered on an express app in a forEach',
    lint: 'src/server.cjs',
    files: {
      'src/server.cjs': `const express = require('express');
const app = express();
const lastSearch = {};
const routes = [
  { method: 'get', path: '/search', handler: (req, res) => { lastSearch.q = req.query.q; res.json([]); } },
];
routes.forEach((r) => app[r.method](r.path, r.handler));
app.listen(3000);
`,
    },
    leaks: [['lastSearch.q = req.query.q', 'data']],
  },
  {
    group: 'route-table',
    name: 'a route table with lowercase methods registered in a forEach: the query answered per request',
    lint: 'src/server.cjs',
    files: {
      'src/server.cjs': `const express = require('express');
const app = express();
const routes = [
  { method: 'get', path: '/search', handler: (req, res) => { const lastSearch = { q: req.query.q }; res.json(lastSearch); } },
];
routes.forEach((r) => app[r.method](r.path, r.handler));
app.listen(3000);
`,
    },
    leaks: [],
  },
  // ---------------------------------------------------- functions that factories make (registered here)
  {
    group: 'factory-made',
    name: 'app.use(make(options)) where the factory returns a bound method of a class instance',
    lint: 'src/server.ts',
    files: {
      'src/server.ts': `import express, { type Request, type Response, type NextFunction } from 'express';
const app = express();
const blocked: string[] = [];
class Limiter {
  constructor(private readonly max: number) {}
  handle(req: Request, res: Response, next: NextFunction) {
    blocked.push(req.ip ?? '');
    next();
  }
}
function limiter(max: number) {
  const instance = new Limiter(max);
  return instance.handle.bind(instance);
}
app.use(limiter(100));
app.listen(3000);
`,
    },
    leaks: [['blocked.push(', 'growth']],
  },
  {
    group: 'factory-made',
    name: 'app.use(make(options)) returning a bound method: it reads only its own instance',
    lint: 'src/server.ts',
    files: {
      'src/server.ts': `import express, { type Request, type Response, type NextFunction } from 'express';
const app = express();
class Limiter {
  constructor(private readonly max: number) {}
  handle(req: Request, res: Response, next: NextFunction) {
    res.setHeader('x-limit', String(this.max));
    next();
  }
}
function limiter(max: number) {
  const instance = new Limiter(max);
  return instance.handle.bind(instance);
}
app.use(limiter(100));
app.listen(3000);
`,
    },
    leaks: [],
  },
  {
    group: 'factory-made',
    name: 'a curried factory applied to a route callback: cache(60)(fetchThing)',
    lint: 'src/app.mjs',
    files: {
      'src/app.mjs': `import express from 'express';
const app = express();
const responses = {};
const cache = (seconds) => (fn) => async (req, res) => {
  responses[req.originalUrl] = await fn(req);
  res.set('cache-control', 'max-age=' + seconds).json(responses[req.originalUrl]);
};
const fetchThing = async (req) => ({ id: req.params.id });
app.get('/things/:id', cache(60)(fetchThing));
app.listen(3000);
`,
    },
    leaks: [['responses[req.originalUrl] =', 'cache']],
  },
  {
    group: 'factory-made',
    name: 'a curried factory applied to a route callback: the response only sent',
    lint: 'src/app.mjs',
    files: {
      'src/app.mjs': `import express from 'express';
const app = express();
const cache = (seconds) => (fn) => async (req, res) => {
  const body = await fn(req);
  res.set('cache-control', 'max-age=' + seconds).json(body);
};
const fetchThing = async (req) => ({ id: req.params.id });
app.get('/things/:id', cache(60)(fetchThing));
app.listen(3000);
`,
    },
    leaks: [],
  },
  {
    group: 'factory-made',
    name: 'a Koa middleware factory in the same file, its product (ctx, next) registered with app.use',
    lint: 'src/index.js',
    files: {
      'src/index.js': `import Koa from 'koa';
const app = new Koa();
const paths = [];
function track({ prefix }) {
  return async function tracker(ctx, next) {
    paths.push(prefix + ctx.path);
    await next();
  };
}
app.use(track({ prefix: '/api' }));
app.listen(3000);
`,
    },
    leaks: [['paths.push(', 'growth']],
  },
  {
    group: 'factory-made',
    name: 'a Koa middleware factory in the same file: the path kept on ctx.state',
    lint: 'src/index.js',
    files: {
      'src/index.js': `import Koa from 'koa';
const app = new Koa();
function track({ prefix }) {
  return async function tracker(ctx, next) {
    ctx.state.path = prefix + ctx.path;
    await next();
  };
}
app.use(track({ prefix: '/api' }));
app.listen(3000);
`,
    },
    leaks: [],
  },
  {
    group: 'factory-made',
    name: 'export const handler = createHandler(config) where the factory returns an async arrow over event',
    lint: 'src/worker.ts',
    files: {
      'src/worker.ts': `interface Config { table: string }
const processed: string[] = [];
function createHandler(config: Config) {
  return async (event: { Records: Array<{ messageId: string }> }) => {
    for (const record of event.Records) processed.push(record.messageId);
    return { table: config.table };
  };
}
export const handler = createHandler({ table: process.env.TABLE ?? 'jobs' });
`,
    },
    leaks: [['processed.push(', 'growth']],
  },
  {
    group: 'factory-made',
    name: 'export const handler = createHandler(config): a client made once by the factory',
    lint: 'src/worker.ts',
    files: {
      'src/worker.ts': `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
interface Config { table: string }
function createHandler(config: Config) {
  const client = new DynamoDBClient({});
  return async (event: { Records: Array<{ messageId: string }> }) => {
    const processed: string[] = [];
    for (const record of event.Records) processed.push(record.messageId);
    return { table: config.table, client: typeof client, processed };
  };
}
export const handler = createHandler({ table: process.env.TABLE ?? 'jobs' });
`,
    },
    leaks: [],
  },
  // ------------------------------------------------------ exported factories that return handlers/middleware
  {
    group: 'exported-factory',
    name: 'module.exports = function session(options) returning a named (req, res, next) function',
    lint: 'lib/session.js',
    files: {
      'package.json': JSON.stringify({ name: 'lib' }),
      'lib/session.js': `var store = {};
module.exports = function session(options) {
  return function sessionMiddleware(req, res, next) {
    store[req.cookies[options.name]] = { seen: Date.now() };
    next();
  };
};
`,
    },
    leaks: [['store[req.cookies[options.name]] =', 'cache']],
  },
  {
    group: 'exported-factory',
    name: 'module.exports = function session(options): the session kept on the request',
    lint: 'lib/session.js',
    files: {
      'package.json': JSON.stringify({ name: 'lib' }),
      'lib/session.js': `module.exports = function session(options) {
  return function sessionMiddleware(req, res, next) {
    req.session = { id: req.cookies[options.name], seen: Date.now() };
    next();
  };
};
`,
    },
    leaks: [],
  },
  {
    group: 'exported-factory',
    name: 'an exported TypeScript factory whose return type is the aws-lambda Handler type',
    lint: 'src/make-handler.ts',
    files: {
      'src/make-handler.ts': `import type { APIGatewayProxyHandler } from 'aws-lambda';
const callers: string[] = [];
export function makeHandler(service: { name: string }): APIGatewayProxyHandler {
  return async (evt) => {
    callers.push(evt.requestContext.identity.sourceIp);
    return { statusCode: 200, body: service.name };
  };
}
`,
    },
    leaks: [['callers.push(', 'growth']],
  },
  {
    group: 'exported-factory',
    name: 'an exported TypeScript factory returning a typed Handler: the caller answered per request',
    lint: 'src/make-handler.ts',
    files: {
      'src/make-handler.ts': `import type { APIGatewayProxyHandler } from 'aws-lambda';
export function makeHandler(service: { name: string }): APIGatewayProxyHandler {
  return async (evt) => {
    const callers: string[] = [evt.requestContext.identity.sourceIp];
    return { statusCode: 200, body: service.name + callers.join(',') };
  };
}
`,
    },
    leaks: [],
  },
  {
    group: 'exported-factory',
    name: 'an exported factory returning an object whose `handler` is an (event, context) function',
    lint: 'src/lambda.mjs',
    files: {
      'src/lambda.mjs': `let lastRequestId;
export const createLambda = (deps) => ({
  handler: async (event, context) => {
    lastRequestId = context.awsRequestId;
    return deps.run(event);
  },
});
`,
    },
    leaks: [['lastRequestId = context.awsRequestId', 'data']],
  },
  {
    group: 'exported-factory',
    name: 'an exported factory returning an object with a handler: the id logged per request',
    lint: 'src/lambda.mjs',
    files: {
      'src/lambda.mjs': `export const createLambda = (deps) => ({
  handler: async (event, context) => {
    deps.logger.info({ requestId: context.awsRequestId });
    return deps.run(event);
  },
});
`,
    },
    leaks: [],
  },
  {
    group: 'exported-factory',
    name: 'an exported Koa-style middleware factory (options) => async (ctx, next)',
    lint: 'src/middleware/timing.ts',
    files: {
      'src/middleware/timing.ts': `import type { Context, Next } from 'koa';
const slowest: Record<string, number> = {};
export default function timing(options: { header: string }) {
  return async (ctx: Context, next: Next) => {
    const start = Date.now();
    await next();
    slowest[ctx.path] = Date.now() - start;
    ctx.set(options.header, String(slowest[ctx.path]));
  };
}
`,
    },
    leaks: [['slowest[ctx.path] =', 'cache']],
  },
  {
    group: 'exported-factory',
    name: 'an exported Koa-style middleware factory: the time set on the response',
    lint: 'src/middleware/timing.ts',
    files: {
      'src/middleware/timing.ts': `import type { Context, Next } from 'koa';
export default function timing(options: { header: string }) {
  return async (ctx: Context, next: Next) => {
    const start = Date.now();
    await next();
    ctx.set(options.header, String(Date.now() - start));
  };
}
`,
    },
    leaks: [],
  },
];

/** `line:rule` of each expected report, from the text it starts at in the linted file. */
function expectedOf(c: Case): string[] {
  const text = c.files[c.lint];
  return c.leaks
    .map(([needle, rule]) => {
      const index = text.indexOf(needle);
      if (index < 0) throw new Error(`${c.name}: ${JSON.stringify(needle)} is not in ${c.lint}`);
      if (text.indexOf(needle, index + 1) >= 0) throw new Error(`${c.name}: ${JSON.stringify(needle)} is not unique`);
      return `${text.slice(0, index).split('\n').length}:${RULE_NAMES[rule]}`;
    })
    .sort();
}

const results = new Map<Case, string[]>();

beforeAll(async () => {
  const files: Record<string, string> = {};
  CASES.forEach((c, index) => {
    const folder = `case-${String(index).padStart(3, '0')}`;
    files[`${folder}/package.json`] = ESM;
    for (const [name, text] of Object.entries(c.files)) files[`${folder}/${name}`] = text;
  });
  const root = makeProject(files, 'handler-state-varied-');
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs.strict as never[])] as ESLint.Options['overrideConfig'],
  });
  const targets = CASES.map((c, index) => path.join(root, `case-${String(index).padStart(3, '0')}`, c.lint));
  const linted = await eslint.lintFiles(targets);
  const byPath = new Map(linted.map((result) => [result.filePath, result]));
  CASES.forEach((c, index) => {
    const result = byPath.get(targets[index]);
    if (!result) throw new Error(`${c.name}: not linted`);
    results.set(
      c,
      result.messages
        .map((message) =>
          message.ruleId?.startsWith('handler-state/')
            ? `${message.line}:${message.ruleId.slice('handler-state/'.length)}`
            : `${message.line}:${message.ruleId ?? 'fatal'} ${message.message}`,
        )
        .sort(),
    );
  });
}, 300_000);

describe('varied entry points', () => {
  it('every sub-class has at least four leaking variants and a safe counterpart for each', () => {
    const groups = new Map<string, { leaks: number; safe: number }>();
    for (const c of CASES) {
      const entry = groups.get(c.group) ?? { leaks: 0, safe: 0 };
      if (c.leaks.length > 0) entry.leaks++;
      else entry.safe++;
      groups.set(c.group, entry);
    }
    for (const [group, { leaks, safe }] of groups) {
      expect(leaks, group).toBeGreaterThanOrEqual(4);
      expect(safe, group).toBeGreaterThanOrEqual(leaks);
    }
  });

  for (const c of CASES) {
    const title = `${c.group}: ${c.leaks.length > 0 ? 'reported' : 'quiet'}: ${c.name}`;
    const run = c.gap ? it.fails : it;
    run(c.gap ? `${title} (gap: ${c.gap})` : title, () => {
      expect(results.get(c)).toEqual(expectedOf(c));
    });
  }
});
