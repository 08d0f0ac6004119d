// Red-team cases for the four state rules. What bounds a collection: resets at entry, eviction, size caps,
// bounded cache libraries and the `boundedCaches` setting.
import { D, G, W, runCases } from './harness.js';

runCases('bounds and resets', [
  {
    name: 'reset at entry then push: reset is a write, push does not grow',
    code: `let batch = [];
export const handler = async (event) => {
  batch = [];
  batch.push(1);
};`,
    sites: [W('batch = []', { nth: 2, move: true }), W('batch.push', { move: true })],
  },
  {
    name: 'length = 0 at entry then push',
    code: `const buf = [];
export const handler = async (event) => {
  buf.length = 0;
  buf.push('x');
};`,
    sites: [W('buf.length', { move: true }), W('buf.push', { move: true })],
  },
  {
    name: 'reset at entry then push request data: push stores request data',
    code: `let batch = [];
export const handler = async (event) => {
  batch = [];
  for (const record of event.Records) batch.push(record.body);
  return batch.length;
};`,
    sites: [W('batch = []', { nth: 2, move: true }), D('batch.push', { move: true })],
  },
  {
    name: 'conditional reset does not bound the growth',
    code: `let buf = [];
export const handler = async (event) => {
  if (event.reset) buf = [];
  buf.push(1);
};`,
    sites: [W('buf = []', { nth: 2, move: true }), G('buf.push', { move: true })],
  },
  {
    name: 'reset inside a function that is never called does not bound the growth',
    code: `const trail = [];
function unused() {
  trail.length = 0;
}
export const handler = async (event) => {
  trail.push(event.path);
};`,
    sites: [G('trail.push')],
  },
  {
    // A size cap makes the buffer an explicit bounded cache, like lru-cache with `max`: quiet in every config.
    name: 'size-capped buffer: the cap and the push are quiet in every config',
    code: `const recent = [];
export const handler = async (event) => {
  if (recent.length > 100) recent.shift();
  recent.push(1);
};`,
  },
  {
    name: 'cache emptied when it passes a size is an explicit cache, its fill included',
    code: `const cache = new Map();
export const handler = async (event) => {
  if (cache.size > 100) cache.clear();
  const value = await load(event.id);
  cache.set(event.id, value);
};`,
  },
  {
    name: 'lru-cache instance is quiet in the recommended rules',
    unspecified: ['write'],
    code: `import { LRUCache } from 'lru-cache';
const cache = new LRUCache({ max: 100 });
export const handler = async (event) => {
  cache.set(event.id, Date.now());
};`,
  },
  {
    name: 'quick-lru default import is quiet in the recommended rules',
    unspecified: ['write'],
    code: `import QuickLRU from 'quick-lru';
const lru = new QuickLRU({ maxSize: 1000 });
export const handler = async (event) => {
  lru.set(event.id, 1);
};`,
  },
  {
    name: '@isaacs/ttlcache via require is quiet in the recommended rules',
    cjs: true,
    unspecified: ['write'],
    code: `const TTLCache = require('@isaacs/ttlcache');
const ttl = new TTLCache({ max: 10, ttl: 1000 });
exports.handler = async (event) => {
  ttl.set(event.id, 1);
};`,
  },
  {
    name: 'boundedCaches setting: computed-key write on a configured factory is only a strict write',
    settings: { boundedCaches: ['createLimitedCache'] },
    code: `const store = createLimitedCache(500);
export const handler = async (event) => {
  store[event.id] = 1;
};`,
    sites: [W('store[event.id]', { move: true })],
  },
  {
    name: 'boundedCaches setting: configured constructor with .set is quiet in recommended',
    settings: { boundedCaches: ['BoundedMap'] },
    unspecified: ['write'],
    code: `const cache = new BoundedMap({ max: 100 });
export const handler = async (event) => {
  cache.set(event.id, 1);
};`,
  },
  {
    name: 'reset at entry inside a top-level try still bounds the collection',
    code: `let buf = [];
export const handler = async (event) => {
  try {
    buf = [];
    buf.push(1);
  } finally {
    await flush(buf);
  }
};`,
    sites: [W('buf = [];\n    buf', { move: true }), W('buf.push', { move: true })],
  },
  {
    name: 'reset after an early return is not every invocation',
    code: `let buf = [];
export const handler = async (event) => {
  if (event.skip) return;
  buf = [];
  buf.push(1);
};`,
    unspecified: ['growth', 'write'],
  },
  {
    name: 'request-keyed counter emptied past a size is an explicit cache',
    code: `const counts = {};
export const handler = async (event) => {
  counts[event.type]++;
  if (Object.keys(counts).length > 50) for (const k in counts) delete counts[k];
};`,
  },
  {
    name: 'request-keyed counter with a removal that no size or clock decides is not a cache, only a write',
    code: `const counts = {};
export const handler = async (event) => {
  counts[event.type]++;
  if (event.forget) delete counts[event.forget];
};`,
    sites: [W('counts[event.type]++', { move: true }), W('delete counts', { move: true })],
  },
]);
