// Request entry points of other frameworks and runtimes, written the way their own docs and their users write them:
// Fastify route objects and hooks, Koa routers, Hapi route configs, NestJS controllers, h3 routers, itty-router,
// Elysia, Hono sub-apps and mounts, Next.js route handlers and middleware, Remix loaders and actions, SvelteKit
// endpoints and hooks, Astro endpoints, Workers queue and cron handlers, Azure Functions v4 triggers, the Google
// Functions Framework, Firebase v2 triggers, streaming Lambda handlers, middy middleware objects, Powertools
// resolvers, class and schema-built GraphQL resolvers, and socket servers of other libraries. Each leaking case has a
// safe twin of the same shape that no rule reports.
import { one, runVariedBatch, type VariedCase } from '../helpers/varied-batch.js';

const CASES: VariedCase[] = [
  one(
    'fastify',
    'a plugin wrapped in fastify-plugin registers a route object with an inline handler',
    'src/plugins/audit.ts',
    `import fp from 'fastify-plugin';
const recentIps: string[] = [];
export default fp(async (app) => {
  app.route({
    method: 'GET',
    url: '/audit',
    handler: async (request, reply) => {
      recentIps.push(request.ip); // expect: growth
      return reply.send({ ok: true });
    },
  });
});
`,
    ['fastify', 'fastify-plugin'],
  ),
  one(
    'fastify',
    'a plugin wrapped in fastify-plugin: the address is only logged',
    'src/plugins/audit.ts',
    `import fp from 'fastify-plugin';
export default fp(async (app) => {
  app.route({
    method: 'GET',
    url: '/audit',
    handler: async (request, reply) => {
      request.log.info({ ip: request.ip }, 'audit');
      return reply.send({ ok: true });
    },
  });
});
`,
    ['fastify', 'fastify-plugin'],
  ),
  one(
    'fastify',
    'an onRequest hook added on the instance keeps every request id',
    'server.js',
    `import Fastify from 'fastify';
const inflight = new Set();
const app = Fastify({ logger: true });
app.addHook('onRequest', async (request) => {
  inflight.add(request.id); // expect: growth
});
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 3000 });
`,
    ['fastify'],
  ),
  one(
    'fastify',
    'an onRequest hook on the instance: the start time kept on the request',
    'server.js',
    `import Fastify from 'fastify';
const app = Fastify({ logger: true });
app.decorateRequest('startedAt', 0);
app.addHook('onRequest', async (request) => {
  request.startedAt = Date.now();
});
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ port: 3000 });
`,
    ['fastify'],
  ),
  one(
    'koa',
    'a @koa/router with a prefix keeps the last user id',
    'src/routes/users.ts',
    `import Router from '@koa/router';
let lastUserId: string | undefined;
const router = new Router({ prefix: '/users' });
router.get('/:id', async (ctx) => {
  lastUserId = ctx.params.id; // expect: data
  ctx.body = { id: lastUserId };
});
export default router;
`,
    ['koa', '@koa/router'],
  ),
  one(
    'koa',
    'a @koa/router with a prefix: the id goes on ctx.state',
    'src/routes/users.ts',
    `import Router from '@koa/router';
const router = new Router({ prefix: '/users' });
router.get('/:id', async (ctx) => {
  ctx.state.userId = ctx.params.id;
  ctx.body = { id: ctx.state.userId };
});
export default router;
`,
    ['koa', '@koa/router'],
  ),
  one(
    'hapi',
    'server.route with an array of route configs whose handlers sit under options',
    'server.js',
    `const Hapi = require('@hapi/hapi');
const orders = [];
const init = async () => {
  const server = Hapi.server({ port: 3000, host: 'localhost' });
  server.route([
    { method: 'GET', path: '/orders', options: { handler: () => orders } },
    {
      method: 'POST',
      path: '/orders',
      options: {
        handler: (request, h) => {
          orders.push(request.payload); // expect: growth
          return h.response().code(201);
        },
      },
    },
  ]);
  await server.start();
};
init();
`,
    ['@hapi/hapi'],
    { commonjs: true },
  ),
  one(
    'hapi',
    'server.route with an array of route configs: the order goes to a database pool',
    'server.js',
    `const Hapi = require('@hapi/hapi');
const { Pool } = require('pg');
const pool = new Pool();
const init = async () => {
  const server = Hapi.server({ port: 3000, host: 'localhost' });
  server.route([
    { method: 'GET', path: '/orders', options: { handler: () => pool.query('select * from orders') } },
    {
      method: 'POST',
      path: '/orders',
      options: {
        handler: async (request, h) => {
          await pool.query('insert into orders(body) values ($1)', [request.payload]);
          return h.response().code(201);
        },
      },
    },
  ]);
  await server.start();
};
init();
`,
    ['@hapi/hapi', 'pg'],
    { commonjs: true },
  ),
  one(
    'nestjs',
    'a decorated controller method pushes the posted body into a module array',
    'src/cats/cats.controller.ts',
    `import { Body, Controller, Get, Post } from '@nestjs/common';
const cats: Array<{ name: string }> = [];
@Controller('cats')
export class CatsController {
  @Post()
  create(@Body() dto: { name: string }) {
    cats.push(dto); // expect: growth
  }
  @Get()
  findAll() {
    return cats;
  }
}
`,
    ['@nestjs/common', '@nestjs/core'],
  ),
  one(
    'nestjs',
    'a decorated controller method: the body handed to an injected service',
    'src/cats/cats.controller.ts',
    `import { Body, Controller, Post } from '@nestjs/common';
import { CatsRepository } from './cats.repository';
@Controller('cats')
export class CatsController {
  constructor(private readonly repository: CatsRepository) {}
  @Post()
  create(@Body() dto: { name: string }) {
    const cat = { ...dto, createdAt: new Date() };
    return this.repository.insert(cat);
  }
}
`,
    ['@nestjs/common', '@nestjs/core'],
  ),
  one(
    'h3',
    'an h3 router built with createRouter, handlers wrapped in defineEventHandler',
    'src/app.ts',
    `import { createApp, createRouter, defineEventHandler, getRouterParam } from 'h3';
const lastSeen: Record<string, number> = {};
export const app = createApp();
const router = createRouter();
router.get(
  '/devices/:id',
  defineEventHandler((event) => {
    lastSeen[getRouterParam(event, 'id')!] = Date.now(); // expect: cache
    return { ok: true };
  }),
);
app.use(router);
`,
    ['h3'],
  ),
  one(
    'h3',
    'an h3 router built with createRouter: the time kept on the event context',
    'src/app.ts',
    `import { createApp, createRouter, defineEventHandler, getRouterParam } from 'h3';
export const app = createApp();
const router = createRouter();
router.get(
  '/devices/:id',
  defineEventHandler((event) => {
    event.context.seen = { [getRouterParam(event, 'id')!]: Date.now() };
    return { ok: true };
  }),
);
app.use(router);
`,
    ['h3'],
  ),
  one(
    'h3',
    'a Nuxt server route written with the eventHandler alias keeps the last body',
    'server/routes/feedback.post.ts',
    `let lastFeedback: unknown;
export default eventHandler(async (event) => {
  lastFeedback = await readBody(event); // expect: data
  return { received: true };
});
`,
    ['nuxt'],
  ),
  one(
    'h3',
    'a Nuxt server route written with the eventHandler alias: the body goes to storage',
    'server/routes/feedback.post.ts',
    `export default eventHandler(async (event) => {
  const feedback = await readBody(event);
  await useStorage('data').setItem(\`feedback:\${Date.now()}\`, feedback);
  return { received: true };
});
`,
    ['nuxt'],
  ),
  one(
    'itty',
    'an itty AutoRouter exported as the Worker, a set of viewed ids',
    'src/index.ts',
    `import { AutoRouter } from 'itty-router';
const viewed = new Set<string>();
const router = AutoRouter();
router.get('/todos/:id', ({ params }) => {
  viewed.add(params.id); // expect: growth
  return { id: params.id, views: viewed.size };
});
export default router;
`,
    ['itty-router'],
  ),
  one(
    'itty',
    'an itty AutoRouter exported as the Worker: the id answered per request',
    'src/index.ts',
    `import { AutoRouter } from 'itty-router';
const router = AutoRouter();
router.get('/todos/:id', ({ params }) => {
  const views = new Set<string>([params.id]);
  return { id: params.id, views: views.size };
});
export default router;
`,
    ['itty-router'],
  ),
  one(
    'elysia',
    'an Elysia app chained with get and listen keeps the last id',
    'src/index.ts',
    `import { Elysia } from 'elysia';
let lastId = '';
new Elysia()
  .get('/id/:id', ({ params: { id } }) => {
    lastId = id; // expect: data
    return id;
  })
  .listen(3000);
`,
    ['elysia'],
  ),
  one(
    'elysia',
    'an Elysia app chained with get and listen: the id answered per request',
    'src/index.ts',
    `import { Elysia } from 'elysia';
new Elysia()
  .get('/id/:id', ({ params: { id } }) => {
    const answer = id.toUpperCase();
    return answer;
  })
  .listen(3000);
`,
    ['elysia'],
  ),
  one(
    'elysia',
    'an Elysia plugin instance with a post route, used by the main app',
    'src/comments.ts',
    `import { Elysia, t } from 'elysia';
const comments: string[] = [];
export const commentsPlugin = new Elysia({ prefix: '/comments' }).post(
  '/',
  ({ body }) => {
    comments.push(body.text); // expect: growth
    return { count: comments.length };
  },
  { body: t.Object({ text: t.String() }) },
);
`,
    ['elysia'],
  ),
  one(
    'elysia',
    'an Elysia plugin instance with a post route: the comment goes to a module client',
    'src/comments.ts',
    `import { Elysia, t } from 'elysia';
import { Database } from 'bun:sqlite';
const db = new Database('comments.sqlite');
export const commentsPlugin = new Elysia({ prefix: '/comments' }).post(
  '/',
  ({ body }) => {
    db.run('insert into comments(text) values (?)', [body.text]);
    return { ok: true };
  },
  { body: t.Object({ text: t.String() }) },
);
`,
    ['elysia'],
  ),
  {
    group: 'hono',
    name: 'a Hono sub-app in its own file, mounted by app.route in the entry',
    lint: 'src/books.ts',
    deps: ['hono'],
    files: {
      'src/books.ts': `import { Hono } from 'hono';
const bookCache = new Map<string, { id: string; fetchedAt: number }>();
const books = new Hono();
books.get('/:id', (c) => {
  const id = c.req.param('id');
  bookCache.set(id, { id, fetchedAt: Date.now() }); // expect: cache
  return c.json(bookCache.get(id));
});
export default books;
`,
      'src/index.ts': `import { Hono } from 'hono';
import books from './books';
const app = new Hono();
app.route('/books', books);
export default app;
`,
    },
  },
  {
    group: 'hono',
    name: 'a Hono sub-app in its own file, mounted by app.route: the book built per request',
    lint: 'src/books.ts',
    deps: ['hono'],
    files: {
      'src/books.ts': `import { Hono } from 'hono';
const books = new Hono();
books.get('/:id', (c) => {
  const id = c.req.param('id');
  const book = { id, fetchedAt: Date.now() };
  return c.json(book);
});
export default books;
`,
      'src/index.ts': `import { Hono } from 'hono';
import books from './books';
const app = new Hono();
app.route('/books', books);
export default app;
`,
    },
  },
  one(
    'hono',
    'a plain fetch function mounted with app.mount keeps the last URL',
    'src/index.ts',
    `import { Hono } from 'hono';
let lastLegacyUrl = '';
const legacy = async (request: Request) => {
  lastLegacyUrl = request.url; // expect: data
  return new Response('legacy');
};
const app = new Hono();
app.mount('/legacy', legacy);
export default app;
`,
    ['hono'],
  ),
  one(
    'hono',
    'a plain fetch function mounted with app.mount: the URL read per request',
    'src/index.ts',
    `import { Hono } from 'hono';
const legacy = async (request: Request) => {
  const url = new URL(request.url);
  return new Response(url.pathname);
};
const app = new Hono();
app.mount('/legacy', legacy);
export default app;
`,
    ['hono'],
  ),
  one(
    'nextjs',
    'one function exported as GET and POST by specifiers in a route file',
    'app/api/track/route.ts',
    `import { NextRequest, NextResponse } from 'next/server';
let lastPath = '';
const handler = async (req: NextRequest) => {
  lastPath = req.nextUrl.pathname; // expect: data
  return NextResponse.json({ lastPath });
};
export { handler as GET, handler as POST };
`,
    ['next'],
  ),
  one(
    'nextjs',
    'one function exported as GET and POST by specifiers: the path answered per request',
    'app/api/track/route.ts',
    `import { NextRequest, NextResponse } from 'next/server';
const handler = async (req: NextRequest) => {
  const path = req.nextUrl.pathname;
  return NextResponse.json({ path });
};
export { handler as GET, handler as POST };
`,
    ['next'],
  ),
  one(
    'nextjs',
    'a src/middleware.ts counting requests per address in a Map',
    'src/middleware.ts',
    `import { NextResponse, type NextRequest } from 'next/server';
const hits = new Map<string, number>();
export function middleware(request: NextRequest) {
  const ip = request.headers.get('x-forwarded-for') ?? 'unknown';
  hits.set(ip, (hits.get(ip) ?? 0) + 1); // expect: cache
  return NextResponse.next();
}
export const config = { matcher: '/api/:path*' };
`,
    ['next'],
  ),
  one(
    'nextjs',
    'a src/middleware.ts: the address passed on in a header',
    'src/middleware.ts',
    `import { NextResponse, type NextRequest } from 'next/server';
export function middleware(request: NextRequest) {
  const ip = request.headers.get('x-forwarded-for') ?? 'unknown';
  const response = NextResponse.next();
  response.headers.set('x-client-ip', ip);
  return response;
}
export const config = { matcher: '/api/:path*' };
`,
    ['next'],
  ),
  one(
    'remix',
    'a Remix action keeps drafts keyed by a form field',
    'app/routes/notes.$id.tsx',
    `import type { ActionFunctionArgs } from '@remix-run/node';
const drafts: Record<string, string> = {};
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const form = await request.formData();
  drafts[params.id!] = String(form.get('text')); // expect: cache
  return null;
};
export default function Note() {
  return null;
}
`,
    ['@remix-run/node', '@remix-run/react'],
  ),
  one(
    'remix',
    'a Remix action: the draft saved through a module-scope client',
    'app/routes/notes.$id.tsx',
    `import type { ActionFunctionArgs } from '@remix-run/node';
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const form = await request.formData();
  await prisma.draft.upsert({ where: { id: params.id! }, create: { id: params.id!, text: String(form.get('text')) }, update: {} });
  return null;
};
export default function Note() {
  return null;
}
`,
    ['@remix-run/node', '@remix-run/react', '@prisma/client'],
  ),
  one(
    'sveltekit',
    'a handle hook composed with sequence() records every signed-in user',
    'src/hooks.server.ts',
    `import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
const activeUsers = new Set<string>();
const track: Handle = async ({ event, resolve }) => {
  const user = event.cookies.get('user');
  if (user) activeUsers.add(user); // expect: growth
  return resolve(event);
};
const timing: Handle = async ({ event, resolve }) => resolve(event);
export const handle = sequence(timing, track);
`,
    ['@sveltejs/kit'],
  ),
  one(
    'sveltekit',
    'a handle hook composed with sequence(): the user kept on event.locals',
    'src/hooks.server.ts',
    `import type { Handle } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
const track: Handle = async ({ event, resolve }) => {
  const user = event.cookies.get('user');
  if (user) event.locals.user = user;
  return resolve(event);
};
const timing: Handle = async ({ event, resolve }) => resolve(event);
export const handle = sequence(timing, track);
`,
    ['@sveltejs/kit'],
  ),
  one(
    'astro',
    'an Astro endpoint exported as ALL keeps the feedback text',
    'src/pages/api/feedback.ts',
    `import type { APIRoute } from 'astro';
const feedback: string[] = [];
export const ALL: APIRoute = async ({ request }) => {
  feedback.push(await request.text()); // expect: growth
  return new Response(null, { status: 204 });
};
`,
    ['astro'],
  ),
  one(
    'astro',
    'an Astro endpoint exported as ALL: the text read and answered',
    'src/pages/api/feedback.ts',
    `import type { APIRoute } from 'astro';
export const ALL: APIRoute = async ({ request }) => {
  const text = await request.text();
  return new Response(JSON.stringify({ length: text.length }), { status: 200 });
};
`,
    ['astro'],
  ),
  one(
    'workers',
    'a Worker queue consumer in an ExportedHandler keeps processed message ids',
    'src/worker.ts',
    `interface Env { RESULTS: KVNamespace }
const processed: string[] = [];
export default {
  async queue(batch, env) {
    for (const message of batch.messages) {
      processed.push(message.id); // expect: growth
      message.ack();
    }
  },
} satisfies ExportedHandler<Env>;
`,
    ['wrangler'],
  ),
  one(
    'workers',
    'a Worker queue consumer in an ExportedHandler: each id written to KV',
    'src/worker.ts',
    `interface Env { RESULTS: KVNamespace }
export default {
  async queue(batch, env) {
    for (const message of batch.messages) {
      await env.RESULTS.put(message.id, 'done');
      message.ack();
    }
  },
} satisfies ExportedHandler<Env>;
`,
    ['wrangler'],
  ),
  one(
    'workers',
    'a scheduled handler keeps the time of every cron run',
    'src/cron.ts',
    `const runs: number[] = [];
export default {
  async scheduled(controller: ScheduledController, env: unknown, ctx: ExecutionContext) {
    runs.push(controller.scheduledTime); // expect: growth
    ctx.waitUntil(Promise.resolve());
  },
};
`,
    ['wrangler'],
  ),
  one(
    'workers',
    'a scheduled handler: the time logged per run',
    'src/cron.ts',
    `export default {
  async scheduled(controller: ScheduledController, env: unknown, ctx: ExecutionContext) {
    console.log('cron at', controller.scheduledTime);
    ctx.waitUntil(Promise.resolve());
  },
};
`,
    ['wrangler'],
  ),
  one(
    'azure',
    'an Azure v4 storage-queue trigger whose handler is a function declared below',
    'src/functions/resize.ts',
    `import { app, InvocationContext } from '@azure/functions';
const pending: string[] = [];
app.storageQueue('resize', { queueName: 'images', connection: 'Storage', handler: resize });
export async function resize(message: unknown, context: InvocationContext): Promise<void> {
  pending.push(String(message)); // expect: growth
  context.log('queued', pending.length);
}
`,
    ['@azure/functions'],
  ),
  one(
    'azure',
    'an Azure v4 storage-queue trigger with a declared handler: the message logged',
    'src/functions/resize.ts',
    `import { app, InvocationContext } from '@azure/functions';
app.storageQueue('resize', { queueName: 'images', connection: 'Storage', handler: resize });
export async function resize(message: unknown, context: InvocationContext): Promise<void> {
  const item = String(message);
  context.log('queued', item);
}
`,
    ['@azure/functions'],
  ),
  one(
    'google',
    'a CloudEvent function registered through a namespace import keeps every file name',
    'index.js',
    `import * as ff from '@google-cloud/functions-framework';
const uploads = [];
ff.cloudEvent('onUpload', (cloudEvent) => {
  uploads.push(cloudEvent.data.name); // expect: growth
});
`,
    ['@google-cloud/functions-framework'],
  ),
  one(
    'google',
    'a CloudEvent function registered through a namespace import: the name logged',
    'index.js',
    `import * as ff from '@google-cloud/functions-framework';
ff.cloudEvent('onUpload', (cloudEvent) => {
  const { name, bucket } = cloudEvent.data;
  console.log(\`uploaded \${bucket}/\${name}\`);
});
`,
    ['@google-cloud/functions-framework'],
  ),
  one(
    'firebase',
    'a Firestore v2 document trigger keeps the created ids',
    'functions/src/index.ts',
    `import { onDocumentCreated } from 'firebase-functions/v2/firestore';
const created: string[] = [];
export const onUserCreated = onDocumentCreated('users/{userId}', (event) => {
  created.push(event.params.userId); // expect: growth
});
`,
    ['firebase-functions', 'firebase-admin'],
  ),
  one(
    'firebase',
    'a Firestore v2 document trigger: the id written back through the admin SDK',
    'functions/src/index.ts',
    `import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { getFirestore } from 'firebase-admin/firestore';
const db = getFirestore();
export const onUserCreated = onDocumentCreated('users/{userId}', async (event) => {
  await db.collection('audit').add({ userId: event.params.userId });
});
`,
    ['firebase-functions', 'firebase-admin'],
  ),
  one(
    'lambda-stream',
    'a streaming Lambda handler keeps a map of streams by request id',
    'index.mjs',
    `const streams = new Map();
export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  streams.set(context.awsRequestId, responseStream); // expect: cache
  responseStream.write('hello');
  responseStream.end();
});
`,
    [],
  ),
  one(
    'lambda-stream',
    'a streaming Lambda handler: the stream used and ended per request',
    'index.mjs',
    `export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => {
  const greeting = \`hello \${context.awsRequestId}\`;
  responseStream.write(greeting);
  responseStream.end();
});
`,
    [],
  ),
  one(
    'middy',
    'a middleware object with a before hook, given to .use() of a middy chain',
    'src/handler.ts',
    `import middy from '@middy/core';
let lastEvent: unknown;
const remember = {
  before: async (request: { event: unknown }) => {
    lastEvent = request.event; // expect: data
  },
};
export const handler = middy()
  .use(remember)
  .handler(async () => ({ statusCode: 200 }));
`,
    ['@middy/core'],
  ),
  one(
    'middy',
    'a middleware object with a before hook: the event copied into request.internal',
    'src/handler.ts',
    `import middy from '@middy/core';
const remember = {
  before: async (request: { event: unknown; internal: Record<string, unknown> }) => {
    request.internal.seen = request.event;
  },
};
export const handler = middy()
  .use(remember)
  .handler(async () => ({ statusCode: 200 }));
`,
    ['@middy/core'],
  ),
  one(
    'powertools',
    'an AppSync GraphQL resolver registered with resolver(fn, { fieldName })',
    'src/resolvers.ts',
    `import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';
const votes: Record<string, number> = {};
const app = new AppSyncGraphQLResolver();
app.resolver(
  async ({ pollId }: { pollId: string }) => {
    votes[pollId] = (votes[pollId] ?? 0) + 1; // expect: cache
    return votes[pollId];
  },
  { fieldName: 'vote', typeName: 'Mutation' },
);
export const handler = async (event: unknown, context: unknown) => app.resolve(event, context);
`,
    ['@aws-lambda-powertools/event-handler'],
  ),
  one(
    'powertools',
    'an AppSync GraphQL resolver registered with resolver(fn, { fieldName }): the vote sent on',
    'src/resolvers.ts',
    `import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({});
const app = new AppSyncGraphQLResolver();
app.resolver(
  async ({ pollId }: { pollId: string }) => {
    await ddb.send(new UpdateItemCommand({ TableName: 'votes', Key: { id: { S: pollId } } }));
    return 1;
  },
  { fieldName: 'vote', typeName: 'Mutation' },
);
export const handler = async (event: unknown, context: unknown) => app.resolve(event, context);
`,
    ['@aws-lambda-powertools/event-handler', '@aws-sdk/client-dynamodb'],
  ),
  one(
    'graphql-class',
    'a type-graphql resolver class whose mutation pushes into a module array',
    'src/recipe.resolver.ts',
    `import { Arg, Mutation, Query, Resolver } from 'type-graphql';
const recipes: string[] = [];
@Resolver()
export class RecipeResolver {
  @Query(() => [String])
  recipes() {
    return recipes;
  }
  @Mutation(() => String)
  addRecipe(@Arg('title') title: string) {
    recipes.push(title); // expect: growth
    return title;
  }
}
`,
    ['type-graphql', 'graphql'],
  ),
  one(
    'graphql-class',
    'a type-graphql resolver class: the mutation returns a fresh object',
    'src/recipe.resolver.ts',
    `import { Arg, Mutation, Resolver } from 'type-graphql';
@Resolver()
export class RecipeResolver {
  @Mutation(() => String)
  addRecipe(@Arg('title') title: string) {
    const recipe = { title, at: Date.now() };
    return recipe.title;
  }
}
`,
    ['type-graphql', 'graphql'],
  ),
  one(
    'graphql-schema',
    'resolvers written inline in makeExecutableSchema keep the last viewer',
    'src/schema.js',
    `import { makeExecutableSchema } from '@graphql-tools/schema';
let lastViewer = null;
export const schema = makeExecutableSchema({
  typeDefs: 'type Query { me: String }',
  resolvers: {
    Query: {
      me: (_parent, _args, context) => {
        lastViewer = context.user; // expect: data
        return lastViewer?.name;
      },
    },
  },
});
`,
    ['@graphql-tools/schema', 'graphql'],
  ),
  one(
    'graphql-schema',
    'resolvers written inline in makeExecutableSchema: the viewer read from the context',
    'src/schema.js',
    `import { makeExecutableSchema } from '@graphql-tools/schema';
export const schema = makeExecutableSchema({
  typeDefs: 'type Query { me: String }',
  resolvers: {
    Query: {
      me: (_parent, _args, context) => {
        const viewer = context.user;
        return viewer?.name;
      },
    },
  },
});
`,
    ['@graphql-tools/schema', 'graphql'],
  ),
  one(
    'sockets',
    'a uWebSockets.js app with a ws behaviour object keeps every socket',
    'src/server.js',
    `import uWS from 'uWebSockets.js';
const sockets = [];
uWS
  .App()
  .ws('/*', {
    open: (ws) => {
      sockets.push(ws); // expect: growth
    },
    message: (ws, message) => ws.send(message),
  })
  .listen(9001, () => {});
`,
    ['uWebSockets.js'],
  ),
  one(
    'sockets',
    'a uWebSockets.js app with a ws behaviour object: a topic subscription per socket',
    'src/server.js',
    `import uWS from 'uWebSockets.js';
uWS
  .App()
  .ws('/*', {
    open: (ws) => {
      ws.subscribe('broadcast');
    },
    message: (ws, message) => ws.send(message),
  })
  .listen(9001, () => {});
`,
    ['uWebSockets.js'],
  ),
  one(
    'sockets',
    'a TCP server from node:net keeps the last chunk each connection sent',
    'src/tcp.ts',
    `import net from 'node:net';
let lastChunk: Buffer | undefined;
const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    lastChunk = chunk; // expect: data
    socket.write('ack');
  });
});
server.listen(7000);
`,
    [],
  ),
  one(
    'sockets',
    'a TCP server from node:net: the chunk echoed per connection',
    'src/tcp.ts',
    `import net from 'node:net';
const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    const reply = Buffer.concat([Buffer.from('ack:'), chunk]);
    socket.write(reply);
  });
});
server.listen(7000);
`,
    [],
  ),
  one(
    'router-shapes',
    'a CommonJS class whose register(app) method adds express routes',
    'routes/health.js',
    `const checks = [];
class HealthRoutes {
  register(app) {
    app.get('/health', (req, res) => {
      checks.push({ at: Date.now(), from: req.ip }); // expect: growth
      res.json({ ok: true, checks: checks.length });
    });
  }
}
module.exports = new HealthRoutes();
`,
    ['express'],
    { commonjs: true },
  ),
  one(
    'router-shapes',
    'a CommonJS class whose register(app) method adds express routes: the check answered per request',
    'routes/health.js',
    `class HealthRoutes {
  register(app) {
    app.get('/health', (req, res) => {
      const check = { at: Date.now(), from: req.ip };
      res.json({ ok: true, check });
    });
  }
}
module.exports = new HealthRoutes();
`,
    ['express'],
    { commonjs: true },
  ),
  {
    group: 'router-shapes',
    name: 'exports.setup = (router) => … with the router made in the importer',
    lint: 'src/routes/search.js',
    deps: ['express'],
    commonjs: true,
    files: {
      'src/routes/search.js': `const searches = {};
exports.setup = function (router) {
  router.get('/search', function (req, res) {
    searches[req.query.q] = Date.now(); // expect: cache
    res.send('ok');
  });
};
`,
      'src/app.js': `const express = require('express');
const search = require('./routes/search');
const app = express();
const router = express.Router();
search.setup(router);
app.use('/api', router);
app.listen(3000);
`,
    },
  },
  {
    group: 'router-shapes',
    name: 'exports.setup = (router) => … with the router made in the importer: the term answered',
    lint: 'src/routes/search.js',
    deps: ['express'],
    commonjs: true,
    files: {
      'src/routes/search.js': `exports.setup = function (router) {
  router.get('/search', function (req, res) {
    const term = String(req.query.q ?? '');
    res.send(term);
  });
};
`,
      'src/app.js': `const express = require('express');
const search = require('./routes/search');
const app = express();
const router = express.Router();
search.setup(router);
app.use('/api', router);
app.listen(3000);
`,
    },
  },
];

runVariedBatch('second batch of varied entry points', CASES);
