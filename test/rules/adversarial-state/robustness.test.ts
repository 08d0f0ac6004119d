// Red-team cases for the four state rules. Unusual syntax and scoping (`with`, `eval`, generators, labels,
// re-declared `var`, static blocks): the analysis sees through it.
import { describe, it } from 'vitest';
import { lintWithRule } from '../../helpers/lint.js';
import { C, D, G, RULES, W, runCases, type Kind } from './harness.js';

runCases('robustness', [
  {
    name: 'with statement in sloppy CommonJS',
    cjs: true,
    unspecified: ['write', 'data'],
    code: `var obj = { x: 1 };
exports.handler = function (event, context) {
  with (obj) {
    x = event.y;
  }
};`,
  },
  {
    name: 'eval in a handler does not hide the push',
    code: `const items = [];
export const handler = async (event) => {
  eval('1 + 1');
  items.push(1);
};`,
    sites: [G('items.push', { move: true })],
  },
  {
    name: 'getters and setters on a module object',
    code: `const obj = {
  get size() {
    return 1;
  },
  set size(v) {},
};
export const handler = async (event) => {
  obj.extra = event.id;
  return obj.size;
};`,
    sites: [D('obj.extra', { move: true })],
  },
  {
    name: 'computed class members',
    code: `const key = 'k';
class K {
  [key] = 1;
  static [Symbol.iterator]() {}
  static count = 0;
}
export const handler = async (event) => {
  K.count = event.n;
};`,
    sites: [D('K.count')],
  },
  {
    name: 'generator helper that grows state',
    code: `const items = [];
function* gen(n) {
  for (let i = 0; i < n; i++) yield items.push(i);
}
export const handler = async (event) => {
  for (const x of gen(3)) console.log(x);
};`,
    sites: [G('items.push')],
  },
  {
    name: 'async generator handler',
    code: `const seen = [];
export async function* handler(event) {
  seen.push(event.id);
  yield 1;
}`,
    sites: [G('seen.push', { move: true })],
  },
  {
    name: 'labels and continue',
    code: `let hits = 0;
export const handler = async (event) => {
  outer: for (const a of event.a) {
    for (const b of a) {
      if (b) continue outer;
      hits++;
    }
  }
};`,
    sites: [W('hits++', { move: true })],
  },
  {
    name: 'arguments object in a handler',
    unspecified: ['data', 'write'],
    code: `let last;
export function handler(event) {
  last = arguments[0];
}`,
  },
  {
    name: 're-declared var',
    cjs: true,
    code: `var items = [];
var items = [];
exports.handler = function (event, context) {
  items.push(event.id);
};`,
    sites: [G('items.push')],
  },
  {
    name: 'mutual recursion between helpers both writing state',
    code: `const logA = [];
const logB = [];
function a(n) {
  if (n > 0) b(n - 1);
  logA.push(n);
}
function b(n) {
  if (n > 0) a(n - 1);
  logB.push(n);
}
export const handler = async (event) => {
  a(event.depth);
};`,
    sites: [G('logA.push'), G('logB.push')],
  },
  {
    name: 'a handler that calls itself',
    code: `const hits = [];
export const handler = async (event) => {
  hits.push(1);
  if (event.retry) return handler({ ...event, retry: false });
};`,
    sites: [G('hits.push', { move: true })],
  },
  {
    name: 'self-referencing object and odd shapes',
    code: `const a = {};
a.self = a;
const weird = [, , 1];
let v = void 0;
export const handler = async (event) => {
  a.self.self.self.x = event.x;
};`,
    sites: [D('a.self.self.self.x')],
  },
  {
    name: 'sequence expressions and comma in assignments',
    code: `let a;
let b;
export const handler = async (event) => {
  (a = 1), (b = event.b);
};`,
    sites: [W('a = 1', { move: true }), D('b = event', { move: true })],
  },
  {
    name: 'class expression assigned to a module variable with a static block',
    code: `const Holder = class {
  static items = [];
  static {
    this.items.push('boot');
  }
};
export const handler = async (event) => {
  Holder.items.push(event.id);
};`,
    sites: [G('Holder.items.push', { move: true })],
  },
  {
    name: 'dynamic import and top-level await',
    code: `const mod = await import('./config.js');
const items = [];
export const handler = async (event) => {
  const m = await import(event.module);
  items.push(m);
};`,
    sites: [G('items.push', { move: true })],
  },
  {
    name: 'tagged template, new.target, optional call',
    code: `let last;
export const handler = async (event) => {
  last = tag\`\${event.id}\`;
  event.cb?.();
};`,
    sites: [D('last =', { move: true })],
  },
  {
    name: 'var hoisted out of a top-level block is module state',
    cjs: true,
    code: `if (process.env.ENABLE_CACHE) {
  var cache = {};
}
exports.handler = async (event) => {
  cache[event.id] = Date.now();
};`,
    sites: [C('cache[event.id]')],
  },
]);

// Odd inputs: every rule must run without throwing (the analysis' own errors are surfaced via HANDLER_STATE_DEBUG).
const ODD_INPUTS: Array<{ name: string; code: string; cjs?: boolean }> = [
  { name: 'empty file', code: '' },
  { name: 'comments only', code: '// nothing\n/* here */' },
  { name: 'export {} only', code: 'export {};' },
  { name: 'exports.handler = null', code: 'exports.handler = null;', cjs: true },
  { name: 're-export of a handler', code: "export { handler } from './impl.js';\nexport * from './other.js';" },
  {
    name: 'handler from require',
    code: "exports.handler = require('./impl').handler;\nmodule.exports = require('./x');",
    cjs: true,
  },
  {
    name: 'with and implicit globals',
    cjs: true,
    code: 'exports.handler = function (event) { with (event) { a = b; } };',
  },
  { name: 'arguments', code: 'let last;\nexport function handler(event) { last = arguments[0]; arguments[1] = 2; }' },
  {
    name: 'dynamic member write',
    code: 'const s = {};\nexport const handler = (event) => { s[event.k][event.j] = 1; s[Symbol.for(event.id)] = 2; };',
  },
  {
    name: 'dynamic method name',
    code: 'const items = [];\nexport const handler = (event) => { items[event.m](1); (0, items.push)(2); };',
  },
  {
    name: 'proxy state',
    code: 'const s = new Proxy({}, {});\nexport const handler = (event) => { s[event.id] = 1; };',
  },
  {
    name: 'self-referencing initialisers',
    code: 'var a = b;\nvar b = a;\nexport const handler = (event) => { a.x = b; b.y = a; };',
  },
  {
    name: 'handler || fallback',
    cjs: true,
    code: 'var handler = handler || function (event) { handler.calls = (handler.calls || 0) + 1; };\nexports.handler = exports.handler || handler;',
  },
  {
    name: 'circular aliases',
    code: 'const items = [];\nexport const handler = (event) => { let x = items; let y = x; let z = y; let w = z; let v = w; v.push(1); x = x; };',
  },
  {
    name: 'decorated class and private members',
    code: 'function dec(t) { return t; }\n@dec\nclass K { #x = 1; static #y = []; static add(v) { K.#y.push(v); } get x() { return this.#x; } }\nexport const handler = (event) => K.add(event);',
  },
  {
    name: 'using declarations',
    code: 'const pool = { [Symbol.dispose]() {} };\nexport const handler = (event) => { using r = pool; return r; };',
  },
  {
    name: 'default-exported anonymous class with a handler method',
    code: 'const seen = [];\nexport default class { handler(event) { seen.push(event); } }',
  },
  {
    name: 'import.meta and new.target',
    code: 'let u;\nexport function handler(event) { u = import.meta.url + String(new.target); }',
  },
  {
    name: 'generator delegation',
    code: 'const items = [];\nfunction* a() { yield* b(); items.push(1); }\nfunction* b() { yield* a(); }\nexport const handler = (event) => [...a()];',
  },
  {
    name: 'deep recursion between many helpers',
    code:
      Array.from({ length: 60 }, (_, i) => `function f${i}(x) { f${(i + 1) % 60}(x); s${i % 3}.push(x); }`).join('\n') +
      '\nconst s0 = [], s1 = [], s2 = [];\nexport const handler = (event) => f0(event);',
  },
  {
    name: 'very long member chain',
    code: 'const s = {};\nexport const handler = (event) => { s' + '.a'.repeat(300) + ' = event; };',
  },
  {
    name: 'destructuring into module state with defaults and rest',
    code: 'let a, b, rest;\nexport const handler = (event) => { ({ a = 1, b: [b] = [], ...rest } = event); [a, , ...rest] = event.items; };',
  },
  {
    name: 'assignment in conditions and sequences',
    code: 'let x, y;\nexport const handler = (event) => { if ((x = event.a) && (y = 2)) return (x, y); while ((x = x.next)); };',
  },
  {
    name: 'labelled blocks and switch',
    code: 'let n = 0;\nexport const handler = (event) => { a: { switch (event.t) { case 1: n++; break a; default: n = event.t; } } };',
  },
  {
    name: 'getter/setter pairs writing module state',
    code: 'let v;\nconst o = { get x() { return v; }, set x(val) { v = val; } };\nexport const handler = (event) => { o.x = event.x; };',
  },
  {
    name: 'class static blocks and accessors',
    code: 'class C { static items = []; static { C.items.push(1); } static accessor z = 1; }\nexport const handler = (event) => { C.items.push(event); C.z = event; };',
  },
  {
    name: 'namespace and enum merges',
    code: 'enum E { A }\nnamespace E { export const extra = []; }\nnamespace N.M { export let c = 0; }\nexport const handler = (event) => { E.extra.push(event); };',
  },
  {
    name: 'declare module and global augmentation',
    code: "declare module 'x' { const y: number; }\ndeclare global { var z: string[]; }\nexport const handler = (event) => { globalThis.z.push(event.id); };",
  },
  {
    name: 'optional chaining everywhere',
    code: 'const s = { a: { b: [] } };\nexport const handler = (event) => { s?.a?.b?.push?.(event?.id); s.a!.b![0] = event?.x!; };',
  },
  {
    name: 'handler calling itself recursively through a helper',
    code: 'const seen = [];\nconst again = (e) => handler(e);\nexport const handler = async (event) => { seen.push(event); if (event.n) await again({ n: event.n - 1 }); };',
  },
  {
    name: 'recursive helper passing its parameter to itself',
    code: 'const items = [];\nfunction walk(list, n) { if (n) walk(list, n - 1); list.push(n); }\nexport const handler = (event) => walk(items, event.n);',
  },
  {
    name: 'this-method cycles in a module singleton',
    code: 'class A { a() { this.b(); } b() { this.a(); this.items.push(1); } items = []; }\nconst a = new A();\nexport const handler = (event) => a.a();',
  },
  {
    name: 'guarded call-site cycles',
    code: 'let x;\nfunction f() { if (!x) g(); x = 1; }\nfunction g() { if (!x) f(); }\nexport const handler = (event) => { if (!x) f(); };',
  },
  {
    name: 'alias of globalThis reassigned and destructured',
    code: 'export const handler = (event) => { let g = globalThis; g = {}; g.x = event; const { process: p } = globalThis; p.env.X = event.x; };',
  },
  {
    name: 'parameter alias through spread and default',
    code: 'const items = [];\nfunction f(...lists) { lists[0].push(1); }\nfunction h(list = items) { list.push(2); }\nexport const handler = (event) => { f(items); h(); };',
  },
];

describe('odd inputs never throw', () => {
  for (const kind of Object.keys(RULES) as Kind[]) {
    const { name, rule } = RULES[kind];
    for (const cjs of [false, true]) {
      const inputs = ODD_INPUTS.filter((input) => Boolean(input.cjs) === cjs);
      if (inputs.length === 0) continue;
      // Only "does not throw" is asserted: RuleTester needs an expectation, so each input runs as a Linter call.
      describe(`${name}${cjs ? ' (cjs)' : ''}`, () => {
        for (const input of inputs) {
          it(input.name, () => {
            const messages = lintWithRule(rule, input.code, cjs ? 'commonjs' : 'module', 'odd.ts');
            const fatal = messages.filter((m) => m.fatal || m.ruleId === null);
            if (fatal.length > 0) throw new Error(`parse error in fixture: ${fatal[0].message}`);
          });
        }
      });
    }
  }
});
