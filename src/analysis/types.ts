// The vocabulary every analysis file and rule shares: handlers, module state, writes, findings.
import type { TSESTree } from '@typescript-eslint/utils';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

/** A function the platform calls once per request (or per event). */
export interface Handler {
  node: FunctionNode;
  /** The name the handler is exported or registered under, e.g. `handler`, `test`, `default`. */
  name: string;
  /** Why it counts as a handler, for messages and debugging, e.g. `named handler`, `wrapped by middy()`. */
  reason: string;
}

/** The kind of leak a write is; each kind is reported by exactly one rule. */
export type LeakKind = 'growth' | 'cache' | 'requestData' | 'write';

/** One write to module state made at request time, classified once, reported by one rule. */
export interface Finding {
  kind: LeakKind;
  /** Where the report lands: the write itself. */
  node: TSESTree.Node;
  /** What is written, as the user would name it: `arrayB`, `state.user`, `globalThis.lastEvent`. */
  target: string;
  /** The module-scope root of `target`: the variable, or `globalThis.x` for global properties. */
  root: string;
  /** The handler whose invocation makes the write. */
  handler: Handler;
  /** Named functions between the handler and the write, outermost first (`track` for "via `track()`"). */
  via: string[];
  /** The write form, in words: `push()`, `assignment`, `+=`, `delete`, `Object.assign()`. */
  how: string;
  /** Present when every use of the module variable is inside this one handler, so it can move there. */
  moveIntoHandler?: MoveDeclaration;
}

export interface MoveDeclaration {
  /** The whole module-level declaration statement to remove. */
  declaration: TSESTree.VariableDeclaration;
  /** The handler body to insert it into. */
  body: TSESTree.BlockStatement;
}

export interface FileAnalysis {
  handlers: Handler[];
  findings: Finding[];
  /** Problems with `settings['handler-state']`, reported once per file. */
  settingsErrors: string[];
  settingsErrorsReported: boolean;
}
