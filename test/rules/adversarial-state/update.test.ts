// Red-team cases for the four state rules. Counters: `x++`, `x--`, `x += 1` and `x = x + 1` on numbers are plain
// writes unless the value comes from the request.
import { C, W, runCases } from './harness.js';

runCases('update expressions and counters', [
  {
    name: 'nested counter stats.hits++',
    code: `const stats = { hits: 0 };
export const handler = async (event) => {
  stats.hits++;
};`,
    sites: [W('stats.hits++', { move: true })],
  },
  {
    name: 'stats[event.route]++ fills one slot per distinct route (cache)',
    code: `const stats = {};
export const handler = async (event) => {
  stats[event.route]++;
};`,
    sites: [C('stats[event.route]++', { move: true })],
  },
  {
    name: 'numeric counter from itself is a plain write',
    code: `let count = 0;
export const handler = async (event) => {
  count = count + 1;
  count += 1;
};`,
    sites: [W('count = count', { move: true }), W('count += 1', { move: true })],
  },
  {
    name: 'in-flight counter in try/finally',
    code: `let inFlight = 0;
export const handler = async (event) => {
  inFlight++;
  try {
    return await work(event);
  } finally {
    inFlight--;
  }
};`,
    sites: [W('inFlight++', { move: true }), W('inFlight--', { move: true })],
  },
  {
    name: 'invocation counter with += is strict only',
    code: `let invocationCount = 0;
export const handler = async (event) => {
  invocationCount += 1;
  return { statusCode: 200, body: String(invocationCount) };
};`,
    sites: [W('invocationCount +=', { move: true })],
  },
  {
    name: 'counters under constant keys and loop indexes stay plain writes',
    code: `const hits = [0];
const stats = { total: 0 };
const KEY = 'x';
const byKey = {};
const arr = [1, 2];
export const handler = async (event) => {
  hits[0]++;
  stats.total++;
  byKey[KEY]++;
  for (let i = 0; i < arr.length; i++) arr[i]++;
};`,
    sites: [
      W('hits[0]++', { move: true }),
      W('stats.total++', { move: true }),
      W('byKey[KEY]++', { move: true }),
      W('arr[i]++', { move: true }),
    ],
  },
]);
