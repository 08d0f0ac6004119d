// Reads module state without touching the user's code: the V8 inspector lists a function's [[Scopes]] (Module,
// Closure, Block) and every value held there; properties, entries, private fields and promise results are read as
// the debugger reads them, so no getter, proxy trap or toString of the user's runs. Each of the user's modules is
// reached directly: a conditional breakpoint on its first line (whose condition is false, so it never pauses)
// creates a probe closure in the module's own scope as the module starts to run.
import { createHash, type Hash } from 'node:crypto';
import inspector from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { canariesIn } from '../canary.js';
import type { BindingInfo, NodeRecord, ReadLimits, Snapshot } from '../types.js';

type Remote = inspector.Runtime.RemoteObject;
type Property = inspector.Runtime.PropertyDescriptor;
type InternalProperty = inspector.Runtime.InternalPropertyDescriptor;
/** Runtime.PrivatePropertyDescriptor, which Node's typings leave out. */
interface PrivateProperty {
  name: string;
  value?: Remote;
}

interface Properties {
  result: Property[];
  internalProperties?: InternalProperty[];
  privateProperties?: PrivateProperty[];
}

/** Where a read starts: a module's exports object or a handler function. */
export interface Root {
  value: unknown;
  binding: BindingInfo;
  /** Read after the module scopes, so that a value both exported and held in a variable is named by the variable. */
  late?: boolean;
}

/** Names a cache uses for its own bound; a positive finite value means it evicts by itself. */
const BOUND_NAMES = new Set(['max', 'maxsize', 'maxentries', 'maxitems', 'maxkeys', 'capacity', 'ttl', 'maxage']);
/**
 * Caches that cannot be built without a bound (a size limit or a TTL) but keep it where it cannot be read:
 * lru-cache's published build renames its class and its private fields, so it is known by its option fields.
 */
const BOUNDED_CLASSES = new Set(['LRUCache', 'QuickLRU', 'TTLCache', 'LRUMap', 'LruMap']);
const BOUNDED_SHAPES: readonly (readonly string[])[] = [
  ['maxEntrySize', 'ttlAutopurge', 'allowStale', 'noDisposeOnSet'],
];
/** Longest string read whole; longer ones are read at both ends (where appended request data is). */
const MAX_STRING = 64 * 1024;
/** Beyond this depth, functions held in plain objects (a framework's methods) are not read. */
const FUNCTION_DEPTH = 4;

/** `[ownKeys index, name, kind, primitive value, enumerable, is symbol]` */
type PlainRow = [number, string, string, unknown, boolean, boolean];

/**
 * Runs in the page on a plain object (never a proxy): lists own properties from their descriptors, so no getter
 * runs. Keeps `max` keys from each end of a big object; strings longer than `maxString` keep both ends.
 */
const PLAIN_LISTER = `function (max, maxString) {
  const keys = Reflect.ownKeys(this);
  const picked = keys.length > 2 * max ? keys.slice(0, max).concat(keys.slice(-max)) : keys;
  const rows = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const descriptor = Object.getOwnPropertyDescriptor(this, key);
    if (!descriptor) continue;
    const name = typeof key === 'symbol' ? String(key) : key;
    const symbol = typeof key === 'symbol';
    if (!picked.includes(key)) { rows.push([i, name, 'skipped', null, descriptor.enumerable, symbol]); continue; }
    if (!('value' in descriptor)) { rows.push([i, name, 'accessor', null, descriptor.enumerable, symbol]); continue; }
    const value = descriptor.value;
    let kind = value === null ? 'null' : typeof value;
    let out = null;
    if (kind === 'string') out = value.length > maxString ? value.slice(0, maxString / 2) + value.slice(-maxString / 2) : value;
    else if (kind === 'number') out = Number.isFinite(value) ? value : String(value);
    else if (kind === 'boolean') out = value;
    else if (kind === 'bigint') out = String(value);
    else if (kind === 'symbol') out = String(value);
    if (kind === 'string' && value.length > maxString) kind = 'string:' + value.length;
    rows.push([i, name, kind, out, descriptor.enumerable, symbol]);
  }
  return rows;
}`;

const PLAIN_VALUES = `function (indexes) {
  const keys = Reflect.ownKeys(this);
  return indexes.map((i) => Object.getOwnPropertyDescriptor(this, keys[i]).value);
}`;

/** Data properties by name (an accessor reads as undefined: it is never called). */
const PLAIN_VALUES_BY_NAME = `function (names) {
  return names.map((name) => { const d = Object.getOwnPropertyDescriptor(this, name); return d && 'value' in d ? d.value : undefined; });
}`;

function primitiveRemote(kind: string, value: unknown): Remote {
  if (kind.startsWith('string')) return { type: 'string', value };
  if (kind === 'null') return { type: 'object', subtype: 'null', value: null };
  if (kind === 'undefined') return { type: 'undefined' };
  if (kind === 'bigint') return { type: 'bigint', unserializableValue: `${String(value)}n` };
  if (kind === 'symbol') return { type: 'symbol', description: String(value) };
  if (kind === 'number' && typeof value !== 'number') return { type: 'number', unserializableValue: String(value) };
  if (kind === 'function') return { type: 'function', description: 'function' };
  return { type: kind, value };
}

/** Own properties of functions that are language plumbing, not state. */
const FUNCTION_PLUMBING = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);
/** Scope kinds that hold module or closure state; Global is read separately, Script/Local/With are not state. */
const STATE_SCOPES = /^(Module|Closure|Block|Catch)\b/u;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
const IDENTITY_GLOBAL = '__handlerStateVerifyIdentity';
const PROBE_GLOBAL = '__handlerStateVerifyProbe';
const ROOTS_GLOBAL = '__handlerStateVerifyRoots';
const GROUP = 'handler-state-verify';

function quote(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}

function memberPath(base: string, key: string): string {
  return IDENTIFIER.test(key) ? `${base}.${key}` : /^\d+$/u.test(key) ? `${base}[${key}]` : `${base}[${quote(key)}]`;
}

/** A primitive's short text for a path (`cache.get("k")`) and for digests. */
function primitiveText(remote: Remote): string {
  if (remote.type === 'string') return quote(String(remote.value));
  if (remote.unserializableValue !== undefined) return remote.unserializableValue;
  if (remote.type === 'undefined') return 'undefined';
  if (remote.subtype === 'null') return 'null';
  if (remote.type === 'symbol') return remote.description ?? 'Symbol()';
  return String(remote.value);
}

function sizeFrom(description: string | undefined): number | undefined {
  const match = /\((\d+)\)$/u.exec(description ?? '');
  return match ? Number(match[1]) : undefined;
}

function isPrimitive(remote: Remote): boolean {
  return !(remote.type === 'object' || remote.type === 'function') || remote.subtype === 'null' || !remote.objectId;
}

function toUrl(url: string): string {
  return url.startsWith('/') ? pathToFileURL(url).href : url;
}

interface Task {
  remote: Remote;
  path: string;
  b: number;
  depth: number;
  bounded: boolean;
  keyCanaries: number[];
  /** Identity, when already asked for together with its siblings. */
  id?: number;
}

interface ScopeTask {
  scopes: Remote;
  url: string;
  depth: number;
  /** The function's own place: locals of enclosing functions are read as part of it. */
  holder: { b: number; path: string; bounded: boolean };
}

interface ScopeEntry {
  description: string;
  variables: Property[];
}

/** One snapshot's bookkeeping. */
class Walk {
  readonly bindings: BindingInfo[] = [];
  readonly hashes: Hash[] = [];
  readonly nodes: NodeRecord[] = [];
  readonly #bindingIndex = new Map<string, number>();
  readonly seenObjects = new Set<number>();
  readonly seenScopes = new Set<string>();
  readonly queue: Task[] = [];
  /** Scopes of library functions: read after the user's own state, while the budget lasts. */
  readonly libraryScopes: ScopeTask[] = [];
  readonly userScopes: ScopeTask[] = [];
  readonly lateRoots: Task[] = [];
  budget: number;
  /** No single binding (a framework's app instance) may take more than this share of the budget. */
  readonly perBinding: number;
  readonly spent = new Map<number, number>();
  truncated = false;

  constructor(budget: number) {
    this.budget = budget;
    this.perBinding = Math.max(100, Math.floor(budget / 4));
  }

  binding(info: BindingInfo): number {
    const key = `${info.module}\u0000${info.scope}\u0000${info.name}\u0000${info.holder ?? ''}`;
    let index = this.#bindingIndex.get(key);
    if (index === undefined) {
      index = this.bindings.length;
      this.bindings.push(info);
      this.hashes.push(createHash('sha1'));
      this.#bindingIndex.set(key, index);
    }
    return index;
  }

  digest(b: number, part: string): void {
    this.hashes[b].update(part).update('\u0001');
  }
}

export class StateReader {
  readonly #session = new inspector.Session();
  readonly #scripts = new Map<string, string>();
  readonly #limits: ReadLimits;
  /** One closure per user module, created in that module's scope, in load order. */
  readonly #probes = new Map<string, () => number>();
  /** Variable names of each probed module's own scope, to tell it apart from a function's locals. */
  readonly #moduleNames = new Map<string, string>();

  /** `own`: URL prefixes of the verifier's own modules, which are never read. */
  constructor(limits: ReadLimits, own: readonly string[]) {
    this.#limits = limits;
    this.#session.connect();
    Object.defineProperty(globalThis, PROBE_GLOBAL, {
      value: (url: string, probe: () => number) => {
        if (!this.#probes.has(url)) this.#probes.set(url, probe);
        return false;
      },
      enumerable: false,
      configurable: true,
    });
    this.#session.on('Debugger.scriptParsed', (message) => {
      const { scriptId } = message.params;
      const url = toUrl(message.params.url);
      this.#scripts.set(scriptId, url);
      if (!url.startsWith('file:') || url.includes('/node_modules/') || own.some((prefix) => url.startsWith(prefix))) {
        return;
      }
      // Set before the module runs (scriptParsed is dispatched synchronously): the condition is evaluated in the
      // module's scope when its first statement runs, hands over a closure and answers false.
      try {
        this.#post('Debugger.setBreakpoint', {
          location: { scriptId, lineNumber: 0, columnNumber: 0 },
          condition: `globalThis.${PROBE_GLOBAL}(${JSON.stringify(url)}, () => 0)`,
        });
      } catch {
        // No breakable location (an empty module): nothing to read there.
      }
    });
    this.#post('Debugger.enable', {});
    // Object identity across reads and snapshots: a WeakMap, so nothing the handler owns is kept alive.
    const ids = new WeakMap<object, number>();
    let next = 1;
    Object.defineProperty(globalThis, IDENTITY_GLOBAL, {
      value: (value: object) => {
        let id = ids.get(value);
        if (id === undefined) {
          id = next++;
          ids.set(value, id);
        }
        return id;
      },
      enumerable: false,
      configurable: true,
    });
  }

  /** Inspector calls on the same thread answer synchronously; anything else is a bug worth a clear error. */
  #post<T>(method: string, params: object): T {
    let result: T | undefined;
    // Assigned in the callback, which control-flow analysis does not see: typed apart from the `null` it starts as.
    let failure = null as Error | null;
    let answered = false;
    this.#session.post(method, params, (error: Error | null, value?: object) => {
      failure = error;
      result = value as T;
      answered = true;
    });
    if (!answered) throw new Error(`inspector did not answer ${method} synchronously`);
    if (failure) throw failure;
    return result as T;
  }

  #properties(objectId: string): Properties {
    return this.#post<Properties>('Runtime.getProperties', { objectId, ownProperties: true, generatePreview: false });
  }

  #identity(objectId: string): number {
    const { result } = this.#post<{ result: Remote }>('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function () { return globalThis.${IDENTITY_GLOBAL}(this); }`,
      returnByValue: true,
      silent: true,
    });
    return Number(result.value);
  }

  /** Queues tasks, asking for the identities of all their objects in one call. */
  #enqueue(walk: Walk, tasks: Task[]): void {
    const objects = tasks.filter((task) => !isPrimitive(task.remote) && task.id === undefined);
    if (objects.length > 1) {
      const { result } = this.#post<{ result: Remote }>('Runtime.callFunctionOn', {
        objectId: objects[0].remote.objectId,
        functionDeclaration: `function (...values) { return values.map((value) => globalThis.${IDENTITY_GLOBAL}(value)); }`,
        arguments: objects.map((task) => ({ objectId: task.remote.objectId })),
        returnByValue: true,
        silent: true,
      });
      const ids = result.value as number[];
      objects.forEach((task, index) => {
        task.id = ids[index];
      });
    }
    walk.queue.push(...tasks);
  }

  /**
   * Own properties of a plain object, listed in the page rather than by getProperties: the inspector would
   * serialise the source text of every function-valued property, megabytes for a framework's app object. Data
   * properties only are read (descriptors, never a getter); functions are fetched only when `functions` is set.
   */
  #plainProperties(objectId: string, functions: boolean): Properties {
    const { result: listing } = this.#post<{ result: Remote }>('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: PLAIN_LISTER,
      arguments: [{ value: this.#limits.maxEntries }, { value: MAX_STRING }],
      returnByValue: true,
      silent: true,
    });
    const rows = (listing.value ?? []) as PlainRow[];
    // An object is usually built by one codebase: when its first function is a library's, so are the others
    // (a framework's app object has dozens), and none of them is fetched.
    const firstFunction = functions ? rows.find((row) => row[2] === 'function') : undefined;
    if (firstFunction && this.#isLibraryFunction(objectId, firstFunction[0])) functions = false;
    const result: Property[] = [];
    const wanted: number[] = [];
    for (const [index, name, kind, value, enumerable, symbol] of rows) {
      const base = {
        name,
        configurable: true,
        enumerable,
        ...(symbol ? { symbol: { type: 'symbol' } as Remote } : {}),
      };
      if (kind === 'object' || (kind === 'function' && functions)) {
        wanted.push(index);
        result.push({ ...base, value: { type: 'object' } });
      } else if (kind === 'function') {
        result.push({ ...base, value: { type: 'function', description: 'function' } });
      } else if (kind === 'accessor' || kind === 'skipped') {
        // Not read: counted in the object's size, never followed.
        result.push(base);
      } else {
        result.push({ ...base, value: primitiveRemote(kind, value) });
      }
    }
    if (wanted.length > 0) {
      const { result: values } = this.#post<{ result: Remote }>('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: PLAIN_VALUES,
        arguments: [{ value: wanted }],
        objectGroup: GROUP,
        silent: true,
      });
      const remotes = new Map<number, Remote>();
      for (const property of this.#properties(values.objectId as string).result) {
        if (/^\d+$/u.test(property.name) && property.value) remotes.set(Number(property.name), property.value);
      }
      let position = 0;
      for (const property of result) {
        if (
          property.value?.type === 'object' &&
          property.value.objectId === undefined &&
          property.value.subtype === undefined
        ) {
          const remote = remotes.get(position++);
          if (remote) property.value = remote;
          else delete property.value;
        }
      }
    }
    return { result };
  }

  #isLibraryFunction(objectId: string, index: number): boolean {
    const { result } = this.#post<{ result: Remote }>('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: PLAIN_VALUES,
      arguments: [{ value: [index] }],
      objectGroup: GROUP,
      silent: true,
    });
    const element = this.#properties(result.objectId as string).result.find((p) => p.name === '0')?.value;
    if (!element?.objectId) return false;
    const location = this.#properties(element.objectId).internalProperties?.find(
      (p) => p.name === '[[FunctionLocation]]',
    );
    const scriptId = (location?.value?.value as { scriptId?: string } | undefined)?.scriptId;
    const url = scriptId ? this.#scripts.get(scriptId) : undefined;
    return url === undefined || url.startsWith('node:') || url.includes('/node_modules/');
  }

  /** A slice of a large array (or of a collection's entry list), so that reading stays bounded. */
  #ends(objectId: string, length: number): { remote: Remote; offset: number }[] {
    const keep = this.#limits.maxEntries;
    const parts: { remote: Remote; offset: number }[] = [];
    for (const [start, end] of [
      [0, keep],
      [length - keep, length],
    ]) {
      const { result } = this.#post<{ result: Remote }>('Runtime.callFunctionOn', {
        objectId,
        functionDeclaration: 'function (start, end) { return Array.prototype.slice.call(this, start, end); }',
        arguments: [{ value: start }, { value: end }],
        objectGroup: GROUP,
        silent: true,
      });
      if (result.objectId) parts.push({ remote: result, offset: start });
    }
    return parts;
  }

  /** Elements of an array-like remote with their real indices, both ends only when it is long. */
  #elements(remote: Remote, length: number): { index: number; remote: Remote }[] {
    const out: { index: number; remote: Remote }[] = [];
    const sources =
      length > 2 * this.#limits.maxEntries ? this.#ends(remote.objectId as string, length) : [{ remote, offset: 0 }];
    for (const source of sources) {
      for (const property of this.#properties(source.remote.objectId as string).result) {
        if (!/^\d+$/u.test(property.name) || !property.value) continue;
        out.push({ index: source.offset + Number(property.name), remote: property.value });
      }
    }
    return out;
  }

  /**
   * Reads everything reachable from the roots, the module scopes their functions close over, and the globals
   * that did not exist before the module loaded.
   */
  snapshot(checkpoint: string, roots: Root[], pristineGlobals: ReadonlySet<string>): Snapshot {
    const started = performance.now();
    const walk = new Walk(this.#limits.maxNodes);
    try {
      const probes = [...this.#probes];
      (globalThis as Record<string, unknown>)[ROOTS_GLOBAL] = [
        ...probes.map(([, probe]) => probe),
        ...roots.map((root) => root.value),
      ];
      const { result: rootList } = this.#post<{ result: Remote }>('Runtime.evaluate', {
        expression: `globalThis.${ROOTS_GLOBAL}`,
        objectGroup: GROUP,
        silent: true,
      });
      const rootValues = this.#elements(rootList, probes.length + roots.length);
      for (const { index, remote } of rootValues) {
        if (index < probes.length) {
          this.#readProbe(walk, remote, probes[index][0]);
          continue;
        }
        const root = roots[index - probes.length];
        (root.late ? walk.lateRoots : walk.queue).push({
          remote,
          path: root.binding.name,
          b: walk.binding(root.binding),
          depth: 0,
          bounded: false,
          keyCanaries: [],
        });
      }
      this.#queueGlobals(walk, pristineGlobals);
      this.#drain(walk);
    } finally {
      delete (globalThis as Record<string, unknown>)[ROOTS_GLOBAL];
      this.#post('Runtime.releaseObjectGroup', { objectGroup: GROUP });
    }
    const processListeners: Record<string, number> = {};
    for (const name of process.eventNames()) {
      if (typeof name === 'string') processListeners[name] = process.listenerCount(name);
    }
    const resources: Record<string, number> = {};
    for (const name of process.getActiveResourcesInfo()) resources[name] = (resources[name] ?? 0) + 1;
    return {
      checkpoint,
      bindings: walk.bindings,
      digests: walk.hashes.map((hash) => hash.digest('hex').slice(0, 16)),
      nodes: walk.nodes,
      processListeners,
      resources,
      truncated: walk.truncated,
      readMs: Math.round(performance.now() - started),
    };
  }

  /** Globals created since the module started loading (only their names are compared: this is our own realm). */
  #queueGlobals(walk: Walk, pristine: ReadonlySet<string>): void {
    const added = Object.getOwnPropertyNames(globalThis).filter((name) => !pristine.has(name) && name !== ROOTS_GLOBAL);
    if (added.length === 0) return;
    const { result } = this.#post<{ result: Remote }>('Runtime.callFunctionOn', {
      objectId: this.#post<{ result: Remote }>('Runtime.evaluate', {
        expression: 'globalThis',
        objectGroup: GROUP,
        silent: true,
      }).result.objectId,
      functionDeclaration: PLAIN_VALUES_BY_NAME,
      arguments: [{ value: added }],
      objectGroup: GROUP,
      silent: true,
    });
    const values = this.#properties(result.objectId as string).result;
    for (const property of values) {
      if (!/^\d+$/u.test(property.name) || !property.value) continue;
      const name = added[Number(property.name)];
      const b = walk.binding({ name, module: '(global)', scope: 'global' });
      // After the modules' own variables: a value both in a global and in a variable is named by the variable.
      walk.lateRoots.push({ remote: property.value, path: name, b, depth: 0, bounded: false, keyCanaries: [] });
    }
  }

  #drain(walk: Walk): void {
    for (;;) {
      const task = walk.queue.shift();
      if (task) {
        this.#visit(walk, task);
        continue;
      }
      const scopes = walk.userScopes.shift();
      if (!scopes) {
        const late = walk.lateRoots.shift();
        if (late) {
          walk.queue.push(late);
          continue;
        }
      }
      const next = scopes ?? walk.libraryScopes.shift();
      if (!next) return;
      this.#readScopes(walk, next);
      continue;
    }
  }

  #spend(walk: Walk, b: number): boolean {
    const spent = walk.spent.get(b) ?? 0;
    if (walk.budget <= 0 || spent >= walk.perBinding) {
      walk.truncated = true;
      return false;
    }
    walk.budget--;
    walk.spent.set(b, spent + 1);
    return true;
  }

  #record(walk: Walk, task: Task, node: Omit<NodeRecord, 'b' | 'path'>): NodeRecord {
    const record: NodeRecord = { b: task.b, path: task.path, ...node };
    if (task.keyCanaries.length > 0) {
      record.canaries = [...new Set([...(record.canaries ?? []), ...task.keyCanaries])];
    }
    if (task.bounded) record.bounded = true;
    walk.nodes.push(record);
    return record;
  }

  #visit(walk: Walk, task: Task): void {
    if (!this.#spend(walk, task.b)) return;
    const { remote } = task;
    if (isPrimitive(remote)) {
      const text = primitiveText(remote);
      walk.digest(task.b, `${task.path}=${text}`);
      if (remote.type === 'string') {
        const value = String(remote.value);
        const canaries = canariesIn(value);
        this.#record(walk, task, { type: 'string', size: value.length, ...(canaries.length ? { canaries } : {}) });
      } else {
        this.#record(walk, task, { type: remote.subtype === 'null' ? 'null' : remote.type });
      }
      return;
    }
    const objectId = remote.objectId as string;
    const id = task.id ?? this.#identity(objectId);
    walk.digest(task.b, `${task.path}=#${id}`);
    if (walk.seenObjects.has(id)) {
      // Read once, under the first name that reached it; here only the reference is noted.
      this.#record(walk, task, { type: 'ref', ref: id });
      return;
    }
    walk.seenObjects.add(id);
    // The host's own objects are not the handler's state.
    if (remote.className === 'process' || remote.className === 'global') return;
    const type = remote.type === 'function' ? 'function' : (remote.subtype ?? 'object');
    if (type === 'weakmap' || type === 'weakset' || type === 'weakref') {
      // Weak collections hold nothing alive by their keys: they cannot leak what they are keyed by.
      this.#record(walk, task, { type });
      return;
    }
    const sized = ['array', 'map', 'set', 'typedarray'].includes(type);
    if (type === 'typedarray' || type === 'arraybuffer' || type === 'dataview' || type === 'date') {
      walk.digest(task.b, `${task.path}:${remote.description ?? ''}`);
      this.#record(walk, task, { type, ...(sized ? { size: sizeFrom(remote.description) ?? 0 } : {}) });
      return;
    }
    const plain =
      (type === 'object' && remote.className === 'Object') || (type === 'array' && remote.className === 'Array');
    const properties = plain
      ? this.#plainProperties(objectId, task.depth < FUNCTION_DEPTH)
      : this.#properties(objectId);
    const own = properties.result.filter((property) => !property.symbol && property.value);
    // CommonJS's module record (module.children, require.cache, …) is the loader's, read through module.exports.
    if (
      remote.className === 'Module' &&
      own.some((p) => p.name === 'loaded') &&
      own.some((p) => p.name === 'filename')
    ) {
      return;
    }
    const privates = properties.privateProperties ?? [];
    const bounded = task.bounded || this.#boundsItself(own, privates, remote.className);
    const node = this.#record(walk, task, { type, id });
    if (bounded) node.bounded = true;
    if (type === 'array') node.size = sizeFrom(remote.description) ?? 0;
    else if (type === 'map' || type === 'set') node.size = sizeFrom(remote.description) ?? 0;
    else if (type === 'object') node.size = properties.result.filter((p) => p.enumerable && !p.symbol).length;
    if (node.size !== undefined) walk.digest(task.b, `${task.path}#${node.size}`);
    const listeners = this.#listeners(properties);
    if (listeners) node.listeners = listeners;
    const keyCanaries = new Set<number>();
    if (type === 'object') {
      for (const property of properties.result) {
        for (const k of canariesIn(property.name)) keyCanaries.add(k);
      }
      if (keyCanaries.size > 0) node.canaries = [...new Set([...(node.canaries ?? []), ...keyCanaries])];
    }
    if (task.depth >= this.#limits.maxDepth) return;
    const children: Task[] = [];
    const child = (childRemote: Remote, path: string, canaries: number[] = []) =>
      children.push({ remote: childRemote, path, b: task.b, depth: task.depth + 1, bounded, keyCanaries: canaries });
    const internal = (name: string) => properties.internalProperties?.find((p) => p.name === name)?.value;

    switch (type) {
      case 'array':
        if (plain) {
          for (const property of properties.result) {
            if (/^\d+$/u.test(property.name) && property.value) child(property.value, `${task.path}[${property.name}]`);
          }
        } else {
          for (const element of this.#elements(remote, node.size ?? 0)) {
            child(element.remote, `${task.path}[${element.index}]`);
          }
        }
        break;
      case 'map':
      case 'set': {
        const entries = internal('[[Entries]]');
        if (entries?.objectId) this.#entries(walk, task, entries, node.size ?? 0, type, child);
        break;
      }
      case 'promise': {
        const value = internal('[[PromiseResult]]');
        if (value) child(value, `${task.path}[[PromiseResult]]`);
        break;
      }
      case 'proxy': {
        const target = internal('[[Target]]');
        if (target) child(target, `${task.path}[[Target]]`);
        break;
      }
      case 'function':
        // A library's function (a framework export, a method): its statics and closures are the library's own.
        if (!this.#function(walk, task, properties, child)) {
          this.#enqueue(walk, children);
          return;
        }
        break;
      default:
        break;
    }
    if (type !== 'array' && type !== 'proxy') {
      const named = type === 'function' ? own.filter((p) => !FUNCTION_PLUMBING.has(p.name)) : own;
      const keep = this.#limits.maxEntries;
      const picked = named.length > 2 * keep ? [...named.slice(0, keep), ...named.slice(-keep)] : named;
      for (const property of picked) {
        child(property.value as Remote, memberPath(task.path, property.name), canariesIn(property.name));
      }
    }
    for (const property of privates) {
      if (property.value) child(property.value, `${task.path}.${property.name}`);
    }
    // Own accessors are not called; their functions are read, since what they return often lives in their closure.
    for (const property of properties.result) {
      if (property.symbol || property.value) continue;
      if (property.get?.objectId) child(property.get, `${task.path}[[get ${property.name}]]`);
      if (property.set?.objectId) child(property.set, `${task.path}[[set ${property.name}]]`);
    }
    this.#enqueue(walk, children);
  }

  #boundsItself(own: Property[], privates: PrivateProperty[], className?: string): boolean {
    if (className !== undefined && BOUNDED_CLASSES.has(className)) return true;
    const names = new Set(own.map((p) => p.name));
    if (BOUNDED_SHAPES.some((shape) => shape.every((name) => names.has(name)))) return true;
    const candidates = [
      ...own.map((p) => ({ name: p.name, value: p.value })),
      ...privates.map((p) => ({ name: p.name.replace(/^#/u, ''), value: p.value })),
    ];
    return candidates.some(
      ({ name, value }) =>
        BOUND_NAMES.has(name.toLowerCase()) &&
        value?.type === 'number' &&
        typeof value.value === 'number' &&
        Number.isFinite(value.value) &&
        value.value > 0,
    );
  }

  #entries(
    walk: Walk,
    task: Task,
    entries: Remote,
    size: number,
    type: 'map' | 'set',
    child: (remote: Remote, path: string, canaries?: number[]) => void,
  ): void {
    for (const { index, remote: entry } of this.#elements(entries, size)) {
      if (!entry.objectId) continue;
      const pair = this.#properties(entry.objectId).result;
      const key = pair.find((p) => p.name === 'key')?.value;
      const value = pair.find((p) => p.name === 'value')?.value;
      if (type === 'set') {
        if (value)
          child(
            value,
            isPrimitive(value) ? `${task.path}.has(${primitiveText(value)})` : `${task.path}.values()[${index}]`,
          );
        continue;
      }
      const keyCanaries = key?.type === 'string' ? canariesIn(String(key.value)) : [];
      const keyText = key && isPrimitive(key) ? primitiveText(key) : `<key ${index}>`;
      if (key && !isPrimitive(key)) child(key, `${task.path}.keys()[${index}]`);
      if (value) child(value, `${task.path}.get(${keyText})`, keyCanaries);
      if (keyCanaries.length > 0 || key?.type === 'string') walk.digest(task.b, `${task.path}:key=${keyText}`);
    }
  }

  /** Queues a function's scopes; false for a library function, whose own properties are not read either. */
  #function(walk: Walk, task: Task, properties: Properties, child: (remote: Remote, path: string) => void): boolean {
    const internal = (name: string) => properties.internalProperties?.find((p) => p.name === name)?.value;
    const target = internal('[[TargetFunction]]');
    if (target) {
      child(target, `${task.path}[[TargetFunction]]`);
      const self = internal('[[BoundThis]]');
      if (self) child(self, `${task.path}[[BoundThis]]`);
      // The inspector builds a new [[BoundArgs]] array on every read: its elements are the state, not it.
      const args = internal('[[BoundArgs]]');
      if (args?.objectId) {
        for (const { index, remote } of this.#elements(args, sizeFrom(args.description) ?? 0)) {
          child(remote, `${task.path}[[BoundArgs]][${index}]`);
        }
      }
      return true;
    }
    const location = internal('[[FunctionLocation]]');
    const scopes = internal('[[Scopes]]');
    const scriptId = (location?.value as { scriptId?: string } | undefined)?.scriptId;
    const url = scriptId ? this.#scripts.get(scriptId) : undefined;
    if (!url || url.startsWith('node:') || !url.includes(':')) return false;
    const library = url.includes('/node_modules/');
    // A closure a library made for an instance (a router, a wrapped handler) can hold state, but only near the top.
    if (library && task.depth >= FUNCTION_DEPTH) return false;
    if (scopes?.objectId) {
      const scopeTask = {
        scopes,
        url,
        depth: task.depth + 1,
        holder: { b: task.b, path: task.path, bounded: task.bounded },
      };
      (library ? walk.libraryScopes : walk.userScopes).push(scopeTask);
    }
    return !library;
  }

  #scopeEntries(scopes: Remote): ScopeEntry[] {
    const entries: ScopeEntry[] = [];
    for (const scope of this.#properties(scopes.objectId as string).result) {
      const description = scope.value?.description ?? '';
      if (!scope.value?.objectId || !STATE_SCOPES.test(description)) continue;
      entries.push({ description, variables: this.#properties(scope.value.objectId).result.filter((v) => v.value) });
    }
    return entries;
  }

  /** A probe's scope chain is its module's own scope: every variable there is a binding of that module. */
  #readProbe(walk: Walk, probe: Remote, url: string): void {
    if (!probe.objectId) return;
    const scopes = this.#properties(probe.objectId).internalProperties?.find((p) => p.name === '[[Scopes]]')?.value;
    if (!scopes?.objectId) return;
    const entries = this.#scopeEntries(scopes);
    const own = entries[entries.length - 1];
    if (!own) return;
    this.#moduleNames.set(url, own.variables.map((v) => v.name).join(','));
    this.#moduleScope(walk, url, own, 1);
  }

  #moduleScope(walk: Walk, url: string, entry: ScopeEntry, depth: number): void {
    const key = `${url}|module`;
    if (walk.seenScopes.has(key)) return;
    walk.seenScopes.add(key);
    const tasks: Task[] = [];
    for (const variable of entry.variables) {
      // CommonJS plumbing: `module` is the loader's record (read through module.exports).
      if (variable.name === 'module' && variable.value?.className === 'Module') continue;
      const b = walk.binding({ name: variable.name, module: url, scope: 'module' });
      tasks.push({ remote: variable.value as Remote, path: variable.name, b, depth, bounded: false, keyCanaries: [] });
    }
    this.#enqueue(walk, tasks);
  }

  /**
   * A function's scope chain: its module's scope (read as that module's bindings, once), and the locals of the
   * functions it was created in, which live as long as the function does and are read as part of it.
   */
  #readScopes(walk: Walk, task: ScopeTask): void {
    if (task.depth > this.#limits.maxDepth) return;
    const entries = this.#scopeEntries(task.scopes);
    let moduleLevel = entries.findIndex((entry) => entry.description.startsWith('Module'));
    if (moduleLevel < 0 && entries.length > 0) {
      // CommonJS: the module's scope is the outermost closure, when the module has one at all.
      const last = entries.length - 1;
      const known = this.#moduleNames.get(task.url);
      if (known === undefined || known === entries[last].variables.map((v) => v.name).join(',')) moduleLevel = last;
    }
    // A library's own module scope (its internals, the Node modules it loaded) is not the handler's state; what
    // its functions close over per instance is, as part of the instance.
    const library = task.url.includes('/node_modules/');
    if (moduleLevel >= 0 && !library) this.#moduleScope(walk, task.url, entries[moduleLevel], task.depth);
    // The locals of the functions it was made in: bindings of their own, alive as long as the holder is.
    const holder = walk.bindings[task.holder.b];
    const holderName = holder.scope === 'global' ? `globalThis.${task.holder.path}` : task.holder.path;
    const tasks: Task[] = [];
    for (const [index, entry] of entries.entries()) {
      if (index === moduleLevel) continue;
      for (const variable of entry.variables) {
        const b = walk.binding({ name: variable.name, module: task.url, scope: 'closure', holder: holderName });
        tasks.push({
          remote: variable.value as Remote,
          path: variable.name,
          b,
          depth: task.depth,
          bounded: task.holder.bounded,
          keyCanaries: [],
        });
      }
    }
    this.#enqueue(walk, tasks);
  }

  #listeners(properties: Properties): Record<string, number> | undefined {
    // EventEmitter: `_events` maps an event to a function or an array of them.
    const events = properties.result.find((p) => p.name === '_events' && !p.symbol)?.value;
    const counted: Record<string, number> = {};
    let any = false;
    if (events?.objectId && events.type === 'object') {
      for (const entry of this.#properties(events.objectId).result) {
        if (!entry.value || entry.symbol) continue;
        counted[entry.name] = entry.value.type === 'function' ? 1 : (sizeFrom(entry.value.description) ?? 0);
        any = true;
      }
    }
    // Node's EventTarget (AbortSignal, …): a Map from event type to a listener list with a `size`.
    const targetEvents = properties.result.find((p) => p.symbol && p.name === 'Symbol(kEvents)')?.value;
    if (targetEvents?.objectId && targetEvents.subtype === 'map') {
      const entries = this.#properties(targetEvents.objectId).internalProperties?.find((p) => p.name === '[[Entries]]');
      if (entries?.value?.objectId) {
        for (const property of this.#properties(entries.value.objectId).result) {
          if (!property.value?.objectId) continue;
          const pair = this.#properties(property.value.objectId).result;
          const key = pair.find((p) => p.name === 'key')?.value;
          const list = pair.find((p) => p.name === 'value')?.value;
          if (!key || !list?.objectId) continue;
          const size: unknown = this.#properties(list.objectId).result.find((p) => p.name === 'size')?.value?.value;
          counted[String(key.value ?? key.description)] = typeof size === 'number' ? size : 0;
          any = true;
        }
      }
    }
    return any ? counted : undefined;
  }
}
