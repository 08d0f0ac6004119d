// The handler-detection table: a file's code and path (and settings) in, the handlers the analysis finds out, each
// as [platform, name, reason]. A new platform, or a new shape of a known one, is one more row; a file that must have
// no handlers (a name that only looks like a handler, client-side code, start-up code) is a row that expects [].
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { detectHandlers, type DetectedHandler } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

type Expected = [platform: string, name: string, reason: string];
interface Extra {
  /** The plugin's settings (`settings['handler-state']`). */
  settings?: Record<string, unknown>;
  /** `KNOWN GAP: …`: the row states the wanted answer, which the analysis does not give yet; it is skipped. */
  gap?: string;
  /** The file sits in a project whose package.json has these dependencies (and these extra files). */
  project?: { dependencies?: string[]; peerDependencies?: string[]; files?: Record<string, string> };
}
/**
 * `file` is relative to the project root (globs in settings match it as written). `.cjs` files are CommonJS, everything
 * else an ES module, as ESLint's flat config defaults have it.
 */
type Row = [file: string, code: string, handlers: Expected[], extra?: Extra];

// One row a line: the table is read across, not down.
// prettier-ignore
const ROWS: Row[] = [
  // AWS Lambda
  ['src/orders.cjs', 'exports.handler = async (event) => event.id;', [['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/orders.cjs', 'module.exports = { handler: async (event) => event.id };', [['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/orders.mjs', 'async function main(event) { return event.id; }\nexport { main as handler };', [['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/orders.mjs', 'export const lambdaHandler = async (event) => event.id;', [['aws-lambda', 'lambdaHandler', 'exported as `lambdaHandler`']]],
  ['src/orders.mjs', 'export default async function handler(input) { return input; }', [['aws-lambda', 'default', 'named `handler`']]],
  ['src/orders.cjs', 'exports.process = function (event, context, callback) { callback(null, event); };', [['aws-lambda', 'process', 'has the Lambda (event, context, callback) signature']]],
  ['src/orders.ts', "import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const main: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: '' });", [['aws-lambda', 'main', 'typed with an aws-lambda handler type']]],
  ['src/sqs.ts', "import type { SQSEvent } from 'aws-lambda';\nexport async function consume(batch: SQSEvent) { return batch.Records.length; }", [['aws-lambda', 'consume', 'takes an aws-lambda event type']]],
  ['src/orders.mjs', "import middy from '@middy/core';\nconst base = async (input) => input;\nexport const main = middy(base);", [['aws-lambda', 'main', 'wrapped by `middy()`']]],
  ['src/orders.mjs', "import * as Sentry from '@sentry/aws-serverless';\nexport const main = Sentry.wrapHandler(async (input) => input);", [['aws-lambda', 'main', 'wrapped by `Sentry.wrapHandler()`']]],
  ['src/orders.mjs', 'export const main = awslambda.streamifyResponse(async (input, stream) => stream.end());', [['aws-lambda', 'main', 'wrapped by `awslambda.streamifyResponse()`']]],
  ['src/orders.mjs', "import { datadog } from 'datadog-lambda-js';\nexport const main = datadog(async (input) => input);", [['aws-lambda', 'main', 'wrapped by `datadog()`']]],
  ['src/orders.mjs', "import { makeIdempotent } from '@aws-lambda-powertools/idempotency';\nexport const main = makeIdempotent(async (input) => input, { persistenceStore });", [['aws-lambda', 'main', 'wrapped by `makeIdempotent()`']]],
  ['src/kafka.mjs', "import { kafkaConsumer } from '@aws-lambda-powertools/kafka';\nexport const consume = kafkaConsumer(async (input) => input.records);", [['aws-lambda', 'consume', 'wrapped by `kafkaConsumer()`']]],
  ['src/graphql.mjs', "import { createGraphQLHandler } from '@redwoodjs/graphql-server';\nexport const handler = createGraphQLHandler({ getCurrentUser: async (session) => session });", [['aws-lambda', 'handler', 'option `getCurrentUser` of `createGraphQLHandler()`']]],
  ['src/app.cjs', "const serverless = require('serverless-http');\nconst app = require('express')();\napp.post('/orders', (req, res) => res.json(req.body));\nmodule.exports.handler = serverless(app);", [['express', 'POST /orders', 'express route callback']]],
  ['netlify/functions/hello.mjs', 'export const handler = async (event) => ({ statusCode: 200, body: event.body });', [['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/orders.ts', "import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';\nclass Lambda implements LambdaInterface {\n  public async handler(input: unknown) { return input; }\n}\nexport default new Lambda();", [['aws-lambda', 'handler', 'handler of a LambdaInterface class']]],
  ['src/orders.mjs', 'function handler(event) { return event.id; }', []],
  ['src/orders.mjs', 'export function formatOrder(order) { return order.id; }', []],
  ['src/ui.ts', 'export const onShortcut = (event: KeyboardEvent) => event.key;', []],

  // Google Cloud Functions
  ['index.cjs', "const functions = require('@google-cloud/functions-framework');\nfunctions.http('helloHttp', (req, res) => res.send('hi'));", [['gcp', 'helloHttp', 'registered with functions.http()']]],
  ['index.ts', "import * as ff from '@google-cloud/functions-framework';\nff.cloudEvent('onMessage', async (cloudEvent) => cloudEvent.id);", [['gcp', 'onMessage', 'registered with functions.cloudEvent()']]],
  ['index.mjs', "import '@google-cloud/functions-framework';\nexport const hello = (req, res) => res.send('hi');\nexport const onUpload = (data, context) => data.name;", [['gcp', 'hello', 'exported function of a Functions Framework file'], ['gcp', 'onUpload', 'exported function of a Functions Framework file']]],
  ['index.cjs', "exports.hello = (req, res) => { res.status(200).send('hi'); };", [['http', 'hello', 'exported (req, res) function that answers the request']]],
  ['src/controllers.mjs', "import express from 'express';\nexport const getOrder = (req, res) => res.json({ id: req.params.id });", [['express', 'getOrder', 'exported (req, res) middleware or controller']]],
  ['lib/util.cjs', 'exports.copyHeaders = (req, res) => Object.assign(res, req.headers);', []],

  // Firebase Cloud Functions
  ['functions/index.cjs', "const functions = require('firebase-functions/v1');\nexports.onOrder = functions.firestore.document('orders/{id}').onCreate((snap) => snap.id);", [['firebase', 'onOrder', 'Firebase trigger `functions.firestore.document().onCreate()`']]],
  ['functions/index.cjs', "const functions = require('firebase-functions');\nexports.hello = functions.https.onRequest((req, res) => res.send('hi'));", [['firebase', 'hello', 'Firebase trigger `functions.https.onRequest()`']]],
  ['functions/src/index.ts', "import * as functions from 'firebase-functions/v1';\nexport const nightly = functions.region('eu').pubsub.schedule('every day').onRun(async () => {});", [['firebase', 'nightly', 'Firebase trigger `functions.region().pubsub.schedule().onRun()`']]],
  ['functions/src/index.ts', "import { onCall } from 'firebase-functions/v2/https';\nexport const ask = onCall(async (request) => request.data);", [['firebase', 'ask', 'Firebase trigger `onCall()`']]],
  ['functions/src/index.ts', "import { onSchedule } from 'firebase-functions/scheduler';\nexport const cleanup = onSchedule('every 5 minutes', async () => {});", [['firebase', 'cleanup', 'Firebase trigger `onSchedule()`']]],
  ['functions/src/index.ts', "import { onInit } from 'firebase-functions/v2/core';\nimport { onRequest } from 'firebase-functions/v2/https';\nonInit(() => {});\nexport const search = onRequest((req, res) => res.json([]));", [['firebase', 'search', 'Firebase trigger `onRequest()`']]],
  ['functions/src/index.ts', "import { onInit } from 'firebase-functions/v2/core';\nonInit(() => {});", []],
  ['functions/src/track.ts', "import { logger } from 'firebase-functions/logger';\nexport const track = (entry) => logger.info(entry);", []],

  // Azure Functions (v4)
  ['src/functions/hello.ts', "import { app } from '@azure/functions';\napp.http('hello', { methods: ['GET'], handler: async (request, context) => ({ body: 'hi' }) });", [['azure', 'hello', 'registered with app.http()']]],
  ['src/functions/tick.ts', "import { app } from '@azure/functions';\nasync function tick(timer, context) {}\napp.timer('tick', { schedule: '0 */5 * * * *', handler: tick });", [['azure', 'tick', 'registered with app.timer()']]],
  ['src/functions/orders.ts', "import { app } from '@azure/functions';\napp.storageQueue('orders', { queueName: 'orders', connection: 'Q', handler: async (message, context) => {} });", [['azure', 'orders', 'registered with app.storageQueue()']]],
  ['src/index.ts', "import { app } from '@azure/functions';\napp.hook.preInvocation((context) => {});", [['azure', 'preInvocation', 'registered with app.hook.preInvocation()']]],

  // Cloudflare Workers
  ['src/index.ts', 'export default {\n  async fetch(request, env, ctx) { return new Response(); },\n} satisfies ExportedHandler<Env>;', [['cloudflare', 'fetch', 'method of an ExportedHandler']]],
  ['src/index.ts', "import type { ExportedHandler } from '@cloudflare/workers-types';\nconst worker: ExportedHandler = { async queue(batch, env) {} };\nexport default worker;", [['cloudflare', 'queue', 'method of an ExportedHandler']]],
  ['src/index.ts', "import { WorkerEntrypoint } from 'cloudflare:workers';\nexport default {\n  async scheduled(controller, env, ctx) {},\n};", [['cloudflare', 'scheduled', '`scheduled` of the default-exported worker object']]],
  ['src/index.mjs', 'export default {\n  async fetch(request) { return new Response(request.url); },\n};', [['cloudflare', 'fetch', '`fetch` of the default-exported worker object']]],
  ['worker.js', "addEventListener('fetch', (event) => event.respondWith(new Response('hi')));", [['cloudflare', 'fetch listener', "addEventListener('fetch') listener"]]],
  ['worker.js', "self.addEventListener('scheduled', (event) => event.waitUntil(Promise.resolve()));", [['cloudflare', 'scheduled listener', "addEventListener('scheduled') listener"]]],
  ['src/config.mjs', 'export default {\n  retries: 3,\n  format(value) { return String(value); },\n};', []],

  // Next.js
  ['app/api/search/route.ts', 'export async function GET(request: Request) { return Response.json([]); }\nexport async function POST(request: Request) { return Response.json({}); }', [['nextjs', 'GET', 'Next.js route handler'], ['nextjs', 'POST', 'Next.js route handler']]],
  ['app/api/items/route.js', 'export const DELETE = async (request, { params }) => new Response(null, { status: 204 });', [['nextjs', 'DELETE', 'Next.js route handler']]],
  ['app/actions.ts', "'use server';\nexport async function saveDraft(form: FormData) {}\nexport async function countDrafts() { return 0; }", [['nextjs', 'saveDraft', "server action ('use server' file)"], ['nextjs', 'countDrafts', "server action ('use server' file)"]]],
  ['app/page.tsx', "export default function Page() {\n  async function save(form: FormData) {\n    'use server';\n  }\n  return null;\n}", [['nextjs', 'save', "server action ('use server' function)"]]],
  ['src/pages/api/session.ts', 'export default function handler(req, res) { res.status(200).json({}); }', [['nextjs', 'default', 'Next.js API route (pages/api)']]],
  ['pages/orders.tsx', 'export async function getServerSideProps(context) { return { props: {} }; }\nexport default function Orders() { return null; }', [['nextjs', 'getServerSideProps', 'Next.js `getServerSideProps`']]],
  ['middleware.ts', "import { NextResponse } from 'next/server';\nexport function middleware(request) { return NextResponse.next(); }", [['nextjs', 'middleware', 'Next.js middleware']]],
  ['lib/search.ts', 'export async function GET(request: Request) { return Response.json([]); }', []],
  ['app/components/button.tsx', "'use client';\nexport function onClick(event) { return event.target; }", []],
  ['app/components/button.tsx', "'use client';\nexport function Button({ label }) { return <button onClick={(event) => event.preventDefault()}>{label}</button>; }", [['rsc', 'Button', 'client component rendered on the server (React Server Components)']]],
  ['app/orders/[id]/page.tsx', "import Link from 'next/link';\nexport default async function OrderPage({ params }) { return <Link href={params.id}>order</Link>; }\nexport async function generateMetadata({ params }) { return { title: params.id }; }\nexport function generateStaticParams() { return []; }", [['nextjs', 'OrderPage', 'component rendered on the server (Next.js)'], ['nextjs', 'generateMetadata', 'Next.js `generateMetadata`']]],
  ['app/layout.tsx', 'export default function RootLayout({ children }) { return children; }', [['nextjs', 'RootLayout', 'component rendered on the server (Next.js)']], { project: { dependencies: ['next', 'react'] } }],
  ['components/order-list.tsx', "import { useState } from 'react';\nexport function OrderList({ orders }) { const [open] = useState(false); return <ul>{orders.length}</ul>; }\nexport function useOrders(id) { return useState(id); }\nexport const formatOrder = (order) => order.id;", [['nextjs', 'OrderList', 'component rendered on the server (Next.js)'], ['nextjs', 'useOrders', 'hook run while rendering on the server (Next.js)']], { project: { dependencies: ['next', 'react'] } }],
  ['pages/_app.js', 'export default function App({ Component, pageProps }) { return <Component {...pageProps} />; }', [['nextjs', 'App', 'component rendered on the server (Next.js)']], { project: { dependencies: ['next'] } }],
  ['app/opengraph-image.tsx', "import { ImageResponse } from 'next/og';\nexport default async function Image({ params }) { return new ImageResponse(<div>{params.slug}</div>); }", [['nextjs', 'default', 'Next.js generated image route']]],
  ['app/layout.tsx', 'export default function RootLayout({ children }) { return children; }', [], { project: { dependencies: ['next'], files: { 'next.config.mjs': "export default { output: 'export' };" } } }],
  ['src/App.tsx', "import { useState } from 'react';\nexport function App() { const [n] = useState(0); return <p>{n}</p>; }", [], { project: { dependencies: ['react', 'react-dom'], files: {} } }],
  ['utils/trpc.ts', "import { createTRPCNext } from '@trpc/next';\nexport const trpc = createTRPCNext({ config({ ctx }) { return { links: [] }; } });", [['ssr-library', 'config', 'tRPC `createTRPCNext` config (called per request on the server)']]],
  ['src/hooks/use-query.ts', "import { useMemo } from 'react';\nexport function useQuery(args) { return useMemo(() => args, [args]); }", [['ssr-library', 'useQuery', 'hook run while rendering on the server (React library)']], { project: { peerDependencies: ['react'] } }],

  // React Router (framework mode) and Remix
  ['app/routes/orders.tsx', "import { json } from '@remix-run/node';\nexport async function loader({ request }) { return json([]); }\nexport const action = async ({ request }) => null;\nexport async function clientLoader() { return null; }\nexport default function Orders() { return <ul />; }", [['remix', 'loader', 'Remix route loader'], ['remix', 'action', 'Remix route action'], ['remix', 'Orders', 'component rendered on the server (Remix)']]],
  ['app/routes/orders.tsx', 'export async function loader({ params }) { return { id: params.id }; }\nexport const middleware = [async ({ request }, next) => next()];', [['react-router', 'loader', 'React Router route loader'], ['react-router', 'middleware', 'React Router route middleware']], { project: { dependencies: ['react-router', '@react-router/node'] } }],
  ['app/entry.server.tsx', "import { renderToPipeableStream } from 'react-dom/server';\nexport default function handleRequest(request, status, headers, context) { return new Response(); }", [['react-router', 'handleRequest', 'React Router server entry']], { project: { dependencies: ['@react-router/node'] } }],
  ['app/routes/orders.tsx', 'export async function loader({ params }) { return { id: params.id }; }', [], { project: { dependencies: ['react-router', '@react-router/node'], files: { 'react-router.config.ts': 'export default { ssr: false };' } } }],
  ['src/routes/orders.tsx', "import { useLoaderData } from 'react-router';\nexport async function loader() { return []; }", []],

  // TanStack Start
  ['src/server/orders.ts', "import { createServerFn } from '@tanstack/react-start';\nexport const getOrder = createServerFn({ method: 'GET' }).validator((id) => id).handler(async ({ data }) => data);", [['tanstack-start', 'server function', 'TanStack Start `createServerFn()` handler']]],
  ['src/routes/orders.$id.tsx', "import { createFileRoute } from '@tanstack/react-router';\nexport const Route = createFileRoute('/orders/$id')({ loader: async ({ params }) => params.id, beforeLoad: async () => {}, component: Order });\nfunction Order() { return <p />; }", [['tanstack-start', 'loader', 'TanStack Start route `loader` (runs on the server while rendering)'], ['tanstack-start', 'beforeLoad', 'TanStack Start route `beforeLoad` (runs on the server while rendering)'], ['tanstack-start', 'Order', 'component rendered on the server (TanStack Start)']], { project: { dependencies: ['@tanstack/react-start', '@tanstack/react-router'] } }],
  ['src/routes/admin.tsx', "import { createFileRoute } from '@tanstack/react-router';\nexport const Route = createFileRoute('/admin')({ ssr: false, loader: async () => [] });", [], { project: { dependencies: ['@tanstack/react-start'] } }],
  ['src/router.tsx', "import { createRouter } from '@tanstack/react-router';\nexport function getRouter() { return createRouter({ routeTree }); }", [['tanstack-start', 'getRouter', 'TanStack Start router factory (called once per request)']], { project: { dependencies: ['@tanstack/react-start'] } }],
  ['src/routes/orders.tsx', "import { createFileRoute } from '@tanstack/react-router';\nexport const Route = createFileRoute('/orders')({ loader: async () => [] });", [], { project: { dependencies: ['@tanstack/react-router', 'vite'] } }],

  // SolidStart
  ['src/entry-server.tsx', "import { createHandler, StartServer } from '@solidjs/start/server';\nexport default createHandler(() => <StartServer document={({ children }) => <html>{children}</html>} />);", [['solid-start', 'createHandler', 'SolidStart document rendered per request']]],
  ['src/middleware.ts', "import { createMiddleware } from '@solidjs/start/middleware';\nexport default createMiddleware({ onRequest: [async (event) => {}], onBeforeResponse: async (event) => {} });", [['solid-start', 'onRequest', 'SolidStart middleware `onRequest`'], ['solid-start', 'onBeforeResponse', 'SolidStart middleware `onBeforeResponse`']]],
  ['src/lib/orders.ts', "import { query, action } from '@solidjs/router';\nexport const getOrders = query(async (id) => [], 'orders');\nexport const save = action(async (form) => {});", [['solid-start', 'query', 'SolidStart `query()` function'], ['solid-start', 'action', 'SolidStart `action()` function']], { project: { dependencies: ['@solidjs/start', '@solidjs/router'] } }],
  ['src/lib/orders.ts', "import { query } from '@solidjs/router';\nexport const getOrders = query(async (id) => [], 'orders');", [], { project: { dependencies: ['@solidjs/router', 'solid-js', 'vite'] } }],

  // Astro
  ['src/pages/api/orders.ts', "import type { APIRoute } from 'astro';\nexport const GET: APIRoute = async ({ params }) => new Response(params.id);\nexport const POST: APIRoute = async ({ request }) => new Response();", [['astro', 'GET', 'Astro endpoint'], ['astro', 'POST', 'Astro endpoint']], { project: { dependencies: ['astro'] } }],
  ['src/pages/feed.json.ts', "export const prerender = true;\nexport async function GET() { return new Response('[]'); }", [], { project: { dependencies: ['astro'] } }],
  ['src/middleware.ts', "import { defineMiddleware, sequence } from 'astro:middleware';\nconst auth = defineMiddleware(async (context, next) => next());\nconst log = async (context, next) => next();\nexport const onRequest = sequence(auth, log);", [['astro', 'onRequest', 'Astro middleware'], ['astro', 'onRequest', 'Astro middleware']], { project: { dependencies: ['astro'] } }],
  ['src/actions/index.ts', "import { defineAction } from 'astro:actions';\nexport const server = { checkout: defineAction({ handler: async (input) => input }) };", [['astro', 'checkout', 'Astro action handler']]],

  // Qwik City
  ['src/routes/index.tsx', "import { routeLoader$, routeAction$, server$ } from '@builder.io/qwik-city';\nimport { component$, useVisibleTask$ } from '@builder.io/qwik';\nexport const useUser = routeLoader$(async (ev) => ev.cookie);\nexport const useSave = routeAction$(async (data) => data);\nexport const onGet = async (ev) => {};\nexport default component$(() => { useVisibleTask$(() => {}); return <div />; });", [['qwik-city', 'routeLoader$', 'Qwik City `routeLoader$`'], ['qwik-city', 'routeAction$', 'Qwik City `routeAction$`'], ['qwik-city', 'onGet', 'Qwik City request handler `onGet`'], ['qwik-city', 'default', 'Qwik component rendered on the server']]],

  // Vercel functions
  ['api/greet.ts', "import type { VercelRequest, VercelResponse } from '@vercel/node';\nexport default function (req: VercelRequest, res: VercelResponse) { res.send('hi'); }", [['vercel', 'default', 'default export of a Vercel function (api/)']]],
  ['api/agent.ts', 'export function GET(request: Request) { return new Response(request.url); }', [['vercel', 'GET', '`GET` of a Vercel function (api/)']]],
  ['src/api/users.ts', 'export async function getUser(id: string) { return fetch(`/users/${id}`); }', []],

  // Node servers: Express, Fastify, Hono, Koa, node:http
  ['src/server.mjs', "import express from 'express';\nconst app = express();\napp.use((req, res, next) => next());\napp.get('/orders/:id', (req, res) => res.json({}));\napp.listen(3000, () => console.log('up'));", [['express', 'middleware', 'express middleware callback'], ['express', 'GET /orders/:id', 'express route callback']]],
  ['src/routes.mjs', "import express from 'express';\nconst router = express.Router();\nrouter.post('/', (req, res) => res.end());\nexport default router;", [['express', 'POST /', 'express route callback']]],
  ['src/server.mjs', "import express from 'express';\nconst app = express();\napp.route('/orders').get((req, res) => res.json([])).post((req, res) => res.end());", [['express', 'GET /orders', 'express route callback'], ['express', 'POST /orders', 'express route callback']]],
  ['src/app.ts', "import type { Express } from 'express';\nexport function routes(app: Express) {\n  app.get('/orders', (req, res) => res.json([]));\n}", [['express', 'GET /orders', 'express route callback']]],
  ['src/server.mjs', "import express from 'express';\nconst app = express();\napp.set('trust proxy', true);\napp.listen(3000, () => console.log('up'));", []],
  ['src/server.ts', "import Fastify from 'fastify';\nconst server = Fastify();\nserver.addHook('onRequest', async (request) => {});\nserver.get('/health', async () => 'ok');", [['fastify', 'onRequest hook', 'fastify onRequest hook'], ['fastify', 'GET /health', 'fastify route callback']]],
  ['src/server.ts', "import Fastify from 'fastify';\nconst server = Fastify();\nserver.route({ method: 'GET', url: '/orders', handler: async () => [] });", [['fastify', 'GET /orders', 'fastify route callback']]],
  ['src/server.ts', "import Fastify from 'fastify';\nconst server = Fastify();\nserver.addHook('onReady', async () => {});\nserver.listen({ port: 3000 });", []],
  ['src/index.ts', "import { Hono } from 'hono';\nconst app = new Hono();\napp.get('/', (c) => c.text('hi'));\nexport default app;", [['hono', 'GET /', 'hono route callback']]],
  ['src/middleware.ts', "import { createMiddleware } from 'hono/factory';\nexport const auth = createMiddleware(async (c, next) => next());", [['hono', 'middleware', 'Hono createMiddleware()']]],
  ['src/server.mjs', "import Koa from 'koa';\nimport Router from '@koa/router';\nconst app = new Koa();\nconst router = new Router();\nrouter.get('/orders', (ctx) => { ctx.body = []; });\napp.use(async (ctx, next) => next());", [['koa', 'GET /orders', 'koa route callback'], ['koa', 'middleware', 'koa middleware callback']]],
  ['src/server.cjs', "const http = require('node:http');\nhttp.createServer((req, res) => res.end('hi')).listen(8080);", [['node-http', 'request listener', 'node:http request listener']]],

  // Nuxt / Nitro
  ['server/api/users.get.ts', 'export default defineEventHandler(async (event) => ({ users: [] }));', [['nitro', 'users.get', 'wrapped by `defineEventHandler()`']]],
  ['server/middleware/log.ts', 'export default eventHandler((event) => { console.log(event.path); });', [['nitro', 'log', 'wrapped by `eventHandler()`']]],
  ['src/routes/hello.ts', "import { defineEventHandler } from 'h3';\nexport default defineEventHandler({ onRequest: [() => {}], handler: async (event) => 'hi' });", [['nitro', 'hello', 'wrapped by `defineEventHandler()`'], ['nitro', 'hello', 'wrapped by `defineEventHandler()`']]],

  // SvelteKit
  ['src/routes/search/+server.ts', 'export async function GET({ url }) { return new Response(url.search); }', [['sveltekit', 'GET', 'SvelteKit +server endpoint']]],
  ['src/routes/+server.js', 'export const fallback = async ({ request }) => new Response(request.method);', [['sveltekit', 'fallback', 'SvelteKit +server endpoint']]],
  ['src/routes/+page.server.ts', 'export const load = async ({ params }) => ({ id: params.id });\nexport const actions = { default: async ({ request }) => {} };', [['sveltekit', 'load', 'SvelteKit load function'], ['sveltekit', 'actions.default', 'SvelteKit form action']]],
  ['src/routes/+page.ts', 'export const load = async ({ fetch }) => ({ items: [] });', [['sveltekit', 'load', 'SvelteKit load function']]],
  ['src/routes/+layout.ts', 'export const load = async () => ({ user: null });', [['sveltekit', 'load', 'SvelteKit load function']]],
  ['src/hooks.server.ts', 'export const handle = async ({ event, resolve }) => resolve(event);', [['sveltekit', 'handle', 'SvelteKit server hook']]],
  ['src/hooks.client.ts', 'export const handleError = ({ error }) => ({ message: String(error) });', []],
  ['src/lib/search.ts', 'export async function load({ params }) { return { id: params.id }; }', []],

  // Runtime serve APIs: Deno and Bun
  ['server.ts', 'Deno.serve((request) => new Response(request.url));', [['deno', 'serve handler', 'handler of Deno.serve()']]],
  ['server.ts', 'Deno.serve({ port: 8000, handler: async (request) => new Response(request.url) });', [['deno', 'serve handler', '`handler` of Deno.serve()']]],
  ['server.ts', 'const handle = (request: Request) => new Response(request.url);\nDeno.serve({ port: 8000 }, handle);', [['deno', 'serve handler', 'handler of Deno.serve()']]],
  ['server.ts', "import { serve } from 'https://deno.land/std@0.200.0/http/server.ts';\nserve((request) => new Response('hi'));", [['deno', 'serve handler', 'handler of serve() from std/http']]],
  ['server.ts', "const Deno = { serve: (fn: unknown) => fn };\nDeno.serve((request: Request) => new Response('hi'));", []],
  // The name spelled with escapes is the same name: `serve` need not appear in the text.
  ['server.ts', 'Deno.\\u0073erve((request) => new Response(request.url));', [['deno', 'serve handler', 'handler of Deno.serve()']]],
  ['server.mjs', "Deno['\\x73erve']((request) => new Response(request.url));", [['deno', 'serve handler', 'handler of Deno.serve()']]],
  ['server.ts', 'Bun.serve({ port: 3000, fetch(request, server) { return new Response(request.url); } });', [['bun', 'fetch', '`fetch` of Bun.serve()']]],
  ['server.ts', "Bun.serve({\n  routes: { '/health': () => new Response('ok'), '/users/:id': { GET: (request) => Response.json({}), DELETE: (request) => new Response(null) } },\n  websocket: { message(ws, data) { ws.send(data); }, close(ws) {} },\n});", [['bun', '/health', 'route of Bun.serve()'], ['bun', 'GET /users/:id', 'route of Bun.serve()'], ['bun', 'DELETE /users/:id', 'route of Bun.serve()'], ['bun', 'websocket message', '`websocket.message` of Bun.serve()'], ['bun', 'websocket close', '`websocket.close` of Bun.serve()']]],
  ['server.ts', "Bun.serve({ port: 3000, development: true, static: { '/': new Response('hi') } });", []],
  ['src/index.ts', "import type { Serve } from 'bun';\nexport default {\n  fetch(request, server) { return new Response(request.url); },\n  websocket: { message(ws, data) { ws.send(data); } },\n} satisfies Serve;", [['bun', 'fetch', '`fetch` of Bun.serve()'], ['bun', 'websocket message', '`websocket.message` of Bun.serve()']]],

  // Netlify Functions (v2) and Edge Functions
  ['netlify/functions/hits.mts', "export default async (request: Request) => new Response('hits');\nexport const config = { path: '/hits' };", [['netlify', 'default', 'default export of a Netlify function (netlify/functions/)']]],
  ['netlify/edge-functions/geo.ts', "export default (request: Request, context) => new Response(context.geo.city);", [['netlify', 'default', 'default export of a Netlify function (netlify/edge-functions/)']]],
  ['netlify/functions/report/index.mjs', 'export default async function (request) { return new Response(request.url); }', [['netlify', 'default', 'default export of a Netlify function (netlify/functions/)']]],
  ['netlify/edge-functions/lib/render.ts', 'export default function render(title: string) { return `<h1>${title}</h1>`; }', []],
  ['src/edge/hello.ts', "import type { Config, Context } from '@netlify/edge-functions';\nexport default async (request: Request, context: Context) => new Response('hi');\nexport const config: Config = { path: '/hello' };", [['netlify', 'default', 'default export of a Netlify function (`config` export)']]],
  ['src/edge/hello.ts', "import type { Context } from '@netlify/edge-functions';\nexport default function describe(context: Context) { return context.site.name; }", []],

  // Vercel functions outside api/
  ['src/edge/echo.ts', "export const config = { runtime: 'edge' };\nexport default function echo(request: Request) { return new Response(request.url); }", [['vercel', 'default', 'default export of a Vercel function (`config.runtime`)']]],
  ['src/lib/format.ts', "export const config = { locale: 'en' };\nexport default function format(value: string) { return value; }", []],
  ['pages/index.tsx', "export const config = { runtime: 'experimental-edge' };\nexport default function Home({ items }) { return null; }", []],

  // Routers inside a Lambda: Powertools event-handler, lambda-api, @middy/http-router
  ['src/api.ts', "import { Router } from '@aws-lambda-powertools/event-handler/http';\nconst app = new Router();\napp.get('/items/:id', async ({ params }) => ({ id: params.id }));\napp.use(async (params, next) => { await next(); });\nexport const handler = async (event, context) => app.resolve(event, context);", [['powertools', 'GET /items/:id', 'Powertools event-handler `get()` callback'], ['powertools', 'middleware', 'Powertools event-handler `use()` callback'], ['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/graphql.ts', "import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';\nconst app = new AppSyncGraphQLResolver();\napp.onQuery('getPost', async ({ id }) => ({ id }));\napp.onMutation('addPost', async (post) => post);\nexport const handler = async (event, context) => app.resolve(event, context);", [['powertools', 'onQuery getPost', 'Powertools event-handler `onQuery()` callback'], ['powertools', 'onMutation addPost', 'Powertools event-handler `onMutation()` callback'], ['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/api.cjs', "const api = require('lambda-api')();\napi.get('/users/:id', async (req, res) => ({ id: req.params.id }));\napi.register(require('./routes/admin'), { prefix: '/admin' });\nexports.handler = async (event, context) => api.run(event, context);", [['lambda-api', 'GET /users/:id', 'lambda-api route callback'], ['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/api.cjs', "const api = require('lambda-api')();\napi.register((scoped) => { scoped.post('/orders', async (req) => req.body); }, { prefix: '/v1' });", [['lambda-api', 'POST /orders', 'lambda-api route callback']]],
  ['src/router.mjs', "import httpRouterHandler from '@middy/http-router';\nconst getUser = async (event) => ({ statusCode: 200 });\nexport const handler = httpRouterHandler([{ method: 'GET', path: '/user/{id}', handler: getUser }]);", [['route-table', 'GET /user/{id}', 'route of @middy/http-router']]],
  ['src/router.mjs', "const routes = { 'GET /users': async (event) => [], 'POST /users': async (event) => ({}) };\nexport const handler = async (event, context) => routes[event.routeKey](event);", [['route-table', 'GET /users', 'handler of a method-and-path keyed route table'], ['route-table', 'POST /users', 'handler of a method-and-path keyed route table'], ['aws-lambda', 'handler', 'exported as `handler`']]],
  ['src/client.mjs', "export const request = (fetcher) => fetcher({ method: 'GET', path: '/users', parse: (body) => JSON.parse(body) });", []],

  // GraphQL resolvers
  ['src/server.mjs', "import { ApolloServer } from '@apollo/server';\nconst resolvers = { Query: { books: () => [] }, Mutation: { addBook: (_, { title }) => ({ title }) } };\nexport const server = new ApolloServer({ typeDefs, resolvers });", [['graphql', 'Query.books', 'resolver (`resolvers` of ApolloServer())'], ['graphql', 'Mutation.addBook', 'resolver (`resolvers` of ApolloServer())']]],
  ['src/schema.ts', "import { createSchema } from 'graphql-yoga';\nexport const schema = createSchema({ typeDefs, resolvers: { Query: { hello: () => 'hi' }, Subscription: { ticks: { subscribe: async function* () {} } } } });", [['graphql', 'Query.hello', 'resolver (`resolvers` of createSchema())'], ['graphql', 'Subscription.ticks.subscribe', 'resolver (`resolvers` of createSchema())']]],
  ['src/resolvers/users.cjs', "const { GraphQLError } = require('graphql');\nmodule.exports = { Query: { me: (parent, args, context) => context.user }, User: { name: (user) => user.name } };", [['graphql', 'Query.me', 'resolver (exported resolver map)'], ['graphql', 'User.name', 'resolver (exported resolver map)']]],
  ['src/resolvers/users.cjs', "module.exports = { Query: { me: (parent, args, context) => context.user } };", []],
  ['src/resolvers/books.ts', "import { Resolver, Query, Mutation, Arg } from 'type-graphql';\n@Resolver()\nexport class BookResolver {\n  @Query(() => [String]) books() { return []; }\n  @Mutation(() => String) addBook(@Arg('title') title: string) { return title; }\n  helper() { return 1; }\n}", [['graphql', 'Query books', 'resolver method of a @Resolver class'], ['graphql', 'Mutation addBook', 'resolver method of a @Resolver class']]],
  ['src/cats.controller.ts', "import { Controller, Get, Post } from '@nestjs/common';\n@Controller('cats')\nexport class CatsController {\n  @Get(':id') findOne() { return {}; }\n  @Post() create() { return {}; }\n}", [['nestjs', 'Get :id', 'route method of a @Controller class'], ['nestjs', 'Post create', 'route method of a @Controller class']]],
  ['src/cats.service.ts', "import { Injectable } from '@nestjs/common';\n@Injectable()\nexport class CatsService { findAll() { return []; } }", []],

  // Route modules that receive the app
  ['routes/users.cjs', "module.exports = (app) => {\n  app.get('/users/:id', (req, res) => res.json({ id: req.params.id }));\n  app.post('/users', auth, (req, res, next) => next());\n};", [['route-module', 'GET /users/:id', 'route-module route callback'], ['route-module', 'POST /users', 'route-module route callback']]],
  ['routes/index.mjs', "export default function routes(router) {\n  router.use((req, res, next) => next());\n  router.get('/health', (req, res) => res.send('ok'));\n}", [['route-module', 'middleware', 'route-module middleware callback'], ['route-module', 'GET /health', 'route-module route callback']]],
  ['src/server.mjs', "import express from 'express';\nconst app = express();\nfunction mount(target) { target.get('/items', (request, reply) => reply.send([])); }\nmount(app);", [['express', 'GET /items', 'express route callback']]],
  ['src/cache.mjs', "export function remember(store) {\n  store.get('key', (value) => value);\n}", []],

  // Socket and event servers
  ['src/io.mjs', "import { Server } from 'socket.io';\nconst io = new Server(3000);\nio.on('connection', (socket) => {\n  socket.on('chat', (text) => io.emit('chat', text));\n});", [['socket', 'connection', 'connection listener of a socket server'], ['socket', 'chat message', 'listener on a connection socket']]],
  ['src/ws.cjs', "const WebSocket = require('ws');\nconst wss = new WebSocket.Server({ port: 8080 });\nwss.on('connection', function (ws, req) {\n  ws.on('message', (data) => ws.send(data));\n});", [['socket', 'connection', 'connection listener of a socket server'], ['socket', 'message message', 'listener on a connection socket']]],
  ['src/realtime.cjs', "const hub = require('./hub');\nhub.io.on('connection', (socket) => {\n  socket.on('join', (room) => socket.join(room));\n});", [['socket', 'connection', 'connection listener'], ['socket', 'join message', 'listener on a connection socket']]],
  ['src/pool.cjs', "const pool = require('./pool');\npool.on('connection', (client) => client.query('SET search_path TO app'));", []],

  // Factory products
  ['src/server.cjs', "const express = require('express');\nconst app = express();\nconst traceFrom = (options) => (req, res, next) => { next(); };\napp.use(traceFrom({ header: 'x-trace' }));", [['express', 'middleware', 'express middleware callback']]],
  ['src/steps.mjs', "const withSteps = (fn) => async (event, context) => fn(event);\nexport const handler = withSteps(async (event) => event.id);", [['aws-lambda', 'handler', 'exported as `handler`'], ['aws-lambda', 'handler', 'exported as `handler`, returned by `withSteps()`']]],
  ['src/make.mjs', "async function makeHandler(table) { return function handle(event) { return table; }; }\nexport const handler = await makeHandler('orders');", [['aws-lambda', 'handler', 'exported as `handler`, returned by `makeHandler()`']]],
  ['lib/session.cjs', "module.exports = function session(options) {\n  return function sessionMiddleware(req, res, next) { next(); };\n};", [['http', 'middleware from session()', '(req, res, next) function returned by exported `session()`']]],
  // What a helper nested in the factory returns is the helper's, not the factory's.
  ['lib/wrap.cjs', "module.exports = function wrap(options) {\n  const later = () => { return async (event, context) => event; };\n  return async function handle(event, context) { return event; };\n};", [['aws-lambda', 'handler from wrap()', '(event, context) function returned by exported `wrap()`']]],
  ['src/ui.ts', 'export const onKey = (id: string) => (event: KeyboardEvent) => event.key === id;', []],

  // Declared handlers
  ['src/jobs/run.mjs', '/** @handler */\nexport async function run(job) { return job.id; }', [['declared', 'run', 'marked with @handler']]],
  ['src/main.mjs', 'export async function main(job) { return job.id; }', [['aws-lambda', 'main', 'listed in settings']], { settings: { handlers: ['main'] } }],
  ['src/jobs/run.mjs', 'export async function run(job) { return job.id; }', [['aws-lambda', 'run', 'listed in settings']], { settings: { handlers: [{ files: 'src/jobs/**', names: ['run'] }] } }],
  ['src/other/run.mjs', 'export async function run(job) { return job.id; }', [], { settings: { handlers: [{ files: 'src/jobs/**', names: ['run'] }] } }],
  ['src/traced.mjs', "import { withTracing } from './tracing.js';\nexport const process = withTracing(async (job) => job.id);", [['aws-lambda', 'process', 'wrapped by `withTracing()`']], { settings: { wrappers: ['withTracing'] } }],
  ['src/traced.mjs', "import { withTracing } from './tracing.js';\nexport const process = withTracing(async (job) => job.id);", []],
];

/** Every platform id the analysis knows today; each needs at least one row that finds it. */
const PLATFORMS = [
  'aws-lambda',
  'gcp',
  'http',
  'firebase',
  'azure',
  'cloudflare',
  'nextjs',
  'vercel',
  'express',
  'fastify',
  'hono',
  'koa',
  'node-http',
  'nitro',
  'sveltekit',
  'declared',
  'rsc',
  'remix',
  'react-router',
  'tanstack-start',
  'solid-start',
  'astro',
  'qwik-city',
  'ssr-library',
  'deno',
  'bun',
  'netlify',
  'powertools',
  'lambda-api',
  'route-table',
  'graphql',
  'nestjs',
  'route-module',
  'socket',
];

function projectFiles(project: NonNullable<Extra['project']>): Record<string, string> {
  const dependencies = Object.fromEntries((project.dependencies ?? []).map((name) => [name, '*']));
  const peerDependencies = Object.fromEntries((project.peerDependencies ?? []).map((name) => [name, '*']));
  return {
    'package.json': JSON.stringify({ name: 'fixture', private: true, dependencies, peerDependencies }),
    ...project.files,
  };
}

const order = (a: DetectedHandler, b: DetectedHandler) =>
  `${a.platform} ${a.name} ${a.reason}`.localeCompare(`${b.platform} ${b.name} ${b.reason}`);

describe('handler detection', () => {
  for (const [file, code, handlers, extra = {}] of ROWS) {
    const title = `${file}: ${code.replaceAll('\n', ' ').slice(0, 90)}`;
    const run = extra.gap ? it.skip : it;
    run(extra.gap ? `${title} — ${extra.gap}` : title, () => {
      const root = extra.project ? makeProject(projectFiles(extra.project)) : '/';
      const found = detectHandlers(code, path.join(root, file), {
        commonjs: file.endsWith('.cjs'),
        ...(extra.settings ? { settings: { 'handler-state': extra.settings } } : {}),
      });
      const wanted = handlers.map(([platform, name, reason]) => ({ name, platform, reason }));
      // The order handlers are found in is not part of the contract; the set is.
      expect([...found].sort(order)).toEqual([...wanted].sort(order));
    });
  }

  it('has a row that finds every platform', () => {
    const covered = new Set(
      ROWS.filter(([, , , extra]) => !extra?.gap).flatMap(([, , handlers]) => handlers.map(([platform]) => platform)),
    );
    expect(PLATFORMS.filter((platform) => !covered.has(platform))).toEqual([]);
  });
});
