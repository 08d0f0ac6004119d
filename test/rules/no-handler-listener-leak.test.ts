// RuleTester suite for no-handler-listener-leak: listeners, intervals and routes registered per invocation.
import type { RuleTester } from 'eslint';
import rule from '../../src/rules/no-handler-listener-leak.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';
import { invalidCase, validCase } from '../helpers/cases.js';

/** Each site names its message id: this rule has one per kind of registration. */
const bad = (
  name: string,
  code: string,
  sites: Array<[messageId: string, needle: string, nth?: number]>,
  extra: Partial<RuleTester.InvalidTestCase> = {},
): RuleTester.InvalidTestCase =>
  invalidCase(
    name,
    code,
    sites.map(([messageId, needle, nth]) => ({ messageId, at: needle, nth })),
    extra,
  );
const good = validCase;

ruleTester.run('no-handler-listener-leak', rule as never, {
  valid: [
    good(
      'the escaped registration made at start-up',
      `
process['\\u006fn']('exit', () => console.log('bye'));
export const handler = async (event) => ({ statusCode: 200, body: event.body });
`,
    ),
    good(
      'process listener registered at start-up',
      `
process.on('unhandledRejection', (reason) => console.error(reason));
export const handler = async (event) => ({ statusCode: 200, body: event.body });
`,
    ),
    good(
      'registration in a function called only at module level',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
function wire() {
  bus.on('order', (order) => console.log(order));
  process.once('SIGTERM', () => bus.emit('shutdown'));
}
wire();
export const handler = async (event) => { bus.emit('order', event.order); };
`,
    ),
    good(
      'listener removed in finally',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  const onProgress = (p) => console.log(event.id, p);
  bus.on('progress', onProgress);
  try {
    return await run(event);
  } finally {
    bus.off('progress', onProgress);
  }
};
`,
    ),
    good(
      'process listener removed with removeListener in finally',
      `
export const handler = async (event) => {
  const onWarning = (w) => console.warn(event.id, w);
  process.on('warning', onWarning);
  try {
    await work(event);
  } finally {
    process.removeListener('warning', onWarning);
  }
};
`,
    ),
    good(
      'listener removed on the only normal path (straight-line code, no early return)',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  const onDone = () => console.log(event.id);
  bus.on('done', onDone);
  await run(event);
  bus.off('done', onDone);
  return { ok: true };
};
`,
    ),
    good(
      'removeAllListeners for the same event in finally',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  try {
    bus.on('tick', () => console.log(event.id));
    await run(event);
  } finally {
    bus.removeAllListeners('tick');
  }
};
`,
    ),
    good(
      'interval cleared in finally',
      `
export const handler = async (event) => {
  const heartbeat = setInterval(() => console.log('alive', event.id), 1000);
  try {
    return await longTask(event);
  } finally {
    clearInterval(heartbeat);
  }
};
`,
    ),
    good(
      'interval cleared by its own callback (polling loop)',
      `
export const handler = async (event) => {
  await new Promise((resolve) => {
    const poll = setInterval(async () => {
      if (await isReady(event.jobId)) {
        clearInterval(poll);
        resolve();
      }
    }, 500);
  });
};
`,
    ),
    good(
      'interval id kept in module state and cleared before restarting',
      `
let timer;
export const handler = async (event) => {
  if (timer) clearInterval(timer);
  timer = setInterval(() => flush(), 1000);
};
`,
    ),
    good(
      'setTimeout fires once and is not a leak',
      `
export const handler = async (event) => {
  setTimeout(() => console.log(event.id), 10);
  await new Promise((resolve) => setTimeout(resolve, 100));
};
`,
    ),
    good(
      'interval returned to the caller is not tracked',
      `
function startHeartbeat(id) {
  return setInterval(() => console.log(id), 1000);
}
export const handler = async (event) => {
  const stop = startHeartbeat(event.id);
  try { await work(event); } finally { clearInterval(stop); }
};
`,
    ),
    good(
      'listener on a per-request emitter created in the handler',
      `
import { EventEmitter } from 'node:events';
export const handler = async (event) => {
  const local = new EventEmitter();
  local.on('data', (d) => console.log(event.id, d));
  local.emit('data', 1);
};
`,
    ),
    good(
      'listener on a per-request stream from the event',
      `
export const handler = async (event, context) => {
  const stream = openStream(event.key);
  stream.on('data', (chunk) => process.stdout.write(chunk));
  await finished(stream);
};
`,
    ),
    good(
      'events.once helper from the events module is not a listener on module state',
      `
import events from 'node:events';
import { server } from './server.js';
export const handler = async (event) => {
  await events.once(server, 'listening');
};
`,
    ),
    good(
      'addEventListener with an AbortSignal aborted in finally',
      `
export const handler = async (event) => {
  const controller = new AbortController();
  globalThis.addEventListener('unhandledrejection', () => console.log(event.id), { signal: controller.signal });
  try {
    await work(event);
  } finally {
    controller.abort();
  }
};
`,
    ),
    good(
      'removeEventListener in finally',
      `
const target = new EventTarget();
export const handler = async (event) => {
  const onPing = () => console.log(event.id);
  target.addEventListener('ping', onPing);
  try { await work(event); } finally { target.removeEventListener('ping', onPing); }
};
`,
    ),
    good(
      'routes registered at module scope; a Map get in a handler is not a route',
      `
import express from 'express';
const app = express();
const cache = new Map();
app.get('/health', (req, res) => res.send('ok'));
app.use(express.json());
export const handler = async (event) => cache.get(event.id);
`,
    ),
    good(
      'a local function named setInterval is not the timer',
      `
function setInterval(fn) { return fn(); }
export const handler = async (event) => { setInterval(() => event.id); };
`,
    ),
    good(
      'allow option skips a named target',
      `
export const handler = async (event) => {
  process.on('exit', () => console.log(event.id));
};
`,
      { options: [{ allow: ['process'] }] },
    ),
    good(
      'file without a handler is never reported',
      `
export function registerPlugin(p) {
  process.on('exit', p.teardown);
  setInterval(p.tick, 1000);
}
`,
    ),
  ],
  invalid: [
    bad(
      'process.on in a handler',
      `
export const handler = async (event) => {
  process.on('unhandledRejection', (reason) => console.error(event.requestContext.requestId, reason));
  return { statusCode: 200 };
};
`,
      [['processListener', "process.on('unhandled"]],
    ),
    bad(
      'a registering method named only through an escape',
      `
export const handler = async (event) => {
  process['\\u006fn']('exit', () => console.log(event.id));
  return { statusCode: 200 };
};
`,
      [['processListener', 'process[']],
    ),
    bad(
      'process.once, addListener and prependListener in a handler',
      `
export const handler = async (event) => {
  process.once('beforeExit', () => flush(event));
  process.addListener('warning', (w) => console.warn(w));
  process.prependListener('exit', () => console.log(event.id));
};
`,
      [
        ['processListener', 'process.once('],
        ['processListener', 'process.addListener('],
        ['processListener', 'process.prependListener('],
      ],
    ),
    bad(
      'once on a module-scope emitter is still a leak until the event fires',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  bus.once('shutdown', () => save(event));
};
`,
      [['emitterListener', 'bus.once(']],
    ),
    bad(
      'emitter.on / addListener on a module-scope emitter',
      `
import { EventEmitter } from 'node:events';
import { createClient } from 'redis';
const bus = new EventEmitter();
const redis = createClient();
export const handler = async (event) => {
  bus.on('order', (order) => console.log(event.id, order));
  redis.addListener('error', (err) => console.error(event.id, err));
};
`,
      [
        ['emitterListener', 'bus.on('],
        ['emitterListener', 'redis.addListener('],
      ],
    ),
    bad(
      'listener added through a helper the handler calls',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
function subscribe(id) {
  bus.on('update', () => console.log(id));
}
export const handler = async (event) => {
  subscribe(event.id);
};
`,
      [['emitterListener', 'bus.on(']],
    ),
    bad(
      'listener added inside a nested callback of the handler',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  await Promise.all(event.Records.map(async (record) => {
    bus.on('ack', () => console.log(record.messageId));
  }));
};
`,
      [['emitterListener', 'bus.on(']],
    ),
    bad(
      'removal after an early return does not run on every path',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  const onDone = () => console.log(event.id);
  bus.on('done', onDone);
  if (event.dryRun) return { skipped: true };
  await run(event);
  bus.off('done', onDone);
};
`,
      [['emitterListener', 'bus.on(']],
    ),
    bad(
      'an early return between the registration and the try/finally skips the removal',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  const onTick = () => console.log(event.id);
  bus.on('tick', onTick);
  if (event.skip) return null;
  try { await run(event); } finally { bus.off('tick', onTick); }
};
`,
      [['emitterListener', 'bus.on(']],
    ),
    bad(
      'removal inside a branch does not run on every path',
      `
export const handler = async (event) => {
  const onExit = () => console.log(event.id);
  process.on('exit', onExit);
  if (event.cleanup) {
    process.off('exit', onExit);
  }
};
`,
      [['processListener', 'process.on(']],
    ),
    bad(
      'an inline listener cannot be removed by off()',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  try {
    bus.on('done', () => console.log(event.id));
  } finally {
    bus.off('done', () => console.log(event.id));
  }
};
`,
      [['emitterListener', 'bus.on(']],
    ),
    bad(
      'removing a different listener does not count',
      `
export const handler = async (event) => {
  const a = () => 1;
  const b = () => 2;
  process.on('exit', a);
  try { await work(event); } finally { process.off('exit', b); }
};
`,
      [['processListener', 'process.on(']],
    ),
    bad(
      'setInterval whose result is discarded',
      `
export const handler = async (event) => {
  setInterval(() => console.log('still here', event.id), 1000);
  return { ok: true };
};
`,
      [['interval', 'setInterval(']],
    ),
    bad(
      'setInterval stored and never cleared, also with unref() and globalThis',
      `
export const handler = async (event) => {
  const id = setInterval(() => report(event.id), 5000);
  setInterval(() => ping(), 1000).unref();
  globalThis.setInterval(() => ping(), 1000);
  return id ? 1 : 0;
};
`,
      [
        ['interval', 'setInterval(() => report'],
        ['interval', 'setInterval(() => ping(), 1000).unref'],
        ['interval', 'globalThis.setInterval('],
      ],
    ),
    bad(
      'clearing a different id does not count',
      `
export const handler = async (event) => {
  const a = setInterval(() => 1, 1000);
  const b = setTimeout(() => 2, 1000);
  clearInterval(b);
};
`,
      [['interval', 'setInterval(']],
    ),
    bad(
      'addEventListener on globalThis, self, window and a module-scope target',
      `
const target = new EventTarget();
export const handler = async (event) => {
  globalThis.addEventListener('unhandledrejection', () => console.log(event.id));
  self.addEventListener('message', () => 1);
  window.addEventListener('error', () => 2);
  target.addEventListener('ping', () => event.id);
};
`,
      [
        ['eventTargetListener', 'globalThis.addEventListener('],
        ['eventTargetListener', 'self.addEventListener('],
        ['eventTargetListener', 'window.addEventListener('],
        ['eventTargetListener', 'target.addEventListener('],
      ],
    ),
    bad(
      'express app.use and router.get inside a handler',
      `
import express from 'express';
const app = express();
const router = express.Router();
export const handler = async (event) => {
  app.use((req, res, next) => { req.tenant = event.tenant; next(); });
  router.get('/orders/:id', (req, res) => res.json(event.order));
  router.post('/orders', createOrder);
};
function createOrder(req, res) { res.sendStatus(201); }
`,
      [
        ['routeRegistration', 'app.use('],
        ['routeRegistration', 'router.get('],
        ['routeRegistration', 'router.post('],
      ],
    ),
    bad(
      'route registered on a module-scope app named like one (imported factory unknown)',
      `
import { createApp } from './app.js';
const app = createApp();
export const handler = async (event) => {
  app.get(\`/users/\${event.id}\`, (req, res) => res.end());
};
`,
      [['routeRegistration', 'app.get(']],
    ),
    bad(
      'allow leaves other targets reported',
      `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
export const handler = async (event) => {
  process.on('exit', () => 1);
  bus.on('x', () => event.id);
};
`,
      [['emitterListener', 'bus.on(']],
      { options: [{ allow: ['/^proc/'] }] },
    ),
  ],
});

cjsRuleTester.run('no-handler-listener-leak (CommonJS)', rule as never, {
  valid: [
    good(
      'listener at start-up in CommonJS',
      `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
bus.on('x', () => 1);
exports.handler = async (event) => { bus.emit('x', event.id); };
`,
    ),
  ],
  invalid: [
    bad(
      'callback-style handler adds a process listener and an interval',
      `
'use strict';
module.exports.test = (event, context, callback) => {
  process.on('uncaughtException', (err) => callback(err));
  setInterval(() => console.log(event.id), 1000);
  callback(null, 'ok');
};
`,
      [
        ['processListener', 'process.on('],
        ['interval', 'setInterval('],
      ],
    ),
  ],
});
