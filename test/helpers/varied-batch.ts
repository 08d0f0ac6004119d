// A batch of varied cases linted as a user lints them: every case is a small project in its own folder of one temp
// directory, all linted by one real ESLint instance with the strict config (every rule on). A trailing
// `// expect: kind[, kind]` marker on a line of the linted file lists what must be reported on that line, and
// nothing else may be reported. A case with no marker is a safe case: no rule may say anything. A case whose
// markers are all `write` is counted as a strict-level finding (`recommended` runs `no-module-state-write` on
// overwrites only, so these figures count such a case as safe whichever way `recommended` decides it).
//
// With VARIED_SUMMARY=1 the batch prints, per group, how many leaking cases had a report on every marked line and
// how many safe cases got a report they should not have (a strict-only case: any report but its strict write): the figures a held-out measurement of the same cases
// would print, whatever the exact rule.
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { makeProject } from './temp.js';

const RULE_OF = {
  write: 'no-module-state-write',
  data: 'no-request-data-in-module-scope',
  cache: 'no-unbounded-cache',
  growth: 'no-unbounded-growth',
  listener: 'no-handler-listener-leak',
  library: 'no-persistent-library-context',
  shared: 'no-shared-ssr-instance',
} as const;
type Kind = keyof typeof RULE_OF;

export interface VariedCase {
  /** The sub-class the case varies; each group needs a safe case for each leaking one. */
  group: string;
  name: string;
  /** The project: posix path → contents. */
  files: Record<string, string>;
  /** The file linted. */
  lint: string;
  /** Dependencies of the package.json written for the case (the frameworks a real project would list). */
  deps?: string[];
  /** A package.json without `"type": "module"`. */
  commonjs?: boolean;
  /** The analysis does not meet this case yet: the gap it shows. The case runs as an expected failure. */
  gap?: string;
}

/** A one-file case: `code` is the file `lint` of a project with `deps`. */
export const one = (
  group: string,
  name: string,
  lint: string,
  code: string,
  deps: string[],
  extra: Partial<VariedCase> = {},
): VariedCase => ({ group, name, lint, files: { [lint]: code }, deps, ...extra });

/** A one-file Lambda case (`src/handler.ts`). */
export const lambda = (group: string, name: string, code: string, extra: Partial<VariedCase> = {}): VariedCase => ({
  group,
  name,
  lint: 'src/handler.ts',
  files: { 'src/handler.ts': code },
  ...extra,
});

/** A one-file Express case (`server.js`, with express as a dependency). */
export const express = (group: string, name: string, code: string, extra: Partial<VariedCase> = {}): VariedCase => ({
  group,
  name,
  lint: 'server.js',
  files: { 'server.js': code },
  deps: ['express'],
  ...extra,
});

const MARKER = /\/\/\s*expect:\s*([a-z]+(?:\s*,\s*[a-z]+)*)\s*$/u;

/** `line:rule` of every report the markers of `text` ask for. */
export function expectedOf(text: string): string[] {
  const keys: string[] = [];
  text.split('\n').forEach((line, index) => {
    const match = MARKER.exec(line);
    if (!match) return;
    for (const kind of match[1].split(',').map((k) => k.trim())) {
      const rule = RULE_OF[kind as Kind];
      if (!rule) throw new Error(`unknown kind ${kind} on line ${index + 1}`);
      keys.push(`${index + 1}:${rule}`);
    }
  });
  return keys.sort();
}

const lineOfKey = (key: string) => key.slice(0, key.indexOf(':'));

/** Is the case a leak that `recommended` must report (some marker is not a strict-only write)? */
function isLeak(c: VariedCase): boolean {
  return expectedOf(c.files[c.lint]).some((key) => !key.endsWith(`:${RULE_OF.write}`));
}

function manifestOf(c: VariedCase): string {
  const dependencies = Object.fromEntries((c.deps ?? []).map((name) => [name, '*']));
  return JSON.stringify(c.commonjs ? { name: 'app', dependencies } : { name: 'app', type: 'module', dependencies });
}

/** Lints every case of `cases` once (one ESLint instance) and checks each against its markers. */
export function runVariedBatch(title: string, cases: VariedCase[]): void {
  const results = new Map<VariedCase, { keys: string[]; shown: string }>();
  const folderOf = (index: number) => `case-${String(index).padStart(3, '0')}`;

  beforeAll(async () => {
    const files: Record<string, string> = {};
    cases.forEach((c, index) => {
      if (!(c.lint in c.files)) throw new Error(`${c.name}: ${c.lint} is not one of its files`);
      files[`${folderOf(index)}/package.json`] = manifestOf(c);
      for (const [name, text] of Object.entries(c.files)) files[`${folderOf(index)}/${name}`] = text;
    });
    const root = makeProject(files, 'handler-state-varied2-');
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [...(plugin.configs.strict as never[])] as ESLint.Options['overrideConfig'],
    });
    const targets = cases.map((c, index) => path.join(root, folderOf(index), ...c.lint.split('/')));
    const byPath = new Map((await eslint.lintFiles(targets)).map((result) => [result.filePath, result]));
    cases.forEach((c, index) => {
      const result = byPath.get(targets[index]);
      if (!result) throw new Error(`${c.name}: not linted`);
      results.set(c, {
        keys: result.messages
          .map((m) =>
            m.ruleId?.startsWith('handler-state/')
              ? `${m.line}:${m.ruleId.slice('handler-state/'.length)}`
              : `${m.line}:${m.ruleId ?? 'fatal'} ${m.message}`,
          )
          .sort(),
        shown: result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n'),
      });
    });
  }, 300_000);

  afterAll(() => {
    if (process.env.VARIED_SUMMARY !== '1' || results.size === 0) return;
    const groups = new Map<string, { leaks: number; found: number; safe: number; reported: number }>();
    for (const c of cases) {
      const entry = groups.get(c.group) ?? { leaks: 0, found: 0, safe: 0, reported: 0 };
      const { keys } = results.get(c)!;
      const expected = expectedOf(c.files[c.lint]);
      if (isLeak(c)) {
        const lines = new Set(keys.map(lineOfKey));
        entry.leaks++;
        if (expected.every((key) => lines.has(lineOfKey(key)))) entry.found++;
      } else {
        entry.safe++;
        if (keys.some((key) => !expected.includes(key))) entry.reported++;
      }
      groups.set(c.group, entry);
    }
    const total = { leaks: 0, found: 0, safe: 0, reported: 0 };
    const rows = [...groups].map(([group, g]) => {
      for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += g[key];
      return `  ${group}: leaks found ${g.found}/${g.leaks}, safe reported ${g.reported}/${g.safe}`;
    });
    rows.push(`  all: leaks found ${total.found}/${total.leaks}, safe reported ${total.reported}/${total.safe}`);
    console.log(`${title}\n${rows.join('\n')}`);
  });

  describe(title, () => {
    it('every group has a safe case for each leaking case', () => {
      const groups = new Map<string, { leaks: number; safe: number }>();
      for (const c of cases) {
        const entry = groups.get(c.group) ?? { leaks: 0, safe: 0 };
        if (isLeak(c)) entry.leaks++;
        else entry.safe++;
        groups.set(c.group, entry);
      }
      for (const [group, { leaks, safe }] of groups) {
        expect(leaks, group).toBeGreaterThan(0);
        expect(safe, group).toBeGreaterThanOrEqual(leaks);
      }
    });

    for (const c of cases) {
      const verdict = isLeak(c) ? 'reported' : expectedOf(c.files[c.lint]).length > 0 ? 'strict only' : 'quiet';
      const caseTitle = `${c.group}: ${verdict}: ${c.name}`;
      const test = c.gap ? it.fails : it;
      test(c.gap ? `${caseTitle} (gap: ${c.gap})` : caseTitle, () => {
        const { keys, shown } = results.get(c)!;
        expect(keys, shown).toEqual(expectedOf(c.files[c.lint]));
      });
    }
  });
}
