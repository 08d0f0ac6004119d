// A grammar of handler projects for the fuzzer: platforms' handler shapes in JS and TS, ESM and CommonJS, odd but
// valid syntax around them, and imports across files (relative paths, re-export chains, `export *` cycles), with a
// known leak planted in every handler file. A spec is plain data (fast-check shrinks it); render() writes it out
// and says which findings must be reported.
import fc from 'fast-check';

export type Lang = 'js' | 'ts';
export type ModuleKind = 'esm' | 'cjs';

/** Where a platform's handler lives and how it is written; `BODY` is replaced by the handler's statements. */
interface Platform {
  /** File name under the project, without extension. */
  file: string;
  /** The platform only has one module kind (Next.js route files are ESM, for instance). */
  only?: ModuleKind;
  /** Module-level lines before the handler. */
  head: Record<ModuleKind, string[]>;
  /** The handler with a `BODY` line; `after` lines follow it. */
  handler: Record<ModuleKind, string[]>;
  /** A request-derived value inside the handler. */
  request: string;
  /** The framework knows its files by `.js`/`.ts` only (no `.mjs`). */
  plainExtension?: boolean;
  /** Written with TypeScript types: the file is TypeScript whatever the spec says. */
  typescript?: boolean;
  /** The shape of a known defect: replaced by `lambdaFunction` unless known defects are asked for. */
  knownDefect?: string;
}

export const PLATFORMS = {
  lambdaConst: {
    file: 'src/handlers/orders',
    head: { esm: [], cjs: [] },
    handler: {
      esm: ['export const handler = async (event, context) => {', 'BODY', '  return { statusCode: 200 };', '};'],
      cjs: ['exports.handler = async (event, context) => {', 'BODY', '  return { statusCode: 200 };', '};'],
    },
    request: 'event.id',
  },
  lambdaFunction: {
    file: 'src/handlers/payments',
    head: { esm: [], cjs: [] },
    handler: {
      esm: ['export async function handler(event) {', 'BODY', '  return { statusCode: 204 };', '}'],
      cjs: ['module.exports.handler = async function (event) {', 'BODY', '  return { statusCode: 204 };', '};'],
    },
    request: 'event.detail.orderId',
  },
  lambdaObjectExport: {
    file: 'src/functions/notify',
    only: 'cjs',
    head: { esm: [], cjs: [] },
    handler: {
      esm: [],
      cjs: ['async function handler(event) {', 'BODY', '}', 'module.exports = { handler };'],
    },
    request: 'event.Records[0].body',
  },
  lambdaExportList: {
    file: 'src/handlers/listed',
    head: { esm: [], cjs: [] },
    handler: {
      esm: ['const main = async function process(event) {', 'BODY', '};', 'export { main as handler };'],
      cjs: ['const main = async function process(event) {', 'BODY', '};', 'module.exports = { handler: main };'],
    },
    request: "event.queryStringParameters?.['id']",
  },
  lambdaTyped: {
    file: 'src/handlers/typed',
    head: {
      esm: ["import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';"],
      cjs: [],
    },
    handler: {
      esm: [
        'export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {',
        'BODY',
        "  return { statusCode: 200, body: '' };",
        '};',
      ],
      cjs: [],
    },
    only: 'esm',
    typescript: true,
    request: 'event.body!',
  },
  // Known defect: handlers exported with `export =` are not found.
  lambdaExportEquals: {
    file: 'src/handlers/legacy',
    head: { esm: [], cjs: [] },
    handler: { esm: ['async function handler(event) {', 'BODY', '}', 'export = handler;'], cjs: [] },
    only: 'esm',
    typescript: true,
    knownDefect: 'export-equals',
    request: 'event.id',
  },
  middy: {
    file: 'src/handlers/wrapped',
    head: { esm: ["import middy from '@middy/core';"], cjs: ["const middy = require('@middy/core');"] },
    handler: {
      esm: ['const base = async (event) => {', 'BODY', '};', 'export const handler = middy(base);'],
      cjs: ['const base = async (event) => {', 'BODY', '};', 'exports.handler = middy(base);'],
    },
    request: 'event.pathParameters.id',
  },
  express: {
    file: 'src/server/app',
    head: {
      esm: ["import express from 'express';", 'const app = express();'],
      cjs: ["const express = require('express');", 'const app = express();'],
    },
    handler: {
      esm: ["app.post('/items/:id', (req, res) => {", 'BODY', '  res.sendStatus(204);', '});', 'export default app;'],
      cjs: ["app.post('/items/:id', (req, res) => {", 'BODY', '  res.sendStatus(204);', '});', 'module.exports = app;'],
    },
    request: 'req.params.id',
  },
  fastify: {
    file: 'src/server/api',
    head: {
      esm: ["import Fastify from 'fastify';", 'const fastify = Fastify();'],
      cjs: ["const Fastify = require('fastify');", 'const fastify = Fastify();'],
    },
    handler: {
      esm: ["fastify.post('/items', async (request, reply) => {", 'BODY', '  return { ok: true };', '});'],
      cjs: ["fastify.post('/items', async (request, reply) => {", 'BODY', '  return { ok: true };', '});'],
    },
    request: 'request.url',
  },
  hono: {
    file: 'src/worker/routes',
    only: 'esm',
    head: { esm: ["import { Hono } from 'hono';", 'const app = new Hono();'], cjs: [] },
    handler: {
      esm: ["app.post('/items', async (c) => {", 'BODY', "  return c.text('ok');", '});', 'export default app;'],
      cjs: [],
    },
    request: "c.req.header('x-id')",
  },
  koa: {
    file: 'src/server/koa',
    head: {
      esm: ["import Router from '@koa/router';", 'const router = new Router();'],
      cjs: ["const Router = require('@koa/router');", 'const router = new Router();'],
    },
    handler: {
      esm: [
        "router.get('/items/:id', async (ctx) => {",
        'BODY',
        '  ctx.body = { ok: true };',
        '});',
        'export default router;',
      ],
      cjs: [
        "router.get('/items/:id', async (ctx) => {",
        'BODY',
        '  ctx.body = { ok: true };',
        '});',
        'module.exports = router;',
      ],
    },
    request: 'ctx.path',
  },
  nodeHttp: {
    file: 'src/server/plain',
    head: { esm: ["import http from 'node:http';"], cjs: ["const http = require('node:http');"] },
    handler: {
      esm: ['http.createServer((req, res) => {', 'BODY', '  res.end();', '}).listen(8080);'],
      cjs: ['http.createServer((req, res) => {', 'BODY', '  res.end();', '}).listen(8080);'],
    },
    request: 'req.url',
  },
  nextRoute: {
    file: 'app/api/items/route',
    only: 'esm',
    head: { esm: [], cjs: [] },
    handler: {
      esm: ['export async function POST(request) {', 'BODY', '  return Response.json({ ok: true });', '}'],
      cjs: [],
    },
    request: 'request.url',
  },
  cloudflare: {
    file: 'src/worker',
    only: 'esm',
    head: { esm: [], cjs: [] },
    handler: {
      esm: [
        'export default {',
        '  async fetch(request, env, ctx) {',
        'BODY',
        "    return new Response('ok');",
        '  },',
        '};',
      ],
      cjs: [],
    },
    request: 'request.url',
  },
  gcf: {
    file: 'functions/index',
    head: {
      esm: ["import * as functions from '@google-cloud/functions-framework';"],
      cjs: ["const functions = require('@google-cloud/functions-framework');"],
    },
    handler: {
      esm: ["functions.http('items', (req, res) => {", 'BODY', "  res.send('ok');", '});'],
      cjs: ["functions.http('items', (req, res) => {", 'BODY', "  res.send('ok');", '});'],
    },
    request: 'req.ip',
  },
  azure: {
    file: 'src/functions/items',
    head: { esm: ["import { app } from '@azure/functions';"], cjs: ["const { app } = require('@azure/functions');"] },
    handler: {
      esm: [
        "app.http('items', {",
        '  handler: async (request, context) => {',
        'BODY',
        '    return { status: 202 };',
        '  },',
        '});',
      ],
      cjs: [
        "app.http('items', {",
        '  handler: async (request, context) => {',
        'BODY',
        '    return { status: 202 };',
        '  },',
        '});',
      ],
    },
    request: 'request.url',
  },
  firebase: {
    file: 'functions/src/index',
    head: {
      esm: ["import { onRequest } from 'firebase-functions/v2/https';"],
      cjs: ["const { onRequest } = require('firebase-functions/v2/https');"],
    },
    handler: {
      esm: ['export const api = onRequest((req, res) => {', 'BODY', "  res.send('ok');", '});'],
      cjs: ['exports.api = onRequest((req, res) => {', 'BODY', "  res.send('ok');", '});'],
    },
    request: 'req.query.id',
  },
  nitro: {
    file: 'server/api/items.post',
    only: 'esm',
    plainExtension: true,
    head: { esm: [], cjs: [] },
    handler: {
      esm: ['export default defineEventHandler(async (event) => {', 'BODY', '  return { ok: true };', '});'],
      cjs: [],
    },
    request: 'event.path',
  },
  sveltekit: {
    file: 'src/routes/items/+server',
    only: 'esm',
    plainExtension: true,
    head: { esm: [], cjs: [] },
    handler: { esm: ['export async function POST({ request }) {', 'BODY', '  return new Response();', '}'], cjs: [] },
    request: 'request.url',
  },
  vercel: {
    file: 'api/items',
    head: { esm: [], cjs: [] },
    handler: {
      esm: ['export default function handler(req, res) {', 'BODY', '  res.status(200).end();', '}'],
      cjs: ['module.exports = function handler(req, res) {', 'BODY', '  res.status(200).end();', '};'],
    },
    request: 'req.query.id',
  },
} satisfies Record<string, Platform>;

export type PlatformId = keyof typeof PLATFORMS;

/** The planted leak: what is declared at module scope, how the handler writes it, and the rule that must report. */
export const LEAKS = {
  push: {
    declare: 'const planted = [];',
    call: { method: 'push', args: (v: string) => v },
    rule: 'no-unbounded-growth',
  },
  setAdd: {
    declare: 'const planted = new Set();',
    call: { method: 'add', args: (v: string) => v },
    rule: 'no-unbounded-growth',
  },
  mapSet: {
    declare: 'const planted = new Map();',
    call: { method: 'set', args: (v: string) => `${v}, Date.now()` },
    rule: 'no-unbounded-cache',
  },
  keyed: { declare: 'const planted = {};', keyed: true, rule: 'no-unbounded-cache' },
  lastValue: { declare: 'let planted;', rule: 'no-request-data-in-module-scope' },
  // Known defect (TypeScript only): a namespace member is not module state.
  namespaceMember: {
    declare: 'namespace Planted { export const items: string[] = []; }',
    call: { method: 'push', args: (v: string) => v },
    target: 'Planted.items',
    typescript: true,
    knownDefect: 'namespace-state',
    rule: 'no-unbounded-growth',
  },
} satisfies Record<string, Leak>;

interface Leak {
  declare: string;
  /** A mutating method call (`planted.push(v)`). */
  call?: { method: string; args: (value: string) => string };
  /** A write under a request-chosen key (`planted[v] = true`); neither: a reassignment (`planted = v`). */
  keyed?: boolean;
  /** What is written, when it is not the variable `planted`. */
  target?: string;
  typescript?: boolean;
  knownDefect?: string;
  rule: string;
}

/** How the planted write is spelled; all name the same write. */
export type WriteStyle =
  'plain' | 'multiline' | 'parenthesized' | 'optionalCall' | 'bracketMethod' | 'alias' | 'comments';

/** Where the write expression stands: a statement of its own, or inside a bigger expression. */
export type Position = 'statement' | 'logical' | 'ternary' | 'voided' | 'comma' | 'arrowCallback';

/** Puts a one-line write statement into an expression position; multi-line writes stay statements. */
function positioned(write: { lines: string[]; reportAt: number }, position: Position) {
  if (position === 'statement' || write.lines.length !== 1 || write.lines[0].includes('//')) return write;
  const expression = write.lines[0].replace(/;$/u, '');
  const line = {
    logical: `Date.now() > 0 && (${expression});`,
    ternary: `Date.now() > 0 ? (${expression}) : null;`,
    voided: `void (${expression});`,
    comma: `(0, ${expression});`,
    arrowCallback: `[1].forEach(() => (${expression}));`,
  }[position];
  return { lines: [line], reportAt: 0 };
}

/** The lines of the write (unindented) and which of them the report must point at. */
function writeLines(leak: Leak, style: WriteStyle, value: string): { lines: string[]; reportAt: number } {
  const one = (line: string) => ({ lines: [line], reportAt: 0 });
  if (leak.target) return one(`${leak.target}.${leak.call!.method}(${leak.call!.args(value)});`);
  if (leak.call) {
    const { method, args } = leak.call;
    switch (style) {
      case 'multiline':
        return { lines: [`planted.${method}(`, `  ${args(value)},`, ');'], reportAt: 0 };
      case 'parenthesized':
        return one(`(planted).${method}(${args(value)});`);
      case 'optionalCall':
        return one(`planted?.${method}(${args(value)});`);
      case 'bracketMethod':
        return one(`planted['${method}'](${args(value)});`);
      case 'alias':
        return { lines: ['const alias = planted;', `alias.${method}(${args(value)});`], reportAt: 1 };
      case 'comments':
        return one(`planted /* on purpose */ .${method}(${args(value)}); // trailing`);
      default:
        return one(`planted.${method}(${args(value)});`);
    }
  }
  const target = leak.keyed ? `[${value}]` : '';
  const assigned = leak.keyed ? 'true' : value;
  switch (style) {
    case 'multiline':
      return { lines: [`planted${target} =`, `  ${assigned};`], reportAt: 0 };
    case 'parenthesized':
      return one(`(planted)${target} = ${assigned};`);
    case 'alias':
      return leak.keyed
        ? { lines: ['const alias = planted;', `alias${target} = ${assigned};`], reportAt: 1 }
        : one(`planted = ${assigned};`);
    case 'comments':
      return one(`planted${target} /* on purpose */ = ${assigned}; // trailing`);
    default:
      return one(`planted${target} = ${assigned};`);
  }
}

export type LeakId = keyof typeof LEAKS;

/** Where in the handler the planted write sits. */
export type Placement = 'direct' | 'block' | 'callback' | 'tryFinally' | 'helper' | 'arrowHelper';

interface NoiseEntry {
  lines: string[];
  /** TypeScript only. */
  ts?: boolean;
  only?: ModuleKind;
  /** Must be the first statement of the file. */
  first?: boolean;
  /** The shape of a known defect: generated only when known defects are asked for. */
  knownDefect?: string;
}

/** Odd but valid module-level statements; none of them writes state at request time. */
const NOISE = {
  unicodeName: { lines: ["const ünïcödé = 'ok';"] },
  numericLiterals: { lines: ['const big = 1_000_000n + 0x1fn;'] },
  labelledLoop: { lines: ['outer: for (const x of [1, 2]) {', '  for (const y of [x]) if (y) continue outer;', '}'] },
  destructuringDefaults: { lines: ['const { a = 1, ...rest } = { b: 2 }, [first = 0, , third] = [];'] },
  taggedTemplate: { lines: ['const raw = String.raw`a\\nb${1 + 1}`;'] },
  privateAndStatic: {
    lines: [
      'class Counter {',
      '  static #made = 0;',
      '  static { Counter.#made = 1; }',
      '  #value = 0;',
      '  get value() { return this.#value; }',
      '}',
    ],
  },
  generators: {
    lines: [
      'function* numbers() { yield* [1, 2]; }',
      'async function* stream() { for await (const n of numbers()) yield n; }',
    ],
  },
  namedGroups: { lines: ['const date = /(?<year>\\d{4})-\\k<year>/u.exec("2024-2024")?.groups?.year;'] },
  optionalChains: { lines: ["const home = globalThis?.process?.env?.HOME ?? 'none';"] },
  commaAndIndirect: { lines: ['void 0, (0, Math.max)(1, 2);'] },
  objectForms: {
    lines: [
      'const shape = {',
      "  ['computed' + 1]: 1,",
      '  *[Symbol.iterator]() { yield 1; },',
      '  get size() { return 1; },',
      '  set size(value) {},',
      '  async method() {},',
      '};',
    ],
  },
  newTarget: { lines: ['function Made() { if (!new.target) return new Made(); }'] },
  optionalCatch: { lines: ["try { JSON.parse('{'); } catch { /* ignored */ }"] },
  switchAndDo: { lines: ['switch (typeof globalThis) { case "object": { break; } default: }', 'do {} while (false);'] },
  nestedTemplates: { lines: ["const nested = `${`${'deep'}`}`;"] },
  asi: { lines: ['const noSemicolon = 1', 'const another = noSemicolon', ';[noSemicolon, another].sort()'] },
  comments: { lines: ['/* block */ // line', '/** @type {number} */', 'const documented = 1; /* trailing */'] },
  startupWrites: { lines: ['let warmed = 0;', 'warmed += 1;', 'const registry = [];', "registry.push('boot');"] },
  importMeta: { lines: ['const here = import.meta.url;'], only: 'esm' },
  topLevelAwait: { lines: ['await Promise.resolve();'], only: 'esm' },
  strictDirective: { lines: ["'use strict';"], first: true, only: 'cjs' },
  typeAliases: {
    lines: ["type Shape = { kind: 'a' } | { kind: 'b' };", 'interface Named { readonly name: string }'],
    ts: true,
  },
  enums: { lines: ['enum Color { Red = 1, Green }', 'const enum Size { S, M }'], ts: true },
  declarations: { lines: ['declare const injected: string;', 'let definite!: number;'], ts: true },
  generics: {
    lines: [
      'abstract class Base<T extends object = {}> { abstract run(): T; }',
      'const identity = <T,>(value: T): T => value;',
    ],
    ts: true,
  },
  assertions: {
    lines: [
      'function isText(v: unknown): asserts v is string {}',
      "const fixed = [1, 'a'] as const;",
      'const conf = { a: 1 } satisfies Record<string, number>;',
    ],
    ts: true,
  },
  decorators: {
    lines: ['function sealed(target: unknown) { return target; }', '@sealed', 'class Sealed {}'],
    ts: true,
  },
  typeImport: { lines: ["import type { Context } from 'aws-lambda';"], ts: true, only: 'esm' },
  // Known defect: `import x = require()` erases every finding of a TypeScript file.
  importEquals: { lines: ["import fs = require('node:fs');"], ts: true, knownDefect: 'import-equals-require' },
} satisfies Record<string, NoiseEntry>;

export type NoiseId = keyof typeof NOISE;

/** Statements inside the handler, around the planted write, that write no module state. */
const INNER_NOISE = {
  localArray: ['  const local = [];', '  local.push(1);'],
  earlyExit: ['  if (Math.random() > 2) {', '    return undefined;', '  }'],
  loop: ['  for (const key of Object.keys({ a: 1 })) void key;'],
  labelledBlock: ['  done: {', '    break done;', '  }'],
  shadowing: ['  { const planted = []; planted.push(0); }'],
} satisfies Record<string, string[]>;

export type InnerNoiseId = keyof typeof INNER_NOISE;

/** How the handler file reaches the imported module that writes state. */
export type ImportForm =
  'named' | 'renamed' | 'default' | 'namespace' | 'requireDestructure' | 'requireMember' | 'importEquals';

/** A hop between the handler's import and the module with the state. */
export type Hop = 'reexportNamed' | 'reexportRenamed' | 'exportStar' | 'importThenExport' | 'indexDirectory';

export interface CrossFileSpec {
  form: ImportForm;
  /** Barrels between the handler and the store, outermost first (the analysis follows four levels). */
  hops: Hop[];
  /** An `export *` back to the first barrel: after the real re-export, or (a known defect) before it. */
  cycle: 'none' | 'after' | 'before';
  /** The store's own module kind and language may differ from the handler's. */
  storeModule: ModuleKind;
  /** Imported through a tsconfig `paths` alias (`~lib0/store.js`) instead of a relative path. */
  alias: boolean;
}

export interface HandlerFileSpec {
  platform: PlatformId;
  lang: Lang;
  module: ModuleKind;
  /** `.js` with package.json `type` deciding, or the explicit `.mjs`/`.cjs` (`.mts`/`.cts`). */
  explicitExtension: boolean;
  leak: LeakId;
  style: WriteStyle;
  position: Position;
  placement: Placement;
  noise: NoiseId[];
  inner: InnerNoiseId[];
  crossFile: CrossFileSpec | null;
}

export interface ProjectSpec {
  /** package.json `type`: how `.js` files are read. */
  packageType: ModuleKind;
  handlers: HandlerFileSpec[];
}

export interface Expected {
  file: string;
  line: number;
  rule: string;
}

export interface RenderedProject {
  files: Record<string, string>;
  /** The files to lint: every handler file. */
  lint: string[];
  /** Every finding that must be reported, and no other. */
  expected: Expected[];
  /** Known defects this project contains (empty unless they were asked for). */
  knownDefects: string[];
}

/** The language, module kind and extension a handler file really gets, given what its platform allows. */
function fileShape(spec: HandlerFileSpec, packageType: ModuleKind): { lang: Lang; module: ModuleKind; ext: string } {
  const platform: Platform = PLATFORMS[spec.platform];
  const module = platform.only ?? spec.module;
  // Frameworks that only know `.js`/`.ts` (SvelteKit, Nitro): in a CommonJS package an ESM file is TypeScript.
  const lang = platform.typescript || (platform.plainExtension && module !== packageType) ? 'ts' : spec.lang;
  if (lang === 'ts') {
    // `.ts` files are written as ESM; `.mts`/`.cts` say their kind.
    if (module === 'cjs' && (spec.explicitExtension || platform.only === 'cjs')) return { lang, module, ext: '.cts' };
    if (module === 'esm' && spec.explicitExtension && !platform.plainExtension) return { lang, module, ext: '.mts' };
    return { lang, module: 'esm', ext: '.ts' };
  }
  if (module === packageType && (!spec.explicitExtension || platform.plainExtension))
    return { lang, module, ext: '.js' };
  return { lang, module, ext: module === 'esm' ? '.mjs' : '.cjs' };
}

/** The extension of an imported module of the given kind, in the handler's language. */
function moduleExtension(lang: Lang, module: ModuleKind, packageType: ModuleKind): string {
  if (lang === 'ts') return module === 'esm' ? '.ts' : '.cts';
  if (module === packageType) return '.js';
  return module === 'esm' ? '.mjs' : '.cjs';
}

/** A specifier from `fromFile` to `toFile` (both project-relative), as a relative path. */
function relativeSpecifier(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const rest = to.slice(common).join('/');
  return up === 0 ? `./${rest}` : `${'../'.repeat(up)}${rest}`;
}

/** How a file imports `toFile`: TypeScript names `.ts` files with `.js`, as its ESM output requires. */
function importPath(fromFile: string, toFile: string): string {
  return relativeSpecifier(fromFile, toFile).replace(/\.([cm]?)ts$/u, '.$1js');
}

/** The store: state at module scope and an exported function that grows it (a push: growth at the call). */
function storeLines(module: ModuleKind, withDefault: boolean): string[] {
  const grow = ['function remember(value) {', '  stored.push(value);', '}'];
  if (module === 'cjs') return ['const stored = [];', ...grow, 'module.exports = { remember };'];
  return [
    'const stored = [];',
    `export ${grow[0]}`,
    ...grow.slice(1),
    ...(withDefault ? ['export default remember;'] : []),
  ];
}

/** Writes the barrels between the handler and the store; returns the file the handler imports. */
function writeBarrels(
  files: Record<string, string>,
  store: string,
  cross: CrossFileSpec,
  dir: string,
  ext: string,
  exported: 'remember' | 'default',
  knownDefects: Set<string>,
  includeKnown: boolean,
): string {
  let target = store;
  const barrels: string[] = [];
  // The analysis follows four modules deep (a documented bound): keep every chain at three or fewer.
  const hops: Hop[] = [];
  let depth = 0;
  for (const hop of cross.hops) {
    depth += hop === 'reexportRenamed' ? 2 : 1;
    if (depth <= 3) hops.push(hop);
  }
  for (let hop = hops.length - 1; hop >= 0; hop--) {
    const kind = hops[hop];
    const barrel = kind === 'indexDirectory' ? `${dir}/level${hop}/index${ext}` : `${dir}/barrel${hop}${ext}`;
    const to = importPath(barrel, target);
    let text: string[];
    if (kind === 'exportStar' && exported === 'remember') text = [`export * from '${to}';`];
    else if (kind === 'importThenExport' && exported === 'default' && includeKnown) {
      // Known defect: `export default x` of an imported `x` is not followed to x's module.
      knownDefects.add('default-export-of-import');
      text = [`import remember from '${to}';`, 'export default remember;'];
    } else if (kind === 'importThenExport' && exported === 'remember') {
      text = [`import { remember } from '${to}';`, 'export { remember };'];
    } else if (kind === 'reexportRenamed' && exported === 'remember') {
      // Renamed on the way out and back: `remember` → `keepValue` → `remember`.
      const inner = `${dir}/renamed${hop}${ext}`;
      files[inner] = `export { remember as keepValue } from '${importPath(inner, target)}';\n`;
      text = [`export { keepValue as remember } from '${importPath(barrel, inner)}';`];
    } else text = [exported === 'default' ? `export { default } from '${to}';` : `export { remember } from '${to}';`];
    files[barrel] = `${text.join('\n')}\n`;
    barrels.unshift(barrel);
    target = barrel;
  }
  if (barrels.length > 0 && cross.cycle !== 'none') {
    // The innermost barrel re-exports the outermost: a cycle the analysis must cut.
    const last = barrels[barrels.length - 1];
    const back = `export * from '${importPath(last, barrels[0])}';`;
    const text = files[last].trimEnd().split('\n');
    const before = cross.cycle === 'before' && includeKnown;
    // Known defect: an `export *` cycle met before the module that has the name overflows the stack.
    if (before) knownDefects.add('reexport-cycle');
    files[last] = `${(before ? [back, ...text] : [...text, back]).join('\n')}\n`;
  }
  return barrels[0] ?? store;
}

export function render(project: ProjectSpec, options: { knownDefects?: boolean } = {}): RenderedProject {
  const includeKnown = options.knownDefects === true;
  const packageType = project.packageType;
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({ name: 'generated', private: true, type: packageType === 'esm' ? 'module' : 'commonjs' })}\n`,
  };
  const lint: string[] = [];
  const expected: Expected[] = [];
  const knownDefects = new Set<string>();
  const aliases: Record<string, string[]> = {};
  project.handlers.forEach((given, index) => {
    let spec = given;
    const asked: Platform = PLATFORMS[spec.platform];
    if (asked.knownDefect && !includeKnown) spec = { ...spec, platform: 'lambdaFunction' };
    const platform: Platform = PLATFORMS[spec.platform];
    if (platform.knownDefect) knownDefects.add(platform.knownDefect);
    const { lang, module, ext } = fileShape(spec, packageType);
    // Frameworks know their files by name (`+server.js`, `route.ts`): later handlers get their own folder.
    const slash = platform.file.lastIndexOf('/');
    const folder = `${platform.file.slice(0, slash)}${index === 0 ? '' : index}`;
    const file = `${folder}/${platform.file.slice(slash + 1)}${ext}`;
    const lines: string[] = [];
    const expect = (line: number, rule: string) => expected.push({ file, line, rule });

    const noise = spec.noise.filter((id) => {
      const entry: NoiseEntry = NOISE[id];
      if (entry.ts && lang !== 'ts') return false;
      if (entry.only && entry.only !== module) return false;
      if (entry.knownDefect && !includeKnown) return false;
      if (entry.knownDefect) knownDefects.add(entry.knownDefect);
      return true;
    });
    const first = noise.filter((id) => (NOISE[id] as NoiseEntry).first);
    for (const id of first) lines.push(...NOISE[id].lines);
    lines.push(...platform.head[module]);

    // Cross-file: the store (and barrels) in their own folder, imported at the top of the handler file.
    let call: string | null = null;
    const cross = spec.crossFile;
    if (cross) {
      // A CommonJS handler requires a CommonJS store; barrels re-export ESM only. Known defect: an ESM handler's
      // default import of a CommonJS store (`module.exports = { remember }`) loses the cross-file finding.
      const storeModule = module === 'cjs' ? 'cjs' : includeKnown ? cross.storeModule : 'esm';
      if (module === 'esm' && storeModule === 'cjs') knownDefects.add('esm-import-of-commonjs-object');
      const form = effectiveForm(cross.form, lang, module, storeModule, includeKnown);
      if (form === 'importEquals') knownDefects.add('import-equals-require');
      const dir = `lib${index}`;
      const store = `${dir}/store${moduleExtension(lang, storeModule, packageType)}`;
      files[store] = `${storeLines(storeModule, form === 'default').join('\n')}\n`;
      const entry =
        storeModule === 'esm'
          ? writeBarrels(
              files,
              store,
              cross,
              dir,
              moduleExtension(lang, 'esm', packageType),
              form === 'default' ? 'default' : 'remember',
              knownDefects,
              includeKnown,
            )
          : store;
      // An index file is imported by its directory; a `paths` alias names the folder by its own prefix.
      let specifier = /\/index\.[cm]?[jt]s$/u.test(entry)
        ? relativeSpecifier(file, entry).replace(/\/index\.[cm]?[jt]s$/u, '')
        : importPath(file, entry);
      if (cross.alias) {
        aliases[`~${dir}/*`] = [`./${dir}/*`];
        specifier = `~${specifier.slice(specifier.indexOf(`${dir}/`))}`;
      }
      const imported = storeModule === 'cjs' ? requireCall(form, specifier, module) : importCall(form, specifier);
      lines.push(...imported.declaration);
      call = imported.call;
    }

    let leak: Leak = LEAKS[spec.leak];
    if ((leak.typescript && lang !== 'ts') || (leak.knownDefect && !includeKnown)) leak = LEAKS.push;
    if (leak.knownDefect) knownDefects.add(leak.knownDefect);
    lines.push(leak.declare);
    for (const id of noise) if (!first.includes(id)) lines.push(...NOISE[id].lines);

    const value = platform.request;
    const helper = spec.placement === 'helper' || spec.placement === 'arrowHelper';
    if (helper) {
      lines.push(
        spec.placement === 'helper' ? 'function recordPlanted(value) {' : 'const recordPlanted = (value) => {',
      );
      const written = writeLines(leak, spec.style, 'value');
      expect(lines.length + written.reportAt + 1, leak.rule);
      lines.push(...written.lines.map((line) => `  ${line}`));
      lines.push(spec.placement === 'helper' ? '}' : '};');
    }

    const [bodyBefore, ...bodyAfter] = spec.inner;
    const body: string[] = bodyBefore ? [...INNER_NOISE[bodyBefore]] : [];
    const write = positioned(
      helper ? { lines: [`recordPlanted(${value});`], reportAt: 0 } : writeLines(leak, spec.style, value),
      spec.position,
    );
    const wrap = {
      direct: ['', ''],
      block: ['  if (Date.now() > 0) {', '  }'],
      callback: ['  [1].forEach(() => {', '  });'],
      tryFinally: ['  try {', '  } finally {\n    void 0;\n  }'],
      helper: ['', ''],
      arrowHelper: ['', ''],
    }[spec.placement];
    if (wrap[0]) body.push(wrap[0]);
    const plantedAt = body.length + write.reportAt;
    body.push(...write.lines.map((line) => `${wrap[0] ? '    ' : '  '}${line}`));
    if (wrap[1]) body.push(...wrap[1].split('\n'));
    let callAt = -1;
    if (call) {
      body.push(`  ${call.replace('VALUE', value)}`);
      callAt = body.length - 1;
    }
    for (const id of bodyAfter) body.push(...INNER_NOISE[id]);

    const template = platform.handler[module];
    const bodyIndex = template.indexOf('BODY');
    const bodyStart = lines.length + bodyIndex;
    lines.push(...template.slice(0, bodyIndex), ...body, ...template.slice(bodyIndex + 1));
    if (!helper) expect(bodyStart + plantedAt + 1, leak.rule);
    // The store's push, reported at the call in the handler.
    if (callAt >= 0) expect(bodyStart + callAt + 1, 'no-unbounded-growth');
    files[file] = `${lines.join('\n')}\n`;
    lint.push(file);
  });
  if (Object.keys(aliases).length > 0) {
    files['tsconfig.json'] = `${JSON.stringify({ compilerOptions: { baseUrl: '.', paths: aliases } }, null, 2)}\n`;
  }
  expected.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { files, lint, expected, knownDefects: [...knownDefects].sort() };
}

/** The import form a file can use: `import x = require()` is TypeScript only, and a known defect. */
function effectiveForm(
  form: ImportForm,
  lang: Lang,
  module: ModuleKind,
  storeModule: ModuleKind,
  includeKnown: boolean,
): ImportForm {
  if (form === 'importEquals' && (lang !== 'ts' || !includeKnown))
    return storeModule === 'cjs' ? 'requireMember' : 'named';
  if ((form === 'requireDestructure' || form === 'requireMember') && module === 'esm') return 'named';
  return form;
}

function importCall(form: ImportForm, specifier: string): { declaration: string[]; call: string } {
  switch (form) {
    case 'renamed':
      return { declaration: [`import { remember as keep } from '${specifier}';`], call: 'keep(VALUE);' };
    case 'default':
      return { declaration: [`import remember from '${specifier}';`], call: 'remember(VALUE);' };
    case 'namespace':
      return { declaration: [`import * as store from '${specifier}';`], call: 'store.remember(VALUE);' };
    case 'importEquals':
      return { declaration: [`import store = require('${specifier}');`], call: 'store.remember(VALUE);' };
    default:
      return { declaration: [`import { remember } from '${specifier}';`], call: 'remember(VALUE);' };
  }
}

function requireCall(form: ImportForm, specifier: string, module: ModuleKind): { declaration: string[]; call: string } {
  if (module === 'esm') {
    // An ESM handler imports the CommonJS store's exports object by default import.
    return { declaration: [`import store from '${specifier}';`], call: 'store.remember(VALUE);' };
  }
  if (form === 'requireMember' || form === 'namespace' || form === 'default') {
    return { declaration: [`const store = require('${specifier}');`], call: 'store.remember(VALUE);' };
  }
  if (form === 'renamed')
    return { declaration: [`const { remember: keep } = require('${specifier}');`], call: 'keep(VALUE);' };
  return { declaration: [`const { remember } = require('${specifier}');`], call: 'remember(VALUE);' };
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

export const handlerFileArbitrary: fc.Arbitrary<HandlerFileSpec> = fc.record({
  platform: pick(Object.keys(PLATFORMS) as PlatformId[]),
  lang: pick<Lang>(['js', 'ts']),
  module: pick<ModuleKind>(['esm', 'cjs']),
  explicitExtension: fc.boolean(),
  leak: pick(Object.keys(LEAKS) as LeakId[]),
  style: pick<WriteStyle>([
    'plain',
    'plain',
    'multiline',
    'parenthesized',
    'optionalCall',
    'bracketMethod',
    'alias',
    'comments',
  ]),
  position: pick<Position>(['statement', 'statement', 'logical', 'ternary', 'voided', 'comma', 'arrowCallback']),
  placement: pick<Placement>(['direct', 'block', 'callback', 'tryFinally', 'helper', 'arrowHelper']),
  noise: fc.uniqueArray(pick(Object.keys(NOISE) as NoiseId[]), { maxLength: 6 }),
  inner: fc.uniqueArray(pick(Object.keys(INNER_NOISE) as InnerNoiseId[]), { maxLength: 3 }),
  crossFile: fc.option(
    fc.record({
      form: pick<ImportForm>([
        'named',
        'renamed',
        'default',
        'namespace',
        'requireDestructure',
        'requireMember',
        'importEquals',
      ]),
      hops: fc.array(pick<Hop>(['reexportNamed', 'exportStar', 'importThenExport', 'indexDirectory']), {
        maxLength: 2,
      }),
      cycle: pick<CrossFileSpec['cycle']>(['none', 'none', 'after', 'before']),
      storeModule: pick<ModuleKind>(['esm', 'esm', 'cjs']),
      alias: fc.boolean(),
    }),
    { freq: 2 },
  ),
});

export const projectArbitrary: fc.Arbitrary<ProjectSpec> = fc.record({
  packageType: pick<ModuleKind>(['esm', 'cjs']),
  handlers: fc.array(handlerFileArbitrary, { minLength: 1, maxLength: 3 }),
});
