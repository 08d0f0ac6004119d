// Google Cloud Functions: functions.http/cloudEvent registrations, and exported (req, res) HTTP functions.
import type { FunctionNode } from '../../types.js';
import { paramName, stringValue } from '../../file/ast.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';
import { answersThroughResponse, hasRequestResponseSignature } from '../signatures.js';

export const FUNCTIONS_FRAMEWORK = '@google-cloud/functions-framework';
const REGISTRATIONS = new Set(['http', 'cloudEvent', 'typed']);

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

function hasBackgroundSignature(fn: FunctionNode): boolean {
  const names = fn.params.map(paramName);
  if (names.length === 1) return names[0] === 'cloudEvent' || names[0] === 'cloudevent';
  if (names.length < 2 || names.length > 3) return false;
  return EVENT_DATA_NAMES.has(names[0] ?? '') && CONTEXT_NAMES.has(names[1] ?? '');
}

export function detectGoogleCloudFunctions(file: PlatformContext, add: AddHandler): void {
  const serverFrameworkFile = file.facts.imports.importsAny(['express']);
  const usesFramework = file.facts.imports.importsAny([FUNCTIONS_FRAMEWORK]);
  if (usesFramework) {
    for (const call of file.facts.calls.calls) {
      const imported = file.facts.imports.moduleValueOf(call.callee);
      if (
        imported?.source !== FUNCTIONS_FRAMEWORK ||
        imported.path.length !== 1 ||
        !REGISTRATIONS.has(imported.path[0])
      )
        continue;
      const fn = file.facts.functionOf(call.arguments[1]);
      if (!fn) continue;
      const method = imported.path[0];
      add(fn, stringValue(call.arguments[0]) ?? method, `registered with functions.${method}()`, 'gcp');
    }
  }
  for (const { name, fn } of file.facts.exports.functions()) {
    if (usesFramework && (hasRequestResponseSignature(fn) || hasBackgroundSignature(fn))) {
      add(fn, name, 'exported function of a Functions Framework file', 'gcp');
    } else if (hasRequestResponseSignature(fn, serverFrameworkFile)) {
      // Express/Koa files export middleware and controllers that routes elsewhere mount; the label says so.
      if (serverFrameworkFile) add(fn, name, 'exported (req, res) middleware or controller', 'express');
      else if (answersThroughResponse(file.facts, fn))
        add(fn, name, 'exported (req, res) function that answers the request', 'http');
    }
  }
}

export const gcp: Platform = { id: 'gcp', detect: (ctx) => detectGoogleCloudFunctions(ctx, ctx.add) };
