// Red-team cases for the four state rules. Which functions are handlers (export forms, wrappers, typings, handler
// settings), and that each is analysed once.
import { D, G, W, runCases } from './harness.js';

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
  {
    name: 'no handler in the file at all',
    code: `const items = [];
export function collect(x) {
  items.push(x);
}`,
  },
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
    name: 'satisfies Handler under a non-handler name',
    code: `import type { Handler } from 'aws-lambda';
const seen: unknown[] = [];
export const main = (async (e) => {
  seen.push(e);
}) satisfies Handler;`,
    sites: [G('seen.push', { move: true })],
  },
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
    name: 'a function named handler that is not exported is not a handler',
    code: `const seen = [];
function handler(input) {
  seen.push(input);
}
export const run = (job) => job;`,
  },
]);
