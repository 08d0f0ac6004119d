// Rule no-request-data-in-module-scope: reports the 'requestData' findings of the shared analysis.
import { createRule } from '../util/create-rule.js';
import { allowOptionsSchema, sharedMessages, stateRuleCreate, type AllowOption } from '../util/report.js';

export type Options = [AllowOption];
export type MessageIds = 'requestDataInModuleScope' | keyof typeof sharedMessages;

export default createRule<Options, MessageIds>({
  name: 'no-request-data-in-module-scope',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow storing request data in module-scope state',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: allowOptionsSchema,
    defaultOptions: [{ allow: [] }],
    messages: {
      requestDataInModuleScope:
        '`{{handler}}`{{via}} stores request data in module state `{{target}}`{{where}} ({{how}}); it stays visible to the next invocation and to concurrent requests in the same instance. Keep it in a variable inside the handler, or in AsyncLocalStorage.',
      ...sharedMessages,
    },
  },
  create: stateRuleCreate('no-request-data-in-module-scope', 'requestData', 'requestDataInModuleScope'),
});
