// Reports where the fix is made: a module whose exported functions write its own state is linted on its own (the
// real ESLint class, real files), and the write is reported there with the handler in another file that reaches it
// per request. Quiet twins: the same module called only at start-up, or through functions that write nothing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDEX_LIMITS } from '../../src/analysis/file/importers.js';
import { eslintIn } from '../helpers/lint.js';
import { makeProject, writeFiles } from '../helpers/temp.js';

const PACKAGE = JSON.stringify({ name: 'app', type: 'module' });

const STORE = `const history: string[] = [];
let lastUser: string | null = null;
export function remember(item: string) {
  history.push(item);
}
export function setUser(user: string) {
  lastUser = user;
}
export function size() {
  return history.length;
}
`;

async function messagesOf(root: string, file: string, eslint = eslintIn(root)): Promise<string[]> {
  const [result] = await eslint.lintFiles([path.join(root, file)]);
  return result.messages.map(
    (message) => `${message.line}:${message.ruleId?.replace('handler-state/', '')} ${message.message}`,
  );
}

describe('writes reported in the module that holds the state', () => {
  it('names the handler, its file and the call, directly and through a service module', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      'src/service.ts': `import { setUser } from './store';\nexport async function login(name: string) {\n  setUser(name);\n}\n`,
      'src/handler.ts': `import { remember, size } from './store';
import { login } from './service';
export const handler = async (event: { item: string; user: string }) => {
  remember(event.item);
  await login(event.user);
  return size();
};
`,
    });
    const messages = await messagesOf(root, 'src/store.ts');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(
      /^4:no-unbounded-growth `history` \(reached per request from `handler` in \.\/handler\.ts via `remember\(\)`\)/u,
    );
    expect(messages[1]).toMatch(/^7:no-request-data-in-module-scope /u);
    expect(messages[1]).toContain('(reached per request from `handler` in ./handler.ts via `login()` → `setUser()`)');
    // The call sites in the handler are still reported too.
    expect(await messagesOf(root, 'src/handler.ts')).toHaveLength(2);
  });

  it('stays quiet when the importer calls the module only at start-up, or only reads', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      'src/handler.ts': `import { remember, size } from './store';
remember('boot');
export const handler = async () => ({ statusCode: 200, body: String(size()) });
`,
    });
    expect(await messagesOf(root, 'src/store.ts')).toEqual([]);
  });

  it('is a plain write when the handler passes no request data', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      'src/handler.ts': `import { setUser } from './store';\nexport const handler = async () => {\n  setUser('system');\n};\n`,
    });
    const messages = await messagesOf(root, 'src/store.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(
      /^7:no-module-state-write `setUser` writes module state `lastUser` \(reached per request/u,
    );
  });

  it('follows a barrel that re-exports the module, and CommonJS requires', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'app' }),
      'lib/store.js': `const seen = new Set();\nexports.track = (id) => { seen.add(id); };\n`,
      'lib/index.js': `module.exports = require('./store');\n`,
      'esm/index.mjs': `export * from './store.mjs';\n`,
      'esm/store.mjs': `const queue = [];\nexport function enqueue(job) {\n  queue.push(job);\n}\n`,
      'api/handler.js': `const { track } = require('../lib/store');\nexports.handler = async (event) => {\n  track(event.id);\n};\n`,
      'api/worker.mjs': `import { enqueue } from '../esm/index.mjs';\nexport const handler = async (event) => {\n  enqueue(event.job);\n};\n`,
    });
    const cjs = await messagesOf(root, 'lib/store.js');
    expect(cjs).toHaveLength(1);
    expect(cjs[0]).toContain('(reached per request from `handler` in ../api/handler.js via `track()`)');
    const esm = await messagesOf(root, 'esm/store.mjs');
    expect(esm).toHaveLength(1);
    expect(esm[0]).toContain('(reached per request from `handler` in ../api/worker.mjs via `enqueue()`)');
  });

  it("reports a factory's closure state in the factory's module", async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/stack.ts': `export function makeStack<T>(initial: T) {
  const frames: T[] = [initial];
  return { enter(value: T) { frames.push(value); }, current: () => frames[frames.length - 1] };
}
`,
      'src/handler.ts': `import { makeStack } from './stack';
const themeStack = makeStack('light');
export const handler = async (event: { theme: string }) => {
  themeStack.enter(event.theme);
  return themeStack.current();
};
`,
    });
    const stack = await messagesOf(root, 'src/stack.ts');
    expect(stack).toHaveLength(1);
    expect(stack[0]).toContain('`frames` (state of `makeStack()`');
    expect(stack[0]).toContain('reached per request from `handler` in ./handler.ts via `themeStack.enter()`');
    const handler = await messagesOf(root, 'src/handler.ts');
    expect(handler).toEqual([
      expect.stringContaining('`frames` (in ./stack.ts; state of `makeStack()` held by `themeStack`)'),
    ]);
  });

  it('follows every way an importer can name the call: default, namespace, renamed and required bindings', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'app' }),
      'esm/store.mjs': `const seen = [];\nexport default {\n  keep(id) {\n    seen.push(id);\n  },\n};\n`,
      'esm/handler.mjs': `import box from './store.mjs';\nexport const handler = async (event) => {\n  box.keep(event.id);\n};\n`,
      'ns/store.mjs': `const seen = [];\nexport function keep(id) {\n  seen.push(id);\n}\n`,
      'ns/handler.mjs': `import * as box from './store.mjs';\nexport const handler = async (event) => {\n  box.keep(event.id);\n};\n`,
      'renamed/store.mjs': `const seen = [];\nexport function keep(id) {\n  seen.push(id);\n}\n`,
      'renamed/handler.mjs': `import { keep as k } from './store.mjs';\nexport const handler = async (event) => {\n  k(event.id);\n};\n`,
      'cjs/store.js': `const seen = [];\nmodule.exports = { keep(id) { seen.push(id); } };\n`,
      'cjs/handler.js': `const { keep: k } = require('./store');\nexports.handler = async (event) => {\n  k(event.id);\n};\n`,
    });
    for (const dir of ['esm', 'ns', 'renamed']) {
      expect(await messagesOf(root, `${dir}/store.mjs`)).toEqual([
        expect.stringContaining('(reached per request from `handler` in ./handler.mjs'),
      ]);
    }
    expect(await messagesOf(root, 'cjs/store.js')).toEqual([
      expect.stringContaining('(reached per request from `handler` in ./handler.js'),
    ]);
  });

  it('follows an importer again once an edit makes it call the module', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      // Imports the module but names none of its exports: nothing in it can call into the module.
      'src/handler.ts': `import './store';\nexport const handler = async (event: { item: string }) => event.item;\n`,
    });
    const eslint = eslintIn(root);
    expect(await messagesOf(root, 'src/store.ts', eslint)).toEqual([]);
    const previous = INDEX_LIMITS.refreshMs;
    INDEX_LIMITS.refreshMs = 0;
    try {
      const handler = path.join(root, 'src/handler.ts');
      fs.writeFileSync(
        handler,
        `import { remember } from './store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`,
      );
      fs.utimesSync(handler, new Date(), new Date(Date.now() + 5_000));
      expect(await messagesOf(root, 'src/store.ts', eslint)).toEqual([
        expect.stringContaining('reached per request from `handler` in ./handler.ts'),
      ]);
    } finally {
      INDEX_LIMITS.refreshMs = previous;
    }
  });

  it('does not follow test files: a handler written in a test does not run per request', async () => {
    const caller = `import { remember } from '../src/store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`;
    const root = makeProject({
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      'test/handler.test.ts': caller,
      'test/handler.spec.ts': caller,
      'src/__tests__/handler.ts': caller.replace('../src/store', '../store'),
      'tests/handler.ts': caller,
    });
    expect(await messagesOf(root, 'src/store.ts')).toEqual([]);
    // The same caller outside a test is followed, also from a project that itself lives in a test folder.
    const twin = makeProject({ 'package.json': PACKAGE, 'src/store.ts': STORE, 'api/handler.ts': caller });
    expect(await messagesOf(twin, 'src/store.ts')).toEqual([
      expect.stringContaining('reached per request from `handler` in ../api/handler.ts'),
    ]);
    const nested = makeProject({
      'test/app/package.json': PACKAGE,
      'test/app/src/store.ts': STORE,
      'test/app/api/handler.ts': caller,
    });
    expect(await messagesOf(nested, 'test/app/src/store.ts')).toEqual([
      expect.stringContaining('reached per request from `handler` in ../api/handler.ts'),
    ]);
  });

  it('sees an importer change in the same process (an editor session)', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      'src/handler.ts': `import { remember } from './store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`,
    });
    const eslint = eslintIn(root);
    expect(await messagesOf(root, 'src/store.ts', eslint)).toHaveLength(1);
    const previous = INDEX_LIMITS.refreshMs;
    INDEX_LIMITS.refreshMs = 0;
    try {
      const handler = path.join(root, 'src/handler.ts');
      fs.writeFileSync(
        handler,
        `import { remember } from './store';\nremember('boot');\nexport const handler = async () => 'ok';\n`,
      );
      fs.utimesSync(handler, new Date(), new Date(Date.now() + 5_000));
      expect(await messagesOf(root, 'src/store.ts', eslint)).toEqual([]);
      // A new importer that calls it per request.
      writeFiles(root, {
        'src/other.ts': `import { remember } from './store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`,
      });
      expect(await messagesOf(root, 'src/store.ts', eslint)).toEqual([
        expect.stringContaining('reached per request from `handler` in ./other.ts'),
      ]);
    } finally {
      INDEX_LIMITS.refreshMs = previous;
    }
  });

  it('with --cache, a cached module is not linted again when only its importer changes', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      'src/handler.ts': `import { remember } from './store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`,
    });
    const cacheLocation = path.join(root, '.eslintcache');
    const files = [path.join(root, 'src/store.ts'), path.join(root, 'src/handler.ts')];
    const first = await eslintIn(root, 'strict', { cache: true, cacheLocation }).lintFiles(files);
    expect(first[0].messages).toHaveLength(1);
    const handler = path.join(root, 'src/handler.ts');
    fs.writeFileSync(handler, `export const handler = async () => 'ok';\n`);
    fs.utimesSync(handler, new Date(), new Date(Date.now() + 5_000));
    // A new ESLint process: store.ts is unchanged, so its cached result (with the old finding) is reused.
    const second = await eslintIn(root, 'strict', { cache: true, cacheLocation }).lintFiles(files);
    expect(second[0].messages).toHaveLength(1);
    expect(second[1].messages).toHaveLength(0);
    // Without the cache (or after deleting it) the finding is gone.
    const fresh = await eslintIn(root).lintFiles(files);
    expect(fresh[0].messages).toHaveLength(0);
  });

  it('follows the importers that call a writing export first', async () => {
    const files: Record<string, string> = { 'package.json': PACKAGE, 'src/store.ts': STORE };
    // Twenty importers that only read, sorted before the one that writes: more than are followed.
    for (let i = 0; i < 20; i++) {
      files[`src/a${String(i).padStart(2, '0')}.ts`] =
        `import { size } from './store';\nexport const handler = async () => size();\n`;
    }
    files['src/z-writer.ts'] =
      `import { remember } from './store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`;
    const root = makeProject(files);
    expect(await messagesOf(root, 'src/store.ts')).toHaveLength(1);
  });

  it('reads at most the configured number of importers, in a fixed order', async () => {
    const files: Record<string, string> = { 'package.json': PACKAGE, 'src/store.ts': STORE };
    // Twenty importers that call the writer only at start-up, sorted before the one that calls it per request.
    for (let i = 0; i < 20; i++) {
      files[`src/a${String(i).padStart(2, '0')}.ts`] =
        `import { remember, size } from './store';\nremember('boot');\nexport const handler = async () => size();\n`;
    }
    files['src/z-writer.ts'] =
      `import { remember } from './store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`;
    const root = makeProject(files);
    expect(await messagesOf(root, 'src/store.ts')).toEqual([]);
    fs.rmSync(path.join(root, 'src/a00.ts'));
    for (let i = 1; i < 20; i++) fs.rmSync(path.join(root, `src/a${String(i).padStart(2, '0')}.ts`));
    const previous = INDEX_LIMITS.refreshMs;
    INDEX_LIMITS.refreshMs = 0;
    try {
      expect(await messagesOf(root, 'src/store.ts')).toHaveLength(1);
    } finally {
      INDEX_LIMITS.refreshMs = previous;
    }
  });

  it("finds a handler that imports the module directly even when an earlier importer's own importers fill the budget", async () => {
    // `a-service.ts` sorts first and is imported by many modules; the route file that calls the store per request
    // sorts after it. Direct importers are read before anyone's importers, so the route is not crowded out.
    const files: Record<string, string> = {
      'package.json': PACKAGE,
      'src/store.ts': STORE,
      'src/a-service.ts': `import { size } from './store';\nexport const count = () => size();\n`,
      'src/z-route.ts': `import { remember } from './store';\nexport const handler = async (event: { item: string }) => {\n  remember(event.item);\n};\n`,
    };
    for (let i = 0; i < 11; i++) {
      files[`src/users/u${String(i).padStart(2, '0')}.ts`] =
        `import { count } from '../a-service';\nimport { helper${i} } from './h${i}';\nexport const read${i} = () => count() + helper${i}();\n`;
      files[`src/users/h${i}.ts`] =
        `import { read${i} } from './u${String(i).padStart(2, '0')}';\nexport const helper${i} = () => 1;\nexport const again${i} = () => read${i}();\n`;
    }
    const root = makeProject(files);
    expect(await messagesOf(root, 'src/store.ts')).toEqual([
      expect.stringContaining('(reached per request from `handler` in ./z-route.ts via `remember()`)'),
    ]);
  });

  it('treats an argument the callers fix in code as no request data: a template name is not a request key', async () => {
    const root = makeProject({
      'package.json': PACKAGE,
      'src/render.ts': `const compiled = new Map<string, string>();
const visits = new Map<string, number>();
export function render(name: string, args: { path: string }) {
  compiled.set(name, 'template ' + name);
  visits.set(args.path, (visits.get(args.path) ?? 0) + 1);
  return compiled.get(name) + args.path;
}
`,
      'src/handler.ts': `import { render } from './render';
export const handler = async (event: { path: string }) => render('page.html', { path: event.path });
`,
    });
    const messages = await messagesOf(root, 'src/render.ts');
    // The visits map is keyed by the request's path: a cache that grows per request.
    expect(messages.filter((m) => m.startsWith('5:no-unbounded-cache'))).toHaveLength(1);
    // The compiled map is keyed by a name every caller writes as a literal: at most a plain write, never a
    // request-keyed cache.
    expect(messages.filter((m) => m.startsWith('4:no-unbounded-cache'))).toEqual([]);
  });
});
