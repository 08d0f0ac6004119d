// Reach and state in a third set of shapes, written before any change to the analysis. Reach: a webhook `switch`
// over the event type that calls helpers, a registry class that dispatches by type, promise chains of named steps,
// plugin objects mapped over per request, `for await` over the request stream in a helper, `queueMicrotask`, a
// bound function given to the response's `finish` event, a controller method registered through `bind`, and
// dispatch through a namespace import. State: class private fields, static blocks, static private maps,
// Symbol-keyed globals, `Reflect.set` with a constant key, `Object.assign` into an imported module object,
// `push.apply`, a getter that caches its array, a closure in an immediately called function, a module-level
// generator, `Object.defineProperty(globalThis, …)`, `module.exports` members and a setter exported by a store.
// Every leaking case has a safe twin of the same shape.
import { lambda, express, runVariedBatch, type VariedCase } from '../helpers/varied-batch.js';

const CASES: VariedCase[] = [
  // ------------------------------------------------------------------------------------------------------ reach
  express(
    'reach',
    'a webhook switch over the event type calls a helper that records paid invoices',
    `import express from 'express';
const paidInvoices = new Set();
function markPaid(invoice) {
  paidInvoices.add(invoice.id); // expect: growth
}
function markFailed(invoice) {
  console.warn('payment failed', invoice.id);
}
const app = express();
app.post('/webhooks/stripe', express.json(), (req, res) => {
  const event = req.body;
  switch (event.type) {
    case 'invoice.paid':
      markPaid(event.data.object);
      break;
    case 'invoice.payment_failed':
      markFailed(event.data.object);
      break;
    default:
      break;
  }
  res.sendStatus(200);
});
app.listen(3000);
`,
  ),
  express(
    'reach',
    'a webhook switch over the event type: the helpers only log',
    `import express from 'express';
function markPaid(invoice) {
  console.info('paid', invoice.id);
}
function markFailed(invoice) {
  console.warn('payment failed', invoice.id);
}
const app = express();
app.post('/webhooks/stripe', express.json(), (req, res) => {
  const event = req.body;
  switch (event.type) {
    case 'invoice.paid':
      markPaid(event.data.object);
      break;
    case 'invoice.payment_failed':
      markFailed(event.data.object);
      break;
    default:
      break;
  }
  res.sendStatus(200);
});
app.listen(3000);
`,
  ),
  lambda(
    'reach',
    'a registry class dispatches by type to a function registered at start-up',
    `type Fn = (payload: { email: string }) => void;
class HandlerRegistry {
  private readonly handlers = new Map<string, Fn>();
  register(type: string, fn: Fn) {
    this.handlers.set(type, fn);
  }
  dispatch(type: string, payload: { email: string }) {
    return this.handlers.get(type)?.(payload);
  }
}
const signups: string[] = [];
function recordSignup(payload: { email: string }) {
  signups.push(payload.email); // expect: growth
}
const registry = new HandlerRegistry();
registry.register('user.signup', recordSignup);
export const handler = async (event: { type: string; payload: { email: string } }) => {
  registry.dispatch(event.type, event.payload);
  return { statusCode: 202 };
};
`,
    {
      gap: 'functions kept in a Map member of a module instance (`this.handlers.set(type, fn)` in a method) are not followed by a dispatch through `this.handlers.get(type)?.(payload)`',
    },
  ),
  lambda(
    'reach',
    'a registry class dispatches by type: the registered function only logs',
    `type Fn = (payload: { email: string }) => void;
class HandlerRegistry {
  private readonly handlers = new Map<string, Fn>();
  register(type: string, fn: Fn) {
    this.handlers.set(type, fn);
  }
  dispatch(type: string, payload: { email: string }) {
    return this.handlers.get(type)?.(payload);
  }
}
function recordSignup(payload: { email: string }) {
  console.log('signup', payload.email);
}
const registry = new HandlerRegistry();
registry.register('user.signup', recordSignup);
export const handler = async (event: { type: string; payload: { email: string } }) => {
  registry.dispatch(event.type, event.payload);
  return { statusCode: 202 };
};
`,
  ),
  lambda(
    'reach',
    'a promise chain of named steps, the last one keeps the record',
    `let lastRecord: { id: string } | undefined;
const parse = (body: string) => JSON.parse(body) as { id: string };
const validate = (record: { id: string }) => {
  if (!record.id) throw new Error('id required');
  return record;
};
const store = (record: { id: string }) => {
  lastRecord = record; // expect: data
  return { statusCode: 201, body: record.id };
};
export const handler = (event: { body: string }) =>
  Promise.resolve(event.body).then(parse).then(validate).then(store);
`,
  ),
  lambda(
    'reach',
    'a promise chain of named steps: the last one builds the response',
    `const parse = (body: string) => JSON.parse(body) as { id: string };
const validate = (record: { id: string }) => {
  if (!record.id) throw new Error('id required');
  return record;
};
const store = (record: { id: string }) => ({ statusCode: 201, body: record.id });
export const handler = (event: { body: string }) =>
  Promise.resolve(event.body).then(parse).then(validate).then(store);
`,
  ),
  express(
    'reach',
    'plugin objects mapped over per request, one plugin keeps the user agent',
    `import express from 'express';
const agents = [];
const plugins = [
  { name: 'agents', onRequest: (req) => agents.push(req.get('user-agent')) }, // expect: growth
  { name: 'log', onRequest: (req) => console.log(req.method, req.path) },
];
const app = express();
app.use(async (req, res, next) => {
  await Promise.all(plugins.map((plugin) => plugin.onRequest(req)));
  next();
});
app.listen(3000);
`,
  ),
  express(
    'reach',
    'plugin objects mapped over per request: every plugin only logs',
    `import express from 'express';
const plugins = [
  { name: 'agents', onRequest: (req) => console.log(req.get('user-agent')) },
  { name: 'log', onRequest: (req) => console.log(req.method, req.path) },
];
const app = express();
app.use(async (req, res, next) => {
  await Promise.all(plugins.map((plugin) => plugin.onRequest(req)));
  next();
});
app.listen(3000);
`,
  ),
  {
    group: 'reach',
    name: 'a helper drains the request stream with for await into a module array',
    lint: 'server.mjs',
    files: {
      'server.mjs': `import { createServer } from 'node:http';
const received = [];
async function readBody(stream) {
  for await (const chunk of stream) received.push(chunk); // expect: growth
  return Buffer.concat(received).toString();
}
createServer(async (req, res) => {
  const body = await readBody(req);
  res.end(body.length.toString());
}).listen(8080);
`,
    },
  },
  {
    group: 'reach',
    name: 'a helper drains the request stream with for await into its own array',
    lint: 'server.mjs',
    files: {
      'server.mjs': `import { createServer } from 'node:http';
async function readBody(stream) {
  const received = [];
  for await (const chunk of stream) received.push(chunk);
  return Buffer.concat(received).toString();
}
createServer(async (req, res) => {
  const body = await readBody(req);
  res.end(body.length.toString());
}).listen(8080);
`,
    },
  },
  lambda(
    'reach',
    'queueMicrotask with a callback that keeps the request path',
    `const auditTrail: string[] = [];
export const handler = async (event: { rawPath: string }) => {
  queueMicrotask(() => {
    auditTrail.push(event.rawPath); // expect: growth
  });
  return { statusCode: 200 };
};
`,
  ),
  lambda(
    'reach',
    'queueMicrotask with a callback that logs the request path',
    `export const handler = async (event: { rawPath: string }) => {
  queueMicrotask(() => {
    console.log('audit', event.rawPath);
  });
  return { statusCode: 200 };
};
`,
  ),
  express(
    'reach',
    'a function bound to the caller’s address runs on the response’s finish event',
    `import express from 'express';
const finishedBy = [];
function recordFinish(address) {
  finishedBy.push(address); // expect: growth
}
const app = express();
app.use((req, res, next) => {
  res.on('finish', recordFinish.bind(null, req.ip));
  next();
});
app.listen(3000);
`,
  ),
  express(
    'reach',
    'a function bound to the caller’s address runs on the response’s finish event: it logs',
    `import express from 'express';
function recordFinish(address) {
  console.log('finished', address);
}
const app = express();
app.use((req, res, next) => {
  res.on('finish', recordFinish.bind(null, req.ip));
  next();
});
app.listen(3000);
`,
  ),
  express(
    'reach',
    'a controller made once at module scope, its method registered through bind',
    `import express from 'express';
class CommentsController {
  constructor() {
    this.comments = [];
  }
  create(req, res) {
    this.comments.push(req.body); // expect: growth
    res.sendStatus(201);
  }
}
const controller = new CommentsController();
const app = express();
app.post('/comments', express.json(), controller.create.bind(controller));
app.listen(3000);
`,
    {
      gap: 'a route callback written `controller.create.bind(controller)` is not resolved to the class method with the module instance as `this`',
    },
  ),
  express(
    'reach',
    'a controller made once at module scope, its method registered through bind: the comment goes to a repository',
    `import express from 'express';
import { commentsRepository } from './repository.js';
class CommentsController {
  constructor(repository) {
    this.repository = repository;
  }
  async create(req, res) {
    await this.repository.insert(req.body);
    res.sendStatus(201);
  }
}
const controller = new CommentsController(commentsRepository);
const app = express();
app.post('/comments', express.json(), controller.create.bind(controller));
app.listen(3000);
`,
  ),
  {
    group: 'reach',
    name: 'an operation picked from a namespace import by the event, the operations module linted',
    lint: 'src/ops.ts',
    files: {
      'src/ops.ts': `const totals: Record<string, number> = {};
export function increment(event: { key: string }) {
  totals[event.key] = (totals[event.key] ?? 0) + 1; // expect: cache
  return totals[event.key];
}
export function read(event: { key: string }) {
  return totals[event.key] ?? 0;
}
`,
      'src/handler.ts': `import * as ops from './ops.js';
type Op = keyof typeof ops;
export const handler = async (event: { op: Op; key: string }) => ({
  statusCode: 200,
  body: String(ops[event.op](event)),
});
`,
    },
  },
  {
    group: 'reach',
    name: 'an operation picked from a namespace import by the event: the operations read a fixed table',
    lint: 'src/ops.ts',
    files: {
      'src/ops.ts': `const totals: Record<string, number> = { a: 1, b: 2 };
export function increment(event: { key: string }) {
  return (totals[event.key] ?? 0) + 1;
}
export function read(event: { key: string }) {
  return totals[event.key] ?? 0;
}
`,
      'src/handler.ts': `import * as ops from './ops.js';
type Op = keyof typeof ops;
export const handler = async (event: { op: Op; key: string }) => ({
  statusCode: 200,
  body: String(ops[event.op](event)),
});
`,
    },
  },
  // ------------------------------------------------------------------------------------------------------ state
  lambda(
    'state',
    'a class private field Set on an instance made once',
    `class Tracker {
  #seen = new Set<string>();
  track(id: string) {
    this.#seen.add(id); // expect: growth
    return this.#seen.size;
  }
}
const tracker = new Tracker();
export const handler = async (event: { userId: string }) => ({ statusCode: 200, body: String(tracker.track(event.userId)) });
`,
  ),
  lambda(
    'state',
    'a class private field Set on an instance made per request',
    `class Tracker {
  #seen = new Set<string>();
  track(id: string) {
    this.#seen.add(id);
    return this.#seen.size;
  }
}
export const handler = async (event: { userId: string }) => {
  const tracker = new Tracker();
  return { statusCode: 200, body: String(tracker.track(event.userId)) };
};
`,
  ),
  lambda(
    'state',
    'a static array set up in a static block, pushed per request',
    `class AuditLog {
  static entries: string[];
  static {
    AuditLog.entries = [];
  }
}
export const handler = async (event: { requestContext: { requestId: string } }) => {
  AuditLog.entries.push(event.requestContext.requestId); // expect: growth
  return { statusCode: 200 };
};
`,
  ),
  lambda(
    'state',
    'a static array filled in a static block, read per request',
    `class Regions {
  static names: string[];
  static {
    Regions.names = ['eu-west-1', 'us-east-1'];
  }
}
export const handler = async (event: { region: string }) => ({
  statusCode: Regions.names.includes(event.region) ? 200 : 400,
});
`,
  ),
  lambda(
    'state',
    'a static private Map inside a class, keyed by the caller',
    `class RateLimiter {
  static #hits = new Map<string, number>();
  static hit(key: string) {
    const count = (RateLimiter.#hits.get(key) ?? 0) + 1;
    RateLimiter.#hits.set(key, count); // expect: cache
    return count;
  }
}
export const handler = async (event: { requestContext: { identity: { sourceIp: string } } }) => {
  const count = RateLimiter.hit(event.requestContext.identity.sourceIp);
  return { statusCode: count > 100 ? 429 : 200 };
};
`,
  ),
  lambda(
    'state',
    'a static private Map inside a class, filled once with a fixed key',
    `class Settings {
  static #loaded = new Map<string, string>();
  static get(name: string) {
    if (!Settings.#loaded.has('region')) Settings.#loaded.set('region', process.env.AWS_REGION ?? 'eu-west-1');
    return Settings.#loaded.get(name);
  }
}
export const handler = async (event: { setting: string }) => ({ statusCode: 200, body: Settings.get(event.setting) });
`,
  ),
  {
    group: 'state',
    name: 'a Symbol.for-keyed global array made with ??=, pushed by a Next.js route',
    lint: 'app/api/events/route.ts',
    deps: ['next'],
    files: {
      'app/api/events/route.ts': `const KEY = Symbol.for('app.events');
const holder = globalThis as unknown as Record<symbol, string[]>;
holder[KEY] ??= [];
export async function POST(request: Request) {
  const { name } = (await request.json()) as { name: string };
  holder[KEY].push(name); // expect: growth
  return Response.json({ count: holder[KEY].length });
}
`,
    },
  },
  {
    group: 'state',
    name: 'a Symbol.for-keyed global client made with ??=, used by a Next.js route',
    lint: 'app/api/events/route.ts',
    deps: ['next', '@upstash/redis'],
    files: {
      'app/api/events/route.ts': `import { Redis } from '@upstash/redis';
const KEY = Symbol.for('app.redis');
const holder = globalThis as unknown as Record<symbol, Redis>;
holder[KEY] ??= Redis.fromEnv();
export async function POST(request: Request) {
  const { name } = (await request.json()) as { name: string };
  await holder[KEY].lpush('events', name);
  return Response.json({ ok: true });
}
`,
    },
  },
  express(
    'state',
    'Reflect.set with a constant key puts the caller’s locale on a module settings object',
    `import express from 'express';
const settings = { locale: 'en' };
const app = express();
app.use((req, res, next) => {
  Reflect.set(settings, 'locale', req.acceptsLanguages()[0] ?? 'en'); // expect: data
  next();
});
app.get('/', (req, res) => res.send(settings.locale));
app.listen(3000);
`,
  ),
  express(
    'state',
    'Reflect.set with a constant key puts the caller’s locale on res.locals',
    `import express from 'express';
const app = express();
app.use((req, res, next) => {
  Reflect.set(res.locals, 'locale', req.acceptsLanguages()[0] ?? 'en');
  next();
});
app.get('/', (req, res) => res.send(res.locals.locale));
app.listen(3000);
`,
  ),
  {
    group: 'state',
    name: 'Object.assign into an object imported from a state module, in a Koa middleware',
    lint: 'src/middleware/user.ts',
    deps: ['koa'],
    files: {
      'src/middleware/user.ts': `import type { Context, Next } from 'koa';
import { session } from '../state.js';
export default async function loadUser(ctx: Context, next: Next) {
  Object.assign(session, { user: ctx.state.user, ip: ctx.ip }); // expect: data
  await next();
}
`,
      'src/state.ts': `export const session: { user?: unknown; ip?: string } = {};
`,
      'src/app.ts': `import Koa from 'koa';
import loadUser from './middleware/user.js';
const app = new Koa();
app.use(loadUser);
app.listen(3000);
`,
    },
  },
  {
    group: 'state',
    name: 'Object.assign of an imported defaults object into ctx.state, in a Koa middleware',
    lint: 'src/middleware/user.ts',
    deps: ['koa'],
    files: {
      'src/middleware/user.ts': `import type { Context, Next } from 'koa';
import { defaults } from '../state.js';
export default async function loadUser(ctx: Context, next: Next) {
  Object.assign(ctx.state, defaults, { ip: ctx.ip });
  await next();
}
`,
      'src/state.ts': `export const defaults: { theme: string } = { theme: 'light' };
`,
      'src/app.ts': `import Koa from 'koa';
import loadUser from './middleware/user.js';
const app = new Koa();
app.use(loadUser);
app.listen(3000);
`,
    },
  },
  lambda(
    'state',
    'Array.prototype.push.apply adds the batch of every event to a module array',
    `const processed: string[] = [];
export const handler = async (event: { Records: Array<{ messageId: string }> }) => {
  Array.prototype.push.apply(processed, event.Records.map((r) => r.messageId)); // expect: growth
  return { batchItemFailures: [] };
};
`,
  ),
  lambda(
    'state',
    'Array.prototype.push.apply adds the batch of an event to an array made per call',
    `export const handler = async (event: { Records: Array<{ messageId: string }> }) => {
  const processed: string[] = [];
  Array.prototype.push.apply(processed, event.Records.map((r) => r.messageId));
  return { batchItemFailures: [], processed: processed.length };
};
`,
  ),
  lambda(
    'state',
    'a getter that caches its array on first read, pushed per request',
    `const store = {
  _recent: undefined as string[] | undefined,
  get recent() {
    return (this._recent ??= []);
  },
};
export const handler = async (event: { id: string }) => {
  store.recent.push(event.id); // expect: growth
  return { statusCode: 200 };
};
`,
    {
      gap: 'a read through an object getter is not followed to the state the getter memoises (`this._recent ??= []`)',
    },
  ),
  lambda(
    'state',
    'a getter that caches a client on first read, used per request',
    `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
const store = {
  _client: undefined as S3Client | undefined,
  get client() {
    return (this._client ??= new S3Client({}));
  },
};
export const handler = async (event: { key: string }) => {
  await store.client.send(new GetObjectCommand({ Bucket: 'b', Key: event.key }));
  return { statusCode: 200 };
};
`,
    { deps: ['@aws-sdk/client-s3'] },
  ),
  express(
    'state',
    'a function returned by an immediately called arrow keeps what it is given in its closure',
    `import express from 'express';
const remember = (() => {
  const seen = [];
  return (value) => {
    seen.push(value); // expect: growth
    return seen.length;
  };
})();
const app = express();
app.get('/', (req, res) => res.send(String(remember(req.ip))));
app.listen(3000);
`,
  ),
  express(
    'state',
    'a function returned by an immediately called arrow reads a table in its closure',
    `import express from 'express';
const label = (() => {
  const names = { GET: 'read', POST: 'write' };
  return (method) => names[method] ?? 'other';
})();
const app = express();
app.get('/', (req, res) => res.send(label(req.method)));
app.listen(3000);
`,
  ),
  lambda(
    'state',
    'a module-level generator collects what each request sends to it',
    `function* collector() {
  const items: unknown[] = [];
  while (true) {
    const item: unknown = yield items.length;
    items.push(item); // expect: growth
  }
}
const sink = collector();
sink.next();
export const handler = async (event: { body: string }) => {
  const { value } = sink.next(JSON.parse(event.body));
  return { statusCode: 200, body: String(value) };
};
`,
    {
      gap: 'the locals of a generator object made once at module scope are not treated as module state reached by `sink.next(x)`',
    },
  ),
  lambda(
    'state',
    'a generator made per request collects what the request sends to it',
    `function* collector() {
  const items: unknown[] = [];
  while (true) {
    const item: unknown = yield items.length;
    items.push(item);
  }
}
export const handler = async (event: { body: string }) => {
  const sink = collector();
  sink.next();
  const { value } = sink.next(JSON.parse(event.body));
  return { statusCode: 200, body: String(value) };
};
`,
  ),
  express(
    'state',
    'Object.defineProperty on globalThis gives the process the current user',
    `import express from 'express';
const app = express();
app.use((req, res, next) => {
  Object.defineProperty(globalThis, 'currentUser', { value: req.user, configurable: true, writable: true }); // expect: data
  next();
});
app.listen(3000);
`,
  ),
  express(
    'state',
    'Object.defineProperty on the request gives it the current user',
    `import express from 'express';
const app = express();
app.use((req, res, next) => {
  Object.defineProperty(req, 'currentUser', { value: req.user, configurable: true, writable: true });
  next();
});
app.listen(3000);
`,
  ),
  express(
    'state',
    'a CommonJS route writes the caller into a member of module.exports',
    `const express = require('express');
const app = express();
app.post('/login', express.json(), (req, res) => {
  module.exports.lastLogin = req.body.username; // expect: data
  res.sendStatus(204);
});
module.exports.app = app;
app.listen(3000);
`,
    { commonjs: true },
  ),
  express(
    'state',
    'a CommonJS route: module.exports members set once at load',
    `const express = require('express');
const app = express();
app.post('/login', express.json(), (req, res) => {
  res.json({ user: req.body.username });
});
module.exports.app = app;
module.exports.startedAt = Date.now();
app.listen(3000);
`,
    { commonjs: true },
  ),
  {
    group: 'state',
    name: 'a store module whose exported setter keeps the tenant a handler passes, the store linted',
    lint: 'src/tenant.ts',
    files: {
      'src/tenant.ts': `export let currentTenant: string | undefined;
export function setTenant(id: string) {
  currentTenant = id; // expect: data
}
`,
      'src/handler.ts': `import { currentTenant, setTenant } from './tenant.js';
export const handler = async (event: { headers: Record<string, string> }) => {
  setTenant(event.headers['x-tenant']);
  return { statusCode: 200, body: currentTenant };
};
`,
    },
  },
  {
    group: 'state',
    name: 'a store module whose exported setter is called once at start-up, the store linted',
    lint: 'src/tenant.ts',
    files: {
      'src/tenant.ts': `export let currentTenant: string | undefined;
export function setTenant(id: string) {
  currentTenant = id;
}
`,
      'src/handler.ts': `import { currentTenant, setTenant } from './tenant.js';
setTenant(process.env.DEFAULT_TENANT ?? 'main');
export const handler = async (event: { headers: Record<string, string> }) => ({
  statusCode: 200,
  body: \`\${currentTenant}:\${event.headers['x-tenant']}\`,
});
`,
    },
  },
];

runVariedBatch('varied cases, third batch: reach and state', CASES);
