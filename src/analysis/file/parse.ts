// Parses a file the linter was not given (an imported module, a CDK stack) into the ParsedFile the facts layer
// reads, with parent links set as ESLint sets them. JavaScript is read as ESLint reads it by default (espree and
// eslint-scope, about a third of the TypeScript parser's time); TypeScript, and JavaScript espree rejects, with
// typescript-eslint's parser.
import type { TSESTree } from '@typescript-eslint/utils';
import * as eslintScope from 'eslint-scope';
import * as espree from 'espree';
import { walk } from './ast.js';
import type { ParsedFile, VisitorKeys } from './parsed-file.js';

type Parser = Pick<typeof import('@typescript-eslint/parser'), 'parseForESLint'>;

/** JavaScript by extension: what ESLint parses with espree unless a config says otherwise. */
export const JAVASCRIPT = /\.(?:[cm]?js|jsx)$/u;

/** ESLint's own parse of JavaScript: espree for the tree, eslint-scope with the options ESLint passes it. */
export const espreeParser: Parser = {
  parseForESLint(text, options) {
    const sourceType = options?.sourceType === 'script' ? 'script' : 'module';
    const globalReturn = options?.ecmaFeatures?.globalReturn === true;
    const jsx = options?.ecmaFeatures?.jsx === true;
    const ast = espree.parse(typeof text === 'string' ? text : text.text, {
      range: true,
      loc: true,
      ecmaVersion: 'latest',
      sourceType,
      ecmaFeatures: { globalReturn, jsx },
    });
    const scopeManager = eslintScope.analyze(ast as Parameters<typeof eslintScope.analyze>[0], {
      ignoreEval: true,
      nodejsScope: globalReturn,
      ecmaVersion: espree.latestEcmaVersion + 2009,
      sourceType,
      childVisitorKeys: espree.VisitorKeys,
      fallback: 'iteration',
      jsx,
    });
    return { ast, scopeManager, visitorKeys: espree.VisitorKeys } as unknown as ReturnType<Parser['parseForESLint']>;
  },
};

export interface ParseOptions {
  /** `script` for CommonJS (top-level `return` allowed), `module` for ES modules. */
  sourceType: 'script' | 'module';
  jsx: boolean;
}

/** CommonJS by extension, or a file with `require`/`exports` and no `import`/`export` statement. */
export function guessParseOptions(file: string, text: string): ParseOptions {
  const isCommonJs =
    file.endsWith('.cjs') ||
    file.endsWith('.cts') ||
    (!/\b(import|export)\b/u.test(text) && /\brequire\s*\(|\bexports\b/u.test(text));
  // JavaScript files may hold JSX (Next.js pages, React components in `.js`): JSX syntax only starts where an
  // expression starts, so it changes nothing else in JavaScript. TypeScript's `.ts` keeps `<T>value` casts.
  return { sourceType: isCommonJs ? 'script' : 'module', jsx: /\.(?:[cm]?js|[jt]sx)$/u.test(file) };
}

/** Throws what the parser throws (a syntax error); callers decide what an unparsable file means. */
export function parseFile(
  parser: Parser,
  file: string,
  text: string,
  options: ParseOptions = guessParseOptions(file, text),
): ParsedFile {
  const result = parser.parseForESLint(text, {
    filePath: file,
    range: true,
    loc: true,
    comment: false,
    tokens: false,
    ecmaVersion: 'latest',
    sourceType: options.sourceType,
    ecmaFeatures: { globalReturn: options.sourceType === 'script', jsx: options.jsx },
  });
  const ast = result.ast as unknown as TSESTree.Program;
  const visitorKeys = result.visitorKeys as VisitorKeys;
  setParents(ast, visitorKeys);
  return {
    ast,
    text,
    scopeManager: result.scopeManager,
    visitorKeys,
    getText: (node?: TSESTree.Node) => (node ? text.slice(node.range[0], node.range[1]) : text),
  };
}

function setParents(root: TSESTree.Node, visitorKeys: VisitorKeys): void {
  walk(root, visitorKeys, (node) => {
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child && typeof child === 'object' && 'type' in child) (child as { parent?: TSESTree.Node }).parent = node;
      }
    }
  });
}
