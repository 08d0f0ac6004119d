// RuleTester suite for no-unbounded-cache: module-scope objects and Maps filled under request-derived keys.
import type { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-unbounded-cache.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';
import { caseBuilders } from '../helpers/cases.js';
import { lintWithRule } from '../helpers/lint.js';
import { SEED_001_CACHE, SEED_001_CACHE_MOVED } from '../helpers/seeds.js';
import { dedent } from '../helpers/source.js';

const { bad, good } = caseBuilders('unboundedCache');

const cjsInvalid: RuleTester.InvalidTestCase[] = [
  bad('seed 001 verbatim: CACHE[event.item] = item in a db callback', SEED_001_CACHE, [
    { at: 'CACHE[event.item] = item', suggest: SEED_001_CACHE_MOVED },
  ]),
  bad(
    'module.exports.handler fills a Map keyed by an API key header',
    dedent(`
      const tokens = new Map();

      module.exports.handler = async (event) => {
        tokens.set(event.headers['x-api-key'], Date.now());
        return { statusCode: 204 };
      };

      module.exports.tokenCount = () => tokens.size;
    `),
    ["tokens.set(event.headers['x-api-key']"],
  ),
];

const invalid: RuleTester.InvalidTestCase[] = [
  bad(
    'sessions.set(token, data) with token from the event',
    dedent(`
      const sessions = new Map<string, unknown>();

      export const handler = async (event) => {
        const token = event.headers.authorization;
        const data = await loadSession(token);
        sessions.set(token, data);
        return data;
      };

      export const sessionCount = () => sessions.size;
    `),
    ['sessions.set(token, data)'],
  ),
  bad(
    'key from destructuring the event',
    dedent(`
      const profiles = new Map();

      export const handler = async (event) => {
        const { userId } = event.pathParameters;
        const profile = await fetchProfile(userId);
        profiles.set(userId, profile);
        return profile;
      };

      export const profileCount = () => profiles.size;
    `),
    ['profiles.set(userId, profile)'],
  ),
  bad(
    'key built with a template literal',
    dedent(`
      const responses: Record<string, string> = {};

      export const handler = async (event) => {
        const body = await render(event);
        responses[\`\${event.httpMethod}:\${event.path}\`] = body;
        return body;
      };

      export const responseKeys = () => Object.keys(responses);
    `),
    ['responses[`'],
  ),
  bad(
    'key produced by await on a call with request data',
    dedent(`
      const memo = {};

      export const handler = async (event) => {
        const key = await digest(event.body);
        const result = await compute();
        memo[key] = result;
        return result;
      };

      export const memoSize = () => Object.keys(memo).length;
    `),
    ['memo[key] = result'],
  ),
  bad(
    'memoisation per request key: if (!cache[id]) cache[id] = await load(id); every use is inside',
    dedent(`
      const cache = {};

      export const handler = async (event) => {
        const id = event.pathParameters.id;
        if (!cache[id]) cache[id] = await load(id);
        return cache[id];
      };
    `),
    [
      {
        at: 'cache[id] = await load(id)',
        suggest: dedent(`
          export const handler = async (event) => {
            const cache = {};
            const id = event.pathParameters.id;
            if (!cache[id]) cache[id] = await load(id);
            return cache[id];
          };
        `),
      },
    ],
  ),
  bad(
    'cache[key] ||= compute(key) under a request key is not lazy init',
    dedent(`
      const results = {};

      export const handler = async (event) => {
        const key = event.queryStringParameters.q;
        results[key] ||= await search(key);
        return results[key];
      };

      export const resultKeys = () => Object.keys(results);
    `),
    ['results[key] ||= await search(key)'],
  ),
  bad(
    'Map counter per request path',
    dedent(`
      const hits = new Map<string, number>();

      export const handler = async (event) => {
        hits.set(event.rawPath, (hits.get(event.rawPath) ?? 0) + 1);
      };

      export const report = () => [...hits];
    `),
    ['hits.set(event.rawPath'],
  ),
  bad(
    'key from a call with request data',
    dedent(`
      const rowsByQuery = new Map();

      export const handler = async (event) => {
        const rows = await db.query(event.sql);
        rowsByQuery.set(normalize(event.sql), rows);
        return rows;
      };

      export const cachedQueries = () => rowsByQuery.size;
    `),
    ['rowsByQuery.set(normalize(event.sql), rows)'],
  ),
  bad(
    'Object.create(null) dictionary keyed by the event id',
    dedent(`
      const byId = Object.create(null);

      export const handler = async (event) => {
        byId[event.id] = event;
        return Object.keys(byId).length;
      };

      export const lookup = (id) => byId[id];
    `),
    ['byId[event.id] = event'],
  ),
  bad(
    'helper remember(key, value) called with a request key: via remember()',
    dedent(`
      const store = new Map();

      function remember(key, value) {
        store.set(key, value);
      }

      export const handler = async (event) => {
        const value = await compute(event.id);
        remember(event.id, value);
        return value;
      };
    `),
    ['store.set(key, value)'],
  ),
  bad(
    'nested callback keyed by each record',
    dedent(`
      const bodies = {};

      export const handler = async (event) => {
        event.Records.forEach((record) => {
          bodies[record.messageId] = record.body;
        });
      };

      export const bodyCount = () => Object.keys(bodies).length;
    `),
    ['bodies[record.messageId] = record.body'],
  ),
  bad(
    'for-of over records, Map keyed by messageId',
    dedent(`
      const delivered = new Map();

      export const handler = async (event) => {
        for (const r of event.Records) {
          delivered.set(r.messageId, true);
        }
      };

      export const deliveredCount = () => delivered.size;
    `),
    ['delivered.set(r.messageId, true)'],
  ),
  bad(
    'class static Map keyed by user id',
    dedent(`
      class UserCache {
        static entries = new Map<string, unknown>();
      }

      export const handler = async (event) => {
        const user = await getUser(event.userId);
        UserCache.entries.set(event.userId, user);
        return user;
      };
    `),
    ['UserCache.entries.set(event.userId, user)'],
  ),
  bad(
    'globalThis cache: the ??= is lazy init, the keyed write is the cache',
    dedent(`
      export const handler = async (event) => {
        globalThis.__responses ??= {};
        globalThis.__responses[event.rawPath] = await render(event);
        return globalThis.__responses[event.rawPath];
      };
    `),
    ['globalThis.__responses[event.rawPath] = await'],
  ),
  bad(
    'alias: const c = CACHE; c[event.id] = x',
    dedent(`
      const CACHE = {};

      export const handler = async (event) => {
        const c = CACHE;
        c[event.id] = await fetchItem(event.id);
        return c[event.id];
      };

      export const cacheKeys = () => Object.keys(CACHE);
    `),
    ['c[event.id] = await'],
  ),
  bad(
    'nested object under a module root keyed by tenant',
    dedent(`
      const state = { byTenant: {} };

      export const handler = async (event) => {
        const config = await loadTenantConfig(event.tenantId);
        state.byTenant[event.tenantId] = config;
        return config;
      };

      export const tenants = () => Object.keys(state.byTenant);
    `),
    ['state.byTenant[event.tenantId] = config'],
  ),
  bad(
    'key through optional chaining',
    dedent(`
      const byPath = {};

      export const handler = async (event) => {
        byPath[event?.pathParameters?.id ?? 'none'] = Date.now();
      };

      export const paths = () => Object.keys(byPath);
    `),
    ["byPath[event?.pathParameters?.id ?? 'none'] = Date.now()"],
  ),
  bad(
    'key from the context parameter',
    dedent(`
      const traces = new Map();

      export const handler = async (event, context) => {
        traces.set(context.awsRequestId, { start: Date.now() });
        return event;
      };

      export const traceCount = () => traces.size;
    `),
    ['traces.set(context.awsRequestId'],
  ),
  bad(
    'cache filled in two handlers: both reported, no suggestion',
    dedent(`
      const users = new Map();

      export const getUser = async (event, context) => {
        users.set(event.id, await fetchUser(event.id));
        return users.get(event.id);
      };

      export const putUser = async (event, context) => {
        users.set(event.user.id, event.user);
      };
    `),
    ['users.set(event.id', 'users.set(event.user.id'],
  ),
  bad(
    'typed aws-lambda handler with a custom parameter name',
    dedent(`
      import type { APIGatewayProxyHandler } from 'aws-lambda';

      const pages = new Map<string, string>();

      export const render: APIGatewayProxyHandler = async (req) => {
        const html = await build(req.path);
        pages.set(req.path, html);
        return { statusCode: 200, body: html };
      };

      export const pageCount = () => pages.size;
    `),
    ['pages.set(req.path, html)'],
  ),
];

const cjsValid: RuleTester.ValidTestCase[] = [
  good(
    'lru-cache required in CommonJS',
    dedent(`
      const { LRUCache } = require('lru-cache');

      const cache = new LRUCache({ max: 100 });

      exports.handler = async (event) => {
        cache.set(event.item, await load(event.item));
        return cache.get(event.item);
      };
    `),
  ),
  good(
    'seed 001 read only: looking up CACHE[event.item] does not write',
    dedent(`
      var CACHE = { a: 1 };

      exports.handler = function(event, context) {
        if (CACHE[event.item]) {
          return context.succeed(CACHE[event.item]);
        }
        context.fail('missing');
      };
    `),
  ),
];

const valid: RuleTester.ValidTestCase[] = [
  good(
    'lru-cache LRUCache with max',
    dedent(`
      import { LRUCache } from 'lru-cache';

      const cache = new LRUCache<string, object>({ max: 500 });

      export const handler = async (event) => {
        cache.set(event.id, await load(event.id));
        return cache.get(event.id);
      };
    `),
  ),
  good(
    'lru-cache default import',
    dedent(`
      import LRU from 'lru-cache';

      const cache = new LRU({ max: 100 });

      export const handler = async (event) => {
        cache.set(event.key, event.value);
      };
    `),
  ),
  good(
    'quick-lru',
    dedent(`
      import QuickLRU from 'quick-lru';

      const cache = new QuickLRU({ maxSize: 1000 });

      export const handler = async (event) => {
        cache.set(event.pathParameters.id, await fetchItem(event.pathParameters.id));
      };
    `),
  ),
  good(
    '@isaacs/ttlcache',
    dedent(`
      import TTLCache from '@isaacs/ttlcache';

      const cache = new TTLCache({ max: 10000, ttl: 60_000 });

      export const handler = async (event) => {
        cache.set(event.token, await verify(event.token));
      };
    `),
  ),
  good(
    'settings.boundedCaches names a user constructor',
    dedent(`
      import { BoundedMap } from './bounded-map.js';

      const cache = new BoundedMap(100);

      export const handler = async (event) => {
        cache.set(event.id, event.body);
      };
    `),
    { settings: { 'handler-state': { boundedCaches: ['BoundedMap'] } } },
  ),
  good(
    'settings.boundedCaches names a factory',
    dedent(`
      import { createBoundedCache } from './cache.js';

      const cache = createBoundedCache({ max: 50 });

      export const handler = async (event) => {
        cache.set(event.id, event.body);
      };
    `),
    { settings: { 'handler-state': { boundedCaches: ['createBoundedCache'] } } },
  ),
  good(
    'redis client is an external store, not module state',
    dedent(`
      import Redis from 'ioredis';

      const redis = new Redis(process.env.REDIS_URL);

      export const handler = async (event) => {
        await redis.set(event.id, JSON.stringify(event.body));
        return redis.get(event.id);
      };
    `),
  ),
  good(
    'DynamoDB document client',
    dedent(`
      import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
      import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

      const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));

      export const handler = async (event) => {
        await ddb.send(new PutCommand({ TableName: 'items', Item: { pk: event.id, body: event.body } }));
      };
    `),
  ),
  good(
    'reads only: get/has/index',
    dedent(`
      const table = new Map([['a', 1]]);
      const dict = { a: 1 };

      export const handler = async (event) => ({
        fromMap: table.get(event.key),
        known: table.has(event.key),
        fromDict: dict[event.key],
      });
    `),
  ),
  good(
    'eviction is not a cache fill: delete under a request key',
    dedent(`
      const sessions = new Map();

      export const handler = async (event) => {
        sessions.delete(event.token);
      };

      export const sessionCount = () => sessions.size;
    `),
  ),
  good(
    'a Set of request ids is growth, not a cache',
    dedent(`
      const seen = new Set();

      export const handler = async (event) => {
        seen.add(event.id);
      };

      export const seenCount = () => seen.size;
    `),
  ),
  good(
    'request data under a constant key is no-request-data-in-module-scope, not a cache',
    dedent(`
      const latest = new Map();

      export const handler = async (event) => {
        latest.set('user', event.user);
      };

      export const latestUser = () => latest.get('user');
    `),
  ),
  good(
    'state.user = event.user is request data, not a cache',
    dedent(`
      const state = {};

      export const handler = async (event) => {
        state.user = event.user;
      };

      export const currentUser = () => state.user;
    `),
  ),
  good(
    'lazy init of the cache object itself',
    dedent(`
      let cache;

      export const handler = async (event) => {
        cache ??= new Map();
        return cache.get(event.id);
      };
    `),
  ),
  good(
    'init-time fill of a lookup table',
    dedent(`
      const table = {};
      for (const [code, label] of Object.entries({ a: 'A', b: 'B' })) {
        table[code] = label;
      }

      export const handler = async (event) => table[event.code];
    `),
  ),
  good(
    'a cache local to the invocation',
    dedent(`
      export const handler = async (event) => {
        const local = new Map();
        for (const r of event.Records) local.set(r.messageId, r.body);
        return local.size;
      };
    `),
  ),
  good(
    'shadowing: a local CACHE hides the module one',
    dedent(`
      const CACHE = {};

      export const handler = async (event) => {
        const CACHE = {};
        CACHE[event.item] = await load(event.item);
        return CACHE[event.item];
      };

      export const moduleCache = () => CACHE;
    `),
  ),
  good(
    'an exported non-handler utility that primes the cache',
    dedent(`
      const CACHE = {};

      export function prime(key, value) {
        CACHE[key] = value;
      }

      export const handler = async (event) => CACHE[event.key];
    `),
  ),
  good(
    'a cache fill in a function no handler calls',
    dedent(`
      const CACHE = {};

      function warm(event) {
        CACHE[event.id] = event;
      }

      export const handler = async (event) => CACHE[event.id];
      void warm;
    `),
  ),
  good(
    'key from the environment, not the request',
    dedent(`
      const configs = {};

      export const handler = async () => {
        if (!configs[process.env.STAGE]) configs[process.env.STAGE] = await loadConfig();
        return configs[process.env.STAGE];
      };
    `),
  ),
  good(
    'non-handler export (not named handler, no event signature) writing a keyed cache',
    dedent(`
      const byName = new Map();

      export function remember(name, value) {
        byName.set(name, value);
      }
    `),
  ),
  good(
    'a Map with explicit size-based eviction in the handler is bounded',
    dedent(`
      const cache = new Map();
      const MAX = 1000;

      export const handler = async (event) => {
        if (cache.size >= MAX) cache.delete(cache.keys().next().value);
        cache.set(event.id, await load(event.id));
        return cache.get(event.id);
      };

      export const cacheSize = () => cache.size;
    `),
  ),
  good(
    'allow option exempts the cache by name',
    dedent(`
      const sessionCache = new Map();

      export const handler = async (event) => {
        sessionCache.set(event.token, event.user);
      };
    `),
    { options: [{ allow: ['sessionCache'] }] },
  ),
];

ruleTester.run('no-unbounded-cache', rule as never, { valid, invalid });
cjsRuleTester.run('no-unbounded-cache (commonjs)', rule as never, { valid: cjsValid, invalid: cjsInvalid });

const lint = (code: string, sourceType: 'module' | 'commonjs' = 'module') => lintWithRule(rule, code, sourceType);

describe('no-unbounded-cache messages', () => {
  it('names the cache and the handler of seed 001', () => {
    const messages = lint(SEED_001_CACHE, 'commonjs');
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('CACHE');
    expect(messages[0].message).toContain('handler');
  });

  it('names the helper in between', () => {
    const messages = lint(
      dedent(`
        const store = new Map();
        function remember(key, value) {
          store.set(key, value);
        }
        export const handler = async (event) => {
          remember(event.id, await compute(event.id));
        };
      `),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('store');
    expect(messages[0].message).toContain('handler');
    expect(messages[0].message).toContain('via `remember()`');
  });
});
