// Every relative link in the Markdown the package ships resolves to a file inside the tarball.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let shipped: Set<string>;

beforeAll(() => {
  // `--dry-run` lists what `npm publish` would upload without writing a tarball.
  const packed = JSON.parse(
    execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' }),
  ) as Array<{ files: Array<{ path: string }> }>;
  shipped = new Set(packed[0].files.map((file) => file.path));
}, 120_000);

/** `[text](target)` and `[text]: target` links, outside code fences and inline code. */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gmu, '').replace(/`[^`\n]*`/gu, '');
  const targets = [
    ...[...withoutCode.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/gu)].map((match) => match[1]),
    ...[...withoutCode.matchAll(/^\[[^\]]+\]:\s+(\S+)/gmu)].map((match) => match[1]),
  ];
  return targets.filter((target) => !/^(?:[a-z][a-z0-9+.-]*:|#)/iu.test(target));
}

describe('links in the shipped docs', () => {
  it('ships the README, the LICENSE and the docs', () => {
    expect(shipped).toContain('README.md');
    expect(shipped).toContain('LICENSE');
    expect([...shipped].some((file) => file.startsWith('docs/rules/'))).toBe(true);
  });

  it('every relative link points inside the tarball', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of [...shipped].filter((name) => name.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      for (const target of relativeLinks(text)) {
        checked++;
        const clean = decodeURIComponent(target.split('#')[0]);
        if (clean === '') continue;
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), clean)).replace(/\/$/u, '');
        const exists = shipped.has(resolved) || [...shipped].some((name) => name.startsWith(`${resolved}/`));
        if (!exists) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
    // The check saw real links (README and docs link to each other).
    expect(checked).toBeGreaterThan(20);
  });
});
