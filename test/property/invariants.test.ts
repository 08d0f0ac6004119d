// Property-based tests: generated handler modules must satisfy the analysis' invariants (no throw, renaming, unrelated code, helpers, scope).
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import {
  expectedRule,
  FORMS_BY_SHAPE,
  RESERVED_NAMES,
  SHAPES,
  baseNames,
  renderModule,
  type HandlerStyle,
  type LazyInit,
  type ModuleSpec,
  type Placement,
  type Rename,
  type StateSpec,
  type UnrelatedKind,
  type WriteSpec,
} from '../helpers/generate.js';

const NUM_RUNS = Number(process.env.FC_NUM_RUNS ?? 100);
// A fixed seed keeps CI deterministic; FC_SEED=random (or a number) explores other inputs locally.
const SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261122);
fc.configureGlobal({ seed: SEED });

const allRules: Linter.RulesRecord = Object.fromEntries(
  Object.keys(plugin.rules).map((name) => [`handler-state/${name}`, 'error']),
);

interface Finding {
  ruleId: string;
  line: number;
}

/** Lints with every plugin rule on; the generated code must parse, and no rule may throw (verify would rethrow). */
function lintModule(spec: ModuleSpec, ts: boolean, rename?: Rename) {
  const rendered = renderModule(spec, rename);
  const linter = new Linter();
  const config: Linter.Config[] = [
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { 'handler-state': plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      languageOptions: ts
        ? { parser: tsParser as unknown as Linter.Parser, ecmaVersion: 'latest', sourceType: rendered.sourceType }
        : { ecmaVersion: 'latest', sourceType: rendered.sourceType },
      rules: allRules,
    },
  ];
  const messages = linter.verify(rendered.code, config, { filename: ts ? 'handler.ts' : 'handler.js' });
  const fatal = messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(`generated code does not parse: ${fatal[0].message}\n${rendered.code}`);
  const findings: Finding[] = messages
    .filter((message) => message.ruleId?.startsWith('handler-state/'))
    .map((message) => ({ ruleId: message.ruleId as string, line: message.line }));
  return { rendered, findings };
}

const keys = (findings: Finding[]) => findings.map((f) => `${f.ruleId}@${f.line}`).sort();
const ruleIds = (findings: Finding[]) => findings.map((f) => f.ruleId).sort();

// ---- arbitraries built on the generator's building blocks ----

const styleArb = fc.constantFrom<HandlerStyle>('esmFunction', 'esmArrow', 'cjsExports', 'cjsModuleExports');
const lazyArb = fc.constantFrom<LazyInit>('none', 'none', 'ifNot', 'nullish', 'logicalOr');
const stateArb: fc.Arbitrary<StateSpec> = fc.record({
  shape: fc.constantFrom(...SHAPES),
  lazy: lazyArb,
  local: fc.constant(false),
});
const placementArb: fc.Arbitrary<Placement> = fc.oneof(
  fc.constant<Placement>({ kind: 'direct' }),
  fc.integer({ min: 1, max: 3 }).map<Placement>((depth) => ({ kind: 'callback', depth })),
  fc.integer({ min: 1, max: 3 }).map<Placement>((depth) => ({ kind: 'helper', depth })),
);
const unrelatedArb = fc.constantFrom<UnrelatedKind>(
  'pureConst',
  'unusedFunction',
  'consoleLog',
  'topLevelInitWrite',
  'exportedUtility',
  'handlerLocalWrite',
  'handlerRead',
);

function writesArb(states: StateSpec[]): fc.Arbitrary<WriteSpec[]> {
  return fc.array(
    fc
      .record({
        state: fc.integer({ min: 0, max: states.length - 1 }),
        formIndex: fc.nat(),
        alias: fc.boolean(),
        placement: placementArb,
      })
      .map(({ state, formIndex, alias, placement }) => {
        const forms = FORMS_BY_SHAPE[states[state].shape];
        return { state, form: forms[formIndex % forms.length], alias, placement };
      }),
    { minLength: 1, maxLength: 5 },
  );
}

const specArb: fc.Arbitrary<ModuleSpec> = fc
  .record({ style: styleArb, states: fc.array(stateArb, { minLength: 1, maxLength: 4 }) })
  .chain(({ style, states }) =>
    fc.record({
      style: fc.constant(style),
      states: fc.constant(states),
      writes: writesArb(states),
      unrelated: fc.constant<UnrelatedKind[]>([]),
    }),
  );

/** Identifiers, biased towards names that break code using plain objects as maps. */
const identifierArb = fc
  .oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[a-zA-Z_$][a-zA-Z0-9_$]{0,10}$/) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'constructor',
        'toString',
        'hasOwnProperty',
        'valueOf',
        '__proto__',
        'prototype',
        'length',
        'name',
      ),
    },
  )
  .filter((name) => !RESERVED_NAMES.has(name));

const parserArb = fc.boolean(); // true: @typescript-eslint/parser, false: espree

describe('invariants of the analysis on generated handler modules', () => {
  it('no rule throws, and each write is reported exactly once by the one rule its form belongs to', () => {
    fc.assert(
      fc.property(specArb, parserArb, (spec, ts) => {
        const { rendered, findings } = lintModule(spec, ts);
        const expected = spec.writes
          .map((_, index) => `${expectedRule(spec, index)}@${rendered.writeLines[index]}`)
          .sort();
        expect(keys(findings), rendered.code).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('renaming identifiers consistently leaves the findings unchanged', () => {
    const arb = specArb.chain((spec) => {
      const names = baseNames(spec);
      return fc.tuple(
        fc.constant(spec),
        fc.uniqueArray(identifierArb, { minLength: names.length, maxLength: names.length }),
        parserArb,
      );
    });
    fc.assert(
      fc.property(arb, ([spec, fresh, ts]) => {
        const names = baseNames(spec);
        const mapping = new Map(names.map((name, index) => [name, fresh[index]]));
        const before = lintModule(spec, ts);
        const after = lintModule(spec, ts, (base) => mapping.get(base) ?? base);
        expect(keys(after.findings), after.rendered.code).toEqual(keys(before.findings));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('adding unrelated statements leaves the findings unchanged', () => {
    fc.assert(
      fc.property(specArb, fc.array(unrelatedArb, { minLength: 1, maxLength: 6 }), parserArb, (spec, unrelated, ts) => {
        const before = lintModule(spec, ts);
        const after = lintModule({ ...spec, unrelated }, ts);
        expect(keys(after.findings), after.rendered.code).toEqual(keys(before.findings));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('moving a write into a helper called by the handler keeps it reported by the same rule', () => {
    const arb = specArb
      .filter((spec) => spec.writes.some((write) => write.placement.kind !== 'helper'))
      .chain((spec) => {
        const movable = spec.writes.flatMap((write, index) => (write.placement.kind === 'helper' ? [] : [index]));
        return fc.tuple(fc.constant(spec), fc.constantFrom(...movable), fc.integer({ min: 1, max: 3 }), parserArb);
      });
    fc.assert(
      fc.property(arb, ([spec, index, depth, ts]) => {
        const moved: ModuleSpec = {
          ...spec,
          writes: spec.writes.map((write, i) =>
            i === index ? { ...write, placement: { kind: 'helper', depth } } : write,
          ),
        };
        const before = lintModule(spec, ts);
        const after = lintModule(moved, ts);
        const line = after.rendered.writeLines[index];
        expect(
          after.findings.filter((f) => f.line === line).map((f) => f.ruleId),
          after.rendered.code,
        ).toEqual(before.findings.filter((f) => f.line === before.rendered.writeLines[index]).map((f) => f.ruleId));
        expect(ruleIds(after.findings), after.rendered.code).toEqual(ruleIds(before.findings));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('moving a module-scope declaration into the handler removes its findings and no others', () => {
    const arb = specArb
      .filter((spec) =>
        spec.states.some((_, s) => !spec.writes.some((w) => w.state === s && w.placement.kind === 'helper')),
      )
      .chain((spec) => {
        const movable = spec.states.flatMap((_, s) =>
          spec.writes.some((w) => w.state === s && w.placement.kind === 'helper') ? [] : [s],
        );
        return fc.tuple(fc.constant(spec), fc.constantFrom(...movable), parserArb);
      });
    fc.assert(
      fc.property(arb, ([spec, stateIndex, ts]) => {
        const moved: ModuleSpec = {
          ...spec,
          states: spec.states.map((state, s) => (s === stateIndex ? { ...state, local: true } : state)),
        };
        const before = lintModule(spec, ts);
        const after = lintModule(moved, ts);
        const movedLines = new Set(
          spec.writes.flatMap((w, i) => (w.state === stateIndex ? [after.rendered.writeLines[i]] : [])),
        );
        expect(
          after.findings.filter((f) => movedLines.has(f.line)),
          after.rendered.code,
        ).toEqual([]);
        const beforeMovedLines = new Set(
          spec.writes.flatMap((w, i) => (w.state === stateIndex ? [before.rendered.writeLines[i]] : [])),
        );
        expect(ruleIds(after.findings), after.rendered.code).toEqual(
          ruleIds(before.findings.filter((f) => !beforeMovedLines.has(f.line))),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
