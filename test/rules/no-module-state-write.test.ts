// RuleTester suite for no-module-state-write (strict): every other write to module state made at request time.
import type { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-module-state-write.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';
import { caseBuilders } from '../helpers/cases.js';
import { lintWithRule } from '../helpers/lint.js';
import { SEED_000, SEED_000_ARRAY_A_MOVED, SEED_001_STR, SEED_001_STR_MOVED } from '../helpers/seeds.js';
import { dedent } from '../helpers/source.js';

const { bad, good } = caseBuilders('moduleStateWrite');

const cjsInvalid: RuleTester.InvalidTestCase[] = [
  bad("seed 001 verbatim: str = 'it\\'s me'", SEED_001_STR, [{ at: "str = 'it", suggest: SEED_001_STR_MOVED }]),
  bad('seed 000 verbatim: arrayA is pushed and reset (not growth); arrayB is growth, not reported here', SEED_000, [
    { at: 'arrayA.push("A")', suggest: SEED_000_ARRAY_A_MOVED },
    { at: 'arrayA = [];', nth: 2, suggest: SEED_000_ARRAY_A_MOVED },
  ]),
  bad(
    'implicit global written with a non-request value',
    dedent(`
      exports.handler = async (event) => {
        lastRun = Date.now();
        return event;
      };
    `),
    ['lastRun = Date.now()'],
  ),
  bad(
    'globalThis counter',
    dedent(`
      module.exports.handler = async () => {
        globalThis.requestCount = (globalThis.requestCount || 0) + 1;
      };
    `),
    ['globalThis.requestCount = ('],
  ),
];

const invalid: RuleTester.InvalidTestCase[] = [
  bad(
    'counter: invocations++ (every use inside the handler)',
    dedent(`
      let invocations = 0;

      export const handler = async () => {
        invocations++;
        return { invocations };
      };
    `),
    [
      {
        at: 'invocations++',
        suggest: dedent(`
          export const handler = async () => {
            let invocations = 0;
            invocations++;
            return { invocations };
          };
        `),
      },
    ],
  ),
  bad(
    'decrement',
    dedent(`
      let remaining = 100;

      export const handler = async () => {
        remaining--;
      };

      export const quota = () => remaining;
    `),
    ['remaining--'],
  ),
  bad(
    'prefix increment',
    dedent(`
      let served = 0;

      export const handler = async (event) => {
        const n = ++served;
        return { n, id: event.id };
      };

      export const servedCount = () => served;
    `),
    ['++served'],
  ),
  bad(
    'compound assignment of a constant',
    dedent(`
      let total = 0;

      export const handler = async () => {
        total += 1;
      };

      export const totals = () => total;
    `),
    ['total += 1'],
  ),
  bad(
    'count = count + 1',
    dedent(`
      let count = 0;

      export const handler = async () => {
        count = count + 1;
      };

      export const counted = () => count;
    `),
    ['count = count + 1'],
  ),
  bad(
    'unconditional reassignment of a connection is not lazy init',
    dedent(`
      let db;

      export const handler = async (event) => {
        db = await connect();
        return db.find(event.id);
      };

      export const close = () => db?.close();
    `),
    ['db = await connect()'],
  ),
  bad(
    '&&= is not a lazy-init guard',
    dedent(`
      let enabled = true;

      export const handler = async () => {
        enabled &&= await isHealthy();
        return enabled;
      };

      export const isEnabled = () => enabled;
    `),
    ['enabled &&= await isHealthy()'],
  ),
  bad(
    'class static counter: Counter.count++',
    dedent(`
      class Counter {
        static count = 0;
      }

      export const handler = async () => {
        Counter.count++;
        return Counter.count;
      };
    `),
    ['Counter.count++'],
  ),
  bad(
    'array destructuring swap of module variables',
    dedent(`
      let a = 1;
      let b = 2;

      export const handler = async () => {
        [a, b] = [b, a];
      };

      export const pair = () => [a, b];
    `),
    ['a, b] = [b, a]', 'b] = [b, a]'],
  ),
  bad(
    'object destructuring into a module property',
    dedent(`
      const state = { y: 0 };

      export const handler = async () => {
        ({ x: state.y } = computeDefaults());
      };

      export const read = () => state.y;
    `),
    ['state.y } ='],
  ),
  bad(
    'for-of target at module scope (constant data)',
    dedent(`
      let cursor;

      export const handler = async () => {
        for (cursor of [1, 2, 3]) {
          await step(cursor);
        }
      };

      export const position = () => cursor;
    `),
    ['cursor of [1, 2, 3]'],
  ),
  bad(
    'for-in target at module scope (constant data)',
    dedent(`
      const defaults = { a: 1, b: 2 };
      let lastKey;

      export const handler = async () => {
        for (lastKey in defaults) {
          console.log(lastKey);
        }
      };

      export const key = () => lastKey;
    `),
    ['lastKey in defaults'],
  ),
  bad(
    'delete at depth: delete state.a.b.c',
    dedent(`
      const state = { a: { b: { c: 1 } } };

      export const handler = async () => {
        delete state.a.b.c;
      };

      export const deep = () => state.a.b;
    `),
    ['delete state.a.b.c'],
  ),
  bad(
    'property write at depth with a non-request value',
    dedent(`
      const state = { a: { b: { c: 0 } } };

      export const handler = async () => {
        state.a.b.c = Date.now();
      };

      export const deep = () => state.a.b.c;
    `),
    ['state.a.b.c = Date.now()'],
  ),
  bad(
    'reset-then-grow: buf = [] at entry, then push; both are plain writes',
    dedent(`
      let buf = [];

      export const handler = async (event) => {
        buf = [];
        for (const r of event.Records) buf.push(r.messageId ? 'seen' : 'unseen');
        return buf.length;
      };

      export const lastBatch = () => buf;
    `),
    [{ at: 'buf = [];', nth: 2 }, "buf.push(r.messageId ? 'seen' : 'unseen')"],
  ),
  bad(
    // The push stores request data, so it is no-request-data-in-module-scope's (most specific rule); only the reset is here.
    'reset-then-grow: buf.length = 0 at entry, then a push of request data',
    dedent(`
      const buf: string[] = [];

      export const handler = async (event) => {
        buf.length = 0;
        buf.push(event.body);
      };

      export const lastBatch = () => buf;
    `),
    ['buf.length = 0'],
  ),
  bad(
    'Map.set under a constant key with a non-request value',
    dedent(`
      const stats = new Map();

      export const handler = async () => {
        stats.set('lastRun', Date.now());
      };

      export const lastRun = () => stats.get('lastRun');
    `),
    ["stats.set('lastRun', Date.now())"],
  ),
  bad(
    'splice that removes',
    dedent(`
      const pending = ['a', 'b'];

      export const handler = async () => {
        pending.splice(0, 1);
      };

      export const left = () => pending;
    `),
    ['pending.splice(0, 1)'],
  ),
  bad(
    'Set.clear',
    dedent(`
      const seen = new Set();

      export const handler = async () => {
        seen.clear();
      };

      export const seenCount = () => seen.size;
    `),
    ['seen.clear()'],
  ),
  bad(
    'Array.shift',
    dedent(`
      const queue = ['a', 'b'];

      export const handler = async () => queue.shift();

      export const rest = () => queue;
    `),
    ['queue.shift()'],
  ),
  bad(
    'Array.sort sorts in place',
    dedent(`
      const names = ['b', 'a'];

      export const handler = async () => {
        names.sort();
        return names[0];
      };

      export const allNames = () => names;
    `),
    ['names.sort()'],
  ),
  bad(
    'Object.defineProperty on module state',
    dedent(`
      const target = {};

      export const handler = async () => {
        Object.defineProperty(target, 'ready', { value: true, configurable: true });
      };

      export const isReady = () => target.ready;
    `),
    ["Object.defineProperty(target, 'ready'"],
  ),
  bad(
    'Object.assign with constant data',
    dedent(`
      const config = { mode: 'cold' };

      export const handler = async () => {
        Object.assign(config, { mode: 'warm' });
      };

      export const mode = () => config.mode;
    `),
    ["Object.assign(config, { mode: 'warm' })"],
  ),
  bad(
    'alias property write',
    dedent(`
      const config = { mode: 'idle' };

      export const handler = async () => {
        const cfg = config;
        cfg.mode = 'busy';
      };

      export const mode = () => config.mode;
    `),
    ["cfg.mode = 'busy'"],
  ),
  bad(
    'helper bump() called from the handler: via bump()',
    dedent(`
      let calls = 0;

      function bump() {
        calls++;
      }

      export const handler = async () => {
        bump();
      };
    `),
    ['calls++'],
  ),
  bad(
    'write in a timer callback inside the handler',
    dedent(`
      let pendingTimers = 0;

      export const handler = async () => {
        setTimeout(() => {
          pendingTimers = 0;
        }, 10);
      };

      export const timers = () => pendingTimers;
    `),
    [{ at: 'pendingTimers = 0;', nth: 2 }],
  ),
  bad(
    'module object property with a non-request value; every use is inside',
    dedent(`
      const flags = { lastRun: 0 };

      export async function handler() {
        flags.lastRun = Date.now();
        return flags;
      }
    `),
    [
      {
        at: 'flags.lastRun = Date.now()',
        suggest: dedent(`
          export async function handler() {
            const flags = { lastRun: 0 };
            flags.lastRun = Date.now();
            return flags;
          }
        `),
      },
    ],
  ),
  bad(
    'handler method of a LambdaInterface class',
    dedent(`
      import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';

      let lastRunAt = 0;

      class Lambda implements LambdaInterface {
        public async handler(_event: unknown, _context: unknown): Promise<number> {
          lastRunAt = Date.now();
          return lastRunAt;
        }
      }

      const instance = new Lambda();
      export const handler = instance.handler.bind(instance);
      export const lastRun = () => lastRunAt;
    `),
    ['lastRunAt = Date.now()'],
  ),
  bad(
    'delete under a request key is eviction, still a write',
    dedent(`
      const sessions = {};

      export const handler = async (event) => {
        delete sessions[event.token];
      };

      export const sessionIds = () => Object.keys(sessions);
    `),
    ['delete sessions[event.token]'],
  ),
  bad(
    'constant index, constant value',
    dedent(`
      const slots = [0, 0];

      export const handler = async () => {
        slots[1] = 42;
      };

      export const second = () => slots[1];
    `),
    ['slots[1] = 42'],
  ),
  bad(
    'two handlers share the counter: both reported, no suggestion',
    dedent(`
      let n = 0;

      export const up = async (event, context) => {
        n++;
      };

      export const down = async (event, context) => {
        n--;
      };
    `),
    ['n++', 'n--'],
  ),
  bad(
    'module.exports = { handler } referencing a function declaration',
    dedent(`
      let lastStartedAt = 0;

      async function handler() {
        lastStartedAt = Date.now();
      }

      module.exports = { handler };
      module.exports.startedAt = () => lastStartedAt;
    `),
    ['lastStartedAt = Date.now()'],
    { languageOptions: { sourceType: 'commonjs' } },
  ),
  bad(
    'the latch flag is one-way, but a value written next to it unguarded is not',
    dedent(`
      let coldStart = true;
      let startedAt = 0;

      export const handler = async () => {
        coldStart = false;
        startedAt = Date.now();
      };

      export const info = () => ({ coldStart, startedAt });
    `),
    ['startedAt = Date.now()'],
  ),
  bad(
    'settings.handlers adds main',
    dedent(`
      let runs = 0;

      export async function main() {
        runs++;
      }

      export const runCount = () => runs;
    `),
    ['runs++'],
    { settings: { 'handler-state': { handlers: ['main'] } } },
  ),
  bad(
    'allow option that does not match still reports',
    dedent(`
      let hits = 0;

      export const handler = async () => {
        hits++;
      };

      export const hitCount = () => hits;
    `),
    ['hits++'],
    { options: [{ allow: ['misses', '/^metric/'] }] },
  ),
];

const cjsValid: RuleTester.ValidTestCase[] = [
  good(
    'callbackWaitsForEmptyEventLoop is a write to the context parameter',
    dedent(`
      exports.handler = function(event, context, callback) {
        context.callbackWaitsForEmptyEventLoop = false;
        callback(null, 'ok');
      };
    `),
  ),
  good(
    'lazy init in CommonJS: if (!client) { client = new C() }',
    dedent(`
      const { Client } = require('pg');
      let client;

      exports.handler = async (event) => {
        if (!client) {
          client = new Client();
          await client.connect();
        }
        return client.query('select 1', [event.id]);
      };
    `),
  ),
];

const valid: RuleTester.ValidTestCase[] = [
  good(
    'SDK client at module scope',
    dedent(`
      import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

      const s3 = new S3Client({});

      export const handler = async (event) => {
        const cmd = new PutObjectCommand({ Bucket: 'b', Key: event.key, Body: event.body });
        await s3.send(cmd);
      };
    `),
  ),
  good(
    'DB pool query',
    dedent(`
      import mysql from 'mysql2/promise';

      const pool = mysql.createPool({ uri: process.env.DB_URL });

      export const handler = async (event) => {
        const [rows] = await pool.query('select * from t where id = ?', [event.id]);
        return rows;
      };
    `),
  ),
  good(
    'redis client',
    dedent(`
      import Redis from 'ioredis';

      const redis = new Redis();

      export const handler = async (event) => {
        await redis.set(event.id, 'x');
      };
    `),
  ),
  good(
    'lazy init: if (!db) db = await connect()',
    dedent(`
      let db;

      export const handler = async (event) => {
        if (!db) db = await connect();
        return db.find(event.id);
      };
    `),
  ),
  good(
    'lazy init: db ??= …',
    dedent(`
      let db;

      export const handler = async (event) => {
        db ??= await connect();
        return db.find(event.id);
      };
    `),
  ),
  good(
    'lazy init: db ||= …',
    dedent(`
      let db = null;

      export const handler = async (event) => {
        db ||= await connect();
        return db.find(event.id);
      };
    `),
  ),
  good(
    'lazy init: if (db === undefined) db = …',
    dedent(`
      let db: Db | undefined;

      export const handler = async (event) => {
        if (db === undefined) db = await connect();
        return db.find(event.id);
      };
    `),
  ),
  good(
    'lazy init: cached = cached || load()',
    dedent(`
      let cached;

      export const handler = async () => {
        cached = cached || load();
        return cached;
      };
    `),
  ),
  good(
    'lazy init: client = client ?? new Client()',
    dedent(`
      let client;

      export const handler = async (event) => {
        client = client ?? new Client();
        return client.get(event.id);
      };
    `),
  ),
  good(
    'memoised promise',
    dedent(`
      let configPromise;

      export const handler = async (event) => {
        if (!configPromise) configPromise = loadConfig();
        const config = await configPromise;
        return config[event.key];
      };
    `),
  ),
  good(
    'lazy getter helper',
    dedent(`
      let client;

      function getClient() {
        if (!client) client = new ApiClient({ timeout: 3000 });
        return client;
      }

      export const handler = async (event) => getClient().fetch(event.id);
    `),
  ),
  good(
    'latch with an init inside: if (initialized) return; initialized = true',
    dedent(`
      let initialized = false;
      let config;

      async function ensureInit() {
        if (initialized) return;
        initialized = true;
        config = await loadConfig();
      }

      export const handler = async (event) => {
        await ensureInit();
        return config[event.key];
      };
    `),
  ),
  good(
    'cold-start latch, guarded',
    dedent(`
      let coldStart = true;

      export const handler = async () => {
        if (coldStart) {
          coldStart = false;
          metrics.add('ColdStart', 1);
        }
      };
    `),
  ),
  good(
    'cold-start latch, unguarded',
    dedent(`
      let isColdStart = true;

      export const handler = async () => {
        const cold = isColdStart;
        isColdStart = false;
        return { cold };
      };
    `),
  ),
  good(
    'init-time code: top-level helper calls and a map-filling loop',
    dedent(`
      const routes = new Map();
      let registered = 0;

      function route(path, fn) {
        routes.set(path, fn);
        registered++;
      }

      route('/a', () => 'a');
      route('/b', () => 'b');
      for (const p of ['/c', '/d']) routes.set(p, () => p);

      export const handler = async (event) => routes.get(event.path)?.();
    `),
  ),
  good(
    'shadowing: a local counter hides the module counter',
    dedent(`
      let count = 0;

      export const handler = async (event) => {
        let count = 0;
        for (const r of event.Records) count++;
        return count;
      };

      export const moduleCount = () => count;
    `),
  ),
  good(
    'non-mutating methods on module arrays',
    dedent(`
      const allowed = ['GET', 'POST'];

      export const handler = async (event) => {
        const upper = allowed.map((m) => m.toLowerCase());
        const ok = allowed.filter((m) => m === event.method).length > 0;
        return { upper, ok, first: allowed.slice(0, 1), more: allowed.concat(['PUT']) };
      };
    `),
  ),
  good(
    'type-only code',
    dedent(`
      import type { Context, Handler } from 'aws-lambda';

      interface State {
        count: number;
      }
      type Fn = Handler<unknown, State>;
      declare const VERSION: string;
      declare namespace Metrics {
        let counter: number;
      }
      export type { Context, Fn };
      export const version = () => VERSION;
    `),
  ),
  good(
    'exported utility is not a handler',
    dedent(`
      const plugins = [];
      let pluginCount = 0;

      export function registerPlugin(p) {
        plugins.push(p);
        pluginCount++;
      }
    `),
  ),
  good(
    'a file with no handler',
    dedent(`
      let ticks = 0;
      setInterval(() => {
        ticks++;
      }, 1000);
    `),
  ),
  good(
    'a writing function that no handler calls',
    dedent(`
      let resets = 0;

      function reset() {
        resets++;
      }

      export const handler = async () => ({ statusCode: 200 });
      void reset;
    `),
  ),
  good(
    'growth-kind write is no-unbounded-growth, not this rule',
    dedent(`
      const arrayB = [];

      export const handler = async () => {
        arrayB.push('B');
      };
    `),
  ),
  good(
    'cache-kind write is no-unbounded-cache, not this rule',
    dedent(`
      const CACHE = {};

      export const handler = async (event) => {
        CACHE[event.item] = await load(event.item);
      };
    `),
  ),
  good(
    'request-data write is no-request-data-in-module-scope, not this rule',
    dedent(`
      const state = {};

      export const handler = async (event) => {
        state.user = event.user;
      };
    `),
  ),
  good(
    'latch set to true after a guarded init',
    dedent(`
      let initialized = false;

      export const handler = async (event) => {
        if (!initialized) {
          await warmUp();
          initialized = true;
        }
        return event.id;
      };
    `),
  ),
  good(
    'lazy getter arrow with ??= (memoised promise)',
    dedent(`
      let configPromise;

      const getConfig = () => (configPromise ??= loadConfig());

      export const handler = async (event) => (await getConfig())[event.key];
    `),
  ),
  good(
    'lazy init: if (!client) { client = … } with a type annotation',
    dedent(`
      import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

      let client: SecretsManagerClient | undefined;

      export const handler = async (event) => {
        if (!client) {
          client = new SecretsManagerClient({});
        }
        return client.send(event.command);
      };
    `),
  ),
  good(
    'allow option by exact name',
    dedent(`
      let invocations = 0;

      export const handler = async () => {
        invocations++;
      };
    `),
    { options: [{ allow: ['invocations'] }] },
  ),
  good(
    'allow option by regular expression',
    dedent(`
      let metricRequests = 0;

      export const handler = async () => {
        metricRequests++;
      };
    `),
    { options: [{ allow: ['/^metric/'] }] },
  ),
];

ruleTester.run('no-module-state-write', rule as never, { valid, invalid });
cjsRuleTester.run('no-module-state-write (commonjs)', rule as never, { valid: cjsValid, invalid: cjsInvalid });

const lint = (code: string, sourceType: 'module' | 'commonjs' = 'module') => lintWithRule(rule, code, sourceType);

describe('no-module-state-write messages', () => {
  it('names str and the handler of seed 001', () => {
    const messages = lint(SEED_001_STR, 'commonjs');
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('str');
    expect(messages[0].message).toContain('handler');
  });

  it('names the exported name of seed 000 (test)', () => {
    const messages = lint(SEED_000, 'commonjs');
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message.message).toContain('arrayA');
      expect(message.message).toContain('`test`');
    }
  });

  it('names the helper in between', () => {
    const messages = lint(
      dedent(`
        let calls = 0;
        function bump() {
          calls++;
        }
        export const handler = async () => {
          bump();
        };
      `),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('calls');
    expect(messages[0].message).toContain('via `bump()`');
  });
});
