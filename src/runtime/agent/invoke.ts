// Finds the handler in a module's exports and calls it the way its platform does: Lambda's (event, context,
// callback), a Fetch Request for Workers and Hono, Next.js route handlers, a Node request for Express, inject for
// Fastify.
import { createHook, executionAsyncId } from 'node:async_hooks';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { canary } from '../canary.js';
import type { HttpEvent } from '../templates.js';
import type { Platform } from '../types.js';
import { injectNodeRequest, type NodeListener } from './node-request.js';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
/** Export names tried in turn when none is given. */
const DEFAULT_EXPORTS = ['handler', 'default', 'main', 'lambdaHandler', 'app', 'server'];

export interface CallResult {
  status?: number;
}

export interface Target {
  name: string;
  platform: Platform;
  /** Start one invocation; the promise settles when the platform would consider it done. */
  call(event: unknown, k: number): Promise<CallResult>;
}

type AnyFunction = (...args: unknown[]) => unknown;

function isFunction(value: unknown): value is AnyFunction {
  return typeof value === 'function';
}

function has(value: unknown, key: string): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    isFunction((value as Record<string, unknown>)[key])
  );
}

/** What a platform would pick up from this value, or undefined when nothing fits. */
export function detectPlatform(name: string, value: unknown): Platform | undefined {
  if (has(value, 'inject') && has(value, 'ready')) return 'fastify';
  if (isFunction(value) && has(value, 'handle') && has(value, 'use')) return 'express';
  if (has(value, 'fetch')) return has(value, 'route') && has(value, 'basePath') ? 'hono' : 'fetch';
  if ((HTTP_METHODS as readonly string[]).includes(name) && isFunction(value)) return 'next';
  if (isFunction(value)) return 'lambda';
  return undefined;
}

/** Export names of a module, `default` included when there is one. */
export function exportNames(exports: Record<string, unknown>): string[] {
  return Object.keys(exports);
}

export class TargetError extends Error {}

/** The export to call: the one asked for, or the first of the usual names, or a lone function export. */
export function pickExport(exports: Record<string, unknown>, requested: string | undefined): string {
  const names = exportNames(exports);
  if (requested !== undefined) {
    if (!(requested in exports)) {
      throw new TargetError(`the module has no export "${requested}" (it exports: ${names.join(', ') || 'nothing'})`);
    }
    return requested;
  }
  for (const name of DEFAULT_EXPORTS) {
    if (name in exports && detectPlatform(name, exports[name]) !== undefined) return name;
  }
  const methods = names.filter((name) => (HTTP_METHODS as readonly string[]).includes(name));
  if (methods.length > 0) return methods[0];
  const functions = names.filter((name) => isFunction(exports[name]));
  if (functions.length === 1) return functions[0];
  throw new TargetError(
    `no handler export found (tried ${DEFAULT_EXPORTS.join(', ')}); name one with --export (the module exports: ${names.join(', ') || 'nothing'})`,
  );
}

function lambdaContext(k: number, done: (error: unknown, result?: unknown) => void): Record<string, unknown> {
  const deadline = Date.now() + 30_000;
  return {
    awsRequestId: canary(k, 'request-id'),
    functionName: 'verify-function',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:verify-function',
    memoryLimitInMB: '128',
    logGroupName: '/aws/lambda/verify-function',
    logStreamName: 'verify-stream',
    identity: { cognitoIdentityId: canary(k, 'identity-id'), cognitoIdentityPoolId: 'identity-pool' },
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error: unknown, result: unknown) => done(error, result),
    succeed: (result: unknown) => done(null, result),
    fail: (error: unknown) => done(error ?? new Error('context.fail() was called')),
  };
}

/**
 * The asynchronous work one invocation started, and the work that work started in turn (timers, sockets, file
 * reads), until it ends. Lambda's callback style ends an invocation when its event loop is empty; in a process that
 * also runs other work, "empty" means "nothing this invocation started is still pending". Counting the process's
 * handles before and after instead is fooled by a handle of someone else closing meanwhile.
 */
class InvocationWork {
  private readonly owned = new Set<number>();
  private readonly pending = new Set<number>();
  private calling = false;
  private readonly hook = createHook({
    init: (asyncId, type, triggerAsyncId) => {
      if (!this.calling && !this.owned.has(executionAsyncId()) && !this.owned.has(triggerAsyncId)) return;
      this.owned.add(asyncId);
      // A promise is never "pending" in the event-loop sense: Lambda does not wait for one nobody awaits.
      if (type !== 'PROMISE') this.pending.add(asyncId);
    },
    destroy: (asyncId) => {
      this.pending.delete(asyncId);
    },
  });

  /** Call `fn` with its synchronous part and everything it schedules tracked. */
  run<T>(fn: () => T): T {
    this.hook.enable();
    this.calling = true;
    try {
      return fn();
    } finally {
      this.calling = false;
    }
  }

  get idle(): boolean {
    return this.pending.size === 0;
  }

  stop(): void {
    this.hook.disable();
    this.owned.clear();
    this.pending.clear();
  }
}

/** How the Node.js Lambda runtime marks a handler wrapped with `awslambda.streamifyResponse`. */
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');

/**
 * The `awslambda` global the Lambda runtime defines before loading a handler, so that response-streaming handlers
 * load here as they do there.
 */
export function defineLambdaGlobal(): void {
  if ('awslambda' in globalThis) return;
  Object.defineProperty(globalThis, 'awslambda', {
    value: {
      streamifyResponse(handler: AnyFunction) {
        Object.defineProperty(handler, STREAMING, { value: 'response' });
        return handler;
      },
      HttpResponseStream: { from: (stream: Writable) => stream },
    },
    configurable: true,
    writable: true,
  });
}

function responseStream(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}

/** Lambda's contract: a promise, or the callback / context.done, or (callback style) an event loop with no more work. */
function callLambda(fn: AnyFunction, event: unknown, k: number): Promise<CallResult> {
  if ((fn as unknown as Record<symbol, unknown>)[STREAMING] === 'response') {
    const stream = responseStream();
    return Promise.resolve(
      fn(
        event,
        stream,
        lambdaContext(k, () => undefined),
      ),
    ).then(() => ({}));
  }
  return new Promise((resolve, reject) => {
    let finished = false;
    const work = new InvocationWork();
    const done = (error: unknown) => {
      if (finished) return;
      finished = true;
      work.stop();
      // A value other than an Error (Lambda allows any) is shown as it is, not as "[object Object]".
      if (error) reject(error instanceof Error ? error : new Error(typeof error === 'string' ? error : inspect(error)));
      else resolve({});
    };
    let returned: unknown;
    try {
      returned = work.run(() => fn(event, lambdaContext(k, done), (error: unknown) => done(error)));
    } catch (error) {
      done(error ?? new Error('the handler threw'));
      return;
    }
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      (returned as Promise<unknown>).then(
        () => done(null),
        (error: unknown) => done(error ?? new Error('the handler rejected')),
      );
      return;
    }
    if (returned !== undefined) {
      done(null);
      return;
    }
    // No promise and no answer yet: wait for the callback, or for the work the handler started to finish.
    const poll = () => {
      if (finished) return;
      if (work.idle) done(null);
      else setTimeout(poll, 2);
    };
    setImmediate(poll);
  });
}

function absoluteUrl(url: string): string {
  return /^[a-z][a-z\d+.-]*:\/\//iu.test(url) ? url : new URL(url, 'http://localhost').href;
}

function toRequest(event: HttpEvent): Request {
  const method = (event.method ?? 'GET').toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : event.body;
  return new Request(absoluteUrl(event.url ?? '/'), { method, headers: event.headers ?? {}, body });
}

function httpEvent(event: unknown): HttpEvent {
  const value = (event ?? {}) as Partial<HttpEvent>;
  return {
    method: value.method ?? 'GET',
    url: value.url ?? '/',
    headers: value.headers,
    body: value.body,
    params: value.params,
  };
}

async function readResponse(response: unknown): Promise<CallResult> {
  if (response instanceof Response) {
    await response.text();
    return { status: response.status };
  }
  return {};
}

async function callFetch(target: { fetch: AnyFunction }, event: unknown): Promise<CallResult> {
  const pending: Promise<unknown>[] = [];
  const ctx = {
    waitUntil: (promise: Promise<unknown>) => pending.push(Promise.resolve(promise)),
    passThroughOnException: () => undefined,
    props: {},
  };
  const response = await target.fetch(toRequest(httpEvent(event)), {}, ctx);
  const result = await readResponse(response);
  await Promise.allSettled(pending);
  return result;
}

async function callNextRoute(fn: AnyFunction, method: string, event: unknown): Promise<CallResult> {
  // The export is the method: GET() is only ever called for GET requests.
  const http = { ...httpEvent(event), ...((HTTP_METHODS as readonly string[]).includes(method) ? { method } : {}) };
  const request = toRequest(http);
  Object.defineProperty(request, 'nextUrl', { value: new URL(request.url), enumerable: false });
  // Next.js 15 passes params as a promise, 14 as an object: this one is both.
  const params = Object.assign(Promise.resolve(http.params ?? {}), http.params ?? {});
  return readResponse(await fn(request, { params }));
}

async function callFastify(app: { inject: AnyFunction }, event: unknown): Promise<CallResult> {
  const http = httpEvent(event);
  const response = (await app.inject({
    method: http.method,
    url: http.url,
    headers: http.headers,
    payload: http.body,
  })) as { statusCode?: number };
  return { status: response.statusCode };
}

/** Builds the caller for one export; Fastify apps are made ready (and factories called) once, at load. */
export async function makeTarget(name: string, value: unknown, platform: Platform | undefined): Promise<Target> {
  let detected = platform ?? detectPlatform(name, value);
  if (detected === undefined) throw new TargetError(`export "${name}" is not a function or an app (${typeof value})`);
  let subject = value;
  if (detected === 'fastify' && !has(subject, 'inject') && isFunction(subject)) subject = await subject();
  if (detected === 'fastify') {
    if (!has(subject, 'inject')) throw new TargetError(`export "${name}" is not a Fastify instance (no inject())`);
    await (subject as { ready: () => Promise<unknown> }).ready();
  }
  if ((detected === 'fetch' || detected === 'hono') && !has(subject, 'fetch')) {
    if (isFunction(subject)) detected = 'next';
    else throw new TargetError(`export "${name}" has no fetch() method`);
  }
  if (detected !== 'fastify' && detected !== 'fetch' && detected !== 'hono' && !isFunction(subject)) {
    throw new TargetError(`export "${name}" is not a function`);
  }
  const chosen = detected;
  const call = (event: unknown, k: number): Promise<CallResult> => {
    switch (chosen) {
      case 'lambda':
        return callLambda(subject as AnyFunction, event, k);
      case 'express':
        return injectNodeRequest(subject as NodeListener, httpEvent(event));
      case 'fastify':
        return callFastify(subject as { inject: AnyFunction }, event);
      case 'fetch':
      case 'hono':
        return callFetch(subject as { fetch: AnyFunction }, event);
      case 'next':
        return callNextRoute(subject as AnyFunction, name, event);
    }
  };
  return { name, platform: chosen, call };
}
