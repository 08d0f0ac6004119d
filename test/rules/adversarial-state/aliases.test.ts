// Red-team cases for the four state rules. Writes through aliases of module state: local and destructured aliases,
// parameters, loop elements, aliases of `globalThis`.
import { C, D, G, runCases } from './harness.js';

runCases('aliases', [
  {
    name: 'write through a local alias',
    code: `const items = [];
export const handler = async (event) => {
  const list = items;
  list.push(event.id);
};`,
    sites: [G('list.push', { move: true })],
  },
  {
    name: 'write through a destructured alias',
    code: `const state = { users: [] };
export const handler = async (event) => {
  const { users } = state;
  users.push(event.user);
};`,
    sites: [G('users.push', { move: true })],
  },
  {
    name: 'local alias reassigned to a fresh array before the push',
    code: `const items = [];
export const handler = async (event) => {
  let list = items;
  list = [];
  list.push(event.id);
  return list;
};`,
  },
  {
    name: 'alias of a module object written under a request key',
    code: `const cache = {};
export const handler = async (event) => {
  const c = cache;
  c[event.id] = 1;
};`,
    sites: [C('c[event.id]', { move: true })],
  },
  {
    name: 'helper appending to an array passed as an argument (parameter alias of module state)',
    code: `const globalList = [];
function appendTo(list, item) {
  list.push(item);
}
export const handler = async (event) => {
  appendTo(globalList, event.id);
};`,
    // Every use of globalList is inside the handler, so moving it there is offered (spec: "when every use is inside").
    sites: [G('list.push', { move: true })],
  },
  {
    name: 'let alias never reassigned',
    code: `const items = [];
export const handler = async (event) => {
  let list = items;
  list.push(event.id);
};`,
    sites: [G('list.push', { move: true })],
  },
  {
    name: 'for-of element alias writes request data into module objects',
    code: `const USERS = [{ id: 1 }];
export const handler = async (event) => {
  for (const u of USERS) u.lastSeen = event.time;
};`,
    sites: [D('u.lastSeen', { move: true })],
  },
  {
    name: 'alias of a nested Map, set under a request key',
    code: `const state = { map: new Map() };
export const handler = async (event) => {
  const m = state.map;
  m.set(event.id, 1);
};`,
    sites: [C('m.set', { move: true })],
  },
  {
    name: 'alias of an alias reports the write once',
    code: `const items = [];
export const handler = async (event) => {
  const a = items;
  const b = a;
  b.push(event.id);
  items.push(0);
};`,
    sites: [G('b.push', { move: true }), G('items.push', { nth: 1, move: true })],
  },
  {
    name: 'module-level alias of globalThis',
    code: `const globalForApp = globalThis;
export const handler = async (event) => {
  globalForApp.lastUser = event.user;
};`,
    sites: [D('globalForApp.lastUser', { move: true })],
  },
  {
    name: 'local alias of globalThis inside the handler',
    code: `export const handler = async (event) => {
  const g = globalThis;
  g.lastEvent = event;
};`,
    sites: [D('g.lastEvent')],
  },
]);
