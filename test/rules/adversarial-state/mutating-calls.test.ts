// Red-team cases for the four state rules. Mutating calls (`push`, `unshift`, `splice`, `sort`, `fill`, `Set.add`,
// `Map.set`, …) and receivers that only look like collections (SDK clients, unknown stores).
import { C, D, G, W, runCases } from './harness.js';

runCases('mutating method calls', [
  {
    name: 'optional chaining state?.items?.push(x)',
    code: `const state = { items: [] };
export const handler = async (event) => {
  state?.items?.push(1);
};`,
    sites: [G('state?.items?.push', { move: true })],
  },
  {
    name: 'TS non-null cache!.set(event.id, v) on a Map',
    code: `let cache: Map<string, string> | undefined = new Map();
export const handler = async (event: { id: string }) => {
  cache!.set(event.id, 'seen');
};`,
    sites: [C('cache!.set', { move: true })],
  },
  {
    name: '(items as string[]).push(x)',
    code: `const items: unknown = [];
export const handler = async (event) => {
  (items as string[]).push('x');
};`,
    sites: [G('(items as string[]).push', { move: true })],
  },
  {
    name: 'parenthesised receiver ((items)).push(x)',
    code: `const items = [];
export const handler = async (event) => {
  ((items)).push('x');
};`,
    sites: [G('((items)).push', { move: true })],
  },
  {
    name: 'splice that inserts grows',
    code: `const items = [];
export const handler = async (event) => {
  items.splice(0, 0, event.id);
};`,
    sites: [G('items.splice', { move: true })],
  },
  {
    name: 'sort() is a plain write',
    code: `const items = [3, 1, 2];
export const handler = async (event) => {
  items.sort();
  return items[0];
};`,
    sites: [W('items.sort', { move: true })],
  },
  {
    name: 'Set.add with request data is growth, not request data',
    code: `const seen = new Set();
export const handler = async (event) => {
  seen.add(event.id);
};`,
    sites: [G('seen.add', { move: true })],
  },
  {
    name: 'Map.set with request key is cache, not request data',
    code: `const sessions = new Map();
export const handler = async (event) => {
  const token = event.headers.authorization;
  sessions.set(token, event.user);
};`,
    sites: [C('sessions.set', { move: true })],
  },
  {
    name: 'Map.set under a constant key with a non-request value',
    code: `const meta = new Map();
export const handler = async (event) => {
  meta.set('lastRun', Date.now());
};`,
    sites: [W('meta.set', { move: true })],
  },
  {
    name: 'Map.set under a constant key with request data',
    code: `const latest = new Map();
export const handler = async (event) => {
  latest.set('user', event.user);
};`,
    sites: [D('latest.set', { move: true })],
  },
  {
    name: 'Redis client .set(event.key, …) on an SDK instance',
    code: `import { createClient } from 'redis';
const redis = createClient({ url: process.env.REDIS_URL });
export const handler = async (event) => {
  await redis.set(event.key, event.value);
  await redis.del(event.old);
};`,
  },
  {
    name: 'Memcached client .set with a callback',
    cjs: true,
    code: `const Memcached = require('memcached');
const mc = new Memcached(process.env.MEMCACHED);
exports.handler = (event, context, callback) => {
  mc.set(event.key, event.value, 60, (err) => callback(err));
};`,
  },
  {
    name: 'fetch, console.log and logger calls with request data',
    code: `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger();
export const handler = async (event) => {
  console.log(event);
  logger.info('received', { event });
  return fetch(event.url, { method: 'POST', body: JSON.stringify(event) });
};`,
  },
  {
    name: 'Powertools metrics.addMetric and tracer annotations',
    code: `import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
const metrics = new Metrics({ namespace: 'orders' });
const tracer = new Tracer();
export const handler = async (event) => {
  metrics.addMetric('Orders', MetricUnit.Count, 1);
  tracer.putAnnotation('orderId', event.id);
};`,
  },
  {
    name: 'SDK client.send with request data',
    code: `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({});
export const handler = async (event) => {
  await ddb.send(new PutItemCommand({ TableName: process.env.TABLE, Item: event.item }));
};`,
  },
  {
    name: 'unknown store class .set/.add/.delete is not a Map write',
    code: `import Keyv from 'keyv';
const store = new Keyv();
const bag = createBag();
export const handler = async (event) => {
  await store.set(event.id, event.body);
  bag.add(event.id);
  await store.delete(event.old);
};`,
  },
  {
    name: 'Map created by lazy init, then set under a request key',
    code: `let cache;
export const handler = async (event) => {
  cache ??= new Map();
  cache.set(event.id, Date.now());
};`,
    sites: [C('cache.set', { move: true })],
  },
  {
    name: 'Map guarded per-key fill (has/set) is a cache',
    code: `const memo = new Map();
export const handler = async (event) => {
  if (!memo.has(event.id)) memo.set(event.id, await load(event.id));
  return memo.get(event.id);
};`,
    sites: [C('memo.set', { move: true })],
  },
  {
    name: 'push of spread request records, and unshift',
    code: `const items = [];
export const handler = async (event) => {
  items.push(...event.Records);
  items.unshift(event.first);
};`,
    sites: [G('items.push', { move: true }), G('items.unshift', { move: true })],
  },
  {
    name: 'optional call items?.push?.(x) and string-literal method items["push"](x)',
    code: `const items = [];
export const handler = async (event) => {
  items?.push?.(1);
  items['push'](2);
};`,
    sites: [G('items?.push', { move: true }), G("items['push']", { move: true })],
  },
  {
    name: 'module-level Headers instance .set is not a Map write',
    code: `const headers = new Headers();
export const handler = async (event) => {
  headers.set('x-id', event.id);
};`,
  },
  {
    name: 'fill with request data stores request data',
    code: `const slots = new Array(3).fill(null);
export const handler = async (event) => {
  slots.fill(event.user);
};`,
    sites: [D('slots.fill', { move: true })],
  },
  {
    name: 'pop, splice(0, 1), map.delete(event.id), set.clear() are plain writes',
    code: `const items = [1, 2];
const byId = new Map();
const seen = new Set();
export const handler = async (event) => {
  items.pop();
  items.splice(0, 1);
  byId.delete(event.id);
  seen.clear();
};`,
    sites: [
      W('items.pop', { move: true }),
      W('items.splice', { move: true }),
      W('byId.delete', { move: true }),
      W('seen.clear', { move: true }),
    ],
  },
  {
    name: 'sort with a comparator and reverse',
    code: `const ranked = [3, 1, 2];
export const handler = async (event) => {
  ranked.sort((a, b) => a - b).reverse();
  return ranked;
};`,
    sites: [W('ranked.sort', { move: true })],
    unspecified: ['write'],
  },
  {
    name: 'array shapes: Array.from, new Array(), as-cast, JSON.parse',
    code: `const a = Array.from([]);
const b = new Array();
const c = [] as string[];
const d: string[] = JSON.parse('[]');
export const handler = async (event) => {
  a.push(1);
  b.push(2);
  c.push('3');
  d.push('4');
};`,
    sites: [
      G('a.push', { move: true }),
      G('b.push', { move: true }),
      G('c.push', { move: true }),
      G('d.push', { move: true }),
    ],
  },
  {
    name: 'typed generic Map and Set',
    code: `const m = new Map<string, number>();
const s = new Set<string>();
export const handler = async (event: { id: string }) => {
  m.set(event.id, 1);
  s.add(event.id);
};`,
    sites: [C('m.set', { move: true }), G('s.add', { move: true })],
  },
  {
    name: 'Map assigned later in a start-up init function',
    code: `let sessions;
function init() {
  sessions = new Map();
}
init();
export const handler = async (event) => {
  sessions.set(event.headers.token, Date.now());
};`,
    sites: [C('sessions.set')],
  },
  {
    name: 'callback registry grows at request time',
    code: `const listeners = [];
export const handler = async (event) => {
  listeners.push(() => console.log('done'));
};`,
    sites: [G('listeners.push', { move: true })],
  },
  {
    name: 'result accumulator object grows',
    code: `const result = { items: [] };
export const handler = async (event) => {
  result.items.push(...event.Records.map((r) => r.body));
  return result;
};`,
    sites: [G('result.items.push', { move: true })],
  },
  {
    name: 'declared non-collection types with set/add stay quiet',
    code: `import { createClient, type RedisClientType } from 'redis';
const client: RedisClientType = createClient();
const store: KeyValueStore = makeStore();
export const handler = async (event) => {
  await client.set(event.key, event.value);
  store.add(event.key);
};`,
  },
  {
    name: 'declared Map type from a factory is a Map',
    code: `const cache: Map<string, string> = createCache();
export const handler = async (event) => {
  cache.set(event.id, 'x');
};`,
    sites: [C('cache.set', { move: true })],
  },
  {
    name: 'removal-only and no-op splices are plain writes',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.splice(0, 1);
  items.splice(0, 0);
};`,
    sites: [W('items.splice(0, 1)', { move: true }), W('items.splice(0, 0)', { move: true })],
  },
  {
    name: 'replacing splice stores request data without growing',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.splice(0, 1, event.x);
};`,
    sites: [D('items.splice', { move: true })],
  },
  {
    name: 'removal splice at a request-chosen index stores nothing',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.splice(event.index, 1);
};`,
    sites: [W('items.splice', { move: true })],
  },
  {
    name: 'sort with a comparator closing over request data stores nothing',
    code: `const rows = [{ a: 1 }];
export const handler = async (event) => {
  rows.sort((x, y) => x[event.key] - y[event.key]);
  return rows;
};`,
    sites: [W('rows.sort', { move: true })],
  },
  {
    name: 'Set.delete with request data is a plain write',
    code: `const active = new Set();
export const handler = async (event) => {
  active.delete(event.id);
};`,
    sites: [W('active.delete', { move: true })],
  },
  {
    name: 'fill and copyWithin with request positions store nothing',
    code: `const slots = [0, 0, 0];
export const handler = async (event) => {
  slots.fill(0, event.start);
  slots.copyWithin(event.to, 0);
};`,
    sites: [W('slots.fill', { move: true }), W('slots.copyWithin', { move: true })],
  },
]);
