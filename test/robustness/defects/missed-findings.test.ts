// Findings the analysis misses (seen while reproducing the robustness defects, and found by the grammar fuzzer).
// `it.fails` marks what fails today (flip it once fixed, and let the fuzzer generate the shape again).
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect } from './harness.js';

const context = builtPlugin();

describe('missed findings', () => {
  // Missed: an exported member of a TypeScript namespace is module state.
  it.fails('`Registry.items.push(event.id)` on a namespace member is reported', () =>
    expectCorrect(S.namespaceState, context),
  );
  // Missed: handler detection does not read TypeScript's `export =`.
  it.fails('a handler exported with `export = handler` is found', () => expectCorrect(S.exportEqualsFunction, context));
  it.fails('a handler exported with `export = { handler }` is found', () =>
    expectCorrect(S.exportEqualsObject, context),
  );
  // Missed: the path-alias reader follows a string `extends` only, not the TypeScript 5 array form.
  it.fails('`paths` inherited through an array `extends` resolve', () =>
    expectCorrect(S.tsconfigExtendsArray, context),
  );

  // Found by the grammar fuzzer (test/robustness/fuzz.test.ts, shape `esm-import-of-commonjs-object`): the
  // summary of `default.remember` looks for a function in `module.exports = { remember }` and finds only the
  // shorthand property's identifier.
  it.fails('an ESM default import of a CommonJS object export is followed into `store.remember()`', () =>
    expectCorrect(S.esmDefaultImportOfCommonJs, context),
  );
  // Found by the grammar fuzzer (shape `default-export-of-import`): `export default remember` of an imported
  // binding ends the chain instead of following the import.
  it.fails('`export default` of an imported function is followed to its module', () =>
    expectCorrect(S.defaultExportOfImport, context),
  );
});
