// Shared instances reached through importers, linted as a user lints them (the real ESLint class, real files): a
// library or store module makes one instance at module scope, and the server-rendered files that import it hand it
// to a provider or call the module's helpers per render. The finding is reported in the module that makes the
// instance (where the fix goes), naming the importer; quiet twins keep the instance behind a per-request factory or
// call the helper only in the browser.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eslintIn } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

const NEXT_APP = JSON.stringify({
  name: 'web',
  private: true,
  dependencies: { next: '15.0.0', react: '19.0.0', '@tanstack/react-query': '5.0.0', i18next: '23.0.0' },
});

const QUERY_MODULE = `import { QueryClient } from '@tanstack/react-query';
export const queryClient = new QueryClient();
`;

const PROVIDERS = `'use client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from '../lib/query-client';
export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
`;

const I18N_MODULE = `import i18next from 'i18next';
i18next.init({ fallbackLng: 'en', resources: {} });
export async function useLocale(lang: string) {
  await i18next.changeLanguage(lang);
  return i18next;
}
`;

async function ssrMessagesOf(root: string, file: string): Promise<string[]> {
  const [result] = await eslintIn(root).lintFiles([path.join(root, file)]);
  return result.messages
    .filter((message) => message.ruleId === 'handler-state/no-shared-ssr-instance' || message.fatal)
    .map((message) => `${message.line}:${message.column} ${message.message}`);
}

describe('no-shared-ssr-instance through importers', () => {
  it('reports a module-level QueryClient in its own module when a server-rendered importer hands it over', async () => {
    const root = makeProject({
      'package.json': NEXT_APP,
      'lib/query-client.ts': QUERY_MODULE,
      'app/providers.tsx': PROVIDERS,
    });
    const messages = await ssrMessagesOf(root, 'lib/query-client.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^2:14 `queryClient` is one QueryClient \(TanStack Query\)/u);
    expect(messages[0]).toContain('`Providers` in ../app/providers.tsx');
    // The hand-over itself is reported in the importer too.
    expect(await ssrMessagesOf(root, 'app/providers.tsx')).toEqual([
      expect.stringMatching(/^5:31 `Providers` hands `queryClient`/u),
    ]);
  });

  it('stays quiet when the module hands out a new client per server request', async () => {
    const root = makeProject({
      'package.json': NEXT_APP,
      'lib/query-client.ts': `import { QueryClient, isServer } from '@tanstack/react-query';
let browserClient: QueryClient | undefined;
export function getQueryClient() {
  if (isServer) return new QueryClient();
  if (!browserClient) browserClient = new QueryClient();
  return browserClient;
}
`,
      'app/providers.tsx': `'use client';
import { QueryClientProvider } from '@tanstack/react-query';
import { getQueryClient } from '../lib/query-client';
export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
`,
    });
    expect(await ssrMessagesOf(root, 'lib/query-client.ts')).toEqual([]);
    expect(await ssrMessagesOf(root, 'app/providers.tsx')).toEqual([]);
  });

  it('stays quiet when no server-rendered file imports the module', async () => {
    const root = makeProject({
      'package.json': NEXT_APP,
      'lib/query-client.ts': QUERY_MODULE,
      'scripts/warm.ts': `import { queryClient } from '../lib/query-client';\nqueryClient.clear();\n`,
    });
    expect(await ssrMessagesOf(root, 'lib/query-client.ts')).toEqual([]);
  });

  it('reports the language switch in an i18n helper that a page calls per render', async () => {
    const root = makeProject({
      'package.json': NEXT_APP,
      'lib/i18n.ts': I18N_MODULE,
      'app/[lang]/page.tsx': `import { useLocale } from '../../lib/i18n';
export default async function Page({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const i18n = await useLocale(lang);
  return <h1>{i18n.t('title')}</h1>;
}
`,
    });
    const messages = await ssrMessagesOf(root, 'lib/i18n.ts');
    // The module-level set-up that makes it the shared instance, and the per-request language switch.
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^2:1 `i18next` is one i18next instance/u);
    expect(messages[0]).toContain('`Page` in ../app/[lang]/page.tsx via `useLocale()` hands it out per request');
    expect(messages[1]).toMatch(
      /^4:9 `Page` in \.\.\/app\/\[lang\]\/page\.tsx via `useLocale\(\)` writes `i18next` with `changeLanguage\(\)`/u,
    );
  });

  it('stays quiet when the helper is called only in the browser', async () => {
    const root = makeProject({
      'package.json': NEXT_APP,
      'lib/i18n.ts': I18N_MODULE,
      'app/[lang]/switcher.tsx': `'use client';
import { useLocale } from '../../lib/i18n';
export function Switcher() {
  return <button onClick={() => useLocale('fr')}>fr</button>;
}
`,
    });
    expect(await ssrMessagesOf(root, 'lib/i18n.ts')).toEqual([]);
  });

  it("reports an API module's header setter that getServerSideProps hands on, with the instance from a factory module", async () => {
    const root = makeProject({
      'package.json': JSON.stringify({
        name: 'web',
        dependencies: { next: '14.0.0', react: '18.0.0', axios: '1.0.0' },
      }),
      'jsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@api/*': ['api/*'] } } }),
      'api/base.js': `import axios from 'axios';
function register(path) {
  return axios.create({ baseURL: 'https://api.example.com' + path });
}
export default { register };
`,
      'api/orders.js': `import base from '@api/base';
const ordersApi = base.register('/orders');
async function list() {
  return ordersApi.get('/');
}
function setAuthHeader(token) {
  ordersApi.defaults.headers.common.Authorization = token;
}
export default { list, setAuthHeader };
`,
      'pages/orders.js': `import ordersApi from '@api/orders';
import applyAuth from '../lib/apply-auth';
export async function getServerSideProps({ req }) {
  applyAuth(req.cookies.auth, [ordersApi.setAuthHeader]);
  const { data } = await ordersApi.list();
  return { props: { orders: data } };
}
export default function Orders({ orders }) {
  return <ul>{orders.map((order) => <li key={order.id}>{order.name}</li>)}</ul>;
}
`,
      'lib/apply-auth.js': `export default function applyAuth(token, setters) {\n  setters.forEach((set) => set(token));\n}\n`,
    });
    const messages = await ssrMessagesOf(root, 'api/orders.js');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^7:3 `getServerSideProps` in \.\.\/pages\/orders\.js via `setAuthHeader\(\)` writes `ordersApi` with assignment to `defaults\.headers\.common\.Authorization` per request/u,
    );
  });

  it('stays quiet when the page passes the header in the call instead', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({
        name: 'web',
        dependencies: { next: '14.0.0', react: '18.0.0', axios: '1.0.0' },
      }),
      'api/base.js': `import axios from 'axios';\nexport function register(path) {\n  return axios.create({ baseURL: path });\n}\n`,
      'api/orders.js': `import { register } from './base';
const ordersApi = register('/orders');
export function list(token) {
  return ordersApi.get('/', { headers: { Authorization: token } });
}
`,
      'pages/orders.js': `import { list } from '../api/orders';
export async function getServerSideProps({ req }) {
  const { data } = await list(req.cookies.auth);
  return { props: { orders: data } };
}
export default function Orders() {
  return null;
}
`,
    });
    expect(await ssrMessagesOf(root, 'api/orders.js')).toEqual([]);
  });

  it('follows a workspace package name to the module that makes the instance', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'monorepo', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'packages/shared/package.json': JSON.stringify({
        name: '@acme/shared',
        dependencies: { '@tanstack/react-query': '5.0.0' },
      }),
      'packages/shared/src/query-client.ts': QUERY_MODULE,
      'apps/web/package.json': JSON.stringify({
        name: 'web',
        dependencies: { next: '15.0.0', react: '19.0.0', '@acme/shared': 'workspace:*' },
      }),
      'apps/web/app/providers.tsx': PROVIDERS.replace('../lib/query-client', '@acme/shared/src/query-client'),
    });
    const messages = await ssrMessagesOf(root, 'packages/shared/src/query-client.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('../../../apps/web/app/providers.tsx');
  });

  it('does not take another package of the same name prefix for the module', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'monorepo', private: true, workspaces: ['apps/*', 'packages/*'] }),
      'packages/shared/package.json': JSON.stringify({ name: '@acme/shared' }),
      'packages/shared/src/query-client.ts': QUERY_MODULE,
      'apps/web/package.json': JSON.stringify({ name: 'web', dependencies: { next: '15.0.0', react: '19.0.0' } }),
      'apps/web/app/providers.tsx': PROVIDERS.replace('../lib/query-client', '@acme/shared-ui/src/query-client'),
    });
    expect(await ssrMessagesOf(root, 'packages/shared/src/query-client.ts')).toEqual([]);
  });
});
