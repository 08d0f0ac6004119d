// One call index: every CallExpression and NewExpression of the file once (one iterative walk, source order),
// by the callee's last name, plus the `import()` expressions and each function's `return` statements.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, enclosingFunction, walk } from './ast.js';
import type { ParsedFile } from './parsed-file.js';
import type { FunctionNode } from '../types.js';

export class CallIndex {
  readonly calls: TSESTree.CallExpression[] = [];
  readonly news: TSESTree.NewExpression[] = [];
  readonly imports: TSESTree.ImportExpression[] = [];
  /** `return` statements keyed by the function they return from. */
  readonly returns = new Map<FunctionNode, TSESTree.ReturnStatement[]>();
  /** Calls keyed by the callee's last name (`off` for `bus.off(…)`), so matching calls is not quadratic. */
  readonly byName = new Map<string, TSESTree.CallExpression[]>();

  constructor(file: ParsedFile) {
    eachNode(file, (node) => {
      switch (node.type) {
        case T.CallExpression:
          this.calls.push(node);
          break;
        case T.NewExpression:
          this.news.push(node);
          break;
        case T.ImportExpression:
          this.imports.push(node);
          break;
        case T.ReturnStatement: {
          const fn = enclosingFunction(node);
          if (fn) {
            const list = this.returns.get(fn);
            if (list) list.push(node);
            else this.returns.set(fn, [node]);
          }
          break;
        }
        default:
          break;
      }
    });
    this.calls.sort((a, b) => a.range[0] - b.range[0]);
    for (const call of this.calls) {
      const name = calleeName(call.callee);
      if (name === null) continue;
      const list = this.byName.get(name);
      if (list) list.push(call);
      else this.byName.set(name, [call]);
    }
  }

  /** Calls whose callee's last name is one of `names` (`bus.off(…)` and `off(…)` for `off`). */
  named(...names: string[]): TSESTree.CallExpression[] {
    return names.flatMap((name) => this.byName.get(name) ?? []);
  }
}

/**
 * Every node of the file in source order (pre-order). A file ESLint is linting has already been traversed once for
 * all rules, and its SourceCode keeps the steps of that traversal: reading them costs far less than a second walk.
 */
function eachNode(file: ParsedFile, visit: (node: TSESTree.Node) => void): void {
  const steps = typeof file.traverse === 'function' ? file.traverse() : null;
  if (!steps) {
    walk(file.ast, file.visitorKeys, visit);
    return;
  }
  for (const step of steps) {
    if (step.kind === 1 && step.phase === 1) visit(step.target as TSESTree.Node);
  }
}
