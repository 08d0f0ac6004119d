// The principle: a failure in one part of the analysis loses only that part, and it is visible (a diagnostic on
// the file), while the debug switch rethrows it. A rule in the lint job makes part of the syntax tree throw when
// read (test/helpers/lint-job.mjs), standing in for any stage that fails. `it.fails` marks what fails today.
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect } from './harness.js';

const context = builtPlugin();

describe.concurrent('a failing analysis stage', () => {
  // Guards against a defect: the analysis caught its own exceptions and returned an empty result, "0 findings" on
  // broken input.
  it('gives the file a diagnostic that names the failure', () => expectCorrect(S.failureIsVisible, context));
  // Guards against a defect: one try/catch around the whole file, so a failure in one handler lost every handler.
  it("loses only the failing handler: the other handler's finding is reported", () =>
    expectCorrect(S.failureIsContained, context));
  it('is rethrown under HANDLER_STATE_DEBUG=1', () => expectCorrect(S.debugRethrows, context));
  // Guards against a defect: any non-empty value turns the debug switch on, "0" included.
  it('is not rethrown under HANDLER_STATE_DEBUG=0', () => expectCorrect(S.debugZeroIsOff, context));
  // `scan` counting such a file in its summary and exiting 2 is tested in test/cli/scan-incomplete.test.ts, with an
  // input that runs out of a budget (a failure cannot be injected into the CLI's own process from here).
});
