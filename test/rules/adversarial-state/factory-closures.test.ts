// State in the closure of code that runs once: a factory called at module scope whose product (an object with
// methods, a function, a class instance) is used per request, an IIFE module, a start-up function that registers
// routes, a method of a long-lived instance that made a route. Its variables live as long as the module. Each
// reported shape has a quiet twin: the product used only at start-up, a product that only reads, a factory called
// per request (a fresh closure each time), lazy initialisation inside the closure.
import { C, D, G, W, runCases } from './harness.js';

const EXPRESS = `import express from 'express';
const app = express();
`;

runCases('factory closures', [
  {
    name: 'a stack made once at module scope and entered per request',
    code: `const makeStack = <T,>(initial: T) => {
  const frames: T[] = [initial];
  return { enter(value: T) { frames.push(value); }, current: () => frames[frames.length - 1] };
};
const themeStack = makeStack('light');
export const handler = async (event: { theme: string }) => {
  themeStack.enter(event.theme);
  return themeStack.current();
};`,
    sites: [G('frames.push')],
  },
  {
    name: 'the same stack entered only at start-up and read per request',
    code: `const makeStack = <T,>(initial: T) => {
  const frames: T[] = [initial];
  return { enter(value: T) { frames.push(value); }, current: () => frames[frames.length - 1] };
};
const themeStack = makeStack('light');
themeStack.enter('dark');
export const handler = async () => themeStack.current();`,
  },
  {
    name: 'a factory called per request makes a fresh closure each time',
    code: `function makeStack(initial) {
  const frames = [initial];
  return { enter(value) { frames.push(value); }, current: () => frames[frames.length - 1] };
}
export const handler = async (event) => {
  const stack = makeStack('light');
  stack.enter(event.theme);
  return stack.current();
};`,
  },
  {
    name: 'an IIFE counter bumped per request',
    code: `const counter = (() => {
  let n = 0;
  return () => ++n;
})();
export const handler = async () => ({ statusCode: 200, body: String(counter()) });`,
    sites: [W('++n')],
  },
  {
    name: 'an IIFE counter that is only read per request',
    code: `const counter = (() => {
  let n = 0;
  return { bump: () => ++n, value: () => n };
})();
counter.bump();
export const handler = async () => ({ statusCode: 200, body: String(counter.value()) });`,
  },
  {
    name: 'a function made by a factory keeps request ids in its closure',
    code: `function makeTracker() {
  const seen = new Set();
  return function track(event) {
    seen.add(event.requestId);
  };
}
const track = makeTracker();
export const handler = async (event) => {
  track(event);
};`,
    sites: [G('seen.add')],
  },
  {
    name: 'a cache object from a factory, filled under the request key',
    code: `function makeCache() {
  const entries = new Map();
  return { get: (key) => entries.get(key), put: (key, value) => entries.set(key, value) };
}
const cache = makeCache();
export const handler = async (event) => {
  const hit = cache.get(event.id);
  if (hit) return hit;
  const value = await load(event.id);
  cache.put(event.id, value);
  return value;
};`,
    sites: [C('entries.set')],
  },
  {
    name: 'the factory parameter holds the request user',
    code: `function makeSession(defaults) {
  return { login(user) { defaults.user = user; } };
}
const session = makeSession({ user: null });
export const handler = async (event) => {
  session.login(event.user);
};`,
    sites: [D('defaults.user =')],
  },
  {
    name: 'a lazily opened connection inside the closure stays quiet',
    code: `function makeDb(url) {
  let conn;
  return {
    async get() {
      if (!conn) conn = await connect(url);
      return conn;
    },
  };
}
const db = makeDb(process.env.DB_URL);
export const handler = async (event) => (await db.get()).query(event.sql);`,
  },
  {
    name: 'an awaited async factory at module scope',
    code: `async function makeStore() {
  const rows = [];
  return { insert: (row) => rows.push(row) };
}
const store = await makeStore();
export const handler = async (event) => {
  store.insert(event.body);
};`,
    sites: [G('rows.push')],
  },
  {
    name: 'a class instance returned by a factory',
    code: `class Registry {
  items = [];
  add(item) { this.items.push(item); }
}
function makeRegistry() {
  return new Registry();
}
const registry = makeRegistry();
export const handler = async (event) => {
  registry.add(event.item);
};`,
    sites: [G('this.items.push', { move: true })],
  },
  {
    name: 'a class instance from a factory that is only read per request',
    code: `class Registry {
  items = [];
  add(item) { this.items.push(item); }
  has(item) { return this.items.includes(item); }
}
function makeRegistry() {
  return new Registry();
}
const registry = makeRegistry();
registry.add('boot');
export const handler = async (event) => registry.has(event.item);`,
  },
  {
    name: 'a start-up function that registers a route keeps its locals for the life of the app',
    code: `${EXPRESS}function mount(prefix) {
  const hits = [];
  app.get(prefix, (req, res) => {
    hits.push(req.query.page);
    res.send(String(hits.length));
  });
}
mount('/a');`,
    sites: [G('hits.push')],
  },
  {
    name: 'a start-up function whose route only reads its locals',
    code: `${EXPRESS}function mount(prefix) {
  const greeting = 'hello ' + prefix;
  app.get(prefix, (req, res) => res.send(greeting));
}
mount('/a');`,
  },
  {
    name: 'a method of a long-lived instance registers a route that writes this',
    code: `${EXPRESS}class Server {
  constructor() {
    this.lastPath = null;
  }
  mount() {
    app.get('/b', (req, res) => {
      this.lastPath = req.path;
      res.end();
    });
  }
}
new Server().mount();`,
    sites: [D('this.lastPath = req')],
  },
  {
    name: 'a route registered by a method that only reads this',
    code: `${EXPRESS}class Server {
  constructor(name) {
    this.name = name;
  }
  mount() {
    app.get('/b', (req, res) => res.send(this.name));
  }
}
new Server('api').mount();`,
  },
  {
    name: 'a closure variable that only start-up code writes',
    code: `function makeConfig() {
  let settings = {};
  return { load(values) { settings = values; }, get: (key) => settings[key] };
}
const config = makeConfig();
config.load({ region: 'eu' });
export const handler = async (event) => config.get(event.key);`,
  },
]);
