// The server-rendering knowledge tables: libraries whose instances must be made per request on the server, the
// callbacks that only ever run in the browser, and the tests that tell browser code from server code. A library
// the plugin learns about is a new row here, not new code.

/**
 * How an instance is made. At module scope the product is one object for the whole server process; inside a
 * request or a render it is per request (the documented safe shapes).
 * - `{ new: 'QueryClient' }`: `new QueryClient(…)` with `QueryClient` from one of the row's sources;
 * - `{ call: 'configureStore' }`: `configureStore(…)`, also as a member of the module (`axios.create()`,
 *   `i18next.createInstance()`: the path below the module, default import folded);
 * - `setter`: the product is a `[value, setter]` pair (Solid's `createSignal`); calling the element at this
 *   index writes the instance.
 */
export type InstanceMaker = { new: string } | { call: string; setter?: number };

/** A component that shares an instance with everything it renders: `<QueryClientProvider client={…}>`. */
export interface ProviderUse {
  /**
   * The component as imported from `sources` (`QueryClientProvider`), or `*.Provider` for the `Provider` member
   * of any object (`<trpc.Provider queryClient={…}>`).
   */
  component: string;
  /** The props that take the instance. */
  props: readonly string[];
  /** Where the component comes from when that is not one of the row's sources (`react-redux` for Redux). */
  sources?: readonly string[];
}

/** A library function that takes an instance at `argument`: `hydrate(client, state)`, Relay's `fetchQuery(env, …)`. */
export interface InstanceArgument {
  name: string;
  argument: number;
  /** Where the function comes from when that is not one of the row's sources. */
  sources?: readonly string[];
}

/**
 * One library whose state must be made per request on the server. A second library is a new row, not new code.
 * The rule reports a module-scope instance of a row when server-rendered or request-time code reaches it: hands it
 * to one of `providers` (or `handovers`), writes it with one of `writers` / `writerFunctions` / `writtenProperties`,
 * or returns it from a function that runs per request. Sources for each row are in
 * docs/rules/no-shared-ssr-instance.md.
 */
export interface SsrInstanceRow {
  /** Stable id, for tests and docs. */
  id: string;
  /** The library as users know it, for messages: `TanStack Query`. */
  library: string;
  /** What one instance is, completing "one … for the whole server process": `QueryClient`, `Redux store`. */
  instance: string;
  /** Import sources (ES import, `require`, `import()`) of the library and its framework adapters. */
  sources: readonly string[];
  /**
   * Modules the library's build generates into the project, matched on the import source
   * (`$lib/paraglide/runtime.js`, `../paraglide/runtime`): they count as the row's sources.
   */
  generatedSources?: RegExp;
  makers: readonly InstanceMaker[];
  /**
   * The library's own process-wide instances: exports that are one object per process (`[]` is the module
   * itself, as `import i18next from 'i18next'` gives it; `['i18n']` is `@lingui/core`'s `i18n`), and getters
   * that return one whenever they are called (`getDefaultStore()`, `Sentry.getGlobalScope()`).
   */
  globals?: { exports?: readonly (readonly string[])[]; getters?: readonly string[] };
  /**
   * Methods that write per-request state into an instance; a dotted name is a path below it
   * (`interceptors.request.use`), `getState().*` is any method of what `getState()` returns.
   */
  writers: readonly string[];
  /** Library functions that write into the instance they are given: `hydrate(queryClient, state)`. */
  writerFunctions?: readonly InstanceArgument[];
  /**
   * Properties below the instance whose assignment (or `++`/`--`) writes per-request state (`defaults` of an axios
   * instance); `*` is any property (a Vue `reactive()` object).
   */
  writtenProperties?: readonly string[];
  /** Only writes that carry request data leak (`changeLanguage('en')` on every request switches nothing). */
  writesNeedRequestData?: boolean;
  /**
   * Calls of the library that make its process-wide state per request once made (an AsyncLocalStorage registered
   * with the runtime): a file, or the project module it writes through, that calls one leaves the writes alone.
   */
  isolatedBy?: readonly string[];
  /**
   * One instance for the process is the library's documented shape (an axios instance): only the per-request
   * writes leak, and each is reported where it is made, not at the declaration.
   */
  sharingIsSafe?: boolean;
  providers: readonly ProviderUse[];
  /** Calls that take the instance in render code the way a provider does: `useQuery(options, queryClient)`. */
  handovers?: readonly InstanceArgument[];
  /**
   * Methods of any receiver that install the instance (argument 0) into what request-time code builds: Vue's
   * `app.use(pinia)` in the per-request `createApp()` factory.
   */
  installers?: readonly string[];
  /** What goes wrong, completing "… so …". */
  hazard: string;
  /** The documented safe shape, as a sentence. */
  fix: string;
}

export const TANSTACK_QUERY_SOURCES = [
  '@tanstack/react-query',
  '@tanstack/query-core',
  'react-query',
  '@tanstack/solid-query',
  '@tanstack/vue-query',
  '@tanstack/svelte-query',
  '@tanstack/preact-query',
  '@tanstack/angular-query-experimental',
  '@tanstack/angular-query',
];

const REACT_QUERY_HOOKS = ['useQuery', 'useSuspenseQuery', 'useInfiniteQuery', 'useSuspenseInfiniteQuery'];
const SOLID_QUERY_HOOKS = ['createQuery', 'createInfiniteQuery', 'useQuery', 'useInfiniteQuery'];

export const SSR_INSTANCE_TABLE: readonly SsrInstanceRow[] = [
  {
    // TanStack Query SSR guide: "create a new QueryClient instance inside of your app, and on an instance ref (or in
    // React state). This ensures that data is not shared between different users and requests."
    id: 'tanstack-query',
    library: 'TanStack Query',
    instance: 'QueryClient',
    sources: TANSTACK_QUERY_SOURCES,
    makers: [{ new: 'QueryClient' }],
    writers: [
      'setQueryData',
      'setQueriesData',
      'prefetchQuery',
      'prefetchInfiniteQuery',
      'fetchQuery',
      'fetchInfiniteQuery',
      'ensureQueryData',
      'ensureInfiniteQueryData',
      'setQueryDefaults',
      'setMutationDefaults',
      'setDefaultOptions',
    ],
    writerFunctions: [{ name: 'hydrate', argument: 0 }],
    providers: [
      { component: 'QueryClientProvider', props: ['client'] },
      // tRPC's React provider takes the QueryClient next to its own client.
      { component: '*.Provider', props: ['queryClient'] },
    ],
    handovers: [
      ...REACT_QUERY_HOOKS.map((name) => ({ name, argument: 1 })),
      ...SOLID_QUERY_HOOKS.map((name) => ({ name, argument: 1 })),
      { name: 'useMutation', argument: 1 },
      { name: 'useQueryClient', argument: 0 },
    ],
    hazard:
      'its cache is shared by every request the server renders: data fetched for one user can render into the HTML of another, and every distinct query key stays cached until the process runs out of memory',
    fix: 'Make the client per request: `const [queryClient] = useState(() => new QueryClient())` in a client component, or a `getQueryClient()` that returns a new client when `isServer` and keeps one client in the browser',
  },
  {
    // Redux "Usage with Next.js": "no global stores — because the Redux store is shared across requests, it should
    // not be defined as a global variable. Instead, the store should be created per request."
    id: 'redux',
    library: 'Redux',
    instance: 'Redux store',
    sources: ['@reduxjs/toolkit', 'redux'],
    makers: [{ call: 'configureStore' }, { call: 'createStore' }, { call: 'legacy_createStore' }],
    writers: ['dispatch', 'replaceReducer'],
    providers: [{ component: 'Provider', props: ['store'], sources: ['react-redux'] }],
    hazard:
      "every request the server renders reads and dispatches into the same state, so one user's data can render into another user's page",
    fix: 'Export a `makeStore()` and create the store per request, in a client `StoreProvider` with `useRef(makeStore())` (or `useState(makeStore)`)',
  },
  {
    // Zustand "Setup with Next.js": "Next.js servers can handle multiple requests simultaneously. This means that
    // the store should be created per request and should not be shared across requests."
    id: 'zustand',
    library: 'Zustand',
    instance: 'store',
    sources: ['zustand', 'zustand/vanilla', 'zustand/traditional'],
    makers: [{ call: 'create' }, { call: 'createStore' }, { call: 'createWithEqualityFn' }],
    writers: ['setState', 'getState().*'],
    providers: [],
    hazard:
      "its state is shared by every request the server renders, so one request's writes show up in other users' pages",
    fix: 'Create the store per request with `createStore()` inside a provider component (`useRef`/`useState`) and read it through a context',
  },
  {
    // Jotai: a store made with createStore() at module scope (or the default store) is one store per process on
    // the server; the docs give each SSR request its own <Provider> (with no store prop, or a store made per render).
    id: 'jotai',
    library: 'Jotai',
    instance: 'store',
    sources: ['jotai', 'jotai/vanilla', 'jotai/react'],
    makers: [{ call: 'createStore' }],
    globals: { getters: ['getDefaultStore'] },
    writers: ['set'],
    providers: [{ component: 'Provider', props: ['store'] }],
    hazard:
      "its atoms' values are shared by every request the server renders, so one request's values show up in other users' pages",
    fix: 'Give each render its own store: `<Provider>` without a `store` prop, or `useState(() => createStore())` in the component that renders it',
  },
  {
    // Apollo Client: "Do not share a client between requests on the server" — the InMemoryCache holds every
    // result the client fetched, including one user's private data.
    id: 'apollo',
    library: 'Apollo Client',
    instance: 'ApolloClient',
    sources: ['@apollo/client', '@apollo/client/core', 'apollo-client', 'apollo-boost', '@apollo/client/index.js'],
    makers: [{ new: 'ApolloClient' }],
    writers: ['query', 'mutate', 'writeQuery', 'writeFragment', 'refetchQueries', 'setLink'],
    providers: [
      {
        component: 'ApolloProvider',
        props: ['client'],
        sources: [
          '@apollo/client',
          '@apollo/client/react',
          '@apollo/react-hooks',
          '@apollo/react-common',
          'react-apollo',
        ],
      },
    ],
    hazard:
      "its cache keeps every result the client fetched, so one user's private data can be served into another user's page, and the cache only grows",
    fix: 'Make a client per request: `registerApolloClient(() => new ApolloClient(…))` for server components, `ApolloNextAppProvider makeClient={…}` for client components, or a client made inside the request',
  },
  {
    // The cache alone, when a per-request client is given a module-level one.
    id: 'apollo-cache',
    library: 'Apollo Client',
    instance: 'InMemoryCache',
    sources: ['@apollo/client', '@apollo/client/core', '@apollo/client/cache', 'apollo-cache-inmemory'],
    makers: [{ new: 'InMemoryCache' }],
    writers: ['writeQuery', 'writeFragment', 'restore'],
    providers: [],
    hazard:
      "every client it is given to shares the results stored in it, so one user's private data can reach another user's page",
    fix: 'Create the cache together with the client, per request: `new ApolloClient({ cache: new InMemoryCache() })` inside the factory',
  },
  {
    // urql's SSR guide: the ssrExchange collects the results of one render; the client and the exchange are made per
    // request (the Next.js app-router example makes both in `useMemo` inside the layout component).
    id: 'urql',
    library: 'urql',
    instance: 'client',
    sources: ['urql', '@urql/core', '@urql/next', '@urql/preact', '@urql/solid', '@urql/vue', '@urql/svelte'],
    makers: [{ call: 'createClient' }, { new: 'Client' }, { call: 'ssrExchange' }],
    writers: ['query', 'mutation', 'executeQuery', 'executeMutation', 'restoreData'],
    providers: [
      { component: 'Provider', props: ['value'] },
      { component: 'UrqlProvider', props: ['client', 'ssr'] },
    ],
    hazard:
      "the exchange's and the client's caches are shared by every request the server renders, so results fetched for one user can be served to another",
    fix: 'Create the `ssrExchange()` and the client per request, inside the component (`useMemo(() => …, [])`) or the request handler',
  },
  {
    // Relay: the Environment (its Store and RecordSource) holds every record fetched; Relay's SSR examples make one
    // environment per request on the server.
    id: 'relay',
    library: 'Relay',
    instance: 'Environment',
    sources: ['relay-runtime', 'react-relay'],
    makers: [{ new: 'Environment' }, { new: 'Store' }, { new: 'RecordSource' }],
    writers: ['commitUpdate', 'commitPayload', 'execute', 'executeMutation', 'applyUpdate'],
    writerFunctions: [
      { name: 'fetchQuery', argument: 0 },
      { name: 'loadQuery', argument: 0 },
      { name: 'commitMutation', argument: 0 },
      { name: 'commitLocalUpdate', argument: 0 },
    ],
    providers: [{ component: 'RelayEnvironmentProvider', props: ['environment'] }],
    hazard: "its store keeps every record fetched, so one user's records can render into another user's page",
    fix: 'Make an environment per request on the server (a `createEnvironment()` called inside the request) and keep one only in the browser',
  },
  {
    // i18next is one process-wide instance unless `createInstance()` is called; `changeLanguage()` on it during a
    // request switches the language of every render in flight (react-i18next's SSR notes: an instance per request).
    id: 'i18next',
    library: 'i18next',
    instance: 'i18next instance',
    sources: ['i18next'],
    makers: [{ call: 'createInstance' }, { call: 'cloneInstance' }],
    globals: { exports: [[]] },
    writers: [
      'init',
      'changeLanguage',
      'loadLanguages',
      'loadNamespaces',
      'addResource',
      'addResources',
      'addResourceBundle',
      'setDefaultNamespace',
    ],
    writesNeedRequestData: true,
    providers: [{ component: 'I18nextProvider', props: ['i18n'], sources: ['react-i18next', 'next-i18next'] }],
    hazard:
      'the language (and the resources loaded) are shared by every request the server handles, so a concurrent request switches the language of a render in progress',
    fix: 'Make an instance per request with `i18next.createInstance()` (react-i18next: `<I18nextProvider i18n={instance}>`), or pass the language to `getFixedT(lng)` instead of changing it',
  },
  {
    // Lingui: `i18n` from @lingui/core is one global; its SSR guide makes one with `setupI18n()` per request.
    id: 'lingui',
    library: 'Lingui',
    instance: 'i18n instance',
    sources: ['@lingui/core'],
    makers: [{ call: 'setupI18n' }],
    globals: { exports: [['i18n']] },
    writers: ['activate', 'load', 'loadAndActivate'],
    writesNeedRequestData: true,
    providers: [{ component: 'I18nProvider', props: ['i18n'], sources: ['@lingui/react'] }],
    hazard:
      'the active locale and messages are shared by every request the server handles, so a concurrent request switches the language of a render in progress',
    fix: 'Make an instance per request with `setupI18n({ locale, messages })` and hand it to `<I18nProvider i18n={…}>`',
  },
  {
    // axios: `axios.defaults` and an instance's `defaults` apply to every later request made with it; a header set
    // from one user's cookie is sent for every other user the server handles.
    id: 'axios',
    library: 'axios',
    instance: 'axios instance',
    sources: ['axios'],
    makers: [{ call: 'create' }],
    globals: { exports: [[]] },
    writers: ['interceptors.request.use', 'interceptors.response.use'],
    writtenProperties: ['defaults'],
    writesNeedRequestData: true,
    sharingIsSafe: true,
    providers: [],
    hazard:
      "its defaults apply to every later call made with it, so one user's credentials (cookies, tokens) are sent with other users' requests",
    fix: 'Pass per-request headers in the call’s config (`api.get(url, { headers })`) or create an instance per request with `axios.create({ headers })`',
  },
  {
    // TanStack Router / Start: `getRouter()` makes a router per request; a module-level router updated per request
    // (`update`, `navigate`, `load`) is re-pointed by every request the server handles.
    id: 'tanstack-router',
    library: 'TanStack Router',
    instance: 'router',
    sources: ['@tanstack/react-router', '@tanstack/solid-router', '@tanstack/router-core', '@tanstack/router'],
    makers: [{ call: 'createRouter' }, { new: 'Router' }],
    writers: ['update', 'navigate', 'load', 'invalidate', 'preloadRoute', 'buildAndCommitLocation', 'commitLocation'],
    providers: [{ component: 'RouterProvider', props: ['router'] }],
    hazard:
      "every request the server handles re-points the same router, so a concurrent render can see another request's location and loader data",
    fix: 'Create the router per request in `getRouter()` (TanStack Start calls it once per request) and never keep one at module scope on the server',
  },
  {
    // Vue Router in a hand-written SSR entry: the router is created inside the per-request `createApp()`.
    id: 'vue-router',
    library: 'Vue Router',
    instance: 'router',
    sources: ['vue-router'],
    makers: [{ call: 'createRouter' }],
    writers: ['push', 'replace', 'go', 'addRoute'],
    providers: [],
    hazard:
      "every request the server handles re-points the same router, so a concurrent render can see another request's route",
    fix: 'Create the router inside the per-request `createApp()` factory together with the app',
  },
  {
    // Sentry: the global scope is one per process in every SDK; data set on it is attached to every later event of
    // every request. (The serverless SDKs' scopes are covered by no-persistent-library-context.)
    id: 'sentry-global-scope',
    library: 'Sentry',
    instance: 'global scope',
    sources: [
      '@sentry/nextjs',
      '@sentry/remix',
      '@sentry/react-router',
      '@sentry/sveltekit',
      '@sentry/solidstart',
      '@sentry/astro',
      '@sentry/nuxt',
      '@sentry/tanstackstart-react',
      '@sentry/tanstackstart',
      '@sentry/react',
      '@sentry/vue',
      '@sentry/svelte',
      '@sentry/solid',
      '@sentry/angular',
      '@sentry/bun',
      '@sentry/deno',
      '@sentry/cloudflare',
      '@sentry/vercel-edge',
    ],
    makers: [],
    globals: { getters: ['getGlobalScope'] },
    writers: ['setUser', 'setTag', 'setTags', 'setContext', 'setExtra', 'setExtras', 'setAttributes'],
    writesNeedRequestData: true,
    providers: [],
    hazard:
      "the global scope is attached to every later event of every request, so errors of other users carry this request's data",
    fix: 'Set request data on the isolation scope the SDK forks per request (`Sentry.setUser(…)`, `Sentry.getIsolationScope()`), or inside `Sentry.withScope((scope) => …)`',
  },
  {
    // Solid: a signal or store created at module scope is one per server process; Solid's docs keep per-request
    // state in a context provider created during render.
    id: 'solid-signals',
    library: 'Solid',
    instance: 'signal or store',
    sources: ['solid-js', 'solid-js/store'],
    makers: [
      { call: 'createSignal', setter: 1 },
      { call: 'createStore', setter: 1 },
    ],
    writers: [],
    providers: [],
    hazard:
      "its value is shared by every request the server renders, so one request's writes show up in other users' pages",
    fix: 'Create the signal or store inside a component (or a context provider rendered per request) instead of at module scope',
  },
  {
    // Vue's SSR guide ("Cross-Request State Pollution"): state declared at module scope with the reactivity API is
    // one object for the whole server process; Nuxt says never to define `const state = ref()` outside
    // `<script setup>` or `setup()` and gives `useState` as the per-request form.
    id: 'vue-reactivity',
    library: 'Vue',
    instance: 'reactive state',
    sources: ['vue', '@vue/reactivity', '@vue/runtime-core', '@vue/composition-api', 'vue-demi'],
    makers: [{ call: 'ref' }, { call: 'reactive' }, { call: 'shallowRef' }, { call: 'shallowReactive' }],
    writers: [
      'push',
      'unshift',
      'splice',
      'set',
      'add',
      'delete',
      'clear',
      'value.push',
      'value.unshift',
      'value.splice',
      'value.set',
      'value.add',
      'value.delete',
      'value.clear',
    ],
    writtenProperties: ['*'],
    providers: [],
    // `provide(key, state)` in a component's setup hands the module-level state to every descendant.
    handovers: [{ name: 'provide', argument: 1 }],
    hazard:
      "its value is shared by every request the server renders, so one request's writes render into other users' pages",
    fix: "Keep the state per request: Nuxt's `useState('key', () => …)`, a Pinia store used through the request's `pinia`, or a `ref()` created inside `setup()` / the composable",
  },
  {
    // Pinia's SSR guide: `createPinia()` is called inside the per-request `createApp()` and installed with
    // `app.use(pinia)`; stores are then used through that instance (`useStore(pinia)` outside components).
    id: 'pinia',
    library: 'Pinia',
    instance: 'Pinia instance',
    sources: ['pinia', '@pinia/nuxt'],
    makers: [{ call: 'createPinia' }],
    writers: [],
    writerFunctions: [{ name: 'setActivePinia', argument: 0 }],
    writtenProperties: ['state'],
    providers: [],
    installers: ['use'],
    hazard:
      "every store of it is shared by every request the server renders, so one user's state renders into another user's page",
    fix: 'Call `createPinia()` inside the per-request `createApp()` factory, install it with `app.use(pinia)` and use stores through it (`useStore(pinia)`)',
  },
  {
    // Vuex's SSR guide: the store is made by a factory called inside the per-request `createApp()`; a store made at
    // module scope is "a stateful singleton" shared by every request.
    id: 'vuex',
    library: 'Vuex',
    instance: 'Vuex store',
    sources: ['vuex'],
    makers: [{ call: 'createStore' }, { new: 'Store' }],
    writers: ['commit', 'dispatch', 'replaceState', 'registerModule', 'unregisterModule'],
    providers: [],
    installers: ['use'],
    hazard:
      "its state is shared by every request the server renders, so one request's commits render into other users' pages",
    fix: 'Export a `createStore()` factory and call it inside the per-request `createApp()`, installing the new store with `app.use(store)`',
  },
  {
    // Svelte stores made at module scope are one per server process; SvelteKit's docs ("State management") warn
    // against writing them during SSR (in `load`, hooks or component script) and give context stores instead.
    id: 'svelte-store',
    library: 'Svelte',
    instance: 'store',
    sources: ['svelte/store'],
    makers: [{ call: 'writable' }],
    writers: ['set', 'update'],
    providers: [],
    hazard:
      "its value is shared by every request the server renders, so one user's data written during a render shows up in other users' pages",
    fix: 'Return the data from `load` and read it from `data` / `page.data`, or create the store per request inside a component and share it with `setContext`',
  },
  {
    // svelte-i18n keeps the active locale in the library's own module-level `locale` store; its SSR notes set the
    // locale per request only in the browser (`if (browser)`) and read the request's language from `event.locals`.
    id: 'svelte-i18n',
    library: 'svelte-i18n',
    instance: 'locale store',
    sources: ['svelte-i18n'],
    makers: [],
    globals: { exports: [['locale'], ['dictionary']] },
    writers: ['set', 'update'],
    writesNeedRequestData: true,
    providers: [],
    hazard:
      'the active locale is shared by every request the server handles, so a concurrent request switches the language of a render in progress',
    fix: 'Keep the request locale in `event.locals` and format with it on the server (or set the store only `if (browser)`)',
  },
  {
    // Paraglide JS compiles its runtime into the project (`src/lib/paraglide/runtime.js`). With the default
    // `globalVariable` strategy the locale is one module variable, so `setLocale()` on the server (v1:
    // `setLanguageTag()`) switches it for every request in flight; its SSR docs register an AsyncLocalStorage
    // (`overwriteServerAsyncLocalStorage`, done by `paraglideMiddleware`) so that the locale is per request.
    id: 'paraglide',
    library: 'Paraglide',
    instance: 'locale',
    sources: [],
    generatedSources: /(?:^|\/)paraglide\/runtime(?:\.[cm]?[jt]s)?$/u,
    makers: [],
    globals: { exports: [[]] },
    writers: ['setLocale', 'setLanguageTag'],
    writesNeedRequestData: true,
    isolatedBy: ['overwriteServerAsyncLocalStorage', 'paraglideMiddleware'],
    providers: [],
    hazard:
      'the locale is one module variable of the generated runtime, so a concurrent request switches the language of a render in progress',
    fix: 'Run each request inside `paraglideMiddleware()` (or register an AsyncLocalStorage with `overwriteServerAsyncLocalStorage()`), so that `setLocale()` and `getLocale()` on the server are per request',
  },
];

/** A callback that a library only ever calls in the browser: effects, event handlers, mount hooks, client fetchers. */
export interface ClientOnlyCallback {
  sources: readonly string[];
  /** Imported names (`default` for the default export): `useEffect`, and `React.useEffect` through the namespace. */
  names: readonly string[];
  /** The argument that holds the callback. */
  argument: number;
  /** When set, the callback is a property of the options object at `argument` (`useQuery({ queryFn })`). */
  options?: readonly string[];
}

const REACT_SOURCES = ['react', 'preact/hooks', 'preact/compat', 'preact'];
const SOLID_SOURCES = ['solid-js'];
const QWIK_SOURCES = ['@builder.io/qwik', '@qwik.dev/core'];
// `select`, `initialData` and `placeholderData` can run while rendering on the server; the fetcher does not.
const QUERY_OPTIONS = ['queryFn'];
const MUTATION_OPTIONS = ['mutationFn', 'onMutate', 'onSuccess', 'onError', 'onSettled'];

export const CLIENT_ONLY_CALLBACKS: readonly ClientOnlyCallback[] = [
  // React runs effects, imperative handles and external-store subscriptions only after mounting in the browser.
  {
    sources: REACT_SOURCES,
    names: ['useEffect', 'useLayoutEffect', 'useInsertionEffect', 'useEffectEvent'],
    argument: 0,
  },
  { sources: REACT_SOURCES, names: ['useImperativeHandle'], argument: 1 },
  { sources: REACT_SOURCES, names: ['useSyncExternalStore'], argument: 0 },
  // Solid runs mount hooks and effects in the browser only.
  { sources: SOLID_SOURCES, names: ['onMount', 'createEffect'], argument: 0 },
  // Qwik's visible tasks run only in the browser (useTask$ runs on the server too).
  { sources: QWIK_SOURCES, names: ['useVisibleTask$'], argument: 0 },
  // TanStack Query fetches non-suspense queries and runs mutations only in the browser.
  {
    sources: TANSTACK_QUERY_SOURCES,
    names: ['useQuery', 'useInfiniteQuery', 'useQueries', 'createQuery', 'createInfiniteQuery'],
    argument: 0,
    options: QUERY_OPTIONS,
  },
  // Positional forms of react-query v3/v4: useQuery(key, fetcher, options).
  { sources: TANSTACK_QUERY_SOURCES, names: ['useQuery', 'useInfiniteQuery'], argument: 1 },
  {
    sources: TANSTACK_QUERY_SOURCES,
    names: ['useMutation', 'createMutation'],
    argument: 0,
    options: MUTATION_OPTIONS,
  },
  { sources: TANSTACK_QUERY_SOURCES, names: ['useMutation'], argument: 1, options: MUTATION_OPTIONS },
  // Vue and Svelte run mount and update hooks only in the browser; Angular's after-render hooks likewise.
  {
    sources: ['vue', '@vue/runtime-core', '@vue/composition-api', 'vue-demi'],
    names: ['onMounted', 'onBeforeMount', 'onUpdated', 'onBeforeUpdate', 'onActivated', 'onDeactivated'],
    argument: 0,
  },
  { sources: ['#app', '#imports', 'nuxt/app'], names: ['onNuxtReady'], argument: 0 },
  { sources: ['svelte'], names: ['onMount', 'afterUpdate', 'beforeUpdate'], argument: 0 },
  { sources: ['@angular/core'], names: ['afterNextRender', 'afterRender', 'afterEveryRender'], argument: 0 },
  // SWR does not fetch during server rendering; its fetcher runs in the browser.
  { sources: ['swr', 'swr/infinite', 'swr/mutation'], names: ['default', 'useSWR', 'useSWRInfinite'], argument: 1 },
];

/** JSX attributes whose functions the browser calls: event handlers, callback refs, client form actions. */
export const CLIENT_ONLY_ATTRIBUTE = /^(?:on[A-Z].*|ref|action|formAction)$/u;

/** Which side a test is true on: `browser` for `typeof window !== 'undefined'`, `server` for `isServer`. */
export type RenderSide = 'browser' | 'server';

/** Imported flags that say where code runs. */
export interface EnvironmentFlag {
  sources: readonly string[];
  name: string;
  /** The side on which the flag is true. */
  side: RenderSide;
  /** A hook whose result is the flag (`const isClient = useIsClient()`). */
  call?: boolean;
}

export const ENVIRONMENT_FLAGS: readonly EnvironmentFlag[] = [
  { sources: TANSTACK_QUERY_SOURCES, name: 'isServer', side: 'server' },
  { sources: ['solid-js/web'], name: 'isServer', side: 'server' },
  { sources: [...QWIK_SOURCES.map((source) => `${source}/build`)], name: 'isServer', side: 'server' },
  { sources: [...QWIK_SOURCES.map((source) => `${source}/build`)], name: 'isBrowser', side: 'browser' },
  { sources: ['esm-env'], name: 'BROWSER', side: 'browser' },
  { sources: ['esm-env'], name: 'SSR', side: 'server' },
  { sources: ['$app/environment'], name: 'browser', side: 'browser' },
  { sources: ['std-env'], name: 'isBrowser', side: 'browser' },
  // Hooks that are false while rendering on the server and true once mounted in the browser.
  { sources: ['usehooks-ts', '@uidotdev/usehooks'], name: 'useIsClient', side: 'browser', call: true },
];

/** Globals that exist only in the browser: `typeof window !== 'undefined'` is true there and nowhere else. */
export const BROWSER_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage']);

/**
 * Build-time flags (member paths) that say where code runs: Vite's `import.meta.env.SSR`, Nuxt's
 * `import.meta.client`/`import.meta.server` and the older `process.client`/`process.server`, webpack's `process.browser`.
 */
export const ENVIRONMENT_MEMBERS: ReadonlyMap<string, RenderSide> = new Map([
  ['import.meta.env.SSR', 'server'],
  ['import.meta.server', 'server'],
  ['import.meta.client', 'browser'],
  ['import.meta.browser', 'browser'],
  ['process.server', 'server'],
  ['process.client', 'browser'],
  ['process.browser', 'browser'],
]);

/**
 * Library callbacks that the server calls once per request: the libraries' own per-request factories. Whatever
 * they hand out is handed to that request's render, so returning a module-level instance from one shares it.
 */
export interface PerRequestCallback {
  sources: readonly string[];
  /** The function that takes the callback. */
  name: string;
  argument: number;
  /** The callback is this property of the options object at `argument`. */
  option?: string;
  /** For messages: `tRPC \`config\``. */
  label: string;
}

export const PER_REQUEST_CALLBACKS: readonly PerRequestCallback[] = [
  // tRPC's Next.js integration calls `config` for every server-side render to build that request's clients.
  {
    sources: ['@trpc/next'],
    name: 'createTRPCNext',
    argument: 0,
    option: 'config',
    label: 'tRPC `createTRPCNext` config',
  },
  {
    sources: [
      '@apollo/experimental-nextjs-app-support',
      '@apollo/experimental-nextjs-app-support/rsc',
      '@apollo/client-integration-nextjs',
    ],
    name: 'registerApolloClient',
    argument: 0,
    label: 'Apollo `registerApolloClient` factory',
  },
  { sources: ['next-intl/server'], name: 'getRequestConfig', argument: 0, label: 'next-intl `getRequestConfig`' },
];
