// The vocabulary every analysis file and rule shares: handlers, module state, writes, findings.
import type { TSESTree } from '@typescript-eslint/utils';
import type { LibraryContextLeak } from './leaks/library-context.js';
import type { ListenerLeak } from './leaks/listeners.js';
import type { SharedInstanceLeak } from './leaks/shared-instances.js';

export type FunctionNode =
  TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

/** A function the platform calls once per request (or per event). */
export interface Handler {
  node: FunctionNode;
  /** The name the handler is exported or registered under, e.g. `handler`, `test`, `default`. */
  name: string;
  /** Why it counts as a handler, for messages and debugging, e.g. `named handler`, `wrapped by middy()`. */
  reason: string;
  /** The platform that calls it: `aws-lambda`, `gcp`, `azure`, `cloudflare`, `nextjs`, `express`, `declared`, … */
  platform?: string;
  /** Parameter positions that hold bindings rather than request data (Cloudflare Workers' `env` and `ctx`). */
  nonRequestParams?: number[];
  /**
   * A composable whose returned functions run later (template events, watchers, mount hooks), not while it sets
   * up: the returned names that setup code elsewhere calls right away, and so stay request-time code.
   */
  deferredReturns?: { calledInSetup: ReadonlySet<string> };
  /** Set for an exported function that another file's handler calls per request: that handler and its call. */
  reachedFrom?: ReachedFrom;
  /**
   * For the summary of an imported function made for one call site: what that call passes at each position (as
   * `ReachedFrom.requestArguments`). Unset: every parameter is the request.
   */
  passedArguments?: PassedArgument[];
}

/** The handler in another file that calls into this one per request, and how. */
export interface ReachedFrom {
  /** The handler's name in its own file. */
  handler: string;
  /** The handler's file, absolute. */
  file: string;
  /** Named functions from the handler to this file's function, outermost first (`remember` for `remember()`). */
  via: string[];
  /** Whether any such call passes request data in. */
  carriesRequestData: boolean;
  /** The most arguments any such call passes (null: a spread or `apply`, unknown). */
  argumentCount: number | null;
  /**
   * What the calls pass at each position: request data or not, or, for an object literal, which of its properties
   * hold request data. Null when a call passes what only the run time knows (a spread, `apply`): every parameter
   * then counts as the request.
   */
  requestArguments: PassedArgument[] | null;
}

/**
 * One argument as the callers pass it: request data (`true`), none (`false`), or an object whose named properties
 * are or are not request data, with `rest` for the names nobody listed (a spread of request data).
 */
export type PassedArgument = boolean | { fields: Record<string, boolean>; rest: boolean };

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
  /** The module holding the state when it is not this file (`./store.ts`), relative to this file. */
  file?: string;
  /** Where the state lives when it is a closure or an instance that outlives the request. */
  closure?: ClosureInfo;
  /** For a write in this file reached from another file's handler: that handler, its file (relative) and the path. */
  reachedFrom?: { handler: string; file: string; via: string[] };
  /** Set in summaries: the write needs the caller to pass an argument at this position. */
  requiresArgument?: number;
  /** Other variables the same call writes in the same way (cross-file findings are one per call and kind). */
  also?: string[];
  /** A flag the same request sets and sets back (a busy flag): a race between concurrent requests, not a latch. */
  toggled?: boolean;
  /**
   * The write replaces the value of one named place (`flag = true`, `state.token = …`, `count++`): no computed key,
   * no collection method. The next request, and every concurrent one, reads the last writer's value.
   */
  overwrite?: boolean;
  /** For a cache: the functions that remove its entries, none of which runs after start-up (`resetForTests`). */
  unreachedRemovers?: string[];
  /** With `unreachedRemovers`: those functions and the ones of the same file that call them, by name. */
  removalEntries?: string[];
  /** Present when every use of the module variable is inside this one handler, so it can move there. */
  moveIntoHandler?: MoveDeclaration;
}

/** Where state lives when it is not a module variable: the closure of code that ran once, or a long-lived instance. */
export type ClosureInfo =
  | { kind: 'closure'; factory: string | null; holders: readonly string[] }
  | { kind: 'instance'; className: string; method: string | null };

export interface MoveDeclaration {
  /** The whole module-level declaration statement to remove. */
  declaration: TSESTree.VariableDeclaration;
  /** The handler body to insert it into. */
  body: TSESTree.BlockStatement;
}

/**
 * One file's analysis, the same shape whatever happened: what each rule reports. Rules only read it; nothing a
 * rule does changes what another rule sees.
 */
export interface FileAnalysis {
  handlers: readonly Handler[];
  /** Request-time writes to module state, each of one kind, reported by the four state rules. */
  findings: readonly Finding[];
  /** Listeners, intervals and routes registered per request and never removed. */
  listenerLeaks: readonly ListenerLeak[];
  /** Request data left in a library's module-scope object. */
  libraryContextLeaks: readonly LibraryContextLeak[];
  /** Module-scope instances of libraries that must be per request on the server, reached by server code. */
  sharedInstances: readonly SharedInstanceLeak[];
  /** Problems with `settings['handler-state']` (and the type-information setting), in words, in a fixed order. */
  settingsProblems: readonly string[];
  /**
   * The parts of the file whose analysis failed or ran out of budget, each `<part>: <reason>` (`./lib/index.js:
   * re-export chain longer than 16`): findings there may be missing. Empty when the analysis is complete.
   */
  incomplete: readonly string[];
}
