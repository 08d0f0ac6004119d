// Request entry points in a third set of shapes, written before any change to the analysis: Fastify plugins
// registered with a prefix and route-level hooks, NestJS guards and interceptors, Koa routers exported as their
// routes() middleware, Azure Functions v4 HTTP triggers, the Google Functions Framework, Durable Objects behind a
// Workers `export default { fetch }`, tRPC procedures, GraphQL Yoga and Apollo resolvers, Next.js route handlers
// with awaited params, React Router loaders and actions, chained Hono apps, Express routers in their own module
// (`route()` chains and `param()` callbacks) and AWS SDK v3 middleware stacks. Each leaking case has a safe twin of
// the same shape that no rule reports.
import { one, runVariedBatch, type VariedCase } from '../helpers/varied-batch.js';

const CASES: VariedCase[] = [
  // ---------------------------------------------------------------------------------------------------- fastify
  one(
    'fastify',
    'routes in a named async plugin function registered with a prefix, the route given an options object',
    'src/app.ts',
    `import Fastify from 'fastify';
const drafts = new Map<string, unknown>();
const app = Fastify();
app.register(
  async function draftRoutes(instance) {
    instance.post('/', { schema: { body: { type: 'object' } } }, async (request, reply) => {
      const body = request.body as { id: string };
      drafts.set(body.id, body); // expect: cache
      return reply.code(201).send();
    });
  },
  { prefix: '/drafts' },
);
app.listen({ port: 3000 });
`,
    ['fastify'],
  ),
  one(
    'fastify',
    'routes in a named async plugin function registered with a prefix: the draft goes to a decorated store',
    'src/app.ts',
    `import Fastify from 'fastify';
const app = Fastify();
app.register(
  async function draftRoutes(instance) {
    instance.post('/', { schema: { body: { type: 'object' } } }, async (request, reply) => {
      const body = request.body as { id: string };
      await instance.redis.set(body.id, JSON.stringify(body));
      return reply.code(201).send();
    });
  },
  { prefix: '/drafts' },
);
app.listen({ port: 3000 });
`,
    ['fastify'],
  ),
  one(
    'fastify',
    'a preHandler hook in the route options keeps the last authorization header',
    'server.js',
    `import Fastify from 'fastify';
let lastAuthorization;
const app = Fastify();
app.get(
  '/me',
  {
    preHandler: async (request) => {
      lastAuthorization = request.headers.authorization; // expect: data
    },
  },
  async () => ({ ok: true }),
);
app.listen({ port: 3000 });
`,
    ['fastify'],
  ),
  one(
    'fastify',
    'a preHandler hook in the route options: the header checked and kept on the request',
    'server.js',
    `import Fastify from 'fastify';
const app = Fastify();
app.decorateRequest('token', null);
app.get(
  '/me',
  {
    preHandler: async (request, reply) => {
      if (!request.headers.authorization) return reply.code(401).send();
      request.token = request.headers.authorization.slice(7);
    },
  },
  async (request) => ({ token: request.token }),
);
app.listen({ port: 3000 });
`,
    ['fastify'],
  ),
  // ----------------------------------------------------------------------------------------------------- nestjs
  one(
    'nestjs',
    'a guard’s canActivate keeps the user of the last request',
    'src/auth/auth.guard.ts',
    `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
let lastUser: unknown;
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    lastUser = request.user; // expect: data
    return Boolean(request.user);
  }
}
`,
    ['@nestjs/common', '@nestjs/core'],
  ),
  one(
    'nestjs',
    'a guard’s canActivate: the user checked on the request only',
    'src/auth/auth.guard.ts',
    `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    return Boolean(request.user);
  }
}
`,
    ['@nestjs/common', '@nestjs/core'],
  ),
  one(
    'nestjs',
    'an interceptor records the URL of every request in a module array',
    'src/common/timing.interceptor.ts',
    `import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
const visitedUrls: string[] = [];
@Injectable()
export class TimingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest();
    visitedUrls.push(request.url); // expect: growth
    return next.handle();
  }
}
`,
    ['@nestjs/common', '@nestjs/core', 'rxjs'],
  ),
  one(
    'nestjs',
    'an interceptor logs the URL and the time of every request',
    'src/common/timing.interceptor.ts',
    `import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Observable, tap } from 'rxjs';
const logger = new Logger('Timing');
@Injectable()
export class TimingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest();
    const started = Date.now();
    return next.handle().pipe(tap(() => logger.log(\`\${request.url} \${Date.now() - started}ms\`)));
  }
}
`,
    ['@nestjs/common', '@nestjs/core', 'rxjs'],
  ),
  // ------------------------------------------------------------------------------------------------------- koa
  one(
    'koa',
    'a Koa router module exporting router.routes(), the handler after a body parser',
    'routes/uploads.js',
    `const Router = require('@koa/router');
const { koaBody } = require('koa-body');
const uploads = [];
const router = new Router();
router.post('/uploads', koaBody({ multipart: true }), async (ctx) => {
  uploads.push(ctx.request.body); // expect: growth
  ctx.status = 201;
});
module.exports = router.routes();
`,
    ['koa', '@koa/router', 'koa-body'],
    { commonjs: true },
  ),
  one(
    'koa',
    'a Koa router module exporting router.routes(): the upload kept on ctx.state',
    'routes/uploads.js',
    `const Router = require('@koa/router');
const { koaBody } = require('koa-body');
const router = new Router();
router.post('/uploads', koaBody({ multipart: true }), async (ctx) => {
  ctx.state.upload = ctx.request.body;
  ctx.status = 201;
});
module.exports = router.routes();
`,
    ['koa', '@koa/router', 'koa-body'],
    { commonjs: true },
  ),
  // --------------------------------------------------------------------------------------------------- azure
  one(
    'azure',
    'app.http with an inline handler keeps the name from the query',
    'src/functions/greet.ts',
    `import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
let lastName: string | null = null;
app.http('greet', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    lastName = request.query.get('name'); // expect: data
    context.log('greeting');
    return { body: \`Hello, \${lastName}\` };
  },
});
`,
    ['@azure/functions'],
  ),
  one(
    'azure',
    'app.http with an inline handler: the name read per request',
    'src/functions/greet.ts',
    `import { app, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
app.http('greet', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> => {
    const name = request.query.get('name') ?? 'world';
    context.log('greeting');
    return { body: \`Hello, \${name}\` };
  },
});
`,
    ['@azure/functions'],
  ),
  // -------------------------------------------------------------------------------------------------------- gcf
  one(
    'gcf',
    'functions.http from the Functions Framework keeps every caller address',
    'index.js',
    `const functions = require('@google-cloud/functions-framework');
const callers = new Set();
functions.http('visit', (req, res) => {
  callers.add(req.ip); // expect: growth
  res.send(\`callers: \${callers.size}\`);
});
`,
    ['@google-cloud/functions-framework'],
    { commonjs: true },
  ),
  one(
    'gcf',
    'functions.http from the Functions Framework: the address answered per request',
    'index.js',
    `const functions = require('@google-cloud/functions-framework');
functions.http('visit', (req, res) => {
  res.send(\`you are \${req.ip}\`);
});
`,
    ['@google-cloud/functions-framework'],
    { commonjs: true },
  ),
  // ------------------------------------------------------------------------------------------------- workers
  one(
    'workers',
    'a Durable Object class whose fetch pushes paths into a module array',
    'src/index.ts',
    `import { DurableObject } from 'cloudflare:workers';
const recentPaths: string[] = [];
export class Counter extends DurableObject {
  async fetch(request: Request): Promise<Response> {
    recentPaths.push(new URL(request.url).pathname); // expect: growth
    return new Response(String(recentPaths.length));
  }
}
export default {
  async fetch(request: Request, env: { COUNTER: DurableObjectNamespace }) {
    const stub = env.COUNTER.get(env.COUNTER.idFromName('global'));
    return stub.fetch(request);
  },
};
`,
    ['wrangler'],
  ),
  one(
    'workers',
    'a Durable Object class whose fetch keeps the count in its own storage',
    'src/index.ts',
    `import { DurableObject } from 'cloudflare:workers';
export class Counter extends DurableObject {
  async fetch(request: Request): Promise<Response> {
    const count = ((await this.ctx.storage.get<number>('count')) ?? 0) + 1;
    await this.ctx.storage.put('count', count);
    return new Response(\`\${new URL(request.url).pathname}: \${count}\`);
  }
}
export default {
  async fetch(request: Request, env: { COUNTER: DurableObjectNamespace }) {
    const stub = env.COUNTER.get(env.COUNTER.idFromName('global'));
    return stub.fetch(request);
  },
};
`,
    ['wrangler'],
  ),
  // ------------------------------------------------------------------------------------------------------ trpc
  one(
    'trpc',
    'a tRPC mutation procedure pushes its input into a module array',
    'src/server/routers/todo.ts',
    `import { initTRPC } from '@trpc/server';
import { z } from 'zod';
const t = initTRPC.create();
const todos: Array<{ title: string }> = [];
export const todoRouter = t.router({
  add: t.procedure.input(z.object({ title: z.string() })).mutation(({ input }) => {
    todos.push(input); // expect: growth
    return input;
  }),
  list: t.procedure.query(() => todos),
});
`,
    ['@trpc/server', 'zod'],
  ),
  one(
    'trpc',
    'a tRPC mutation procedure: the input saved through the context database',
    'src/server/routers/todo.ts',
    `import { initTRPC } from '@trpc/server';
import { z } from 'zod';
const t = initTRPC.context<{ db: { todo: { create(args: unknown): Promise<unknown> } } }>().create();
export const todoRouter = t.router({
  add: t.procedure
    .input(z.object({ title: z.string() }))
    .mutation(({ input, ctx }) => ctx.db.todo.create({ data: input })),
});
`,
    ['@trpc/server', 'zod'],
  ),
  // --------------------------------------------------------------------------------------------------- graphql
  one(
    'graphql',
    'GraphQL Yoga resolvers in createSchema count votes per id in a module object',
    'src/yoga.ts',
    `import { createSchema, createYoga } from 'graphql-yoga';
import { createServer } from 'node:http';
const votes: Record<string, number> = {};
const schema = createSchema({
  typeDefs: 'type Query { votes(id: ID!): Int } type Mutation { vote(id: ID!): Int }',
  resolvers: {
    Query: { votes: (_: unknown, args: { id: string }) => votes[args.id] ?? 0 },
    Mutation: {
      vote: (_: unknown, { id }: { id: string }) => {
        votes[id] = (votes[id] ?? 0) + 1; // expect: cache
        return votes[id];
      },
    },
  },
});
createServer(createYoga({ schema })).listen(4000);
`,
    ['graphql-yoga', 'graphql'],
  ),
  one(
    'graphql',
    'GraphQL Yoga resolvers in createSchema: the vote counted by the context store',
    'src/yoga.ts',
    `import { createSchema, createYoga } from 'graphql-yoga';
import { createServer } from 'node:http';
type Ctx = { store: { increment(id: string): Promise<number>; read(id: string): Promise<number> } };
const schema = createSchema<Ctx>({
  typeDefs: 'type Query { votes(id: ID!): Int } type Mutation { vote(id: ID!): Int }',
  resolvers: {
    Query: { votes: (_: unknown, args: { id: string }, ctx: Ctx) => ctx.store.read(args.id) },
    Mutation: { vote: (_: unknown, { id }: { id: string }, ctx: Ctx) => ctx.store.increment(id) },
  },
});
createServer(createYoga({ schema })).listen(4000);
`,
    ['graphql-yoga', 'graphql'],
  ),
  one(
    'graphql',
    'Apollo Server resolvers in a const keep the token of the last caller',
    'src/server.ts',
    `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
let lastToken: string | undefined;
const typeDefs = 'type Query { me: String }';
const resolvers = {
  Query: {
    me: (_parent: unknown, _args: unknown, context: { token?: string }) => {
      lastToken = context.token; // expect: data
      return lastToken ? 'someone' : 'anonymous';
    },
  },
};
const server = new ApolloServer({ typeDefs, resolvers });
await startStandaloneServer(server, { context: async ({ req }) => ({ token: req.headers.authorization }) });
`,
    ['@apollo/server', 'graphql'],
  ),
  one(
    'graphql',
    'Apollo Server resolvers in a const: the token read from the context per call',
    'src/server.ts',
    `import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
const typeDefs = 'type Query { me: String }';
const resolvers = {
  Query: {
    me: (_parent: unknown, _args: unknown, context: { token?: string }) =>
      context.token ? 'someone' : 'anonymous',
  },
};
const server = new ApolloServer({ typeDefs, resolvers });
await startStandaloneServer(server, { context: async ({ req }) => ({ token: req.headers.authorization }) });
`,
    ['@apollo/server', 'graphql'],
  ),
  // ------------------------------------------------------------------------------------------------------ next
  one(
    'next',
    'a route handler with awaited params records every slug viewed',
    'app/api/posts/[slug]/route.ts',
    `import { NextResponse } from 'next/server';
const viewedSlugs = new Set<string>();
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  viewedSlugs.add(slug); // expect: growth
  return NextResponse.json({ slug, views: viewedSlugs.size });
}
`,
    ['next'],
  ),
  one(
    'next',
    'a route handler with awaited params: the slug answered per request',
    'app/api/posts/[slug]/route.ts',
    `import { NextResponse } from 'next/server';
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return NextResponse.json({ slug });
}
`,
    ['next'],
  ),
  // -------------------------------------------------------------------------------------------- react-router
  one(
    'react-router',
    'a React Router v7 loader caches products by the route param',
    'app/routes/product.tsx',
    `import type { Route } from './+types/product';
import { getProduct } from '../models/product.server';
const productCache = new Map<string, unknown>();
export async function loader({ params }: Route.LoaderArgs) {
  if (!productCache.has(params.id)) {
    productCache.set(params.id, await getProduct(params.id)); // expect: cache
  }
  return { product: productCache.get(params.id) };
}
export default function Product({ loaderData }: Route.ComponentProps) {
  return <pre>{JSON.stringify(loaderData.product)}</pre>;
}
`,
    ['react-router', '@react-router/node'],
  ),
  one(
    'react-router',
    'a React Router v7 loader: the product fetched per request',
    'app/routes/product.tsx',
    `import type { Route } from './+types/product';
import { getProduct } from '../models/product.server';
export async function loader({ params }: Route.LoaderArgs) {
  return { product: await getProduct(params.id) };
}
export default function Product({ loaderData }: Route.ComponentProps) {
  return <pre>{JSON.stringify(loaderData.product)}</pre>;
}
`,
    ['react-router', '@react-router/node'],
  ),
  one(
    'react-router',
    'an action arrow with ActionFunctionArgs keeps every subscribed address',
    'app/routes/newsletter.tsx',
    `import type { ActionFunctionArgs } from 'react-router';
const subscribers: string[] = [];
export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  subscribers.push(String(form.get('email'))); // expect: growth
  return { ok: true };
};
`,
    ['react-router', '@react-router/node'],
  ),
  one(
    'react-router',
    'an action arrow with ActionFunctionArgs: the address sent to a mailing-list client',
    'app/routes/newsletter.tsx',
    `import type { ActionFunctionArgs } from 'react-router';
import { mailingList } from '../lib/mailing.server';
export const action = async ({ request }: ActionFunctionArgs) => {
  const form = await request.formData();
  await mailingList.subscribe(String(form.get('email')));
  return { ok: true };
};
`,
    ['react-router', '@react-router/node'],
  ),
  // ------------------------------------------------------------------------------------------------------ hono
  {
    group: 'hono',
    name: 'a chained Hono sub-app exported for RPC types, mounted by app.route in the entry',
    lint: 'src/routes/search.ts',
    deps: ['hono'],
    files: {
      'src/routes/search.ts': `import { Hono } from 'hono';
let lastQuery = '';
export const search = new Hono()
  .get('/', (c) => {
    lastQuery = c.req.query('q') ?? ''; // expect: data
    return c.json({ q: lastQuery });
  })
  .get('/health', (c) => c.text('ok'));
export type SearchRoutes = typeof search;
`,
      'src/index.ts': `import { Hono } from 'hono';
import { search } from './routes/search';
const app = new Hono().route('/search', search);
export default app;
`,
    },
  },
  {
    group: 'hono',
    name: 'a chained Hono sub-app exported for RPC types: the query answered per request',
    lint: 'src/routes/search.ts',
    deps: ['hono'],
    files: {
      'src/routes/search.ts': `import { Hono } from 'hono';
export const search = new Hono()
  .get('/', (c) => {
    const q = c.req.query('q') ?? '';
    return c.json({ q });
  })
  .get('/health', (c) => c.text('ok'));
export type SearchRoutes = typeof search;
`,
      'src/index.ts': `import { Hono } from 'hono';
import { search } from './routes/search';
const app = new Hono().route('/search', search);
export default app;
`,
    },
  },
  // --------------------------------------------------------------------------------------------------- express
  {
    group: 'express',
    name: 'an Express Router() in its own module with a route() chain, mounted by the server',
    lint: 'routes/items.js',
    deps: ['express'],
    commonjs: true,
    files: {
      'routes/items.js': `const express = require('express');
const items = {};
const router = express.Router();
router
  .route('/:id')
  .get((req, res) => res.json(items[req.params.id] ?? null))
  .put((req, res) => {
    items[req.params.id] = req.body; // expect: cache
    res.sendStatus(204);
  });
module.exports = router;
`,
      'server.js': `const express = require('express');
const app = express();
app.use(express.json());
app.use('/items', require('./routes/items'));
app.listen(3000);
`,
    },
  },
  {
    group: 'express',
    name: 'an Express Router() in its own module with a route() chain: the item saved by a model',
    lint: 'routes/items.js',
    deps: ['express'],
    commonjs: true,
    files: {
      'routes/items.js': `const express = require('express');
const Item = require('../models/item');
const router = express.Router();
router
  .route('/:id')
  .get(async (req, res) => res.json(await Item.findById(req.params.id)))
  .put(async (req, res) => {
    await Item.updateOne({ _id: req.params.id }, req.body);
    res.sendStatus(204);
  });
module.exports = router;
`,
      'models/item.js': `module.exports = { findById: async (id) => ({ id }), updateOne: async () => undefined };
`,
      'server.js': `const express = require('express');
const app = express();
app.use(express.json());
app.use('/items', require('./routes/items'));
app.listen(3000);
`,
    },
  },
  one(
    'express',
    'a router.param callback keeps the last id it resolved',
    'src/routes/users.ts',
    `import { Router } from 'express';
let lastUserId: string | undefined;
export const users = Router();
users.param('userId', (req, _res, next, id: string) => {
  lastUserId = id; // expect: data
  next();
});
users.get('/:userId', (req, res) => res.json({ id: lastUserId }));
`,
    ['express'],
  ),
  one(
    'express',
    'a router.param callback: the id kept on res.locals',
    'src/routes/users.ts',
    `import { Router } from 'express';
export const users = Router();
users.param('userId', (req, res, next, id: string) => {
  res.locals.userId = id;
  next();
});
users.get('/:userId', (req, res) => res.json({ id: res.locals.userId }));
`,
    ['express'],
  ),
  // --------------------------------------------------------------------------------------------------- aws sdk
  one(
    'aws-sdk',
    'an SDK v3 middleware added to a module client records every command input the handler sends',
    'src/handler.ts',
    `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const sentInputs: unknown[] = [];
const client = new DynamoDBClient({});
client.middlewareStack.add(
  (next) => async (args) => {
    sentInputs.push(args.input); // expect: growth
    return next(args);
  },
  { step: 'initialize', name: 'recordInputs' },
);
export const handler = async (event: { pathParameters: { id: string } }) => {
  const out = await client.send(
    new GetItemCommand({ TableName: 'items', Key: { id: { S: event.pathParameters.id } } }),
  );
  return { statusCode: 200, body: JSON.stringify(out.Item ?? null) };
};
`,
    ['@aws-sdk/client-dynamodb'],
  ),
  one(
    'aws-sdk',
    'an SDK v3 middleware added to a module client: a header set on each outgoing request',
    'src/handler.ts',
    `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({});
client.middlewareStack.add(
  (next) => async (args) => {
    (args.request as { headers: Record<string, string> }).headers['x-app'] = 'items';
    return next(args);
  },
  { step: 'build', name: 'tagRequests' },
);
export const handler = async (event: { pathParameters: { id: string } }) => {
  const out = await client.send(
    new GetItemCommand({ TableName: 'items', Key: { id: { S: event.pathParameters.id } } }),
  );
  return { statusCode: 200, body: JSON.stringify(out.Item ?? null) };
};
`,
    ['@aws-sdk/client-dynamodb'],
  ),
];

runVariedBatch('varied cases, third batch: entry points', CASES);
