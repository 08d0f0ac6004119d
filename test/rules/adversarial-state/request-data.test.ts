// Red-team cases for the four state rules. Which values are request data: parameters, destructuring, callbacks,
// awaits, helpers' return values, and what is not.
import { C, D, W, runCases } from './harness.js';

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
    name: 'closure capturing request data stored in module state',
    code: `let onShutdown;
export const handler = async (event) => {
  onShutdown = () => flush(event.id);
};`,
    sites: [D('onShutdown =', { move: true })],
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
