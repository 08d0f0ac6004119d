// Varied shapes of the reach and state classes, linted as a user lints them: real files (one file, or a small
// project in a temp dir) through the real ESLint class with the strict config. Each sub-class has shapes another
// author would write: dispatch through locals and tables, handlers that a project factory returns, closure state
// of a product made once at module scope, process-wide globals under computed keys, library-held request context,
// findings independent of lint order, and the write reported in the module that holds the state. Every leaking
// variant has a safe counterpart (a per-request product, a read-only use, bounded state, start-up only) that must
// stay quiet.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn, lineOf } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

type Sub = 'dispatch' | 'factory-handler' | 'closure' | 'globals' | 'library' | 'holder';

interface Variant {
  sub: Sub;
  name: string;
  /** The project: posix path → contents. A `package.json` with `"type": "module"` is added unless given. */
  files: Record<string, string>;
  /** The file linted. */
  lint: string;
  /**
   * The reports expected in the linted file, each named by the text its line starts at (or a list of texts, any
   * one of whose lines may carry it). Empty: the safe counterpart, which must get no report at all.
   */
  found: Array<string | string[]>;
  /** Text every report must contain (the handler and its file, for writes reported where the state lives). */
  says?: string[];
  /** A gap the analysis does not close yet: the case is expected to fail (named in the report). */
  gap?: string;
}

const PACKAGE = JSON.stringify({ name: 'app', type: 'module' });

async function check(variant: Variant): Promise<void> {
  const root = makeProject({ 'package.json': PACKAGE, ...variant.files }, 'handler-state-varied-');
  const [result] = await eslintIn(root).lintFiles([path.join(root, variant.lint)]);
  const shown = result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n');
  expect(
    result.messages.filter((m) => m.fatal || m.ruleId === null),
    shown,
  ).toEqual([]);
  const code = variant.files[variant.lint];
  if (variant.found.length === 0) {
    expect(shown).toBe('');
    return;
  }
  const lines = new Set(result.messages.map((m) => m.line));
  for (const spec of variant.found) {
    const wanted = (Array.isArray(spec) ? spec : [spec]).map((text) => lineOf(code, text));
    expect(
      wanted.some((line) => lines.has(line)),
      `a report on line ${wanted.join(' or ')}; got:\n${shown}`,
    ).toBe(true);
  }
  for (const text of variant.says ?? []) {
    for (const message of result.messages) expect(message.message).toContain(text);
  }
}

const one = (sub: Sub, name: string, code: string, found: Variant['found'], extra: Partial<Variant> = {}): Variant => ({
  sub,
  name,
  files: { 'src/handler.ts': code },
  lint: 'src/handler.ts',
  found,
  ...extra,
});

const VARIANTS: Variant[] = [
  // ---- dispatch through locals, destructuring, call/apply/bind, Maps of handlers ----
  one(
    'dispatch',
    'a Map of handlers called with an optional call',
    `const audit: string[] = [];
const handlers = new Map<string, (e: any) => void>([
  ['login', (e) => { audit.push(e.user); }],
  ['ping', () => undefined],
]);
export const handler = async (event: any) => handlers.get(event.type)?.(event);
`,
    ['audit.push'],
  ),
  one(
    'dispatch',
    'a Map of handlers that only read',
    `const audit: string[] = ['root'];
const handlers = new Map<string, (e: any) => boolean>([
  ['login', (e) => audit.includes(e.user)],
  ['ping', () => true],
]);
export const handler = async (event: any) => handlers.get(event.type)?.(event);
`,
    [],
  ),
  one(
    'dispatch',
    'a switch picks the function into a let, called after the switch',
    `const lastError: Record<string, string> = {};
function onError(e: { message: string }) { lastError.value = e.message; }
function onOk() { return 'ok'; }
export const handler = async (event: any) => {
  let run: (e: any) => unknown;
  switch (event.kind) {
    case 'error':
      run = onError;
      break;
    default:
      run = onOk;
  }
  return run(event);
};
`,
    ['lastError.value'],
  ),
  one(
    'dispatch',
    'the same switch to functions that write a local',
    `function onError(e: { message: string }) { const copy: Record<string, string> = {}; copy.value = e.message; return copy; }
function onOk() { return 'ok'; }
export const handler = async (event: any) => {
  let run: (e: any) => unknown;
  switch (event.kind) {
    case 'error':
      run = onError;
      break;
    default:
      run = onOk;
  }
  return run(event);
};
`,
    [],
  ),
  one(
    'dispatch',
    'Reflect.apply on a function picked into a const',
    `const counts = new Map<string, number>();
const ops: Record<string, (id: string) => void> = {
  hit(id) { counts.set(id, (counts.get(id) ?? 0) + 1); },
  noop() {},
};
export const handler = async (event: { op: string; id: string }) => {
  const op = ops[event.op];
  return Reflect.apply(op, ops, [event.id]);
};
`,
    ['counts.set'],
  ),
  one(
    'dispatch',
    'Reflect.apply on functions that only read',
    `const counts = new Map<string, number>([['a', 1]]);
const ops: Record<string, (id: string) => unknown> = {
  hit(id) { return counts.get(id) ?? 0; },
  noop() {},
};
export const handler = async (event: { op: string; id: string }) => {
  const op = ops[event.op];
  return Reflect.apply(op, ops, [event.id]);
};
`,
    [],
  ),
  one(
    'dispatch',
    'two computed-key destructurings, one per level',
    `const votes: string[] = [];
const resolvers: any = { Mutation: { vote: (args: { id: string }) => { votes.push(args.id); } } };
export const handler = async (event: { type: string; field: string; args: any }) => {
  const { [event.type]: group } = resolvers;
  const { [event.field]: resolve } = group;
  return resolve(event.args);
};
`,
    ['votes.push'],
  ),
  one(
    'dispatch',
    'the same destructurings to resolvers that read',
    `const votes: string[] = ['x'];
const resolvers: any = { Query: { count: () => votes.length } };
export const handler = async (event: { type: string; field: string; args: any }) => {
  const { [event.type]: group } = resolvers;
  const { [event.field]: resolve } = group;
  return resolve(event.args);
};
`,
    [],
  ),
  one(
    'dispatch',
    'an optional .call on a table entry',
    `const sessions: Record<string, string> = {};
const ops: Record<string, (e: any) => unknown> = {
  open(e) { sessions[e.id] = e.user; },
  list() { return Object.keys(sessions); },
};
export const handler = async (event: any) => ops[event.op]?.call(undefined, event);
`,
    ['sessions[e.id]'],
  ),
  one(
    'dispatch',
    'the optional .call on a table whose entries fill a per-call object',
    `const ops: Record<string, (e: any) => unknown> = {
  open(e) { const sessions: Record<string, string> = {}; sessions[e.id] = e.user; return sessions; },
  list() { return []; },
};
export const handler = async (event: any) => ops[event.op]?.call(undefined, event);
`,
    [],
  ),
  {
    sub: 'dispatch',
    name: 'a table in another module, its entry bound to the request id and called later',
    files: {
      'src/ops.ts': `const queue: string[] = [];
export const ops = {
  enqueue(id: string) { queue.push(id); },
  size: () => queue.length,
};
`,
      'src/handler.ts': `import { ops } from './ops';
export const handler = async (event: { id: string }) => {
  const run = ops.enqueue.bind(ops, event.id);
  run();
};
`,
    },
    lint: 'src/handler.ts',
    found: [['run()', 'const run']],
  },
  {
    sub: 'dispatch',
    name: 'the bound entry of another module that only reads',
    files: {
      'src/ops.ts': `const queue: string[] = [];
export const ops = {
  enqueue(id: string) { queue.push(id); },
  size: () => queue.length,
};
`,
      'src/handler.ts': `import { ops } from './ops';
export const handler = async (event: { id: string }) => {
  const run = ops.size.bind(ops);
  return run();
};
`,
    },
    lint: 'src/handler.ts',
    found: [],
  },
  one(
    'dispatch',
    'an array of routes searched with find, the match run',
    `const hits: string[] = [];
const routes = [
  { match: (p: string) => p.startsWith('/track'), run: (e: any) => { hits.push(e.path); } },
  { match: () => true, run: () => 'not found' },
];
export const handler = async (event: any) => {
  const route = routes.find((r) => r.match(event.path));
  return route?.run(event);
};
`,
    ['hits.push'],
  ),
  one(
    'dispatch',
    'the same route search to routes that read',
    `const hits: string[] = ['/'];
const routes = [
  { match: (p: string) => p.startsWith('/track'), run: () => hits.length },
  { match: () => true, run: () => 'not found' },
];
export const handler = async (event: any) => {
  const route = routes.find((r) => r.match(event.path));
  return route?.run(event);
};
`,
    [],
  ),
  {
    sub: 'dispatch',
    name: 'a module Map of handlers exported by another file, looked up with an optional call',
    files: {
      'src/registry.ts': `const processed = new Set<string>();
export const byType = new Map<string, (e: { id: string }) => void>();
byType.set('order', (e) => { processed.add(e.id); });
`,
      'src/handler.ts': `import { byType } from './registry';
export const handler = async (event: { type: string; id: string }) => byType.get(event.type)?.(event);
`,
    },
    lint: 'src/registry.ts',
    found: ['processed.add'],
  },
  {
    sub: 'dispatch',
    name: 'the call through the exported Map is reported in the handler too',
    files: {
      'src/registry.ts': `const processed = new Set<string>();
export const byType = new Map<string, (e: { id: string }) => void>();
byType.set('order', (e) => { processed.add(e.id); });
`,
      'src/handler.ts': `import { byType } from './registry';
export const handler = async (event: { type: string; id: string }) => {
  await byType.get(event.type)?.(event);
};
`,
    },
    lint: 'src/handler.ts',
    found: ['await byType'],
  },
  {
    sub: 'dispatch',
    name: 'the exported Map of handlers only read at start-up',
    files: {
      'src/registry.ts': `const processed = new Set<string>();
export const byType = new Map<string, (e: { id: string }) => void>();
byType.set('order', (e) => { processed.add(e.id); });
`,
      'src/handler.ts': `import { byType } from './registry';
const known = [...byType.keys()];
export const handler = async (event: { type: string }) => known.includes(event.type);
`,
    },
    lint: 'src/registry.ts',
    found: [],
  },

  // ---- the handler is what a project factory returns ----
  {
    sub: 'factory-handler',
    name: 'a wrapper in another file whose returned function writes its own module state',
    files: {
      'src/wrap.ts': `const invocations: string[] = [];
export function withSteps<E>(fn: (event: E) => Promise<unknown>) {
  return async (event: E, context: { awsRequestId: string }) => {
    invocations.push(context.awsRequestId);
    return fn(event);
  };
}
`,
      'src/handler.ts': `import { withSteps } from './wrap';
export const handler = withSteps(async () => ({ ok: true }));
`,
    },
    lint: 'src/wrap.ts',
    found: ['invocations.push'],
  },
  {
    sub: 'factory-handler',
    name: 'the wrapper in another file keeps the id in a per-call local',
    files: {
      'src/wrap.ts': `export function withSteps<E>(fn: (event: E) => Promise<unknown>) {
  return async (event: E, context: { awsRequestId: string }) => {
    const invocations: string[] = [];
    invocations.push(context.awsRequestId);
    return fn(event);
  };
}
`,
      'src/handler.ts': `import { withSteps } from './wrap';
export const handler = withSteps(async () => ({ ok: true }));
`,
    },
    lint: 'src/wrap.ts',
    found: [],
  },
  {
    sub: 'factory-handler',
    name: 'two wrappers from another file around a function that writes',
    files: {
      'src/mw.ts': `type Fn = (event: any, context: any) => Promise<unknown>;
export const withAuth = (fn: Fn): Fn => async (event, context) => fn(event, context);
export const withLogging = (fn: Fn): Fn => async (event, context) => {
  try {
    return await fn(event, context);
  } finally {
    console.log('done');
  }
};
`,
      'src/handler.ts': `import { withAuth, withLogging } from './mw';
let lastUser: string | undefined;
const base = async (event: { user: string }) => {
  lastUser = event.user;
  return lastUser;
};
export const handler = withLogging(withAuth(base));
`,
    },
    lint: 'src/handler.ts',
    found: ['lastUser = event'],
  },
  {
    sub: 'factory-handler',
    name: 'the two wrappers around a function that keeps the user local',
    files: {
      'src/mw.ts': `type Fn = (event: any, context: any) => Promise<unknown>;
export const withAuth = (fn: Fn): Fn => async (event, context) => fn(event, context);
export const withLogging = (fn: Fn): Fn => async (event, context) => fn(event, context);
`,
      'src/handler.ts': `import { withAuth, withLogging } from './mw';
const base = async (event: { user: string }) => {
  let lastUser: string | undefined;
  lastUser = event.user;
  return lastUser;
};
export const handler = withLogging(withAuth(base));
`,
    },
    lint: 'src/handler.ts',
    found: [],
  },
  one(
    'factory-handler',
    'a handler built with an in-project pipe',
    `const trail: string[] = [];
const pipe = (...fns: Array<(x: any) => any>) => (input: any) => fns.reduce((acc, fn) => fn(acc), input);
const parse = (event: { body: string }) => JSON.parse(event.body);
const record = (body: { id: string }) => { trail.push(body.id); return body; };
export const handler = pipe(parse, record);
`,
    ['trail.push'],
  ),
  one(
    'factory-handler',
    'the same pipe whose steps copy',
    `const pipe = (...fns: Array<(x: any) => any>) => (input: any) => fns.reduce((acc, fn) => fn(acc), input);
const parse = (event: { body: string }) => JSON.parse(event.body);
const record = (body: { id: string }) => ({ ...body, seen: true });
export const handler = pipe(parse, record);
`,
    [],
  ),
  {
    sub: 'factory-handler',
    name: 'a handler factory in another file that calls an option per request',
    files: {
      'src/make.ts': `export function makeHandler(options: { run: (event: any) => unknown }) {
  return async (event: any) => options.run(event);
}
`,
      'src/handler.ts': `import { makeHandler } from './make';
const seen = new Set<string>();
export const handler = makeHandler({
  run: (event) => {
    seen.add(event.id);
    return seen.size;
  },
});
`,
    },
    lint: 'src/handler.ts',
    found: ['seen.add'],
  },
  {
    sub: 'factory-handler',
    name: 'the option only reads the module set',
    files: {
      'src/make.ts': `export function makeHandler(options: { run: (event: any) => unknown }) {
  return async (event: any) => options.run(event);
}
`,
      'src/handler.ts': `import { makeHandler } from './make';
const seen = new Set<string>(['a']);
export const handler = makeHandler({
  run: (event) => seen.has(event.id),
});
`,
    },
    lint: 'src/handler.ts',
    found: [],
  },
  one(
    'factory-handler',
    'a composed list of wrappers applied to the core',
    `type Fn = (event: any) => Promise<unknown>;
const compose = (...wrappers: Array<(fn: Fn) => Fn>) => (fn: Fn) => wrappers.reduceRight((acc, w) => w(acc), fn);
const withTiming = (fn: Fn): Fn => async (event) => fn(event);
const withErrors = (fn: Fn): Fn => async (event) => { try { return await fn(event); } catch { return null; } };
const pending: string[] = [];
const core: Fn = async (event) => { pending.push(event.id); };
export const handler = compose(withTiming, withErrors)(core);
`,
    ['pending.push'],
  ),
  one(
    'factory-handler',
    'the composed wrappers around a core that only reads',
    `type Fn = (event: any) => Promise<unknown>;
const compose = (...wrappers: Array<(fn: Fn) => Fn>) => (fn: Fn) => wrappers.reduceRight((acc, w) => w(acc), fn);
const withTiming = (fn: Fn): Fn => async (event) => fn(event);
const withErrors = (fn: Fn): Fn => async (event) => { try { return await fn(event); } catch { return null; } };
const pending: string[] = [];
const core: Fn = async (event) => pending.includes(event.id);
export const handler = compose(withTiming, withErrors)(core);
`,
    [],
  ),

  // ---- closure state of a product made once at module scope ----
  {
    sub: 'closure',
    name: 'a stack from a factory in another file, pushed per request',
    files: {
      'src/stack.ts': `export function createStack<T>() {
  const frames: T[] = [];
  return { push(value: T) { frames.push(value); }, peek: () => frames[frames.length - 1] };
}
`,
      'src/handler.ts': `import { createStack } from './stack';
const requests = createStack<string>();
export const handler = async (event: { id: string }) => {
  requests.push(event.id);
  return requests.peek();
};
`,
    },
    lint: 'src/handler.ts',
    found: ['requests.push'],
  },
  {
    sub: 'closure',
    name: 'the stack from the other file made inside the handler',
    files: {
      'src/stack.ts': `export function createStack<T>() {
  const frames: T[] = [];
  return { push(value: T) { frames.push(value); }, peek: () => frames[frames.length - 1] };
}
`,
      'src/handler.ts': `import { createStack } from './stack';
export const handler = async (event: { id: string }) => {
  const requests = createStack<string>();
  requests.push(event.id);
  return requests.peek();
};
`,
    },
    lint: 'src/handler.ts',
    found: [],
  },
  one(
    'closure',
    'a class instance made once whose method pushes on this',
    `class Stack {
  frames: string[] = [];
  enter(value: string) { this.frames.push(value); }
}
const stack = new Stack();
export const handler = async (event: { theme: string }) => {
  stack.enter(event.theme);
};
`,
    [['this.frames.push', 'stack.enter']],
  ),
  one(
    'closure',
    'the class stack bounds itself',
    `class Stack {
  frames: string[] = [];
  enter(value: string) {
    this.frames.push(value);
    if (this.frames.length > 20) this.frames.shift();
  }
}
const stack = new Stack();
export const handler = async (event: { theme: string }) => {
  stack.enter(event.theme);
};
`,
    [],
  ),
  one(
    'closure',
    'a getter/setter pair returned as an array',
    `function makeSlot<T>(initial: T) {
  let value = initial;
  return [() => value, (next: T) => { value = next; }] as const;
}
const [getUser, setUser] = makeSlot<string | null>(null);
export const handler = async (event: { user: string }) => {
  setUser(event.user);
  return getUser();
};
`,
    [['value = next', 'setUser(event']],
  ),
  one(
    'closure',
    'the pair set once at start-up, read per request',
    `function makeSlot<T>(initial: T) {
  let value = initial;
  return [() => value, (next: T) => { value = next; }] as const;
}
const [getUser, setUser] = makeSlot<string | null>(null);
setUser('system');
export const handler = async () => getUser();
`,
    [],
  ),
  one(
    'closure',
    'a memoiser made once, called with the request key',
    `function memoize<V>(fn: (key: string) => V) {
  const cache = new Map<string, V>();
  return (key: string) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key) as V;
  };
}
const lookup = memoize((id) => ({ id }));
export const handler = async (event: { userId: string }) => lookup(event.userId);
`,
    [['cache.set', 'lookup(event']],
  ),
  one(
    'closure',
    'the memoiser evicts its oldest key past a cap',
    `function memoize<V>(fn: (key: string) => V) {
  const cache = new Map<string, V>();
  return (key: string) => {
    if (!cache.has(key)) {
      if (cache.size >= 100) cache.delete(cache.keys().next().value as string);
      cache.set(key, fn(key));
    }
    return cache.get(key) as V;
  };
}
const lookup = memoize((id) => ({ id }));
export const handler = async (event: { userId: string }) => lookup(event.userId);
`,
    [],
  ),
  one(
    'closure',
    'an emitter made by a factory, subscribed to per request',
    `function createEmitter<V>() {
  const listeners: Array<(v: V) => void> = [];
  return {
    on(fn: (v: V) => void) { listeners.push(fn); },
    emit(v: V) { for (const l of listeners) l(v); },
  };
}
const bus = createEmitter<string>();
export const handler = async (event: { id: string }) => {
  bus.on(() => console.log(event.id));
  bus.emit(event.id);
};
`,
    [['listeners.push', 'bus.on']],
  ),
  one(
    'closure',
    'the emitter subscribed at start-up, emitted per request',
    `function createEmitter<V>() {
  const listeners: Array<(v: V) => void> = [];
  return {
    on(fn: (v: V) => void) { listeners.push(fn); },
    emit(v: V) { for (const l of listeners) l(v); },
  };
}
const bus = createEmitter<string>();
bus.on((id) => console.log(id));
export const handler = async (event: { id: string }) => {
  bus.emit(event.id);
};
`,
    [],
  ),
  {
    sub: 'closure',
    name: 'a middleware pipeline from another file, used per request',
    files: {
      'src/pipeline.js': `export function createPipeline() {
  const stack = [];
  return {
    use(fn) {
      stack.push(fn);
      return this;
    },
    async run(ctx) {
      for (const fn of stack) await fn(ctx);
      return ctx;
    },
  };
}
`,
      'src/handler.js': `import { createPipeline } from './pipeline.js';
const pipeline = createPipeline();
export const handler = async (event) => {
  pipeline.use(async (ctx) => { ctx.user = event.user; });
  return pipeline.run({});
};
`,
    },
    lint: 'src/handler.js',
    found: ['pipeline.use'],
  },
  {
    sub: 'closure',
    name: 'the pipeline from the other file built at start-up, run per request',
    files: {
      'src/pipeline.js': `export function createPipeline() {
  const stack = [];
  return {
    use(fn) {
      stack.push(fn);
      return this;
    },
    async run(ctx) {
      for (const fn of stack) await fn(ctx);
      return ctx;
    },
  };
}
`,
      'src/handler.js': `import { createPipeline } from './pipeline.js';
const pipeline = createPipeline();
pipeline.use(async (ctx) => { ctx.at = Date.now(); });
export const handler = async (event) => pipeline.run({ user: event.user });
`,
    },
    lint: 'src/handler.js',
    found: [],
  },
  one(
    'closure',
    'a store with a reducer, dispatched per request',
    `function createStore<S, A>(reducer: (s: S, a: A) => S, initial: S) {
  let state = initial;
  return { dispatch(action: A) { state = reducer(state, action); }, getState: () => state };
}
const store = createStore((s: { user?: string }, a: { user: string }) => ({ ...s, user: a.user }), {});
export const handler = async (event: { user: string }) => {
  store.dispatch({ user: event.user });
  return store.getState();
};
`,
    [['state = reducer', 'store.dispatch']],
  ),
  one(
    'closure',
    'the store made per request',
    `function createStore<S, A>(reducer: (s: S, a: A) => S, initial: S) {
  let state = initial;
  return { dispatch(action: A) { state = reducer(state, action); }, getState: () => state };
}
export const handler = async (event: { user: string }) => {
  const store = createStore((s: { user?: string }, a: { user: string }) => ({ ...s, user: a.user }), {});
  store.dispatch({ user: event.user });
  return store.getState();
};
`,
    [],
  ),

  // ---- process-wide globals under computed keys ----
  one(
    'globals',
    'Object.assign into process.env with a computed-key object literal',
    `export const handler = async (event: { name: string; value: string }) => {
  Object.assign(process.env, { [event.name]: event.value });
};
`,
    ['Object.assign'],
  ),
  one(
    'globals',
    'Object.assign of process.env into a fresh object',
    `export const handler = async (event: { name: string; value: string }) => {
  const env = Object.assign({}, process.env, { [event.name]: event.value });
  return env[event.name];
};
`,
    [],
  ),
  one(
    'globals',
    'Reflect.set on globalThis under a request key',
    `export const handler = async (event: { key: string; value: string }) => {
  Reflect.set(globalThis, event.key, event.value);
};
`,
    ['Reflect.set'],
  ),
  one(
    'globals',
    'Reflect.get on globalThis under a request key',
    `export const handler = async (event: { key: string }) => Reflect.get(globalThis, event.key);
`,
    [],
  ),
  {
    sub: 'globals',
    name: 'global.x written by an Express route (CommonJS)',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'src/server.js': `const express = require('express');
const app = express();
app.post('/login', (req, res) => {
  global.lastLogin = req.body.user;
  res.send('ok');
});
app.listen(3000);
`,
    },
    lint: 'src/server.js',
    found: ['global.lastLogin'],
  },
  {
    sub: 'globals',
    name: 'global.x set at start-up and read by the route',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'src/server.js': `const express = require('express');
const app = express();
global.startedAt = Date.now();
app.get('/up', (req, res) => {
  res.send(String(Date.now() - global.startedAt));
});
app.listen(3000);
`,
    },
    lint: 'src/server.js',
    found: [],
  },
  one(
    'globals',
    'self under a computed key in a module worker',
    `export default {
  async fetch(request: Request) {
    const url = new URL(request.url);
    (self as any)[url.searchParams.get('k') ?? 'x'] = url.pathname;
    return new Response('ok');
  },
};
`,
    ['(self as any)'],
  ),
  one(
    'globals',
    'self read under a computed key in a module worker',
    `export default {
  async fetch(request: Request) {
    const url = new URL(request.url);
    return new Response(String((self as any)[url.searchParams.get('k') ?? 'x']));
  },
};
`,
    [],
  ),
  one(
    'globals',
    'process.env through a local alias under a template key',
    `export const handler = async (event: { tenant: string }) => {
  const env = process.env;
  env[\`FLAG_\${event.tenant}\`] = 'on';
};
`,
    ['env[`FLAG_'],
  ),
  one(
    'globals',
    'a spread copy of process.env written under the template key',
    `export const handler = async (event: { tenant: string }) => {
  const env = { ...process.env };
  env[\`FLAG_\${event.tenant}\`] = 'on';
  return env;
};
`,
    [],
  ),
  one(
    'globals',
    'a set kept on globalThis, grown per request',
    `const g = globalThis as any;
g.__seen ??= new Set<string>();
export const handler = async (event: { id: string }) => {
  g.__seen.add(event.id);
};
`,
    ['g.__seen.add'],
  ),
  one(
    'globals',
    'a client kept on globalThis, created once lazily',
    `const g = globalThis as any;
export const handler = async () => {
  g.__client ??= { made: Date.now() };
  return g.__client.made;
};
`,
    [],
  ),

  // ---- library-held request context ----
  one(
    'library',
    'a Powertools child logger given the correlation id per request',
    `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger({ serviceName: 'orders' });
const child = logger.createChild();
export const handler = async (event: { requestContext: { requestId: string } }) => {
  child.setCorrelationId(event.requestContext.requestId);
  child.info('start');
};
`,
    ['child.setCorrelationId'],
  ),
  one(
    'library',
    'the child logger reset in finally',
    `import { Logger } from '@aws-lambda-powertools/logger';
const logger = new Logger({ serviceName: 'orders' });
const child = logger.createChild();
export const handler = async (event: { requestContext: { requestId: string } }) => {
  try {
    child.setCorrelationId(event.requestContext.requestId);
    child.info('start');
  } finally {
    child.resetKeys();
  }
};
`,
    [],
  ),
  {
    sub: 'library',
    name: 'a logger exported by another module, keys appended by the handler',
    files: {
      'src/logger.ts': `import { Logger } from '@aws-lambda-powertools/logger';
export const logger = new Logger({ serviceName: 'orders' });
`,
      'src/handler.ts': `import { logger } from './logger';
export const handler = async (event: { user: string }) => {
  logger.appendKeys({ user: event.user });
  logger.info('hello');
};
`,
    },
    lint: 'src/handler.ts',
    found: ['logger.appendKeys'],
  },
  {
    sub: 'library',
    name: 'the exported logger wrapped with injectLambdaContext and resetKeys',
    files: {
      'src/logger.ts': `import { Logger } from '@aws-lambda-powertools/logger';
export const logger = new Logger({ serviceName: 'orders' });
`,
      'src/handler.ts': `import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from './logger';
const run = async (event: { user: string }) => {
  logger.appendKeys({ user: event.user });
  logger.info('hello');
};
export const handler = middy(run).use(injectLambdaContext(logger, { resetKeys: true }));
`,
    },
    lint: 'src/handler.ts',
    found: [],
  },
  one(
    'library',
    'the Sentry isolation scope written per request',
    `import * as Sentry from '@sentry/aws-serverless';
export const handler = async (event: { tenant: string }) => {
  Sentry.getIsolationScope().setTag('tenant', event.tenant);
};
`,
    ['Sentry.getIsolationScope'],
  ),
  one(
    'library',
    'the tag set on a forked scope',
    `import * as Sentry from '@sentry/aws-serverless';
export const handler = async (event: { tenant: string }) => {
  Sentry.withScope((scope) => {
    scope.setTag('tenant', event.tenant);
  });
};
`,
    [],
  ),
  one(
    'library',
    'the Sentry user set with a named import in an Express route',
    `import express from 'express';
import { setUser } from '@sentry/node';
const app = express();
app.get('/me', (req, res) => {
  setUser({ id: String(req.query.id) });
  res.send('ok');
});
app.listen(3000);
`,
    ['setUser({'],
  ),
  one(
    'library',
    'the named-import user set inside withIsolationScope',
    `import express from 'express';
import { setUser, withIsolationScope } from '@sentry/node';
const app = express();
app.get('/me', (req, res) => {
  withIsolationScope(() => {
    setUser({ id: String(req.query.id) });
    res.send('ok');
  });
});
app.listen(3000);
`,
    [],
  ),
  one(
    'library',
    'a logger held in a module object, keys appended by a Lambda',
    `import { Logger } from '@aws-lambda-powertools/logger';
const tools = { logger: new Logger() };
export const handler = async (event: { orderId: string }) => {
  tools.logger.appendKeys({ orderId: event.orderId });
};
`,
    ['tools.logger.appendKeys'],
  ),
  one(
    'library',
    'the logger in the module object given a constant key',
    `import { Logger } from '@aws-lambda-powertools/logger';
const tools = { logger: new Logger() };
export const handler = async () => {
  tools.logger.appendKeys({ stage: 'prod' });
};
`,
    [],
  ),

  // ---- the write reported in the module that holds the state ----
  {
    sub: 'holder',
    name: 'a store called from a handler in a sibling folder',
    files: {
      'src/lib/cart.ts': `const items: string[] = [];
export function addToCart(item: string) {
  items.push(item);
}
`,
      'src/functions/checkout.ts': `import { addToCart } from '../lib/cart';
export const handler = async (event: { item: string }) => {
  addToCart(event.item);
};
`,
    },
    lint: 'src/lib/cart.ts',
    found: ['items.push'],
    says: ['`handler` in ../functions/checkout.ts'],
  },
  {
    sub: 'holder',
    name: 'the store in the sibling folder called at start-up only',
    files: {
      'src/lib/cart.ts': `const items: string[] = [];
export function addToCart(item: string) {
  items.push(item);
}
`,
      'src/functions/checkout.ts': `import { addToCart } from '../lib/cart';
addToCart('warm');
export const handler = async () => ({ statusCode: 200 });
`,
    },
    lint: 'src/lib/cart.ts',
    found: [],
  },
  {
    sub: 'holder',
    name: 'an exported object whose method writes a module Map, called by an Express route module',
    files: {
      'src/sessions.ts': `const active = new Map<string, string>();
export const sessions = {
  open(id: string, user: string) {
    active.set(id, user);
  },
  count: () => active.size,
};
`,
      'src/app.ts': `import express from 'express';
import { sessions } from './sessions';
const app = express();
app.post('/login', (req, res) => {
  sessions.open(String(req.body.id), String(req.body.user));
  res.send('ok');
});
app.listen(3000);
`,
    },
    lint: 'src/sessions.ts',
    found: ['active.set'],
    says: ['./app.ts'],
  },
  {
    sub: 'holder',
    name: 'the route only counts the sessions',
    files: {
      'src/sessions.ts': `const active = new Map<string, string>();
export const sessions = {
  open(id: string, user: string) {
    active.set(id, user);
  },
  count: () => active.size,
};
`,
      'src/app.ts': `import express from 'express';
import { sessions } from './sessions';
const app = express();
app.get('/count', (req, res) => {
  res.send(String(sessions.count()));
});
app.listen(3000);
`,
    },
    lint: 'src/sessions.ts',
    found: [],
  },
  {
    sub: 'holder',
    name: 'an exported class instance whose method pushes on this',
    files: {
      'src/repo.ts': `class Repo {
  rows: string[] = [];
  insert(row: string) {
    this.rows.push(row);
  }
}
export const repo = new Repo();
`,
      'src/handler.ts': `import { repo } from './repo';
export const handler = async (event: { row: string }) => {
  repo.insert(event.row);
};
`,
    },
    lint: 'src/repo.ts',
    found: ['this.rows.push'],
    says: ['./handler.ts'],
  },
  {
    sub: 'holder',
    name: 'the exported instance made fresh by the handler through the class',
    files: {
      'src/repo.ts': `export class Repo {
  rows: string[] = [];
  insert(row: string) {
    this.rows.push(row);
  }
}
`,
      'src/handler.ts': `import { Repo } from './repo';
export const handler = async (event: { row: string }) => {
  const repo = new Repo();
  repo.insert(event.row);
  return repo.rows;
};
`,
    },
    lint: 'src/repo.ts',
    found: [],
  },
  {
    sub: 'holder',
    name: 'a CommonJS store reached through a service module',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'lib/audit.js': `const entries = [];
module.exports.record = function record(entry) {
  entries.push(entry);
};
`,
      'lib/service.js': `const audit = require('./audit');
exports.placeOrder = async (order) => {
  audit.record(order.id);
  return order;
};
`,
      'handler.js': `const { placeOrder } = require('./lib/service');
exports.handler = async (event) => placeOrder(JSON.parse(event.body));
`,
    },
    lint: 'lib/audit.js',
    found: ['entries.push'],
    says: ['`handler` in ../handler.js'],
  },
  {
    sub: 'holder',
    name: 'the CommonJS service records only a start-up entry',
    files: {
      'package.json': JSON.stringify({ name: 'app' }),
      'lib/audit.js': `const entries = [];
module.exports.record = function record(entry) {
  entries.push(entry);
};
`,
      'lib/service.js': `const audit = require('./audit');
audit.record('boot');
exports.placeOrder = async (order) => order;
`,
      'handler.js': `const { placeOrder } = require('./lib/service');
exports.handler = async (event) => placeOrder(JSON.parse(event.body));
`,
    },
    lint: 'lib/audit.js',
    found: [],
  },
];

describe('varied reach and state', () => {
  for (const sub of ['dispatch', 'factory-handler', 'closure', 'globals', 'library', 'holder'] as const) {
    describe(sub, () => {
      for (const variant of VARIANTS.filter((v) => v.sub === sub)) {
        const label = `${variant.found.length > 0 ? 'leak' : 'safe'}: ${variant.name}`;
        if (variant.gap) it.fails(`${label} (gap: ${variant.gap})`, () => check(variant));
        else it(label, () => check(variant));
      }
    });
  }
});

// ---- findings do not depend on lint order ----

const ORDER_STORE = `const seen: string[] = [];
export function note(value: string) {
  seen.push(value);
}
export function count() {
  return seen.length;
}
`;

function orderProject(): string {
  return makeProject(
    {
      'package.json': PACKAGE,
      'src/store.ts': ORDER_STORE,
      'src/a.ts': `import { note } from './store';\nexport const handler = async (event: { id: string }) => {\n  note(event.id);\n};\n`,
      'src/b.ts': `import { note, count } from './store';\nexport const handler = async (event: { id: string }) => {\n  note(event.id);\n  return count();\n};\n`,
      'src/quiet.ts': `import { count } from './store';\nexport const handler = async () => count();\n`,
    },
    'handler-state-varied-order-',
  );
}

async function findingsOf(root: string, order: string[], eslint = eslintIn(root)): Promise<Record<string, string[]>> {
  const results = await eslint.lintFiles(order.map((file) => path.join(root, file)));
  return Object.fromEntries(
    results.map((result) => [
      path.relative(root, result.filePath).split(path.sep).join('/'),
      result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    ]),
  );
}

describe('varied reach and state: lint order', () => {
  it('leak: the store is reported the same alone, after its importers, and before them', async () => {
    const root = orderProject();
    const alone = (await findingsOf(root, ['src/store.ts']))['src/store.ts'];
    expect(alone.length).toBeGreaterThan(0);
    const after = (await findingsOf(root, ['src/a.ts', 'src/b.ts', 'src/store.ts']))['src/store.ts'];
    const again = (await findingsOf(root, ['src/store.ts', 'src/a.ts']))['src/store.ts'];
    expect(after).toEqual(alone);
    expect(again).toEqual(alone);
  });

  it('leak: a handler is reported the same cold and after a sibling warmed the shared module', async () => {
    const cold = (await findingsOf(orderProject(), ['src/b.ts']))['src/b.ts'];
    expect(cold.length).toBeGreaterThan(0);
    const root = orderProject();
    const warmed = (await findingsOf(root, ['src/a.ts', 'src/store.ts', 'src/b.ts']))['src/b.ts'];
    expect(warmed).toEqual(cold);
  });

  it('leak: the same ESLint instance lints a file twice with the same findings', async () => {
    const root = orderProject();
    const eslint = eslintIn(root);
    const first = await findingsOf(root, ['src/a.ts', 'src/store.ts'], eslint);
    const second = await findingsOf(root, ['src/store.ts', 'src/a.ts'], eslint);
    expect(first['src/a.ts'].length).toBeGreaterThan(0);
    expect(second).toEqual(first);
  });

  it('leak: every file gets the same findings in forward and reverse order', async () => {
    const files = ['src/a.ts', 'src/b.ts', 'src/quiet.ts', 'src/store.ts'];
    const forward = await findingsOf(orderProject(), files);
    const reverse = await findingsOf(orderProject(), [...files].reverse());
    expect(reverse).toEqual(forward);
  });

  it('a reading handler stays quiet alone and after the writing handlers warmed the store', async () => {
    const root = orderProject();
    expect((await findingsOf(root, ['src/quiet.ts']))['src/quiet.ts']).toEqual([]);
    const warmed = await findingsOf(root, ['src/a.ts', 'src/b.ts', 'src/store.ts', 'src/quiet.ts']);
    expect(warmed['src/quiet.ts']).toEqual([]);
  });

  it('a store whose importers only read stays quiet whatever was linted first', async () => {
    const root = makeProject(
      {
        'package.json': PACKAGE,
        'src/store.ts': ORDER_STORE,
        'src/quiet.ts': `import { count } from './store';\nexport const handler = async () => count();\n`,
        'src/boot.ts': `import { note } from './store';\nnote('boot');\nexport const handler = async () => 'ok';\n`,
      },
      'handler-state-varied-order-',
    );
    expect((await findingsOf(root, ['src/store.ts']))['src/store.ts']).toEqual([]);
    const after = await findingsOf(root, ['src/boot.ts', 'src/quiet.ts', 'src/store.ts']);
    expect(after['src/store.ts']).toEqual([]);
  });
});
