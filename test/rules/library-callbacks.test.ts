// Callbacks handed at module scope to an object that runs them while a handler uses it: a listener registered
// under a literal name runs inside the function that emits that name on the same emitter, with the emitted
// arguments as its parameters; a template helper runs while the handler renders. Each reported shape sits next to
// a twin that must stay quiet: another name, a computed name, another emitter, an emit only at start-up.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-module-state-write.js';
import dataRule from '../../src/rules/no-request-data-in-module-scope.js';
import { caseBuilders } from '../helpers/cases.js';
import { lintProjectFile } from '../helpers/lint.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';

const { bad, good } = caseBuilders('moduleStateWrite');
const data = caseBuilders('requestDataInModuleScope');

const EVENTS = `import { EventEmitter } from 'node:events';
const events = new EventEmitter();
let lastOrder = null;
let orders = 0;
events.on('order', (order) => {
  lastOrder = order.id;
});
events.once('count', () => {
  orders += 1;
});
`;

ruleTester.run('library callbacks: listeners run by the handler', rule as never, {
  valid: [
    good(
      'another name is emitted',
      `${EVENTS}export const handler = async (event) => {
  events.emit('shipped', { id: event.id });
};`,
    ),
    good(
      'a computed name is emitted',
      `${EVENTS}export const handler = async (event) => {
  events.emit(event.kind, { id: event.id });
};`,
    ),
    good(
      'the same name on another emitter',
      `${EVENTS}const audit = new EventEmitter();
export const handler = async (event) => {
  audit.emit('order', { id: event.id });
  audit.emit('count');
};`,
    ),
    good(
      'the name emitted only at start-up',
      `${EVENTS}events.emit('order', { id: 'warm-up' });
export const handler = async () => ({ statusCode: 200 });`,
    ),
    good(
      'a listener that writes only its own locals',
      `import { EventEmitter } from 'node:events';
const events = new EventEmitter();
events.on('order', (order) => {
  const seen = [order.id];
  console.log(seen);
});
export const handler = async (event) => {
  events.emit('order', { id: event.id });
};`,
    ),
  ],
  invalid: [
    bad(
      'a count kept by a listener the handler emits to',
      `${EVENTS}export const handler = async () => {
  events.emit('count');
};`,
      ['orders += 1'],
    ),
    bad(
      'a hookable hook called by an Express route',
      `import { createHooks } from 'hookable';
import express from 'express';
const hooks = createHooks();
let renders = 0;
hooks.hook('render', () => {
  renders++;
});
const app = express();
app.get('/', async (req, res) => {
  await hooks.callHook('render');
  res.send('ok');
});`,
      ['renders++'],
    ),
  ],
});

ruleTester.run('library callbacks: emitted arguments are request data', dataRule as never, {
  valid: [
    data.good(
      'the listener is given a constant',
      `${EVENTS}export const handler = async () => {
  events.emit('order', { id: 'fixed' });
};`,
    ),
  ],
  invalid: [
    data.bad(
      'the listener is given the request body',
      `${EVENTS}export const handler = async (event) => {
  events.emit('order', JSON.parse(event.body));
};`,
      ['lastOrder = order.id'],
    ),
  ],
});

cjsRuleTester.run('library callbacks: CommonJS', rule as never, {
  valid: [],
  invalid: [
    bad(
      'a listener registered with a named function, emitted in a route module',
      `const EventEmitter = require('events');
const bus = new EventEmitter();
let hits = 0;
function countHit() {
  hits++;
}
bus.addListener('hit', countHit);
module.exports = (app) => {
  app.get('/x', (req, res) => {
    bus.emit('hit');
    res.end();
  });
};`,
      ['hits++'],
    ),
  ],
});

// The same through the ESLint class with the recommended config, as a user lints a server file.
const SERVER = (emitted: string) => `import express from 'express';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
let lastVisitor = '';
bus.on('visit', (name) => {
  lastVisitor = name;
});
const app = express();
app.get('/hello', (req, res) => {
  bus.emit(${emitted});
  res.send('hi');
});
app.listen(3000);
`;

describe('library callbacks through the ESLint class', () => {
  const lint = async (code: string) =>
    (await lintProjectFile({ 'server.js': code }, 'server.js')).map((m) => `${m.line} ${m.ruleId}`);
  it('reports the listener write when the route emits the name with the query', async () => {
    expect(await lint(SERVER("'visit', req.query.name"))).toEqual(['6 handler-state/no-request-data-in-module-scope']);
  });
  it('stays quiet when the route emits another name', async () => {
    expect(await lint(SERVER("'leave', req.query.name"))).toEqual([]);
  });
});
