// What state lives at module scope: the roots (variables, class statics, global properties) and their value shapes.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calleeName, dottedName, isFunctionNode, requireSource, staticPropertyName, unwrap } from './ast.js';
import { instanceFieldValues, localClassOf, type ClassNode } from './instances.js';
import { initializerOf, resolveName, type ModuleScopes } from './scope.js';
import type { ResolvedSettings } from './settings.js';

/** What a value is, as far as syntax tells. `opaque` values (SDK clients, pools, imports) have unknown methods. */
export type Shape =
  | 'array'
  | 'map'
  | 'set'
  | 'weak'
  | 'object'
  | 'string'
  | 'number'
  | 'boolean'
  | 'empty'
  | 'bounded'
  | 'opaque'
  | 'function'
  | 'unknown';

export const COLLECTION_SHAPES: ReadonlySet<Shape> = new Set(['array', 'map', 'set', 'weak']);

/** Caches that bound themselves; `new LRUCache({ max })` and friends are the recommended fix, so they stay quiet. */
export const BOUNDED_CACHE_MODULES = new Set([
  'lru-cache',
  'quick-lru',
  '@isaacs/ttlcache',
  'ttlcache',
  'mnemonist/lru-cache',
  'mnemonist/lru-map',
  'tiny-lru',
  'lru.min',
  'ylru',
]);
export const BOUNDED_CACHE_NAMES = new Set(['LRUCache', 'LRU', 'QuickLRU', 'TTLCache', 'LRUMap', 'lru', 'Lru']);

/** A module-scope place that survives between invocations. */
export interface StateRoot {
  /** Key used to group writes: the variable name, or `globalThis.x`. */
  key: string;
  /** How it is shown in messages. */
  name: string;
  variable: Scope.Variable | null;
  kind: 'variable' | 'global' | 'implicit';
  /** For an instance created in another module: the class whose fields are its initial shape. */
  classNode?: ClassNode;
}

export class ModuleState {
  /** Extra value candidates for dotted paths, from assignments anywhere in the file (`global.log = []`). */
  private readonly assigned = new Map<string, TSESTree.Node[]>();
  private readonly shapeMemo = new Map<string, Shape>();
  private readonly boundedLocals = new Set<string>();

  constructor(
    readonly scopes: ModuleScopes,
    private readonly settings: ResolvedSettings,
    program: TSESTree.Program,
  ) {
    for (const statement of program.body) {
      if (statement.type === T.ImportDeclaration && BOUNDED_CACHE_MODULES.has(statement.source.value)) {
        for (const specifier of statement.specifiers) this.boundedLocals.add(specifier.local.name);
      }
      if (statement.type === T.VariableDeclaration) {
        for (const declarator of statement.declarations) {
          const init = declarator.init ? unwrap(declarator.init) : null;
          if (init && isRequireOf(init, BOUNDED_CACHE_MODULES)) {
            if (declarator.id.type === T.Identifier) this.boundedLocals.add(declarator.id.name);
            if (declarator.id.type === T.ObjectPattern) {
              for (const property of declarator.id.properties) {
                if (property.type === T.Property && property.value.type === T.Identifier) {
                  this.boundedLocals.add(property.value.name);
                }
              }
            }
          }
        }
      }
    }
  }

  /** Is this variable module state? Module-level bindings, except functions, types and plain imports of modules. */
  isStateVariable(variable: Scope.Variable): boolean {
    if (variable.scope !== this.scopes.module && variable.scope !== this.scopes.global) return false;
    if (variable.defs.length === 0) return false;
    return variable.defs.every(
      (def) => def.type === 'Variable' || def.type === 'ClassName' || def.type === 'ImportBinding',
    );
  }

  /** Records `path = value` seen anywhere in the file, so shapes account for lazy and late initialisation. */
  recordAssignment(path: string, value: TSESTree.Node): void {
    const list = this.assigned.get(path);
    if (list) list.push(value);
    else this.assigned.set(path, [value]);
    this.shapeMemo.clear();
  }

  /** The shape of `root.a.b` (segments may be `[]` for computed access, which yields `unknown`). */
  shapeOf(root: StateRoot, path: readonly string[]): Shape {
    const key = [root.key, ...path].join('.');
    const memo = this.shapeMemo.get(key);
    if (memo) return memo;
    this.shapeMemo.set(key, 'unknown'); // cycle guard
    const candidates = this.candidates(root, path);
    const shape = combineShapes(candidates.map((value) => this.valueShape(value, key)));
    this.shapeMemo.set(key, shape);
    return shape;
  }

  private candidates(root: StateRoot, path: readonly string[]): TSESTree.Node[] {
    const key = [root.key, ...path].join('.');
    const result: TSESTree.Node[] = [...(this.assigned.get(key) ?? [])];
    if (path.length === 0) {
      const init = root.variable ? initializerOf(root.variable) : null;
      if (init) result.push(init);
      // `const queue: Job[] = load()`: the declared type says what the call returns.
      const def = root.variable?.defs[0];
      if (def?.type === 'Variable') {
        const annotation = (def.node as TSESTree.VariableDeclarator).id.typeAnnotation?.typeAnnotation;
        if (annotation) result.push(annotation);
      }
      return result;
    }
    const parents = this.candidates(root, path.slice(0, -1));
    const last = path[path.length - 1];
    if (path.length === 1 && root.classNode) result.push(...instanceFieldValues(root.classNode, last));
    for (const parent of parents) {
      const value = unwrap(parent);
      if (value.type === T.ObjectExpression) {
        for (const property of value.properties) {
          if (property.type === T.Property && staticPropertyName(property) === last) result.push(property.value);
        }
      } else if (value.type === T.NewExpression) {
        const classNode = localClassOf(value, this.scopes);
        if (classNode) result.push(...instanceFieldValues(classNode, last));
      } else if (value.type === T.ClassDeclaration || value.type === T.ClassExpression) {
        for (const member of value.body.body) {
          if (
            member.type === T.PropertyDefinition &&
            member.static &&
            member.value &&
            staticPropertyName(member) === last
          ) {
            result.push(member.value);
          }
        }
      }
    }
    return result;
  }

  /** The shape of one value expression; `selfKey` ignores `x = x || []` self-references. */
  valueShape(node: TSESTree.Node, selfKey: string): Shape {
    const value = unwrap(node);
    switch (value.type) {
      case T.ArrayExpression:
        return 'array';
      case T.ObjectExpression:
        return 'object';
      case T.TemplateLiteral:
        return 'string';
      case T.Literal:
        if (typeof value.value === 'string') return 'string';
        if (typeof value.value === 'number' || typeof value.value === 'bigint') return 'number';
        if (typeof value.value === 'boolean') return 'boolean';
        if (value.value === null) return 'empty';
        return 'opaque';
      case T.Identifier:
        if (value.name === 'undefined') return 'empty';
        return 'unknown';
      case T.ArrowFunctionExpression:
      case T.FunctionExpression:
      case T.FunctionDeclaration:
      case T.ClassDeclaration:
      case T.ClassExpression:
        return 'function';
      case T.NewExpression:
      case T.CallExpression:
        return this.constructedShape(value);
      case T.LogicalExpression:
      case T.ConditionalExpression: {
        const parts =
          value.type === T.LogicalExpression ? [value.left, value.right] : [value.consequent, value.alternate];
        return combineShapes(
          parts.filter((part) => dottedName(part) !== selfKey).map((part) => this.valueShape(part, selfKey)),
        );
      }
      case T.AwaitExpression:
        return 'opaque';
      case T.TSArrayType:
      case T.TSTupleType:
        return 'array';
      case T.TSTypeReference: {
        const name = value.typeName.type === T.Identifier ? value.typeName.name : null;
        if (name === 'Array') return 'array';
        if (name === 'Map') return 'map';
        if (name === 'Set') return 'set';
        if (name === 'WeakMap' || name === 'WeakSet') return 'weak';
        if (name === 'Record') return 'object';
        return 'unknown';
      }
      case T.TSTypeLiteral:
        return 'object';
      case T.BinaryExpression:
        return value.operator === '+' ? 'unknown' : 'number';
      case T.UnaryExpression:
        return value.operator === '!' ? 'boolean' : value.operator === 'void' ? 'empty' : 'opaque';
      default:
        return 'unknown';
    }
  }

  private constructedShape(value: TSESTree.NewExpression | TSESTree.CallExpression): Shape {
    const callee = unwrap(value.callee);
    const name = calleeName(callee);
    const full = dottedName(callee);
    if (name && (this.boundedLocals.has(name) || this.isBoundedName(callee, name))) return 'bounded';
    if (value.type === T.CallExpression && isRequireCall(value)) return 'opaque';
    switch (full) {
      case 'Array':
      case 'Array.from':
      case 'Array.of':
        return 'array';
      case 'Map':
        return 'map';
      case 'Set':
        return 'set';
      case 'WeakMap':
      case 'WeakSet':
      case 'WeakRef':
        return 'weak';
      case 'Object':
      case 'Object.create':
      case 'Object.fromEntries':
      case 'Object.assign':
        return 'object';
      case 'Object.keys':
      case 'Object.values':
      case 'Object.entries':
        return 'array';
      case 'String':
        return 'string';
      case 'Number':
      case 'Date.now':
        return 'number';
      default:
        break;
    }
    // `items.slice()`, `[...x].concat(y)`, `x.map(f)`: array methods that return arrays.
    if (callee.type === T.MemberExpression && name && ARRAY_RETURNING.has(name)) return 'array';
    return 'opaque';
  }

  private isBoundedName(callee: TSESTree.Node, name: string): boolean {
    if (this.settings.boundedCaches.has(name)) return true;
    // A well-known bounded-cache class name counts when it is not some local class of the same name.
    if (callee.type === T.Identifier) {
      const variable = resolveName(this.scopes.module, callee.name);
      if (variable && variable.defs.some((def) => def.type === 'ClassName')) return false;
    }
    return BOUNDED_CACHE_NAMES.has(name);
  }

  /** Is this root a function or class (its calls are reachability, not state)? */
  isFunctionLike(variable: Scope.Variable): boolean {
    const init = initializerOf(variable);
    return !!init && isFunctionNode(unwrap(init));
  }
}

const ARRAY_RETURNING = new Set([
  'slice',
  'concat',
  'map',
  'filter',
  'flat',
  'flatMap',
  'toSorted',
  'toReversed',
  'toSpliced',
  'with',
  'split',
  // These mutate and return the same array: `new Array(3).fill(null)`.
  'fill',
  'sort',
  'reverse',
  'copyWithin',
]);

function combineShapes(shapes: Shape[]): Shape {
  const known = shapes.filter((shape) => shape !== 'unknown' && shape !== 'empty');
  if (known.includes('bounded')) return 'bounded';
  for (const collection of ['array', 'map', 'set', 'weak'] as const) if (known.includes(collection)) return collection;
  if (known.includes('opaque')) return 'opaque';
  for (const scalar of ['string', 'object', 'number', 'boolean', 'function'] as const)
    if (known.includes(scalar)) return scalar;
  return shapes.includes('empty') && shapes.every((shape) => shape === 'empty') ? 'empty' : 'unknown';
}

export function isRequireCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return requireSource(node) !== null;
}

function isRequireOf(node: TSESTree.Node, modules: ReadonlySet<string>): boolean {
  let value = unwrap(node);
  // `require('lru-cache').LRUCache`
  while (value.type === T.MemberExpression) value = unwrap(value.object);
  const source = requireSource(value);
  return source !== null && modules.has(source);
}
