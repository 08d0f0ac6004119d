// Guards: the conditions that hold wherever a piece of code runs (the one walker every guard question reads), and
// the guards built on it: a test of the function's own parameter (presence) and a test that the written key is
// already in the receiver (existing entry).
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { dottedName, enclosingFunction, isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import type { FunctionNode } from '../types.js';

/** One condition known wherever some code runs: `test` is true there (`holds`) or false. */
export interface Condition {
  test: TSESTree.Node;
  holds: boolean;
  /** Which construct makes the condition: a branch, a loop body, the rest of a block after an early exit. */
  via: 'branch' | 'loop' | 'exit';
  /** The code the condition governs: the branch, the loop body, the block the early exit sits in. */
  region: TSESTree.Node;
  /** For `exit`: whether the `if` always leaves (its last statement returns or throws) or only on some path. */
  exits?: 'always' | 'sometimes';
}

/**
 * The conditions under which `node` runs, innermost first: `if`/`?:` branches, the right of `&&`/`||`/`??`, loop
 * bodies, and `if (t) return` statements before it in an enclosing block. With `throughCallbacks`, a function passed
 * as an argument (`ready.then((c) => …)`) runs under the conditions of the call it is passed to.
 */
export function conditionsAt(node: TSESTree.Node, throughCallbacks = false): Condition[] {
  const result: Condition[] = [];
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent) {
    if (isFunctionNode(parent)) {
      const call = throughCallbacks ? callTakingCallback(parent) : null;
      if (!call) break;
      child = call;
      parent = call.parent;
      continue;
    }
    switch (parent.type) {
      case T.IfStatement:
      case T.ConditionalExpression:
        if (parent.consequent === child)
          result.push({ test: parent.test, holds: true, via: 'branch', region: parent.consequent });
        else if (parent.alternate === child && parent.alternate)
          result.push({ test: parent.test, holds: false, via: 'branch', region: parent.alternate });
        break;
      case T.LogicalExpression:
        if (parent.right === child)
          result.push({ test: parent.left, holds: parent.operator === '&&', via: 'branch', region: parent.right });
        break;
      case T.AssignmentExpression:
        // `loading ??= load()`: the right side runs only while the left is unset, as in `loading ?? (loading = …)`.
        if (
          parent.right === child &&
          (parent.operator === '??=' || parent.operator === '||=' || parent.operator === '&&=')
        )
          result.push({ test: parent.left, holds: parent.operator === '&&=', via: 'branch', region: parent.right });
        break;
      case T.WhileStatement:
      case T.ForStatement:
        if (parent.body === child && parent.test)
          result.push({ test: parent.test, holds: true, via: 'loop', region: parent.body });
        break;
      case T.BlockStatement:
      case T.Program:
      case T.SwitchCase: {
        const { position, exits } = earlyExitsOf(parent);
        const index = position.get(child) ?? -1;
        for (let k = exits.length - 1; k >= 0; k--) {
          const exit = exits[k];
          if (exit.index >= index) continue;
          result.push({ test: exit.statement.test, holds: false, via: 'exit', region: parent, exits: exit.exits });
        }
        break;
      }
      default:
        break;
    }
    child = parent;
    parent = parent.parent;
  }
  return result;
}

interface BlockExits {
  /** Each statement's index in the block. */
  position: Map<TSESTree.Node, number>;
  /** The block's early exits (`if (t) return`), in order. */
  exits: Array<{ index: number; statement: TSESTree.IfStatement; exits: 'always' | 'sometimes' }>;
}

/** A block's statements and early exits, read once per block: each statement of a long block asks for them. */
function earlyExitsOf(block: TSESTree.BlockStatement | TSESTree.Program | TSESTree.SwitchCase): BlockExits {
  let known = blockExits.get(block);
  if (!known) {
    const body: TSESTree.Node[] = block.type === T.SwitchCase ? block.consequent : block.body;
    known = { position: new Map(), exits: [] };
    for (let index = 0; index < body.length; index++) {
      const statement = body[index];
      known.position.set(statement, index);
      const exits = earlyExit(statement);
      if (exits) known.exits.push({ index, statement: statement as TSESTree.IfStatement, exits });
    }
    blockExits.set(block, known);
  }
  return known;
}

const blockExits = new WeakMap<TSESTree.Node, BlockExits>();

/** The call a function is handed to as an argument (`x.then(fn)`, `setTimeout(fn)`), or null. */
export function callTakingCallback(fn: FunctionNode): TSESTree.CallExpression | TSESTree.NewExpression | null {
  const { parent, child } = valueParent(fn);
  return (parent?.type === T.CallExpression || parent?.type === T.NewExpression) &&
    parent.arguments.includes(child as TSESTree.CallExpressionArgument)
    ? parent
    : null;
}

/** `if (t) return …` with no `else`: `always` when its last statement leaves, `sometimes` when a return is inside. */
function earlyExit(statement: TSESTree.Node): 'always' | 'sometimes' | null {
  if (statement.type !== T.IfStatement || statement.alternate) return null;
  const consequent = statement.consequent;
  const last = consequent.type === T.BlockStatement ? consequent.body[consequent.body.length - 1] : consequent;
  if (last && (last.type === T.ReturnStatement || last.type === T.ThrowStatement)) return 'always';
  return containsReturn(consequent) ? 'sometimes' : null;
}

/** The `return` statements of the statements in `node`, not those of functions nested in it. */
export function returnsIn(node: TSESTree.Node): TSESTree.ReturnStatement[] {
  const result: TSESTree.ReturnStatement[] = [];
  const stack: Array<TSESTree.Node | null | undefined> = [node];
  // A return is always a statement, so the statement structure is enough: no expression is entered.
  while (stack.length > 0) {
    const current = stack.pop();
    if (!current) continue;
    switch (current.type) {
      case T.ReturnStatement:
        result.push(current);
        break;
      case T.BlockStatement:
        stack.push(...current.body);
        break;
      case T.IfStatement:
        stack.push(current.consequent, current.alternate);
        break;
      case T.TryStatement:
        stack.push(current.block, current.handler?.body, current.finalizer);
        break;
      case T.ForStatement:
      case T.ForInStatement:
      case T.ForOfStatement:
      case T.WhileStatement:
      case T.DoWhileStatement:
      case T.LabeledStatement:
        stack.push(current.body);
        break;
      case T.SwitchStatement:
        for (const branch of current.cases) stack.push(...branch.consequent);
        break;
      default:
        break;
    }
  }
  return result;
}

function containsReturn(node: TSESTree.Node): boolean {
  return returnsIn(node).length > 0;
}

/**
 * `function options(next) { if (next) current = next; return current; }`: the write sits under a test of the
 * function's own parameter, so it only runs when a caller passes that argument.
 */
export function presenceGuard(node: TSESTree.Node): { fn: FunctionNode; index: number } | null {
  const fn = enclosingFunction(node);
  if (!fn) return null;
  for (const condition of conditionsAt(node)) {
    if (condition.via !== 'branch' || !condition.holds || condition.region.parent?.type !== T.IfStatement) continue;
    const tested = presenceTested(condition.test);
    if (!tested) continue;
    const index = fn.params.findIndex((param) => param.type === T.Identifier && param.name === tested);
    if (index >= 0) return { fn, index };
  }
  return null;
}

/** The name a presence test checks: `p`, `p !== undefined`, `p != null`, `p !== null`, `typeof p !== 'undefined'`. */
function presenceTested(test: TSESTree.Node): string | null {
  const node = unwrap(test);
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.BinaryExpression && (node.operator === '!==' || node.operator === '!=')) {
    const [left, right] = [unwrap(node.left), unwrap(node.right)];
    const subject = isUndefinedOrNull(right) ? left : isUndefinedOrNull(left) ? right : null;
    if (subject?.type === T.Identifier) return subject.name;
    if (
      subject?.type === T.UnaryExpression &&
      subject.operator === 'typeof' &&
      subject.argument.type === T.Identifier
    ) {
      return subject.argument.name;
    }
  }
  return null;
}

function isUndefinedOrNull(n: TSESTree.Node): boolean {
  return (
    (n.type === T.Identifier && n.name === 'undefined') ||
    (n.type === T.Literal && (n.value === null || n.value === 'undefined'))
  );
}

/**
 * Is the key a keyed write stores under already in its receiver? `if (map.has(k)) map.set(k, …)`, `k in obj`,
 * `const item = map.get(id); if (!item) return; map.set(id, item)`, `for (const [k] of map) map.set(k, …)`:
 * such a write replaces an entry and adds no key.
 */
export function isExistingEntry(receiver: TSESTree.Node, key: TSESTree.Node, at: TSESTree.Node): boolean {
  const receiverName = dottedName(receiver);
  const keyName = dottedName(key);
  if (receiverName === null || keyName === null) return false;
  const same = { receiverName, keyName };
  for (const condition of conditionsAt(at, true)) {
    if (condition.via === 'exit' && condition.exits !== 'always') continue;
    if (presenceOfEntry(condition.test, same) === (condition.holds ? 'present' : 'absent')) return true;
  }
  return isKeyOfReceiverLoop(key, receiverName);
}

type EntryTest = 'present' | 'absent' | null;

/** What a test says about `receiver[key]`: `present` when it holds only if the entry exists, `absent` for the reverse. */
function presenceOfEntry(test: TSESTree.Node, same: { receiverName: string; keyName: string }): EntryTest {
  const node = unwrap(test);
  if (node.type === T.UnaryExpression && node.operator === '!') {
    const inner = presenceOfEntry(node.argument, same);
    return inner === 'present' ? 'absent' : inner === 'absent' ? 'present' : null;
  }
  if (node.type === T.LogicalExpression && node.operator === '&&') {
    return presenceOfEntry(node.left, same) === 'present' || presenceOfEntry(node.right, same) === 'present'
      ? 'present'
      : null;
  }
  if (node.type === T.LogicalExpression && node.operator === '||') {
    return presenceOfEntry(node.left, same) === 'absent' || presenceOfEntry(node.right, same) === 'absent'
      ? 'absent'
      : null;
  }
  if (node.type === T.BinaryExpression) {
    if (node.operator === 'in')
      return dottedName(node.left) === same.keyName && dottedName(node.right) === same.receiverName ? 'present' : null;
    const [left, right] = [unwrap(node.left), unwrap(node.right)];
    const nothing = isUndefinedOrNull(right) ? left : isUndefinedOrNull(left) ? right : null;
    if (nothing && readsEntry(nothing, same)) {
      if (node.operator === '!==' || node.operator === '!=') return 'present';
      if (node.operator === '===' || node.operator === '==') return 'absent';
    }
    return null;
  }
  return readsEntry(node, same) ? 'present' : null;
}

/** `map.has(k)`, `map.get(k)`, `obj[k]`, or a local const initialised from one of them. */
function readsEntry(node: TSESTree.Node, same: { receiverName: string; keyName: string }): boolean {
  const value = unwrap(node);
  if (value.type === T.CallExpression) {
    const callee = unwrap(value.callee);
    if (callee.type !== T.MemberExpression || value.arguments.length === 0) return false;
    const method = staticPropertyName(callee);
    return (
      (method === 'has' || method === 'get') &&
      dottedName(callee.object) === same.receiverName &&
      dottedName(value.arguments[0]) === same.keyName
    );
  }
  if (value.type === T.MemberExpression && value.computed)
    return dottedName(value.object) === same.receiverName && dottedName(value.property) === same.keyName;
  if (value.type === T.Identifier) {
    const init = constInitializer(value);
    return init !== null && readsEntry(init, same);
  }
  return false;
}

/** The initialiser of the `const` a name refers to, found by walking up to its declaration (same function). */
export function constInitializer(identifier: TSESTree.Identifier): TSESTree.Node | null {
  const fn = enclosingFunction(identifier);
  if (!fn || fn.body.type !== T.BlockStatement) return null;
  for (const statement of fn.body.body) {
    if (statement.type !== T.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === T.Identifier && declarator.id.name === identifier.name && declarator.init)
        return declarator.init;
    }
  }
  return null;
}

/** `for (const [k] of map)`, `for (const k in obj)`, `for (const k of map.keys())`, `Object.keys(obj).forEach((k) => …)`. */
function isKeyOfReceiverLoop(key: TSESTree.Node, receiverName: string): boolean {
  const id = unwrap(key);
  if (id.type !== T.Identifier) return false;
  for (let node: TSESTree.Node | undefined = id.parent; node; node = node.parent) {
    if (
      (node.type === T.ForInStatement || node.type === T.ForOfStatement) &&
      declaresKey(node.left, id.name, node.type)
    ) {
      const over = unwrap(node.right);
      if (dottedName(over) === receiverName) return true;
      if (isKeysOf(over, receiverName)) return true;
    }
    if (isFunctionNode(node) && node.params[0] && declaresKey(node.params[0], id.name, T.ForOfStatement)) {
      const call = callTakingCallback(node);
      const callee = call ? unwrap(call.callee) : null;
      if (callee?.type === T.MemberExpression && isKeysOf(unwrap(callee.object), receiverName)) return true;
      return false;
    }
  }
  return false;
}

function declaresKey(left: TSESTree.Node, name: string, loop: T.ForInStatement | T.ForOfStatement): boolean {
  const binding = left.type === T.VariableDeclaration ? left.declarations[0]?.id : left;
  if (!binding) return false;
  if (binding.type === T.Identifier) return binding.name === name;
  // `for (const [k, v] of map)`: the first element of an entry is its key.
  if (loop === T.ForOfStatement && binding.type === T.ArrayPattern) {
    const first = binding.elements[0];
    return first?.type === T.Identifier && first.name === name;
  }
  return false;
}

/** `Object.keys(obj)`, `map.keys()`, `Object.entries(obj)`, `map.entries()`. */
function isKeysOf(node: TSESTree.Node, receiverName: string): boolean {
  if (node.type !== T.CallExpression) return false;
  const callee = unwrap(node.callee);
  const name = dottedName(callee);
  if ((name === 'Object.keys' || name === 'Object.entries') && node.arguments[0])
    return dottedName(node.arguments[0]) === receiverName;
  if (callee.type !== T.MemberExpression) return false;
  const method = staticPropertyName(callee);
  return (method === 'keys' || method === 'entries') && dottedName(callee.object) === receiverName;
}
