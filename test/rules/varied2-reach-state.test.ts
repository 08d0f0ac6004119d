// Reach and state in shapes another author would write. Reach: calls made through promise chains, Promise.all over
// a map, generators, emitters, methods reached through `this`, `super` and mixins, decorated handler classes, and
// helpers re-exported through an index barrel. State: class statics, members of a module singleton, Object.assign,
// spread and splice into module arrays, Reflect.set and Object.defineProperty, `??=` then push, closure state of
// an object made once by an immediately called function, properties of globalThis, process.env replaced whole, and
// context that a library keeps for the whole process. Every leaking case has a safe twin of the same shape.
import { lambda, runVariedBatch, type VariedCase } from '../helpers/varied-batch.js';

const CASES: VariedCase[] = [
  // ------------------------------------------------------------------------------------------------------ reach
  lambda(
    'reach',
    'a write in a function handed to .then() of the parsed body',
    `const received: string[] = [];
function record(body: { id: string }) {
  received.push(body.id); // expect: growth
  return body;
}
export const handler = async (event: { body: string }) =>
  Promise.resolve(event.body).then(JSON.parse).then(record);
`,
  ),
  lambda(
    'reach',
    'a function handed to .then() of the parsed body that only copies',
    `function record(body: { id: string }) {
  const received = [body.id];
  return { ...body, received };
}
export const handler = async (event: { body: string }) =>
  Promise.resolve(event.body).then(JSON.parse).then(record);
`,
  ),
  lambda(
    'reach',
    'an SQS batch processed by await Promise.all(records.map(processRecord))',
    `import type { SQSEvent, SQSRecord } from 'aws-lambda';
const seenMessages = new Map<string, number>();
async function processRecord(record: SQSRecord) {
  seenMessages.set(record.messageId, Date.now()); // expect: cache
}
export const handler = async (event: SQSEvent) => {
  await Promise.all(event.Records.map(processRecord));
};
`,
  ),
  lambda(
    'reach',
    'an SQS batch processed by await Promise.all(records.map(processRecord)): a local map',
    `import type { SQSEvent, SQSRecord } from 'aws-lambda';
async function processRecord(record: SQSRecord, seen: Map<string, number>) {
  seen.set(record.messageId, Date.now());
}
export const handler = async (event: SQSEvent) => {
  const seen = new Map<string, number>();
  await Promise.all(event.Records.map((record) => processRecord(record, seen)));
  return seen.size;
};
`,
  ),
  lambda(
    'reach',
    'a generator the handler iterates writes the step names',
    `const stepLog: string[] = [];
function* steps(event: { kind: string }) {
  stepLog.push(event.kind); // expect: growth
  yield 'validate';
  yield 'store';
}
export const handler = async (event: { kind: string }) => {
  for (const step of steps(event)) console.log(step);
};
`,
  ),
  lambda(
    'reach',
    'a generator the handler iterates: the steps only yielded',
    `function* steps(event: { kind: string }) {
  yield \`validate:\${event.kind}\`;
  yield 'store';
}
export const handler = async (event: { kind: string }) => {
  for (const step of steps(event)) console.log(step);
};
`,
  ),
  lambda(
    'reach',
    'an emitter whose module-scope listener records what the handler emits',
    `import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const orders: unknown[] = [];
bus.on('order', (order) => {
  orders.push(order); // expect: growth
});
export const handler = async (event: { order: unknown }) => {
  bus.emit('order', event.order);
};
`,
  ),
  lambda(
    'reach',
    'an emitter whose module-scope listener forwards what the handler emits',
    `import { EventEmitter } from 'node:events';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
const bus = new EventEmitter();
bus.on('order', (order) => {
  void sqs.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify(order) }));
});
export const handler = async (event: { order: unknown }) => {
  bus.emit('order', event.order);
};
`,
  ),
  lambda(
    'reach',
    'a service instance whose public method calls a private one through this',
    `const auditTrail: string[] = [];
class OrderService {
  handle(event: { id: string }) {
    this.audit(event.id);
    return { ok: true };
  }
  private audit(id: string) {
    auditTrail.push(id); // expect: growth
  }
}
const service = new OrderService();
export const handler = async (event: { id: string }) => service.handle(event);
`,
  ),
  lambda(
    'reach',
    'a service instance whose public method calls a private one through this: the trail per call',
    `class OrderService {
  handle(event: { id: string }) {
    const trail: string[] = [];
    this.audit(trail, event.id);
    return { ok: true, trail };
  }
  private audit(trail: string[], id: string) {
    trail.push(id);
  }
}
const service = new OrderService();
export const handler = async (event: { id: string }) => service.handle(event);
`,
  ),
  lambda(
    'reach',
    'a subclass handler that calls super.handle(), the base class writes',
    `const handled = new Set<string>();
class BaseHandler {
  handle(event: { id: string }) {
    handled.add(event.id); // expect: growth
  }
}
class PaymentHandler extends BaseHandler {
  handle(event: { id: string }) {
    super.handle(event);
    return 'paid';
  }
}
const payments = new PaymentHandler();
export const handler = async (event: { id: string }) => payments.handle(event);
`,
  ),
  lambda(
    'reach',
    'a subclass handler that calls super.handle(): the base class validates only',
    `class BaseHandler {
  handle(event: { id: string }) {
    if (!event.id) throw new Error('missing id');
  }
}
class PaymentHandler extends BaseHandler {
  handle(event: { id: string }) {
    super.handle(event);
    return 'paid';
  }
}
const payments = new PaymentHandler();
export const handler = async (event: { id: string }) => payments.handle(event);
`,
  ),
  lambda(
    'reach',
    'a method a mixin adds to the class of a module instance',
    `type Ctor = new (...args: any[]) => object;
const tracked = new Set<string>();
const Trackable = <B extends Ctor>(Base: B) =>
  class extends Base {
    track(id: string) {
      tracked.add(id); // expect: growth
    }
  };
class Service {}
const service = new (Trackable(Service))();
export const handler = async (event: { id: string }) => {
  service.track(event.id);
};
`,
  ),
  lambda(
    'reach',
    'a method a mixin adds to the class of a module instance: it logs only',
    `type Ctor = new (...args: any[]) => object;
const Trackable = <B extends Ctor>(Base: B) =>
  class extends Base {
    track(id: string) {
      console.log('track', id);
    }
  };
class Service {}
const service = new (Trackable(Service))();
export const handler = async (event: { id: string }) => {
  service.track(event.id);
};
`,
  ),
  lambda(
    'reach',
    'a Powertools-style decorated handler class exported through bind',
    `import { Tracer } from '@aws-lambda-powertools/tracer';
import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
const tracer = new Tracer();
const invoked: string[] = [];
class Lambda implements LambdaInterface {
  @tracer.captureLambdaHandler()
  public async handler(event: { id: string }, _context: unknown) {
    invoked.push(event.id); // expect: growth
    return 'ok';
  }
}
const instance = new Lambda();
export const handler = instance.handler.bind(instance);
`,
    { deps: ['@aws-lambda-powertools/tracer'] },
  ),
  lambda(
    'reach',
    'a Powertools-style decorated handler class exported through bind: the id annotated',
    `import { Tracer } from '@aws-lambda-powertools/tracer';
import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
const tracer = new Tracer();
class Lambda implements LambdaInterface {
  @tracer.captureLambdaHandler()
  public async handler(event: { id: string }, _context: unknown) {
    tracer.putAnnotation('id', event.id);
    return 'ok';
  }
}
const instance = new Lambda();
export const handler = instance.handler.bind(instance);
`,
    { deps: ['@aws-lambda-powertools/tracer'] },
  ),
  {
    group: 'reach',
    name: 'a store re-exported through an index barrel, the store module linted',
    lint: 'src/services/visits.ts',
    files: {
      'src/services/visits.ts': `const visits: Record<string, number> = {};
export function countVisit(page: string) {
  visits[page] = (visits[page] ?? 0) + 1; // expect: cache
  return visits[page];
}
`,
      'src/services/index.ts': `export * from './visits.js';
export { default as logger } from './logger.js';
`,
      'src/services/logger.ts': `export default { info: (...args: unknown[]) => console.log(...args) };
`,
      'src/handler.ts': `import { countVisit, logger } from './services/index.js';
export const handler = async (event: { rawPath: string }) => {
  logger.info(event.rawPath);
  return { statusCode: 200, body: String(countVisit(event.rawPath)) };
};
`,
    },
  },
  {
    group: 'reach',
    name: 'a store re-exported through an index barrel: the handler counts nothing',
    lint: 'src/services/visits.ts',
    files: {
      'src/services/visits.ts': `const visits: Record<string, number> = {};
export function countVisit(page: string) {
  visits[page] = (visits[page] ?? 0) + 1;
  return visits[page];
}
`,
      'src/services/index.ts': `export * from './visits.js';
export { default as logger } from './logger.js';
`,
      'src/services/logger.ts': `export default { info: (...args: unknown[]) => console.log(...args) };
`,
      'src/handler.ts': `import { logger } from './services/index.js';
export const handler = async (event: { rawPath: string }) => {
  logger.info(event.rawPath);
  return { statusCode: 200, body: 'ok' };
};
`,
    },
  },
  lambda(
    'reach',
    'a write in a process.nextTick callback the handler schedules',
    `const pendingIds: string[] = [];
export const handler = async (event: { id: string }) => {
  process.nextTick(() => {
    pendingIds.push(event.id); // expect: growth
  });
  return { accepted: true };
};
`,
  ),
  lambda(
    'reach',
    'a process.nextTick callback the handler schedules: it logs the id',
    `export const handler = async (event: { id: string }) => {
  process.nextTick(() => {
    console.log('accepted', event.id);
  });
  return { accepted: true };
};
`,
  ),
  lambda(
    'reach',
    'an EventBridge handler that switches on detail-type and returns the call of each case',
    `const placedOrders = new Map<string, unknown>();
function onPlaced(detail: { orderId: string }) {
  placedOrders.set(detail.orderId, detail); // expect: cache
}
function onCancelled(detail: { orderId: string }) {
  return detail.orderId;
}
export const handler = async (event: { 'detail-type': string; detail: { orderId: string } }) => {
  switch (event['detail-type']) {
    case 'OrderPlaced':
      return onPlaced(event.detail);
    case 'OrderCancelled':
      return onCancelled(event.detail);
    default:
      return undefined;
  }
};
`,
  ),
  lambda(
    'reach',
    'an EventBridge handler that switches on detail-type: each case forwards the detail',
    `import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
const bus = new EventBridgeClient({});
function onPlaced(detail: { orderId: string }) {
  return bus.send(new PutEventsCommand({ Entries: [{ Source: 'orders', DetailType: 'Billed', Detail: JSON.stringify(detail) }] }));
}
function onCancelled(detail: { orderId: string }) {
  return detail.orderId;
}
export const handler = async (event: { 'detail-type': string; detail: { orderId: string } }) => {
  switch (event['detail-type']) {
    case 'OrderPlaced':
      return onPlaced(event.detail);
    case 'OrderCancelled':
      return onCancelled(event.detail);
    default:
      return undefined;
  }
};
`,
  ),
  lambda(
    'reach',
    'an optional hook on a module options object, called with the event',
    `const lastErrors: unknown[] = [];
const hooks: { onError?: (error: unknown) => void } = {
  onError: (error) => {
    lastErrors.push(error); // expect: growth
  },
};
export const handler = async (event: { fail?: boolean }) => {
  try {
    if (event.fail) throw new Error('failed');
  } catch (error) {
    hooks.onError?.(error);
  }
};
`,
  ),
  lambda(
    'reach',
    'an optional hook on a module options object: it reports the error',
    `const hooks: { onError?: (error: unknown) => void } = {
  onError: (error) => {
    console.error('handler failed', error);
  },
};
export const handler = async (event: { fail?: boolean }) => {
  try {
    if (event.fail) throw new Error('failed');
  } catch (error) {
    hooks.onError?.(error);
  }
};
`,
  ),
  // ------------------------------------------------------------------------------------------------------ state
  lambda(
    'state',
    'a class static array pushed by the handler',
    `class Registry {
  static entries: string[] = [];
}
export const handler = async (event: { id: string }) => {
  Registry.entries.push(event.id); // expect: growth
};
`,
  ),
  lambda(
    'state',
    'a class static array read by the handler, filled at start-up',
    `class Registry {
  static entries: string[] = [];
}
Registry.entries.push('default');
export const handler = async (event: { id: string }) => Registry.entries.includes(event.id);
`,
  ),
  lambda(
    'state',
    'a Map member of a module singleton object keyed by the user',
    `const state = { byUser: new Map<string, number>(), started: Date.now() };
export const handler = async (event: { userId: string }) => {
  state.byUser.set(event.userId, Date.now()); // expect: cache
};
`,
  ),
  lambda(
    'state',
    'a WeakMap member of a module singleton keyed by the per-request object',
    `const state = { byRequest: new WeakMap<object, number>(), started: Date.now() };
export const handler = async (event: { userId: string }) => {
  state.byRequest.set(event, Date.now());
  return state.byRequest.get(event);
};
`,
  ),
  lambda(
    'state',
    'a WeakMap keyed by a module-scope client keeps the caller’s token',
    `const api = { baseUrl: 'https://api.example.com' };
const tokens = new WeakMap<object, string>();
export const handler = async (event: { token: string }) => {
  tokens.set(api, event.token); // expect: data
  return tokens.get(api);
};
`,
  ),
  lambda(
    'state',
    'a WeakMap keyed by a module-scope client given the configured token at start-up',
    `const api = { baseUrl: 'https://api.example.com' };
const tokens = new WeakMap<object, string>();
tokens.set(api, process.env.API_TOKEN ?? '');
export const handler = async (event: { token: string }) => ({ ok: tokens.get(api) === event.token });
`,
  ),
  lambda(
    'state',
    'Object.assign of the request overrides into a module settings object',
    `const settings = { locale: 'en', currency: 'EUR' };
export const handler = async (event: { overrides: Partial<typeof settings> }) => {
  Object.assign(settings, event.overrides); // expect: data
  return settings;
};
`,
  ),
  lambda(
    'state',
    'Object.assign of the request overrides into a fresh object over the module defaults',
    `const settings = { locale: 'en', currency: 'EUR' };
export const handler = async (event: { overrides: Partial<typeof settings> }) => {
  const effective = Object.assign({}, settings, event.overrides);
  return effective;
};
`,
  ),
  lambda(
    'state',
    'a module array re-assigned with a spread of itself and the request id',
    `let history: string[] = [];
export const handler = async (event: { id: string }) => {
  history = [...history, event.id]; // expect: growth
  return history.length;
};
`,
  ),
  lambda(
    'state',
    'a module array spread into a per-request copy with the request id',
    `const history: string[] = ['boot'];
export const handler = async (event: { id: string }) => {
  const seen = [...history, event.id];
  return seen.length;
};
`,
  ),
  lambda(
    'state',
    'unshift and splice insert request values into module arrays',
    `const newest: string[] = [];
const ordered: string[] = [];
export const handler = async (event: { id: string; at: number }) => {
  newest.unshift(event.id); // expect: growth
  ordered.splice(event.at, 0, event.id); // expect: growth
};
`,
  ),
  lambda(
    'state',
    'unshift and splice on arrays made per request',
    `export const handler = async (event: { id: string; at: number }) => {
  const newest: string[] = [];
  const ordered: string[] = ['a', 'b'];
  newest.unshift(event.id);
  ordered.splice(event.at, 0, event.id);
  return [newest, ordered];
};
`,
  ),
  lambda(
    'state',
    'Reflect.set and Object.defineProperty on module objects under request keys',
    `const flags: Record<string, boolean> = {};
const names: Record<string, string> = {};
export const handler = async (event: { flag: string; id: string; name: string }) => {
  Reflect.set(flags, event.flag, true); // expect: cache
  Object.defineProperty(names, event.id, { value: event.name, enumerable: true }); // expect: cache
};
`,
  ),
  lambda(
    'state',
    'Reflect.set and Object.defineProperty on objects made per request',
    `export const handler = async (event: { flag: string; id: string; name: string }) => {
  const flags: Record<string, boolean> = {};
  const names: Record<string, string> = {};
  Reflect.set(flags, event.flag, true);
  Object.defineProperty(names, event.id, { value: event.name, enumerable: true });
  return { flags, names };
};
`,
  ),
  lambda(
    'state',
    'a list per key made with ??= and pushed',
    `const byTenant: Record<string, string[]> = {};
export const handler = async (event: { tenant: string; id: string }) => {
  (byTenant[event.tenant] ??= []).push(event.id); // expect: cache
};
`,
  ),
  lambda(
    'state',
    'a list per key made with ??= and pushed, on a per-request index',
    `export const handler = async (event: { items: Array<{ tenant: string; id: string }> }) => {
  const byTenant: Record<string, string[]> = {};
  for (const item of event.items) (byTenant[item.tenant] ??= []).push(item.id);
  return byTenant;
};
`,
  ),
  lambda(
    'state',
    'closure state of an object made once by an immediately called function',
    `const rateLimiter = (() => {
  const hitsByIp = new Map<string, number>();
  return {
    hit(ip: string) {
      hitsByIp.set(ip, (hitsByIp.get(ip) ?? 0) + 1); // expect: cache
      return hitsByIp.get(ip)!;
    },
  };
})();
export const handler = async (event: { requestContext: { http: { sourceIp: string } } }) => {
  return rateLimiter.hit(event.requestContext.http.sourceIp) > 10 ? { statusCode: 429 } : { statusCode: 200 };
};
`,
  ),
  lambda(
    'state',
    'closure state of an immediately called function: a fixed table read per request',
    `const rateLimiter = (() => {
  const limits = new Map<string, number>([['free', 10], ['pro', 100]]);
  return {
    limitFor(plan: string) {
      return limits.get(plan) ?? 10;
    },
  };
})();
export const handler = async (event: { plan: string }) => {
  return { statusCode: 200, body: String(rateLimiter.limitFor(event.plan)) };
};
`,
  ),
  {
    group: 'state',
    name: 'a Map kept on globalThis by ??= in a module, filled by a Next.js route',
    lint: 'app/api/sessions/route.ts',
    deps: ['next'],
    files: {
      'app/api/sessions/route.ts': `const globalForSessions = globalThis as unknown as { sessions?: Map<string, string> };
const sessions = (globalForSessions.sessions ??= new Map());
export async function POST(request: Request) {
  const { id, user } = await request.json();
  sessions.set(id, user); // expect: cache
  return Response.json({ ok: true });
}
`,
    },
  },
  {
    group: 'state',
    name: 'a client kept on globalThis by ??= in a module, used by a Next.js route',
    lint: 'app/api/sessions/route.ts',
    deps: ['next', '@prisma/client'],
    files: {
      'app/api/sessions/route.ts': `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = (globalForPrisma.prisma ??= new PrismaClient());
export async function POST(request: Request) {
  const { id, user } = await request.json();
  await prisma.session.create({ data: { id, user } });
  return Response.json({ ok: true });
}
`,
    },
  },
  {
    group: 'state',
    name: 'process.env replaced by a spread that adds the tenant of the request',
    lint: 'src/app.js',
    deps: ['express'],
    files: {
      'src/app.js': `import express from 'express';
const app = express();
app.use((req, res, next) => {
  process.env = { ...process.env, TENANT: req.get('x-tenant') }; // expect: data
  next();
});
app.listen(3000);
`,
    },
  },
  {
    group: 'state',
    name: 'a spread of process.env into a per-request environment with the tenant',
    lint: 'src/app.js',
    deps: ['express'],
    files: {
      'src/app.js': `import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.locals.env = { ...process.env, TENANT: req.get('x-tenant') };
  next();
});
app.listen(3000);
`,
    },
  },
  {
    group: 'state',
    name: 'axios defaults given the caller’s token in an Express middleware',
    lint: 'src/app.js',
    deps: ['express', 'axios'],
    files: {
      'src/app.js': `import express from 'express';
import axios from 'axios';
const app = express();
app.use((req, res, next) => {
  axios.defaults.headers.common.Authorization = req.get('authorization'); // expect: data, library, shared
  next();
});
app.get('/me', async (req, res) => res.json((await axios.get('https://api.example.com/me')).data));
app.listen(3000);
`,
    },
  },
  {
    group: 'state',
    name: 'axios given the caller’s token per call',
    lint: 'src/app.js',
    deps: ['express', 'axios'],
    files: {
      'src/app.js': `import express from 'express';
import axios from 'axios';
const app = express();
app.get('/me', async (req, res) => {
  const headers = { Authorization: req.get('authorization') };
  res.json((await axios.get('https://api.example.com/me', { headers })).data);
});
app.listen(3000);
`,
    },
  },
  {
    group: 'state',
    name: 'the process-wide i18next language switched per request',
    lint: 'src/app.js',
    deps: ['express', 'i18next'],
    files: {
      'src/app.js': `import express from 'express';
import i18next from 'i18next';
await i18next.init({ lng: 'en', resources: {} });
const app = express();
app.get('/greeting', async (req, res) => {
  await i18next.changeLanguage(req.query.lang); // expect: library, shared
  res.send(i18next.t('hello'));
});
app.listen(3000);
`,
    },
  },
  {
    group: 'state',
    name: 'a fixed i18next translator per language, picked per request',
    lint: 'src/app.js',
    deps: ['express', 'i18next'],
    files: {
      'src/app.js': `import express from 'express';
import i18next from 'i18next';
await i18next.init({ lng: 'en', resources: {} });
const app = express();
app.get('/greeting', async (req, res) => {
  const t = i18next.getFixedT(String(req.query.lang));
  res.send(t('hello'));
});
app.listen(3000);
`,
    },
  },
  lambda(
    'state',
    'Powertools logger keys made persistent from the event',
    `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger({ serviceName: 'orders' });
export const handler = async (event: { userId: string }) => {
  logger.appendPersistentKeys({ userId: event.userId }); // expect: library
  logger.info('order received');
};
`,
    { deps: ['@aws-lambda-powertools/logger'] },
  ),
  lambda(
    'state',
    'Powertools logger given the user as extra data of one entry',
    `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger({ serviceName: 'orders' });
export const handler = async (event: { userId: string }) => {
  logger.info('order received', { userId: event.userId });
};
`,
    { deps: ['@aws-lambda-powertools/logger'] },
  ),
];

runVariedBatch('second batch of varied reach and state', CASES);
