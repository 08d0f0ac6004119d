// Imports: what the cross-file analysis reads must never cost the file its findings, hang, or grow without end.
// Each test asserts the correct behaviour; `it.fails` marks what fails today (flip it to `it` once fixed).
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect, skipped, timeoutOf } from './harness.js';

const context = builtPlugin();

describe('TypeScript import-equals declarations', () => {
  // Defect: the cross-file import reader assumes every import binding has a source string, and throws on
  // `import x = require()`; the analysis swallows the error and the whole file reports nothing.
  it.fails('`import fs = require()` keeps the unrelated finding of the file', () =>
    expectCorrect(S.importEqualsRequire, context),
  );
  // Defect: the same reader on an entity alias `import A = NS.B`.
  it.fails('`import A = NS.B` keeps the unrelated finding of the file', () =>
    expectCorrect(S.importEqualsEntity, context),
  );
  // Defect: the same reader on `export import x = require()`.
  it.fails('`export import fs = require()` keeps the unrelated finding of the file', () =>
    expectCorrect(S.exportImportEqualsRequire, context),
  );
});

describe.concurrent('imports that name special files', () => {
  // Defect: an imported path is read with readFileSync after a stat() that says "regular file, size 0":
  // /proc/self/pagemap never ends, so the lint grows until it runs out of memory.
  for (const scenario of [S.pagemapImport, S.pagemapRequire, S.pagemapExportStar, S.pagemapPathsAlias]) {
    const how = { import: 'import', require: 'require()', 'export-star': '`export *`', 'paths-alias': '`paths` alias' }[
      scenario.id.replace(/^special-file-|-pagemap$/gu, '')
    ];
    it.skipIf(skipped(scenario)).fails(
      `an ${how} of /proc/self/pagemap is not read, and the file's own finding is reported`,
      { timeout: timeoutOf(scenario) },
      () => expectCorrect(scenario, context),
    );
  }
  // Defect: the same read blocks forever on /proc/kmsg (where this process may open it).
  it.skipIf(skipped(S.kmsgImport)).fails(
    'an import of /proc/kmsg does not block the lint',
    { timeout: timeoutOf(S.kmsgImport) },
    () => expectCorrect(S.kmsgImport, context),
  );
});

describe.concurrent('the cross-file module cache and re-export chains', () => {
  // Defect: every imported module stays in the cache whole (syntax tree and scope manager, ~300 bytes of heap
  // per byte of source) and nothing is evicted, so a scan's memory grows with the imported code it has seen.
  it.fails(
    'scanning handlers that each import their own large module keeps summaries, not syntax trees',
    { timeout: timeoutOf(S.moduleCacheRetention) },
    () => expectCorrect(S.moduleCacheRetention, context),
  );
  // Defect: `export *` is followed with no cycle check, so a barrel that re-exports itself recurses until the
  // stack overflows, and the overflow erases the file's findings.
  it.fails(
    'a barrel that re-exports itself: the cycle is cut and both findings are reported',
    { timeout: timeoutOf(S.reexportSelfCycle) },
    () => expectCorrect(S.reexportSelfCycle, context),
  );
  // Defect: the same with two barrels that `export *` each other.
  it.fails(
    'two barrels that re-export each other: the cycle is cut and both findings are reported',
    { timeout: timeoutOf(S.reexportPairCycle) },
    () => expectCorrect(S.reexportPairCycle, context),
  );
});
