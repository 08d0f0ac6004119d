// Builds handler modules from the foundation's building blocks (state shapes, write forms, aliases, helpers, nesting, lazy init) for property tests and benchmarks.
// Self-contained on purpose (no imports): bench/ transpiles this file on the fly and imports it from plain Node.

/** The shape of a module-scope value, as its initialiser shows it. */
export type Shape = 'array' | 'map' | 'set' | 'object' | 'string' | 'counter';

/** How a handler writes a module-scope value. */
export type WriteForm =
  | 'push'
  | 'unshift'
  | 'spreadAppend'
  | 'add'
  | 'mapSet'
  | 'computedWrite'
  | 'propertyWrite'
  | 'objectAssign'
  | 'delete'
  | 'append'
  | 'increment'
  | 'addAssign';

/** Guarded lazy initialisation in front of the write (collections only); the write itself is still request-time. */
export type LazyInit = 'none' | 'ifNot' | 'nullish' | 'logicalOr';

export type Placement =
  | { kind: 'direct' }
  /** Inside `depth` nested callbacks in the handler. */
  | { kind: 'callback'; depth: number }
  /** In a module-level helper reached through a chain of `depth` helpers (1 = called directly by the handler). */
  | { kind: 'helper'; depth: number };

export interface StateSpec {
  shape: Shape;
  lazy: LazyInit;
  /** Declared inside the handler instead of at module scope (only valid when no helper writes it). */
  local: boolean;
}

export interface WriteSpec {
  /** Index into `ModuleSpec.states`. */
  state: number;
  form: WriteForm;
  /** Write through a local alias (`const a = state; a.push(…)`); ignored for forms that rebind the variable. */
  alias: boolean;
  placement: Placement;
}

export type HandlerStyle = 'esmFunction' | 'esmArrow' | 'cjsExports' | 'cjsModuleExports';

/** Statements that have nothing to do with the handler's writes; adding them must not change the findings. */
export type UnrelatedKind =
  | 'pureConst'
  | 'unusedFunction'
  | 'consoleLog'
  | 'topLevelInitWrite'
  | 'exportedUtility'
  | 'handlerLocalWrite'
  | 'handlerRead';

export interface ModuleSpec {
  style: HandlerStyle;
  states: StateSpec[];
  writes: WriteSpec[];
  unrelated: UnrelatedKind[];
  /** Exported name of the handler; default `handler`. Other names get the `(event, context)` signature. */
  handlerName?: string;
}

export const SHAPES: readonly Shape[] = ['array', 'map', 'set', 'object', 'string', 'counter'];

export const FORMS_BY_SHAPE: Readonly<Record<Shape, readonly WriteForm[]>> = {
  array: ['push', 'unshift', 'spreadAppend'],
  set: ['add'],
  map: ['mapSet'],
  object: ['computedWrite', 'propertyWrite', 'objectAssign', 'delete'],
  string: ['append'],
  counter: ['increment', 'addAssign'],
};

/**
 * The rule each write form belongs to (one report per write site, from the most specific rule):
 * growth for push/unshift/spread/add/`+=` on strings, cache for writes under a request-derived key,
 * request data for request values stored in module state, and the strict catch-all for the rest.
 */
export const EXPECTED_RULE: Readonly<Record<WriteForm, string>> = {
  push: 'handler-state/no-unbounded-growth',
  unshift: 'handler-state/no-unbounded-growth',
  spreadAppend: 'handler-state/no-unbounded-growth',
  add: 'handler-state/no-unbounded-growth',
  append: 'handler-state/no-unbounded-growth',
  mapSet: 'handler-state/no-unbounded-cache',
  computedWrite: 'handler-state/no-unbounded-cache',
  propertyWrite: 'handler-state/no-request-data-in-module-scope',
  objectAssign: 'handler-state/no-request-data-in-module-scope',
  delete: 'handler-state/no-module-state-write',
  increment: 'handler-state/no-module-state-write',
  addAssign: 'handler-state/no-module-state-write',
};

/**
 * The rule for one write of a module, given the module's other writes. The cache rule needs "no eviction":
 * a `delete` from the same object at request time evicts, so a keyed write there is an ordinary write instead.
 */
export function expectedRule(spec: ModuleSpec, index: number): string {
  const write = spec.writes[index];
  if (write.form === 'computedWrite') {
    const evicted = spec.writes.some((other) => other.state === write.state && other.form === 'delete');
    if (evicted) return 'handler-state/no-module-state-write';
  }
  return EXPECTED_RULE[write.form];
}

/** Forms that mutate the value (so an alias writes the same object); the others rebind the variable. */
export const ALIASABLE: ReadonlySet<WriteForm> = new Set<WriteForm>([
  'push',
  'unshift',
  'add',
  'mapSet',
  'computedWrite',
  'propertyWrite',
  'objectAssign',
  'delete',
]);

export const LAZY_SHAPES: ReadonlySet<Shape> = new Set<Shape>(['array', 'map', 'set', 'object']);

/** Names the analysis gives meaning to (platform names, wrappers, globals) or the language reserves: never rename to these. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await async of get set as from type ' +
    'undefined NaN Infinity arguments eval globalThis global window self module exports require process console ' +
    'Object Array Map Set WeakMap WeakSet Promise Date JSON Math String Number Boolean Symbol Error Reflect Proxy ' +
    'setTimeout setInterval queueMicrotask structuredClone ' +
    'handler lambdaHandler event evt _event _evt context ctx _context _ctx callback cb _callback _cb ' +
    'middy wrapHandler streamifyResponse datadog makeIdempotent captureLambdaHandler withSentry awslambda Sentry ' +
    'LRUCache QuickLRU TTLCache lru cache ' +
    // fixed parameter names the templates use
    'plugin value n'
  ).split(' '),
);

export interface RenderedModule {
  code: string;
  sourceType: 'module' | 'commonjs';
  /** 1-based line of each write, in `spec.writes` order. */
  writeLines: number[];
  /** Every identifier the generator chose (not the fixed platform names), in order of first use. */
  names: string[];
}

export type Rename = (base: string) => string;

function initOf(shape: Shape): string {
  switch (shape) {
    case 'array':
      return '[]';
    case 'map':
      return 'new Map()';
    case 'set':
      return 'new Set()';
    case 'object':
      return '{}';
    case 'string':
      return "''";
    case 'counter':
      return '0';
  }
}

function lazyInitLine(lazy: LazyInit, target: string, shape: Shape): string | null {
  const init = initOf(shape);
  switch (lazy) {
    case 'none':
      return null;
    case 'ifNot':
      return `if (!${target}) ${target} = ${init};`;
    case 'nullish':
      return `${target} ??= ${init};`;
    case 'logicalOr':
      return `${target} ||= ${init};`;
  }
}

function writeLine(form: WriteForm, target: string, request: string): string {
  switch (form) {
    case 'push':
      return `${target}.push(${request}.id);`;
    case 'unshift':
      return `${target}.unshift(${request}.id);`;
    case 'spreadAppend':
      return `${target} = [...${target}, ${request}.id];`;
    case 'add':
      return `${target}.add(${request}.id);`;
    case 'mapSet':
      return `${target}.set(${request}.id, Date.now());`;
    case 'computedWrite':
      return `${target}[${request}.id] = true;`;
    case 'propertyWrite':
      return `${target}.last = ${request}.body;`;
    case 'objectAssign':
      return `Object.assign(${target}, ${request}.overrides);`;
    case 'delete':
      return `delete ${target}[${request}.id];`;
    case 'append':
      return `${target} += ${request}.line;`;
    case 'increment':
      return `${target}++;`;
    case 'addAssign':
      return `${target} += 1;`;
  }
}

/** Lines that build up one file, remembering where each write landed. */
class Lines {
  readonly lines: string[] = [];
  push(indent: number, text: string): number {
    this.lines.push(`${'  '.repeat(indent)}${text}`);
    return this.lines.length;
  }
}

function isLazy(state: StateSpec): boolean {
  return state.lazy !== 'none' && LAZY_SHAPES.has(state.shape);
}

/**
 * Emits lazy init (when the state has one), an alias (when asked), and the write itself.
 * Returns the line of the write.
 */
function emitWrite(
  out: Lines,
  indent: number,
  spec: ModuleSpec,
  write: WriteSpec,
  index: number,
  request: string,
  name: Rename,
): number {
  const state = spec.states[write.state];
  const stateName = name(`state${write.state}`);
  const lazy = isLazy(state) ? lazyInitLine(state.lazy, stateName, state.shape) : null;
  if (lazy) out.push(indent, lazy);
  let target = stateName;
  if (write.alias && ALIASABLE.has(write.form)) {
    target = name(`alias${index}`);
    out.push(indent, `const ${target} = ${stateName};`);
  }
  return out.push(indent, writeLine(write.form, target, request));
}

function validForm(spec: ModuleSpec, write: WriteSpec): boolean {
  const state = spec.states[write.state];
  return state !== undefined && FORMS_BY_SHAPE[state.shape].includes(write.form);
}

/** Checks the invariants the renderer relies on; a spec that fails them is a bug in the caller. */
export function checkSpec(spec: ModuleSpec): void {
  spec.writes.forEach((write, index) => {
    if (!validForm(spec, write)) throw new Error(`write ${index}: form ${write.form} does not fit its state`);
    if (write.placement.kind === 'helper' && spec.states[write.state].local) {
      throw new Error(`write ${index}: a helper cannot write a handler-local state`);
    }
  });
}

/** Renders a spec into source text. `rename` maps every generator-chosen identifier (for the renaming invariant). */
export function renderModule(spec: ModuleSpec, rename: Rename = (base) => base): RenderedModule {
  checkSpec(spec);
  const names: string[] = [];
  const seen = new Set<string>();
  const name: Rename = (base) => {
    const renamed = rename(base);
    if (!seen.has(renamed)) {
      seen.add(renamed);
      names.push(renamed);
    }
    return renamed;
  };
  const cjs = spec.style === 'cjsExports' || spec.style === 'cjsModuleExports';
  const handlerName = spec.handlerName ?? 'handler';
  const params = handlerName === 'handler' || handlerName === 'lambdaHandler' ? 'event' : 'event, context';
  const out = new Lines();
  const writeLines: number[] = new Array<number>(spec.writes.length).fill(0);

  // Module state.
  spec.states.forEach((state, index) => {
    if (state.local) return;
    const stateName = name(`state${index}`);
    if (isLazy(state)) out.push(0, `let ${stateName};`);
    else out.push(0, `let ${stateName} = ${initOf(state.shape)};`);
  });

  // Helper chains, declared before the handler: helper{w}_1 is called by the handler, helper{w}_{depth} writes.
  spec.writes.forEach((write, index) => {
    if (write.placement.kind !== 'helper') return;
    const depth = Math.max(1, write.placement.depth);
    for (let level = 1; level <= depth; level++) {
      const helper = name(`helper${index}_${level}`);
      const param = name(`input${index}_${level}`);
      out.push(0, `function ${helper}(${param}) {`);
      if (level < depth) out.push(1, `${name(`helper${index}_${level + 1}`)}(${param});`);
      else writeLines[index] = emitWrite(out, 1, spec, write, index, param, name);
      out.push(0, '}');
    }
  });

  // The handler.
  if (spec.style === 'esmFunction') out.push(0, `export async function ${handlerName}(${params}) {`);
  else if (spec.style === 'esmArrow') out.push(0, `export const ${handlerName} = async (${params}) => {`);
  else if (spec.style === 'cjsExports') out.push(0, `exports.${handlerName} = async (${params}) => {`);
  else out.push(0, `module.exports.${handlerName} = async function (${params}) {`);

  spec.states.forEach((state, index) => {
    if (!state.local) return;
    const stateName = name(`state${index}`);
    if (isLazy(state)) out.push(1, `let ${stateName};`);
    else out.push(1, `let ${stateName} = ${initOf(state.shape)};`);
  });

  spec.writes.forEach((write, index) => {
    const placement = write.placement;
    if (placement.kind === 'direct') {
      writeLines[index] = emitWrite(out, 1, spec, write, index, 'event', name);
    } else if (placement.kind === 'callback') {
      const depth = Math.max(1, placement.depth);
      for (let level = 1; level <= depth; level++) {
        const item = name(`item${index}_${level}`);
        // Alternate two callback forms so both arrow functions and function expressions are nested.
        if (level % 2 === 1) out.push(level, `[${level}].forEach((${item}) => {`);
        else out.push(level, `Promise.resolve(${level}).then(function (${item}) {`);
      }
      writeLines[index] = emitWrite(out, depth + 1, spec, write, index, 'event', name);
      for (let level = depth; level >= 1; level--) out.push(level, '});');
    } else {
      out.push(1, `${name(`helper${index}_1`)}(event);`);
    }
  });

  // Unrelated statements inside the handler come after every write, so no write line moves.
  spec.unrelated.forEach((kind, index) => {
    if (kind === 'handlerLocalWrite') {
      const local = name(`unrelated${index}`);
      out.push(1, `const ${local} = [event.id];`);
      out.push(1, `${local}.push(1);`);
    } else if (kind === 'handlerRead' && spec.states.length > 0) {
      const stateIndex = index % spec.states.length;
      out.push(1, `console.log(typeof ${name(`state${stateIndex}`)});`);
    }
  });
  out.push(1, 'return { statusCode: 200 };');
  out.push(0, cjs || spec.style === 'esmArrow' ? '};' : '}');

  // Unrelated module-level statements go at the end of the file.
  spec.unrelated.forEach((kind, index) => {
    if (kind === 'handlerLocalWrite' || kind === 'handlerRead') return;
    const unrelated = name(`unrelated${index}`);
    switch (kind) {
      case 'pureConst':
        out.push(0, `const ${unrelated} = [1, 2, 3].map((n) => n * 2);`);
        break;
      case 'unusedFunction':
        out.push(0, `function ${unrelated}(value) {`);
        out.push(1, 'return value + 1;');
        out.push(0, '}');
        break;
      case 'consoleLog':
        out.push(0, `console.log('${unrelated}', ${index});`);
        break;
      case 'topLevelInitWrite':
        out.push(0, `const ${unrelated} = new Map();`);
        out.push(0, `${unrelated}.set('key', ${index});`);
        break;
      case 'exportedUtility': {
        // An exported utility that registers things at start-up: not a handler (start-up code).
        const register = name(`register${index}`);
        out.push(0, `const ${unrelated} = [];`);
        if (cjs) out.push(0, `exports.${register} = function (plugin) {`);
        else out.push(0, `export function ${register}(plugin) {`);
        out.push(1, `${unrelated}.push(plugin);`);
        out.push(0, cjs ? '};' : '}');
        break;
      }
    }
  });

  return { code: `${out.lines.join('\n')}\n`, sourceType: cjs ? 'commonjs' : 'module', writeLines, names };
}

/** The identifiers `renderModule` would choose for this spec, before renaming. */
export function baseNames(spec: ModuleSpec): string[] {
  return renderModule(spec).names;
}

/** A small deterministic PRNG (mulberry32), so benchmarks and generated files are reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A random but valid spec, drawn from a seeded PRNG (the benchmarks' counterpart of the fast-check arbitrary). */
export function randomSpec(random: () => number, style: HandlerStyle): ModuleSpec {
  const states: StateSpec[] = [];
  const stateCount = 1 + Math.floor(random() * 3);
  for (let i = 0; i < stateCount; i++) {
    states.push({
      shape: pick(random, SHAPES),
      lazy: pick(random, ['none', 'none', 'ifNot', 'nullish', 'logicalOr'] as const),
      local: false,
    });
  }
  const writes: WriteSpec[] = [];
  const writeCount = 1 + Math.floor(random() * 4);
  for (let i = 0; i < writeCount; i++) {
    const state = Math.floor(random() * stateCount);
    const roll = random();
    const placement: Placement =
      roll < 0.4
        ? { kind: 'direct' }
        : roll < 0.7
          ? { kind: 'callback', depth: 1 + Math.floor(random() * 3) }
          : { kind: 'helper', depth: 1 + Math.floor(random() * 3) };
    writes.push({ state, form: pick(random, FORMS_BY_SHAPE[states[state].shape]), alias: random() < 0.3, placement });
  }
  const unrelated: UnrelatedKind[] = [];
  const unrelatedCount = Math.floor(random() * 3);
  for (let i = 0; i < unrelatedCount; i++) {
    unrelated.push(
      pick(random, ['pureConst', 'unusedFunction', 'consoleLog', 'topLevelInitWrite', 'handlerRead'] as const),
    );
  }
  return { style, states, writes, unrelated };
}

export interface LargeModule {
  code: string;
  sourceType: 'module' | 'commonjs';
  lines: number;
  handlers: number;
  writes: number;
}

/**
 * A file of at least `lines` lines made of many small handler modules glued together, each with its own
 * handler (`handler{i}(event, context)`), state, helpers and writes; names get a `_{i}` suffix to stay unique.
 */
export function generateLargeModule(options: { lines: number; seed: number; style?: HandlerStyle }): LargeModule {
  const style = options.style ?? 'esmFunction';
  const random = prng(options.seed);
  const parts: string[] = [];
  let lines = 0;
  let handlers = 0;
  let writes = 0;
  while (lines < options.lines) {
    const block = handlers;
    const spec: ModuleSpec = { ...randomSpec(random, style), handlerName: `handler${block}` };
    const rendered = renderModule(spec, (base) => `${base}_${block}`);
    parts.push(rendered.code);
    lines += rendered.code.split('\n').length - 1;
    handlers++;
    writes += spec.writes.length;
  }
  const cjs = style === 'cjsExports' || style === 'cjsModuleExports';
  return { code: parts.join(''), sourceType: cjs ? 'commonjs' : 'module', lines, handlers, writes };
}
