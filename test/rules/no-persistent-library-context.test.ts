// RuleTester suite for no-persistent-library-context: request data left in library objects that outlive the invocation.
import { describe, expect, it } from 'vitest';
import { LIBRARY_CONTEXT_TABLE } from '../../src/analysis/leaks/library-context.js';
import rule from '../../src/rules/no-persistent-library-context.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';
import { caseBuilders } from '../helpers/cases.js';

const MESSAGE_ID = 'persistentLibraryContext';

const { bad, good } = caseBuilders(MESSAGE_ID);

const LOGGER = `import { Logger } from '@aws-lambda-powertools/logger';\nconst logger = new Logger({ serviceName: 'orders' });\n`;
const SENTRY = `import * as Sentry from '@sentry/aws-serverless';\n`;

ruleTester.run('no-persistent-library-context', rule as never, {
  valid: [
    // Powertools Logger
    good(
      'appendKeys with resetKeys() in finally',
      `${LOGGER}
export const handler = async (event) => {
  logger.appendKeys({ orderId: event.orderId });
  try {
    return await process(event);
  } finally {
    logger.resetKeys();
  }
};
`,
    ),
    good(
      'appendKeys with resetKeys() at the start of the handler',
      `${LOGGER}
export const handler = async (event) => {
  logger.resetKeys();
  logger.appendKeys({ orderId: event.orderId });
};
`,
    ),
    good(
      'appendKeys under middy injectLambdaContext({ resetKeys: true })',
      `import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
const logger = new Logger();
const lambdaHandler = async (event) => {
  logger.appendKeys({ tenant: event.headers['x-tenant'] });
};
export const handler = middy(lambdaHandler).use(injectLambdaContext(logger, { resetKeys: true }));
`,
    ),
    good(
      'appendKeys under the v1-style clearState option, loggers passed as an array',
      `import { Logger, injectLambdaContext } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
const logger = new Logger();
const audit = new Logger({ serviceName: 'audit' });
const lambdaHandler = async (event) => {
  logger.appendKeys({ user: event.user });
};
export const handler = middy(lambdaHandler).use(injectLambdaContext([audit, logger], { clearState: true }));
`,
    ),
    good(
      'appendKeys under the decorator @logger.injectLambdaContext({ resetKeys: true })',
      `import { Logger } from '@aws-lambda-powertools/logger';
import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
const logger = new Logger();
class Lambda implements LambdaInterface {
  @logger.injectLambdaContext({ resetKeys: true })
  public async handler(event: { user: string }, _context: unknown): Promise<void> {
    logger.appendKeys({ user: event.user });
  }
}
const instance = new Lambda();
export const handler = instance.handler.bind(instance);
`,
    ),
    good(
      'appendKeys with constant data only',
      `${LOGGER}
export const handler = async (event) => {
  logger.appendKeys({ region: process.env.AWS_REGION, feature: 'checkout' });
};
`,
    ),
    good(
      'appendPersistentKeys at start-up',
      `${LOGGER}
logger.appendPersistentKeys({ version: process.env.VERSION });
export const handler = async (event) => { logger.info('hi', { id: event.id }); };
`,
    ),
    good(
      'appendPersistentKeys removed again with removePersistentKeys in the same handler',
      `${LOGGER}
export const handler = async (event) => {
  logger.appendPersistentKeys({ user: event.user });
  try { await work(event); } finally { logger.removePersistentKeys(['user']); }
};
`,
    ),
    good(
      'extra keys on a single log call do not persist',
      `${LOGGER}
export const handler = async (event) => {
  logger.info('processing', { orderId: event.orderId });
};
`,
    ),
    good(
      'a logger created inside the handler is per invocation',
      `import { Logger } from '@aws-lambda-powertools/logger';
export const handler = async (event) => {
  const logger = new Logger();
  logger.appendPersistentKeys({ user: event.user });
};
`,
    ),
    good(
      'a Logger from another library is not modelled',
      `import { Logger } from './my-logger.js';
const logger = new Logger();
export const handler = async (event) => { logger.appendKeys({ user: event.user }); };
`,
    ),
    // Sentry
    good(
      'Sentry withScope: data set on the scope passed to the callback',
      `${SENTRY}
export const handler = Sentry.wrapHandler(async (event) => {
  try {
    return await work(event);
  } catch (error) {
    Sentry.withScope((scope) => {
      scope.setUser({ id: event.requestContext.authorizer.principalId });
      scope.setTag('route', event.routeKey);
      Sentry.captureException(error);
    });
    throw error;
  }
});
`,
    ),
    good(
      'Sentry withIsolationScope around the handler body',
      `${SENTRY}
export const handler = async (event) =>
  Sentry.withIsolationScope(async () => {
    Sentry.setUser({ id: event.userId });
    Sentry.setTags({ tenant: event.tenant });
    return work(event);
  });
`,
    ),
    good(
      'Sentry tags with constant values',
      `${SENTRY}
export const handler = async (event) => {
  Sentry.setTag('component', 'orders');
  return work(event);
};
`,
    ),
    good(
      'Sentry setUser at start-up',
      `${SENTRY}
Sentry.setContext('runtime', { region: process.env.AWS_REGION });
export const handler = async (event) => work(event);
`,
    ),
    good(
      'a local object with a setUser method is not Sentry',
      `const tracker = { setUser(u) { return u; } };
export const handler = async (event) => { tracker.setUser(event.user); };
`,
    ),
    good(
      'allow option skips a receiver',
      `${LOGGER}
export const handler = async (event) => { logger.appendKeys({ id: event.id }); };
`,
      { options: [{ allow: ['logger'] }] },
    ),
  ],
  invalid: [
    bad(
      'Powertools appendKeys with request data and no reset',
      `${LOGGER}
export const handler = async (event) => {
  logger.appendKeys({ orderId: event.orderId });
  logger.info('processing order');
};
`,
      ['logger.appendKeys('],
    ),
    bad(
      'Powertools appendPersistentKeys and its deprecated aliases with request data',
      `${LOGGER}
export const handler = async (event, context) => {
  logger.appendPersistentKeys({ user: event.requestContext.authorizer.principalId });
  logger.addPersistentLogAttributes({ path: event.path });
  logger.setPersistentLogAttributes({ id: context.awsRequestId });
};
`,
      ['logger.appendPersistentKeys(', 'logger.addPersistentLogAttributes(', 'logger.setPersistentLogAttributes('],
    ),
    bad(
      'persistent keys are not removed by resetKeys or the resetKeys middleware option',
      `import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
const logger = new Logger();
const lambdaHandler = async (event) => {
  logger.appendPersistentKeys({ user: event.user });
  logger.resetKeys();
};
export const handler = middy(lambdaHandler).use(injectLambdaContext(logger, { resetKeys: true }));
`,
      ['logger.appendPersistentKeys('],
    ),
    bad(
      'middleware with resetKeys: false does not reset',
      `import { Logger, injectLambdaContext } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
const logger = new Logger();
const lambdaHandler = async (event) => {
  logger.appendKeys({ user: event.user });
};
export const handler = middy(lambdaHandler).use(injectLambdaContext(logger, { resetKeys: false }));
`,
      ['logger.appendKeys('],
    ),
    bad(
      'the reset middleware for another logger does not reset this one',
      `import { Logger, injectLambdaContext } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
const logger = new Logger();
const audit = new Logger();
const lambdaHandler = async (event) => {
  audit.appendKeys({ user: event.user });
};
export const handler = middy(lambdaHandler).use(injectLambdaContext(logger, { resetKeys: true }));
`,
      ['audit.appendKeys('],
    ),
    bad(
      'decorator without resetKeys',
      `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger();
class Lambda {
  @logger.injectLambdaContext({ logEvent: true })
  public async handler(event: { user: string }, _context: unknown): Promise<void> {
    logger.appendKeys({ user: event.user });
  }
}
const instance = new Lambda();
export const handler = instance.handler.bind(instance);
`,
      ['logger.appendKeys('],
    ),
    bad(
      'child logger and a helper the handler calls',
      `${LOGGER}const child = logger.createChild({ serviceName: 'payments' });
function tagRequest(id) {
  child.appendKeys({ paymentId: id });
}
export const handler = async (event) => {
  tagRequest(event.paymentId);
};
`,
      ['child.appendKeys('],
    ),
    bad(
      'resetKeys in a different handler does not reset this one',
      `${LOGGER}
export const handler = async (event) => {
  logger.appendKeys({ id: event.id });
};
export const lambdaHandler = async (event) => {
  logger.resetKeys();
};
`,
      ['logger.appendKeys('],
    ),
    bad(
      'Powertools Metrics default dimensions with request data',
      `import { Metrics } from '@aws-lambda-powertools/metrics';
const metrics = new Metrics({ namespace: 'shop' });
export const handler = async (event) => {
  metrics.setDefaultDimensions({ tenant: event.tenant });
  metrics.addDimension('route', event.routeKey);
};
`,
      ['metrics.setDefaultDimensions('],
    ),
    bad(
      'Sentry setUser, setTag, setTags, setContext, setExtra, setExtras on the module API inside a handler',
      `${SENTRY}
export const handler = Sentry.wrapHandler(async (event) => {
  Sentry.setUser({ id: event.requestContext.authorizer.principalId });
  Sentry.setTag('tenant', event.headers['x-tenant']);
  Sentry.setTags({ route: event.routeKey });
  Sentry.setContext('order', { id: event.pathParameters.id });
  Sentry.setExtra('body', event.body);
  Sentry.setExtras({ query: event.queryStringParameters });
  return work(event);
});
`,
      [
        'Sentry.setUser(',
        'Sentry.setTag(',
        'Sentry.setTags(',
        'Sentry.setContext(',
        'Sentry.setExtra(',
        'Sentry.setExtras(',
      ],
    ),
    bad(
      'Sentry named imports and @sentry/node',
      `import { setUser, setTag } from '@sentry/node';
export const handler = async (event) => {
  setUser({ email: event.email });
  setTag('order', event.orderId);
};
`,
      ['setUser({', "setTag('order'"],
    ),
    bad(
      'Sentry top-level setter inside withScope still writes to the isolation scope (v8+)',
      `${SENTRY}
export const handler = async (event) => {
  Sentry.withScope(() => {
    Sentry.setUser({ id: event.userId });
  });
};
`,
      ['Sentry.setUser('],
    ),
    bad(
      'Sentry global scope is never isolated, even inside withIsolationScope',
      `${SENTRY}
export const handler = async (event) =>
  Sentry.withIsolationScope(() => {
    Sentry.getGlobalScope().setTag('tenant', event.tenant);
    Sentry.getIsolationScope().setUser({ id: event.userId });
  });
`,
      ['Sentry.getGlobalScope().setTag('],
    ),
    bad(
      'Sentry getIsolationScope outside withIsolationScope',
      `${SENTRY}
export const handler = async (event) => {
  Sentry.getIsolationScope().setContext('req', { path: event.rawPath });
};
`,
      ['Sentry.getIsolationScope().setContext('],
    ),
  ],
});

cjsRuleTester.run('no-persistent-library-context (CommonJS)', rule as never, {
  valid: [
    good(
      'require form with resetKeys in finally',
      `
const { Logger } = require('@aws-lambda-powertools/logger');
const logger = new Logger();
exports.handler = async (event) => {
  try { logger.appendKeys({ id: event.id }); } finally { logger.resetKeys(); }
};
`,
    ),
  ],
  invalid: [
    bad(
      'require forms of Powertools and Sentry (v7 package)',
      `
const { Logger } = require('@aws-lambda-powertools/logger');
const Sentry = require('@sentry/serverless');
const logger = new Logger();
exports.handler = Sentry.AWSLambda.wrapHandler(async (event) => {
  logger.appendKeys({ id: event.id });
  Sentry.setUser({ id: event.userId });
});
`,
      ['logger.appendKeys(', 'Sentry.setUser('],
    ),
  ],
});

describe('library context table', () => {
  it('names every row, its sources, and at least one add method or assigned path', () => {
    const ids = LIBRARY_CONTEXT_TABLE.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of LIBRARY_CONTEXT_TABLE) {
      expect(row.sources.length).toBeGreaterThan(0);
      expect(row.adds.length + (row.assignedPaths?.length ?? 0)).toBeGreaterThan(0);
      // An assigned path is followed below the module API only.
      if (row.assignedPaths) expect(row.object.kind).toBe('module');
      expect(row.hazard).not.toMatch(/\.$/u);
    }
  });
});
