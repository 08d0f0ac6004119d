// The child process of `verify`: loads the handler's module once, as a warm environment does, invokes it one
// request after another and several at once, and sends a snapshot of module state after each step.
import Module, { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';
import { markEvent } from '../canary.js';
import { moduleKind } from '../module-kind.js';
import { defaultTemplate, templateEvent } from '../templates.js';
import type { AgentConfig, AgentMessage, ErrorInfo, InvocationRecord, ModuleKind } from '../types.js';
import { defineLambdaGlobal, makeTarget, pickExport, type Target } from './invoke.js';
import { StateReader, type Root } from './reader.js';

function send(message: AgentMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error) };
}

/** A stand-in for the modules the user names, for both import (a resolve hook) and require. */
function installStubs(stubs: Record<string, string>): void {
  if (Object.keys(stubs).length === 0) return;
  const urls = Object.fromEntries(Object.entries(stubs).map(([spec, file]) => [spec, pathToFileURL(file).href]));
  register(new URL('./stub-hooks.js', import.meta.url), { data: { stubs: urls } });
  const loader = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = loader._resolveFilename;
  loader._resolveFilename = function resolveWithStubs(this: unknown, request: string, ...rest: unknown[]) {
    return stubs[request] ?? original.call(this, request, ...rest);
  };
}

interface Loaded {
  kind: ModuleKind;
  url: string;
  exports: Record<string, unknown>;
  roots: Root[];
}

async function load(file: string): Promise<Loaded> {
  const kind = moduleKind(file);
  const url = pathToFileURL(file).href;
  if (kind === 'cjs') {
    const value = createRequire(file)(file) as unknown;
    const exports: Record<string, unknown> = {};
    if (value !== null && typeof value === 'object') Object.assign(exports, value);
    exports.default = value;
    return {
      kind,
      url,
      exports,
      roots: [{ value, binding: { name: 'module.exports', module: url, scope: 'exports' } }],
    };
  }
  const namespace = (await import(url)) as Record<string, unknown>;
  const exports = { ...namespace };
  const roots: Root[] = Object.entries(exports)
    .filter(([, value]) => typeof value === 'function' || (typeof value === 'object' && value !== null))
    .map(([name, value]) => ({
      value,
      binding: { name, module: url, scope: 'exports' as const },
      late: typeof value !== 'function',
    }));
  return { kind, url, exports, roots };
}

function loadHint(error: ErrorInfo, file: string): string | undefined {
  const text = `${error.name}: ${error.message}`;
  if (/(?:module|exports|require) is not defined in ES module scope/u.test(text)) {
    return `${file} is CommonJS but Node loads it as an ES module (the nearest package.json has "type": "module"): rename it to .cjs`;
  }
  if (/Cannot find (?:module|package)/u.test(text)) {
    return 'install the missing dependency, or load a stand-in for it with --stub <specifier>=<file>';
  }
  if (/Unknown file extension "\.(?:ts|mts|cts|tsx)"/u.test(text)) {
    return 'TypeScript needs a loader: install tsx in the project';
  }
  return undefined;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Lets an invocation that was just started run up to the point where it waits for I/O or a timer, and no
 * further: only promise jobs run, so no other invocation's timer can fire and finish it meanwhile.
 */
async function untilSuspended(): Promise<void> {
  // Awaiting a non-promise on purpose: each such await is exactly one turn of the microtask queue.
  // eslint-disable-next-line @typescript-eslint/await-thenable
  for (let i = 0; i < 200; i++) await null;
}

/** Lets immediates and resolved promises the invocation left behind run, as the next thaw would. */
async function drain(): Promise<void> {
  await turn();
  await turn();
}

interface Running {
  done: Promise<InvocationRecord>;
  settled(): boolean;
}

let current: number | null = null;

function start(target: Target, event: unknown, k: number, mode: InvocationRecord['mode'], timeoutMs: number): Running {
  let settled = false;
  const started = performance.now();
  current = k;
  const done = new Promise<InvocationRecord>((resolve) => {
    const finish = (record: Omit<InvocationRecord, 'k' | 'handler' | 'mode' | 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ k, handler: target.name, mode, durationMs: Math.round(performance.now() - started), ...record });
    };
    const timer = setTimeout(() => finish({ outcome: 'timed-out' }), timeoutMs);
    try {
      target.call(event, k).then(
        (result) => finish({ outcome: 'returned', ...(result.status !== undefined ? { status: result.status } : {}) }),
        (error: unknown) => finish({ outcome: 'threw', error: errorInfo(error) }),
      );
    } catch (error) {
      finish({ outcome: 'threw', error: errorInfo(error) });
    }
  });
  return { done, settled: () => settled };
}

async function run(config: AgentConfig): Promise<void> {
  installStubs(config.stubs);
  // The verifier's own modules (this folder and its parent) are never read as the user's state.
  const reader = new StateReader(config.limits, [new URL('../', import.meta.url).href]);
  process.on('uncaughtException', (error) => void send({ type: 'uncaught', k: current, error: errorInfo(error) }));
  process.on('unhandledRejection', (error) => void send({ type: 'uncaught', k: current, error: errorInfo(error) }));
  defineLambdaGlobal();
  for (const [name, value] of Object.entries(config.defines)) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  }
  // Globals that exist before the user's module runs are the platform's, not its state.
  const pristine = new Set(Object.getOwnPropertyNames(globalThis));
  let loaded: Loaded;
  try {
    loaded = await load(config.file);
  } catch (error) {
    const info = errorInfo(error);
    await send({ type: 'load-error', error: info, hint: loadHint(info, config.file) });
    return;
  }
  await send({
    type: 'loaded',
    kind: loaded.kind,
    url: loaded.url,
    exports: Object.keys(loaded.exports),
    loader: process.execArgv.join(' '),
  });

  const phases: { target: Target; events: unknown[] }[] = [];
  for (const spec of config.handlers) {
    try {
      const name = pickExport(loaded.exports, spec.name);
      const target = await makeTarget(name, loaded.exports[name], spec.platform);
      const template = spec.events?.length ? undefined : (spec.template ?? defaultTemplate(target.platform));
      const events = spec.events?.length ? spec.events : [templateEvent(template ?? 'apigw-v1')];
      await send({ type: 'handler', handler: name, platform: target.platform, ...(template ? { template } : {}) });
      phases.push({ target, events });
    } catch (error) {
      await send({
        type: 'handler',
        handler: spec.name ?? '(default)',
        platform: spec.platform ?? 'lambda',
        error: (error as Error).message,
      });
    }
  }

  // The read itself is synchronous: nothing the handler scheduled can run while it happens.
  const snap = (handler: string, checkpoint: string, inFlight?: number[]) => {
    const snapshot = reader.snapshot(checkpoint, loaded.roots, pristine);
    return send({ type: 'snapshot', handler, snapshot: inFlight ? { ...snapshot, inFlight } : snapshot });
  };
  let k = 0;
  let first = true;
  for (const { target, events } of phases) {
    await snap(target.name, first ? 'load' : 'start');
    first = false;
    for (let i = 0; i < config.times; i++) {
      k += 1;
      await send({ type: 'invoking', k });
      const record = await start(target, markEvent(events[i % events.length], k), k, 'sequential', config.timeoutMs)
        .done;
      await send({ type: 'invocation', record });
      await drain();
      await snap(target.name, `after:${k}`);
    }
    if (config.concurrency >= 2) {
      const running: { k: number; invocation: Running; suspended: boolean }[] = [];
      for (let i = 0; i < config.concurrency; i++) {
        k += 1;
        // No awaiting the channel here: that would turn the event loop and let the earlier invocations finish.
        void send({ type: 'invoking', k });
        const event = markEvent(events[(config.times + i) % events.length], k);
        const invocation = start(target, event, k, 'concurrent', config.timeoutMs);
        await untilSuspended();
        running.push({ k, invocation, suspended: !invocation.settled() });
        const inFlight = running.filter((entry) => !entry.invocation.settled()).map((entry) => entry.k);
        void snap(target.name, `started:${k}`, inFlight);
      }
      const records = await Promise.all(running.map((entry) => entry.invocation.done));
      for (const [index, record] of records.entries()) {
        await send({ type: 'invocation', record: { ...record, completedSynchronously: !running[index].suspended } });
      }
      await drain();
      await snap(target.name, 'settled');
    }
  }
  current = null;
  await send({ type: 'done' });
}

process.once('message', (config: AgentConfig) => {
  run(config).then(
    () => process.exit(0),
    async (error: unknown) => {
      await send({ type: 'load-error', error: errorInfo(error) });
      process.exit(0);
    },
  );
});
