// Sends one request through a Node `(req, res)` listener (an Express or Koa app, a node:http handler) in process:
// a real IncomingMessage and ServerResponse on a socket that goes nowhere, so no port is opened.
import { IncomingMessage, ServerResponse } from 'node:http';
import { Duplex } from 'node:stream';
import type { HttpEvent } from '../templates.js';

/** Just enough of net.Socket for Node's HTTP objects and the frameworks that read `req.socket`. */
class LoopbackSocket extends Duplex {
  readonly remoteAddress = '127.0.0.1';
  readonly remotePort = 49152;
  readonly localAddress = '127.0.0.1';
  readonly localPort = 80;
  readonly remoteFamily = 'IPv4';
  readonly encrypted = false;

  override _read(): void {}

  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback();
  }

  setTimeout(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  address(): { address: string; family: string; port: number } {
    return { address: this.localAddress, family: 'IPv4', port: this.localPort };
  }
}

export type NodeListener = (req: IncomingMessage, res: ServerResponse) => unknown;

/** Resolves with the status once the response has finished; rejects when the listener throws synchronously. */
export function injectNodeRequest(listener: NodeListener, event: HttpEvent): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const socket = new LoopbackSocket();
    const req = new IncomingMessage(socket as never);
    req.method = event.method.toUpperCase();
    req.url = event.url;
    req.httpVersion = '1.1';
    req.httpVersionMajor = 1;
    req.httpVersionMinor = 1;
    const headers: Record<string, string> = { host: 'localhost' };
    for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
    const body = event.body ?? '';
    if (body.length > 0) headers['content-length'] = String(Buffer.byteLength(body));
    req.headers = headers;
    req.rawHeaders = Object.entries(headers).flat();
    if (body.length > 0) req.push(body);
    req.push(null);
    const res = new ServerResponse(req);
    res.assignSocket(socket as never);
    res.on('finish', () => resolve({ status: res.statusCode }));
    res.on('error', reject);
    try {
      const returned = listener(req, res);
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then(undefined, reject);
      }
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
