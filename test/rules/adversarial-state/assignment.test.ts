// Red-team cases for the four state rules. Assignment to module variables and their properties: `=`, compound (`+=`)
// and logical (`??=`, `||=`, `&&=`), self-growth by reassignment.
import { D, G, W, runCases } from './harness.js';

runCases('assignment', [
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
    name: 'deep property write state.a.b.c = event.x',
    code: `const state = { a: { b: {} } };
export const handler = async (event) => {
  state.a.b.c = event.x;
};`,
    sites: [D('state.a.b.c', { move: true })],
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
    name: 'spread-copy into module Map under request keys (new Map([...cache, [k, v]]))',
    unspecified: ['growth', 'write', 'data'],
    code: `let cache = new Map();
export const handler = async (event) => {
  cache = new Map([...cache, [event.id, 1]]);
};`,
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
    name: 'numeric sum of request amounts is request data, not growth',
    code: `let total = 0;
export const handler = async (event) => {
  total = total + event.amount;
};`,
    sites: [D('total = total', { move: true })],
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
    name: 'length set from request data',
    code: `const items = [1, 2, 3];
export const handler = async (event) => {
  items.length = event.keep;
};`,
    sites: [D('items.length', { move: true })],
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
    name: 'prepending to a number is arithmetic, not string growth',
    code: `let total = 0;
export const handler = async (event) => {
  total = event.amount + total;
};`,
    sites: [D('total = event', { move: true })],
  },
]);
