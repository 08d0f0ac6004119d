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

type ClassMember = TSESTree.MethodDefinition | TSESTree.PropertyDefinition;

/** A class body by member name, built once per class: callers ask per name, and a class may have thousands. */
interface ClassIndex {
  /** Methods and fields by static name, in class order. */
  byName: Map<string, ClassMember[]>;
  /** Values of instance members (methods other than the constructor, fields with a value), in class order. */
  instance: TSESTree.Node[];
  instanceByName: Map<string, TSESTree.Node[]>;
  /** Values of static members (methods and fields with a value), in class order. */
  static: TSESTree.Node[];
  staticByName: Map<string, TSESTree.Node[]>;
  /** Initial values of fields by name, instance and static. */
  instanceFields: Map<string, TSESTree.Node[]>;
  staticFields: Map<string, TSESTree.Node[]>;
}

const classIndexes = new WeakMap<ClassNode, ClassIndex>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function classIndex(classNode: ClassNode): ClassIndex {
  let index = classIndexes.get(classNode);
  if (index) return index;
  index = {
    byName: new Map(),
    instance: [],
    instanceByName: new Map(),
    static: [],
    staticByName: new Map(),
    instanceFields: new Map(),
    staticFields: new Map(),
  };
  for (const member of classNode.body.body) {
    if (member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition) continue;
    const name = staticPropertyName(member);
    if (name !== null) push(index.byName, name, member);
    if (!member.value) continue;
    if (member.static) {
      const value = unwrap(member.value);
      index.static.push(value);
      if (name !== null) push(index.staticByName, name, value);
      if (member.type === T.PropertyDefinition && name !== null) push(index.staticFields, name, member.value);
    } else if (member.type === T.PropertyDefinition || member.kind !== 'constructor') {
      const value = unwrap(member.value);
      index.instance.push(value);
      if (name !== null) push(index.instanceByName, name, value);
      if (member.type === T.PropertyDefinition && name !== null) push(index.instanceFields, name, member.value);
    }
  }
  classIndexes.set(classNode, index);
  return index;
}

/**
 * The method `name` of a class: a method definition (getters and setters only on the static side), or a field
 * whose value is a function, on the given side.
 */
export function classMethod(classNode: ClassNode, name: string, side: MemberSide): FunctionNode | null {
  for (const member of classIndex(classNode).byName.get(name) ?? []) {
    if ((side === 'instance' && member.static) || (side === 'static' && !member.static)) continue;
    if (member.type === T.MethodDefinition) {
      if (side === 'static' ? member.kind !== 'constructor' : member.kind === 'method')
        return member.value as FunctionNode;
    } else if (side !== 'static' && isFunctionNode(member.value)) {
      return member.value;
    }
  }
  return null;
}

/**
 * The instance members of a class named `name` (all of them when null): methods and fields with a value. A name the
 * class does not define is looked up in the class it extends (`superClassOf`), as the prototype chain does.
 */
export function instanceMembers(classNode: ClassNode, name: string | null): TSESTree.Node[] {
  return inherited(classNode, name, (index) => (name === null ? index.instance : index.instanceByName.get(name)));
}

/** The static members (methods and fields with a value) of a class named `name`, all of them when null. */
export function staticMembers(classNode: ClassNode, name: string | null): TSESTree.Node[] {
  return inherited(classNode, name, (index) => (name === null ? index.static : index.staticByName.get(name)));
}

/** How many `extends` steps a member lookup follows. */
const MAX_SUPER_DEPTH = 4;

function inherited(
  classNode: ClassNode,
  name: string | null,
  own: (index: ClassIndex) => TSESTree.Node[] | undefined,
): TSESTree.Node[] {
  const result: TSESTree.Node[] = [];
  let current: ClassNode | null = classNode;
  for (let depth = 0; current && depth <= MAX_SUPER_DEPTH; depth++) {
    const found = own(classIndex(current)) ?? [];
    result.push(...found);
    if (name !== null && found.length > 0) break;
    current = superClassOf(current);
  }
  return result;
}

/**
 * The class `classNode` extends, when the file declares it at its top level: `extends Base` with `class Base` or
 * `const Base = class …` (exported or not), or `extends Mixin(Base)` with `Mixin` a top-level function that returns a
 * class expression. Null for anything else (an imported class, a computed base).
 */
export function superClassOf(classNode: ClassNode): ClassNode | null {
  const base = classNode.superClass ? unwrap(classNode.superClass) : null;
  if (!base) return null;
  if (base.type === T.ClassExpression) return base;
  const named = base.type === T.CallExpression ? unwrap(base.callee) : base;
  if (named.type !== T.Identifier) return null;
  let program: TSESTree.Node | undefined = classNode.parent;
  while (program && program.type !== T.Program) program = program.parent;
  if (!program) return null;
  const value = topLevelValue(program, named.name);
  if (!value || value === classNode) return null;
  if (base.type !== T.CallExpression)
    return value.type === T.ClassDeclaration || value.type === T.ClassExpression ? value : null;
  return isFunctionNode(value) ? returnedClass(value) : null;
}

/** The class declaration, or the initial value of the `const`, that a top-level statement binds to `name`. */
function topLevelValue(program: TSESTree.Program, name: string): TSESTree.Node | null {
  for (const statement of program.body) {
    const declaration =
      (statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration) &&
      statement.declaration
        ? statement.declaration
        : statement;
    if (
      (declaration.type === T.ClassDeclaration || declaration.type === T.FunctionDeclaration) &&
      declaration.id?.name === name
    )
      return declaration;
    if (declaration.type !== T.VariableDeclaration) continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === T.Identifier && declarator.id.name === name && declarator.init)
        return unwrap(declarator.init);
    }
  }
  return null;
}

/** The class expression a mixin returns: `(Base) => class extends Base { … }`, or from a `return` of its body. */
function returnedClass(fn: FunctionNode): ClassNode | null {
  const body = fn.body;
  if (!body) return null;
  if (body.type !== T.BlockStatement) {
    const value = unwrap(body);
    return value.type === T.ClassExpression ? value : null;
  }
  for (const statement of body.body) {
    if (statement.type !== T.ReturnStatement || !statement.argument) continue;
    const value = unwrap(statement.argument);
    if (value.type === T.ClassExpression) return value;
  }
  return null;
}

/** Initial values of an instance field: `items = []` in the class body. */
export function instanceFieldValues(classNode: ClassNode, name: string): TSESTree.Node[] {
  return [...(classIndex(classNode).instanceFields.get(name) ?? [])];
}

/** Initial values of a static field: `static items = []`. */
export function staticFieldValues(classNode: ClassNode, name: string): TSESTree.Node[] {
  return [...(classIndex(classNode).staticFields.get(name) ?? [])];
}

/** The instance methods of a class by name (method definitions and function-valued fields; not the constructor). */
export function instanceMethods(classNode: ClassNode): Array<{ name: string; fn: FunctionNode }> {
  const result: Array<{ name: string; fn: FunctionNode }> = [];
  for (const member of classNode.body.body) {
    if ((member.type !== T.MethodDefinition && member.type !== T.PropertyDefinition) || member.static) continue;
    const name = staticPropertyName(member);
    if (name === null) continue;
    if (member.type === T.MethodDefinition) {
      // An overload signature (`serve(req: A): B;`) has no body: only the implementation runs.
      if (member.kind === 'method' && member.value.type !== T.TSEmptyBodyFunctionExpression)
        result.push({ name, fn: member.value });
    } else if (member.value && isFunctionNode(unwrap(member.value))) {
      result.push({ name, fn: unwrap(member.value) as FunctionNode });
    }
  }
  return result;
}
