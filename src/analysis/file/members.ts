// Members by name: the property of an object literal, and class members (static or instance, methods or fields).
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import type { FunctionNode } from '../types.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

export function isClassNode(node: TSESTree.Node | null | undefined): node is ClassNode {
  return !!node && (node.type === T.ClassDeclaration || node.type === T.ClassExpression);
}

/** The value of the first property named `name` of an object literal (spreads and computed keys skipped). */
export function propertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | null {
  for (const property of object.properties) {
    if (property.type === T.Property && staticPropertyName(property) === name) return property.value;
  }
  return null;
}

/** The values of every property named `name` (a literal may repeat a key; a later one wins at run time). */
export function propertyValues(object: TSESTree.ObjectExpression, name: string): TSESTree.Node[] {
  return namedProperties(object)
    .filter((entry) => entry.name === name)
    .map((entry) => entry.property.value);
}

/** Every property of an object literal with a static name, in order. */
export function namedProperties(
  object: TSESTree.ObjectExpression,
): Array<{ name: string; property: TSESTree.Property }> {
  const result: Array<{ name: string; property: TSESTree.Property }> = [];
  for (const property of object.properties) {
    if (property.type !== T.Property) continue;
    const name = staticPropertyName(property);
    if (name !== null) result.push({ name, property });
  }
  return result;
}

/** A function-valued property of an object literal (`{ add() {} }`, `{ add: () => … }`). */
export function objectMethod(object: TSESTree.ObjectExpression, name: string): FunctionNode | null {
  const value = propertyValue(object, name);
  const fn = value ? unwrap(value) : null;
  return isFunctionNode(fn) ? fn : null;
}

export type MemberSide = 'instance' | 'static' | 'any';

/**
 * The method `name` of a class: a method definition (getters and setters only on the static side), or a field
 * whose value is a function, on the given side.
 */
export function classMethod(classNode: ClassNode, name: string, side: MemberSide): FunctionNode | null {
  for (const member of classNode.body.body) {
    if (member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition) continue;
    if ((side === 'instance' && member.static) || (side === 'static' && !member.static)) continue;
    if (staticPropertyName(member) !== name) continue;
    if (member.type === T.MethodDefinition) {
      if (side === 'static' ? member.kind !== 'constructor' : member.kind === 'method')
        return member.value as FunctionNode;
    } else if (side !== 'static' && isFunctionNode(member.value)) {
      return member.value;
    }
  }
  return null;
}

/** The instance members of a class named `name` (all of them when null): methods and fields with a value. */
export function instanceMembers(classNode: ClassNode, name: string | null): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  for (const member of classNode.body.body) {
    if ((member.type === T.MethodDefinition && member.kind !== 'constructor') || member.type === T.PropertyDefinition) {
      if (member.static || !member.value) continue;
      if (name === null || staticPropertyName(member) === name) result.push(unwrap(member.value));
    }
  }
  return result;
}

/** The static members (methods and fields with a value) of a class named `name`, all of them when null. */
export function staticMembers(classNode: ClassNode, name: string | null): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  for (const member of classNode.body.body) {
    if (
      (member.type === T.MethodDefinition || member.type === T.PropertyDefinition) &&
      member.static &&
      member.value &&
      (name === null || staticPropertyName(member) === name)
    ) {
      result.push(unwrap(member.value));
    }
  }
  return result;
}

/** Initial values of an instance field: `items = []` in the class body. */
export function instanceFieldValues(classNode: ClassNode, name: string): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  for (const member of classNode.body.body) {
    if (member.type === T.PropertyDefinition && !member.static && member.value && staticPropertyName(member) === name) {
      result.push(member.value);
    }
  }
  return result;
}

/** Initial values of a static field: `static items = []`. */
export function staticFieldValues(classNode: ClassNode, name: string): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  for (const member of classNode.body.body) {
    if (member.type === T.PropertyDefinition && member.static && member.value && staticPropertyName(member) === name) {
      result.push(member.value);
    }
  }
  return result;
}
