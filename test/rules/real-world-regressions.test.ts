// Regression cases for the false-positive and miss classes found on real serverless code (docs/real-world.md).
// Every fixture is written from scratch to reproduce a class; none is copied from the scanned repositories.
import type { RuleTester } from 'eslint';
import noModuleStateWrite from '../../src/rules/no-module-state-write.js';
import noRequestDataInModuleScope from '../../src/rules/no-request-data-in-module-scope.js';
import noUnboundedGrowth from '../../src/rules/no-unbounded-growth.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';

/** 1-based line and column of the nth occurrence of `needle`, so each expectation names the write it points at. */
function at(source: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = source.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`fixture has no occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  const before = source.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

/** `moved`: the expected output of the `moveIntoHandler` suggestion, when every use of the state is in the handler. */
function bad(
  name: string,
  code: string,
  messageId: string,
  needle: string,
  moved?: string,
): RuleTester.InvalidTestCase {
  const suggestions = moved === undefined ? {} : { suggestions: [{ messageId: 'moveIntoHandler', output: moved }] };
  return { name, code, errors: [{ messageId, ...at(code, needle), ...suggestions }] };
}

const good = (name: string, code: string, extra: Partial<RuleTester.ValidTestCase> = {}): RuleTester.ValidTestCase => ({
  name,
  code,
  ...extra,
});

// ---------------------------------------------------------------------------------------------------------
// Quiet patterns seen in the corpus that must stay quiet even under `strict` (no-module-state-write reports
// any write, so it is the most sensitive rule for these).
// ---------------------------------------------------------------------------------------------------------
cjsRuleTester.run('real-world: quiet start-up and lazy-init shapes (strict)', noModuleStateWrite as never, {
  valid: [
    good(
      'Firebase onInit() hook assigns a client at start-up; the trigger only reads it',
      `
const { onInit } = require('firebase-functions/v2/core');
const { onRequest } = require('firebase-functions/v2/https');
let searchClient;
onInit(() => {
  searchClient = makeSearchClient(process.env.SEARCH_KEY);
});
exports.search = onRequest(async (req, res) => {
  res.json(await searchClient.find(req.query.q));
});
`,
    ),
    good(
      'helper that caches a token fetched from the database (not from the request) after an if-guard',
      `
let serviceToken = null;
async function authorisedClient() {
  if (!serviceToken) {
    serviceToken = (await tokenStore.read('service')).value;
  }
  return makeClient(serviceToken);
}
exports.handler = async (event) => {
  const client = await authorisedClient();
  return client.send(event.detail);
};
`,
    ),
    good(
      'server framework adapter created on the first invocation and reused (serverless-express style)',
      `
let proxied;
exports.handler = async (event, context) => {
  if (!proxied) {
    const app = await buildApp();
    proxied = adaptToLambda({ app });
  }
  return proxied(event, context);
};
`,
    ),
  ],
  invalid: [],
});

// FP class "early-return lazy getter": the guard returns the cached value first, then assigns once.
// Same meaning as `if (!x) x = …`; the spec allows "a lazy getter helper".
cjsRuleTester.run('real-world: early-return lazy getter (strict)', noModuleStateWrite as never, {
  valid: [
    good(
      'getter returns the cached credentials when present, otherwise loads them once from storage',
      `
let credentials = null;
async function getCredentials() {
  if (credentials) {
    return credentials;
  }
  const snapshot = await storage.load('credentials');
  credentials = snapshot.json();
  return credentials;
}
exports.handler = async (event) => {
  const creds = await getCredentials();
  return sendWith(creds, event.body);
};
`,
    ),
  ],
  invalid: [
    bad(
      'a getter without any guard overwrites the module value on every call',
      `
let credentials = null;
async function getCredentials() {
  credentials = (await storage.load('credentials')).json();
  return credentials;
}
exports.handler = async (event) => {
  const creds = await getCredentials();
  return sendWith(creds, event.body);
};
`,
      'moduleStateWrite',
      'credentials = (',
    ),
  ],
});

// ---------------------------------------------------------------------------------------------------------
// FP class "browser event handler taken for a Lambda handler": an exported UI callback whose one parameter
// is called `event` and typed as a DOM event is not a serverless handler, so its module state (an undo
// history in the page) is not a per-request leak.
// ---------------------------------------------------------------------------------------------------------
ruleTester.run('real-world: DOM event callbacks are not Lambda handlers', noUnboundedGrowth as never, {
  valid: [
    good(
      'keyboard shortcut callback in front-end code pushing to an undo history',
      `
const history: string[] = [];
export const onShortcut = (event: KeyboardEvent) => {
  if (event.key === 'z' && event.ctrlKey) history.push('undo');
};
`,
    ),
    good(
      'React mouse event callback recording clicks in page state',
      `
import type { MouseEvent } from 'react';
const clicks: number[] = [];
export function onCanvasClick(event: MouseEvent<HTMLCanvasElement>) {
  clicks.push(event.clientX);
}
`,
    ),
  ],
  invalid: [
    bad(
      'an untyped (event) export is still a Lambda handler by signature',
      `
const seen = [];
export const process = async (event) => {
  seen.push(event.id);
};
export const seenCount = () => seen.length;
`,
      'unboundedGrowth',
      'seen.push',
    ),
  ],
});

// ---------------------------------------------------------------------------------------------------------
// Miss class "Firebase triggers": exports of `firebase-functions` trigger builders are handlers. The v1
// builders (`functions.firestore.document(…).onCreate(fn)`, `.database.ref(…).onWrite(fn)`,
// `.storage.object().onFinalize(fn)`, `.pubsub.topic(…).onPublish(fn)`, `.auth.user().onCreate(fn)`,
// `.https.onCall(fn)`) and the v2 functions (`onCall`, `onTaskDispatched`, `onSchedule`,
// `onObjectFinalized`, `onRequest`) pass the handler as the last argument, with parameter names such as
// `snap`, `change`, `object`, `message`, `user`, `data`, `request` or `resp` that the Lambda and
// (req, res) signatures do not cover.
// ---------------------------------------------------------------------------------------------------------
cjsRuleTester.run('real-world: Firebase v1 triggers are handlers', noUnboundedGrowth as never, {
  valid: [
    good(
      'the same trigger that only reads module state',
      `
const functions = require('firebase-functions/v1');
const allowedKinds = ['note', 'todo'];
exports.onNote = functions.firestore.document('notes/{id}').onCreate((snap, context) => {
  return allowedKinds.includes(snap.data().kind);
});
`,
    ),
  ],
  invalid: [
    bad(
      'Firestore onCreate trigger with (snap, context) grows a module array',
      `
const functions = require('firebase-functions/v1');
const processed = [];
exports.onNote = functions.firestore.document('notes/{id}').onCreate((snap, context) => {
  processed.push(context.params.id);
  return null;
});
`,
      'unboundedGrowth',
      'processed.push',
      `
const functions = require('firebase-functions/v1');
exports.onNote = functions.firestore.document('notes/{id}').onCreate((snap, context) => {
const processed = [];
  processed.push(context.params.id);
  return null;
});
`,
    ),
    bad(
      'Realtime Database onWrite trigger with (change) behind runWith()',
      `
const functions = require('firebase-functions');
const audit = [];
exports.track = functions.runWith({ memory: '256MB' }).database.ref('/items/{id}').onWrite((change) => {
  audit.push(change.after.val());
});
`,
      'unboundedGrowth',
      'audit.push',
      `
const functions = require('firebase-functions');
exports.track = functions.runWith({ memory: '256MB' }).database.ref('/items/{id}').onWrite((change) => {
const audit = [];
  audit.push(change.after.val());
});
`,
    ),
    bad(
      'Storage onFinalize trigger with (object)',
      `
const functions = require('firebase-functions');
const uploaded = new Set();
exports.onUpload = functions.storage.object().onFinalize(async (object) => {
  uploaded.add(object.name);
});
`,
      'unboundedGrowth',
      'uploaded.add',
      `
const functions = require('firebase-functions');
exports.onUpload = functions.storage.object().onFinalize(async (object) => {
const uploaded = new Set();
  uploaded.add(object.name);
});
`,
    ),
    bad(
      'Pub/Sub onPublish trigger with (message)',
      `
const functions = require('firebase-functions');
let transcript = '';
exports.listen = functions.pubsub.topic('chat').onPublish((message) => {
  transcript += message.json.text;
});
`,
      'unboundedGrowth',
      'transcript +=',
      `
const functions = require('firebase-functions');
exports.listen = functions.pubsub.topic('chat').onPublish((message) => {
let transcript = '';
  transcript += message.json.text;
});
`,
    ),
  ],
});

cjsRuleTester.run(
  'real-world: Firebase v1 callable and auth triggers are handlers',
  noRequestDataInModuleScope as never,
  {
    valid: [],
    invalid: [
      bad(
        'https.onCall with (data, context) keeps the caller in module state',
        `
const functions = require('firebase-functions');
let lastCaller;
exports.whoami = functions.https.onCall(async (data, context) => {
  lastCaller = context.auth.uid;
  return { ok: true };
});
`,
        'requestDataInModuleScope',
        'lastCaller =',
        `
const functions = require('firebase-functions');
exports.whoami = functions.https.onCall(async (data, context) => {
let lastCaller;
  lastCaller = context.auth.uid;
  return { ok: true };
});
`,
      ),
      bad(
        'auth.user().onCreate with (user)',
        `
const functions = require('firebase-functions');
let newestUser;
exports.welcome = functions.auth.user().onCreate((user) => {
  newestUser = user.email;
});
`,
        'requestDataInModuleScope',
        'newestUser =',
        `
const functions = require('firebase-functions');
exports.welcome = functions.auth.user().onCreate((user) => {
let newestUser;
  newestUser = user.email;
});
`,
      ),
    ],
  },
);

ruleTester.run('real-world: Firebase v2 triggers are handlers', noRequestDataInModuleScope as never, {
  valid: [
    good(
      'v2 onCall that keeps everything local',
      `
import { onCall } from 'firebase-functions/v2/https';
export const add = onCall((request) => {
  const total = request.data.a + request.data.b;
  return { total };
});
`,
    ),
  ],
  invalid: [
    bad(
      'v2 onCall((request) => …) stores the caller',
      `
import { onCall } from 'firebase-functions/v2/https';
let currentUid;
export const add = onCall((request) => {
  currentUid = request.auth?.uid;
  return { ok: true };
});
`,
      'requestDataInModuleScope',
      'currentUid =',
      `
import { onCall } from 'firebase-functions/v2/https';
export const add = onCall((request) => {
let currentUid;
  currentUid = request.auth?.uid;
  return { ok: true };
});
`,
    ),
    bad(
      'v2 onTaskDispatched with options and (req)',
      `
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
let lastJob;
export const backup = onTaskDispatched({ retryConfig: { maxAttempts: 3 } }, async (req) => {
  lastJob = req.data.jobId;
});
`,
      'requestDataInModuleScope',
      'lastJob =',
      `
import { onTaskDispatched } from 'firebase-functions/v2/tasks';
export const backup = onTaskDispatched({ retryConfig: { maxAttempts: 3 } }, async (req) => {
let lastJob;
  lastJob = req.data.jobId;
});
`,
    ),
    bad(
      'v2 onObjectFinalized with (cloudEvent)',
      `
import { onObjectFinalized } from 'firebase-functions/v2/storage';
let lastObject;
export const logUpload = onObjectFinalized('uploads', (cloudEvent) => {
  lastObject = cloudEvent.data.name;
});
`,
      'requestDataInModuleScope',
      'lastObject =',
      `
import { onObjectFinalized } from 'firebase-functions/v2/storage';
export const logUpload = onObjectFinalized('uploads', (cloudEvent) => {
let lastObject;
  lastObject = cloudEvent.data.name;
});
`,
    ),
  ],
});

ruleTester.run('real-world: Firebase v2 onRequest with other response names', noUnboundedGrowth as never, {
  valid: [],
  invalid: [
    bad(
      'onRequest(async (req, resp) => …) is an HTTP handler whatever the second parameter is called',
      `
import { onRequest } from 'firebase-functions/v2/https';
const requests = [];
export const addMessage = onRequest(async (req, resp) => {
  requests.push(req.query.text);
  resp.json({ ok: true });
});
`,
      'unboundedGrowth',
      'requests.push',
      `
import { onRequest } from 'firebase-functions/v2/https';
export const addMessage = onRequest(async (req, resp) => {
const requests = [];
  requests.push(req.query.text);
  resp.json({ ok: true });
});
`,
    ),
  ],
});
