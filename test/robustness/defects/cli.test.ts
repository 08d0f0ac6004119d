// The command line: manifest discovery, output streams and formats, and paths given as arguments.
// `it.fails` marks what still fails (flip it once fixed); the other cases are defects that were fixed.
import { describe, it } from 'vitest';
import { SCENARIOS as S } from '../../helpers/defect-scenarios.js';
import { builtPlugin, expectCorrect, skipped, timeoutOf } from './harness.js';

const context = builtPlugin();

describe.concurrent('manifest discovery', () => {
  // Defect: CDK discovery evaluates a `const` at every use, so constants built from constants (`path.join` of
  // `path.join`s) cost fan⁴ evaluations; it runs in every default scan.
  it(
    'a CDK stack of nested `path.join` constants does not stall the scan',
    { timeout: timeoutOf(S.cdkPathJoinFanOut) },
    () => expectCorrect(S.cdkPathJoinFanOut, context),
  );
  // Defect: the same for object spreads of spreads.
  it('a CDK stack of nested object spreads does not stall the scan', { timeout: timeoutOf(S.cdkSpreadFanOut) }, () =>
    expectCorrect(S.cdkSpreadFanOut, context),
  );
  // Defect: a discovered handler name is passed to the settings unchecked; the settings validation then puts an
  // error on every scanned file and the scan exits 1 on clean code.
  it(
    'a manifest handler with a stray space is one stderr line, and clean code exits 0',
    { timeout: timeoutOf(S.manifestStraySpace) },
    () => expectCorrect(S.manifestStraySpace, context),
  );
  // Defect: manifests have no size cap (a 20 MB serverless.yml runs for minutes).
  it('an oversized serverless.yml is skipped with a note', { timeout: timeoutOf(S.manifestSize) }, () =>
    expectCorrect(S.manifestSize, context),
  );
  // Defect: discovery walks the working directory, not the scanned paths' project: results depend on where
  // `scan` runs.
  it('a manifest outside the scanned project does not apply to it', { timeout: timeoutOf(S.scanFromParent) }, () =>
    expectCorrect(S.scanFromParent, context),
  );
});

describe.concurrent('files and output', () => {
  // Defect: every .gitignore rule is matched against every directory and file (rules × paths).
  it('a .gitignore with 20,000 rules does not stall the scan', { timeout: timeoutOf(S.gitignoreManyRules) }, () =>
    expectCorrect(S.gitignoreManyRules, context),
  );
  // Defect: a closed stdout (`scan | head`) raises an unhandled EPIPE with a stack trace.
  it('a stdout closed early ends the scan quietly', { timeout: timeoutOf(S.scanStdoutClosed) }, () =>
    expectCorrect(S.scanStdoutClosed, context),
  );
  // Defect: SARIF `artifactLocation.uri` is the raw relative path.
  it('SARIF artifact URIs are percent-encoded and name the scanned files', { timeout: timeoutOf(S.sarifUris) }, () =>
    expectCorrect(S.sarifUris, context),
  );
  // Defect: a path argument is read without checking what it is: a FIFO blocks the scan.
  it.skipIf(skipped(S.fifoArgument))(
    'a FIFO given as a path exits 2 with a message naming it',
    { timeout: timeoutOf(S.fifoArgument) },
    () => expectCorrect(S.fifoArgument, context),
  );
  // Defect: the same for a symlink to /dev/zero, which never ends.
  it.skipIf(skipped(S.devZeroArgument))(
    'a symlink to /dev/zero given as a path exits 2 with a message naming it',
    { timeout: timeoutOf(S.devZeroArgument) },
    () => expectCorrect(S.devZeroArgument, context),
  );
});
