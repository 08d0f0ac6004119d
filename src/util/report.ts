// The one create helper every rule is built with (read the shared analysis at the end of the file, report the
// settings problems once), and the state rules' reporting: findings of one kind, `allow`, the move suggestion.
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { functionName } from '../analysis/file/ast.js';
import { analyze } from '../analysis/index.js';
import { describeClosure } from '../analysis/state/closures.js';
import type { FileAnalysis, Finding, LeakKind, MoveDeclaration } from '../analysis/types.js';

export interface AllowOption {
  /** Module-state names to leave alone: exact names, or `/regex/` strings. */
  allow?: string[];
}

export const allowSchema = {
  type: 'array',
  description:
    'Module-scope names this rule ignores: an exact name such as `metrics`, or a regular expression written `/^_/`.',
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
} as const;

/** The options of the four state rules: one object with `allow`. */
export const allowOptionsSchema = [
  {
    type: 'object',
    additionalProperties: false,
    properties: { allow: allowSchema },
  },
] as const;

export type ReportMessageIds = keyof typeof settingsMessages | 'moveIntoHandler';

/**
 * The messages every rule has, about the run rather than the code: a problem with the plugin's settings, and a
 * part of the file the analysis could not finish (so findings there may be missing).
 */
export const settingsMessages = {
  settingsError: 'Invalid `settings["handler-state"]`: {{problem}}. The plugin ignores the invalid part.',
  invalidAllow: 'Invalid option `allow` entry `{{entry}}`: {{problem}}. The entry is ignored.',
  analysisIncomplete:
    'handler-state could not analyse {{problems}}. Findings there may be missing; HANDLER_STATE_DEBUG=1 shows the error.',
} as const;

export const sharedMessages = {
  ...settingsMessages,
  moveIntoHandler: 'Move the declaration of `{{name}}` into `{{handler}}`, so each invocation gets its own.',
} as const;

/**
 * The plugin's rules in a fixed order. Of those enabled on a file, the first in this order reports the settings
 * problems, so they appear once per file whichever rules are on, and never depend on the order rules run in.
 */
export const SETTINGS_REPORTERS = [
  'no-unbounded-growth',
  'no-unbounded-cache',
  'no-request-data-in-module-scope',
  'no-module-state-write',
  'no-handler-listener-leak',
  'no-persistent-library-context',
  'no-shared-ssr-instance',
] as const;

export type RuleName = (typeof SETTINGS_REPORTERS)[number];

/** Which of the plugin's rules run on a file, keyed by its AST. ESLint creates every rule before it walks a file. */
const enabledOnFile = new WeakMap<object, Set<RuleName>>();

function markEnabled(ast: object, name: RuleName): void {
  const enabled = enabledOnFile.get(ast);
  if (enabled) enabled.add(name);
  else enabledOnFile.set(ast, new Set([name]));
}

/** Is `name` the rule that reports this file's settings problems? */
function reportsSettings(ast: object, name: RuleName): boolean {
  const enabled = enabledOnFile.get(ast);
  return SETTINGS_REPORTERS.find((rule) => enabled?.has(rule)) === name;
}

type AnyRuleContext<MessageId extends string> = Readonly<
  TSESLint.RuleContext<MessageId | keyof typeof settingsMessages, readonly unknown[]>
>;

/** How many of a file's incomplete parts the one diagnostic names. */
const SHOWN_PROBLEMS = 3;

/** The incomplete parts in one sentence: `./lib/index.js: re-export cycle; handler `a`: … and 2 more`. */
export function incompleteText(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN_PROBLEMS).join('; ');
  const rest = problems.length - SHOWN_PROBLEMS;
  return rest > 0 ? `${shown}; and ${rest} more part${rest === 1 ? '' : 's'}` : shown;
}

/**
 * The `create` of every rule: note that the rule runs on this file, then at the end of the file read the shared
 * analysis (never write to it), report settings problems and an incomplete analysis if this rule is the file's
 * settings reporter, and hand
 * the analysis to `report`.
 */
export function analysisRuleCreate<MessageId extends string, Options extends readonly unknown[]>(
  name: RuleName,
  report: (context: AnyRuleContext<MessageId>, analysis: FileAnalysis, options: Options) => void,
) {
  return (context: AnyRuleContext<MessageId>, options: Options): TSESLint.RuleListener => {
    markEnabled(context.sourceCode.ast, name);
    return {
      'Program:exit'() {
        const analysis = analyze(context);
        if (reportsSettings(context.sourceCode.ast, name)) {
          for (const problem of analysis.settingsProblems) {
            context.report({ loc: { line: 1, column: 0 }, messageId: 'settingsError', data: { problem } });
          }
          // One diagnostic per file, carried by the same rule as settings problems, whichever rules are on.
          if (analysis.incomplete.length > 0) {
            context.report({
              loc: { line: 1, column: 0 },
              messageId: 'analysisIncomplete',
              data: { problems: incompleteText(analysis.incomplete) },
            });
          }
        }
        report(context, analysis, options);
      },
    };
  };
}

/** What an `allow` option compiles to: the test, and a problem in words for each entry that is ignored. */
export interface CompiledAllow {
  isAllowed: (name: string) => boolean;
  problems: Array<{ entry: string; problem: string }>;
}

/**
 * The `allow` entries as one test. `/regex/` entries run without the `g` and `y` flags (which would carry
 * `lastIndex` from one name to the next); an entry that is not a valid regular expression, or that repeats a
 * repetition (`/(a+)+$/`, which can take exponential time), is ignored with a problem naming it.
 */
export function compileAllow(allow: readonly string[] | undefined): CompiledAllow {
  const problems: CompiledAllow['problems'] = [];
  if (!allow || allow.length === 0) return { isAllowed: () => false, problems };
  const tests: Array<(name: string) => boolean> = [];
  for (const entry of allow) {
    const regex = /^\/(.+)\/([a-z]*)$/u.exec(entry);
    if (!regex) {
      tests.push((name) => name === entry);
      continue;
    }
    const nested = nestedRepetition(regex[1]);
    if (nested) {
      problems.push({
        entry,
        problem: `it repeats a repetition (\`${nested}\`), which can take exponential time; write it without the nesting`,
      });
      continue;
    }
    try {
      const re = new RegExp(regex[1], regex[2].replace(/[gy]/gu, ''));
      tests.push((name) => re.test(name));
    } catch (error) {
      problems.push({ entry, problem: `it is not a valid regular expression (${(error as Error).message})` });
    }
  }
  return { isAllowed: (name) => tests.some((test) => test(name)), problems };
}

/**
 * The first group that is repeated (`+`, `*`, `{n,}`, `{n,m}`) and holds a repetition itself, as written (`(a+)+`);
 * null when there is none. An escape or a character class is one character: `(\\d+)+` is nested, `([+])+` is not.
 */
export function nestedRepetition(source: string): string | null {
  /** Per open group: where it starts, and whether a repetition was seen inside. */
  const open: Array<{ start: number; repeats: boolean }> = [];
  const repetitionAt = (index: number): number => {
    const char = source[index];
    if (char === '+' || char === '*') return 1;
    if (char === '{') {
      const match = /^\{\d+,\d*\}/u.exec(source.slice(index));
      if (match && match[0] !== '{1,1}' && !/^\{(\d+),\1\}$/u.test(match[0])) return match[0].length;
    }
    return 0;
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (char === '[') {
      for (index++; index < source.length && source[index] !== ']'; index++) if (source[index] === '\\') index++;
      continue;
    }
    if (char === '(') {
      open.push({ start: index, repeats: false });
      continue;
    }
    if (char === ')') {
      const group = open.pop();
      const length = repetitionAt(index + 1);
      if (group && length > 0 && group.repeats) return source.slice(group.start, index + 1 + length);
      if (group && (group.repeats || length > 0) && open.length > 0) open[open.length - 1].repeats = true;
      continue;
    }
    if (repetitionAt(index) > 0 && open.length > 0) open[open.length - 1].repeats = true;
  }
  return null;
}

/** The `allow` test of a rule, after reporting each ignored entry once per file at its top. */
export function readAllow<MessageId extends string>(
  context: AnyRuleContext<MessageId>,
  allow: readonly string[] | undefined,
): (name: string) => boolean {
  const compiled = compileAllow(allow);
  for (const { entry, problem } of compiled.problems) {
    context.report({ loc: { line: 1, column: 0 }, messageId: 'invalidAllow', data: { entry, problem } });
  }
  return compiled.isAllowed;
}

export function handlerLabel(finding: Finding): string {
  return finding.handler.name;
}

/**
 * ` (in ./store.ts)`, for a call that writes several variables there ` (in ./store.ts; also `a`, `b` and 3 more)`,
 * and for closure state ` (state of `makeStack()` held by `themeStack`)`.
 */
export function whereText(finding: Finding): string {
  const parts: string[] = [];
  if (finding.file) parts.push(`in ${finding.file}`);
  if (finding.closure) parts.push(describeClosure(finding.closure));
  if (finding.reachedFrom) parts.push(reachedFromText(finding.reachedFrom));
  const also = finding.also ?? [];
  if (also.length > 0) {
    const shown = also.slice(0, 3).map((name) => `\`${name}\``);
    const rest = also.length > 3 ? ` and ${also.length - 3} more` : '';
    parts.push(`also ${shown.join(', ')}${rest}`);
  }
  return parts.length === 0 ? '' : ` (${parts.join('; ')})`;
}

/** `reached per request from `handler` in ./handler.ts via `remember()``. */
export function reachedFromText(from: { handler: string; file: string; via: string[] }): string {
  return `reached per request from \`${from.handler}\` in ${from.file}${viaText({ via: from.via })}`;
}

/** How many helpers a `via` path names before the middle of a long chain is elided. */
const MAX_VIA_SHOWN = 6;

/**
 * ` via `track()` → `save()``: the named helpers between a handler and what it does, for any finding kind; a long
 * chain shows its first and last helpers (` via `a()` → `b()` → `c()` → … 1,194 more … → `y()` → `z()``).
 */
export function viaText(finding: Pick<Finding, 'via'>): string {
  const via = finding.via;
  if (via.length === 0) return '';
  const named = (names: readonly string[]) => names.map((name) => `\`${name}()\``).join(' → ');
  if (via.length <= MAX_VIA_SHOWN) return ` via ${named(via)}`;
  const hidden = via.length - 5;
  return ` via ${named(via.slice(0, 3))} → … ${hidden.toLocaleString('en-US')} more … → ${named(via.slice(-2))}`;
}

/** The message a finding is reported with: one for the rule, or one chosen per finding (a variant for a special case). */
export type MessageFor<MessageId extends string> = MessageId | ((finding: Finding) => MessageId);

/** The whole `create` of a state rule: at the end of the file, report the findings of one kind. */
export function stateRuleCreate<MessageId extends string>(
  name: RuleName,
  kind: LeakKind,
  messageId: MessageFor<MessageId>,
) {
  return analysisRuleCreate<MessageId | ReportMessageIds, readonly [AllowOption]>(
    name,
    (context, analysis, [options]) => reportFindings(context, analysis, kind, messageId, options.allow),
  );
}

export function reportFindings<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId | ReportMessageIds, readonly unknown[]>>,
  analysis: FileAnalysis,
  kind: LeakKind,
  messageId: MessageFor<MessageId>,
  allow: readonly string[] | undefined,
): void {
  const isAllowed = readAllow(context, allow);
  for (const finding of analysis.findings) {
    if (finding.kind !== kind) continue;
    if (isAllowed(finding.root) || isAllowed(finding.target)) continue;
    const move = finding.moveIntoHandler;
    context.report({
      node: finding.node,
      messageId: typeof messageId === 'function' ? messageId(finding) : messageId,
      data: {
        target: finding.target,
        root: finding.root,
        handler: handlerLabel(finding),
        via: viaText(finding),
        where: whereText(finding),
        how: finding.how,
        removers: (finding.unreachedRemovers ?? []).map((name) => `\`${name}()\``).join(', '),
      },
      suggest: move
        ? [
            {
              messageId: 'moveIntoHandler',
              data: { name: finding.root, handler: functionName(finding.handler.node) ?? handlerLabel(finding) },
              fix: (fixer) => movedOnce(move, () => moveDeclarationFix(fixer, context.sourceCode, move)),
            },
          ]
        : [],
    });
  }
}

/**
 * The edits of one move, built once: every write to the variable in that handler carries the same suggestion, and
 * ESLint computes a suggestion's edits as soon as it is reported. The move is one object per variable and handler
 * of one analysis (so of one text); ESLint copies the edits it is given and never changes them.
 */
const movesBuilt = new WeakMap<MoveDeclaration, TSESLint.RuleFix[]>();

function movedOnce(move: MoveDeclaration, build: () => TSESLint.RuleFix[]): TSESLint.RuleFix[] {
  let fixes = movesBuilt.get(move);
  if (!fixes) movesBuilt.set(move, (fixes = build()));
  return fixes;
}

function moveDeclarationFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  { declaration, body }: MoveDeclaration,
): TSESLint.RuleFix[] {
  const fullText = sourceCode.text;
  const text = sourceCode.getText(declaration);
  // `var`/`let` become `let` inside the handler; `const` stays `const`.
  const declared = declaration.kind === 'const' ? text : text.replace(/^(var|let)\b/u, 'let');
  // After any directive prologue (`'use strict'`), which must stay first to keep its meaning.
  let prologueEnd = 0;
  while (prologueEnd < body.body.length && isDirective(body.body[prologueEnd])) prologueEnd++;
  const anchor = prologueEnd > 0 ? body.body[prologueEnd - 1] : sourceCode.getFirstToken(body);
  const [start, end] = declaration.range;
  // The declaration's own line goes, indentation and line break included; when it stood alone between two blank
  // lines, one of them goes too, so no double blank line is left behind.
  const startOfLine = lineStart(fullText, start);
  const ownsLine = fullText.slice(startOfLine, start).trim() === '';
  const removeStart = ownsLine ? startOfLine : start;
  let removeEnd = end;
  while (removeEnd < fullText.length && (fullText[removeEnd] === ' ' || fullText[removeEnd] === '\t')) removeEnd++;
  if (fullText[removeEnd] === '\r') removeEnd++;
  if (fullText[removeEnd] === '\n') removeEnd++;
  if (
    ownsLine &&
    isBlankLineAt(fullText, removeEnd) &&
    (removeStart === 0 || isBlankLineBefore(fullText, removeStart))
  ) {
    removeEnd = endOfLine(fullText, removeEnd);
  }
  const fixes = [fixer.removeRange([removeStart, removeEnd])];
  if (anchor) {
    // The body's own indentation: its first statement's, or one level deeper than the line that opens it.
    const first = body.body[prologueEnd] ?? body.body[0];
    const indent =
      first && startsLine(fullText, first.range[0])
        ? indentationAt(fullText, first.range[0])
        : indentationAt(fullText, body.range[0]) + indentUnit(fullText);
    const moved = reindent(declared, ownsLine ? indentationAt(fullText, start) : '', indent);
    // A body written on one line (`=> { seen.push(x); }`) gets the line break after the declaration as well.
    const sameLine = !/^[ \t]*(?:\r?\n|$)/u.test(fullText.slice(anchor.range[1], endOfLine(fullText, anchor.range[1])));
    fixes.push(fixer.insertTextAfter(anchor, `\n${indent}${moved}${sameLine ? '\n' : ''}`));
  }
  return fixes;
}

function lineStart(text: string, index: number): number {
  let position = index;
  while (position > 0 && text[position - 1] !== '\n') position--;
  return position;
}

function endOfLine(text: string, index: number): number {
  let position = index;
  while (position < text.length && text[position] !== '\n') position++;
  return position < text.length ? position + 1 : position;
}

function startsLine(text: string, index: number): boolean {
  return text.slice(lineStart(text, index), index).trim() === '';
}

/** The leading blanks of the line that holds `index`. */
function indentationAt(text: string, index: number): string {
  const from = lineStart(text, index);
  return /^[ \t]*/u.exec(text.slice(from, index))?.[0] ?? '';
}

function isBlankLineAt(text: string, index: number): boolean {
  const rest = text.slice(index, endOfLine(text, index));
  return rest.trim() === '' && rest.length > 0;
}

function isBlankLineBefore(text: string, lineBegin: number): boolean {
  if (lineBegin === 0) return false;
  const previousStart = lineStart(text, lineBegin - 1);
  return text.slice(previousStart, lineBegin).trim() === '';
}

/** The file's indentation step: a tab when indented lines start with tabs, else the smallest run of spaces. */
function indentUnit(text: string): string {
  let smallest = Number.POSITIVE_INFINITY;
  for (const match of text.matchAll(/^([ \t]+)\S/gmu)) {
    const blanks = match[1];
    if (blanks.startsWith('\t')) return '\t';
    smallest = Math.min(smallest, blanks.length);
  }
  return Number.isFinite(smallest) ? ' '.repeat(smallest) : '  ';
}

/** Moves a multi-line declaration's continuation lines from its old indentation to the new one. */
function reindent(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  return lines
    .map((line, index) => {
      if (index === 0) return line;
      if (line.trim() === '') return line.trimEnd();
      return line.startsWith(from) ? to + line.slice(from.length) : to + line.trimStart();
    })
    .join('\n');
}

function isDirective(statement: TSESTree.Statement): boolean {
  return statement.type === 'ExpressionStatement' && typeof statement.directive === 'string';
}
