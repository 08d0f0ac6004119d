// Next.js: app-router route handlers, 'use server' actions, pages/api routes.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const ROUTE = dedent(`
  import { NextResponse } from 'next/server';

  const audit: string[] = [];
  let lastQuery = '';

  export async function GET(request: Request) {
    lastQuery = new URL(request.url).search;
    return NextResponse.json({ ok: true });
  }

  export const POST = async (request: Request) => {
    audit.push(await request.text());
    return NextResponse.json({ ok: true });
  };

  export function buildAudit() {
    audit.push('built');
    return { audit, lastQuery };
  }
`);

const ACTIONS_FILE = dedent(`
  'use server';

  const drafts: string[] = [];

  export async function saveDraft(formData: FormData) {
    drafts.push(String(formData.get('body')));
  }

  export async function countDrafts() {
    return drafts.length;
  }
`);

const INLINE_ACTION = dedent(`
  const likes = new Map<string, number>();

  export default function Post({ id }: { id: string }) {
    async function like(formData: FormData) {
      'use server';
      const postId = String(formData.get('id'));
      likes.set(postId, (likes.get(postId) ?? 0) + 1);
    }
    return <form action={like} />;
  }

  export const likeCount = () => likes.size;
`);

const PAGES_API = dedent(`
  import type { NextApiRequest, NextApiResponse } from 'next';

  const sessions: Record<string, unknown> = {};

  function handler(req: NextApiRequest, res: NextApiResponse) {
    sessions[req.cookies.sid as string] = req.body;
    res.status(200).json({ ok: true });
  }

  export default withLogging(handler);
  export const known = () => Object.keys(sessions);
`);

const reported: Reported[] = [
  {
    name: 'GET route handler stores request data',
    filename: '/site/app/api/search/route.ts',
    code: ROUTE,
    rule: 'requestData',
    at: [['lastQuery =', 2]],
  },
  {
    name: 'POST route handler (const arrow) grows module state',
    filename: '/site/app/api/search/route.ts',
    code: ROUTE,
    rule: 'growth',
    at: ['audit.push('],
  },
  {
    name: "every export of a 'use server' file is an action",
    filename: '/site/app/actions.ts',
    code: ACTIONS_FILE,
    rule: 'growth',
    at: ['drafts.push('],
  },
  {
    name: "inline 'use server' function in a component",
    filename: '/site/app/post/page.tsx',
    code: INLINE_ACTION,
    rule: 'cache',
    at: ['likes.set('],
  },
  {
    name: 'pages/api default export through a wrapper',
    filename: '/site/src/pages/api/session.ts',
    code: PAGES_API,
    rule: 'cache',
    at: ['sessions[req.cookies.sid as string] ='],
  },
];

const quiet: Quiet[] = [
  {
    name: 'route handlers that only read module state; a non-method export is not a handler',
    filename: '/site/app/api/items/route.ts',
    code: dedent(`
      const items = ['a', 'b'];
      const registry: string[] = [];
      export async function GET() {
        return Response.json(items.filter(Boolean));
      }
      export function register(name: string) {
        registry.push(name);
      }
    `),
  },
  {
    name: 'GET exported from a file that is not route.ts is not a handler',
    filename: '/site/lib/http.ts',
    code: dedent(`
      const calls: string[] = [];
      export async function GET(url: string) {
        calls.push(url);
        return fetch(url);
      }
    `),
  },
  {
    name: "'use server' mentioned in a string is not a directive",
    filename: '/site/lib/notes.ts',
    code: dedent(`
      const notes: string[] = [];
      const tip = 'use server';
      export async function addNote(text: string) {
        notes.push(text + tip);
      }
    `),
  },
  {
    name: 'a default export outside pages/api is not an API route',
    filename: '/site/src/components/list.tsx',
    code: dedent(`
      const rendered: string[] = [];
      export default function List(req, res) {
        rendered.push(req);
        return null;
      }
    `),
  },
];

describe('Next.js detection', () => {
  it('finds route handlers by method name only in route files', () => {
    expect(handlersOf(ROUTE, '/site/app/api/search/route.ts')).toEqual(['nextjs GET', 'nextjs POST']);
    expect(handlersOf(ROUTE, '/site/lib/search.ts')).toEqual([]);
  });
  it('finds actions and pages/api routes', () => {
    expect(handlersOf(ACTIONS_FILE, '/site/app/actions.ts')).toEqual(['nextjs saveDraft', 'nextjs countDrafts']);
    expect(handlersOf(PAGES_API, '/site/src/pages/api/session.ts')).toEqual(['nextjs default']);
  });
});

runPlatform('platforms: Next.js', reported, quiet);
