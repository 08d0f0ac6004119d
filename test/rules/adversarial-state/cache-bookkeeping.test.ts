// The bookkeeping of an explicit cache belongs to the cache. A byte counter that the sweep tests against a limit
// and takes from as it evicts is the cache's size, and the flag that schedules the sweep is set back only by the
// sweep: both are as quiet as the cache in every config. The same counter or flag around a collection that nothing
// caps, or a flag the request itself sets back, is still a shared write.
import { D, W, runCases } from './harness.js';

runCases('bounds: the bookkeeping of an explicit cache', [
  {
    name: 'byte-capped cache: size counter, LRU order set and a sweep scheduled once per burst',
    code: `const LIMIT_BYTES = 5_000_000;
const bodies = new Map();
const recency = new Set();
let usedBytes = 0;
let trimPending = false;
function trim() {
  if (usedBytes > LIMIT_BYTES) {
    const victims = [];
    for (const url of recency) {
      victims.push(url);
      const body = bodies.get(url);
      if (body) {
        usedBytes -= body.length;
        if (usedBytes <= LIMIT_BYTES) break;
      }
    }
    for (const url of victims) {
      bodies.delete(url);
      recency.delete(url);
    }
  }
  trimPending = false;
}
function scheduleTrim() {
  if (!trimPending) {
    trimPending = true;
    queueMicrotask(trim);
  }
}
export const handler = async (event) => {
  const url = event.queryStringParameters.url;
  if (bodies.has(url)) {
    recency.delete(url);
    recency.add(url);
    return bodies.get(url);
  }
  const body = await (await fetch(url)).text();
  bodies.set(url, body);
  recency.add(url);
  usedBytes += body.length;
  scheduleTrim();
  return body;
};`,
  },
  {
    name: 'count-capped cache whose prune is scheduled through a pending flag',
    code: `const MAX_ENTRIES = 100;
const pages = new Map();
let prunePending = false;
function prune() {
  const excess = pages.size - MAX_ENTRIES;
  if (excess > 0) for (const key of [...pages.keys()].slice(0, excess)) pages.delete(key);
  prunePending = false;
}
export const handler = async (event) => {
  pages.set(event.path, await render(event.path));
  if (!prunePending) {
    prunePending = true;
    queueMicrotask(prune);
  }
};`,
  },
  {
    name: 'a byte counter with no cap: entries leave only when a request forgets them',
    code: `const bodies = new Map();
let usedBytes = 0;
export const forget = async (event) => {
  const body = bodies.get(event.url);
  if (body) {
    usedBytes -= body.length;
    bodies.delete(event.url);
  }
};
export const handler = async (event) => {
  const body = await (await fetch(event.url)).text();
  bodies.set(event.url, body);
  usedBytes += body.length;
  return body;
};`,
    sites: [W('usedBytes -= body.length'), W('bodies.delete'), W('bodies.set'), D('usedBytes += body.length')],
  },
  {
    name: 'a pending flag that the request sets back is a busy flag, not bookkeeping',
    code: `const MAX_ENTRIES = 100;
const pages = new Map();
let pending = false;
function prune() {
  while (pages.size > MAX_ENTRIES) pages.delete(pages.keys().next().value);
  pending = false;
}
export const handler = async (event) => {
  if (!pending) {
    pending = true;
    pages.set(event.path, await render(event.path));
    pending = false;
    queueMicrotask(prune);
  }
};`,
    sites: [
      W('pending = true', { messageId: 'toggledPerRequest' }),
      W('pending = false', { nth: 2, messageId: 'toggledPerRequest' }),
      W('pending = false', { nth: 3, messageId: 'toggledPerRequest' }),
    ],
  },
]);
