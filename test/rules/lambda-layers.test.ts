// Code shared through Lambda layers: a function imports it by a bare package name or an `/opt/…` path that only the
// Lambda runtime resolves, and the project keeps its source in a folder that a manifest names, that has the
// layer's `nodejs/` shape, or whose name says it is a layer. Writes to `process.env` from a handler are
// process-wide module state, in the handler's own file and in the layer it calls.
import path from 'node:path';
import { describe } from 'vitest';
import noModuleStateWrite from '../../src/rules/no-module-state-write.js';
import noRequestDataInModuleScope from '../../src/rules/no-request-data-in-module-scope.js';
import noUnboundedGrowth from '../../src/rules/no-unbounded-growth.js';
import { makeProject } from '../helpers/temp.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';

const TENANCY = `let current = null;
exports.setTenant = (id) => {
  process.env.TENANT_ID = id;
  current = id;
};
exports.tenant = () => current;
`;

const AUDIT = `const trail = [];
exports.record = (entry) => {
  trail.push(entry);
};
`;

// SAM builds `ContentUri: deps/tenancy` (with a package.json) into `nodejs/node_modules/@acme/tenancy`.
const sam = makeProject({
  'package.json': JSON.stringify({ name: 'orders-app' }),
  'template.yaml': `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  TenancyLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: deps/tenancy
      CompatibleRuntimes: [nodejs20.x]
    Metadata:
      BuildMethod: nodejs20.x
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: functions/orders
      Handler: app.handler
      Layers:
        - !Ref TenancyLayer
`,
  'deps/tenancy/package.json': JSON.stringify({ name: '@acme/tenancy', main: 'lib/index.js' }),
  'deps/tenancy/lib/index.js': TENANCY,
  // The same name installed as a real package next to another function: that one is a dependency, not the layer.
  'functions/billing/node_modules/@acme/tenancy/package.json': JSON.stringify({ name: '@acme/tenancy' }),
  'functions/billing/node_modules/@acme/tenancy/index.js': TENANCY,
});

// serverless.yml `layers: { shared: { path } }` for a folder of any name; handlers import `/opt/nodejs/…`.
const framework = makeProject({
  'services/api/package.json': JSON.stringify({ name: 'api' }),
  'services/api/serverless.yml': `service: api
provider:
  name: aws
  runtime: nodejs20.x
functions:
  ingest:
    handler: ingest.handler
    layers:
      - { Ref: SharedLambdaLayer }
layers:
  shared:
    path: ../../platform-code
`,
  'platform-code/nodejs/audit.js': AUDIT,
});

// No manifest names the folders (a build script zips them): their names say they are layers. The build copies
// `settings/` into `nodejs/node_modules/settings`; `lib/` is served from `/opt/lib`.
const named = makeProject({
  'package.json': JSON.stringify({ name: 'bot' }),
  'lambda/common-layer/package.json': JSON.stringify({ name: 'common-layer' }),
  'lambda/common-layer/settings/apply.js': `exports.apply = (settings) => {
  process.env.LOG_LEVEL = settings.logLevel;
};
`,
  'lambda/common-layer/lib/audit.js': AUDIT,
  // A folder with the package's name outside any layer: not where the runtime looks.
  'lambda/utils/apply.js': `exports.apply = (settings) => {
  process.env.LOG_LEVEL = settings.logLevel;
};
`,
});

// Manifests that are not what they seem: broken YAML, a `layers` list, a layer path that is not a string.
const odd = makeProject({
  'package.json': JSON.stringify({ name: 'odd' }),
  'template.yaml': 'Resources:\n  Layer: { Type: AWS::Serverless::LayerVersion, Properties: { ContentUri: [\n',
  'serverless.yml': 'layers:\n  - path: shared\nfunctions: {}\n',
  'sam-template.json': JSON.stringify({
    Resources: { L: { Type: 'AWS::Lambda::LayerVersion', Properties: { Content: { S3Key: 'shared.zip' } } } },
  }),
  'shared/audit.js': AUDIT,
});

const at = (root: string, file: string) => path.join(root, file);

describe('imports served by a Lambda layer', () => {
  cjsRuleTester.run('layer packages and /opt paths', noRequestDataInModuleScope as never, {
    valid: [
      {
        name: 'a package installed in node_modules is a dependency, not the layer source',
        filename: at(sam, 'functions/billing/app.js'),
        code: `const { setTenant } = require('@acme/tenancy');
exports.handler = async (event) => {
  setTenant(event.headers.tenant);
};
`,
      },
      {
        name: 'the layer called only at start-up',
        filename: at(sam, 'functions/orders/app.js'),
        code: `const { setTenant } = require('@acme/tenancy');
setTenant(process.env.DEFAULT_TENANT);
exports.handler = async () => ({ statusCode: 204 });
`,
      },
      {
        name: 'a bare name that matches a folder outside every layer is a package the analysis does not have',
        filename: at(named, 'lambda/fulfil/index.js'),
        code: `const { apply } = require('utils/apply');
exports.handler = async (event) => {
  apply(event.settings);
};
`,
      },
    ],
    invalid: [
      {
        name: 'a layer that SAM builds from a package, imported by the package name',
        filename: at(sam, 'functions/orders/app.js'),
        code: `const { setTenant } = require('@acme/tenancy');
exports.handler = async (event) => {
  setTenant(event.headers.tenant);
};
`,
        errors: [{ messageId: 'requestDataInModuleScope', line: 3, column: 3 }],
      },
      {
        name: 'a folder copied into nodejs/node_modules by the build, imported by its folder name',
        filename: at(named, 'lambda/fulfil/index.js'),
        code: `const { apply } = require('settings/apply');
exports.handler = async (event) => {
  apply(event.settings);
};
`,
        errors: [{ messageId: 'requestDataInModuleScope', line: 3, column: 3 }],
      },
    ],
  });

  ruleTester.run('layers reached by path', noUnboundedGrowth as never, {
    valid: [
      {
        name: 'an /opt path that no layer holds is not followed',
        filename: at(framework, 'services/api/ingest.mjs'),
        code: `import { record } from '/opt/nodejs/missing.js';
export const handler = async (event) => {
  record(event.body);
};
`,
      },
      {
        name: 'malformed manifests name no layer and do not stop the lint',
        filename: at(odd, 'fn/index.mjs'),
        code: `import { record } from '/opt/audit.js';
export const handler = async (event) => {
  record(event.body);
};
`,
      },
    ],
    invalid: [
      {
        name: 'serverless.yml names the layer folder; the handler imports /opt/nodejs/…',
        filename: at(framework, 'services/api/ingest.mjs'),
        code: `import { record } from '/opt/nodejs/audit.js';
export const handler = async (event) => {
  record(event.body);
};
`,
        errors: [{ messageId: 'unboundedGrowth', line: 3, column: 3 }],
      },
      {
        name: 'a relative path that climbs out of the function to /opt',
        filename: at(named, 'lambda/fulfil/lib/step.js'),
        code: `const { record } = require('../../../../../../../../../opt/lib/audit.js');
module.exports.handler = async (event) => {
  record(event.body);
};
`,
        errors: [{ messageId: 'unboundedGrowth', line: 3, column: 3 }],
      },
    ],
  });
});

describe('process.env written by a handler', () => {
  cjsRuleTester.run('request data in process.env', noRequestDataInModuleScope as never, {
    valid: [
      {
        name: 'reading the environment per request',
        filename: '/proj/api/env-read.js',
        code: `exports.handler = async (event) => ({ region: process.env.AWS_REGION, id: event.id });
`,
      },
      {
        name: 'setting the environment once at start-up',
        filename: '/proj/api/env-boot.js',
        code: `process.env.TZ = 'UTC';
exports.handler = async (event) => ({ id: event.id });
`,
      },
    ],
    invalid: [
      {
        name: 'a request field stored in process.env',
        filename: '/proj/api/env-tenant.js',
        code: `exports.handler = async (event) => {
  process.env.TENANT = event.headers['x-tenant'];
  return { ok: true };
};
`,
        errors: [{ messageId: 'requestDataInModuleScope', line: 2, column: 3 }],
      },
    ],
  });

  cjsRuleTester.run('per-request process.env writes', noModuleStateWrite as never, {
    valid: [
      {
        name: 'a value kept in a local instead',
        filename: '/proj/api/env-local.js',
        code: `exports.handler = async (event) => {
  const debug = event.debug === true;
  return { debug };
};
`,
      },
    ],
    invalid: [
      {
        name: 'a flag rewritten on every invocation',
        filename: '/proj/api/env-flag.js',
        code: `exports.handler = async (event) => {
  process.env.LAST_RUN = String(Date.now());
  return { ok: true };
};
`,
        errors: [{ messageId: 'moduleStateWrite', line: 2, column: 3 }],
      },
    ],
  });
});
