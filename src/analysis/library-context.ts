// Libraries that keep per-request data in module-scope objects: the knowledge as a table, and the analysis applying it.
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { dottedName, isFunctionNode, requireSource, staticPropertyName, unwrap, valueParent } from './ast.js';
import type { CallIndex } from './listeners.js';
import { initializerOf, moduleScopes, variableOf } from './scope.js';
import type { AnalysisServices, Handler } from './types.js';

/**
 * One library behaviour: which object keeps the data, which calls add per-request data to it, and what removes
 * it again. A second library is a new row, not new code. Sources for each row are in docs/rules/no-persistent-library-context.md.
 */
export interface LibraryContextRow {
  /** Stable id, for tests and docs. */
  id: string;
  /** The library as users know it, for messages: `Powertools Logger`. */
  library: string;
  /** Import sources (ES import or `require`) that provide the object. */
  sources: readonly string[];
  /**
   * How the long-lived object is reached:
   * - `instance`: a module-scope variable initialised with `new C(…)` (C exported by a source) or a child of one;
   * - `module`: the library's own module-level API, called on the namespace (`Sentry.setUser`) or as a named import.
   */
  object:
    | { kind: 'instance'; constructors: readonly string[]; childFactories: readonly string[] }
    | { kind: 'module'; scopeGetters?: Readonly<Record<string, 'isolation' | 'global'>> };
  /** Methods that add per-request context to the object. */
  adds: readonly string[];
  /** Only report when an argument is request data (a constant tag set on every invocation does not leak). */
  requiresRequestData: boolean;
  /** Methods on the same object that remove what `adds` put there, when called in the same handler. */
  resetMethods: readonly string[];
  /**
   * Middleware or decorators that reset the object around every invocation when given one of `options: true`:
   * `injectLambdaContext(logger, { resetKeys: true })`, `@logger.injectLambdaContext({ resetKeys: true })`.
   */
  resetWrappers?: { name: string; sources: readonly string[]; options: readonly string[] };
  /** Functions whose callback runs with a fresh copy of the state, so `adds` inside it stay inside it. */
  scopeWrappers?: readonly string[];
  /** What survives, in true words, completing "… so …". */
  hazard: string;
  /** The fix, as a sentence. */
  fix: string;
}

const SENTRY_SOURCES = [
  '@sentry/node',
  '@sentry/aws-serverless',
  '@sentry/serverless',
  '@sentry/google-cloud-serverless',
];

export const LIBRARY_CONTEXT_TABLE: readonly LibraryContextRow[] = [
  {
    // Powertools v2: appendKeys() adds *temporary* keys, kept on the instance until resetKeys() is called.
    id: 'powertools-logger-temporary-keys',
    library: 'Powertools Logger',
    sources: ['@aws-lambda-powertools/logger'],
    object: { kind: 'instance', constructors: ['Logger'], childFactories: ['createChild'] },
    adds: ['appendKeys'],
    requiresRequestData: true,
    resetMethods: ['resetKeys', 'removeKeys'],
    resetWrappers: {
      name: 'injectLambdaContext',
      sources: ['@aws-lambda-powertools/logger', '@aws-lambda-powertools/logger/middleware'],
      options: ['resetKeys', 'clearState'],
    },
    hazard:
      'the keys stay on the module-scope logger until `resetKeys()` is called and appear in the logs of later invocations',
    fix: 'Call `{{receiver}}.resetKeys()` in `finally`, or wrap the handler with `injectLambdaContext({{receiver}}, { resetKeys: true })` (or the decorator option)',
  },
  {
    // Persistent keys survive resetKeys() and the resetKeys/clearState middleware option by design.
    id: 'powertools-logger-persistent-keys',
    library: 'Powertools Logger',
    sources: ['@aws-lambda-powertools/logger'],
    object: { kind: 'instance', constructors: ['Logger'], childFactories: ['createChild'] },
    adds: ['appendPersistentKeys', 'addPersistentLogAttributes', 'setPersistentLogAttributes'],
    requiresRequestData: true,
    resetMethods: ['removePersistentKeys', 'removePersistentLogAttributes'],
    hazard:
      'persistent keys are kept for the lifetime of the logger (neither `resetKeys()` nor `injectLambdaContext({ resetKeys: true })` removes them) and appear in the logs of later invocations',
    fix: 'Use `{{receiver}}.appendKeys()` for request data and reset it with `resetKeys: true`, or call `{{receiver}}.removePersistentKeys()` in `finally`',
  },
  {
    // publishStoredMetrics() clears dimensions added with addDimension(), but not the default dimensions.
    id: 'powertools-metrics-default-dimensions',
    library: 'Powertools Metrics',
    sources: ['@aws-lambda-powertools/metrics'],
    object: { kind: 'instance', constructors: ['Metrics'], childFactories: [] },
    adds: ['setDefaultDimensions'],
    requiresRequestData: true,
    resetMethods: ['clearDefaultDimensions'],
    hazard:
      "default dimensions are not cleared when metrics are published, so every later invocation emits its metrics under this request's dimensions",
    fix: 'Use `{{receiver}}.addDimension()` for per-request dimensions (cleared on publish), or call `{{receiver}}.clearDefaultDimensions()` in `finally`',
  },
  {
    // Sentry v8+: the top-level setters write to the isolation scope. wrapHandler() forks only the current scope
    // (withScope), so in Lambda the isolation scope is the process-wide default and keeps the data.
    id: 'sentry-scope',
    library: 'Sentry',
    sources: SENTRY_SOURCES,
    object: { kind: 'module', scopeGetters: { getIsolationScope: 'isolation', getGlobalScope: 'global' } },
    adds: ['setUser', 'setTag', 'setTags', 'setContext', 'setExtra', 'setExtras'],
    requiresRequestData: true,
    resetMethods: [],
    scopeWrappers: ['withIsolationScope', 'runWithAsyncContext'],
    hazard:
      "it is stored on a scope that outlives the invocation (the isolation scope is not forked per invocation by `wrapHandler`), so errors reported by later invocations carry this request's data",
    fix: 'Set it on the scope passed to `Sentry.withScope((scope) => …)`, or run the handler body inside `Sentry.withIsolationScope(() => …)`',
  },
];

/** One call that puts request data into a library's long-lived object with nothing removing it. */
export interface LibraryContextLeak {
  node: TSESTree.CallExpression;
  row: LibraryContextRow;
  /** The object as written: `logger`, `Sentry`, `Sentry.getGlobalScope()`. */
  receiver: string;
  method: string;
  handler: Handler;
  via: string[];
}

export function findLibraryContextLeaks(
  sourceCode: Readonly<TSESLint.SourceCode>,
  services: AnalysisServices,
  index: CallIndex,
  table: readonly LibraryContextRow[] = LIBRARY_CONTEXT_TABLE,
): LibraryContextLeak[] {
  try {
    const leaks: LibraryContextLeak[] = [];
    for (const row of table) leaks.push(...new RowMatcher(sourceCode, services, index, row).find());
    return leaks.sort((a, b) => a.node.range[0] - b.node.range[0]);
  } catch (error) {
    if (process.env.HANDLER_STATE_DEBUG) throw error;
    return [];
  }
}

/** Local names a library's sources are bound to in this file. */
interface Bindings {
  /** `import * as Sentry`, `import Sentry`, `const Sentry = require(…)`. */
  namespaces: Set<Scope.Variable>;
  /** `import { Logger as L }` → variable of `L` mapped to `Logger`. */
  named: Map<Scope.Variable, string>;
}

interface Receiver {
  /** Identity of the object, so a reset on the same object can be matched. */
  key: unknown;
  text: string;
  /** For module rows, which scope the call writes to. */
  scope: 'isolation' | 'global' | null;
}

class RowMatcher {
  private readonly bindings: Bindings = { namespaces: new Set(), named: new Map() };
  private readonly wrapperBindings: Bindings = { namespaces: new Set(), named: new Map() };
  /** Module-scope variables holding an instance of the row's class. */
  private readonly instances = new Set<Scope.Variable>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly services: AnalysisServices,
    private readonly index: CallIndex,
    private readonly row: LibraryContextRow,
  ) {
    this.bindImports(row.sources, this.bindings);
    if (row.resetWrappers) this.bindImports(row.resetWrappers.sources, this.wrapperBindings);
    if (row.object.kind === 'instance') this.findInstances(row.object.constructors, row.object.childFactories);
  }

  find(): LibraryContextLeak[] {
    if (this.bindings.namespaces.size === 0 && this.bindings.named.size === 0) return [];
    const leaks: LibraryContextLeak[] = [];
    const adds = new Set(this.row.adds);
    for (const call of this.index.calls) {
      const target = this.methodCall(call, adds);
      if (!target) continue;
      const context = this.services.contextOf(call);
      if (!context) continue;
      if (this.row.requiresRequestData && !call.arguments.some((argument) => this.services.isRequestDerived(argument)))
        continue;
      if (this.isReset(call, target.receiver, context.handler)) continue;
      leaks.push({
        node: call,
        row: this.row,
        receiver: target.receiver.text,
        method: target.method,
        handler: context.handler,
        via: context.via,
      });
    }
    return leaks;
  }

  /** `receiver.method(…)` (or a named-import `method(…)`) with `method` in `methods`, on this row's object. */
  private methodCall(
    call: TSESTree.CallExpression,
    methods: ReadonlySet<string>,
  ): { receiver: Receiver; method: string } | null {
    const callee = unwrap(call.callee);
    if (callee.type === T.Identifier && this.row.object.kind === 'module') {
      const imported = this.importedName(callee, this.bindings);
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
      if (object.type !== T.Identifier) return null;
      const variable = variableOf(this.sourceCode, object);
      if (!variable || !this.instances.has(variable) || !this.services.isModuleState(object)) return null;
      return { key: variable, text: object.name, scope: null };
    }
    // Module API: `Sentry.setUser`, or a scope getter `Sentry.getGlobalScope().setUser`.
    if (object.type === T.Identifier && this.isNamespace(object, this.bindings)) {
      return { key: 'module', text: object.name, scope: 'isolation' };
    }
    if (object.type === T.CallExpression && object.arguments.length === 0) {
      const getter = unwrap(object.callee);
      const getters = this.row.object.scopeGetters ?? {};
      let name: string | null = null;
      if (getter.type === T.Identifier) name = this.importedName(getter, this.bindings);
      else if (
        getter.type === T.MemberExpression &&
        unwrap(getter.object).type === T.Identifier &&
        this.isNamespace(unwrap(getter.object) as TSESTree.Identifier, this.bindings)
      ) {
        name = staticPropertyName(getter);
      }
      if (name !== null && Object.hasOwn(getters, name)) {
        return { key: `scope:${getters[name]}`, text: `${dottedName(object.callee) ?? name}()`, scope: getters[name] };
      }
    }
    return null;
  }

  /** A reset call on the same object in the same handler, a resetting middleware/decorator, or a scope wrapper. */
  private isReset(call: TSESTree.CallExpression, receiver: Receiver, handler: Handler): boolean {
    if (this.row.scopeWrappers && receiver.scope !== 'global' && this.insideScopeWrapper(call)) return true;
    if (this.row.resetMethods.length > 0) {
      const resets = new Set(this.row.resetMethods);
      for (const other of this.row.resetMethods.flatMap((name) => this.index.byName.get(name) ?? [])) {
        if (other === call) continue;
        const target = this.methodCall(other, resets);
        if (!target || target.receiver.key !== receiver.key) continue;
        if (this.services.contextOf(other)?.handler.node === handler.node) return true;
      }
    }
    return (
      this.row.resetWrappers !== undefined && this.row.object.kind === 'instance' && this.hasResetWrapper(receiver)
    );
  }

  /** Lexically inside the callback of `withIsolationScope(() => …)`. */
  private insideScopeWrapper(call: TSESTree.CallExpression): boolean {
    const wrappers = new Set(this.row.scopeWrappers);
    for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
      if (!isFunctionNode(node)) continue;
      const { parent, child } = valueParent(node);
      if (parent?.type !== T.CallExpression || !parent.arguments.includes(child as TSESTree.CallExpressionArgument))
        continue;
      const callee = unwrap(parent.callee);
      let name: string | null = null;
      if (callee.type === T.Identifier) name = this.importedName(callee, this.bindings);
      else if (
        callee.type === T.MemberExpression &&
        unwrap(callee.object).type === T.Identifier &&
        this.isNamespace(unwrap(callee.object) as TSESTree.Identifier, this.bindings)
      ) {
        name = staticPropertyName(callee);
      }
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
    for (const call of this.index.byName.get(wrapper.name) ?? []) {
      const callee = unwrap(call.callee);
      let options: TSESTree.Node | undefined;
      if (callee.type === T.MemberExpression && staticPropertyName(callee) === wrapper.name) {
        const object = unwrap(callee.object);
        if (object.type !== T.Identifier || variableOf(this.sourceCode, object) !== receiver.key) continue;
        options = call.arguments[0];
      } else if (callee.type === T.Identifier && this.importedName(callee, this.wrapperBindings) === wrapper.name) {
        const first = call.arguments[0] ? unwrap(call.arguments[0]) : null;
        const targets = first?.type === T.ArrayExpression ? first.elements : [first];
        const matches = targets.some(
          (target) => target?.type === T.Identifier && variableOf(this.sourceCode, target) === receiver.key,
        );
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

  private bindImports(sources: readonly string[], into: Bindings): void {
    const scopes = moduleScopes(this.sourceCode);
    if (!scopes) return;
    const wanted = new Set(sources);
    const declared = (node: TSESTree.Node) =>
      (this.sourceCode.scopeManager?.getDeclaredVariables(node) ?? []) as Scope.Variable[];
    for (const statement of this.sourceCode.ast.body) {
      if (statement.type === T.ImportDeclaration && wanted.has(statement.source.value)) {
        for (const specifier of statement.specifiers) {
          const variable = declared(specifier)[0];
          if (!variable) continue;
          if (specifier.type === T.ImportSpecifier) {
            const imported =
              specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
            into.named.set(variable, imported);
          } else {
            into.namespaces.add(variable);
          }
        }
      }
      if (statement.type === T.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          if (!declarator.init || !requiresOneOf(declarator.init, wanted)) continue;
          if (declarator.id.type === T.Identifier) {
            const variable = declared(declarator)[0];
            if (variable) into.namespaces.add(variable);
          } else if (declarator.id.type === T.ObjectPattern) {
            for (const property of declarator.id.properties) {
              if (property.type !== T.Property || property.value.type !== T.Identifier) continue;
              const imported = staticPropertyName(property);
              const variable = declared(declarator).find(
                (v) => v.name === (property.value as TSESTree.Identifier).name,
              );
              if (imported !== null && variable) into.named.set(variable, imported);
            }
          }
        }
      }
    }
  }

  private importedName(identifier: TSESTree.Identifier, bindings: Bindings): string | null {
    const variable = variableOf(this.sourceCode, identifier);
    return variable ? (bindings.named.get(variable) ?? null) : null;
  }

  private isNamespace(identifier: TSESTree.Identifier, bindings: Bindings): boolean {
    const variable = variableOf(this.sourceCode, identifier);
    return !!variable && bindings.namespaces.has(variable);
  }

  /** Module-level `const logger = new Logger(…)`, `new powertools.Logger(…)`, `logger.createChild(…)`. */
  private findInstances(constructors: readonly string[], childFactories: readonly string[]): void {
    const scopes = moduleScopes(this.sourceCode);
    if (!scopes) return;
    const classes = new Set(constructors);
    const children = new Set(childFactories);
    const variables = [
      ...scopes.module.variables,
      ...(scopes.module === scopes.global ? [] : scopes.global.variables),
    ] as Scope.Variable[];
    // Two passes, so a child declared before its parent in source still resolves (rare, but cheap).
    for (let pass = 0; pass < 2; pass++) {
      for (const variable of variables) {
        if (this.instances.has(variable)) continue;
        const init = initializerOf(variable);
        const value = init ? unwrap(init) : null;
        if (!value) continue;
        if (value.type === T.NewExpression) {
          const callee = unwrap(value.callee);
          let name: string | null = null;
          if (callee.type === T.Identifier) name = this.importedName(callee, this.bindings);
          else if (
            callee.type === T.MemberExpression &&
            unwrap(callee.object).type === T.Identifier &&
            this.isNamespace(unwrap(callee.object) as TSESTree.Identifier, this.bindings)
          ) {
            name = staticPropertyName(callee);
          }
          if (name !== null && classes.has(name)) this.instances.add(variable);
        } else if (value.type === T.CallExpression) {
          const callee = unwrap(value.callee);
          if (callee.type !== T.MemberExpression) continue;
          const method = staticPropertyName(callee);
          const parent = unwrap(callee.object);
          if (method === null || !children.has(method) || parent.type !== T.Identifier) continue;
          const parentVariable = variableOf(this.sourceCode, parent);
          if (parentVariable && this.instances.has(parentVariable)) this.instances.add(variable);
        }
      }
    }
  }
}

/** `require('x')` with `x` in `sources`. */
function requiresOneOf(node: TSESTree.Node, sources: ReadonlySet<string>): boolean {
  const source = requireSource(node);
  return source !== null && sources.has(source);
}
