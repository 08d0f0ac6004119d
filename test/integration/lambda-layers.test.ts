// A CDK app whose functions share code through a Lambda layer (`new LayerVersion(…, { code: Code.fromAsset(…) })`),
// linted with the real ESLint class on real files: the handler's call into the layer is reported, and so is the
// write in the layer file itself, naming the handler that reaches it. Quiet twins: the layer called only at
// start-up, and a project whose CDK code makes no layer from that folder.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { makeProject } from '../helpers/temp.js';

const SCOPE = `const seen = new Set();
exports.remember = (requestId) => {
  seen.add(requestId);
  process.env.LAST_REQUEST_ID = requestId;
};
exports.count = () => seen.size;
`;

const STACK = (asset: string) => `import * as path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export class ApiStack extends Stack {
  constructor(scope: unknown, id: string) {
    super(scope as never, id);
    const shared = new lambda.LayerVersion(this, 'Shared', {
      code: lambda.Code.fromAsset(path.join(__dirname, '${asset}')),
      compatibleRuntimes: [lambda.Runtime.NODEJS_20_X],
    });
    new lambda.Function(this, 'Orders', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'orders.handler',
      code: lambda.Code.fromAsset(path.join(__dirname, '../functions')),
      layers: [shared],
    });
  }
}
`;

const HANDLER = `const { remember, count } = require('/opt/lib/scope');
exports.handler = async (event) => {
  remember(event.requestContext.requestId);
  return { statusCode: 200, body: String(count()) };
};
`;

function cdkApp(files: Record<string, string> = {}): string {
  return makeProject({
    'cdk.json': JSON.stringify({ app: 'npx ts-node bin/app.ts' }),
    'package.json': JSON.stringify({ name: 'orders-cdk', dependencies: { 'aws-cdk-lib': '^2.0.0' } }),
    'lib/api-stack.ts': STACK('../runtime-shared'),
    'runtime-shared/lib/scope.js': SCOPE,
    'functions/orders.js': HANDLER,
    ...files,
  });
}

async function lint(root: string, file: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs.strict as never[])] as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintFiles([path.join(root, file)]);
  return result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId?.replace('handler-state/', '')} ${m.message}`);
}

describe('a CDK layer, through the ESLint class', () => {
  it('reports the call in the handler and the writes in the layer file', async () => {
    const root = cdkApp();
    const inHandler = await lint(root, 'functions/orders.js');
    expect(inHandler.map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual(
      expect.arrayContaining(['3:3 no-unbounded-growth', '3:3 no-request-data-in-module-scope']),
    );
    const inLayer = await lint(root, 'runtime-shared/lib/scope.js');
    expect(inLayer.map((m) => m.split(' ').slice(0, 2).join(' '))).toEqual([
      '3:3 no-unbounded-growth',
      '4:3 no-request-data-in-module-scope',
    ]);
    expect(inLayer[1]).toContain('reached per request from `handler` in ../../functions/orders.js via `remember()`');
  });

  it('stays quiet when the layer is called only at start-up', async () => {
    const root = cdkApp({
      'functions/orders.js': `const { remember } = require('/opt/lib/scope');
remember('cold-start');
exports.handler = async () => ({ statusCode: 204 });
`,
    });
    expect(await lint(root, 'functions/orders.js')).toEqual([]);
    expect(await lint(root, 'runtime-shared/lib/scope.js')).toEqual([]);
  });

  it('does not take a folder for a layer that no manifest, shape or name makes one', async () => {
    // The stack makes its layer from another folder; nothing else says `runtime-shared` is a layer.
    const root = cdkApp({ 'lib/api-stack.ts': STACK('../assets/layer-zip') });
    expect(await lint(root, 'functions/orders.js')).toEqual([]);
    expect(await lint(root, 'runtime-shared/lib/scope.js')).toEqual([]);
  });
});
