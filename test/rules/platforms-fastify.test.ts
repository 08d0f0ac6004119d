// Fastify: route shorthands, route({ handler }), request hooks, and plugins registered on the instance.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const SERVER = dedent(`
  import Fastify from 'fastify';
  import fp from 'fastify-plugin';

  const fastify = Fastify({ logger: true });
  const hits: string[] = [];
  const tokens = new Set<string>();
  let lastBody: unknown;

  fastify.get('/health', async (request, reply) => {
    hits.push(request.url);
    return { ok: true };
  });

  fastify.route({
    method: 'POST',
    url: '/items',
    preHandler: [async (request) => { tokens.add(String(request.headers.authorization)); }],
    handler: async (request, reply) => {
      lastBody = request.body;
      return { saved: true };
    },
  });

  fastify.addHook('onRequest', async (request) => {
    hits.push('hook');
  });

  fastify.register(async (instance) => {
    instance.get('/nested', async () => {
      hits.push('nested');
    });
  });

  export default fp(async (app) => {
    app.get('/plugin', async () => {
      hits.push('plugin');
    });
  });

  export const state = () => ({ hits, tokens, lastBody });
`);

const reported: Reported[] = [
  {
    name: 'shorthand route, route({ preHandler }), onRequest hook, register() plugin and fastify-plugin routes',
    filename: '/api/src/server.ts',
    code: SERVER,
    rule: 'growth',
    at: ['hits.push(', 'tokens.add(', ['hits.push(', 2], ['hits.push(', 3], ['hits.push(', 4]],
  },
  {
    name: 'route({ handler }) stores the body',
    filename: '/api/src/server.ts',
    code: SERVER,
    rule: 'requestData',
    at: ['lastBody ='],
  },
];

const quiet: Quiet[] = [
  {
    name: 'start-up hooks, decorations and route registration are start-up code',
    filename: '/api/src/server.js',
    commonjs: true,
    code: dedent(`
      const fastify = require('fastify')();
      const routes = [];
      let ready = false;
      fastify.addHook('onRoute', (options) => { routes.push(options.url); });
      fastify.addHook('onReady', async () => { ready = true; });
      fastify.get('/routes', async () => routes.slice());
    `),
  },
];

describe('Fastify detection', () => {
  it('names routes by method and url', () => {
    expect(handlersOf(SERVER, '/api/src/server.ts')).toEqual([
      'fastify GET /health',
      'fastify POST /items',
      'fastify POST /items',
      'fastify onRequest hook',
      'fastify GET /nested',
      'fastify GET /plugin',
    ]);
  });
});

runPlatform('platforms: Fastify', reported, quiet);
