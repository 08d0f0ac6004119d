// RuleTester suite for no-unbounded-growth: module-scope collections and strings that a handler grows per invocation.
import type { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-unbounded-growth.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';
import { caseBuilders } from '../helpers/cases.js';
import { lintWithRule } from '../helpers/lint.js';
import { SEED_000, SEED_000_ARRAY_B_MOVED } from '../helpers/seeds.js';
import { dedent } from '../helpers/source.js';

const { bad, good } = caseBuilders('unboundedGrowth');

const cjsInvalid: RuleTester.InvalidTestCase[] = [
  bad('seed 000 verbatim: arrayB grows, arrayA is reset every invocation', SEED_000, [
    { at: 'arrayB.push("B")', suggest: SEED_000_ARRAY_B_MOVED },
  ]),
  bad(
    'global.log = global.log || []; the || is lazy init, the push is growth',
    dedent(`
      exports.handler = async (event) => {
        const q = event.queryStringParameters.q;
        global.log = global.log || [];
        global.log.push(q);
        return { ok: true };
      };
    `),
    ['global.log.push(q)'],
  ),
  bad(
    'module.exports = { consume } with the Lambda signature',
    dedent(`
      const received = [];

      async function consume(event, context) {
        received.push(event.id);
        return received.length;
      }

      module.exports = { consume };
    `),
    [
      {
        at: 'received.push(',
        suggest: dedent(`
          async function consume(event, context) {
            const received = [];
            received.push(event.id);
            return received.length;
          }

          module.exports = { consume };
        `),
      },
    ],
  ),
  bad(
    'exports.X = function (evt, ctx, cb) — Lambda signature with short names; every use is inside',
    dedent(`
      const pending = [];

      exports.consume = function (evt, ctx, cb) {
        pending.push(evt.id);
        cb(null, pending.length);
      };
    `),
    [
      {
        at: 'pending.push(',
        suggest: dedent(`
          exports.consume = function (evt, ctx, cb) {
            const pending = [];
            pending.push(evt.id);
            cb(null, pending.length);
          };
        `),
      },
    ],
  ),
  bad(
    'module.exports.handler arrow pushing from a nested function',
    dedent(`
      var trail = [];

      module.exports.handler = async (event) => {
        function remember(value) {
          trail.push(value);
        }
        for (const record of event.Records) remember(record.body);
      };

      module.exports.trailLength = () => trail.length;
    `),
    ['trail.push(value)'],
  ),
];

const invalid: RuleTester.InvalidTestCase[] = [
  bad(
    'a collection exported from a namespace grows through the namespace object',
    dedent(`
      namespace Registry {
        export const items: string[] = [];
      }

      export const handler = async (event: { id: string }) => {
        Registry.items.push(event.id);
      };
    `),
    [{ at: 'Registry.items.push(event.id)' }],
  ),
  bad(
    'Set.add of a request id; every use is inside the handler',
    dedent(`
      const seen = new Set<string>();

      export const handler = async (event: { id: string }) => {
        if (seen.has(event.id)) return { duplicate: true };
        seen.add(event.id);
        return { duplicate: false };
      };
    `),
    [
      {
        at: 'seen.add(event.id)',
        suggest: dedent(`
          export const handler = async (event: { id: string }) => {
            const seen = new Set<string>();
            if (seen.has(event.id)) return { duplicate: true };
            seen.add(event.id);
            return { duplicate: false };
          };
        `),
      },
    ],
  ),
  bad(
    'ids = [...ids, id] re-assigns a bigger array',
    dedent(`
      let ids: string[] = [];

      export const handler = async (event) => {
        const id = event.pathParameters.id;
        ids = [...ids, id];
        return { count: ids.length };
      };

      export function recentIds() {
        return ids.slice(-10);
      }
    `),
    ['ids = [...ids, id]'],
  ),
  bad(
    'log += line on a module string',
    dedent(`
      let log = '';

      export const handler = async (event) => {
        const line = \`\${new Date().toISOString()} \${event.path}\\n\`;
        log += line;
        return { statusCode: 200 };
      };

      export const dump = () => log;
    `),
    ['log += line'],
  ),
  bad(
    'log = log + line is the same growth as +=',
    dedent(`
      let transcript = '';

      export const handler = async (event) => {
        transcript = transcript + event.body;
        return { size: transcript.length };
      };

      export const readTranscript = () => transcript;
    `),
    ['transcript = transcript + event.body'],
  ),
  bad(
    'ids = ids.concat(more) re-assigns a bigger array',
    dedent(`
      let known: string[] = [];

      export const handler = async (event) => {
        known = known.concat(event.ids);
        return known.length;
      };

      export const knownIds = () => known;
    `),
    ['known = known.concat('],
  ),
  bad(
    'unshift on a module array',
    dedent(`
      const recent: string[] = [];

      export async function handler(event) {
        recent.unshift(event.requestContext.requestId);
        return recent.length;
      }

      export const peek = () => recent[0];
    `),
    ['recent.unshift('],
  ),
  bad(
    'push with spread of the batch',
    dedent(`
      const inbox = [];

      export const handler = async (event) => {
        inbox.push(...event.Records);
      };

      export const inboxSize = () => inbox.length;
    `),
    ['inbox.push(...event.Records)'],
  ),
  bad(
    'helper track() called from the handler: reported at the push, via track()',
    dedent(`
      const history = [];

      function track(e) {
        history.push(e);
      }

      export const handler = async (event) => {
        track(event);
        return { statusCode: 204 };
      };
    `),
    ['history.push(e)'],
  ),
  bad(
    'transitive helpers: handler -> record() -> remember()',
    dedent(`
      const audit = [];

      function remember(entry) {
        audit.push(entry);
      }

      function record(event) {
        remember({ at: Date.now(), path: event.path });
      }

      export const handler = async (event) => {
        record(event);
      };
    `),
    ['audit.push(entry)'],
  ),
  bad(
    'mutual recursion terminates and reports the push once',
    dedent(`
      const visited = [];

      function walk(node) {
        visited.push(node.id);
        for (const child of node.children ?? []) visitChild(child);
      }

      function visitChild(child) {
        walk(child);
      }

      export const handler = async (event) => {
        walk(event.tree);
      };
    `),
    ['visited.push(node.id)'],
  ),
  bad(
    'nested callback: event.Records.forEach(r => seen.add(r.id))',
    dedent(`
      const seen = new Set();

      export const handler = async (event) => {
        event.Records.forEach((r) => seen.add(r.id));
      };
    `),
    [
      {
        at: 'seen.add(r.id)',
        suggest: dedent(`
          export const handler = async (event) => {
            const seen = new Set();
            event.Records.forEach((r) => seen.add(r.id));
          };
        `),
      },
    ],
  ),
  bad(
    'for-of loop inside the handler',
    dedent(`
      const processedIds: string[] = [];

      export const handler = async (event) => {
        for (const record of event.Records) {
          processedIds.push(record.messageId);
        }
      };

      export const processedCount = () => processedIds.length;
    `),
    ['processedIds.push('],
  ),
  bad(
    'push inside a .then() callback',
    dedent(`
      const rowsSeen = [];

      export const handler = async (event) => {
        await fetchRows(event.table).then((rows) => {
          rowsSeen.push(...rows);
        });
      };

      export const rowsSeenCount = () => rowsSeen.length;
    `),
    ['rowsSeen.push('],
  ),
  bad(
    'alias: const list = items; list.push(x)',
    dedent(`
      const items = [];

      export const handler = async (event) => {
        const list = items;
        list.push(event.body);
        return list.length;
      };
    `),
    [
      {
        at: 'list.push(event.body)',
        suggest: dedent(`
          export const handler = async (event) => {
            const items = [];
            const list = items;
            list.push(event.body);
            return list.length;
          };
        `),
      },
    ],
  ),
  bad(
    'class static array member',
    dedent(`
      class Registry {
        static entries: string[] = [];
      }

      export const handler = async (event) => {
        Registry.entries.push(event.source);
      };
    `),
    ['Registry.entries.push('],
  ),
  bad(
    'handler named lambdaHandler with no parameters',
    dedent(`
      const timestamps: number[] = [];

      export const lambdaHandler = async () => {
        timestamps.push(Date.now());
        return timestamps.length;
      };

      export const last = () => timestamps.at(-1);
    `),
    ['timestamps.push('],
  ),
  bad(
    'handler typed with an aws-lambda type',
    dedent(`
      import type { SQSHandler } from 'aws-lambda';

      const batches = [];

      export const main: SQSHandler = async (records) => {
        batches.push(records);
      };

      export const batchCount = () => batches.length;
    `),
    ['batches.push(records)'],
  ),
  bad(
    'export function handler declaration',
    dedent(`
      const buffer: string[] = [];

      export function handler(event) {
        buffer.push(JSON.stringify(event));
        return buffer.length;
      }

      export function flushSize() {
        return buffer.length;
      }
    `),
    ['buffer.push('],
  ),
  bad(
    'wrapped by middy(); the base function is the handler',
    dedent(`
      import middy from '@middy/core';

      const calls = [];

      const base = async (request) => {
        calls.push(request.path);
        return { statusCode: 200 };
      };

      export const main = middy(base);
      export const callCount = () => calls.length;
    `),
    ['calls.push('],
  ),
  bad(
    'wrapped by Sentry.wrapHandler()',
    dedent(`
      import * as Sentry from '@sentry/aws-serverless';

      const hits = [];

      export const run = Sentry.wrapHandler(async (req) => {
        hits.push(req.id);
      });

      export const hitCount = () => hits.length;
    `),
    ['hits.push('],
  ),
  bad(
    'wrapped by awslambda.streamifyResponse()',
    dedent(`
      const chunks = [];

      export const stream = awslambda.streamifyResponse(async (request, responseStream) => {
        chunks.push(request.body);
        responseStream.end();
      });

      export const chunkCount = () => chunks.length;
    `),
    ['chunks.push('],
  ),
  bad(
    'wrapped by datadog()',
    dedent(`
      import { datadog } from 'datadog-lambda-js';

      const samples = [];

      async function main(input) {
        samples.push(input.value);
      }

      export const ingest = datadog(main);
      export const sampleCount = () => samples.length;
    `),
    ['samples.push('],
  ),
  bad(
    'handler method of a class implementing LambdaInterface, exported through an instance',
    dedent(`
      import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';

      const processed = [];

      class Lambda implements LambdaInterface {
        public async handler(input: unknown): Promise<void> {
          processed.push(input);
        }
      }

      const lambda = new Lambda();
      export const handler = lambda.handler.bind(lambda);
      export const processedCount = () => processed.length;
    `),
    ['processed.push(input)'],
  ),
  bad(
    'export { run as handler }',
    dedent(`
      const seenPaths = [];

      async function run(req) {
        seenPaths.push(req.path);
      }

      export { run as handler };
      export const paths = () => seenPaths;
    `),
    ['seenPaths.push('],
  ),
  bad(
    'Lambda signature with _event/_context',
    dedent(`
      const ticks = [];

      export const consume = async (_event, _context) => {
        ticks.push(1);
      };

      export const tickCount = () => ticks.length;
    `),
    ['ticks.push(1)'],
  ),
  bad(
    'settings.handlers adds the name main',
    dedent(`
      const queue = [];

      export async function main(input) {
        queue.push(input.id);
      }

      export const depth = () => queue.length;
    `),
    ['queue.push('],
    { settings: { 'handler-state': { handlers: ['main'] } } },
  ),
  bad(
    'settings.handlers per file glob',
    dedent(`
      const done = [];

      export async function run(job) {
        done.push(job.id);
      }

      export const doneCount = () => done.length;
    `),
    ['done.push('],
    {
      filename: 'src/jobs/nightly.ts',
      settings: { 'handler-state': { handlers: [{ files: '**/jobs/*.ts', names: ['run'] }] } },
    },
  ),
  bad(
    'helper written as an expression-bodied arrow const',
    dedent(`
      const events = [];

      const track = (e) => events.push(e.type);

      export const handler = async (event) => {
        track(event);
      };
    `),
    ['events.push(e.type)'],
  ),
  bad(
    'helper passed by reference to forEach is called from the handler',
    dedent(`
      const history = [];

      function track(record) {
        history.push(record.messageId);
      }

      export const handler = async (event) => {
        event.Records.forEach(track);
      };
    `),
    ['history.push(record.messageId)'],
  ),
  bad(
    'a helper called at top level AND from the handler is request-time code',
    dedent(`
      const plugins = [];

      function register(plugin) {
        plugins.push(plugin);
      }

      register({ name: 'core' });

      export const handler = async (event) => {
        register(event.plugin);
      };
    `),
    ['plugins.push(plugin)'],
  ),
  bad(
    'module.exports = { handler: fn } with an inline function',
    dedent(`
      const lines = [];

      module.exports = {
        handler: async (event) => {
          lines.push(event.line);
        },
      };

      module.exports.lineCount = () => lines.length;
    `),
    ['lines.push(event.line)'],
    { languageOptions: { sourceType: 'commonjs' } },
  ),
  bad(
    'exports.handler = async function handler(event) — named function expression',
    dedent(`
      const received = [];

      exports.handler = async function handler(event) {
        received.push(event.id);
      };

      exports.receivedCount = () => received.length;
    `),
    ['received.push(event.id)'],
    { languageOptions: { sourceType: 'commonjs' } },
  ),
  bad(
    'aws-lambda type through a namespace import',
    dedent(`
      import type * as AWSLambda from 'aws-lambda';

      const batches = [];

      export const consumeQueue: AWSLambda.SQSHandler = async (input) => {
        batches.push(input.Records.length);
      };

      export const batchSizes = () => batches;
    `),
    ['batches.push(input.Records.length)'],
  ),
  bad(
    'aws-lambda Handler type with satisfies',
    dedent(`
      import type { Handler } from 'aws-lambda';

      const jobs = [];

      export const runJob = (async (job) => {
        jobs.push(job.id);
      }) satisfies Handler;

      export const jobCount = () => jobs.length;
    `),
    ['jobs.push(job.id)'],
  ),
  bad(
    'two handlers share the array: both pushes reported, no suggestion',
    dedent(`
      const log = [];

      export const create = async (event, context) => {
        log.push(['create', event.id]);
      };

      export const remove = async (event, context) => {
        log.push(['remove', event.id]);
      };
    `),
    ["log.push(['create'", "log.push(['remove'"],
  ),
  bad(
    'settings.wrappers adds a user wrapper',
    dedent(`
      import { withTracing } from './tracing.js';

      const spans = [];

      export const main = withTracing(async (input) => {
        spans.push(input.traceId);
      });

      export const spanCount = () => spans.length;
    `),
    ['spans.push(input.traceId)'],
    { settings: { 'handler-state': { wrappers: ['withTracing'] } } },
  ),
  bad(
    'malformed settings: one settingsError at 1:1, the growth is still reported',
    dedent(`
      const seenIds = new Set();

      export const handler = async (event) => {
        seenIds.add(event.id);
      };

      export const seenCount = () => seenIds.size;
    `),
    [{ messageId: 'settingsError', line: 1, column: 1 }, 'seenIds.add('],
    { settings: { 'handler-state': { handlers: 5 } } },
  ),
  bad(
    'malformed settings in a file with no findings: only the settingsError',
    dedent(`
      export const handler = async () => ({ statusCode: 200 });
    `),
    [{ messageId: 'settingsError', line: 1, column: 1 }],
    { settings: { 'handler-state': { handlers: 5 } } },
  ),
];

const cjsValid: RuleTester.ValidTestCase[] = [
  good(
    'seed 000 without arrayB: arrayA is reset unconditionally every invocation',
    dedent(`
      'use strict';

      var arrayA = [];

      module.exports.test = (event, context, callback) => {
        var arrayC = [];
        arrayA.push("A");
        arrayC.push("C");
        console.log("Array A:", arrayA);
        arrayA = [];
        arrayC = [];
        callback(null);
      };
    `),
  ),
  good(
    'global.log = global.log || [] alone is lazy init',
    dedent(`
      exports.handler = async () => {
        global.log = global.log || [];
        return global.log.length;
      };
    `),
  ),
  good(
    'a non-exported function named handler is not a handler',
    dedent(`
      const items = [];
      function handler(event) {
        items.push(event);
      }
      setImmediate(() => console.log(items.length, typeof handler));
    `),
  ),
];

const valid: RuleTester.ValidTestCase[] = [
  good(
    'reset at entry (buf = []) then push',
    dedent(`
      let buf = [];

      export const handler = async (event) => {
        buf = [];
        for (const r of event.Records) buf.push(r.body);
        return buf.join('\\n');
      };
    `),
  ),
  good(
    'reset at entry (buf.length = 0) then push',
    dedent(`
      const buf: string[] = [];

      export const handler = async (event) => {
        buf.length = 0;
        buf.push(event.body);
        return buf.length;
      };
    `),
  ),
  good(
    'arrays created inside the handler (seed 000 arrayC/arrayD)',
    dedent(`
      export const handler = async (event, context, callback) => {
        const arrayC = [];
        const arrayD = [];
        arrayC.push('C');
        arrayD.push(event.d);
        callback(null, [arrayC, arrayD]);
      };
    `),
  ),
  good(
    'shadowing: local items hides module items',
    dedent(`
      const items = [];

      export const handler = async (event) => {
        const items = [];
        items.push(event.body);
        return items;
      };

      export const moduleItems = () => items;
    `),
  ),
  good(
    'shadowing by a handler parameter',
    dedent(`
      const list = [];

      export const handler = async (event, list = []) => {
        list.push(event.id);
        return list;
      };

      export const globalList = () => list;
    `),
  ),
  good(
    'non-mutating methods: map/filter/slice/concat/join/includes',
    dedent(`
      const routes = ['a', 'b', 'c'];
      const known = new Set(['x']);
      const lookup = new Map([['k', 1]]);

      export const handler = async (event) => {
        const upper = routes.map((r) => r.toUpperCase());
        const some = routes.filter((r) => r !== event.skip).slice(0, 2);
        const all = routes.concat(event.extra ?? []);
        const has = known.has(event.id) || routes.includes(event.route);
        return { upper, some, all, has, joined: routes.join(','), v: lookup.get(event.key) };
      };
    `),
  ),
  good(
    'init-time: module-level loop pushes and fills a map',
    dedent(`
      const registry = [];
      const byName = new Map();
      for (const name of ['alpha', 'beta']) {
        registry.push(name);
        byName.set(name, name.length);
      }

      export const handler = async (event) => ({ known: registry.includes(event.name), len: byName.get(event.name) });
    `),
  ),
  good(
    'init-time: top-level calls to a helper that pushes',
    dedent(`
      const plugins = [];

      function register(plugin) {
        plugins.push(plugin);
      }

      register({ name: 'auth' });
      register({ name: 'cors' });

      export const handler = async (event) => {
        for (const plugin of plugins) await plugin.run?.(event);
      };
    `),
  ),
  good(
    'exported utility registerPlugin(p) is not a handler',
    dedent(`
      const plugins = [];

      export function registerPlugin(p) {
        plugins.push(p);
      }

      export const handler = async (event) => plugins.map((p) => p.name === event.plugin);
    `),
  ),
  good(
    'a file with no handler',
    dedent(`
      const lines = [];
      process.stdin.on('data', (chunk) => lines.push(String(chunk)));
      process.stdin.on('end', () => console.log(lines.join('')));
    `),
  ),
  good(
    'a pushing function that no handler calls',
    dedent(`
      const dumps = [];

      function debugDump(value) {
        dumps.push(value);
      }

      export const handler = async (event) => ({ statusCode: 200, body: event.body });
      void debugDump;
    `),
  ),
  good(
    'cache-kind write is reported by no-unbounded-cache, not here',
    dedent(`
      const CACHE = {};

      export const handler = async (event) => {
        CACHE[event.item] = await load(event.item);
        return CACHE[event.item];
      };
    `),
  ),
  good(
    'request-data write is reported by no-request-data-in-module-scope, not here',
    dedent(`
      const state = { user: null };

      export const handler = async (event) => {
        state.user = event.requestContext.authorizer.principalId;
      };
    `),
  ),
  good(
    'counter is a plain write (strict rule), not growth',
    dedent(`
      let invocations = 0;

      export const handler = async () => {
        invocations++;
        return invocations;
      };
    `),
  ),
  good(
    'shrinking calls are not growth: shift/pop/delete',
    dedent(`
      const queue = ['a', 'b'];
      const seen = new Set(['x']);

      export const handler = async (event) => {
        queue.shift();
        queue.pop();
        seen.delete(event.id);
      };
    `),
  ),
  good(
    'bounded cache from lru-cache',
    dedent(`
      import { LRUCache } from 'lru-cache';

      const cache = new LRUCache<string, string>({ max: 500 });

      export const handler = async (event) => {
        cache.set(event.id, event.body);
      };
    `),
  ),
  good(
    'push onto a local copy of module data',
    dedent(`
      const defaults = ['a'];

      export const handler = async (event) => {
        const copy = [...defaults];
        copy.push(event.extra);
        return copy;
      };
    `),
  ),
  good(
    'push onto the event itself',
    dedent(`
      export const handler = async (event) => {
        event.Records.push({ synthetic: true });
        return event.Records.length;
      };
    `),
  ),
  good(
    'latch: if (initialized) return; initialized = true, with the init push inside',
    dedent(`
      let initialized = false;
      const plugins = [];

      async function init() {
        if (initialized) return;
        initialized = true;
        plugins.push(await loadPlugin());
      }

      export const handler = async (event) => {
        await init();
        return plugins.length + event.n;
      };
    `),
  ),
  good(
    'type-only code',
    dedent(`
      import type { Handler } from 'aws-lambda';

      export interface Queue {
        items: string[];
        push(item: string): void;
      }
      export type Consumer = Handler<{ items: string[] }, void>;
      declare module 'shared-state' {
        export const items: string[];
      }
      declare function enqueue(item: string): void;
    `),
  ),
  good(
    'settings glob does not match this file, so run is not a handler',
    dedent(`
      const done = [];

      export async function run(job) {
        done.push(job.id);
      }
    `),
    {
      filename: 'src/api/users.ts',
      settings: { 'handler-state': { handlers: [{ files: '**/jobs/*.ts', names: ['run'] }] } },
    },
  ),
  good(
    'a callback parameter shadows the module array',
    dedent(`
      const items = [];

      export const handler = async (event) => {
        event.groups.forEach((items) => items.push('seen'));
      };

      export const moduleItems = () => items;
    `),
  ),
  good(
    'odd export shapes are skipped, never thrown on',
    dedent(`
      const items = [];
      export const handler = globalThis.makeHandler?.(items);
      export const { other } = { other: 1 };
      export * from './elsewhere.js';
      export { default as legacy } from './legacy.js';
      export const Klass = class {
        run(event) {
          items.push(event);
        }
      };
    `),
  ),
  good(
    'without settings.wrappers an unknown wrapper of a non-Lambda-shaped function is not a handler',
    dedent(`
      import { withTracing } from './tracing.js';

      const spans = [];

      export const main = withTracing(async (input) => {
        spans.push(input.traceId);
      });

      export const spanCount = () => spans.length;
    `),
  ),
  good(
    "a collection in a declared (ambient) namespace is not this module's state",
    dedent(`
      declare namespace Ambient {
        const items: string[];
      }

      export const handler = async (event: { id: string }) => {
        Ambient.items.push(event.id);
      };
    `),
  ),
  good(
    'allow option exempts the named collection',
    dedent(`
      const metrics = [];

      export const handler = async (event) => {
        metrics.push(event.duration);
      };
    `),
    { options: [{ allow: ['metrics'] }] },
  ),
  good(
    'allow option with a regular expression',
    dedent(`
      const debugLog = [];

      export const handler = async (event) => {
        debugLog.push(event.path);
      };
    `),
    { options: [{ allow: ['/^debug/'] }] },
  ),
];

ruleTester.run('no-unbounded-growth', rule as never, { valid, invalid });
cjsRuleTester.run('no-unbounded-growth (commonjs)', rule as never, { valid: cjsValid, invalid: cjsInvalid });

const lint = (code: string) => lintWithRule(rule, code);

describe('no-unbounded-growth messages', () => {
  it('names the variable, the handler and the helper in between', () => {
    const messages = lint(
      dedent(`
        const history = [];

        function track(e) {
          history.push(e);
        }

        export const handler = async (event) => {
          track(event);
        };
      `),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('history');
    expect(messages[0].message).toContain('handler');
    expect(messages[0].message).toContain('via `track()`');
  });

  it('names every helper of a transitive path', () => {
    const messages = lint(
      dedent(`
        const audit = [];
        function remember(entry) {
          audit.push(entry);
        }
        function record(event) {
          remember(event.path);
        }
        export const lambdaHandler = async (event) => {
          record(event);
        };
      `),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('audit');
    expect(messages[0].message).toContain('lambdaHandler');
    expect(messages[0].message).toContain('`record()`');
    expect(messages[0].message).toContain('`remember()`');
  });

  it('says nothing about a helper when the write is in the handler itself', () => {
    const messages = lint(
      dedent(`
        const seen = new Set();
        export const handler = async (event) => {
          seen.add(event.id);
        };
        export const size = () => seen.size;
      `),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain('seen');
    expect(messages[0].message).not.toContain(' via ');
  });
});
