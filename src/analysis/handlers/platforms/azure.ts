// Azure Functions v4 (programming model v4): app.http/app.timer/app.storageQueue/… registrations from @azure/functions.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { stringValue, unwrap } from '../../file/ast.js';
import { propertyValue } from '../../file/members.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';

export const AZURE_FUNCTIONS = '@azure/functions';

/** Trigger registrations: the first argument names the function, the second is a handler or `{ handler }`. */
const TRIGGERS = new Set([
  'http',
  'get',
  'post',
  'put',
  'patch',
  'deleteRequest',
  'timer',
  'storageBlob',
  'storageQueue',
  'serviceBusQueue',
  'serviceBusTopic',
  'eventHub',
  'eventGrid',
  'cosmosDB',
  'warmup',
  'sql',
  'mySql',
  'webPubSub',
  'generic',
]);
/** Hooks that run around every invocation (appStart/appTerminate are start-up and shutdown). */
const INVOCATION_HOOKS = new Set(['preInvocation', 'postInvocation']);

export function detectAzureFunctions(file: PlatformContext, add: AddHandler): void {
  if (!file.facts.imports.importsAny([AZURE_FUNCTIONS])) return;
  for (const call of file.facts.calls.calls) {
    const imported = file.facts.imports.moduleValueOf(call.callee);
    if (imported?.source !== AZURE_FUNCTIONS) continue;
    const [root, method, hook] = imported.path;
    if (root !== 'app') continue;
    if (imported.path.length === 2 && TRIGGERS.has(method)) {
      const name = stringValue(call.arguments[0]) ?? method;
      const options = call.arguments[1] as TSESTree.Node | undefined;
      const fn = file.facts.functionOf(options) ?? file.facts.functionOf(handlerOption(file, options));
      if (fn) add(fn, name, `registered with app.${method}()`, 'azure');
    } else if (imported.path.length === 3 && method === 'hook' && INVOCATION_HOOKS.has(hook)) {
      const fn = file.facts.functionOf(call.arguments[0]);
      if (fn) add(fn, hook, `registered with app.hook.${hook}()`, 'azure');
    }
  }
}

/** The `handler` of an options object (`{ methods, authLevel, handler }`), written inline or bound to a name. */
function handlerOption(file: PlatformContext, options: TSESTree.Node | undefined): TSESTree.Node | null {
  if (!options) return null;
  const object = file.facts.valueOf(options);
  if (object.type !== T.ObjectExpression) return null;
  const handler = propertyValue(object, 'handler');
  return handler ? unwrap(handler) : null;
}

export const azure: Platform = { id: 'azure', detect: (ctx) => detectAzureFunctions(ctx, ctx.add) };
