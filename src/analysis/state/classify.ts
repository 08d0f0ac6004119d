// The per-form decision: which leak a request-time write is (cache > growth > request data > write), or that it
// is safe. What the code itself bounds is asked of `Bounds`, guards come from `guards.ts`, lazy init and toggles
// from `lazy-init.ts`, and which keys the request picks from `keys.ts`.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../context.js';
import {
  dottedName,
  enclosingFunction,
  functionName,
  isFunctionNode,
  staticPropertyName,
  unwrap,
} from '../file/ast.js';
import type { TypeOracle } from '../type-aware.js';
import type { FunctionNode, LeakKind } from '../types.js';
import { initializerOf } from '../file/scopes.js';
import { isFixedCount, LODASH_REMOVERS, type Bounds } from './bounds.js';
import { presenceGuard } from './guards.js';
import type { KeySpace } from './keys.js';
import { siteKey, type LazyInit, type Toggles } from './lazy-init.js';
import type { ModuleState, Shape } from './module-state.js';
import type { RequestContext } from './reachability.js';
import type { RequestData } from './request-data.js';
import { ARRAY_ONLY_METHODS, type WriteSite } from './writes.js';

const MAP_SET_METHODS = new Set(['set', 'add', 'delete', 'clear']);
const REMOVING_ONLY = new Set(['delete', 'clear', 'pop', 'shift']);

export interface Classification {
  kind: LeakKind;
  how: string;
  /** The write runs only when the handler-like function gets an argument at this position (`if (next) x = next`). */
  requiresArgument?: number;
  /** A flag the same request sets and sets back (a busy flag). */
  toggled?: boolean;
  /** The route that makes the write, when it is not the first one that reaches it (the others guard the call). */
  context?: RequestContext;
  /** For a cache: functions that remove its entries but that nothing runs after start-up. */
  unreachedRemovers?: string[];
  /** For a cache: the names under which another file can run those removals (the removers and their callers). */
  removalEntries?: string[];
}

export class Classifier {
  private readonly state: ModuleState;
  private readonly requestData: RequestData;
  private readonly types: TypeOracle | null;

  constructor(
    private readonly ctx: FileContext,
    /** Lazy init, health-checked singletons, memoising getters; toggled flags. */
    private readonly lazy: LazyInit,
    /** What the code itself bounds: eviction, caps and expiry, registries, resets at entry, latches. */
    private readonly bounds: Bounds,
    /** Which keys the request picks from an open set. */
    private readonly keys: KeySpace,
    /** Places that are flags toggled per request. */
    private readonly toggled: Toggles,
  ) {
    this.state = ctx.state;
    this.requestData = ctx.requestData;
    // With type information: what the receiver really is, which beats what the syntax suggests.
    this.types = ctx.oracle;
  }

  private callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    return this.ctx.reach.callSitesOf(fn);
  }

  private isRequestTime(node: TSESTree.Node): boolean {
    return this.ctx.reach.contextOf(node) !== null;
  }

  classify(site: WriteSite, handler: FunctionNode): Classification | null {
    const presence = presenceGuard(site.node);
    let passing: TSESTree.CallExpression | null = null;
    if (presence && presence.fn !== handler) {
      const calls = this.requestTimeCalls(presence.fn);
      // The arguments the function receives there (a call through a table may pass them on shifted); null: unknown.
      const passes = (call: TSESTree.CallExpression) => {
        const args = this.ctx.reach.argumentsOf(call);
        return args === null || args.length > presence.index || args.some((a) => a.type === T.SpreadElement);
      };
      if (calls.length > 0 && !calls.some(passes)) return null;
      // Only the calls that pass the argument make the write: name the route of one of them.
      if (calls.some((call) => !passes(call))) passing = calls.find(passes) ?? null;
    }
    const result = this.classifyWrite(site, handler);
    // In a summary of another file the caller decides: `options()` with no argument never reaches the write.
    if (result && presence && presence.fn === handler) result.requiresArgument = presence.index;
    if (result && passing && !result.context) result.context = this.contextThrough(passing, presence!.fn);
    return result;
  }

  private requestTimeCalls(fn: FunctionNode): TSESTree.CallExpression[] {
    return this.callSitesOf(fn).filter((call) => this.isRequestTime(call));
  }

  /** The request context of the write when it is reached through `call` of `fn`: that call's route, then `fn`. */
  private contextThrough(call: TSESTree.CallExpression, fn: FunctionNode): RequestContext | undefined {
    const outer = this.ctx.reach.contextOf(call);
    if (!outer) return undefined;
    const name = functionName(fn);
    return { handler: outer.handler, via: name ? [...outer.via, name] : outer.via };
  }

  private classifyWrite(site: WriteSite, handler: FunctionNode): Classification | null {
    if (this.bounds.latched(site.root)) return null;
    // A collection the code caps, expires or sweeps is the explicit cache our messages recommend.
    if (this.bounds.capped(site)) return null;
    // Redefining an exported function per request (`exports.notify = function …` in the handler) replaces the
    // module's API every time: a write, but the closure's captured request is not data the module keeps.
    const redefinesExport =
      site.root.key.startsWith('exports.') &&
      site.values.length > 0 &&
      site.values.every((v) => isFunctionNode(unwrap(v)));
    const tainted =
      !redefinesExport &&
      site.values.some(
        (value) => this.requestData.isRequestDerived(value) && !this.keys.isFixedResult(value, site.node),
      );
    // A flag set and reset by the same request (`busy = true … busy = false`) is a write, not a leak of what it
    // holds; a slot that holds request data meanwhile is still request data that concurrent requests can see.
    const key = siteKey(site);
    if (!tainted && key !== null && this.toggled.sameRequest.has(key)) {
      return { kind: 'write', how: site.operator === '=' ? 'assignment' : `\`${site.operator}\``, toggled: true };
    }
    // `cache[event.id] ??= load()` fills a slot per request: that is a cache, not a one-time initialisation.
    let unguarded: RequestContext | undefined;
    if (!tainted && !this.hasRequestKey(site)) {
      if (this.lazy.isInit(site)) return null;
      const guarded = this.guardedCalls(site, handler);
      if (guarded === 'all') return null;
      unguarded = guarded ?? undefined;
    }
    const result = this.classifyForm(site, handler, tainted);
    if (result && unguarded) result.context = unguarded;
    return result;
  }

  private classifyForm(site: WriteSite, handler: FunctionNode, tainted: boolean): Classification | null {
    const dataOr = (how: string): Classification => ({ kind: tainted ? 'requestData' : 'write', how });

    switch (site.form) {
      case 'call':
        return this.classifyCall(site, handler, tainted);
      case 'define': {
        const how = `\`${site.method}()\``;
        if (LODASH_REMOVERS.test(site.method ?? '')) return { kind: 'write', how };
        if (this.keys.requestChosen(defineKey(site), site.node) && this.isUnboundedKeyed(site, site.path))
          return this.cache(site, site.path, how);
        return dataOr(how);
      }
      case 'delete':
        return { kind: 'write', how: '`delete`' };
      case 'update': {
        const how = `\`${site.operator}\``;
        // `hits[event.route]++` makes one slot per distinct route.
        if (this.keyedByRequest(site)) return this.cache(site, site.path.slice(0, -1), how);
        return { kind: 'write', how };
      }
      case 'destructure':
        return dataOr('destructuring');
      case 'loopTarget':
        return dataOr('a loop variable');
      case 'assign':
        return this.classifyAssignment(site, handler, tainted);
      default:
        return null;
    }
  }

  /**
   * `if (!initialized) await init()`: a helper whose every request-time call sits inside an init guard is `all`
   * guarded. When some calls are guarded and others are not, the write is made by the route of an unguarded
   * call: its context, so the message names that route.
   */
  private guardedCalls(site: WriteSite, handler: FunctionNode): 'all' | RequestContext | null {
    const fn = enclosingFunction(site.node);
    if (!fn || fn === handler) return null;
    const calls = this.requestTimeCalls(fn);
    if (calls.length === 0) return null;
    const open = calls.filter((call) => !this.lazy.isInitCall(call, site));
    if (open.length === 0) return 'all';
    if (open.length === calls.length) return null;
    return this.contextThrough(open[0], fn) ?? null;
  }

  /** A write under a request-chosen computed key to an object-like receiver nothing evicts. */
  private keyedByRequest(site: WriteSite): boolean {
    if (site.path[site.path.length - 1] !== '[]' || !this.keys.addsRequestKey(site, site.key)) return false;
    return this.isUnboundedKeyed(site, site.path.slice(0, -1));
  }

  private isUnboundedKeyed(site: WriteSite, receiverPath: readonly string[]): boolean {
    const shape = this.state.shapeOf(site.root, receiverPath);
    return shape !== 'array' && shape !== 'bounded' && !this.bounds.evicted(site, receiverPath);
  }

  private hasRequestKey(site: WriteSite): boolean {
    for (let node = site.target; node.type === T.MemberExpression; node = unwrap(node.object)) {
      if (node.computed && this.keys.requestChosen(node.property, site.node)) return true;
    }
    return site.form === 'call' && this.keys.requestChosen(site.key, site.node);
  }

  /**
   * A keyed write into a collection whose entries later code releases one key at a time (`delete sockets[id]` on
   * disconnect, `pending.delete(id)` when the reply comes): a registry of live things, each entry owned by the
   * request or connection that made it. Still shared state (a strict write), but not data kept for the next request.
   */
  private isRegistryEntry(site: WriteSite, receiverPath: readonly string[], key: TSESTree.Node | null): boolean {
    if (!key || !this.bounds.released(site, receiverPath)) return false;
    const value = unwrap(key);
    return value.type !== T.Literal && !(value.type === T.TemplateLiteral && value.expressions.length === 0);
  }

  /** Is `node` a parameter of `fn` itself (the request object the handler was given)? */
  private isParameterOf(node: TSESTree.Node | null, fn: FunctionNode): boolean {
    const value = node ? unwrap(node) : null;
    if (value?.type !== T.Identifier) return false;
    const variable = this.ctx.facts.variableOf(value);
    const def = variable?.defs.length === 1 ? variable.defs[0] : null;
    return def?.type === 'Parameter' && def.node === fn && def.name.parent === fn;
  }

  private isMadeThing(value: TSESTree.Node | null): boolean {
    return madeThing(value, this.ctx.facts);
  }

  private cache(site: WriteSite, receiverPath: readonly string[], how: string): Classification {
    const removers = this.bounds.unreachedRemovers(site, receiverPath);
    if (removers.length === 0) return { kind: 'cache', how };
    return { kind: 'cache', how, unreachedRemovers: removers, removalEntries: this.bounds.removalEntries(removers) };
  }

  private classifyCall(site: WriteSite, handler: FunctionNode, tainted: boolean): Classification | null {
    const method = site.method!;
    const shape = this.types?.shapeOf(site.target) ?? this.state.shapeOf(site.root, site.path);
    if (!methodFits(method, shape)) return null;
    const how = `\`${method}()\``;
    // `seen.set(event, …)` on a WeakMap (or WeakSet `add`): the entry is keyed by the request's own object, so it
    // goes when the request does; nothing is kept for later requests.
    if (shape === 'weak' && (method === 'set' || method === 'add')) {
      const key = method === 'set' ? site.key : (site.values[0] ?? null);
      if (this.isParameterOf(key, handler)) return null;
    }
    if (method === 'set' && shape !== 'weak') {
      if (this.keys.addsRequestKey(site, site.key) && !this.bounds.evicted(site, site.path))
        return this.cache(site, site.path, how);
      if (this.isRegistryEntry(site, site.path, site.key)) return { kind: 'write', how };
      return { kind: tainted ? 'requestData' : 'write', how };
    }
    const grows =
      shape !== 'weak' &&
      (method === 'push' ||
        method === 'unshift' ||
        method === 'add' ||
        (method === 'splice' && site.values.length > 0));
    // Removing entries stores nothing; `fill`, `sort` or a replacing `splice` store what they are given.
    if (!grows) return { kind: tainted && !REMOVING_ONLY.has(method) ? 'requestData' : 'write', how };
    if (this.bounds.evicted(site, site.path) || this.bounds.resetsAtEntry(handler, site)) {
      // Bounded by the code itself; still state shared with concurrent requests.
      if (method === 'add' && this.isRegistryEntry(site, site.path, site.values[0] ?? null))
        return { kind: 'write', how };
      // A work queue that a scheduled consumer drains hands the entry over; it is still shared state.
      if (this.bounds.drained(site, site.path)) return { kind: 'write', how };
      return { kind: tainted ? 'requestData' : 'write', how };
    }
    return this.growth(site, site.path, how);
  }

  /** Growth, with the removing functions nothing here runs (a caller in another file may run them on its holder). */
  private growth(site: WriteSite, receiverPath: readonly string[], how: string): Classification {
    const removers = this.bounds.unreachedRemovers(site, receiverPath);
    if (removers.length === 0) return { kind: 'growth', how };
    return { kind: 'growth', how, unreachedRemovers: removers, removalEntries: this.bounds.removalEntries(removers) };
  }

  private classifyAssignment(site: WriteSite, handler: FunctionNode, tainted: boolean): Classification {
    const operator = site.operator ?? '=';
    const how = operator === '=' ? 'assignment' : `\`${operator}\``;
    const value = site.values[0] ? unwrap(site.values[0]) : null;
    const last = site.path[site.path.length - 1];
    const receiverPath = site.path.slice(0, -1);
    const receiverShape = site.path.length > 0 ? this.state.shapeOf(site.root, receiverPath) : 'unknown';

    // `hits[event.route] += 1`: a slot per distinct key, whatever the operator.
    if (last === '[]' && operator !== '=' && operator !== '||=' && operator !== '??=' && this.keyedByRequest(site)) {
      return this.cache(site, receiverPath, how);
    }
    // `CACHE[event.item] = item`, `arr[arr.length] = x`
    if (last === '[]' && (operator === '=' || operator === '||=' || operator === '??=')) {
      if (receiverShape === 'array' || isLengthOf(site.key, site.target)) {
        // `ring[cursor % SIZE] = x`: a slot of a fixed set is overwritten, the array never grows past SIZE.
        if (isModuloIndex(site.key, this.ctx.facts)) return { kind: tainted ? 'requestData' : 'write', how };
        if (!this.bounds.evicted(site, receiverPath) && !this.bounds.resetsAtEntry(handler, site, receiverPath))
          return this.growth(site, receiverPath, 'an index write');
      } else if (
        receiverShape !== 'bounded' &&
        this.keys.addsRequestKey(site, site.key) &&
        !this.bounds.evicted(site, receiverPath)
      ) {
        return this.cache(site, receiverPath, 'a computed-key write');
      } else if (this.isRegistryEntry(site, receiverPath, site.key)) {
        // An entry removed again does not grow the registry, but request data in it is seen by concurrent requests.
        // A live thing the code made or loaded for the key (`monitor = await load(id)`, `new Room(id)`) is the
        // registry's own object, as for `registry.set(id, …)`: still shared state, a strict write.
        return { kind: tainted && !this.isMadeThing(value) ? 'requestData' : 'write', how };
      }
    }

    const selfName = dottedName(site.target);
    const ownShape = this.state.shapeOf(site.root, site.path);
    if (value && selfName !== null && !this.bounds.resetsAtEntry(handler, site, site.path)) {
      // `recent = [...recent, id].slice(-20)`: rebuilt from itself and cut to a fixed length, so bounded by the code;
      // still state shared with concurrent requests (a strict write).
      const cut = operator === '=' ? cutToFixedLength(value) : null;
      if (cut && growsFromItself(cut, selfName, ownShape)) return { kind: 'write', how };
      // `ids = [...ids, id]`, `ids = ids.concat(id)`, `log = log + line`
      if (operator === '=' && growsFromItself(value, selfName, ownShape)) {
        const keyed =
          value.type === T.ObjectExpression &&
          value.properties.some(
            (property) =>
              property.type === T.Property && property.computed && this.keys.requestChosen(property.key, site.node),
          );
        if (keyed) return this.cache(site, site.path, 'a spread with a computed key');
        if (value.type !== T.ObjectExpression) return { kind: 'growth', how: 'rebuilding it from itself' };
      }
      // `log += line` on a string
      if (operator === '+=' && (ownShape === 'string' || (ownShape !== 'number' && isStringy(value)))) {
        return { kind: 'growth', how: '`+=`' };
      }
    }
    return { kind: tainted ? 'requestData' : 'write', how };
  }
}

/** `await load(id)`, `new Room(id)`, or a local holding one: an object the code makes or loads, not the request's fields. */
function madeThing(raw: TSESTree.Node | null, facts: FileContext['facts'], depth = 0): boolean {
  if (!raw || depth > 2) return false;
  const value = unwrap(raw);
  if (value.type === T.NewExpression) return true;
  // Awaited: loaded from a store or a service (`await R.findOne(…)`), not a copy of the request's fields.
  if (value.type === T.AwaitExpression) {
    const awaited = unwrap(value.argument);
    return awaited.type === T.CallExpression || awaited.type === T.NewExpression;
  }
  if (value.type !== T.Identifier) return false;
  const variable = facts.variableOf(value);
  const init = variable && variable.defs.length === 1 ? initializerOf(variable) : null;
  return !!init && !isFunctionNode(init) && madeThing(init, facts, depth + 1);
}

function methodFits(method: string, shape: Shape): boolean {
  if (shape === 'bounded') return false;
  if (ARRAY_ONLY_METHODS.has(method)) return shape === 'array' || shape === 'unknown';
  if (MAP_SET_METHODS.has(method)) {
    if (method === 'set') return shape === 'map' || shape === 'weak';
    if (method === 'add') return shape === 'set' || shape === 'weak';
    return shape === 'map' || shape === 'set' || shape === 'weak';
  }
  return false;
}

/** `i % SIZE`, `(i + 1) % 64`: an index that stays below a number the code fixes. */
function isModuloIndex(key: TSESTree.Node | null, facts: FileContext['facts']): boolean {
  const node = key ? unwrap(key) : null;
  return node?.type === T.BinaryExpression && node.operator === '%' && isFixedCount(node.right, facts);
}

function isLengthOf(key: TSESTree.Node | null, target: TSESTree.Node): boolean {
  if (!key || target.type !== T.MemberExpression) return false;
  const keyNode = unwrap(key);
  if (keyNode.type !== T.MemberExpression) return false;
  const receiver = dottedName(target.object);
  return receiver !== null && dottedName(keyNode) === `${receiver}.length`;
}

function growsFromItself(value: TSESTree.Node, selfName: string, ownShape: Shape): boolean {
  if (value.type === T.ArrayExpression || value.type === T.ObjectExpression) {
    const items = value.type === T.ArrayExpression ? value.elements : value.properties;
    return (
      items.some((item) => item?.type === T.SpreadElement && dottedName(item.argument) === selfName) && items.length > 1
    );
  }
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    return (
      callee.type === T.MemberExpression &&
      dottedName(callee.object) === selfName &&
      !callee.computed &&
      callee.property.type === T.Identifier &&
      callee.property.name === 'concat'
    );
  }
  if (value.type === T.BinaryExpression && value.operator === '+') {
    // `log + a + b`, `a + '\n' + log`: the old value is one operand of the `+` chain.
    const operands: TSESTree.Node[] = [];
    const flatten = (node: TSESTree.Node): void => {
      const part = unwrap(node);
      if (part.type === T.BinaryExpression && part.operator === '+') {
        flatten(part.left);
        flatten(part.right);
      } else operands.push(part);
    };
    flatten(value);
    const hasSelf = operands.some((operand) => dottedName(operand) === selfName);
    return hasSelf && (ownShape === 'string' || operands.some((operand) => isStringy(operand)));
  }
  // `${log}${line}\n`
  if (value.type === T.TemplateLiteral)
    return value.expressions.some((expression) => dottedName(expression) === selfName);
  return false;
}

function isStringy(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === T.TemplateLiteral) return true;
  if (value.type === T.Literal) return typeof value.value === 'string';
  if (value.type === T.BinaryExpression && value.operator === '+')
    return isStringy(value.left) || isStringy(value.right);
  return false;
}

/** The key a `defineProperty`/`Reflect.set`-style call writes, or a computed key of an `Object.assign` source literal. */
function defineKey(site: WriteSite): TSESTree.Node | null {
  if (/^(?:Object\.assign|util\._extend|extend|_\.(?:merge|assign|extend|defaults).*)$/u.test(site.method ?? '')) {
    for (const source of site.values) {
      const value = unwrap(source);
      if (value.type !== T.ObjectExpression) continue;
      for (const property of value.properties)
        if (property.type === T.Property && property.computed) return property.key;
    }
    return null;
  }
  if (
    site.method === 'Object.defineProperties' ||
    site.method === 'Object.setPrototypeOf' ||
    site.method === 'Reflect.setPrototypeOf'
  ) {
    return null;
  }
  return site.values[0] ?? null;
}

/** `list.slice(-20)`, `list.slice(0, 50)`: the list a `slice` with numeric bounds written in code cuts, else null. */
function cutToFixedLength(value: TSESTree.Node): TSESTree.Node | null {
  if (value.type !== T.CallExpression || value.arguments.length === 0) return null;
  const callee = unwrap(value.callee);
  if (callee.type !== T.MemberExpression || staticPropertyName(callee) !== 'slice') return null;
  const bound = (node: TSESTree.Node): boolean => {
    const arg = unwrap(node);
    if (arg.type === T.UnaryExpression && arg.operator === '-') return bound(arg.argument);
    return arg.type === T.Literal && typeof arg.value === 'number';
  };
  return value.arguments.every(bound) ? unwrap(callee.object) : null;
}
