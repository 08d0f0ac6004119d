// Which functions run at request time: handlers, everything nested in them, and module functions they reach.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { BaseContext } from '../context.js';
import {
  enclosingFunction,
  functionName,
  isFunctionNode,
  staticPropertyName,
  thisExpressions,
  unwrap,
  valueParent,
} from '../file/ast.js';
import { instanceMembers, namedProperties, staticMembers, type ClassNode } from '../file/members.js';
import { initializerOf, type ModuleScopes } from '../file/scopes.js';
import type { FunctionNode, Handler } from '../types.js';
import { ClientOnly } from './client-only.js';
import { localClassOf } from './instances.js';

/** How a function is reached at request time: from which handler, through which named helpers. */
export interface RequestContext {
  handler: Handler;
  via: string[];
}

interface Edge {
  target: FunctionNode;
}

const MAX_TABLE_DEPTH = 3;

export class Reachability {
  private readonly reached = new Map<FunctionNode, RequestContext>();
  /** Call (or reference) edges keyed by the nearest enclosing function of the reference. */
  private readonly edges = new Map<FunctionNode, Edge[]>();
  /** Calls that invoke a module function by name or through a table: where arguments flow into its parameters. */
  private readonly callSites = new Map<FunctionNode, TSESTree.CallExpression[]>();
  private readonly callees = new Map<TSESTree.CallExpression, FunctionNode[]>();

  private readonly scopes: ModuleScopes;
  /** Code inside request-time code that only the browser runs (effects, event handlers, `typeof window` branches). */
  readonly clientOnly: ClientOnly;

  constructor(
    private readonly ctx: BaseContext,
    handlers: readonly Handler[],
  ) {
    this.scopes = ctx.scopes;
    this.clientOnly = new ClientOnly(ctx);
    this.collectEdges();
    const queue: FunctionNode[] = [];
    for (const handler of handlers) {
      if (this.reached.has(handler.node)) continue;
      this.reached.set(handler.node, { handler, via: [] });
      queue.push(handler.node);
    }
    // Breadth-first: every function is visited once, so cycles and deep chains terminate in linear time.
    for (let index = 0; index < queue.length; index++) {
      const unit = queue[index];
      const context = this.reached.get(unit)!;
      for (const fn of this.nestedFunctions(unit)) {
        if (fn !== unit && !this.reached.has(fn)) this.reached.set(fn, context);
        for (const edge of this.edges.get(fn) ?? []) {
          if (this.reached.has(edge.target)) continue;
          const name = functionName(edge.target);
          this.reached.set(edge.target, { handler: context.handler, via: name ? [...context.via, name] : context.via });
          queue.push(edge.target);
        }
      }
    }
  }

  /**
   * The request context of code at `node`, or null when it only runs at start-up, only in the browser (an effect,
   * an event handler, a `typeof window !== 'undefined'` branch), or never.
   */
  contextOf(node: TSESTree.Node): RequestContext | null {
    let fn = isFunctionNode(node) ? node : enclosingFunction(node);
    while (fn) {
      const context = this.reached.get(fn);
      if (context) return this.clientOnly.inBrowserBranch(node) ? null : context;
      if (this.clientOnly.isClientOnlyFunction(fn)) return null;
      fn = enclosingFunction(fn);
    }
    return null;
  }

  /** `unit` and every function lexically inside it, via the scope tree (no AST walk). */
  private nestedFunctions(unit: FunctionNode): FunctionNode[] {
    const result: FunctionNode[] = [];
    const root = this.ctx.file.scopeManager?.acquire(unit) as Scope.Scope | null | undefined;
    if (!root) return [unit];
    const stack: Scope.Scope[] = [root];
    while (stack.length > 0) {
      const scope = stack.pop()!;
      const block = scope.block as TSESTree.Node;
      // What only the browser calls (and everything inside it) does not run on the server.
      if (isFunctionNode(block) && block !== unit && this.clientOnly.isClientOnlyFunction(block)) continue;
      if (isFunctionNode(block) && (block === unit || !this.isSeparateUnit(block))) result.push(block);
      for (const child of scope.childScopes) stack.push(child as Scope.Scope);
    }
    return result;
  }

  /** Nested functions that are themselves already reached get their own (earlier) context. */
  private isSeparateUnit(fn: FunctionNode): boolean {
    return this.reached.has(fn) && this.reached.get(fn)!.via.length > 0;
  }

  /** The module functions a call invokes, by name or through a dispatch table. */
  calleesOf(call: TSESTree.CallExpression): readonly FunctionNode[] {
    return this.callees.get(call) ?? [];
  }

  /** Calls of `fn` found by name or through a dispatch table (not calls through other aliases). */
  callSitesOf(fn: FunctionNode): readonly TSESTree.CallExpression[] {
    return this.callSites.get(fn) ?? [];
  }

  private addEdge(from: TSESTree.Node, target: FunctionNode): void {
    // `onClick={save}`, `useEffect(sync)`, a call behind `typeof window !== 'undefined'`: the browser's, not ours.
    if (this.clientOnly.isClientOnlyUse(from)) return;
    const { parent, child } = valueParent(from);
    if (parent?.type === T.CallExpression && parent.callee === child) {
      const list = this.callSites.get(target);
      if (list) list.push(parent);
      else this.callSites.set(target, [parent]);
      const targets = this.callees.get(parent);
      if (targets) targets.push(target);
      else this.callees.set(parent, [target]);
    }
    const source = enclosingFunction(from);
    if (!source || source === target) return;
    const list = this.edges.get(source);
    if (list) list.push({ target });
    else this.edges.set(source, [{ target }]);
  }

  /**
   * Any reference to a module-level function from inside a function may call it: `f()`, `list.map(f)`,
   * `f.call(x)`, `setTimeout(f)`. Module-level objects and classes holding functions are dispatch tables:
   * `helpers.track(e)`, `operations[type][field](args)`, `Store.add(x)`.
   */
  /** `this.record(id)` inside a class method runs the same class's `record` (static side for static methods). */
  private collectThisCalls(): void {
    for (const variable of this.scopes.module.variables) {
      const init = initializerOf(variable as Scope.Variable);
      const classNode = init ? unwrap(init) : null;
      if (!classNode || (classNode.type !== T.ClassDeclaration && classNode.type !== T.ClassExpression)) continue;
      for (const member of classNode.body.body) {
        if (member.type !== T.MethodDefinition || !member.value.body) continue;
        const isStatic = member.static;
        for (const self of thisExpressions(member.value.body, this.ctx.file.visitorKeys)) {
          const { parent, child } = valueParent(self);
          if (parent?.type !== T.MemberExpression || parent.object !== child) continue;
          const name = staticPropertyName(parent);
          if (name === null) continue;
          const members = isStatic ? tableMembers(classNode, name) : instanceMembers(classNode, name);
          for (const target of members)
            if (!('instanceOf' in target) && isFunctionNode(target)) this.addEdge(parent, target);
        }
      }
    }
  }

  /**
   * CommonJS modules call their own exports: `exports.record(x)` / `module.exports.record(x)` runs the function
   * assigned to `exports.record` (or listed in `module.exports = { record }`).
   */
  private collectExportsCalls(): void {
    const exported = new Map<string, FunctionNode>();
    const resolve = (value: TSESTree.Node): FunctionNode | null => {
      const node = unwrap(value);
      if (isFunctionNode(node)) return node;
      if (node.type !== T.Identifier) return null;
      const variable = this.scopes.module.set.get(node.name);
      const init = variable ? initializerOf(variable as Scope.Variable) : null;
      return init && isFunctionNode(unwrap(init)) ? (unwrap(init) as FunctionNode) : null;
    };
    for (const entry of this.ctx.facts.exports.entries) {
      if (entry.form !== 'commonjs' || entry.whole || entry.name === 'default') continue;
      const fn = resolve(entry.value);
      if (fn) exported.set(entry.name, fn);
    }
    if (exported.size === 0) return;
    for (const reference of this.ctx.facts.globals.references) {
      const identifier = reference.identifier as TSESTree.Identifier;
      if (identifier.name !== 'exports' && identifier.name !== 'module') continue;
      let node: TSESTree.Node = identifier;
      if (identifier.name === 'module') {
        const up = valueParent(identifier);
        if (up.parent?.type !== T.MemberExpression || staticPropertyName(up.parent) !== 'exports') continue;
        node = up.parent;
      }
      const { parent, child } = valueParent(node);
      if (parent?.type !== T.MemberExpression || parent.object !== child) continue;
      const name = staticPropertyName(parent);
      const target = name === null ? undefined : exported.get(name);
      if (target) this.addEdge(parent, target);
    }
  }

  private collectEdges(): void {
    this.collectThisCalls();
    this.collectExportsCalls();
    const moduleScope = this.scopes.module;
    const variables = moduleScope === this.scopes.global ? moduleScope.variables : [...moduleScope.variables];
    for (const variable of variables) {
      const functions = this.functionsHeldBy(variable as Scope.Variable);
      if (functions === null) continue;
      for (const reference of variable.references) {
        if (reference.init) continue;
        const identifier = reference.identifier as TSESTree.Node;
        if (functions.direct) {
          this.addEdge(identifier, functions.direct);
          continue;
        }
        const access = this.tableAccess(identifier, functions.table);
        for (const target of access.targets) this.addEdge(access.node, target);
      }
    }
  }

  private functionsHeldBy(variable: Scope.Variable): { direct?: FunctionNode; table: TableNode } | null {
    const init = initializerOf(variable);
    if (!init) return null;
    const value = unwrap(init);
    if (isFunctionNode(value)) return { direct: value, table: value };
    // `const repo = new Repo()`: `repo.add(x)` runs Repo's instance method.
    const classNode = localClassOf(value, this.scopes);
    if (classNode) return { table: { instanceOf: classNode } };
    if (value.type === T.ObjectExpression || value.type === T.ClassDeclaration || value.type === T.ClassExpression) {
      return { table: value };
    }
    return null;
  }

  /** The functions a member access on a dispatch table can reach. */
  private tableAccess(identifier: TSESTree.Node, table: TableNode): { node: TSESTree.Node; targets: FunctionNode[] } {
    let node: TSESTree.Node = identifier;
    let candidates: TableNode[] = [table];
    for (let depth = 0; depth < MAX_TABLE_DEPTH; depth++) {
      const { parent, child } = valueParent(node);
      if (!parent || parent.type !== T.MemberExpression || parent.object !== child) break;
      const name = staticPropertyName(parent);
      const next: TableNode[] = [];
      for (const candidate of candidates) next.push(...tableMembers(candidate, name, this.scopes));
      candidates = next;
      node = parent;
      if (candidates.length === 0) return { node, targets: [] };
    }
    if (node === identifier) return { node, targets: [] };
    const targets = candidates.filter(
      (candidate): candidate is FunctionNode => !('instanceOf' in candidate) && isFunctionNode(candidate),
    );
    return { node, targets };
  }
}

/** Something whose members may be functions: an object literal, a class (static side), or a class instance. */
type TableNode = TSESTree.Node | { instanceOf: ClassNode };

/** Members of an object literal, class (static side) or instance named `name`, or all of them when `name` is null. */
function tableMembers(table: TableNode, name: string | null, scopes?: ModuleScopes): TableNode[] {
  if ('instanceOf' in table) return instanceMembers(table.instanceOf, name);
  const value = unwrap(table);
  const result: TableNode[] = [];
  if (value.type === T.ObjectExpression) {
    for (const entry of namedProperties(value)) {
      if (name !== null && entry.name !== name) continue;
      // `{ record }`, `{ save: record }`: a member that names a module function runs that function.
      const member = unwrap(entry.property.value);
      const named = member.type === T.Identifier && scopes ? scopes.module.set.get(member.name) : undefined;
      const init = named ? initializerOf(named as Scope.Variable) : null;
      result.push(init && isFunctionNode(unwrap(init)) ? unwrap(init) : member);
    }
  } else if (value.type === T.ClassDeclaration || value.type === T.ClassExpression) {
    result.push(...staticMembers(value, name));
  }
  return result;
}
