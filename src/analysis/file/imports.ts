// One import model: where a value comes from ({ source, path }) and which modules the file imports, for ES imports
// (default, named, namespace, type-only), CommonJS require (plain, destructured, `.member`, `.default`), dynamic
// `await import()`, and TypeScript `import x = require()` / `import A = NS.B` / `export import`.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { staticPropertyName, stringValue, unwrap } from './ast.js';
import type { Globals } from './globals.js';
import type { ParsedFile } from './parsed-file.js';
import { variableOf } from './scopes.js';

/**
 * Where a value comes from: module `source`, then the member path below the module object. The path is exact:
 * a default import is `['default']`, a namespace import or `require()` is `[]`. `moduleValueOf` folds the
 * interop (`default` of a package is the package) for callers that match packages.
 */
export interface ImportTarget {
  source: string;
  path: string[];
  /** How it was imported. */
  form: 'import' | 'require' | 'dynamic' | 'import-equals';
  /** `import type …`, `import { type X }`, `import type X = require()`: no value at run time. */
  typeOnly: boolean;
  /** The module specifier as written (the string literal), for resolvers that work on nodes. */
  sourceNode: TSESTree.Node | null;
}

const MAX_DEPTH = 8;

/** `'x'` for `require('x')` (a single string argument, also a plain template), else null. */
export function requireSource(node: TSESTree.Node): string | null {
  const call = unwrap(node);
  if (call.type !== T.CallExpression || call.arguments.length !== 1) return null;
  const callee = unwrap(call.callee);
  if (callee.type !== T.Identifier || callee.name !== 'require') return null;
  return stringValue(call.arguments[0]);
}

/** `'x'` for `import('x')` with a literal specifier, else null. */
export function dynamicImportSource(node: TSESTree.Node): string | null {
  const value = unwrap(node);
  return value.type === T.ImportExpression ? stringValue(value.source) : null;
}

export class Imports {
  private sourceSet: Set<string> | null = null;
  private readonly variableMemo = new Map<Scope.Variable, ImportTarget | null>();

  constructor(
    private readonly file: ParsedFile,
    private readonly globals: Globals,
    /** Every `import()` expression of the file (from the one call index walk), asked for only when needed. */
    private readonly dynamicImports: () => readonly TSESTree.ImportExpression[],
  ) {}

  /** Every module the file imports, requires, re-exports or imports dynamically with a literal; type-only too. */
  get sources(): ReadonlySet<string> {
    if (this.sourceSet) return this.sourceSet;
    const sources = new Set<string>();
    for (const statement of this.file.ast.body) {
      const declaration =
        statement.type === T.ExportNamedDeclaration && statement.declaration?.type === T.TSImportEqualsDeclaration
          ? statement.declaration
          : statement;
      if (declaration.type === T.ImportDeclaration) sources.add(declaration.source.value);
      else if (
        (declaration.type === T.ExportNamedDeclaration || declaration.type === T.ExportAllDeclaration) &&
        declaration.source
      ) {
        sources.add(declaration.source.value);
      } else if (
        declaration.type === T.TSImportEqualsDeclaration &&
        declaration.moduleReference.type === T.TSExternalModuleReference
      ) {
        const source = stringValue(declaration.moduleReference.expression);
        if (source !== null) sources.add(source);
      }
    }
    // `require()` can sit anywhere; the scope manager already lists every reference to the global `require`.
    if (this.file.text.includes('require')) {
      for (const identifier of this.globals.referencesTo('require')) {
        const call = identifier.parent;
        if (call?.type !== T.CallExpression || call.callee !== identifier) continue;
        const source = requireSource(call);
        if (source !== null) sources.add(source);
      }
    }
    if (/\bimport\s*\(/u.test(this.file.text)) {
      for (const expression of this.dynamicImports()) {
        const source = stringValue(expression.source);
        if (source !== null) sources.add(source);
      }
    }
    this.sourceSet = sources;
    return sources;
  }

  /** Does the file import any of these modules (or a subpath of one, `hono/factory` for `hono`)? */
  importsAny(modules: Iterable<string>): boolean {
    const imported = this.importedModules();
    for (const module of modules) if (imported.has(module)) return true;
    return false;
  }

  private moduleSet: Set<string> | null = null;

  /** Every source and every `/`-bounded prefix of one (`hono`, `hono/factory` for `hono/factory`): one lookup per module. */
  private importedModules(): ReadonlySet<string> {
    if (this.moduleSet) return this.moduleSet;
    const modules = new Set<string>();
    for (const source of this.sources) {
      modules.add(source);
      for (let slash = source.indexOf('/'); slash !== -1; slash = source.indexOf('/', slash + 1))
        modules.add(source.slice(0, slash));
    }
    this.moduleSet = modules;
    return modules;
  }

  /**
   * Where `node` comes from when it is an imported value or a member of one, with the exact path:
   * `functions.http` with `import * as functions from 'x'` is `{ source: 'x', path: ['http'] }`.
   */
  of(node: TSESTree.Node, depth = 0): ImportTarget | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    switch (value.type) {
      case T.CallExpression: {
        const source = requireSource(value);
        return source === null
          ? null
          : { source, path: [], form: 'require', typeOnly: false, sourceNode: value.arguments[0] };
      }
      case T.AwaitExpression: {
        const source = value.argument ? dynamicImportSource(value.argument) : null;
        const sourceNode = source === null ? null : (unwrap(value.argument) as TSESTree.ImportExpression).source;
        return source === null ? null : { source, path: [], form: 'dynamic', typeOnly: false, sourceNode };
      }
      case T.MemberExpression: {
        const name = staticPropertyName(value);
        if (name === null) return null;
        const object = this.of(value.object, depth + 1);
        return object ? { ...object, path: [...object.path, name] } : null;
      }
      case T.Identifier: {
        const variable = variableOf(this.file, value);
        return variable ? this.ofVariable(variable, depth) : null;
      }
      default:
        return null;
    }
  }

  /** Like `of`, with the interop folded: the `default` of a module is the module (`import _ from 'lodash'` is `[]`). */
  moduleValueOf(node: TSESTree.Node): ImportTarget | null {
    return moduleValue(this.of(node));
  }

  /** The import a variable is bound to, when it has exactly one definition that is an import. */
  ofVariable(variable: Scope.Variable, depth = 0): ImportTarget | null {
    if (variable.defs.length !== 1) return null;
    if (this.variableMemo.has(variable)) return this.variableMemo.get(variable)!;
    this.variableMemo.set(variable, null); // cycles end here
    const result = this.computeVariable(variable, depth);
    this.variableMemo.set(variable, result);
    return result;
  }

  private computeVariable(variable: Scope.Variable, depth: number): ImportTarget | null {
    const def = variable.defs[0];
    if (def.type === 'ImportBinding') {
      const node = def.node as TSESTree.Node;
      if (node.type === T.TSImportEqualsDeclaration) return this.ofImportEquals(node, depth);
      const declaration = def.parent as TSESTree.ImportDeclaration;
      const source = declaration.source.value;
      const declarationTypeOnly = declaration.importKind === 'type';
      if (node.type === T.ImportSpecifier) {
        const imported = node.imported.type === T.Identifier ? node.imported.name : String(node.imported.value);
        return {
          source,
          path: [imported],
          form: 'import',
          typeOnly: declarationTypeOnly || node.importKind === 'type',
          sourceNode: declaration.source,
        };
      }
      const path = node.type === T.ImportDefaultSpecifier ? ['default'] : [];
      return { source, path, form: 'import', typeOnly: declarationTypeOnly, sourceNode: declaration.source };
    }
    if (def.type !== 'Variable') return null;
    const declarator = def.node;
    if (!declarator.init) return null;
    if (declarator.id.type === T.Identifier) return this.of(declarator.init, depth + 1);
    if (declarator.id.type !== T.ObjectPattern) return null;
    // `const { http } = require('x')`, `const { a: b } = await import('x')`
    const base = this.of(declarator.init, depth + 1);
    if (!base) return null;
    for (const property of declarator.id.properties) {
      if (property.type !== T.Property) continue;
      const target = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (target.type === T.Identifier && target.name === variable.name) {
        const key = staticPropertyName(property);
        return key === null ? null : { ...base, path: [...base.path, key] };
      }
    }
    return null;
  }

  /** `import x = require('x')` (the module object) and `import A = NS.B` (a member of another import). */
  private ofImportEquals(node: TSESTree.TSImportEqualsDeclaration, depth: number): ImportTarget | null {
    const typeOnly = node.importKind === 'type';
    const reference = node.moduleReference;
    if (reference.type === T.TSExternalModuleReference) {
      const source = stringValue(reference.expression);
      return source === null
        ? null
        : { source, path: [], form: 'import-equals', typeOnly, sourceNode: reference.expression };
    }
    const target = this.ofEntityName(reference, depth + 1);
    return target ? { ...target, typeOnly: typeOnly || target.typeOnly } : null;
  }

  private ofEntityName(name: TSESTree.EntityName, depth: number): ImportTarget | null {
    if (depth > MAX_DEPTH) return null;
    if (name.type === T.Identifier) {
      const variable = variableOf(this.file, name);
      return variable ? this.ofVariable(variable, depth) : null;
    }
    if (name.type === T.TSQualifiedName) {
      const left = this.ofEntityName(name.left, depth + 1);
      return left ? { ...left, path: [...left.path, name.right.name] } : null;
    }
    return null;
  }

  /** Is `node` the value `path` of one of the modules `sources` (interop folded)? */
  isImport(node: TSESTree.Node, sources: ReadonlySet<string> | readonly string[], path: readonly string[]): boolean {
    const imported = this.moduleValueOf(node);
    if (!imported) return false;
    const has = Array.isArray(sources)
      ? (sources as readonly string[]).includes(imported.source)
      : (sources as ReadonlySet<string>).has(imported.source);
    return has && samePath(imported.path, path);
  }

  /** Where the type named by a type reference was imported from: `Request` from 'express', `express.Request`. */
  ofType(type: TSESTree.TypeNode | null | undefined): ImportTarget | null {
    if (!type || type.type !== T.TSTypeReference) return null;
    return moduleValue(this.ofEntityName(type.typeName, 0));
  }
}

/** The interop fold: leading `default` segments name the module itself. */
export function moduleValue(target: ImportTarget | null): ImportTarget | null {
  if (!target) return null;
  let start = 0;
  while (target.path[start] === 'default') start++;
  return start === 0 ? target : { ...target, path: target.path.slice(start) };
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/** Does `source` name one of `modules` or a subpath of one? */
export function isFromModule(source: string, modules: Iterable<string>): boolean {
  for (const module of modules) if (source === module || source.startsWith(`${module}/`)) return true;
  return false;
}
