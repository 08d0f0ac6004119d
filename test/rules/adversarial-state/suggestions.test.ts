// Applying "move the declaration into the handler" gives working code, for every state rule.
import { describe, it } from 'vitest';
import { RULES, type Kind } from './harness.js';

// Suggestion semantics: applying "move the declaration into the handler" must give working code. Checked on the
// parsed output (not on formatting): the declaration leaves module scope, lands directly in the handler body, and
// a directive prologue ('use strict') stays the first statement of that body.
interface SuggestionCase {
  name: string;
  code: string;
  variable: string;
  cjs?: boolean;
  gap?: string;
}

const SUGGESTION_CASES: SuggestionCase[] = [
  {
    name: 'plain const array in an arrow handler',
    variable: 'paths',
    code: `const paths: string[] = [];
export const handler = async (event: { path: string }) => {
  paths.push(event.path);
};`,
  },
  {
    name: 'var declared after the handler',
    variable: 'seen',
    cjs: true,
    code: `exports.handler = function (event, context) {
  seen.push(event.id);
};
var seen = [];`,
  },
  {
    name: "handler body starting with a 'use strict' directive",
    variable: 'count',
    cjs: true,
    code: `var count = 0;
exports.handler = function (event, context) {
  'use strict';
  count++;
  context.succeed(count);
};`,
  },
];

type AnyNode = { type: string; [key: string]: unknown };

function* walk(node: unknown): Generator<AnyNode> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
    return;
  }
  const n = node as AnyNode;
  if (typeof n.type !== 'string') return;
  yield n;
  for (const [key, value] of Object.entries(n)) {
    if (key === 'parent' || key === 'loc' || key === 'range') continue;
    yield* walk(value);
  }
}

function declares(statement: AnyNode, name: string): boolean {
  return (
    statement.type === 'VariableDeclaration' &&
    (statement.declarations as AnyNode[]).some(
      (d) => (d.id as AnyNode).type === 'Identifier' && (d.id as { name: string }).name === name,
    )
  );
}

describe('suggestion semantics', () => {
  for (const c of SUGGESTION_CASES) {
    const run = c.gap ? it.skip : it;
    run(c.gap ? `${c.name} — ${c.gap}` : c.name, async () => {
      const { Linter } = await import('eslint');
      const tsParser = await import('@typescript-eslint/parser');
      const rules = Object.fromEntries(
        (Object.keys(RULES) as Kind[]).map((k) => [`hs/${RULES[k].name}`, 'error' as const]),
      );
      const plugin = {
        rules: Object.fromEntries((Object.keys(RULES) as Kind[]).map((k) => [RULES[k].name, RULES[k].rule])),
      };
      const languageOptions = {
        parser: tsParser,
        sourceType: (c.cjs ? 'commonjs' : 'module') as 'module',
        ecmaVersion: 'latest' as const,
      };
      const linter = new Linter();
      const messages = linter.verify(
        c.code,
        [{ files: ['**/*.ts'], plugins: { hs: plugin }, languageOptions, rules }],
        'file.ts',
      );
      const suggestion = messages.flatMap((m) => m.suggestions ?? [])[0];
      if (!suggestion) throw new Error('expected a move-into-handler suggestion');
      const [from, to] = suggestion.fix.range;
      const output = c.code.slice(0, from) + suggestion.fix.text + c.code.slice(to);
      const program = tsParser.parse(output, {
        sourceType: languageOptions.sourceType,
        ecmaVersion: 'latest',
        range: true,
      }) as unknown as AnyNode;
      const topLevel = (program.body as AnyNode[]).some((statement) => declares(statement, c.variable));
      if (topLevel) throw new Error(`declaration of ${c.variable} still at module scope:\n${output}`);
      const originalProgram = tsParser.parse(c.code, {
        sourceType: languageOptions.sourceType,
        ecmaVersion: 'latest',
      }) as unknown as AnyNode;
      const hadDirective = [...walk(originalProgram)].some(
        (n) => n.type === 'BlockStatement' && typeof (n.body as AnyNode[])[0]?.directive === 'string',
      );
      const bodies = [...walk(program)].filter(
        (n) =>
          n.type === 'BlockStatement' && (n.body as AnyNode[]).some((statement) => declares(statement, c.variable)),
      );
      if (bodies.length !== 1) throw new Error(`expected the declaration in exactly one function body:\n${output}`);
      if (hadDirective && typeof (bodies[0].body as AnyNode[])[0]?.directive !== 'string') {
        throw new Error(`the directive prologue is no longer first in the handler body:\n${output}`);
      }
    });
  }
});
