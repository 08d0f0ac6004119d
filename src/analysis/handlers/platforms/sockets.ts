// Socket and event servers: the connection listener of a socket.io or ws server (`io.on('connection', (socket) => …)`,
// `wss.on('connection', (ws, req) => …)`), socket.io middleware, and each listener the connection callback registers
// on its socket (`socket.on('chat', fn)`, `ws.on('message', fn)`): per-connection and per-message code.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, stringValue, unwrap, valueParent } from '../../file/ast.js';
import type { FileFacts } from '../../file/index.js';
import { declaredVariables, initializerOf } from '../../file/scopes.js';
import type { FunctionNode } from '../../types.js';
import type { Platform, PlatformContext } from '../registry.js';
import { importerCallsOf } from './imported-calls.js';

/** Constructors and factories of socket servers: socket.io `Server`/`io()`, ws `WebSocketServer`/`Server`. */
const SERVER_FACTORIES: Array<{ source: string; path: readonly string[] }> = [
  { source: 'socket.io', path: [] },
  { source: 'socket.io', path: ['Server'] },
  { source: 'ws', path: ['Server'] },
  { source: 'ws', path: ['WebSocketServer'] },
  { source: 'ws', path: ['WebSocket', 'Server'] },
];
const SOCKET_MODULES = ['socket.io', 'ws'];
const CONNECTION_EVENTS = new Set(['connection', 'connect']);
const LISTENER_METHODS = new Set(['on', 'once', 'addListener']);
/** How a connection's listeners are added: ws sockets are also DOM-style `EventTarget`s. */
const SOCKET_LISTENER_METHODS = new Set([...LISTENER_METHODS, 'addEventListener']);
/** Methods that return the same server or a namespace of it: `io.of('/chat')`, `io.in(room)` (and `io.sockets`). */
const NAMESPACE_METHODS = new Set(['of', 'in', 'to']);
const MAX_DEPTH = 6;

export const sockets: Platform = {
  id: 'sockets',
  detect(ctx) {
    const { facts } = ctx;
    const imported = facts.imports.importsAny(SOCKET_MODULES);
    if (imported || ctx.text.includes('connection')) {
      for (const found of connectionsOf(facts)) {
        if (found.kind === 'middleware') {
          ctx.add(found.fn, 'connection middleware', 'socket.io middleware', 'socket');
          continue;
        }
        // The first argument is the connection itself: keeping it in a registry until it closes is not request
        // data (what arrives in its messages is). ws passes the upgrade request second; that one is request data.
        ctx.add(
          found.fn,
          found.event,
          found.known ? 'connection listener of a socket server' : 'connection listener',
          'socket',
          { nonRequestParams: [0] },
        );
        for (const listener of found.listeners) addListener(ctx, listener);
      }
    }
    handlerModules(ctx);
  },
};

interface Connection {
  kind: 'connection' | 'middleware';
  fn: FunctionNode;
  event: string;
  known: boolean;
  listeners: SocketListener[];
}

/** The connection listeners and socket.io middleware of a file, with the listeners each registers on its socket. */
function connectionsOf(facts: FileFacts): Connection[] {
  const cached = connectionsCache.get(facts);
  if (cached) return cached;
  const result: Connection[] = [];
  for (const call of facts.callsNamed(...LISTENER_METHODS, 'use')) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.MemberExpression) continue;
    const method = staticPropertyName(callee);
    const known = isSocketServer(facts, callee.object, 0);
    if (method === 'use') {
      // socket.io middleware `io.use((socket, next) => …)` runs once per connection.
      const fn = known ? facts.functionOf(call.arguments[0]) : null;
      if (fn && fn.params.length === 2) result.push({ kind: 'middleware', fn, event: 'use', known, listeners: [] });
      continue;
    }
    const event = stringValue(call.arguments[0]);
    if (event === null || !CONNECTION_EVENTS.has(event)) continue;
    const fn = facts.functionOf(call.arguments[1]);
    if (!fn) continue;
    const listeners = socketListeners(facts, fn, 0);
    // Without the server's import, the callback must show it: a `connection` listener that registers listeners
    // (`socket.on('message', …)`) on the connection it is handed.
    if (!known && !(event === 'connection' && listeners.length > 0)) continue;
    result.push({ kind: 'connection', fn, event, known, listeners });
  }
  connectionsCache.set(facts, result);
  return result;
}

const connectionsCache = new WeakMap<FileFacts, Connection[]>();

/**
 * A handler module of a socket server: `module.exports = (io, socket) => { socket.on('order:create', fn) }`, called
 * by a connection listener of an importer with its socket (`io.on('connection', (s) => register(io, s))`). The
 * listeners it registers on that parameter run per message.
 */
function handlerModules(ctx: PlatformContext): void {
  const { facts } = ctx;
  if (!ctx.text.includes('.on(') && !ctx.text.includes('.once(')) return;
  for (const { fn } of facts.exports.functions()) {
    if (ctx.isHandler(fn)) continue;
    fn.params.forEach((param, index) => {
      if (param.type !== T.Identifier) return;
      const listeners = socketListeners(facts, fn, index);
      if (listeners.length === 0) return;
      const passed = importerCallsOf(facts, ctx.path, fn, index).some(({ facts: importer, argument }) =>
        isConnectionSocket(importer, argument),
      );
      if (passed) for (const listener of listeners) addListener(ctx, listener);
    });
  }
}

/** Is `node` the socket a connection listener of that file is handed (its first parameter)? */
function isConnectionSocket(facts: FileFacts, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type !== T.Identifier) return false;
  const variable = facts.variableOf(value);
  const def = variable?.defs.length === 1 ? variable.defs[0] : null;
  if (def?.type !== 'Parameter') return false;
  const owner = def.node as FunctionNode;
  const socket = owner.params[0];
  if (socket?.type !== T.Identifier || socket.name !== value.name) return false;
  return connectionsOf(facts).some((found) => found.kind === 'connection' && found.fn === owner);
}

interface SocketListener {
  call: TSESTree.CallExpression;
  fn: FunctionNode;
}

function addListener(ctx: PlatformContext, { call, fn }: SocketListener): void {
  const event = stringValue(call.arguments[0]);
  const name = event ?? ctx.facts.file.getText(call.arguments[0]).slice(0, 40);
  ctx.add(fn, `${name} message`, 'listener on a connection socket', 'socket');
}

/** Listeners registered on a parameter of the function (`socket.on(event, fn)`), inline or named. */
function socketListeners(facts: FileFacts, connection: FunctionNode, index: number): SocketListener[] {
  const socket = connection.params[index];
  if (socket?.type !== T.Identifier) return [];
  const variable = declaredVariables(facts.file, connection).find((v) => v.name === socket.name);
  const result: SocketListener[] = [];
  for (const reference of variable?.references ?? []) {
    const { parent: member, child } = valueParent(reference.identifier);
    if (member?.type !== T.MemberExpression || member.object !== child) continue;
    const call = member.parent;
    if (call?.type !== T.CallExpression || call.callee !== member) continue;
    if (!SOCKET_LISTENER_METHODS.has(staticPropertyName(member) ?? '') || call.arguments.length < 2) continue;
    const fn = facts.functionOf(call.arguments[1]);
    if (fn) result.push({ call, fn });
  }
  return result;
}

/** Is `node` a socket.io or ws server (or one of its namespaces), created from the library's import? */
function isSocketServer(facts: FileFacts, node: TSESTree.Node, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  const value = unwrap(node);
  if (value.type === T.NewExpression || value.type === T.CallExpression) {
    const imported = facts.imports.moduleValueOf(value.callee);
    if (
      imported &&
      SERVER_FACTORIES.some(
        (row) =>
          row.source === imported.source &&
          row.path.length === imported.path.length &&
          row.path.every((part, index) => part === imported.path[index]),
      )
    )
      return true;
    // `require('socket.io')(server)`.
    const inner = unwrap(value.callee);
    if (inner.type === T.CallExpression) {
      const required = facts.imports.moduleValueOf(inner);
      if (required?.source === 'socket.io' && required.path.length === 0) return true;
    }
    if (value.type === T.CallExpression && inner.type === T.MemberExpression) {
      const method = staticPropertyName(inner);
      return method !== null && NAMESPACE_METHODS.has(method) && isSocketServer(facts, inner.object, depth + 1);
    }
    return false;
  }
  // `io.sockets`: socket.io's default namespace, the same server.
  if (value.type === T.MemberExpression) {
    return staticPropertyName(value) === 'sockets' && isSocketServer(facts, value.object, depth + 1);
  }
  if (value.type !== T.Identifier) return false;
  const variable = facts.variableOf(value);
  const init = variable ? initializerOf(variable) : null;
  return init ? isSocketServer(facts, init, depth + 1) : false;
}
