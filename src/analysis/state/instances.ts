// Module-scope singletons that keep state on `this`: a local class instantiated once at module level, or an object literal with methods.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { unwrap, valueParent } from '../file/ast.js';
import type { ClassNode } from '../file/members.js';
import { initializerOf, type ModuleScopes } from '../file/scopes.js';
import type { FunctionNode } from '../types.js';

export type { ClassNode };

/** A module variable whose value is the only instance of a local class, or an object literal with methods. */
export interface Singleton {
  variable: Scope.Variable;
  owner: ClassNode | TSESTree.ObjectExpression;
}

/** The local class a `new X()` creates, when X is a class declared in this module. */
export function localClassOf(node: TSESTree.Node, scopes: ModuleScopes): ClassNode | null {
  const created = unwrap(node);
  if (created.type !== T.NewExpression) return null;
  const callee = unwrap(created.callee);
  if (callee.type === T.ClassExpression) return callee;
  if (callee.type !== T.Identifier) return null;
  const variable = scopes.module.set.get(callee.name) ?? scopes.global.set.get(callee.name);
  if (!variable || variable.defs.length !== 1) return null;
  const init = initializerOf(variable);
  const value = init ? unwrap(init) : null;
  return value && (value.type === T.ClassDeclaration || value.type === T.ClassExpression) ? value : null;
}

const singletonsOf = new WeakMap<ModuleScopes, Singleton[]>();

/** The file's singletons, found once per file (each summary of one of its exports asks again). */
export function findSingletons(scopes: ModuleScopes): readonly Singleton[] {
  let found = singletonsOf.get(scopes);
  if (!found) {
    found = singletonsIn(scopes);
    singletonsOf.set(scopes, found);
  }
  return found;
}

function singletonsIn(scopes: ModuleScopes): Singleton[] {
  const result: Singleton[] = [];
  for (const variable of scopes.module.variables as Scope.Variable[]) {
    const init = initializerOf(variable);
    if (!init || variable.defs[0]?.type !== 'Variable') continue;
    const value = unwrap(init);
    if (value.type === T.ObjectExpression) {
      if (value.properties.some((p) => p.type === T.Property && p.value.type === T.FunctionExpression)) {
        result.push({ variable, owner: value });
      }
      continue;
    }
    const classNode = localClassOf(value, scopes);
    if (classNode && instantiations(classNode, scopes) === 1) result.push({ variable, owner: classNode });
  }
  return result;
}

/** How many `new C()` the file contains for this class (a second instance makes `this` ambiguous). */
function instantiations(classNode: ClassNode, scopes: ModuleScopes): number {
  const name = classNode.id?.name ?? (valueParent(classNode).parent as TSESTree.VariableDeclarator | undefined)?.id;
  const className = typeof name === 'string' ? name : name && name.type === T.Identifier ? name.name : null;
  if (!className) return 1;
  const variable = scopes.module.set.get(className) ?? scopes.global.set.get(className);
  if (!variable) return 1;
  let count = 0;
  for (const reference of variable.references) {
    if ((reference as { isValueReference?: boolean }).isValueReference === false) continue;
    const { parent, child } = valueParent(reference.identifier);
    if (parent?.type === T.NewExpression && parent.callee === child) count++;
    // `class Repo extends Base`, `Object.create(Repo.prototype)`, passing the class around: not a singleton.
    else if (parent?.type !== T.MemberExpression) count += 2;
  }
  return count;
}

/** Methods whose `this` is the singleton: instance methods and the constructor, or an object literal's function-valued properties. */
export function singletonMethods(singleton: Singleton): FunctionNode[] {
  return ownerMethods(singleton.owner);
}

/** The functions whose `this` is an instance of `owner` (or the object literal itself). */
export function ownerMethods(owner: ClassNode | TSESTree.ObjectExpression): FunctionNode[] {
  const result: FunctionNode[] = [];
  if (owner.type === T.ObjectExpression) {
    for (const property of owner.properties) {
      if (property.type === T.Property && property.value.type === T.FunctionExpression) result.push(property.value);
    }
    return result;
  }
  for (const member of owner.body.body) {
    if (member.type === T.MethodDefinition && !member.static) result.push(member.value as FunctionNode);
    if (member.type === T.PropertyDefinition && !member.static && member.value?.type === T.ArrowFunctionExpression) {
      result.push(member.value);
    }
  }
  return result;
}
