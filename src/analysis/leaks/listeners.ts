// Registrations that outlive the invocation: listeners, intervals and routes a handler adds to long-lived objects.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileContext } from '../context.js';
import {
  dottedName,
  enclosingFunction,
  isFunctionNode,
  isInside,
  rootIdentifier,
  staticPropertyName,
  unwrap,
  valueParent,
} from '../file/ast.js';
import { GLOBAL_OBJECTS } from '../file/globals.js';
import type { FileFacts } from '../file/index.js';
import { propertyValue } from '../file/members.js';
import type { ParsedFile } from '../file/parsed-file.js';
import { initializerOf } from '../file/scopes.js';
import { isAppReceiver } from '../handlers/index.js';
import { isStateRoot } from '../state/module-state.js';
import type { Handler } from '../types.js';

/** What kind of registration leaks; each has its own message. */
export type ListenerLeakKind = 'process' | 'emitter' | 'interval' | 'eventTarget' | 'route';

/** One request-time registration that nothing removes before the invocation ends. */
export interface ListenerLeak {
  kind: ListenerLeakKind;
  /** The registering call; the report lands here. */
  node: TSESTree.CallExpression;
  /** The long-lived object it registers on, as written: `process`, `bus`, `window`, `app`; `setInterval` for timers. */
  target: string;
  /** The registering method: `on`, `once`, `addEventListener`, `setInterval`, `get`, `use`. */
  method: string;
  /** The method that would undo it, for the message: `off`, `removeEventListener`, `clearInterval`. */
  remover: string;
  handler: Handler;
  via: string[];
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const LISTENER_REMOVERS = new Set(['off', 'removeListener']);
const GLOBAL_TARGETS = GLOBAL_OBJECTS;
const EVENT_MODULES = new Set(['events', 'node:events']);
const PROCESS = new Set(['process']);
const ROUTE_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all', 'any', 'route']);
const ROUTER_NAMES = /^(app|api|server|router|routes|.+Router|.+App)$/u;
/** The callee names a registration can have (`registration()` decides on nothing else): a file that spells none of them registers nothing. */
const REGISTERING_NAMES = ['setInterval', ...LISTENER_METHODS, 'addEventListener', 'use', ...ROUTE_VERBS];
/** The callee names of the calls that can undo a registration. */
const REMOVING_NAMES = [
  'off',
  'removeListener',
  'removeAllListeners',
  'removeEventListener',
  'abort',
  'clearInterval',
  'clearTimeout',
];

/** The registrations made at request time that are not undone in the same handler. */
export function findListenerLeaks(ctx: FileContext): ListenerLeak[] {
  return new ListenerFinder(ctx).find();
}

interface Registration {
  kind: ListenerLeakKind;
  target: string;
  method: string;
  remover: string;
  /** Lookup keys (see `removalKey`) of the calls that may undo it; `undoes` makes the final decision. */
  removers: readonly string[];
  /** Does `call` undo this registration? */
  undoes: (call: TSESTree.CallExpression) => boolean;
}

class ListenerFinder {
  private readonly facts: FileFacts;
  private readonly sourceCode: ParsedFile;

  constructor(private readonly ctx: FileContext) {
    this.facts = ctx.facts;
    this.sourceCode = ctx.file;
  }

  find(): ListenerLeak[] {
    const leaks: ListenerLeak[] = [];
    // Only calls by a registering name, in source order: asked by name, the file's text answers first, so a handler
    // file that registers nothing needs no call index.
    const candidates = this.facts.callsNamed(...REGISTERING_NAMES).sort((a, b) => a.range[0] - b.range[0]);
    for (const call of candidates) {
      const registration = this.registration(call);
      if (!registration) continue;
      const context = this.ctx.reach.contextOf(call);
      if (!context) continue;
      if (this.isUndone(call, registration, context.handler)) continue;
      leaks.push({
        kind: registration.kind,
        node: call,
        target: registration.target,
        method: registration.method,
        remover: registration.remover,
        handler: context.handler,
        via: context.via,
      });
    }
    return leaks;
  }

  private registration(call: TSESTree.CallExpression): Registration | null {
    const callee = unwrap(call.callee);
    if (this.isTimer(callee, 'setInterval')) return this.intervalRegistration(call);
    if (callee.type !== T.MemberExpression) return null;
    const method = staticPropertyName(callee);
    if (method === null) return null;
    const receiver = pipeDestination(unwrap(callee.object));
    const target = dottedName(receiver);
    if (target === null) return null;

    if (LISTENER_METHODS.has(method)) {
      const isProcess = this.isProcess(receiver);
      if (!isProcess && !this.isModuleEmitter(receiver)) return null;
      const [event, listener] = call.arguments;
      if (!event || !listener) return null;
      return {
        kind: isProcess ? 'process' : 'emitter',
        target,
        method,
        remover: 'off',
        removers: [
          ...['off', 'removeListener', 'removeAllListeners'].map((name) => this.removalKey(name, target, event)),
          this.removalKey('removeAllListeners', target, undefined),
        ],
        undoes: (other) => {
          const otherCallee = unwrap(other.callee);
          if (otherCallee.type !== T.MemberExpression || dottedName(otherCallee.object) !== target) return false;
          const name = staticPropertyName(otherCallee);
          if (name === 'removeAllListeners')
            return other.arguments.length === 0 || this.sameValue(other.arguments[0], event);
          if (name === null || !LISTENER_REMOVERS.has(name)) return false;
          return this.sameValue(other.arguments[0], event) && this.sameListener(other.arguments[1], listener);
        },
      };
    }

    if (method === 'addEventListener') {
      if (!this.isGlobalTarget(receiver) && !this.isModuleStateTarget(receiver)) return null;
      const [type, listener, options] = call.arguments;
      if (!type || !listener) return null;
      const signal =
        options && unwrap(options).type === T.ObjectExpression
          ? propertyValue(unwrap(options) as TSESTree.ObjectExpression, 'signal')
          : null;
      const controller =
        signal &&
        unwrap(signal).type === T.MemberExpression &&
        staticPropertyName(unwrap(signal) as TSESTree.MemberExpression) === 'signal'
          ? dottedName((unwrap(signal) as TSESTree.MemberExpression).object)
          : null;
      return {
        kind: 'eventTarget',
        target,
        method,
        remover: 'removeEventListener',
        removers: [
          this.removalKey('removeEventListener', target, type),
          ...(controller === null ? [] : [this.removalKey('abort', controller, undefined)]),
        ],
        undoes: (other) => {
          const otherCallee = unwrap(other.callee);
          if (otherCallee.type !== T.MemberExpression) return false;
          const name = staticPropertyName(otherCallee);
          // `{ signal: controller.signal }` is removed by `controller.abort()`.
          if (controller !== null && name === 'abort' && dottedName(otherCallee.object) === controller) return true;
          if (name !== 'removeEventListener' || dottedName(otherCallee.object) !== target) return false;
          return this.sameValue(other.arguments[0], type) && this.sameListener(other.arguments[1], listener);
        },
      };
    }

    if (
      (method === 'use' || ROUTE_VERBS.has(method)) &&
      this.isModuleStateTarget(receiver) &&
      this.isRouter(receiver, call, method)
    ) {
      return { kind: 'route', target, method, remover: '', removers: [], undoes: () => false };
    }
    return null;
  }

  /** `setInterval(...)` whose id is discarded, or stored and never passed to `clearInterval` in the same handler. */
  private intervalRegistration(call: TSESTree.CallExpression): Registration | null {
    let { parent, child } = valueParent(call);
    // `setInterval(...).unref()` still runs while the environment lives; the id is dropped all the same.
    if (parent?.type === T.MemberExpression && parent.object === child && staticPropertyName(parent) === 'unref') {
      const outer = valueParent(parent);
      if (outer.parent?.type === T.CallExpression && outer.parent.callee === outer.child)
        ({ parent, child } = valueParent(outer.parent));
    }
    let stored: TSESTree.Node | null = null;
    if (parent?.type === T.VariableDeclarator && parent.init === child && parent.id.type === T.Identifier)
      stored = parent.id;
    else if (parent?.type === T.AssignmentExpression && parent.right === child && parent.operator === '=')
      stored = parent.left;
    else if (
      parent?.type === T.ExpressionStatement ||
      (parent?.type === T.UnaryExpression && parent.operator === 'void')
    )
      stored = null;
    else return null; // returned, passed on, pushed: someone else may clear it; unknown, so quiet.
    const idKey = stored ? this.valueKey(stored) : null;
    return {
      kind: 'interval',
      target: 'setInterval',
      method: 'setInterval',
      remover: 'clearInterval',
      removers:
        stored === null
          ? []
          : ['clearInterval', 'clearTimeout'].flatMap((name) =>
              ['', ...GLOBAL_TARGETS].map((object) => this.removalKey(name, object, stored)),
            ),
      undoes: (other) => {
        if (idKey === null) return false;
        const callee = unwrap(other.callee);
        if (!this.isTimer(callee, 'clearInterval') && !this.isTimer(callee, 'clearTimeout')) return false;
        const argument = other.arguments[0];
        return !!argument && this.valueKey(argument) === idKey;
      },
    };
  }

  /**
   * Intervals count as cleared by any `clearInterval(id)` in the same handler (polling loops clear themselves);
   * listeners only by a removal in `finally`, or one that runs on every path that returns normally.
   */
  private isUndone(call: TSESTree.CallExpression, registration: Registration, handler: Handler): boolean {
    if (registration.kind === 'route') return false;
    for (const other of registration.removers.flatMap((key) => this.removalIndex().get(key) ?? [])) {
      if (other === call || !registration.undoes(other)) continue;
      if (registration.kind === 'interval') {
        if (this.ctx.reach.contextOf(other)?.handler.node === handler.node) return true;
        continue;
      }
      if (this.runsOnEveryNormalExit(call, other)) return true;
    }
    return false;
  }

  /** Does `removal` run after `registration` on every path that leaves the function normally? */
  private runsOnEveryNormalExit(registration: TSESTree.Node, removal: TSESTree.Node): boolean {
    // In `finally`: runs on every path through the try, thrown or not. The try must contain the registration,
    // or itself be reached on every path after it (`bus.on(…); try { … } finally { bus.off(…) }`).
    for (let node: TSESTree.Node | undefined = removal; node && !isFunctionNode(node); node = node.parent) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (parent?.type === T.TryStatement && parent.finalizer === node) {
        if (isInside(registration, parent) && !isInside(registration, node)) return true;
        if (this.followsOnEveryPath(registration, parent)) return true;
      }
    }
    return this.followsOnEveryPath(registration, removal);
  }

  /** Straight-line code after the registration, in a function that contains it, with no `return` in between. */
  private followsOnEveryPath(registration: TSESTree.Node, removal: TSESTree.Node): boolean {
    const fn = enclosingFunction(removal);
    if (!fn || !isInside(registration, fn) || removal.range[0] < registration.range[1]) return false;
    if (fn.body.type !== T.BlockStatement) return false;
    for (let node: TSESTree.Node = removal; node !== fn.body;) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (!parent) return false;
      const unconditional =
        parent.type === T.ExpressionStatement ||
        parent.type === T.AwaitExpression ||
        parent.type === T.ChainExpression ||
        parent.type === T.BlockStatement ||
        parent.type === T.LabeledStatement ||
        (parent.type === T.TryStatement && parent.block === node) ||
        (parent.type === T.VariableDeclarator && parent.init === node) ||
        parent.type === T.VariableDeclaration;
      if (!unconditional) return false;
      node = parent;
    }
    const returns = this.facts.returnsOf(fn);
    return !returns.some((ret) => ret.range[0] > registration.range[0] && ret.range[0] < removal.range[0]);
  }

  private removals: Map<string, TSESTree.CallExpression[]> | null = null;

  /** Calls keyed by callee name, receiver text and first argument, built once: matching stays linear. */
  private removalIndex(): Map<string, TSESTree.CallExpression[]> {
    if (this.removals) return this.removals;
    this.removals = new Map();
    for (const name of REMOVING_NAMES) {
      for (const call of this.facts.callsNamed(name)) {
        const callee = unwrap(call.callee);
        const object = callee.type === T.MemberExpression ? (dottedName(callee.object) ?? '\0') : '';
        const key = this.removalKey(name, object, call.arguments[0]);
        const list = this.removals.get(key);
        if (list) list.push(call);
        else this.removals.set(key, [call]);
      }
    }
    return this.removals;
  }

  private removalKey(name: string, object: string, firstArgument: TSESTree.Node | undefined): string {
    let argument = '';
    if (firstArgument) {
      const value = unwrap(firstArgument);
      argument = value.type === T.Literal ? JSON.stringify(value.value) : this.sourceCode.getText(value);
    }
    return `${name}|${object}|${argument}`;
  }

  /** Same event name / listener: equal literals, the same variable, or the same member path. */
  private sameValue(a: TSESTree.Node | undefined, b: TSESTree.Node | undefined): boolean {
    if (!a || !b) return false;
    const left = unwrap(a);
    const right = unwrap(b);
    if (left.type === T.Literal && right.type === T.Literal) return left.value === right.value;
    if (
      left.type === T.TemplateLiteral &&
      right.type === T.TemplateLiteral &&
      left.expressions.length === 0 &&
      right.expressions.length === 0
    ) {
      return left.quasis[0]?.value.cooked === right.quasis[0]?.value.cooked;
    }
    const key = this.valueKey(left);
    return key !== null && key === this.valueKey(right);
  }

  /** An inline function can never be removed by identity: only a named listener can match. */
  private sameListener(a: TSESTree.Node | undefined, b: TSESTree.Node | undefined): boolean {
    if (!a || !b || isFunctionNode(unwrap(b))) return false;
    return this.sameValue(a, b);
  }

  /** A stable identity for an identifier (its variable) or a member path (its text). */
  private valueKey(node: TSESTree.Node): unknown {
    const value = unwrap(node);
    if (value.type === T.Identifier) {
      const variable = this.ctx.facts.variableOf(value);
      return variable ?? `global:${value.name}`;
    }
    return dottedName(value);
  }

  private isGlobalIdentifier(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
    const value = unwrap(node);
    if (value.type !== T.Identifier || !names.has(value.name)) return false;
    const reference = this.ctx.facts.referenceOf(value);
    if (!reference) return false;
    const variable = reference.resolved;
    return !variable || variable.defs.length === 0;
  }

  private isProcess(receiver: TSESTree.Node): boolean {
    if (this.isGlobalIdentifier(receiver, PROCESS)) return true;
    const value = unwrap(receiver);
    return (
      value.type === T.MemberExpression &&
      staticPropertyName(value) === 'process' &&
      this.isGlobalIdentifier(value.object, GLOBAL_TARGETS)
    );
  }

  private isGlobalTarget(receiver: TSESTree.Node): boolean {
    return this.isGlobalIdentifier(receiver, GLOBAL_TARGETS);
  }

  /** `setInterval`, `globalThis.setInterval`: the global timer, not a local function of the same name. */
  private isTimer(callee: TSESTree.Node, name: string): boolean {
    const value = unwrap(callee);
    if (value.type === T.Identifier) return value.name === name && this.isGlobalIdentifier(value, new Set([name]));
    return value.type === T.MemberExpression && staticPropertyName(value) === name && this.isGlobalTarget(value.object);
  }

  /** A module-scope value, not the global object itself, not a module namespace. */
  private isModuleStateTarget(receiver: TSESTree.Node): boolean {
    return (
      !this.isGlobalTarget(receiver) &&
      isStateRoot(this.ctx.facts, this.ctx.state, receiver) &&
      !this.isUnresolvedName(receiver)
    );
  }

  /** An emitter at module scope; `events.once(emitter, …)` on the `events` module is a helper, not a listener. */
  private isModuleEmitter(receiver: TSESTree.Node): boolean {
    if (!this.isModuleStateTarget(receiver)) return false;
    // `events.once(emitter, …)`: the `events` module itself, however it is imported.
    const root = rootIdentifier(receiver);
    const imported = root ? this.ctx.facts.imports.of(root) : null;
    return !(imported && EVENT_MODULES.has(imported.source));
  }

  /** Unresolved names that are not declared anywhere (`foo.on(...)` with `foo` a config global) stay quiet. */
  private isUnresolvedName(receiver: TSESTree.Node): boolean {
    const root = rootIdentifier(receiver);
    if (!root) return true;
    const reference = this.ctx.facts.referenceOf(root);
    return !reference || !reference.resolved || reference.resolved.defs.length === 0;
  }

  /**
   * An app or router: created by a known factory (`express()`, `Router()`, `new Hono()`), or named like one and
   * given a function. For verbs, the first argument must look like a path, so `cache.get(key)` never counts.
   */
  private isRouter(receiver: TSESTree.Node, call: TSESTree.CallExpression, method: string): boolean {
    const args = call.arguments;
    if (args.length === 0) return false;
    if (method !== 'use') {
      const first = unwrap(args[0]);
      const isPath =
        (first.type === T.Literal && (typeof first.value === 'string' || first.value instanceof RegExp)) ||
        first.type === T.TemplateLiteral;
      if (!isPath || args.length < 2) return false;
    }
    // An app, router or server of one of the platforms (`express()`, `new Hono()`, `polka()`, typed `Express`).
    if (unwrap(receiver).type === T.Identifier && isAppReceiver(this.ctx.facts, receiver)) return true;
    const root = rootIdentifier(receiver);
    const name = root?.name ?? '';
    return ROUTER_NAMES.test(name) && args.some((arg) => this.isFunctionValue(arg));
  }

  private isFunctionValue(node: TSESTree.Node): boolean {
    const value = unwrap(node);
    if (isFunctionNode(value)) return true;
    if (value.type !== T.Identifier) return false;
    const variable = this.ctx.facts.variableOf(value);
    if (!variable) return false;
    if (variable.defs.some((def) => def.type === 'FunctionName')) return true;
    const init = initializerOf(variable);
    return !!init && isFunctionNode(unwrap(init));
  }
}

/**
 * `source.pipe(a).pipe(b)` evaluates to `b`: a listener added at the end of a chain of pipes is added to the last
 * stream piped into.
 */
function pipeDestination(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === T.CallExpression &&
    current.callee.type === T.MemberExpression &&
    staticPropertyName(current.callee) === 'pipe' &&
    current.arguments.length >= 1 &&
    current.arguments[0].type !== T.SpreadElement
  ) {
    current = unwrap(current.arguments[0]);
  }
  return current;
}
