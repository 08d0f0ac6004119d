// Red-team cases for the four state rules. Destructuring assignment and `for-of`/`for-in` loops whose targets are
// module variables: one report per target.
import { D, runCases } from './harness.js';

runCases('destructuring and loop targets', [
  {
    name: 'destructuring assignment ({ user: current } = event)',
    code: `let current;
export const handler = async (event) => {
  ({ user: current } = event);
};`,
    sites: [D('current }', { move: true })],
  },
  {
    name: 'array destructuring [first, second] = event.items: one report per target',
    code: `let first;
let second;
export const handler = async (event) => {
  [first, second] = event.items;
};`,
    sites: [D('first,', { move: true }), D('second]', { move: true })],
  },
  {
    name: 'for-of with a module-scope loop variable',
    code: `let last;
export const handler = async (event) => {
  for (last of event.Records) {
    console.log(last);
  }
};`,
    sites: [D('last of', { move: true })],
  },
  {
    name: 'for-in with a module loop variable over request data',
    code: `let lastKey;
export const handler = async (event) => {
  for (lastKey in event.headers) {
  }
};`,
    sites: [D('lastKey in', { move: true })],
  },
]);
