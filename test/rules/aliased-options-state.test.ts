// State reached under another name, linted as a user lints it (real files through the real ESLint class): a local
// that takes `options || defaults` or a ternary of state, each element an array callback receives, the target of a
// copying helper (`util._extend`, the `extend` and `object-assign` packages), Koa 1 generator middleware
// (`function* (next)`) that a factory returns, whose request context is `this`, and the stream at the end of a
// pipe chain (`source.pipe(parse).on(…)` listens on `parse`). Every reported shape sits next to
// a quiet twin: a per-request copy, a read-only use, a callback that writes only its own locals.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn, lineOf } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

interface Case {
  name: string;
  code: string;
  /** Text the reported line starts at, and the rule expected there; absent: the file must stay quiet. */
  report?: { at: string; rule: string };
  config?: 'recommended' | 'strict';
}

async function check({ code, report, config = 'recommended' }: Case): Promise<void> {
  const root = makeProject(
    { 'package.json': JSON.stringify({ name: 'mw', type: 'commonjs' }), 'index.js': code },
    'handler-state-aliases-',
  );
  const [result] = await eslintIn(root, config).lintFiles([path.join(root, 'index.js')]);
  const shown = result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n');
  expect(
    result.messages.filter((m) => m.fatal || m.ruleId === null),
    shown,
  ).toEqual([]);
  if (!report) {
    expect(shown).toBe('');
    return;
  }
  const line = lineOf(code, report.at);
  expect(
    result.messages.some((m) => m.line === line && m.ruleId === `handler-state/${report.rule}`),
    `${report.rule} on line ${line}; got:\n${shown}`,
  ).toBe(true);
}

const CASES: Case[] = [
  {
    name: 'a local that takes the caller options or the defaults, written from the request',
    code: `module.exports = function allowOrigin(settings) {
  var fallback = { methods: 'GET' };
  return function allow(req, res, next) {
    var opts = settings || fallback;
    opts.allowed = req.headers['access-control-request-headers'];
    res.setHeader('access-control-allow-headers', opts.allowed);
    next();
  };
};
`,
    report: { at: 'opts.allowed = req', rule: 'no-request-data-in-module-scope' },
  },
  {
    name: 'quiet: the same choice copied per request before it is written',
    code: `module.exports = function allowOrigin(settings) {
  var fallback = { methods: 'GET' };
  return function allow(req, res, next) {
    var opts = Object.assign({}, settings || fallback);
    opts.allowed = req.headers['access-control-request-headers'];
    res.setHeader('access-control-allow-headers', opts.allowed);
    next();
  };
};
`,
  },
  {
    name: 'a ternary of two long-lived objects, one of them written per request',
    code: `const express = require('express');
const app = express();
const mobile = { hits: [] };
const desktop = { hits: [] };
app.get('/track', (req, res) => {
  const bucket = req.query.m ? mobile : desktop;
  bucket.last = req.query.page;
  res.end();
});
`,
    report: { at: 'bucket.last = req', rule: 'no-request-data-in-module-scope' },
  },
  {
    name: 'quiet: a ternary whose test reads state and whose branches are fresh',
    code: `const express = require('express');
const app = express();
const flags = { mobile: true };
app.get('/track', (req, res) => {
  const bucket = flags.mobile ? { kind: 'm' } : { kind: 'd' };
  bucket.last = req.query.page;
  res.json(bucket);
});
`,
  },
  {
    name: 'each element an array callback receives is part of the state',
    code: `module.exports = function logger(options) {
  return function log(req, res, next) {
    (options.tokens || []).forEach(function (token) {
      token.value = req.url;
    });
    next();
  };
};
`,
    report: { at: 'token.value = req.url', rule: 'no-request-data-in-module-scope' },
  },
  {
    name: 'quiet: a callback that maps the elements into new objects',
    code: `module.exports = function logger(options) {
  return function log(req, res, next) {
    const filled = (options.tokens || []).map(function (token) {
      const copy = { name: token.name };
      copy.value = req.url;
      return copy;
    });
    res.locals.tokens = filled;
    next();
  };
};
`,
  },
  {
    name: "Node's util._extend copies request data into a module object",
    code: `const extend = require('util')._extend;
const express = require('express');
const app = express();
const baseHeaders = { 'x-powered-by': 'app' };
app.get('/mock', (req, res) => {
  res.set(extend(baseHeaders, { 'x-mock-path': req.path }));
  res.end();
});
`,
    report: { at: "res.set(extend(baseHeaders, { 'x-mock-path'", rule: 'no-request-data-in-module-scope' },
  },
  {
    name: 'quiet: util._extend into a fresh object',
    code: `const extend = require('util')._extend;
const express = require('express');
const app = express();
const baseHeaders = { 'x-powered-by': 'app' };
app.get('/mock', (req, res) => {
  res.set(extend(extend({}, baseHeaders), { 'x-mock-path': req.path }));
  res.end();
});
`,
  },
  {
    name: 'the extend package with a deep flag writes its second argument',
    code: `const extend = require('extend');
const express = require('express');
const app = express();
const settings = { user: {} };
app.post('/prefs', (req, res) => {
  extend(true, settings, { user: { theme: req.body.theme } });
  res.end();
});
`,
    report: { at: 'extend(true, settings', rule: 'no-request-data-in-module-scope' },
  },
  {
    name: 'quiet: the extend package with a deep flag into a fresh object',
    code: `const extend = require('extend');
const express = require('express');
const app = express();
const settings = { user: {} };
app.post('/prefs', (req, res) => {
  res.json(extend(true, {}, settings, { user: { theme: req.body.theme } }));
});
`,
  },
  {
    name: 'Koa 1 generator middleware from a factory writes request data read from `this`',
    code: `module.exports = function preflight(config) {
  return function* (next) {
    config.lastHeaders = this.header['access-control-request-headers'];
    this.set('access-control-allow-headers', config.lastHeaders);
    yield next;
  };
};
`,
    report: { at: 'config.lastHeaders = this.header', rule: 'no-request-data-in-module-scope' },
  },
  {
    name: 'quiet: Koa 1 generator middleware that keeps the value per request',
    code: `module.exports = function preflight(config) {
  return function* (next) {
    const allowed = this.header['access-control-request-headers'] || config.fallback;
    this.set('access-control-allow-headers', allowed);
    yield next;
  };
};
`,
  },
  {
    name: 'quiet: a generator that takes nothing is not middleware (a saga or an iterator)',
    code: `module.exports = function makeCounter(state) {
  return function* () {
    state.ticks = (state.ticks || 0) + 1;
    yield state.ticks;
  };
};
`,
    config: 'strict',
  },
  {
    name: 'a listener at the end of a pipe chain is added to the module stream piped into',
    code: `const { Transform } = require('node:stream');
const parse = new Transform({ objectMode: true, transform(chunk, _enc, done) { done(null, String(chunk)); } });
exports.handler = async (event) => {
  const source = require('node:fs').createReadStream(event.path);
  source.pipe(parse).on('data', (line) => console.log(event.id, line));
};
`,
    report: { at: 'source.pipe(parse)', rule: 'no-handler-listener-leak' },
  },
  {
    name: 'quiet: the same chain into a stream made per invocation',
    code: `const { Transform } = require('node:stream');
exports.handler = async (event) => {
  const parse = new Transform({ objectMode: true, transform(chunk, _enc, done) { done(null, String(chunk)); } });
  const source = require('node:fs').createReadStream(event.path);
  source.pipe(parse).on('data', (line) => console.log(event.id, line));
};
`,
  },
];

describe('state reached through aliases, element callbacks, copying helpers and Koa 1 middleware', () => {
  for (const c of CASES) it(c.name, () => check(c));
});
