// The global object and the process environment written under a computed key: a process-wide write whatever the
// key. A request-derived key makes one slot per distinct request (cache-like), a request-derived value is request
// data, anything else is a write. Reads, start-up writes and lazy initialisation under a fixed key stay quiet.
import { C, D, W, runCases } from './harness.js';

runCases('global objects under a computed key', [
  {
    name: 'process.env under a request-derived name',
    code: `export const handler = async (event) => {
  process.env[event.flag] = 'on';
};`,
    sites: [C('process.env[')],
  },
  {
    name: 'process.env under a fixed name, with request data',
    code: `const FLAG = 'TENANT';
export const handler = async (event) => {
  process.env[FLAG] = event.tenant;
};`,
    sites: [D('process.env[')],
  },
  {
    name: 'process.env under a fixed name, with a constant',
    code: `const FLAG = 'DISABLE_LOGS';
export const handler = async (event) => {
  if (event.quiet) process.env[FLAG] = 'true';
};`,
    sites: [W('process.env[')],
  },
  {
    name: 'process.env read under a computed name',
    code: `export const handler = async (event) => ({ value: process.env[event.name] ?? null });`,
  },
  {
    name: 'process.env set under a computed name at start-up',
    code: `for (const [name, value] of Object.entries({ TZ: 'UTC' })) process.env[name] = value;
export const handler = async () => process.env.TZ;`,
  },
  {
    name: 'Object.assign into process.env with request data',
    code: `export const handler = async (event) => {
  Object.assign(process.env, event.overrides);
};`,
    sites: [D('Object.assign')],
  },
  {
    name: 'globalThis under a request-derived key',
    code: `export const handler = async (event) => {
  globalThis[event.session] = event.user;
};`,
    sites: [C('globalThis[')],
  },
  {
    name: 'global under a fixed key with request data',
    cjs: true,
    code: `const KEY = '__lastRequest';
exports.handler = async (event) => {
  global[KEY] = event;
};`,
    sites: [D('global[')],
  },
  {
    name: 'window under a computed key in a Worker-style handler',
    code: `export default {
  async fetch(request) {
    window[request.headers.get('x-id')] = Date.now();
    return new Response('ok');
  },
};`,
    sites: [C('window[')],
  },
  {
    name: 'a client kept on globalThis under a fixed key, created once',
    code: `const CLIENT = Symbol.for('app.client');
export const handler = async (event) => {
  if (!globalThis[CLIENT]) globalThis[CLIENT] = await connect();
  return globalThis[CLIENT].query(event.sql);
};`,
  },
  {
    name: 'a request-keyed slot on globalThis that the handler deletes again',
    code: `export const handler = async (event) => {
  globalThis[event.id] = event.body;
  try {
    return await work(event.id);
  } finally {
    delete globalThis[event.id];
  }
};`,
    sites: [D('globalThis[event.id] ='), W('delete')],
  },
]);
