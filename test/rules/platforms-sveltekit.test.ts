// SvelteKit: +server endpoints, load and form actions in *.server.* files, hooks.server handle.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const ENDPOINT = dedent(`
  import { json } from '@sveltejs/kit';

  const searches: string[] = [];

  export async function GET({ url }) {
    searches.push(url.searchParams.get('q') ?? '');
    return json([]);
  }

  export const recent = () => searches.slice(-5);
`);

const PAGE_SERVER = dedent(`
  import type { Actions, PageServerLoad } from './$types';

  let lastUser: string | undefined;
  const votes = new Map<string, number>();

  export const load: PageServerLoad = async ({ locals }) => {
    lastUser = locals.user?.id;
    return {};
  };

  export const actions = {
    vote: async ({ request }) => {
      const data = await request.formData();
      votes.set(String(data.get('id')), 1);
    },
  } satisfies Actions;

  export const debug = () => ({ lastUser, votes });
`);

const reported: Reported[] = [
  {
    name: '+server GET endpoint grows module state',
    filename: '/kit/src/routes/search/+server.ts',
    code: ENDPOINT,
    rule: 'growth',
    at: ['searches.push('],
  },
  {
    name: 'load in +page.server.ts stores request data',
    filename: '/kit/src/routes/+page.server.ts',
    code: PAGE_SERVER,
    rule: 'requestData',
    at: [['lastUser =', 1]],
  },
  {
    name: 'form action writes a Map under a request key',
    filename: '/kit/src/routes/+page.server.ts',
    code: PAGE_SERVER,
    rule: 'cache',
    at: ['votes.set('],
  },
];

const quiet: Quiet[] = [
  {
    name: 'the same exports in a plain module are not SvelteKit handlers',
    filename: '/kit/src/lib/search.ts',
    code: ENDPOINT,
  },
  {
    name: 'a load that only reads module state',
    filename: '/kit/src/routes/+layout.server.ts',
    code: dedent(`
      const site = { title: 'x' };
      export const load = async () => ({ title: site.title });
    `),
  },
];

describe('SvelteKit detection', () => {
  it('finds endpoint, load and each action', () => {
    expect(handlersOf(ENDPOINT, '/kit/src/routes/search/+server.ts')).toEqual(['sveltekit GET']);
    expect(handlersOf(PAGE_SERVER, '/kit/src/routes/+page.server.ts')).toEqual([
      'sveltekit load',
      'sveltekit actions.vote',
    ]);
  });
});

runPlatform('platforms: SvelteKit', reported, quiet);
