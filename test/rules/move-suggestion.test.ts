// The move-into-handler suggestion keeps the code's shape: the body's indentation, no double blank line left behind.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

/** The code after the first suggestion of each finding in `code`, one result per finding. */
function applySuggestions(code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, [
    {
      plugins: { 'handler-state': plugin },
      rules: { 'handler-state/no-unbounded-growth': 'error' },
      languageOptions: { sourceType: 'module' },
    },
  ]);
  expect(messages.every((message) => message.ruleId === 'handler-state/no-unbounded-growth')).toBe(true);
  return messages.map((message) => {
    const [suggestion] = message.suggestions ?? [];
    if (!suggestion) throw new Error(`expected a move-into-handler suggestion at line ${message.line}`);
    const { range, text } = suggestion.fix;
    return code.slice(0, range[0]) + text + code.slice(range[1]);
  });
}

/** Applies the first suggestion of the only finding in `code`. */
function applySuggestion(code: string): string {
  const results = applySuggestions(code);
  expect(results).toHaveLength(1);
  return results[0];
}

describe('move-into-handler suggestion', () => {
  it('indents the moved declaration like the first statement of a two-space body', () => {
    const code = [
      "import { log } from './log.js';",
      '',
      'const seen = [];',
      '',
      'export const handler = async (event) => {',
      '  seen.push(event.id);',
      '  log(seen.length);',
      '};',
      '',
    ].join('\n');
    expect(applySuggestion(code)).toBe(
      [
        "import { log } from './log.js';",
        '',
        'export const handler = async (event) => {',
        '  const seen = [];',
        '  seen.push(event.id);',
        '  log(seen.length);',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('follows tab and four-space bodies', () => {
    const tabs = 'const seen = [];\nexport function handler(event) {\n\tseen.push(event.id);\n}\n';
    expect(applySuggestion(tabs)).toBe(
      'export function handler(event) {\n\tconst seen = [];\n\tseen.push(event.id);\n}\n',
    );
    const nested = [
      "const functions = require('firebase-functions/v1');",
      'const seen = [];',
      "exports.onNote = functions.firestore.document('notes/{id}').onCreate((snap) => {",
      '    if (snap.exists) {',
      '        seen.push(snap.id);',
      '    }',
      '});',
      '',
    ].join('\n');
    expect(applySuggestion(nested)).toBe(
      [
        "const functions = require('firebase-functions/v1');",
        "exports.onNote = functions.firestore.document('notes/{id}').onCreate((snap) => {",
        '    const seen = [];',
        '    if (snap.exists) {',
        '        seen.push(snap.id);',
        '    }',
        '});',
        '',
      ].join('\n'),
    );
  });

  it('re-indents every line of a multi-line declaration, after a directive prologue', () => {
    const code = [
      'const seen = [',
      "  'warm',",
      '];',
      '',
      'export const handler = async (event) => {',
      "  'use strict';",
      '  seen.push(event.id);',
      '};',
      '',
    ].join('\n');
    expect(applySuggestion(code)).toBe(
      [
        'export const handler = async (event) => {',
        "  'use strict';",
        '  const seen = [',
        "    'warm',",
        '  ];',
        '  seen.push(event.id);',
        '};',
        '',
      ].join('\n'),
    );
  });

  it('uses one level deeper than the opening line when the body has no statement on its own line', () => {
    const code = 'const seen = [];\nexport const handler = async (event) => { seen.push(event.id); };\n';
    expect(applySuggestion(code)).toBe(
      'export const handler = async (event) => {\n  const seen = [];\n seen.push(event.id); };\n',
    );
  });

  it('gives every write to one variable in one handler the same move, and each handler its own', () => {
    const code = [
      'const seen = [];',
      'const hits = [];',
      'export const first = async (event) => {',
      '  seen.push(event.id);',
      '  seen.push(event.name);',
      '};',
      'export const second = async (event) => {',
      '  hits.push(event.id);',
      '};',
      '',
    ].join('\n');
    const seenMoved = [
      'const hits = [];',
      'export const first = async (event) => {',
      '  const seen = [];',
      '  seen.push(event.id);',
      '  seen.push(event.name);',
      '};',
      'export const second = async (event) => {',
      '  hits.push(event.id);',
      '};',
      '',
    ].join('\n');
    const hitsMoved = [
      'const seen = [];',
      'export const first = async (event) => {',
      '  seen.push(event.id);',
      '  seen.push(event.name);',
      '};',
      'export const second = async (event) => {',
      '  const hits = [];',
      '  hits.push(event.id);',
      '};',
      '',
    ].join('\n');
    expect(applySuggestions(code)).toEqual([seenMoved, seenMoved, hitsMoved]);
  });
});
