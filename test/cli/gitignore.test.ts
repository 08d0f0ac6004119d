// The scan's .gitignore reading, checked against git itself on a repository full of edge cases.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/cli/files.js';
import { parseGitignore } from '../../src/cli/gitignore.js';
import { makeProject } from './helpers.js';

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
    const matcher = parseGitignore('# comment\n\n!keep/\nlogs/\n  \nplain\n*.log\n!keep/\n');
    expect(matcher.ignores('# comment')).toBe(false);
    expect(matcher.ignores('logs/')).toBe(true);
    // `logs/` names directories only: a file called logs is kept.
    expect(matcher.ignores('logs')).toBe(false);
    expect(matcher.ignores('deep/plain')).toBe(true);
    expect(matcher.test('keep/').unignored).toBe(true);
  });
});
