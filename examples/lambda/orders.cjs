// Example: GET /orders/{id}. ❌ an unbounded cache keyed by request data; ✅ an SDK client created once at start-up.
'use strict';

const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');

// ✅ Start-up code: one client per execution environment, reused by every invocation.
const dynamo = new DynamoDBClient({});
const TABLE = process.env.ORDERS_TABLE;

// ❌ Every distinct order id adds an entry that is never evicted, and an order fetched for
// one caller is served to the next caller that asks for the same id.
const orderCache = {};

exports.handler = async (event) => {
  const orderId = event.pathParameters.id;
  if (orderCache[orderId]) {
    return { statusCode: 200, body: JSON.stringify(orderCache[orderId]) };
  }

  const result = await dynamo.send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: orderId } } }));
  if (!result.Item) return { statusCode: 404, body: '' };

  orderCache[orderId] = result.Item; // reported: no-unbounded-cache
  return { statusCode: 200, body: JSON.stringify(result.Item) };
};
