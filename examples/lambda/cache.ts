// Example: the fix for an unbounded cache. ✅ a bounded lru-cache keyed by request data: nothing is reported.
import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
import { LRUCache } from 'lru-cache';
import { fetchExchangeRate } from './rates.js';

// At most 200 currency pairs, each kept for five minutes; shared values only (rates do not depend on the caller).
const rates = new LRUCache<string, number>({ max: 200, ttl: 5 * 60_000 });

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const pair = `${event.queryStringParameters?.from}:${event.queryStringParameters?.to}`;
  let rate = rates.get(pair);
  if (rate === undefined) {
    rate = await fetchExchangeRate(pair);
    rates.set(pair, rate); // bounded: quiet
  }
  return { statusCode: 200, body: JSON.stringify({ pair, rate }) };
};
