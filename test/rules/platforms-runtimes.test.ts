// Runtime serve APIs and edge functions: Deno.serve, Bun.serve, Netlify Functions and Edge Functions, and Vercel
// functions outside api/ that declare a runtime. Each shape is reported where the handler writes module state and
// quiet where the same file is start-up code, a look-alike, or only reads.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const reported: Reported[] = [
  {
    name: 'a Deno router from an import map: each route callback runs per request',
    filename: '/proj/main.ts',
    code: dedent(`
      import { Router } from 'acorn';
      const lastQuery = { text: '' };
      const router = new Router();
      router.get('/search/:q', (ctx) => {
        lastQuery.text = ctx.params.q;
        return { ok: true };
      });
      router.listen({ port: 3000 });
      export const current = () => lastQuery.text;
    `),
    rule: 'requestData',
    at: ['lastQuery.text = ctx'],
  },
  {
    name: 'oak imported by URL: a middleware counts requests in module state',
    filename: '/proj/server.ts',
    code: dedent(`
      import { Application } from 'https://deno.land/x/oak@v12.6.1/mod.ts';
      let served = 0;
      const app = new Application();
      app.use((ctx) => {
        served++;
        ctx.response.body = String(served);
      });
      await app.listen({ port: 8000 });
      export const count = () => served;
    `),
    rule: 'write',
    at: ['served++'],
  },
  {
    name: 'Deno.serve(fn): a visitor log grows per request',
    filename: '/proj/main.ts',
    code: dedent(`
      const visitors: string[] = [];
      Deno.serve((request: Request) => {
        visitors.push(request.headers.get('x-forwarded-for') ?? '');
        return new Response(String(visitors.length));
      });
      export const seen = () => visitors.length;
    `),
    rule: 'growth',
    at: ['visitors.push('],
  },
  {
    name: 'Deno.serve({ handler }): the last path is request data in module scope',
    filename: '/proj/main.ts',
    code: dedent(`
      let lastPath = '';
      Deno.serve({
        port: 8080,
        handler(request) {
          lastPath = new URL(request.url).pathname;
          return new Response(lastPath);
        },
      });
      export const peek = () => lastPath;
    `),
    rule: 'requestData',
    at: ['lastPath = new URL'],
  },
  {
    name: 'Deno.serve(options, named handler): a counter written per request',
    filename: '/proj/main.ts',
    code: dedent(`
      let served = 0;
      function answer(_request: Request) {
        served += 1;
        return new Response('ok');
      }
      Deno.serve({ port: 8080, hostname: '0.0.0.0' }, answer);
      export const count = () => served;
    `),
    rule: 'write',
    at: ['served += 1'],
  },
  {
    name: 'Bun.serve fetch: a per-user map keyed by the request',
    filename: '/proj/server.ts',
    code: dedent(`
      const lastSeen = new Map<string, number>();
      Bun.serve({
        port: 3000,
        fetch(request, server) {
          lastSeen.set(request.headers.get('x-user') ?? 'anon', Date.now());
          return new Response('seen');
        },
      });
      export const size = () => lastSeen.size;
    `),
    rule: 'cache',
    at: ['lastSeen.set('],
  },
  {
    name: 'Bun.serve routes and websocket callbacks run per request and per message',
    filename: '/proj/server.ts',
    code: dedent(`
      const log: string[] = [];
      Bun.serve({
        routes: {
          '/api/items': { POST: async (request) => { log.push(await request.text()); return new Response('ok'); } },
        },
        websocket: {
          message(ws, data) { log.push(String(data)); },
        },
      });
    `),
    rule: 'growth',
    at: ['log.push(await', 'log.push(String'],
  },
  {
    name: 'Netlify Edge Function: the hit counter of the issue',
    filename: '/proj/netlify/edge-functions/hits.js',
    code: dedent(`
      let hits = 0;
      export default async (request, context) => {
        hits++;
        return new Response(\`hits: \${hits}\`);
      };
      export const config = { path: '/hits' };
      export const total = () => hits;
    `),
    rule: 'write',
    at: ['hits++'],
  },
  {
    name: 'Netlify Function v2 in its own folder: the last body kept between requests',
    filename: '/proj/netlify/functions/submit/submit.mts',
    code: dedent(`
      let lastSubmission: unknown = null;
      export default async (request: Request) => {
        lastSubmission = await request.json();
        return new Response('thanks');
      };
      export const last = () => lastSubmission;
    `),
    rule: 'requestData',
    at: ['lastSubmission = await'],
  },
  {
    name: 'a file that imports the Netlify types and exports its config is a function anywhere',
    filename: '/proj/src/functions/track.ts',
    code: dedent(`
      import type { Config, Context } from '@netlify/functions';
      const paths: string[] = [];
      export default async (request: Request, context: Context) => {
        paths.push(new URL(request.url).pathname);
        return new Response('ok');
      };
      export const config: Config = { path: '/track' };
      export const tracked = () => paths.length;
    `),
    rule: 'growth',
    at: ['paths.push('],
  },
  {
    name: 'Vercel function outside api/: config.runtime and a request-taking default export',
    filename: '/proj/src/edge/geo.ts',
    code: dedent(`
      export const config = { runtime: 'edge' };
      let lastCountry: string | null = null;
      export default function geo(request: Request) {
        lastCountry = request.headers.get('x-vercel-ip-country');
        return new Response(lastCountry ?? 'unknown');
      }
      export const country = () => lastCountry;
    `),
    rule: 'requestData',
    at: ['lastCountry = request'],
  },
];

const quiet: Quiet[] = [
  {
    name: 'a Deno router whose routes only read what start-up built',
    filename: '/proj/main.ts',
    code: dedent(`
      import { Router } from 'https://deno.land/x/acorn@0.4.0/mod.ts';
      const routes = new Map<string, string>();
      routes.set('home', '/');
      const router = new Router();
      router.get('/r/:name', (ctx) => ({ to: routes.get(ctx.params.name) ?? '/' }));
      router.listen({ port: 3000 });
    `),
  },
  {
    name: 'Deno.serve: a module-level client reused by every request',
    filename: '/proj/main.ts',
    code: dedent(`
      const kv = await Deno.openKv();
      Deno.serve(async (request) => {
        const entry = await kv.get(['hits', new URL(request.url).pathname]);
        return Response.json(entry.value);
      });
    `),
  },
  {
    name: 'a local object named Deno is not the runtime',
    filename: '/proj/main.ts',
    code: dedent(`
      const calls: unknown[] = [];
      const Deno = { serve: (fn: (r: Request) => Response) => fn };
      Deno.serve((request) => {
        calls.push(request);
        return new Response('');
      });
    `),
  },
  {
    name: 'Bun.serve: lazy connection reuse is not a leak',
    filename: '/proj/server.ts',
    code: dedent(`
      let db: { query(q: string): Promise<unknown> } | undefined;
      Bun.serve({
        async fetch(request) {
          if (!db) db = await connect();
          return Response.json(await db.query('select 1'));
        },
      });
    `),
  },
  {
    name: 'a helper module inside netlify/edge-functions/lib is not a function',
    filename: '/proj/netlify/edge-functions/lib/render.ts',
    code: dedent(`
      const rendered: string[] = [];
      export default function render(title: string) {
        rendered.push(title);
        return \`<h1>\${title}</h1>\`;
      }
    `),
  },
  {
    name: 'a Netlify function that only reads module state',
    filename: '/proj/netlify/functions/settings.mjs',
    code: dedent(`
      const settings = { region: 'eu' };
      export default async (request) => Response.json({ region: settings.region, url: request.url });
    `),
  },
  {
    name: 'a config without runtime outside api/ makes no Vercel function',
    filename: '/proj/src/lib/format.ts',
    code: dedent(`
      export const config = { locale: 'en' };
      const seen: string[] = [];
      export default function format(request: string) {
        seen.push(request);
        return request;
      }
    `),
  },
];

describe('runtime serve API and edge function detection', () => {
  it('finds Deno.serve in all three call shapes and ignores a shadowed Deno', () => {
    expect(handlersOf('Deno.serve((r) => new Response(""));', '/p/a.ts')).toEqual(['deno serve handler']);
    expect(handlersOf('Deno.serve({ handler: (r) => new Response("") });', '/p/a.ts')).toEqual(['deno serve handler']);
    expect(handlersOf('Deno.serve({ port: 1 }, (r) => new Response(""));', '/p/a.ts')).toEqual(['deno serve handler']);
    expect(handlersOf('const Deno = { serve() {} };\nDeno.serve((r) => r);', '/p/a.ts')).toEqual([]);
  });

  it('reads Netlify function folders by their layout', () => {
    const code = 'export default async (request) => new Response("");';
    expect(handlersOf(code, '/p/netlify/functions/a.mjs')).toEqual(['netlify default']);
    expect(handlersOf(code, '/p/netlify/functions/a/a.mjs')).toEqual(['netlify default']);
    expect(handlersOf(code, '/p/netlify/functions/a/index.mjs')).toEqual(['netlify default']);
    expect(handlersOf(code, '/p/netlify/functions/a/helpers.mjs')).toEqual([]);
    expect(handlersOf(code, '/p/netlify/functions/a/b/c.mjs')).toEqual([]);
  });
});

runPlatform('platforms: runtime serve APIs and edge functions', reported, quiet);
