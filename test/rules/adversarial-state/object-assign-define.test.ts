// Red-team cases for the four state rules. `Object.assign`, `Object.defineProperty` and `Reflect.set` into module
// state: a request key makes a cache, a request value request data.
import { C, D, W, runCases } from './harness.js';

runCases('Object.assign, Object.defineProperty and Reflect.set', [
  {
    name: 'Object.defineProperty(globalThis, name, { value: event }) stores request data',
    code: `export const handler = async (event) => {
  Object.defineProperty(globalThis, 'lastEvent', { value: event, configurable: true });
};`,
    sites: [D('Object.defineProperty')],
  },
  {
    name: 'Object.defineProperty on a module object with request data',
    code: `const config = {};
export const handler = async (event) => {
  Object.defineProperty(config, 'tenant', { value: event.tenant, configurable: true });
};`,
    sites: [D('Object.defineProperty', { move: true })],
  },
  {
    name: 'Object.assign(globalThis, { user: event.user })',
    code: `export const handler = async (event) => {
  Object.assign(globalThis, { user: event.user });
};`,
    sites: [D('Object.assign')],
  },
  {
    name: 'Reflect.set(config, key, event.user)',
    code: `const config = {};
export const handler = async (event) => {
  Reflect.set(config, 'user', event.user);
};`,
    sites: [D('Reflect.set', { move: true })],
  },
  {
    name: 'Object.assign(config, event.overrides)',
    code: `const config = { currency: 'EUR' };
export const handler = async (event) => {
  Object.assign(config, event.overrides);
};`,
    sites: [D('Object.assign', { move: true })],
  },
  {
    name: 'Object.assign(cache, { [event.id]: data }) is a cache',
    code: `const cache = {};
export const handler = async (event) => {
  Object.assign(cache, { [event.id]: Date.now() });
};`,
    sites: [C('Object.assign', { move: true })],
  },
  {
    name: 'Object.defineProperty(cache, event.id, …) is a cache',
    code: `const cache = {};
export const handler = async (event) => {
  Object.defineProperty(cache, event.id, { value: 1, enumerable: true });
};`,
    sites: [C('Object.defineProperty', { move: true })],
  },
  {
    name: 'Reflect.set(cache, event.id, 1) is a cache',
    code: `const cache = {};
export const handler = async (event) => {
  Reflect.set(cache, event.id, 1);
};`,
    sites: [C('Reflect.set', { move: true })],
  },
  {
    name: 'Object.assign(state, { last: Date.now() }) is a plain write',
    code: `const state = {};
export const handler = async (event) => {
  Object.assign(state, { last: Date.now() });
};`,
    sites: [W('Object.assign', { move: true })],
  },
]);
