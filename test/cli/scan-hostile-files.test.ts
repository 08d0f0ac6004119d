// The scan against files that are not what they claim (FIFOs, links to /dev/zero, huge manifests and .gitignore
// files), broken manifests, odd file names and a closed stdout. Each run is the built bin in a child process under
// a time, heap and RSS limit, so a regression fails its test with figures instead of hanging or exhausting memory.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../helpers/temp.js';
import { BIN, describeRun, runBinLimited } from './limited-run.js';
import { CLEAN_ESM, LEAKY_CJS } from './helpers.js';

const GROWTH = 'handler-state/no-unbounded-growth';
const onLinux = process.platform === 'linux';

const project = makeProject;

function mkfifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

describe.runIf(onLinux)('files that are not regular files', () => {
  it.each([
    ['package.json', 'a link to /dev/zero'],
    ['package.json', 'a FIFO'],
    ['.gitignore', 'a link to /dev/zero'],
    ['.gitignore', 'a FIFO'],
    ['serverless.yml', 'a link to /dev/zero'],
    ['template.yaml', 'a FIFO'],
  ])('a %s that is %s is passed over; the scan finishes and reports the leak', async (name, kind) => {
    const dir = project({ 'src/a.js': LEAKY_CJS });
    const target = path.join(dir, name);
    if (kind === 'a FIFO') mkfifo(target);
    else fs.symlinkSync('/dev/zero', target);
    const run = await runBinLimited(['scan', '.'], dir, { wallMs: 30_000, rssMb: 700 });
    expect(run.killedBy, describeRun(run)).toBeUndefined();
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)`);
    expect(run.code).toBe(1);
    // A .gitignore that cannot be read is named, so nobody wonders why its patterns did not apply.
    if (name === '.gitignore') expect(run.stderr).toContain('.gitignore is not read (not a regular file');
  });

  it('a FIFO or a link to /dev/zero named on the command line is unreadable (exit 2); the other paths are scanned', async () => {
    const dir = project({ 'ok.js': LEAKY_CJS });
    mkfifo(path.join(dir, 'fifo.js'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.js'));
    const run = await runBinLimited(['scan', 'fifo.js', 'zero.js', 'ok.js'], dir, { wallMs: 30_000, rssMb: 700 });
    expect(run.killedBy, describeRun(run)).toBeUndefined();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('fifo.js\n  error  Cannot read fifo.js: not a regular file (a FIFO)');
    expect(run.stdout).toContain('zero.js\n  error  Cannot read zero.js: not a regular file (a device)');
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1); 2 paths unreadable`);
  });

  it('a FIFO or a /dev/zero link met while walking a directory is skipped', async () => {
    const dir = project({ 'ok.js': LEAKY_CJS });
    mkfifo(path.join(dir, 'fifo.js'));
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.js'));
    const run = await runBinLimited(['scan', '.'], dir, { wallMs: 30_000, rssMb: 700 });
    expect(run.killedBy, describeRun(run)).toBeUndefined();
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)\n`);
  });
});

describe('large inputs', () => {
  it('a manifest over the size limit is a problem of that manifest, read no further', async () => {
    const functions = Array.from(
      { length: 40_000 },
      (_, index) =>
        `  fn${index}:\n    handler: src/missing${index}.handler\n    events:\n      - http: { path: /p${index}, method: get }`,
    );
    const dir = project({
      'serverless.yml': `service: big\nprovider:\n  name: aws\nfunctions:\n${functions.join('\n')}\n`,
      'src/a.js': LEAKY_CJS,
    });
    expect(fs.statSync(path.join(dir, 'serverless.yml')).size).toBeGreaterThan(2 * 1024 * 1024);
    const run = await runBinLimited(['scan', '.'], dir, { wallMs: 30_000, heapMb: 400, rssMb: 700 });
    expect(run.killedBy, describeRun(run)).toBeUndefined();
    expect(run.stderr).toBe(
      'handler-state scan: manifest: serverless.yml: cannot read the file (larger than 2 MiB, the limit for manifests)\n',
    );
    expect(run.stdout).toContain(`1 file, 1 handler, 1 finding (${GROWTH}: 1)`);
  });

  it('a .gitignore of 20,000 patterns is applied without a quadratic walk', async () => {
    const patterns = Array.from({ length: 20_000 }, (_, index) =>
      index % 3 === 0 ? `generated-${index}/**/*.out.js` : index % 3 === 1 ? `/tmp-${index}/` : `*.cache-${index}`,
    );
    const files: Record<string, string> = { '.gitignore': `${patterns.join('\n')}\nignored.js\n` };
    for (let directory = 0; directory < 20; directory++) {
      for (let file = 0; file < 10; file++) files[`src/m${directory}/f${file}.mjs`] = CLEAN_ESM;
    }
    files['ignored.js'] = LEAKY_CJS;
    const dir = project(files);
    const run = await runBinLimited(['scan', '.', '--no-manifests'], dir, { wallMs: 60_000, heapMb: 600, rssMb: 900 });
    expect(run.killedBy, describeRun(run)).toBeUndefined();
    expect(run.stdout).toBe('200 files, 200 handlers, 0 findings\n');
  });
});

describe('manifest mistakes', () => {
  it('a handler string with a stray space is one note on stderr, and clean code stays clean (exit 0)', async () => {
    const dir = project({
      'serverless.yml': 'service: api\nprovider:\n  name: aws\nfunctions:\n  api:\n    handler: "src/api.handler "\n',
      'src/api.js': 'exports.handler = async (event) => ({ statusCode: 200, body: String(event.id) });\n',
      'src/util.mjs': 'export const helper = (x) => x + 1;\n',
      'src/other.mjs': 'export const other = () => 2;\n',
    });
    const run = await runBinLimited(['scan', '.'], dir);
    expect(run.stderr).toBe(
      'handler-state scan: manifest: serverless.yml: function "api": handler "src/api.handler " has blanks around it; read as "src/api.handler"\n',
    );
    expect(run.stdout).toBe('3 files, 1 handler, 0 findings\n');
    expect(run.code).toBe(0);
  });

  it('an export name with blanks in it is skipped with a note, never handed to the settings', async () => {
    const dir = project({
      'template.yaml':
        'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: "app.my handler"\n',
      'app.js': CLEAN_ESM,
    });
    const run = await runBinLimited(['scan', '.'], dir);
    expect(run.stderr).toContain(
      'Handler "app.my handler" names the export "my handler", which has blanks in it; skipped',
    );
    expect(run.stdout).toBe('1 file, 1 handler, 0 findings\n');
    expect(run.code).toBe(0);
  });
});

describe('output', () => {
  it.runIf(onLinux)('`scan | head -1` ends without a stack trace, with the scan’s own exit code', () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 60; index++) files[`h${index}.js`] = LEAKY_CJS;
    const dir = project(files);
    const run = spawnSync('bash', ['-c', `node '${BIN}' scan . | head -1; echo "status \${PIPESTATUS[0]}" >&2`], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout).toBe('h0.js\n');
    expect(run.stderr).toBe('status 1\n');
  });

  it('SARIF file URIs are percent-encoded references that resolve back to the file', async () => {
    const names = ['src/with space/a #1.js', 'src/ünï/100%.js', 'src/new\nline.js', 'src/q?.js'];
    const dir = project(Object.fromEntries(names.map((name) => [name, LEAKY_CJS])));
    const run = await runBinLimited(['scan', '.', '--format', 'sarif'], dir);
    const log = JSON.parse(run.stdout) as Log;
    const uris = (log.runs[0].results ?? []).map(
      (result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '',
    );
    expect(uris.sort()).toEqual(
      ['src/new%0Aline.js', 'src/q%3F.js', 'src/with%20space/a%20%231.js', 'src/%C3%BCn%C3%AF/100%25.js'].sort(),
    );
    const base = log.runs[0].originalUriBaseIds?.['%SRCROOT%']?.uri ?? '';
    for (const uri of uris) {
      // Each is a valid relative reference: resolved against the base it names an existing file.
      expect(uri).toMatch(/^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]+$/u);
      expect(fs.existsSync(new URL(uri, base))).toBe(true);
    }
    const fingerprints = (log.runs[0].results ?? []).map(
      (result) => result.partialFingerprints?.primaryLocationLineHash,
    );
    expect(new Set(fingerprints).size).toBe(names.length);
  });

  it('a SARIF result keeps its fingerprint when code moves down, and two identical lines get two', async () => {
    const twice = `const seen = [];\nexports.handler = async (event) => {\n  seen.push(event.id);\n  seen.push(event.id);\n};\n`;
    const dir = project({ 'a.js': twice });
    const fingerprintsOf = async () => {
      const run = await runBinLimited(['scan', '.', '--format', 'sarif'], dir);
      const log = JSON.parse(run.stdout) as Log;
      return (log.runs[0].results ?? []).map((result) => [
        result.locations?.[0]?.physicalLocation?.region?.startLine,
        result.partialFingerprints?.primaryLocationLineHash,
      ]);
    };
    const before = await fingerprintsOf();
    fs.writeFileSync(path.join(dir, 'a.js'), `// a comment\n\n${twice}`);
    const after = await fingerprintsOf();
    expect(before.map(([line]) => line)).toEqual([3, 4]);
    expect(after.map(([line]) => line)).toEqual([5, 6]);
    expect(after.map(([, hash]) => hash)).toEqual(before.map(([, hash]) => hash));
    expect(before[0][1]).not.toBe(before[1][1]);
    expect(String(before[0][1])).toMatch(/^[0-9a-f]{32}:1$/u);
  });
});
