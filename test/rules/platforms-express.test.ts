// Express: route and middleware callbacks of apps and routers created from the express import, and serverless-http.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const APP = dedent(`
  import express from 'express';
  import serverless from 'serverless-http';

  const app = express();
  const router = express.Router();
  const visits: string[] = [];
  const byUser = new Map<string, unknown>();
  let requestCount = 0;

  app.use(express.json());
  app.use((req, res, next) => {
    requestCount++;
    next();
  });

  app.get('/users/:id', (req, res) => {
    visits.push(req.params.id);
    res.json({ id: req.params.id });
  });

  function saveProfile(req, res) {
    byUser.set(req.params.id, req.body);
    res.sendStatus(204);
  }
  router.put('/profile/:id', [authenticate], saveProfile);
  app.use('/api', router);

  app.route('/books').get((req, res) => {
    visits.push('books');
    res.end();
  });

  export const handler = serverless(app);
  export const metrics = () => ({ visits: visits.length, users: byUser.size, requestCount });
`);

const DISPATCH = dedent(`
  const express = require('express');

  const app = express();
  const store = [];
  const operations = {
    user: {
      create(args) { store.push(args); },
    },
  };

  app.post('/op/:type/:field', (req, res) => {
    operations[req.params.type][req.params.field](req.body);
    res.end();
  });

  module.exports = { app, size: () => store.length };
`);

const CONTROLLER = dedent(`
  import type { Request, Response } from 'express';

  const lastSearch: Record<string, string> = {};

  export const search = async (req: Request, res: Response) => {
    lastSearch.term = String(req.query.q);
    res.json([]);
  };

  export const peek = () => lastSearch;
`);

const reported: Reported[] = [
  {
    name: 'route callback grows module state',
    filename: '/srv/src/app.ts',
    code: APP,
    rule: 'growth',
    at: ['visits.push(', ['visits.push(', 2]],
  },
  {
    name: 'middleware counter is a strict write',
    filename: '/srv/src/app.ts',
    code: APP,
    rule: 'write',
    at: ['requestCount++'],
  },
  {
    name: 'named route function on express.Router() with a middleware array',
    filename: '/srv/src/app.ts',
    code: APP,
    rule: 'cache',
    at: ['byUser.set('],
  },
  {
    name: 'dispatch table reached from a route callback',
    filename: '/srv/src/ops.js',
    code: DISPATCH,
    rule: 'growth',
    at: ['store.push('],
    commonjs: true,
  },
  {
    name: 'exported controller in a file importing express types',
    filename: '/srv/src/controllers/search.ts',
    code: CONTROLLER,
    rule: 'requestData',
    at: ['lastSearch.term ='],
  },
];

const quiet: Quiet[] = [
  {
    name: 'route registration and start-up writes, listen callback, middleware that only reads',
    filename: '/srv/src/server.js',
    commonjs: true,
    code: dedent(`
      const express = require('express');
      const app = express();
      const registered = [];
      const config = { banner: 'hi' };
      for (const path of ['/a', '/b']) {
        registered.push(path);
        app.get(path, (req, res) => res.send(config.banner));
      }
      app.use((req, res, next) => {
        res.set('x-banner', config.banner);
        next();
      });
      let started = false;
      app.listen(3000, () => {
        started = true;
        registered.push('listening');
      });
    `),
  },
  {
    name: 'an object with get/use methods that is not an express app',
    filename: '/srv/src/cache.js',
    commonjs: true,
    code: dedent(`
      const express = require('express');
      const store = new Map();
      const kv = { get: (key, fn) => fn(store.get(key)) };
      const seen = [];
      kv.get('x', (value) => { seen.push(value); });
    `),
  },
];

describe('Express detection', () => {
  it('names callbacks by method and path', () => {
    expect(handlersOf(APP, '/srv/src/app.ts')).toEqual([
      'express middleware',
      'express GET /users/:id',
      'express PUT /profile/:id',
      'express GET /books',
    ]);
  });
  it('finds nothing in a file that does not import a server framework', () => {
    const code = APP.replace("import express from 'express';", "import express from './not-express';").replace(
      "import serverless from 'serverless-http';",
      '',
    );
    expect(handlersOf(code, '/srv/src/app.ts')).toEqual([]);
  });
});

runPlatform('platforms: Express', reported, quiet);
