// Routers that live inside a Lambda (Powertools event-handler, lambda-api, @middy/http-router) and route tables
// written as data: each route callback is a handler; registering it at start-up is not.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const reported: Reported[] = [
  {
    name: 'Powertools Router route: the example of the issue',
    filename: '/proj/src/items.ts',
    code: dedent(`
      import { Router } from '@aws-lambda-powertools/event-handler/http';
      const seen: string[] = [];
      const api = new Router();
      api.get('/items/:id', async ({ params }) => { seen.push(params.id); return { ok: true }; });
      export const handler = async (event: unknown, context: unknown) => api.resolve(event, context);
      export const count = () => seen.length;
    `),
    rule: 'growth',
    at: ['seen.push('],
  },
  {
    name: 'Powertools AppSync resolver: the last mutation input kept in module scope',
    filename: '/proj/src/posts.ts',
    code: dedent(`
      import { AppSyncGraphQLResolver } from '@aws-lambda-powertools/event-handler/appsync-graphql';
      const app = new AppSyncGraphQLResolver();
      let lastTitle = '';
      app.onMutation('createPost', async ({ title }) => {
        lastTitle = title;
        return { title };
      });
      export const handler = async (event: unknown, context: unknown) => app.resolve(event, context);
      export const peek = () => lastTitle;
    `),
    rule: 'requestData',
    at: ['lastTitle = title'],
  },
  {
    name: 'lambda-api route: a per-user map filled by the request',
    filename: '/proj/src/api.cjs',
    commonjs: true,
    code: dedent(`
      const api = require('lambda-api')();
      const profiles = new Map();
      api.put('/profiles/:id', async (req, res) => {
        profiles.set(req.params.id, req.body);
        return { saved: true };
      });
      exports.handler = async (event, context) => api.run(event, context);
      exports.size = () => profiles.size;
    `),
    rule: 'cache',
    at: ['profiles.set('],
  },
  {
    name: 'lambda-api route module registered with api.register: an undeclared global assigned per request',
    filename: '/proj/lambda/routes/session.cjs',
    commonjs: true,
    code: dedent(`
      module.exports = (api, opts) => {
        api.get('/logout', async (req, res) => {
          session = { host: req.headers.host };
          return res.redirect('/');
        });
      };
    `),
    rule: 'requestData',
    at: ['session = {'],
  },
  {
    name: '@middy/http-router route array: the route handler writes module state',
    filename: '/proj/src/router.mjs',
    code: dedent(`
      import middy from '@middy/core';
      import httpRouterHandler from '@middy/http-router';
      let lastUser = null;
      const getUser = async (event) => {
        lastUser = event.pathParameters.id;
        return { statusCode: 200, body: lastUser };
      };
      export const handler = middy().handler(httpRouterHandler([{ method: 'GET', path: '/user/{id}', handler: getUser }]));
      export const peek = () => lastUser;
    `),
    rule: 'requestData',
    at: ['lastUser = event'],
  },
  {
    name: 'an in-house route table registered in a loop',
    filename: '/proj/src/routes.mjs',
    code: dedent(`
      const audit = [];
      const routes = [
        { method: 'POST', path: '/orders', handler: async (event) => { audit.push(event.body); return { statusCode: 201 }; } },
      ];
      for (const route of routes) register(route.method, route.path, route.handler);
      export const entries = () => audit.length;
    `),
    rule: 'growth',
    at: ['audit.push('],
  },
  {
    name: "a table keyed by 'METHOD /path' handed to a router factory",
    filename: '/proj/src/table.mjs',
    code: dedent(`
      let calls = 0;
      export const router = createRouter({
        'GET /users': async () => { calls++; return []; },
      });
      export const count = () => calls;
    `),
    rule: 'write',
    at: ['calls++'],
  },
];

const quiet: Quiet[] = [
  {
    name: 'Powertools Router: routes registered at start-up, a client reused per request',
    filename: '/proj/src/items.ts',
    code: dedent(`
      import { Router } from '@aws-lambda-powertools/event-handler/http';
      import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
      const client = new DynamoDBClient({});
      const app = new Router();
      const registered: string[] = [];
      registered.push('/items');
      app.get('/items', async () => ({ items: await client.config.region() }));
      export const handler = async (event: unknown, context: unknown) => app.resolve(event, context);
    `),
  },
  {
    name: 'a Router class of another library is not the Powertools router',
    filename: '/proj/src/nav.ts',
    code: dedent(`
      import { Router } from './nav-router';
      const visited: string[] = [];
      const nav = new Router();
      nav.get('/home', (params: { id: string }) => { visited.push(params.id); });
    `),
  },
  {
    name: 'a request descriptor with a method and a path but no handler is not a route table',
    filename: '/proj/src/client.mjs',
    code: dedent(`
      const sent = [];
      export const listUsers = (send) => send({ method: 'GET', path: '/users', parse: (body) => { sent.push(body); return body; } });
    `),
  },
];

describe('Lambda router detection', () => {
  it('labels each router by its library', () => {
    const powertools =
      "import { Router } from '@aws-lambda-powertools/event-handler/http';\nconst app = new Router();\napp.post('/x', async () => ({}));";
    expect(handlersOf(powertools, '/p/a.ts')).toEqual(['powertools POST /x']);
    const lambdaApi = "const api = require('lambda-api')();\napi.any('/x', (req, res) => res.send(''));";
    expect(handlersOf(lambdaApi, '/p/a.cjs', { commonjs: true })).toEqual(['lambda-api ANY /x']);
  });
});

runPlatform('platforms: Lambda routers and route tables', reported, quiet);
