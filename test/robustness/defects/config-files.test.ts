// Configuration files that are not regular files (symlinks to /dev/zero, FIFOs; git can store such symlinks):
// never read, and the lint or scan goes on. Every case here once failed and is fixed; a new defect is added as `it.fails` until it is fixed.
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect, skipped, timeoutOf } from './harness.js';

const context = builtPlugin();

describe.concurrent('config files that are not regular files', () => {
  // Defect: tsconfig.json/jsconfig.json (path aliases) are read with readFileSync: /dev/zero never ends.
  it.skipIf(skipped(S.tsconfigDevZero))(
    'a tsconfig.json that links to /dev/zero: the lint completes and reports',
    { timeout: timeoutOf(S.tsconfigDevZero) },
    () => expectCorrect(S.tsconfigDevZero, context),
  );
  // Defect: the same read blocks forever on a FIFO.
  it.skipIf(skipped(S.jsconfigFifo))(
    'a jsconfig.json that is a FIFO: the lint completes and reports',
    { timeout: timeoutOf(S.jsconfigFifo) },
    () => expectCorrect(S.jsconfigFifo, context),
  );
  // Defect: `scan` reads package.json (the module type of .js files) the same way.
  it.skipIf(skipped(S.packageJsonDevZero))(
    'a package.json that links to /dev/zero: the scan completes and reports',
    { timeout: timeoutOf(S.packageJsonDevZero) },
    () => expectCorrect(S.packageJsonDevZero, context),
  );
  it.skipIf(skipped(S.packageJsonFifo))(
    'a package.json that is a FIFO: the scan completes and reports',
    { timeout: timeoutOf(S.packageJsonFifo) },
    () => expectCorrect(S.packageJsonFifo, context),
  );
  // Defect: `scan` reads .gitignore files the same way.
  it.skipIf(skipped(S.gitignoreDevZero))(
    'a .gitignore that links to /dev/zero: the scan completes and reports',
    { timeout: timeoutOf(S.gitignoreDevZero) },
    () => expectCorrect(S.gitignoreDevZero, context),
  );
  it.skipIf(skipped(S.gitignoreFifo))(
    'a .gitignore that is a FIFO: the scan completes and reports',
    { timeout: timeoutOf(S.gitignoreFifo) },
    () => expectCorrect(S.gitignoreFifo, context),
  );
});
