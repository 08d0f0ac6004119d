// Wires ESLint's RuleTester to vitest, as eslint-plugin-eslint-plugin does.
import { RuleTester } from 'eslint';
import { afterAll, describe, it } from 'vitest';

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
