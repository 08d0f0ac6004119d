// Red-team cases for the four state rules. Globals: implicit globals, `globalThis`/`global` properties and
// `process.env` written at request time.
import { C, D, G, W, runCases } from './harness.js';

runCases('globals', [
  {
    name: 'seed: global.log = global.log || []; global.log.push(q)',
    cjs: true,
    code: `exports.handler = async (event) => {
  global.log = global.log || [];
  global.log.push(event.query);
};`,
    sites: [G('global.log.push')],
  },
  {
    name: 'implicit global assignment',
    cjs: true,
    code: `exports.handler = function (event, context) {
  lastUser = event.user;
  context.succeed();
};`,
    sites: [D('lastUser =')],
  },
  {
    name: 'process.env.X = event.tenant',
    code: `export const handler = async (event) => {
  process.env.TENANT = event.tenant;
};`,
    sites: [D('process.env.TENANT =')],
  },
  {
    name: "globalThis['lastEvent'] = event",
    code: `export const handler = async (event) => {
  globalThis['lastEvent'] = event;
};`,
    sites: [D('globalThis[')],
  },
  {
    name: 'globalThis cache lazily created then keyed',
    code: `export const handler = async (event) => {
  globalThis.cache ??= {};
  globalThis.cache[event.id] = Date.now();
};`,
    sites: [C('globalThis.cache[event.id]')],
  },
  {
    name: 'global.sessions = global.sessions || new Map(); set under a token',
    cjs: true,
    code: `exports.handler = async (event) => {
  global.sessions = global.sessions || new Map();
  global.sessions.set(event.headers.token, { at: Date.now() });
};`,
    sites: [C('global.sessions.set')],
  },
  {
    name: 'globalThis.prisma ??= new PrismaClient() in the handler and at top level',
    code: `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis;
globalForPrisma.prisma ??= new PrismaClient();
export const handler = async (event) => {
  globalThis.prisma = globalThis.prisma || new PrismaClient();
  return globalThis.prisma.user.findUnique({ where: { id: event.id } });
};`,
  },
  {
    name: 'lazy Redis client on global',
    cjs: true,
    code: `const Redis = require('ioredis');
exports.handler = async (event) => {
  if (!global.redis) global.redis = new Redis(process.env.REDIS_URL);
  return global.redis.get(event.key);
};`,
  },
  {
    name: 'process.env as a lazy token cache is quiet, unguarded refresh is a write',
    code: `export const handler = async (event) => {
  if (!process.env.TOKEN) process.env.TOKEN = await fetchToken();
  process.env.LAST_REFRESH = String(Date.now());
};`,
    sites: [W('process.env.LAST_REFRESH')],
  },
  {
    name: 'the browser page objects under the global object hold nothing on a server; another window property does',
    code: `export const handler = async (event) => {
  window.location.href = event.next;
  window.lastTarget = event.next;
  self.document.title = event.title;
  globalThis.history.replaceState(null, '', event.path);
  window.sessionStorage.setItem('next', event.next);
};`,
    sites: [D('window.lastTarget =')],
  },
  {
    name: 'implicit global in an ES module',
    code: `export const handler = async (event) => {
  lastUser = event.user;
};`,
    sites: [D('lastUser =')],
  },
]);
