// Red-team cases for the four state rules. Whole handlers in the shapes real Lambda code takes, leaky and safe.
import { C, G, W, runCases } from './harness.js';

runCases('realistic handlers', [
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
