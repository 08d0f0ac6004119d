// Following imports into the project's own files: tsconfig/jsconfig `paths` read with comments, trailing commas and
// `extends` (a chain, an array, a package), relative imports in their TypeScript spellings, and files that must
// never be opened (a FIFO named like a config or a module).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RuleTester } from 'eslint';
import { describe } from 'vitest';
import noUnboundedGrowth from '../../src/rules/no-unbounded-growth.js';
import { ruleTester } from '../rule-tester.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'handler-state-resolve-'));
  for (const [relative, text] of Object.entries(files)) {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return dir;
}

/** A FIFO at `file`; false when the system has no mkfifo. */
function fifo(file: string): boolean {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('mkfifo', [file]);
    return true;
  } catch {
    return false;
  }
}

const STORE = `export const seen: string[] = [];\nexport function remember(id: string) {\n  seen.push(id);\n}\n`;
const handlerImporting = (specifier: string) =>
  `import { remember } from '${specifier}';\nexport const handler = async (event: { id: string }) => {\n  remember(event.id);\n};\n`;

function reported(name: string, root: string, specifier: string): RuleTester.InvalidTestCase {
  const code = handlerImporting(specifier);
  return {
    name,
    code,
    filename: path.join(root, 'src/handlers/orders.ts'),
    errors: [{ messageId: 'unboundedGrowth', line: 3, column: 3 }],
  };
}

function quiet(name: string, root: string, specifier: string): RuleTester.ValidTestCase {
  return { name, code: handlerImporting(specifier), filename: path.join(root, 'src/handlers/orders.ts') };
}

const chained = project({
  // JSONC as tsc accepts it: comments and trailing commas; `extends` as an array of a package and a file.
  'tsconfig.json': `{
  // the app's config
  "extends": ["@acme/tsconfig/strict.json", "./config/paths.json"],
  "compilerOptions": { "strict": true, },
}
`,
  'node_modules/@acme/tsconfig/strict.json': '{ "compilerOptions": { "noImplicitAny": true } }\n',
  'node_modules/@acme/tsconfig/package.json': '{ "name": "@acme/tsconfig", "version": "1.0.0" }\n',
  'config/paths.json': '{ "compilerOptions": { "paths": { "~/*": ["../src/*"] } } }\n',
  'src/lib/store.ts': STORE,
});

const packageExtends = project({
  'tsconfig.json': '{ "extends": "@acme/base" }\n',
  'node_modules/@acme/base/tsconfig.json': '{ "compilerOptions": { "paths": { "#lib/*": ["./lib/*"] } } }\n',
  'node_modules/@acme/base/package.json': '{ "name": "@acme/base", "version": "1.0.0" }\n',
  'node_modules/@acme/base/lib/store.ts': STORE,
  'src/lib/store.ts': STORE,
});

const relative = project({ 'src/lib/store.ts': STORE, 'src/lib/index.ts': `export * from './store.js';\n` });

const fifos = project({ 'src/lib/store.ts': STORE });
const haveFifo = fifo(path.join(fifos, 'tsconfig.json')) && fifo(path.join(fifos, 'src/lib/pipe.ts'));

describe('module resolution', () => {
  ruleTester.run('imports followed into the project', noUnboundedGrowth as never, {
    valid: [
      // A paths entry of a package config points into node_modules: a package, not the project's code.
      quiet(
        'paths from a package config resolve inside the package and are not followed',
        packageExtends,
        '#lib/store',
      ),
      quiet('an alias no config defines is a package', relative, '~/lib/store'),
      ...(haveFifo
        ? [
            quiet('a FIFO named tsconfig.json is never opened', fifos, '~/lib/store'),
            quiet('a FIFO module is never opened', fifos, '../lib/pipe.js'),
          ]
        : []),
    ],
    invalid: [
      reported('paths from the second entry of an array extends, in a JSONC config', chained, '~/lib/store'),
      reported('relative, extensionless', relative, '../lib/store'),
      reported('relative, .js naming the .ts file', relative, '../lib/store.js'),
      reported('a directory import through its index file', relative, '../lib'),
      ...(haveFifo ? [reported('a relative import next to the FIFOs still resolves', fifos, '../lib/store')] : []),
    ],
  });
});
