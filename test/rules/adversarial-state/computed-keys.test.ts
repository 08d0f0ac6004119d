// Red-team cases for the four state rules. Writes under a computed key (`obj[key] = v`, `obj[key] ??= v`, `obj[k] +=
// 1`): a request-derived key makes a cache.
import { C, D, G, W, runCases } from './harness.js';

runCases('computed-key writes', [
  {
    name: 'arr[arr.length] = x is growth',
    code: `const arr = [];
export const handler = async (event) => {
  arr[arr.length] = event.id;
};`,
    sites: [G('arr[arr.length] =', { move: true })],
  },
  {
    name: 'stats[event.route] += 1 fills one slot per distinct route (cache)',
    code: `const stats = {};
export const handler = async (event) => {
  stats[event.route] += 1;
};`,
    sites: [C('stats[event.route] +=', { move: true })],
  },
  {
    name: 'stats[event.route] = (stats[event.route] ?? 0) + 1 (cache)',
    code: `const stats = {};
export const handler = async (event) => {
  stats[event.route] = (stats[event.route] ?? 0) + 1;
};`,
    sites: [C('stats[event.route] =', { move: true })],
  },
  {
    name: 'for-in over a module object writing back constants',
    code: `const counters = { a: 1, b: 2 };
export const handler = async (event) => {
  for (const key in counters) counters[key] = 0;
};`,
    sites: [W('counters[key] = 0', { move: true })],
  },
  {
    name: 'object spread with a request-derived computed key is a cache',
    code: `let cache = {};
export const handler = async (event) => {
  cache = { ...cache, [event.id]: true };
};`,
    sites: [C('cache = { ...', { move: true })],
  },
  {
    name: 'CACHE[event.item] = item on a typed Record',
    code: `let cache: Record<string, number> = {};
export const handler = async (event: { id: string }) => {
  cache[event.id] = 1;
};`,
    sites: [C('cache[event.id]', { move: true })],
  },
  {
    name: 'for-of over Object.entries(event.headers) copying into a module object: cache',
    code: `const headers = {};
export const handler = async (event) => {
  for (const [name, value] of Object.entries(event.headers)) headers[name] = value;
};`,
    sites: [C('headers[name]', { move: true })],
  },
  {
    name: 'key wrapped in String(event.id) is still a request key',
    code: `const byId = {};
export const handler = async (event) => {
  byId[String(event.id)] = Date.now();
};`,
    sites: [C('byId[', { move: true })],
  },
  {
    name: 'seed 001 CACHE with a db callback',
    cjs: true,
    code: `var CACHE = {};
exports.handler = function (event, context) {
  if (CACHE[event.item]) return context.succeed(CACHE[event.item]);
  db.find(event.item, function (err, item) {
    if (err) return;
    CACHE[event.item] = item;
    context.succeed(item);
  });
};`,
    sites: [C('CACHE[event.item] = item', { move: true })],
  },
  {
    name: 'guarded per-key init clients[event.region] is a cache, not lazy init',
    code: `import { S3Client } from '@aws-sdk/client-s3';
const clients = {};
export const handler = async (event) => {
  if (!clients[event.region]) clients[event.region] = new S3Client({ region: event.region });
  return clients[event.region];
};`,
    sites: [C('clients[event.region] =', { move: true })],
  },
  {
    name: 'clients[event.region] ??= new X() is a cache',
    code: `const clients = {};
export const handler = async (event) => {
  clients[event.region] ??= new Client(event.region);
};`,
    sites: [C('clients[event.region] ??=', { move: true })],
  },
  {
    name: 'cache keyed by a constant with a request value is request data',
    code: `const cache = {};
export const handler = async (event) => {
  cache['latest'] = event.body;
};`,
    sites: [D("cache['latest']", { move: true })],
  },
  {
    name: 'cache keyed by a module constant list index is not a request key',
    code: `const KEYS = ['a', 'b'];
const cache = {};
export const handler = async (event) => {
  cache[KEYS[0]] = Date.now();
};`,
    sites: [W('cache[KEYS', { move: true })],
  },
  {
    name: 'index write at state.items[state.items.length]',
    code: `const state = { items: [] };
export const handler = async (event) => {
  state.items[state.items.length] = event.id;
};`,
    sites: [G('state.items[', { move: true })],
  },
  {
    name: 'classic guarded cache fill under a request key',
    code: `const cache = {};
export const handler = async (event) => {
  if (!cache[event.id]) cache[event.id] = await load(event.id);
  return cache[event.id];
};`,
    sites: [C('cache[event.id] =', { move: true })],
  },
  {
    name: 'lazily created object cache then keyed write',
    code: `let cache;
export const handler = async (event) => {
  cache = cache || {};
  cache[event.id] = 1;
};`,
    sites: [C('cache[event.id]', { move: true })],
  },
  {
    name: 'nested request-keyed object under a module object',
    code: `const state = { byUser: {} };
export const handler = async (event) => {
  state.byUser[event.user] = { ...event };
};`,
    sites: [C('state.byUser[', { move: true })],
  },
  {
    name: 'per-name secret memo called with a request-chosen name is a cache',
    code: `const secrets = {};
async function getSecret(name) {
  if (!secrets[name]) secrets[name] = await fetchSecret(name);
  return secrets[name];
}
export const handler = async (event) => getSecret(event.secretName);`,
    sites: [C('secrets[name] =')],
  },
  {
    name: 'template-literal composite cache key',
    code: `const cache = {};
export const handler = async (event) => {
  const key = \`\${event.tenant}:\${event.id}\`;
  cache[key] = await load(key);
};`,
    sites: [C('cache[key]', { move: true })],
  },
  {
    name: 'per-type counter initialised with ||',
    code: `const metrics = {};
export const handler = async (event) => {
  metrics[event.type] = metrics[event.type] || 0;
};`,
    sites: [C('metrics[event.type] =', { move: true })],
  },
  {
    name: 'Object.create(null) dictionary under a request key',
    code: `const store = Object.create(null);
export const handler = async (event) => {
  store[event.id] = 1;
};`,
    sites: [C('store[event.id]', { move: true })],
  },
  {
    name: 'keyed by context.awsRequestId (cache) and Set of request ids (growth)',
    code: `const byRequest = {};
const ids = new Set();
export const handler = async (event, context) => {
  byRequest[context.awsRequestId] = Date.now();
  ids.add(context.awsRequestId);
};`,
    sites: [C('byRequest[', { move: true }), G('ids.add', { move: true })],
  },
  {
    name: 'two-dimensional request-keyed counter is a cache',
    code: `const matrix = {};
export const handler = async (event) => {
  matrix[event.row] ??= {};
  matrix[event.row][event.col] = (matrix[event.row][event.col] ?? 0) + 1;
};`,
    sites: [C('matrix[event.row] ??=', { move: true }), C('matrix[event.row][event.col] =', { move: true })],
  },
  {
    name: 'rate limiter keyed by source IP',
    code: `const rateLimit = {};
export const handler = async (event) => {
  const ip = event.requestContext.identity.sourceIp;
  rateLimit[ip] = (rateLimit[ip] || 0) + 1;
  return rateLimit[ip] > 10 ? { statusCode: 429 } : { statusCode: 200 };
};`,
    sites: [C('rateLimit[ip] =', { move: true })],
  },
]);
