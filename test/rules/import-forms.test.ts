// Every import form the facts layer models, seen by the rules alike: ES default/named/namespace imports, require
// (plain, destructured, `.member`, `.default`), dynamic `await import()`, TypeScript `import x = require()`,
// `import A = NS.B`, `export import`, and the export forms `export =` and `export import`.
import type { RuleTester } from 'eslint';
import { describe } from 'vitest';
import noModuleStateWrite from '../../src/rules/no-module-state-write.js';
import noPersistentLibraryContext from '../../src/rules/no-persistent-library-context.js';
import noRequestDataInModuleScope from '../../src/rules/no-request-data-in-module-scope.js';
import { ruleTester } from '../rule-tester.js';

/** 1-based line and column of `needle` in `code`. */
function at(code: string, needle: string): { line: number; column: number } {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`fixture has no ${JSON.stringify(needle)}`);
  const before = code.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}

function reported(name: string, code: string, messageId: string, needle: string): RuleTester.InvalidTestCase {
  return { name, code, filename: 'handler.ts', errors: [{ messageId, ...at(code, needle) }] };
}

const quiet = (name: string, code: string): RuleTester.ValidTestCase => ({ name, code, filename: 'handler.ts' });

/** A module-scope object that a lodash mutator fills with request data inside an AWS Lambda handler. */
const mergeInto = (imports: string, inHandler: string, call: string) => `${imports}
const state = { user: null };
export const handler = async (event) => {
  ${inHandler}
  ${call}(state, event.body);
  return state;
};
// Read outside the handler too, so there is no move-into-handler suggestion to spell out.
export const snapshot = () => state;
`;

describe('lodash mutators, however lodash is imported', () => {
  const id = 'requestDataInModuleScope';
  ruleTester.run('import forms: lodash', noRequestDataInModuleScope as never, {
    valid: [
      quiet('lodash/fp is immutable', mergeInto(`import fp from 'lodash/fp';`, '', 'fp.merge')),
      quiet(
        'a handler parameter named `_` shadows the lodash import',
        `import _ from 'lodash';
const state = { user: null };
export const handler = async (event, _) => {
  _.merge(state, event.body);
};
`,
      ),
      quiet(
        'a local object with a merge method is not lodash',
        mergeInto(`const _ = { merge: (a, b) => ({ ...a, ...b }) };`, '', '_.merge'),
      ),
      quiet('a type-only import has no value', mergeInto(`import type { merge } from 'lodash';`, '', 'merge')),
    ],
    invalid: [
      reported('default import', mergeInto(`import _ from 'lodash';`, '', '_.merge'), id, '_.merge('),
      reported('namespace import', mergeInto(`import * as _ from 'lodash';`, '', '_.merge'), id, '_.merge('),
      reported('named import', mergeInto(`import { merge } from 'lodash';`, '', 'merge'), id, 'merge(state'),
      reported('renamed import', mergeInto(`import { merge as deep } from 'lodash-es';`, '', 'deep'), id, 'deep('),
      reported('require', mergeInto(`const _ = require('lodash');`, '', '_.merge'), id, '_.merge('),
      reported(
        'destructured require',
        mergeInto(`const { merge } = require('lodash');`, '', 'merge'),
        id,
        'merge(state',
      ),
      reported('require().member', mergeInto(`const merge = require('lodash').merge;`, '', 'merge'), id, 'merge(state'),
      reported('require().default', mergeInto(`const _ = require('lodash').default;`, '', '_.merge'), id, '_.merge('),
      reported(
        'single-function module',
        mergeInto(`import merge from 'lodash/merge';`, '', 'merge'),
        id,
        'merge(state',
      ),
      reported('lodash.merge package', mergeInto(`const merge = require('lodash.merge');`, '', 'merge'), id, 'merge('),
      reported(
        '(await import()).default in the handler',
        mergeInto('', `const _ = (await import('lodash')).default;`, '_.merge'),
        id,
        '_.merge(',
      ),
      reported(
        'await import() namespace in the handler',
        mergeInto('', `const _ = await import('lodash');`, '_.merge'),
        id,
        '_.merge(',
      ),
      reported(
        'destructured await import()',
        mergeInto('', `const { merge } = await import('lodash');`, 'merge'),
        id,
        'merge(state',
      ),
      reported('import x = require()', mergeInto(`import _ = require('lodash');`, '', '_.merge'), id, '_.merge('),
      reported(
        'import A = NS.B',
        mergeInto(`import * as lodash from 'lodash';\nimport deep = lodash.merge;`, '', 'deep'),
        id,
        'deep(',
      ),
      reported(
        'export import x = require()',
        mergeInto(`export import merge = require('lodash.merge');`, '', 'merge'),
        id,
        'merge(state',
      ),
    ],
  });
});

/** Sentry's top-level setter with request data in a handler. */
const sentry = (imports: string, inHandler: string, call: string) => `${imports}
export const handler = async (event) => {
  ${inHandler}
  ${call}({ id: event.userId });
  return { statusCode: 200 };
};
`;

describe('the Sentry scope, however Sentry is imported', () => {
  const id = 'persistentLibraryContext';
  ruleTester.run('import forms: Sentry', noPersistentLibraryContext as never, {
    valid: [
      quiet(
        'dynamic import, setter inside withIsolationScope',
        `export const handler = async (event) => {
  const Sentry = await import('@sentry/node');
  return Sentry.withIsolationScope(() => {
    Sentry.setUser({ id: event.userId });
  });
};
`,
      ),
      quiet('a local object named Sentry', sentry(`const Sentry = { setUser() {} };`, '', 'Sentry.setUser')),
    ],
    invalid: [
      reported(
        'namespace import',
        sentry(`import * as Sentry from '@sentry/node';`, '', 'Sentry.setUser'),
        id,
        'Sentry.setUser(',
      ),
      reported(
        'await import() in the handler',
        sentry('', `const Sentry = await import('@sentry/node');`, 'Sentry.setUser'),
        id,
        'Sentry.setUser(',
      ),
      reported(
        'destructured await import()',
        sentry('', `const { setUser } = await import('@sentry/node');`, 'setUser'),
        id,
        'setUser(',
      ),
      reported('named import', sentry(`import { setUser } from '@sentry/node';`, '', 'setUser'), id, 'setUser('),
      reported(
        'require',
        sentry(`const Sentry = require('@sentry/aws-serverless');`, '', 'Sentry.setUser'),
        id,
        'Sentry.setUser(',
      ),
      reported(
        'import x = require()',
        sentry(`import Sentry = require('@sentry/node');`, '', 'Sentry.setUser'),
        id,
        'Sentry.setUser(',
      ),
    ],
  });
});

describe('export forms', () => {
  const write = (exports: string) => `let last;
const handler = async (event) => {
  last = event.id;
};
function peek() {
  return last;
}
${exports}
`;
  ruleTester.run('export forms: TypeScript export =', noRequestDataInModuleScope as never, {
    valid: [quiet('export = of a non-handler name', write('const helper = 1;\nexport = { helper };'))],
    invalid: [
      reported('export = { handler }', write('export = { handler };'), 'requestDataInModuleScope', 'last = event.id'),
    ],
  });
  ruleTester.run('export forms: named default', noModuleStateWrite as never, {
    valid: [],
    invalid: [
      reported(
        'export = a function named handler',
        `let count = 0;\nconst total = () => count;\nexport = function handler(event) {\n  count++;\n};\n`,
        'moduleStateWrite',
        'count++',
      ),
      reported(
        'middy imported with import x = require()',
        `import middy = require('@middy/core');\nlet count = 0;\nexport const total = () => count;\nexport const main = middy(async (event) => {\n  count++;\n});\n`,
        'moduleStateWrite',
        'count++',
      ),
    ],
  });
});
