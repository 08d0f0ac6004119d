// The opt-in type-aware mode through the real ESLint class with projectService and a tsconfig fixture.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import {
  REPO_ROOT,
  describeMessages,
  findingKeys,
  loadBuiltPlugin,
  otherMessages,
  readExpectations,
  snapshotBuiltPackage,
  type BuiltSnapshot,
  type HandlerStatePlugin,
} from './helpers.js';

const DIR = path.join(REPO_ROOT, 'test/fixtures/type-aware');
const HANDLER = path.join(DIR, 'handler.ts');

let snapshot: BuiltSnapshot;
let plugin: HandlerStatePlugin;

beforeAll(async () => {
  snapshot = await snapshotBuiltPackage();
  plugin = await loadBuiltPlugin(snapshot.entry);
});
afterAll(() => snapshot?.remove());

async function lint(configs: readonly object[]) {
  const eslint = new ESLint({
    cwd: DIR,
    overrideConfigFile: true,
    overrideConfig: [...configs] as unknown as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintFiles([HANDLER]);
  return result;
}

const withRoot = { languageOptions: { parserOptions: { tsconfigRootDir: DIR } } };

describe('type-aware mode', () => {
  it('recommendedTypeChecked: handler typed through an alias, collections behind interfaces, a paths import', async () => {
    const result = await lint([...plugin.configs.recommendedTypeChecked, withRoot]);
    expect(otherMessages(result), describeMessages(result)).toEqual([]);
    expect(findingKeys(result), describeMessages(result)).toEqual(readExpectations(HANDLER));
  });

  it('the same file without type information finds nothing: `main` is not recognisable as a handler by syntax', async () => {
    const result = await lint([...plugin.configs.recommended]);
    expect(otherMessages(result), describeMessages(result)).toEqual([]);
    expect(findingKeys(result)).toEqual([]);
  });

  it('a program that merely exists does not change results (typeAware is explicit)', async () => {
    const result = await lint([
      ...plugin.configs.recommended,
      { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: DIR } } },
    ]);
    expect(findingKeys(result)).toEqual([]);
  });

  it('a custom push() on a non-collection is a write by syntax alone when the handler is known, but not with types', async () => {
    const settings = { settings: { 'handler-state': { handlers: ['main'] } } };
    const syntactic = await lint([...plugin.configs.recommended, settings]);
    const typed = await lint([...plugin.configs.recommendedTypeChecked, withRoot, settings]);
    const line = (result: ESLint.LintResult) => result.messages.filter((m) => m.line === 10).map((m) => m.ruleId);
    expect(line(syntactic)).toEqual(['handler-state/no-unbounded-growth']);
    expect(line(typed)).toEqual([]);
  });

  it('typeAware without a program is reported once, by name, and the rules keep working', async () => {
    const result = await lint([
      ...plugin.configs.recommended,
      { settings: { 'handler-state': { typeAware: true, handlers: ['main'] } } },
    ]);
    const problems = result.messages.filter((m) => m.message.includes('"typeAware"'));
    expect(problems).toHaveLength(1);
    expect(findingKeys(result).length).toBeGreaterThan(1);
  });
});
