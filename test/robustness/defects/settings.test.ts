// Settings and rule options: bad or odd values get a clear message, never a throw, a hang or a silent change.
// `it.fails` marks what fails today (flip it once fixed).
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect, timeoutOf } from './harness.js';

const context = builtPlugin();

describe('settings', () => {
  // Defect: with `typeAware: true` on a file parsed by espree the type oracle throws; the analysis swallows it
  // and the file reports nothing, with no settings message.
  it.fails('`typeAware: true` on a JavaScript file still reports its findings', () =>
    expectCorrect(S.typeAwareWithoutTypes, context),
  );
  // Defect: the "did you mean" table is a plain object, so `constructor`, `toString`, `__proto__` find a hint
  // on Object.prototype.
  it.fails('unknown keys named like Object.prototype members get no made-up hint', () =>
    expectCorrect(S.settingsPrototypeKeys, context),
  );
});

describe('the `allow` option', () => {
  // Defect: a `/g` pattern keeps `lastIndex` from one test to the next, so it matches only some names.
  it.fails('a pattern with the `g` flag allows every matching name', () => expectCorrect(S.allowGlobalFlag, context));
  // Defect: the same with the `y` flag.
  it.fails('a pattern with the `y` flag allows every matching name', () => expectCorrect(S.allowStickyFlag, context));
  // Defect: an invalid pattern throws from `Program:exit`, which ends the user's whole lint run.
  it.fails('an invalid pattern gets a message naming it, and the other findings are reported', () =>
    expectCorrect(S.allowInvalidRegex, context),
  );
  // Defect: patterns run as given; `/(a+)+$/` backtracks for seconds on a 30-character name.
  it.fails(
    'a catastrophically backtracking pattern does not stall the lint',
    { timeout: timeoutOf(S.allowCatastrophicRegex) },
    () => expectCorrect(S.allowCatastrophicRegex, context),
  );
});
