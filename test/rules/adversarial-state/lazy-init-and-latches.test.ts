// Red-team cases for the four state rules. Guarded one-time initialisation and one-way latches stay quiet; guards
// that run every invocation or store request data do not.
import { D, G, W, runCases } from './harness.js';

runCases('lazy init and latches', [
  {
    name: 'lazy init of a collection, then growth',
    code: `let queue;
export const handler = async (event) => {
  queue ??= [];
  queue.push(event.id);
};`,
    sites: [G('queue.push', { move: true })],
  },
  {
    name: 'if (!client) { client = new X(); }',
    code: `import { S3Client } from '@aws-sdk/client-s3';
let client;
export const handler = async (event) => {
  if (!client) {
    client = new S3Client({});
  }
  return client.send(event.command);
};`,
  },
  {
    name: 'client = client ?? new X()',
    code: `let client;
export const handler = async (event) => {
  client = client ?? new Client();
};`,
  },
  {
    name: 'return client ??= new X() in a helper',
    code: `let client;
function getClient() {
  return client ??= new Client();
}
export const handler = async (event) => getClient().get(event.id);`,
  },
  {
    name: 'if (client) return client; client = await create(); return client;',
    code: `let client;
async function getClient() {
  if (client) return client;
  client = await createClient(process.env.URL);
  return client;
}
export const handler = async (event) => {
  const c = await getClient();
  return c.query(event.sql);
};`,
  },
  {
    name: 'memoised promise (p ??= connect())',
    code: `let ready;
const init = () => (ready ??= connect());
export const handler = async (event) => {
  await init();
};`,
  },
  {
    name: 'if (x === undefined) and == null guards',
    code: `let config;
let pool;
export const handler = async (event) => {
  if (config === undefined) config = await loadConfig();
  if (pool == null) pool = createPool();
};`,
  },
  {
    name: "typeof x === 'undefined' guard",
    code: `let cached;
export const handler = async (event) => {
  if (typeof cached === 'undefined') cached = await loadTable();
  return cached[event.key];
};`,
  },
  {
    name: 'client ||= new X()',
    code: `let client;
export const handler = async (event) => {
  client ||= new Client();
};`,
  },
  {
    name: 'lazy init with follow-up property writes inside the guard',
    code: `let config;
export const handler = async (event) => {
  if (!config) {
    config = await loadConfig();
    config.loadedAt = Date.now();
  }
};`,
  },
  {
    name: 'lazy init inside try inside the guard',
    code: `let pool;
export const handler = async (event) => {
  if (!pool) {
    try {
      pool = await createPool();
    } catch (error) {
      console.error(error);
    }
  }
};`,
  },
  {
    name: 'init flag guarding several assignments, flag set inside',
    code: `let initialized = false;
let db;
let cache;
export const handler = async (event) => {
  if (!initialized) {
    db = await connect();
    cache = await warm();
    initialized = true;
  }
};`,
  },
  {
    name: 'lazy init with a request-derived argument is request data',
    code: `let db;
export const handler = async (event) => {
  if (!db) db = await connect(event.tenant);
};`,
    sites: [D('db = await', { move: true })],
  },
  {
    name: 'lazy init in a helper with a request-derived argument',
    code: `let client;
function getClient(region) {
  if (!client) client = new S3Client({ region });
  return client;
}
export const handler = async (event) => getClient(event.region);`,
    sites: [D('client = new')],
  },
  {
    name: 'return client ??= new X(event.region)',
    code: `let client;
export const handler = async (event) => {
  return (client ??= new Client(event.region));
};`,
    sites: [D('client ??=', { move: true })],
  },
  {
    name: 'memoised promise with request data',
    code: `let ready;
export const handler = async (event) => {
  await (ready ??= connect(event.tenant));
};`,
    sites: [D('ready ??=', { move: true })],
  },
  {
    name: 'else branch of a lazy-init guard runs on every warm invocation',
    code: `let client;
export const handler = async (event) => {
  if (!client) client = new Client();
  else client = new OtherClient();
};`,
    sites: [W('client = new OtherClient', { move: true })],
  },
  {
    name: 'cold-start latch',
    code: `let isCold = true;
export const handler = async (event) => {
  if (isCold) {
    console.log('cold');
    isCold = false;
  }
};`,
  },
  {
    name: 'latch false -> true without a guard',
    code: `let warm = false;
export const handler = async (event) => {
  const wasWarm = warm;
  warm = true;
  return wasWarm;
};`,
  },
  {
    name: 'flag toggled both ways is a strict write at each site, named as a toggle',
    code: `let busy = false;
export const handler = async (event) => {
  busy = true;
  await work();
  busy = false;
};`,
    sites: [
      W('busy = true', { move: true, messageId: 'toggledPerRequest' }),
      W('busy = false;\n}', { move: true, messageId: 'toggledPerRequest' }),
    ],
  },
  {
    name: 'a guarded latch that another route sets back is a shared flag, not lazy init',
    code: `const host = { signedIn: false };
export function routes(app) {
  app.post('/login', (req, res) => {
    if (!host.signedIn) host.signedIn = true;
    res.end();
  });
  app.get('/logout', (req, res) => {
    host.signedIn = false;
    res.end();
  });
}
export const signedIn = () => host.signedIn;`,
    sites: [W('host.signedIn = true'), W('host.signedIn = false')],
  },
  {
    name: 'a guarded latch set back only when its start-up fails stays lazy init',
    code: `let started = false;
export const handler = async (event) => {
  if (!started) {
    started = true;
    try {
      await boot();
    } catch (error) {
      started = false;
      throw error;
    }
  }
  return event.id;
};`,
  },
  {
    name: 'a dirty flag that a timer sets back after saving is no one-way latch',
    code: `let dirty = false;
function flush(path) {
  if (!dirty) return;
  dirty = false;
  save(path);
}
export function start(path) {
  setInterval(() => flush(path), 60_000);
}
export const handler = async (event) => {
  dirty = true;
  return event.id;
};`,
    sites: [W('dirty = true')],
  },
  {
    name: 'a warm flag that only start-up code sets back stays a latch',
    code: `let warm = false;
function reset() {
  warm = false;
}
reset();
export const handler = async (event) => {
  warm = true;
  return event.id;
};`,
  },
  {
    name: 'flag set to request data is request data',
    code: `let debug = false;
export const handler = async (event) => {
  debug = event.debug;
};`,
    sites: [D('debug = event', { move: true })],
  },
  {
    name: 'lazy promise whose then-callback stores the connection',
    code: `let ready;
let conn;
export const handler = async (event) => {
  if (!ready) {
    ready = connect().then((c) => {
      conn = c;
      return c;
    });
  }
  await ready;
  return conn.query(event.sql);
};`,
  },
  {
    name: 'config ?? (config = load()) inside a helper',
    code: `let config;
function getConfig() {
  return config ?? (config = loadConfig());
}
export const handler = async (event) => getConfig()[event.key];`,
  },
  {
    name: 'config || (config = load())',
    code: `let config;
export const handler = async (event) => {
  config || (config = await loadConfig());
};`,
  },
  {
    name: 'x = x ? x : new X()',
    code: `let client;
export const handler = async (event) => {
  client = client ? client : new Client();
};`,
  },
  {
    name: 'guard with reconnect condition (!client || client.closed)',
    code: `let client;
export const handler = async (event) => {
  if (!client || client.closed) client = await connect();
};`,
  },
  {
    name: 'guard on a nested property: if (!state.client) state.client = …',
    code: `const state = {};
export const handler = async (event) => {
  if (!state.client) state.client = new Client();
};`,
  },
  {
    name: 'lazy getter on a module object',
    code: `const lazy = {
  _client: null,
  get client() {
    return (this._client ??= new Client());
  },
};
export const handler = async (event) => lazy.client.send(event.cmd);`,
  },
  {
    name: 'arrow getter helper with block body and early return',
    code: `let db;
const getDb = async () => {
  if (db) return db;
  db = await connect(process.env.DB_URL);
  return db;
};
export const handler = async (event) => (await getDb()).find(event.id);`,
  },
  {
    name: 'lazy init with request data in an early-return helper',
    code: `let db;
const getDb = async (url) => {
  if (db) return db;
  db = await connect(url);
  return db;
};
export const handler = async (event) => (await getDb(event.dbUrl)).find(event.id);`,
    sites: [D('db = await')],
  },
  {
    name: 'latch set in a helper called by the handler',
    code: `let coldStart = true;
function markWarm() {
  coldStart = false;
}
export const handler = async (event) => {
  const wasCold = coldStart;
  markWarm();
  return wasCold;
};`,
  },
  {
    name: 'toggle = !toggle flips both ways',
    code: `let toggle = false;
export const handler = async (event) => {
  toggle = !toggle;
};`,
    sites: [W('toggle = !', { move: true })],
  },
  {
    name: 'boolean derived from the request via ! is request data',
    code: `let debug = false;
export const handler = async (event) => {
  debug = !event.quiet;
};`,
    sites: [D('debug = !', { move: true })],
  },
  {
    name: 'MongoDB connection caching with callbackWaitsForEmptyEventLoop',
    cjs: true,
    code: `const { MongoClient } = require('mongodb');
let cachedDb = null;
async function connectToDatabase(uri) {
  if (cachedDb) return cachedDb;
  const client = await MongoClient.connect(uri);
  cachedDb = client.db('app');
  return cachedDb;
}
exports.handler = async (event, context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  const db = await connectToDatabase(process.env.MONGODB_URI);
  return db.collection('users').find({ id: event.id }).toArray();
};`,
  },
  {
    name: 'per-name secret memo with constant names is lazy init',
    code: `const secrets = {};
async function getSecret(name) {
  if (!secrets[name]) secrets[name] = await fetchSecret(name);
  return secrets[name];
}
export const handler = async (event) => {
  const password = await getSecret('DB_PASSWORD');
  return query(password, event.sql);
};`,
  },
  {
    // A refresh under a freshness check of the same state stores the same kind of value it replaces: lazy init
    // repeated on expiry, quiet in every config (it was a strict write before freshness checks counted).
    name: 'TTL-refreshed parameter cache is lazy init',
    code: `let cache = { value: null, expires: 0 };
async function getParam() {
  if (Date.now() < cache.expires) return cache.value;
  cache = { value: await loadParameter('/app/flag'), expires: Date.now() + 60000 };
  return cache.value;
}
export const handler = async (event) => ((await getParam()) ? event.a : event.b);`,
  },
  {
    name: 'client = client || (await createClient())',
    code: `let client = null;
export const handler = async (event) => {
  client = client || (await createClient());
  return client.get(event.key);
};`,
  },
  {
    name: 'guard at the call site: if (!client) create()',
    code: `let client;
function create() {
  client = new Client(process.env.URL);
}
export const handler = async (event) => {
  if (!client) create();
  return client.get(event.key);
};`,
  },
  {
    name: 'init function guarded by a flag it sets itself',
    code: `let initialized = false;
let db;
let settings;
async function init() {
  db = await connect(process.env.DB_URL);
  settings = await db.loadSettings();
  initialized = true;
}
export const handler = async (event) => {
  if (!initialized) await init();
  return db.find(event.id, settings);
};`,
  },
  {
    name: 'the same creator called without a guard is a strict write',
    code: `let client;
function create() {
  client = new Client(process.env.URL);
}
export const handler = async (event) => {
  create();
  return client.get(event.key);
};`,
    sites: [W('client = new')],
  },
  {
    name: 'guard at the call site does not excuse request data in the helper',
    code: `let client;
function create(region) {
  client = new Client(region);
}
export const handler = async (event) => {
  if (!client) create(event.region);
  return client.get(event.key);
};`,
    sites: [D('client = new')],
  },
  {
    name: 'creator called guarded in one place and unguarded in another is a write',
    code: `let client;
function create() {
  client = new Client(process.env.URL);
}
export const handler = async (event) => {
  if (!client) create();
  if (event.reconnect) create();
  return client.get(event.key);
};`,
    sites: [W('client = new')],
  },
  {
    name: 'callback inside a lazy-init guard that stores request data',
    code: `let client;
let lastError;
export const handler = async (event) => {
  if (!client) {
    client = new Client();
    client.on('error', () => {
      lastError = event.requestContext.requestId;
    });
  }
};`,
    sites: [D('lastError =', { move: true })],
  },
  {
    name: 'guard on a flag that is never set runs every invocation (inline)',
    code: `let ready = false;
let client;
export const handler = async (event) => {
  if (!ready) client = new Client();
  return client.get(event.key);
};`,
    sites: [W('client = new', { move: true })],
  },
  {
    name: 'guard on a flag that is never set runs every invocation (call site)',
    code: `let ready = false;
let data;
async function refresh() {
  data = await load();
}
export const handler = async (event) => {
  if (!ready) await refresh();
  return data[event.key];
};`,
    sites: [W('data = await')],
  },
  {
    // The token and its expiry are refreshed together under a test of the expiry: quiet in every config.
    name: 'token refresh on expiry is lazy init',
    code: `let token;
let tokenExpiry = 0;
export const handler = async (event) => {
  if (Date.now() > tokenExpiry) {
    token = await fetchToken(process.env.CLIENT_ID);
    tokenExpiry = Date.now() + 3600 * 1000;
  }
  return callApi(token, event.body);
};`,
  },
  {
    name: 'init flag set by the guarded init helper through a nested helper',
    code: `let initialized = false;
let db;
function markReady() {
  initialized = true;
}
async function init() {
  db = await connect(process.env.DB_URL);
  markReady();
}
export const handler = async (event) => {
  if (!initialized) await init();
  return db.find(event.id);
};`,
  },
  {
    name: 'a flag start-up sets once and requests only clear is a one-way latch',
    code: `let needsSetup = false;
async function boot() {
  if ((await countAdmins()) === 0) needsSetup = true;
}
boot();
export const handler = async (event) => {
  if (!needsSetup) return { statusCode: 409 };
  await createAdmin(event.name);
  needsSetup = false;
  return { statusCode: 201 };
};`,
  },
  {
    name: 'the same flag set back by a request is no latch: both writes are reported, as a toggle',
    code: `let needsSetup = false;
async function boot() {
  if ((await countAdmins()) === 0) needsSetup = true;
}
boot();
export const handler = async (event) => {
  if (event.reopen) {
    needsSetup = true;
    return { statusCode: 202 };
  }
  needsSetup = false;
  return { statusCode: 201 };
};`,
    sites: [
      W('needsSetup = true;\n    return', { messageId: 'toggledPerRequest' }),
      W('needsSetup = false;\n  return', { messageId: 'toggledPerRequest' }),
    ],
  },
  {
    name: 'a class that lazily starts its own sweep timer, named by the class in its static method',
    code: `export class Settings {
  static cache = new Map();
  static sweeper = null;
  static get(key) {
    if (!Settings.sweeper) Settings.sweeper = setInterval(() => Settings.cache.clear(), 60000);
    return Settings.cache.get(key);
  }
}
export const handler = async (event) => ({ body: Settings.get('mode') });`,
  },
  {
    name: 'the same class starting a timer on every call: reported',
    code: `export class Settings {
  static cache = new Map();
  static sweeper = null;
  static get(key) {
    Settings.sweeper = setInterval(() => Settings.cache.clear(), 60000);
    return Settings.cache.get(key);
  }
}
export const handler = async (event) => ({ body: Settings.get('mode') });`,
    sites: [W('Settings.sweeper = setInterval')],
  },
]);
