// Deep but valid code: recursion over user code needs a budget (or a loop), and running out of it must stop that
// path only. Each test asserts the correct behaviour; `it.fails` marks what fails today (flip it once fixed).
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect, timeoutOf } from './harness.js';

const context = builtPlugin();

describe.concurrent('deep code keeps the file reported', () => {
  // Defect: request-data tracing recurses once per variable hop; 800 chained locals overflow the stack and the
  // swallowed overflow erases the file's findings.
  it.fails('800 chained locals', { timeout: timeoutOf(S.chainedLocals) }, () =>
    expectCorrect(S.chainedLocals, context),
  );
  // Defect: call reachability recurses once per helper; a chain of 1,200 helpers overflows the stack.
  it.fails('a chain of 1,200 helpers', { timeout: timeoutOf(S.helperChain) }, () =>
    expectCorrect(S.helperChain, context),
  );
  // Defect: request-data tracing recurses once per operand of a `||` chain that ESLint itself parses fine.
  it.fails('a 3,000-term `||` chain', { timeout: timeoutOf(S.logicalChain) }, () =>
    expectCorrect(S.logicalChain, context),
  );
  // Defect: the same for a ternary chain (2,500 terms: espree runs out of stack itself near 3,000).
  it.fails('a 2,500-term ternary chain', { timeout: timeoutOf(S.ternaryChain) }, () =>
    expectCorrect(S.ternaryChain, context),
  );
});
