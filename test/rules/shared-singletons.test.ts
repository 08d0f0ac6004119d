// State every request shares although the handler never names a module variable: the one instance a getter keeps
// (`const app = Registry.current()` inside the handler), a class exported whole (`module.exports = Settings`) whose
// static methods reload its statics per request, and lodash path writers (`_.set(shared, 'a.b', v)`). Linted as a
// user lints them: real files in a temp project through the real ESLint class with the strict config. Every
// reported shape has a quiet twin: a getter that makes a new object per call, a static method that only reads,
// a path write into a request's own object. An instance made at module scope straight from a required class
// (`new (require('./poller'))()`) is followed into the class's methods like one made from an imported name, and an
// entry read with `get` from a module Map and then changed (`counters.get(k).views++`) is a write to the Map.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn, lineOf } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

interface Case {
  name: string;
  files: Record<string, string>;
  lint: string;
  /** Texts whose lines must carry a report (rule id after a `|`); empty: the file must stay quiet. */
  found: string[];
  /** Text every report must contain. */
  says?: string[];
}

const EXPRESS_CJS = JSON.stringify({ name: 'app', dependencies: { express: '^4.0.0' } });
const EXPRESS_ESM = JSON.stringify({ name: 'app', type: 'module', dependencies: { express: '^4.0.0' } });

async function check(c: Case): Promise<void> {
  const root = makeProject(c.files, 'handler-state-singletons-');
  const [result] = await eslintIn(root).lintFiles([path.join(root, c.lint)]);
  const shown = result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n');
  expect(
    result.messages.filter((m) => m.fatal || m.ruleId === null),
    shown,
  ).toEqual([]);
  const code = c.files[c.lint];
  const expected = c.found
    .map((spec) => {
      const [text, rule] = spec.split('|');
      return `${lineOf(code, text)} handler-state/${rule}`;
    })
    .sort();
  const got = result.messages.map((m) => `${m.line} ${m.ruleId}`).sort();
  expect(got, shown).toEqual(expected);
  for (const text of c.says ?? []) for (const m of result.messages) expect(m.message).toContain(text);
}

const CORE_CLASS = `class Core {
  static current = null;
  constructor() {
    this.landing = 'home';
    this.hits = 0;
  }
  static instance() {
    if (Core.current === null) Core.current = new Core();
    return Core.current;
  }
  static make() {
    return new Core();
  }
}
module.exports = { Core };
`;

const CASES: Case[] = [
  {
    name: 'reported: a handler writes through a local it got from an imported singleton getter',
    files: {
      'package.json': EXPRESS_CJS,
      'core.js': CORE_CLASS,
      'app.js': `const express = require('express');
const { Core } = require('./core');
const app = express();
app.put('/landing', (req, res) => {
  const core = Core.instance();
  if (core.landing !== req.body.landing) core.landing = req.body.landing;
  res.end();
});
app.post('/hit', (req, res) => {
  Core.instance().hits += 1;
  res.end();
});
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: [
      'core.landing = req.body.landing|no-request-data-in-module-scope',
      'Core.instance().hits += 1|no-module-state-write',
    ],
  },
  {
    name: 'quiet: the same writes through a getter that makes a new object per call',
    files: {
      'package.json': EXPRESS_CJS,
      'core.js': CORE_CLASS,
      'app.js': `const express = require('express');
const { Core } = require('./core');
const app = express();
app.put('/landing', (req, res) => {
  const core = Core.make();
  if (core.landing !== req.body.landing) core.landing = req.body.landing;
  Core.make().hits += 1;
  res.json(core);
});
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: [],
  },
  {
    name: 'reported: a getter of the same file that hands out one module-level store',
    files: {
      'package.json': EXPRESS_ESM,
      'app.js': `import express from 'express';
let store;
function sharedStore() {
  store ??= { lastUser: null, users: [] };
  return store;
}
const app = express();
app.get('/me', (req, res) => {
  const s = sharedStore();
  s.lastUser = req.query.user;
  res.end();
});
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: ['s.lastUser = req.query.user|no-request-data-in-module-scope'],
  },
  {
    name: 'quiet: a getter of the same file that builds a fresh object, and a read of the shared one',
    files: {
      'package.json': EXPRESS_ESM,
      'app.js': `import express from 'express';
let store;
function sharedStore() {
  store ??= { lastUser: null, users: [] };
  return store;
}
function freshStore() {
  return { lastUser: null, users: [] };
}
const app = express();
app.get('/me', (req, res) => {
  const s = freshStore();
  s.lastUser = req.query.user;
  res.json({ mine: s, known: sharedStore().users.length });
});
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: [],
  },
  {
    name: 'reported where the state lives: a class exported whole reloads its static per request',
    files: {
      'package.json': EXPRESS_CJS,
      'db.js': `module.exports = { rows: async () => ({}) };\n`,
      'routing.js': `const db = require('./db');
class Routing {
  static table = {};
  static async reload() {
    Routing.table = await db.rows();
  }
  static lookup(host) {
    return Routing.table[host];
  }
}
module.exports = Routing;
`,
      'app.js': `const express = require('express');
const Routing = require('./routing');
const app = express();
app.post('/domains', async (req, res) => {
  await Routing.reload();
  res.end();
});
app.get('/go', (req, res) => res.redirect(Routing.lookup(req.hostname)));
app.listen(8080);
`,
    },
    lint: 'routing.js',
    found: ['Routing.table = await db.rows()|no-module-state-write'],
    says: ['POST /domains', './app.js'],
  },
  {
    name: 'reported at the call: the handler calls a static method of a class exported whole',
    files: {
      'package.json': EXPRESS_CJS,
      'db.js': `module.exports = { rows: async () => ({}) };\n`,
      'routing.js': `const db = require('./db');
class Routing {
  static table = {};
  static async reload() {
    Routing.table = await db.rows();
  }
  static lookup(host) {
    return Routing.table[host];
  }
}
module.exports = Routing;
`,
      'app.js': `const express = require('express');
const Routing = require('./routing');
const app = express();
app.post('/domains', async (req, res) => {
  await Routing.reload();
  res.end();
});
app.get('/go', (req, res) => res.redirect(Routing.lookup(req.hostname)));
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: ['await Routing.reload()|no-module-state-write'],
  },
  {
    name: 'quiet: the class exported whole is only read per request',
    files: {
      'package.json': EXPRESS_CJS,
      'routing.js': `class Routing {
  static table = { 'a.example': '/a' };
  static lookup(host) {
    return Routing.table[host];
  }
}
module.exports = Routing;
`,
      'app.js': `const express = require('express');
const Routing = require('./routing');
const app = express();
app.get('/go', (req, res) => res.redirect(Routing.lookup(req.hostname)));
app.listen(8080);
`,
    },
    lint: 'routing.js',
    found: [],
  },
  {
    name: 'reported: lodash path writers into module state and into a declared program-wide global',
    files: {
      'package.json': EXPRESS_CJS,
      'app.js': `/* global APP */
const _ = require('lodash');
const express = require('express');
const prefs = {};
const app = express();
app.put('/prefs', (req, res) => {
  _.set(prefs, ['theme', req.body.user], req.body.theme);
  _.set(APP.settings, 'mail.enabled', req.body.enabled);
  res.end();
});
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: [
      // One entry per user that nothing removes.
      "_.set(prefs, ['theme', req.body.user], req.body.theme)|no-unbounded-cache",
      "_.set(APP.settings, 'mail.enabled', req.body.enabled)|no-request-data-in-module-scope",
    ],
  },
  {
    name: 'quiet: lodash path writes into the request’s own object, and path reads of module state',
    files: {
      'package.json': EXPRESS_CJS,
      'app.js': `const _ = require('lodash');
const express = require('express');
const defaults = { theme: { dark: false } };
const app = express();
app.put('/prefs', (req, res) => {
  const mine = _.cloneDeep(defaults);
  _.set(mine, 'theme.dark', req.body.dark);
  res.json({ mine, was: _.get(defaults, 'theme.dark') });
});
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: [],
  },
  {
    name: 'reported where the state lives: an instance made with `new (require(…))()` at module scope',
    files: {
      'package.json': JSON.stringify({ name: 'fn' }),
      'lib/poller.js': `let token;
async function refresh() {
  token = await fetch('https://auth.example/token').then((r) => r.text());
}
module.exports = class Poller {
  async run(event) {
    await refresh();
    return { token, at: event.time };
  }
};
`,
      'index.js': `const poller = new (require('./lib/poller'))();
exports.handler = async (event) => poller.run(event);
`,
    },
    lint: 'lib/poller.js',
    found: ['token = await fetch|no-module-state-write'],
    says: ['./index.js'],
  },
  {
    name: 'quiet: the same instance whose method keeps what it fetches in a local',
    files: {
      'package.json': JSON.stringify({ name: 'fn' }),
      'lib/poller.js': `async function fresh() {
  return fetch('https://auth.example/token').then((r) => r.text());
}
module.exports = class Poller {
  async run(event) {
    const token = await fresh();
    return { token, at: event.time };
  }
};
`,
      'index.js': `const poller = new (require('./lib/poller'))();
exports.handler = async (event) => poller.run(event);
`,
    },
    lint: 'lib/poller.js',
    found: [],
  },
  {
    name: 'reported: a field of an entry read with `get` from a module Map is updated per request',
    files: {
      'package.json': EXPRESS_ESM,
      'app.js': `import express from 'express';
const counters = new Map([['home', { views: 0 }]]);
const app = express();
app.get('/pages/:name', (req, res) => {
  counters.get(req.params.name).views += 1;
  res.end();
});
app.listen(8080);
`,
    },
    lint: 'app.js',
    found: ['counters.get(req.params.name).views += 1|no-module-state-write'],
  },
  {
    name: 'quiet: the same update on a Map the request makes, and on a module client that is not a Map',
    files: {
      'package.json': EXPRESS_ESM,
      'app.js': `import express from 'express';
import { connect } from './kv.js';
const kv = connect();
const app = express();
app.get('/pages/:name', (req, res) => {
  const counters = new Map([['home', { views: 0 }]]);
  counters.get(req.params.name).views += 1;
  kv.get(req.params.name).then((page) => res.json(page));
});
app.listen(8080);
`,
      'kv.js': `export const connect = () => ({ get: async (k) => ({ k }) });
`,
    },
    lint: 'app.js',
    found: [],
  },
];

describe('state shared through singleton getters, whole-class exports and lodash path writers', () => {
  for (const c of CASES) it(c.name, () => check(c));
});
