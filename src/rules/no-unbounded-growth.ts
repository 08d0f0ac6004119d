// Rule no-unbounded-growth: reports the 'growth' findings of the shared analysis.
import { createRule } from '../util/create-rule.js';
import { allowOptionsSchema, sharedMessages, stateRuleCreate, type AllowOption } from '../util/report.js';

export type Options = [AllowOption];
export type MessageIds = 'unboundedGrowth' | keyof typeof sharedMessages;

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-growth',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow module-scope collections and strings that a request handler grows on every invocation',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: allowOptionsSchema,
    defaultOptions: [{ allow: [] }],
    messages: {
      unboundedGrowth:
        '`{{target}}`{{where}} lives at module scope and `{{handler}}`{{via}} grows it on every warm invocation ({{how}}), so it is never released while the environment lives. Create it inside the handler, or bound it and clear it.',
      ...sharedMessages,
    },
  },
  create: stateRuleCreate('no-unbounded-growth', 'growth', 'unboundedGrowth'),
});
