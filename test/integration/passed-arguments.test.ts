// What a handler in another file passes into a module, position by position and property by property: a helper
// reached from an importer sees request data only in the arguments and object properties that carry it there. A
// guarded one-time init built from the other arguments (a flag, a connection option) stays quiet; the same init
// built from the argument that holds request data is still reported. Real files through the real ESLint class.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { makeProject } from '../helpers/temp.js';

const PACKAGE = JSON.stringify({ name: 'app', type: 'module' });

async function messagesOf(root: string, file: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs.strict as never[])] as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintFiles([path.join(root, file)]);
  return result.messages.map((message) => `${message.line}:${message.ruleId?.replace('handler-state/', '')}`);
}

const BROWSER = `let page = null;
async function getPage(headless) {
  if (page) return page;
  const browser = await launchBrowser({ headless });
  page = await browser.newPage();
  return page;
}
export async function render(html, headless) {
  const current = await getPage(headless);
  await current.setContent(html);
  return current.screenshot();
}
`;

describe('request data passed into another module, by position and by property', () => {
  it('a lazily created page is quiet when the handler passes only a deployment flag at that position', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/browser.js': BROWSER,
      'src/handler.js': `import { render } from './browser.js';
const headless = process.env.HEADLESS !== '0';
export const handler = async (event) => ({ body: await render(event.body, headless) });
`,
    });
    expect(await messagesOf(root, 'src/browser.js')).toEqual([]);
  });

  it('the same page is request data when the handler passes request data at that position', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/browser.js': BROWSER,
      'src/handler.js': `import { render } from './browser.js';
export const handler = async (event) => ({ body: await render(event.body, event.headers.headless) });
`,
    });
    expect(await messagesOf(root, 'src/browser.js')).toEqual(['5:no-request-data-in-module-scope']);
  });

  const TOKEN = `let token;
export async function lookup({ id, agent }) {
  if (!token) token = await fetchToken({ agent });
  return fetchItem(id, token, agent);
}
export async function remember(options) {
  const agent = options.agent;
  if (!token) token = await fetchToken({ agent, user: options.id });
  return token;
}
`;

  it('properties of an object literal argument: a token fetched with the server agent is quiet', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/token.js': TOKEN.split('export async function remember')[0],
      'src/handler.js': `import { lookup } from './token.js';
const agent = createAgent(process.env.PROXY);
export const handler = async (event) => lookup({ id: event.pathParameters.id, agent });
`,
    });
    expect(await messagesOf(root, 'src/token.js')).toEqual([]);
  });

  it('the same token is request data when it is fetched with the property that holds request data', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/token.js': TOKEN,
      'src/handler.js': `import { lookup, remember } from './token.js';
const agent = createAgent(process.env.PROXY);
export const handler = async (event) => {
  const info = { agent };
  info.id = event.pathParameters.id;
  await remember(info);
  return lookup({ ...event.query, agent });
};
`,
    });
    // `lookup` gets the agent the server made (a spread of the query cannot override it); `remember` stores a
    // token fetched for the request's user, added to the object after it was built.
    expect(await messagesOf(root, 'src/token.js')).toEqual(['8:no-request-data-in-module-scope']);
  });

  it('a spread of request data after the property, or a whole request object, keeps the property request data', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/token.js': TOKEN.split('export async function remember')[0],
      'src/handler.js': `import { lookup } from './token.js';
const agent = createAgent(process.env.PROXY);
export const handler = async (event) => lookup({ agent, ...event.query });
`,
    });
    expect(await messagesOf(root, 'src/token.js')).toEqual(['3:no-request-data-in-module-scope']);
  });

  it('a class that starts its sweep timer once, reached from a route in another file, is quiet', async () => {
    const settings = (guard: string) => `export class Settings {
  static values = {};
  static sweeper = null;
  static async get(key) {
    ${guard}Settings.sweeper = setInterval(() => {
      for (const name in Settings.values) delete Settings.values[name];
    }, 60000);
    return Settings.values[key];
  }
}
`;
    const handler = `import { Settings } from './settings.js';
export const handler = async () => ({ body: await Settings.get('entryPage') });
`;
    const guarded = makeProject({
      'package.json': PACKAGE,
      'src/settings.js': settings('if (!Settings.sweeper) '),
      'src/handler.js': handler,
    });
    expect(await messagesOf(guarded, 'src/settings.js')).toEqual([]);
    const everyCall = makeProject({
      'package.json': PACKAGE,
      'src/settings.js': settings(''),
      'src/handler.js': handler,
    });
    expect(await messagesOf(everyCall, 'src/settings.js')).toEqual(['5:no-module-state-write']);
  });

  const TEMPLATES = `const compiled = new Map();
export function render(name, locals) {
  let template = compiled.get(name);
  if (!template) {
    template = compileFile(name);
    compiled.set(name, template);
  }
  return template(locals);
}
`;

  it("at the handler's call: a cache keyed by the name the code passes is quiet when only the other argument is the request", async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/templates.js': TEMPLATES,
      'src/handler.js': `import { render } from './templates.js';
export const handler = async (event) => ({ body: render('page.html', { user: event.user }) });
`,
    });
    // Not a request-keyed cache; strict's catch-all still names the write into the module's map, in both files.
    expect(await messagesOf(root, 'src/handler.js')).toEqual(['2:no-module-state-write']);
    expect(await messagesOf(root, 'src/templates.js')).toEqual(['6:no-module-state-write']);
  });

  it("at the handler's call: the same cache keyed by a request-derived name is reported there and in its module", async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/templates.js': TEMPLATES,
      'src/handler.js': `import { render } from './templates.js';
export const handler = async (event) => ({ body: render(event.path, { user: event.user }) });
`,
    });
    expect(await messagesOf(root, 'src/handler.js')).toEqual(['2:no-unbounded-cache']);
    expect(await messagesOf(root, 'src/templates.js')).toEqual(['6:no-unbounded-cache']);
  });
});
