// Rule no-handler-listener-leak: reports listeners, intervals and routes a handler registers and never removes.
import type { ListenerLeakKind } from '../analysis/leaks/listeners.js';
import { createRule } from '../util/create-rule.js';
import {
  allowSchema,
  analysisRuleCreate,
  readAllow,
  settingsMessages,
  type AllowOption,
  viaText,
} from '../util/report.js';

export type Options = [AllowOption];
export type MessageIds =
  | 'processListener'
  | 'emitterListener'
  | 'interval'
  | 'eventTargetListener'
  | 'routeRegistration'
  | keyof typeof settingsMessages;

const MESSAGE_IDS: Record<ListenerLeakKind, MessageIds> = {
  process: 'processListener',
  emitter: 'emitterListener',
  interval: 'interval',
  eventTarget: 'eventTargetListener',
  route: 'routeRegistration',
};

export default createRule<Options, MessageIds>({
  name: 'no-handler-listener-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow listeners, intervals and routes that a request handler registers and never removes',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowSchema,
            description:
              'Targets this rule ignores, matched against the object registered on (`process`, `bus`, `window`, `app`; `setInterval` for timers): an exact name, or a regular expression written `/^debug/`.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      processListener:
        "`{{handler}}`{{via}} adds a `{{target}}.{{method}}()` listener on every invocation and never removes it; the process outlives the invocation, so listeners pile up across warm invocations and each keeps its request's data alive. Register it once at module scope, or remove it with `{{target}}.off()` in `finally`.",
      emitterListener:
        "`{{handler}}`{{via}} adds a listener to module-scope `{{target}}` with `{{target}}.{{method}}()` on every invocation and never removes it; listeners pile up across warm invocations, run for later requests and keep each request's data alive. Register it once at module scope, or remove it with `{{target}}.off()` in `finally`.",
      interval:
        '`{{handler}}`{{via}} starts a `setInterval()` timer that the handler never clears; it keeps firing after the invocation returns, during later invocations, and one more is started every time. Keep the id and call `clearInterval(id)` in `finally`, or use `setTimeout`.',
      eventTargetListener:
        "`{{handler}}`{{via}} adds a `{{target}}.addEventListener()` listener on every invocation and never removes it; `{{target}}` outlives the invocation, so listeners pile up and keep each request's data alive. Add it once at module scope, or call `{{target}}.removeEventListener()` with the same listener in `finally`.",
      routeRegistration:
        '`{{handler}}`{{via}} registers a route or middleware on module-scope `{{target}}` with `{{target}}.{{method}}()` on every invocation; registrations are never removed, so the stack grows with every request and later requests run what earlier ones added. Register routes once at module scope.',
      ...settingsMessages,
    },
  },
  create: analysisRuleCreate<MessageIds, readonly [AllowOption]>(
    'no-handler-listener-leak',
    (context, analysis, [options]) => {
      const isAllowed = readAllow(context, options.allow);
      for (const leak of analysis.listenerLeaks) {
        if (isAllowed(leak.target)) continue;
        context.report({
          node: leak.node,
          messageId: MESSAGE_IDS[leak.kind],
          data: {
            handler: leak.handler.name,
            via: viaText(leak),
            target: leak.target,
            method: leak.method,
          },
        });
      }
    },
  ),
});
