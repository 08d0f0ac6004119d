// The functions a composable hands back: `return { open, save }` or `return () => …`. The component calls them
// later (a template event, a watcher, a mount hook), not while the composable sets up during the server render, so
// they are not request-time code unless the composable itself calls them, or setup code elsewhere does (the
// names the platform found called in setup).
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { BaseContext } from '../context.js';
import { enclosingFunction, staticPropertyName, valueParent } from '../file/ast.js';
import type { FunctionNode, Handler } from '../types.js';
import type { ClientOnly } from './client-only.js';

/** The key setup code uses for a composable whose result is itself the function (`const run = useX(); run()`). */
export const WHOLE_RESULT = '()';
/** Setup code may call any returned name (a rest pattern, a script that does not parse). */
export const ANY_NAME = '*';

export class DeferredReturns {
  private readonly memo = new Map<FunctionNode, boolean>();

  constructor(
    private readonly ctx: BaseContext,
    private readonly clientOnly: ClientOnly,
    private readonly composable: Handler,
  ) {}

  private get called(): ReadonlySet<string> {
    return this.composable.deferredReturns?.calledInSetup ?? new Set();
  }

  /** Is the value at `node` what the composable returns, under a name no setup code calls? */
  isDeferredReturn(node: TSESTree.Node): boolean {
    const key = this.returnedKey(node);
    return key !== null && !this.called.has(key) && !this.called.has(ANY_NAME);
  }

  /** Does `fn`, nested in the composable, run only once the composable has returned it? */
  isDeferred(fn: FunctionNode): boolean {
    const known = this.memo.get(fn);
    if (known !== undefined) return known;
    this.memo.set(fn, false); // uses that lead back to `fn` prove nothing
    const result = this.compute(fn);
    this.memo.set(fn, result);
    return result;
  }

  private compute(fn: FunctionNode): boolean {
    if (fn === this.composable.node) return false;
    if (this.returnedKey(fn) !== null) return this.isDeferredReturn(fn);
    const variable = this.bindingOf(fn);
    const uses = variable?.references.filter((reference) => !reference.init) ?? [];
    if (uses.length === 0) return false;
    return uses.every((reference) => {
      const use = reference.identifier as TSESTree.Node;
      if (this.isDeferredReturn(use) || this.clientOnly.isClientOnlyUse(use)) return true;
      // Used only from another function the composable hands back (or the browser runs).
      const user = enclosingFunction(use);
      return !!user && user !== this.composable.node && this.isDeferred(user);
    });
  }

  /** `function save() {}` or `const save = () => …` declared in the composable. */
  private bindingOf(fn: FunctionNode): Scope.Variable | null {
    let owner: TSESTree.Node | null = null;
    let name: string | null = fn.type === T.FunctionDeclaration ? (fn.id?.name ?? null) : null;
    if (fn.type === T.FunctionDeclaration) owner = fn;
    else {
      const { parent, child } = valueParent(fn);
      if (parent?.type === T.VariableDeclarator && parent.init === child && parent.id.type === T.Identifier) {
        owner = parent;
        name = parent.id.name;
      }
    }
    if (!owner || name === null) return null;
    // A function declaration also declares its parameters: the binding is the one named like the function.
    const variables = this.ctx.facts.file.scopeManager?.getDeclaredVariables(owner) ?? [];
    return variables.find((variable) => variable.name === name) ?? null;
  }

  /**
   * The name under which the composable returns the value at `node`: a property of the returned object literal
   * (`return { save }`, `return { save: () => … }`), or `()` for the returned value itself. Null otherwise.
   */
  private returnedKey(node: TSESTree.Node): string | null {
    const { parent, child } = valueParent(node);
    if (!parent) return null;
    if (parent.type === T.Property && parent.value === child && parent.parent?.type === T.ObjectExpression) {
      if (parent.kind !== 'init' || parent.computed) return null;
      const key = staticPropertyName(parent);
      return key !== null && this.isReturned(parent.parent) ? key : null;
    }
    return this.isReturnedAt(parent, child) ? WHOLE_RESULT : null;
  }

  /** Is `value` what the composable returns? */
  private isReturned(value: TSESTree.Node): boolean {
    const { parent, child } = valueParent(value);
    return !!parent && this.isReturnedAt(parent, child);
  }

  private isReturnedAt(parent: TSESTree.Node, child: TSESTree.Node): boolean {
    const composable = this.composable.node;
    if (parent === composable) return composable.body === child && composable.body.type !== T.BlockStatement;
    if (parent.type !== T.ReturnStatement || parent.argument !== child) return false;
    return enclosingFunction(parent) === composable;
  }
}
