// Code that only the browser runs, inside code the server runs per render: effects and mount hooks, JSX event
// handlers and callback refs, client-side fetchers, local functions used only from those, and branches behind
// `typeof window !== 'undefined'`, `isServer`, `import.meta.env.SSR` and the like. Reachability leaves them out.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { BaseContext } from '../context.js';
import { isFunctionNode, staticPropertyName, stringValue, unwrap, valueParent } from '../file/ast.js';
import { initializerOf, isModuleLevel } from '../file/scopes.js';
import {
  BROWSER_GLOBALS,
  CLIENT_ONLY_ATTRIBUTE,
  CLIENT_ONLY_CALLBACKS,
  ENVIRONMENT_FLAGS,
  ENVIRONMENT_MEMBERS,
  type ClientOnlyCallback,
  type RenderSide,
} from '../leaks/ssr-tables.js';
import type { FunctionNode } from '../types.js';

const MAX_DEPTH = 8;
/** React's memoising wrapper: the function it is given is the function its result is. */
const CALLBACK_WRAPPERS = new Set(['useCallback']);
const REACT = ['react', 'preact/hooks', 'preact/compat', 'preact'];

/** A file with none of these has no browser-only code to find (a cheap test that keeps server files fast). */
const CLIENT_HINTS =
  /\b(?:window|document|navigator|localStorage|sessionStorage|isServer|isBrowser|BROWSER|SSR|browser|process\.(?:client|browser|server)|use[A-Z]\w*|onMount|createEffect|createQuery|createInfiniteQuery|createMutation)\b|import\.meta|<[A-Za-z]/u;

export class ClientOnly {
  private readonly functionMemo = new Map<FunctionNode, boolean>();
  private readonly exitMemo = new Map<TSESTree.Node, number>();
  private readonly sideMemo = new Map<TSESTree.Node, RenderSide | null>();
  private readonly enabled: boolean;

  constructor(private readonly ctx: BaseContext) {
    this.enabled = CLIENT_HINTS.test(ctx.file.text);
  }

  /**
   * Does only the browser call this function? Callbacks of effects and mount hooks, JSX event handlers, client
   * fetchers and mutation callbacks, and local functions whose every use is in such code.
   */
  isClientOnlyFunction(fn: FunctionNode): boolean {
    if (!this.enabled) return false;
    const known = this.functionMemo.get(fn);
    if (known !== undefined) return known;
    this.functionMemo.set(fn, false); // a cycle of uses proves nothing
    const result = this.computeFunction(fn);
    this.functionMemo.set(fn, result);
    return result;
  }

  /**
   * Is this reference (or value) used only by the browser: handed to a client-only callback position, sitting in
   * a browser-only branch, or inside a client-only function?
   */
  isClientOnlyUse(node: TSESTree.Node): boolean {
    if (!this.enabled) return false;
    if (this.isClientOnlyValue(node, 0) || this.inBrowserBranch(node)) return true;
    for (let current = node.parent; current; current = current.parent) {
      if (isFunctionNode(current)) return this.isClientOnlyFunction(current);
    }
    return false;
  }

  /**
   * Is `node` in a branch only the browser takes: the consequent of `if (typeof window !== 'undefined')`, the
   * alternate of `if (isServer)`, the right of `!isServer && …`, or after `if (isServer) return …`?
   */
  inBrowserBranch(node: TSESTree.Node): boolean {
    if (!this.enabled) return false;
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      switch (parent.type) {
        case T.IfStatement:
        case T.ConditionalExpression:
          if (child === parent.test) break;
          if (this.sideOf(parent.test) === (child === parent.consequent ? 'browser' : 'server')) return true;
          break;
        case T.LogicalExpression:
          if (child !== parent.right) break;
          if (parent.operator === '&&' && this.sideOf(parent.left) === 'browser') return true;
          if (parent.operator === '||' && this.sideOf(parent.left) === 'server') return true;
          break;
        case T.BlockStatement:
        case T.SwitchCase: {
          const statements = parent.type === T.BlockStatement ? parent.body : parent.consequent;
          const index = statements.indexOf(child as TSESTree.Statement);
          if (index > this.serverExitIndex(parent, statements)) return true;
          break;
        }
        default:
          break;
      }
    }
    return false;
  }

  /** Which side a test is true on, when it says: `typeof window !== 'undefined'` → browser, `isServer` → server. */
  sideOf(test: TSESTree.Node, depth = 0): RenderSide | null {
    const known = this.sideMemo.get(test);
    if (known !== undefined) return known;
    this.sideMemo.set(test, null); // cycles (a flag whose setter sits behind the flag) end here
    const side = depth > MAX_DEPTH ? null : this.computeSide(unwrap(test), depth + 1);
    this.sideMemo.set(test, side);
    return side;
  }

  private computeFunction(fn: FunctionNode): boolean {
    if (this.isClientOnlyValue(fn, 0)) return true;
    const variable = this.bindingOf(fn);
    if (!variable) return false;
    const uses = variable.references.filter((reference) => !reference.init);
    return uses.length > 0 && uses.every((reference) => this.isClientOnlyUse(reference.identifier as TSESTree.Node));
  }

  /** The variable a function is known by: `function f() {}`, `const f = () => …`, `const f = useCallback(…)`. */
  private bindingOf(fn: FunctionNode): Scope.Variable | null {
    let value: TSESTree.Node = fn;
    if (fn.type === T.FunctionDeclaration) {
      return fn.id ? this.declared(fn.id) : null;
    }
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const { parent, child } = valueParent(value);
      if (parent?.type === T.VariableDeclarator && parent.init === child && parent.id.type === T.Identifier) {
        return this.declared(parent.id);
      }
      if (parent?.type === T.CallExpression && parent.arguments[0] === child && this.isCallbackWrapper(parent)) {
        value = parent;
        continue;
      }
      return null;
    }
    return null;
  }

  private declared(id: TSESTree.Identifier): Scope.Variable | null {
    // The declaration that declares `id`, also from inside a pattern (`const [value, setValue] = useState()`).
    let owner: TSESTree.Node | undefined = id.parent;
    while (owner && owner.type !== T.VariableDeclarator && !isFunctionNode(owner)) owner = owner.parent;
    if (!owner) return null;
    const variable = this.ctx.facts.file.scopeManager
      ?.getDeclaredVariables(owner)
      .find((each) => each.name === id.name) as Scope.Variable | undefined;
    if (!variable) return null;
    // Module functions are reached (or not) through the call graph; only locals are judged by their uses here.
    return variable.scope && isModuleLevel(this.ctx.scopes, variable.scope) ? null : variable;
  }

  private isCallbackWrapper(call: TSESTree.CallExpression): boolean {
    const imported = this.ctx.facts.imports.moduleValueOf(call.callee);
    return (
      !!imported &&
      REACT.includes(imported.source) &&
      imported.path.length === 1 &&
      CALLBACK_WRAPPERS.has(imported.path[0])
    );
  }

  /** Is the value at `node` handed straight to a place only the browser calls? */
  private isClientOnlyValue(node: TSESTree.Node, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const { parent, child } = valueParent(node);
    if (!parent) return false;
    switch (parent.type) {
      case T.JSXExpressionContainer: {
        const attribute = parent.parent;
        if (attribute?.type !== T.JSXAttribute) return false;
        const name = attribute.name.type === T.JSXIdentifier ? attribute.name.name : attribute.name.name.name;
        return CLIENT_ONLY_ATTRIBUTE.test(name);
      }
      case T.CallExpression: {
        const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
        if (index < 0) return false;
        if (index === 0 && this.isCallbackWrapper(parent)) return this.isClientOnlyValue(parent, depth + 1);
        return this.callbacksOf(parent).some((entry) => entry.argument === index && !entry.options);
      }
      case T.Property: {
        if (parent.value !== child || parent.parent?.type !== T.ObjectExpression) return false;
        const name = staticPropertyName(parent);
        const { parent: call, child: options } = valueParent(parent.parent);
        if (name === null || call?.type !== T.CallExpression) return false;
        const index = call.arguments.indexOf(options as TSESTree.CallExpressionArgument);
        return this.callbacksOf(call).some(
          (entry) => entry.argument === index && (entry.options?.includes(name) ?? false),
        );
      }
      case T.ConditionalExpression:
        return child !== parent.test && this.isClientOnlyValue(parent, depth + 1);
      case T.LogicalExpression:
        return this.isClientOnlyValue(parent, depth + 1);
      default:
        return false;
    }
  }

  /** The client-only callback entries a call matches, by the callee's import. */
  private callbacksOf(call: TSESTree.CallExpression): ClientOnlyCallback[] {
    const imported = this.ctx.facts.imports.moduleValueOf(call.callee);
    if (!imported || imported.typeOnly) return [];
    const name = imported.path.length === 0 ? 'default' : imported.path.length === 1 ? imported.path[0] : null;
    if (name === null) return [];
    return CLIENT_ONLY_CALLBACKS.filter(
      (entry) => entry.sources.includes(imported.source) && entry.names.includes(name),
    );
  }

  /**
   * The index after which the statements of a block run only in the browser: an `if (isServer) return …` (or
   * `throw`) with no `else` ends the server's path through the block. -1 when there is none.
   */
  private serverExitIndex(block: TSESTree.Node, statements: readonly TSESTree.Statement[]): number {
    const known = this.exitMemo.get(block);
    if (known !== undefined) return known;
    let found = Number.MAX_SAFE_INTEGER;
    this.exitMemo.set(block, found); // a test that depends on this block sees no exit while it is computed
    // Module-level code runs once, on the server as in the browser; only function code is split this way.
    if (block.parent?.type !== T.Program) {
      for (let index = 0; index < statements.length; index++) {
        const statement = statements[index];
        if (
          statement.type === T.IfStatement &&
          !statement.alternate &&
          alwaysExits(statement.consequent) &&
          this.sideOf(statement.test) === 'server'
        ) {
          found = index;
          break;
        }
      }
    }
    this.exitMemo.set(block, found);
    return found;
  }

  private computeSide(test: TSESTree.Node, depth: number): RenderSide | null {
    switch (test.type) {
      case T.UnaryExpression:
        return test.operator === '!' ? invert(this.sideOf(test.argument, depth)) : null;
      case T.LogicalExpression: {
        const left = this.sideOf(test.left, depth);
        const right = this.sideOf(test.right, depth);
        if (test.operator === '&&') return left ?? right;
        if (test.operator === '||') return left !== null && left === right ? left : null;
        return null;
      }
      case T.BinaryExpression:
        return this.comparisonSide(test, depth);
      case T.Identifier: {
        const flag = this.flagSide(test);
        if (flag) return flag;
        const variable = this.ctx.facts.variableOf(test);
        if (variable && this.isMountedFlag(variable)) return 'browser';
        const declaration = variable?.defs[0]?.parent as TSESTree.Node | null | undefined;
        const isConst = declaration?.type === T.VariableDeclaration && declaration.kind === 'const';
        const init = variable && isConst ? initializerOf(variable) : null;
        return init ? this.sideOf(init, depth) : null;
      }
      case T.CallExpression:
        return test.arguments.length === 0 ? this.flagSide(test.callee, true) : null;
      case T.MemberExpression: {
        const flag = this.flagSide(test);
        if (flag) return flag;
        const path = memberPath(test);
        return path === null ? null : (ENVIRONMENT_MEMBERS.get(path) ?? null);
      }
      default:
        return null;
    }
  }

  /** `typeof window !== 'undefined'`, `'undefined' === typeof document`, `import.meta.env.SSR === false`. */
  private comparisonSide(test: TSESTree.BinaryExpression, depth: number): RenderSide | null {
    const negated = test.operator === '!==' || test.operator === '!=';
    if (!negated && test.operator !== '===' && test.operator !== '==') return null;
    for (const [a, b] of [
      [test.left, test.right],
      [test.right, test.left],
    ] as const) {
      const value = unwrap(a);
      if (value.type === T.UnaryExpression && value.operator === 'typeof') {
        const target = unwrap(value.argument);
        const kind = stringValue(b);
        if (target.type !== T.Identifier || !BROWSER_GLOBALS.has(target.name) || kind === null) continue;
        if (!this.ctx.facts.globals.isGlobal(target) && this.ctx.facts.variableOf(target)) continue;
        // `typeof window === 'undefined'` holds on the server; `=== 'object'` in the browser.
        const whenEqual: RenderSide = kind === 'undefined' ? 'server' : 'browser';
        return negated ? invert(whenEqual) : whenEqual;
      }
      const literal = unwrap(b);
      if (literal.type === T.Literal && typeof literal.value === 'boolean') {
        const side = this.sideOf(a, depth);
        return literal.value !== negated ? side : invert(side);
      }
    }
    return null;
  }

  /** An imported environment flag (`isServer` from TanStack Query or Solid, `browser` from `$app/environment`). */
  private flagSide(node: TSESTree.Node, called = false): RenderSide | null {
    const imported = this.ctx.facts.imports.moduleValueOf(node);
    if (!imported || imported.path.length !== 1) return null;
    const name = imported.path[0];
    const flag = ENVIRONMENT_FLAGS.find(
      (each) => each.name === name && each.sources.includes(imported.source) && (each.call ?? false) === called,
    );
    return flag?.side ?? null;
  }

  /**
   * `const [mounted, setMounted] = useState(false)` where only the browser calls `setMounted` (in an effect):
   * false in every server render, true once mounted.
   */
  private isMountedFlag(variable: Scope.Variable): boolean {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def.type !== 'Variable') return false;
    const declarator = def.node;
    const init = declarator.init ? unwrap(declarator.init) : null;
    if (declarator.id.type !== T.ArrayPattern || init?.type !== T.CallExpression) return false;
    const [value, setter] = declarator.id.elements;
    if (value?.type !== T.Identifier || value.name !== variable.name || setter?.type !== T.Identifier) return false;
    const imported = this.ctx.facts.imports.moduleValueOf(init.callee);
    if (!imported || !REACT.includes(imported.source) || imported.path[0] !== 'useState') return false;
    const initial = init.arguments[0] ? unwrap(init.arguments[0]) : null;
    const falsy =
      !initial ||
      (initial.type === T.Literal && !initial.value) ||
      (initial.type === T.Identifier && initial.name === 'undefined');
    if (!falsy) return false;
    const setterVariable = this.declared(setter);
    const uses = setterVariable?.references.filter((reference) => !reference.init) ?? [];
    return uses.length > 0 && uses.every((reference) => this.isClientOnlyUse(reference.identifier as TSESTree.Node));
  }
}

function invert(side: RenderSide | null): RenderSide | null {
  return side === null ? null : side === 'browser' ? 'server' : 'browser';
}

/** `return`, `throw`, or a block whose last statement is one. */
function alwaysExits(statement: TSESTree.Statement): boolean {
  if (statement.type === T.ReturnStatement || statement.type === T.ThrowStatement) return true;
  if (statement.type === T.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return !!last && alwaysExits(last);
  }
  return false;
}

/** `import.meta.env.SSR`, `process.client`: a static member path, `import.meta` included. */
function memberPath(node: TSESTree.Node): string | null {
  const value = unwrap(node);
  if (value.type === T.Identifier) return value.name;
  if (value.type === T.MetaProperty) return `${value.meta.name}.${value.property.name}`;
  if (value.type === T.MemberExpression) {
    const object = memberPath(value.object);
    const property = staticPropertyName(value);
    return object === null || property === null ? null : `${object}.${property}`;
  }
  return null;
}
