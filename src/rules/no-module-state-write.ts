// Rule no-module-state-write: reports the 'write' findings of the shared analysis.
import { createRule } from '../util/create-rule.js';
import { allowOptionsSchema, sharedMessages, stateRuleCreate, type AllowOption } from '../util/report.js';

export type Options = [AllowOption];
export type MessageIds = 'moduleStateWrite' | keyof typeof sharedMessages;

export default createRule<Options, MessageIds>({
  name: 'no-module-state-write',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow any write to module-scope state from a request handler',
      recommended: 'strict',
    },
    hasSuggestions: true,
    schema: allowOptionsSchema,
    defaultOptions: [{ allow: [] }],
    messages: {
      moduleStateWrite:
        '`{{handler}}`{{via}} writes module state `{{target}}`{{where}} ({{how}}); the value survives into later invocations and is shared by concurrent requests. Keep per-request state inside the handler, or initialise it once at module scope.',
      ...sharedMessages,
    },
  },
  create: stateRuleCreate('no-module-state-write', 'write', 'moduleStateWrite'),
});
