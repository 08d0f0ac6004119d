// Code examples in Markdown, read by their fence's info string: ```js incorrect reports=2 file=app/api/x/route.ts
// GitHub shows only the language; the words after it tell the docs test what the example claims.

/** Languages whose fences are lint examples and must say what they are. Other fences (sh, json, yaml) are prose. */
const CODE_LANGUAGES = new Set(['js', 'javascript', 'jsx', 'ts', 'typescript', 'tsx', 'mjs', 'cjs']);

/**
 * - `incorrect`: the example is reported; `reports=N` (the page's rule) or `reports=rule:N,rule:M` says how often.
 * - `correct`: nothing in it is reported.
 * - `config`: configuration, not handler code; it is only parsed.
 */
export type FenceKind = 'incorrect' | 'correct' | 'config';
const KINDS = new Set<string>(['incorrect', 'correct', 'config']);

export interface Fence {
  /** Markdown file and 1-based line of the opening fence, for messages: `docs/rules/x.md:42`. */
  where: string;
  lang: string;
  kind: FenceKind;
  code: string;
  /** Path the example is linted as, relative to a fresh project; defaults by language and module system. */
  file: string;
  /** Expected report count per rule name (without the `handler-state/` prefix); `''` is the page's own rule. */
  reports: Map<string, number>;
  /** Rule options for the page's rule, from `options='{…}'`. */
  options?: Record<string, unknown>;
  /** The plugin's settings (`settings['handler-state']`), from `settings='{…}'`. */
  settings?: Record<string, unknown>;
  /** Companion files written next to the example (`with=store.ts`), read from the docs fixtures. */
  with: string[];
}

const META_KEYS = new Set(['reports', 'file', 'options', 'settings', 'with']);

/** Splits `incorrect reports=2 options='{"allow": ["x"]}'` into words; a value may be quoted with single quotes. */
function metaWords(meta: string): Array<[string, string | undefined]> {
  const words: Array<[string, string | undefined]> = [];
  const pattern = /([A-Za-z][\w-]*)(?:=(?:'([^']*)'|(\S+)))?/gu;
  let rest = meta.trim();
  while (rest !== '') {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match || match.index !== 0) throw new Error(`cannot read ${JSON.stringify(rest)}`);
    words.push([match[1], match[2] ?? match[3]]);
    rest = rest.slice(match[0].length).trim();
  }
  return words;
}

function json(where: string, key: string, value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`${where}: ${key}= must be a JSON object in single quotes, not ${value}`);
}

function defaultFile(lang: string, code: string): string {
  if (/^(ts|typescript)$/u.test(lang)) return 'src/handler.ts';
  if (lang === 'tsx') return 'src/handler.tsx';
  if (lang === 'jsx') return 'src/handler.jsx';
  // CommonJS examples are linted as `.cjs`, as ESLint's defaults read `.js` files as ES modules.
  const commonJs =
    /\b(?:module\.exports|exports\.\w+|require\()/u.test(code) && !/^\s*(?:import|export)\s/mu.test(code);
  return commonJs ? 'src/handler.cjs' : 'src/handler.js';
}

/**
 * Every code fence of a Markdown text whose language is JavaScript or TypeScript. Throws, naming the line, on a fence
 * that does not say what it is, on an unknown word, and on an `incorrect` fence that does not say how many reports.
 */
export function readFences(markdown: string, source: string): Fence[] {
  const fences: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})(.*)$/u.exec(lines[i]);
    if (!open) continue;
    const [, marker, info] = open;
    const where = `${source}:${i + 1}`;
    const body: string[] = [];
    let j = i + 1;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`, 'u');
    while (j < lines.length && !close.test(lines[j])) body.push(lines[j++]);
    if (j === lines.length) throw new Error(`${where}: the code fence is never closed`);
    i = j;
    const [lang = '', ...rest] = info.trim().split(/\s+/u);
    if (!CODE_LANGUAGES.has(lang)) continue;
    const code = `${body.join('\n')}\n`;
    let words: Array<[string, string | undefined]>;
    try {
      words = metaWords(rest.join(' '));
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
    const kinds = words.filter(([word, value]) => value === undefined && KINDS.has(word)).map(([word]) => word);
    if (kinds.length !== 1) {
      throw new Error(
        `${where}: a \`${lang}\` fence must say what it is with exactly one of incorrect, correct, config ` +
          `(for example \`\`\`${lang} incorrect reports=1); it says ${JSON.stringify(info.trim())}`,
      );
    }
    const fence: Fence = { where, lang, kind: kinds[0] as FenceKind, code, file: '', reports: new Map(), with: [] };
    for (const [key, value] of words) {
      if (value === undefined && KINDS.has(key)) continue;
      if (!META_KEYS.has(key) || value === undefined) throw new Error(`${where}: unknown word ${JSON.stringify(key)}`);
      if (key === 'file') fence.file = value;
      else if (key === 'options') fence.options = json(where, key, value);
      else if (key === 'settings') fence.settings = json(where, key, value);
      else if (key === 'with') fence.with = value.split(',');
      else {
        for (const part of value.split(',')) {
          const count = /^(?:([a-z-]+):)?(\d+)$/u.exec(part);
          if (!count) throw new Error(`${where}: reports= takes N or rule:N[,rule:N], not ${JSON.stringify(value)}`);
          fence.reports.set(count[1] ?? '', Number(count[2]));
        }
      }
    }
    if (fence.kind === 'incorrect' && fence.reports.size === 0) {
      throw new Error(`${where}: an incorrect example must say how many reports it makes (reports=N)`);
    }
    if (fence.kind !== 'incorrect' && fence.reports.size > 0) {
      throw new Error(`${where}: only an incorrect example has reports=`);
    }
    fence.file ||= defaultFile(lang, code);
    fences.push(fence);
  }
  return fences;
}
