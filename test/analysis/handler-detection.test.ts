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
  ['src/orders.ts', "import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';\nclass Lambda implements LambdaInterface {\n  public async handler(input: unknown) { return input; }\n}\nexport default new Lambda();", [['aws-lambda', 'handler', 'handler of a LambdaInterface class']], { gap: 'KNOWN GAP: the LambdaInterface method is found, but without its platform (`platform` is undefined)' }],
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
