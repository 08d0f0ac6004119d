// Start-up patterns that write module state at request time on purpose: guarded lazy init, health-checked and
// refreshed singletons, memoising getters, one-way latches; and what looks like them but is not: a flag that the
// same request sets and sets back (a busy flag, toggled per request).
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { dottedName, enclosingFunction, isInside, staticPropertyName, unwrap, walk } from '../file/ast.js';
import type { FileFacts } from '../file/index.js';
import { isModuleLevel } from '../file/scopes.js';
import type { FileContext } from '../context.js';
import type { FunctionNode } from '../types.js';
import { conditionsAt, constInitializer, returnsIn, type Condition } from './guards.js';
import { isStateRoot, rootKeyOf, stateRootKeyOf } from './module-state.js';
import type { WriteSite } from './writes.js';

/** Is `node` a read of module state (`db`, `cache.client`, `globalThis.pool`) with no request-chosen key? */
export type StateCheck = (node: TSESTree.Node) => boolean;

/** Finds the function a getter call runs, in this file or in a relatively imported one. */
export type GetterResolver = (call: TSESTree.CallExpression) => { fn: FunctionNode; facts: FileFacts } | null;

const MAX_GETTER_DEPTH = 3;
/** How many locals that stand for the state (`const conn = pool`) a guard's test is followed through. */
const MAX_STATE_ALIASES = 4;
const REMOVALS = new Set(['delete', 'clear', 'pop', 'shift', 'splice']);

/**
 * `x ??= v`, `x ||= v`, `x = x || v`, `if (!x) x = v`, `if (x === undefined) …`, `x || (x = v)`,
 * `if (x) return x; x = v`: code that runs once per environment, not once per request.
 */
export function isGuardedInit(site: WriteSite, isStateCheck: StateCheck): boolean {
  if (site.form === 'assign') {
    if (site.operator === '||=' || site.operator === '??=') return true;
    const value = site.values[0] ? unwrap(site.values[0]) : null;
    if (value && site.operator === '=') {
      if (
        value.type === T.LogicalExpression &&
        (value.operator === '||' || value.operator === '??') &&
        samePlace(value.left, site.target)
      ) {
        return true;
      }
      if (value.type === T.ConditionalExpression && samePlace(value.test, site.target)) return true;
    }
  }
  // `const t = memo.get(k) || compile(k); memo.set(k, t)`: the entry is stored again only as what it already was,
  // or made once when missing, as `memo[k] ||= compile(k)` does.
  if (site.form === 'call' && site.method === 'set' && site.key && site.values[0]) {
    let value = unwrap(site.values[0]);
    if (value.type === T.Identifier) value = unwrap(constInitializer(value) ?? value);
    if (
      value.type === T.LogicalExpression &&
      (value.operator === '||' || value.operator === '??') &&
      readsEntry(value.left, site.target, site.key)
    ) {
      return true;
    }
  }
  return isInsideInitGuard(site.node, isStateCheck);
}

/** `receiver.get(key)`, also as the right of `enabled && receiver.get(key)`. */
function readsEntry(raw: TSESTree.Node, receiver: TSESTree.Node, key: TSESTree.Node): boolean {
  const node = unwrap(raw);
  if (node.type === T.LogicalExpression && node.operator === '&&') return readsEntry(node.right, receiver, key);
  if (node.type !== T.CallExpression || node.arguments.length !== 1) return false;
  const callee = unwrap(node.callee);
  return (
    callee.type === T.MemberExpression &&
    staticPropertyName(callee) === 'get' &&
    samePlace(callee.object, receiver) &&
    samePlace(node.arguments[0], key)
  );
}

/** `a.b`, `cache[key]`, `this.x[k]`: the same place written the same way (computed keys compared by name). */
function samePlace(left: TSESTree.Node, right: TSESTree.Node): boolean {
  const a = unwrap(left);
  const b = unwrap(right);
  if (a.type === T.Identifier) return b.type === T.Identifier && a.name === b.name;
  if (a.type === T.ThisExpression) return b.type === T.ThisExpression;
  if (a.type !== T.MemberExpression || b.type !== T.MemberExpression || a.computed !== b.computed) return false;
  if (!samePlace(a.object, b.object)) return false;
  if (!a.computed) return staticPropertyName(a) === staticPropertyName(b);
  const [ka, kb] = [unwrap(a.property), unwrap(b.property)];
  if (ka.type === T.Literal && kb.type === T.Literal) return ka.value === kb.value;
  return samePlace(ka, kb);
}

/** Is `node` inside a guard that lets it run only while module state is unset (lexically, through callbacks)? */
export function isInsideInitGuard(node: TSESTree.Node, isStateCheck: StateCheck): boolean {
  return conditionsAt(node, true).some((condition) => isInitCondition(condition, isStateCheck));
}

/** A condition that holds only while the state is unset: `if (!x)`, `else` of `if (x)`, after `if (x) return x`. */
function isInitCondition(condition: Condition, isStateCheck: StateCheck): boolean {
  if (condition.via === 'exit') {
    if (!isSetTest(condition.test, isStateCheck)) return false;
    // `if (conn) { try { await conn.ping(); return conn } catch { conn = undefined } }`: what follows runs only
    // when the state is missing or failed its check, because the healthy path returns it.
    return condition.exits === 'always' || returnsTestedState(condition, isStateCheck);
  }
  return condition.holds ? isUnsetTest(condition.test, isStateCheck) : isSetTest(condition.test, isStateCheck);
}

function returnsTestedState(condition: Condition, isStateCheck: StateCheck): boolean {
  const statement = condition.test.parent;
  if (statement?.type !== T.IfStatement) return false;
  const tested = new Set(stateReadsIn(condition.test, isStateCheck).map((node) => dottedName(node)));
  return returnsIn(statement.consequent).some((ret) => {
    const value = ret.argument ? unwrap(ret.argument) : null;
    return !!value && isStateCheck(value) && tested.has(dottedName(value));
  });
}

function stateReadsIn(test: TSESTree.Node, isStateCheck: StateCheck): TSESTree.Node[] {
  const node = unwrap(test);
  if (isStateCheck(node)) return [node];
  if (node.type === T.UnaryExpression) return stateReadsIn(node.argument, isStateCheck);
  if (node.type === T.LogicalExpression || node.type === T.BinaryExpression) {
    return [...stateReadsIn(node.left, isStateCheck), ...stateReadsIn(node.right, isStateCheck)];
  }
  return [];
}

/** True when the test holds only while the state is not yet set: `!x`, `x == null`, `typeof x === 'undefined'`. */
function isUnsetTest(test: TSESTree.Node, isStateCheck: StateCheck): boolean {
  const node = unwrap(test);
  if (node.type === T.UnaryExpression && node.operator === '!')
    return isStateCheck(unwrap(node.argument)) || isSetTest(node.argument, isStateCheck);
  if (node.type === T.LogicalExpression) {
    if (node.operator === '||') return isUnsetTest(node.left, isStateCheck) || isUnsetTest(node.right, isStateCheck);
    if (node.operator === '&&') return isUnsetTest(node.left, isStateCheck) || isUnsetTest(node.right, isStateCheck);
  }
  if (node.type === T.BinaryExpression && (node.operator === '==' || node.operator === '===')) {
    return comparesStateWithNothing(node, isStateCheck);
  }
  return false;
}

/** True when the test holds once the state is set: `x`, `x != null`, `x !== undefined`, `map.has(k)`. */
function isSetTest(test: TSESTree.Node, isStateCheck: StateCheck): boolean {
  const node = unwrap(test);
  if (isStateCheck(node)) return true;
  if (isEntryRead(node, isStateCheck)) return true;
  if (isOwnKeyTest(node, isStateCheck)) return true;
  if (node.type === T.UnaryExpression && node.operator === '!') return isUnsetTest(node.argument, isStateCheck);
  if (node.type === T.LogicalExpression && node.operator === '&&') {
    return isSetTest(node.left, isStateCheck) || isSetTest(node.right, isStateCheck);
  }
  // `if (bucket || !configured) return bucket`: past it, neither holds, so the state is unset.
  if (node.type === T.LogicalExpression && node.operator === '||') {
    return isSetTest(node.left, isStateCheck) || isSetTest(node.right, isStateCheck);
  }
  if (node.type === T.BinaryExpression && (node.operator === '!=' || node.operator === '!==')) {
    return comparesStateWithNothing(node, isStateCheck);
  }
  return false;
}

/** `map.has(k)` / `map.get(k)` on module state: the entry's presence, as `cache[k]` is for an object. */
function isEntryRead(node: TSESTree.Node, isStateCheck: StateCheck): boolean {
  if (node.type !== T.CallExpression || node.arguments.length !== 1) return false;
  const callee = unwrap(node.callee);
  if (callee.type !== T.MemberExpression) return false;
  const method = staticPropertyName(callee);
  return (method === 'has' || method === 'get') && isStateCheck(unwrap(callee.object));
}

/** `'prisma' in holder`, `Object.hasOwn(holder, 'prisma')`, `holder.hasOwnProperty('prisma')` on module state. */
function isOwnKeyTest(node: TSESTree.Node, isStateCheck: StateCheck): boolean {
  const isName = (key: TSESTree.Node | undefined) => !!key && unwrap(key).type === T.Literal;
  if (node.type === T.BinaryExpression && node.operator === 'in')
    return isName(node.left) && isStateCheck(unwrap(node.right));
  if (node.type !== T.CallExpression) return false;
  const callee = dottedName(node.callee);
  if (callee === 'Object.hasOwn' || callee === 'Reflect.has')
    return isName(node.arguments[1]) && !!node.arguments[0] && isStateCheck(unwrap(node.arguments[0]));
  const member = unwrap(node.callee);
  return (
    member.type === T.MemberExpression &&
    staticPropertyName(member) === 'hasOwnProperty' &&
    isName(node.arguments[0]) &&
    isStateCheck(unwrap(member.object))
  );
}

function comparesStateWithNothing(node: TSESTree.BinaryExpression, isStateCheck: StateCheck): boolean {
  const sides = [unwrap(node.left), unwrap(node.right)];
  const nothing = sides.find(isNothing);
  const other = sides.find((side) => side !== nothing);
  if (!nothing || !other) return false;
  if (isStateCheck(other) || isEntryRead(other, isStateCheck)) return true;
  // typeof x === 'undefined'
  return other.type === T.UnaryExpression && other.operator === 'typeof' && isStateCheck(unwrap(other.argument));
}

function isNothing(node: TSESTree.Node): boolean {
  if (node.type === T.Literal) return node.value === null || node.value === 'undefined' || node.value === false;
  if (node.type === T.Identifier) return node.name === 'undefined';
  return node.type === T.UnaryExpression && node.operator === 'void';
}

/** `true`, `false`, `0`, `-1`: a flag's or counter's value, never a resource a health check re-creates. */
function isConstantFlag(node: TSESTree.Node): boolean {
  if (node.type === T.Literal) return typeof node.value === 'boolean' || typeof node.value === 'number';
  return node.type === T.UnaryExpression && node.operator === '-' && isConstantFlag(unwrap(node.argument));
}

/** `undefined`, `null`, `void 0`: what a health check stores to drop a singleton so the next call re-creates it. */
function isEmptyValue(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === T.Literal) return value.value === null;
  if (value.type === T.Identifier) return value.name === 'undefined';
  return value.type === T.UnaryExpression && value.operator === 'void';
}

/**
 * The state check lazy-init guards use: a read of module state with no request-chosen part (`cache[event.id]` is
 * not), whose root is set at request time (`if (!ready)` with `ready` never assigned runs every invocation), and
 * that is not a flag the same request sets back (a busy flag guards nothing once).
 */
export function stateCheckFor(
  ctx: FileContext,
  requestTimeSites: readonly WriteSite[],
  toggled: ReadonlySet<string> = new Set(),
): StateCheck {
  const setAtRequestTime = new Set(requestTimeSites.map((site) => site.root.key));
  // `if (!this.instance) this.instance = new Manager()` in a singleton's or a class's static method.
  const thisSet = new Set<string>();
  for (const site of requestTimeSites) {
    const key = thisKey(site.target);
    if (key !== null) thisSet.add(key);
  }
  // `aliases`: how many locals standing for the state were followed to get here (`let a = b; let b = a` is valid code).
  const check = (node: TSESTree.Node, aliases = 0): boolean => {
    for (let current = unwrap(node); current.type === T.MemberExpression; current = unwrap(current.object)) {
      if (current.computed && ctx.requestData.isRequestDerived(current.property)) return false;
    }
    if (toggled.size > 0 && toggled.has(stateKeyOf(node))) return false;
    const self = thisSet.size > 0 ? thisKey(node) : null;
    if (self !== null) return thisSet.has(self);
    if (isStateRoot(ctx.facts, ctx.state, node)) return setAtRequestTime.has(stateRootKeyOf(ctx.facts, node));
    const source = aliases < MAX_STATE_ALIASES ? stateAliased(ctx, node) : null;
    return source !== null && check(source, aliases + 1);
  };
  return (node) => check(node);
}

/**
 * The state a local stands for: `let value = ref?.deref()`, `const conn = pool`. Testing the local tests the state
 * (a `WeakRef` re-made once collected, a singleton copied into a local first). Only a plain read or an
 * argument-free method call of it counts: `const item = cache.get(event.id)` is an entry the request chose.
 */
function stateAliased(ctx: FileContext, raw: TSESTree.Node): TSESTree.Node | null {
  const node = unwrap(raw);
  if (node.type !== T.Identifier) return null;
  const variable = ctx.facts.variableOf(node);
  const def = variable?.defs.length === 1 ? variable.defs[0] : null;
  if (
    def?.type !== 'Variable' ||
    enclosingFunction(def.node) === null ||
    !def.node.init ||
    def.node.id.type !== T.Identifier
  )
    return null;
  let init = unwrap(def.node.init);
  if (init.type === T.AwaitExpression) init = unwrap(init.argument);
  if (init.type === T.CallExpression && init.arguments.length === 0 && unwrap(init.callee).type === T.MemberExpression)
    init = unwrap((unwrap(init.callee) as TSESTree.MemberExpression).object);
  return init.type === T.Identifier || init.type === T.MemberExpression ? init : null;
}

/**
 * `this.instance` names the same place in every method of one class side or object: the key is that owner and the
 * first property (`<owner>:static:instance`); null when the read is not rooted at `this` inside a method.
 */
function thisKey(raw: TSESTree.Node): string | null {
  let node = unwrap(raw);
  let first: string | null = null;
  while (node.type === T.MemberExpression) {
    const object = unwrap(node.object);
    if (object.type === T.ThisExpression) first = staticPropertyName(node);
    node = object;
  }
  if (node.type !== T.ThisExpression || first === null) return null;
  let fn = enclosingFunction(node);
  while (fn && fn.type === T.ArrowFunctionExpression) fn = enclosingFunction(fn);
  const member = fn?.parent;
  if (!member || (member.type !== T.MethodDefinition && member.type !== T.Property)) return null;
  const owner = member.parent;
  if (!owner) return null;
  const side = member.type === T.MethodDefinition && member.static ? 'static' : 'instance';
  return `${owner.range[0]}:${side}:${first}`;
}

/** `root.a.b` for a static read of module state, the key toggles are recorded under. */
function stateKeyOf(node: TSESTree.Node): string {
  const root = rootKeyOf(node);
  const name = dottedName(node);
  if (!root || name === null) return root;
  // `window.x.y` is `globalThis.x.y`; `module.exports.x.y` is `exports.x.y`: the root key stands for the first
  // segments of the name, the rest is the path.
  const segments = name.split('.');
  const rootSegments = segments[0] === 'module' && segments[1] === 'exports' ? 3 : root.split('.').length;
  return [root, ...segments.slice(rootSegments)].join('.');
}

/** The key of a write site's static place (`busy`, `state.busy`); null when a segment is computed. */
export function siteKey(site: WriteSite): string | null {
  if (site.throughAlias || site.path.includes('[]')) return null;
  return [site.root.key, ...site.path].join('.');
}

/**
 * Flags toggled per request: every request-time write of the place stores a boolean literal, both `true` and
 * `false` are stored, and one function sets it and sets it back (directly, or in a callback or `finally` it
 * owns): `if (!busy) { busy = true; await work(); busy = false }`, or one request sets it and another sets it
 * back. Resets inside a `catch` (a failed start-up retried later) do not count. Concurrent requests see each other's value, so
 * it is a race, not a one-time latch, and guards on it are not init guards.
 */
export function findToggles(requestTimeSites: readonly WriteSite[]): Toggles {
  const byKey = new Map<string, WriteSite[]>();
  const mixed = new Set<string>();
  for (const site of requestTimeSites) {
    const key = siteKey(site);
    if (key === null) continue;
    if (booleanWritten(site) === null) mixed.add(key);
    const list = byKey.get(key) ?? [];
    list.push(site);
    byKey.set(key, list);
  }
  const toggled = new Toggles();
  for (const [key, list] of byKey) {
    if (mixed.has(key)) continue;
    const sets = list.filter((site) => booleanWritten(site) === true);
    // A reset in a `catch` is a failed start-up that will be retried: it makes nothing a toggle.
    const resets = list.filter((site) => booleanWritten(site) === false && !inCatchClause(site.node));
    const paired = sets.some((set) => {
      const owner = enclosingFunction(set.node);
      return !!owner && resets.some((reset) => isInside(reset.node, owner));
    });
    // Set by one request and set back by another (`/login` latches `authenticated = true`, `/logout` and the
    // landing page store `false`): a shared flag that requests flip, not a one-time latch.
    const flipped = sets.length > 0 && resets.length > 0;
    if (paired) toggled.sameRequest.add(key);
    if (paired || flipped) toggled.add(key);
  }
  return toggled;
}

/** Flags toggled per request (none of their writes is lazy init); `sameRequest`: the ones one request sets back. */
export class Toggles extends Set<string> {
  readonly sameRequest = new Set<string>();
}

/** Inside the `catch` block of a `try` in the same function. */
function inCatchClause(node: TSESTree.Node): boolean {
  const owner = enclosingFunction(node);
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    if (current.type === T.CatchClause) return true;
  }
  return false;
}

function booleanWritten(site: WriteSite): boolean | null {
  if (site.form !== 'assign' || site.operator !== '=' || !site.values[0]) return null;
  const value = unwrap(site.values[0]);
  return value.type === T.Literal && typeof value.value === 'boolean' ? value.value : null;
}

/**
 * Lazy initialisation beyond the presence guards: a singleton re-created when a check of its health or freshness
 * fails (`if (!client.isConnected()) client = await connect()`, `if (Date.now() > expiresAt) { token = …;
 * expiresAt = … }`), dropped by a failed health check (`catch { conn = undefined }`), or re-assigned from a getter
 * that memoises it (`server = await ensureServer()`). Each write can only store the same kind of singleton it
 * replaces, under a test of that singleton.
 */
export class LazyInit {
  private readonly getterMemo = new WeakMap<FunctionNode, boolean>();

  constructor(
    private readonly ctx: FileContext,
    private readonly isStateCheck: StateCheck,
    private readonly toggled: ReadonlySet<string>,
    /** Every write site of the file, to see which places a guarded region refreshes together. */
    private readonly sites: readonly WriteSite[],
    private readonly resolveGetter: GetterResolver | null,
  ) {}

  /** Is this write a one-time (or health-checked, or refreshed) initialisation of the state it writes? */
  isInit(site: WriteSite): boolean {
    // Taking entries out initialises nothing, whatever guards it.
    if (site.form === 'delete' || (site.form === 'call' && REMOVALS.has(site.method ?? ''))) return false;
    if (this.isToggled(site)) return false;
    if (isGuardedInit(site, this.isStateCheck)) return true;
    // Beyond presence guards only a whole replacement counts: `x = v` stores a new singleton, `x.n++` does not.
    if (site.form !== 'assign' || site.operator !== '=' || !site.values[0]) return false;
    const value = unwrap(site.values[0]);
    // A flag or counter set to a constant under a test of the state (`if (failures >= 5) open = true`, `if (now -
    // last > RESET) failures = 0`) is a transition of a shared state machine, such as a circuit breaker, that every
    // request moves: not a refreshed singleton.
    if (isConstantFlag(value)) return false;
    if (this.underHealthCheck(site.node, site.root.key)) return true;
    // `catch { conn = undefined }` under `if (conn)` of a lazily created connection: the next call re-creates it.
    if (isEmptyValue(value) && this.dropsLazySingleton(site)) return true;
    return this.isMemoisedValue(value);
  }

  /** Is a call of a helper that writes `rootKey` made only while that state is unset or failed its check? */
  isInitCall(call: TSESTree.Node, site: WriteSite): boolean {
    if (isInsideInitGuard(call, this.isStateCheck)) return true;
    return site.form === 'assign' && site.operator === '=' && this.underHealthCheck(call, site.root.key);
  }

  private isToggled(site: WriteSite): boolean {
    const key = siteKey(site);
    return key !== null && this.toggled.has(key);
  }

  /** Under a check that reads `rootKey` itself (`client.isConnected()`, `Date.now() > expiresAt`), or a place the guarded code refreshes together with it. */
  private underHealthCheck(node: TSESTree.Node, rootKey: string): boolean {
    for (const condition of conditionsAt(node, true)) {
      // A loop test (`i < list.length`) repeats the body; it does not check a singleton.
      if (condition.via === 'loop' || (condition.via === 'exit' && condition.exits !== 'always')) continue;
      if (this.ctx.requestData.isRequestDerived(condition.test)) continue;
      const probed = this.probedRoots(condition.test);
      if (probed.has(rootKey)) return true;
      for (const other of probed) if (this.regionWrites(condition.region, other)) return true;
    }
    return false;
  }

  /** The state a test checks beyond presence: members and methods of it, or it compared with a value. */
  private probedRoots(test: TSESTree.Node): Set<string> {
    const roots = new Set<string>();
    const visit = (raw: TSESTree.Node, inComparison: boolean): void => {
      const node = unwrap(raw);
      switch (node.type) {
        case T.MemberExpression: {
          if (this.isProbe(node)) roots.add(stateRootKeyOf(this.ctx.facts, node));
          else visit(node.object, false);
          if (node.computed) visit(node.property, false);
          return;
        }
        case T.Identifier:
          if (inComparison && this.isProbe(node)) roots.add(stateRootKeyOf(this.ctx.facts, node));
          return;
        case T.CallExpression:
          visit(node.callee, false);
          for (const argument of node.arguments) visit(argument, false);
          return;
        case T.UnaryExpression:
          if (node.operator !== 'typeof') visit(node.argument, false);
          return;
        case T.LogicalExpression:
          visit(node.left, false);
          visit(node.right, false);
          return;
        case T.BinaryExpression: {
          const compares = ['<', '<=', '>', '>=', '===', '!==', '==', '!='].includes(node.operator);
          const [left, right] = [unwrap(node.left), unwrap(node.right)];
          // `x === undefined` is a presence test, left to the presence guards; `Date.now() - last > ttl`
          // compares `last` through the arithmetic.
          const presence = isNothing(left) || isNothing(right);
          const operand = compares ? !presence : inComparison;
          visit(left, operand);
          visit(right, operand);
          return;
        }
        case T.AwaitExpression:
          visit(node.argument, false);
          return;
        default:
          return;
      }
    };
    visit(test, false);
    return roots;
  }

  /** A read of state that is set at request time and is not a toggled flag (the same test as presence guards). */
  private isProbe(node: TSESTree.Node): boolean {
    return this.isStateCheck(node);
  }

  private regionWrites(region: TSESTree.Node, rootKey: string): boolean {
    return this.sites.some(
      (site) => site.root.key === rootKey && isInside(site.node, region) && this.ctx.reach.contextOf(site.node),
    );
  }

  /** A reset to nothing under a test of the same state, where that state is created by a guarded init elsewhere. */
  private dropsLazySingleton(site: WriteSite): boolean {
    const key = siteKey(site);
    if (key === null) return false;
    const tested = conditionsAt(site.node, true).some((condition) =>
      stateReadsIn(condition.test, this.isStateCheck).some((read) => stateKeyOf(read) === key),
    );
    if (!tested) return false;
    return this.sites.some(
      (other) =>
        other !== site &&
        siteKey(other) === key &&
        other.values[0] !== undefined &&
        !isEmptyValue(other.values[0]) &&
        this.ctx.reach.contextOf(other.node) !== null &&
        isGuardedInit(other, this.isStateCheck),
    );
  }

  /** `server = await ensureServer()` where `ensureServer` returns a singleton it creates only once. */
  private isMemoisedValue(raw: TSESTree.Node): boolean {
    let value = unwrap(raw);
    if (value.type === T.AwaitExpression) value = unwrap(value.argument);
    if (value.type !== T.CallExpression) return false;
    if (value.arguments.some((argument) => this.ctx.requestData.isRequestDerived(argument))) return false;
    const local = [...this.ctx.reach.calleesOf(value)];
    const named = this.ctx.facts.functionOf(value.callee);
    if (named && !local.includes(named)) local.push(named);
    if (local.length > 0) return local.every((fn) => this.isMemoisingGetter(fn, this.ctx.facts, 0));
    const imported = this.resolveGetter?.(value);
    return !!imported && this.isMemoisingGetter(imported.fn, imported.facts, 0);
  }

  /**
   * Every return of `fn` gives the same module-level singleton: a read of it, or a guarded assignment to it
   * (`return (db ??= connect())`), and every write to it inside `fn` is itself a guarded init.
   */
  private isMemoisingGetter(fn: FunctionNode, facts: FileFacts, depth: number): boolean {
    if (depth > MAX_GETTER_DEPTH) return false;
    const memo = depth === 0 && facts === this.ctx.facts ? this.getterMemo.get(fn) : undefined;
    if (memo !== undefined) return memo;
    const result = memoisingGetter(fn, facts, depth, (inner, d) => this.isMemoisingGetter(inner, facts, d));
    if (depth === 0 && facts === this.ctx.facts) this.getterMemo.set(fn, result);
    return result;
  }
}

/**
 * Does `fn` return one module-held singleton every time (a static, a module variable, created once behind a guard)?
 * Calls to other getters of the same file are followed a few levels.
 */
export function returnsHeldSingleton(fn: FunctionNode, facts: FileFacts): boolean {
  const check = (inner: FunctionNode, depth: number): boolean =>
    depth <= MAX_GETTER_DEPTH && memoisingGetter(inner, facts, depth, check);
  return check(fn, 0);
}

function memoisingGetter(
  fn: FunctionNode,
  facts: FileFacts,
  depth: number,
  isGetter: (fn: FunctionNode, depth: number) => boolean,
): boolean {
  const returned =
    fn.body.type === T.BlockStatement ? returnsIn(fn.body).map((ret) => ret.argument ?? null) : [fn.body];
  if (returned.length === 0 || returned.some((value) => value === null)) return false;
  const roots = new Set<string>();
  for (const raw of returned as TSESTree.Node[]) {
    let value = unwrap(raw);
    if (value.type === T.AwaitExpression) value = unwrap(value.argument);
    if (value.type === T.AssignmentExpression) {
      const key = singletonKey(value.left, facts);
      if (key === null) return false;
      roots.add(key);
      continue;
    }
    if (value.type === T.LogicalExpression && (value.operator === '||' || value.operator === '??')) {
      const key = singletonKey(value.left, facts);
      if (key === null) return false;
      roots.add(key);
      continue;
    }
    if (value.type === T.CallExpression) {
      const inner = facts.functionOf(value.callee);
      if (!inner || inner === fn || !isGetter(inner, depth + 1)) return false;
      continue;
    }
    const key = singletonKey(value, facts);
    if (key === null) return false;
    roots.add(key);
  }
  const sameSingleton: StateCheck = (node) => {
    const key = singletonKey(node, facts);
    return key !== null && roots.has(key);
  };
  return assignmentsIn(fn, facts).every((assignment) => {
    const key = singletonKey(assignment.left, facts);
    if (key === null || !roots.has(key)) return true;
    if (assignment.operator === '??=' || assignment.operator === '||=') return true;
    const right = unwrap(assignment.right);
    if (right.type === T.LogicalExpression && singletonKey(right.left, facts) === key) return true;
    return isInsideInitGuard(assignment, sameSingleton);
  });
}

/** `server`, `cache.client`, `this.instance`: the module-level singleton a getter reads or writes, by name. */
function singletonKey(raw: TSESTree.Node, facts: FileFacts): string | null {
  const node = unwrap(raw);
  const name = dottedName(node);
  if (name === null) return null;
  let root = node;
  while (root.type === T.MemberExpression) root = unwrap(root.object);
  if (root.type === T.ThisExpression) return name.split('.').length > 1 ? name : null;
  if (root.type !== T.Identifier) return null;
  const variable = facts.variableOf(root);
  if (variable) {
    // Inside its own body a class's name is the class scope's binding: a static of a module-level class is still
    // module-held (`Server.instance`).
    const scope = variable.scope.type === 'class' && variable.scope.upper ? variable.scope.upper : variable.scope;
    if (!isModuleLevel(facts.scopes, scope)) return null;
    if (variable.defs.some((def) => def.type === 'FunctionName' || def.type === 'ImportBinding')) return null;
  } else if (!['globalThis', 'global'].includes(root.name)) {
    return null;
  }
  return name;
}

/** The assignments made by `fn` and the callbacks it creates. */
function assignmentsIn(fn: FunctionNode, facts: FileFacts): TSESTree.AssignmentExpression[] {
  const result: TSESTree.AssignmentExpression[] = [];
  walk(fn.body, facts.file.visitorKeys, (node) => {
    if (node.type === T.AssignmentExpression) result.push(node);
  });
  return result;
}
