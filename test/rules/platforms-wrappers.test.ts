// Wrappers seen in real code: serverless-http(app), Powertools makeIdempotent and kafkaConsumer, createGraphQLHandler.
import { describe, expect, it } from 'vitest';
import { dedent, handlersOf, runPlatform, type Quiet, type Reported } from './platforms-helpers.js';

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

const reported: Reported[] = [
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

const quiet: Quiet[] = [
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
});

runPlatform('platforms: wrappers', reported, quiet);
