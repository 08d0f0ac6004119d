// End-to-end tests of `handler-state discover` on fixture projects and on small projects written to a temp dir.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import fc from 'fast-check';
import picomatch from 'picomatch';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { discoverHandlers, runDiscover, toSettings, type DiscoveredHandler } from '../../src/cli/discover.js';
import { resolveSettings } from '../../src/analysis/settings.js';
import plugin from '../../src/index.js';
import { makeProject } from '../helpers/temp.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'projects');
const serverlessApp = path.join(fixtures, 'serverless-app');
const samApp = path.join(fixtures, 'sam-app');
const cdkApp = path.join(fixtures, 'cdk-app');

async function run(argv: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await runDiscover(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
  });
  return { code, stdout, stderr };
}

function entry(file: string, exportName: string, manifest: string, functionId: string): DiscoveredHandler {
  return { file, exportName, manifest, functionId };
}

const TS_HANDLER = 'export const handler = async () => ({ statusCode: 200 });\n';

describe('fixture projects', () => {
  it('reads serverless.yml: a TypeScript and a JavaScript handler, and reports the missing file', async () => {
    const { entries, problems } = await discoverHandlers(serverlessApp);
    expect(entries).toEqual([
      entry('src/handlers/create-order.ts', 'main', 'serverless.yml', 'createOrder'),
      entry('src/handlers/list-orders.js', 'handler', 'serverless.yml', 'listOrders'),
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].manifest).toBe('serverless.yml');
    expect(problems[0].message).toContain('"nightlyReport"');
    expect(problems[0].message).toContain('src/reports/nightly.run');
    expect(problems[0].message).toContain('missing file');
  });

  it('reads a SAM template with Globals, CodeUri, esbuild EntryPoints and CloudFormation tags', async () => {
    const { entries, problems } = await discoverHandlers(samApp);
    expect(entries).toEqual([
      // Globals.Function.CodeUri applies; no build metadata, so the handler module is the file.
      entry('functions/get-order.js', 'lambdaHandler', 'template.yaml', 'GetOrderFunction'),
      // Own CodeUri wins over Globals; the single esbuild entry point is the source.
      entry('functions/put-order/app.ts', 'handler', 'template.yaml', 'PutOrderFunction'),
      // Handler names the bundle in dist/; of two entry points the one named like the handler module is the source.
      entry('src/handlers/notify.ts', 'handler', 'template.yaml', 'NotifyFunction'),
      // AWS::Lambda::Function with a local Code path; Globals do not apply to it.
      entry('legacy/cleanup.cjs', 'handler', 'template.yaml', 'LegacyCleanup'),
    ]);
    // The python3.12 function is not JavaScript and is left out without a problem.
    expect(problems).toHaveLength(1);
    expect(problems[0].manifest).toBe('template.yaml');
    expect(problems[0].message).toContain('"StageRouterFunction"');
    expect(problems[0].message).toContain('!Sub');
    expect(problems[0].message).toContain('not a literal');
  });

  it('reads CDK NodejsFunction and lambda.Function constructs whose paths are literals', async () => {
    const { entries, problems } = await discoverHandlers(cdkApp);
    const stack = 'lib/orders-stack.ts';
    expect(entries).toEqual([
      // A relative entry is resolved from the CDK app directory (where cdk.json is), as `cdk synth` does.
      entry('src/handlers/create-order.ts', 'main', stack, 'CreateOrder'),
      // No handler property: NodejsFunction's default export name is `handler`.
      entry('src/handlers/list-orders.ts', 'handler', stack, 'ListOrders'),
      // path.join through a module-level const.
      entry('src/handlers/refund-order.ts', 'refund', stack, 'RefundOrder'),
      // Code.fromAsset(dir) + 'index.resize' resolves to dir/index.mjs.
      entry('assets/thumbnail/index.mjs', 'resize', stack, 'Thumbnail'),
    ]);
    // The Python function is skipped silently; the other three are reported, each on its own line.
    expect(problems.map((problem) => problem.manifest)).toEqual([stack, stack, stack]);
    const [audit, job, archive] = problems.map((problem) => problem.message);
    expect(audit).toMatch(/^line 47: NodejsFunction "Audit" has no entry/);
    expect(audit).toContain('not inferable');
    expect(job).toMatch(/^line 50: NodejsFunction `Job-\$\{job\}`: entry is not a literal/);
    expect(archive).toMatch(/^line 53: NodejsFunction "ArchiveOrders": entry points to a missing file/);
    expect(archive).toContain('src/handlers/archive-orders.ts');
  });

  it('discovers all three when pointed at the directory that holds them', async () => {
    const { entries } = await discoverHandlers(fixtures);
    const manifests = [...new Set(entries.map((found) => found.manifest))];
    expect(manifests).toEqual([
      'cdk-app/lib/orders-stack.ts',
      'sam-app/template.yaml',
      'serverless-app/serverless.yml',
    ]);
    expect(entries).toContainEqual(
      entry('serverless-app/src/handlers/create-order.ts', 'main', 'serverless-app/serverless.yml', 'createOrder'),
    );
  });
});

describe('toSettings', () => {
  it('groups exports per file, sorted, without duplicates', () => {
    const settings = toSettings([
      entry('src/b.ts', 'main', 'serverless.yml', 'b'),
      entry('src/a.ts', 'second', 'serverless.yml', 'a2'),
      entry('src/a.ts', 'first', 'serverless.yml', 'a1'),
      entry('src/a.ts', 'first', 'template.yaml', 'A1'),
    ]);
    expect(settings).toEqual({
      handlers: [
        { files: 'src/a.ts', names: ['first', 'second'] },
        { files: 'src/b.ts', names: ['main'] },
      ],
    });
  });

  it('escapes glob syntax so that a path only matches itself', () => {
    const file = 'app/(orders)/[id]/handler.ts';
    const { handlers } = toSettings([entry(file, 'handler', 'template.yaml', 'F')]);
    expect(picomatch.isMatch(file, handlers[0].files)).toBe(true);
    expect(picomatch.isMatch('app/o/i/handler.ts', handlers[0].files)).toBe(false);
  });

  it('produces settings that the plugin accepts and applies to the discovered file', async () => {
    const { entries } = await discoverHandlers(serverlessApp);
    const settings = { 'handler-state': toSettings(entries) };
    const resolved = resolveSettings(settings, path.join(serverlessApp, 'src/handlers/create-order.ts'), serverlessApp);
    expect(resolved.errors).toEqual([]);
    expect([...resolved.handlerNames]).toEqual(['main']);
  });
  it('makes ESLint treat a discovered export as a handler that it would not recognise by itself', async () => {
    const root = makeProject({
      'serverless.yml': 'service: s\nfunctions:\n  record:\n    handler: src/record.main\n',
      'src/record.ts': [
        'const seen: string[] = [];',
        'export async function main(input: string) {',
        '  seen.push(input);',
        '  return seen.length;',
        '}',
        '',
      ].join('\n'),
    });
    const lint = async (settings?: Record<string, unknown>) => {
      const config = [...plugin.configs.recommended] as Linter.Config[];
      if (settings) config.push({ settings });
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
      const [result] = await eslint.lintFiles(['src/record.ts']);
      return result.messages.map((message) => message.ruleId);
    };
    const { entries } = await discoverHandlers(root);
    expect(await lint()).toEqual([]);
    expect(await lint({ 'handler-state': toSettings(entries) })).toEqual(['handler-state/no-unbounded-growth']);
  });
});

describe('runDiscover', () => {
  it('prints a flat-config snippet that evaluates to the settings, with problems on stderr, and exits 0', async () => {
    const { code, stdout, stderr } = await run([serverlessApp]);
    // Handlers were found: the manifest problem is a note, not a failure.
    expect(code).toBe(0);
    const settings: unknown = vm.runInNewContext(`({ ${stdout} })`);
    expect(settings).toEqual({
      settings: {
        'handler-state': {
          handlers: [
            { files: 'src/handlers/create-order.ts', names: ['main'] },
            { files: 'src/handlers/list-orders.js', names: ['handler'] },
          ],
        },
      },
    });
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^serverless\.yml: function "nightlyReport": .*missing file/);
  });

  it('exits 0 when everything was found, resolving the project directory from cwd', async () => {
    const root = makeProject({
      'serverless.yml': 'service: s\nprovider:\n  name: aws\nfunctions:\n  hello:\n    handler: handler.hello\n',
      'handler.js': 'exports.hello = async () => ({ statusCode: 200 });\n',
    });
    const { code, stdout, stderr } = await run(['.'], root);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain("{ files: 'handler.js', names: ['hello'] },");
  });

  it('prints settings, entries and problems with --json', async () => {
    const { code, stdout } = await run([samApp, '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as {
      settings: { 'handler-state': { handlers: unknown[] } };
      entries: DiscoveredHandler[];
      problems: Array<{ manifest: string; message: string }>;
    };
    expect(output.settings['handler-state'].handlers).toEqual([
      { files: 'functions/get-order.js', names: ['lambdaHandler'] },
      { files: 'functions/put-order/app.ts', names: ['handler'] },
      { files: 'legacy/cleanup.cjs', names: ['handler'] },
      { files: 'src/handlers/notify.ts', names: ['handler'] },
    ]);
    expect(output.entries).toHaveLength(4);
    expect(output.problems.map((problem) => problem.manifest)).toEqual(['template.yaml']);
  });

  it('writes the settings block as JSON with --write, relative to cwd', async () => {
    const out = makeProject({});
    const { code, stdout } = await run([cdkApp, '--write', 'config/handlers.json'], out);
    expect(code).toBe(0);
    const written = JSON.parse(fs.readFileSync(path.join(out, 'config', 'handlers.json'), 'utf8')) as unknown;
    expect(written).toEqual({
      'handler-state': {
        handlers: [
          { files: 'assets/thumbnail/index.mjs', names: ['resize'] },
          { files: 'src/handlers/create-order.ts', names: ['main'] },
          { files: 'src/handlers/list-orders.ts', names: ['handler'] },
          { files: 'src/handlers/refund-order.ts', names: ['refund'] },
        ],
      },
    });
    expect(stdout).toBe('Wrote 4 handlers in 4 files to config/handlers.json\n');
  });

  it('accepts --write=FILE', async () => {
    const out = makeProject({});
    const { code } = await run([serverlessApp, '--write=handlers.json'], out);
    expect(code).toBe(0);
    expect(fs.existsSync(path.join(out, 'handlers.json'))).toBe(true);
  });

  it('exits 1 and writes nothing when no handler is found', async () => {
    const root = makeProject({ 'src/index.ts': 'export const x = 1;\n' });
    const { code, stdout, stderr } = await run(['.', '--write', 'handlers.json'], root);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('no handlers found');
    expect(fs.existsSync(path.join(root, 'handlers.json'))).toBe(false);
  });

  it.each([
    [['--frobnicate'], 'unknown option --frobnicate'],
    [['a', 'b'], 'at most one project directory'],
    [['--write'], 'option --write needs a value'],
    [['--write', '--json'], 'option --write needs a value'],
    [['--jsno'], 'unknown option --jsno (did you mean --json?)'],
    [['does-not-exist'], 'does-not-exist is not a directory'],
  ])('exits 2 on the usage error %j', async (argv, message) => {
    const root = makeProject({});
    const { code, stdout, stderr } = await run(argv, root);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
  });

  it('prints usage with --help and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: handler-state discover');
  });
});

describe('malformed and unusual input', () => {
  it('turns malformed YAML into a problem instead of throwing', async () => {
    const root = makeProject({
      'serverless.yml': 'service: broken\nfunctions:\n  hello:\n    handler: [handler.hello\n  bye: : :\n',
      'infra/template.yaml': 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n   Properties: {\n',
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(entries).toEqual([]);
    expect(problems.map((problem) => problem.manifest)).toEqual(['infra/template.yaml', 'serverless.yml']);
    for (const problem of problems) expect(problem.message).toMatch(/^invalid YAML: /);
  });

  it('reports variables, non-literal and malformed handlers in serverless.yml', async () => {
    const root = makeProject({
      'serverless.yml': [
        'service: vars',
        'provider:',
        '  name: aws',
        '  runtime: ${self:custom.runtime}',
        'custom:',
        '  runtime: nodejs20.x',
        'functions:',
        '  fromVariable:',
        '    handler: ${self:custom.dir}/app.main',
        '  noDot:',
        '    handler: main',
        '  noHandler:',
        '    events: []',
        '  image:',
        '    image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest',
        '  python:',
        '    runtime: python3.12',
        '    handler: app.main',
        '  directoryIndex:',
        '    handler: src/webhook.receive',
        '',
      ].join('\n'),
      'src/webhook/index.ts': 'export const receive = async () => ({ statusCode: 204 });\n',
    });
    const { entries, problems } = await discoverHandlers(root);
    // A runtime given as a variable may be Node.js, so the functions are read.
    expect(entries).toEqual([entry('src/webhook/index.ts', 'receive', 'serverless.yml', 'directoryIndex')]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'function "fromVariable": handler "${self:custom.dir}/app.main" contains a variable, which cannot be resolved without deploying; skipped',
      'function "noDot": handler "main" is not of the form path/to/module.exportName; skipped',
      'function "noHandler" has no handler; skipped',
    ]);
  });

  it('reads the list form of functions and reports a ${file()} include', async () => {
    const root = makeProject({
      'serverless.yaml': [
        'service: list',
        'functions:',
        '  - first:',
        '      handler: first.handler',
        '  - ${file(./more-functions.yml)}',
        '',
      ].join('\n'),
      'first.mjs': 'export const handler = async () => 1;\n',
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(entries).toEqual([entry('first.mjs', 'handler', 'serverless.yaml', 'first')]);
    expect(problems).toEqual([
      {
        manifest: 'serverless.yaml',
        message:
          'functions[1] is the variable "${file(./more-functions.yml)}", which cannot be resolved without deploying; skipped',
        reason: 'variable',
      },
    ]);
  });

  it('reports a provider other than AWS once', async () => {
    const root = makeProject({
      'serverless.yml': 'service: g\nprovider:\n  name: google\nfunctions:\n  hello:\n    handler: http\n',
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(entries).toEqual([]);
    expect(problems).toEqual([
      {
        manifest: 'serverless.yml',
        message: 'provider "google" is not supported; only AWS Lambda handlers are read',
        reason: 'unsupported provider',
        wholeManifest: true,
      },
    ]);
  });

  it('leaves a template.yaml alone when it is not a CloudFormation template', async () => {
    const root = makeProject({ 'docs/template.yaml': 'title: Release notes\nsections: [added, fixed]\n' });
    expect(await discoverHandlers(root)).toEqual({ entries: [], problems: [] });
  });

  it('reads template.json with long-form intrinsic functions and reports what is not local', async () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        Plain: {
          Type: 'AWS::Serverless::Function',
          Properties: { CodeUri: 'src', Handler: 'app.handler', Runtime: 'nodejs22.x' },
        },
        Substituted: {
          Type: 'AWS::Serverless::Function',
          Properties: { CodeUri: 'src', Handler: { 'Fn::Sub': '${Name}.handler' } },
        },
        FromS3: {
          Type: 'AWS::Serverless::Function',
          Properties: { CodeUri: 's3://bucket/code.zip', Handler: 'app.handler' },
        },
        FromBucket: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Code: { S3Bucket: 'bucket', S3Key: 'code.zip' },
            Handler: 'app.handler',
            Runtime: 'nodejs20.x',
          },
        },
        Inline: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Code: { ZipFile: 'exports.handler = async () => 1;' },
            Handler: 'index.handler',
            Runtime: 'nodejs20.x',
          },
        },
        Container: { Type: 'AWS::Serverless::Function', Properties: { PackageType: 'Image', ImageUri: 'repo:latest' } },
        WrongEntry: {
          Type: 'AWS::Serverless::Function',
          Properties: { CodeUri: 'src', Handler: 'other.handler' },
          Metadata: { BuildMethod: 'esbuild', BuildProperties: { EntryPoints: ['app.ts', 'jobs.ts'] } },
        },
      },
    };
    const root = makeProject({
      'template.json': JSON.stringify(template, null, 2),
      'src/app.ts': TS_HANDLER,
      'src/jobs.ts': TS_HANDLER,
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(entries).toEqual([entry('src/app.ts', 'handler', 'template.json', 'Plain')]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'function "Substituted": Handler is the Fn::Sub function, not a literal; skipped',
      'function "FromS3": CodeUri "s3://bucket/code.zip" is in an S3 bucket, not in the project; skipped',
      'Lambda function "FromBucket": Code is in an S3 bucket, not in the project; skipped',
      'function "WrongEntry": none of Metadata.BuildProperties.EntryPoints (app.ts, jobs.ts) matches Handler module "other"; skipped',
    ]);
  });

  it('parses every CloudFormation short-form tag, and unknown tags, without crashing', async () => {
    const tagged = [
      '!Ref Stage',
      '!GetAtt [Role, Arn]',
      '!Sub "${AWS::Region}"',
      '!Join ["", [a, b]]',
      '!If [IsProd, a, b]',
      '!FindInMap [Map, !Ref Stage, Key]',
      '!GetAZs ""',
      '!ImportValue Shared',
      '!Select [0, !GetAZs ""]',
      '!Split [",", "a,b"]',
      '!Base64 text',
      '!Cidr [10.0.0.0/16, 4, 8]',
      '!Equals [a, b]',
      '!And [!Condition A, !Condition B]',
      '!Or [!Condition A, !Condition B]',
      '!Not [!Condition A]',
      '!Condition A',
      '!Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }',
      '!MadeUpTag value',
    ];
    const variables = tagged.map((value, index) => `          V${index}: ${value}`).join('\n');
    const root = makeProject({
      'template.yml': [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: .',
        '      Handler: app.handler',
        '      Environment:',
        '        Variables:',
        variables,
        '  Tagged:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: !Ref CodeLocation',
        '      Handler: app.handler',
        '',
      ].join('\n'),
      'app.ts': TS_HANDLER,
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(entries).toEqual([entry('app.ts', 'handler', 'template.yml', 'Fn')]);
    expect(problems).toEqual([
      {
        manifest: 'template.yml',
        message: 'function "Tagged": CodeUri is the !Ref tag, not a local path; skipped',
        reason: 'not a literal',
      },
    ]);
  });

  it('recognises CDK spellings: renamed imports, require, ESM __dirname, import.meta.dirname, default entry', async () => {
    const root = makeProject({
      'cdk.json': '{ "app": "node bin/app.mjs" }\n',
      'lib/esm-stack.mts': [
        "import path from 'node:path';",
        "import { fileURLToPath } from 'node:url';",
        "import { NodejsFunction as NodeFn } from 'aws-cdk-lib/aws-lambda-nodejs';",
        "import { Function as LambdaFunction, Code, Runtime } from 'aws-cdk-lib/aws-lambda';",
        'const here = path.dirname(fileURLToPath(import.meta.url));',
        'export function build(scope) {',
        "  new NodeFn(scope, 'Esm', { entry: path.resolve(here, '../handlers/esm.ts'), handler: 'index.run' });",
        "  new NodeFn(scope, 'Meta', { entry: `${import.meta.dirname}/../handlers/meta.ts` });",
        "  new LambdaFunction(scope, 'Plain', { runtime: Runtime.NODEJS_22_X, code: Code.fromAsset('handlers'), handler: 'plain.go' });",
        "  const notLambda = new Function('a', 'return a');",
        '  return notLambda;',
        '}',
        '',
      ].join('\n'),
      'lib/cjs-stack.js': [
        "const { join } = require('path');",
        "const { NodejsFunction } = require('aws-cdk-lib/aws-lambda-nodejs');",
        'exports.build = (scope) => {',
        "  new NodejsFunction(scope, 'Cjs', { entry: join(__dirname, '..', 'handlers', 'cjs.js') });",
        "  new NodejsFunction(scope, 'Conventional');",
        '};',
        '',
      ].join('\n'),
      'lib/cjs-stack.Conventional.ts': TS_HANDLER,
      'handlers/esm.ts': 'export const run = async () => 1;\n',
      'handlers/meta.ts': TS_HANDLER,
      'handlers/plain.js': 'exports.go = async () => 1;\n',
      'handlers/cjs.js': 'exports.handler = async () => 1;\n',
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      entry('handlers/cjs.js', 'handler', 'lib/cjs-stack.js', 'Cjs'),
      // Without entry, CDK looks for <defining file>.<id>.ts next to the stack.
      entry('lib/cjs-stack.Conventional.ts', 'handler', 'lib/cjs-stack.js', 'Conventional'),
      entry('handlers/esm.ts', 'run', 'lib/esm-stack.mts', 'Esm'),
      entry('handlers/meta.ts', 'handler', 'lib/esm-stack.mts', 'Meta'),
      entry('handlers/plain.js', 'go', 'lib/esm-stack.mts', 'Plain'),
    ]);
  });

  it('resolves relative CDK paths from the nearest cdk.json and reports unreadable props and parse errors', async () => {
    const root = makeProject({
      'infra/cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n',
      'infra/lib/stack.ts': [
        "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';",
        "import { shared } from './shared';",
        'export function build(scope: any, props: any) {',
        "  new NodejsFunction(scope, 'Relative', { entry: 'functions/relative.ts' });",
        "  new NodejsFunction(scope, 'FromProps', props);",
        "  new NodejsFunction(scope, 'Spread', { ...shared });",
        '}',
        '',
      ].join('\n'),
      'infra/functions/relative.ts': TS_HANDLER,
      'infra/lib/broken.ts':
        "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';\nnew NodejsFunction(this, 'X', {\n",
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(entries).toEqual([entry('infra/functions/relative.ts', 'handler', 'infra/lib/stack.ts', 'Relative')]);
    expect(problems).toHaveLength(3);
    expect(problems[0].manifest).toBe('infra/lib/broken.ts');
    expect(problems[0].message).toMatch(/^cannot parse the file: /);
    expect(problems.slice(1)).toEqual([
      {
        manifest: 'infra/lib/stack.ts',
        message: 'line 5: NodejsFunction "FromProps": the props are not an object literal; not inferable, skipped',
      },
      {
        manifest: 'infra/lib/stack.ts',
        message: 'line 6: NodejsFunction "Spread": entry may come from a spread object; not inferable, skipped',
      },
    ]);
  });

  it('finds manifests of nested services, skips build output and dependencies, and stops at depth 6', async () => {
    const service = 'service: s\nfunctions:\n  f:\n    handler: handler.main\n';
    const handler = 'export const main = async () => 1;\n';
    const root = makeProject({
      'services/api/serverless.yml': service,
      'services/api/handler.ts': handler,
      'node_modules/some-lib/serverless.yml': service,
      'node_modules/some-lib/handler.ts': handler,
      '.aws-sam/build/template.yaml': 'Resources: {}\n',
      'cdk.out/asset/serverless.yml': service,
      'dist/serverless.yml': service,
      'a/b/c/d/e/f/serverless.yml': service,
      'a/b/c/d/e/f/handler.ts': handler,
      'a/b/c/d/e/f/g/serverless.yml': service,
      'a/b/c/d/e/f/g/handler.ts': handler,
    });
    const { entries, problems } = await discoverHandlers(root);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      entry('a/b/c/d/e/f/handler.ts', 'main', 'a/b/c/d/e/f/serverless.yml', 'f'),
      entry('services/api/handler.ts', 'main', 'services/api/serverless.yml', 'f'),
    ]);
  });

  it('never throws, whatever shape the manifests have', async () => {
    const root = makeProject({});
    // Values shaped like the keys the readers look at, so that the odd shapes reach deep into them.
    const key = fc.constantFrom(
      'functions',
      'handler',
      'provider',
      'runtime',
      'Resources',
      'Type',
      'Properties',
      'Handler',
      'CodeUri',
      'Code',
      'Globals',
      'Function',
      'Metadata',
      'BuildProperties',
      'EntryPoints',
      'image',
    );
    const leaf = fc.oneof(
      fc.constantFrom(
        'AWS::Serverless::Function',
        'AWS::Lambda::Function',
        'nodejs20.x',
        'app.handler',
        '.',
        's3://b/k',
        '${self:x}',
        'aws',
        '',
        '!Ref X',
      ),
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec<{ tree: unknown }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('tree'), { maxLength: 3 }),
        fc.dictionary(fc.oneof(key, fc.string()), tie('tree'), { maxKeys: 4 }),
      ),
    })).tree;
    await fc.assert(
      fc.asyncProperty(value, value, fc.string(), async (serverless, template, stack) => {
        fs.writeFileSync(path.join(root, 'serverless.yml'), YAML.stringify(serverless));
        fs.writeFileSync(path.join(root, 'template.yaml'), YAML.stringify(template));
        fs.writeFileSync(path.join(root, 'stack.ts'), `import 'aws-cdk-lib';\nnew NodejsFunction(this, ${stack}`);
        const result = await discoverHandlers(root);
        expect(Array.isArray(result.entries) && Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
