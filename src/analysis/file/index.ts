// FileFacts: what a parsed file imports, exports, calls and names as globals, built once per file (memoised by
// the AST) and read by every stage, for the linted file and for the files the cross-file summariser parses.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { isFunctionNode, staticPropertyName, unwrap, walk } from './ast.js';
import { CallIndex } from './calls.js';
import { SPELLING_ESCAPE, wordsPattern } from '../../util/text.js';
import { Exports } from './exports.js';
import { Globals } from './globals.js';
import { Imports } from './imports.js';
import type { ParsedFile } from './parsed-file.js';
import { initializerOf, moduleScopes, referenceIndex, variableOf, type ModuleScopes } from './scopes.js';
import type { FunctionNode } from '../types.js';

const MAX_DEPTH = 8;

export class FileFacts {
  readonly imports: Imports;
  readonly globals: Globals;
  private callIndex: CallIndex | null = null;
  private exportModel: Exports | null = null;

  constructor(
    readonly file: ParsedFile,
    readonly scopes: ModuleScopes,
  ) {
    this.globals = new Globals(file, scopes);
    this.imports = new Imports(file, this.globals, () => this.calls.imports);
  }

  get ast(): TSESTree.Program {
    return this.file.ast;
  }

  /** Every call, `new` and `import()` of the file, from one walk made the first time any stage asks. */
  get calls(): CallIndex {
    this.callIndex ??= new CallIndex(this.file);
    return this.callIndex;
  }

  /**
   * Calls whose callee's last name is one of `names` (`bus.off(…)` and `off(…)` for `off`). A file whose text
   * spells none of the names has none of those calls, so the answer needs no walk unless the index already exists.
   */
  callsNamed(...names: string[]): TSESTree.CallExpression[] {
    if (!this.callIndex && !names.some((name) => this.mayName(name))) return [];
    return this.calls.named(...names);
  }

  private readonly ownReturns = new Map<FunctionNode, readonly TSESTree.ReturnStatement[]>();

  /**
   * The `return` statements of `fn` itself (not of functions nested in it), in source order: from the call index
   * when it is built, else from a walk of that one body, so asking about a few functions never indexes the file.
   */
  returnsOf(fn: FunctionNode): readonly TSESTree.ReturnStatement[] {
    if (this.callIndex) return this.callIndex.returns.get(fn) ?? [];
    let returns = this.ownReturns.get(fn);
    if (!returns) {
      const found: TSESTree.ReturnStatement[] = [];
      walk(fn.body, this.file.visitorKeys, (node) => {
        if (isFunctionNode(node)) return false;
        if (node.type === T.ReturnStatement) found.push(node);
        return undefined;
      });
      this.ownReturns.set(fn, (returns = found));
    }
    return returns;
  }

  private spellsByEscape: boolean | null = null;

  /**
   * Can the file name `name` (an identifier or property key)? Only if its text holds the name as a whole word, or
   * an escape or line continuation that could spell one (`\u0073erve`, `'\x73erve'`, an octal escape,
   * `'ser\<newline>ve'`).
   */
  mayName(name: string): boolean {
    const text = this.file.text;
    if (text.includes(name) && wordsPattern([name]).test(text)) return true;
    this.spellsByEscape ??= SPELLING_ESCAPE.test(text);
    return this.spellsByEscape;
  }

  get exports(): Exports {
    this.exportModel ??= new Exports(this.file.ast, {
      functionOf: (node) => this.functionOf(node),
      moduleInitializer: (name) => {
        const variable = this.moduleVariable(name);
        return variable ? initializerOf(variable) : null;
      },
      moduleVariable: (name) => this.moduleVariable(name),
      importOfVariable: (variable) => this.imports.ofVariable(variable),
    });
    return this.exportModel;
  }

  /** The module-level (or script-global) binding of `name`. */
  moduleVariable(name: string): Scope.Variable | null {
    return this.scopes.module.set.get(name) ?? this.scopes.global.set.get(name) ?? null;
  }

  /** The reference ESLint resolved for an identifier, from any scope. */
  referenceOf(identifier: TSESTree.Node): Scope.Reference | undefined {
    return referenceIndex(this.file).get(identifier);
  }

  /** The variable an identifier refers to, from whatever scope it is written in; null when unresolved. */
  variableOf(identifier: TSESTree.Identifier): Scope.Variable | null {
    return variableOf(this.file, identifier);
  }

  /**
   * The function a value stands for: a function literal, a name bound to one (in any scope), `f.bind(x)`, or the
   * function inside a wrapper call (`asyncHandler(async (req, res) => …)`). Null when only known at run time.
   */
  functionOf(node: TSESTree.Node | null | undefined, depth = 0): FunctionNode | null {
    if (!node || depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    if (isFunctionNode(value)) return value;
    if (value.type === T.Identifier) {
      const variable = this.variableOf(value);
      const init = variable ? initializerOf(variable) : null;
      return init ? this.functionOf(init, depth + 1) : null;
    }
    if (value.type === T.CallExpression) {
      const callee = unwrap(value.callee);
      if (callee.type === T.MemberExpression && staticPropertyName(callee) === 'bind')
        return this.functionOf(callee.object, depth + 1);
      for (const argument of value.arguments) {
        if (argument.type === T.SpreadElement) continue;
        const inner = unwrap(argument);
        if (isFunctionNode(inner) || inner.type === T.Identifier || inner.type === T.CallExpression) {
          const fn = this.functionOf(inner, depth + 1);
          if (fn) return fn;
        }
      }
    }
    return null;
  }

  /** The value a name is bound to (through `const x = …`, function and class declarations), else the node itself. */
  valueOf(node: TSESTree.Node, depth = 0): TSESTree.Node {
    const value = unwrap(node);
    if (depth > MAX_DEPTH || value.type !== T.Identifier) return value;
    const variable = this.variableOf(value);
    const init = variable ? initializerOf(variable) : null;
    return init ? this.valueOf(init, depth + 1) : value;
  }
}

const factsCache = new WeakMap<TSESTree.Program, FileFacts | null>();

/** The facts of a parsed file, built once per AST; null when the file has no scope information. */
export function factsOf(file: ParsedFile): FileFacts | null {
  if (factsCache.has(file.ast)) return factsCache.get(file.ast)!;
  const scopes = moduleScopes(file);
  const facts = scopes ? new FileFacts(file, scopes) : null;
  factsCache.set(file.ast, facts);
  return facts;
}

export type { ParsedFile } from './parsed-file.js';
export type { ModuleScopes } from './scopes.js';
