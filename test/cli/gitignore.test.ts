// The scan's .gitignore reading, checked against git itself on a repository full of edge cases.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/cli/files.js';
import ignore from 'ignore';
import { parseGitignore } from '../../src/cli/gitignore.js';
import { makeProject } from '../helpers/temp.js';

const ROOT_GITIGNORE = [
  '# a comment, then a blank line',
  '',
  '/root-only.js',
  'out/',
  '*.gen.js',
  '!keep.gen.js',
  'logs/**',
  '!logs/keep.js',
  'a/**/b.js',
  '**/deep/*.js',
  '[abc]x.js',
  '[!q]y.js',
  '?z.js',
  '\\#hash.js',
  '\\!bang.js',
  'trailing.js   ',
  'vendor/',
  '!vendor/re-included.js',
  'file-not-dir/',
  'docs/*.js',
  '{brace,x}.js',
].join('\n');

const FILES = [
  'root-only.js',
  'sub/root-only.js',
  'out/x.js',
  'sub/out/x.js',
  'one.gen.js',
  'sub/keep.gen.js',
  'logs/a.js',
  'logs/keep.js',
  'logs/deeper/c.js',
  'a/b.js',
  'a/x/y/b.js',
  'x/a/b.js',
  'deep/e.js',
  'p/deep/e.js',
  'p/deep/f/g.js',
  'ax.js',
  'dx.js',
  'qy.js',
  'ry.js',
  'zz.js',
  'oz.js',
  '#hash.js',
  '!bang.js',
  'trailing.js',
  'vendor/lib.js',
  'vendor/re-included.js',
  'file-not-dir',
  'docs/page.js',
  'docs/nested/page.js',
  '{brace,x}.js',
  'brace.js',
  'sub/.gitignore',
  'sub/local.js',
  'sub/ok.js',
  'sub/mid/thing.js',
  'sub/z/mid/thing.js',
  'plain.js',
];

const SUB_GITIGNORE = ['*.js', '!ok.js', 'mid/thing.js'].join('\n');

describe('.gitignore', () => {
  it('picks exactly the files git does not ignore', () => {
    const files: Record<string, string> = { '.gitignore': ROOT_GITIGNORE };
    for (const file of FILES) files[file] = file === 'sub/.gitignore' ? SUB_GITIGNORE : 'export {};\n';
    const dir = makeProject(files);
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const gitListing = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], {
      cwd: dir,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => file.endsWith('.js'))
      .sort();
    const ours = collectFiles(['.'], dir).files.map((file) => path.relative(dir, file).split(path.sep).join('/'));
    expect(ours).toEqual(gitListing);
    // Guard against a vacuous comparison: both sides ignore and keep a fair share of the files.
    expect(gitListing.length).toBeGreaterThan(8);
    expect(gitListing.length).toBeLessThan(FILES.length - 15);
  });

  it('drops comments and blank lines, and reads negation and directory-only markers', () => {
    const rules = parseGitignore('# comment\n\n!keep/\nlogs/\n  \nplain\n*.log\n!keep/\n');
    expect(rules.size).toBe(5);
    expect(rules.verdict('# comment', false)).toBeUndefined();
    expect(rules.verdict('logs', true)).toBe(true);
    // `logs/` names directories only: a file called logs is kept.
    expect(rules.verdict('logs', false)).toBeUndefined();
    expect(rules.verdict('deep/plain', false)).toBe(true);
    expect(rules.verdict('keep', true)).toBe(false);
  });

  it('its index of patterns never changes a verdict of the ignore library', () => {
    const patterns = [
      'build/',
      '/dist',
      '*.log',
      '!keep.log',
      'tmp*',
      'src/**/gen/*.js',
      'docs/*.md',
      '**/cache',
      '[Tt]humbs.db',
      '\\#notes',
      'a?c.txt',
      '*.min.*',
      '!src/keep/',
      'node_modules',
      'out/**',
      '!out/keep.js',
      'x/y/',
      '*~',
      'lib/*-old.js',
    ];
    const text = patterns.join('\n');
    const rules = parseGitignore(text);
    const library = ignore({ allowRelativePaths: true, ignorecase: false }).add(text);
    const names = [
      'build',
      'dist',
      'a.log',
      'keep.log',
      'tmpfile',
      'gen',
      'x.js',
      'cache',
      'Thumbs.db',
      '#notes',
      'abc.txt',
    ];
    const more = ['a.min.js', 'keep', 'node_modules', 'out', 'y', 'f~', 'z-old.js', 'README.md', 'plain.js'];
    const dirs = ['', 'src/', 'src/a/', 'docs/', 'out/', 'lib/', 'x/', 'src/keep/', 'p/q/r/'];
    let compared = 0;
    for (const dir of dirs) {
      for (const name of [...names, ...more]) {
        const file = `${dir}${name}`;
        const expected = library.checkIgnore(file);
        expect([file, rules.verdict(file, false)]).toEqual([
          file,
          expected.ignored ? true : expected.unignored ? false : undefined,
        ]);
        compared++;
      }
    }
    for (const name of [...names, ...more]) {
      const expected = library.test(`${name}/`);
      expect([name, rules.verdict(name, true)]).toEqual([
        name,
        expected.ignored ? true : expected.unignored ? false : undefined,
      ]);
    }
    expect(compared).toBeGreaterThan(150);
  });
});
