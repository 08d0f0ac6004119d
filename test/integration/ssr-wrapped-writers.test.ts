// A library's own process-wide instance written through a project helper, linted as a user lints it (the real
// ESLint class, real files): a SvelteKit hook written in its own module (typed `Handle`) calls the app's
// `setLocale()` wrapper, which hands the request's locale to the runtime that Paraglide generates into the project.
// Each reported shape sits next to a quiet twin: the runtime made per request with an AsyncLocalStorage, a constant
// locale, a wrapper that ignores its argument, a hook that is not typed as one.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

const SVELTEKIT_APP = JSON.stringify({
  name: 'shop',
  private: true,
  devDependencies: { '@sveltejs/kit': '2.0.0', svelte: '5.0.0', '@inlang/paraglide-js': '2.0.0' },
});

// What the generated runtime exports, in a few lines (the real one is written by the compiler at build time).
const RUNTIME = `let current = 'en';
let storage;
export const getLocale = () => storage?.getStore()?.locale ?? current;
export const setLocale = (value, options) => { current = value; };
export const overwriteServerAsyncLocalStorage = (value) => { storage = value; };
`;

const WRAPPER = `import { setLocale as setRuntimeLocale } from '$lib/paraglide/runtime.js';
const known = ['en', 'de', 'fr'];
function pick(value: string) {
  return known.includes(value) ? value : 'en';
}
export const setLocale = (value: string) => {
  const chosen = pick(value);
  setRuntimeLocale(chosen, { reload: false });
  return chosen;
};
export const resetLocale = (_value: string) => {
  setRuntimeLocale('en', { reload: false });
};
`;

const HOOK = `import type { Handle } from '@sveltejs/kit';
import { setLocale } from '$lib/i18n/locale';
export const handle: Handle = async ({ event, resolve }) => {
  const locale = setLocale(event.cookies.get('lang') ?? 'en');
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};
`;

async function ssrMessagesOf(root: string, file: string): Promise<string[]> {
  const [result] = await eslintIn(root).lintFiles([path.join(root, file)]);
  return result.messages
    .filter((message) => message.ruleId === 'handler-state/no-shared-ssr-instance' || message.fatal)
    .map((message) => `${message.line}:${message.column} ${message.message}`);
}

function project(files: Record<string, string>): string {
  return makeProject({
    'package.json': SVELTEKIT_APP,
    'src/lib/paraglide/runtime.js': RUNTIME,
    'src/lib/i18n/locale.ts': WRAPPER,
    ...files,
  });
}

describe('a library instance written through a project helper', () => {
  it('reports a typed hook that sets the generated runtime locale from the request through a wrapper', async () => {
    const root = project({ 'src/lib/i18n/handle.ts': HOOK });
    const messages = await ssrMessagesOf(root, 'src/lib/i18n/handle.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^4:18 `handle` writes `locale` with `setLocale\(\)` per request, one locale \(Paraglide\)/u,
    );
    expect(messages[0]).toContain('paraglideMiddleware()');
  });

  it('reports the runtime setter called directly in hooks.server', async () => {
    const root = project({
      'src/hooks.server.ts': `import { setLocale } from '$lib/paraglide/runtime.js';
export const handle = async ({ event, resolve }) => {
  setLocale(event.request.headers.get('accept-language') ?? 'en');
  return resolve(event);
};
`,
    });
    expect(await ssrMessagesOf(root, 'src/hooks.server.ts')).toEqual([
      expect.stringMatching(/^3:3 `handle` writes `locale` with `setLocale\(\)` per request/u),
    ]);
  });

  it('is quiet once the hook module registers an AsyncLocalStorage with the runtime', async () => {
    const root = project({
      'src/lib/i18n/handle.ts': `import type { Handle } from '@sveltejs/kit';
import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime.js';
import { setLocale } from '$lib/i18n/locale';
const storage = new AsyncLocalStorage<{ locale: string }>();
overwriteServerAsyncLocalStorage(storage);
export const handle: Handle = async ({ event, resolve }) => {
  const locale = setLocale(event.cookies.get('lang') ?? 'en');
  return storage.run({ locale }, () => resolve(event));
};
`,
    });
    expect(await ssrMessagesOf(root, 'src/lib/i18n/handle.ts')).toEqual([]);
  });

  it('reports the wrapper module linted on its own when a hook calls it per request', async () => {
    const root = project({ 'src/lib/i18n/handle.ts': HOOK });
    expect(await ssrMessagesOf(root, 'src/lib/i18n/locale.ts')).toEqual([
      expect.stringMatching(/^8:3 `setLocale` writes `locale` with `setLocale\(\)` per request/u),
    ]);
  });

  it('is quiet in the wrapper module when the hook that calls it registers an AsyncLocalStorage', async () => {
    const root = project({
      'src/lib/i18n/handle.ts': `import type { Handle } from '@sveltejs/kit';
import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage } from '$lib/paraglide/runtime.js';
import { setLocale } from '$lib/i18n/locale';
const storage = new AsyncLocalStorage<{ locale: string }>();
overwriteServerAsyncLocalStorage(storage);
export const handle: Handle = async ({ event, resolve }) => {
  const locale = setLocale(event.cookies.get('lang') ?? 'en');
  return storage.run({ locale }, () => resolve(event));
};
`,
    });
    expect(await ssrMessagesOf(root, 'src/lib/i18n/locale.ts')).toEqual([]);
  });

  it('is quiet when the wrapper module itself registers the storage', async () => {
    const root = project({
      'src/lib/i18n/locale.ts': `import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage, setLocale as setRuntimeLocale } from '$lib/paraglide/runtime.js';
overwriteServerAsyncLocalStorage(new AsyncLocalStorage());
export const setLocale = (value: string) => {
  setRuntimeLocale(value, { reload: false });
  return value;
};
`,
      'src/lib/i18n/handle.ts': HOOK,
    });
    expect(await ssrMessagesOf(root, 'src/lib/i18n/handle.ts')).toEqual([]);
  });

  it('is quiet when the wrapper writes a constant, whatever it is called with', async () => {
    const root = project({
      'src/lib/i18n/handle.ts': `import type { Handle } from '@sveltejs/kit';
import { resetLocale } from '$lib/i18n/locale';
export const handle: Handle = async ({ event, resolve }) => {
  resetLocale(event.cookies.get('lang') ?? 'en');
  return resolve(event);
};
`,
    });
    expect(await ssrMessagesOf(root, 'src/lib/i18n/handle.ts')).toEqual([]);
  });

  it('is quiet when the hook passes a constant to the wrapper', async () => {
    const root = project({
      'src/lib/i18n/handle.ts': `import type { Handle } from '@sveltejs/kit';
import { setLocale } from '$lib/i18n/locale';
export const handle: Handle = async ({ event, resolve }) => {
  setLocale('en');
  return resolve(event);
};
`,
    });
    expect(await ssrMessagesOf(root, 'src/lib/i18n/handle.ts')).toEqual([]);
  });

  it('is quiet in a module whose exported function is not typed as a SvelteKit hook', async () => {
    const root = project({
      'src/lib/i18n/handle.ts': `import { setLocale } from '$lib/i18n/locale';
export const handle = async ({ event, resolve }) => {
  setLocale(event.cookies.get('lang') ?? 'en');
  return resolve(event);
};
`,
    });
    expect(await ssrMessagesOf(root, 'src/lib/i18n/handle.ts')).toEqual([]);
  });

  it('reports the same wrapper shape for the global i18next instance', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({
        name: 'web',
        private: true,
        dependencies: { next: '15.0.0', i18next: '23.0.0' },
      }),
      'lib/language.ts': `import i18next from 'i18next';
export async function useLanguage(lang: string) {
  await i18next.changeLanguage(lang);
}
`,
      'pages/index.tsx': `import { useLanguage } from '../lib/language';
export async function getServerSideProps({ req }) {
  await useLanguage(req.headers['accept-language']);
  return { props: {} };
}
export default function Home() { return null; }
`,
    });
    expect(await ssrMessagesOf(root, 'pages/index.tsx')).toEqual([
      expect.stringMatching(/^3:9 `getServerSideProps` writes `i18next instance` with `useLanguage\(\)` per request/u),
    ]);
  });
});

const NEXT_PAGES_APP = JSON.stringify({
  name: 'gallery',
  private: true,
  dependencies: { next: '14.0.0', react: '18.0.0', '@apollo/client': '3.8.0' },
});

const APOLLO_DEFAULT = `import { ApolloClient, InMemoryCache } from '@apollo/client';
const client = new ApolloClient({ uri: 'https://api.example.test/graphql', cache: new InMemoryCache(), ssrMode: true });
export default client;
export function createClient() {
  return new ApolloClient({ uri: 'https://api.example.test/graphql', cache: new InMemoryCache(), ssrMode: true });
}
`;

describe('a default-exported instance and getServerSideProps written outside pages/', () => {
  it('reports a page that queries the default-exported module-level client per request', async () => {
    const root = makeProject({
      'package.json': NEXT_PAGES_APP,
      'lib/apollo.ts': APOLLO_DEFAULT,
      'pages/index.tsx': `import client from '../lib/apollo';
export async function getServerSideProps() {
  const { data } = await client.query({ query: LATEST });
  return { props: { data } };
}
export default function Home() { return null; }
`,
    });
    expect(await ssrMessagesOf(root, 'pages/index.tsx')).toEqual([
      expect.stringMatching(/^3:26 `getServerSideProps` writes `client` with `query\(\)` per request/u),
    ]);
  });

  it('is quiet when the page makes a client per request with the module factory', async () => {
    const root = makeProject({
      'package.json': NEXT_PAGES_APP,
      'lib/apollo.ts': APOLLO_DEFAULT,
      'pages/index.tsx': `import { createClient } from '../lib/apollo';
export async function getServerSideProps() {
  const { data } = await createClient().query({ query: LATEST });
  return { props: { data } };
}
export default function Home() { return null; }
`,
    });
    expect(await ssrMessagesOf(root, 'pages/index.tsx')).toEqual([]);
  });

  it('reports a helper typed GetServerSideProps outside pages/ that queries the shared client', async () => {
    const root = makeProject({
      'package.json': NEXT_PAGES_APP,
      'lib/apollo.ts': APOLLO_DEFAULT,
      'lib/props/article.ts': `import type { GetServerSideProps } from 'next';
import client from '../apollo';
export const articleProps: GetServerSideProps = async ({ params }) => {
  const { data } = await client.query({ query: ARTICLE, variables: { id: params?.id } });
  return { props: { article: data.article } };
};
`,
    });
    expect(await ssrMessagesOf(root, 'lib/props/article.ts')).toEqual([
      expect.stringMatching(/^4:26 `articleProps` writes `client` with `query\(\)` per request/u),
    ]);
  });

  it('is quiet for the same helper when it is not typed as getServerSideProps', async () => {
    const root = makeProject({
      'package.json': NEXT_PAGES_APP,
      'lib/apollo.ts': APOLLO_DEFAULT,
      'lib/props/article.ts': `import client from '../apollo';
export const articleProps = async ({ params }) => {
  const { data } = await client.query({ query: ARTICLE, variables: { id: params?.id } });
  return { props: { article: data.article } };
};
`,
    });
    expect(await ssrMessagesOf(root, 'lib/props/article.ts')).toEqual([]);
  });
});
