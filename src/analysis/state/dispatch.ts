// Which functions a value may be: module functions and the tables that hold them (objects, classes, instances,
// arrays, Maps and Sets, the products of factories), followed through the steps code takes to pick one: members,
// locals, destructuring, loops, array callbacks, `Map#get`, `.call/.apply/.bind`, `Reflect.apply`, helper
// parameters and returns.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { dottedName, enclosingFunction, isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import type { FileFacts } from '../file/index.js';
import { instanceMembers, isClassNode, staticMembers, type ClassNode } from '../file/members.js';
import { returnedValues } from '../file/products.js';
import { declaredVariables, initializerOf, isStableBinding } from '../file/scopes.js';
import type { FunctionNode } from '../types.js';
import { localClassOf } from './instances.js';

/** An instance of a local class: its members are the class's instance members. */
export interface Instance {
  instanceOf: ClassNode;
}

/** An array, Map or Set of functions: its elements (Map values), including those added at start-up. */
export interface Collection {
  collection: TSESTree.Node;
  items: Held[];
}

/** Something that is, or holds, functions. */
export type Held = FunctionNode | TSESTree.ObjectExpression | ClassNode | Instance | Collection;

/** A function value arriving at a call: the call, and the arguments the function receives (null when unknown). */
export interface CallTarget {
  call: TSESTree.CallExpression;
  args: readonly TSESTree.Node[] | null;
}

/** Where the flow reports what it finds: `from` may run `target` (called at `call`, when it is a call). */
export type EdgeSink = (from: TSESTree.Node, target: FunctionNode, call: CallTarget | null) => void;

const MAX_RESOLVE_DEPTH = 6;
const MAX_FLOW_DEPTH = 6;
const MAX_MEMBER_CHAIN = 4;
/** Array methods whose callback receives each element (at this parameter position). */
const ELEMENT_CALLBACKS = new Map([
  ['forEach', 0],
  ['map', 0],
  ['flatMap', 0],
  ['filter', 0],
  ['find', 0],
  ['findLast', 0],
  ['some', 0],
  ['every', 0],
  ['reduce', 1],
  ['reduceRight', 1],
]);
/** Array methods that return one of the elements (`find` also runs its callback on each). */
const ELEMENT_RESULTS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** Methods that add an element to an array, Map or Set: the stored function is the last argument. */
const REGISTERING_METHODS = new Set(['set', 'push', 'unshift', 'add']);

export function isInstance(held: Held): held is Instance {
  return 'instanceOf' in held;
}

export function isCollection(held: Held): held is Collection {
  return 'collection' in held;
}

export function isHeldFunction(held: Held): held is FunctionNode {
  return !isInstance(held) && !isCollection(held) && isFunctionNode(held);
}

export class Dispatch {
  private readonly resolved = new Map<TSESTree.Node, Held[]>();
  private readonly inProgress = new Set<TSESTree.Node>();
  /** Functions stored into a module object after it is created (`handlers.x = fn`, `handlers[k] = fn`). */
  private readonly addedMembers = new Map<TSESTree.ObjectExpression, Array<{ name: string | null; held: Held[] }>>();
  /** Module variables whose value is the product of a call of a local function, by that function. */
  private readonly holders = new Map<FunctionNode, string[]>();
  /** Module variables holding an instance of a local class that a factory made (`const repo = makeRepo()`). */
  readonly productInstances: Array<{ variable: Scope.Variable; classNode: ClassNode; factory: FunctionNode }> = [];

  constructor(private readonly facts: FileFacts) {}

  /** What a module variable holds, with the functions stored into it later (`handlers.set('x', fn)` at start-up). */
  heldByModuleVariable(variable: Scope.Variable): Held[] {
    const init = initializerOf(variable);
    if (!init) return this.destructured(variable, 0);
    const held = this.resolve(init);
    if (held.length === 0) return held;
    const factory = this.factoryCalled(init);
    if (factory) {
      const list = this.holders.get(factory);
      if (list) list.push(variable.name);
      else this.holders.set(factory, [variable.name]);
      const instances = held.filter(isInstance);
      if (instances.length === 1) {
        this.productInstances.push({ variable, classNode: instances[0].instanceOf, factory });
      }
    }
    for (const reference of variable.references) {
      if (!reference.init) this.recordRegistration(reference.identifier, held);
    }
    return held;
  }

  /** The module variables that hold what one call of `factory` made (`themeStack` for `makeStack('light')`). */
  holdersOf(factory: FunctionNode): readonly string[] {
    return this.holders.get(factory) ?? [];
  }

  /** The local function a module-level initialiser calls to make its value: `makeStack` for `makeStack('light')`. */
  private factoryCalled(init: TSESTree.Node): FunctionNode | null {
    let value = unwrap(init);
    if (value.type === T.AwaitExpression) value = unwrap(value.argument);
    if (value.type !== T.CallExpression) return null;
    const callee = this.resolve(value.callee).filter(isHeldFunction);
    return callee.length === 1 ? callee[0] : null;
  }

  /** `table.x = fn`, `table[k] = fn`, `map.set(k, fn)`, `list.push(fn)`: what is stored joins the table. */
  private recordRegistration(identifier: TSESTree.Node, held: Held[]): void {
    const { parent, child } = valueParent(identifier);
    if (parent?.type !== T.MemberExpression || parent.object !== child) return;
    const outer = valueParent(parent);
    if (outer.parent?.type === T.AssignmentExpression && outer.parent.left === outer.child) {
      const stored = this.resolve(outer.parent.right);
      if (stored.length === 0) return;
      const name = staticPropertyName(parent);
      for (const table of held) {
        if (isCollection(table)) table.items.push(...stored);
        else if (!isInstance(table) && table.type === T.ObjectExpression) {
          const list = this.addedMembers.get(table);
          if (list) list.push({ name, held: stored });
          else this.addedMembers.set(table, [{ name, held: stored }]);
        }
      }
      return;
    }
    const method = staticPropertyName(parent);
    if (method === null || !REGISTERING_METHODS.has(method)) return;
    if (outer.parent?.type !== T.CallExpression || outer.parent.callee !== outer.child) return;
    const last = outer.parent.arguments[outer.parent.arguments.length - 1];
    const stored = last ? this.resolve(last) : [];
    for (const table of held) if (isCollection(table)) table.items.push(...stored);
  }

  /** What an expression may hold, as far as the file says; [] when it holds no known function. */
  resolve(node: TSESTree.Node, depth = 0): Held[] {
    const value = unwrap(node);
    const memo = this.resolved.get(value);
    if (memo) return memo;
    if (depth > MAX_RESOLVE_DEPTH || this.inProgress.has(value)) return [];
    this.inProgress.add(value);
    let result: Held[];
    try {
      result = this.compute(value, depth + 1);
    } finally {
      this.inProgress.delete(value);
    }
    this.resolved.set(value, result);
    return result;
  }

  private compute(value: TSESTree.Node, depth: number): Held[] {
    if (isFunctionNode(value)) return [value];
    switch (value.type) {
      case T.ObjectExpression:
      case T.ClassDeclaration:
      case T.ClassExpression:
        return [value];
      case T.ArrayExpression:
        return [{ collection: value, items: this.elementsOf(value, depth) }];
      case T.Identifier:
        return this.resolveName(value, depth);
      case T.AwaitExpression:
        return this.resolve(value.argument, depth);
      case T.LogicalExpression:
        return [...this.resolve(value.left, depth), ...this.resolve(value.right, depth)];
      case T.ConditionalExpression:
        return [...this.resolve(value.consequent, depth), ...this.resolve(value.alternate, depth)];
      case T.MemberExpression: {
        const name = staticPropertyName(value);
        return this.resolve(value.object, depth).flatMap((held) => this.members(held, name, depth));
      }
      case T.NewExpression:
        return this.constructed(value, depth);
      case T.CallExpression:
        return this.called(value, depth);
      default:
        return [];
    }
  }

  private resolveName(identifier: TSESTree.Identifier, depth: number): Held[] {
    const variable = this.facts.variableOf(identifier) ?? this.facts.moduleVariable(identifier.name);
    if (!variable || variable.defs.length !== 1 || !isStableBinding(variable)) return [];
    const def = variable.defs[0];
    if (def.type === 'ImportBinding' || def.type === 'Parameter') return [];
    const init = initializerOf(variable);
    return init ? this.resolve(init, depth) : this.destructured(variable, depth);
  }

  /**
   * A binding declared by a pattern: `const [get, set] = makeSlot()` holds the second element of what the call
   * returns, `const { push } = createStack()` its `push` member.
   */
  private destructured(variable: Scope.Variable, depth: number): Held[] {
    const def = variable.defs.length === 1 ? variable.defs[0] : null;
    if (def?.type !== 'Variable' || !def.node.init || def.node.id.type === T.Identifier) return [];
    const steps = patternSteps(def.node.id, def.name);
    if (!steps) return [];
    let held = this.resolve(def.node.init, depth);
    for (const step of steps) {
      held = held.flatMap((table) =>
        typeof step === 'number' ? this.element(table, step) : this.members(table, step, depth),
      );
      if (held.length === 0) return held;
    }
    return held;
  }

  /** The element at `index` of an array literal of functions (every element when the position is unknown). */
  private element(held: Held, index: number): Held[] {
    if (!isCollection(held)) return [];
    const node = held.collection;
    if (node.type !== T.ArrayExpression) return held.items;
    const before = node.elements.slice(0, index + 1);
    if (before.some((element) => element?.type === T.SpreadElement)) return held.items;
    const element = node.elements[index];
    return element ? this.resolve(element) : [];
  }

  private elementsOf(array: TSESTree.ArrayExpression, depth: number): Held[] {
    const items: Held[] = [];
    for (const element of array.elements) {
      if (!element) continue;
      if (element.type === T.SpreadElement) {
        for (const held of this.resolve(element.argument, depth)) if (isCollection(held)) items.push(...held.items);
      } else {
        items.push(...this.resolve(element, depth));
      }
    }
    return items;
  }

  /** `new LocalClass()`, and `new Map([[k, fn]])` / `new Set([fn])` of functions. */
  private constructed(value: TSESTree.NewExpression, depth: number): Held[] {
    const classNode = localClassOf(value, this.facts.scopes);
    if (classNode) return [{ instanceOf: classNode }];
    // `new (Mixin(Base))()`: an instance of the class a local function returns.
    const callee = unwrap(value.callee);
    if (callee.type === T.CallExpression) {
      const made = this.called(callee, depth).filter(
        (held) => !isInstance(held) && !isCollection(held) && isClassNode(held),
      );
      if (made.length > 0) return made.map((made) => ({ instanceOf: made as ClassNode }));
    }
    const name = dottedName(value.callee);
    if ((name !== 'Map' && name !== 'Set') || (this.facts.moduleVariable(name)?.defs.length ?? 0) > 0) return [];
    const items: Held[] = [];
    const source = value.arguments[0] ? unwrap(value.arguments[0]) : null;
    if (source?.type === T.ArrayExpression) {
      for (const element of source.elements) {
        if (!element || element.type === T.SpreadElement) continue;
        const entry = unwrap(element);
        if (name === 'Set') items.push(...this.resolve(entry, depth));
        else if (entry.type === T.ArrayExpression && entry.elements[1] && entry.elements[1].type !== T.SpreadElement)
          items.push(...this.resolve(entry.elements[1], depth));
      }
    }
    return [{ collection: value, items }];
  }

  /** `f.bind(x)` is `f`; a call of a local function (an IIFE too) holds what that function returns. */
  private called(value: TSESTree.CallExpression, depth: number): Held[] {
    const callee = unwrap(value.callee);
    const method = callee.type === T.MemberExpression ? staticPropertyName(callee) : null;
    if (callee.type === T.MemberExpression && method === 'bind') {
      return this.resolve(callee.object, depth).filter(isHeldFunction);
    }
    // `(function () { … }).call(this)` runs the function like a plain call.
    const target =
      callee.type === T.MemberExpression && (method === 'call' || method === 'apply') ? callee.object : callee;
    const result: Held[] = [];
    for (const fn of this.resolve(target, depth).filter(isHeldFunction)) {
      for (const returned of returnedValues(this.facts, fn)) result.push(...this.resolve(returned, depth));
    }
    return result;
  }

  /** The members of a table named `name` (every member when it is computed), resolved. */
  members(held: Held, name: string | null, depth = 0): Held[] {
    if (isInstance(held)) return this.resolveAll(instanceMembers(held.instanceOf, name), depth);
    if (isCollection(held)) {
      if (name !== null && /^\d+$/u.test(name)) return this.element(held, Number(name));
      return name === null ? held.items : [];
    }
    if (isFunctionNode(held)) return [];
    if (isClassNode(held)) return this.resolveAll(staticMembers(held, name), depth);
    const result: Held[] = [];
    for (const property of held.properties) {
      if (property.type === T.SpreadElement) {
        for (const inner of this.resolve(property.argument, depth)) result.push(...this.members(inner, name, depth));
        continue;
      }
      const key = staticPropertyName(property);
      if (name === null || key === name) result.push(...this.resolve(property.value, depth));
    }
    for (const added of this.addedMembers.get(held) ?? []) {
      if (name === null || added.name === null || added.name === name) result.push(...added.held);
    }
    return result;
  }

  private resolveAll(nodes: readonly TSESTree.Node[], depth: number): Held[] {
    return nodes.flatMap((node) => this.resolve(node, depth));
  }

  /**
   * Follows a value that holds `held` from `start` (a reference in request-time or helper code) to where it is
   * called, reporting each function it may run to `sink`.
   */
  follow(start: TSESTree.Node, held: Held[], sink: EdgeSink): void {
    if (!enclosingFunction(start) && !isArgument(start)) return;
    this.flow(start, held, sink, 0, new Set());
  }

  private flow(start: TSESTree.Node, initial: Held[], sink: EdgeSink, depth: number, seen: Set<TSESTree.Node>): void {
    if (seen.has(start) || initial.length === 0) return;
    seen.add(start);
    let node = start;
    let held = initial;
    for (let step = 0; step <= MAX_MEMBER_CHAIN; step++) {
      const { parent, child } = valueParent(node);
      if (parent?.type !== T.MemberExpression || parent.object !== child) break;
      const name = staticPropertyName(parent);
      const call = calledAt(parent);
      const functions = held.filter(isHeldFunction);
      if (call && functions.length > 0 && (name === 'call' || name === 'apply')) {
        const args = name === 'call' ? call.arguments.slice(1) : spreadList(call.arguments[1]);
        for (const fn of functions) sink(parent, fn, { call, args });
        return;
      }
      if (call && functions.length > 0 && name === 'bind') {
        for (const fn of functions) sink(parent, fn, null);
        node = call;
        held = functions;
        continue;
      }
      const collections = held.filter(isCollection);
      if (call && collections.length > 0 && name !== null && ELEMENT_CALLBACKS.has(name)) {
        const items = collections.flatMap((collection) => collection.items);
        this.intoCallback(call, ELEMENT_CALLBACKS.get(name)!, items, sink, depth, seen);
        // `routes.find((r) => r.match(path))?.run(event)`: the call returns one of the elements.
        if (ELEMENT_RESULTS.has(name) && depth < MAX_FLOW_DEPTH) this.flow(call, items, sink, depth + 1, seen);
        return;
      }
      if (call && collections.length > 0 && (name === 'get' || (name !== null && ELEMENT_RESULTS.has(name)))) {
        node = call;
        held = collections.flatMap((collection) => collection.items);
        continue;
      }
      const next = held.flatMap((table) => this.members(table, name));
      if (next.length === 0) return;
      node = parent;
      held = next;
    }
    const { parent, child } = valueParent(node);
    const functions = held.filter(isHeldFunction);
    if (parent?.type === T.CallExpression && parent.callee === child) {
      for (const fn of functions) sink(node, fn, { call: parent, args: parent.arguments });
      return;
    }
    // Any other reference may call it later: `setTimeout(fn)`, `list.map(fn)`, `{ onDone: fn }`.
    for (const fn of functions) sink(node, fn, null);
    if (parent && depth < MAX_FLOW_DEPTH) this.onward(node, parent, child, held, sink, depth + 1, seen);
  }

  /** Where a value goes next: into a local, a pattern, a loop variable, a helper's parameter, a caller. */
  private onward(
    node: TSESTree.Node,
    parent: TSESTree.Node,
    child: TSESTree.Node,
    held: Held[],
    sink: EdgeSink,
    depth: number,
    seen: Set<TSESTree.Node>,
  ): void {
    switch (parent.type) {
      case T.VariableDeclarator:
        if (parent.init === child) this.intoPattern(parent.id, parent, held, sink, depth, seen);
        return;
      case T.AssignmentExpression:
        if (parent.right === child && parent.left.type === T.Identifier) {
          const variable = this.facts.variableOf(parent.left);
          if (variable) this.intoVariable(variable, held, sink, depth, seen);
        }
        return;
      case T.LogicalExpression:
      case T.AwaitExpression:
        this.flow(parent, held, sink, depth, seen);
        return;
      case T.ConditionalExpression:
        if (parent.test !== child) this.flow(parent, held, sink, depth, seen);
        return;
      case T.ForOfStatement:
        if (parent.right === child && parent.left.type === T.VariableDeclaration) {
          const declarator = parent.left.declarations[0];
          const items = held.filter(isCollection).flatMap((collection) => collection.items);
          if (declarator) this.intoPattern(declarator.id, declarator, items, sink, depth, seen);
        }
        return;
      case T.ReturnStatement:
        this.intoCallers(enclosingFunction(parent), held, sink, depth, seen);
        return;
      case T.ArrowFunctionExpression:
        if (parent.body === child) this.intoCallers(parent, held, sink, depth, seen);
        return;
      case T.CallExpression:
        this.intoArgument(parent, node, held, sink, depth, seen);
        return;
      default:
        return;
    }
  }

  private intoPattern(
    pattern: TSESTree.Node,
    declarator: TSESTree.Node,
    held: Held[],
    sink: EdgeSink,
    depth: number,
    seen: Set<TSESTree.Node>,
  ): void {
    const target = pattern.type === T.AssignmentPattern ? pattern.left : pattern;
    if (target.type === T.Identifier) {
      const variable = declaredVariables(this.facts.file, declarator).find((v) => v.name === target.name);
      if (variable && isStableBinding(variable)) this.intoVariable(variable, held, sink, depth, seen);
      return;
    }
    if (target.type === T.ObjectPattern) {
      for (const property of target.properties) {
        if (property.type === T.RestElement) {
          this.intoPattern(property.argument, declarator, held, sink, depth, seen);
          continue;
        }
        const name = staticPropertyName(property);
        const members = held.flatMap((table) => this.members(table, name));
        if (members.length > 0) this.intoPattern(property.value, declarator, members, sink, depth, seen);
      }
      return;
    }
    if (target.type === T.ArrayPattern) {
      const items = held.filter(isCollection).flatMap((collection) => collection.items);
      for (const element of target.elements) {
        if (element) this.intoPattern(element, declarator, items, sink, depth, seen);
      }
    }
  }

  private intoVariable(
    variable: Scope.Variable,
    held: Held[],
    sink: EdgeSink,
    depth: number,
    seen: Set<TSESTree.Node>,
  ): void {
    for (const reference of variable.references) {
      if (reference.isWrite()) continue;
      this.flow(reference.identifier, held, sink, depth, seen);
    }
  }

  /** `list.forEach((step) => step(event))`: the callback's parameter holds each element. */
  private intoCallback(
    call: TSESTree.CallExpression,
    index: number,
    items: Held[],
    sink: EdgeSink,
    depth: number,
    seen: Set<TSESTree.Node>,
  ): void {
    const callback = call.arguments[0] ? unwrap(call.arguments[0]) : null;
    if (!isFunctionNode(callback)) return;
    this.intoParameter(callback, index, items, sink, depth, seen);
  }

  private intoParameter(
    fn: FunctionNode,
    index: number,
    held: Held[],
    sink: EdgeSink,
    depth: number,
    seen: Set<TSESTree.Node>,
  ): void {
    // `(...fns) => …` gathers this argument and the ones after it into an array.
    const rest = fn.params.findIndex((param) => param.type === T.RestElement);
    if (rest >= 0 && rest <= index) {
      const gathered = (fn.params[rest] as TSESTree.RestElement).argument;
      this.intoPattern(gathered, fn, [{ collection: fn.params[rest], items: held }], sink, depth, seen);
      return;
    }
    const param = fn.params[index];
    if (!param) return;
    this.intoPattern(param, fn, held, sink, depth, seen);
  }

  /** `Reflect.apply(fn, self, args)`, `Object.values(table)`, or a helper that receives the function. */
  private intoArgument(
    call: TSESTree.CallExpression,
    argument: TSESTree.Node,
    held: Held[],
    sink: EdgeSink,
    depth: number,
    seen: Set<TSESTree.Node>,
  ): void {
    const index = call.arguments.indexOf(argument as TSESTree.CallExpressionArgument);
    if (index < 0) return;
    const callee = dottedName(call.callee);
    if (callee === 'Reflect.apply' && index === 0) {
      for (const fn of held.filter(isHeldFunction)) sink(argument, fn, { call, args: spreadList(call.arguments[2]) });
      return;
    }
    if ((callee === 'Object.values' || callee === 'Object.entries') && index === 0) {
      const values = held.flatMap((table) => this.members(table, null));
      const items = callee === 'Object.values' ? values : [{ collection: call, items: values } satisfies Collection];
      this.flow(call, [{ collection: call, items }], sink, depth, seen);
      return;
    }
    for (const fn of this.resolve(call.callee).filter(isHeldFunction)) {
      this.intoParameter(fn, index, held, sink, depth, seen);
    }
  }

  /** A function that returns the value: its callers receive it (`pick(kind)(event)`). */
  private intoCallers(
    fn: FunctionNode | null,
    held: Held[],
    sink: EdgeSink,
    depth: number,
    seen: Set<TSESTree.Node>,
  ): void {
    const variable = fn ? functionVariable(this.facts, fn) : null;
    if (!variable) return;
    for (const reference of variable.references) {
      const { parent, child } = valueParent(reference.identifier);
      if (parent?.type === T.CallExpression && parent.callee === child) this.flow(parent, held, sink, depth, seen);
    }
  }
}

/**
 * A value passed to a call at start-up (`pipe(parse, record)`): the functions the call
 * makes may run it per request, so it is followed into the callee's parameters.
 */
function isArgument(node: TSESTree.Node): boolean {
  const { parent, child } = valueParent(node);
  return parent?.type === T.CallExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument);
}

/** The call whose callee is `node`, if any. */
function calledAt(node: TSESTree.Node): TSESTree.CallExpression | null {
  const { parent, child } = valueParent(node);
  return parent?.type === T.CallExpression && parent.callee === child ? parent : null;
}

/** The elements of an array literal passed as an argument list (`fn.apply(self, [a, b])`); null when unknown. */
function spreadList(node: TSESTree.Node | undefined): readonly TSESTree.Node[] | null {
  const value = node ? unwrap(node) : null;
  if (value?.type !== T.ArrayExpression || value.elements.some((e) => !e || e.type === T.SpreadElement)) return null;
  return value.elements as TSESTree.Node[];
}

/** The binding a function is declared or stored under (`function f`, `const f = () => …`). */
export function functionVariable(facts: FileFacts, fn: FunctionNode): Scope.Variable | null {
  if (fn.type === T.FunctionDeclaration && fn.id) {
    return declaredVariables(facts.file, fn).find((variable) => variable.name === fn.id!.name) ?? null;
  }
  const { parent } = valueParent(fn);
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
    return declaredVariables(facts.file, parent)[0] ?? null;
  }
  return null;
}

/**
 * The steps from a destructuring pattern to the binding `name` declares: member names and array positions
 * (`{ a: [, b] }` gives `['a', 1]`); null when a step is computed or a rest element.
 */
function patternSteps(pattern: TSESTree.Node, name: TSESTree.Identifier): Array<string | number> | null {
  const target = pattern.type === T.AssignmentPattern ? pattern.left : pattern;
  if (target === name) return [];
  if (target.type === T.ArrayPattern) {
    for (const [index, element] of target.elements.entries()) {
      if (!element || element.type === T.RestElement) continue;
      const inner = patternSteps(element, name);
      if (inner) return [index, ...inner];
    }
    return null;
  }
  if (target.type === T.ObjectPattern) {
    for (const property of target.properties) {
      if (property.type === T.RestElement) continue;
      const key = staticPropertyName(property);
      const inner = patternSteps(property.value, name);
      if (inner) return key === null ? null : [key, ...inner];
    }
  }
  return null;
}
