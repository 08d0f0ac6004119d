// Vercel functions: the default export (or HTTP-method exports) of files under api/.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const NODE_FUNCTION = dedent(`
  import type { VercelRequest, VercelResponse } from '@vercel/node';

  const greeted: string[] = [];

  export default function greet(req: VercelRequest, res: VercelResponse) {
    greeted.push(String(req.query.name));
    res.status(200).send('hi');
  }

  export const count = () => greeted.length;
`);

const WEB_FUNCTION = dedent(`
  let lastAgent: string | null = null;

  export function GET(request: Request) {
    lastAgent = request.headers.get('user-agent');
    return new Response('ok');
  }

  export const peek = () => lastAgent;
`);

const reported: Reported[] = [
  {
    name: 'default export (req, res) in api/',
    filename: '/proj/api/greet.ts',
    code: NODE_FUNCTION,
    rule: 'growth',
    at: ['greeted.push('],
  },
  {
    name: 'web-standard GET export in api/',
    filename: '/proj/api/agent.ts',
    code: WEB_FUNCTION,
    rule: 'requestData',
    at: ['lastAgent ='],
  },
];

const quiet: Quiet[] = [
  {
    name: 'a frontend api/ module default-exporting a client function is not a Vercel function',
    filename: '/proj/src/api/users.ts',
    code: dedent(`
      const requested: string[] = [];
      export default function getUser(id: string) {
        requested.push(id);
        return fetch('/api/users/' + id);
      }
    `),
  },
  {
    name: 'a Vercel function that only reads module state',
    filename: '/proj/api/config.ts',
    code: dedent(`
      const settings = { region: 'fra1' };
      export default function config(req, res) {
        res.json({ region: settings.region, asked: req.query.key });
      }
    `),
  },
];

describe('Vercel detection', () => {
  it('uses the api/ directory convention plus a request-taking signature', () => {
    expect(handlersOf(NODE_FUNCTION, '/proj/api/greet.ts')).toEqual(['vercel default']);
    expect(handlersOf(WEB_FUNCTION, '/proj/api/agent.ts')).toEqual(['vercel GET']);
    expect(handlersOf(WEB_FUNCTION, '/proj/lib/agent.ts')).toEqual([]);
  });
});

runPlatform('platforms: Vercel functions', reported, quiet);
