// Red-team cases for the four state rules. Writes reached through helpers: which functions run at request time
// (called from a handler) and which only at start-up.
import { C, D, G, runCases } from './harness.js';

runCases('call paths', [
  {
    name: 'request data through a nested helper chain: handler -> a -> b',
    code: `const state = {};
function b(v) {
  state.v = v;
}
function a(v) {
  b(v.trim());
}
export const handler = async (event) => {
  a(event.name);
};`,
    sites: [D('state.v')],
  },
  {
    name: 'helper called from top level and from the handler is request-time code',
    code: `const seen = [];
function track(x) {
  seen.push(x);
}
track('boot');
export const handler = async (event) => {
  track(event.id);
};`,
    sites: [G('seen.push')],
  },
  {
    name: 'helper called only at top level is start-up code',
    code: `const routes = new Map();
function register(path, fn) {
  routes.set(path, fn);
}
register('/health', () => 'ok');
export const handler = async (event) => routes.get(event.path)?.();`,
  },
  {
    name: 'async callback passed to the SDK, writing a closure capturing request data',
    code: `const pending = [];
export const handler = async (event) => {
  pending.push(() => reply(event));
};`,
    sites: [G('pending.push', { move: true })],
  },
  {
    name: 'exported function writing state that no handler calls',
    code: `const items = [];
export function reset() {
  items.length = 0;
}
export function add(item) {
  items.push(item);
}
export const handler = async (event) => items.length;`,
  },
  {
    name: 'writes inside a non-exported function that nothing calls',
    code: `const items = [];
function neverCalled(event) {
  items.push(event);
}
export const handler = async (event) => ({ statusCode: 200 });`,
  },
  {
    name: 'cache in a helper keyed by its parameter, called with request data',
    code: `const cache = new Map();
async function lookup(id) {
  if (cache.has(id)) return cache.get(id);
  const value = await fetchValue(id);
  cache.set(id, value);
  return value;
}
export const handler = async (event) => lookup(event.pathParameters.id);`,
    sites: [C('cache.set')],
  },
  {
    name: 'nested function declared inside the handler',
    code: `const items = [];
export const handler = async (event) => {
  function inner() {
    items.push(1);
  }
  inner();
};`,
    sites: [G('items.push', { move: true })],
  },
  {
    name: 'helper reached through a module object table',
    code: `const trail = [];
const helpers = {
  track(x) {
    trail.push(x);
  },
};
export const handler = async (event) => {
  helpers.track(event.id);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'helper passed as a callback to forEach',
    code: `const trail = [];
function track(r) {
  trail.push(r.messageId);
}
export const handler = async (event) => {
  event.Records.forEach(track);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'helper invoked with .call',
    code: `const trail = [];
function track(x) {
  trail.push(x);
}
export const handler = async (event) => {
  track.call(null, event.id);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'exported utility called by the handler is request-time code',
    code: `const trail = [];
export function track(x) {
  trail.push(x);
}
export const handler = async (event) => {
  track(event.id);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'async map callbacks under Promise.all',
    code: `const seen = new Set();
export const handler = async (event) => {
  await Promise.all(
    event.Records.map(async (r) => {
      seen.add(r.messageId);
    }),
  );
};`,
    sites: [G('seen.add', { move: true })],
  },
  {
    name: 'helpers that only read a module array passed to them stay quiet',
    code: `const STATIC = [1, 2, 3];
function sum(list) {
  return list.reduce((a, b) => a + b, 0);
}
function addAll(target, src) {
  for (const x of src) target.push(x);
}
function sortInPlace(arr) {
  arr.sort();
}
export const handler = async (event) => {
  const local = [];
  addAll(local, STATIC);
  sortInPlace(local);
  return sum(STATIC) + sum(local) + event.n;
};`,
  },
  {
    name: 'helper writing its parameter, called with a module array only at start-up',
    code: `const items = [];
function appendTo(list, x) {
  list.push(x);
}
appendTo(items, 'boot');
export const handler = async (event) => {
  const local = [];
  appendTo(local, event.id);
  return local.concat(items);
};`,
  },
]);
