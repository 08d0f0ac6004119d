// Quadratic cliffs: at these sizes a quadratic path runs past the child's CPU limit, while a linear one finishes
// far inside it. Nothing here is timed; the child is stopped at its limit and the test fails with the figures.
// Each case once failed; the comments name the path that was quadratic. bench/robustness.mjs prints the growth per size.
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect, timeoutOf } from './harness.js';

const context = builtPlugin();

describe.concurrent('sizes that were quadratic stay inside the CPU limit', () => {
  // Defect: each write's report scans every reference of the variable (the move-into-handler suggestion and the
  // write collection): N writes cost N².
  it('20,000 writes to one module variable', { timeout: timeoutOf(S.writesToOneVariable) }, () =>
    expectCorrect(S.writesToOneVariable, context),
  );
  // Defect: each `x = x.concat(…)` reassignment is checked against every earlier one.
  it('12,000 `x = x.concat(…)` reassignments', { timeout: timeoutOf(S.concatReassignment) }, () =>
    expectCorrect(S.concatReassignment, context),
  );
  // Defect: each call of a singleton's method walks every method of the class.
  it('a singleton class with 12,000 methods, each called', { timeout: timeoutOf(S.classWithManyMethods) }, () =>
    expectCorrect(S.classWithManyMethods, context),
  );
  // Defect: each case of a `switch` is compared with every other.
  it('a `switch` with 20,000 cases', { timeout: timeoutOf(S.switchCases) }, () =>
    expectCorrect(S.switchCases, context),
  );
  // Defect: the summary of each export of a module re-runs the whole module's analysis.
  it('a handler calling 1,500 exports of one module', { timeout: timeoutOf(S.manyExportsOfOneModule) }, () =>
    expectCorrect(S.manyExportsOfOneModule, context),
  );
});
