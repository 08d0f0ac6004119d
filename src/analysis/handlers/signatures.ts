// Handler signatures as people write them: `(req, res[, next])`, `(err, req, res, next)`, Lambda's
// `(event, context, callback)`, and the DOM event parameters that rule a function out.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { paramName, paramType, typeReferenceName, unwrap, walk } from '../file/ast.js';
import type { FileFacts } from '../file/index.js';
import type { FunctionNode } from '../types.js';

export const EVENT_PARAMS = new Set(['event', 'evt', '_event', '_evt']);
export const CONTEXT_PARAMS = new Set(['context', 'ctx', '_context', '_ctx']);
export const CALLBACK_PARAMS = new Set(['callback', 'cb', '_callback', '_cb']);

const REQUEST_NAMES = new Set(['req', 'request', '_req', '_request']);
/** `reply` is fastify's response (`(request, reply)`). */
const RESPONSE_NAMES = new Set(['res', 'resp', 'response', 'reply', '_res', '_resp', '_response', '_reply']);
export const NEXT_PARAMS = new Set(['next', '_next']);
/** The modules of the aws-lambda types (`Handler`, `SQSEvent`). */
export const AWS_LAMBDA_MODULES: ReadonlySet<string> = new Set(['aws-lambda', '@types/aws-lambda']);
const ERROR_NAMES = new Set(['err', 'error', '_err', '_error', 'e']);
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
  return names.length === 2 || NEXT_PARAMS.has(names[2] ?? '');
}

/** Does the function answer through its response parameter (`res.send(…)`, `res.statusCode = 404`)? */
export function answersThroughResponse(facts: FileFacts, fn: FunctionNode): boolean {
  const response = fn.params[1];
  const name = paramName(response);
  if (name === null) return false;
  let answers = false;
  walk(fn.body, facts.file.visitorKeys, (node) => {
    // Found: the rest of the body is not read.
    if (answers) return false;
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

/** DOM and UI-framework event types: `(event: KeyboardEvent)` in front-end code is a listener, not a Lambda. */
const UI_EVENT_TYPE =
  /^(?:Event|(?:Keyboard|Mouse|Pointer|Touch|Focus|Drag|Wheel|Input|Change|Form|Clipboard|Composition|UI|Animation|Transition|Synthetic|Submit|Custom|Base|Progress|Storage|Hash|PopState|Message|Error)Event)$/u;

export function isUiEventParam(param: TSESTree.Parameter | undefined): boolean {
  const type = paramType(param);
  return !!type && isUiEventType(type);
}

/** `KeyboardEvent`, `React.MouseEvent`, and unions that contain one (`KeyboardEvent | null`). */
function isUiEventType(type: TSESTree.TypeNode): boolean {
  if (type.type === T.TSUnionType) return type.types.some(isUiEventType);
  return UI_EVENT_TYPE.test(typeReferenceName(type) ?? '');
}

export function hasLambdaSignature(fn: FunctionNode): boolean {
  const params = fn.params;
  if (params.length === 0 || params.length > 3) return false;
  const [first, second, third] = params.map(paramName);
  const firstIsEvent = first !== null && EVENT_PARAMS.has(first);
  const secondIsContext = second !== null && CONTEXT_PARAMS.has(second);
  if (!firstIsEvent && !(params.length >= 2 && params[0].type === T.ObjectPattern && secondIsContext)) return false;
  if (params.length >= 2 && !secondIsContext) return false;
  if (params.length === 3 && !(third !== null && CALLBACK_PARAMS.has(third))) return false;
  return true;
}

/**
 * Koa 1 middleware: a generator `function* (next)`, called with the request's context as `this`. The parameter
 * name is part of the evidence: a generator that takes nothing is as likely a saga or an iterator.
 */
export function isGeneratorMiddleware(fn: FunctionNode): boolean {
  return fn.generator && fn.params.length === 1 && NEXT_PARAMS.has(paramName(fn.params[0]) ?? '');
}
