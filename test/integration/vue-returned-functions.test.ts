// Functions a Vue composable hands back (`return { open, save }`) run when the component calls them: usually later,
// in the browser (a template event, a watcher, a mount hook), so the module-level state they write is not shared
// across server renders. They are request-time code again when the composable itself, or setup code elsewhere (the
// top level of a `<script setup>`, a plugin, another composable's body), calls them during setup. Linted as a user
// lints them: the real ESLint class over real files of a Nuxt project.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

const NUXT_APP = JSON.stringify({ name: 'shop', private: true, dependencies: { nuxt: '3.15.0', vue: '3.5.0' } });
const NUXT_CONFIG = 'export default defineNuxtConfig({});\n';

/** A module-level reactive panel state, opened and filled through the functions the composable returns. */
const PANEL = `const panel = reactive({ open: false, items: [] as string[] });

export function usePanel() {
  const { open, items } = toRefs(panel);
  const show = () => {
    panel.open = true;
  };
  async function load(id: string) {
    panel.items = await $fetch(\`/api/items/\${id}\`);
  }
  return { open, items, show, load };
}
`;

const WRITE_RULES = ['no-module-state-write', 'no-unbounded-growth'];

/** `line:column` of each report of the write rules (or of `rules`) in `file`. */
async function reportsOf(root: string, file: string, rules = WRITE_RULES): Promise<string[]> {
  const [result] = await eslintIn(root).lintFiles([path.join(root, file)]);
  return result.messages
    .filter((message) => rules.some((rule) => message.ruleId === `handler-state/${rule}`) || message.fatal)
    .map((message) => `${message.line}:${message.column}`);
}

function project(files: Record<string, string>): string {
  return makeProject({ 'package.json': NUXT_APP, 'nuxt.config.ts': NUXT_CONFIG, ...files });
}

describe('functions a Vue composable returns', () => {
  it('are quiet when components call them only from event handlers and watchers', async () => {
    const root = project({
      'composables/usePanel.ts': PANEL,
      'components/Panel.vue': `<template><button @click="show">Open</button></template>
<script setup lang="ts">
const { open, show, load } = usePanel();
const route = useRoute();
watch(() => route.params.id, (id) => load(String(id)));
function refresh() {
  load(String(route.params.id));
}
</script>
`,
    });
    expect(await reportsOf(root, 'composables/usePanel.ts')).toEqual([]);
  });

  it('are reported when a <script setup> calls one at its top level', async () => {
    const root = project({
      'composables/usePanel.ts': PANEL,
      'pages/items/[id].vue': `<script setup lang="ts">
const route = useRoute();
const { items, load } = usePanel();
await load(String(route.params.id));
</script>
`,
    });
    // `load` runs during the server render; `show` is still only called later.
    expect(await reportsOf(root, 'composables/usePanel.ts')).toEqual(['9:5']);
  });

  it('are reported when the composable calls one itself while it sets up', async () => {
    const root = project({
      'composables/usePanel.ts': PANEL.replace('  return { open', '  show();\n  return { open'),
    });
    expect(await reportsOf(root, 'composables/usePanel.ts')).toEqual(['6:5']);
  });

  it('leave writes in the composable body reported', async () => {
    const root = project({
      'composables/usePanel.ts': PANEL.replace(
        '  const { open, items }',
        '  panel.open = false;\n  const { open, items }',
      ),
    });
    expect(await reportsOf(root, 'composables/usePanel.ts')).toEqual(['4:3']);
  });

  it('follow a returned module function only when setup code elsewhere calls it', async () => {
    const toasts = `const queue = ref<string[]>([]);
function toast(text: string) {
  queue.value = [...queue.value, text];
}
export function useToast() {
  return { queue, toast };
}
`;
    const quiet = project({
      'composables/useToast.ts': toasts,
      'components/Save.vue': `<script setup>
const { toast } = useToast();
const save = async () => {
  await $fetch('/api/save', { method: 'POST' });
  toast('Saved');
};
</script>
`,
    });
    expect(await reportsOf(quiet, 'composables/useToast.ts')).toEqual([]);
    // A plugin runs for every server render; the toast it raises is queued in state the next visitor sees.
    const leaking = project({
      'composables/useToast.ts': toasts,
      'plugins/welcome.ts': `export default defineNuxtPlugin(() => {
  const { toast } = useToast();
  if (useRoute().query.welcome) toast('Welcome back');
});
`,
    });
    expect(await reportsOf(leaking, 'composables/useToast.ts')).toEqual(['3:3']);
  });

  it('still bound a collection they empty', async () => {
    const root = project({
      'composables/useLog.ts': `const entries: string[] = [];
export function useLog(route: string) {
  entries.push(route);
  const clear = () => {
    entries.length = 0;
  };
  return { entries, clear };
}
`,
    });
    expect(await reportsOf(root, 'composables/useLog.ts', ['no-unbounded-growth'])).toEqual([]);
  });
});
