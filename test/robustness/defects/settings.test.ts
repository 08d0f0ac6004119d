// Settings and rule options: bad or odd values get a clear message, never a throw, a hang or a silent change.
// `it.fails` marks what fails today (flip it once fixed).
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect, timeoutOf } from './harness.js';

const context = builtPlugin();

describe('settings', () => {
  // Guards against a defect: with `typeAware: true` on a file parsed by espree the type oracle throws; the analysis swallows it
  // and the file reports nothing, with no settings message.
  it('`typeAware: true` on a JavaScript file still reports its findings', () =>
    expectCorrect(S.typeAwareWithoutTypes, context));
  // Guards against a defect: the "did you mean" table is a plain object, so `constructor`, `toString`, `__proto__` find a hint
  // on Object.prototype.
  it('unknown keys named like Object.prototype members get no made-up hint', () =>
    expectCorrect(S.settingsPrototypeKeys, context));
});

describe('the `allow` option', () => {
  // Guards against a defect: a `/g` pattern keeps `lastIndex` from one test to the next, so it matches only some names.
  it('a pattern with the `g` flag allows every matching name', () => expectCorrect(S.allowGlobalFlag, context));
  // Guards against a defect: the same with the `y` flag.
  it('a pattern with the `y` flag allows every matching name', () => expectCorrect(S.allowStickyFlag, context));
  // Guards against a defect: an invalid pattern throws from `Program:exit`, which ends the user's whole lint run.
  it('an invalid pattern gets a message naming it, and the other findings are reported', () =>
    expectCorrect(S.allowInvalidRegex, context));
  // Guards against a defect: patterns run as given; `/(a+)+$/` backtracks for seconds on a 30-character name.
  it(
    'a catastrophically backtracking pattern does not stall the lint',
    { timeout: timeoutOf(S.allowCatastrophicRegex) },
    () => expectCorrect(S.allowCatastrophicRegex, context),
  );
});
