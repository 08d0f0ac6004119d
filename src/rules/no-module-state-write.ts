// Rule no-module-state-write: reports the 'write' findings of the shared analysis; `recommended` runs it on the
// overwrites only (a named place replaced per request, a busy flag), `strict` on every write.
import type { Finding } from '../analysis/types.js';
import { createRule } from '../util/create-rule.js';
import { allowSchema, analysisRuleCreate, reportFindings, sharedMessages, type AllowOption } from '../util/report.js';

/** Which writes the rule reports: every one, or only those that replace one named place's value. */
export type WritesOption = 'all' | 'overwrites';

export type Options = [AllowOption & { writes?: WritesOption }];
export type MessageIds = 'moduleStateWrite' | 'toggledPerRequest' | keyof typeof sharedMessages;

/** The options the `recommended` config runs the rule with; `strict` runs it with its defaults (every write). */
export const RECOMMENDED_OPTIONS: Options = [{ writes: 'overwrites' }];

/**
 * `writes: 'overwrites'` keeps the writes whose value the next request reads as it was left: a named place
 * replaced (`token = …`, `state.open = true`, `count++`) or a flag set and set back in one request. A keyed entry
 * or a collection method (`registry[id] = …`, `map.delete(id)`) is left to the cache and growth rules.
 */
const isOverwrite = (finding: Finding): boolean => finding.overwrite === true || finding.toggled === true;

export default createRule<Options, MessageIds>({
  name: 'no-module-state-write',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow any write to module-scope state from a request handler',
      recommended: 'recommended',
      recommendedOptions: RECOMMENDED_OPTIONS,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: allowSchema,
          writes: {
            type: 'string',
            enum: ['all', 'overwrites'],
            description:
              'Which writes to report: `all`, or `overwrites` (a named place replaced per request: `flag = true`, `state.token = …`, `count++`; the `recommended` config).',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], writes: 'all' }],
    messages: {
      moduleStateWrite:
        '`{{handler}}`{{via}} writes module state `{{target}}`{{where}} ({{how}}); the value survives into later invocations and is shared by concurrent requests. Keep per-request state inside the handler, or initialise it once at module scope.',
      toggledPerRequest:
        "`{{handler}}`{{via}} sets module state `{{target}}`{{where}} and sets it back in the same request ({{how}}): a busy flag toggled per request, not a one-way latch. Concurrent requests see each other's value, so one can skip or repeat the work the other is doing. Keep the flag per request, or serialise the work with a queue or a promise that callers share.",
      ...sharedMessages,
    },
  },
  create: analysisRuleCreate<MessageIds, Readonly<Options>>('no-module-state-write', (context, analysis, [options]) => {
    const kept =
      options.writes === 'overwrites' ? { ...analysis, findings: analysis.findings.filter(isOverwrite) } : analysis;
    reportFindings(
      context,
      kept,
      'write',
      (finding) => (finding.toggled ? 'toggledPerRequest' : 'moduleStateWrite'),
      options.allow,
    );
  }),
});
