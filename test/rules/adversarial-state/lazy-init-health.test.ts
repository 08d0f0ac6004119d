// Lazy init beyond presence guards, side by side with what only looks like it. Quiet: a singleton re-created when
// a check of its health or freshness fails, dropped by a failed health check, re-assigned from a getter that
// memoises it. Reported: a busy flag the same request sets back, a re-creation that runs on every request.
import { D, W, runCases } from './harness.js';

const TOGGLE = { messageId: 'toggledPerRequest' } as const;

runCases('lazy init: liveness checks, health-checked caches, memoising getters, busy flags', [
  {
    name: 'reconnect when the client reports it is not connected',
    code: `let client = createClient(process.env.REDIS_URL);
export const handler = async (event) => {
  if (!client.isConnected()) client = await connectClient(process.env.REDIS_URL);
  return client.get(event.key);
};`,
  },
  {
    name: 'reconnect helper called only when the socket is not open',
    code: `let socket;
async function connect() {
  socket = await openSocket(process.env.WS_URL);
}
export const handler = async (event) => {
  if (!socket || socket.readyState !== 1) await connect();
  socket.send(JSON.stringify({ id: event.id }));
};`,
  },
  {
    name: 'pool replaced once the old one has ended',
    code: `import { Pool } from 'pg';
let pool = new Pool();
export const handler = async (event) => {
  if (pool.ended) pool = new Pool();
  return pool.query('select 1');
};`,
  },
  {
    name: 'the same re-creation with no check runs on every request: a strict write',
    code: `import { Pool } from 'pg';
let pool = new Pool();
export const handler = async (event) => {
  pool = new Pool();
  return pool.query('select 1');
};`,
    sites: [W('pool = new Pool();\n  return', { move: true })],
  },
  {
    name: 'a liveness check does not excuse storing request data',
    code: `let client;
export const handler = async (event) => {
  if (!client?.isOpen) client = await connectAs(event.user);
  return client.get(event.key);
};`,
    sites: [D('client = await', { move: true })],
  },
  {
    name: 'a check on another state does not guard this write',
    code: `let client;
let lastUser;
export const handler = async (event) => {
  if (!client.isConnected()) lastUser = 'reconnecting';
  return client.get(event.key);
};`,
    sites: [W('lastUser =', { move: true })],
  },
  {
    name: 'health-checked connection: ping, drop on failure, reconnect',
    code: `let conn;
async function getConnection() {
  if (conn) {
    try {
      await conn.ping();
      return conn;
    } catch {
      conn = undefined;
    }
  }
  conn = await openConnection(process.env.DB_URL);
  return conn;
}
export const handler = async (event) => {
  const c = await getConnection();
  return c.query(event.sql);
};`,
  },
  {
    name: 'connection dropped and re-opened on every request is not a health check',
    code: `let conn;
export const handler = async (event) => {
  conn = undefined;
  conn = await openConnection(process.env.DB_URL);
  return conn.query(event.sql);
};`,
    sites: [W('conn = undefined', { move: true }), W('conn = await', { move: true })],
  },
  {
    name: 'cached service token refreshed when it is about to expire',
    code: `let cached = { token: null, expiresAt: 0 };
export const handler = async (event) => {
  if (cached.expiresAt - 60_000 < Date.now()) {
    cached = await fetchServiceToken(process.env.CLIENT_ID);
  }
  return callApi(cached.token, event.body);
};`,
  },
  {
    name: 'throttle timestamp of a periodic check',
    code: `let lastCheck = 0;
export const handler = async (event) => {
  if (Date.now() - lastCheck > 60_000) {
    lastCheck = Date.now();
    await checkForUpdates();
  }
  return render(event);
};`,
  },
  {
    name: 'a freshness check keyed by the request is not a refresh of one singleton',
    code: `let current = { user: null, at: 0 };
export const handler = async (event) => {
  if (current.at < Date.now() - 1000) current = { user: event.user, at: Date.now() };
  return current.user;
};`,
    sites: [D('current = {', { nth: 2, move: true })],
  },
  {
    name: 'memoising getter in the same file: the handler re-assigns what it returns',
    code: `let server;
async function ensureServer() {
  if (!server) server = await createServer();
  return server;
}
let app;
export const handler = async (event) => {
  app = await ensureServer();
  return app.handle(event);
};`,
  },
  {
    name: 'memoising getter written with ??= and an arrow',
    code: `let ready;
const getDb = () => (ready ??= connect(process.env.DB_URL));
let db;
export const handler = async (event) => {
  db = await getDb();
  return db.find(event.id);
};`,
  },
  {
    name: 'static getInstance of a singleton class',
    code: `class Manager {
  static instance;
  static getInstance() {
    if (!this.instance) this.instance = new Manager();
    return this.instance;
  }
}
let manager;
export const handler = async (event) => {
  manager = Manager.getInstance();
  return manager.run(event);
};`,
  },
  {
    name: 'a getter that builds a new object on every call is not memoising',
    code: `function makeServer() {
  return createServer();
}
let app;
export const handler = async (event) => {
  app = await makeServer();
  return app.handle(event);
};`,
    sites: [W('app = await', { move: true })],
  },
  {
    name: 'a getter that re-creates its singleton without a guard is not memoising',
    code: `let server;
function ensureServer() {
  server = createServer();
  return server;
}
let app;
export const handler = async (event) => {
  app = ensureServer();
  return app.handle(event);
};`,
    sites: [W('server = createServer'), W('app = ensureServer', { move: true })],
  },
  {
    name: 'busy flag: if (!busy) { busy = true; …; busy = false }',
    code: `let busy = false;
export const handler = async (event) => {
  if (!busy) {
    busy = true;
    await drain();
    busy = false;
  }
  return { ok: true };
};`,
    sites: [W('busy = true', { ...TOGGLE, move: true }), W('busy = false;\n  }', { ...TOGGLE, move: true })],
  },
  {
    name: 'busy flag with an early return and a reset in finally',
    code: `let processing = false;
const queue = [];
async function drainQueue() {
  if (processing) return;
  processing = true;
  try {
    while (queue.length) await run(queue.shift());
  } finally {
    processing = false;
  }
}
export const handler = async (event) => {
  queue.push(event.task);
  await drainQueue();
};`,
    // The queue itself is drained by the loop (an explicit bound); the flag around it is the toggle.
    sites: [W('processing = true', TOGGLE), W('processing = false;\n  }', TOGGLE)],
  },
  {
    name: 'a guard on a busy flag does not make the work it guards one-time init',
    code: `let busy = false;
let lastRun;
export const handler = async (event) => {
  if (!busy) {
    busy = true;
    lastRun = new Date().toISOString();
    busy = false;
  }
};`,
    sites: [
      W('busy = true', { ...TOGGLE, move: true }),
      W('lastRun =', { move: true }),
      W('busy = false;\n  }', { ...TOGGLE, move: true }),
    ],
  },
  {
    name: 'a shared failure counter opened and reset by requests is a state machine, not a refreshed singleton',
    code: `const guard = { strikes: 0, since: 0, tripped: false };
function mayCall() {
  if (!guard.tripped) return true;
  if (Date.now() - guard.since > 60000) {
    guard.tripped = false;
    guard.strikes = 0;
    return true;
  }
  return false;
}
function onError() {
  guard.strikes += 1;
  guard.since = Date.now();
  if (guard.strikes > 3) guard.tripped = true;
}
export const handler = async (event) => {
  if (!mayCall()) return { statusCode: 503 };
  try {
    return await callUpstream(event.path);
  } catch {
    onError();
    return { statusCode: 502 };
  }
};`,
    sites: [
      W('guard.tripped = false'),
      W('guard.strikes = 0'),
      W('guard.strikes += 1'),
      W('guard.since = Date.now()'),
      W('guard.tripped = true'),
    ],
  },
  {
    name: 'a token refreshed when it has expired stays quiet beside a stale-flag reset',
    code: `let token = null;
let expires = 0;
export const handler = async (event) => {
  if (Date.now() > expires) {
    token = await fetchToken();
    expires = Date.now() + 3600000;
  }
  return callWith(token, event.id);
};`,
  },
  {
    name: 'a one-way latch is not a toggle',
    code: `let initialised = false;
export const handler = async (event) => {
  if (!initialised) {
    await warmUp();
    initialised = true;
  }
  return event.id;
};`,
  },
  {
    name: 'a flag set in one route and cleared in another is a plain write, not a toggle',
    code: `import express from 'express';
const app = express();
let maintenance = false;
app.post('/maintenance/on', (req, res) => {
  maintenance = true;
  res.end();
});
app.post('/maintenance/off', (req, res) => {
  maintenance = false;
  res.end();
});
export default app;`,
    sites: [W('maintenance = true'), W('maintenance = false;\n  res')],
  },
  {
    name: 'a program-wide global (declared in a global comment) refreshed when its expiry has passed',
    code: `/* global APP */
export const handler = async (event) => {
  if (APP.guest.expiresAt <= Date.now()) {
    APP.guest = await APP.users.loadGuest();
    APP.guest.expiresAt = Date.now() + 60000;
  }
  return { user: event.user ?? APP.guest };
};`,
  },
  {
    name: 'the same global re-loaded on every request: both writes are reported',
    code: `/* global APP */
export const handler = async (event) => {
  APP.guest = await APP.users.loadGuest();
  APP.guest.expiresAt = Date.now() + 60000;
  return { user: event.user ?? APP.guest };
};`,
    sites: [W('APP.guest = await'), W('APP.guest.expiresAt')],
  },
]);
