// What the code itself bounds, side by side with what it does not. A size cap, a sweep of expired entries (per
// request or on a timer), a TTL check that deletes on read and a per-entry expiry timer make an explicit cache:
// quiet in every config, its maintenance writes included. Entries released by key when their owner ends make a
// registry (a strict write, not request data). A removal that nothing runs bounds nothing, and the message says
// where it is instead of "nothing evicts".
import { C, D, G, W, runCases } from './harness.js';

const UNREACHED = { messageId: 'unboundedCacheUnreachedEviction' } as const;

runCases('bounds: caps, expiry, sweeps, registries', [
  {
    name: 'size cap that deletes the oldest key',
    code: `const cache = new Map();
export const handler = async (event) => {
  if (cache.has(event.id)) return cache.get(event.id);
  const value = await load(event.id);
  cache.set(event.id, value);
  if (cache.size > 500) cache.delete(cache.keys().next().value);
  return value;
};`,
  },
  {
    name: 'size cap checked through a local and trimmed in a helper',
    code: `const MAX = 200;
const rendered = new Map();
function prune() {
  const excess = rendered.size - MAX;
  if (excess > 0) {
    for (const key of [...rendered.keys()].slice(0, excess)) rendered.delete(key);
  }
}
export const handler = async (event) => {
  rendered.set(event.path, await render(event.path));
  prune();
};`,
  },
  {
    name: 'ring buffer: push, then drop from the front while too long',
    code: `const recent = [];
export const handler = async (event) => {
  recent.push({ path: event.path, at: Date.now() });
  while (recent.length > 50) recent.shift();
};`,
  },
  {
    name: 'sweep of expired entries on every request',
    code: `const seen = new Map();
export const handler = async (event) => {
  const now = Date.now();
  for (const [id, at] of seen) if (now - at > 300_000) seen.delete(id);
  if (seen.has(event.eventId)) return { duplicate: true };
  seen.set(event.eventId, now);
  return { duplicate: false };
};`,
  },
  {
    name: 'sweep on a module-level timer',
    code: `const sessions = {};
setInterval(() => {
  for (const id of Object.keys(sessions)) if (sessions[id].expires < Date.now()) delete sessions[id];
}, 60_000);
export const handler = async (event) => {
  sessions[event.sessionId] = { user: event.user, expires: Date.now() + 3_600_000 };
};`,
  },
  {
    name: 'sweep interval created lazily by the first request',
    code: `const cacheList = {};
let cleaner = null;
export const handler = async (event) => {
  if (!cleaner) {
    cleaner = setInterval(() => {
      for (const key in cacheList) if (Date.now() - cacheList[key].at > 60_000) delete cacheList[key];
    }, 60_000);
  }
  cacheList[event.key] = { value: await lookup(event.key), at: Date.now() };
};`,
  },
  {
    name: 'TTL check that deletes on read',
    code: `const tokens = new Map();
function valid(id) {
  const entry = tokens.get(id);
  if (!entry) return false;
  if (entry.expires < Date.now()) {
    tokens.delete(id);
    return false;
  }
  return true;
}
export const handler = async (event) => {
  if (!valid(event.token)) tokens.set(event.token, { expires: Date.now() + 600_000 });
};`,
  },
  {
    name: 'per-entry expiry timer',
    code: `const pending = new Map();
export const handler = async (event) => {
  pending.set(event.id, event.body);
  setTimeout(() => pending.delete(event.id), 30_000);
};`,
  },
  {
    name: 'whole map replaced every period by a timer',
    code: `let counts = {};
setInterval(() => {
  counts = {};
}, 60_000);
export const handler = async (event) => {
  counts[event.ip] = (counts[event.ip] ?? 0) + 1;
  return counts[event.ip] > 100 ? { status: 429 } : { status: 200 };
};`,
  },
  {
    name: 'the same map with no bound is a cache',
    code: `const counts = {};
export const handler = async (event) => {
  counts[event.ip] = (counts[event.ip] ?? 0) + 1;
  return counts[event.ip] > 100 ? { status: 429 } : { status: 200 };
};`,
    sites: [C('counts[event.ip] =', { move: true })],
  },
  {
    name: 'a removal decided by the request is not a cap',
    code: `const cache = new Map();
export const handler = async (event) => {
  if (event.items.length > 10) cache.clear();
  cache.set(event.id, event.items);
};`,
    sites: [W('cache.clear', { move: true }), D('cache.set', { move: true })],
  },
  {
    name: 'a cap on a different collection does not bound this one',
    code: `const log = [];
const ids = [];
export const handler = async (event) => {
  if (log.length > 100) log.shift();
  log.push(1);
  ids.push(event.id);
};`,
    sites: [G('ids.push', { move: true })],
  },
  {
    name: 'registry of WebSocket connections, released on disconnect',
    code: `const connections = new Map();
export const handler = async (event) => {
  const { connectionId, eventType } = event.requestContext;
  if (eventType === 'CONNECT') connections.set(connectionId, { ip: event.requestContext.identity.sourceIp });
  if (eventType === 'DISCONNECT') connections.delete(connectionId);
  return { statusCode: 200 };
};`,
    sites: [W('connections.set', { move: true }), W('connections.delete', { move: true })],
  },
  {
    name: 'the same registry with no release stores request data under a request key',
    code: `const connections = new Map();
export const handler = async (event) => {
  const { connectionId } = event.requestContext;
  connections.set(connectionId, { ip: event.requestContext.identity.sourceIp });
  return { statusCode: 200 };
};`,
    sites: [C('connections.set', { move: true })],
  },
  {
    name: 'in-flight requests deduplicated, each entry deleted when it settles',
    code: `const inflight = new Map();
export const handler = async (event) => {
  const key = event.url;
  if (inflight.has(key)) return inflight.get(key);
  const promise = fetch(event.url).finally(() => inflight.delete(key));
  inflight.set(key, promise);
  return promise;
};`,
    sites: [W('inflight.delete', { move: true }), W('inflight.set', { move: true })],
  },
  {
    name: 'removal only in a test helper: the cache message names it',
    code: `const users = new Map();
export function resetForTests() {
  users.clear();
}
export const handler = async (event) => {
  users.set(event.userId, await loadUser(event.userId));
};`,
    sites: [C('users.set', UNREACHED)],
  },
  {
    name: 'a removal that runs on a timer is seen, not named as unreached',
    code: `const users = new Map();
function sweep() {
  users.clear();
}
setInterval(sweep, 60_000);
export const handler = async (event) => {
  users.set(event.userId, await loadUser(event.userId));
};`,
  },
]);
