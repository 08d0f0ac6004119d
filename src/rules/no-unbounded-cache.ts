// Rule no-unbounded-cache: reports the 'cache' findings of the shared analysis.
import { createRule } from '../util/create-rule.js';
import { allowOptionsSchema, sharedMessages, stateRuleCreate, type AllowOption } from '../util/report.js';

export type Options = [AllowOption];
export type MessageIds = 'unboundedCache' | 'unboundedCacheUnreachedEviction' | keyof typeof sharedMessages;

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-cache',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow module-scope caches written under request-derived keys with no eviction',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: allowOptionsSchema,
    defaultOptions: [{ allow: [] }],
    messages: {
      unboundedCache:
        '`{{target}}`{{where}} is a module-scope cache that `{{handler}}`{{via}} fills under a request-derived key ({{how}}) and nothing evicts, so it grows with every distinct request and serves entries to other requests. Use a bounded cache (lru-cache with `max`, quick-lru, @isaacs/ttlcache) or look the value up per request.',
      unboundedCacheUnreachedEviction:
        '`{{target}}`{{where}} is a module-scope cache that `{{handler}}`{{via}} fills under a request-derived key ({{how}}); its entries are only removed by {{removers}}, which no request or timer here runs, so it grows with every distinct request and serves entries to other requests. Use a bounded cache (lru-cache with `max`, quick-lru, @isaacs/ttlcache), cap or expire it in the code that fills it, or look the value up per request.',
      ...sharedMessages,
    },
  },
  create: stateRuleCreate<MessageIds>('no-unbounded-cache', 'cache', (finding) =>
    finding.unreachedRemovers?.length ? 'unboundedCacheUnreachedEviction' : 'unboundedCache',
  ),
});
