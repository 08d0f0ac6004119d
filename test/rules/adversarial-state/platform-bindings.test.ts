// Platform bindings reached through the request object are not request data: `if (mode === null) mode = c.env.MODE`
// is lazy init, and a value read from the bindings is the same for every request. Side by side, the request data
// that sits next to them on the same object (`c.req`, `platform.cf`, `c.env.incoming` on Node) is still reported.
import { D, W, runCases } from './harness.js';

runCases('platform bindings are not request data', [
  {
    name: 'Hono: lazy init from c.env',
    filename: '/worker/src/index.ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
let mode = null;
app.get('/', (c) => {
  if (mode === null) mode = c.env.MODE;
  return c.text(mode);
});
export default app;`,
  },
  {
    name: 'Hono: a binding destructured from c.env and a client built from it',
    filename: '/worker/src/index.ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
let db;
app.get('/items', async (c) => {
  const { DB } = c.env;
  db ??= createDb(DB);
  return c.json(await db.all());
});
export default app;`,
  },
  {
    name: 'Hono: c.executionCtx kept for later is not request data (a strict write)',
    filename: '/worker/src/index.ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
let ctx;
app.get('/', (c) => {
  ctx = c.executionCtx;
  return c.text('ok');
});
export default app;`,
    sites: [W('ctx = c', { move: true })],
  },
  {
    name: 'Hono: the request next to the bindings is still request data',
    filename: '/worker/src/index.ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
let lastAgent = null;
app.get('/', (c) => {
  if (lastAgent === null) lastAgent = c.req.header('user-agent');
  return c.text('ok');
});
export default app;`,
    sites: [D('lastAgent = c', { move: true })],
  },
  {
    name: 'Hono on Node: c.env.incoming is the request',
    filename: '/server/src/index.ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
let lastUrl;
app.get('/', (c) => {
  lastUrl = c.env.incoming.url;
  return c.text('ok');
});
export default app;`,
    sites: [D('lastUrl =', { move: true })],
  },
  {
    name: 'a helper given the Hono context reads the bindings too',
    filename: '/worker/src/index.ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
let apiKey = '';
function keyFrom(c) {
  return c.env.API_KEY;
}
app.get('/', (c) => {
  if (!apiKey) apiKey = keyFrom(c);
  return c.text('ok');
});
export default app;`,
  },
  {
    name: 'SvelteKit: platform.env from a destructured event',
    filename: '/app/src/routes/api/+server.ts',
    code: `let bucket;
export async function GET({ platform, url }) {
  if (!bucket) bucket = platform.env.BUCKET;
  return new Response(await bucket.get(url.pathname));
}`,
  },
  {
    name: 'SvelteKit: platform.cf describes the request',
    filename: '/app/src/routes/api/+server.ts',
    code: `let country;
export async function GET({ platform }) {
  if (!country) country = platform.cf.country;
  return new Response(country);
}`,
    sites: [D('country = platform', { move: true })],
  },
  {
    name: 'Nitro: event.context.cloudflare.env',
    filename: '/nitro/routes/config.get.ts',
    code: `let settings = null;
export default defineEventHandler((event) => {
  if (settings === null) settings = event.context.cloudflare.env.SETTINGS;
  return settings;
});`,
  },
  {
    name: 'Astro on Cloudflare: locals.runtime.env',
    code: `let kv;
/** @handler */
export async function GET({ locals }) {
  if (!kv) kv = locals.runtime.env.CACHE;
  return new Response(await kv.get('home'));
}`,
  },
  {
    name: 'Cloudflare Pages Functions and Netlify: context.env',
    code: `let token;
/** @handler */
export async function onRequest(context) {
  if (token === undefined) token = context.env.UPSTREAM_TOKEN;
  return fetch('https://upstream.example', { headers: { authorization: token } });
}`,
  },
  {
    name: 'Next.js and Netlify globals: process.env and Netlify.env',
    filename: '/web/app/api/flags/route.ts',
    code: `let region = null;
let secret = null;
export async function GET(request) {
  if (region === null) region = process.env.REGION;
  if (secret === null) secret = Netlify.env.get('SECRET');
  return Response.json({ region, ok: !!secret });
}`,
  },
  {
    name: 'a binding value written every request is a strict write, never request data',
    filename: '/worker/src/index.ts',
    code: `import { Hono } from 'hono';
const app = new Hono();
let mode;
app.get('/', (c) => {
  mode = c.env.MODE;
  return c.text(mode);
});
export default app;`,
    sites: [W('mode = c', { move: true })],
  },
]);
