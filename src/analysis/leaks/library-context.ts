// Request data left in libraries' module-scope objects (logger keys, the Sentry scope): the rows of
// LIBRARY_CONTEXT_TABLE applied to a file, with the library's imports read from the facts layer.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FileContext } from '../context.js';
import { dottedName, enclosingFunction, isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import { initializerOf } from '../file/scopes.js';
import { importedExportValue } from '../state/cross-file.js';
import { isStateRoot } from '../state/module-state.js';
import type { Handler } from '../types.js';
import { LIBRARY_CONTEXT_TABLE, type LibraryContextRow } from './tables.js';

export { LIBRARY_CONTEXT_TABLE, type LibraryContextRow };

/**
 * One call (or an assignment under one of the row's `assignedPaths`) that puts request data into a library's
 * long-lived object with nothing removing it.
 */
export interface LibraryContextLeak {
  node: TSESTree.CallExpression | TSESTree.AssignmentExpression;
  row: LibraryContextRow;
  /** The object as written: `logger`, `Sentry`, `Sentry.getGlobalScope()`. */
  receiver: string;
  /** The method called, or for an assignment the path assigned below the receiver (`defaults.headers.common`). */
  method: string;
  kind: 'call' | 'assignment';
  handler: Handler;
  via: string[];
  /** The importer's handler that reaches this file's function, its file as the linted file names it. */
  reachedFrom?: { handler: string; file: string; via: string[] };
}

export function findLibraryContextLeaks(
  ctx: FileContext,
  table: readonly LibraryContextRow[] = LIBRARY_CONTEXT_TABLE,
): LibraryContextLeak[] {
  const leaks: LibraryContextLeak[] = [];
  for (const row of table) {
    // An instance row also applies where the instance is imported from a module of the project.
    const imported = row.object.kind === 'instance' && ctx.facts.callsNamed(...row.adds).length > 0;
    if (imported || ctx.facts.imports.importsAny(row.sources)) {
      const matcher = new RowMatcher(ctx, row);
      leaks.push(...matcher.find(), ...matcher.findAssignments());
    }
  }
  return leaks.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

interface Receiver {
  /** Identity of the object, so a reset on the same object can be matched. */
  key: unknown;
  text: string;
  /** For module rows, which scope the call writes to. */
  scope: 'isolation' | 'global' | 'current' | null;
}

class RowMatcher {
  /** Module-scope variables holding an instance of the row's class (imported from a project module too). */
  private readonly instances = new Set<Scope.Variable>();
  /** Properties of module-scope object literals holding one (`const tools = { logger: new Logger() }`). */
  private readonly members = new Map<Scope.Variable, Map<string, TSESTree.Node>>();
  /** Same-file functions that return an instance (`async function getPage() { …; return _page; }`). */
  private readonly getters = new Map<TSESTree.Node, Scope.Variable>();

  constructor(
    private readonly ctx: FileContext,
    private readonly row: LibraryContextRow,
  ) {
    if (row.object.kind === 'instance') {
      this.findInstances(row.object.constructors, row.object.childFactories, row.object.factories ?? []);
      if (row.object.madeByMethods) this.findMadeByMethods(row.object.madeByMethods);
    }
  }

  find(): LibraryContextLeak[] {
    const leaks: LibraryContextLeak[] = [];
    const adds = new Set(this.row.adds);
    for (const call of this.ctx.facts.calls.calls) {
      const target = this.methodCall(call, adds);
      if (!target) continue;
      const context = this.ctx.reach.contextOf(call);
      if (!context) continue;
      if (
        this.row.requiresRequestData &&
        !call.arguments.some((argument) => this.ctx.requestData.isRequestDerived(argument))
      )
        continue;
      // `i18n.setLocale(req, 'de')`: the value goes on the request object, not on the library's.
      if (this.row.targetFirstArgument?.includes(target.method) && call.arguments.length > 1) continue;
      if (this.isReset(call, target.receiver, context.handler)) continue;
      leaks.push({
        node: call,
        row: this.row,
        receiver: target.receiver.text,
        method: target.method,
        kind: 'call',
        handler: context.handler,
        via: context.via,
      });
    }
    return leaks;
  }

  /**
   * Assignments at request time under one of the row's `assignedPaths` below the module
   * (`axios.defaults.headers.common['Authorization'] = token`), with request data on the right.
   */
  findAssignments(): LibraryContextLeak[] {
    const paths = this.row.assignedPaths;
    if (!paths || this.row.object.kind !== 'module') return [];
    const leaks: LibraryContextLeak[] = [];
    const scopes = this.ctx.scopes;
    const variables = [
      ...scopes.module.variables,
      ...(scopes.module === scopes.global ? [] : scopes.global.variables),
    ] as Scope.Variable[];
    for (const variable of variables) {
      for (const reference of variable.references) {
        const identifier = reference.identifier as TSESTree.Node;
        if (reference.init || !this.isNamespace(identifier)) continue;
        // Climb `axios.defaults.headers.common[key]` to the assignment it is the target of.
        const path: Array<string | null> = [];
        let node: TSESTree.Node = identifier;
        while (node.parent?.type === T.MemberExpression && node.parent.object === node) {
          path.push(staticPropertyName(node.parent));
          node = node.parent;
        }
        const assignment = node.parent;
        if (assignment?.type !== T.AssignmentExpression || assignment.left !== node) continue;
        if (!paths.some((prefix) => prefix.every((name, index) => path[index] === name))) continue;
        const context = this.ctx.reach.contextOf(assignment);
        if (!context) continue;
        if (this.row.requiresRequestData && !this.ctx.requestData.isRequestDerived(assignment.right)) continue;
        const written = path.slice(0, -1).filter((name): name is string => name !== null);
        leaks.push({
          node: assignment,
          row: this.row,
          receiver: (identifier as TSESTree.Identifier).name,
          method: written.join('.') || (path[0] ?? ''),
          kind: 'assignment',
          handler: context.handler,
          via: context.via,
        });
      }
    }
    return leaks;
  }

  /**
   * The path below one of `sources` that `node` stands for (`[]` for the module, `['setUser']`), however it was
   * imported: ES import, require, `await import()`, `import x = require()`.
   */
  private importPath(node: TSESTree.Node, sources: readonly string[] = this.row.sources): string[] | null {
    const imported = this.ctx.facts.imports.moduleValueOf(node);
    return imported && !imported.typeOnly && sources.includes(imported.source) ? imported.path : null;
  }

  /** The one name a callee is below the library (`setUser` for `setUser` or `Sentry.setUser`), else null. */
  private importedName(node: TSESTree.Node, sources?: readonly string[]): string | null {
    const path = this.importPath(node, sources);
    return path && path.length === 1 ? path[0] : null;
  }

  private isNamespace(node: TSESTree.Node): boolean {
    return this.importPath(node)?.length === 0;
  }

  /** `receiver.method(…)` (or a named-import `method(…)`) with `method` in `methods`, on this row's object. */
  private methodCall(
    call: TSESTree.CallExpression,
    methods: ReadonlySet<string>,
  ): { receiver: Receiver; method: string } | null {
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier && this.row.object.kind === 'module' && !this.row.object.gettersOnly) {
      const imported = this.importedName(callee);
      if (imported && methods.has(imported))
        return { receiver: { key: 'module', text: this.row.library, scope: 'isolation' }, method: imported };
      return null;
    }
    if (callee.type !== T.MemberExpression) return null;
    const method = staticPropertyName(callee);
    if (method === null || !methods.has(method)) return null;
    const receiver = this.receiverOf(unwrap(callee.object));
    return receiver ? { receiver, method } : null;
  }

  private receiverOf(object: TSESTree.Node): Receiver | null {
    if (this.row.object.kind === 'instance') {
      const key = this.instanceKey(object);
      if (key === null) return null;
      // A local that a getter filled is the module instance by construction; anything else must be module state.
      const local = object.type === T.Identifier && !this.instances.has(this.ctx.facts.variableOf(object)!);
      if (!local && !isStateRoot(this.ctx.facts, this.ctx.state, object)) return null;
      return { key, text: dottedName(object) ?? 'logger', scope: null };
    }
    // Module API: `Sentry.setUser`, or a scope getter `Sentry.getGlobalScope().setUser`.
    if (object.type === T.Identifier && !this.row.object.gettersOnly && this.isNamespace(object)) {
      return { key: 'module', text: object.name, scope: 'isolation' };
    }
    // A named import of such a member: `import { locale } from 'svelte-i18n'; locale.set(lang)`.
    if (object.type === T.Identifier) {
      const path = this.importPath(object);
      if (path?.length === 1 && this.row.object.namespaces?.includes(path[0])) {
        return { key: `module.${path[0]}`, text: object.name, scope: null };
      }
    }
    // A member that is the same module-wide object: `dayjs.tz.setDefault(zone)`.
    if (object.type === T.MemberExpression && unwrap(object.object).type === T.Identifier) {
      const member = staticPropertyName(object);
      const namespace = unwrap(object.object) as TSESTree.Identifier;
      if (member !== null && this.row.object.namespaces?.includes(member) && this.isNamespace(namespace)) {
        return { key: `module.${member}`, text: `${namespace.name}.${member}`, scope: null };
      }
    }
    if (object.type === T.CallExpression && object.arguments.length === 0) {
      const getter = unwrap(object.callee);
      const getters = this.row.object.scopeGetters ?? {};
      const name = this.importedName(getter);
      if (name !== null && Object.hasOwn(getters, name)) {
        return { key: `scope:${getters[name]}`, text: `${dottedName(object.callee) ?? name}()`, scope: getters[name] };
      }
    }
    return null;
  }

  /** A reset call on the same object in the same handler, a resetting middleware/decorator, or a scope wrapper. */
  private isReset(call: TSESTree.CallExpression, receiver: Receiver, handler: Handler): boolean {
    if (this.row.scopeWrappers && receiver.scope !== 'global' && this.insideWrapper(call, this.row.scopeWrappers)) {
      return true;
    }
    // `getCurrentScope()` inside `withScope(…)`, or in a handler that `wrapHandler` runs in a forked current scope.
    const forking = this.row.currentScopeWrappers;
    if (forking && receiver.scope === 'current') {
      if (this.insideWrapper(call, forking) || this.wrappedBy(handler, forking)) return true;
    }
    if (this.clearedInHandler(call, receiver, handler)) return true;
    if (this.row.resetMethods.length > 0) {
      const resets = new Set(this.row.resetMethods);
      for (const other of this.ctx.facts.callsNamed(...this.row.resetMethods)) {
        if (other === call) continue;
        const target = this.methodCall(other, resets);
        if (!target || target.receiver.key !== receiver.key) continue;
        if (this.ctx.reach.contextOf(other)?.handler.node === handler.node) return true;
      }
    }
    return (
      this.row.resetWrappers !== undefined && this.row.object.kind === 'instance' && this.hasResetWrapper(receiver)
    );
  }

  /** `Sentry.setUser(null)` on the same object in the same handler (in `finally`, or at the start). */
  private clearedInHandler(call: TSESTree.CallExpression, receiver: Receiver, handler: Handler): boolean {
    const method = this.methodCall(call, new Set(this.row.adds))?.method;
    if (!method || !this.row.clearedByEmptyCall?.includes(method)) return false;
    const methods = new Set([method]);
    for (const other of this.ctx.facts.callsNamed(method)) {
      if (other === call || !isEmptyCall(other)) continue;
      const target = this.methodCall(other, methods);
      if (!target || !sameObject(target.receiver, receiver)) continue;
      if (this.ctx.reach.contextOf(other)?.handler.node === handler.node) return true;
    }
    return false;
  }

  /** `export const handler = Sentry.wrapHandler(main)`: a call of a wrapper whose argument is the handler. */
  private wrappedBy(handler: Handler, wrappers: readonly string[]): boolean {
    for (const call of this.ctx.facts.callsNamed(...wrappers)) {
      const name = this.importedName(call.callee);
      if (name === null || !wrappers.includes(name)) continue;
      if (call.arguments.some((argument) => this.ctx.facts.functionOf(argument) === handler.node)) return true;
    }
    return false;
  }

  /** Lexically inside the callback of one of `wrappers` (`withIsolationScope(() => …)`). */
  private insideWrapper(call: TSESTree.CallExpression, names: readonly string[]): boolean {
    const wrappers = new Set(names);
    for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
      if (!isFunctionNode(node)) continue;
      const { parent, child } = valueParent(node);
      if (parent?.type !== T.CallExpression || !parent.arguments.includes(child as TSESTree.CallExpressionArgument))
        continue;
      const name = this.importedName(parent.callee);
      if (name !== null && wrappers.has(name)) return true;
    }
    return false;
  }

  /**
   * `injectLambdaContext(logger, { resetKeys: true })` (middy) or `@logger.injectLambdaContext({ resetKeys: true })`
   * anywhere in the file resets this logger around every invocation of the handler it wraps.
   */
  private readonly wrapperMemo = new Map<unknown, boolean>();

  private hasResetWrapper(receiver: Receiver): boolean {
    let known = this.wrapperMemo.get(receiver.key);
    if (known === undefined) {
      known = this.findResetWrapper(receiver);
      this.wrapperMemo.set(receiver.key, known);
    }
    return known;
  }

  private findResetWrapper(receiver: Receiver): boolean {
    const wrapper = this.row.resetWrappers!;
    for (const call of this.ctx.facts.callsNamed(wrapper.name)) {
      const callee = unwrap(call.callee);
      let options: TSESTree.Node | undefined;
      if (callee.type === T.MemberExpression && staticPropertyName(callee) === wrapper.name) {
        const object = unwrap(callee.object);
        if (object.type !== T.Identifier || this.ctx.facts.variableOf(object) !== receiver.key) continue;
        options = call.arguments[0];
      } else if (callee.type === T.Identifier && this.importedName(callee, wrapper.sources) === wrapper.name) {
        const first = call.arguments[0] ? unwrap(call.arguments[0]) : null;
        const targets = first?.type === T.ArrayExpression ? first.elements : [first];
        const matches = targets.some((target) => target && this.instanceKey(unwrap(target)) === receiver.key);
        if (!matches) continue;
        options = call.arguments[1];
      } else {
        continue;
      }
      const object = options ? unwrap(options) : null;
      if (object?.type !== T.ObjectExpression) continue;
      for (const property of object.properties) {
        if (property.type !== T.Property) continue;
        const name = staticPropertyName(property);
        const value = unwrap(property.value);
        if (name !== null && wrapper.options.includes(name) && value.type === T.Literal && value.value === true)
          return true;
      }
    }
    return false;
  }

  /**
   * The instance an expression names: a module variable holding one (its variable), or a property of a module
   * object literal holding one (`tools.logger`, the property's value); null for anything else.
   */
  private instanceKey(object: TSESTree.Node): unknown {
    if (object.type === T.Identifier) {
      const variable = this.ctx.facts.variableOf(object);
      if (variable && this.instances.has(variable)) return variable;
      return variable ? this.fromGetter(variable) : null;
    }
    if (object.type !== T.MemberExpression) return null;
    const base = unwrap(object.object);
    const name = staticPropertyName(object);
    const variable = base.type === T.Identifier && name !== null ? this.ctx.facts.variableOf(base) : null;
    return (variable && this.members.get(variable)?.get(name!)) ?? null;
  }

  /**
   * `const page = await getPage()` in a function, where `getPage` is a same-file function that returns a module
   * variable holding an instance: the instance variable, else null. Only a `const` with that one initializer.
   */
  private fromGetter(variable: Scope.Variable): Scope.Variable | null {
    if (this.getters.size === 0 || variable.scope.type === 'module' || variable.scope.type === 'global') return null;
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent?.kind !== 'const') return null;
    const init = def.node.init ? unwrap(def.node.init) : null;
    const call = init?.type === T.AwaitExpression ? unwrap(init.argument) : init;
    if (call?.type !== T.CallExpression) return null;
    const fn = this.ctx.facts.functionOf(call.callee);
    return (fn && this.getters.get(fn)) ?? null;
  }

  /**
   * Module variables that get `await browser.newPage()` (or another of `methods`) in their initializer or in any
   * later assignment (a lazy getter's `_page = await browser.newPage()`), and the same-file functions that return
   * one of them.
   */
  private findMadeByMethods(methods: readonly string[]): void {
    if (!this.ctx.facts.imports.importsAny(this.row.sources) || this.ctx.facts.callsNamed(...methods).length === 0)
      return;
    const made = (value: TSESTree.Node | null | undefined): boolean => {
      let node = value ? unwrap(value) : null;
      if (node?.type === T.AwaitExpression) node = unwrap(node.argument);
      if (node?.type !== T.CallExpression) return false;
      const callee = unwrap(node.callee);
      const method = callee.type === T.MemberExpression ? staticPropertyName(callee) : null;
      return method !== null && methods.includes(method);
    };
    const found: Scope.Variable[] = [];
    for (const variable of this.ctx.scopes.module.variables as Scope.Variable[]) {
      if (this.instances.has(variable)) continue;
      const values = variable.references.filter((reference) => reference.isWrite()).map((ref) => ref.writeExpr);
      if (values.some(made)) {
        this.instances.add(variable);
        found.push(variable);
      }
    }
    if (found.length === 0) return;
    for (const variable of found) {
      for (const reference of variable.references) {
        const identifier = reference.identifier as TSESTree.Node;
        if (identifier.parent?.type !== T.ReturnStatement) continue;
        const fn = enclosingFunction(identifier);
        if (fn) this.getters.set(fn, variable);
      }
    }
  }

  /** `new Logger(…)` with the constructor imported from one of the row's sources, in the facts of its module. */
  private isConstructed(value: TSESTree.Node, classes: ReadonlySet<string>, facts = this.ctx.facts): boolean {
    if (value.type !== T.NewExpression) return false;
    const imported = facts.imports.moduleValueOf(value.callee);
    if (!imported || imported.typeOnly || !this.row.sources.includes(imported.source)) return false;
    return imported.path.length === 1 && classes.has(imported.path[0]);
  }

  /** Module-level `const logger = new Logger(…)`, `new powertools.Logger(…)`, `pino()`, `logger.createChild(…)`. */
  private findInstances(
    constructors: readonly string[],
    childFactories: readonly string[],
    factories: readonly string[],
  ): void {
    const scopes = this.ctx.scopes;
    const classes = new Set(constructors);
    const children = new Set(childFactories);
    const variables = [
      ...scopes.module.variables,
      ...(scopes.module === scopes.global ? [] : scopes.global.variables),
    ] as Scope.Variable[];
    // The names the row's methods are called on: only those imports are looked up in their modules.
    const receivers = new Set<string>();
    for (const call of this.ctx.facts.callsNamed(...this.row.adds)) {
      const callee = unwrap(call.callee);
      const object = callee.type === T.MemberExpression ? unwrap(callee.object) : null;
      if (object?.type === T.Identifier) receivers.add(object.name);
    }
    // Two passes, so a child declared before its parent in source still resolves (rare, but cheap).
    for (let pass = 0; pass < 2; pass++) {
      for (const variable of variables) {
        if (this.instances.has(variable)) continue;
        const init = initializerOf(variable);
        const value = init ? unwrap(init) : null;
        if (!value) {
          // `import { logger } from './logger'`, where that module exports `new Logger(…)`.
          if (pass === 0 && variable.defs[0]?.type === 'ImportBinding' && receivers.has(variable.name)) {
            const imported = importedExportValue(this.ctx.facts, variable, this.ctx.filename);
            if (imported && this.isConstructed(imported.value, classes, imported.facts)) this.instances.add(variable);
          }
          continue;
        }
        if (value.type === T.ObjectExpression && pass === 0) {
          for (const property of value.properties) {
            const name = property.type === T.Property ? staticPropertyName(property) : null;
            if (name === null || !this.isConstructed(unwrap((property as TSESTree.Property).value), classes)) continue;
            const members = this.members.get(variable) ?? new Map<string, TSESTree.Node>();
            members.set(name, property);
            this.members.set(variable, members);
          }
          continue;
        }
        if (value.type === T.NewExpression) {
          const name = this.importedName(value.callee);
          if (name !== null && classes.has(name)) this.instances.add(variable);
        } else if (value.type === T.CallExpression) {
          const made = this.importPath(value.callee);
          if (made && made.length <= 1 && factories.includes(made[0] ?? '')) {
            this.instances.add(variable);
            continue;
          }
          const callee = unwrap(value.callee);
          if (callee.type !== T.MemberExpression) continue;
          const method = staticPropertyName(callee);
          const parent = unwrap(callee.object);
          if (method === null || !children.has(method) || parent.type !== T.Identifier) continue;
          const parentVariable = this.ctx.facts.variableOf(parent);
          if (parentVariable && this.instances.has(parentVariable)) this.instances.add(variable);
        }
      }
    }
  }
}

/** `setUser(null)`, `setUser(undefined)`, `tz.setDefault()`: a setter called with nothing. */
function isEmptyCall(call: TSESTree.CallExpression): boolean {
  const first = call.arguments[0] ? unwrap(call.arguments[0]) : null;
  if (!first) return true;
  if (first.type === T.Literal && first.value === null) return true;
  return first.type === T.Identifier && first.name === 'undefined';
}

/** The same long-lived object: the same receiver, or the same Sentry scope reached two ways. */
function sameObject(a: Receiver, b: Receiver): boolean {
  return a.key === b.key || (a.scope !== null && a.scope === b.scope);
}
