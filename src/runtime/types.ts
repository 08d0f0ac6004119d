// The shapes `verify` shares between its API, its CLI and the child process that runs the user's handler.

/** How a handler is called; detected from the export when not given. */
export const PLATFORMS = ['lambda', 'express', 'fastify', 'fetch', 'hono', 'next'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Built-in events, one per platform family; every string leaf is marked with a canary per invocation. */
export const TEMPLATES = ['apigw-v1', 'apigw-v2', 'sqs', 'sns', 'eventbridge', 'http'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

/** One handler export to invoke, with what to call it with. */
export interface HandlerSpec {
  /** Export name: `handler`, `default`, `GET`, … (default: detected). */
  name?: string;
  platform?: Platform;
  template?: TemplateName;
  /** Events to send, used in turn; each copy is marked with that invocation's canary. */
  events?: unknown[];
}

/** Bounds on what is read from module state at each snapshot. */
export interface ReadLimits {
  /** Hops from a handler to a value: properties, entries, and a function's scopes (default 8). */
  maxDepth: number;
  /** Values read per snapshot (default 5000); what is left is reported as truncated. */
  maxNodes: number;
  /** Elements, entries or keys read per collection (default 100, taken from both ends). */
  maxEntries: number;
}

/** What the parent sends the child: everything needed to load the module once and run the plan. */
export interface AgentConfig {
  file: string;
  handlers: HandlerSpec[];
  times: number;
  concurrency: number;
  timeoutMs: number;
  limits: ReadLimits;
  /** Module specifier → file to load instead (as written in the import or require call). */
  stubs: Record<string, string>;
  /** Globals defined before the module loads: what a bundler's `define` would have inlined. */
  defines: Record<string, unknown>;
}

export type ModuleKind = 'esm' | 'cjs';

/** A variable (or global property) whose value is read at each snapshot. */
export interface BindingInfo {
  name: string;
  /** File URL of the module that holds it, `(global)` for globalThis properties. */
  module: string;
  scope: 'module' | 'closure' | 'exports' | 'global';
  /** Closure bindings: the value that keeps the closure alive (`handler`, `replyTo`, `bus._events.flush`). */
  holder?: string;
}

/** One value read at a snapshot, flattened; `path` starts with the binding's name. */
export interface NodeRecord {
  /** Index into Snapshot.bindings. */
  b: number;
  path: string;
  type: string;
  /** Length, size or key count, when the value has one. */
  size?: number;
  /** Invocations whose canary is in this value's own text (a string, a key). */
  canaries?: number[];
  /** Inside an object that bounds itself (a `max`, `maxSize` or `ttl` option): growth there is by design. */
  bounded?: boolean;
  /** Listener counts per event, for event emitters and event targets held in module state. */
  listeners?: Record<string, number>;
  /** Identity of an object or function, stable across snapshots. */
  id?: number;
  /** A `ref` node: the object with this identity, read where it was first reached. */
  ref?: number;
}

export interface Snapshot {
  /** `load`, `after:<k>` (one after another), `started:<k>` (while others are in flight), `settled`. */
  checkpoint: string;
  bindings: BindingInfo[];
  /** Per binding (same index): a digest of everything read under it, to tell a write from no change. */
  digests: string[];
  nodes: NodeRecord[];
  processListeners: Record<string, number>;
  resources: Record<string, number>;
  truncated: boolean;
  readMs: number;
  /** Concurrent checkpoints: the invocations still in flight when the snapshot was taken. */
  inFlight?: number[];
}

export interface ErrorInfo {
  name: string;
  message: string;
  stack?: string;
}

export interface InvocationRecord {
  /** Canary number of this invocation (1-based, unique in the run). */
  k: number;
  handler: string;
  mode: 'sequential' | 'concurrent';
  outcome: 'returned' | 'threw' | 'timed-out';
  /** HTTP status for request/response platforms. */
  status?: number;
  error?: ErrorInfo;
  /** Completed before the next invocation could start alongside it (concurrent mode). */
  completedSynchronously?: boolean;
  durationMs: number;
}

export type AgentMessage =
  | { type: 'loaded'; kind: ModuleKind; url: string; exports: string[]; loader: string }
  | { type: 'load-error'; error: ErrorInfo; hint?: string }
  | { type: 'handler'; handler: string; platform: Platform; template?: TemplateName; error?: string }
  | { type: 'invoking'; k: number }
  | { type: 'invocation'; record: InvocationRecord }
  | { type: 'snapshot'; handler: string; snapshot: Snapshot }
  | { type: 'uncaught'; k: number | null; error: ErrorInfo }
  | { type: 'done' };
