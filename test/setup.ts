// Runs before every test file: wires ESLint's RuleTester to vitest (as eslint-plugin-eslint-plugin does), turns the
// analysis' debug switch on, and removes the file's temp directories when it is done.
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

// The analysis swallows its own errors in production (a rule must never stop a lint run); in tests every one
// of them must fail the test that caused it.
process.env.HANDLER_STATE_DEBUG = '1';

const tester = RuleTester as unknown as {
  describe: typeof describe;
  it: typeof it;
  itOnly: typeof it.only;
  afterAll: typeof afterAll;
};
tester.describe = describe;
tester.it = it;
tester.itOnly = it.only;
tester.afterAll = afterAll;

// Directories made through test/helpers/temp.ts belong to the test file that made them.
afterAll(removeTempDirs);
