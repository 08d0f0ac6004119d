// Which module-level names of a file are imports: the same value is that other module's state, and is reported
// there, under the name it is declared with.
import fs from 'node:fs';
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';

const MAX_SOURCE = 2 * 1024 * 1024;

function isRequire(node: TSESTree.Node | null | undefined): boolean {
  let current = node;
  while (current) {
    if (current.type === 'CallExpression') {
      return current.callee.type === 'Identifier' && current.callee.name === 'require';
    }
    if (current.type === 'MemberExpression') current = current.object;
    else if (current.type === 'AwaitExpression') current = current.argument;
    else if (current.type === 'ImportExpression') return true;
    else return false;
  }
  return false;
}

function patternNames(pattern: TSESTree.Node, out: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      out.add(pattern.name);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties) {
        patternNames(property.type === 'RestElement' ? property.argument : property.value, out);
      }
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) patternNames(element, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern.left, out);
      break;
    case 'RestElement':
      patternNames(pattern.argument, out);
      break;
    default:
      break;
  }
}

/** Names bound at the top of `file` by `import`, `import x = require()` or `const … = require()`; empty on any trouble. */
export function importedNames(file: string): Set<string> {
  const names = new Set<string>();
  let code: string;
  try {
    if (fs.statSync(file).size > MAX_SOURCE) return names;
    code = fs.readFileSync(file, 'utf8');
  } catch {
    return names;
  }
  let program: TSESTree.Program;
  try {
    program = parse(code, { sourceType: 'module', ecmaVersion: 'latest', jsx: /\.[jt]sx$/u.test(file) });
  } catch {
    try {
      program = parse(code, { sourceType: 'script', ecmaVersion: 'latest' });
    } catch {
      return names;
    }
  }
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      for (const specifier of statement.specifiers) names.add(specifier.local.name);
    } else if (statement.type === 'TSImportEqualsDeclaration') {
      names.add(statement.id.name);
    } else if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (isRequire(declarator.init)) patternNames(declarator.id, names);
      }
    }
  }
  return names;
}
