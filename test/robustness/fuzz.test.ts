// Grammar fuzzer: generated handler projects (test/helpers/handler-grammar.ts) written to a temp directory and
// linted by absolute path through the real ESLint class, so the cross-file analysis runs. Every handler file has
// a planted leak; each run requires (a) no throw (the suites run with HANDLER_STATE_DEBUG=1, so an error the
// analysis would swallow for users throws here), (b) exactly the planted findings, with their rules and lines,
// and (c) no "analysis incomplete" diagnostic.
//
// CI runs a fixed seed. To explore: FUZZ_SEED=random (or a number) FUZZ_RUNS=500 npx vitest run test/robustness/fuzz.test.ts
// FUZZ_KNOWN_DEFECTS=1 also generates the shapes of known defects (each has an `it.fails` in defects/).
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { isAnalysisIncomplete } from '../helpers/defect-scenarios.js';
import { projectArbitrary, render, type ProjectSpec, type RenderedProject } from '../helpers/handler-grammar.js';
import { loadBuiltPlugin, type HandlerStatePlugin } from '../integration/helpers.js';
import { builtPlugin } from './defects/harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261201);
const KNOWN_DEFECTS = process.env.FUZZ_KNOWN_DEFECTS === '1';

const built = builtPlugin();
let plugin: HandlerStatePlugin;
beforeAll(async () => {
  plugin = await loadBuiltPlugin(built.plugin);
});

const PREFIX = 'handler-state/';

function showProject(project: RenderedProject): string {
  return Object.entries(project.files)
    .map(([name, text]) => `--- ${name}\n${text}`)
    .join('');
}

/** Lints a rendered project; returns what is wrong with the results (empty when all three requirements hold). */
async function problemsOf(spec: ProjectSpec, project: RenderedProject): Promise<string[]> {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'handler-state-fuzz-')));
  try {
    for (const [name, text] of Object.entries(project.files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        ...plugin.configs.strict,
        // package.json `type` decides how `.js` files are read, as Node does.
        { files: ['**/*.js'], languageOptions: { sourceType: spec.packageType === 'esm' ? 'module' : 'commonjs' } },
      ] as unknown as ESLint.Options['overrideConfig'],
    });
    // (a) a throw propagates out of here and fails the property with its stack.
    const results = await eslint.lintFiles(project.lint.map((file) => path.join(dir, file)));
    const problems: string[] = [];
    const found: string[] = [];
    for (const result of results) {
      const file = path.relative(dir, result.filePath).split(path.sep).join('/');
      for (const message of result.messages) {
        if (message.fatal)
          problems.push(`the generator wrote invalid code: ${file}:${message.line} ${message.message}`);
        // (c) Hook: nothing matches until the analysis reports its failures as diagnostics.
        else if (isAnalysisIncomplete({ ...message, messageId: message.messageId ?? null }))
          problems.push(`analysis incomplete: ${file}: ${message.message}`);
        else if (message.ruleId?.startsWith(PREFIX) && message.messageId !== 'settingsError')
          found.push(`${file}:${message.line} ${message.ruleId.slice(PREFIX.length)}`);
        else problems.push(`unexpected message: ${file}:${message.line} ${message.ruleId} ${message.message}`);
      }
    }
    // (b) exactly the planted findings.
    const wanted = project.expected.map((e) => `${e.file}:${e.line} ${e.rule}`);
    const missing = wanted.filter((key) => !found.includes(key));
    const extra = found.filter((key) => !wanted.includes(key));
    if (missing.length > 0) problems.push(`missing: ${missing.join(', ')}`);
    if (extra.length > 0) problems.push(`not planted: ${extra.join(', ')}`);
    return problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('grammar fuzzer', () => {
  it(
    `${RUNS} generated projects (seed ${SEED}${KNOWN_DEFECTS ? ', known defects included' : ''}) report exactly their planted leaks`,
    { timeout: 600_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(projectArbitrary, async (spec) => {
          const project = render(spec, { knownDefects: KNOWN_DEFECTS });
          const problems = await problemsOf(spec, project);
          if (problems.length > 0) {
            throw new Error(
              `${problems.join('\n')}\nknown defects: ${project.knownDefects.join(', ') || 'none'}\n${showProject(project)}`,
            );
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK === '0' },
      );
    },
  );
});
