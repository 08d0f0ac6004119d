// Cloudflare Workers: module-format default exports (with or without satisfies) and service-worker listeners.
import * as tsParser from '@typescript-eslint/parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import plugin from '../../src/index.js';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const MODULE_WORKER = dedent(`
  interface Env { DB: D1Database }

  const hits = new Map<string, number>();
  const jobs: string[] = [];

  export default {
    async fetch(request, env, ctx): Promise<Response> {
      const url = new URL(request.url);
      hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
      return new Response('ok');
    },
    async scheduled(controller, env, ctx) {
      jobs.push(controller.cron);
    },
  } satisfies ExportedHandler<Env>;

  export const snapshot = () => ({ hits: hits.size, jobs: jobs.length });
`);

const UNTYPED = dedent(`
  const seen = [];

  const worker = {
    async fetch(request, env) {
      seen.push(request.headers.get('cf-connecting-ip'));
      return new Response('hi');
    },
    async queue(batch, env) {
      for (const message of batch.messages) seen.push(message.id);
    },
  };

  export default worker;
  export const count = () => seen.length;
`);

const SERVICE_WORKER = dedent(`
  let lastUrl;
  const log = [];

  addEventListener('fetch', (event) => {
    lastUrl = event.request.url;
    event.respondWith(handle(event.request));
  });

  async function handle(request) {
    log.push(request.method);
    return new Response('ok');
  }

  self.status = () => ({ lastUrl, log: log.length });
`);

const reported: Reported[] = [
  {
    name: 'fetch of an ExportedHandler grows a Map under a request key',
    filename: '/w/src/index.ts',
    code: MODULE_WORKER,
    rule: 'cache',
    at: ['hits.set('],
  },
  {
    name: 'scheduled of an ExportedHandler',
    filename: '/w/src/index.ts',
    code: MODULE_WORKER,
    rule: 'growth',
    at: ['jobs.push('],
  },
  {
    name: 'untyped worker object bound to a name: fetch and queue',
    filename: '/w/src/worker.js',
    code: UNTYPED,
    rule: 'growth',
    at: ['seen.push(', ['seen.push(', 2]],
  },
  {
    name: 'service-worker listener stores the request URL',
    filename: '/w/src/sw.js',
    code: SERVICE_WORKER,
    rule: 'requestData',
    at: ['lastUrl ='],
  },
  {
    name: 'service-worker listener reaches a helper',
    filename: '/w/src/sw.js',
    code: SERVICE_WORKER,
    rule: 'growth',
    at: ['log.push('],
  },
];

const quiet: Quiet[] = [
  {
    name: 'module-level set-up and reads of module state in fetch',
    filename: '/w/src/index.ts',
    code: dedent(`
      const routes = new Map<string, string>();
      routes.set('/', 'home');
      export default {
        async fetch(request: Request) {
          return new Response(routes.get(new URL(request.url).pathname) ?? 'none');
        },
      } satisfies ExportedHandler;
    `),
  },
  {
    name: "an API client's default-exported fetch(url) is not a worker",
    filename: '/web/src/api.ts',
    code: dedent(`
      const calls: string[] = [];
      export default {
        fetch(url: string) { calls.push(url); return globalThis.fetch(url); },
      };
    `),
  },
  {
    name: 'a browser click listener is not a fetch listener',
    filename: '/web/src/page.js',
    code: dedent(`
      const clicks = [];
      addEventListener('click', (event) => { clicks.push(event.target); });
    `),
  },
];

describe('Cloudflare Workers detection', () => {
  it('finds each entry point of the worker object', () => {
    expect(handlersOf(MODULE_WORKER, '/w/src/index.ts')).toEqual(['cloudflare fetch', 'cloudflare scheduled']);
    expect(handlersOf(SERVICE_WORKER, '/w/src/sw.js')).toEqual(['cloudflare fetch listener']);
  });

  it('marks env and ctx of module-worker entry points as not request data', () => {
    const found: Array<[string, number[] | undefined]> = [];
    const probe: Rule.RuleModule = {
      create(context) {
        return {
          'Program:exit'() {
            const analysis = analyze(context as unknown as Parameters<typeof analyze>[0]);
            for (const handler of analysis.handlers) found.push([handler.name, handler.nonRequestParams]);
          },
        };
      },
    };
    const linter = new Linter({ configType: 'flat' });
    const verify = (code: string, filename: string) =>
      linter.verify(
        code,
        [
          {
            files: ['**/*.ts', '**/*.js'],
            languageOptions: { parser: tsParser },
            plugins: { probe: { rules: { handlers: probe } } },
            rules: { 'probe/handlers': 'error' },
          },
        ] as Linter.Config[],
        { filename },
      );
    verify(MODULE_WORKER, 'index.ts');
    verify(UNTYPED, 'worker.js');
    verify(SERVICE_WORKER, 'sw.js');
    expect(found).toEqual([
      ['fetch', [1, 2]],
      ['scheduled', [1, 2]],
      ['fetch', [1]],
      ['queue', [1]],
      ['fetch listener', undefined],
    ]);
  });

  // `env` holds the bindings, not the request: handlers mark it (and ctx) as nonRequestParams.
  // Lazy init from `env` should be quiet (lazy init of a value that does not come from the request);
  // this flips to passing once request-data.ts skips the parameters a platform marks as non-request.
  it('lazy init of a client from env bindings is quiet', () => {
    const linter = new Linter({ configType: 'flat' });
    const code = dedent(`
      let db;
      export default {
        async fetch(request, env, ctx) {
          if (!db) db = connect(env.DB);
          return new Response(await db.query('select 1'));
        },
      };
    `);
    const messages = linter.verify(
      code,
      [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser }, ...plugin.configs.strict[0] },
        ...plugin.configs.strict.slice(1),
      ] as Linter.Config[],
      { filename: 'worker.ts' },
    );
    expect(messages).toEqual([]);
  });
});

runPlatform('platforms: Cloudflare Workers', reported, quiet);
