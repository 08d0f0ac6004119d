// The platform registry: one ordered list of { id, detect }, so precedence is declared here (a function found by
// two platforms keeps the first one's reason), and what each detector is handed about the file.
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileFacts } from '../file/index.js';
import type { ResolvedSettings } from '../settings.js';
import type { TypeOracle } from '../type-aware.js';
import type { FunctionNode, Handler } from '../types.js';

/** Extra facts a platform knows about a handler it adds. */
export interface HandlerExtras {
  nonRequestParams?: number[];
  deferredReturns?: Handler['deferredReturns'];
}

export type AddHandler = (
  fn: FunctionNode,
  name: string,
  reason: string,
  platform: string,
  extras?: HandlerExtras,
) => void;

/** One file as a platform detector sees it: the facts, the file's path, settings, and where to add handlers. */
export class PlatformContext {
  /** POSIX path of the file, `/`-separated, for file conventions. */
  readonly path: string;
  readonly program: TSESTree.Program;
  private readonly found = new Map<FunctionNode, Handler>();

  constructor(
    readonly facts: FileFacts,
    readonly settings: ResolvedSettings,
    filename: string,
    /** Type information, when the settings ask for it. */
    readonly oracle: TypeOracle | null,
  ) {
    this.path = filename.replace(/\\/gu, '/');
    this.program = facts.ast;
  }

  get text(): string {
    return this.facts.file.text;
  }

  private directoryParts: readonly string[] | null = null;

  /** The path segments of the file, without the file name (computed once; every detector asks). */
  get directories(): readonly string[] {
    if (!this.directoryParts) {
      const parts = this.path.split('/');
      parts.pop();
      this.directoryParts = parts;
    }
    return this.directoryParts;
  }

  get basename(): string {
    return this.path.slice(this.path.lastIndexOf('/') + 1);
  }

  /** Adds a handler unless an earlier platform already found the function. */
  readonly add: AddHandler = (fn, name, reason, platform, extras) => {
    if (this.found.has(fn)) return;
    const handler: Handler = { node: fn, name, reason, platform };
    if (extras?.nonRequestParams) handler.nonRequestParams = extras.nonRequestParams;
    if (extras?.deferredReturns) handler.deferredReturns = extras.deferredReturns;
    this.found.set(fn, handler);
  };

  /** Has an earlier platform already claimed this function? */
  isHandler(fn: FunctionNode): boolean {
    return this.found.has(fn);
  }

  get handlers(): Handler[] {
    return [...this.found.values()];
  }
}

/** A platform: how its handlers are recognised, and (for server frameworks) whether a value is one of its apps. */
export interface Platform {
  id: string;
  detect(ctx: PlatformContext): void;
  /** Is `node` an app, router or server of this platform (`express()`, `new Hono()`, `(app: Express)`)? */
  isApp?(facts: FileFacts, node: TSESTree.Node): boolean;
  /**
   * Does it find handlers in client modules (`'use client'`)? Those run in the browser and are rendered on the
   * server; they hold no Lambda handlers, routes or actions, so only platforms that say so look at them.
   */
  runsInClientModules?: boolean;
}
