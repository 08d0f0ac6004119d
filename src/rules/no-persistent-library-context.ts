// Rule no-persistent-library-context: reports request data left in a library's module-scope object (logger keys, Sentry scope).
import { createRule } from '../util/create-rule.js';
import {
  allowSchema,
  analysisRuleCreate,
  readAllow,
  reachedFromText,
  settingsMessages,
  type AllowOption,
  viaText,
} from '../util/report.js';

export type Options = [AllowOption];
export type MessageIds = 'persistentLibraryContext' | keyof typeof settingsMessages;

export default createRule<Options, MessageIds>({
  name: 'no-persistent-library-context',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow request data in library objects that outlive the invocation, such as logger keys and the Sentry scope',
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
              'Objects this rule ignores, matched against the receiver as written (`logger`, `Sentry`): an exact name, or a regular expression written `/^audit/`.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      persistentLibraryContext:
        '`{{handler}}`{{via}} adds request data to {{library}} `{{receiver}}` {{how}}; {{hazard}}. {{fix}}.',
      ...settingsMessages,
    },
  },
  create: analysisRuleCreate<MessageIds, readonly [AllowOption]>(
    'no-persistent-library-context',
    (context, analysis, [options]) => {
      const isAllowed = readAllow(context, options.allow);
      for (const leak of analysis.libraryContextLeaks) {
        if (isAllowed(leak.receiver)) continue;
        context.report({
          node: leak.node,
          messageId: 'persistentLibraryContext',
          data: {
            handler: leak.handler.name,
            via: viaText(leak) + (leak.reachedFrom ? ` (${reachedFromText(leak.reachedFrom)})` : ''),
            library: leak.row.library,
            receiver: leak.receiver,
            how: leak.kind === 'call' ? `with \`${leak.method}()\`` : `by assigning to \`${leak.method}\``,
            hazard: leak.row.hazard,
            fix: leak.row.fix.replaceAll('{{receiver}}', leak.receiver),
          },
        });
      }
    },
  ),
});
