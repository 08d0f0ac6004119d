// Process-wide library defaults set per request, and library objects made once and handed each request's data:
// the i18n libraries' global language (i18next's global instance, i18n-node's module locale), Moment's global
// locale and default zone, the global axios defaults, and a browser page kept at module scope. Each reported
// shape sits next to its quiet twin: the same call at start-up, on a per-request instance or clone, on the
// request object, with a constant, or on a page opened per request.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-persistent-library-context.js';
import { caseBuilders } from '../helpers/cases.js';
import { lintProjectFile } from '../helpers/lint.js';
import { cjsRuleTester, ruleTester } from '../rule-tester.js';

const { bad, good } = caseBuilders('persistentLibraryContext');

const I18NEXT = `import i18next from 'i18next';\n`;
const MOMENT = `import moment from 'moment-timezone';\n`;
const AXIOS = `import axios from 'axios';\n`;
const PUPPETEER = `import puppeteer from 'puppeteer';\n`;

ruleTester.run('no-persistent-library-context: process-wide library defaults', rule as never, {
  valid: [
    good(
      'i18next: the language chosen at start-up',
      `${I18NEXT}await i18next.init({ fallbackLng: 'en' });
i18next.changeLanguage(process.env.DEFAULT_LANG);
export const handler = async (event) => ({ body: i18next.t('hello', { lng: event.lang }) });`,
    ),
    good(
      'i18next: a clone made per request, and the middleware instance on the request',
      `${I18NEXT}import express from 'express';
const app = express();
app.get('/a', (req, res) => {
  const local = i18next.cloneInstance({ initImmediate: false });
  local.changeLanguage(req.query.lang);
  req.i18n.changeLanguage(req.headers['accept-language']);
  res.send(local.t('hello'));
});`,
    ),
    good(
      'i18next: a constant language per request is the same for every request',
      `${I18NEXT}export const handler = async () => {
  await i18next.changeLanguage('en');
  return i18next.t('hello');
};`,
    ),
    good(
      'i18next: an instance created inside the handler',
      `${I18NEXT}export const handler = async (event) => {
  const inst = i18next.createInstance();
  await inst.init({ lng: event.lang });
  await inst.changeLanguage(event.lang);
  return inst.t('hello');
};`,
    ),
    good(
      'i18n-node: the locale set on the request object',
      `import i18n from 'i18n';
import express from 'express';
const app = express();
app.use((req, res, next) => {
  i18n.init(req, res);
  i18n.setLocale(req, req.query.lang);
  i18n.setLocale([req, res.locals], req.cookies.lang);
  req.setLocale(req.query.lang);
  next();
});`,
    ),
    good(
      'Moment: per-call locale and zone, and the module default set at start-up',
      `${MOMENT}moment.locale(process.env.LOCALE);
moment.tz.setDefault('UTC');
export const handler = async (event) => ({
  body: moment().locale(event.lang).format('LL') + moment.tz(event.date, event.zone).format(),
});`,
    ),
    good(
      'axios: headers passed per request, and defaults set at start-up',
      `${AXIOS}axios.defaults.headers.common['X-Service'] = process.env.SERVICE;
axios.defaults.timeout = 5000;
export const handler = async (event) => {
  const token = event.headers.authorization;
  return axios.get('https://api.example.com/me', { headers: { Authorization: token } });
};`,
    ),
    good(
      'axios: a constant default written in the handler',
      `${AXIOS}export const handler = async (event) => {
  axios.defaults.headers.common.Accept = 'application/json';
  return axios.get(event.url);
};`,
    ),
    good(
      'browser page opened per request and closed',
      `${PUPPETEER}const browser = await puppeteer.launch();
export const handler = async (event) => {
  const page = await browser.newPage();
  try {
    await page.setContent(event.body);
    return await page.pdf();
  } finally {
    await page.close();
  }
};`,
    ),
    good(
      'browser page kept at module scope but given only constants',
      `${PUPPETEER}let shared;
async function pageFor() {
  if (!shared) shared = await (await puppeteer.launch()).newPage();
  return shared;
}
export const handler = async () => {
  const page = await pageFor();
  await page.setViewport({ width: 800, height: 600 });
  return page.screenshot();
};`,
    ),
    good(
      'svelte-i18n: the locale kept on event.locals, the store set only in the browser',
      `import { locale } from 'svelte-i18n';
import { browser } from '$app/environment';
if (browser) locale.set(navigator.language);
export const handle = async ({ event, resolve }) => {
  event.locals.locale = event.request.headers.get('accept-language');
  return resolve(event);
};`,
      { filename: 'src/hooks.server.ts' },
    ),
  ],
  invalid: [
    bad(
      'svelte-i18n: the module locale store set from the request in a SvelteKit handle hook',
      `import { locale } from 'svelte-i18n';
export const handle = async ({ event, resolve }) => {
  const lang = event.request.headers.get('accept-language')?.split(',')[0];
  if (lang) locale.set(lang);
  return resolve(event);
};`,
      ['locale.set('],
      { filename: 'src/hooks.server.ts' },
    ),
    bad(
      'i18next: the global instance switched to the request language',
      `${I18NEXT}export const handler = async (event) => {
  await i18next.changeLanguage(event.headers['accept-language']);
  return { body: i18next.t('hello') };
};`,
      ['i18next.changeLanguage('],
    ),
    bad(
      'i18next: a named changeLanguage, and an instance created once at module scope',
      `import { changeLanguage, createInstance } from 'i18next';
const shared = createInstance();
const copy = shared.cloneInstance();
export const handler = async (event) => {
  await changeLanguage(event.lang);
  await shared.changeLanguage(event.lang);
  await copy.changeLanguage(event.lang);
};`,
      ['changeLanguage(event', 'shared.changeLanguage(', 'copy.changeLanguage('],
    ),
    bad(
      'i18n-node: the module locale and a module-level instance set from the request',
      `import i18n, { I18n } from 'i18n';
import express from 'express';
const mail = new I18n({ locales: ['en', 'de'] });
const app = express();
app.post('/signup', (req, res) => {
  i18n.setLocale(req.body.lang);
  mail.setLocale(req.body.lang);
  res.send(i18n.__('welcome'));
});`,
      ['i18n.setLocale(', 'mail.setLocale('],
    ),
    bad(
      'Moment: the global locale and the default zone set from the request',
      `${MOMENT}export const handler = async (event) => {
  moment.locale(event.queryStringParameters.lang);
  moment.tz.setDefault(event.queryStringParameters.tz);
  return { body: moment().format('LLLL') };
};`,
      ['moment.locale(', 'moment.tz.setDefault('],
    ),
    bad(
      'axios: the token written into the global defaults',
      `${AXIOS}export const handler = async (event) => {
  axios.defaults.headers.common['Authorization'] = event.headers.authorization;
  axios.defaults.headers.common = { 'X-User': event.user };
  return axios.get('https://api.example.com/me');
};`,
      ['axios.defaults.headers.common[', 'axios.defaults.headers.common ='],
    ),
    bad(
      'browser page made at module scope and given the request HTML',
      `${PUPPETEER}const browser = await puppeteer.launch();
const page = await browser.newPage();
export const handler = async (event) => {
  await page.setContent(event.body);
  await page.goto(event.queryStringParameters.url);
  return page.screenshot();
};`,
      ['page.setContent(', 'page.goto('],
    ),
    bad(
      'browser page memoised by a getter, then given the request HTML',
      `import { chromium } from 'playwright';
let cached = null;
async function getPage() {
  if (cached) return cached;
  const browser = await chromium.launch();
  cached = await browser.newPage();
  return cached;
}
export const handler = async (event) => {
  const page = await getPage();
  await page.setViewportSize({ width: Number(event.width), height: 600 });
  await page.setContent(event.html);
  return page.screenshot();
};`,
      ['page.setViewportSize(', 'page.setContent('],
    ),
  ],
});

cjsRuleTester.run('no-persistent-library-context: process-wide library defaults (CommonJS)', rule as never, {
  valid: [
    good(
      'i18n-node: init per request and the request-object setter',
      `const i18n = require('i18n');
module.exports = (app) => {
  app.get('/x', (req, res) => {
    i18n.init(req, res);
    i18n.setLocale(req, req.query.lang);
    res.send(res.__('hi'));
  });
};`,
    ),
  ],
  invalid: [
    bad(
      'i18n-node required in a route module sets the module locale from a query parameter',
      `const i18n = require('i18n');
module.exports = (app) => {
  app.get('/x', (req, res) => {
    i18n.setLocale(req.query.lang);
    res.send(i18n.__('hi'));
  });
};`,
      ['i18n.setLocale('],
    ),
  ],
});

// ---- the same, linted as a user lints a project: real files through the ESLint class ----

interface ProjectCase {
  name: string;
  files: Record<string, string>;
  lint: string;
  /** Texts the lines of the expected reports start at; empty for the quiet twin. */
  found: string[];
  /** Text every report must contain. */
  says?: string[];
  /** The rules whose reports are counted (default: this rule). */
  rules?: string[];
}

async function lintProject(project: ProjectCase): Promise<void> {
  const all = await lintProjectFile(project.files, project.lint);
  const rules = (project.rules ?? ['no-persistent-library-context']).map((name) => `handler-state/${name}`);
  const messages = all.filter((m) => m.ruleId !== null && rules.includes(m.ruleId));
  const shown = all.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n');
  expect(
    all.filter((m) => m.fatal || m.ruleId === null),
    shown,
  ).toEqual([]);
  const code = project.files[project.lint];
  const lines = project.found.map((text) => {
    const index = code.indexOf(text);
    if (index < 0) throw new Error(`fixture has no ${JSON.stringify(text)}`);
    return code.slice(0, index).split('\n').length;
  });
  expect(
    messages.map((m) => m.line),
    shown,
  ).toEqual(lines);
  for (const text of project.says ?? []) for (const m of messages) expect(m.message).toContain(text);
}

const RENDER_LIB = (body: string) => `import puppeteer from 'puppeteer-core';
let kept;
async function pageOnce() {
  if (kept) return kept;
  const browser = await puppeteer.launch();
  kept = await browser.newPage();
  return kept;
}
export async function render(markup, width) {
${body}
}
`;

const PROJECTS: ProjectCase[] = [
  {
    name: 'a module-level page that a render helper fills with the HTML a Vercel function passes',
    files: {
      'lib/render.js': RENDER_LIB(`  const page = await pageOnce();
  await page.setViewport({ width, height: 630 });
  await page.setContent(markup);
  return page.screenshot();`),
      'api/card.js': `import { render } from '../lib/render.js';
export default async function card(req, res) {
  const png = await render(\`<h1>\${req.query.title}</h1>\`, Number(req.query.w));
  res.end(png);
}
`,
    },
    lint: 'lib/render.js',
    found: ['  await page.setViewport', '  await page.setContent'],
    says: ['card', 'api/card.js'],
  },
  {
    name: 'the same helper opening a page per call',
    files: {
      'lib/render.js': RENDER_LIB(`  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.setViewport({ width, height: 630 });
  await page.setContent(markup);
  return page.screenshot();`),
      'api/card.js': `import { render } from '../lib/render.js';
export default async function card(req, res) {
  res.end(await render(\`<h1>\${req.query.title}</h1>\`, Number(req.query.w)));
}
`,
    },
    lint: 'lib/render.js',
    found: [],
  },
  {
    name: 'an Express route switching the global i18next language',
    files: {
      'server.js': `import express from 'express';
import i18next from 'i18next';
const app = express();
app.get('/greet', async (req, res) => {
  await i18next.changeLanguage(req.query.lng);
  res.send(i18next.t('greeting'));
});
app.listen(3000);
`,
    },
    lint: 'server.js',
    found: ['  await i18next.changeLanguage'],
  },
  {
    name: 'the same route with a fixed translator per request',
    files: {
      'server.js': `import express from 'express';
import i18next from 'i18next';
const app = express();
app.get('/greet', async (req, res) => {
  const t = i18next.getFixedT(req.query.lng);
  res.send(t('greeting'));
});
app.listen(3000);
`,
    },
    lint: 'server.js',
    found: [],
  },
];

const SETTINGS_STORE = `import dayjs from 'dayjs';
export class Settings {
  static shared = null;
  static get() {
    if (!Settings.shared) Settings.shared = new Settings();
    return Settings.shared;
  }
  async applyZone(zone) {
    process.env.TZ = zone;
    dayjs.tz.setDefault(zone);
  }
}
`;

const settingsServer = (argument: string) => `import express from 'express';
import { Settings } from './settings.js';
const settings = Settings.get();
const app = express();
app.post('/zone', async (req, res) => {
  await settings.applyZone(${argument});
  res.end();
});
app.listen(3000);
`;

PROJECTS.push(
  {
    name: 'a class singleton from another module, its method given the client zone, reported where it lives',
    files: { 'settings.js': SETTINGS_STORE, 'server.js': settingsServer('req.body.zone') },
    lint: 'settings.js',
    found: ['    process.env.TZ', '    dayjs.tz.setDefault'],
    says: ['server.js'],
    rules: ['no-persistent-library-context', 'no-request-data-in-module-scope'],
  },
  {
    name: 'the same singleton given a fixed zone',
    files: { 'settings.js': SETTINGS_STORE, 'server.js': settingsServer("'UTC'") },
    lint: 'settings.js',
    found: [],
    rules: ['no-persistent-library-context', 'no-request-data-in-module-scope'],
  },
  {
    name: 'the route that calls the singleton with the client zone',
    files: { 'settings.js': SETTINGS_STORE, 'server.js': settingsServer('req.body.zone') },
    lint: 'server.js',
    found: ['  await settings.applyZone'],
    rules: ['no-request-data-in-module-scope'],
  },
);

describe('library-held state in a project, through the ESLint class', () => {
  for (const project of PROJECTS) {
    it(`${project.found.length > 0 ? 'reports' : 'quiet'}: ${project.name}`, () => lintProject(project));
  }
});
