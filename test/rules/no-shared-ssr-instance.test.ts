// RuleTester suite for no-shared-ssr-instance: module-scope instances of per-request libraries reached by
// server-rendered or request-time code, each library row with its reported and its documented safe shapes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SSR_INSTANCE_TABLE } from '../../src/analysis/leaks/ssr-tables.js';
import rule from '../../src/rules/no-shared-ssr-instance.js';
import { ruleTester } from '../rule-tester.js';
import { caseBuilders } from '../helpers/cases.js';
import { lintFile } from '../helpers/lint.js';
import { dedent } from '../helpers/source.js';

const { bad: badCase, good: goodCase } = caseBuilders('sharedInstance');
const PROJECTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ssr');

/** A file inside one of the fixture projects (test/fixtures/ssr/<project>), so its package.json is the project's. */
export function inProject(project: string, file: string): string {
  return path.join(PROJECTS, project, ...file.split('/'));
}

const JSX = { languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } };
type Extra = Parameters<typeof badCase>[3];
const bad = (name: string, file: string, code: string, sites: Parameters<typeof badCase>[2], extra: Extra = {}) =>
  badCase(name, dedent(code), sites, { filename: file, ...JSX, ...extra });
const good = (name: string, file: string, code: string, extra: Extra = {}) =>
  goodCase(name, dedent(code), { filename: file, ...JSX, ...extra });
const use = (at: string) => ({ at, messageId: 'sharedInstanceUse' });

const NEXT_PROVIDERS = inProject('next', 'app/providers.tsx');
const NEXT_PAGE = inProject('next', 'app/orders/[id]/page.tsx');

ruleTester.run('no-shared-ssr-instance', rule as never, {
  valid: [
    // svelte-i18n: the request's locale kept per request, or a constant locale set once
    good(
      'a server hook that keeps the locale in event.locals',
      inProject('sveltekit-i18n', 'src/hooks.server.ts'),
      `
      import { locale } from 'svelte-i18n';
      export const handle = async ({ event, resolve }) => {
        event.locals.lang = event.request.headers.get('accept-language') ?? 'en';
        return resolve(event);
      };
      locale.set('en');
      `,
    ),
    good(
      'a server hook that sets a constant locale',
      inProject('sveltekit-i18n', 'src/hooks.server.ts'),
      `
      import { locale } from 'svelte-i18n';
      export const handle = async ({ event, resolve }) => {
        locale.set('en');
        return resolve(event);
      };
      `,
    ),
    // TanStack Query: the documented safe shapes
    good(
      'QueryClient made once per provider instance with useState',
      NEXT_PROVIDERS,
      `
      'use client';
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      import { useState } from 'react';
      export function Providers({ children }) {
        const [queryClient] = useState(() => new QueryClient());
        return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
      }
      `,
    ),
    good(
      'getQueryClient(): a new client when isServer, one browser client otherwise',
      NEXT_PROVIDERS,
      `
      'use client';
      import { QueryClient, QueryClientProvider, isServer } from '@tanstack/react-query';
      function makeQueryClient() {
        return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
      }
      let browserQueryClient = undefined;
      function getQueryClient() {
        if (isServer) {
          return makeQueryClient();
        } else {
          if (!browserQueryClient) browserQueryClient = makeQueryClient();
          return browserQueryClient;
        }
      }
      export function Providers({ children }) {
        const queryClient = getQueryClient();
        return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
      }
      `,
    ),
    good(
      'getQueryClient() with the browser branch behind typeof window and an early return on the server',
      NEXT_PROVIDERS,
      `
      'use client';
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      let browserClient;
      function getQueryClient() {
        if (typeof window === 'undefined') return new QueryClient();
        return (browserClient ??= new QueryClient());
      }
      export function Providers({ children }) {
        return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
      }
      `,
    ),
    good(
      "React cache(): one client per server request, shared only within that request's render",
      inProject('next', 'app/get-query-client.ts'),
      `
      import { QueryClient } from '@tanstack/react-query';
      import { cache } from 'react';
      export const getQueryClient = cache(() => new QueryClient());
      `,
    ),
    good(
      'a server component that makes its client inside the render and prefetches into it',
      NEXT_PAGE,
      `
      import { QueryClient, dehydrate, HydrationBoundary } from '@tanstack/react-query';
      export default async function OrderPage({ params }) {
        const queryClient = new QueryClient();
        await queryClient.prefetchQuery({ queryKey: ['order', params.id], queryFn: () => load(params.id) });
        return <HydrationBoundary state={dehydrate(queryClient)}><Order id={params.id} /></HydrationBoundary>;
      }
      `,
    ),
    good(
      'a module-level client used only in an effect and a click handler',
      inProject('next', 'app/refresh-button.tsx'),
      `
      'use client';
      import { QueryClient } from '@tanstack/react-query';
      import { useEffect } from 'react';
      const queryClient = new QueryClient();
      export function RefreshButton({ id }) {
        useEffect(() => {
          queryClient.prefetchQuery({ queryKey: ['order', id], queryFn: () => load(id) });
        }, [id]);
        return <button onClick={() => queryClient.setQueryData(['order', id], null)}>Refresh</button>;
      }
      `,
    ),
    good(
      'a module-level client in a Vite single-page app: nothing renders it on a server',
      inProject('vite-spa', 'src/main.tsx'),
      `
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      const queryClient = new QueryClient();
      export function App() {
        return <QueryClientProvider client={queryClient}><Routes /></QueryClientProvider>;
      }
      `,
    ),
    good(
      'a static export (next.config output: export): no server renders per request',
      inProject('next-export', 'app/providers.tsx'),
      `
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      const queryClient = new QueryClient();
      export function Providers({ children }) {
        return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
      }
      `,
    ),
    good(
      'a provider that renders nothing until mounted in the browser',
      NEXT_PROVIDERS,
      `
      'use client';
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      import { useEffect, useState } from 'react';
      const queryClient = new QueryClient();
      export function Providers({ children }) {
        const [mounted, setMounted] = useState(false);
        useEffect(() => setMounted(true), []);
        if (!mounted) return null;
        return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
      }
      `,
    ),
    // Redux, Zustand, Jotai: stores made per request, or only read on the server
    good(
      'Redux makeStore() kept in a ref of the client StoreProvider',
      inProject('next', 'app/store-provider.tsx'),
      `
      'use client';
      import { configureStore } from '@reduxjs/toolkit';
      import { useRef } from 'react';
      import { Provider } from 'react-redux';
      export const makeStore = () => configureStore({ reducer: {} });
      export default function StoreProvider({ children }) {
        const storeRef = useRef(null);
        if (!storeRef.current) storeRef.current = makeStore();
        return <Provider store={storeRef.current}>{children}</Provider>;
      }
      `,
    ),
    good(
      'a module-level Zustand store that server renders only read; its setters run in handlers',
      inProject('next', 'app/cart.tsx'),
      `
      'use client';
      import { create } from 'zustand';
      const useCart = create((set) => ({ items: [], add: (item) => set((s) => ({ items: [...s.items, item] })) }));
      export function Cart() {
        const items = useCart((state) => state.items);
        return <button onClick={() => useCart.getState().add({ id: 1 })}>{items.length}</button>;
      }
      `,
    ),
    good(
      'a Zustand vanilla store created per provider instance',
      inProject('next', 'app/counter-provider.tsx'),
      `
      'use client';
      import { createStore } from 'zustand/vanilla';
      import { createContext, useRef } from 'react';
      export const CounterContext = createContext(null);
      export function CounterProvider({ children }) {
        const store = useRef(createStore(() => ({ count: 0 })));
        return <CounterContext.Provider value={store.current}>{children}</CounterContext.Provider>;
      }
      `,
    ),
    good(
      'a Jotai Provider without a store prop gives each render its own store',
      inProject('next', 'app/atoms.tsx'),
      `
      'use client';
      import { Provider } from 'jotai';
      export function Atoms({ children }) {
        return <Provider>{children}</Provider>;
      }
      `,
    ),
    // i18next, Lingui: an instance per request, or a constant language
    good(
      'i18next.createInstance() inside the server render',
      inProject('next', 'app/[lng]/page.tsx'),
      `
      import i18next from 'i18next';
      export default async function Page({ params }) {
        const { lng } = await params;
        const i18n = i18next.createInstance();
        await i18n.init({ lng, resources: {} });
        return <h1>{i18n.t('title')}</h1>;
      }
      `,
    ),
    good(
      'changeLanguage() with a constant: every request asks for the same language',
      inProject('next', 'app/page.tsx'),
      `
      import i18next from 'i18next';
      export default async function Page() {
        await i18next.changeLanguage('en');
        return <h1>{i18next.t('title')}</h1>;
      }
      `,
    ),
    good(
      'changeLanguage() in the browser only, inside useEffect',
      inProject('next', 'app/i18n-provider.tsx'),
      `
      'use client';
      import i18n from 'i18next';
      import { useEffect } from 'react';
      export function LanguageSync({ lng }) {
        useEffect(() => {
          i18n.changeLanguage(lng);
        }, [lng]);
        return null;
      }
      `,
    ),
    good(
      "Lingui's setupI18n() per request",
      inProject('remix', 'app/entry.server.tsx'),
      `
      import { setupI18n } from '@lingui/core';
      import { I18nProvider } from '@lingui/react';
      import { renderToString } from 'react-dom/server';
      export default async function handleRequest(request, status, headers, context) {
        const locale = request.headers.get('accept-language') ?? 'en';
        const i18n = setupI18n({ locale, messages: {} });
        return new Response(renderToString(<I18nProvider i18n={i18n}><App /></I18nProvider>));
      }
      `,
    ),
    // axios: per-call config, constant defaults at start-up
    good(
      'axios: the token goes into the config of one call',
      inProject('next', 'pages/orders.tsx'),
      `
      import axios from 'axios';
      const api = axios.create({ baseURL: 'https://api.example.com' });
      export async function getServerSideProps({ req }) {
        const { data } = await api.get('/orders', { headers: { Authorization: req.cookies.token } });
        return { props: { orders: data } };
      }
      export default function Orders({ orders }) {
        return <ul>{orders.map((o) => <li key={o.id}>{o.name}</li>)}</ul>;
      }
      `,
    ),
    good(
      'axios defaults set once at module scope',
      inProject('next', 'lib/api.ts'),
      `
      import axios from 'axios';
      axios.defaults.headers.common['X-Client'] = 'web';
      export const api = axios.create({ timeout: 3000 });
      `,
    ),
    // TanStack Start: getRouter() makes the client and router per request
    good(
      'TanStack Start getRouter() makes a QueryClient per request',
      inProject('tanstack-start', 'src/router.tsx'),
      `
      import { QueryClient } from '@tanstack/react-query';
      import { createRouter } from '@tanstack/react-router';
      import { routeTree } from './routeTree.gen';
      export function getRouter() {
        const queryClient = new QueryClient();
        return createRouter({ routeTree, context: { queryClient } });
      }
      `,
    ),
    // Solid: signals read on the server, set by events
    good(
      'a module-level Solid signal set only from a click handler',
      inProject('solid-start', 'src/components/menu.tsx'),
      `
      import { createSignal } from 'solid-js';
      const [open, setOpen] = createSignal(false);
      export function Menu() {
        return <button onClick={() => setOpen(!open())}>{open() ? 'Close' : 'Open'}</button>;
      }
      `,
    ),
    // Sentry: the isolation scope is per request in the frameworks' SDKs
    good(
      'Sentry.setUser() writes the isolation scope the Next.js SDK forks per request',
      inProject('next', 'app/api/me/route.ts'),
      `
      import * as Sentry from '@sentry/nextjs';
      export async function GET(request) {
        Sentry.setUser({ id: request.headers.get('x-user') });
        return Response.json({});
      }
      `,
    ),
  ],
  invalid: [
    bad(
      'a server hook that sets the svelte-i18n locale store from the request',
      inProject('sveltekit-i18n', 'src/hooks.server.ts'),
      `
      import { locale } from 'svelte-i18n';
      export const handle = async ({ event, resolve }) => {
        const lang = event.request.headers.get('accept-language');
        if (lang) locale.set(lang);
        return resolve(event);
      };
      `,
      [use('locale.set(lang)')],
    ),
    // TanStack Query
    bad(
      "module-level QueryClient handed to QueryClientProvider in a 'use client' provider",
      NEXT_PROVIDERS,
      `
      'use client';
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
      export function Providers({ children }) {
        return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
      }
      `,
      ['queryClient = new'],
    ),
    bad(
      'module-level QueryClient prefetched into by a server component',
      NEXT_PAGE,
      `
      import { QueryClient, dehydrate, HydrationBoundary } from '@tanstack/react-query';
      const queryClient = new QueryClient();
      export default async function OrderPage({ params }) {
        await queryClient.prefetchQuery({ queryKey: ['order', params.id], queryFn: () => load(params.id) });
        return <HydrationBoundary state={dehydrate(queryClient)}><Order /></HydrationBoundary>;
      }
      `,
      ['queryClient = new'],
    ),
    bad(
      'getQueryClient() that keeps one client on the server too',
      NEXT_PROVIDERS,
      `
      'use client';
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      let client;
      function getQueryClient() {
        if (!client) client = new QueryClient();
        return client;
      }
      export function Providers({ children }) {
        return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
      }
      `,
      ['client;'],
    ),
    bad(
      'a client imported from another module and handed to the provider',
      inProject('next', 'app/layout.tsx'),
      `
      import { QueryClientProvider } from '@tanstack/react-query';
      import { queryClient } from '../lib/query-client';
      export default function RootLayout({ children }) {
        return <html><body><QueryClientProvider client={queryClient}>{children}</QueryClientProvider></body></html>;
      }
      `,
      [use('client={queryClient}')],
    ),
    bad(
      'pages router _app with a module-level QueryClient',
      inProject('next', 'pages/_app.tsx'),
      `
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      const queryClient = new QueryClient();
      export default function App({ Component, pageProps }) {
        return <QueryClientProvider client={queryClient}><Component {...pageProps} /></QueryClientProvider>;
      }
      `,
      ['queryClient = new'],
    ),
    bad(
      'a module-level QueryClient in a Remix root route',
      inProject('remix', 'app/root.tsx'),
      `
      import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
      import { Outlet } from '@remix-run/react';
      const queryClient = new QueryClient();
      export default function App() {
        return <QueryClientProvider client={queryClient}><Outlet /></QueryClientProvider>;
      }
      `,
      ['queryClient = new'],
    ),
    bad(
      "returned to tRPC's createTRPCNext config, which runs per request",
      inProject('next', 'utils/trpc.ts'),
      `
      import { QueryClient } from '@tanstack/react-query';
      import { createTRPCNext } from '@trpc/next';
      export const queryClient = new QueryClient();
      export const trpc = createTRPCNext({
        config() {
          return { queryClient, links: [] };
        },
        ssr: true,
      });
      `,
      ['queryClient = new'],
    ),
    bad(
      'TanStack Start getRouter() puts a module-level client into every request’s router',
      inProject('tanstack-start', 'src/router.tsx'),
      `
      import { QueryClient } from '@tanstack/react-query';
      import { createRouter } from '@tanstack/react-router';
      import { routeTree } from './routeTree.gen';
      const queryClient = new QueryClient();
      export function getRouter() {
        return createRouter({ routeTree, context: { queryClient } });
      }
      `,
      ['queryClient = new'],
    ),
    bad(
      "Solid Query's client accessor handed to createQuery in a SolidStart component",
      inProject('solid-start', 'src/routes/cart.tsx'),
      `
      import { QueryClient, createQuery } from '@tanstack/solid-query';
      const queryClient = new QueryClient();
      export default function Cart() {
        const cart = createQuery(() => ({ queryKey: ['cart'], queryFn: loadCart }), () => queryClient);
        return <p>{cart.data?.count}</p>;
      }
      `,
      ['queryClient = new'],
    ),
    // Redux
    bad(
      "Redux store created at module scope and given to <Provider> in a 'use client' layout",
      inProject('next', 'app/layout.tsx'),
      `
      'use client';
      import { configureStore } from '@reduxjs/toolkit';
      import { Provider } from 'react-redux';
      const store = configureStore({ reducer: {} });
      export default function RootLayout({ children }) {
        return <html><body><Provider store={store}>{children}</Provider></body></html>;
      }
      `,
      ['store = configureStore'],
    ),
    bad(
      'a store dispatched into by getServerSideProps',
      inProject('next', 'pages/profile.tsx'),
      `
      import { createStore } from 'redux';
      const store = createStore(reducer);
      export async function getServerSideProps({ req }) {
        store.dispatch({ type: 'user/loaded', user: req.cookies.user });
        return { props: { state: store.getState() } };
      }
      export default function Profile() {
        return null;
      }
      `,
      ['store = createStore'],
    ),
    // Zustand, Jotai
    bad(
      'a Zustand store written while rendering on the server',
      inProject('next', 'app/user-badge.tsx'),
      `
      'use client';
      import { create } from 'zustand';
      const useUser = create(() => ({ user: null }));
      export function UserBadge({ user }) {
        useUser.setState({ user });
        return <span>{useUser.getState().user?.name}</span>;
      }
      `,
      ['useUser = create'],
    ),
    bad(
      'a Jotai store made at module scope and given to <Provider store>',
      inProject('next', 'app/atoms.tsx'),
      `
      'use client';
      import { createStore, Provider } from 'jotai';
      const store = createStore();
      export function Atoms({ children }) {
        return <Provider store={store}>{children}</Provider>;
      }
      `,
      ['store = createStore'],
    ),
    bad(
      "Jotai's default store written in a server action",
      inProject('next', 'app/actions.ts'),
      `
      'use server';
      import { getDefaultStore } from 'jotai';
      import { userAtom } from './atoms';
      export async function signIn(form) {
        getDefaultStore().set(userAtom, form.get('user'));
      }
      `,
      [use('getDefaultStore().set')],
    ),
    // Apollo, urql, Relay
    bad(
      "ApolloClient with an InMemoryCache in a 'use client' layout",
      inProject('next', 'app/(shop)/layout.tsx'),
      `
      'use client';
      import { ApolloClient, ApolloProvider, InMemoryCache } from '@apollo/client';
      const client = new ApolloClient({ uri: '/graphql', cache: new InMemoryCache() });
      export default function ShopLayout({ children }) {
        return <ApolloProvider client={client}>{children}</ApolloProvider>;
      }
      `,
      ['client = new'],
    ),
    bad(
      'a module-level ApolloClient queried by server actions',
      inProject('next', 'app/functions/graphql.ts'),
      `
      'use server';
      import { ApolloClient, InMemoryCache, gql } from '@apollo/client';
      const client = new ApolloClient({ uri: 'http://localhost:4000', cache: new InMemoryCache() });
      export async function getShoe(id) {
        const { data } = await client.query({ query: gql\`query { shoe }\`, variables: { id } });
        return data;
      }
      export async function saveShoe(shoe) {
        await client.mutate({ mutation: gql\`mutation { save }\`, variables: { shoe } });
      }
      `,
      ['client = new'],
    ),
    bad(
      'a module-level InMemoryCache given to a client made per request',
      inProject('next', 'lib/apollo.ts'),
      `
      import { ApolloClient, InMemoryCache } from '@apollo/client';
      import { registerApolloClient } from '@apollo/client-integration-nextjs';
      const cache = new InMemoryCache();
      export const { getClient } = registerApolloClient(() => new ApolloClient({ cache, uri: '/graphql' }));
      `,
      ['cache = new'],
    ),
    bad(
      "urql's client and ssrExchange made at module scope of a 'use client' layout",
      inProject('next', 'app/non-rsc/layout.tsx'),
      `
      'use client';
      import { UrqlProvider, ssrExchange, cacheExchange, fetchExchange, createClient } from '@urql/next';
      const ssr = ssrExchange({ isClient: typeof window !== 'undefined' });
      const client = createClient({ url: '/graphql', exchanges: [cacheExchange, ssr, fetchExchange], suspense: true });
      export default function Layout({ children }) {
        return <UrqlProvider client={client} ssr={ssr}>{children}</UrqlProvider>;
      }
      `,
      ['ssr = ssrExchange', 'client = createClient'],
    ),
    bad(
      'a Relay environment given to RelayEnvironmentProvider in a Remix route component',
      inProject('remix', 'app/routes/feed.tsx'),
      `
      import { Environment, Network, RecordSource, Store } from 'relay-runtime';
      import { RelayEnvironmentProvider } from 'react-relay';
      const environment = new Environment({ network: Network.create(fetchGraphQL), store: new Store(new RecordSource()) });
      export default function Feed() {
        return <RelayEnvironmentProvider environment={environment}><Stories /></RelayEnvironmentProvider>;
      }
      `,
      ['environment = new'],
    ),
    // i18next, Lingui
    bad(
      "a server page re-initialises the global i18next instance with the route's language",
      inProject('next', 'app/[lng]/page.tsx'),
      `
      import i18next from 'i18next';
      export default async function Page({ params }) {
        const { lng } = await params;
        await i18next.init({ lng, fallbackLng: 'en', resources: {} });
        return <h1>{i18next.t('title')}</h1>;
      }
      `,
      [use('i18next.init')],
    ),
    bad(
      'changeLanguage() imported by name, called with the request language in a route handler',
      inProject('next', 'app/api/forms/[id]/route.ts'),
      `
      import { changeLanguage, t } from 'i18next';
      export async function GET(request, { params }) {
        await changeLanguage(request.headers.get('accept-language'));
        return Response.json({ title: t('form.title') });
      }
      `,
      [use('changeLanguage(request')],
    ),
    bad(
      'the global i18next instance set up at module scope and handed to I18nextProvider',
      inProject('next', 'i18n/client.tsx'),
      `
      'use client';
      import i18n from 'i18next';
      import { I18nextProvider, initReactI18next } from 'react-i18next';
      i18n.use(initReactI18next).init({ fallbackLng: 'en', resources: {} });
      export function I18nProvider({ children }) {
        return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
      }
      `,
      ['i18n.use'],
    ),
    bad(
      "Lingui's global i18n activated with the request's locale in a Remix loader",
      inProject('remix', 'app/routes/certificate.tsx'),
      `
      import { i18n } from '@lingui/core';
      export async function loader({ params }) {
        await i18n.loadAndActivate({ locale: params.lang, messages: {} });
        return { title: i18n._('Certificate') };
      }
      `,
      [use('i18n.loadAndActivate')],
    ),
    // axios
    bad(
      "a module-level axios instance's default Authorization header set from the request's cookie",
      inProject('next', 'pages/dashboard.tsx'),
      `
      import axios from 'axios';
      const api = axios.create({ baseURL: 'https://api.example.com' });
      export async function getServerSideProps({ req }) {
        api.defaults.headers.common.Authorization = req.cookies.token;
        const { data } = await api.get('/me');
        return { props: { me: data } };
      }
      export default function Dashboard() {
        return null;
      }
      `,
      // One axios instance is fine to share; the per-request write is the leak, reported where it is made.
      [use('api.defaults.headers.common.Authorization =')],
    ),
    bad(
      'the global axios defaults written per request',
      inProject('next', 'pages/resources.tsx'),
      `
      import axios from 'axios';
      export async function getServerSideProps({ req }) {
        axios.defaults.headers.common['Authorization'] = req.headers.authorization;
        return { props: {} };
      }
      export default function Resources() {
        return null;
      }
      `,
      [use("axios.defaults.headers.common['Authorization'] =")],
    ),
    // Routers
    bad(
      'a module-level TanStack router navigated by a server function',
      inProject('tanstack-start', 'src/server/nav.ts'),
      `
      import { createRouter } from '@tanstack/react-router';
      import { createServerFn } from '@tanstack/react-start';
      const router = createRouter({ routeTree });
      export const go = createServerFn().handler(async ({ data }) => {
        await router.navigate({ to: data.path });
      });
      `,
      ['router = createRouter'],
    ),
    // Sentry
    bad(
      "Sentry's global scope given the request's user in a route handler",
      inProject('next', 'app/api/me/route.ts'),
      `
      import * as Sentry from '@sentry/nextjs';
      export async function GET(request) {
        Sentry.getGlobalScope().setUser({ id: request.headers.get('x-user') });
        return Response.json({});
      }
      `,
      [use('Sentry.getGlobalScope().setUser')],
    ),
    // Solid
    bad(
      'a module-level Solid signal set while SolidStart renders a route',
      inProject('solid-start', 'src/routes/account.tsx'),
      `
      import { createSignal } from 'solid-js';
      const [user, setUser] = createSignal(null);
      export default function Account(props) {
        setUser(props.user);
        return <p>{user()?.name}</p>;
      }
      `,
      ['[user, setUser]'],
    ),
  ],
});

describe('no-shared-ssr-instance messages', () => {
  it('names the instance, who reaches it and how, the hazard and the documented fix', () => {
    const messages = lintFile(
      rule,
      NEXT_PROVIDERS,
      dedent(`
        'use client';
        import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
        const queryClient = new QueryClient();
        export function Providers({ children }) {
          return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
        }
      `),
    );
    expect(messages.map((message) => message.message)).toEqual([
      '`queryClient` is one QueryClient (TanStack Query) for the whole server process, and `Providers` hands it to ' +
        '`<QueryClientProvider client>` while rendering on the server; ' +
        SSR_INSTANCE_TABLE.find((row) => row.id === 'tanstack-query')!.hazard +
        '. ' +
        SSR_INSTANCE_TABLE.find((row) => row.id === 'tanstack-query')!.fix +
        '.',
    ]);
  });

  it('counts the other places an instance is reached', () => {
    const messages = lintFile(
      rule,
      inProject('next', 'pages/profile.tsx'),
      dedent(`
        import { createStore } from 'redux';
        const store = createStore(reducer);
        export async function getServerSideProps({ req }) {
          store.dispatch({ type: 'a', user: req.cookies.user });
          store.dispatch({ type: 'b' });
          return { props: {} };
        }
      `),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].message).toContain(
      '`getServerSideProps` writes it with `dispatch()` per request (and in 1 more place)',
    );
  });
});
