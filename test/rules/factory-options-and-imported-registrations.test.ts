// Request-time code that is only known through another function: functions given in an options object (or as an
// argument) to a factory whose product runs them, in this file or in another project file; functions imported from
// another module and registered with a runtime's serve API; methods of a class a mixin call builds and
// instantiates inline; methods of an imported class's instance that an exported server factory keeps in a local.
// Each reported case has a quiet twin of the same shape, linted with the strict config.
import { runVariedBatch, type VariedCase } from '../helpers/varied-batch.js';

const one = (group: string, name: string, code: string): VariedCase => ({
  group,
  name,
  lint: 'src/handler.ts',
  files: { 'src/handler.ts': code },
});

const CASES: VariedCase[] = [
  // -------------------------------------------------------------------------------- options of a local factory
  one(
    'local factory options',
    'the product calls a named option of the object it was made with',
    `const makeConsumer = (hooks: { onRecord: (id: string) => void }) => async (event: { ids: string[] }) => {
  for (const id of event.ids) hooks.onRecord(id);
};
const consumed: string[] = [];
export const handler = makeConsumer({
  onRecord: (id) => {
    consumed.push(id); // expect: growth
  },
});
`,
  ),
  one(
    'local factory options',
    'the option only counts within one call',
    `const makeConsumer = (hooks: { onRecord: (id: string) => void }) => async (event: { ids: string[] }) => {
  for (const id of event.ids) hooks.onRecord(id);
};
export const handler = makeConsumer({
  onRecord: (id) => {
    const consumed: string[] = [];
    consumed.push(id);
    console.log(consumed.length);
  },
});
`,
  ),
  one(
    'local factory options',
    'a destructured option called by the product',
    `function pipeline({ step }: { step: (body: unknown) => unknown }) {
  return async (event: { body: string }) => step(JSON.parse(event.body));
}
const bodies: unknown[] = [];
export const handler = pipeline({
  step(body) {
    bodies.unshift(body); // expect: growth
    return body;
  },
});
`,
  ),
  one(
    'local factory options',
    'an option the factory runs once, at start-up',
    `function pipeline({ setup }: { setup: () => void }) {
  setup();
  return async (event: { body: string }) => JSON.parse(event.body);
}
const ready: string[] = [];
export const handler = pipeline({
  setup() {
    ready.push('configured');
  },
});
`,
  ),
  // ------------------------------------------------------------------------- options of a factory in another file
  {
    group: 'imported factory options',
    name: 'a destructured option of a factory in another file, called by its product',
    lint: 'src/handler.ts',
    files: {
      'src/lib/consumer.ts': `export const consumerOf =
  ({ each }: { each: (item: string) => void }) =>
  async (event: { items: string[] }) => {
    event.items.forEach((item) => each(item));
    return { ok: true };
  };
`,
      'src/handler.ts': `import { consumerOf } from './lib/consumer';
const processed = new Map<string, number>();
function count(item: string) {
  processed.set(item, (processed.get(item) ?? 0) + 1); // expect: cache
}
export const handler = consumerOf({ each: count });
`,
    },
  },
  {
    group: 'imported factory options',
    name: 'the factory in another file runs the option once, outside its product',
    lint: 'src/handler.ts',
    files: {
      'src/lib/consumer.ts': `export function consumerOf(options: { warm: () => void }) {
  options.warm();
  return async (event: { items: string[] }) => ({ count: event.items.length });
}
`,
      'src/handler.ts': `import { consumerOf } from './lib/consumer';
const warmed: string[] = [];
export const handler = consumerOf({
  warm: () => {
    warmed.push('ready');
  },
});
`,
    },
  },
  {
    group: 'imported factory options',
    name: 'a function passed whole to a factory in another file whose product calls it',
    lint: 'src/handler.ts',
    files: {
      'src/lib/wrap.ts': `export function withTiming(inner: (event: any) => Promise<unknown>) {
  return async (event: any) => {
    const started = Date.now();
    const result = await inner(event);
    console.log('took', Date.now() - started);
    return result;
  };
}
`,
      'src/handler.ts': `import { withTiming } from './lib/wrap';
let lastPath = '';
export const handler = withTiming(async (event) => {
  lastPath = event.rawPath; // expect: data
  return { statusCode: 200 };
});
`,
    },
  },
  {
    group: 'imported factory options',
    name: 'the same factory; the passed function keeps the path in a local',
    lint: 'src/handler.ts',
    files: {
      'src/lib/wrap.ts': `export function withTiming(inner: (event: any) => Promise<unknown>) {
  return async (event: any) => {
    const result = await inner(event);
    return result;
  };
}
`,
      'src/handler.ts': `import { withTiming } from './lib/wrap';
export const handler = withTiming(async (event) => {
  const lastPath = event.rawPath;
  return { statusCode: 200, body: lastPath };
});
`,
    },
  },
  // ------------------------------------------------------------------- imported functions given to a serve API
  {
    group: 'imported serve handlers',
    name: 'Bun.serve({ fetch }) with fetch imported from a routes module',
    lint: 'routes.ts',
    files: {
      'routes.ts': `const visitors = new Set<string>();
export async function fetchRoute(request: Request): Promise<Response> {
  visitors.add(request.headers.get('x-visitor') ?? 'anon'); // expect: growth
  return new Response(String(visitors.size));
}
`,
      'server.ts': `import { fetchRoute } from './routes.ts';
Bun.serve({ port: 8080, fetch: fetchRoute });
`,
    },
  },
  {
    group: 'imported serve handlers',
    name: 'Bun.serve({ fetch }) with fetch imported: a per-request set',
    lint: 'routes.ts',
    files: {
      'routes.ts': `export async function fetchRoute(request: Request): Promise<Response> {
  const visitors = new Set<string>();
  visitors.add(request.headers.get('x-visitor') ?? 'anon');
  return new Response(String(visitors.size));
}
`,
      'server.ts': `import { fetchRoute } from './routes.ts';
Bun.serve({ port: 8080, fetch: fetchRoute });
`,
    },
  },
  {
    group: 'imported serve handlers',
    name: 'Deno.serve({ handler }) with a member of a namespace import',
    lint: 'app/handlers.ts',
    files: {
      'app/handlers.ts': `let lastAgent: string | null = null;
export function main(req: Request): Response {
  lastAgent = req.headers.get('user-agent'); // expect: data
  return new Response('hi');
}
`,
      'app/serve.ts': `import * as handlers from './handlers.ts';
Deno.serve({ port: 8000, handler: handlers.main });
`,
    },
  },
  {
    group: 'imported serve handlers',
    name: 'the imported function is only called once at start-up, not registered',
    lint: 'app/handlers.ts',
    files: {
      'app/handlers.ts': `let lastAgent: string | null = null;
export function main(req: Request): Response {
  lastAgent = req.headers.get('user-agent');
  return new Response('hi');
}
`,
      'app/serve.ts': `import * as handlers from './handlers.ts';
handlers.main(new Request('http://localhost/warm-up'));
Deno.serve({ port: 8000 }, () => new Response('ok'));
`,
    },
  },
  // ------------------------------------------------------------------------------------- classes built by mixins
  one(
    'mixin instances',
    'a method a function-declared mixin adds, on an instance made inline',
    `type Ctor = new (...args: any[]) => object;
const lastById = new Map<string, number>();
function Stamped<B extends Ctor>(Base: B) {
  return class extends Base {
    stamp(id: string) {
      lastById.set(id, Date.now()); // expect: cache
    }
  };
}
class Repo {}
const repo = new (Stamped(Repo))();
export const handler = async (event: { id: string }) => {
  repo.stamp(event.id);
  return { ok: true };
};
`,
  ),
  one(
    'mixin instances',
    'the same mixin method, called only at start-up',
    `type Ctor = new (...args: any[]) => object;
const lastById = new Map<string, number>();
function Stamped<B extends Ctor>(Base: B) {
  return class extends Base {
    stamp(id: string) {
      lastById.set(id, Date.now());
    }
  };
}
class Repo {}
const repo = new (Stamped(Repo))();
repo.stamp('boot');
export const handler = async (event: { id: string }) => ({ ok: lastById.has(event.id) });
`,
  ),
  // ------------------------------------------------- an imported class's instance kept by a server factory's local
  {
    group: 'factory-local instances',
    name: 'a counter and a list of an instance that the exported server factory makes once and its routes call',
    lint: 'lib/registry.js',
    deps: ['koa', 'koa-router'],
    files: {
      'lib/registry.js': `export default class Registry {
  constructor() {
    this.totals = { opened: 0 };
    this.names = [];
  }
  async open(name) {
    const totals = this.totals;
    ++totals.opened; // expect: write
    this.names.push(name); // expect: growth
    return { name };
  }
}
`,
      'server.js': `import Koa from 'koa';
import Router from 'koa-router';
import Registry from './lib/registry.js';
export default function createServer(options) {
  const registry = new Registry(options);
  const app = new Koa();
  const router = new Router();
  router.get('/open/:name', async (ctx) => {
    ctx.body = await registry.open(ctx.params.name);
  });
  app.use(router.routes());
  return app;
}
`,
    },
  },
  {
    group: 'factory-local instances',
    name: 'the same class, made inside the route for each request',
    lint: 'lib/registry.js',
    deps: ['koa', 'koa-router'],
    files: {
      'lib/registry.js': `export default class Registry {
  constructor() {
    this.totals = { opened: 0 };
    this.names = [];
  }
  async open(name) {
    const totals = this.totals;
    ++totals.opened;
    this.names.push(name);
    return { name };
  }
}
`,
      'server.js': `import Koa from 'koa';
import Router from 'koa-router';
import Registry from './lib/registry.js';
export default function createServer() {
  const app = new Koa();
  const router = new Router();
  router.get('/open/:name', async (ctx) => {
    const registry = new Registry();
    ctx.body = await registry.open(ctx.params.name);
  });
  app.use(router.routes());
  return app;
}
`,
    },
  },
];

runVariedBatch('factory options, imported serve handlers and mixin instances', CASES);
