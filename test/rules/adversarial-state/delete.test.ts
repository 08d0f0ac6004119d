// Red-team cases for the four state rules. The `delete` operator on module state: a plain write (eviction), never a
// cache fill.
import { W, runCases } from './harness.js';

runCases('delete', [
  {
    name: 'delete cache[event.id] is a plain write (eviction, not a cache fill)',
    code: `const cache = {};
export const handler = async (event) => {
  delete cache[event.id];
};`,
    sites: [W('delete cache', { move: true })],
  },
  {
    name: 'delete globalThis.lastEvent is a plain write',
    code: `export const handler = async (event) => {
  delete globalThis.lastEvent;
};`,
    sites: [W('delete globalThis')],
  },
]);
