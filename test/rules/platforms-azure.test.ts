// Azure Functions v4: app.http/app.timer/app.storageQueue registrations from @azure/functions.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const HTTP = dedent(`
  import { app, HttpRequest, InvocationContext } from '@azure/functions';

  const recent: string[] = [];
  let lastCaller: string | null = null;

  app.http('orders', {
    methods: ['POST'],
    authLevel: 'function',
    handler: async (request: HttpRequest, context: InvocationContext) => {
      recent.push(request.url);
      lastCaller = request.headers.get('x-user');
      return { status: 202 };
    },
  });

  export const stats = () => ({ recent: recent.length, lastCaller });
`);

const TRIGGERS = dedent(`
  const { app } = require('@azure/functions');

  const processed = [];
  let ticks = 0;

  async function onQueueItem(item, context) {
    processed.push(item.id);
  }

  app.storageQueue('queue', { queueName: 'orders', connection: 'Storage', handler: onQueueItem });
  app.timer('cleanup', {
    schedule: '0 */5 * * * *',
    handler(timer, context) {
      ticks += 1;
    },
  });

  module.exports.stats = () => ({ processed: processed.length, ticks });
`);

const reported: Reported[] = [
  {
    name: 'app.http inline handler grows module state',
    filename: '/fn/src/functions/orders.ts',
    code: HTTP,
    rule: 'growth',
    at: ['recent.push('],
  },
  {
    name: 'app.http inline handler stores a request header',
    filename: '/fn/src/functions/orders.ts',
    code: HTTP,
    rule: 'requestData',
    at: ['lastCaller ='],
  },
  {
    name: 'app.storageQueue handler bound to a name (require)',
    filename: '/fn/src/functions/queue.js',
    code: TRIGGERS,
    rule: 'growth',
    at: ['processed.push('],
    commonjs: true,
  },
  {
    name: 'app.timer method-shorthand handler counter',
    filename: '/fn/src/functions/queue.js',
    code: TRIGGERS,
    rule: 'write',
    at: ['ticks += 1'],
    commonjs: true,
  },
];

const quiet: Quiet[] = [
  {
    name: 'registering triggers and building the route table at start-up',
    filename: '/fn/src/index.ts',
    code: dedent(`
      import { app } from '@azure/functions';
      const routes: string[] = [];
      for (const name of ['a', 'b']) {
        routes.push(name);
        app.http(name, { handler: async () => ({ body: routes.join(',') }) });
      }
      app.hook.appStart(() => { routes.push('started'); });
    `),
  },
  {
    name: 'a lookalike app object from another module is not Azure',
    filename: '/fn/src/other.ts',
    code: dedent(`
      import { app } from './my-app';
      const seen: string[] = [];
      app.http('x', { handler: async (request) => { seen.push(request.url); } });
    `),
  },
];

describe('Azure Functions detection', () => {
  it('names handlers by the registered function name', () => {
    expect(handlersOf(HTTP, '/fn/src/functions/orders.ts')).toEqual(['azure orders']);
    expect(handlersOf(TRIGGERS, '/fn/src/functions/queue.js', { commonjs: true })).toEqual([
      'azure queue',
      'azure cleanup',
    ]);
  });
});

runPlatform('platforms: Azure Functions', reported, quiet);
