// The docs fence convention: every JavaScript or TypeScript fence says what it is, or the docs test refuses to run.
import { describe, expect, it } from 'vitest';
import { readFences } from '../helpers/fences.js';

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;

describe('readFences', () => {
  it('reads the kind, the report counts, the file, options, settings and companions', () => {
    const [incorrect, correct] = readFences(
      doc(
        '# Title',
        '```ts incorrect reports=2 file=app/api/x/route.ts options=\'{"allow": ["a b"]}\' with=store.ts,lib.ts',
        'export const GET = () => 1;',
        '```',
        '```js correct settings=\'{"handlers": ["main"]}\'',
        'export const main = () => 1;',
        '```',
      ),
      'page.md',
    );
    expect(incorrect).toMatchObject({
      where: 'page.md:2',
      lang: 'ts',
      kind: 'incorrect',
      file: 'app/api/x/route.ts',
      options: { allow: ['a b'] },
      with: ['store.ts', 'lib.ts'],
      code: 'export const GET = () => 1;\n',
    });
    expect([...incorrect.reports]).toEqual([['', 2]]);
    expect(correct).toMatchObject({ where: 'page.md:5', kind: 'correct', settings: { handlers: ['main'] } });
  });

  it('reads report counts per rule', () => {
    const [fence] = readFences(
      doc('```js incorrect reports=no-unbounded-growth:1,no-module-state-write:2', 'x;', '```'),
      'README.md',
    );
    expect([...fence.reports]).toEqual([
      ['no-unbounded-growth', 1],
      ['no-module-state-write', 2],
    ]);
  });

  it('lints CommonJS examples as .cjs and the rest by language', () => {
    const files = readFences(
      doc(
        '```js correct',
        'exports.handler = async (event) => event;',
        '```',
        '```js correct',
        'export const handler = async (event) => event;',
        '```',
        '```ts correct',
        'export const handler = async (event) => event;',
        '```',
      ),
      'page.md',
    ).map((fence) => fence.file);
    expect(files).toEqual(['src/handler.cjs', 'src/handler.js', 'src/handler.ts']);
  });

  it('leaves other languages alone and reads ~~~ and longer fences', () => {
    const fences = readFences(
      doc('```sh', 'npm test', '```', '~~~~js config', '```js', 'not a fence end', '~~~~', '```json', '{}', '```'),
      'page.md',
    );
    expect(fences.map((fence) => [fence.where, fence.kind, fence.code])).toEqual([
      ['page.md:4', 'config', '```js\nnot a fence end\n'],
    ]);
  });

  it.each([
    [
      'a fence that does not say what it is',
      doc('```js', 'x;', '```'),
      /page\.md:1: a `js` fence must say what it is/u,
    ],
    [
      'a fence that says two things',
      doc('```js correct config', 'x;', '```'),
      /exactly one of incorrect, correct, config/u,
    ],
    ['an unknown word', doc('```js correct wrong', 'x;', '```'), /page\.md:1: unknown word "wrong"/u],
    ['an unknown key', doc('```js correct rule=x', 'x;', '```'), /unknown word "rule"/u],
    ['an incorrect example without a count', doc('```js incorrect', 'x;', '```'), /must say how many reports/u],
    [
      'a count on a correct example',
      doc('```js correct reports=1', 'x;', '```'),
      /only an incorrect example has reports=/u,
    ],
    ['a malformed count', doc('```js incorrect reports=two', 'x;', '```'), /reports= takes N or rule:N/u],
    [
      'settings that are not JSON',
      doc("```js correct settings='{handlers}'", 'x;', '```'),
      /settings= must be a JSON object/u,
    ],
    ['a fence that is never closed', doc('text', '```js correct', 'x;'), /page\.md:2: the code fence is never closed/u],
  ])('refuses %s', (_, markdown, message) => {
    expect(() => readFences(markdown, 'page.md')).toThrow(message);
  });
});
