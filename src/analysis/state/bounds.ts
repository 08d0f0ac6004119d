// Bounds: whether the code itself keeps a collection bounded. Something removes entries or empties it after
// start-up (evicted), a size cap, an expiry check or a timer removes them (capped: an explicit cache), entries are
// released by key when their owner ends (a registry), the handler resets it at entry, or every request-time write
// is the same one-way latch.
import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FileContext } from '../context.js';
import {
  calleeName,
  dottedName,
  enclosingFunction,
  functionName,
  isFunctionNode,
  staticPropertyName,
  unwrap,
  valueParent,
  walk,
} from '../file/ast.js';
import { declaredVariables, initializerOf } from '../file/scopes.js';
import type { FunctionNode } from '../types.js';
import { callTakingCallback, conditionsAt } from './guards.js';
import { isGuardedInit, type StateCheck } from './lazy-init.js';
import { isStateRoot, type StateRoot } from './module-state.js';
import type { RequestData } from './request-data.js';
import { removedElsewhere, sharedPlaceOf } from './shared-removals.js';
import type { WriteSite } from './writes.js';

const REMOVING_METHODS = new Set(['delete', 'clear', 'pop', 'shift', 'splice']);
/** lodash functions that only take entries out of their target. */
export const LODASH_REMOVERS = /^_\.(?:unset|pull|pullAll|pullAt|remove)$/u;
/** Timers whose callback runs later on its own: a removal there is an expiry or a periodic sweep. */
const TIMERS = new Set(['setInterval', 'setTimeout']);
/** Calls that read the clock: a removal under a test of one is an expiry (TTL) check. */
const CLOCK_CALLS = new Set([
  'Date.now',
  'performance.now',
  'process.hrtime',
  'process.hrtime.bigint',
  'process.uptime',
]);
/** Calls that run a function later, once: a consumer scheduled this way drains a work queue. */
const SCHEDULERS = new Set(['queueMicrotask', 'setImmediate', 'setTimeout', 'nextTick']);
/** Methods that take one entry off a queue. */
const TAKING = new Set(['shift', 'pop']);
const MAX_LOCAL_DEPTH = 3;
/** How many calls deep the functions that run a removal are looked for in the removal's own file. */
const MAX_REMOVAL_CALLERS = 3;
const NONE: ReadonlyMap<string, boolean> = new Map();

export class Bounds {
  /** Receivers (`root.path`) something removes entries from or replaces: they are bounded by the code. */
  private readonly evictedKeys = new Set<string>();
  /** Receivers whose entries a size cap, an expiry check or a timer removes: explicit caches. */
  private readonly cappedKeys = new Set<string>();
  /** Receivers whose entries later code removes one key at a time (`delete users[socket.id]` on disconnect). */
  private readonly releasedKeys = new Set<string>();
  /** Work queues: receivers a consumer takes entries off (`shift()`, `pop()`) in a function the code schedules. */
  private readonly drainedKeys = new Set<string>();
  /** Receivers with removals only in code that never runs after start-up, by the functions that hold them. */
  private readonly unreachedRemovals = new Map<string, Set<string>>();
  /** Latched roots: every request-time write assigns the same boolean, the opposite of the initial one. */
  private readonly latchedKeys = new Set<string>();
  /** Write sites in code that runs once, at start-up. */
  private readonly startUpSites: WriteSite[];
  /** Module numbers that count what a collection holds: added to elsewhere, taken from where entries are removed. */
  private readonly sizeCounters = new Map<Scope.Variable, string>();
  /** Per root: the receivers other files remove entries from through a binding of the same shared place. */
  private readonly removedByOthers = new Map<string, ReadonlyMap<string, boolean>>();

  constructor(
    private readonly ctx: FileContext,
    private readonly isStateCheck: StateCheck,
    allSites: readonly WriteSite[],
    requestTimeSites: readonly WriteSite[],
  ) {
    const removals = allSites.flatMap((site) => {
      const removal = this.removalOf(site);
      return removal ? [{ site, removal }] : [];
    });
    this.findSizeCounters(allSites, new Set(removals.map(({ site }) => enclosingFunction(site.node))));
    /** Functions that remove entries on a cap, an expiry or a timer: the sweeps of explicit caches. */
    const sweeps = new Set<FunctionNode | null>();
    for (const { site, removal } of removals) {
      const key = receiverKey(site, removal.receiver);
      // A reset in a test helper or dead code bounds nothing; remember where it is, for the message. Assigning
      // a fresh container there (a constructor, a start-up init) creates the collection rather than removing.
      if (!this.runsLater(site)) {
        const holder = enclosingFunction(site.node);
        const name = holder ? functionName(holder) : null;
        if (name && !(site.form === 'assign' && site.path.at(-1) !== 'length')) {
          const names = this.unreachedRemovals.get(key) ?? new Set<string>();
          names.add(name);
          this.unreachedRemovals.set(key, names);
        }
        continue;
      }
      this.evictedKeys.add(key);
      if (removal.keyed) this.releasedKeys.add(key);
      if (site.form === 'call' && TAKING.has(site.method ?? '') && this.inScheduledFunction(site.node))
        this.drainedKeys.add(key);
      if (this.isBoundingRemoval(site)) {
        this.cappedKeys.add(key);
        sweeps.add(enclosingFunction(site.node));
      }
    }
    this.addMaintenance(allSites, sweeps);
    this.startUpSites = allSites.filter((site) => !this.runsLater(site));
    this.findLatches(requestTimeSites, allSites);
  }

  /**
   * What a write site takes out of its receiver: one key (`delete x[k]`, `m.delete(k)`), entries (`shift()`), or
   * everything (`clear()`, `x = []`, `x.length = 0` when no request decides it). `if (!seen) seen = new Set()`
   * creates the collection once; it empties nothing.
   */
  private removalOf(site: WriteSite): { receiver: readonly string[]; keyed: boolean } | null {
    if (site.form === 'delete') return { receiver: site.path.slice(0, -1), keyed: site.path.at(-1) === '[]' };
    if (site.form === 'define' && LODASH_REMOVERS.test(site.method ?? '')) return { receiver: site.path, keyed: false };
    if (site.form === 'call' && site.method && REMOVING_METHODS.has(site.method) && removesEntries(site)) {
      const keyed = site.method === 'delete' && site.node.type === T.CallExpression && site.node.arguments.length > 0;
      return { receiver: site.path, keyed };
    }
    // `x.length = 0` empties it; `x.length = MAX` (a fixed number) cuts it back to that many entries.
    const emptiesLength =
      site.form === 'assign' &&
      site.operator === '=' &&
      site.path.at(-1) === 'length' &&
      (isZero(site.values[0]) || isFixedCount(site.values[0], this.ctx.facts));
    const emptied =
      (site.form === 'assign' && site.operator === '=' && site.values[0] && isFreshContainer(site.values[0])) ||
      emptiesLength;
    if (!emptied || isGuardedInit(site, this.isStateCheck)) return null;
    // Emptying the whole collection bounds it when it happens on a size check or a timer, not on a request's whim.
    if (isUnderRequestCondition(site.node, this.ctx.requestData)) return null;
    return { receiver: emptiesLength ? site.path.slice(0, -1) : site.path, keyed: false };
  }

  /**
   * `bytes += body.length` where entries are added and `bytes -= body.length` where they are removed: a module
   * number that counts what a collection holds. Reading it is reading the collection's size (`if (bytes > MAX)`).
   */
  private findSizeCounters(allSites: readonly WriteSite[], removing: ReadonlySet<FunctionNode | null>): void {
    const counts = (site: WriteSite, operators: readonly string[]) =>
      site.root.variable !== null && site.path.length === 0 && operators.includes(site.operator ?? '');
    const added = new Set(allSites.filter((site) => counts(site, ['+=', '++'])).map((site) => site.root.variable));
    for (const site of allSites) {
      if (counts(site, ['-=', '--']) && added.has(site.root.variable) && removing.has(enclosingFunction(site.node)))
        this.sizeCounters.set(site.root.variable!, site.root.key);
    }
  }

  /**
   * The bookkeeping of an explicit cache is part of it: the size counter its sweep tests and takes from, and the
   * flag that schedules the sweep (`if (!queued) { queued = true; queueMicrotask(sweep) }`) when only the sweep sets
   * it back. Their writes are as quiet as the cache's own.
   */
  private addMaintenance(allSites: readonly WriteSite[], sweeps: ReadonlySet<FunctionNode | null>): void {
    if (sweeps.size === 0) return;
    const byRoot = new Map<Scope.Variable, WriteSite[]>();
    for (const site of allSites) {
      const variable = site.root.variable;
      if (!variable || site.path.length !== 0) continue;
      const list = byRoot.get(variable) ?? [];
      list.push(site);
      byRoot.set(variable, list);
    }
    for (const [variable, sites] of byRoot) {
      const inSweep = (site: WriteSite) => sweeps.has(enclosingFunction(site.node));
      if (this.sizeCounters.has(variable)) {
        if (sites.some((site) => (site.operator === '-=' || site.operator === '--') && inSweep(site)))
          this.cappedKeys.add(sites[0].root.key);
        continue;
      }
      const initial = booleanInitialiser(variable);
      if (initial === null) continue;
      const values = sites.map((site) => {
        const value = site.form === 'assign' && site.operator === '=' ? unwrap(site.values[0]) : null;
        return value?.type === T.Literal && typeof value.value === 'boolean' ? value.value : null;
      });
      if (values.includes(null) || !values.includes(!initial)) continue;
      // Set elsewhere, set back only by the sweep; a flag the sweep itself raises and lowers is its busy flag.
      if (sites.every((site, i) => (values[i] === initial) === inSweep(site))) this.cappedKeys.add(sites[0].root.key);
    }
  }

  /** Does code that runs after start-up remove entries from `root.path`, or empty it outside a request's choice? */
  evicted(site: WriteSite, path: readonly string[]): boolean {
    return this.evictedKeys.has(receiverKey(site, path)) || this.elsewhere(site).has(path.join('.'));
  }

  /**
   * What other files remove from the place this root stands for (`const server = Server.getInstance()` there and
   * here, `delete server.monitorList[id]` there), by receiver path; empty when the root is this file's own.
   */
  private elsewhere(site: WriteSite): ReadonlyMap<string, boolean> {
    const variable = site.root.variable;
    const { settings, filename, facts } = this.ctx;
    if (!variable || site.throughAlias || !settings.crossFile || !path.isAbsolute(filename)) return NONE;
    let known = this.removedByOthers.get(site.root.key);
    if (!known) {
      const place = sharedPlaceOf(facts, filename, variable);
      known = place ? removedElsewhere(place, filename) : NONE;
      this.removedByOthers.set(site.root.key, known);
    }
    return known;
  }

  /**
   * Is the place a write reaches part of a collection that a size cap (`if (map.size > N) map.delete(oldest)`), an
   * expiry check (`if (entry.exp < Date.now()) map.delete(k)`, a sweep of expired entries) or a timer
   * (`setInterval(() => map.clear())`, `setTimeout(() => map.delete(k), ttl)`) keeps bounded? That is the explicit
   * cache the messages recommend: every write to it, its maintenance included, is quiet.
   */
  capped(site: WriteSite): boolean {
    for (let length = 0; length <= site.path.length; length++) {
      if (this.cappedKeys.has(receiverKey(site, site.path.slice(0, length)))) return true;
    }
    return false;
  }

  /**
   * Is `root.path` a work queue: entries taken off one by one by a consumer that the code schedules
   * (`queueMicrotask(drain)`, `setImmediate(drain)`), so what a request puts there is handed over, not kept?
   */
  drained(site: WriteSite, path: readonly string[]): boolean {
    return this.drainedKeys.has(receiverKey(site, path));
  }

  /** In a function handed by name or inline to a scheduler (`queueMicrotask`, `setImmediate`, a timer, `nextTick`). */
  private inScheduledFunction(node: TSESTree.Node): boolean {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const call = callTakingCallback(fn);
      if (call && SCHEDULERS.has(calleeName(call.callee) ?? '')) return true;
      if (this.passedByName(fn, (c) => c.arguments[0] !== undefined && SCHEDULERS.has(calleeName(c.callee) ?? '')))
        return true;
    }
    return false;
  }

  /** Does later code release entries of `root.path` one key at a time (a registry of live things)? */
  released(site: WriteSite, path: readonly string[]): boolean {
    return this.releasedKeys.has(receiverKey(site, path)) || this.elsewhere(site).get(path.join('.')) === true;
  }

  /** The functions that remove entries of `root.path` but that nothing runs after start-up (`resetForTests`). */
  unreachedRemovers(site: WriteSite, path: readonly string[]): string[] {
    return [...(this.unreachedRemovals.get(receiverKey(site, path)) ?? [])].sort();
  }

  /**
   * The names under which code of another file can run those removals: the removing functions and the functions
   * of this file that call them by name (`wipe()` calling `forget()`), a few calls deep. A caller that runs one of
   * them on the same holder after start-up (`grants.revoke(ip)` in a logout route) bounds the collection.
   */
  removalEntries(removers: readonly string[]): string[] {
    const names = new Set(removers);
    let frontier = [...removers];
    for (let depth = 0; depth < MAX_REMOVAL_CALLERS && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const call of this.ctx.facts.callsNamed(...frontier)) {
        const fn = enclosingFunction(call);
        const name = fn ? functionName(fn) : null;
        if (name && !names.has(name)) {
          names.add(name);
          next.push(name);
        }
      }
      frontier = next;
    }
    return [...names].sort();
  }

  /** Does the handler empty `root.path` in its own top-level statements, so it starts empty every invocation? */
  resetsAtEntry(handler: FunctionNode, site: WriteSite, path: readonly string[] = site.path): boolean {
    if (site.throughAlias) return false;
    return resetNames(handler).has([site.root.name, ...path].join('.'));
  }

  /** Is every request-time write of this root the same boolean, the opposite of its initial value? */
  latched(root: StateRoot): boolean {
    return this.latchedKeys.has(root.key);
  }

  /** Does this code ever run after start-up (per request, or in a timer or event callback)? */
  private runsLater(site: WriteSite): boolean {
    const { reach } = this.ctx;
    if (reach.contextOf(site.node) !== null || reach.isHandedBack(site.node) || inModuleLevelCallback(site.node)) {
      return true;
    }
    // `setInterval(sweep, 60_000)` at module level, with `function sweep() { … }` defined apart.
    let outer = enclosingFunction(site.node);
    for (let next = outer; next; next = enclosingFunction(next)) outer = next;
    return !!outer && this.passedByName(outer, (call) => enclosingFunction(call) === null);
  }

  /** A removal in a timer callback, or under a test of the collection's size or of the clock. */
  private isBoundingRemoval(site: WriteSite): boolean {
    if (this.inTimerCallback(site.node)) return true;
    return conditionsAt(site.node, true).some(
      (condition) =>
        (condition.via !== 'exit' || condition.exits === 'always') &&
        // The entry tested may have been looked up by a request key; the size or the clock still decides.
        (this.mentions(condition.test, (node) => this.isSizeRead(node), 0) ||
          this.mentions(condition.test, isClockRead, 0)),
    );
  }

  /** In a timer callback, or in a function that a timer callback calls (`setInterval(() => flush(path), ms)`). */
  private runsOnTimer(node: TSESTree.Node): boolean {
    if (this.inTimerCallback(node)) return true;
    let outer = enclosingFunction(node);
    for (let next = outer; next; next = enclosingFunction(next)) outer = next;
    if (!outer) return false;
    return !!this.variableNaming(outer)?.references.some((reference) => {
      const { parent, child } = valueParent(reference.identifier);
      return parent?.type === T.CallExpression && parent.callee === child && this.inTimerCallback(parent);
    });
  }

  private inTimerCallback(node: TSESTree.Node): boolean {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      const call = callTakingCallback(fn);
      if (call && TIMERS.has(calleeName(call.callee) ?? '')) return true;
      // `setTimeout(expire, ttl)` with `function expire() { … }` defined apart.
      if (this.passedToTimer(fn)) return true;
    }
    return false;
  }

  private passedToTimer(fn: FunctionNode): boolean {
    return this.passedByName(
      fn,
      (call) => call.arguments[0] !== undefined && TIMERS.has(calleeName(call.callee) ?? ''),
    );
  }

  /** Is the function, by its name, handed as an argument to a call that `accepts`? */
  /** The variable that names `fn`: its declaration's, or the one it is assigned to (`const sweep = () => …`). */
  private variableNaming(fn: FunctionNode) {
    const declarator = valueParent(fn).parent;
    const holder =
      fn.type === T.FunctionDeclaration ? fn : declarator?.type === T.VariableDeclarator ? declarator : null;
    const name =
      fn.id?.name ??
      (declarator?.type === T.VariableDeclarator && declarator.id.type === T.Identifier ? declarator.id.name : null);
    if (!holder || name === null) return null;
    return declaredVariables(this.ctx.facts.file, holder).find((v) => v.name === name) ?? null;
  }

  private passedByName(fn: FunctionNode, accepts: (call: TSESTree.CallExpression) => boolean): boolean {
    return !!this.variableNaming(fn)?.references.some((reference) => {
      const { parent, child } = valueParent(reference.identifier);
      return (
        parent?.type === T.CallExpression &&
        parent.arguments.includes(child as TSESTree.CallExpressionArgument) &&
        accepts(parent)
      );
    });
  }

  /** `map.size`, `list.length`, `Object.keys(obj).length` of module state, or a module counter of its size. */
  private isSizeRead(node: TSESTree.Node): boolean {
    if (node.type === T.Identifier) {
      const variable = this.ctx.facts.variableOf(node);
      return !!variable && this.sizeCounters.has(variable);
    }
    if (node.type !== T.MemberExpression) return false;
    const name = staticPropertyName(node);
    if (name !== 'size' && name !== 'length') return false;
    const object = unwrap(node.object);
    if (object.type === T.CallExpression && dottedName(object.callee)?.startsWith('Object.') && object.arguments[0])
      return isStateRoot(this.ctx.facts, this.ctx.state, object.arguments[0]);
    return isStateRoot(this.ctx.facts, this.ctx.state, object) || isThisMember(object);
  }

  /** Does the expression, or a local it reads (`const excess = map.size - MAX`), contain such a node? */
  private mentions(expression: TSESTree.Node, is: (node: TSESTree.Node) => boolean, depth: number): boolean {
    let found = false;
    walk(expression, this.ctx.facts.file.visitorKeys, (node) => {
      if (found || (node !== expression && isFunctionNode(node))) return false;
      if (is(node)) {
        found = true;
        return false;
      }
      if (node.type === T.Identifier && depth < MAX_LOCAL_DEPTH) {
        const variable = this.ctx.facts.variableOf(node);
        const init = variable && enclosingFunction(node) ? initializerOf(variable) : null;
        if (init && enclosingFunction(init) && this.mentions(init, is, depth + 1)) found = true;
      }
      return true;
    });
    return found;
  }

  /**
   * Does code that runs once at start-up (not per request, not in a timer or event callback) assign the root the
   * boolean opposite to what requests write?
   */
  private setAtStartUp(key: string, written: ReadonlySet<unknown>): boolean {
    return this.startUpSites.some((site) => {
      if (site.root.key !== key || site.form !== 'assign' || site.operator !== '=' || site.path.length !== 0)
        return false;
      const value = unwrap(site.values[0]);
      return value.type === T.Literal && typeof value.value === 'boolean' && !written.has(value.value);
    });
  }

  private findLatches(sites: readonly WriteSite[], allSites: readonly WriteSite[]): void {
    const requestTime = new Set(sites);
    const byRoot = new Map<string, WriteSite[]>();
    for (const site of sites) {
      if (site.throughAlias) continue;
      const list = byRoot.get(site.root.key) ?? [];
      list.push(site);
      byRoot.set(site.root.key, list);
    }
    for (const [key, list] of byRoot) {
      const root = list[0].root;
      const written = new Set<unknown>();
      const allBooleans = list.every((site) => {
        if (site.form !== 'assign' || site.operator !== '=' || site.path.length !== 0) return false;
        const value = unwrap(site.values[0]);
        if (value.type !== T.Literal || typeof value.value !== 'boolean') return false;
        written.add(value.value);
        return true;
      });
      if (!allBooleans || written.size !== 1) continue;
      const initial = this.ctx.state.shapeOf(root, []);
      if (initial !== 'boolean' && initial !== 'empty' && initial !== 'unknown') continue;
      const init = root.variable?.defs[0]?.node;
      const initValue = init && init.type === T.VariableDeclarator && init.init ? unwrap(init.init) : null;
      // `let needSetup = false` that start-up code sets to `true` (once, before any request): requests setting it
      // back to `false` close a one-way latch all the same.
      if (initValue && initValue.type === T.Literal && written.has(initValue.value) && !this.setAtStartUp(key, written))
        continue;
      // A dirty flag: requests set it and a timer sets it back after flushing (`if (!dirty) return; dirty =
      // false; save()` every minute). It is set again on every later request, so it is no one-way latch.
      const setBack = allSites.some(
        (site) =>
          !requestTime.has(site) &&
          site.root.key === key &&
          site.path.length === 0 &&
          site.form === 'assign' &&
          site.values[0] !== undefined &&
          !written.has((unwrap(site.values[0]) as { value?: unknown }).value) &&
          this.runsOnTimer(site.node),
      );
      if (setBack) continue;
      // `if (req.headers['x-debug']) debug = true`: the request decides whether the flag flips, so a request sets
      // it for every later one; not a latch the code closes by itself (a strict write).
      if (list.some((site) => isUnderRequestCondition(site.node, this.ctx.requestData))) continue;
      this.latchedKeys.add(key);
    }
  }
}

/** `let queued = false`: the boolean a module variable's declaration gives it, or null. */
function booleanInitialiser(variable: Scope.Variable): boolean | null {
  const declarator = variable.defs[0]?.node;
  if (variable.defs.length !== 1 || declarator?.type !== T.VariableDeclarator || !declarator.init) return null;
  const init = unwrap(declarator.init);
  return init.type === T.Literal && typeof init.value === 'boolean' ? init.value : null;
}

/** Code in a function handed to a call at module level (`setInterval(() => …)`, `emitter.on('x', () => …)`). */
function inModuleLevelCallback(node: TSESTree.Node): boolean {
  let fn = enclosingFunction(node);
  if (!fn) return false;
  for (let outer = enclosingFunction(fn); outer; outer = enclosingFunction(outer)) fn = outer;
  const { parent, child } = valueParent(fn);
  return (
    (parent?.type === T.CallExpression || parent?.type === T.NewExpression) &&
    parent.arguments.includes(child as TSESTree.CallExpressionArgument) &&
    enclosingFunction(parent) === null
  );
}

/** `Date.now()`, `performance.now()`, `new Date()`, `x.getTime()`: a read of the clock. */
function isClockRead(node: TSESTree.Node): boolean {
  if (node.type === T.NewExpression) return dottedName(node.callee) === 'Date';
  if (node.type !== T.CallExpression) return false;
  const name = dottedName(node.callee);
  if (name !== null && CLOCK_CALLS.has(name)) return true;
  const callee = unwrap(node.callee);
  return callee.type === T.MemberExpression && staticPropertyName(callee) === 'getTime';
}

/** `this.frames`: a member of the instance a method runs on (the long-lived instance, where its writes are state). */
function isThisMember(node: TSESTree.Node): boolean {
  let current = unwrap(node);
  if (current.type !== T.MemberExpression) return false;
  while (current.type === T.MemberExpression) current = unwrap(current.object);
  return current.type === T.ThisExpression;
}

function receiverKey(site: WriteSite, path: readonly string[]): string {
  return [site.root.key, ...path].join('.');
}

export function isFreshContainer(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === T.ArrayExpression) return value.elements.length === 0;
  if (value.type === T.ObjectExpression) return value.properties.length === 0;
  if (value.type === T.Literal) return value.value === '' || value.value === null;
  if (value.type === T.NewExpression) {
    const name = dottedName(value.callee);
    return (name === 'Map' || name === 'Set' || name === 'Array' || name === 'Object') && value.arguments.length === 0;
  }
  return false;
}

/**
 * Resets at entry: `buf = []` or `buf.length = 0` (or `buf.clear()`) as a statement of the handler body itself,
 * so the collection starts empty on every invocation and does not grow across invocations.
 */
const resetNamesMemo = new WeakMap<FunctionNode, Set<string>>();

/** The dotted names a handler resets in its own top-level statements, computed once per handler. */
function resetNames(handler: FunctionNode): Set<string> {
  const memo = resetNamesMemo.get(handler);
  if (memo) return memo;
  const names = new Set<string>();
  resetNamesMemo.set(handler, names);
  if (handler.body.type !== T.BlockStatement) return names;
  for (const statement of topLevelStatements(handler.body.body)) {
    if (statement.type !== T.ExpressionStatement) continue;
    const expression = unwrap(statement.expression);
    if (expression.type === T.AssignmentExpression && expression.operator === '=') {
      const left = dottedName(expression.left);
      if (left === null) continue;
      const right = unwrap(expression.right);
      if (isFreshContainer(expression.right)) names.add(left);
      else if (left.endsWith('.length') && right.type === T.Literal && right.value === 0)
        names.add(left.slice(0, -'.length'.length));
    } else if (expression.type === T.CallExpression) {
      const callee = dottedName(expression.callee);
      if (callee?.endsWith('.clear') && expression.arguments.length === 0) names.add(callee.slice(0, -'.clear'.length));
      else if (callee?.endsWith('.splice') && isZero(expression.arguments[0]) && expression.arguments.length === 1) {
        names.add(callee.slice(0, -'.splice'.length));
      }
    }
  }
  return names;
}

/** A number the code fixes: a literal, or a module `const` initialised to one (`const MAX = 20`). */
export function isFixedCount(raw: TSESTree.Node | undefined, facts: FileContext['facts']): boolean {
  if (!raw) return false;
  const node = unwrap(raw);
  if (node.type === T.Literal) return typeof node.value === 'number' && node.value >= 0;
  if (node.type !== T.Identifier) return false;
  const variable = facts.variableOf(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : null;
  if (def?.type !== 'Variable' || def.parent.kind !== 'const') return false;
  const init = def.node.init ? unwrap(def.node.init) : null;
  return init?.type === T.Literal && typeof init.value === 'number';
}

export function isZero(node: TSESTree.Node | undefined): boolean {
  return !!node && node.type === T.Literal && node.value === 0;
}

/** `splice(i, 0, x)` only inserts; `pop`, `shift`, `delete`, `clear` and a deleting splice remove. */
function removesEntries(site: WriteSite): boolean {
  if (site.method !== 'splice' || site.node.type !== T.CallExpression) return true;
  const deleteCount = site.node.arguments[1];
  return !(deleteCount && deleteCount.type === T.Literal && deleteCount.value === 0);
}

/** Inside an `if`/`?:`/`&&` whose test reads the request: `if (event.reset) buf = []` runs when a caller says so. */
function isUnderRequestCondition(node: TSESTree.Node, requestData: RequestData): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if ((parent.type === T.IfStatement || parent.type === T.ConditionalExpression) && parent.test !== child) {
      if (requestData.isRequestDerived(parent.test) || mentionsRequest(parent.test, requestData)) return true;
    }
    if (parent.type === T.LogicalExpression && parent.right === child && mentionsRequest(parent.left, requestData))
      return true;
  }
  return false;
}

/** `event.reset`, `!event.keep`, `event.mode === 'reset'`: a test that depends on the request. */
function mentionsRequest(test: TSESTree.Node, requestData: RequestData): boolean {
  const node = unwrap(test);
  if (requestData.isRequestDerived(node)) return true;
  if (node.type === T.UnaryExpression) return mentionsRequest(node.argument, requestData);
  if (node.type === T.BinaryExpression || node.type === T.LogicalExpression) {
    return mentionsRequest(node.left, requestData) || mentionsRequest(node.right, requestData);
  }
  return false;
}

/** Statements that run on every invocation: the body, plus the blocks of a top-level `try`. */
function topLevelStatements(body: readonly TSESTree.Statement[]): TSESTree.Statement[] {
  const result: TSESTree.Statement[] = [];
  for (const statement of body) {
    result.push(statement);
    if (statement.type === T.TryStatement) {
      result.push(...statement.block.body);
      if (statement.finalizer) result.push(...statement.finalizer.body);
    }
  }
  return result;
}
