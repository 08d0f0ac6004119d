// The platform registry: one ordered list of { id, detect }, so precedence is declared here (a function found by
// two platforms keeps the first one's reason), and what each detector is handed about the file.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { rootIdentifier, unwrap } from '../file/ast.js';
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

/** A request-time registration of a function imported from a project module (`Deno.serve(handle)`). */
export interface ImportedRegistration {
  /** The imported name or a member of it (`handle`, `routes.handle`). */
  node: TSESTree.Node;
  name: string;
  reason: string;
  platform: string;
}

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

  private readonly importedFound: ImportedRegistration[] = [];

  /**
   * `Deno.serve(handle)` with `handle` imported from a project module: the function lives in that module, which
   * reads this registration through its importers. Only a name bound to an import is kept.
   */
  addImported(node: TSESTree.Node, name: string, reason: string, platform: string): void {
    const value = unwrap(node);
    const root = rootIdentifier(value);
    if (!root || (value !== root && value.type !== T.MemberExpression)) return;
    const imported = this.facts.imports.moduleValueOf(root);
    if (!imported || imported.typeOnly || !imported.source.startsWith('.')) return;
    if (this.importedFound.some((known) => known.node === value)) return;
    this.importedFound.push({ node: value, name, reason, platform });
  }

  /** The registrations of imported functions, in the order found. */
  get importedHandlers(): readonly ImportedRegistration[] {
    return this.importedFound;
  }

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
