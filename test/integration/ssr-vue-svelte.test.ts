// Vue/Nuxt and SvelteKit stores across files, through the real ESLint class on real files: a store module is
// reported at its declaration when a load function or a Nuxt plugin in another file writes it per request, and the
// write is reported in the file that makes it; the same
// store written only in the browser (or in an app that does not render on the server) stays quiet.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

async function sharedInstanceLines(root: string, file: string): Promise<string[]> {
  const [result] = await eslintIn(root).lintFiles([path.join(root, file)]);
  return result.messages
    .filter((message) => message.ruleId === 'handler-state/no-shared-ssr-instance')
    .map((message) => `${message.line}: ${message.message}`);
}

const KIT_PACKAGE = JSON.stringify({ name: 'kit-app', type: 'module', devDependencies: { '@sveltejs/kit': '2.15.0' } });
const USER_STORE = "import { writable } from 'svelte/store';\n\nexport const user = writable(null);\n";

describe('Svelte stores written during server rendering, across files', () => {
  it('reports the store where it is declared and the write in the universal load', async () => {
    const root = makeProject({
      'package.json': KIT_PACKAGE,
      'src/lib/stores/user.js': USER_STORE,
      'src/routes/+layout.js': [
        // SvelteKit's `$lib` alias, with no tsconfig paths (they live in the generated .svelte-kit/tsconfig.json).
        "import { user as sameStore } from '$lib/stores/user.js';",
        'export function load({ data }) {',
        '  sameStore.set(data.user);',
        '  return { user: data.user };',
        '}',
        '',
      ].join('\n'),
    });
    const store = await sharedInstanceLines(root, 'src/lib/stores/user.js');
    expect(store).toHaveLength(1);
    expect(store[0]).toMatch(/^3: `user` is one store \(Svelte\) for the whole server process, and `load`/u);
    // …and the write itself, in the file that makes it.
    const layout = await sharedInstanceLines(root, 'src/routes/+layout.js');
    expect(layout).toHaveLength(1);
    expect(layout[0]).toMatch(/^3: `load` writes `sameStore` with `set\(\)`/u);
  });

  it('stays quiet when the store is written only in the browser', async () => {
    const root = makeProject({
      'package.json': KIT_PACKAGE,
      'src/lib/stores/user.js': USER_STORE,
      'src/routes/+layout.js': [
        "import { browser } from '$app/environment';",
        "import { user } from '../lib/stores/user.js';",
        'export function load({ data }) {',
        '  if (browser) user.set(data.user);',
        '  return { user: data.user };',
        '}',
        '',
      ].join('\n'),
    });
    expect(await sharedInstanceLines(root, 'src/lib/stores/user.js')).toEqual([]);
    expect(await sharedInstanceLines(root, 'src/routes/+layout.js')).toEqual([]);
  });
});

describe('Nuxt composable state written by a plugin, across files', () => {
  const NUXT = {
    'package.json': JSON.stringify({ name: 'nuxt-app', type: 'module', dependencies: { nuxt: '3.15.0' } }),
    'nuxt.config.ts': 'export default defineNuxtConfig({});\n',
    'composables/server.ts': "import { ref } from 'vue';\n\nexport const publicServer = ref('');\n",
  };
  const PLUGIN = [
    "import { publicServer } from '~/composables/server';",
    'export default defineNuxtPlugin(() => {',
    '  publicServer.value = useRoute().params.server;',
    '});',
    '',
  ].join('\n');

  it('reports the module-level ref a server-rendered plugin writes', async () => {
    const root = makeProject({ ...NUXT, 'plugins/server.ts': PLUGIN.replace('~/composables', '../composables') });
    const composable = await sharedInstanceLines(root, 'composables/server.ts');
    expect(composable).toHaveLength(1);
    expect(composable[0]).toMatch(/^3: `publicServer` is one reactive state \(Vue\)/u);
  });

  it('stays quiet in an app with ssr: false', async () => {
    const root = makeProject({
      ...NUXT,
      'nuxt.config.ts': 'export default defineNuxtConfig({\n  ssr: false,\n});\n',
      'plugins/server.ts': PLUGIN.replace('~/composables', '../composables'),
    });
    expect(await sharedInstanceLines(root, 'composables/server.ts')).toEqual([]);
    expect(await sharedInstanceLines(root, 'plugins/server.ts')).toEqual([]);
  });
});
