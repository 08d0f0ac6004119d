// Scopes and names: the module scope (ES module, CommonJS wrapper or script), what an identifier resolves to,
// and the value a module-level binding is initialised with.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { ParsedFile } from './parsed-file.js';

export interface ModuleScopes {
  global: Scope.Scope;
  /** The scope whose top-level bindings survive between invocations: module, CommonJS wrapper or global. */
  module: Scope.Scope;
}

export function moduleScopes(file: ParsedFile): ModuleScopes | null {
  const global = file.scopeManager?.globalScope as Scope.Scope | null | undefined;
  if (!global) return null;
  const program = file.ast;
  const inner = global.childScopes.find(
    (scope) => scope.block === program && (scope.type === 'module' || scope.type === 'function'),
  );
  return { global, module: inner ?? global };
}

/** Is this scope (or the global one above a CommonJS wrapper) the module's top level? */
export function isModuleLevel(scopes: ModuleScopes, scope: Scope.Scope): boolean {
  return scope === scopes.module || scope === scopes.global;
}

/** The variable a name resolves to from `scope`, walking outwards. */
export function resolveName(scope: Scope.Scope, name: string): Scope.Variable | null {
  let current: Scope.Scope | null = scope;
  while (current) {
    const variable = current.set.get(name);
    if (variable) return variable;
    current = current.upper;
  }
  return null;
}

const referenceIndexes = new WeakMap<object, Map<TSESTree.Node, Scope.Reference>>();

/** Every reference in the file keyed by its identifier, built once per file: lookups stay O(1) on huge files. */
export function referenceIndex(file: ParsedFile): Map<TSESTree.Node, Scope.Reference> {
  const key = file.ast;
  let index = referenceIndexes.get(key);
  if (!index) {
    index = new Map();
    for (const scope of file.scopeManager?.scopes ?? []) {
      for (const reference of scope.references) index.set(reference.identifier, reference);
    }
    referenceIndexes.set(key, index);
  }
  return index;
}

/** The variable an identifier refers to, through the reference ESLint already resolved; null when unresolved. */
export function variableOf(file: ParsedFile, id: TSESTree.Identifier): Scope.Variable | null {
  const reference = referenceIndex(file).get(id);
  return reference ? reference.resolved : null;
}

/** The value a module-level variable is initialised with, when it has exactly one plain definition. */
export function initializerOf(variable: Scope.Variable): TSESTree.Node | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type === 'FunctionName' || def.type === 'ClassName') return def.node;
  if (def.type === 'Variable') {
    const declarator = def.node;
    if (declarator.id.type === T.Identifier && declarator.init) return declarator.init;
  }
  return null;
}

/** The variables a declaration node declares (`const a = 1, { b } = c` gives `a` and `b`). */
export function declaredVariables(file: ParsedFile, node: TSESTree.Node): Scope.Variable[] {
  return file.scopeManager?.getDeclaredVariables(node) ?? [];
}

/** A binding never reassigned after its declaration keeps pointing at the same value. */
export function isStableBinding(variable: Scope.Variable): boolean {
  let stable = stableBindings.get(variable);
  if (stable === undefined) {
    stable = variable.references.every((reference) => reference.init || !reference.isWrite());
    stableBindings.set(variable, stable);
  }
  return stable;
}

/** A scope manager does not change once built, so each variable is read once (N writes would cost N² reads). */
const stableBindings = new WeakMap<Scope.Variable, boolean>();
