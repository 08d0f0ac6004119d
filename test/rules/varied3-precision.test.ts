// Safe shapes in a third set of forms, each next to the leaking shape it resembles, written before any change to the
// analysis: objects and class instances made inside the handler; caches the code bounds (a length cut after
// unshift, a per-entry removal timer, a loop that deletes the first key past a cap, TTL caches with a max, a ring
// buffer of fixed size); lazy init (an `in globalThis` test, a static private `??=`, a promise memo reset on failure,
// a `WeakRef` that is re-made when collected); constant keys (a key in a module const, keys from `Object.keys` of a
// fixed table); values from the environment or from platform bindings (`process.env`, Workers `env` destructured
// in the `fetch` parameters, `import.meta.env`). A `write` marker is a strict-level finding (`strict` reports the
// write; `recommended` reports it too when it is a plain overwrite); the batch counts such a case as safe.
import { lambda, express, runVariedBatch, type VariedCase } from '../helpers/varied-batch.js';

const CASES: VariedCase[] = [
  // ---------------------------------------------------------------------------------------------- per request
  lambda(
    'per-request',
    'a cart class instance made inside the handler collects the request items',
    `class Cart {
  items: Array<{ sku: string }> = [];
  add(item: { sku: string }) {
    this.items.push(item);
  }
}
export const handler = async (event: { body: string }) => {
  const cart = new Cart();
  for (const item of JSON.parse(event.body).items) cart.add(item);
  return { statusCode: 200, body: String(cart.items.length) };
};
`,
  ),
  lambda(
    'per-request',
    'a cart class instance made at module scope collects the request items',
    `class Cart {
  items: Array<{ sku: string }> = [];
  add(item: { sku: string }) {
    this.items.push(item); // expect: growth
  }
}
const cart = new Cart();
export const handler = async (event: { body: string }) => {
  for (const item of JSON.parse(event.body).items) cart.add(item);
  return { statusCode: 200, body: String(cart.items.length) };
};
`,
  ),
  express(
    'per-request',
    'a per-request context made by a factory function, filled in middleware',
    `import express from 'express';
function createContext() {
  return { user: null, timings: [] };
}
const app = express();
app.use((req, res, next) => {
  const context = createContext();
  context.user = req.user;
  context.timings.push(Date.now());
  res.locals.context = context;
  next();
});
app.listen(3000);
`,
  ),
  express(
    'per-request',
    'a context object made by a factory function once at module scope, filled in middleware',
    `import express from 'express';
function createContext() {
  return { user: null, timings: [] };
}
const context = createContext();
const app = express();
app.use((req, res, next) => {
  context.user = req.user; // expect: data
  res.locals.context = context;
  next();
});
app.listen(3000);
`,
  ),
  lambda(
    'per-request',
    'a Map made per invocation groups the records of a batch',
    `export const handler = async (event: { Records: Array<{ body: string; attributes: { MessageGroupId: string } }> }) => {
  const byGroup = new Map<string, string[]>();
  for (const record of event.Records) {
    const group = record.attributes.MessageGroupId;
    const list = byGroup.get(group) ?? [];
    list.push(record.body);
    byGroup.set(group, list);
  }
  return { groups: byGroup.size };
};
`,
  ),
  // -------------------------------------------------------------------------------------------------- bounded
  express(
    'bounded',
    'recent searches cut back by setting length after unshift',
    `import express from 'express';
const recentSearches = [];
const app = express();
app.get('/search', (req, res) => {
  recentSearches.unshift(String(req.query.q));
  if (recentSearches.length > 20) recentSearches.length = 20;
  res.json(recentSearches);
});
app.listen(3000);
`,
  ),
  express(
    'bounded',
    'recent searches whose length is only compared',
    `import express from 'express';
const recentSearches = [];
const app = express();
app.get('/search', (req, res) => {
  recentSearches.unshift(String(req.query.q)); // expect: growth
  if (recentSearches.length > 20) console.warn('many searches');
  res.json(recentSearches);
});
app.listen(3000);
`,
  ),
  lambda(
    'bounded',
    'each cache entry removed by its own timer when it is set',
    `const sessions = new Map<string, { user: string }>();
export const handler = async (event: { sessionId: string; user: string }) => {
  sessions.set(event.sessionId, { user: event.user });
  setTimeout(() => sessions.delete(event.sessionId), 60_000).unref();
  return { statusCode: 200, body: String(sessions.size) };
};
`,
  ),
  lambda(
    'bounded',
    'each cache entry given a timer that only logs',
    `const sessions = new Map<string, { user: string }>();
export const handler = async (event: { sessionId: string; user: string }) => {
  sessions.set(event.sessionId, { user: event.user }); // expect: cache
  setTimeout(() => console.log('session aged', event.sessionId), 60_000).unref();
  return { statusCode: 200, body: String(sessions.size) };
};
`,
  ),
  lambda(
    'bounded',
    'a for-of loop over keys() deletes the first key once the map is past its cap',
    `const MAX_ENTRIES = 500;
const thumbnails = new Map<string, Uint8Array>();
export const handler = async (event: { key: string }) => {
  if (!thumbnails.has(event.key)) {
    if (thumbnails.size >= MAX_ENTRIES) {
      for (const oldest of thumbnails.keys()) {
        thumbnails.delete(oldest);
        break;
      }
    }
    thumbnails.set(event.key, new Uint8Array(16));
  }
  return { statusCode: 200 };
};
`,
  ),
  lambda(
    'bounded',
    'a TTL cache from @isaacs/ttlcache with a max',
    `import TTLCache from '@isaacs/ttlcache';
const lookups = new TTLCache<string, string>({ max: 1000, ttl: 60_000 });
export const handler = async (event: { domain: string }) => {
  if (!lookups.has(event.domain)) lookups.set(event.domain, await resolve(event.domain));
  return { statusCode: 200, body: lookups.get(event.domain) };
};
async function resolve(domain: string) {
  return domain.toLowerCase();
}
`,
    { deps: ['@isaacs/ttlcache'] },
  ),
  lambda(
    'bounded',
    'the same lookups in a plain Map with no bound',
    `const lookups = new Map<string, string>();
export const handler = async (event: { domain: string }) => {
  if (!lookups.has(event.domain)) lookups.set(event.domain, await resolve(event.domain)); // expect: cache
  return { statusCode: 200, body: lookups.get(event.domain) };
};
async function resolve(domain: string) {
  return domain.toLowerCase();
}
`,
  ),
  lambda(
    'bounded',
    'a ring buffer of fixed size written at an index modulo its length',
    `const SIZE = 128;
const latencies = new Array<number>(SIZE).fill(0);
let cursor = 0;
export const handler = async (event: { body: string }) => {
  const started = performance.now();
  JSON.parse(event.body);
  latencies[cursor % SIZE] = performance.now() - started; // expect: write
  cursor += 1; // expect: write
  return { statusCode: 200 };
};
`,
  ),
  // ------------------------------------------------------------------------------------------------ lazy init
  {
    group: 'lazy-init',
    name: 'a Prisma client put on globalThis when `in` says it is missing',
    lint: 'lib/prisma.ts',
    deps: ['@prisma/client', 'next'],
    files: {
      'lib/prisma.ts': `import { PrismaClient } from '@prisma/client';
const holder = globalThis as unknown as { prisma?: PrismaClient };
export function db() {
  if (!('prisma' in holder)) holder.prisma = new PrismaClient();
  return holder.prisma!;
}
`,
      'app/api/users/route.ts': `import { db } from '../../../lib/prisma';
export async function GET() {
  return Response.json(await db().user.findMany());
}
`,
    },
  },
  {
    group: 'lazy-init',
    name: 'a client on globalThis re-made for the database the request names',
    lint: 'app/api/users/route.ts',
    deps: ['@prisma/client', 'next'],
    files: {
      'app/api/users/route.ts': `import { PrismaClient } from '@prisma/client';
const holder = globalThis as unknown as { prisma?: PrismaClient };
export async function GET(request: Request) {
  const url = new URL(request.url).searchParams.get('db') ?? '';
  holder.prisma = new PrismaClient({ datasourceUrl: url }); // expect: data
  return Response.json(await holder.prisma.user.findMany());
}
`,
    },
  },
  lambda(
    'lazy-init',
    'a static private instance made with ??= in a static accessor',
    `import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
class Secrets {
  static #client: SecretsManagerClient | undefined;
  static client() {
    return (Secrets.#client ??= new SecretsManagerClient({}));
  }
}
export const handler = async () => {
  const client = Secrets.client();
  return { statusCode: 200, body: String(Boolean(client)) };
};
`,
    { deps: ['@aws-sdk/client-secrets-manager'] },
  ),
  lambda(
    'lazy-init',
    'a connection promise memo that forgets itself when it fails',
    `import { connect, type Connection } from './db.js';
let pending: Promise<Connection> | undefined;
function connection() {
  pending ??= connect().catch((error: unknown) => {
    pending = undefined;
    throw error;
  });
  return pending;
}
export const handler = async () => {
  const conn = await connection();
  return { statusCode: 200, body: String(await conn.ping()) };
};
`,
  ),
  lambda(
    'lazy-init',
    'a connection promise memo made for the host the event names',
    `import { connect, type Connection } from './db.js';
let pending: Promise<Connection> | undefined;
export const handler = async (event: { host: string }) => {
  pending ??= connect(event.host); // expect: data
  const conn = await pending;
  return { statusCode: 200, body: String(await conn.ping()) };
};
`,
  ),
  lambda(
    'lazy-init',
    'a WeakRef to a parsed schema, re-made when the runtime collected it',
    `import { readFileSync } from 'node:fs';
let schemaRef: WeakRef<object> | undefined;
function schema() {
  let value = schemaRef?.deref();
  if (!value) {
    value = JSON.parse(readFileSync(new URL('./schema.json', import.meta.url), 'utf8')) as object;
    schemaRef = new WeakRef(value);
  }
  return value;
}
export const handler = async (event: { body: string }) => ({
  statusCode: 200,
  body: JSON.stringify({ schema: Object.keys(schema()).length, size: event.body.length }),
});
`,
  ),
  // -------------------------------------------------------------------------------------------- constant keys
  lambda(
    'constant-keys',
    'a memo written under a key held in a module const',
    `const FLAGS_KEY = 'feature-flags';
const memo = new Map<string, Record<string, boolean>>();
export const handler = async (event: { flag: string }) => {
  if (!memo.has(FLAGS_KEY)) memo.set(FLAGS_KEY, await fetchFlags());
  return { statusCode: 200, body: String(memo.get(FLAGS_KEY)?.[event.flag] ?? false) };
};
async function fetchFlags() {
  return { beta: true };
}
`,
  ),
  lambda(
    'constant-keys',
    'a memo written under the flag the event names',
    `const memo = new Map<string, boolean>();
export const handler = async (event: { flag: string }) => {
  if (!memo.has(event.flag)) memo.set(event.flag, await fetchFlag(event.flag)); // expect: cache
  return { statusCode: 200, body: String(memo.get(event.flag)) };
};
async function fetchFlag(name: string) {
  return name === 'beta';
}
`,
  ),
  express(
    'constant-keys',
    'templates compiled for each key of a fixed table, on first request',
    `import express from 'express';
const SOURCES = { home: '<h1>{{title}}</h1>', about: '<p>{{title}}</p>' };
const compiled = {};
function compileAll() {
  for (const name of Object.keys(SOURCES)) {
    if (!compiled[name]) compiled[name] = (data) => SOURCES[name].replace('{{title}}', data.title);
  }
}
const app = express();
app.get('/:page', (req, res) => {
  compileAll();
  const render = compiled[req.params.page];
  res.send(render ? render({ title: 'Hi' }) : 'not found');
});
app.listen(3000);
`,
  ),
  express(
    'constant-keys',
    'templates compiled under the page name of the request',
    `import express from 'express';
const compiled = {};
const app = express();
app.get('/:page', (req, res) => {
  const name = req.params.page;
  if (!compiled[name]) compiled[name] = (data) => \`<h1>\${name}: \${data.title}</h1>\`; // expect: cache
  res.send(compiled[name]({ title: 'Hi' }));
});
app.listen(3000);
`,
  ),
  // ------------------------------------------------------------------------------------------------------ env
  lambda(
    'env',
    'a region read from process.env into a module variable when it is unset',
    `let region: string | undefined;
export const handler = async (event: { id: string }) => {
  if (!region) region = process.env.AWS_REGION ?? 'eu-west-1';
  return { statusCode: 200, body: \`\${region}:\${event.id}\` };
};
`,
  ),
  lambda(
    'env',
    'a region taken from the event into a module variable when it is unset',
    `let region: string | undefined;
export const handler = async (event: { id: string; region: string }) => {
  if (!region) region = event.region; // expect: data
  return { statusCode: 200, body: \`\${region}:\${event.id}\` };
};
`,
  ),
  {
    group: 'env',
    name: 'a Workers fetch destructures the D1 binding in its parameters and builds the database once',
    lint: 'src/worker.ts',
    deps: ['drizzle-orm', 'wrangler'],
    files: {
      'src/worker.ts': `import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
let db: DrizzleD1Database | undefined;
export default {
  async fetch(request: Request, { DB }: { DB: D1Database }): Promise<Response> {
    db ??= drizzle(DB);
    const rows = await db.run('select 1');
    return Response.json({ rows, path: new URL(request.url).pathname });
  },
};
`,
    },
  },
  {
    group: 'env',
    name: 'a Workers fetch keeps the country of the last visitor',
    lint: 'src/worker.ts',
    deps: ['wrangler'],
    files: {
      'src/worker.ts': `let lastCountry: string | undefined;
export default {
  async fetch(request: Request, { DB }: { DB: D1Database }): Promise<Response> {
    lastCountry = (request as Request & { cf?: { country?: string } }).cf?.country; // expect: data
    return Response.json({ country: lastCountry, hasDb: Boolean(DB) });
  },
};
`,
    },
  },
  {
    group: 'env',
    name: 'an API base from import.meta.env kept by a SvelteKit server load on first use',
    lint: 'src/routes/+page.server.ts',
    deps: ['@sveltejs/kit'],
    files: {
      'src/routes/+page.server.ts': `let apiBase: string | undefined;
export const load = async ({ fetch }) => {
  apiBase ??= import.meta.env.VITE_API_BASE ?? 'https://api.example.com';
  const res = await fetch(\`\${apiBase}/posts\`);
  return { posts: await res.json() };
};
`,
    },
  },
];

runVariedBatch('varied cases, third batch: precision', CASES);
