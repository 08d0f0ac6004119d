// Reads module state without touching the user's code: the V8 inspector lists a function's [[Scopes]] (Module,
// Closure, Block) and every value held there; properties, entries, private fields and promise results are read as
// the debugger reads them, so no getter, proxy trap or toString of the user's runs.
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
/** Own properties of functions that are language plumbing, not state. */
const FUNCTION_PLUMBING = new Set(['length', 'name', 'prototype', 'arguments', 'caller']);
/** Scope kinds that hold module or closure state; Global is read separately, Local/With are not state. */
const STATE_SCOPES = /^(Module|Closure|Block|Catch|Script)\b/u;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;
const IDENTITY_GLOBAL = '__handlerStateVerifyIdentity';
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
}

interface ScopeTask {
  scopes: Remote;
  url: string;
  depth: number;
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
  truncated = false;

  constructor(budget: number) {
    this.budget = budget;
  }

  binding(info: BindingInfo): number {
    const key = `${info.module}\u0000${info.scope}\u0000${info.name}`;
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

  constructor(limits: ReadLimits) {
    this.#limits = limits;
    this.#session.connect();
    this.#session.on('Debugger.scriptParsed', (message) => {
      this.#scripts.set(message.params.scriptId, toUrl(message.params.url));
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
    let failure: Error | null = null;
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
      (globalThis as Record<string, unknown>)[ROOTS_GLOBAL] = roots.map((root) => root.value);
      const { result: rootList } = this.#post<{ result: Remote }>('Runtime.evaluate', {
        expression: `globalThis.${ROOTS_GLOBAL}`,
        objectGroup: GROUP,
        silent: true,
      });
      const rootValues = this.#elements(rootList, roots.length);
      for (const { index, remote } of rootValues) {
        const root = roots[index];
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

  #queueGlobals(walk: Walk, pristine: ReadonlySet<string>): void {
    const { result } = this.#post<{ result: Remote }>('Runtime.evaluate', {
      expression: 'globalThis',
      objectGroup: GROUP,
      silent: true,
    });
    for (const property of this.#properties(result.objectId as string).result) {
      if (pristine.has(property.name) || property.symbol || !property.value) continue;
      if (property.name === IDENTITY_GLOBAL || property.name === ROOTS_GLOBAL) continue;
      const b = walk.binding({ name: property.name, module: '(global)', scope: 'global' });
      walk.queue.push({ remote: property.value, path: property.name, b, depth: 0, bounded: false, keyCanaries: [] });
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

  #spend(walk: Walk): boolean {
    if (walk.budget <= 0) {
      walk.truncated = true;
      return false;
    }
    walk.budget--;
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
    if (!this.#spend(walk)) return;
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
    const id = this.#identity(objectId);
    walk.digest(task.b, `${task.path}=#${id}`);
    if (walk.seenObjects.has(id)) {
      if (task.keyCanaries.length > 0) this.#record(walk, task, { type: 'ref' });
      return;
    }
    walk.seenObjects.add(id);
    // The host's own objects are not the handler's state.
    if (remote.className === 'process' || remote.className === 'global' || remote.className === 'Module') return;
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
    const properties = this.#properties(objectId);
    const own = properties.result.filter((property) => !property.symbol && property.value);
    const privates = properties.privateProperties ?? [];
    const bounded = task.bounded || this.#boundsItself(own, privates);
    const node = this.#record(walk, task, { type });
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
    const child = (childRemote: Remote, path: string, canaries: number[] = []) =>
      walk.queue.push({ remote: childRemote, path, b: task.b, depth: task.depth + 1, bounded, keyCanaries: canaries });
    const internal = (name: string) => properties.internalProperties?.find((p) => p.name === name)?.value;

    switch (type) {
      case 'array':
        for (const element of this.#elements(remote, node.size ?? 0)) {
          child(element.remote, `${task.path}[${element.index}]`);
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
        this.#function(walk, task, properties, child);
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
  }

  #boundsItself(own: Property[], privates: PrivateProperty[]): boolean {
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

  #function(walk: Walk, task: Task, properties: Properties, child: (remote: Remote, path: string) => void): void {
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
      return;
    }
    const location = internal('[[FunctionLocation]]');
    const scopes = internal('[[Scopes]]');
    const scriptId = (location?.value as { scriptId?: string } | undefined)?.scriptId;
    const url = scriptId ? this.#scripts.get(scriptId) : undefined;
    if (!scopes?.objectId || !url || url.startsWith('node:') || !url.includes(':')) return;
    const scopeTask = { scopes, url, depth: task.depth + 1 };
    (url.includes('/node_modules/') ? walk.libraryScopes : walk.userScopes).push(scopeTask);
  }

  #readScopes(walk: Walk, task: ScopeTask): void {
    if (task.depth > this.#limits.maxDepth) return;
    for (const scope of this.#properties(task.scopes.objectId as string).result) {
      const description = scope.value?.description ?? '';
      if (!scope.value?.objectId || !STATE_SCOPES.test(description)) continue;
      const variables = this.#properties(scope.value.objectId).result.filter((v) => v.value);
      const key = `${task.url}|${description}|${variables.map((v) => v.name).join(',')}`;
      if (walk.seenScopes.has(key)) continue;
      walk.seenScopes.add(key);
      const kind = description.startsWith('Module') ? 'module' : 'closure';
      for (const variable of variables) {
        // CommonJS plumbing: `module` is the loader's record (read through module.exports), `require` is Node's.
        if (variable.name === 'module' && variable.value?.className === 'Module') continue;
        const b = walk.binding({ name: variable.name, module: task.url, scope: kind });
        walk.queue.push({
          remote: variable.value as Remote,
          path: variable.name,
          b,
          depth: task.depth,
          bounded: false,
          keyCanaries: [],
        });
      }
    }
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
          const size = this.#properties(list.objectId).result.find((p) => p.name === 'size')?.value?.value;
          counted[String(key.value ?? key.description)] = typeof size === 'number' ? size : 0;
          any = true;
        }
      }
    }
    return any ? counted : undefined;
  }
}
