// Fixture source text: dedented template literals, and report positions found by the text they point at.

/** Strips the opening newline, the closing indentation and the common indentation of a fixture. */
export function dedent(text: string): string {
  const lines = text
    .replace(/^\n/u, '')
    .replace(/\n[ \t]*$/u, '')
    .split('\n');
  const indent = Math.min(...lines.filter((line) => line.trim() !== '').map((line) => /^ */u.exec(line)![0].length));
  return lines.map((line) => line.slice(indent)).join('\n');
}

/** 1-based line and column of the nth occurrence of `needle`, so expectations name the code they point at. */
export function at(source: string, needle: string, nth = 1): { line: number; column: number } {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = source.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`fixture has no occurrence ${nth} of ${JSON.stringify(needle)}`);
  }
  const before = source.slice(0, index);
  return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
}
