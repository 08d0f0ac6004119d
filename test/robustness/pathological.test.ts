// Pathological inputs (huge files, deep chains, recursion, with/eval, odd syntax): every rule on, nothing may throw.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { generateLargeModule } from '../helpers/generate.js';
import { lineOf } from '../helpers/lint.js';

type SourceType = 'module' | 'commonjs' | 'script';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const allRules: Linter.RulesRecord = Object.fromEntries(
  Object.keys(plugin.rules).map((name) => [`handler-state/${name}`, 'error']),
);

function lint(code: string, options: { sourceType?: SourceType; ts?: boolean } = {}): Linter.LintMessage[] {
  const sourceType = options.sourceType ?? 'module';
  const linter = new Linter();
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { 'handler-state': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      languageOptions: options.ts
        ? { parser: tsParser as unknown as Linter.Parser, ecmaVersion: 'latest', sourceType }
        : { ecmaVersion: 'latest', sourceType },
      rules: allRules,
    },
  ];
  return linter.verify(code, config, { filename: options.ts ? 'handler.ts' : 'handler.js' });
}

/** Plugin findings only, after checking the file parsed. */
function findings(code: string, options: { sourceType?: SourceType; ts?: boolean } = {}): Linter.LintMessage[] {
  const messages = lint(code, options);
  const fatal = messages.filter((message) => message.fatal);
  expect(fatal, 'the input should parse').toEqual([]);
  // Inputs this large can exhaust an analysis budget, which adds one `analysisIncomplete` diagnostic at 1:1 (its
  // own suites test it); here the findings are what counts.
  return messages.filter(
    (message) => message.ruleId?.startsWith('handler-state/') && message.messageId !== 'analysisIncomplete',
  );
}

function linesOf(messages: Linter.LintMessage[]): number[] {
  return messages.map((message) => message.line).sort((a, b) => a - b);
}

// The big inputs take seconds of parsing alone (acorn's scope tracking is quadratic in top-level names) and
// much longer on a loaded CI machine; the timeout only keeps a hang from blocking the suite, it measures nothing.
const BIG = { timeout: 300_000 };

describe('pathological inputs', () => {
  it('a 100,000-line generated file of handlers: one report per write', BIG, () => {
    const large = generateLargeModule({ lines: 100_000, seed: 6 });
    expect(large.lines).toBeGreaterThanOrEqual(100_000);
    const found = findings(large.code);
    expect(found.length).toBe(large.writes);
  });

  // 30,000 lines: typescript-estree needs about 1 GB for 100,000 (with or without this plugin), too much next to
  // the test above in one worker.
  it('a 30,000-line CommonJS file through the TypeScript parser', BIG, () => {
    const large = generateLargeModule({ lines: 30_000, seed: 7, style: 'cjsExports' });
    const found = findings(large.code, { sourceType: 'commonjs', ts: true });
    expect(found.length).toBe(large.writes);
  });

  it('a 1,000-deep helper chain: the write at the end is reported exactly once', () => {
    const depth = 1000;
    const lines = ['const items = [];'];
    for (let i = 0; i < depth - 1; i++) lines.push(`function h${i}(value) { return h${i + 1}(value); }`);
    lines.push(`function h${depth - 1}(value) { items.push(value); }`);
    lines.push('export async function handler(event) { h0(event.id); return 1; }');
    const code = lines.join('\n');
    const found = findings(code);
    expect(found.map((message) => message.ruleId)).toEqual(['handler-state/no-unbounded-growth']);
    expect(found[0].line).toBe(lineOf(code, 'items.push'));
  });

  it('a 1,000-deep helper chain declared in reverse order', () => {
    const depth = 1000;
    const lines = ['const items = [];', 'export async function handler(event) { h0(event.id); return 1; }'];
    lines.push(`function h${depth - 1}(value) { items.push(value); }`);
    for (let i = depth - 2; i >= 0; i--) lines.push(`function h${i}(value) { return h${i + 1}(value); }`);
    const code = lines.join('\n');
    expect(linesOf(findings(code))).toEqual([lineOf(code, 'items.push')]);
  });

  it('mutual recursion and self recursion terminate and report once', () => {
    const code = [
      'const items = [];',
      'let total = 0;',
      'function even(n) { if (n > 0) odd(n - 1); }',
      'function odd(n) { items.push(n); if (n > 0) even(n - 1); }',
      'function self(n) { if (n > 0) self(n - 1); total += 1; }',
      'export async function handler(event) { even(event.n); self(event.n); odd(event.n); return 1; }',
    ].join('\n');
    const found = findings(code);
    expect(linesOf(found)).toEqual([lineOf(code, 'items.push'), lineOf(code, 'total += 1')]);
  });

  it('a 300-function cycle with a write in every function', () => {
    const size = 300;
    const lines = ['const items = [];'];
    for (let i = 0; i < size; i++) lines.push(`function c${i}(v) { items.push(v); c${(i + 1) % size}(v); }`);
    lines.push('export async function handler(event) { c0(event.id); }');
    const found = findings(lines.join('\n'));
    expect(found).toHaveLength(size);
    expect(new Set(found.map((message) => message.line)).size).toBe(size);
  });

  it('10,000 module variables, every one pushed to by the handler', BIG, () => {
    const count = 10_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(`const v${i} = [];`);
    lines.push('export async function handler(event) {');
    for (let i = 0; i < count; i++) lines.push(`  v${i}.push(event.id);`);
    lines.push('}');
    const found = findings(lines.join('\n'));
    expect(found).toHaveLength(count);
    expect(new Set(found.map((message) => message.ruleId))).toEqual(new Set(['handler-state/no-unbounded-growth']));
  });

  it('10,000 module variables the handler only reads', BIG, () => {
    const count = 10_000;
    const lines: string[] = [];
    for (let i = 0; i < count; i++) lines.push(`let v${i} = { n: ${i} };`);
    lines.push('export async function handler(event) {');
    lines.push(`  return [${Array.from({ length: count }, (_, i) => `v${i}.n`).join(', ')}];`);
    lines.push('}');
    expect(findings(lines.join('\n'))).toEqual([]);
  });

  /** Nested callbacks alternating `[i].forEach((a) => {` and `Promise.resolve().then(function (a) {`. */
  function nestedCallbacks(depth: number): string {
    const lines = ['const items = [];', 'export const handler = async (event) => {'];
    for (let i = 0; i < depth; i++) {
      lines.push(i % 2 === 0 ? `[${i}].forEach((a${i}) => {` : `Promise.resolve().then(function (a${i}) {`);
    }
    lines.push('items.push(event.id);');
    for (let i = 0; i < depth; i++) lines.push('});');
    lines.push('};');
    return lines.join('\n');
  }

  // Both parsers run out of stack near 240 levels of this shape (acorn: "Not enough stack space", typescript-estree:
  // "Maximum call stack size exceeded"), so 150 is the deepest nesting a user can actually lint.
  it('150 levels of nested callbacks with a write at the bottom, both parsers', () => {
    const code = nestedCallbacks(150);
    for (const ts of [false, true]) expect(linesOf(findings(code, { ts }))).toEqual([lineOf(code, 'items.push')]);
  });

  // Beyond ~240 levels both parsers run out of stack. Where the overflow lands is up to V8: usually a RangeError
  // that ESLint turns into a fatal parse message, but when it hits V8's regexp compiler the process aborts
  // ("RegExpCompiler Allocation failed"), which took down whole vitest workers. So this case runs in a child
  // process against the built plugin, and only a crash in the plugin's own code fails it.
  it('500 levels of nested callbacks: beyond the parsers, a fatal parse message and no throw from the plugin', () => {
    const code = nestedCallbacks(500);
    const script = `
      import { Linter } from 'eslint';
      import * as tsParser from '@typescript-eslint/parser';
      import plugin from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist/index.js')).href)};
      const code = ${JSON.stringify(code)};
      const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => ['handler-state/' + name, 'error']));
      const fatal = [];
      for (const ts of [false, true]) {
        const messages = new Linter().verify(code, [{
          files: ['**/*.js', '**/*.ts'],
          plugins: { 'handler-state': plugin },
          languageOptions: ts ? { parser: tsParser, ecmaVersion: 'latest', sourceType: 'module' } : { ecmaVersion: 'latest', sourceType: 'module' },
          rules,
        }], { filename: ts ? 'handler.ts' : 'handler.js' });
        fatal.push(messages.filter((message) => message.fatal).length);
      }
      process.stdout.write(JSON.stringify(fatal));
    `;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, HANDLER_STATE_DEBUG: '1' },
    });
    expect(child.stderr, 'no stack frame of the plugin').not.toMatch(/dist[\\/](analysis|rules|util)[\\/]/u);
    if (child.status === 0) expect(JSON.parse(child.stdout)).toEqual([1, 1]);
    else expect(child.stderr).toMatch(/RegExpCompiler|Maximum call stack|stack overflow/iu);
  });

  it('deep expressions: a 2,000-term request-derived sum and a 2,000-deep member chain', () => {
    const sum = Array.from({ length: 2000 }, () => 'event.a').join(' + ');
    const chain = `event${'.a'.repeat(2000)}`;
    const code = [
      'const items = [];',
      'const state = {};',
      'export async function handler(event) {',
      `  items.push(${sum});`,
      `  state.last = ${chain};`,
      '}',
    ].join('\n');
    const found = findings(code);
    expect(linesOf(found)).toEqual([4, 5]);
  });

  it('`with` statements in script and CommonJS code do not throw', () => {
    const code = [
      'var store = [];',
      'var config = { debug: false };',
      'exports.handler = function (event, context) {',
      '  with (event) { store.push(id); config.debug = debug; }',
      '  with (config) { with (event) { debug = id; } }',
      '  return store.length;',
      '};',
    ].join('\n');
    expect(() => lint(code, { sourceType: 'script' })).not.toThrow();
    expect(() => lint(code, { sourceType: 'commonjs' })).not.toThrow();
    expect(lint(code, { sourceType: 'commonjs' }).filter((message) => message.fatal)).toEqual([]);
  });

  it('`eval` and `new Function` do not hide a plain write in module code', () => {
    const code = [
      'const items = [];',
      'export async function handler(event) {',
      '  eval(event.code);',
      '  const run = new Function("items", event.code);',
      '  run(items);',
      '  items.push(event.id);',
      '}',
    ].join('\n');
    expect(linesOf(findings(code))).toEqual([6]);
  });

  it('direct eval in sloppy CommonJS code does not throw', () => {
    const code = [
      'var items = [];',
      'exports.handler = function (event) {',
      '  var local = eval("items");',
      '  local.push(event.id);',
      '  eval("items.push(1)");',
      '  items.push(event.id);',
      '};',
    ].join('\n');
    expect(() => lint(code, { sourceType: 'commonjs' })).not.toThrow();
  });

  it('getters and setters on module objects and classes', () => {
    const code = [
      'let hidden = 0;',
      'const state = {',
      '  get count() { return hidden; },',
      '  set count(value) { hidden = value; },',
      '};',
      'class Store {',
      '  static #items = [];',
      '  static get items() { return Store.#items; }',
      '  static set items(value) { Store.#items = value; }',
      '  get size() { return Store.#items.length; }',
      '}',
      'export async function handler(event) {',
      '  state.count = event.count;',
      '  const size = new Store().size;',
      '  return { statusCode: 200, body: String(state.count + size) };',
      '}',
    ].join('\n');
    const found = findings(code);
    expect(found.map((message) => message.line)).toContain(13);
    expect(() => lint(code, { ts: true })).not.toThrow();
  });

  it('computed keys at declaration and at write (a push below a module root is a write at any depth)', () => {
    const code = [
      "const KEY = 'k';",
      'const sym = Symbol("s");',
      'const registry = { [KEY]: [], [sym]: new Map(), [`${KEY}2`]: {} };',
      'export async function handler(event) {',
      '  registry[KEY].push(event.id);',
      '  registry[`${event.tenant}`] = true;',
      '  registry[sym].get(event.id);',
      '  return registry[KEY].length;',
      '}',
    ].join('\n');
    const found = findings(code);
    expect(linesOf(found)).toEqual([5, 6]);
  });

  it('re-declared names (var twice, function twice) do not throw', () => {
    const code = [
      'var x = [];',
      'var x = [];',
      'function f(v) { x.push(v); }',
      'function f(v) { x.push(v, v); }',
      'var f;',
      'exports.handler = async function (event) { f(event.id); x.push(event.id); var x2 = x; x2.pop(); };',
      'exports.handler = async function (event) { x.push(event.id); };',
    ].join('\n');
    expect(() => lint(code, { sourceType: 'commonjs' })).not.toThrow();
    expect(() => lint(code, { sourceType: 'script' })).not.toThrow();
    expect(() => lint(code, { sourceType: 'commonjs', ts: true })).not.toThrow();
  });

  it('syntax errors give one fatal parse message, never a throw', () => {
    const broken = ['const items = [];', 'export const handler = async (event) => {', '  items.push(', '};'].join('\n');
    for (const ts of [false, true]) {
      const messages = lint(broken, { ts });
      expect(messages.filter((message) => message.fatal)).toHaveLength(1);
      expect(messages.filter((message) => message.ruleId?.startsWith('handler-state/'))).toEqual([]);
    }
  });

  it('empty, blank, comment-only, BOM and hashbang files', () => {
    for (const code of ['', '\n\n\n', '   ', '// nothing\n/* here */', '\uFEFF', '#!/usr/bin/env node\n']) {
      for (const sourceType of ['module', 'commonjs', 'script'] as const) {
        expect(lint(code, { sourceType })).toEqual([]);
        expect(lint(code, { sourceType, ts: true })).toEqual([]);
      }
    }
  });

  it('a minified bundle-like single line', BIG, () => {
    const parts: string[] = [];
    for (let i = 0; i < 1500; i++) {
      parts.push(
        `var a${i}=[],b${i}=new Map,c${i}={};function f${i}(e,t){return a${i}.push(e),b${i}.set(e,t),c${i}[e]=t,a${i}.length}`,
      );
    }
    parts.push(
      'exports.handler=async function(event,context){return a0.push(event.id),f1(event.k,event.v),{statusCode:200}}',
    );
    const line = `!function(){"use strict";${parts.join(';')}}();`;
    expect(line.length).toBeGreaterThan(150_000);
    // Inside an IIFE the handler export is still a CommonJS export; module state is the IIFE's, so just no throw.
    expect(() => lint(line, { sourceType: 'commonjs' })).not.toThrow();
    const flat = `${parts.join(';')};`;
    const found = findings(flat, { sourceType: 'commonjs' });
    // a0.push in the handler, plus f1's three writes (push, set under a request key, computed write) via `f1()`.
    expect(found).toHaveLength(4);
    expect(new Set(found.map((message) => message.line))).toEqual(new Set([1]));
  });

  it('a webpack-style bundle with a module map and require shim', () => {
    const code = [
      '(() => {',
      '  var __modules = {',
      '    1: (module, exports, require) => {',
      '      const seen = new Set();',
      '      exports.handler = async (event) => { seen.add(event.id); return seen.size; };',
      '    },',
      '    2: function (module) { module.exports = { handler: (event) => event }; },',
      '  };',
      '  var cache = {};',
      '  function __require(id) {',
      '    if (cache[id]) return cache[id].exports;',
      '    var module = (cache[id] = { exports: {} });',
      '    __modules[id](module, module.exports, __require);',
      '    return module.exports;',
      '  }',
      '  module.exports = __require(1);',
      '})();',
    ].join('\n');
    expect(() => lint(code, { sourceType: 'commonjs' })).not.toThrow();
    expect(() => lint(code, { sourceType: 'script' })).not.toThrow();
  });

  it('TypeScript-only constructs: overloads, namespaces, enums, declare, export =, parameter properties', () => {
    const code = [
      "import type { Handler } from 'aws-lambda';",
      "import fs = require('fs');",
      'declare const injected: string[];',
      'declare module "x" { export const y: number; }',
      'declare global { var lastEvent: unknown; }',
      'enum Color { Red, Green }',
      'enum Color { Blue = 2 }',
      'namespace Registry { export const items: string[] = []; export function add(v: string) { items.push(v); } }',
      'abstract class Base { abstract run(): void; }',
      'class Service extends Base { constructor(private readonly names: string[] = []) { super(); } run() {} }',
      'export function handler(event: { id: string }): Promise<void>;',
      'export function handler(event: { id: number }): Promise<void>;',
      'export async function handler(event: any): Promise<void> {',
      '  Registry.add(event.id);',
      '  Registry.items.push(event.id as string);',
      '  injected.push(event.id!);',
      '  globalThis.lastEvent = event satisfies unknown;',
      '  new Service().run();',
      '  void fs; void Color.Red;',
      '}',
      'export const typed: Handler = async (event) => { (Registry.items as string[]).push(event.id); };',
    ].join('\n');
    expect(() => lint(code, { ts: true })).not.toThrow();
    expect(lint(code, { ts: true }).filter((message) => message.fatal)).toEqual([]);
  });

  it('a class implementing LambdaInterface with decorators and static blocks', () => {
    const code = [
      "import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';",
      'const log: string[] = [];',
      'function traced(_target: unknown, _key: string, descriptor: PropertyDescriptor) { return descriptor; }',
      'class Lambda implements LambdaInterface {',
      '  static calls = 0;',
      '  static { Lambda.calls = 0; }',
      '  @traced',
      '  public async handler(event: { id: string }, _context: unknown): Promise<void> {',
      '    log.push(event.id);',
      '    Lambda.calls++;',
      '  }',
      '}',
      'const instance = new Lambda();',
      'export const handler = instance.handler.bind(instance);',
    ].join('\n');
    expect(() => lint(code, { ts: true })).not.toThrow();
  });

  it('locals that stand for each other in a guard test: the alias walk ends, the analysis completes', () => {
    const code = `let conn;
export const handler = async (event) => {
  let a = b;
  let b = a;
  if (!a) conn = await connect();
  return conn;
};
async function connect() { return {}; }
`;
    for (const ts of [false, true]) {
      const messages = lint(code, { ts });
      expect(messages.filter((message) => message.messageId === 'analysisIncomplete')).toEqual([]);
      expect(linesOf(findings(code, { ts }))).toEqual([lineOf(code, 'conn = await')]);
    }
  });

  it('odd but valid handler shapes do not throw', () => {
    const snippets = [
      'export default async (event) => { globalThis.x ??= []; globalThis.x.push(event); }',
      'export { h as handler }; const items = []; function h(event) { items.push(event.id); }',
      'const { a, b: [c, ...d] = [] } = {}; export const handler = (event) => { ({ a: globalThis.q, ...globalThis.r } = event); [c, ...d] = event.list; for (globalThis.k in event) {} for (const v of event.list) { d.push(v); } };',
      'export const handler = async function* (event) { yield* event; }',
      'export const handler = (event) => (event.x ? undefined : void 0);',
      'export const handler = new Proxy(function () {}, {});',
      'export const handler = 42;',
      'export const handler = null;',
      'const m = new Map(); export const handler = (event) => m.set(event.k, event.v).set(event.k2, 1);',
      'let s = ""; export const handler = (event) => { s = s + event.line; s = `${s}${event.line}`; };',
      'const o = {}; export const handler = (event) => { Object.defineProperty(o, event.k, { value: 1 }); Reflect.set(o, event.k, 1); o.a.b.c.d = event; delete o?.a?.b; };',
      'export const handler = (event, context, callback) => { callback(null, (undefinedGlobal = event.id)); };',
      'label: for (;;) { break label; } export const handler = ({ body }, { awsRequestId }) => body + awsRequestId;',
      'export const handler = (...args) => args.push(1);',
      'export const handler = async (event = {}, [ctx] = []) => event;',
      'export class handler { static run(event) {} }',
      'export const handler = middy(); export const other = middy(async (event) => event).use({});',
      'import x from "y"; export const handler = x?.(event => x.push?.(event));',
    ];
    for (const code of snippets) {
      const messages = lint(code);
      expect(
        messages.filter((message) => message.fatal),
        code,
      ).toEqual([]);
      expect(() => lint(code, { ts: true }), code).not.toThrow();
    }
  });
});
