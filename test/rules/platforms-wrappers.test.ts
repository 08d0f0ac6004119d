// Wrappers seen in real code: serverless-http(app), Powertools makeIdempotent and kafkaConsumer, createGraphQLHandler.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const IDEMPOTENT = dedent(`
  import { makeIdempotent } from '@aws-lambda-powertools/idempotency';

  const processed: string[] = [];

  const processRecord = async (record: { id: string }) => {
    processed.push(record.id);
  };

  export const main = makeIdempotent(processRecord, { persistenceStore });
  export const count = () => processed.length;
`);

const KAFKA = dedent(`
  import { kafkaConsumer } from '@aws-lambda-powertools/kafka';

  const offsets: number[] = [];

  export const consume = kafkaConsumer(async (event, context) => {
    for (const record of event.records) offsets.push(record.offset);
  }, { value: { type: 'json' } });

  export const last = () => offsets.at(-1);
`);

const GRAPHQL = dedent(`
  import { createGraphQLHandler } from '@redwoodjs/graphql-server';

  const failures: string[] = [];

  export const handler = createGraphQLHandler({
    sdls,
    services,
    onException: () => {
      failures.push('exception');
    },
  });

  export const failureCount = () => failures.length;
`);

const SERVERLESS_HTTP = dedent(`
  const serverless = require('serverless-http');
  const express = require('express');

  const app = express();
  const orders = [];

  app.post('/orders', (req, res) => {
    orders.push(req.body);
    res.status(201).end();
  });

  module.exports.handler = serverless(app);
  module.exports.count = () => orders.length;
`);

const MIDDY_V4 = dedent(`
  import middy from '@middy/core';
  import jsonBodyParser from '@middy/http-json-body-parser';

  const bodies: unknown[] = [];

  export const main = middy()
    .use(jsonBodyParser())
    .handler(async (req) => {
      bodies.push(req.body);
      return { statusCode: 204 };
    });

  export const bodyCount = () => bodies.length;
`);

const MIDDY_OPTIONS = dedent(`
  import middy from '@middy/core';

  let lastInput;

  async function process(input) {
    lastInput = input.detail;
  }

  export const worker = middy({ timeoutEarlyInMillis: 50 }).handler(process);
  export const peek = () => lastInput;
`);

const MIDDY_BOUND_BASE = dedent(`
  const createHandler = require('@middy/core');
  const errors = require('@middy/http-error-handler');

  const base = createHandler().use(errors());
  const seen = [];

  module.exports.api = base.handler(async (input) => {
    seen.push(input.path);
  });
  module.exports.seenCount = () => seen.length;
`);

const MIDDY_BASE_FIRST = dedent(`
  import middy from '@middy/core';
  import validator from '@middy/validator';

  const ids: string[] = [];

  const ingest = async (input: { id: string }) => {
    ids.push(input.id);
  };

  export const run = middy(ingest).use(validator({ eventSchema }));
  export const idCount = () => ids.length;
`);

const reported: Reported[] = [
  {
    name: 'middy().use(x()).handler(fn) under a name that is not handler',
    filename: '/l/src/main.ts',
    code: MIDDY_V4,
    rule: 'growth',
    at: ['bodies.push('],
  },
  {
    name: 'middy({ options }).handler(fn) with a function declared elsewhere',
    filename: '/l/src/worker.js',
    code: MIDDY_OPTIONS,
    rule: 'requestData',
    at: ['lastInput ='],
  },
  {
    name: 'middy imported under another name, chain bound to a module name, then .handler(fn)',
    filename: '/l/src/api.js',
    code: MIDDY_BOUND_BASE,
    rule: 'growth',
    at: ['seen.push('],
    commonjs: true,
  },
  {
    name: 'middy(fn).use(x()) still makes fn the handler',
    filename: '/l/src/run.ts',
    code: MIDDY_BASE_FIRST,
    rule: 'growth',
    at: ['ids.push('],
  },

  {
    name: 'makeIdempotent(fn) under a name that is not handler',
    filename: '/l/src/idem.ts',
    code: IDEMPOTENT,
    rule: 'growth',
    at: ['processed.push('],
  },
  { name: 'kafkaConsumer(fn)', filename: '/l/src/kafka.ts', code: KAFKA, rule: 'growth', at: ['offsets.push('] },
  {
    name: 'createGraphQLHandler({ onException })',
    filename: '/l/api/src/functions/graphql.ts',
    code: GRAPHQL,
    rule: 'growth',
    at: ['failures.push('],
  },
  {
    name: 'serverless-http(app): the routes are the handlers',
    filename: '/l/src/app.js',
    code: SERVERLESS_HTTP,
    rule: 'growth',
    at: ['orders.push('],
    commonjs: true,
  },
];

const NOT_MIDDY_CHAIN = dedent(`
  import { pipeline } from './pipeline';

  const steps = [];

  export const build = pipeline()
    .use(trim())
    .handler(async (input) => {
      steps.push(input.step);
    });
`);

const quiet: Quiet[] = [
  {
    name: '.handler(fn) at the end of a chain that does not start with middy()',
    filename: '/l/src/build.js',
    code: NOT_MIDDY_CHAIN,
  },
  {
    name: 'middy().handler(fn) that only reads module state',
    filename: '/l/src/read.ts',
    code: dedent(`
      import middy from '@middy/core';
      const greetings = { en: 'hello', fr: 'bonjour' };
      export const greet = middy().handler(async (req) => ({ body: greetings[req.lang] ?? greetings.en }));
    `),
  },
  {
    name: 'serverless-http with routes that only read module state',
    filename: '/l/src/app.js',
    commonjs: true,
    code: dedent(`
      const serverless = require('serverless-http');
      const express = require('express');
      const app = express();
      const menu = ['tea', 'coffee'];
      app.get('/menu', (req, res) => res.json(menu));
      module.exports.handler = serverless(app);
    `),
  },
];

describe('wrapper detection', () => {
  it('labels the wrapped function with its export name', () => {
    expect(handlersOf(IDEMPOTENT, '/l/src/idem.ts')).toEqual(['aws-lambda main']);
    expect(handlersOf(KAFKA, '/l/src/kafka.ts')).toEqual(['aws-lambda consume']);
    expect(handlersOf(SERVERLESS_HTTP, '/l/src/app.js', { commonjs: true })).toEqual(['express POST /orders']);
  });

  it('finds the function passed to .handler() at the end of a middy() chain, whatever the export name', () => {
    expect(handlersOf(MIDDY_V4, '/l/src/main.ts')).toEqual(['aws-lambda main']);
    expect(handlersOf(MIDDY_OPTIONS, '/l/src/worker.js')).toEqual(['aws-lambda worker']);
    expect(handlersOf(MIDDY_BOUND_BASE, '/l/src/api.js', { commonjs: true })).toEqual(['aws-lambda api']);
    expect(handlersOf(MIDDY_BASE_FIRST, '/l/src/run.ts')).toEqual(['aws-lambda run']);
    expect(handlersOf(NOT_MIDDY_CHAIN, '/l/src/build.js')).toEqual([]);
  });
});

runPlatform('platforms: wrappers', reported, quiet);
