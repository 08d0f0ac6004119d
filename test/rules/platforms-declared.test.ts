// Declared handlers: /** @handler */ comments, settings.handlers, settings.wrappers (member callees), and validation.
import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../src/analysis/settings.js';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';

const COMMENTED = dedent(`
  import { onMessage } from './bus';

  const inbox: string[] = [];
  let lastMessage: unknown;

  /** Runs for every bus message. @handler */
  export const consume = inHouse.wrap(async (msg) => {
    inbox.push(msg.id);
  });

  /** @handler */
  function onEvent(payload) {
    lastMessage = payload;
  }
  onMessage(onEvent);

  export const peek = () => ({ inbox, lastMessage });
`);

const WRAPPED = dedent(`
  const seen: string[] = [];

  export const process = lib.wrap(async (job) => {
    seen.push(job.id);
  });

  export const count = () => seen.length;
`);

const reported: Reported[] = [
  {
    name: '@handler on an exported wrapper call',
    filename: '/svc/src/consumer.ts',
    code: COMMENTED,
    rule: 'growth',
    at: ['inbox.push('],
  },
  {
    name: '@handler on a function declaration passed to a registry',
    filename: '/svc/src/consumer.ts',
    code: COMMENTED,
    rule: 'requestData',
    at: [['lastMessage =', 1]],
  },
  {
    name: 'settings.wrappers with a member callee',
    filename: '/svc/src/jobs.ts',
    code: WRAPPED,
    rule: 'growth',
    at: ['seen.push('],
    settings: { 'handler-state': { wrappers: ['lib.wrap'] } },
  },
  {
    name: 'settings.handlers names an export per file glob',
    filename: '/svc/src/jobs.ts',
    code: WRAPPED,
    rule: 'growth',
    at: ['seen.push('],
    settings: { 'handler-state': { handlers: [{ files: '**/jobs.ts', names: ['process'] }] } },
  },
];

const quiet: Quiet[] = [
  { name: 'without settings, an unknown member wrapper is not a handler', filename: '/svc/src/jobs.ts', code: WRAPPED },
  {
    name: 'settings.wrappers names a different member',
    filename: '/svc/src/jobs.ts',
    code: WRAPPED,
    settings: { 'handler-state': { wrappers: ['other.wrap'] } },
  },
  {
    name: '@handler inside prose or an e-mail address is not the tag',
    filename: '/svc/src/util.ts',
    code: dedent(`
      const seen: string[] = [];
      // mail ops@handler.dev about this
      export const track = (id) => { seen.push(id); };
    `),
  },
  {
    name: 'settings.handlers glob for other files',
    filename: '/svc/src/jobs.ts',
    code: WRAPPED,
    settings: { 'handler-state': { handlers: [{ files: 'lambdas/**', names: ['process'] }] } },
  },
];

describe('declared handlers', () => {
  it('takes the name from the declaration the comment is on', () => {
    expect(handlersOf(COMMENTED, '/svc/src/consumer.ts')).toEqual(['declared consume', 'declared onEvent']);
  });
  it('matches a plain wrapper name against the last segment of a member callee', () => {
    const settings = { 'handler-state': { wrappers: ['wrap'] } };
    expect(handlersOf(WRAPPED, '/svc/src/jobs.ts', { settings })).toEqual(['aws-lambda process']);
  });
});

describe('settings validation: one message per malformed setting, naming it', () => {
  const errorsOf = (raw: unknown) => resolveSettings({ 'handler-state': raw }, '/p/src/a.ts', '/p').errors;

  it('accepts well-formed settings', () => {
    expect(
      errorsOf({
        handlers: ['main', { files: ['src/**/*.ts'], names: ['run'] }],
        wrappers: ['wrap', 'lib.wrap'],
        boundedCaches: ['MyLru'],
      }),
    ).toEqual([]);
  });
  it('names the setting that is not an object', () => {
    expect(errorsOf('main')).toEqual(['it must be an object such as { handlers: ["main"] }, not "main"']);
  });
  it('names unknown keys and suggests the near miss', () => {
    expect(errorsOf({ handler: ['main'] })).toEqual(['unknown key "handler" (did you mean "handlers"?)']);
    const [unknown, ...rest] = errorsOf({ foo: 1 });
    expect(rest).toEqual([]);
    expect(unknown).toMatch(/^unknown key "foo" \(known keys: handlers, wrappers, boundedCaches\b/u);
  });
  it('names each bad wrapper entry and keeps the good ones', () => {
    const resolved = resolveSettings({ 'handler-state': { wrappers: ['ok', 'lib.wrap()', 3] } }, '/p/a.ts', '/p');
    expect(resolved.errors).toEqual([
      '"wrappers[1]" must be a function name such as "wrap" or "lib.wrap", not "lib.wrap()"',
      '"wrappers[2]" must be a function name such as "wrap" or "lib.wrap", not 3',
    ]);
    expect([...resolved.wrappers]).toEqual(['ok']);
  });
  it('names a non-array setting', () => {
    expect(errorsOf({ wrappers: 'wrap' })).toEqual([
      '"wrappers" must be an array of names (a function name such as "wrap" or "lib.wrap"), not "wrap"',
    ]);
    expect(errorsOf({ handlers: 5 })).toEqual([
      '"handlers" must be an array of export names or { files, names } objects, not 5',
    ]);
    expect(errorsOf({ handlers: () => ['main'] })).toEqual([
      '"handlers" must be an array of export names or { files, names } objects, not a function',
    ]);
  });
  it('gives one message per bad handlers entry, naming its index and its problem', () => {
    expect(
      errorsOf({
        handlers: [
          { files: [], names: [] },
          { files: 'src/**', names: [] },
          { files: 'src/**', names: ['ok', 7] },
          { files: 'src/**', names: ['x'], name: 'typo' },
          'has space',
          null,
        ],
      }),
    ).toEqual([
      '"handlers[0]" needs "files": a glob or a non-empty array of globs, such as "src/handlers/**/*.ts"',
      '"handlers[1]" needs "names": a non-empty array of export names, such as ["main"]',
      '"handlers[2]" has "names" entry 7, which is not an export name',
      '"handlers[3]" has unknown key "name" (an entry is { files, names })',
      '"handlers[4]" must be an export name such as "main", not "has space"',
      '"handlers[5]" must be an export name or a { files, names } object, not null',
    ]);
  });
});

runPlatform('platforms: declared handlers', reported, quiet);
