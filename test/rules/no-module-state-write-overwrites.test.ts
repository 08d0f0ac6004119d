// no-module-state-write in `recommended` (option `writes: 'overwrites'`): a named place that a request replaces is
// reported, a keyed entry or a collection method stays a strict-only write. Each reported shape sits next to a
// twin that `recommended` leaves to `strict`, linted as a user's project is, through the real ESLint class.
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-module-state-write.js';
import { lintProjectFile, lineOf } from '../helpers/lint.js';
import { dedent } from '../helpers/source.js';
import { ruleTester } from '../rule-tester.js';

const RULE = 'handler-state/no-module-state-write';

/** The lines (and message ids) `no-module-state-write` reports in `file` under each config. */
async function writeReports(files: Record<string, string>, file = 'handler.js') {
  const lines = async (config: 'recommended' | 'strict') =>
    (await lintProjectFile(files, file, config))
      .filter((message) => message.ruleId === RULE)
      .map((message) => ({ line: message.line, messageId: message.messageId }));
  return { recommended: await lines('recommended'), strict: await lines('strict') };
}

/** `recommended` reports exactly `reported` (texts of `code`), `strict` reports those and `strictOnly` too. */
async function expectSplit(
  files: Record<string, string>,
  reported: string[],
  strictOnly: string[],
  file = 'handler.js',
): Promise<void> {
  const code = files[file];
  const at = (texts: string[]) => texts.map((text) => lineOf(code, text)).sort((a, b) => a - b);
  const { recommended, strict } = await writeReports(files, file);
  expect(recommended.map((report) => report.line)).toEqual(at(reported));
  expect(strict.map((report) => report.line)).toEqual(at([...reported, ...strictOnly]));
}

describe('recommended reports overwrites of a named place; keyed entries and collection methods stay in strict', () => {
  it('a module variable replaced per request, next to a Map entry set per request', async () => {
    await expectSplit(
      {
        'handler.js': dedent(`
          let token = null;
          const tokens = new Map();

          export const handler = async (event) => {
            token = await fetch('https://auth.example/refresh').then((r) => r.text());
            tokens.set('refresh', Date.now());
            return { statusCode: 200, body: String(event.path.length) };
          };
        `),
      },
      ['token = await'],
      ["tokens.set('refresh'"],
    );
  });

  it('a field of a module object replaced per request (a breaker), next to a keyed entry deleted per request', async () => {
    await expectSplit(
      {
        'handler.js': dedent(`
          const breaker = { open: false, failures: 0 };
          const pending = {};

          export const handler = async (event) => {
            try {
              return await fetch('https://upstream.example/items');
            } catch {
              breaker.failures = breaker.failures + 1;
              breaker.open = true;
              delete pending.latest;
              return { statusCode: 503 };
            }
          };
        `),
      },
      ['breaker.failures =', 'breaker.open ='],
      ['delete pending.latest'],
    );
  });

  it('a counter, next to a queue that the same request drains', async () => {
    await expectSplit(
      {
        'handler.js': dedent(`
          let uid = 0;
          const running = new Set();

          export const handler = async (event) => {
            const id = uid++;
            running.add(id);
            await fetch('https://jobs.example/' + id);
            running.delete(id);
            return { statusCode: 202 };
          };
          export const load = () => running.size;
        `),
      },
      ['uid++'],
      ['running.add(id)', 'running.delete(id)'],
    );
  });

  it('a busy flag set and set back in one request is reported; a one-way latch stays quiet in both', async () => {
    const files = {
      'handler.js': dedent(`
        let busy = false;
        let started = false;

        export const handler = async () => {
          if (!started) started = true;
          if (busy) return { statusCode: 409 };
          busy = true;
          await fetch('https://jobs.example/run');
          busy = false;
          return { statusCode: 200 };
        };
      `),
    };
    const { recommended, strict } = await writeReports(files);
    const code = files['handler.js'];
    const toggles = [lineOf(code, 'busy = true'), lineOf(code, 'busy = false;\n  return { statusCode: 200')];
    expect(recommended).toEqual(toggles.map((line) => ({ line, messageId: 'toggledPerRequest' })));
    expect(strict).toEqual(recommended);
  });

  it('a field of a long-lived instance replaced per request, next to its collection cleared per request', async () => {
    await expectSplit(
      {
        'handler.js': dedent(`
          class Sync {
            constructor() {
              this.lastRun = 0;
              this.seen = new Set();
            }
            run(ids) {
              this.lastRun = Date.now();
              this.seen.clear();
              return ids.length;
            }
          }
          const sync = new Sync();

          export const handler = async (event) => ({ statusCode: 200, body: String(sync.run(event.ids)) });
        `),
      },
      ['this.lastRun = Date.now()'],
      ['this.seen.clear()'],
    );
  });

  it('a computed key is a keyed entry even when the value is a constant', async () => {
    await expectSplit(
      {
        'handler.js': dedent(`
          let lastSeen = 0;
          const flags = {};

          export const handler = async (event) => {
            lastSeen = Date.now();
            flags[event.kind === 'a' ? 'a' : 'b'] = true;
            return { statusCode: 204 };
          };
        `),
      },
      ['lastSeen = Date.now()'],
      ["flags[event.kind === 'a'"],
    );
  });

  it('across files: the call to an imported function that replaces a variable, next to one that deletes an entry', async () => {
    await expectSplit(
      {
        'store.js': dedent(`
          let touchedAt = 0;
          const seen = new Set();
          export function touch() {
            touchedAt = Date.now();
          }
          export function forget(id) {
            seen.delete(id);
          }
          export const lastTouch = () => touchedAt;
        `),
        'handler.js': dedent(`
          import { forget, touch } from './store.js';

          export const handler = async (event) => {
            touch();
            forget('latest');
            return { statusCode: 200, body: String(event.path.length) };
          };
        `),
      },
      ['touch()'],
      ["forget('latest')"],
    );
  });
});

describe('the writes option', () => {
  const code = dedent(`
    let current = null;
    const recent = new Set();

    export const handler = async () => {
      current = Date.now();
      recent.add('x');
      recent.delete('x');
    };
    export const peek = () => [current, recent.size];
  `);
  const at = (text: string) => ({ messageId: 'moduleStateWrite', line: lineOf(code, text) });

  ruleTester.run('no-module-state-write writes option', rule as never, {
    valid: [
      {
        name: 'overwrites: a Set entry added and removed is left to strict',
        code: code.replace('current = Date.now();\n', ''),
        options: [{ writes: 'overwrites' }],
      },
    ],
    invalid: [
      {
        name: 'default (all): every write',
        code,
        errors: [at('current = Date'), at("recent.add('x')"), at("recent.delete('x')")],
      },
      {
        name: 'overwrites: the replaced variable only',
        code,
        options: [{ writes: 'overwrites' }],
        errors: [at('current = Date')],
      },
    ],
  });
});
