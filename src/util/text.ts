// Reading source text before (or instead of) parsing it: whether a file can name something at all.

/** `text` with every regular-expression metacharacter escaped. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

const wordPatterns = new Map<string, RegExp>();

/** Any of `names` not inside a longer identifier: `serve` in `Deno.serve(` but not in `server`. */
export function wordsPattern(names: Iterable<string>): RegExp {
  const list = [...names];
  const key = list.join('\n');
  let pattern = wordPatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`(?<![\\w$])(?:${list.map(escapeRegExp).join('|')})(?![\\w$])`, 'u');
    if (wordPatterns.size < 1024) wordPatterns.set(key, pattern);
  }
  return pattern;
}

/** An escape or line continuation that could spell an identifier or key (`\u0073erve`, `'\x73erve'`, octal, `'ser\<newline>ve'`). */
export const SPELLING_ESCAPE = /\\[ux0-7\r\n\u2028\u2029]/u;
