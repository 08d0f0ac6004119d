// Google Cloud Functions: functions.http/cloudEvent registrations and exported (req, res) functions.
import { describe, expect, it } from 'vitest';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const FRAMEWORK_HTTP = dedent(`
  const functions = require('@google-cloud/functions-framework');

  const visitors = [];
  let lastUser;

  functions.http('helloHttp', (req, res) => {
    visitors.push(req.ip);
    lastUser = req.query.user;
    res.send('hello');
  });

  exports.stats = () => ({ visitors: visitors.length, lastUser });
`);

const FRAMEWORK_ESM = dedent(`
  import * as ff from '@google-cloud/functions-framework';

  const seenIds = new Set<string>();
  let processed = 0;

  async function onMessage(cloudEvent: ff.CloudEvent<{ id: string }>) {
    seenIds.add(cloudEvent.data!.id);
    processed++;
  }

  ff.cloudEvent('onMessage', onMessage);

  export const stats = () => ({ seen: seenIds.size, processed });
`);

const NAMED_IMPORT = dedent(`
  import { http } from '@google-cloud/functions-framework';

  const log: string[] = [];

  http('audit', async (req, res) => {
    log.push(req.body.action);
    res.status(204).end();
  });
`);

// The suggestion removes the declaration line and leaves its blank neighbours.
const AUDIT_MOVED = dedent(`
  import { http } from '@google-cloud/functions-framework';

  http('audit', async (req, res) => {
    const log: string[] = [];
    log.push(req.body.action);
    res.status(204).end();
  });
`);

const EXPORTS_NO_IMPORT = dedent(`
  const requests = [];

  exports.helloGET = (req, res) => {
    requests.push(req.path);
    res.send('Hello World!');
  };

  exports.count = () => requests.length;
`);

const EXPORTS_WITH_FRAMEWORK = dedent(`
  require('@google-cloud/functions-framework');

  const pending = [];

  exports.subscribe = (message, context) => {
    pending.push(message.data);
  };

  exports.count = () => pending.length;
`);

const reported: Reported[] = [
  {
    name: 'functions.http callback grows module state',
    filename: '/srv/gcf/index.js',
    code: FRAMEWORK_HTTP,
    rule: 'growth',
    at: ['visitors.push('],
    commonjs: true,
  },
  {
    name: 'functions.http callback stores request data',
    filename: '/srv/gcf/index.js',
    code: FRAMEWORK_HTTP,
    rule: 'requestData',
    at: ['lastUser ='],
    commonjs: true,
  },
  {
    name: 'functions.cloudEvent with a named function (namespace import)',
    filename: '/srv/gcf/index.ts',
    code: FRAMEWORK_ESM,
    rule: 'growth',
    at: ['seenIds.add('],
  },
  {
    name: 'cloudEvent counter is a strict write',
    filename: '/srv/gcf/index.ts',
    code: FRAMEWORK_ESM,
    rule: 'write',
    at: ['processed++'],
  },
  {
    name: 'named http import',
    filename: '/srv/gcf/audit.ts',
    code: NAMED_IMPORT,
    rule: 'growth',
    at: ['log.push('],
    suggest: AUDIT_MOVED,
  },
  {
    name: 'exports.fn = (req, res) answering through res, no import',
    filename: '/srv/gcf/index.js',
    code: EXPORTS_NO_IMPORT,
    rule: 'growth',
    at: ['requests.push('],
    commonjs: true,
  },
  {
    name: 'background function export in a Functions Framework file',
    filename: '/srv/gcf/index.js',
    code: EXPORTS_WITH_FRAMEWORK,
    rule: 'growth',
    at: ['pending.push('],
    commonjs: true,
  },
];

const quiet: Quiet[] = [
  {
    name: 'registration and start-up writes are start-up code',
    filename: '/srv/gcf/index.js',
    commonjs: true,
    code: dedent(`
      const functions = require('@google-cloud/functions-framework');
      const names = [];
      const handlers = { hello: (req, res) => res.send('hi') };
      for (const name of Object.keys(handlers)) {
        names.push(name);
        functions.http(name, handlers[name]);
      }
    `),
  },
  {
    name: 'a function that only reads module state and lazily creates a client',
    filename: '/srv/gcf/index.js',
    commonjs: true,
    code: dedent(`
      const functions = require('@google-cloud/functions-framework');
      const config = { greeting: 'hello' };
      let client;
      functions.http('greet', async (req, res) => {
        if (!client) client = createClient();
        res.send(config.greeting + ' ' + req.query.name);
      });
    `),
  },
  {
    name: 'exported (req, res) utility that never answers is not a handler without the framework',
    filename: '/srv/lib/diff.js',
    commonjs: true,
    code: dedent(`
      const diffs = [];
      exports.compare = (req, res) => {
        diffs.push(req.length - res.length);
        return diffs.length;
      };
    `),
  },
  {
    name: 'the same callback shape without the framework import is not registered',
    filename: '/srv/lib/registry.js',
    commonjs: true,
    code: dedent(`
      const functions = require('./my-registry');
      const visitors = [];
      functions.http('x', (req, res) => { visitors.push(req.ip); res.send(''); });
    `),
  },
];

describe('Google Cloud Functions detection', () => {
  it('names registered functions by their registered name', () => {
    expect(handlersOf(FRAMEWORK_HTTP, '/srv/gcf/index.js', { commonjs: true })).toEqual(['gcp helloHttp']);
    expect(handlersOf(FRAMEWORK_ESM, '/srv/gcf/index.ts')).toEqual(['gcp onMessage']);
  });
  it('labels an exported (req, res) function by what the file imports', () => {
    expect(handlersOf(EXPORTS_NO_IMPORT, '/srv/gcf/index.js', { commonjs: true })).toEqual(['http helloGET']);
    const withFramework = `require('@google-cloud/functions-framework');\n${EXPORTS_NO_IMPORT}`;
    expect(handlersOf(withFramework, '/srv/gcf/index.js', { commonjs: true })).toEqual(['gcp helloGET']);
    const withExpress = `const express = require('express');\n${EXPORTS_NO_IMPORT}`;
    expect(handlersOf(withExpress, '/srv/gcf/index.js', { commonjs: true })).toEqual(['express helloGET']);
  });
});

runPlatform('platforms: Google Cloud Functions', reported, quiet);
