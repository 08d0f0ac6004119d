// Google Cloud Functions: functions.http/cloudEvent registrations, and exported (req, res) HTTP functions.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../ast.js';
import type { FunctionNode } from '../types.js';
import { paramName, stringValue, walk, type AddHandler, type PlatformFile } from './common.js';

export const FUNCTIONS_FRAMEWORK = '@google-cloud/functions-framework';
const REGISTRATIONS = new Set(['http', 'cloudEvent', 'typed']);

const REQUEST_NAMES = new Set(['req', 'request', '_req', '_request']);
const RESPONSE_NAMES = new Set(['res', 'response', '_res', '_response']);
const NEXT_NAMES = new Set(['next', '_next']);
const ERROR_NAMES = new Set(['err', 'error', '_err', '_error', 'e']);
/** Background (event) functions: `(data, context)`, `(message, context, callback)`, `(cloudEvent)`. */
const EVENT_DATA_NAMES = new Set([
  'data',
  'message',
  'event',
  'file',
  'pubSubEvent',
  'pubsubMessage',
  'cloudEvent',
  'cloudevent',
]);
const CONTEXT_NAMES = new Set(['context', 'ctx', '_context']);

/** Response methods that answer an HTTP request (Node, Express and Functions Framework responses). */
const RESPONSE_METHODS = new Set([
  'send',
  'json',
  'status',
  'end',
  'sendStatus',
  'set',
  'setHeader',
  'writeHead',
  'write',
  'redirect',
  'render',
  'sendFile',
  'type',
  'header',
  'cookie',
  'download',
  'jsonp',
  'attachment',
  'location',
  'append',
  'format',
]);

/** `(req, res)`, `(req, res, next)`, or `(err, req, res, next)` as people name them. */
export function hasRequestResponseSignature(fn: FunctionNode, allowError = false): boolean {
  const names = fn.params.map(paramName);
  if (allowError && names.length === 4 && ERROR_NAMES.has(names[0] ?? '')) names.shift();
  if (names.length < 2 || names.length > 3) return false;
  if (!REQUEST_NAMES.has(names[0] ?? '') || !RESPONSE_NAMES.has(names[1] ?? '')) return false;
  return names.length === 2 || NEXT_NAMES.has(names[2] ?? '');
}

/** Does the function answer through its response parameter (`res.send(…)`, `res.statusCode = 404`)? */
export function answersThroughResponse(file: PlatformFile, fn: FunctionNode): boolean {
  const response = fn.params[1];
  const name = paramName(response);
  if (name === null) return false;
  let answers = false;
  walk(file.sourceCode, fn.body, (node) => {
    if (answers) return;
    if (node.type === T.MemberExpression) {
      const object = unwrap(node.object);
      if (object.type !== T.Identifier || object.name !== name || node.computed || node.property.type !== T.Identifier)
        return;
      const parent = node.parent;
      if (parent?.type === T.CallExpression && parent.callee === node && RESPONSE_METHODS.has(node.property.name))
        answers = true;
      if (parent?.type === T.AssignmentExpression && parent.left === node && node.property.name === 'statusCode')
        answers = true;
    }
  });
  return answers;
}

function hasBackgroundSignature(fn: FunctionNode): boolean {
  const names = fn.params.map(paramName);
  if (names.length === 1) return names[0] === 'cloudEvent' || names[0] === 'cloudevent';
  if (names.length < 2 || names.length > 3) return false;
  return EVENT_DATA_NAMES.has(names[0] ?? '') && CONTEXT_NAMES.has(names[1] ?? '');
}

export function detectGoogleCloudFunctions(file: PlatformFile, add: AddHandler, serverFrameworkFile: boolean): void {
  const usesFramework = file.importsAny([FUNCTIONS_FRAMEWORK]);
  if (usesFramework) {
    for (const call of file.calls) {
      const imported = file.importOf(call.callee);
      if (
        imported?.source !== FUNCTIONS_FRAMEWORK ||
        imported.path.length !== 1 ||
        !REGISTRATIONS.has(imported.path[0])
      )
        continue;
      const fn = file.functionOf(call.arguments[1] as TSESTree.Node | undefined);
      if (!fn) continue;
      const method = imported.path[0];
      add(fn, stringValue(call.arguments[0]) ?? method, `registered with functions.${method}()`, 'gcp');
    }
  }
  for (const { name, value } of file.exportedValues()) {
    const fn = file.functionOf(value);
    if (!fn) continue;
    if (usesFramework && (hasRequestResponseSignature(fn) || hasBackgroundSignature(fn))) {
      add(fn, name, 'exported function of a Functions Framework file', 'gcp');
    } else if (hasRequestResponseSignature(fn, serverFrameworkFile)) {
      // Express/Koa files export middleware and controllers that routes elsewhere mount; the label says so.
      if (serverFrameworkFile) add(fn, name, 'exported (req, res) middleware or controller', 'express');
      else if (answersThroughResponse(file, fn))
        add(fn, name, 'exported (req, res) function that answers the request', 'http');
    }
  }
}
