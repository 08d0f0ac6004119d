// Locals that name a module-held singleton. `const server = Server.getInstance()` inside a handler, where the getter
// returns the one instance it keeps in a static or a module variable (in this file or in a relatively imported
// one), names the same object as a module-level `const server = Server.getInstance()`: writes through the local,
// or straight through the call (`Server.getInstance().mode = …`), are writes to state every request shares.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { dottedName, enclosingFunction, unwrap, valueParent } from '../file/ast.js';
import { isClassNode, classMethod } from '../file/members.js';
import { declaredVariables } from '../file/scopes.js';
import type { FileContext } from '../context.js';
import type { FunctionNode } from '../types.js';
import { returnsHeldSingleton, type GetterResolver } from './lazy-init.js';
import type { StateRoot } from './module-state.js';

export interface SingletonLocal {
  root: StateRoot;
  starts: TSESTree.Node[];
}

/** The roots and the references that start at them, one root per getter (`Server.getInstance()`). */
export function singletonLocals(ctx: FileContext, resolveGetter: GetterResolver | null): SingletonLocal[] {
  const { facts } = ctx;
  const byGetter = new Map<string, SingletonLocal | null>();
  for (const call of facts.calls.calls) {
    if (call.arguments.length > 0 || !enclosingFunction(call)) continue;
    const starts = startsAt(ctx, call);
    if (starts.length === 0) continue;
    const name = dottedName(unwrap(call.callee));
    if (name === null || name.split('.').length > 2) continue;
    let entry = byGetter.get(name);
    if (entry === undefined) {
      entry = isSingletonGetter(ctx, call, resolveGetter)
        ? { root: { key: `${name}()`, name: `${name}()`, variable: null, kind: 'variable' }, starts: [] }
        : null;
      byGetter.set(name, entry);
    }
    entry?.starts.push(...starts);
  }
  return [...byGetter.values()].filter((entry): entry is SingletonLocal => entry !== null && entry.starts.length > 0);
}

/** Where writes through the call's value start: the references of a `const` it initialises, or the call itself. */
function startsAt(ctx: FileContext, call: TSESTree.CallExpression): TSESTree.Node[] {
  let node: TSESTree.Node = call;
  let { parent } = valueParent(node);
  if (parent?.type === T.AwaitExpression) {
    node = parent;
    ({ parent } = valueParent(node));
  }
  if (parent?.type === T.MemberExpression && parent.object === valueParent(node).child) return [node];
  if (parent?.type !== T.VariableDeclarator || parent.id.type !== T.Identifier) return [];
  if (parent.parent?.type !== T.VariableDeclaration || parent.parent.kind !== 'const') return [];
  const starts: TSESTree.Node[] = [];
  for (const variable of declaredVariables(ctx.facts.file, parent)) {
    for (const reference of variable.references) if (!reference.init) starts.push(reference.identifier);
  }
  return starts;
}

/** The call runs a getter (a static method of a class of this file, a function of it, or an imported one) that
 * returns one singleton it holds. */
function isSingletonGetter(ctx: FileContext, call: TSESTree.CallExpression, resolveGetter: GetterResolver | null) {
  const { facts } = ctx;
  const callee = unwrap(call.callee);
  let local: FunctionNode | null = null;
  if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
    const owner = facts.valueOf(unwrap(callee.object));
    if (isClassNode(owner)) local = classMethod(owner, callee.property.name, 'static');
  } else if (callee.type === T.Identifier) {
    local = facts.functionOf(callee);
  }
  if (local) return returnsHeldSingleton(local, facts);
  const imported = resolveGetter?.(call);
  return !!imported && returnsHeldSingleton(imported.fn, imported.facts);
}
