// Runs the defect scenarios (test/helpers/defect-scenarios.ts) against the built plugin and fails with every figure
// of the run when the outcome is not the correct behaviour.
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { runLintJob } from '../../helpers/lint-job.mjs';
import { explain, runScenario, type Scenario, type ScenarioContext } from '../../helpers/defect-scenarios.js';
import { REPO_ROOT, snapshotBuiltPackage, type BuiltSnapshot } from '../../integration/helpers.js';

/** Lints in the test process with HANDLER_STATE_DEBUG as the job asks (the suite's setup sets it for everyone). */
async function lintHere(...[job, env]: Parameters<NonNullable<ScenarioContext['inProcess']>>) {
  const saved = process.env.HANDLER_STATE_DEBUG;
  const wanted = env.HANDLER_STATE_DEBUG;
  if (wanted === undefined) delete process.env.HANDLER_STATE_DEBUG;
  else process.env.HANDLER_STATE_DEBUG = wanted;
  const started = Date.now();
  const cpu = process.cpuUsage();
  try {
    const { results, error } = await runLintJob(job);
    const used = process.cpuUsage(cpu);
    return { results, error, wallMs: Date.now() - started, cpuMs: Math.round((used.user + used.system) / 1000) };
  } finally {
    if (saved === undefined) delete process.env.HANDLER_STATE_DEBUG;
    else process.env.HANDLER_STATE_DEBUG = saved;
  }
}

/**
 * The built plugin, snapshotted for the file's tests (a concurrent build cannot pull dist/ away); the returned
 * context is filled in by `beforeAll`.
 */
export function builtPlugin(): ScenarioContext {
  const context: ScenarioContext = { plugin: '', cli: '', repoRoot: REPO_ROOT, inProcess: lintHere };
  let snapshot: BuiltSnapshot | undefined;
  beforeAll(async () => {
    snapshot = await snapshotBuiltPackage();
    context.plugin = snapshot.entry;
    context.cli = path.join(path.dirname(snapshot.entry), 'cli/index.js');
  });
  afterAll(() => snapshot?.remove());
  return context;
}

/** Runs the scenario at its test size and asserts the correct behaviour. */
export async function expectCorrect(scenario: Scenario, context: ScenarioContext): Promise<void> {
  const outcome = await runScenario(scenario, scenario.test, context);
  const problems = scenario.check(outcome, scenario.test);
  expect(problems, explain(problems, outcome)).toEqual([]);
}

/** The vitest timeout of a scenario's test: its wall limit and time to write and remove the project. */
export function timeoutOf(scenario: Scenario): number {
  return (scenario.limits.wallMs ?? 30_000) + 30_000;
}

/** Why the scenario is skipped here (`it.skipIf(skipped(s))`), or false. */
export function skipped(scenario: Scenario): boolean {
  return scenario.unavailable?.() != null;
}
