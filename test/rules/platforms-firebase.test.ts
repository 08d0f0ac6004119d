// Firebase Cloud Functions: exported v1 trigger builders and v2 trigger functions imported from firebase-functions.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const V1_CHAIN = dedent(`
  import * as functions from 'firebase-functions/v1';

  const seenOrders: string[] = [];

  export const onOrder = functions
    .region('europe-west1')
    .runWith({ memory: '256MB', timeoutSeconds: 60 })
    .firestore.document('orders/{orderId}')
    .onCreate(async (snap, context) => {
      seenOrders.push(context.params.orderId);
    });

  export const orderCount = () => seenOrders.length;
`);

const V1_SCHEDULE = dedent(`
  const functions = require('firebase-functions');

  const runs = [];

  exports.nightly = functions.pubsub.schedule('every day 03:00').timeZone('Europe/Paris').onRun(async (context) => {
    runs.push(context.timestamp);
  });

  exports.runCount = () => runs.length;
`);

const V1_BOUND_BUILDER = dedent(`
  const functions = require('firebase-functions');

  const regional = functions.region('asia-northeast1');
  let lastCaller;

  exports.whoAmI = regional.https.onCall((data, context) => {
    lastCaller = context.auth.uid;
    return { uid: context.auth.uid };
  });

  exports.peek = () => lastCaller;
`);

const V1_HTTP = dedent(`
  const functions = require('firebase-functions');

  let lastPath;

  exports.hello = functions.https.onRequest((req, res) => {
    lastPath = req.path;
    res.send('hello');
  });

  exports.peek = () => lastPath;
`);

const V2_FIRESTORE = dedent(`
  import { onDocumentCreated } from 'firebase-functions/v2/firestore';

  const profiles = new Map<string, unknown>();

  export const indexUser = onDocumentCreated('users/{uid}', async (event) => {
    profiles.set(event.params.uid, event.data?.data());
  });

  export const profileCount = () => profiles.size;
`);

const V2_SCHEDULE = dedent(`
  import { onSchedule } from 'firebase-functions/v2/scheduler';

  const ticks: string[] = [];

  export const cleanup = onSchedule({ schedule: 'every 5 minutes', timeZone: 'UTC' }, async (event) => {
    ticks.push(event.scheduleTime);
  });

  export const tickCount = () => ticks.length;
`);

const V2_IDENTITY = dedent(`
  import { beforeUserCreated } from 'firebase-functions/v2/identity';

  let newestEmail: string | undefined;

  export const gate = beforeUserCreated((event) => {
    newestEmail = event.data?.email;
  });

  export const peek = () => newestEmail;
`);

const V2_NAMED_HANDLER = dedent(`
  import { onMessagePublished } from 'firebase-functions/v2/pubsub';

  const messages: unknown[] = [];

  async function collect(event) {
    messages.push(event.data.message.json);
  }

  export const collector = onMessagePublished('events', collect);
  export const messageCount = () => messages.length;
`);

const V2_NAMESPACE = dedent(`
  import { https } from 'firebase-functions/v2';

  const hits: string[] = [];

  export const api = https.onRequest({ cors: true, region: 'us-central1' }, (req, res) => {
    hits.push(req.path);
    res.json({ ok: true });
  });

  export const hitCount = () => hits.length;
`);

const V6_TOP_LEVEL = dedent(`
  import { onInit } from 'firebase-functions';
  import { onCall } from 'firebase-functions/https';

  let client;
  const callers = [];

  onInit(() => {
    client = makeClient();
  });

  export const ask = onCall(async (request) => {
    callers.push(request.auth?.uid);
    return client.ask(request.data.question);
  });

  export const callerCount = () => callers.length;
`);

const CJS_OBJECT_EXPORT = dedent(`
  const { onValueWritten } = require('firebase-functions/v2/database');
  const { onNewFatalIssuePublished } = require('firebase-functions/v2/alerts/crashlytics');

  const changes = [];
  const crashes = [];

  module.exports = {
    mirror: onValueWritten('/rooms/{roomId}', (event) => {
      changes.push(event.params.roomId);
    }),
    crashAlert: onNewFatalIssuePublished(async (event) => {
      crashes.push(event.data.payload.issue.id);
    }),
  };
  module.exports.counts = () => [changes.length, crashes.length];
`);

const GROUPED = dedent(`
  const { onDocumentCreated, onDocumentDeleted } = require('firebase-functions/v2/firestore');

  const created = [];
  let lastDeleted;

  exports.orders = {
    created: onDocumentCreated('orders/{id}', (event) => {
      created.push(event.params.id);
    }),
    deleted: onDocumentDeleted('orders/{id}', (event) => {
      lastDeleted = event.params.id;
    }),
  };
  exports.peek = () => [created.length, lastDeleted];
`);

const reported: Reported[] = [
  {
    name: 'v1 firestore trigger behind region() and runWith() in a chain',
    filename: '/fb/functions/src/index.ts',
    code: V1_CHAIN,
    rule: 'growth',
    at: ['seenOrders.push('],
  },
  {
    name: 'v1 pubsub.schedule().timeZone().onRun((context) => …)',
    filename: '/fb/functions/index.js',
    code: V1_SCHEDULE,
    rule: 'growth',
    at: ['runs.push('],
    commonjs: true,
  },
  {
    name: 'v1 https.onCall on a region() builder bound to a module name',
    filename: '/fb/functions/index.js',
    code: V1_BOUND_BUILDER,
    rule: 'requestData',
    at: ['lastCaller ='],
    commonjs: true,
  },
  {
    name: 'v1 https.onRequest((req, res) => …)',
    filename: '/fb/functions/index.js',
    code: V1_HTTP,
    rule: 'requestData',
    at: ['lastPath ='],
    commonjs: true,
  },
  {
    name: 'v2 onDocumentCreated keys a Map by the document id',
    filename: '/fb/functions/src/index.ts',
    code: V2_FIRESTORE,
    rule: 'cache',
    at: ['profiles.set('],
  },
  {
    name: 'v2 onSchedule(options, fn)',
    filename: '/fb/functions/src/index.ts',
    code: V2_SCHEDULE,
    rule: 'growth',
    at: ['ticks.push('],
  },
  {
    name: 'v2 blocking beforeUserCreated keeps the new user',
    filename: '/fb/functions/src/index.ts',
    code: V2_IDENTITY,
    rule: 'requestData',
    at: ['newestEmail ='],
  },
  {
    name: 'v2 onMessagePublished with a handler declared elsewhere in the file',
    filename: '/fb/functions/src/index.ts',
    code: V2_NAMED_HANDLER,
    rule: 'growth',
    at: ['messages.push('],
  },
  {
    name: 'v2 https namespace import: https.onRequest(options, fn)',
    filename: '/fb/functions/src/index.ts',
    code: V2_NAMESPACE,
    rule: 'growth',
    at: ['hits.push('],
  },
  {
    name: 'SDK ≥6 top-level path firebase-functions/https, next to an onInit() hook',
    filename: '/fb/functions/src/index.js',
    code: V6_TOP_LEVEL,
    rule: 'growth',
    at: ['callers.push('],
  },
  {
    name: 'module.exports = { trigger: onValueWritten(…), alert: onNewFatalIssuePublished(…) }',
    filename: '/fb/functions/index.js',
    code: CJS_OBJECT_EXPORT,
    rule: 'growth',
    at: ['changes.push(', 'crashes.push('],
    commonjs: true,
  },
  {
    name: 'grouped exports: exports.orders = { created: …, deleted: … }',
    filename: '/fb/functions/index.js',
    code: GROUPED,
    rule: 'growth',
    at: ['created.push('],
    commonjs: true,
  },
  {
    name: 'grouped exports: the second trigger of the group',
    filename: '/fb/functions/index.js',
    code: GROUPED,
    rule: 'requestData',
    at: ['lastDeleted ='],
    commonjs: true,
  },
];

const ONLY_LOGGER = dedent(`
  import * as logger from 'firebase-functions/logger';

  const seen = [];
  const onRequest = (fn) => fn;

  export const track = onRequest((req) => {
    seen.push(req.path);
    logger.info('tracked', { path: req.path });
  });
`);

const ON_INIT_ONLY = dedent(`
  import { onInit } from 'firebase-functions/v2/core';
  import { onRequest } from 'firebase-functions/v2/https';

  let searchClient;
  const warmups = [];

  onInit(async () => {
    searchClient = await connectSearch(process.env.SEARCH_KEY);
    warmups.push(Date.now());
  });

  export const search = onRequest(async (req, res) => {
    res.json(await searchClient.find(String(req.query.q)));
  });
`);

const NOT_EXPORTED = dedent(`
  const { onRequest } = require('firebase-functions/v2/https');

  const hits = [];

  const draft = onRequest((req, res) => {
    hits.push(req.path);
    res.end();
  });
  onRequest((req, res) => {
    hits.push(req.url);
    res.end();
  });

  module.exports.hitCount = () => hits.length;
`);

const quiet: Quiet[] = [
  {
    name: 'a file that imports only firebase-functions/logger has no triggers, even with a local onRequest()',
    filename: '/fb/functions/src/track.js',
    code: ONLY_LOGGER,
  },
  {
    name: 'onInit() callback assigns module state at start-up; the trigger only reads it',
    filename: '/fb/functions/src/index.js',
    code: ON_INIT_ONLY,
  },
  {
    name: 'a trigger call whose result is not exported is never deployed',
    filename: '/fb/functions/index.js',
    code: NOT_EXPORTED,
    commonjs: true,
  },
  {
    name: 'start-up configuration and a trigger that writes only to the event and locals',
    filename: '/fb/functions/src/index.ts',
    code: dedent(`
      import { setGlobalOptions } from 'firebase-functions/v2';
      import { onDocumentWritten } from 'firebase-functions/v2/firestore';

      setGlobalOptions({ maxInstances: 10 });
      const allowed = new Set(['draft', 'published']);
      allowed.add('archived');

      export const normalise = onDocumentWritten('posts/{id}', async (event) => {
        const after = event.data?.after;
        if (!after?.exists) return;
        const status = allowed.has(after.get('status')) ? after.get('status') : 'draft';
        const changes: Record<string, unknown> = {};
        changes.status = status;
        await after.ref.set(changes, { merge: true });
      });
    `),
  },
  {
    name: 'v1 trigger that only reads module configuration',
    filename: '/fb/functions/index.js',
    commonjs: true,
    code: dedent(`
      const functions = require('firebase-functions/v1');
      const limits = { maxItems: 20 };
      exports.check = functions.database.ref('/carts/{id}').onWrite((change) => {
        const items = change.after.val()?.items ?? [];
        return items.length <= limits.maxItems ? null : change.after.ref.child('flag').set(true);
      });
    `),
  },
];

describe('Firebase detection', () => {
  it('names each exported trigger and labels it firebase', () => {
    expect(handlersOf(V1_CHAIN, '/fb/functions/src/index.ts')).toEqual(['firebase onOrder']);
    expect(handlersOf(V1_HTTP, '/fb/functions/index.js', { commonjs: true })).toEqual(['firebase hello']);
    expect(handlersOf(V2_NAMED_HANDLER, '/fb/functions/src/index.ts')).toEqual(['firebase collector']);
    expect(handlersOf(CJS_OBJECT_EXPORT, '/fb/functions/index.js', { commonjs: true })).toEqual([
      'firebase mirror',
      'firebase crashAlert',
    ]);
    expect(handlersOf(GROUPED, '/fb/functions/index.js', { commonjs: true })).toEqual([
      'firebase orders.created',
      'firebase orders.deleted',
    ]);
  });

  it('the handler is the last function argument, after options', () => {
    expect(handlersOf(V2_SCHEDULE, '/fb/functions/src/index.ts')).toEqual(['firebase cleanup']);
    expect(handlersOf(V2_NAMESPACE, '/fb/functions/src/index.ts')).toEqual(['firebase api']);
  });

  it('onInit() is start-up code, not a handler', () => {
    expect(handlersOf(ON_INIT_ONLY, '/fb/functions/src/index.js')).toEqual(['firebase search']);
    expect(handlersOf(V6_TOP_LEVEL, '/fb/functions/src/index.js')).toEqual(['firebase ask']);
  });

  it('finds nothing without a trigger import or an export', () => {
    expect(handlersOf(ONLY_LOGGER, '/fb/functions/src/track.js')).toEqual([]);
    expect(handlersOf(NOT_EXPORTED, '/fb/functions/index.js', { commonjs: true })).toEqual([]);
  });

  it('a look-alike builder from another module is not a trigger', () => {
    const code = dedent(`
      import * as functions from './my-functions';
      const log = [];
      export const onNote = functions.firestore.document('notes/{id}').onCreate((snap) => {
        log.push(snap.id);
      });
    `);
    expect(handlersOf(code, '/fb/functions/src/index.ts')).toEqual([]);
  });
});

runPlatform('platforms: Firebase', reported, quiet);
