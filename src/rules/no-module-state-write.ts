// Rule no-module-state-write: reports the 'write' findings of the shared analysis.
import { createRule } from '../util/create-rule.js';
import { allowOptionsSchema, sharedMessages, stateRuleCreate, type AllowOption } from '../util/report.js';

export type Options = [AllowOption];
export type MessageIds = 'moduleStateWrite' | 'toggledPerRequest' | keyof typeof sharedMessages;

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
      toggledPerRequest:
        "`{{handler}}`{{via}} sets module state `{{target}}`{{where}} and sets it back in the same request ({{how}}): a busy flag toggled per request, not a one-way latch. Concurrent requests see each other's value, so one can skip or repeat the work the other is doing. Keep the flag per request, or serialise the work with a queue or a promise that callers share.",
      ...sharedMessages,
    },
  },
  create: stateRuleCreate<MessageIds>('no-module-state-write', 'write', (finding) =>
    finding.toggled ? 'toggledPerRequest' : 'moduleStateWrite',
  ),
});
