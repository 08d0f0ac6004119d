// Hono: route and middleware callbacks of `new Hono()` apps, including chained registrations.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const APP = dedent(`
  import { Hono } from 'hono';

  const app = new Hono().basePath('/api');
  const seen: string[] = [];
  let lastIp = '';

  app.use('*', async (c, next) => {
    lastIp = c.req.header('cf-connecting-ip') ?? '';
    await next();
  });

  const books = new Hono()
    .get('/', (c) => c.json(seen))
    .post('/', async (c) => {
      seen.push(await c.req.text());
      return c.text('created', 201);
    });

  app.route('/books', books);
  export default app;
  export const peek = () => lastIp;
`);

const reported: Reported[] = [
  {
    name: 'middleware stores a request header',
    filename: '/edge/src/index.ts',
    code: APP,
    rule: 'requestData',
    at: [['lastIp =', 2]],
  },
  {
    name: 'chained post() on a new Hono() grows module state',
    filename: '/edge/src/index.ts',
    code: APP,
    rule: 'growth',
    at: ['seen.push('],
  },
];

const quiet: Quiet[] = [
  {
    name: 'registering routes in a loop and reading config in a handler',
    filename: '/edge/src/routes.ts',
    code: dedent(`
      import { Hono } from 'hono';
      const app = new Hono();
      const names: string[] = [];
      const config = { greeting: 'hi' };
      for (const name of ['a', 'b']) {
        names.push(name);
        app.get('/' + name, (c) => c.text(config.greeting + names.length));
      }
      export default app;
    `),
  },
];

describe('Hono detection', () => {
  it('follows basePath() and chained registrations', () => {
    expect(handlersOf(APP, '/edge/src/index.ts')).toEqual(['hono middleware *', 'hono POST /', 'hono GET /']);
  });
});

runPlatform('platforms: Hono', reported, quiet);
