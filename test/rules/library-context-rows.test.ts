// The library table's rows beyond the first ones: aliases that store through the same place (Powertools
// setCorrelationId), pino bindings, Sentry's current scope and its clearing call, Day.js module defaults, and winston
// defaultMeta (an assignment, so a state-rule finding). Each reported call sits next to its per-request or reset twin.
import rule from '../../src/rules/no-persistent-library-context.js';
import dataRule from '../../src/rules/no-request-data-in-module-scope.js';
import { caseBuilders } from '../helpers/cases.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';

const { bad, good } = caseBuilders('persistentLibraryContext');
const data = caseBuilders('requestDataInModuleScope');

const POWERTOOLS = `import { Logger } from '@aws-lambda-powertools/logger';\nconst logger = new Logger();\n`;
const PINO = `import pino from 'pino';\nconst logger = pino({ level: 'info' });\n`;
const SENTRY = `import * as Sentry from '@sentry/aws-serverless';\n`;
const DAYJS = `import dayjs from 'dayjs';\n`;

ruleTester.run('no-persistent-library-context: more rows', rule as never, {
  valid: [
    good(
      'Powertools setCorrelationId reset in finally',
      `${POWERTOOLS}export const handler = async (event) => {
  logger.setCorrelationId(event.requestContext.requestId);
  try {
    return await work(event);
  } finally {
    logger.resetKeys();
  }
};`,
    ),
    good(
      'Powertools setCorrelationId under injectLambdaContext({ resetKeys: true })',
      `import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
const logger = new Logger();
const main = async (event) => {
  logger.setCorrelationId(event.headers['x-correlation-id']);
};
export const handler = middy(main).use(injectLambdaContext(logger, { resetKeys: true }));`,
    ),
    good(
      'pino: a child logger per request carries the request id',
      `${PINO}export const handler = async (event) => {
  const log = logger.child({ requestId: event.requestContext.requestId });
  log.info('start');
};`,
    ),
    good(
      'pino: setBindings with a constant, and at start-up',
      `${PINO}logger.setBindings({ region: process.env.AWS_REGION });
export const handler = async (event) => {
  logger.setBindings({ component: 'orders' });
  logger.info({ id: event.id }, 'start');
};`,
    ),
    good(
      'pino: setBindings on a logger made per request',
      `import pino from 'pino';
export const handler = async (event) => {
  const logger = pino();
  logger.setBindings({ user: event.user });
};`,
    ),
    good(
      'Sentry: setUser cleared with setUser(null) in finally',
      `${SENTRY}export const handler = async (event) => {
  Sentry.setUser({ id: event.userId });
  try {
    return await work(event);
  } finally {
    Sentry.setUser(null);
  }
};`,
    ),
    good(
      'Sentry: getCurrentScope inside wrapHandler is forked per invocation',
      `${SENTRY}export const handler = Sentry.wrapHandler(async (event) => {
  Sentry.getCurrentScope().setTag('tenant', event.tenant);
});
const main = async (event) => {
  Sentry.getCurrentScope().setUser({ id: event.userId });
};
export const other = Sentry.wrapHandler(main);`,
    ),
    good(
      'Sentry: getCurrentScope inside withScope',
      `${SENTRY}export const handler = async (event) => {
  Sentry.withScope(() => {
    Sentry.getCurrentScope().setUser({ id: event.userId });
    Sentry.captureMessage('hello');
  });
};`,
    ),
    good(
      'Day.js: per-call locale and zone',
      `${DAYJS}export const handler = async (event) => ({
  body: dayjs().locale(event.lang).format() + dayjs.tz(event.date, event.zone).format(),
});`,
    ),
    good(
      'Day.js: default zone reset with setDefault() in finally',
      `${DAYJS}export const handler = async (event) => {
  dayjs.tz.setDefault(event.zone);
  try {
    return render(event);
  } finally {
    dayjs.tz.setDefault();
  }
};`,
    ),
  ],
  invalid: [
    bad(
      'Powertools setCorrelationId with nothing resetting it',
      `${POWERTOOLS}export const handler = async (event) => {
  logger.setCorrelationId(event.requestContext.requestId);
  return work(event);
};`,
      ['logger.setCorrelationId('],
    ),
    bad(
      'pino: setBindings with request data on the module logger and on a module-level child',
      `${PINO}const audit = logger.child({ component: 'audit' });
export const handler = async (event) => {
  logger.setBindings({ user: event.user });
  audit.setBindings({ tenant: event.tenant });
};`,
      ['logger.setBindings(', 'audit.setBindings('],
    ),
    bad(
      'Sentry: getCurrentScope in a handler that nothing wraps',
      `${SENTRY}export const handler = async (event) => {
  Sentry.getCurrentScope().setUser({ id: event.userId });
};`,
      ['Sentry.getCurrentScope().setUser('],
    ),
    bad(
      'Sentry: setUser(null) in another handler does not clear this one',
      `${SENTRY}export const login = async (event) => {
  Sentry.setUser({ id: event.userId });
};
export const logout = async () => {
  Sentry.setUser(null);
};`,
      ['Sentry.setUser({'],
    ),
    bad(
      'Day.js: the global locale and the default zone set from the request',
      `${DAYJS}export const handler = async (event) => {
  dayjs.locale(event.headers['accept-language']);
  dayjs.tz.setDefault(event.queryStringParameters.tz);
  return render(event);
};`,
      ['dayjs.locale(', 'dayjs.tz.setDefault('],
    ),
  ],
});

cjsRuleTester.run('no-persistent-library-context: more rows (CommonJS)', rule as never, {
  valid: [],
  invalid: [
    bad(
      'pino required and called in one go',
      `const logger = require('pino')();
exports.handler = async (event) => {
  logger.setBindings({ requestId: event.requestId });
};`,
      ['logger.setBindings('],
    ),
  ],
});

ruleTester.run('winston defaultMeta is module state', dataRule as never, {
  valid: [
    data.good(
      'winston: a child logger per request',
      `import winston from 'winston';
const logger = winston.createLogger({ defaultMeta: { service: 'orders' } });
export const handler = async (event) => {
  logger.child({ requestId: event.requestId }).info('start');
};`,
    ),
  ],
  invalid: [
    data.bad(
      'winston: defaultMeta replaced or extended with request data',
      `import winston from 'winston';
const logger = winston.createLogger({ defaultMeta: { service: 'orders' } });
logger.info('ready');
export const handler = async (event) => {
  logger.defaultMeta = { service: 'orders', requestId: event.requestId };
  logger.defaultMeta.user = event.user;
};`,
      ['logger.defaultMeta =', 'logger.defaultMeta.user'],
    ),
  ],
});
