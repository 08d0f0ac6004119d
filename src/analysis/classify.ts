// Decides which leak a request-time write is (cache > growth > request data > write), or that it is safe.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { dottedName, enclosingFunction, isFunctionNode, unwrap } from './ast.js';
import { isGuardedInit, isInsideInitGuard, type StateCheck } from './lazy-init.js';
import type { ModuleState, Shape } from './module-state.js';
import type { RequestData } from './request-data.js';
import type { TypeOracle } from './type-aware.js';
import type { FunctionNode, LeakKind } from './types.js';
import { ARRAY_ONLY_METHODS, type WriteSite } from './writes.js';

const REMOVING_METHODS = new Set(['delete', 'clear', 'pop', 'shift', 'splice']);
const MAP_SET_METHODS = new Set(['set', 'add', 'delete', 'clear']);
const REMOVING_ONLY = new Set(['delete', 'clear', 'pop', 'shift']);
/** lodash functions that only take entries out of their target. */
const LODASH_REMOVERS = /^_\.(?:unset|pull|pullAll|pullAt|remove)$/u;

export interface Classification {
  kind: LeakKind;
  how: string;
  /** The write runs only when the handler-like function gets an argument at this position (`if (next) x = next`). */
  requiresArgument?: number;
}

export class Classifier {
  /** Receivers (`root.path`) something removes entries from or replaces: they are bounded by the code. */
  private readonly evicted = new Set<string>();
  /** Latched roots: every request-time write assigns the same boolean, the opposite of the initial one. */
  private readonly latched = new Set<string>();

  constructor(
    private readonly state: ModuleState,
    private readonly requestData: RequestData,
    private readonly isStateCheck: StateCheck,
    allSites: readonly WriteSite[],
    requestTimeSites: readonly WriteSite[],
    /** Does this code ever run after start-up (per request, or in a timer or event callback)? */
    runsLater: (site: WriteSite) => boolean,
    private readonly callSitesOf: (fn: FunctionNode) => readonly TSESTree.CallExpression[],
    private readonly isRequestTime: (node: TSESTree.Node) => boolean,
    /** With type information: what the receiver really is, which beats what the syntax suggests. */
    private readonly types: TypeOracle | null = null,
  ) {
    for (const site of allSites) {
      // A reset in a test helper or dead code bounds nothing.
      if (!runsLater(site)) continue;
      if (site.form === 'delete') this.evicted.add(receiverKey(site, site.path.slice(0, -1)));
      if (site.form === 'define' && LODASH_REMOVERS.test(site.method ?? ''))
        this.evicted.add(receiverKey(site, site.path));
      if (site.form === 'call' && site.method && REMOVING_METHODS.has(site.method) && removesEntries(site)) {
        this.evicted.add(receiverKey(site, site.path));
      }
      // Emptying the whole collection bounds it when it happens on a size check or a timer, not on a request's whim.
      const emptied =
        (site.form === 'assign' && site.operator === '=' && site.values[0] && isFreshContainer(site.values[0])) ||
        (site.form === 'assign' && site.path[site.path.length - 1] === 'length' && isZero(site.values[0])) ||
        (site.form === 'call' && site.method === 'clear');
      // `if (!seen) seen = new Set()` creates the collection once; it empties nothing.
      if (emptied && !isGuardedInit(site, this.isStateCheck)) {
        const receiver =
          site.form === 'assign' && site.path[site.path.length - 1] === 'length' ? site.path.slice(0, -1) : site.path;
        if (!isUnderRequestCondition(site.node, this.requestData)) this.evicted.add(receiverKey(site, receiver));
      }
    }
    this.findLatches(requestTimeSites);
  }

  private findLatches(sites: readonly WriteSite[]): void {
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
      const initial = this.state.shapeOf(root, []);
      if (initial !== 'boolean' && initial !== 'empty' && initial !== 'unknown') continue;
      const init = root.variable?.defs[0]?.node;
      const initValue = init && init.type === T.VariableDeclarator && init.init ? unwrap(init.init) : null;
      if (initValue && initValue.type === T.Literal && written.has(initValue.value)) continue;
      this.latched.add(key);
    }
  }

  classify(site: WriteSite, handler: FunctionNode): Classification | null {
    const presence = presenceGuard(site.node);
    if (presence && presence.fn !== handler && this.neverPassed(presence.fn, presence.index)) return null;
    const result = this.classifyWrite(site, handler);
    // In a summary of another file the caller decides: `options()` with no argument never reaches the write.
    if (result && presence && presence.fn === handler) result.requiresArgument = presence.index;
    return result;
  }

  /** Every request-time call of `fn` passes fewer than `index + 1` arguments (and no spread). */
  private neverPassed(fn: FunctionNode, index: number): boolean {
    const calls = this.callSitesOf(fn).filter((call) => this.isRequestTime(call));
    return (
      calls.length > 0 &&
      calls.every((call) => call.arguments.length <= index && !call.arguments.some((a) => a.type === T.SpreadElement))
    );
  }

  private classifyWrite(site: WriteSite, handler: FunctionNode): Classification | null {
    if (this.latched.has(site.root.key)) return null;
    // Redefining an exported function per request (`exports.notify = function …` in the handler) replaces the
    // module's API every time: a write, but the closure's captured request is not data the module keeps.
    const redefinesExport =
      site.root.key.startsWith('exports.') &&
      site.values.length > 0 &&
      site.values.every((v) => isFunctionNode(unwrap(v)));
    const tainted = !redefinesExport && site.values.some((value) => this.requestData.isRequestDerived(value));
    // `cache[event.id] ??= load()` fills a slot per request: that is a cache, not a one-time initialisation.
    if (
      !tainted &&
      !this.hasRequestKey(site) &&
      (isGuardedInit(site, this.isStateCheck) || this.calledOnlyUnderGuard(site, handler))
    ) {
      return null;
    }
    const dataOr = (how: string): Classification => ({ kind: tainted ? 'requestData' : 'write', how });

    switch (site.form) {
      case 'call':
        return this.classifyCall(site, handler, tainted);
      case 'define': {
        const how = `\`${site.method}()\``;
        if (LODASH_REMOVERS.test(site.method ?? '')) return { kind: 'write', how };
        if (this.requestData.isRequestDerived(defineKey(site)) && this.isUnboundedKeyed(site, site.path))
          return { kind: 'cache', how };
        return dataOr(how);
      }
      case 'delete':
        return { kind: 'write', how: '`delete`' };
      case 'update': {
        const how = `\`${site.operator}\``;
        // `hits[event.route]++` makes one slot per distinct route.
        if (this.keyedByRequest(site)) return { kind: 'cache', how };
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

  /** `if (!initialized) await init()`: a helper whose every request-time call sits inside an init guard. */
  private calledOnlyUnderGuard(site: WriteSite, handler: FunctionNode): boolean {
    const fn = enclosingFunction(site.node);
    if (!fn || fn === handler) return false;
    const calls = this.callSitesOf(fn).filter((call) => this.isRequestTime(call));
    return calls.length > 0 && calls.every((call) => isInsideInitGuard(call, this.isStateCheck));
  }

  /** A write under a request-derived computed key to an object-like receiver nothing evicts. */
  private keyedByRequest(site: WriteSite): boolean {
    if (site.path[site.path.length - 1] !== '[]' || !this.requestData.isRequestDerived(site.key)) return false;
    return this.isUnboundedKeyed(site, site.path.slice(0, -1));
  }

  private isUnboundedKeyed(site: WriteSite, receiverPath: readonly string[]): boolean {
    const shape = this.state.shapeOf(site.root, receiverPath);
    return shape !== 'array' && shape !== 'bounded' && !this.evicted.has(receiverKey(site, receiverPath));
  }

  private hasRequestKey(site: WriteSite): boolean {
    for (let node = site.target; node.type === T.MemberExpression; node = unwrap(node.object)) {
      if (node.computed && this.requestData.isRequestDerived(node.property)) return true;
    }
    return site.form === 'call' && this.requestData.isRequestDerived(site.key);
  }

  private classifyCall(site: WriteSite, handler: FunctionNode, tainted: boolean): Classification | null {
    const method = site.method!;
    const shape = this.types?.shapeOf(site.target) ?? this.state.shapeOf(site.root, site.path);
    if (!methodFits(method, shape)) return null;
    const how = `\`${method}()\``;
    const key = receiverKey(site, site.path);
    if (method === 'set' && shape !== 'weak') {
      if (this.requestData.isRequestDerived(site.key) && !this.evicted.has(key)) return { kind: 'cache', how };
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
    if (this.evicted.has(key) || resetsEachInvocation(handler, site)) {
      // Bounded by the code itself; still state shared with concurrent requests.
      return { kind: tainted ? 'requestData' : 'write', how };
    }
    return { kind: 'growth', how };
  }

  private classifyAssignment(site: WriteSite, handler: FunctionNode, tainted: boolean): Classification {
    const operator = site.operator ?? '=';
    const how = operator === '=' ? 'assignment' : `\`${operator}\``;
    const value = site.values[0] ? unwrap(site.values[0]) : null;
    const last = site.path[site.path.length - 1];
    const receiverPath = site.path.slice(0, -1);
    const receiverShape = site.path.length > 0 ? this.state.shapeOf(site.root, receiverPath) : 'unknown';
    const receiver = receiverKey(site, receiverPath);

    // `hits[event.route] += 1`: a slot per distinct key, whatever the operator.
    if (last === '[]' && operator !== '=' && operator !== '||=' && operator !== '??=' && this.keyedByRequest(site)) {
      return { kind: 'cache', how };
    }
    // `CACHE[event.item] = item`, `arr[arr.length] = x`
    if (last === '[]' && (operator === '=' || operator === '||=' || operator === '??=')) {
      if (receiverShape === 'array' || isLengthOf(site.key, site.target)) {
        if (!this.evicted.has(receiver) && !resetsEachInvocation(handler, site, receiverPath))
          return { kind: 'growth', how: 'an index write' };
      } else if (
        receiverShape !== 'bounded' &&
        this.requestData.isRequestDerived(site.key) &&
        !this.evicted.has(receiver)
      ) {
        return { kind: 'cache', how: 'a computed-key write' };
      }
    }

    const selfName = dottedName(site.target);
    const ownShape = this.state.shapeOf(site.root, site.path);
    if (value && selfName !== null && !resetsEachInvocation(handler, site, site.path)) {
      // `ids = [...ids, id]`, `ids = ids.concat(id)`, `log = log + line`
      if (operator === '=' && growsFromItself(value, selfName, ownShape)) {
        const keyed =
          value.type === T.ObjectExpression &&
          value.properties.some(
            (property) =>
              property.type === T.Property && property.computed && this.requestData.isRequestDerived(property.key),
          );
        if (keyed) return { kind: 'cache', how: 'a spread with a computed key' };
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

function receiverKey(site: WriteSite, path: readonly string[]): string {
  return [site.root.key, ...path].join('.');
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

function isFreshContainer(node: TSESTree.Node): boolean {
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

/**
 * `buf = []` or `buf.length = 0` (or `buf.clear()`) as a statement of the handler body itself: the collection
 * starts empty on every invocation, so it does not grow across invocations.
 */
function resetsEachInvocation(handler: FunctionNode, site: WriteSite, path: readonly string[] = site.path): boolean {
  if (site.throughAlias) return false;
  return resetNames(handler).has([site.root.name, ...path].join('.'));
}

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

function isZero(node: TSESTree.Node | undefined): boolean {
  return !!node && node.type === T.Literal && node.value === 0;
}

/** `splice(i, 0, x)` only inserts; `pop`, `shift`, `delete`, `clear` and a deleting splice remove. */
function removesEntries(site: WriteSite): boolean {
  if (site.method !== 'splice' || site.node.type !== T.CallExpression) return true;
  const deleteCount = site.node.arguments[1];
  return !(deleteCount && deleteCount.type === T.Literal && deleteCount.value === 0);
}

/** The key a `defineProperty`/`Reflect.set`-style call writes, or a computed key of an `Object.assign` source literal. */
function defineKey(site: WriteSite): TSESTree.Node | null {
  if (site.method === 'Object.assign' || /^_\.(?:merge|assign|extend|defaults)/u.test(site.method ?? '')) {
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

/**
 * `function options(next) { if (next) current = next; return current; }`: the write sits under a test of the
 * function's own parameter, so it only runs when a caller passes that argument.
 */
function presenceGuard(node: TSESTree.Node): { fn: FunctionNode; index: number } | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if (parent.type !== T.IfStatement || parent.consequent !== child) continue;
    const tested = presenceTested(parent.test);
    if (!tested) continue;
    const index = fn.params.findIndex((param) => param.type === T.Identifier && param.name === tested);
    if (index >= 0) return { fn, index };
  }
  return null;
}

/** The name a presence test checks: `p`, `p !== undefined`, `p != null`, `p !== null`, `typeof p !== 'undefined'`. */
function presenceTested(test: TSESTree.Node): string | null {
  const node = unwrap(test);
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.BinaryExpression && (node.operator === '!==' || node.operator === '!=')) {
    const [left, right] = [unwrap(node.left), unwrap(node.right)];
    const nothing = (n: TSESTree.Node) =>
      (n.type === T.Identifier && n.name === 'undefined') ||
      (n.type === T.Literal && (n.value === null || n.value === 'undefined'));
    const subject = nothing(right) ? left : nothing(left) ? right : null;
    if (subject?.type === T.Identifier) return subject.name;
    if (
      subject?.type === T.UnaryExpression &&
      subject.operator === 'typeof' &&
      subject.argument.type === T.Identifier
    ) {
      return subject.argument.name;
    }
  }
  return null;
}
