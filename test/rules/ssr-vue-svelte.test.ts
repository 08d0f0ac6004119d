// no-shared-ssr-instance for Vue, Nuxt, Pinia, Vuex, Svelte stores and svelte-i18n: module-scope state written or
// handed out by code that runs per server render, next to the documented per-request shapes that stay quiet.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-shared-ssr-instance.js';
import { ruleTester } from '../rule-tester.js';
import { caseBuilders } from '../helpers/cases.js';
import { handlersOf } from '../helpers/platforms.js';
import { dedent } from '../helpers/source.js';

const PROJECTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ssr');
const inProject = (project: string, file: string) => path.join(PROJECTS, project, ...file.split('/'));

const { bad: badCase, good: goodCase } = caseBuilders('sharedInstance');
type Extra = Parameters<typeof badCase>[3];
const bad = (name: string, file: string, code: string, sites: Parameters<typeof badCase>[2], extra: Extra = {}) =>
  badCase(name, dedent(code), sites, { filename: file, ...extra });
const good = (name: string, file: string, code: string, extra: Extra = {}) =>
  goodCase(name, dedent(code), { filename: file, ...extra });
const use = (at: string) => ({ at, messageId: 'sharedInstanceUse' });

const NUXT_COMPOSABLE = inProject('nuxt', 'composables/useCart.ts');
const NUXT_PLUGIN = inProject('nuxt', 'plugins/session.ts');
const NUXT_MIDDLEWARE = inProject('nuxt', 'middleware/auth.global.ts');
const SPA_PLUGIN = inProject('nuxt-spa', 'plugins/api.js');
const VUE_ENTRY = inProject('vue-ssr', 'src/main.js');
const KIT_LAYOUT = inProject('sveltekit', 'src/routes/+layout.ts');
const KIT_HOOKS = inProject('sveltekit', 'src/hooks.server.ts');

ruleTester.run('no-shared-ssr-instance (Vue, Nuxt, Svelte)', rule as never, {
  valid: [
    good(
      "Nuxt's useState: per-request state keyed in the payload",
      NUXT_COMPOSABLE,
      `
      export function useCart() {
        const items = useState('cart', () => []);
        const add = (item) => items.value.push(item);
        return { items, add };
      }
      `,
    ),
    good(
      'a ref created inside the composable is per call',
      NUXT_COMPOSABLE,
      `
      import { ref } from 'vue';
      export function useCounter() {
        const count = ref(0);
        count.value++;
        return { count };
      }
      `,
    ),
    good(
      'module-level ref written only in onMounted',
      NUXT_COMPOSABLE,
      `
      import { onMounted, ref } from 'vue';
      const width = ref(0);
      export function useWidth() {
        onMounted(() => {
          width.value = window.innerWidth;
        });
      }
      `,
    ),
    good(
      'module-level ref written only under import.meta.client',
      NUXT_PLUGIN,
      `
      import { ref } from 'vue';
      const lastRoute = ref('');
      export default defineNuxtPlugin((nuxtApp) => {
        if (import.meta.client) lastRoute.value = nuxtApp._route.path;
      });
      `,
    ),
    good(
      'the same plugin in an app with ssr: false never runs on the server',
      SPA_PLUGIN,
      `
      import { reactive } from 'vue';
      const session = reactive({ user: null });
      export default ({ app }) => {
        session.user = app.context.req.user;
      };
      `,
    ),
    good(
      'a plugin registered for the client only',
      inProject('nuxt', 'plugins/analytics.ts'),
      `
      import { ref } from 'vue';
      const visitor = ref(null);
      export default defineNuxtPlugin((nuxtApp) => {
        visitor.value = nuxtApp.ssrContext?.event.context.user;
      });
      `,
    ),
    good(
      'a .client plugin file',
      inProject('nuxt', 'plugins/visitor.client.ts'),
      `
      import { ref } from 'vue';
      const visitor = ref(null);
      export default defineNuxtPlugin(() => {
        visitor.value = localStorage.getItem('visitor');
      });
      `,
    ),
    good(
      'module-level constant ref read (not written) by a composable',
      NUXT_COMPOSABLE,
      `
      import { readonly, ref } from 'vue';
      const defaults = ref({ currency: 'EUR' });
      export function useSettings() {
        return { currency: defaults.value.currency };
      }
      `,
    ),
    good(
      'Pinia made inside the per-request createApp() and stores used through it',
      VUE_ENTRY,
      `
      import { createSSRApp } from 'vue';
      import { createPinia, defineStore } from 'pinia';
      import App from './App.vue';
      export const useUser = defineStore('user', { state: () => ({ name: '' }) });
      export function createApp() {
        const app = createSSRApp(App);
        const pinia = createPinia();
        app.use(pinia);
        const user = useUser(pinia);
        user.name = 'guest';
        return { app, pinia };
      }
      `,
    ),
    good(
      'Vuex store made by a factory inside createApp()',
      VUE_ENTRY,
      `
      import { createSSRApp } from 'vue';
      import { createStore } from 'vuex';
      import App from './App.vue';
      function makeStore() {
        return createStore({ state: () => ({ items: [] }) });
      }
      export function createApp() {
        const app = createSSRApp(App);
        const store = makeStore();
        app.use(store);
        return { app, store };
      }
      `,
    ),
    good(
      'SvelteKit: data returned from load instead of written into a store',
      KIT_LAYOUT,
      `
      import { writable } from 'svelte/store';
      export const theme = writable('light');
      export async function load({ data }) {
        return { user: data.user };
      }
      `,
    ),
    good(
      'SvelteKit: store written only in the browser',
      KIT_LAYOUT,
      `
      import { browser } from '$app/environment';
      import { writable } from 'svelte/store';
      export const user = writable(null);
      export async function load({ data }) {
        if (browser) user.set(data.user);
        return {};
      }
      `,
    ),
    good(
      'SvelteKit: a universal load of an app whose root layout turns SSR off runs in the browser',
      inProject('sveltekit-spa', 'src/routes/account/+page.ts'),
      `
      import { writable } from 'svelte/store';
      export const user = writable(null);
      export async function load({ fetch }) {
        user.set(await (await fetch('/api/me')).json());
        return {};
      }
      `,
    ),
    good(
      'SvelteKit: a universal load with export const ssr = false',
      inProject('sveltekit', 'src/routes/editor/+page.ts'),
      `
      import { writable } from 'svelte/store';
      export const ssr = false;
      export const draft = writable(null);
      export async function load({ fetch }) {
        draft.set(await (await fetch('/api/draft')).json());
        return {};
      }
      `,
    ),
    good(
      'svelte-i18n: the locale kept in event.locals',
      KIT_HOOKS,
      `
      import { locale } from 'svelte-i18n';
      export const handle = async ({ event, resolve }) => {
        event.locals.lang = event.request.headers.get('accept-language')?.split(',')[0] ?? 'en';
        return resolve(event);
      };
      `,
    ),
  ],
  invalid: [
    bad(
      'Nuxt composable returns module-level state to every render',
      NUXT_COMPOSABLE,
      `
      import { ref } from 'vue';
      const items = ref([]);
      export function useCart() {
        return { items };
      }
      `,
      ['items = ref([])'],
    ),
    bad(
      'Nuxt composable writes a module-level reactive object',
      NUXT_COMPOSABLE,
      `
      import { reactive } from 'vue';
      const state = reactive({ course: null });
      export async function useCourse(slug) {
        state.course = await $fetch('/api/courses/' + slug);
        return state;
      }
      `,
      ['state = reactive({ course: null })'],
    ),
    bad(
      'Nuxt plugin writes a module-level ref on every server render',
      NUXT_PLUGIN,
      `
      import { ref } from 'vue';
      const server = ref('');
      export default defineNuxtPlugin({
        async setup(nuxtApp) {
          server.value = useRoute().params.server;
        },
      });
      `,
      ["server = ref('')"],
    ),
    bad(
      'Nuxt route middleware pushes into a module-level shallowRef array',
      NUXT_MIDDLEWARE,
      `
      import { shallowRef } from 'vue';
      const visited = shallowRef([]);
      export default defineNuxtRouteMiddleware((to) => {
        visited.value.push(to.fullPath);
      });
      `,
      ['visited = shallowRef([])'],
    ),
    bad(
      'createPinia() at module scope installed by the per-request createApp()',
      VUE_ENTRY,
      `
      import { createSSRApp } from 'vue';
      import { createPinia } from 'pinia';
      import App from './App.vue';
      const pinia = createPinia();
      export function createApp() {
        const app = createSSRApp(App);
        app.use(pinia);
        return { app };
      }
      `,
      ['pinia = createPinia()'],
    ),
    bad(
      'a Vuex store at module scope installed and returned by createApp()',
      VUE_ENTRY,
      `
      import { createSSRApp } from 'vue';
      import Vuex from 'vuex';
      import App from './App.vue';
      const store = new Vuex.Store({ state: { items: [] } });
      export function createApp() {
        const app = createSSRApp(App);
        app.use(store);
        return { app, store };
      }
      `,
      ['store = new Vuex.Store'],
    ),
    bad(
      'SvelteKit universal load writes the user into a module-level writable',
      KIT_LAYOUT,
      `
      import { writable } from 'svelte/store';
      export const user = writable(null);
      export async function load({ data }) {
        user.set(data.user);
        return {};
      }
      `,
      ['user = writable(null)'],
    ),
    bad(
      'SvelteKit handle hook updates a module-level writable',
      KIT_HOOKS,
      `
      import { writable } from 'svelte/store';
      const online = writable([]);
      export const handle = async ({ event, resolve }) => {
        online.update((list) => [...list, event.locals.user]);
        return resolve(event);
      };
      `,
      ['online = writable([])'],
    ),
    bad(
      "svelte-i18n's own locale store set from the request in the handle hook",
      KIT_HOOKS,
      `
      import { locale } from 'svelte-i18n';
      export const handle = async ({ event, resolve }) => {
        locale.set(event.request.headers.get('accept-language'));
        return resolve(event);
      };
      `,
      [use('locale.set(')],
    ),
  ],
});

describe('Vue and SvelteKit server-rendering detection', () => {
  it('finds Nuxt plugins, route middleware and composables only where Nuxt renders on the server', () => {
    const plugin = 'export default defineNuxtPlugin(() => {});';
    expect(handlersOf(plugin, NUXT_PLUGIN)).toEqual(['nuxt plugin']);
    expect(handlersOf(plugin, inProject('nuxt', 'plugins/x.client.ts'))).toEqual([]);
    expect(handlersOf('export default () => {};', SPA_PLUGIN)).toEqual([]);
    const middleware = 'export default defineNuxtRouteMiddleware((to) => {});';
    expect(handlersOf(middleware, NUXT_MIDDLEWARE)).toEqual(['nuxt middleware']);
    const composable = 'export function useCart() { return 1; }\nexport function helper() {}';
    expect(handlersOf(composable, NUXT_COMPOSABLE)).toEqual(['vue-ssr useCart']);
    // A plain Vue project (no server renderer) renders nothing per request.
    expect(handlersOf(composable, inProject('vite-spa', 'src/useCart.ts'))).toEqual([]);
  });

  it('finds the per-request createApp() of a Vue SSR entry by its createSSRApp call', () => {
    const entry = dedent(`
      import { createSSRApp } from 'vue';
      export function createApp() { return createSSRApp({}); }
    `);
    expect(handlersOf(entry, VUE_ENTRY)).toEqual(['vue-ssr createApp']);
    expect(handlersOf(entry.replace("from 'vue'", "from './vue'"), VUE_ENTRY)).toEqual([]);
  });

  it('drops universal loads where SvelteKit does not render on the server', () => {
    const load = 'export async function load() { return {}; }';
    expect(handlersOf(load, KIT_LAYOUT)).toEqual(['sveltekit load']);
    expect(handlersOf(`export const ssr = false;\n${load}`, KIT_LAYOUT)).toEqual([]);
    expect(handlersOf(load, inProject('sveltekit-spa', 'src/routes/+page.ts'))).toEqual([]);
    // A server load runs on the server whatever `ssr` says.
    expect(handlersOf(load, inProject('sveltekit-spa', 'src/routes/+page.server.ts'))).toEqual(['sveltekit load']);
  });
});
