// Red-team cases for the four state rules. No module-state write at request time: reads, shadowing locals, start-up
// code, fresh copies, SDK and logger calls.
import { runCases } from './harness.js';

runCases('quiet patterns', [
  {
    name: 'local array shadowing a module array',
    code: `const items = [];
export const handler = async (event) => {
  const items = [];
  items.push(event.id);
  return items;
};`,
  },
  {
    name: 'callback parameter shadowing a module array',
    code: `const items = [];
export const handler = async (event) => {
  return event.Records.map((items) => {
    items.push(1);
    return items;
  });
};`,
  },
  {
    name: 'helper parameter shadowing a module array, called with a local array',
    code: `const items = [];
function add(items, x) {
  items.push(x);
}
export const handler = async (event) => {
  const local = [];
  add(local, event.id);
  return local;
};`,
  },
  {
    name: 'module array only read',
    code: `const allowed = ['a', 'b'];
export const handler = async (event) => ({
  ok: allowed.includes(event.kind),
  first: allowed[0],
  n: allowed.length,
  all: allowed.slice(),
  mapped: allowed.map((x) => x + event.kind),
  joined: allowed.concat(event.extra ?? []),
});`,
  },
  {
    name: 'module Map only read via get/has',
    code: `const routes = new Map([['/a', 1]]);
export const handler = async (event) => (routes.has(event.path) ? routes.get(event.path) : null);`,
  },
  {
    name: 'module state written only at start-up by a loop',
    cjs: true,
    code: `const table = {};
const allowed = new Set();
for (const name of (process.env.NAMES || '').split(',')) {
  table[name] = true;
  allowed.add(name);
}
exports.handler = async (event) => ({ ok: Boolean(table[event.name]) && allowed.has(event.name) });`,
  },
  {
    name: 'type-only file',
    code: `import type { APIGatewayProxyHandler } from 'aws-lambda';
export type State = { items: string[] };
export interface Cache { [key: string]: string }
export type MyHandler = APIGatewayProxyHandler;`,
  },
  {
    name: 'declare global with a handler that only reads it',
    code: `declare global {
  var requestCount: number;
}
export const handler = async (event) => ({ statusCode: 200, body: String(globalThis.requestCount) });`,
  },
  {
    name: 'enum and namespace read by a handler',
    code: `enum Status { Ok = 200, Missing = 404 }
namespace Config {
  export const retries = 3;
}
export const handler = async (event) => ({ statusCode: event.id ? Status.Ok : Status.Missing, retries: Config.retries });`,
  },
  {
    name: 'local Map per invocation',
    code: `export const handler = async (event) => {
  const cache = new Map();
  cache.set(event.id, 1);
  const seen = new Set();
  seen.add(event.id);
  return cache.size + seen.size;
};`,
  },
  {
    name: 'writes to a fresh object derived from module state (spread copy)',
    code: `const defaults = { a: 1 };
export const handler = async (event) => {
  const copy = { ...defaults };
  copy.user = event.user;
  const arr = [...(event.items ?? [])];
  arr.push(1);
  return copy;
};`,
  },
  {
    name: 'AsyncLocalStorage run/getStore',
    code: `import { AsyncLocalStorage } from 'node:async_hooks';
const als = new AsyncLocalStorage();
export const handler = async (event, context) =>
  als.run({ requestId: context.awsRequestId }, () => als.getStore());`,
  },
  {
    name: 'top-level IIFE filling state is start-up code',
    code: `const items = [];
(() => {
  for (const x of ['a', 'b']) items.push(x);
})();
export const handler = async (event) => items.includes(event.x);`,
  },
  {
    name: 'top-level async IIFE and init().then at start-up',
    code: `const cache = new Map();
let ready = false;
await (async () => {
  cache.set('a', 1);
})();
init().then(() => {
  ready = true;
});
export const handler = async (event) => (ready ? cache.get(event.key) : null);`,
  },
  {
    name: 'start-up builder called in a top-level initialiser',
    code: `const items = [];
function build() {
  items.push('x');
  return items.length;
}
const count = build();
export const handler = async (event) => count + items.length;`,
  },
  {
    name: 'copy then mutate: slice, spread, toSorted',
    code: `const items = [3, 1];
export const handler = async (event) => {
  const copy = items.slice();
  copy.push(event.id);
  const sorted = [...items].sort();
  const other = items.toSorted();
  items.concat(event.id);
  return [copy, sorted, other];
};`,
  },
  {
    name: 'catch parameter shadowing a module array',
    code: `const items = [];
export const handler = async (event) => {
  try {
    await run(event);
  } catch (items) {
    items.push?.(1);
  }
};`,
  },
  {
    name: 'block-scoped local Map shadowing a module Map',
    code: `const cache = new Map();
export const handler = async (event) => {
  {
    const cache = new Map();
    cache.set(event.id, 1);
  }
  return cache.get(event.id);
};`,
  },
  {
    name: 'iteration and reads of module Map/array',
    code: `const cache = new Map();
const items = [1];
export const handler = async (event) => {
  for (const [k, v] of cache) console.log(k, v);
  items.forEach((x) => console.log(x, event.id));
  return JSON.stringify(items) + Object.keys(cache).length + items.indexOf(event.id) + items.at(-1);
};`,
  },
  {
    name: 'pool/emitter/sdk calls with request data',
    code: `import { Pool } from 'pg';
import { EventEmitter } from 'node:events';
const pool = new Pool();
const bus = new EventEmitter();
export const handler = async (event) => {
  await pool.query('select $1', [event.id]);
  bus.emit('request', event);
};`,
  },
  {
    name: 'module config object exported and only read',
    code: `export const config = { runtime: 'nodejs', regions: ['eu'] };
export const handler = async (event) => ({ r: config.regions[0], id: event.id });`,
  },
  {
    name: 'writes to the event and context parameters are not module state',
    code: `export const handler = async (event, context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  event.processed = true;
  event.Records.push({});
  event = { ...event, extra: 1 };
  return event;
};`,
  },
  {
    name: 'spread of a module default response is a read',
    code: `const base = { statusCode: 200, headers: { 'Content-Type': 'application/json' } };
export const handler = async (event) => ({ ...base, body: JSON.stringify(event) });`,
  },
  {
    name: 'locals named like module state (var in handler, destructured from the event)',
    cjs: true,
    code: `var items = [];
var seen = new Set();
exports.handler = function (event, context) {
  var items = [];
  items.push(event.id);
  const { seen } = event;
  seen.add(1);
  return items;
};`,
  },
  {
    name: 'middy middleware object writing to the request, not module state',
    code: `import middy from '@middy/core';
const addUser = {
  before: async (request) => {
    request.event.user = request.event.headers.user;
  },
};
const base = async (event) => ({ statusCode: 200, body: event.user });
export const handler = middy(base).use(addUser);`,
  },
  {
    name: 'top-level timers and process hooks are start-up code',
    code: `const buffer = [];
const stats = { ticks: 0 };
setInterval(() => {
  buffer.length = 0;
  stats.ticks++;
}, 1000);
process.on('SIGTERM', () => {
  buffer.push('shutdown');
});
export const handler = async (event) => ({ size: buffer.length, ticks: stats.ticks });`,
  },
]);
