// Rule no-shared-ssr-instance: reports a module-scope instance of a library whose state must be per request on the
// server (a QueryClient, a Redux store, the global i18next instance, an axios instance's defaults…) when
// server-rendered or request-time code hands it to a provider, writes it, or returns it per request.
import type { SharedInstanceLeak } from '../analysis/leaks/shared-instances.js';
import { SSR_INSTANCE_TABLE } from '../analysis/leaks/ssr-tables.js';
import { createRule } from '../util/create-rule.js';
import { allowSchema, analysisRuleCreate, readAllow, settingsMessages, viaText } from '../util/report.js';

export interface SharedInstanceOptions {
  /** Instance names to leave alone, as written (`queryClient`, `i18next`): exact names or `/regex/` strings. */
  allow?: string[];
  /** Library rows to leave alone, by id (`axios`, `tanstack-query`). */
  ignoreLibraries?: string[];
}

export type Options = [SharedInstanceOptions];
export type MessageIds = 'sharedInstance' | 'sharedInstanceUse' | keyof typeof settingsMessages;

/** "`Providers` hands it to `<QueryClientProvider client>` …": what the first reach site does, in words. */
function reachText(leak: SharedInstanceLeak, object: string): string {
  const { site } = leak;
  // The reach is in an importer when the site names its file: `Providers` in ../app/providers.tsx.
  const where = site.file ? ` in ${site.file}` : '';
  const who = `\`${site.handler.name}\`${where}${viaText(site)}`;
  switch (site.reach) {
    case 'provider':
    case 'handover':
      return `${who} hands ${object} to ${site.how} while rendering on the server`;
    case 'write':
      return `${who} writes ${object} with ${site.how} per request`;
    case 'return':
      // `via \`getQueryClient()\`` already names the function that hands it out.
      return site.via.length > 0 && `\`${site.via[site.via.length - 1]}()\`` === site.how
        ? `${who} hands ${object} out per request`
        : `${who} hands ${object} out per request from ${site.how}`;
  }
}

/** `QueryClient (TanStack Query)`, but `i18next instance` alone. */
function instanceText(leak: SharedInstanceLeak): string {
  const { instance, library } = leak.row;
  return instance.toLowerCase().includes(library.toLowerCase()) ? instance : `${instance} (${library})`;
}

export default createRule<Options, MessageIds>({
  name: 'no-shared-ssr-instance',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow module-scope instances of per-request libraries (query clients, stores, i18n and HTTP clients) that server-rendered code shares between requests',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowSchema,
            description:
              'Instances this rule ignores, matched against the name as written (`queryClient`, `i18next`): an exact name, or a regular expression written `/^browser/`.',
          },
          ignoreLibraries: {
            type: 'array',
            description: `Library rows this rule ignores, by id: ${SSR_INSTANCE_TABLE.map((row) => `\`${row.id}\``).join(', ')}.`,
            items: { type: 'string', enum: SSR_INSTANCE_TABLE.map((row) => row.id) },
            uniqueItems: true,
          },
        },
      },
    ],
    defaultOptions: [{ allow: [], ignoreLibraries: [] }],
    messages: {
      sharedInstance:
        '`{{name}}` is one {{instance}} for the whole server process, and {{reach}}{{more}}; {{hazard}}. {{fix}}.',
      sharedInstanceUse: '{{reach}}, one {{instance}} for the whole server process; {{hazard}}. {{fix}}.',
      ...settingsMessages,
    },
  },
  create: analysisRuleCreate<MessageIds, readonly [SharedInstanceOptions]>(
    'no-shared-ssr-instance',
    (context, analysis, [options]) => {
      const isAllowed = readAllow(context, options.allow);
      const ignored = new Set(options.ignoreLibraries ?? []);
      for (const leak of analysis.sharedInstances) {
        if (ignored.has(leak.row.id) || isAllowed(leak.name)) continue;
        context.report({
          node: leak.node,
          messageId: leak.declared ? 'sharedInstance' : 'sharedInstanceUse',
          data: {
            name: leak.name,
            instance: instanceText(leak),
            reach: reachText(leak, leak.declared ? 'it' : `\`${leak.name}\``),
            more: leak.others > 0 ? ` (and in ${leak.others} more place${leak.others === 1 ? '' : 's'})` : '',
            hazard: leak.row.hazard,
            fix: leak.row.fix,
          },
        });
      }
    },
  ),
});
