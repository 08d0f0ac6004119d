// Safe shapes that look like leaks, each next to the leaking shape it resembles: lazy init written with a cached
// global holder, `typeof` and `||` guards and a `once()` helper; arrays and maps the code itself keeps short
// (shift or slice past a length, splice of the overflow, an inline timer that clears, a timestamp sweep); keys from
// a fixed set chosen by a ternary; per-request stores that sit at module scope (AsyncLocalStorage); state written
// only at start-up or by tests; cold-start flags; a single-flight promise released when it settles; metric
// counters read by an exported function. A `write` marker is a strict-level finding (`strict` reports the write;
// `recommended` reports it too when it is a plain overwrite); the batch counts such a case as safe.
import { lambda, runVariedBatch, type VariedCase } from '../helpers/varied-batch.js';

const CASES: VariedCase[] = [
  // ------------------------------------------------------------------------------------------------- lazy init
  {
    group: 'lazy-init',
    name: 'a connection cached on a global holder object the way the Next.js mongoose example does',
    lint: 'lib/db.ts',
    deps: ['mongoose', 'next'],
    files: {
      'lib/db.ts': `import mongoose from 'mongoose';
let cached = (global as any).mongoose;
if (!cached) cached = (global as any).mongoose = { conn: null, promise: null };
export async function dbConnect() {
  if (cached.conn) return cached.conn;
  if (!cached.promise) cached.promise = mongoose.connect(process.env.MONGODB_URI!);
  cached.conn = await cached.promise;
  return cached.conn;
}
`,
      'app/api/users/route.ts': `import { dbConnect } from '../../../lib/db';
export async function GET() {
  await dbConnect();
  return Response.json([]);
}
`,
    },
  },
  {
    group: 'lazy-init',
    name: 'the global holder given a connection to the database the request names',
    lint: 'lib/db.ts',
    deps: ['mongoose', 'next'],
    files: {
      'lib/db.ts': `import mongoose from 'mongoose';
let cached = (global as any).mongoose;
if (!cached) cached = (global as any).mongoose = { conn: null, promise: null };
export async function dbConnect(uri: string) {
  cached.conn = await mongoose.connect(uri); // expect: data
  return cached.conn;
}
`,
      'app/api/users/route.ts': `import { dbConnect } from '../../../lib/db';
export async function GET(request: Request) {
  await dbConnect(new URL(request.url).searchParams.get('db')!);
  return Response.json([]);
}
`,
    },
  },
  lambda(
    'lazy-init',
    'a typeof guard and a || guard create clients once',
    `import { S3Client } from '@aws-sdk/client-s3';
import { createClient } from 'redis';
let s3: S3Client;
let redis: ReturnType<typeof createClient> | undefined;
export const handler = async (event: { key: string }) => {
  if (typeof s3 === 'undefined') s3 = new S3Client({});
  redis = redis || (await createClient({ url: process.env.REDIS_URL }).connect());
  return redis.get(event.key);
};
`,
  ),
  lambda(
    'lazy-init',
    'a || guard that keeps the first caller’s key',
    `let currentKey: string | undefined;
export const handler = async (event: { key: string }) => {
  currentKey = currentKey || event.key; // expect: data
  return currentKey;
};
`,
  ),
  lambda(
    'lazy-init',
    'a client made by a function wrapped in lodash once()',
    `import once from 'lodash/once.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
const getClient = once(() => new DynamoDBClient({ region: process.env.AWS_REGION }));
export const handler = async (event: { id: string }) => {
  const client = getClient();
  return client.config.region;
};
`,
    { deps: ['lodash', '@aws-sdk/client-dynamodb'] },
  ),
  lambda(
    'lazy-init',
    'without once(), the first event pushed on every request',
    `const firstEvents: unknown[] = [];
export const handler = async (event: { id: string }) => {
  firstEvents.push(event); // expect: growth
  return firstEvents.length;
};
`,
  ),
  // ---------------------------------------------------------------------------------------- bounded by code
  lambda(
    'bounded',
    'recent entries trimmed with shift() past a fixed length',
    `const recent: string[] = [];
const MAX_RECENT = 50;
export const handler = async (event: { id: string }) => {
  recent.push(event.id);
  if (recent.length > MAX_RECENT) recent.shift();
  return recent;
};
`,
  ),
  lambda(
    'bounded',
    'recent entries whose length is only reported',
    `const recent: string[] = [];
const MAX_RECENT = 50;
export const handler = async (event: { id: string }) => {
  recent.push(event.id); // expect: growth
  if (recent.length > MAX_RECENT) console.warn('recent is long', recent.length);
  return recent;
};
`,
  ),
  lambda(
    'bounded',
    'a log cut back with splice(0, overflow) after each push',
    `const lines: string[] = [];
export const handler = async (event: { line: string }) => {
  lines.push(event.line);
  const overflow = lines.length - 200;
  if (overflow > 0) lines.splice(0, overflow);
};
`,
  ),
  lambda(
    'bounded',
    'a log cut back with splice(0, 0) that removes nothing',
    `const lines: string[] = [];
export const handler = async (event: { line: string }) => {
  lines.push(event.line); // expect: growth
  lines.splice(0, 0); // expect: write
};
`,
  ),
  lambda(
    'bounded',
    'a module array re-assigned to its last entries with slice(-n)',
    `let breadcrumbs: string[] = [];
export const handler = async (event: { path: string }) => {
  breadcrumbs = [...breadcrumbs, event.path].slice(-20); // expect: write
  return breadcrumbs;
};
`,
  ),
  lambda(
    'bounded',
    'a module array re-assigned with a spread of itself and the request path, never cut',
    `let breadcrumbs: string[] = [];
export const handler = async (event: { path: string }) => {
  breadcrumbs = [...breadcrumbs, event.path]; // expect: growth
  return breadcrumbs;
};
`,
  ),
  lambda(
    'bounded',
    'a map cleared by an inline arrow on a module-level setInterval',
    `const responses = new Map<string, string>();
setInterval(() => responses.clear(), 60_000).unref();
export const handler = async (event: { url: string }) => {
  if (!responses.has(event.url)) responses.set(event.url, await (await fetch(event.url)).text());
  return responses.get(event.url);
};
`,
  ),
  lambda(
    'bounded',
    'a map whose module-level timer only logs its size',
    `const responses = new Map<string, string>();
setInterval(() => console.log('cached', responses.size), 60_000).unref();
export const handler = async (event: { url: string }) => {
  if (!responses.has(event.url)) responses.set(event.url, await (await fetch(event.url)).text()); // expect: cache
  return responses.get(event.url);
};
`,
  ),
  lambda(
    'bounded',
    'an object cache swept of expired keys by a for-in loop before each write',
    `const tokens: Record<string, { value: string; expires: number }> = {};
export const handler = async (event: { user: string; token: string }) => {
  const now = Date.now();
  for (const key in tokens) if (tokens[key].expires < now) delete tokens[key];
  tokens[event.user] = { value: event.token, expires: now + 60_000 };
};
`,
  ),
  lambda(
    'bounded',
    'an object cache whose for-in loop only counts the expired keys',
    `const tokens: Record<string, { value: string; expires: number }> = {};
export const handler = async (event: { user: string; token: string }) => {
  const now = Date.now();
  let expired = 0;
  for (const key in tokens) if (tokens[key].expires < now) expired++;
  tokens[event.user] = { value: event.token, expires: now + 60_000 }; // expect: cache
  return expired;
};
`,
  ),
  // ----------------------------------------------------------------------------------------------- fixed keys
  lambda(
    'fixed-keys',
    'a memo keyed by a ternary that falls back to a default from a fixed set',
    `const SUPPORTED = new Set(['en', 'de', 'fr']);
const messages = new Map<string, Record<string, string>>();
export const handler = async (event: { lang?: string }) => {
  const lang = event.lang && SUPPORTED.has(event.lang) ? event.lang : 'en';
  if (!messages.has(lang)) messages.set(lang, await import(\`./locales/\${lang}.js\`));
  return messages.get(lang);
};
`,
  ),
  lambda(
    'fixed-keys',
    'a memo keyed by a ternary whose fallback is the request value itself',
    `const SUPPORTED = new Set(['en', 'de', 'fr']);
const messages = new Map<string, Record<string, string>>();
export const handler = async (event: { lang: string }) => {
  const lang = SUPPORTED.has(event.lang) ? event.lang : event.lang.toLowerCase();
  if (!messages.has(lang)) messages.set(lang, await import(\`./locales/\${lang}.js\`)); // expect: cache
  return messages.get(lang);
};
`,
  ),
  // ----------------------------------------------------------------------------------------- per-request stores
  lambda(
    'per-request',
    'an AsyncLocalStorage store filled per request',
    `import { AsyncLocalStorage } from 'node:async_hooks';
const requestStore = new AsyncLocalStorage<Map<string, string>>();
export const handler = async (event: { userId: string }) =>
  requestStore.run(new Map(), async () => {
    requestStore.getStore()!.set('userId', event.userId);
    return work();
  });
async function work() {
  return requestStore.getStore()?.get('userId');
}
`,
  ),
  lambda(
    'per-request',
    'a module Map used where the AsyncLocalStorage store should be',
    `const requestStore = new Map<string, string>();
export const handler = async (event: { userId: string }) => {
  requestStore.set('userId', event.userId); // expect: data
  return work();
};
async function work() {
  return requestStore.get('userId');
}
`,
  ),
  lambda(
    'per-request',
    'a request context object named state, made by a module function per call',
    `function createState() {
  return { items: [] as string[], startedAt: Date.now() };
}
export const handler = async (event: { items: string[] }) => {
  const state = createState();
  for (const item of event.items) state.items.push(item);
  return state.items.length;
};
`,
  ),
  lambda(
    'per-request',
    'a request context object named state, made once by a module function',
    `function createState() {
  return { items: [] as string[], startedAt: Date.now() };
}
const state = createState();
export const handler = async (event: { items: string[] }) => {
  for (const item of event.items) state.items.push(item); // expect: growth
  return state.items.length;
};
`,
  ),
  // ------------------------------------------------------------------------------------- start-up and tests
  lambda(
    'start-up',
    'routes registered by a function called at module scope, read per request',
    `const routes: Array<{ path: string; run: () => string }> = [];
function register(path: string, run: () => string) {
  routes.push({ path, run });
}
register('/health', () => 'ok');
register('/version', () => '1.0.0');
export const handler = async (event: { rawPath: string }) => routes.find((r) => r.path === event.rawPath)?.run();
`,
  ),
  lambda(
    'start-up',
    'the same register function called by the handler with the request path',
    `const routes: Array<{ path: string; run: () => string }> = [];
function register(path: string, run: () => string) {
  routes.push({ path, run }); // expect: growth
}
register('/health', () => 'ok');
export const handler = async (event: { rawPath: string }) => {
  register(event.rawPath, () => 'dynamic');
  return routes.length;
};
`,
  ),
  {
    group: 'start-up',
    name: 'a module list reset and filled only by a test file',
    lint: 'src/handler.ts',
    files: {
      'src/handler.ts': `export const blockedUsers: string[] = [];
export const handler = async (event: { user: string }) => ({ blocked: blockedUsers.includes(event.user) });
`,
      'src/handler.test.ts': `import { blockedUsers, handler } from './handler.js';
blockedUsers.length = 0;
blockedUsers.push('mallory');
await handler({ user: 'mallory' });
`,
    },
  },
  {
    group: 'start-up',
    name: 'the module list filled by the handler as well as by the test file',
    lint: 'src/handler.ts',
    files: {
      'src/handler.ts': `export const blockedUsers: string[] = [];
export const handler = async (event: { user: string; block?: boolean }) => {
  if (event.block) blockedUsers.push(event.user); // expect: growth
  return { blocked: blockedUsers.includes(event.user) };
};
`,
      'src/handler.test.ts': `import { blockedUsers, handler } from './handler.js';
blockedUsers.push('mallory');
await handler({ user: 'mallory' });
`,
    },
  },
  // ---------------------------------------------------------------------------------- flags, locks, counters
  lambda(
    'flags',
    'a cold-start flag tested and cleared inside an if',
    `import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
const metrics = new Metrics({ namespace: 'app' });
let coldStart = true;
export const handler = async () => {
  if (coldStart) {
    coldStart = false;
    metrics.addMetric('ColdStart', MetricUnit.Count, 1);
  }
  metrics.publishStoredMetrics();
};
`,
    { deps: ['@aws-lambda-powertools/metrics'] },
  ),
  lambda(
    'flags',
    'a flag set from the request and never cleared',
    `let debugMode = false;
export const handler = async (event: { headers: Record<string, string> }) => {
  if (event.headers['x-debug'] === '1') debugMode = true; // expect: write
  return { debugMode };
};
`,
  ),
  lambda(
    'flags',
    'a single-flight refresh promise released in .finally()',
    `let refreshing: Promise<void> | null = null;
let token = '';
async function refresh() {
  token = await (await fetch('https://auth.example.com/token')).text();
}
export const handler = async () => {
  if (!refreshing) refreshing = refresh().finally(() => (refreshing = null));
  await refreshing;
  return token.length;
};
`,
  ),
  lambda(
    'flags',
    'a refresh promise keyed by the user of the request and never released',
    `const refreshing = new Map<string, Promise<string>>();
export const handler = async (event: { user: string }) => {
  if (!refreshing.has(event.user)) refreshing.set(event.user, fetch(\`https://auth.example.com/\${event.user}\`).then((r) => r.text())); // expect: cache
  return refreshing.get(event.user);
};
`,
  ),
  {
    group: 'flags',
    name: 'request counters read by an exported metrics function (a strict write)',
    lint: 'src/app.js',
    deps: ['express'],
    files: {
      'src/app.js': `import express from 'express';
const counters = { requests: 0, errors: 0 };
export function metricsText() {
  return \`requests \${counters.requests}\\nerrors \${counters.errors}\\n\`;
}
const app = express();
app.use((req, res, next) => {
  counters.requests++; // expect: write
  next();
});
app.get('/metrics', (req, res) => res.type('text/plain').send(metricsText()));
app.listen(3000);
`,
    },
  },
  {
    group: 'flags',
    name: 'request counters per path read by an exported metrics function',
    lint: 'src/app.js',
    deps: ['express'],
    files: {
      'src/app.js': `import express from 'express';
const counters = {};
export function metricsText() {
  return Object.entries(counters).map(([path, n]) => \`\${path} \${n}\`).join('\\n');
}
const app = express();
app.use((req, res, next) => {
  counters[req.path] = (counters[req.path] ?? 0) + 1; // expect: cache
  next();
});
app.get('/metrics', (req, res) => res.type('text/plain').send(metricsText()));
app.listen(3000);
`,
    },
  },
];

runVariedBatch('second batch of varied precision cases', CASES);
