// Red-team RuleTester cases for the four state rules, written from the issue 2 spec: one classification per write site.
import type { Rule, RuleTester as ESLintRuleTester } from 'eslint';
import { afterAll, beforeAll, describe, it } from 'vitest';
import cacheRule from '../../src/rules/no-unbounded-cache.js';
import growthRule from '../../src/rules/no-unbounded-growth.js';
import requestDataRule from '../../src/rules/no-request-data-in-module-scope.js';
import writeRule from '../../src/rules/no-module-state-write.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';

// The shared analysis swallows its own exceptions (a rule must never crash a lint run); here we want to see them,
// because a swallowed exception silently drops every finding of the file.
const previousDebug = process.env.HANDLER_STATE_DEBUG;
beforeAll(() => {
  process.env.HANDLER_STATE_DEBUG = '1';
});
afterAll(() => {
  if (previousDebug === undefined) delete process.env.HANDLER_STATE_DEBUG;
  else process.env.HANDLER_STATE_DEBUG = previousDebug;
});

type Kind = 'cache' | 'growth' | 'data' | 'write';

const RULES: Record<Kind, { name: string; rule: Rule.RuleModule; messageId: string }> = {
  cache: { name: 'no-unbounded-cache', rule: cacheRule as unknown as Rule.RuleModule, messageId: 'unboundedCache' },
  growth: { name: 'no-unbounded-growth', rule: growthRule as unknown as Rule.RuleModule, messageId: 'unboundedGrowth' },
  data: {
    name: 'no-request-data-in-module-scope',
    rule: requestDataRule as unknown as Rule.RuleModule,
    messageId: 'requestDataInModuleScope',
  },
  write: {
    name: 'no-module-state-write',
    rule: writeRule as unknown as Rule.RuleModule,
    messageId: 'moduleStateWrite',
  },
};

interface Site {
  kind: Kind;
  /** Source text the report starts at: the start of the write expression (or destructuring / loop target). */
  at: string;
  nth?: number;
  /** Whether the "move the declaration into the handler" suggestion is expected (every use inside that handler). */
  move?: boolean;
}

interface Case {
  name: string;
  code: string;
  /** Every expected report, across the four rules; a case with none is valid for all four. */
  sites?: Site[];
  cjs?: boolean;
  /** Path the file is linted as (for `handlers: [{ files, names }]` settings). */
  filename?: string;
  settings?: Record<string, unknown>;
  /** Rules whose outcome the spec leaves open for this case; they are not run. */
  unspecified?: Kind[];
  /** `KNOWN GAP: …` — the spec'd expectation the analysis does not meet yet; the case is skipped, not bent. */
  gap?: string;
}

type SiteOptions = Pick<Site, 'nth' | 'move'>;
const C = (at: string, o: SiteOptions = {}): Site => ({ kind: 'cache', at, ...o });
const G = (at: string, o: SiteOptions = {}): Site => ({ kind: 'growth', at, ...o });
const D = (at: string, o: SiteOptions = {}): Site => ({ kind: 'data', at, ...o });
const W = (at: string, o: SiteOptions = {}): Site => ({ kind: 'write', at, ...o });

/** 1-based line and column of the nth occurrence of `needle`. */
function at(source: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = source.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`fixture has no occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  const before = source.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** Runs every case against each of the four rules, with the reports of that rule's kind as its expected errors. */
function runCases(group: string, cases: Case[]): void {
  describe(group, () => {
    for (const kind of Object.keys(RULES) as Kind[]) {
      const { name, rule, messageId } = RULES[kind];
      for (const cjs of [false, true]) {
        const valid: ESLintRuleTester.ValidTestCase[] = [];
        const invalid: ESLintRuleTester.InvalidTestCase[] = [];
        for (const c of cases) {
          if (Boolean(c.cjs) !== cjs || c.gap || c.unspecified?.includes(kind)) continue;
          const base = {
            name: c.name,
            code: c.code,
            ...(c.filename ? { filename: c.filename } : {}),
            ...(c.settings ? { settings: { 'handler-state': c.settings } } : {}),
          };
          const sites = (c.sites ?? []).filter((site) => site.kind === kind);
          if (sites.length === 0) {
            valid.push(base);
            continue;
          }
          invalid.push({
            ...base,
            errors: sites
              .map((site) => ({ site, ...at(c.code, site.at, site.nth) }))
              .sort((a, b) => a.line - b.line || a.column - b.column)
              .map(({ site, line, column }) => ({ messageId, line, column, suggestions: site.move ? 1 : 0 })),
          });
        }
        if (valid.length + invalid.length === 0) continue;
        (cjs ? cjsRuleTester : ruleTester).run(`${name}${cjs ? ' (cjs)' : ''}`, rule, { valid, invalid });
      }
    }
    for (const c of cases) {
      if (c.gap) it.skip(`${c.name} — ${c.gap}`, () => {});
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
runCases('handler shapes', [
  {
    name: 'module.exports = { handler } with a function declared before',
    cjs: true,
    code: `const seen = [];
async function handler(event) {
  seen.push(event.id);
  return { ok: true };
}
module.exports = { handler };`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'module.exports.handler = async function named(event) {}',
    cjs: true,
    code: `var items = [];
module.exports.handler = async function process(event) {
  items.push(1);
};`,
    sites: [G('items.push', { move: true })],
  },
  {
    name: 'export { main as handler } with a non-event parameter',
    code: `const log = [];
async function main(input) {
  log.push(input.id);
}
export { main as handler };`,
    sites: [G('log.push', { move: true })],
  },
  {
    name: 'exports.handler = exports.other = fn reports the write once',
    cjs: true,
    code: `const list = [];
exports.handler = exports.other = function (input) {
  list.push(input);
};`,
    sites: [G('list.push', { move: true })],
  },
  {
    name: 'async function handler(event, context) exported later by assignment',
    cjs: true,
    code: `let count = 0;
async function handler(event, context) {
  count++;
  return context.awsRequestId;
}
exports.handler = handler;`,
    sites: [W('count++', { move: true })],
  },
  {
    name: 'exports.handler assigned before the hoisted function declaration',
    cjs: true,
    code: `exports.handler = handler;
const recent = [];
function handler(event, context, callback) {
  recent.push(event);
  callback(null);
}`,
    sites: [G('recent.push', { move: true })],
  },
  {
    name: 'export default async function with the Lambda signature',
    code: `const hits = [];
export default async function (event) {
  hits.push(event.path);
}`,
    sites: [G('hits.push', { move: true })],
  },
  {
    name: 'module.exports = arrow with (event, context)',
    cjs: true,
    code: `let last;
module.exports = async (event, context) => {
  last = event;
};`,
    sites: [D('last = event', { move: true })],
  },
  {
    name: 'export default of a non-handler utility stays quiet',
    code: `const registry = [];
export default function register(plugin) {
  registry.push(plugin);
}`,
  },
  {
    name: 'export const main: Handler<APIGatewayProxyEvent, APIGatewayProxyResult>',
    code: `import type { Handler, APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
const paths: string[] = [];
export const main: Handler<APIGatewayProxyEvent, APIGatewayProxyResult> = async (e) => {
  paths.push(e.path);
  return { statusCode: 200, body: '' };
};`,
    sites: [G('paths.push', { move: true })],
  },
  {
    name: 'import * as lambda from aws-lambda, typed lambda.Handler',
    code: `import * as lambda from 'aws-lambda';
let lastBody: string | null = null;
export const main: lambda.Handler = async (req) => {
  lastBody = req.body;
};`,
    sites: [D('lastBody = req.body', { move: true })],
  },
  {
    name: 'APIGatewayProxyHandler typed arrow with an unconventional parameter name',
    code: `import { APIGatewayProxyHandler } from 'aws-lambda';
const state = { last: '' };
export const api: APIGatewayProxyHandler = async (e) => {
  state.last = e.body ?? '';
  return { statusCode: 200, body: '' };
};`,
    sites: [D('state.last =', { move: true })],
  },
  {
    name: 'middy chain middy(base).use(x()).use(y()) under a non-handler name',
    code: `import middy from '@middy/core';
import jsonBodyParser from '@middy/http-json-body-parser';
import errors from '@middy/http-error-handler';
const audit = [];
const base = async (req) => {
  audit.push(req.body);
  return { statusCode: 204 };
};
export const main = middy(base).use(jsonBodyParser()).use(errors());`,
    sites: [G('audit.push', { move: true })],
  },
  {
    name: 'Sentry.AWSLambda.wrapHandler(async (req) => …) under a non-handler name',
    code: `import * as Sentry from '@sentry/serverless';
const seen = new Set();
export const main = Sentry.AWSLambda.wrapHandler(async (req) => {
  seen.add(req.id);
});`,
    sites: [G('seen.add', { move: true })],
  },
  {
    name: 'export const handler = Sentry.AWSLambda.wrapHandler(async (event) => …)',
    code: `import * as Sentry from '@sentry/serverless';
let current;
export const handler = Sentry.AWSLambda.wrapHandler(async (event) => {
  current = event.requestContext.authorizer.principalId;
});`,
    sites: [D('current =', { move: true })],
  },
  {
    name: 'awslambda.streamifyResponse(async (event, responseStream) => …)',
    code: `const chunks = [];
export const handler = awslambda.streamifyResponse(async (event, responseStream) => {
  chunks.push(event.body);
  responseStream.end();
});`,
    sites: [G('chunks.push', { move: true })],
  },
  {
    name: 'datadog(fn) with a counter',
    code: `import { datadog } from 'datadog-lambda-js';
let invocations = 0;
async function work(input) {
  invocations++;
}
export const main = datadog(work);`,
    sites: [W('invocations++', { move: true })],
  },
  {
    name: 'module.exports = { handler: someWrapper(fn) } with an unknown wrapper',
    cjs: true,
    code: `const hits = [];
module.exports = {
  handler: withLogging(async (e) => {
    hits.push(e);
  }),
};`,
    sites: [G('hits.push', { move: true })],
  },
  {
    name: 'LambdaInterface class exported through a bound instance',
    code: `import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
const calls: number[] = [];
class Lambda implements LambdaInterface {
  public async handler(payload: unknown, _context: unknown): Promise<void> {
    calls.push(Date.now());
  }
}
const instance = new Lambda();
export const handler = instance.handler.bind(instance);`,
    sites: [G('calls.push', { move: true })],
  },
  {
    name: 'handlers setting adds an export name',
    settings: { handlers: ['run'] },
    code: `const queue = [];
export async function run(job) {
  queue.push(job);
}`,
    sites: [G('queue.push', { move: true })],
  },
  {
    name: 'exported utility that is not a handler stays quiet (registerPlugin)',
    code: `const plugins = [];
export function registerPlugin(p) {
  plugins.push(p);
}
export const handler = async (event) => plugins.length;`,
  },
  {
    name: 'two handlers calling the same helper: one report for the one write site',
    code: `const trail = [];
function track(entry) {
  trail.push(entry);
}
export const handler = async (event) => {
  track(event.path);
};
export const lambdaHandler = async (event) => {
  track(event.path);
};`,
    sites: [G('trail.push')],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
runCases('write forms', [
  {
    name: 'optional chaining state?.items?.push(x)',
    code: `const state = { items: [] };
export const handler = async (event) => {
  state?.items?.push(1);
};`,
    sites: [G('state?.items?.push', { move: true })],
  },
  {
    name: 'TS non-null cache!.set(event.id, v) on a Map',
    code: `let cache: Map<string, string> | undefined = new Map();
export const handler = async (event: { id: string }) => {
  cache!.set(event.id, 'seen');
};`,
    sites: [C('cache!.set', { move: true })],
  },
  {
    name: '(items as string[]).push(x)',
    code: `const items: unknown = [];
export const handler = async (event) => {
  (items as string[]).push('x');
};`,
    sites: [G('(items as string[]).push', { move: true })],
  },
  {
    name: 'parenthesised receiver ((items)).push(x)',
    code: `const items = [];
export const handler = async (event) => {
  ((items)).push('x');
};`,
    sites: [G('((items)).push', { move: true })],
  },
  {
    name: 'arr[arr.length] = x is growth',
    code: `const arr = [];
export const handler = async (event) => {
  arr[arr.length] = event.id;
};`,
    sites: [G('arr[arr.length] =', { move: true })],
  },
  {
    name: 'Object.defineProperty(globalThis, name, { value: event }) stores request data',
    code: `export const handler = async (event) => {
  Object.defineProperty(globalThis, 'lastEvent', { value: event, configurable: true });
};`,
    sites: [D('Object.defineProperty')],
  },
  {
    name: 'Object.defineProperty on a module object with request data',
    code: `const config = {};
export const handler = async (event) => {
  Object.defineProperty(config, 'tenant', { value: event.tenant, configurable: true });
};`,
    sites: [D('Object.defineProperty', { move: true })],
  },
  {
    name: 'Object.assign(globalThis, { user: event.user })',
    code: `export const handler = async (event) => {
  Object.assign(globalThis, { user: event.user });
};`,
    sites: [D('Object.assign')],
  },
  {
    name: 'Reflect.set(config, key, event.user)',
    code: `const config = {};
export const handler = async (event) => {
  Reflect.set(config, 'user', event.user);
};`,
    sites: [D('Reflect.set', { move: true })],
  },
  {
    name: 'delete cache[event.id] is a plain write (eviction, not a cache fill)',
    code: `const cache = {};
export const handler = async (event) => {
  delete cache[event.id];
};`,
    sites: [W('delete cache', { move: true })],
  },
  {
    name: 'tenant ??= event.tenant is request data, not lazy init',
    code: `let tenant;
export const handler = async (event) => {
  tenant ??= event.headers['x-tenant'];
  return tenant;
};`,
    sites: [D('tenant ??=', { move: true })],
  },
  {
    name: 'x ||= event.y is request data',
    code: `let region;
export const handler = async (event) => {
  region ||= event.region;
};`,
    sites: [D('region ||=', { move: true })],
  },
  {
    name: 'x &&= event.y is request data',
    code: `let flag = true;
export const handler = async (event) => {
  flag &&= event.enabled;
};`,
    sites: [D('flag &&=', { move: true })],
  },
  {
    name: 'nested counter stats.hits++',
    code: `const stats = { hits: 0 };
export const handler = async (event) => {
  stats.hits++;
};`,
    sites: [W('stats.hits++', { move: true })],
  },
  {
    name: 'stats[event.route]++ fills one slot per distinct route (cache)',
    code: `const stats = {};
export const handler = async (event) => {
  stats[event.route]++;
};`,
    sites: [C('stats[event.route]++', { move: true })],
  },
  {
    name: 'stats[event.route] += 1 fills one slot per distinct route (cache)',
    code: `const stats = {};
export const handler = async (event) => {
  stats[event.route] += 1;
};`,
    sites: [C('stats[event.route] +=', { move: true })],
  },
  {
    name: 'stats[event.route] = (stats[event.route] ?? 0) + 1 (cache)',
    code: `const stats = {};
export const handler = async (event) => {
  stats[event.route] = (stats[event.route] ?? 0) + 1;
};`,
    sites: [C('stats[event.route] =', { move: true })],
  },
  {
    name: 'for-in over a module object writing back constants',
    code: `const counters = { a: 1, b: 2 };
export const handler = async (event) => {
  for (const key in counters) counters[key] = 0;
};`,
    sites: [W('counters[key] = 0', { move: true })],
  },
  {
    name: 'spread growth list = [...list, x]',
    code: `let list = [];
export const handler = async (event) => {
  list = [...list, event.id];
};`,
    sites: [G('list = [...', { move: true })],
  },
  {
    name: 'str = str.concat(x) is growth',
    code: `let str = '';
export const handler = async (event) => {
  str = str.concat(event.line);
};`,
    sites: [G('str = str', { move: true })],
  },
  {
    name: 'log = log + line is growth',
    code: `let log = '';
export const handler = async (event) => {
  log = log + event.line + '\\n';
};`,
    sites: [G('log = log', { move: true })],
  },
  {
    name: "log += 'x' on a string is growth",
    code: `let log = '';
export const handler = async (event) => {
  log += 'x';
};`,
    sites: [G('log +=', { move: true })],
  },
  {
    name: 'total += event.amount on a number is request data',
    code: `let total = 0;
export const handler = async (event) => {
  total += event.amount;
};`,
    sites: [D('total +=', { move: true })],
  },
  {
    name: 'destructuring assignment ({ user: current } = event)',
    code: `let current;
export const handler = async (event) => {
  ({ user: current } = event);
};`,
    sites: [D('current }', { move: true })],
  },
  {
    name: 'array destructuring [first, second] = event.items: one report per target',
    code: `let first;
let second;
export const handler = async (event) => {
  [first, second] = event.items;
};`,
    sites: [D('first,', { move: true }), D('second]', { move: true })],
  },
  {
    name: 'for-of with a module-scope loop variable',
    code: `let last;
export const handler = async (event) => {
  for (last of event.Records) {
    console.log(last);
  }
};`,
    sites: [D('last of', { move: true })],
  },
  {
    name: 'write through a local alias',
    code: `const items = [];
export const handler = async (event) => {
  const list = items;
  list.push(event.id);
};`,
    sites: [G('list.push', { move: true })],
  },
  {
    name: 'write through a destructured alias',
    code: `const state = { users: [] };
export const handler = async (event) => {
  const { users } = state;
  users.push(event.user);
};`,
    sites: [G('users.push', { move: true })],
  },
  {
    name: 'deep property write state.a.b.c = event.x',
    code: `const state = { a: { b: {} } };
export const handler = async (event) => {
  state.a.b.c = event.x;
};`,
    sites: [D('state.a.b.c', { move: true })],
  },
  {
    name: 'seed: global.log = global.log || []; global.log.push(q)',
    cjs: true,
    code: `exports.handler = async (event) => {
  global.log = global.log || [];
  global.log.push(event.query);
};`,
    sites: [G('global.log.push')],
  },
  {
    name: 'implicit global assignment',
    cjs: true,
    code: `exports.handler = function (event, context) {
  lastUser = event.user;
  context.succeed();
};`,
    sites: [D('lastUser =')],
  },
  {
    name: 'process.env.X = event.tenant',
    code: `export const handler = async (event) => {
  process.env.TENANT = event.tenant;
};`,
    sites: [D('process.env.TENANT =')],
  },
  {
    name: 'class static collection Registry.items.push',
    code: `class Registry {
  static items = [];
}
export const handler = async (event) => {
  Registry.items.push(event.id);
};`,
    sites: [G('Registry.items.push')],
  },
  {
    name: 'splice that inserts grows',
    code: `const items = [];
export const handler = async (event) => {
  items.splice(0, 0, event.id);
};`,
    sites: [G('items.splice', { move: true })],
  },
  {
    name: 'sort() is a plain write',
    code: `const items = [3, 1, 2];
export const handler = async (event) => {
  items.sort();
  return items[0];
};`,
    sites: [W('items.sort', { move: true })],
  },
  {
    name: 'Set.add with request data is growth, not request data',
    code: `const seen = new Set();
export const handler = async (event) => {
  seen.add(event.id);
};`,
    sites: [G('seen.add', { move: true })],
  },
  {
    name: 'Map.set with request key is cache, not request data',
    code: `const sessions = new Map();
export const handler = async (event) => {
  const token = event.headers.authorization;
  sessions.set(token, event.user);
};`,
    sites: [C('sessions.set', { move: true })],
  },
  {
    name: 'Map.set under a constant key with a non-request value',
    code: `const meta = new Map();
export const handler = async (event) => {
  meta.set('lastRun', Date.now());
};`,
    sites: [W('meta.set', { move: true })],
  },
  {
    name: 'Map.set under a constant key with request data',
    code: `const latest = new Map();
export const handler = async (event) => {
  latest.set('user', event.user);
};`,
    sites: [D('latest.set', { move: true })],
  },
  {
    name: 'object spread with a request-derived computed key is a cache',
    code: `let cache = {};
export const handler = async (event) => {
  cache = { ...cache, [event.id]: true };
};`,
    sites: [C('cache = { ...', { move: true })],
  },
  {
    name: 'settings = { ...settings, ...event.overrides } is request data',
    code: `let settings = { a: 1 };
export const handler = async (event) => {
  settings = { ...settings, ...event.overrides };
};`,
    sites: [D('settings = { ...', { move: true })],
  },
  {
    name: 'Object.assign(config, event.overrides)',
    code: `const config = { currency: 'EUR' };
export const handler = async (event) => {
  Object.assign(config, event.overrides);
};`,
    sites: [D('Object.assign', { move: true })],
  },
  {
    name: "globalThis['lastEvent'] = event",
    code: `export const handler = async (event) => {
  globalThis['lastEvent'] = event;
};`,
    sites: [D('globalThis[')],
  },
  {
    name: 'CACHE[event.item] = item on a typed Record',
    code: `let cache: Record<string, number> = {};
export const handler = async (event: { id: string }) => {
  cache[event.id] = 1;
};`,
    sites: [C('cache[event.id]', { move: true })],
  },
  {
    name: 'for-of over Object.entries(event.headers) copying into a module object: cache',
    code: `const headers = {};
export const handler = async (event) => {
  for (const [name, value] of Object.entries(event.headers)) headers[name] = value;
};`,
    sites: [C('headers[name]', { move: true })],
  },
  {
    name: 'key wrapped in String(event.id) is still a request key',
    code: `const byId = {};
export const handler = async (event) => {
  byId[String(event.id)] = Date.now();
};`,
    sites: [C('byId[', { move: true })],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
runCases('growth bounds and resets', [
  {
    name: 'reset at entry then push: reset is a write, push does not grow',
    code: `let batch = [];
export const handler = async (event) => {
  batch = [];
  batch.push(1);
};`,
    sites: [W('batch = []', { nth: 2, move: true }), W('batch.push', { move: true })],
  },
  {
    name: 'length = 0 at entry then push',
    code: `const buf = [];
export const handler = async (event) => {
  buf.length = 0;
  buf.push('x');
};`,
    sites: [W('buf.length', { move: true }), W('buf.push', { move: true })],
  },
  {
    name: 'reset at entry then push request data: push stores request data',
    code: `let batch = [];
export const handler = async (event) => {
  batch = [];
  for (const record of event.Records) batch.push(record.body);
  return batch.length;
};`,
    sites: [W('batch = []', { nth: 2, move: true }), D('batch.push', { move: true })],
  },
  {
    name: 'conditional reset does not bound the growth',
    code: `let buf = [];
export const handler = async (event) => {
  if (event.reset) buf = [];
  buf.push(1);
};`,
    sites: [W('buf = []', { nth: 2, move: true }), G('buf.push', { move: true })],
  },
  {
    name: 'reset inside a function that is never called does not bound the growth',
    code: `const trail = [];
function unused() {
  trail.length = 0;
}
export const handler = async (event) => {
  trail.push(event.path);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'size-capped buffer: shift and push are both ordinary writes',
    code: `const recent = [];
export const handler = async (event) => {
  if (recent.length > 100) recent.shift();
  recent.push(1);
};`,
    sites: [W('recent.shift', { move: true }), W('recent.push', { move: true })],
  },
  {
    name: 'cache with eviction: set is request data (value comes from the request)',
    code: `const cache = new Map();
export const handler = async (event) => {
  if (cache.size > 100) cache.clear();
  const value = await load(event.id);
  cache.set(event.id, value);
};`,
    sites: [W('cache.clear', { move: true }), D('cache.set', { move: true })],
  },
  {
    name: 'lazy init of a collection, then growth',
    code: `let queue;
export const handler = async (event) => {
  queue ??= [];
  queue.push(event.id);
};`,
    sites: [G('queue.push', { move: true })],
  },
  {
    name: 'lru-cache instance is quiet in the recommended rules',
    unspecified: ['write'],
    code: `import { LRUCache } from 'lru-cache';
const cache = new LRUCache({ max: 100 });
export const handler = async (event) => {
  cache.set(event.id, Date.now());
};`,
  },
  {
    name: 'quick-lru default import is quiet in the recommended rules',
    unspecified: ['write'],
    code: `import QuickLRU from 'quick-lru';
const lru = new QuickLRU({ maxSize: 1000 });
export const handler = async (event) => {
  lru.set(event.id, 1);
};`,
  },
  {
    name: '@isaacs/ttlcache via require is quiet in the recommended rules',
    cjs: true,
    unspecified: ['write'],
    code: `const TTLCache = require('@isaacs/ttlcache');
const ttl = new TTLCache({ max: 10, ttl: 1000 });
exports.handler = async (event) => {
  ttl.set(event.id, 1);
};`,
  },
  {
    name: 'boundedCaches setting: computed-key write on a configured factory is only a strict write',
    settings: { boundedCaches: ['createLimitedCache'] },
    code: `const store = createLimitedCache(500);
export const handler = async (event) => {
  store[event.id] = 1;
};`,
    sites: [W('store[event.id]', { move: true })],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
runCases('lazy init and latches', [
  {
    name: 'if (!client) { client = new X(); }',
    code: `import { S3Client } from '@aws-sdk/client-s3';
let client;
export const handler = async (event) => {
  if (!client) {
    client = new S3Client({});
  }
  return client.send(event.command);
};`,
  },
  {
    name: 'client = client ?? new X()',
    code: `let client;
export const handler = async (event) => {
  client = client ?? new Client();
};`,
  },
  {
    name: 'return client ??= new X() in a helper',
    code: `let client;
function getClient() {
  return client ??= new Client();
}
export const handler = async (event) => getClient().get(event.id);`,
  },
  {
    name: 'if (client) return client; client = await create(); return client;',
    code: `let client;
async function getClient() {
  if (client) return client;
  client = await createClient(process.env.URL);
  return client;
}
export const handler = async (event) => {
  const c = await getClient();
  return c.query(event.sql);
};`,
  },
  {
    name: 'memoised promise (p ??= connect())',
    code: `let ready;
const init = () => (ready ??= connect());
export const handler = async (event) => {
  await init();
};`,
  },
  {
    name: 'if (x === undefined) and == null guards',
    code: `let config;
let pool;
export const handler = async (event) => {
  if (config === undefined) config = await loadConfig();
  if (pool == null) pool = createPool();
};`,
  },
  {
    name: "typeof x === 'undefined' guard",
    code: `let cached;
export const handler = async (event) => {
  if (typeof cached === 'undefined') cached = await loadTable();
  return cached[event.key];
};`,
  },
  {
    name: 'client ||= new X()',
    code: `let client;
export const handler = async (event) => {
  client ||= new Client();
};`,
  },
  {
    name: 'lazy init with follow-up property writes inside the guard',
    code: `let config;
export const handler = async (event) => {
  if (!config) {
    config = await loadConfig();
    config.loadedAt = Date.now();
  }
};`,
  },
  {
    name: 'lazy init inside try inside the guard',
    code: `let pool;
export const handler = async (event) => {
  if (!pool) {
    try {
      pool = await createPool();
    } catch (error) {
      console.error(error);
    }
  }
};`,
  },
  {
    name: 'init flag guarding several assignments, flag set inside',
    code: `let initialized = false;
let db;
let cache;
export const handler = async (event) => {
  if (!initialized) {
    db = await connect();
    cache = await warm();
    initialized = true;
  }
};`,
  },
  {
    name: 'lazy init with a request-derived argument is request data',
    code: `let db;
export const handler = async (event) => {
  if (!db) db = await connect(event.tenant);
};`,
    sites: [D('db = await', { move: true })],
  },
  {
    name: 'lazy init in a helper with a request-derived argument',
    code: `let client;
function getClient(region) {
  if (!client) client = new S3Client({ region });
  return client;
}
export const handler = async (event) => getClient(event.region);`,
    sites: [D('client = new')],
  },
  {
    name: 'return client ??= new X(event.region)',
    code: `let client;
export const handler = async (event) => {
  return (client ??= new Client(event.region));
};`,
    sites: [D('client ??=', { move: true })],
  },
  {
    name: 'memoised promise with request data',
    code: `let ready;
export const handler = async (event) => {
  await (ready ??= connect(event.tenant));
};`,
    sites: [D('ready ??=', { move: true })],
  },
  {
    name: 'else branch of a lazy-init guard runs on every warm invocation',
    code: `let client;
export const handler = async (event) => {
  if (!client) client = new Client();
  else client = new OtherClient();
};`,
    sites: [W('client = new OtherClient', { move: true })],
  },
  {
    name: 'cold-start latch',
    code: `let isCold = true;
export const handler = async (event) => {
  if (isCold) {
    console.log('cold');
    isCold = false;
  }
};`,
  },
  {
    name: 'latch false -> true without a guard',
    code: `let warm = false;
export const handler = async (event) => {
  const wasWarm = warm;
  warm = true;
  return wasWarm;
};`,
  },
  {
    name: 'flag toggled both ways is a strict write at each site',
    code: `let busy = false;
export const handler = async (event) => {
  busy = true;
  await work();
  busy = false;
};`,
    sites: [W('busy = true', { move: true }), W('busy = false;\n}', { move: true })],
  },
  {
    name: 'flag set to request data is request data',
    code: `let debug = false;
export const handler = async (event) => {
  debug = event.debug;
};`,
    sites: [D('debug = event', { move: true })],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
runCases('request data flows', [
  {
    name: 'through JSON.parse(event.body)',
    code: `let lastBody;
export const handler = async (event) => {
  const body = JSON.parse(event.body);
  lastBody = body;
};`,
    sites: [D('lastBody =', { move: true })],
  },
  {
    name: 'destructured handler parameters with a context parameter',
    code: `let lastHeaders;
export const handler = async ({ body, headers }, context) => {
  lastHeaders = headers;
};`,
    sites: [D('lastHeaders =', { move: true })],
  },
  {
    name: 'destructured context parameter',
    code: `let requestId;
export const handler = async (event, { awsRequestId }) => {
  requestId = awsRequestId;
};`,
    sites: [D('requestId =', { move: true })],
  },
  {
    name: 'context.awsRequestId',
    code: `let requestId;
export const handler = async (event, context) => {
  requestId = context.awsRequestId;
};`,
    sites: [D('requestId =', { move: true })],
  },
  {
    name: 'records.forEach callback parameter',
    code: `let lastRecord;
export const handler = async (event) => {
  event.Records.forEach((r) => {
    lastRecord = r;
  });
};`,
    sites: [D('lastRecord =', { move: true })],
  },
  {
    name: '.then callback on a request-derived call',
    code: `let latest;
export const handler = async (event) => {
  await fetch(event.url).then((res) => {
    latest = res;
  });
};`,
    sites: [D('latest =', { move: true })],
  },
  {
    name: 'helper with taint in a non-first parameter',
    code: `const store = {};
function save(kind, payload) {
  store.last = payload;
}
export const handler = async (event) => {
  save('order', event.body);
};`,
    sites: [D('store.last')],
  },
  {
    name: 'helper with an untainted parameter is a plain write',
    code: `const store = {};
function save(kind, payload) {
  store.kind = kind;
}
export const handler = async (event) => {
  save('order', event.body);
};`,
    sites: [W('store.kind')],
  },
  {
    name: 'template string with request data',
    code: `let current;
export const handler = async (event) => {
  current = \`\${event.user}:\${Date.now()}\`;
};`,
    sites: [D('current =', { move: true })],
  },
  {
    name: 'await of a call with request data',
    code: `let profile;
export const handler = async (event) => {
  profile = await loadProfile(event.userId);
};`,
    sites: [D('profile =', { move: true })],
  },
  {
    name: 'Date.now() is not request data',
    code: `let lastRun;
export const handler = async (event) => {
  lastRun = Date.now();
};`,
    sites: [W('lastRun =', { move: true })],
  },
  {
    name: 'a constant is not request data',
    code: `let mode = 'slow';
export const handler = async (event) => {
  mode = 'fast';
};`,
    sites: [W('mode =', { nth: 2, move: true })],
  },
  {
    name: 'module constant copied into module state is not request data',
    code: `const REGION = process.env.AWS_REGION;
const config = {};
export const handler = async (event) => {
  config.region = REGION;
};`,
    sites: [W('config.region', { move: true })],
  },
  {
    name: 'helper receiving the whole event, via path',
    code: `let last;
function remember(e) {
  last = e.requestContext.requestId;
}
export const handler = async (event) => {
  remember(event);
};`,
    sites: [D('last =')],
  },
  {
    name: 'seed 001 CACHE with a db callback',
    cjs: true,
    code: `var CACHE = {};
exports.handler = function (event, context) {
  if (CACHE[event.item]) return context.succeed(CACHE[event.item]);
  db.find(event.item, function (err, item) {
    if (err) return;
    CACHE[event.item] = item;
    context.succeed(item);
  });
};`,
    sites: [C('CACHE[event.item] = item', { move: true })],
  },
  {
    name: 'local variable reassigned with request data',
    code: `let current;
export const handler = async (event) => {
  let x = 'anon';
  if (event.user) x = event.user;
  current = x;
};`,
    sites: [D('current =', { move: true })],
  },
  {
    name: 'request data through a nested helper chain: handler -> a -> b',
    code: `const state = {};
function b(v) {
  state.v = v;
}
function a(v) {
  b(v.trim());
}
export const handler = async (event) => {
  a(event.name);
};`,
    sites: [D('state.v')],
  },
  {
    name: 'helper called from top level and from the handler is request-time code',
    code: `const seen = [];
function track(x) {
  seen.push(x);
}
track('boot');
export const handler = async (event) => {
  track(event.id);
};`,
    sites: [G('seen.push')],
  },
  {
    name: 'helper called only at top level is start-up code',
    code: `const routes = new Map();
function register(path, fn) {
  routes.set(path, fn);
}
register('/health', () => 'ok');
export const handler = async (event) => routes.get(event.path)?.();`,
  },
  {
    name: 'async callback passed to the SDK, writing a closure capturing request data',
    code: `const pending = [];
export const handler = async (event) => {
  pending.push(() => reply(event));
};`,
    sites: [G('pending.push', { move: true })],
  },
  {
    name: 'request data stored through a class static setter method (this)',
    code: `class Current {
  static user = null;
  static set(user) {
    this.user = user;
  }
}
export const handler = async (event) => {
  Current.set(event.user);
};`,
    sites: [D('this.user')],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
runCases('precision traps', [
  {
    name: 'Redis client .set(event.key, …) on an SDK instance',
    code: `import { createClient } from 'redis';
const redis = createClient({ url: process.env.REDIS_URL });
export const handler = async (event) => {
  await redis.set(event.key, event.value);
  await redis.del(event.old);
};`,
  },
  {
    name: 'Memcached client .set with a callback',
    cjs: true,
    code: `const Memcached = require('memcached');
const mc = new Memcached(process.env.MEMCACHED);
exports.handler = (event, context, callback) => {
  mc.set(event.key, event.value, 60, (err) => callback(err));
};`,
  },
  {
    name: 'fetch, console.log and logger calls with request data',
    code: `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger();
export const handler = async (event) => {
  console.log(event);
  logger.info('received', { event });
  return fetch(event.url, { method: 'POST', body: JSON.stringify(event) });
};`,
  },
  {
    name: 'Powertools metrics.addMetric and tracer annotations',
    code: `import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';
const metrics = new Metrics({ namespace: 'orders' });
const tracer = new Tracer();
export const handler = async (event) => {
  metrics.addMetric('Orders', MetricUnit.Count, 1);
  tracer.putAnnotation('orderId', event.id);
};`,
  },
  {
    name: 'SDK client.send with request data',
    code: `import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({});
export const handler = async (event) => {
  await ddb.send(new PutItemCommand({ TableName: process.env.TABLE, Item: event.item }));
};`,
  },
  {
    name: 'unknown store class .set/.add/.delete is not a Map write',
    code: `import Keyv from 'keyv';
const store = new Keyv();
const bag = createBag();
export const handler = async (event) => {
  await store.set(event.id, event.body);
  bag.add(event.id);
  await store.delete(event.old);
};`,
  },
  {
    name: 'local array shadowing a module array',
    code: `const items = [];
export const handler = async (event) => {
  const items = [];
  items.push(event.id);
  return items;
};`,
  },
  {
    name: 'callback parameter shadowing a module array',
    code: `const items = [];
export const handler = async (event) => {
  return event.Records.map((items) => {
    items.push(1);
    return items;
  });
};`,
  },
  {
    name: 'helper parameter shadowing a module array, called with a local array',
    code: `const items = [];
function add(items, x) {
  items.push(x);
}
export const handler = async (event) => {
  const local = [];
  add(local, event.id);
  return local;
};`,
  },
  {
    name: 'module array only read',
    code: `const allowed = ['a', 'b'];
export const handler = async (event) => ({
  ok: allowed.includes(event.kind),
  first: allowed[0],
  n: allowed.length,
  all: allowed.slice(),
  mapped: allowed.map((x) => x + event.kind),
  joined: allowed.concat(event.extra ?? []),
});`,
  },
  {
    name: 'module Map only read via get/has',
    code: `const routes = new Map([['/a', 1]]);
export const handler = async (event) => (routes.has(event.path) ? routes.get(event.path) : null);`,
  },
  {
    name: 'module state written only at start-up by a loop',
    cjs: true,
    code: `const table = {};
const allowed = new Set();
for (const name of (process.env.NAMES || '').split(',')) {
  table[name] = true;
  allowed.add(name);
}
exports.handler = async (event) => ({ ok: Boolean(table[event.name]) && allowed.has(event.name) });`,
  },
  {
    name: 'exported function writing state that no handler calls',
    code: `const items = [];
export function reset() {
  items.length = 0;
}
export function add(item) {
  items.push(item);
}
export const handler = async (event) => items.length;`,
  },
  {
    name: 'type-only file',
    code: `import type { APIGatewayProxyHandler } from 'aws-lambda';
export type State = { items: string[] };
export interface Cache { [key: string]: string }
export type MyHandler = APIGatewayProxyHandler;`,
  },
  {
    name: 'declare global with a handler that only reads it',
    code: `declare global {
  var requestCount: number;
}
export const handler = async (event) => ({ statusCode: 200, body: String(globalThis.requestCount) });`,
  },
  {
    name: 'enum and namespace read by a handler',
    code: `enum Status { Ok = 200, Missing = 404 }
namespace Config {
  export const retries = 3;
}
export const handler = async (event) => ({ statusCode: event.id ? Status.Ok : Status.Missing, retries: Config.retries });`,
  },
  {
    name: 'local Map per invocation',
    code: `export const handler = async (event) => {
  const cache = new Map();
  cache.set(event.id, 1);
  const seen = new Set();
  seen.add(event.id);
  return cache.size + seen.size;
};`,
  },
  {
    name: 'local alias reassigned to a fresh array before the push',
    code: `const items = [];
export const handler = async (event) => {
  let list = items;
  list = [];
  list.push(event.id);
  return list;
};`,
  },
  {
    name: 'writes to a fresh object derived from module state (spread copy)',
    code: `const defaults = { a: 1 };
export const handler = async (event) => {
  const copy = { ...defaults };
  copy.user = event.user;
  const arr = [...(event.items ?? [])];
  arr.push(1);
  return copy;
};`,
  },
  {
    name: 'AsyncLocalStorage run/getStore',
    code: `import { AsyncLocalStorage } from 'node:async_hooks';
const als = new AsyncLocalStorage();
export const handler = async (event, context) =>
  als.run({ requestId: context.awsRequestId }, () => als.getStore());`,
  },
  {
    name: 'writes inside a non-exported function that nothing calls',
    code: `const items = [];
function neverCalled(event) {
  items.push(event);
}
export const handler = async (event) => ({ statusCode: 200 });`,
  },
  {
    name: 'no handler in the file at all',
    code: `const items = [];
export function collect(x) {
  items.push(x);
}`,
  },
]);

// ---------------------------------------------------------------------------------------------------------------
runCases('robustness', [
  {
    name: 'with statement in sloppy CommonJS',
    cjs: true,
    unspecified: ['write', 'data'],
    code: `var obj = { x: 1 };
exports.handler = function (event, context) {
  with (obj) {
    x = event.y;
  }
};`,
  },
  {
    name: 'eval in a handler does not hide the push',
    code: `const items = [];
export const handler = async (event) => {
  eval('1 + 1');
  items.push(1);
};`,
    sites: [G('items.push', { move: true })],
  },
  {
    name: 'getters and setters on a module object',
    code: `const obj = {
  get size() {
    return 1;
  },
  set size(v) {},
};
export const handler = async (event) => {
  obj.extra = event.id;
  return obj.size;
};`,
    sites: [D('obj.extra', { move: true })],
  },
  {
    name: 'computed class members',
    code: `const key = 'k';
class K {
  [key] = 1;
  static [Symbol.iterator]() {}
  static count = 0;
}
export const handler = async (event) => {
  K.count = event.n;
};`,
    sites: [D('K.count')],
  },
  {
    name: 'generator helper that grows state',
    code: `const items = [];
function* gen(n) {
  for (let i = 0; i < n; i++) yield items.push(i);
}
export const handler = async (event) => {
  for (const x of gen(3)) console.log(x);
};`,
    sites: [G('items.push')],
  },
  {
    name: 'async generator handler',
    code: `const seen = [];
export async function* handler(event) {
  seen.push(event.id);
  yield 1;
}`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'labels and continue',
    code: `let hits = 0;
export const handler = async (event) => {
  outer: for (const a of event.a) {
    for (const b of a) {
      if (b) continue outer;
      hits++;
    }
  }
};`,
    sites: [W('hits++', { move: true })],
  },
  {
    name: 'arguments object in a handler',
    unspecified: ['data', 'write'],
    code: `let last;
export function handler(event) {
  last = arguments[0];
}`,
  },
  {
    name: 're-declared var',
    cjs: true,
    code: `var items = [];
var items = [];
exports.handler = function (event, context) {
  items.push(event.id);
};`,
    sites: [G('items.push')],
  },
  {
    name: 'mutual recursion between helpers both writing state',
    code: `const logA = [];
const logB = [];
function a(n) {
  if (n > 0) b(n - 1);
  logA.push(n);
}
function b(n) {
  if (n > 0) a(n - 1);
  logB.push(n);
}
export const handler = async (event) => {
  a(event.depth);
};`,
    sites: [G('logA.push'), G('logB.push')],
  },
  {
    name: 'a handler that calls itself',
    code: `const hits = [];
export const handler = async (event) => {
  hits.push(1);
  if (event.retry) return handler({ ...event, retry: false });
};`,
    sites: [G('hits.push', { move: true })],
  },
  {
    name: 'self-referencing object and odd shapes',
    code: `const a = {};
a.self = a;
const weird = [, , 1];
let v = void 0;
export const handler = async (event) => {
  a.self.self.self.x = event.x;
};`,
    sites: [D('a.self.self.self.x')],
  },
  {
    name: 'sequence expressions and comma in assignments',
    code: `let a;
let b;
export const handler = async (event) => {
  (a = 1), (b = event.b);
};`,
    sites: [W('a = 1', { move: true }), D('b = event', { move: true })],
  },
  {
    name: 'class expression assigned to a module variable with a static block',
    code: `const Holder = class {
  static items = [];
  static {
    this.items.push('boot');
  }
};
export const handler = async (event) => {
  Holder.items.push(event.id);
};`,
    sites: [G('Holder.items.push', { move: true })],
  },
  {
    name: 'dynamic import and top-level await',
    code: `const mod = await import('./config.js');
const items = [];
export const handler = async (event) => {
  const m = await import(event.module);
  items.push(m);
};`,
    sites: [G('items.push', { move: true })],
  },
  {
    name: 'tagged template, new.target, optional call',
    code: `let last;
export const handler = async (event) => {
  last = tag\`\${event.id}\`;
  event.cb?.();
};`,
    sites: [D('last =', { move: true })],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// Round 2: more handler shapes, keyed writes, lazy-init and flow corners.
runCases('handler shapes (2)', [
  {
    name: 'module.exports = { async handler(event) {} } method shorthand',
    cjs: true,
    code: `const ids = [];
module.exports = {
  async handler(event) {
    ids.push(event.id);
  },
};`,
    sites: [G('ids.push', { move: true })],
  },
  {
    name: "exports['handler'] = fn (string-literal member)",
    cjs: true,
    code: `const ids = [];
exports['handler'] = async (input) => {
  ids.push(input.id);
};`,
    sites: [G('ids.push', { move: true })],
  },
  {
    name: 'SQSHandler with a destructured first parameter',
    code: `import type { SQSHandler } from 'aws-lambda';
let lastIds: string[] = [];
export const consume: SQSHandler = async ({ Records }) => {
  lastIds = Records.map((r) => r.messageId);
};`,
    sites: [D('lastIds =', { move: true })],
  },
  {
    name: 'handler named `handler` with a non-conventional parameter name',
    code: `let lastRequest;
export const getLast = () => lastRequest;
export const handler = async (request) => {
  lastRequest = request;
};`,
    sites: [D('lastRequest =', {})],
  },
  {
    name: 'export { main as handler, main as lambdaHandler }: one report',
    code: `const seen = new Set();
async function main(e) {
  seen.add(e.id);
}
export { main as handler, main as lambdaHandler };`,
    sites: [G('seen.add', { move: true })],
  },
  {
    name: 'middy().use(x()).handler(fn) (middy v4+ API) under a non-handler name',
    code: `import middy from '@middy/core';
import jsonBodyParser from '@middy/http-json-body-parser';
const seen = [];
export const main = middy()
  .use(jsonBodyParser())
  .handler(async (req) => {
    seen.push(req.body);
  });`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'handler without parameters still counts by name',
    code: `let count = 0;
export const reads = () => count;
export const handler = async () => {
  count++;
};`,
    sites: [W('count++')],
  },
  {
    name: 'handler with an (_event, context) signature',
    code: `let fnName;
export const reads = () => fnName;
export const run = async (_event, context) => {
  fnName = context.functionName;
};`,
    sites: [D('fnName =', {})],
  },
  {
    name: 'two handlers flipping the same flag both ways',
    code: `let warm = false;
export const handler = async (event) => {
  warm = true;
};
export const lambdaHandler = async (event) => {
  warm = false;
};`,
    sites: [W('warm = true'), W('warm = false;\n}')],
  },
  {
    name: 'expression-bodied handler assigning module state',
    code: `let last;
export const peek = () => last;
export const handler = (event) => (last = event);`,
    sites: [D('last = event')],
  },
]);

runCases('keyed writes and caches (2)', [
  {
    name: 'Map created by lazy init, then set under a request key',
    code: `let cache;
export const handler = async (event) => {
  cache ??= new Map();
  cache.set(event.id, Date.now());
};`,
    sites: [C('cache.set', { move: true })],
  },
  {
    name: 'globalThis cache lazily created then keyed',
    code: `export const handler = async (event) => {
  globalThis.cache ??= {};
  globalThis.cache[event.id] = Date.now();
};`,
    sites: [C('globalThis.cache[event.id]')],
  },
  {
    name: 'global.sessions = global.sessions || new Map(); set under a token',
    cjs: true,
    code: `exports.handler = async (event) => {
  global.sessions = global.sessions || new Map();
  global.sessions.set(event.headers.token, { at: Date.now() });
};`,
    sites: [C('global.sessions.set')],
  },
  {
    name: 'alias of a module object written under a request key',
    code: `const cache = {};
export const handler = async (event) => {
  const c = cache;
  c[event.id] = 1;
};`,
    sites: [C('c[event.id]', { move: true })],
  },
  {
    name: 'class static cache written through this in a static method',
    code: `class Store {
  static cache = {};
  static put(key, value) {
    this.cache[key] = value;
  }
}
export const handler = async (event) => {
  Store.put(event.id, 1);
};`,
    sites: [C('this.cache[key]')],
  },
  {
    name: 'singleton instance method growing an instance field',
    code: `class Repo {
  items = [];
  add(x) {
    this.items.push(x);
  }
}
const repo = new Repo();
export const handler = async (event) => {
  repo.add(event.id);
};`,
    sites: [G('this.items.push', { move: true })],
  },
  {
    name: 'Object.assign(cache, { [event.id]: data }) is a cache',
    code: `const cache = {};
export const handler = async (event) => {
  Object.assign(cache, { [event.id]: Date.now() });
};`,
    sites: [C('Object.assign', { move: true })],
  },
  {
    name: 'Object.defineProperty(cache, event.id, …) is a cache',
    code: `const cache = {};
export const handler = async (event) => {
  Object.defineProperty(cache, event.id, { value: 1, enumerable: true });
};`,
    sites: [C('Object.defineProperty', { move: true })],
  },
  {
    name: 'Reflect.set(cache, event.id, 1) is a cache',
    code: `const cache = {};
export const handler = async (event) => {
  Reflect.set(cache, event.id, 1);
};`,
    sites: [C('Reflect.set', { move: true })],
  },
  {
    name: 'guarded per-key init clients[event.region] is a cache, not lazy init',
    code: `import { S3Client } from '@aws-sdk/client-s3';
const clients = {};
export const handler = async (event) => {
  if (!clients[event.region]) clients[event.region] = new S3Client({ region: event.region });
  return clients[event.region];
};`,
    sites: [C('clients[event.region] =', { move: true })],
  },
  {
    name: 'clients[event.region] ??= new X() is a cache',
    code: `const clients = {};
export const handler = async (event) => {
  clients[event.region] ??= new Client(event.region);
};`,
    sites: [C('clients[event.region] ??=', { move: true })],
  },
  {
    name: 'Map guarded per-key fill (has/set) is a cache',
    code: `const memo = new Map();
export const handler = async (event) => {
  if (!memo.has(event.id)) memo.set(event.id, await load(event.id));
  return memo.get(event.id);
};`,
    sites: [C('memo.set', { move: true })],
  },
  {
    name: 'cache in a helper keyed by its parameter, called with request data',
    code: `const cache = new Map();
async function lookup(id) {
  if (cache.has(id)) return cache.get(id);
  const value = await fetchValue(id);
  cache.set(id, value);
  return value;
}
export const handler = async (event) => lookup(event.pathParameters.id);`,
    sites: [C('cache.set')],
  },
  {
    name: 'cache keyed by a constant with a request value is request data',
    code: `const cache = {};
export const handler = async (event) => {
  cache['latest'] = event.body;
};`,
    sites: [D("cache['latest']", { move: true })],
  },
  {
    name: 'cache keyed by a module constant list index is not a request key',
    code: `const KEYS = ['a', 'b'];
const cache = {};
export const handler = async (event) => {
  cache[KEYS[0]] = Date.now();
};`,
    sites: [W('cache[KEYS', { move: true })],
  },
  {
    name: 'spread-copy into module Map under request keys (new Map([...cache, [k, v]]))',
    unspecified: ['growth', 'write', 'data'],
    code: `let cache = new Map();
export const handler = async (event) => {
  cache = new Map([...cache, [event.id, 1]]);
};`,
  },
]);

runCases('lazy init and latches (2)', [
  {
    name: 'lazy promise whose then-callback stores the connection',
    code: `let ready;
let conn;
export const handler = async (event) => {
  if (!ready) {
    ready = connect().then((c) => {
      conn = c;
      return c;
    });
  }
  await ready;
  return conn.query(event.sql);
};`,
  },
  {
    name: 'config ?? (config = load()) inside a helper',
    code: `let config;
function getConfig() {
  return config ?? (config = loadConfig());
}
export const handler = async (event) => getConfig()[event.key];`,
  },
  {
    name: 'config || (config = load())',
    code: `let config;
export const handler = async (event) => {
  config || (config = await loadConfig());
};`,
  },
  {
    name: 'x = x ? x : new X()',
    code: `let client;
export const handler = async (event) => {
  client = client ? client : new Client();
};`,
  },
  {
    name: 'guard with reconnect condition (!client || client.closed)',
    code: `let client;
export const handler = async (event) => {
  if (!client || client.closed) client = await connect();
};`,
  },
  {
    name: 'guard on a nested property: if (!state.client) state.client = …',
    code: `const state = {};
export const handler = async (event) => {
  if (!state.client) state.client = new Client();
};`,
  },
  {
    name: 'lazy getter on a module object',
    code: `const lazy = {
  _client: null,
  get client() {
    return (this._client ??= new Client());
  },
};
export const handler = async (event) => lazy.client.send(event.cmd);`,
  },
  {
    name: 'arrow getter helper with block body and early return',
    code: `let db;
const getDb = async () => {
  if (db) return db;
  db = await connect(process.env.DB_URL);
  return db;
};
export const handler = async (event) => (await getDb()).find(event.id);`,
  },
  {
    name: 'lazy init with request data in an early-return helper',
    code: `let db;
const getDb = async (url) => {
  if (db) return db;
  db = await connect(url);
  return db;
};
export const handler = async (event) => (await getDb(event.dbUrl)).find(event.id);`,
    sites: [D('db = await')],
  },
  {
    name: 'latch set in a helper called by the handler',
    code: `let coldStart = true;
function markWarm() {
  coldStart = false;
}
export const handler = async (event) => {
  const wasCold = coldStart;
  markWarm();
  return wasCold;
};`,
  },
  {
    name: 'toggle = !toggle flips both ways',
    code: `let toggle = false;
export const handler = async (event) => {
  toggle = !toggle;
};`,
    sites: [W('toggle = !', { move: true })],
  },
  {
    name: 'boolean derived from the request via ! is request data',
    code: `let debug = false;
export const handler = async (event) => {
  debug = !event.quiet;
};`,
    sites: [D('debug = !', { move: true })],
  },
]);

runCases('request data flows (2)', [
  {
    name: 'destructured local from event.pathParameters',
    code: `let lastId;
export const handler = async (event) => {
  const { id } = event.pathParameters;
  lastId = id;
};`,
    sites: [D('lastId =', { move: true })],
  },
  {
    name: 'optional chain and ?? fallback',
    code: `let lastId;
export const handler = async (event) => {
  lastId = event.pathParameters?.id ?? 'none';
};`,
    sites: [D('lastId =', { move: true })],
  },
  {
    name: 'map over request items',
    code: `let ids;
export const handler = async (event) => {
  ids = event.items.map((i) => i.id);
};`,
    sites: [D('ids =', { move: true })],
  },
  {
    name: 'new with a request argument',
    code: `let when;
export const handler = async (event) => {
  when = new Date(event.time);
};`,
    sites: [D('when =', { move: true })],
  },
  {
    name: 'Object.keys(event) is request data',
    code: `let keys;
export const handler = async (event) => {
  keys = Object.keys(event);
};`,
    sites: [D('keys =', { move: true })],
  },
  {
    name: 'un-awaited promise chain callback',
    code: `let currentUser;
export const handler = (event, context, callback) => {
  loadUser(event.userId).then((user) => {
    currentUser = user;
    callback(null, user);
  });
};`,
    sites: [D('currentUser =', { move: true })],
  },
  {
    name: 'for-of local over Records',
    code: `let lastMessageId;
export const handler = async (event) => {
  for (const r of event.Records) lastMessageId = r.messageId;
};`,
    sites: [D('lastMessageId =', { move: true })],
  },
  {
    name: 'helper return value parsed from the event',
    code: `let current;
function parse(e) {
  return JSON.parse(e.body);
}
export const handler = async (event) => {
  current = parse(event);
};`,
    sites: [D('current =', { move: true })],
  },
  {
    name: 'driver callback with request data in a sibling argument',
    code: `let lastRows;
export const handler = (event, context, callback) => {
  db.query('select * from t where id = ?', [event.id], (err, rows) => {
    lastRows = rows;
    callback(err, rows);
  });
};`,
    sites: [D('lastRows =', { move: true })],
  },
  {
    name: 'timer callback with no request data is a plain write',
    code: `let ticks = 0;
export const handler = async (event) => {
  setTimeout(() => {
    ticks++;
  }, 10);
};`,
    sites: [W('ticks++', { move: true })],
  },
  {
    name: 'exported let reassigned with request data',
    code: `export let current;
export const handler = async (event) => {
  current = event.user;
};`,
    sites: [D('current =')],
  },
  {
    name: 'property write on a required module',
    cjs: true,
    code: `const cfg = require('./config');
exports.handler = async (event) => {
  cfg.user = event.user;
};`,
    sites: [D('cfg.user', { move: true })],
  },
  {
    name: 'numeric counter from itself is a plain write',
    code: `let count = 0;
export const handler = async (event) => {
  count = count + 1;
  count += 1;
};`,
    sites: [W('count = count', { move: true }), W('count += 1', { move: true })],
  },
  {
    name: 'numeric sum of request amounts is request data, not growth',
    code: `let total = 0;
export const handler = async (event) => {
  total = total + event.amount;
};`,
    sites: [D('total = total', { move: true })],
  },
  {
    name: 'Object.assign(state, { last: Date.now() }) is a plain write',
    code: `const state = {};
export const handler = async (event) => {
  Object.assign(state, { last: Date.now() });
};`,
    sites: [W('Object.assign', { move: true })],
  },
  {
    name: 'delete globalThis.lastEvent is a plain write',
    code: `export const handler = async (event) => {
  delete globalThis.lastEvent;
};`,
    sites: [W('delete globalThis')],
  },
  {
    name: 'for-in with a module loop variable over request data',
    code: `let lastKey;
export const handler = async (event) => {
  for (lastKey in event.headers) {
  }
};`,
    sites: [D('lastKey in', { move: true })],
  },
  {
    name: 'push of spread request records, and unshift',
    code: `const items = [];
export const handler = async (event) => {
  items.push(...event.Records);
  items.unshift(event.first);
};`,
    sites: [G('items.push', { move: true }), G('items.unshift', { move: true })],
  },
  {
    name: 'index write at state.items[state.items.length]',
    code: `const state = { items: [] };
export const handler = async (event) => {
  state.items[state.items.length] = event.id;
};`,
    sites: [G('state.items[', { move: true })],
  },
  {
    name: 'optional call items?.push?.(x) and string-literal method items["push"](x)',
    code: `const items = [];
export const handler = async (event) => {
  items?.push?.(1);
  items['push'](2);
};`,
    sites: [G('items?.push', { move: true }), G("items['push']", { move: true })],
  },
  {
    name: 'template-literal self growth log = `${log}${line}`',
    code: `let log = '';
export const handler = async (event) => {
  log = \`\${log}\${event.line}\\n\`;
};`,
    sites: [G('log = `', { move: true })],
  },
  {
    name: 'private static counter through this.#count++',
    code: `class Counter {
  static #count = 0;
  static inc() {
    this.#count++;
  }
}
export const handler = async (event) => {
  Counter.inc();
};`,
    sites: [W('this.#count++')],
  },
]);

runCases('precision traps (2)', [
  {
    name: 'top-level IIFE filling state is start-up code',
    code: `const items = [];
(() => {
  for (const x of ['a', 'b']) items.push(x);
})();
export const handler = async (event) => items.includes(event.x);`,
  },
  {
    name: 'top-level async IIFE and init().then at start-up',
    code: `const cache = new Map();
let ready = false;
await (async () => {
  cache.set('a', 1);
})();
init().then(() => {
  ready = true;
});
export const handler = async (event) => (ready ? cache.get(event.key) : null);`,
  },
  {
    name: 'start-up builder called in a top-level initialiser',
    code: `const items = [];
function build() {
  items.push('x');
  return items.length;
}
const count = build();
export const handler = async (event) => count + items.length;`,
  },
  {
    name: 'copy then mutate: slice, spread, toSorted',
    code: `const items = [3, 1];
export const handler = async (event) => {
  const copy = items.slice();
  copy.push(event.id);
  const sorted = [...items].sort();
  const other = items.toSorted();
  items.concat(event.id);
  return [copy, sorted, other];
};`,
  },
  {
    name: 'module-level Headers instance .set is not a Map write',
    code: `const headers = new Headers();
export const handler = async (event) => {
  headers.set('x-id', event.id);
};`,
  },
  {
    name: 'catch parameter shadowing a module array',
    code: `const items = [];
export const handler = async (event) => {
  try {
    await run(event);
  } catch (items) {
    items.push?.(1);
  }
};`,
  },
  {
    name: 'block-scoped local Map shadowing a module Map',
    code: `const cache = new Map();
export const handler = async (event) => {
  {
    const cache = new Map();
    cache.set(event.id, 1);
  }
  return cache.get(event.id);
};`,
  },
  {
    name: 'iteration and reads of module Map/array',
    code: `const cache = new Map();
const items = [1];
export const handler = async (event) => {
  for (const [k, v] of cache) console.log(k, v);
  items.forEach((x) => console.log(x, event.id));
  return JSON.stringify(items) + Object.keys(cache).length + items.indexOf(event.id) + items.at(-1);
};`,
  },
  {
    name: 'pool/emitter/sdk calls with request data',
    code: `import { Pool } from 'pg';
import { EventEmitter } from 'node:events';
const pool = new Pool();
const bus = new EventEmitter();
export const handler = async (event) => {
  await pool.query('select $1', [event.id]);
  bus.emit('request', event);
};`,
  },
  {
    name: 'module config object exported and only read',
    code: `export const config = { runtime: 'nodejs', regions: ['eu'] };
export const handler = async (event) => ({ r: config.regions[0], id: event.id });`,
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// Round 3: call paths, aliases and non-growing mutators.
runCases('call paths and aliases (3)', [
  {
    name: 'nested function declared inside the handler',
    code: `const items = [];
export const handler = async (event) => {
  function inner() {
    items.push(1);
  }
  inner();
};`,
    sites: [G('items.push', { move: true })],
  },
  {
    name: 'helper reached through a module object table',
    code: `const trail = [];
const helpers = {
  track(x) {
    trail.push(x);
  },
};
export const handler = async (event) => {
  helpers.track(event.id);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'helper passed as a callback to forEach',
    code: `const trail = [];
function track(r) {
  trail.push(r.messageId);
}
export const handler = async (event) => {
  event.Records.forEach(track);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'helper invoked with .call',
    code: `const trail = [];
function track(x) {
  trail.push(x);
}
export const handler = async (event) => {
  track.call(null, event.id);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'exported utility called by the handler is request-time code',
    code: `const trail = [];
export function track(x) {
  trail.push(x);
}
export const handler = async (event) => {
  track(event.id);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'async map callbacks under Promise.all',
    code: `const seen = new Set();
export const handler = async (event) => {
  await Promise.all(
    event.Records.map(async (r) => {
      seen.add(r.messageId);
    }),
  );
};`,
    sites: [G('seen.add', { move: true })],
  },
  {
    name: 'in-flight counter in try/finally',
    code: `let inFlight = 0;
export const handler = async (event) => {
  inFlight++;
  try {
    return await work(event);
  } finally {
    inFlight--;
  }
};`,
    sites: [W('inFlight++', { move: true }), W('inFlight--', { move: true })],
  },
  {
    name: 'helper appending to an array passed as an argument (parameter alias of module state)',
    code: `const globalList = [];
function appendTo(list, item) {
  list.push(item);
}
export const handler = async (event) => {
  appendTo(globalList, event.id);
};`,
    // Every use of globalList is inside the handler, so moving it there is offered (spec: "when every use is inside").
    sites: [G('list.push', { move: true })],
  },
  {
    name: 'let alias never reassigned',
    code: `const items = [];
export const handler = async (event) => {
  let list = items;
  list.push(event.id);
};`,
    sites: [G('list.push', { move: true })],
  },
  {
    name: 'for-of element alias writes request data into module objects',
    code: `const USERS = [{ id: 1 }];
export const handler = async (event) => {
  for (const u of USERS) u.lastSeen = event.time;
};`,
    sites: [D('u.lastSeen', { move: true })],
  },
  {
    name: 'alias of a nested Map, set under a request key',
    code: `const state = { map: new Map() };
export const handler = async (event) => {
  const m = state.map;
  m.set(event.id, 1);
};`,
    sites: [C('m.set', { move: true })],
  },
  {
    name: 'curried wrapper compose(a, b)(fn)',
    code: `const seen = [];
export const handler = compose(withAuth, withErrors)(async (event) => {
  seen.push(event.id);
});`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'nested unknown wrappers withErrors(withAuth(fn))',
    code: `const seen = [];
export const handler = withErrors(
  withAuth(async (event) => {
    seen.push(event.id);
  }),
);`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'APIGatewayProxyEventV2-typed function declaration',
    code: `import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
const paths: string[] = [];
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  paths.push(event.rawPath);
  return { statusCode: 200 };
}`,
    sites: [G('paths.push', { move: true })],
  },
  {
    name: 'event-typed parameter makes an arbitrarily named export a handler',
    code: `import type { SQSEvent } from 'aws-lambda';
const seen: string[] = [];
export async function consume(records: SQSEvent) {
  seen.push(records.Records[0].messageId);
}`,
    sites: [G('seen.push', { move: true })],
  },
]);

runCases('non-growing mutators (3)', [
  {
    name: 'fill with request data stores request data',
    code: `const slots = new Array(3).fill(null);
export const handler = async (event) => {
  slots.fill(event.user);
};`,
    sites: [D('slots.fill', { move: true })],
  },
  {
    name: 'pop, splice(0, 1), map.delete(event.id), set.clear() are plain writes',
    code: `const items = [1, 2];
const byId = new Map();
const seen = new Set();
export const handler = async (event) => {
  items.pop();
  items.splice(0, 1);
  byId.delete(event.id);
  seen.clear();
};`,
    sites: [
      W('items.pop', { move: true }),
      W('items.splice', { move: true }),
      W('byId.delete', { move: true }),
      W('seen.clear', { move: true }),
    ],
  },
  {
    name: 'sort with a comparator and reverse',
    code: `const ranked = [3, 1, 2];
export const handler = async (event) => {
  ranked.sort((a, b) => a - b).reverse();
  return ranked;
};`,
    sites: [W('ranked.sort', { move: true })],
    unspecified: ['write'],
  },
  {
    name: 'length set from request data',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.length = event.keep;
};`,
    sites: [D('items.length', { move: true })],
  },
  {
    name: 'classic guarded cache fill under a request key',
    code: `const cache = {};
export const handler = async (event) => {
  if (!cache[event.id]) cache[event.id] = await load(event.id);
  return cache[event.id];
};`,
    sites: [C('cache[event.id] =', { move: true })],
  },
  {
    name: 'lazily created object cache then keyed write',
    code: `let cache;
export const handler = async (event) => {
  cache = cache || {};
  cache[event.id] = 1;
};`,
    sites: [C('cache[event.id]', { move: true })],
  },
  {
    name: 'nested request-keyed object under a module object',
    code: `const state = { byUser: {} };
export const handler = async (event) => {
  state.byUser[event.user] = { ...event };
};`,
    sites: [C('state.byUser[', { move: true })],
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// Round 4: patterns from real Lambda code bases (connection caching, secrets, shared response objects).
runCases('real-world patterns (4)', [
  {
    name: 'MongoDB connection caching with callbackWaitsForEmptyEventLoop',
    cjs: true,
    code: `const { MongoClient } = require('mongodb');
let cachedDb = null;
async function connectToDatabase(uri) {
  if (cachedDb) return cachedDb;
  const client = await MongoClient.connect(uri);
  cachedDb = client.db('app');
  return cachedDb;
}
exports.handler = async (event, context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  const db = await connectToDatabase(process.env.MONGODB_URI);
  return db.collection('users').find({ id: event.id }).toArray();
};`,
  },
  {
    name: 'globalThis.prisma ??= new PrismaClient() in the handler and at top level',
    code: `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis;
globalForPrisma.prisma ??= new PrismaClient();
export const handler = async (event) => {
  globalThis.prisma = globalThis.prisma || new PrismaClient();
  return globalThis.prisma.user.findUnique({ where: { id: event.id } });
};`,
  },
  {
    name: 'writes to the event and context parameters are not module state',
    code: `export const handler = async (event, context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  event.processed = true;
  event.Records.push({});
  event = { ...event, extra: 1 };
  return event;
};`,
  },
  {
    name: 'per-name secret memo with constant names is lazy init',
    code: `const secrets = {};
async function getSecret(name) {
  if (!secrets[name]) secrets[name] = await fetchSecret(name);
  return secrets[name];
}
export const handler = async (event) => {
  const password = await getSecret('DB_PASSWORD');
  return query(password, event.sql);
};`,
  },
  {
    name: 'per-name secret memo called with a request-chosen name is a cache',
    code: `const secrets = {};
async function getSecret(name) {
  if (!secrets[name]) secrets[name] = await fetchSecret(name);
  return secrets[name];
}
export const handler = async (event) => getSecret(event.secretName);`,
    sites: [C('secrets[name] =')],
  },
  {
    name: 'shared response headers object mutated with request data',
    code: `const headers = { 'Content-Type': 'application/json' };
export const handler = async (event, context) => {
  headers['X-Request-Id'] = context.awsRequestId;
  return { statusCode: 200, headers, body: '{}' };
};`,
    sites: [D("headers['X-Request-Id']", { move: true })],
  },
  {
    name: 'shared response object body set from the event',
    code: `const response = { statusCode: 200, body: '' };
export const handler = async (event) => {
  response.body = JSON.stringify(event.queryStringParameters);
  return response;
};`,
    sites: [D('response.body', { move: true })],
  },
  {
    name: 'spread of a module default response is a read',
    code: `const base = { statusCode: 200, headers: { 'Content-Type': 'application/json' } };
export const handler = async (event) => ({ ...base, body: JSON.stringify(event) });`,
  },
  {
    name: 'TTL-refreshed parameter cache is a plain (strict) write',
    code: `let cache = { value: null, expires: 0 };
async function getParam() {
  if (Date.now() < cache.expires) return cache.value;
  cache = { value: await loadParameter('/app/flag'), expires: Date.now() + 60000 };
  return cache.value;
}
export const handler = async (event) => ((await getParam()) ? event.a : event.b);`,
    sites: [W('cache = {', { nth: 2 })],
  },
  {
    name: 'locals named like module state (var in handler, destructured from the event)',
    cjs: true,
    code: `var items = [];
var seen = new Set();
exports.handler = function (event, context) {
  var items = [];
  items.push(event.id);
  const { seen } = event;
  seen.add(1);
  return items;
};`,
  },
  {
    name: 'warm-up plugin early return',
    code: `let coldStart = true;
export const handler = async (event) => {
  if (event.source === 'serverless-plugin-warmup') return 'warm';
  if (coldStart) coldStart = false;
  return { statusCode: 200 };
};`,
  },
  {
    name: 'invocation counter with += is strict only',
    code: `let invocationCount = 0;
export const handler = async (event) => {
  invocationCount += 1;
  return { statusCode: 200, body: String(invocationCount) };
};`,
    sites: [W('invocationCount +=', { move: true })],
  },
]);

runCases('services, loggers and env (5)', [
  {
    name: 'module logger replaced by a per-request child logger',
    code: `import pino from 'pino';
const base = pino();
let logger = base;
export const handler = async (event, context) => {
  logger = base.child({ requestId: context.awsRequestId });
  logger.info('start');
};`,
    sites: [D('logger = base.child', { move: true })],
  },
  {
    name: 'template-literal composite cache key',
    code: `const cache = {};
export const handler = async (event) => {
  const key = \`\${event.tenant}:\${event.id}\`;
  cache[key] = await load(key);
};`,
    sites: [C('cache[key]', { move: true })],
  },
  {
    name: 'per-type counter initialised with ||',
    code: `const metrics = {};
export const handler = async (event) => {
  metrics[event.type] = metrics[event.type] || 0;
};`,
    sites: [C('metrics[event.type] =', { move: true })],
  },
  {
    name: 'service singleton with a Map built in the constructor',
    code: `class UserService {
  constructor() {
    this.cache = new Map();
  }
  async get(id) {
    if (!this.cache.has(id)) this.cache.set(id, await db.get(id));
    return this.cache.get(id);
  }
}
const service = new UserService();
export const handler = async (event) => service.get(event.pathParameters.id);`,
    sites: [C('this.cache.set')],
  },
  {
    name: 'service instance created per request is not module state',
    code: `class UserService {
  constructor() {
    this.cache = new Map();
    this.calls = [];
  }
  async get(id) {
    this.calls.push(id);
    if (!this.cache.has(id)) this.cache.set(id, await db.get(id));
    return this.cache.get(id);
  }
}
export const handler = async (event) => {
  const service = new UserService();
  return service.get(event.pathParameters.id);
};`,
  },
  {
    name: 'class with a start-up-only module instance and a per-request local instance',
    code: `class Registry {
  constructor() {
    this.items = [];
  }
  add(x) {
    this.items.push(x);
  }
}
const shared = new Registry();
shared.add('boot');
export const handler = async (event) => {
  const local = new Registry();
  local.add(event.id);
  return local.items.length + shared.items.length;
};`,
  },
  {
    name: 'client = client || (await createClient())',
    code: `let client = null;
export const handler = async (event) => {
  client = client || (await createClient());
  return client.get(event.key);
};`,
  },
  {
    name: 'lazy Redis client on global',
    cjs: true,
    code: `const Redis = require('ioredis');
exports.handler = async (event) => {
  if (!global.redis) global.redis = new Redis(process.env.REDIS_URL);
  return global.redis.get(event.key);
};`,
  },
  {
    name: 'process.env as a lazy token cache is quiet, unguarded refresh is a write',
    code: `export const handler = async (event) => {
  if (!process.env.TOKEN) process.env.TOKEN = await fetchToken();
  process.env.LAST_REFRESH = String(Date.now());
};`,
    sites: [W('process.env.LAST_REFRESH')],
  },
  {
    name: 'serverless-http Express app: route callbacks are not handlers, app set-up is start-up',
    cjs: true,
    code: `const serverless = require('serverless-http');
const express = require('express');
const app = express();
app.use(express.json());
app.get('/health', (req, res) => res.json({ ok: true }));
module.exports.handler = serverless(app);`,
  },
  {
    name: 'middy middleware object writing to the request, not module state',
    code: `import middy from '@middy/core';
const addUser = {
  before: async (request) => {
    request.event.user = request.event.headers.user;
  },
};
const base = async (event) => ({ statusCode: 200, body: event.user });
export const handler = middy(base).use(addUser);`,
  },
]);

runCases('shapes, typings and keys (6)', [
  {
    name: 'satisfies Handler under a non-handler name',
    code: `import type { Handler } from 'aws-lambda';
const seen: unknown[] = [];
export const main = (async (e) => {
  seen.push(e);
}) satisfies Handler;`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'implicit global in an ES module',
    code: `export const handler = async (event) => {
  lastUser = event.user;
};`,
    sites: [D('lastUser =')],
  },
  {
    name: 'var hoisted out of a top-level block is module state',
    cjs: true,
    code: `if (process.env.ENABLE_CACHE) {
  var cache = {};
}
exports.handler = async (event) => {
  cache[event.id] = Date.now();
};`,
    sites: [C('cache[event.id]')],
  },
  {
    name: 'array shapes: Array.from, new Array(), as-cast, JSON.parse',
    code: `const a = Array.from([]);
const b = new Array();
const c = [] as string[];
const d: string[] = JSON.parse('[]');
export const handler = async (event) => {
  a.push(1);
  b.push(2);
  c.push('3');
  d.push('4');
};`,
    sites: [
      G('a.push', { move: true }),
      G('b.push', { move: true }),
      G('c.push', { move: true }),
      G('d.push', { move: true }),
    ],
  },
  {
    name: 'typed generic Map and Set',
    code: `const m = new Map<string, number>();
const s = new Set<string>();
export const handler = async (event: { id: string }) => {
  m.set(event.id, 1);
  s.add(event.id);
};`,
    sites: [C('m.set', { move: true }), G('s.add', { move: true })],
  },
  {
    name: 'Object.create(null) dictionary under a request key',
    code: `const store = Object.create(null);
export const handler = async (event) => {
  store[event.id] = 1;
};`,
    sites: [C('store[event.id]', { move: true })],
  },
  {
    name: 'Map assigned later in a start-up init function',
    code: `let sessions;
function init() {
  sessions = new Map();
}
init();
export const handler = async (event) => {
  sessions.set(event.headers.token, Date.now());
};`,
    sites: [C('sessions.set')],
  },
  {
    name: 'static Set on a class',
    code: `class Tracker {
  static seen = new Set();
}
export const handler = async (event) => {
  Tracker.seen.add(event.id);
};`,
    sites: [G('Tracker.seen.add')],
  },
  {
    name: 'array destructuring of Records into a local, then stored',
    code: `let last;
export const handler = async (event) => {
  const [first] = event.Records;
  last = first;
};`,
    sites: [D('last =', { move: true })],
  },
  {
    name: 'ternary with a request branch',
    code: `let current;
export const handler = async (event) => {
  current = event.user ? event.user : 'anon';
};`,
    sites: [D('current =', { move: true })],
  },
  {
    name: 'cache key from a module helper over the event',
    code: `const cache = new Map();
const keyOf = (e) => e.tenant + '/' + e.id;
export const handler = async (event) => {
  cache.set(keyOf(event), Date.now());
};`,
    sites: [C('cache.set', { move: true })],
  },
  {
    name: 'keyed by context.awsRequestId (cache) and Set of request ids (growth)',
    code: `const byRequest = {};
const ids = new Set();
export const handler = async (event, context) => {
  byRequest[context.awsRequestId] = Date.now();
  ids.add(context.awsRequestId);
};`,
    sites: [C('byRequest[', { move: true }), G('ids.add', { move: true })],
  },
  {
    name: 'closure capturing request data stored in module state',
    code: `let onShutdown;
export const handler = async (event) => {
  onShutdown = () => flush(event.id);
};`,
    sites: [D('onShutdown =', { move: true })],
  },
  {
    name: 'callback registry grows at request time',
    code: `const listeners = [];
export const handler = async (event) => {
  listeners.push(() => console.log('done'));
};`,
    sites: [G('listeners.push', { move: true })],
  },
]);

runCases('class handlers and module timers (7)', [
  {
    name: 'LambdaInterface handler writing its own instance fields',
    code: `import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
class Lambda implements LambdaInterface {
  private count = 0;
  private cache = new Map<string, string>();
  public async handler(event: { id: string }, _context: unknown): Promise<void> {
    this.count++;
    this.cache.set(event.id, 'x');
  }
}
const lambda = new Lambda();
export const handler = lambda.handler.bind(lambda);`,
    sites: [W('this.count++'), C('this.cache.set')],
  },
  {
    name: 'LambdaInterface handler calling another method that grows module state',
    code: `import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
const processed: string[] = [];
class Lambda implements LambdaInterface {
  public async handler(event: { id: string }, _context: unknown): Promise<void> {
    this.record(event.id);
  }
  private record(id: string): void {
    processed.push(id);
  }
}
const lambda = new Lambda();
export const handler = lambda.handler.bind(lambda);`,
    sites: [G('processed.push')],
  },
  {
    name: 'top-level timers and process hooks are start-up code',
    code: `const buffer = [];
const stats = { ticks: 0 };
setInterval(() => {
  buffer.length = 0;
  stats.ticks++;
}, 1000);
process.on('SIGTERM', () => {
  buffer.push('shutdown');
});
export const handler = async (event) => ({ size: buffer.length, ticks: stats.ticks });`,
  },
]);

runCases('shared request parameter objects (8)', [
  {
    name: 'module-level DynamoDB params object mutated per request',
    cjs: true,
    code: `const AWS = require('aws-sdk');
const db = new AWS.DynamoDB.DocumentClient();
const params = { TableName: process.env.TABLE };
exports.handler = async (event) => {
  params.Key = { id: event.pathParameters.id };
  const res = await db.get(params).promise();
  return res.Item;
};`,
    sites: [D('params.Key', { move: true })],
  },
  {
    name: 'shared axios config carrying the caller token',
    code: `import axios from 'axios';
const axiosConfig = { headers: {} };
export const handler = async (event) => {
  axiosConfig.headers.Authorization = event.headers.Authorization;
  return axios.get(process.env.API_URL, axiosConfig);
};`,
    sites: [D('axiosConfig.headers.Authorization', { move: true })],
  },
  {
    name: 'pagination key from a request-derived query stored in module params',
    code: `const params = { TableName: 'orders' };
export const handler = async (event) => {
  const page = await query({ ...params, KeyConditionExpression: event.filter });
  params.ExclusiveStartKey = page.LastEvaluatedKey;
};`,
    sites: [D('params.ExclusiveStartKey', { move: true })],
  },
  {
    name: 'result accumulator object grows',
    code: `const result = { items: [] };
export const handler = async (event) => {
  result.items.push(...event.Records.map((r) => r.body));
  return result;
};`,
    sites: [G('result.items.push', { move: true })],
  },
  {
    name: 'SDK v2 .promise() result of a request-derived call is request data',
    cjs: true,
    code: `const AWS = require('aws-sdk');
const ddb = new AWS.DynamoDB.DocumentClient();
let lastItem;
exports.handler = async (event) => {
  const res = await ddb.get({ TableName: 't', Key: { id: event.id } }).promise();
  lastItem = res.Item;
};`,
    sites: [D('lastItem =', { move: true })],
  },
  {
    name: 'SDK result of a constant call is not request data (strict write only)',
    cjs: true,
    code: `const AWS = require('aws-sdk');
const ssm = new AWS.SSM();
let flag;
exports.handler = async (event) => {
  const res = await ssm.getParameter({ Name: '/app/flag' }).promise();
  flag = res.Parameter.Value;
  return flag === 'on' ? event.a : event.b;
};`,
    sites: [W('flag =', { move: true })],
  },
]);

runCases('settings (9)', [
  {
    name: 'handlers setting scoped by file glob: matching file',
    filename: 'src/jobs/nightly.ts',
    settings: { handlers: [{ files: ['src/jobs/**/*.ts'], names: ['run'] }] },
    code: `const done = [];
export async function run(job) {
  done.push(job.id);
}`,
    sites: [G('done.push', { move: true })],
  },
  {
    name: 'handlers setting scoped by file glob: other file stays quiet',
    filename: 'src/lib/util.ts',
    settings: { handlers: [{ files: ['src/jobs/**/*.ts'], names: ['run'] }] },
    code: `const done = [];
export async function run(job) {
  done.push(job.id);
}`,
  },
  {
    name: 'wrappers setting: custom wrapper under a non-handler name',
    settings: { wrappers: ['withTracing'] },
    code: `const seen = [];
export const main = withTracing(async (req) => {
  seen.push(req.id);
});`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'unknown wrapper under a non-handler name without the setting stays quiet',
    code: `const seen = [];
export const main = withTracing(async (req) => {
  seen.push(req.id);
});`,
  },
  {
    name: 'boundedCaches setting: configured constructor with .set is quiet in recommended',
    settings: { boundedCaches: ['BoundedMap'] },
    unspecified: ['write'],
    code: `const cache = new BoundedMap({ max: 100 });
export const handler = async (event) => {
  cache.set(event.id, 1);
};`,
  },
]);

runCases('aliases and duplicates (10)', [
  {
    name: 'alias of an alias reports the write once',
    code: `const items = [];
export const handler = async (event) => {
  const a = items;
  const b = a;
  b.push(event.id);
  items.push(0);
};`,
    sites: [G('b.push', { move: true }), G('items.push', { nth: 1, move: true })],
  },
  {
    name: 'module-level alias of globalThis',
    code: `const globalForApp = globalThis;
export const handler = async (event) => {
  globalForApp.lastUser = event.user;
};`,
    sites: [D('globalForApp.lastUser', { move: true })],
  },
  {
    name: 'local alias of globalThis inside the handler',
    code: `export const handler = async (event) => {
  const g = globalThis;
  g.lastEvent = event;
};`,
    sites: [D('g.lastEvent')],
  },
  {
    name: 'handler exported through both exports.handler and module.exports.handler: one report',
    cjs: true,
    code: `const seen = [];
async function handler(event) {
  seen.push(event.id);
}
exports.handler = handler;
module.exports.handler = handler;`,
    sites: [G('seen.push', { move: true })],
  },
]);

runCases('realistic handlers (11)', [
  {
    name: 'CRUD API handler with SDK v3, uuid, validation and a response helper',
    code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.TABLE_NAME;
const defaultHeaders = { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' };

class HttpError extends Error {
  constructor(statusCode, message) {
    super(message);
    this.statusCode = statusCode;
  }
}

const respond = (statusCode, body) => ({ statusCode, headers: { ...defaultHeaders }, body: JSON.stringify(body) });

function validate(input) {
  const errors = [];
  if (!input.name) errors.push('name is required');
  if (errors.length) throw new HttpError(400, errors.join(', '));
  return input;
}

export const handler = async (event) => {
  try {
    if (event.httpMethod === 'POST') {
      const item = { id: randomUUID(), ...validate(JSON.parse(event.body ?? '{}')) };
      await client.send(new PutCommand({ TableName: TABLE, Item: item }));
      return respond(201, item);
    }
    const { Item } = await client.send(new GetCommand({ TableName: TABLE, Key: { id: event.pathParameters.id } }));
    return Item ? respond(200, Item) : respond(404, { message: 'not found' });
  } catch (error) {
    return respond(error.statusCode ?? 500, { message: error.message });
  }
};`,
  },
  {
    name: 'SQS partial batch failures collected locally',
    code: `export const handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      await processRecord(JSON.parse(record.body));
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};`,
  },
  {
    name: 'SQS partial batch failures collected in a module array (real bug)',
    code: `const batchItemFailures = [];
export const handler = async (event) => {
  for (const record of event.Records) {
    try {
      await processRecord(JSON.parse(record.body));
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};`,
    sites: [G('batchItemFailures.push', { move: true })],
  },
  {
    name: 'Cognito trigger writing to event.response',
    cjs: true,
    code: `exports.handler = async (event) => {
  event.response.autoConfirmUser = true;
  event.response.autoVerifyEmail = event.request.userAttributes.email !== undefined;
  return event;
};`,
  },
  {
    name: 'Kinesis consumer with a module TextDecoder',
    code: `const decoder = new TextDecoder();
export const handler = async (event) =>
  event.Records.map((r) => JSON.parse(decoder.decode(Buffer.from(r.kinesis.data, 'base64'))));`,
  },
  {
    name: 'WebSocket connect handler keeping connection ids in a module Set (real bug)',
    code: `const connections = new Set();
export const connect = async (event) => {
  connections.add(event.requestContext.connectionId);
  return { statusCode: 200 };
};
export const handler = async (event) => {
  for (const id of connections) await send(id, event.body);
  return { statusCode: 200 };
};`,
    sites: [G('connections.add')],
  },
  {
    name: 'AppSync resolver dispatch table',
    code: `const resolvers = {
  Query: {
    getUser: (args) => getUser(args.id),
  },
  Mutation: {
    createUser: (args) => createUser(args.input),
  },
};
export const handler = async (event) => resolvers[event.info.parentTypeName][event.info.fieldName](event.arguments);`,
  },
  {
    name: 'AppSync resolver dispatch table with a resolver that caches',
    code: `const seenUsers = {};
const resolvers = {
  Query: {
    getUser: (args) => {
      seenUsers[args.id] = Date.now();
      return getUser(args.id);
    },
  },
};
export const handler = async (event) => resolvers.Query.getUser(event.arguments);`,
    sites: [C('seenUsers[args.id]')],
  },
  {
    name: 'global regex: lastIndex reset is a strict write, test() is a read',
    code: `const TOKEN = /[a-z]+/g;
export const handler = async (event) => {
  TOKEN.lastIndex = 0;
  return TOKEN.test(event.body);
};`,
    sites: [W('TOKEN.lastIndex', { move: true })],
  },
]);

runCases('guards at the call site (12)', [
  {
    name: 'guard at the call site: if (!client) create()',
    code: `let client;
function create() {
  client = new Client(process.env.URL);
}
export const handler = async (event) => {
  if (!client) create();
  return client.get(event.key);
};`,
  },
  {
    name: 'init function guarded by a flag it sets itself',
    code: `let initialized = false;
let db;
let settings;
async function init() {
  db = await connect(process.env.DB_URL);
  settings = await db.loadSettings();
  initialized = true;
}
export const handler = async (event) => {
  if (!initialized) await init();
  return db.find(event.id, settings);
};`,
  },
  {
    name: 'the same creator called without a guard is a strict write',
    code: `let client;
function create() {
  client = new Client(process.env.URL);
}
export const handler = async (event) => {
  create();
  return client.get(event.key);
};`,
    sites: [W('client = new')],
  },
]);

runCases('function named handler exported as default (13)', [
  {
    name: 'async function handler(input) {} ; export default handler',
    code: `const seen = [];
async function handler(input) {
  seen.push(input.id);
}
export default handler;`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'module.exports = function handler(input) {}',
    cjs: true,
    code: `const seen = [];
module.exports = async function handler(input) {
  seen.push(input.id);
};`,
    sites: [G('seen.push', { move: true })],
  },
]);

// Round 14: traps around the fixes for F1–F17 (each fix must not over-reach).
runCases('fix over-reach traps (14)', [
  {
    name: 'guard at the call site does not excuse request data in the helper',
    code: `let client;
function create(region) {
  client = new Client(region);
}
export const handler = async (event) => {
  if (!client) create(event.region);
  return client.get(event.key);
};`,
    sites: [D('client = new')],
  },
  {
    name: 'creator called guarded in one place and unguarded in another is a write',
    code: `let client;
function create() {
  client = new Client(process.env.URL);
}
export const handler = async (event) => {
  if (!client) create();
  if (event.reconnect) create();
  return client.get(event.key);
};`,
    sites: [W('client = new')],
  },
  {
    name: 'callback inside a lazy-init guard that stores request data',
    code: `let client;
let lastError;
export const handler = async (event) => {
  if (!client) {
    client = new Client();
    client.on('error', () => {
      lastError = event.requestContext.requestId;
    });
  }
};`,
    sites: [D('lastError =', { move: true })],
  },
  {
    name: 'helpers that only read a module array passed to them stay quiet',
    code: `const STATIC = [1, 2, 3];
function sum(list) {
  return list.reduce((a, b) => a + b, 0);
}
function addAll(target, src) {
  for (const x of src) target.push(x);
}
function sortInPlace(arr) {
  arr.sort();
}
export const handler = async (event) => {
  const local = [];
  addAll(local, STATIC);
  sortInPlace(local);
  return sum(STATIC) + sum(local) + event.n;
};`,
  },
  {
    name: 'helper writing its parameter, called with a module array only at start-up',
    code: `const items = [];
function appendTo(list, x) {
  list.push(x);
}
appendTo(items, 'boot');
export const handler = async (event) => {
  const local = [];
  appendTo(local, event.id);
  return local.concat(items);
};`,
  },
  {
    name: 'per-request instance whose methods call each other through this',
    code: `class Service {
  constructor() {
    this.log = [];
  }
  run(e) {
    this.step(e);
    return this.log;
  }
  step(e) {
    this.log.push(e.id);
  }
}
export const handler = async (event) => new Service().run(event);`,
  },
  {
    name: 'declared non-collection types with set/add stay quiet',
    code: `import { createClient, type RedisClientType } from 'redis';
const client: RedisClientType = createClient();
const store: KeyValueStore = makeStore();
export const handler = async (event) => {
  await client.set(event.key, event.value);
  store.add(event.key);
};`,
  },
  {
    name: 'declared Map type from a factory is a Map',
    code: `const cache: Map<string, string> = createCache();
export const handler = async (event) => {
  cache.set(event.id, 'x');
};`,
    sites: [C('cache.set', { move: true })],
  },
  {
    name: 'counters under constant keys and loop indexes stay plain writes',
    code: `const hits = [0];
const stats = { total: 0 };
const KEY = 'x';
const byKey = {};
const arr = [1, 2];
export const handler = async (event) => {
  hits[0]++;
  stats.total++;
  byKey[KEY]++;
  for (let i = 0; i < arr.length; i++) arr[i]++;
};`,
    sites: [
      W('hits[0]++', { move: true }),
      W('stats.total++', { move: true }),
      W('byKey[KEY]++', { move: true }),
      W('arr[i]++', { move: true }),
    ],
  },
  {
    name: 'two-dimensional request-keyed counter is a cache',
    code: `const matrix = {};
export const handler = async (event) => {
  matrix[event.row] ??= {};
  matrix[event.row][event.col] = (matrix[event.row][event.col] ?? 0) + 1;
};`,
    sites: [C('matrix[event.row] ??=', { move: true }), C('matrix[event.row][event.col] =', { move: true })],
  },
  {
    name: 'removal-only and no-op splices are plain writes',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.splice(0, 1);
  items.splice(0, 0);
};`,
    sites: [W('items.splice(0, 1)', { move: true }), W('items.splice(0, 0)', { move: true })],
  },
  {
    name: 'replacing splice stores request data without growing',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.splice(0, 1, event.x);
};`,
    sites: [D('items.splice', { move: true })],
  },
  {
    name: 'double negation of request data and negation of module state',
    code: `let debug = false;
let flag = false;
const cache = {};
export const handler = async (event) => {
  debug = !!event.debug;
  flag = !cache;
};`,
    sites: [D('debug = !!', { move: true }), W('flag = !', { move: true })],
  },
  {
    name: 'template or + over another variable is not self-growth',
    code: `const prefix = 'p';
let label = '';
let other = '';
export const handler = async (event) => {
  label = \`\${prefix}:\${event.x}\`;
  other = prefix + event.y;
};`,
    sites: [D('label = `', { move: true }), D('other = prefix', { move: true })],
  },
  {
    name: 'prepending to a string is growth',
    code: `let log = '';
export const handler = async (event) => {
  log = event.line + '\\n' + log;
};`,
    sites: [G('log = event', { move: true })],
  },
  {
    name: 'reset at entry inside a top-level try still bounds the collection',
    code: `let buf = [];
export const handler = async (event) => {
  try {
    buf = [];
    buf.push(1);
  } finally {
    await flush(buf);
  }
};`,
    sites: [W('buf = [];\n    buf', { move: true }), W('buf.push', { move: true })],
  },
  {
    name: 'reset after an early return is not every invocation',
    code: `let buf = [];
export const handler = async (event) => {
  if (event.skip) return;
  buf = [];
  buf.push(1);
};`,
    unspecified: ['growth', 'write'],
  },
]);

runCases('fix over-reach traps (15)', [
  {
    name: 'request-keyed counter on an evicted object is not a cache',
    code: `const counts = {};
export const handler = async (event) => {
  counts[event.type]++;
  if (Object.keys(counts).length > 50) for (const k in counts) delete counts[k];
};`,
    sites: [W('counts[event.type]++', { move: true }), W('delete counts', { move: true })],
  },
  {
    name: 'unknown chain .handler(fn) under a non-handler name is not a wrapper',
    code: `const seen = [];
export const main = router()
  .use(auth())
  .handler(async (req) => {
    seen.push(req);
  });`,
  },
  {
    name: 'removal splice at a request-chosen index stores nothing',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.splice(event.index, 1);
};`,
    sites: [W('items.splice', { move: true })],
  },
  {
    name: 'sort with a comparator closing over request data stores nothing',
    code: `const rows = [{ a: 1 }];
export const handler = async (event) => {
  rows.sort((x, y) => x[event.key] - y[event.key]);
  return rows;
};`,
    sites: [W('rows.sort', { move: true })],
  },
  {
    name: 'Set.delete with request data is a plain write',
    code: `const active = new Set();
export const handler = async (event) => {
  active.delete(event.id);
};`,
    sites: [W('active.delete', { move: true })],
  },
]);

runCases('guards on another flag (16)', [
  {
    name: 'guard on a flag that is never set runs every invocation (inline)',
    code: `let ready = false;
let client;
export const handler = async (event) => {
  if (!ready) client = new Client();
  return client.get(event.key);
};`,
    sites: [W('client = new', { move: true })],
  },
  {
    name: 'guard on a flag that is never set runs every invocation (call site)',
    code: `let ready = false;
let data;
async function refresh() {
  data = await load();
}
export const handler = async (event) => {
  if (!ready) await refresh();
  return data[event.key];
};`,
    sites: [W('data = await')],
  },
]);

runCases('streams and token refresh (17)', [
  {
    name: 'module string accumulating streamed chunks',
    code: `let accumulated = '';
export const handler = async (event) => {
  for await (const chunk of streamFrom(event.url)) {
    accumulated += chunk;
  }
  return accumulated;
};`,
    sites: [G('accumulated +=', { move: true })],
  },
  {
    name: 'token refresh on expiry is strict-only',
    code: `let token;
let tokenExpiry = 0;
export const handler = async (event) => {
  if (Date.now() > tokenExpiry) {
    token = await fetchToken(process.env.CLIENT_ID);
    tokenExpiry = Date.now() + 3600 * 1000;
  }
  return callApi(token, event.body);
};`,
    sites: [W('token = await', { move: true }), W('tokenExpiry = Date', { move: true })],
  },
  {
    name: 'rate limiter keyed by source IP',
    code: `const rateLimit = {};
export const handler = async (event) => {
  const ip = event.requestContext.identity.sourceIp;
  rateLimit[ip] = (rateLimit[ip] || 0) + 1;
  return rateLimit[ip] > 10 ? { statusCode: 429 } : { statusCode: 200 };
};`,
    sites: [C('rateLimit[ip] =', { move: true })],
  },
]);

runCases('fix over-reach traps (18)', [
  {
    name: 'prepending to a number is arithmetic, not string growth',
    code: `let total = 0;
export const handler = async (event) => {
  total = event.amount + total;
};`,
    sites: [D('total = event', { move: true })],
  },
  {
    name: 'fill and copyWithin with request positions store nothing',
    code: `const slots = [0, 0, 0];
export const handler = async (event) => {
  slots.fill(0, event.start);
  slots.copyWithin(event.to, 0);
};`,
    sites: [W('slots.fill', { move: true }), W('slots.copyWithin', { move: true })],
  },
  {
    name: 'init flag set by the guarded init helper through a nested helper',
    code: `let initialized = false;
let db;
function markReady() {
  initialized = true;
}
async function init() {
  db = await connect(process.env.DB_URL);
  markReady();
}
export const handler = async (event) => {
  if (!initialized) await init();
  return db.find(event.id);
};`,
  },
  {
    name: 'a function named handler that is not exported is not a handler',
    code: `const seen = [];
function handler(input) {
  seen.push(input);
}
export const run = (job) => job;`,
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// Odd inputs: every rule must run without throwing (the analysis' own errors are surfaced via HANDLER_STATE_DEBUG).
const ODD_INPUTS: Array<{ name: string; code: string; cjs?: boolean }> = [
  { name: 'empty file', code: '' },
  { name: 'comments only', code: '// nothing\n/* here */' },
  { name: 'export {} only', code: 'export {};' },
  { name: 'exports.handler = null', code: 'exports.handler = null;', cjs: true },
  { name: 're-export of a handler', code: "export { handler } from './impl.js';\nexport * from './other.js';" },
  {
    name: 'handler from require',
    code: "exports.handler = require('./impl').handler;\nmodule.exports = require('./x');",
    cjs: true,
  },
  {
    name: 'with and implicit globals',
    cjs: true,
    code: 'exports.handler = function (event) { with (event) { a = b; } };',
  },
  { name: 'arguments', code: 'let last;\nexport function handler(event) { last = arguments[0]; arguments[1] = 2; }' },
  {
    name: 'dynamic member write',
    code: 'const s = {};\nexport const handler = (event) => { s[event.k][event.j] = 1; s[Symbol.for(event.id)] = 2; };',
  },
  {
    name: 'dynamic method name',
    code: 'const items = [];\nexport const handler = (event) => { items[event.m](1); (0, items.push)(2); };',
  },
  {
    name: 'proxy state',
    code: 'const s = new Proxy({}, {});\nexport const handler = (event) => { s[event.id] = 1; };',
  },
  {
    name: 'self-referencing initialisers',
    code: 'var a = b;\nvar b = a;\nexport const handler = (event) => { a.x = b; b.y = a; };',
  },
  {
    name: 'handler || fallback',
    cjs: true,
    code: 'var handler = handler || function (event) { handler.calls = (handler.calls || 0) + 1; };\nexports.handler = exports.handler || handler;',
  },
  {
    name: 'circular aliases',
    code: 'const items = [];\nexport const handler = (event) => { let x = items; let y = x; let z = y; let w = z; let v = w; v.push(1); x = x; };',
  },
  {
    name: 'decorated class and private members',
    code: 'function dec(t) { return t; }\n@dec\nclass K { #x = 1; static #y = []; static add(v) { K.#y.push(v); } get x() { return this.#x; } }\nexport const handler = (event) => K.add(event);',
  },
  {
    name: 'using declarations',
    code: 'const pool = { [Symbol.dispose]() {} };\nexport const handler = (event) => { using r = pool; return r; };',
  },
  {
    name: 'default-exported anonymous class with a handler method',
    code: 'const seen = [];\nexport default class { handler(event) { seen.push(event); } }',
  },
  {
    name: 'import.meta and new.target',
    code: 'let u;\nexport function handler(event) { u = import.meta.url + String(new.target); }',
  },
  {
    name: 'generator delegation',
    code: 'const items = [];\nfunction* a() { yield* b(); items.push(1); }\nfunction* b() { yield* a(); }\nexport const handler = (event) => [...a()];',
  },
  {
    name: 'deep recursion between many helpers',
    code:
      Array.from({ length: 60 }, (_, i) => `function f${i}(x) { f${(i + 1) % 60}(x); s${i % 3}.push(x); }`).join('\n') +
      '\nconst s0 = [], s1 = [], s2 = [];\nexport const handler = (event) => f0(event);',
  },
  {
    name: 'very long member chain',
    code: 'const s = {};\nexport const handler = (event) => { s' + '.a'.repeat(300) + ' = event; };',
  },
  {
    name: 'destructuring into module state with defaults and rest',
    code: 'let a, b, rest;\nexport const handler = (event) => { ({ a = 1, b: [b] = [], ...rest } = event); [a, , ...rest] = event.items; };',
  },
  {
    name: 'assignment in conditions and sequences',
    code: 'let x, y;\nexport const handler = (event) => { if ((x = event.a) && (y = 2)) return (x, y); while ((x = x.next)); };',
  },
  {
    name: 'labelled blocks and switch',
    code: 'let n = 0;\nexport const handler = (event) => { a: { switch (event.t) { case 1: n++; break a; default: n = event.t; } } };',
  },
  {
    name: 'getter/setter pairs writing module state',
    code: 'let v;\nconst o = { get x() { return v; }, set x(val) { v = val; } };\nexport const handler = (event) => { o.x = event.x; };',
  },
  {
    name: 'class static blocks and accessors',
    code: 'class C { static items = []; static { C.items.push(1); } static accessor z = 1; }\nexport const handler = (event) => { C.items.push(event); C.z = event; };',
  },
  {
    name: 'namespace and enum merges',
    code: 'enum E { A }\nnamespace E { export const extra = []; }\nnamespace N.M { export let c = 0; }\nexport const handler = (event) => { E.extra.push(event); };',
  },
  {
    name: 'declare module and global augmentation',
    code: "declare module 'x' { const y: number; }\ndeclare global { var z: string[]; }\nexport const handler = (event) => { globalThis.z.push(event.id); };",
  },
  {
    name: 'optional chaining everywhere',
    code: 'const s = { a: { b: [] } };\nexport const handler = (event) => { s?.a?.b?.push?.(event?.id); s.a!.b![0] = event?.x!; };',
  },
  {
    name: 'handler calling itself recursively through a helper',
    code: 'const seen = [];\nconst again = (e) => handler(e);\nexport const handler = async (event) => { seen.push(event); if (event.n) await again({ n: event.n - 1 }); };',
  },
  {
    name: 'recursive helper passing its parameter to itself',
    code: 'const items = [];\nfunction walk(list, n) { if (n) walk(list, n - 1); list.push(n); }\nexport const handler = (event) => walk(items, event.n);',
  },
  {
    name: 'this-method cycles in a module singleton',
    code: 'class A { a() { this.b(); } b() { this.a(); this.items.push(1); } items = []; }\nconst a = new A();\nexport const handler = (event) => a.a();',
  },
  {
    name: 'guarded call-site cycles',
    code: 'let x;\nfunction f() { if (!x) g(); x = 1; }\nfunction g() { if (!x) f(); }\nexport const handler = (event) => { if (!x) f(); };',
  },
  {
    name: 'alias of globalThis reassigned and destructured',
    code: 'export const handler = (event) => { let g = globalThis; g = {}; g.x = event; const { process: p } = globalThis; p.env.X = event.x; };',
  },
  {
    name: 'parameter alias through spread and default',
    code: 'const items = [];\nfunction f(...lists) { lists[0].push(1); }\nfunction h(list = items) { list.push(2); }\nexport const handler = (event) => { f(items); h(); };',
  },
];

describe('odd inputs never throw', () => {
  for (const kind of Object.keys(RULES) as Kind[]) {
    const { name, rule } = RULES[kind];
    for (const cjs of [false, true]) {
      const inputs = ODD_INPUTS.filter((input) => Boolean(input.cjs) === cjs);
      if (inputs.length === 0) continue;
      // Only "does not throw" is asserted: RuleTester needs an expectation, so each input runs as a Linter call.
      describe(`${name}${cjs ? ' (cjs)' : ''}`, () => {
        for (const input of inputs) {
          it(input.name, async () => {
            const { Linter } = await import('eslint');
            const tsParser = await import('@typescript-eslint/parser');
            const linter = new Linter();
            const messages = linter.verify(
              input.code,
              [
                {
                  files: ['**/*.ts'],
                  plugins: { hs: { rules: { r: rule } } },
                  languageOptions: { parser: tsParser, sourceType: cjs ? 'commonjs' : 'module', ecmaVersion: 'latest' },
                  rules: { 'hs/r': 'error' },
                },
              ],
              'odd.ts',
            );
            const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
            if (fatal.length > 0) throw new Error(`parse error in fixture: ${fatal[0].message}`);
          });
        }
      });
    }
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Suggestion semantics: applying "move the declaration into the handler" must give working code. Checked on the
// parsed output (not on formatting): the declaration leaves module scope, lands directly in the handler body, and
// a directive prologue ('use strict') stays the first statement of that body.
interface SuggestionCase {
  name: string;
  code: string;
  variable: string;
  cjs?: boolean;
  gap?: string;
}

const SUGGESTION_CASES: SuggestionCase[] = [
  {
    name: 'plain const array in an arrow handler',
    variable: 'paths',
    code: `const paths: string[] = [];
export const handler = async (event: { path: string }) => {
  paths.push(event.path);
};`,
  },
  {
    name: 'var declared after the handler',
    variable: 'seen',
    cjs: true,
    code: `exports.handler = function (event, context) {
  seen.push(event.id);
};
var seen = [];`,
  },
  {
    name: "handler body starting with a 'use strict' directive",
    variable: 'count',
    cjs: true,
    code: `var count = 0;
exports.handler = function (event, context) {
  'use strict';
  count++;
  context.succeed(count);
};`,
  },
];

type AnyNode = { type: string; [key: string]: unknown };

function* walk(node: unknown): Generator<AnyNode> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
    return;
  }
  const n = node as AnyNode;
  if (typeof n.type !== 'string') return;
  yield n;
  for (const [key, value] of Object.entries(n)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    yield* walk(value);
  }
}

function declares(statement: AnyNode, name: string): boolean {
  return (
    statement.type === 'VariableDeclaration' &&
    (statement.declarations as AnyNode[]).some(
      (d) => (d.id as AnyNode).type === 'Identifier' && (d.id as { name: string }).name === name,
    )
  );
}

describe('suggestion semantics', () => {
  for (const c of SUGGESTION_CASES) {
    const run = c.gap ? it.skip : it;
    run(c.gap ? `${c.name} — ${c.gap}` : c.name, async () => {
      const { Linter } = await import('eslint');
      const tsParser = await import('@typescript-eslint/parser');
      const rules = Object.fromEntries(
        (Object.keys(RULES) as Kind[]).map((k) => [`hs/${RULES[k].name}`, 'error' as const]),
      );
      const plugin = {
        rules: Object.fromEntries((Object.keys(RULES) as Kind[]).map((k) => [RULES[k].name, RULES[k].rule])),
      };
      const languageOptions = {
        parser: tsParser,
        sourceType: (c.cjs ? 'commonjs' : 'module') as 'module',
        ecmaVersion: 'latest' as const,
      };
      const linter = new Linter();
      const messages = linter.verify(
        c.code,
        [{ files: ['**/*.ts'], plugins: { hs: plugin }, languageOptions, rules }],
        'file.ts',
      );
      const suggestion = messages.flatMap((m) => m.suggestions ?? [])[0];
      if (!suggestion) throw new Error('expected a move-into-handler suggestion');
      const [from, to] = suggestion.fix.range;
      const output = c.code.slice(0, from) + suggestion.fix.text + c.code.slice(to);
      const program = tsParser.parse(output, {
        sourceType: languageOptions.sourceType,
        ecmaVersion: 'latest',
        range: true,
      }) as unknown as AnyNode;
      const topLevel = (program.body as AnyNode[]).some((statement) => declares(statement, c.variable));
      if (topLevel) throw new Error(`declaration of ${c.variable} still at module scope:\n${output}`);
      const originalProgram = tsParser.parse(c.code, {
        sourceType: languageOptions.sourceType,
        ecmaVersion: 'latest',
      }) as unknown as AnyNode;
      const hadDirective = [...walk(originalProgram)].some(
        (n) => n.type === 'BlockStatement' && typeof (n.body as AnyNode[])[0]?.directive === 'string',
      );
      const bodies = [...walk(program)].filter(
        (n) =>
          n.type === 'BlockStatement' && (n.body as AnyNode[]).some((statement) => declares(statement, c.variable)),
      );
      if (bodies.length !== 1) throw new Error(`expected the declaration in exactly one function body:\n${output}`);
      if (hadDirective && typeof (bodies[0].body as AnyNode[])[0]?.directive !== 'string') {
        throw new Error(`the directive prologue is no longer first in the handler body:\n${output}`);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------------------------
// Messages name the variable, the handler and the helper path ("via `a()` → `b()`"), per the spec.
const MESSAGE_CASES: Array<{ name: string; code: string; kind: Kind; mustInclude: string[] }> = [
  {
    name: 'two-level helper path',
    kind: 'growth',
    code: `const auditTrail = [];
function record(entry) {
  auditTrail.push(entry);
}
function track(e) {
  record(e.path);
}
export const handler = async (event) => {
  track(event);
};`,
    mustInclude: ['auditTrail', 'handler', 'track', 'record'],
  },
  {
    name: 'cache through a helper names the cache and the exported handler name',
    kind: 'cache',
    code: `const sessions = new Map();
function remember(token, user) {
  sessions.set(token, user);
}
export const lambdaHandler = async (event) => {
  remember(event.headers.token, event.user);
};`,
    mustInclude: ['sessions', 'lambdaHandler', 'remember'],
  },
  {
    name: 'request data via export list alias names the exported handler',
    kind: 'data',
    code: `let lastUser;
async function main(e) {
  lastUser = e.user;
}
export { main as handler };`,
    mustInclude: ['lastUser', 'handler'],
  },
];

describe('messages', () => {
  for (const c of MESSAGE_CASES) {
    it(c.name, async () => {
      const { Linter } = await import('eslint');
      const tsParser = await import('@typescript-eslint/parser');
      const linter = new Linter();
      const messages = linter.verify(
        c.code,
        [
          {
            files: ['**/*.ts'],
            plugins: { hs: { rules: { r: RULES[c.kind].rule } } },
            languageOptions: { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' },
            rules: { 'hs/r': 'error' },
          },
        ],
        'messages.ts',
      );
      if (messages.length !== 1) throw new Error(`expected one report, got ${messages.length}`);
      const text = messages[0].message;
      const positions = c.mustInclude.map((word) => text.indexOf(word));
      const missing = c.mustInclude.filter((_, i) => positions[i] < 0);
      if (missing.length > 0) throw new Error(`message lacks ${missing.join(', ')}: ${text}`);
    });
  }
});
