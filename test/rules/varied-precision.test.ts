// Precision on shapes the unit suites do not show: lazy init through memoising getters and liveness checks, busy
// flags set back (reported), platform bindings as init sources, updates of existing entries, caches the code
// bounds, constant keys, and the route a message names. Each quiet case has a reported counterpart next to it.
// Real files through the real ESLint class with the strict config (every rule on): a trailing `// expect: kind`
// marker lists what must be reported on that line, and nothing else may be.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { makeProject } from '../helpers/temp.js';
import { expectedOf } from '../helpers/varied-batch.js';

interface Case {
  name: string;
  /** The files of the project; the one linted is `lint` (default `handler.ts`). */
  files: Record<string, string>;
  lint?: string;
  /** Every message must contain each of these. */
  say?: string[];
  /** No message may contain any of these. */
  neverSay?: string[];
  /** Dependencies of the project's package.json (a framework some platforms look for). */
  dependencies?: Record<string, string>;
  /** The analysis does not meet this case yet: the gap it shows. The case runs as an expected failure. */
  gap?: string;
}

const EXPRESS = `import express from 'express';
const app = express();
`;

async function lintCase(c: Case): Promise<{ keys: string[]; messages: string[] }> {
  const manifest = JSON.stringify({ name: 'app', type: 'module', dependencies: c.dependencies ?? {} });
  const root = makeProject({ 'package.json': manifest, ...c.files }, 'handler-state-vprec-');
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs.strict as never[])] as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintFiles([path.join(root, c.lint ?? 'handler.ts')]);
  const fatal = result.messages.filter((m) => m.fatal || !m.ruleId?.startsWith('handler-state/'));
  if (fatal.length > 0) throw new Error(fatal.map((m) => `${m.line}: ${m.message}`).join('\n'));
  return {
    keys: result.messages.map((m) => `${m.line}:${m.ruleId!.slice('handler-state/'.length)}`).sort(),
    messages: result.messages.map((m) => m.message),
  };
}

function runGroup(group: string, cases: Case[]): void {
  describe(group, () => {
    for (const c of cases) {
      const test = c.gap ? it.fails : it;
      test(c.gap ? `${c.name} (gap: ${c.gap})` : c.name, async () => {
        const { keys, messages } = await lintCase(c);
        expect(keys, messages.join('\n')).toEqual(expectedOf(c.files[c.lint ?? 'handler.ts']));
        for (const text of messages) {
          for (const word of c.say ?? []) expect(text).toContain(word);
          for (const word of c.neverSay ?? []) expect(text).not.toContain(word);
        }
      });
    }
  });
}

runGroup('lazy init through memoising getters, liveness checks and health checks', [
  {
    name: 'quiet: a handler re-assigns what a synchronous getter in another file memoises',
    files: {
      'lib/pool.ts': `let pool: Pool | undefined;
export function sharedPool(): Pool {
  if (pool === undefined) pool = createPool(process.env.DATABASE_URL);
  return pool;
}
`,
      'handler.ts': `import { sharedPool } from './lib/pool.js';
let pool;
export const handler = async (event) => {
  pool = sharedPool();
  return pool.query('select 1');
};
`,
    },
  },
  {
    name: 'reported: the same handler re-assigns what a factory in another file makes anew on every call',
    files: {
      'lib/pool.ts': `export function freshPool(): Pool {
  return createPool(process.env.DATABASE_URL);
}
`,
      'handler.ts': `import { freshPool } from './lib/pool.js';
let pool;
export const handler = async (event) => {
  pool = freshPool(); // expect: write
  return pool.query('select 1');
};
`,
    },
  },
  {
    name: 'quiet: an async getter that memoises with ||= and awaits the connection',
    files: {
      'lib/redis.ts': `let redis;
export const redisClient = async () => (redis ||= await createClient({ url: process.env.REDIS_URL }).connect());
`,
      'handler.ts': `import { redisClient } from './lib/redis.js';
let client;
export const handler = async (event) => {
  client = await redisClient();
  return client.get('greeting');
};
`,
    },
  },
  {
    name: 'reported: a getter that connects for the tenant the request names stores request data',
    files: {
      'lib/redis.ts': `export const clientFor = async (tenant) => createClient({ url: tenant }).connect();
`,
      'handler.ts': `import { clientFor } from './lib/redis.js';
let client;
export const handler = async (event) => {
  client = await clientFor(event.headers.tenant); // expect: data
  return client.get('greeting');
};
`,
    },
  },
  {
    name: 'quiet: a promise memo `ready ??= connect()` awaited by every request',
    files: {
      'handler.ts': `let ready: Promise<Db> | undefined;
export const handler = async (event) => {
  ready ??= connect(process.env.DB_URL);
  const db = await ready;
  return db.find(event.id);
};
`,
    },
  },
  {
    name: 'reported: a promise memo keyed by nothing but built from the request body',
    files: {
      'handler.ts': `let ready: Promise<Db> | undefined;
export const handler = async (event) => {
  ready ??= connect(event.body.url); // expect: data
  const db = await ready;
  return db.find(event.id);
};
`,
    },
  },
  {
    name: 'quiet: a class static getter that creates the instance once',
    files: {
      'lib/store.ts': `export class Store {
  static #instance: Store | undefined;
  static get instance(): Store {
    if (!Store.#instance) Store.#instance = new Store();
    return Store.#instance;
  }
  read(id: string) {
    return load(id);
  }
}
`,
      'handler.ts': `import { Store } from './lib/store.js';
export const handler = async (event) => Store.instance.read(event.id);
`,
    },
    lint: 'lib/store.ts',
  },
  {
    name: 'quiet: an object getter that memoises on `this` with ??=',
    files: {
      'handler.ts': `const clients = {
  _s3: undefined as S3Client | undefined,
  get s3() {
    return (this._s3 ??= new S3Client({ region: process.env.AWS_REGION }));
  },
};
export const handler = async (event) => clients.s3.send(new GetObjectCommand({ Key: event.key }));
`,
    },
  },
  {
    name: 'reported: an object setter that keeps the last key a request asked for',
    files: {
      'handler.ts': `const recent = {
  _key: '',
  set key(value: string) {
    this._key = value; // expect: write
  },
};
export const handler = async (event) => {
  recent.key = event.key; // expect: data
  return recent._key;
};
`,
    },
  },
  {
    name: 'quiet: `if (!client.isOpen)` reconnects a module client',
    files: {
      'handler.ts': `let client;
export const handler = async (event) => {
  if (!client || !client.isOpen) {
    client = createClient({ url: process.env.REDIS_URL });
    await client.connect();
  }
  return client.get(event.key);
};
`,
    },
  },
  {
    name: 'quiet: a mongoose readyState check re-creates the connection',
    files: {
      'handler.ts': `let conn;
export const handler = async (event) => {
  if (conn?.readyState !== 1) conn = await mongoose.createConnection(process.env.MONGO_URI).asPromise();
  return conn.model('Item').findById(event.id);
};
`,
    },
  },
  {
    name: 'quiet: a socket client re-created when it is no longer connected',
    files: {
      'handler.ts': `let socket;
export const handler = async (event) => {
  if (!socket?.connected) socket = io(process.env.HUB_URL);
  socket.emit('ping', { at: Date.now() });
  return { statusCode: 204 };
};
`,
    },
  },
  {
    name: 'reported: a liveness check that reconnects to the address the request gives',
    files: {
      'handler.ts': `let socket;
export const handler = async (event) => {
  if (!socket?.connected) socket = io(event.queryStringParameters.hub); // expect: data
  return { statusCode: 204 };
};
`,
    },
  },
  {
    name: 'quiet: ping, drop on failure, reconnect when missing',
    files: {
      'handler.ts': `let conn = null;
export const handler = async (event) => {
  if (conn) {
    try {
      await conn.ping();
    } catch {
      conn = null;
    }
  }
  if (!conn) conn = await connect(process.env.DB_URL);
  return conn.query(event.sql);
};
`,
    },
  },
  {
    name: 'reported: a reconnect under a test the request decides',
    files: {
      'handler.ts': `let conn = null;
export const handler = async (event) => {
  if (event.reconnect) conn = await connect(process.env.DB_URL); // expect: write
  return conn.query(event.sql);
};
`,
    },
  },
  {
    name: 'quiet: a token refreshed when its expiry has passed',
    files: {
      'handler.ts': `let token: { value: string; expires: number } | null = null;
export const handler = async (event) => {
  if (!token || token.expires < Date.now()) {
    token = { value: await fetchToken(process.env.CLIENT_ID), expires: Date.now() + 55 * 60_000 };
  }
  return callApi(token.value, event.path);
};
`,
    },
  },
  {
    name: 'reported: the same token slot filled with the caller’s own credentials',
    files: {
      'handler.ts': `let token: { value: string; expires: number } | null = null;
export const handler = async (event) => {
  if (!token || token.expires < Date.now()) {
    token = { value: event.headers.authorization, expires: Date.now() + 55 * 60_000 }; // expect: data
  }
  return callApi(token.value, event.path);
};
`,
    },
  },
]);

runGroup('busy flags that the guarded code sets back are reported', [
  {
    name: 'reported: set, awaited work, set back in finally (a guard on the flag first)',
    files: {
      'handler.ts': `let syncing = false;
export const handler = async (event) => {
  if (!syncing) {
    syncing = true; // expect: write
    try {
      await syncAll();
    } finally {
      syncing = false; // expect: write
    }
  }
  return { statusCode: 202 };
};
`,
    },
    say: ['sets it back in the same request'],
  },
  {
    name: 'reported: set back in a promise callback',
    files: {
      'handler.ts': `let refreshing = false;
export const handler = async (event) => {
  if (refreshing) return { statusCode: 409 };
  refreshing = true; // expect: write
  rebuildIndex().then(() => {
    refreshing = false; // expect: write
  });
  return { statusCode: 202 };
};
`,
    },
    say: ['sets it back in the same request'],
  },
  {
    name: 'reported: set back in .finally() of the work',
    files: {
      'handler.ts': `${EXPRESS}let running = false;
app.post('/jobs/run', (req, res) => {
  if (running) return res.status(409).end();
  running = true; // expect: write
  runJob().finally(() => {
    running = false; // expect: write
  });
  res.status(202).end();
});
export default app;
`,
    },
    say: ['sets it back in the same request'],
  },
  {
    name: 'reported: a flag on a module object set back in a timer callback',
    files: {
      'handler.ts': `const state = { locked: false };
export const handler = async (event) => {
  if (state.locked) return { statusCode: 423 };
  state.locked = true; // expect: write
  setTimeout(() => {
    state.locked = false; // expect: write
  }, 1000);
  return { statusCode: 200 };
};
`,
    },
    say: ['sets it back in the same request'],
  },
  {
    name: 'reported: a class static flag set back in finally',
    files: {
      'handler.ts': `class Exporter {
  static running = false;
  static async run() {
    if (Exporter.running) return;
    Exporter.running = true; // expect: write
    try {
      await exportAll();
    } finally {
      Exporter.running = false; // expect: write
    }
  }
}
export const handler = async (event) => {
  await Exporter.run();
  return { statusCode: 200 };
};
`,
    },
    say: ['sets it back in the same request'],
  },
  {
    name: 'quiet: a one-way warm-up latch that nothing sets back',
    files: {
      'handler.ts': `let warmed = false;
export const handler = async (event) => {
  if (!warmed) {
    warmed = true;
    await warmCaches();
  }
  return render(event.path);
};
`,
    },
  },
  {
    name: 'quiet: a start-up flag reset only when the start-up failed',
    files: {
      'handler.ts': `let started = false;
export const handler = async (event) => {
  if (!started) {
    started = true;
    try {
      await migrate();
    } catch (error) {
      started = false;
      throw error;
    }
  }
  return handle(event);
};
`,
    },
  },
  {
    name: 'quiet: a memoised start-up promise instead of a busy flag',
    files: {
      'handler.ts': `let starting: Promise<void> | null = null;
export const handler = async (event) => {
  starting ??= migrate();
  await starting;
  return handle(event);
};
`,
    },
  },
]);

runGroup('platform bindings are init sources, not request data', [
  {
    name: 'quiet: Workers module `fetch(req, env, ctx)` builds the database client from env once',
    files: {
      'src/index.ts': `let db;
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    if (!db) db = drizzle(env.DB);
    return Response.json(await db.select().from(items));
  },
};
`,
    },
    lint: 'src/index.ts',
  },
  {
    name: 'reported: the same worker keeps the request URL',
    files: {
      'src/index.ts': `let lastUrl;
export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    if (!lastUrl) lastUrl = request.url; // expect: data
    return new Response(lastUrl);
  },
};
`,
    },
    lint: 'src/index.ts',
  },
  {
    name: 'quiet: Hono middleware destructures c.env and builds a store with ??=',
    files: {
      'src/index.ts': `import { Hono } from 'hono';
const app = new Hono();
let store;
app.use('*', async (c, next) => {
  const { SESSIONS } = c.env;
  store ??= new KvStore(SESSIONS);
  await next();
});
app.get('/', (c) => c.text('ok'));
export default app;
`,
    },
    lint: 'src/index.ts',
  },
  {
    name: 'quiet: Hono keeps a scheduler made from c.executionCtx once',
    files: {
      'src/index.ts': `import { Hono } from 'hono';
const app = new Hono();
let flusher = null;
app.post('/events', async (c) => {
  if (flusher === null) flusher = makeFlusher(c.env.QUEUE, c.executionCtx);
  return c.text('queued', 202);
});
export default app;
`,
    },
    lint: 'src/index.ts',
  },
  {
    name: 'reported: Hono middleware stores the caller’s header next to the bindings',
    files: {
      'src/index.ts': `import { Hono } from 'hono';
const app = new Hono();
let store;
app.use('*', async (c, next) => {
  store ??= new KvStore(c.env.SESSIONS, c.req.header('x-tenant')); // expect: data
  await next();
});
export default app;
`,
    },
    lint: 'src/index.ts',
  },
  {
    name: 'quiet: SvelteKit load reads event.platform.env into a module cache once',
    files: {
      'src/routes/+page.server.ts': `let bucket;
export async function load(event) {
  bucket ||= new Bucket(event.platform.env.ASSETS);
  return { files: await bucket.list() };
}
`,
    },
    lint: 'src/routes/+page.server.ts',
  },
  {
    name: 'reported: SvelteKit load keeps the cookies of the request',
    files: {
      'src/routes/+page.server.ts': `let session;
export async function load(event) {
  session ||= event.cookies.get('sid'); // expect: data
  return { session };
}
`,
    },
    lint: 'src/routes/+page.server.ts',
  },
  {
    name: 'quiet: Nitro reads the D1 binding from a destructured event.context',
    files: {
      'server/api/items.get.ts': `let d1;
export default defineEventHandler(async (event) => {
  const { cloudflare } = event.context;
  if (!d1) d1 = cloudflare.env.DB;
  return d1.prepare('select * from items').all();
});
`,
    },
    lint: 'server/api/items.get.ts',
  },
  {
    name: 'reported: Nitro keeps the route params of the first request',
    files: {
      'server/api/items.get.ts': `let firstId;
export default defineEventHandler(async (event) => {
  if (!firstId) firstId = event.context.params.id; // expect: data
  return firstId;
});
`,
    },
    lint: 'server/api/items.get.ts',
  },
  {
    name: 'quiet: an Astro endpoint keeps a client built from locals.runtime.env in a local first',
    files: {
      'src/pages/api/ask.ts': `let ai;
export const POST = async ({ locals, request }) => {
  const env = locals.runtime.env;
  ai ??= new Ai(env.AI);
  return new Response(await ai.run(await request.text()));
};
`,
    },
    lint: 'src/pages/api/ask.ts',
    dependencies: { astro: '^5.0.0' },
  },
  {
    name: 'reported: the Astro endpoint keeps the signed-in user from locals',
    files: {
      'src/pages/api/ask.ts': `let user;
export const POST = async ({ locals }) => {
  user ??= locals.user; // expect: data
  return new Response(user.name);
};
`,
    },
    lint: 'src/pages/api/ask.ts',
    dependencies: { astro: '^5.0.0' },
  },
]);

runGroup('updating an existing entry adds no key', [
  {
    name: 'quiet for caches: get, early return when missing, set back (a strict write)',
    files: {
      'handler.ts': `${EXPRESS}const sessions = new Map(loadSessions());
app.post('/touch/:id', (req, res) => {
  const session = sessions.get(req.params.id);
  if (!session) return res.sendStatus(404);
  sessions.set(req.params.id, { ...session, seenAt: Date.now() }); // expect: write
  res.sendStatus(204);
});
export default app;
`,
    },
  },
  {
    name: 'reported: the same route without the missing-entry check creates one session per id',
    files: {
      'handler.ts': `${EXPRESS}const sessions = new Map(loadSessions());
app.post('/touch/:id', (req, res) => {
  const session = sessions.get(req.params.id);
  sessions.set(req.params.id, { ...session, seenAt: Date.now() }); // expect: cache
  res.sendStatus(204);
});
export default app;
`,
    },
    say: ['nothing evicts'],
  },
  {
    name: 'quiet for caches: a has() guard with the key in a local',
    files: {
      'handler.ts': `const hits = new Map(ROUTES.map((r) => [r, 0]));
export const handler = async (event) => {
  const route = event.rawPath;
  if (hits.has(route)) hits.set(route, hits.get(route) + 1); // expect: write
  return { statusCode: 200 };
};
`,
    },
  },
  {
    name: 'reported: has() of another local does not cover the key written',
    files: {
      'handler.ts': `const hits = new Map(ROUTES.map((r) => [r, 0]));
export const handler = async (event) => {
  const route = event.rawPath;
  const alias = event.headers.alias;
  if (hits.has(alias)) hits.set(route, 1); // expect: cache
  return { statusCode: 200 };
};
`,
    },
  },
  {
    name: 'quiet for caches: increment through map.get(id)',
    files: {
      'handler.ts': `${EXPRESS}const stats = new Map();
for (const id of loadIds()) stats.set(id, { views: 0 });
app.get('/articles/:id', (req, res) => {
  stats.get(req.params.id).views++; // expect: write
  res.json(stats.get(req.params.id));
});
export default app;
`,
    },
  },
  {
    name: 'quiet for caches: an object entry replaced after an `in` check throws when missing',
    files: {
      'handler.ts': `const prefs: Record<string, { theme: string }> = loadPrefs();
export const handler = async (event) => {
  const user = event.requestContext.authorizer.sub;
  if (!(user in prefs)) throw new Error('unknown user');
  prefs[user] = { ...prefs[user], theme: 'dark' }; // expect: write
  return { statusCode: 204 };
};
`,
    },
  },
  {
    name: 'reported: an object entry written for any user the request names',
    files: {
      'handler.ts': `const prefs: Record<string, { theme: string }> = loadPrefs();
export const handler = async (event) => {
  const user = event.requestContext.authorizer.sub;
  prefs[user] = { theme: 'dark' }; // expect: cache
  return { statusCode: 204 };
};
`,
    },
  },
  {
    name: 'reported: a counter per request path with no existing-entry check',
    files: {
      'handler.ts': `${EXPRESS}const views = {};
app.get('*', (req, res) => {
  views[req.path] = (views[req.path] ?? 0) + 1; // expect: cache
  res.end();
});
export default app;
`,
    },
  },
]);

runGroup('caches the code bounds are explicit caches', [
  {
    name: 'quiet: a size cap that deletes the oldest key from keys().next().value',
    files: {
      'handler.ts': `const MAX = 500;
const rendered = new Map<string, string>();
export const handler = async (event) => {
  const hit = rendered.get(event.rawPath);
  if (hit) return { body: hit };
  const body = await render(event.rawPath);
  if (rendered.size >= MAX) rendered.delete(rendered.keys().next().value);
  rendered.set(event.rawPath, body);
  return { body };
};
`,
    },
  },
  {
    name: 'reported: a size check that only logs evicts nothing',
    files: {
      'handler.ts': `const MAX = 500;
const rendered = new Map<string, string>();
export const handler = async (event) => {
  if (rendered.size >= MAX) console.warn('cache is large');
  rendered.set(event.rawPath, await render(event.rawPath)); // expect: cache
  return { body: rendered.get(event.rawPath) };
};
`,
    },
    say: ['nothing evicts'],
  },
  {
    name: 'quiet: a while loop trims the map above its bound',
    files: {
      'handler.ts': `${EXPRESS}const previews = new Map();
app.get('/preview', async (req, res) => {
  previews.set(req.query.url, await fetchPreview(req.query.url));
  while (previews.size > 200) {
    const [oldest] = previews.keys();
    previews.delete(oldest);
  }
  res.json(previews.get(req.query.url));
});
export default app;
`,
    },
  },
  {
    name: 'quiet: a module-level setInterval sweeps expired entries with a named function',
    files: {
      'handler.ts': `const seen = new Map<string, number>();
function sweep() {
  const now = Date.now();
  for (const [id, at] of seen) if (now - at > 300_000) seen.delete(id);
}
setInterval(sweep, 60_000).unref();
export const handler = async (event) => {
  if (seen.has(event.id)) return { statusCode: 200 };
  seen.set(event.id, Date.now());
  return process(event);
};
`,
    },
  },
  {
    name: 'quiet: a TTL check deletes the stale entry on read',
    files: {
      'handler.ts': `const TTL = 60_000;
const answers = new Map<string, { at: number; value: unknown }>();
export const handler = async (event) => {
  const entry = answers.get(event.q);
  if (entry && Date.now() - entry.at > TTL) answers.delete(event.q);
  else if (entry) return entry.value;
  const value = await ask(event.q);
  answers.set(event.q, { at: Date.now(), value });
  return value;
};
`,
    },
  },
  {
    name: 'quiet: clear() when the map is full',
    files: {
      'handler.ts': `${EXPRESS}const thumbs = new Map();
app.get('/thumb/:name', async (req, res) => {
  if (thumbs.size > 1000) thumbs.clear();
  if (!thumbs.has(req.params.name)) thumbs.set(req.params.name, await resize(req.params.name));
  res.send(thumbs.get(req.params.name));
});
export default app;
`,
    },
  },
  {
    name: 'reported: a delete made by a request route bounds nothing, and the message does not say nothing evicts',
    files: {
      'handler.ts': `${EXPRESS}const drafts = new Map();
app.put('/drafts/:id', (req, res) => {
  drafts.set(req.params.id, req.body); // expect: write
  res.sendStatus(204);
});
app.delete('/drafts/:id', (req, res) => {
  drafts.delete(req.params.id); // expect: write
  res.sendStatus(204);
});
export default app;
`,
    },
    neverSay: ['nothing evicts'],
  },
  {
    name: 'reported: a TTL that is checked but never deletes keeps every key',
    files: {
      'handler.ts': `const TTL = 60_000;
const answers = new Map<string, { at: number; value: unknown }>();
export const handler = async (event) => {
  const entry = answers.get(event.q);
  if (entry && Date.now() - entry.at < TTL) return entry.value;
  const value = await ask(event.q);
  answers.set(event.q, { at: Date.now(), value }); // expect: cache
  return value;
};
`,
    },
    say: ['nothing evicts'],
  },
]);

runGroup('constant keys are not request-derived', [
  {
    name: 'quiet: a memo under one fixed key',
    files: {
      'handler.ts': `const memo = new Map<string, Config>();
export const handler = async (event) => {
  if (!memo.has('config')) memo.set('config', await loadConfig());
  return respond(memo.get('config'), event);
};
`,
    },
  },
  {
    name: 'quiet: a compiled-template memo refilled with what it holds, under names the code passes',
    files: {
      'handler.ts': `${EXPRESS}const compiled = new Map();
function renderFile(name, data) {
  const template = compiled.get(name) || compile(readTemplate(name));
  compiled.set(name, template);
  return template(data);
}
app.get('/', (req, res) => res.send(renderFile('home.html', { user: req.user })));
app.get('/about', (req, res) => res.send(renderFile('about.html', {})));
export default app;
`,
    },
  },
  {
    name: 'reported: the same memo under a template name the request picks',
    files: {
      'handler.ts': `${EXPRESS}const compiled = new Map();
function renderFile(name, data) {
  const template = compiled.get(name) || compile(readTemplate(name));
  compiled.set(name, template); // expect: cache
  return template(data);
}
app.get('/page/:name', (req, res) => res.send(renderFile(req.params.name, {})));
export default app;
`,
    },
  },
  {
    name: 'reported: the same memo keyed by the request path',
    files: {
      'handler.ts': `const memo = new Map<string, Config>();
export const handler = async (event) => {
  if (!memo.has(event.path)) memo.set(event.path, await loadConfig(event.path)); // expect: cache
  return respond(memo.get(event.path), event);
};
`,
    },
  },
  {
    name: 'quiet: keys from an `as const` tuple checked with includes()',
    files: {
      'handler.ts': `const LOCALES = ['en', 'fr', 'de'] as const;
type Locale = (typeof LOCALES)[number];
const bundles: Partial<Record<Locale, Bundle>> = {};
export const handler = async (event) => {
  const lang = event.queryStringParameters?.lang;
  if (!LOCALES.includes(lang)) return { statusCode: 400 };
  bundles[lang] ??= await loadBundle(lang);
  return { body: bundles[lang] };
};
`,
    },
  },
  {
    name: 'quiet: a key that is an enum member chosen by the request',
    files: {
      'handler.ts': `enum Tier {
  Free = 'free',
  Pro = 'pro',
}
const limits = new Map<Tier, Limits>();
export const handler = async (event) => {
  const tier = event.headers['x-pro'] ? Tier.Pro : Tier.Free;
  if (!limits.has(tier)) limits.set(tier, await loadLimits(tier));
  return limits.get(tier);
};
`,
    },
  },
  {
    name: 'quiet: a switch over literals picks the key',
    files: {
      'handler.ts': `${EXPRESS}const feeds = {};
app.get('/feed/:kind', async (req, res) => {
  let key;
  switch (req.params.kind) {
    case 'rss':
      key = 'rss';
      break;
    case 'atom':
      key = 'atom';
      break;
    default:
      return res.sendStatus(404);
  }
  feeds[key] ??= await buildFeed(key);
  res.send(feeds[key]);
});
export default app;
`,
    },
  },
  {
    name: 'reported: a switch whose default passes the request value through',
    files: {
      'handler.ts': `${EXPRESS}const feeds = {};
app.get('/feed/:kind', async (req, res) => {
  let key;
  switch (req.params.kind) {
    case 'rss':
      key = 'rss';
      break;
    default:
      key = req.params.kind;
  }
  feeds[key] ??= await buildFeed(key); // expect: cache
  res.send(feeds[key]);
});
export default app;
`,
    },
  },
  {
    name: 'reported: a tuple that is not checked before use',
    files: {
      'handler.ts': `const LOCALES = ['en', 'fr', 'de'] as const;
const bundles = {};
export const handler = async (event) => {
  const lang = event.queryStringParameters?.lang ?? LOCALES[0];
  bundles[lang] ??= await loadBundle(lang); // expect: cache
  return { body: bundles[lang] };
};
`,
    },
  },
  {
    name: 'reported: a key built from an enum and a request id',
    files: {
      'handler.ts': `enum Tier {
  Free = 'free',
  Pro = 'pro',
}
const limits = new Map<string, Limits>();
export const handler = async (event) => {
  const key = \`\${Tier.Pro}:\${event.pathParameters.account}\`;
  if (!limits.has(key)) limits.set(key, await loadLimits(key)); // expect: cache
  return limits.get(key);
};
`,
    },
  },
]);

runGroup('one fixed slot under a test that the request value is absent', [
  {
    name: 'quiet: the default listing is memoised only when the request gives no query',
    files: {
      'handler.ts': `${EXPRESS}let defaultListing;
app.get('/search', async (req, res) => {
  let items;
  if (req.query.q || !defaultListing) {
    const found = await index.search(req.query.q ?? '', { limit: 20 });
    items = found.hits.map((hit) => hit.name);
    if (!req.query.q) defaultListing = items;
  } else {
    items = defaultListing;
  }
  res.json(items);
});
export default app;
`,
    },
  },
  {
    name: 'reported: the same listing memoised for whatever query came first',
    files: {
      'handler.ts': `${EXPRESS}let defaultListing;
app.get('/search', async (req, res) => {
  let items;
  if (req.query.q || !defaultListing) {
    const found = await index.search(req.query.q ?? '', { limit: 20 });
    items = found.hits.map((hit) => hit.name);
    if (!defaultListing) defaultListing = items; // expect: data
  } else {
    items = defaultListing;
  }
  res.json(items);
});
export default app;
`,
    },
  },
  {
    name: 'not request data (a strict write): an early return when a header is present leaves only its absence',
    files: {
      'handler.ts': `let anonymousPage;
export const handler = async (event) => {
  const user = event.headers.authorization;
  if (user) return render(await loadPage(user));
  anonymousPage = await loadPage(user); // expect: write
  return render(anonymousPage);
};
`,
    },
  },
  {
    name: 'reported: the early return tests another header',
    files: {
      'handler.ts': `let anonymousPage;
export const handler = async (event) => {
  const user = event.headers.authorization;
  if (event.headers.cookie) return render(await loadPage(user));
  anonymousPage = await loadPage(user); // expect: data
  return render(anonymousPage);
};
`,
    },
  },
]);

runGroup('work queues that a scheduled consumer drains', [
  {
    name: 'not request data (a strict write): a task queued and drained by a microtask',
    files: {
      'handler.ts': `const tasks: Task[] = [];
let running = false;
async function drain() {
  if (running) return;
  running = true; // expect: write
  const task = tasks.shift(); // expect: write
  running = false; // expect: write
  if (task) await perform(task);
  if (tasks.length) queueMicrotask(drain);
}
export const handler = async (event) => {
  tasks.push({ kind: 'publish', module: event.body.module }); // expect: write
  queueMicrotask(drain);
  return { statusCode: 202 };
};
`,
    },
  },
  {
    name: 'reported: the same queue taken from only by another request holds request data',
    files: {
      'handler.ts': `${EXPRESS}const tasks = [];
app.post('/tasks', (req, res) => {
  tasks.push({ module: req.body.module }); // expect: data
  res.sendStatus(202);
});
app.post('/tasks/next', async (req, res) => {
  res.json(tasks.shift()); // expect: write
});
export default app;
`,
    },
  },
  {
    name: 'not request data (a strict write): an inline setImmediate consumer pops the queue',
    files: {
      'handler.ts': `const outbox = [];
export const handler = async (event) => {
  outbox.push(event.detail); // expect: write
  setImmediate(() => {
    const next = outbox.pop(); // expect: write
    if (next) send(next);
  });
  return { ok: true };
};
`,
    },
  },
  {
    name: 'reported: a scheduled consumer that only peeks leaves every entry',
    files: {
      'handler.ts': `const outbox = [];
export const handler = async (event) => {
  outbox.push(event.detail); // expect: growth
  setImmediate(() => send(outbox[outbox.length - 1]));
  return { ok: true };
};
`,
    },
  },
]);

runGroup('messages name the route that makes the write unguarded', [
  {
    name: 'reported: a helper in another file guarded in one route and called bare in another',
    gap: 'a guard in an importing file that tests the module’s state through one of its getters is not seen, so the first route is named',
    files: {
      'lib/client.ts': `let client;
export async function connectClient() {
  client = await createClient(process.env.URL); // expect: write
  return client;
}
export const current = () => client;
`,
      'handler.ts': `${EXPRESS}import { connectClient, current } from './lib/client.js';
app.get('/first', async (req, res) => {
  if (!current()) await connectClient();
  res.json(await current().get('a'));
});
app.get('/second', async (req, res) => {
  await connectClient();
  res.json(await current().get('b'));
});
export default app;
`,
    },
    lint: 'lib/client.ts',
    say: ['GET /second'],
    neverSay: ['GET /first'],
  },
  {
    name: 'reported: guarded in the first Lambda export, unguarded in the second: the second is named',
    files: {
      'handler.ts': `let token;
async function refresh() {
  token = await fetchToken(process.env.CLIENT_ID); // expect: write
}
export const read = async (event) => {
  if (!token) await refresh();
  return callApi(token, event.path);
};
export const rotate = async (event) => {
  await refresh();
  return { statusCode: 204 };
};
`,
    },
    say: ['`rotate`'],
    neverSay: ['`read`'],
  },
  {
    name: 'reported: guarded by a liveness check in one route, called bare in a second: the second is named',
    files: {
      'handler.ts': `${EXPRESS}let conn;
async function open() {
  conn = await connect(process.env.DB_URL); // expect: write
}
app.get('/items', async (req, res) => {
  if (!conn || !conn.isOpen) await open();
  res.json(await conn.all());
});
app.post('/admin/reopen', async (req, res) => {
  await open();
  res.sendStatus(204);
});
export default app;
`,
    },
    say: ['POST /admin/reopen'],
    neverSay: ['GET /items'],
  },
  {
    name: 'reported: the unguarded caller is a nested helper of the second route',
    files: {
      'handler.ts': `${EXPRESS}let cfg;
async function loadCfg() {
  cfg = await readConfig(process.env.CONFIG_PATH); // expect: write
}
async function reload() {
  await loadCfg();
}
app.get('/a', async (req, res) => {
  if (!cfg) await loadCfg();
  res.json(cfg);
});
app.post('/reload', async (req, res) => {
  await reload();
  res.sendStatus(204);
});
export default app;
`,
    },
    say: ['POST /reload'],
    neverSay: ['GET /a'],
  },
  {
    name: 'quiet: the helper is guarded in every route',
    files: {
      'handler.ts': `${EXPRESS}let cfg;
async function loadCfg() {
  cfg = await readConfig(process.env.CONFIG_PATH);
}
app.get('/a', async (req, res) => {
  if (!cfg) await loadCfg();
  res.json(cfg);
});
app.get('/b', async (req, res) => {
  if (cfg === undefined) await loadCfg();
  res.json(cfg);
});
export default app;
`,
    },
  },
  {
    name: 'quiet: guarded by an early return in one route and by ??= of a promise in another',
    files: {
      'handler.ts': `let cfg;
let loading;
async function loadCfg() {
  cfg = await readConfig(process.env.CONFIG_PATH);
}
export const a = async (event) => {
  if (cfg) return cfg;
  await loadCfg();
  return cfg;
};
export const b = async (event) => {
  loading ??= loadCfg();
  await loading;
  return cfg;
};
`,
    },
  },
  {
    name: 'quiet: the helper in another file is guarded in every route',
    gap: 'a guard in an importing file that tests the module’s state through one of its getters is not seen',
    files: {
      'lib/client.ts': `let client;
export async function connectClient() {
  client = await createClient(process.env.URL);
  return client;
}
export const current = () => client;
`,
      'handler.ts': `${EXPRESS}import { connectClient, current } from './lib/client.js';
app.get('/first', async (req, res) => {
  if (!current()) await connectClient();
  res.json(await current().get('a'));
});
app.get('/second', async (req, res) => {
  if (current() === undefined) await connectClient();
  res.json(await current().get('b'));
});
export default app;
`,
    },
    lint: 'lib/client.ts',
  },
  {
    name: 'quiet: guarded by a liveness check in both routes',
    files: {
      'handler.ts': `${EXPRESS}let conn;
async function open() {
  conn = await connect(process.env.DB_URL);
}
app.get('/items', async (req, res) => {
  if (!conn?.isOpen) await open();
  res.json(await conn.all());
});
app.get('/count', async (req, res) => {
  if (!conn || !conn.isOpen) await open();
  res.json(await conn.count());
});
export default app;
`,
    },
  },
]);

const SERVER_SINGLETON = `class Server {
  static #instance;
  static getInstance() {
    if (!Server.#instance) Server.#instance = new Server();
    return Server.#instance;
  }
  rooms = {};
  archived = {};
}
module.exports = { Server };
`;

runGroup('registries whose entries another file removes', [
  {
    name: 'quiet for caches: entries deleted in another file through the same getInstance() singleton (a strict write)',
    files: {
      'lib/server.js': SERVER_SINGLETON,
      'lib/rooms.js': `const { Server } = require('./server');
exports.closeRoom = async (id) => {
  const server = Server.getInstance();
  delete server.rooms[id];
};
`,
      'handler.js': `const { Server } = require('./lib/server');
const server = Server.getInstance();
exports.handler = async (event) => {
  const room = await loadRoom(event.roomId);
  server.rooms[room.id] = room; // expect: write
  return { statusCode: 200 };
};
`,
    },
    lint: 'handler.js',
  },
  {
    name: 'reported: another file deletes from a different member of the same singleton',
    files: {
      'lib/server.js': SERVER_SINGLETON,
      'lib/rooms.js': `const { Server } = require('./server');
exports.closeRoom = async (id) => {
  const server = Server.getInstance();
  delete server.archived[id];
};
`,
      'handler.js': `const { Server } = require('./lib/server');
const server = Server.getInstance();
exports.handler = async (event) => {
  const room = await loadRoom(event.roomId);
  server.rooms[room.id] = room; // expect: cache
  return { statusCode: 200 };
};
`,
    },
    lint: 'handler.js',
    say: ['nothing evicts'],
  },
  {
    name: 'quiet for caches: an object on an ES-module singleton released by key in another file (a strict write)',
    files: {
      'lib/hub.ts': `export class Hub {
  static #hub: Hub | undefined;
  static shared(): Hub {
    return (Hub.#hub ??= new Hub());
  }
  peers: Record<string, Peer> = {};
}
`,
      'lib/leave.ts': `import { Hub } from './hub.js';
export function leave(id: string) {
  const hub = Hub.shared();
  delete hub.peers[id];
}
`,
      'handler.ts': `import { Hub } from './lib/hub.js';
const hub = Hub.shared();
export const handler = async (event) => {
  hub.peers[event.peerId] = await Peer.open(event.peerId); // expect: write
  return { statusCode: 200 };
};
`,
    },
  },
  {
    name: 'reported: the only removal through that singleton is in a test file',
    files: {
      'lib/hub.ts': `export class Hub {
  static #hub: Hub | undefined;
  static shared(): Hub {
    return (Hub.#hub ??= new Hub());
  }
  peers: Record<string, Peer> = {};
}
`,
      'test/hub.test.ts': `import { Hub } from '../lib/hub.js';
afterEach(() => {
  const hub = Hub.shared();
  hub.peers = {};
});
`,
      'handler.ts': `import { Hub } from './lib/hub.js';
const hub = Hub.shared();
export const handler = async (event) => {
  hub.peers[event.peerId] = await Peer.open(event.peerId); // expect: cache
  return { statusCode: 200 };
};
`,
    },
    say: ['nothing evicts'],
  },
]);

const GRANTS_CLASS = `class Grants {
  constructor() {
    this.allowed = new Map();
  }
  allow(address) {
    this.allowed.set(address, true);
  }
  isAllowed(address) {
    return this.allowed.has(address);
  }
  revoke(address) {
    return this.allowed.delete(address);
  }
}
module.exports = Grants;
`;

const TALLY_CLASS = `class Tally {
  static byMonitor = {};
  static async forMonitor(id) {
    if (!Tally.byMonitor[id]) {
      Tally.byMonitor[id] = new Tally();
      await Tally.byMonitor[id].load(id);
    }
    return Tally.byMonitor[id];
  }
  static forget(id) {
    delete Tally.byMonitor[id];
  }
  static async wipe(id) {
    await db.run('delete from beats where monitor = ?', [id]);
    Tally.forget(id);
  }
  static count() {
    return Object.keys(Tally.byMonitor).length;
  }
  async load(id) {
    this.rows = await db.all('select * from beats where monitor = ?', [id]);
  }
}
module.exports = { Tally };
`;

const STREAMS_CLASS = `class Streams {
  constructor() {
    this.open = new Set();
  }
  watch(stream) {
    this.open.add(stream);
  }
  unwatch(stream) {
    this.open.delete(stream);
  }
}
module.exports = Streams;
`;

runGroup('removals in a method of the same holder that the code runs later', [
  {
    name: 'quiet for caches: the route file also calls the removing method on the same instance (a strict write)',
    files: {
      'lib/grants.js': GRANTS_CLASS,
      'handler.js': `const express = require('express');
const Grants = require('./lib/grants');
const app = express();
const grants = new Grants();
app.post('/login', (req, res) => {
  grants.allow(req.ip); // expect: write
  res.sendStatus(204);
});
app.post('/logout', (req, res) => {
  if (grants.isAllowed(req.ip)) grants.revoke(req.ip); // expect: write
  res.sendStatus(204);
});
`,
    },
    lint: 'handler.js',
  },
  {
    name: 'reported: the removing method exists but nothing in the route file calls it',
    files: {
      'lib/grants.js': GRANTS_CLASS,
      'handler.js': `const express = require('express');
const Grants = require('./lib/grants');
const app = express();
const grants = new Grants();
app.post('/login', (req, res) => {
  grants.allow(req.ip); // expect: cache
  res.sendStatus(204);
});
app.get('/check', (req, res) => {
  res.json({ ok: grants.isAllowed(req.ip) });
});
`,
    },
    lint: 'handler.js',
    say: ['`revoke()`'],
  },
  {
    name: 'reported: the removing method runs only once at start-up',
    files: {
      'lib/grants.js': GRANTS_CLASS,
      'handler.js': `const express = require('express');
const Grants = require('./lib/grants');
const app = express();
const grants = new Grants();
grants.revoke('127.0.0.1');
app.post('/login', (req, res) => {
  grants.allow(req.ip); // expect: cache
  res.sendStatus(204);
});
`,
    },
    lint: 'handler.js',
  },
  {
    name: 'reported: the removing method is called on another instance',
    files: {
      'lib/grants.js': GRANTS_CLASS,
      'handler.js': `const express = require('express');
const Grants = require('./lib/grants');
const app = express();
const grants = new Grants();
const banned = new Grants();
app.post('/login', (req, res) => {
  grants.allow(req.ip); // expect: cache
  res.sendStatus(204);
});
app.post('/unban', (req, res) => {
  banned.revoke(req.ip); // expect: write
  res.sendStatus(204);
});
`,
    },
    lint: 'handler.js',
  },
  {
    name: 'quiet for caches: the same file runs a static method that calls the removing one (a strict write)',
    files: {
      'lib/tally.js': TALLY_CLASS,
      'handler.js': `const express = require('express');
const { Tally } = require('./lib/tally');
const app = express();
app.get('/monitors/:id/uptime', async (req, res) => {
  const tally = await Tally.forMonitor(req.params.id); // expect: write
  res.json(tally.rows);
});
app.delete('/monitors/:id/beats', async (req, res) => {
  await Tally.wipe(req.params.id);
  res.sendStatus(204);
});
`,
    },
    lint: 'handler.js',
  },
  {
    name: 'reported: only an admin route of another file runs the removal, for the ids it names',
    files: {
      'lib/tally.js': TALLY_CLASS,
      'admin.js': `const { Tally } = require('./lib/tally');
const express = require('express');
const router = express.Router();
router.delete('/monitors/:id/beats', async (req, res) => {
  await Tally.wipe(req.params.id);
  res.sendStatus(204);
});
module.exports = router;
`,
      'handler.js': `const express = require('express');
const { Tally } = require('./lib/tally');
const app = express();
app.get('/monitors/:id/uptime', async (req, res) => {
  const tally = await Tally.forMonitor(req.params.id); // expect: cache
  res.json(tally.rows);
});
`,
    },
    lint: 'handler.js',
  },
  {
    name: 'reported: the other file only runs a static method that reads the registry',
    files: {
      'lib/tally.js': TALLY_CLASS,
      'admin.js': `const { Tally } = require('./lib/tally');
const express = require('express');
const router = express.Router();
router.get('/monitors/count', async (req, res) => {
  res.json({ count: Tally.count() });
});
module.exports = router;
`,
      'handler.js': `const express = require('express');
const { Tally } = require('./lib/tally');
const app = express();
app.get('/monitors/:id/uptime', async (req, res) => {
  const monitor = await db.get('select * from monitors where id = ?', [req.params.id]);
  const tally = await Tally.forMonitor(monitor.id); // expect: cache
  res.json(tally.rows);
});
`,
    },
    lint: 'handler.js',
  },
  {
    name: "quiet for growing sets: a server factory's instance is released by the same route when the stream closes",
    files: {
      'lib/streams.js': STREAMS_CLASS,
      'server.js': `const express = require('express');
const Streams = require('./lib/streams');
module.exports = function createServer() {
  const app = express();
  const streams = new Streams();
  app.get('/events', (req, res) => {
    streams.watch(res); // expect: write
    req.on('close', () => streams.unwatch(res)); // expect: write
  });
  return app;
};
`,
    },
    lint: 'server.js',
  },
  {
    name: 'reported: the same set when the route never calls the releasing method',
    files: {
      'lib/streams.js': STREAMS_CLASS,
      'server.js': `const express = require('express');
const Streams = require('./lib/streams');
module.exports = function createServer() {
  const app = express();
  const streams = new Streams();
  app.get('/events', (req, res) => {
    streams.watch(res); // expect: growth
    req.on('close', () => res.end());
  });
  return app;
};
`,
    },
    lint: 'server.js',
  },
]);

const TOKEN_ROUTE = (init: string) => `const express = require('express');
const app = express();
const session = { token: null, until: 0 };
async function serviceToken(req) {
  if (session.until > Date.now()) return session.token;
  const page = await fetch('https://auth.example.com/token', ${init});
  session.token = (await page.json()).token;
  session.until = Date.now() + 3_600_000;
  return session.token;
}
app.get('/media', async (req, res) => {
  const token = await serviceToken(req);
  res.json(await loadMedia(req.query.id, token));
});
`;

runGroup('what a fetch returns is chosen by its address, headers and body', [
  {
    name: 'quiet: a service token refreshed on expiry, fetched through a proxy the request picks',
    files: {
      'handler.js': TOKEN_ROUTE(`{
    headers: { accept: 'application/json' },
    dispatcher: req.proxyAgent,
    signal: req.signal,
  }`),
    },
    lint: 'handler.js',
  },
  {
    name: "reported: the same token fetched with the caller's credentials is that caller's",
    files: {
      'handler.js': TOKEN_ROUTE(`{
    headers: { accept: 'application/json', authorization: req.headers.authorization },
    dispatcher: req.proxyAgent,
  }`).replace(
        '  session.token = (await page.json()).token;\n',
        '  session.token = (await page.json()).token; // expect: data\n',
      ),
    },
    lint: 'handler.js',
  },
  {
    name: 'reported: the same token fetched from an address the request names',
    files: {
      'handler.js': TOKEN_ROUTE(`{ headers: { accept: 'application/json' } }`)
        .replace("fetch('https://auth.example.com/token'", 'fetch(req.query.issuer')
        .replace(
          '  session.token = (await page.json()).token;\n',
          '  session.token = (await page.json()).token; // expect: data\n',
        ),
    },
    lint: 'handler.js',
  },
]);
