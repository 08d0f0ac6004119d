// Route modules that receive the app, socket and event servers, and functions that factories make: request-time
// code that no framework import points at directly.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import requestDataInModuleScope from '../../src/rules/no-request-data-in-module-scope.js';
import unboundedCache from '../../src/rules/no-unbounded-cache.js';
import unboundedGrowth from '../../src/rules/no-unbounded-growth.js';
import { lintWithRule } from '../helpers/lint.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const reported: Reported[] = [
  {
    name: 'module.exports = (app) => { app.get(path, (req, res) => …) }',
    filename: '/proj/routes/users.cjs',
    commonjs: true,
    code: dedent(`
      const lookups = [];
      module.exports = (app) => {
        app.get('/users/:id', (req, res) => {
          lookups.push(req.params.id);
          res.json({ id: req.params.id });
        });
      };
      module.exports.count = () => lookups.length;
    `),
    rule: 'growth',
    at: ['lookups.push('],
  },
  {
    name: 'export default function routes(router) with extra middleware arguments',
    filename: '/proj/src/routes/admin.mjs',
    code: dedent(`
      const settings = { banner: '' };
      export default function routes(router) {
        router.post('/banner', requireAdmin, validate, (req, res) => {
          settings.banner = req.body.text;
          res.sendStatus(204);
        });
      }
      export const banner = () => settings.banner;
    `),
    rule: 'requestData',
    at: ['settings.banner = req'],
  },
  {
    name: 'export function register(app): a middleware flag toggled per request',
    filename: '/proj/src/register.mjs',
    code: dedent(`
      const host = { authenticated: false };
      export function register(app) {
        app.use((req, res, next) => {
          host.authenticated = false;
          next();
        });
      }
      export const isAuthenticated = () => host.authenticated;
    `),
    rule: 'write',
    at: ['host.authenticated = false'],
  },
  {
    name: 'a helper called with a known express app registers on that app',
    filename: '/proj/src/server.mjs',
    code: dedent(`
      import express from 'express';
      const app = express();
      let lastQuery = '';
      function mountSearch(target) {
        target.get('/search', (request, reply) => {
          lastQuery = String(request.query.q);
          reply.json([]);
        });
      }
      mountSearch(app);
      export const peek = () => lastQuery;
    `),
    rule: 'requestData',
    at: ['lastQuery = String'],
  },
  {
    name: 'socket.io: the connection callback and each message callback run per connection and per message',
    filename: '/proj/src/io.mjs',
    code: dedent(`
      import { Server } from 'socket.io';
      const io = new Server(3000);
      const server = { entryPage: 'dashboard' };
      let connections = 0;
      io.on('connection', (socket) => {
        connections++;
        socket.on('setSettings', (data) => {
          server.entryPage = data.entryPage;
        });
      });
      export const stats = () => ({ connections, page: server.entryPage });
    `),
    rule: 'write',
    at: ['connections++'],
  },
  {
    name: 'socket.io message callback: client input written into a module singleton',
    filename: '/proj/src/io.mjs',
    code: dedent(`
      import { Server } from 'socket.io';
      const io = new Server(3000);
      const server = { entryPage: 'dashboard' };
      io.on('connection', (socket) => {
        socket.on('setSettings', (data) => {
          server.entryPage = data.entryPage;
        });
      });
      export const page = () => server.entryPage;
    `),
    rule: 'requestData',
    at: ['server.entryPage = data'],
  },
  {
    name: 'ws: a message listener of a connection keeps every message',
    filename: '/proj/src/ws.cjs',
    commonjs: true,
    code: dedent(`
      const { WebSocketServer } = require('ws');
      const wss = new WebSocketServer({ port: 8080 });
      const history = [];
      wss.on('connection', (ws, req) => {
        ws.on('message', (data) => {
          history.push(String(data));
        });
      });
      exports.size = () => history.length;
    `),
    rule: 'growth',
    at: ['history.push('],
  },
  {
    name: 'a connection listener of a server imported from elsewhere shows itself by its socket listeners',
    filename: '/proj/src/realtime.cjs',
    commonjs: true,
    code: dedent(`
      const { io } = require('./server');
      let lastRoom = null;
      io.on('connection', (socket) => {
        socket.on('join', (room) => {
          lastRoom = room;
          socket.join(room);
        });
      });
      exports.room = () => lastRoom;
    `),
    rule: 'requestData',
    at: ['lastRoom = room'],
  },
  {
    name: 'app.use(factory(options)): the middleware the local factory returns (the example of the issue)',
    filename: '/proj/src/server.cjs',
    commonjs: true,
    code: dedent(`
      const express = require('express');
      const app = express();
      let lastTrace;
      const traceFrom = (options) => (req, res, next) => { lastTrace = req.get(options.header); next(); };
      app.use(traceFrom({ header: 'x-trace' }));
      exports.trace = () => lastTrace;
    `),
    rule: 'requestData',
    at: ['lastTrace = req'],
  },
  {
    name: 'a factory that returns a named inner function, awaited at module scope',
    filename: '/proj/src/server.mjs',
    code: dedent(`
      import express from 'express';
      const app = express();
      const hits = [];
      async function makeCounter(label) {
        function count(req, res, next) {
          hits.push(label + req.path);
          next();
        }
        return count;
      }
      app.use(await makeCounter('api'));
      export const total = () => hits.length;
    `),
    rule: 'growth',
    at: ['hits.push('],
  },
  {
    name: 'export const handler = withSteps(fn): the function withSteps returns writes state',
    filename: '/proj/src/steps.mjs',
    code: dedent(`
      let step = 0;
      const withSteps = (fn) => async (event, context) => {
        step += 1;
        return fn(event);
      };
      export const handler = withSteps(async (event) => ({ id: event.id }));
      export const current = () => step;
    `),
    rule: 'write',
    at: ['step += 1'],
  },
  {
    name: 'a factory returning an object with a handler method',
    filename: '/proj/src/lambda.mjs',
    code: dedent(`
      const seen = [];
      function makeLambda(table) {
        return { handler: async (event) => { seen.push(event.id); return table; } };
      }
      export const handler = makeLambda('orders').handler;
      export const count = () => seen.length;
    `),
    rule: 'growth',
    at: ['seen.push('],
  },
  {
    name: 'an exported middleware factory: the middleware it returns is request-time code',
    filename: '/proj/lib/form-data.cjs',
    commonjs: true,
    code: dedent(`
      const pending = [];
      module.exports = function parse(options) {
        return function parseMiddleware(req, res, next) {
          pending.push(req.url);
          next();
        };
      };
      module.exports.pending = () => pending.length;
    `),
    rule: 'growth',
    at: ['pending.push('],
  },
  {
    name: 'a factory assigned onto the object the module exports',
    filename: '/proj/lib/uploads.cjs',
    commonjs: true,
    code: dedent(`
      const uploads = {};
      const cleanups = [];
      uploads.parse = function (options) {
        return function (req, res) {
          cleanups.push(() => req.files);
          res.end();
        };
      };
      module.exports = uploads;
      uploads.pending = () => cleanups.length;
    `),
    rule: 'growth',
    at: ['cleanups.push('],
  },
  {
    name: 'an exported factory of (event, context) handlers',
    filename: '/proj/lib/make-handler.mjs',
    code: dedent(`
      let lastRequestId = '';
      export const makeHandler = (config) => async (event, context) => {
        lastRequestId = context.awsRequestId;
        return config;
      };
      export const peek = () => lastRequestId;
    `),
    rule: 'requestData',
    at: ['lastRequestId = context'],
  },
  {
    name: 'a Handlebars helper registered at module scope runs while the handler renders',
    filename: '/proj/src/answer.cjs',
    commonjs: true,
    code: dedent(`
      const Handlebars = require('handlebars');
      let translate = true;
      Handlebars.registerHelper('noTranslate', function () {
        translate = false;
        return '';
      });
      Handlebars.registerHelper('translate', function () {
        translate = true;
        return '';
      });
      exports.handler = async (event) => {
        const render = Handlebars.compile(event.template);
        return { text: render(event), translate };
      };
    `),
    rule: 'write',
    at: ['translate = false', ['translate = true;', 2]],
  },
];

const quiet: Quiet[] = [
  {
    name: 'a Handlebars helper in a file that never renders at request time',
    filename: '/proj/src/build.cjs',
    commonjs: true,
    code: dedent(`
      const Handlebars = require('handlebars');
      let translate = true;
      Handlebars.registerHelper('noTranslate', function () {
        translate = false;
        return '';
      });
      Handlebars.registerHelper('translate', function () {
        translate = true;
        return '';
      });
      const page = Handlebars.compile('<p>{{noTranslate}}</p>')({});
      exports.handler = async (event) => ({ page, translate, id: event.id });
    `),
  },
  {
    name: 'a route module whose callbacks only read module state',
    filename: '/proj/routes/config.cjs',
    commonjs: true,
    code: dedent(`
      const defaults = { theme: 'light' };
      module.exports = (app) => {
        app.get('/config', (req, res) => res.json({ ...defaults, user: req.user }));
      };
    `),
  },
  {
    name: 'an exported function that calls get(key, callback) on a store is not a route module',
    filename: '/proj/src/cache.mjs',
    code: dedent(`
      const values = [];
      export function warm(store) {
        store.get('key', (value) => { values.push(value); });
      }
    `),
  },
  {
    name: 'socket listeners that keep state per socket, not per module',
    filename: '/proj/src/io.mjs',
    code: dedent(`
      import { Server } from 'socket.io';
      const io = new Server(3000);
      io.on('connection', (socket) => {
        const rooms = new Set();
        socket.on('join', (room) => { rooms.add(room); socket.join(room); });
        socket.on('disconnect', () => rooms.clear());
      });
    `),
  },
  {
    name: "a database pool's connection event is not a socket server",
    filename: '/proj/src/db.cjs',
    commonjs: true,
    code: dedent(`
      const pool = require('./pool');
      const opened = [];
      pool.on('connection', (client) => { opened.push(client.id); });
    `),
  },
  {
    name: 'a factory called only at start-up whose product is never registered',
    filename: '/proj/src/setup.mjs',
    code: dedent(`
      const registry = [];
      const makeEntry = (name) => () => { registry.push(name); };
      const entry = makeEntry('boot');
      entry();
    `),
  },
  {
    name: 'a UI factory that returns event listeners is not a handler factory',
    filename: '/proj/src/ui.ts',
    code: dedent(`
      const pressed: string[] = [];
      export const onKey = (id: string) => (event: KeyboardEvent) => { pressed.push(event.key + id); };
    `),
  },
  {
    name: 'an exported factory returning a one-parameter function is not a Lambda factory',
    filename: '/proj/src/format.mjs',
    code: dedent(`
      const formatted = [];
      export const formatter = (locale) => (event) => { formatted.push(event.name); return locale; };
    `),
  },
];

const SOCKET_REGISTRY = dedent(`
  import { Server } from 'socket.io';
  const io = new Server(3000);
  const sockets = new Set();
  io.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('disconnect', () => sockets.delete(socket));
  });
  export const live = () => sockets.size;
`);

describe('a registry of live sockets that the disconnect listener empties', () => {
  // The connection is the first argument, not request data, and the registry is bounded by live connections.
  // (strict's no-module-state-write still reports the add and the delete: bounded registries are not yet
  // quiet in every config.)
  it('is neither growth nor request data', () => {
    for (const rule of [unboundedGrowth, requestDataInModuleScope, unboundedCache]) {
      expect(lintWithRule(rule, SOCKET_REGISTRY, 'module', 'sockets.ts')).toEqual([]);
    }
  });
});

describe('route module, socket and factory detection', () => {
  it('names message callbacks by their event', () => {
    const code =
      "import { Server } from 'socket.io';\nconst io = new Server();\nio.on('connection', (s) => { s.on('chat', (m) => m); s.on('disconnect', () => {}); });";
    expect(handlersOf(code, '/p/io.mjs')).toEqual([
      'socket connection',
      'socket chat message',
      'socket disconnect message',
    ]);
  });

  it("listens on socket.io's default namespace, `io.sockets`", () => {
    const code =
      "import { Server } from 'socket.io';\nconst io = new Server();\nio.sockets.on('connect', (s) => { s.on('leave', () => {}); });";
    expect(handlersOf(code, '/p/io.mjs')).toEqual(['socket connect', 'socket leave message']);
    const other =
      "import { Server } from 'socket.io';\nconst io = new Server();\nio.engine.on('connect', (s) => { s.on('leave', () => {}); });";
    expect(handlersOf(other, '/p/io.mjs')).toEqual([]);
  });

  it('takes the app from a destructured parameter or a property of one', () => {
    const destructured = "exports.hook = async (name, { app }) => { app.get('/health', (req, res) => res.end()); };";
    expect(handlersOf(destructured, '/p/hooks.cjs')).toEqual(['route-module GET /health']);
    const member = 'exports.hook = (name, args) => { args.app.use((req, res, next) => next()); };';
    expect(handlersOf(member, '/p/hooks.cjs')).toEqual(['route-module middleware']);
    // A property of a parameter that is not used as an app, and a store's get(key, callback), are not routes.
    const notApp = "exports.hook = (name, args) => { args.cache.get('/key', (value) => value); };";
    expect(handlersOf(notApp, '/p/hooks.cjs')).toEqual([]);
    const otherProperty =
      "exports.hook = (name, args) => { args.app.get('/x', (req, res) => res.end()); args.db.get('/y', (a, b) => a); };";
    expect(handlersOf(otherProperty, '/p/hooks.cjs')).toEqual(['route-module GET /x']);
  });

  it('needs a path and a (req, res) callback before an untyped parameter is an app', () => {
    const routes = "export default (app) => { app.get('/x', (req, res) => res.end()); };";
    expect(handlersOf(routes, '/p/routes.mjs')).toEqual(['route-module GET /x']);
    const noPath = 'export default (app) => { app.get(key, (req, res) => res.end()); };';
    expect(handlersOf(noPath, '/p/routes.mjs')).toEqual([]);
    const noRequest = "export default (app) => { app.get('/x', (value) => value); };";
    expect(handlersOf(noRequest, '/p/routes.mjs')).toEqual([]);
  });
});

runPlatform('platforms: route modules, sockets and factory products', reported, quiet);
