// The lint examples in the rule docs and the README run through the real ESLint class: every `incorrect` example
// makes the reports its fence says (its page's rule, or the rules it names), every `correct` example makes none,
// and every `config` example parses. The fence convention is in test/helpers/fences.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { readFences, type Fence } from '../helpers/fences.js';
import { makeTempDir, writeFiles } from '../helpers/temp.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const COMPANIONS = path.join(ROOT, 'test/fixtures/docs');
const PREFIX = 'handler-state/';
const RULE_NAMES = Object.keys(plugin.rules);

/**
 * Examples that show what the plugin should do but does not yet: matched by a line of the example, skipped with the
 * reason. Each entry must match exactly one fence.
 */
const KNOWN_GAPS: Array<{ page: string; line: string; reason: string }> = [];

interface Page {
  file: string;
  /** The rule the page documents; README examples name their rules in `reports=`. */
  rule?: string;
  fences: Fence[];
}

const pages: Page[] = [
  ...fs
    .readdirSync(path.join(ROOT, 'docs/rules'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = `docs/rules/${name}`;
      return {
        file,
        rule: name.slice(0, -3),
        fences: readFences(fs.readFileSync(path.join(ROOT, file), 'utf8'), file),
      };
    }),
  { file: 'README.md', fences: readFences(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), 'README.md') },
];

function configFor(page: Page, fence: Fence): Linter.Config[] {
  const rules: Linter.RulesRecord = {};
  if (page.rule) {
    // Only the page's rule, with the example's options: what the page says is about that rule alone.
    for (const name of RULE_NAMES) rules[`${PREFIX}${name}`] = 'off';
    rules[`${PREFIX}${page.rule}`] = fence.options ? ['error', fence.options] : 'error';
  }
  return [
    // ESLint lints .js/.mjs/.cjs by default; the examples may be TypeScript too.
    { files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'] },
    ...plugin.configs.strict,
    { rules, ...(fence.settings ? { settings: { 'handler-state': fence.settings } } : {}) },
  ];
}

/** Counts per rule (without the prefix); the page's own rule under `''` when the page has one. */
function countReports(page: Page, messages: Linter.LintMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (!message.ruleId?.startsWith(PREFIX)) continue;
    const name = message.ruleId.slice(PREFIX.length);
    const key = name === page.rule ? '' : name;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function show(messages: Linter.LintMessage[]): string {
  return messages.map((m) => `  ${m.line}:${m.column} ${m.ruleId ?? '(parse)'} ${m.message}`).join('\n') || '  (none)';
}

async function lintExample(page: Page, fence: Fence): Promise<Linter.LintMessage[]> {
  const cwd = makeTempDir('handler-state-docs-');
  for (const name of fence.with) {
    writeFiles(cwd, { [name]: fs.readFileSync(path.join(COMPANIONS, name), 'utf8') });
  }
  // On disk too, as in a real project: its companions import it by path.
  writeFiles(cwd, { [fence.file]: fence.code });
  const eslint = new ESLint({ cwd, overrideConfigFile: true, overrideConfig: configFor(page, fence) });
  const [result] = await eslint.lintText(fence.code, { filePath: path.join(cwd, fence.file) });
  return result.messages;
}

type Node = { type: string; [key: string]: unknown };

/** The value of a literal-only expression (objects, arrays, strings, numbers, booleans), or undefined. */
function literalValue(node: Node): unknown {
  switch (node.type) {
    case 'Literal':
      return node.value;
    case 'ArrayExpression':
      return (node.elements as Node[]).map(literalValue);
    case 'ObjectExpression': {
      const object: Record<string, unknown> = {};
      for (const property of node.properties as Node[]) {
        const key = property.key as Node;
        if (property.type !== 'Property' || property.computed) return undefined;
        object[key.type === 'Identifier' ? (key.name as string) : String(key.value)] = literalValue(
          property.value as Node,
        );
      }
      return object;
    }
    default:
      return undefined;
  }
}

/**
 * A config example is a module (`export default [...]`), which must parse, or an object written on its own
 * (`{ rules: … }`), whose rule entries must also be valid for the plugin's rules: ESLint rejects unknown rules and
 * options that do not match a rule's schema.
 */
async function checkConfig(fence: Fence): Promise<void> {
  const parse = (code: string) => tsParser.parse(code, { sourceType: 'module', ecmaVersion: 'latest' });
  try {
    parse(fence.code);
    return;
  } catch {
    // not a module: an object on its own
  }
  const statement = parse(`(${fence.code})`).body[0] as unknown as Node;
  const value = literalValue(statement.expression as Node) as { rules?: Linter.RulesRecord } | undefined;
  if (!value?.rules) throw new Error(`${fence.where}: a config example is a module or an object with rules`);
  const eslint = new ESLint({
    cwd: makeTempDir('handler-state-docs-'),
    overrideConfigFile: true,
    overrideConfig: [{ plugins: { 'handler-state': plugin as unknown as ESLint.Plugin }, rules: value.rules }],
  });
  await eslint.lintText('export {};\n', { filePath: 'config-check.js' });
}

describe('docs examples', () => {
  it('every rule has a page, and every page documents a rule', () => {
    expect(pages.filter((page) => page.rule).map((page) => page.rule)).toEqual([...RULE_NAMES].sort());
  });

  it('every known gap matches exactly one example', () => {
    for (const gap of KNOWN_GAPS) {
      const matches = pages
        .filter((page) => page.file === gap.page)
        .flatMap((page) => page.fences)
        .filter((fence) => fence.code.split('\n').includes(gap.line));
      expect(
        matches.map((fence) => fence.where),
        `${gap.page}: ${gap.line}`,
      ).toHaveLength(1);
    }
  });

  for (const page of pages) {
    describe(page.file, () => {
      it('has lint examples', () => {
        expect(page.fences.filter((fence) => fence.kind !== 'config').length).toBeGreaterThan(0);
      });

      for (const fence of page.fences) {
        const gap = KNOWN_GAPS.find((g) => g.page === page.file && fence.code.split('\n').includes(g.line));
        const title = `${fence.where} ${fence.kind}${gap ? ` — KNOWN GAP: ${gap.reason}` : ''}`;
        (gap ? it.skip : it)(title, async () => {
          if (fence.kind === 'config') {
            await checkConfig(fence);
            return;
          }
          const messages = await lintExample(page, fence);
          const context = `${fence.where} (${fence.file}):\n${show(messages)}\n\n${fence.code}`;
          expect(
            messages.filter((m) => m.fatal || m.ruleId === null),
            context,
          ).toEqual([]);
          const counts = countReports(page, messages);
          if (fence.kind === 'correct') {
            expect(Object.fromEntries(counts), context).toEqual({});
          } else {
            if (!page.rule && fence.reports.has('')) throw new Error(`${fence.where}: name the rule (reports=rule:N)`);
            expect(Object.fromEntries(counts), context).toEqual(Object.fromEntries(fence.reports));
          }
        });
      }
    });
  }
});
