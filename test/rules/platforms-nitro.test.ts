// Nuxt/Nitro (h3): defineEventHandler callbacks, imported or auto-imported in server directories.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const AUTO_IMPORTED = dedent(`
  const views: string[] = [];

  export default defineEventHandler(async (event) => {
    views.push(getRequestURL(event).pathname);
    return { views: views.length };
  });

  export const total = () => views.length;
`);

const IMPORTED_OBJECT_FORM = dedent(`
  import { defineEventHandler, readBody } from 'h3';

  let lastBody: unknown;
  let calls = 0;

  export default defineEventHandler({
    onRequest: [() => { calls++; }],
    handler: async (event) => {
      lastBody = await readBody(event);
      return 'ok';
    },
  });

  export const peek = () => ({ lastBody, calls });
`);

const NOT_EXPORTED = dedent(`
  const views: string[] = [];
  const onView = defineEventHandler(async (event) => {
    views.push(getRequestURL(event).pathname);
  });
  register(onView);
`);

const reported: Reported[] = [
  {
    name: 'auto-imported defineEventHandler under server/api',
    filename: '/nuxt/server/api/views.get.ts',
    code: AUTO_IMPORTED,
    rule: 'growth',
    at: ['views.push('],
  },
  {
    name: 'object form handler stores the request body',
    filename: '/nitro/routes/submit.post.ts',
    code: IMPORTED_OBJECT_FORM,
    rule: 'requestData',
    at: ['lastBody ='],
  },
  {
    name: 'object form onRequest hook counter',
    filename: '/nitro/routes/submit.post.ts',
    code: IMPORTED_OBJECT_FORM,
    rule: 'write',
    at: ['calls++'],
  },
];

const quiet: Quiet[] = [
  {
    // Exported, the same callback would match the Lambda (event) signature; here it is not exported.
    name: 'an auto-import name outside server directories is not recognised',
    filename: '/web/components/stats.ts',
    code: NOT_EXPORTED,
  },
  {
    name: 'a handler that only reads module state',
    filename: '/nuxt/server/api/config.get.ts',
    code: dedent(`
      const config = { version: 3 };
      export default defineEventHandler(() => ({ version: config.version }));
    `),
  },
];

describe('Nitro detection', () => {
  it('names the handler after the route file', () => {
    expect(handlersOf(AUTO_IMPORTED, '/nuxt/server/api/views.get.ts')).toEqual(['nitro views.get']);
    expect(handlersOf(NOT_EXPORTED, '/nuxt/server/api/views.get.ts')).toEqual(['nitro views.get']);
    expect(handlersOf(NOT_EXPORTED, '/web/components/stats.ts')).toEqual([]);
  });
});

runPlatform('platforms: Nuxt/Nitro', reported, quiet);
