// RuleTester suite for no-request-data-in-module-scope: request-derived values stored where the next request sees them.
import type { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-request-data-in-module-scope.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';
import { caseBuilders } from '../helpers/cases.js';
import { lintWithRule } from '../helpers/lint.js';
import { SEED_001_CARD, SEED_001_CARD_MOVED } from '../helpers/seeds.js';
import { dedent } from '../helpers/source.js';

const { bad, good } = caseBuilders('requestDataInModuleScope');

const cjsInvalid: RuleTester.InvalidTestCase[] = [
  bad('seed 001 verbatim: creditCard = { number: event.credit_card_number, … }', SEED_001_CARD, [
    { at: 'creditCard = {', suggest: SEED_001_CARD_MOVED },
  ]),
  bad(
    'a collection reset at entry does not grow, but a push of request data into it is still request data',
    dedent(`
      const buf: string[] = [];

      export const handler = async (event) => {
        buf.length = 0;
        buf.push(event.body);
      };

      export const lastBatch = () => buf;
    `),
    ['buf.push(event.body)'],
  ),
  bad(
    'implicit global: lastUser = event.user',
    dedent(`
      exports.handler = async (event) => {
        lastUser = event.user;
        return { ok: true };
      };
    `),
    ['lastUser = event.user'],
  ),
  bad(
    'global.currentEvent = event',
    dedent(`
      module.exports.handler = async (event) => {
        global.currentEvent = event;
        return process(event);
      };
    `),
    ['global.currentEvent = event'],
  ),
];

const invalid: RuleTester.InvalidTestCase[] = [
  bad(
    'state.user = event…principalId, read by a helper',
    dedent(`
      const state = { user: null };

      export const handler = async (event) => {
        state.user = event.requestContext.authorizer.principalId;
        return respond();
      };

      function respond() {
        return { statusCode: 200, body: JSON.stringify({ user: state.user }) };
      }
    `),
    ['state.user = event.requestContext'],
  ),
  bad(
    'Object.assign(config, event.overrides)',
    dedent(`
      const config = { region: 'eu-west-1', retries: 3 };

      export const handler = async (event) => {
        Object.assign(config, event.overrides);
        return run(config);
      };

      export const currentConfig = () => config;
    `),
    ['Object.assign(config, event.overrides)'],
  ),
  bad(
    'globalThis.lastEvent = event',
    dedent(`
      export const handler = async (event) => {
        globalThis.lastEvent = event;
        return { statusCode: 202 };
      };
    `),
    ['globalThis.lastEvent = event'],
  ),
  bad(
    'if (!user) user = event.user is not lazy init: the value comes from the request',
    dedent(`
      let user;

      export const handler = async (event) => {
        if (!user) user = event.user;
        return greet(user);
      };

      export const currentUser = () => user;
    `),
    ['user = event.user'],
  ),
  bad(
    'logical assignment of request data: ??=',
    dedent(`
      let currentTenant: string | undefined;

      export const handler = async (event) => {
        currentTenant ??= event.tenantId;
        return currentTenant;
      };

      export const tenant = () => currentTenant;
    `),
    ['currentTenant ??= event.tenantId'],
  ),
  bad(
    'logical assignment of request data: ||=',
    dedent(`
      let tenant = '';

      export const handler = async (event) => {
        tenant ||= event.headers['x-tenant-id'];
        return tenant;
      };

      export const activeTenant = () => tenant;
    `),
    ["tenant ||= event.headers['x-tenant-id']"],
  ),
  bad(
    'compound assignment of request data to a number',
    dedent(`
      let totalBytes = 0;

      export const handler = async (event) => {
        totalBytes += event.body.length;
        return totalBytes;
      };

      export const bytes = () => totalBytes;
    `),
    ['totalBytes += event.body.length'],
  ),
  bad(
    'destructuring into a module property: ({ user: state.user } = event)',
    dedent(`
      const state = {};

      export const handler = async (event) => {
        ({ user: state.user } = event);
        return state.user;
      };

      export const snapshot = () => state;
    `),
    ['state.user } = event'],
  ),
  bad(
    'array destructuring into module variables: [first, second] = event.Records',
    dedent(`
      let first;
      let second;

      export const handler = async (event) => {
        [first, second] = event.Records;
        return [first, second];
      };

      export const peek = () => [first, second];
    `),
    ['first, second] =', 'second] ='],
  ),
  bad(
    'for-of target at module scope',
    dedent(`
      let current;

      export const handler = async (event) => {
        for (current of event.Records) {
          await handle(current);
        }
      };

      export const lastRecord = () => current;
    `),
    ['current of event.Records'],
  ),
  bad(
    'for-in target at module scope',
    dedent(`
      let lastHeader;

      export const handler = async (event) => {
        for (lastHeader in event.headers) {
          console.log(lastHeader);
        }
      };

      export const header = () => lastHeader;
    `),
    ['lastHeader in event.headers'],
  ),
  bad(
    'property write at depth: state.a.b.c = event.x',
    dedent(`
      const state = { a: { b: { c: null } } };

      export const handler = async (event) => {
        state.a.b.c = event.x;
      };

      export const deep = () => state.a.b.c;
    `),
    ['state.a.b.c = event.x'],
  ),
  bad(
    'Object.defineProperty(target, …) with request data',
    dedent(`
      const target = {};

      export const handler = async (event) => {
        Object.defineProperty(target, 'user', { value: event.user, configurable: true });
        return target;
      };

      export const read = () => target;
    `),
    ["Object.defineProperty(target, 'user'"],
  ),
  bad(
    'helper setUser(evt) called with the event: via setUser()',
    dedent(`
      const session = {};

      function setUser(evt) {
        session.user = evt.user;
      }

      export const handler = async (event) => {
        setUser(event);
        return session.user;
      };
    `),
    ['session.user = evt.user'],
  ),
  bad(
    'nested callback keeps the last record',
    dedent(`
      let lastRecord;

      export const handler = async (event) => {
        return event.Records.map((r) => {
          lastRecord = r;
          return r.body;
        });
      };

      export const last = () => lastRecord;
    `),
    ['lastRecord = r;'],
  ),
  bad(
    'spread of request data',
    dedent(`
      const defaults = { theme: 'light' };
      let settings = defaults;

      export const handler = async (event) => {
        settings = { ...defaults, ...event.settings };
        return settings;
      };

      export const currentSettings = () => settings;
    `),
    ['settings = { ...defaults'],
  ),
  bad(
    'template literal of request data',
    dedent(`
      let lastRoute = '';

      export const handler = async (event) => {
        lastRoute = \`\${event.httpMethod} \${event.path}\`;
        return lastRoute;
      };

      export const route = () => lastRoute;
    `),
    ['lastRoute = `'],
  ),
  bad(
    'await of a call with a request argument',
    dedent(`
      let currentUser;

      export const handler = async (event) => {
        currentUser = await loadUser(event.userId);
        return currentUser.name;
      };

      export const whoAmI = () => currentUser;
    `),
    ['currentUser = await loadUser(event.userId)'],
  ),
  bad(
    'operator on request data',
    dedent(`
      let lastId = '';

      export const handler = async (event) => {
        lastId = event.id || 'anonymous';
      };

      export const previousId = () => lastId;
    `),
    ["lastId = event.id || 'anonymous'"],
  ),
  bad(
    'JSON.parse(event.body) is request data',
    dedent(`
      let payload;

      export const handler = async (event) => {
        payload = JSON.parse(event.body);
        return payload.id;
      };

      export const lastPayload = () => payload;
    `),
    ['payload = JSON.parse(event.body)'],
  ),
  bad(
    'alias property write: const s = session; s.token = …',
    dedent(`
      const session = { token: '' };

      export const handler = async (event) => {
        const s = session;
        s.token = event.headers.Authorization;
      };

      export const token = () => session.token;
    `),
    ['s.token = event.headers.Authorization'],
  ),
  bad(
    'class static member set from the context parameter',
    dedent(`
      class RequestContext {
        static requestId = '';
      }

      export const handler = async (event, context) => {
        RequestContext.requestId = context.awsRequestId;
        return event;
      };
    `),
    ['RequestContext.requestId = context.awsRequestId'],
  ),
  bad(
    'array slot under a constant index',
    dedent(`
      const slots = [null];

      export const handler = async (event) => {
        slots[0] = event.body;
      };

      export const slot = () => slots[0];
    `),
    ['slots[0] = event.body'],
  ),
  bad(
    'Map.set under a constant key with a request value',
    dedent(`
      const latest = new Map();

      export const handler = async (event) => {
        latest.set('user', event.user);
      };

      export const latestUser = () => latest.get('user');
    `),
    ["latest.set('user', event.user)"],
  ),
  bad(
    'destructured handler parameter',
    dedent(`
      let lastBody;

      export const handler = async ({ body }) => {
        lastBody = body;
        return { statusCode: 200 };
      };

      export const previousBody = () => lastBody;
    `),
    ['lastBody = body'],
  ),
  bad(
    'typed aws-lambda handler with a custom parameter name',
    dedent(`
      import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

      let lastPath = '';

      export const main: APIGatewayProxyHandlerV2 = async (req) => {
        lastPath = req.rawPath;
        return { statusCode: 200 };
      };

      export const path = () => lastPath;
    `),
    ['lastPath = req.rawPath'],
  ),
  bad(
    'implicit global in an ES module',
    dedent(`
      export const handler = async (event) => {
        lastUser = event.user;
      };
    `),
    ['lastUser = event.user'],
  ),
  bad(
    "globalThis['lastEvent'] = event (computed constant key)",
    dedent(`
      export const handler = async (event) => {
        globalThis['lastEvent'] = event;
      };
    `),
    ["globalThis['lastEvent'] = event"],
  ),
  bad(
    'global property at depth',
    dedent(`
      export const handler = async (event) => {
        globalThis.appState.user = event.user;
      };
    `),
    ['globalThis.appState.user = event.user'],
  ),
  bad(
    'guarded init with a request-derived value: if (!db) db = await connect(event.dbUrl)',
    dedent(`
      let db;

      export const handler = async (event) => {
        if (!db) db = await connect(event.dbUrl);
        return db.find(event.id);
      };

      export const close = () => db?.close();
    `),
    ['db = await connect(event.dbUrl)'],
  ),
  bad(
    'whole event stored',
    dedent(`
      let lastEvent = null;

      export async function handler(event) {
        lastEvent = event;
      }

      export const previous = () => lastEvent;
    `),
    ['lastEvent = event'],
  ),
  bad(
    'array literal holding a request value (no self reference)',
    dedent(`
      let recent = [];

      export const handler = async (event) => {
        recent = [event.id];
      };

      export const recentIds = () => recent;
    `),
    ['recent = [event.id]'],
  ),
  bad(
    'two handlers write the same variable: both reported, no suggestion',
    dedent(`
      let caller;

      export const read = async (event, context) => {
        caller = event.requestContext.identity;
        return caller;
      };

      export const write = async (event, context) => {
        caller = event.requestContext.identity;
      };
    `),
    ['caller = event.requestContext.identity;', { at: 'caller = event.requestContext.identity;', nth: 2 }],
  ),
  bad(
    'middy-wrapped base function; every use is inside',
    dedent(`
      import middy from '@middy/core';

      let currentRequest;

      const base = async (request) => {
        currentRequest = request;
        return { statusCode: 200, body: currentRequest.body };
      };

      export const main = middy(base);
    `),
    [
      {
        at: 'currentRequest = request',
        suggest: dedent(`
          import middy from '@middy/core';

          const base = async (request) => {
            let currentRequest;
            currentRequest = request;
            return { statusCode: 200, body: currentRequest.body };
          };

          export const main = middy(base);
        `),
      },
    ],
  ),
];

const cjsValid: RuleTester.ValidTestCase[] = [
  good(
    'a non-exported function named handler is not a handler',
    dedent(`
      function handler(event) {
        lastEvent = event;
      }
      module.exports.ping = () => typeof handler;
    `),
  ),
  good(
    'context.callbackWaitsForEmptyEventLoop = false writes the parameter, not module state',
    dedent(`
      exports.handler = function(event, context, callback) {
        context.callbackWaitsForEmptyEventLoop = false;
        event.receivedAt = Date.now();
        callback(null, event);
      };
    `),
  ),
];

const valid: RuleTester.ValidTestCase[] = [
  good(
    'SDK client at module scope, request data only in the command',
    dedent(`
      import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

      const s3 = new S3Client({});

      export const handler = async (event) => {
        const out = await s3.send(new GetObjectCommand({ Bucket: event.bucket, Key: event.key }));
        return out.Body;
      };
    `),
  ),
  good(
    'DB pool query with request parameters',
    dedent(`
      import { Pool } from 'pg';

      const pool = new Pool();

      export const handler = async (event) => {
        const { rows } = await pool.query('select * from users where id = $1', [event.pathParameters.id]);
        return rows[0];
      };
    `),
  ),
  good(
    'redis client set with request data',
    dedent(`
      import Redis from 'ioredis';

      const redis = new Redis();

      export const handler = async (event) => {
        await redis.set(event.id, JSON.stringify(event.body));
      };
    `),
  ),
  good(
    'lazy init with a value not from the request',
    dedent(`
      let db;

      export const handler = async (event) => {
        if (!db) db = await connect(process.env.DATABASE_URL);
        return db.find(event.id);
      };
    `),
  ),
  good(
    'request data kept in locals',
    dedent(`
      export const handler = async (event) => {
        const user = event.user;
        const merged = { ...user, seen: true };
        console.log(event);
        return merged;
      };
    `),
  ),
  good(
    'shadowing: a local user hides the module user',
    dedent(`
      let user = null;

      export const handler = async (event) => {
        let user = event.user;
        user = { ...user, admin: false };
        return user;
      };

      export const moduleUser = () => user;
    `),
  ),
  good(
    'the event parameter shadows a module variable named event',
    dedent(`
      let event = null;

      export const handler = async (event) => {
        event = normalize(event);
        return event;
      };

      export const moduleEvent = () => event;
    `),
  ),
  good(
    'Object.assign into a fresh object',
    dedent(`
      const defaults = { retries: 3 };

      export const handler = async (event) => {
        const merged = Object.assign({}, defaults, event.overrides);
        return merged;
      };
    `),
  ),
  good(
    'request data passed to a helper that does not store it',
    dedent(`
      function log(e) {
        console.log(JSON.stringify(e));
      }

      export const handler = async (event) => {
        log(event);
      };
    `),
  ),
  good(
    'an exported utility (not a handler) storing its argument',
    dedent(`
      const current = {};

      export function setUser(user) {
        current.user = user;
      }

      export const handler = async () => current.user;
    `),
  ),
  good(
    'a storing function that no handler calls',
    dedent(`
      let last;

      function remember(e) {
        last = e;
      }

      export const handler = async (event) => ({ id: event.id, last });
      void remember;
    `),
  ),
  good(
    'cache-kind write is no-unbounded-cache, not this rule',
    dedent(`
      const CACHE = {};

      export const handler = async (event) => {
        CACHE[event.item] = event.payload;
      };
    `),
  ),
  good(
    'growth-kind write is no-unbounded-growth, not this rule',
    dedent(`
      const audit = [];

      export const handler = async (event) => {
        audit.push(event);
      };
    `),
  ),
  good(
    'a counter is no-module-state-write, not this rule',
    dedent(`
      let count = 0;

      export const handler = async () => {
        count++;
      };
    `),
  ),
  good(
    'cold-start latch',
    dedent(`
      let coldStart = true;

      export const handler = async (event) => {
        const wasCold = coldStart;
        coldStart = false;
        return { wasCold, id: event.id };
      };
    `),
  ),
  good(
    'allow option exempts the variable',
    dedent(`
      let lastRequestId = '';

      export const handler = async (event, context) => {
        lastRequestId = context.awsRequestId;
        return event;
      };
    `),
    { options: [{ allow: ['lastRequestId'] }] },
  ),
];

ruleTester.run('no-request-data-in-module-scope', rule as never, { valid, invalid });
cjsRuleTester.run('no-request-data-in-module-scope (commonjs)', rule as never, {
  valid: cjsValid,
  invalid: cjsInvalid,
});

const lint = (code: string, sourceType: 'module' | 'commonjs' = 'module') => lintWithRule(rule, code, sourceType);

describe('no-request-data-in-module-scope messages', () => {
  it('names creditCard and the handler of seed 001', () => {
    const messages = lint(SEED_001_CARD, 'commonjs');
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('creditCard');
    expect(messages[0].message).toContain('handler');
  });

  it('names the helper in between', () => {
    const messages = lint(
      dedent(`
        const session = {};
        function setUser(evt) {
          session.user = evt.user;
        }
        export const lambdaHandler = async (event) => {
          setUser(event);
        };
      `),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('session');
    expect(messages[0].message).toContain('lambdaHandler');
    expect(messages[0].message).toContain('via `setUser()`');
  });
});
