// Runs the agent in a child process, so that the user's code never runs in the caller's process and a hung
// handler can be killed; collects what the agent reports.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isTypeScript } from './module-kind.js';
import type {
  AgentConfig,
  AgentMessage,
  ErrorInfo,
  InvocationRecord,
  ModuleKind,
  Platform,
  Snapshot,
  TemplateName,
} from './types.js';

export interface ChildRun {
  loaded?: { kind: ModuleKind; url: string; exports: string[] };
  loader: string;
  loadError?: { error: ErrorInfo; hint?: string };
  handlers: { handler: string; platform: Platform; template?: TemplateName; error?: string }[];
  invocations: InvocationRecord[];
  uncaught: { k: number | null; error: ErrorInfo }[];
  snapshots: { handler: string; snapshot: Snapshot }[];
  /** Set when the run did not finish: killed on a time limit, or the process exited early. */
  aborted?: string;
  /** The end of what the handler printed (stdout and stderr). */
  output: string;
}

const OUTPUT_TAIL = 16 * 1024;

function nodeStripsTypes(): boolean {
  const [major, minor] = process.versions.node.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 6);
}

export class LoaderError extends Error {}

/** Node flags that let the child load the file: the project's tsx for TypeScript, or what the user names. */
export function loaderFor(file: string, imports: readonly string[]): { args: string[]; label: string } {
  const require = createRequire(path.resolve(file));
  const args: string[] = [];
  for (const spec of imports) {
    let resolved = spec;
    try {
      resolved = pathToFileURL(require.resolve(spec)).href;
    } catch {
      if (fs.existsSync(path.resolve(spec))) resolved = pathToFileURL(path.resolve(spec)).href;
    }
    args.push('--import', resolved);
  }
  if (imports.length > 0) return { args, label: imports.join(', ') };
  if (!isTypeScript(file)) return { args, label: 'node' };
  try {
    args.push('--import', pathToFileURL(require.resolve('tsx')).href);
    return { args, label: 'tsx' };
  } catch {
    if (nodeStripsTypes()) return { args: ['--experimental-strip-types'], label: 'node --experimental-strip-types' };
    throw new LoaderError(
      `${file} is TypeScript and the project has no loader for it: install tsx (npm install --save-dev tsx), or name one with --import. ` +
        `Node ${process.versions.node} cannot strip types itself (--experimental-strip-types needs Node 22.6 or later).`,
    );
  }
}

function agentPath(): string {
  const agent = fileURLToPath(new URL('./agent/main.js', import.meta.url));
  if (!fs.existsSync(agent)) throw new Error(`the verify agent is missing (${agent}): build the package first`);
  return agent;
}

export interface ChildOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  loaderArgs: string[];
  loaderLabel: string;
  /** Silence limit while loading the module (ms). */
  loadTimeoutMs: number;
}

export function runChild(config: AgentConfig, options: ChildOptions): Promise<ChildRun> {
  const run: ChildRun = {
    loader: options.loaderLabel,
    handlers: [],
    invocations: [],
    uncaught: [],
    snapshots: [],
    output: '',
  };
  return new Promise((resolve) => {
    const child = fork(agentPath(), [], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      execArgv: options.loaderArgs,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const keep = (chunk: Buffer) => {
      run.output = (run.output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    let invoking: number | null = null;
    // A handler that never yields (a synchronous loop) cannot time itself out in the child: the parent kills it.
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        run.aborted =
          invoking === null
            ? `the module did not finish loading within ${options.loadTimeoutMs} ms`
            : `invocation ${invoking} did not give control back within ${ms} ms (a synchronous loop?); the process was stopped`;
        child.kill('SIGKILL');
      }, ms);
    };
    // Past the invocation's own limit, a read of module state is all that may still take time.
    const silenceLimit = () => (invoking === null ? options.loadTimeoutMs : 2 * config.timeoutMs + 5_000);
    arm(options.loadTimeoutMs);
    child.on('message', (message: AgentMessage) => {
      switch (message.type) {
        case 'loaded':
          run.loaded = { kind: message.kind, url: message.url, exports: message.exports };
          break;
        case 'load-error':
          run.loadError = { error: message.error, hint: message.hint };
          break;
        case 'handler':
          run.handlers.push({
            handler: message.handler,
            platform: message.platform,
            ...(message.template ? { template: message.template } : {}),
            ...(message.error ? { error: message.error } : {}),
          });
          break;
        case 'invoking':
          invoking = message.k;
          break;
        case 'invocation':
          run.invocations.push(message.record);
          break;
        case 'snapshot':
          run.snapshots.push({ handler: message.handler, snapshot: message.snapshot });
          break;
        case 'uncaught':
          run.uncaught.push({ k: message.k, error: message.error });
          break;
        case 'done':
          done = true;
          break;
      }
      arm(silenceLimit());
    });
    child.on('error', (error) => {
      run.aborted = `could not start the handler process: ${error.message}`;
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!done && !run.aborted && !run.loadError) {
        run.aborted = `the handler process exited (${signal ?? `code ${code}`}) before the run finished`;
      }
      resolve(run);
    });
    child.send(config);
  });
}
