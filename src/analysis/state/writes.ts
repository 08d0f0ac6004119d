// What counts as a write to module state: assignments, updates, deletes, mutating calls, Object.assign, aliases.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { ReachContext } from '../context.js';
import { dottedName, enclosingFunction, isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import { declaredVariables, isStableBinding } from '../file/scopes.js';
import { LODASH_MODULES, LODASH_SINGLE, LODASH_WRITERS } from '../leaks/tables.js';
import type { ModuleState, StateRoot } from './module-state.js';

export type WriteForm = 'assign' | 'update' | 'delete' | 'call' | 'define' | 'destructure' | 'loopTarget';

/** One syntactic write to module state, before deciding whether and how it leaks. */
export interface WriteSite {
  root: StateRoot;
  form: WriteForm;
  /** The write expression; reports land here. */
  node: TSESTree.Node;
  /** The written place (assignment target, receiver of a mutating call, `Object.assign` target). */
  target: TSESTree.Node;
  /** Property segments from the root to `target`; `[]` marks a computed segment. */
  path: string[];
  /** The computed key of the written property (`CACHE[key] = …`) or of `map.set(key, …)`. */
  key: TSESTree.Node | null;
  /** `=`, `+=`, `??=`, `++` … for assignments and updates. */
  operator: string | null;
  /** `push`, `set`, `Object.assign` … for calls. */
  method: string | null;
  /** The values that end up stored. */
  values: TSESTree.Node[];
  /** Whether the write goes through a local alias (`const list = items; list.push(x)`). */
  throughAlias: boolean;
}

/**
 * Does the write replace the value of one named place? `x = v`, `state.flag = v`, `count += 1`, `count++`: yes.
 * A computed key (`cache[id] = v`), a collection method (`map.set()`), `delete` or a logical assignment (`x ??= v`,
 * which fills a place once) is not an overwrite.
 */
export function isOverwrite(site: Pick<WriteSite, 'form' | 'operator' | 'path'>): boolean {
  if (site.path.includes('[]')) return false;
  if (site.form === 'update') return true;
  return site.form === 'assign' && !LOGICAL_ASSIGNMENTS.has(site.operator ?? '=');
}

const LOGICAL_ASSIGNMENTS = new Set(['||=', '&&=', '??=']);

/** Methods whose names only arrays have; `set`/`add`/`delete`/`clear` are also common on clients and stores. */
export const ARRAY_ONLY_METHODS = new Set([
  'push',
  'unshift',
  'splice',
  'pop',
  'shift',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);

/** Array, Map and Set methods that change their receiver. */
export const MUTATING_METHODS = new Set([...ARRAY_ONLY_METHODS, 'set', 'add', 'delete', 'clear']);

/** Packages whose default export copies its other arguments into the first one, by the name they are known as. */
const COPYING_PACKAGES: ReadonlyMap<string, string> = new Map([
  ['extend', 'extend'],
  ['object-assign', 'Object.assign'],
  ['deep-extend', 'extend'],
  ['xtend/mutable', 'extend'],
]);

/** Functions that write into their first argument. */
const TARGET_WRITERS = new Set([
  'Object.assign',
  'Object.defineProperty',
  'Object.defineProperties',
  'Object.setPrototypeOf',
  'Reflect.set',
  'Reflect.defineProperty',
  'Reflect.deleteProperty',
  'Reflect.setPrototypeOf',
]);

const MAX_ALIAS_DEPTH = 4;
/** Array methods whose callback receives each element first. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'filter', 'some', 'every', 'find', 'findLast', 'flatMap']);

export class WriteFinder {
  /** How many times the finder asked whether code runs per request (what makes a result depend on the handlers). */
  reachQuestions = 0;

  constructor(private readonly ctx: ReachContext & { readonly state?: Pick<ModuleState, 'shapeOf'> }) {}

  /** Only calls made per request bind a helper's parameter to module state for that request's work. */
  private isRequestTime(node: TSESTree.Node): boolean {
    this.reachQuestions++;
    return this.ctx.reach.contextOf(node) !== null;
  }

  /** `Object.assign`, `Reflect.set`, `_.merge`, `merge` from lodash: the writer a callee names, or null. */
  private targetWriter(callee: TSESTree.Node): string | null {
    const name = dottedName(callee);
    if (name !== null && TARGET_WRITERS.has(name)) return name;
    // lodash however it is imported: `import _`, `require('lodash')`, `(await import('lodash')).default`, named.
    const imported = this.ctx.facts.imports.moduleValueOf(callee);
    if (!imported || imported.typeOnly) return null;
    // Node's `util._extend` and the packages that copy into their first argument (`extend`, `object-assign`).
    const copier = imported.path.length === 0 ? COPYING_PACKAGES.get(imported.source) : undefined;
    if (copier) return copier;
    if (/^(?:node:)?util$/u.test(imported.source) && imported.path.length === 1 && imported.path[0] === '_extend') {
      return 'util._extend';
    }
    if (LODASH_MODULES.test(imported.source)) {
      const [fn, ...rest] = imported.path;
      return fn !== undefined && rest.length === 0 && LODASH_WRITERS.has(fn) ? `_.${fn}` : null;
    }
    const single = imported.path.length === 0 ? LODASH_SINGLE.exec(imported.source) : null;
    if (!single) return null;
    const fn = (single[1] ?? single[2]).toLowerCase();
    const canonical = [...LODASH_WRITERS].find((writer) => writer.toLowerCase() === fn);
    return canonical ? `_.${canonical}` : null;
  }

  private throughParameter(
    call: TSESTree.CallExpression,
    index: number,
    root: StateRoot,
    path: string[],
    aliasDepth: number,
  ): WriteSite[] {
    const result: WriteSite[] = [];
    if (!this.isRequestTime(call)) return result;
    for (const fn of this.ctx.reach.calleesOf(call)) {
      if (!isFunctionNode(fn)) continue;
      const param = fn.params[index];
      if (!param || param.type !== T.Identifier) continue;
      const variable = declaredVariables(this.ctx.facts.file, fn).find(
        (v) => v.name === param.name && v.defs.some((d) => d.type === 'Parameter'),
      );
      if (!variable || !isStableBinding(variable)) continue;
      for (const reference of variable.references) {
        if (reference.init) continue;
        result.push(...this.find(reference.identifier, root, path, aliasDepth + 1));
      }
    }
    return result;
  }

  /** Writes made through one reference to a root: `start` is the identifier, or `globalThis.x` for global roots. */
  find(start: TSESTree.Node, root: StateRoot, basePath: readonly string[] = [], aliasDepth = 0): WriteSite[] {
    const path = [...basePath];
    let node = start;
    let key: TSESTree.Node | null = null;
    for (;;) {
      // `var opts = settings || defaults`, `(cond ? options : fallback).list`: the value the expression gives may
      // be the state itself, so what takes that value (an alias, an argument, a member access) reaches the state.
      const choice = valueOfChoice(node);
      if (choice !== node) {
        node = choice;
        continue;
      }
      const { parent, child } = valueParent(node);
      if (parent?.type === T.MemberExpression && parent.object === child) {
        path.push(staticPropertyName(parent) ?? '[]');
        key = parent.computed ? parent.property : null;
        node = parent;
        continue;
      }
      // `stats.get(id).views++` on a module Map: the entry `get` returns is part of the Map's state, as
      // `stats[id].views++` is of an object's.
      const entry = node.type === T.MemberExpression ? valueParent(node) : null;
      if (
        entry?.parent?.type === T.CallExpression &&
        entry.parent.callee === entry.child &&
        path[path.length - 1] === 'get' &&
        entry.parent.arguments.length === 1 &&
        entry.parent.arguments[0].type !== T.SpreadElement &&
        valueParent(entry.parent).parent?.type === T.MemberExpression &&
        this.ctx.state?.shapeOf(root, path.slice(0, -1)) === 'map'
      ) {
        path[path.length - 1] = '[]';
        key = entry.parent.arguments[0];
        node = entry.parent;
        continue;
      }
      break;
    }
    const throughAlias = aliasDepth > 0;
    const ownBinding = throughAlias && path.length === basePath.length;
    const site = (form: WriteForm, write: TSESTree.Node, extra: Partial<WriteSite>): WriteSite[] => [
      {
        root,
        form,
        node: write,
        target: node,
        path,
        key,
        operator: null,
        method: null,
        values: [],
        throughAlias,
        ...extra,
      },
    ];
    const { parent, child } = valueParent(node);
    if (!parent) return [];
    switch (parent.type) {
      case T.AssignmentExpression:
        if (parent.left !== child || ownBinding) return [];
        return site('assign', parent, { operator: parent.operator, values: [parent.right] });
      case T.UpdateExpression:
        if (ownBinding) return [];
        return site('update', parent, { operator: parent.operator });
      case T.UnaryExpression:
        // `delete globalThis.lastEvent`: global roots start at the member expression itself.
        if (parent.operator !== 'delete' || (path.length === 0 && root.kind !== 'global')) return [];
        return site('delete', parent, {});
      case T.CallExpression: {
        if (parent.callee === child && node.type === T.MemberExpression) {
          const method = path[path.length - 1];
          if (ELEMENT_CALLBACKS.has(method) && aliasDepth < MAX_ALIAS_DEPTH) {
            return this.throughElementCallback(parent, root, [...path.slice(0, -1), '[]'], aliasDepth);
          }
          if (!MUTATING_METHODS.has(method)) return [];
          // `_.set(target, path, value)` writes into its first argument, not into the lodash module it is read from.
          if (this.targetWriter(parent.callee)) return [];
          const receiverPath = path.slice(0, -1);
          const receiver = node.object;
          return [
            {
              root,
              form: 'call',
              node: parent,
              target: receiver,
              path: receiverPath,
              key: method === 'set' ? (parent.arguments[0] ?? null) : null,
              operator: null,
              method,
              values: storedArguments(method, parent.arguments),
              throughAlias,
            },
          ];
        }
        // `Array.prototype.push.apply(list, items)`, `[].push.call(list, x)`, `Map.prototype.set.call(m, k, v)`: the
        // method runs with the module state as its receiver.
        const borrowed = parent.arguments[0] === child ? borrowedMethod(parent) : null;
        if (borrowed) {
          const args = parent.arguments.slice(1);
          return site('call', parent, {
            method: borrowed.method,
            key: borrowed.method === 'set' && !borrowed.spread ? (args[0] ?? null) : null,
            values: borrowed.spread ? args.slice(0, 1) : storedArguments(borrowed.method, args),
          });
        }
        const callee = this.targetWriter(parent.callee);
        // `extend(true, target, …)`: a leading boolean asks for a deep copy; the target comes after it.
        const targetIndex =
          callee === 'extend' &&
          parent.arguments[0]?.type === T.Literal &&
          typeof parent.arguments[0].value === 'boolean'
            ? 1
            : 0;
        if (callee && parent.arguments[targetIndex] === child) {
          return site('define', parent, { method: callee, values: parent.arguments.slice(targetIndex + 1) });
        }
        // `appendTo(globalList, x)`, `appendTo.call(null, globalList)`: the helper's parameter is another name
        // for the module state.
        const index = this.ctx.reach.argumentsOf(parent)?.indexOf(child) ?? -1;
        if (index >= 0 && aliasDepth < MAX_ALIAS_DEPTH)
          return this.throughParameter(parent, index, root, path, aliasDepth);
        return [];
      }
      case T.ForInStatement:
      case T.ForOfStatement:
        if (parent.left === child && !ownBinding) return site('loopTarget', child, { values: [parent.right] });
        if (parent.type === T.ForOfStatement && parent.right === child) {
          return this.throughLoopAlias(parent, root, [...path, '[]'], aliasDepth);
        }
        return [];
      case T.VariableDeclarator:
        if (parent.init !== child) return [];
        return this.throughDeclaredAlias(parent, root, path, aliasDepth);
      case T.ArrayPattern:
      case T.ObjectPattern:
      case T.Property:
      case T.AssignmentPattern:
      case T.RestElement: {
        if (ownBinding) return [];
        const holder = patternHolder(child);
        if (!holder) return [];
        if (holder.type === T.AssignmentExpression) {
          return site('destructure', child, { values: [matchingValue(child, holder.left, holder.right)] });
        }
        return site('loopTarget', child, { values: [holder.right] });
      }
      default:
        return [];
    }
  }

  /** `const list = items` / `const { users } = state`: writes through the local name are writes to the root. */
  private throughDeclaredAlias(
    declarator: TSESTree.VariableDeclarator,
    root: StateRoot,
    path: string[],
    aliasDepth: number,
  ): WriteSite[] {
    if (aliasDepth >= MAX_ALIAS_DEPTH || !enclosingFunction(declarator)) return [];
    const result: WriteSite[] = [];
    for (const variable of declaredVariables(this.ctx.facts.file, declarator)) {
      if (!isStableBinding(variable)) continue;
      const aliasPath = aliasPathFor(declarator.id, variable, path);
      if (!aliasPath) continue;
      for (const reference of variable.references) {
        if (reference.init) continue;
        result.push(...this.find(reference.identifier, root, aliasPath, aliasDepth + 1));
      }
    }
    return result;
  }

  /** `tokens.forEach((token) => { token.value = x })`: the callback's first parameter is each element. */
  private throughElementCallback(
    call: TSESTree.CallExpression,
    root: StateRoot,
    path: string[],
    aliasDepth: number,
  ): WriteSite[] {
    const callback = call.arguments[0];
    const fn = callback ? this.ctx.facts.functionOf(callback) : null;
    const param = fn?.params[0];
    if (!fn || param?.type !== T.Identifier) return [];
    const result: WriteSite[] = [];
    for (const variable of declaredVariables(this.ctx.facts.file, fn)) {
      if (variable.name !== param.name || !isStableBinding(variable)) continue;
      for (const reference of variable.references) {
        if (reference.init) continue;
        result.push(...this.find(reference.identifier, root, path, aliasDepth + 1));
      }
    }
    return result;
  }

  /** `for (const user of USERS) user.lastSeen = now`: each element is part of the root. */
  private throughLoopAlias(
    loop: TSESTree.ForOfStatement,
    root: StateRoot,
    path: string[],
    aliasDepth: number,
  ): WriteSite[] {
    if (aliasDepth >= MAX_ALIAS_DEPTH || loop.left.type !== T.VariableDeclaration) return [];
    const declarator = loop.left.declarations[0];
    if (!declarator || declarator.id.type !== T.Identifier) return [];
    const result: WriteSite[] = [];
    for (const variable of declaredVariables(this.ctx.facts.file, declarator)) {
      for (const reference of variable.references) {
        if (reference.init || reference.isWrite()) continue;
        result.push(...this.find(reference.identifier, root, path, aliasDepth + 1));
      }
    }
    return result;
  }
}

/**
 * The outermost choice expression whose value `node` may be: either side of `||` and `??`, the right side of `&&`,
 * either branch of `?:`. A test (`a && …`, `a ? … : …`) only decides which value is taken.
 */
function valueOfChoice(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const { parent, child } = valueParent(current);
    if (parent?.type === T.LogicalExpression && (parent.operator !== '&&' || parent.right === child)) {
      current = parent;
    } else if (parent?.type === T.ConditionalExpression && parent.test !== child) {
      current = parent;
    } else {
      return current;
    }
  }
}

/** The path an alias binding stands for: `const list = items` → path; `const { users } = state` → path + users. */
function aliasPathFor(id: TSESTree.BindingName, variable: Scope.Variable, path: string[]): string[] | null {
  if (id.type === T.Identifier) return id.name === variable.name ? path : null;
  if (id.type === T.ObjectPattern) {
    for (const property of id.properties) {
      if (property.type !== T.Property) continue;
      const name = staticPropertyName(property);
      const value = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (name !== null && value.type === T.Identifier && value.name === variable.name) return [...path, name];
    }
  }
  return null;
}

/** The assignment or loop whose left-hand pattern contains `node`. */
function patternHolder(
  node: TSESTree.Node,
): TSESTree.AssignmentExpression | TSESTree.ForInStatement | TSESTree.ForOfStatement | null {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent) {
    switch (parent.type) {
      case T.ArrayPattern:
      case T.ObjectPattern:
      case T.RestElement:
        break;
      case T.Property:
        if (parent.value !== child || parent.parent?.type !== T.ObjectPattern) return null;
        break;
      case T.AssignmentPattern:
        if (parent.left !== child) return null;
        break;
      case T.AssignmentExpression:
        return parent.left === child ? parent : null;
      case T.ForInStatement:
      case T.ForOfStatement:
        return parent.left === child ? parent : null;
      default:
        return null;
    }
    child = parent;
    parent = parent.parent;
  }
  return null;
}

/**
 * The part of a literal right-hand side that a pattern element receives: `[a, b] = [event.x, 2]` gives `b` the `2`.
 * Falls back to the whole value when the right-hand side is not a literal of the same shape.
 */
function matchingValue(element: TSESTree.Node, pattern: TSESTree.Node, value: TSESTree.Node): TSESTree.Node {
  const steps: TSESTree.Node[] = [];
  for (let node: TSESTree.Node | undefined = element; node && node !== pattern; node = node.parent) steps.unshift(node);
  let current: TSESTree.Node = pattern;
  let matched: TSESTree.Node = value;
  for (const step of steps) {
    const literal =
      matched.type === T.TSAsExpression || matched.type === T.TSSatisfiesExpression ? matched.expression : matched;
    if (current.type === T.ArrayPattern && literal.type === T.ArrayExpression) {
      const index = current.elements.indexOf(step as TSESTree.DestructuringPattern);
      const item = literal.elements[index];
      if (index < 0 || !item || literal.elements.slice(0, index + 1).some((e) => e?.type === T.SpreadElement))
        return matched;
      matched = item;
    } else if (current.type === T.ObjectPattern && literal.type === T.ObjectExpression && step.type === T.Property) {
      const name = staticPropertyName(step);
      const found = literal.properties.find((p) => p.type === T.Property && staticPropertyName(p) === name);
      if (
        name === null ||
        !found ||
        found.type !== T.Property ||
        literal.properties.some((p) => p.type === T.SpreadElement)
      ) {
        return matched;
      }
      matched = found.value;
    } else if (step.type !== T.Property && step.type !== T.AssignmentPattern && current.type !== T.Property) {
      return matched;
    }
    current = step;
  }
  return matched;
}

/**
 * A mutating method borrowed from a prototype and run on another receiver: `Array.prototype.push.apply`,
 * `[].unshift.call`, `Set.prototype.add.call`. `spread` when the stored values come as one array (`apply`).
 */
function borrowedMethod(call: TSESTree.CallExpression): { method: string; spread: boolean } | null {
  const callee = unwrap(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const how = staticPropertyName(callee);
  if (how !== 'apply' && how !== 'call') return null;
  const method = unwrap(callee.object);
  if (method.type !== T.MemberExpression) return null;
  const name = staticPropertyName(method);
  if (name === null || !MUTATING_METHODS.has(name)) return null;
  const owner = unwrap(method.object);
  const fromPrototype =
    (owner.type === T.ArrayExpression && owner.elements.length === 0) ||
    /^(?:Array|Map|Set)\.prototype$/u.test(dottedName(owner) ?? '');
  return fromPrototype ? { method: name, spread: how === 'apply' } : null;
}

/** The arguments a mutating method stores: not a splice's position, a fill's range or a sort's comparator. */
function storedArguments(method: string, args: TSESTree.CallExpressionArgument[]): TSESTree.Node[] {
  switch (method) {
    case 'set':
      return args.slice(1);
    case 'splice':
      return args.slice(2);
    case 'fill':
      return args.slice(0, 1);
    case 'push':
    case 'unshift':
    case 'add':
      return args;
    default:
      return [];
  }
}
