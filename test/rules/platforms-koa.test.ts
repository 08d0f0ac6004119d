// Koa: app.use middleware and @koa/router routes.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const APP = dedent(`
  const Koa = require('koa');
  const Router = require('@koa/router');

  const app = new Koa();
  const router = new Router();
  const paths = [];
  let total = 0;

  app.use(async (ctx, next) => {
    total += 1;
    await next();
  });

  router.get('/users/:id', async (ctx) => {
    paths.push(ctx.path);
    ctx.body = { id: ctx.params.id };
  });

  app.use(router.routes());
  module.exports = { app, stats: () => ({ total, paths: paths.length }) };
`);

const reported: Reported[] = [
  {
    name: 'app.use middleware counter',
    filename: '/koa/app.js',
    code: APP,
    rule: 'write',
    at: ['total += 1'],
    commonjs: true,
  },
  {
    name: 'router.get route grows module state',
    filename: '/koa/app.js',
    code: APP,
    rule: 'growth',
    at: ['paths.push('],
    commonjs: true,
  },
];

const quiet: Quiet[] = [
  {
    name: 'middleware that only reads module state; router.routes() at start-up',
    filename: '/koa/server.ts',
    code: dedent(`
      import Koa from 'koa';
      import Router from '@koa/router';
      const app = new Koa();
      const router = new Router();
      const allowed = new Set(['/a']);
      router.get('/a', (ctx) => { ctx.body = allowed.has(ctx.path); });
      app.use(async (ctx, next) => {
        if (!allowed.has(ctx.path)) ctx.status = 404;
        else await next();
      });
      app.use(router.routes()).use(router.allowedMethods());
    `),
  },
];

describe('Koa detection', () => {
  it('finds middleware and router routes', () => {
    expect(handlersOf(APP, '/koa/app.js', { commonjs: true })).toEqual(['koa middleware', 'koa GET /users/:id']);
  });
});

runPlatform('platforms: Koa', reported, quiet);
