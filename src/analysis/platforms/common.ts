// What every platform detector needs: the file, where names were imported from, functions behind values, an AST walk.
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import {
  dottedName,
  isFunctionNode,
  staticPropertyName,
  unwrap,
  requireSource,
  walk as walkTree,
  type VisitorKeys,
} from '../ast.js';
import { initializerOf, variableOf, type ModuleScopes } from '../scope.js';
import type { ResolvedSettings } from '../settings.js';
import type { FunctionNode, Handler } from '../types.js';

/** Where a value comes from: module `source`, then the member path below the module object (`[]` = the module itself). */
export interface ImportedValue {
  source: string;
  path: string[];
}

/** Extra facts a platform knows about a handler it adds. */
export interface HandlerExtras {
  nonRequestParams?: number[];
}

export type AddHandler = (
  fn: FunctionNode,
  name: string,
  reason: string,
  platform: string,
  extras?: HandlerExtras,
) => void;

const MAX_DEPTH = 8;

/** One file as the platform detectors see it. Everything is computed lazily and at most once. */
export class PlatformFile {
  /** POSIX path of the file, `/`-separated, for file conventions. */
  readonly path: string;
  readonly program: TSESTree.Program;
  private moduleSources: Set<string> | null = null;
  private callList: TSESTree.CallExpression[] | null = null;
  private newList: TSESTree.NewExpression[] | null = null;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly scopes: ModuleScopes,
    readonly settings: ResolvedSettings,
    filename: string,
  ) {
    this.path = filename.replace(/\\/gu, '/');
    this.program = sourceCode.ast;
  }

  /** The path segments of the file, without the file name. */
  get directories(): string[] {
    const parts = this.path.split('/');
    parts.pop();
    return parts;
  }

  get basename(): string {
    return this.path.slice(this.path.lastIndexOf('/') + 1);
  }

  /** Every module the file imports or requires (static forms only), including type-only imports. */
  get sources(): Set<string> {
    if (this.moduleSources) return this.moduleSources;
    const sources = new Set<string>();
    for (const statement of this.program.body) {
      if (statement.type === T.ImportDeclaration) sources.add(statement.source.value);
      else if (
        (statement.type === T.ExportNamedDeclaration || statement.type === T.ExportAllDeclaration) &&
        statement.source
      ) {
        sources.add(statement.source.value);
      }
    }
    // `require()` can sit anywhere; the scope manager already lists every reference to the global `require`,
    // so there is no need to walk the whole tree for it.
    if (this.sourceCode.text.includes('require')) {
      for (const identifier of this.globalReferences('require')) {
        const call = identifier.parent;
        if (call?.type !== T.CallExpression || call.callee !== identifier) continue;
        const source = requireSource(call);
        if (source !== null) sources.add(source);
      }
    }
    this.moduleSources = sources;
    return sources;
  }

  /** References to a global name (`require`): unresolved ones and those of a configured global. */
  private globalReferences(name: string): TSESTree.Identifier[] {
    const global = this.scopes.global;
    const result: TSESTree.Identifier[] = [];
    for (const reference of global.through) {
      if (reference.identifier.name === name) result.push(reference.identifier as TSESTree.Identifier);
    }
    const variable = global.set.get(name);
    if (variable && variable.defs.length === 0) {
      for (const reference of variable.references) result.push(reference.identifier as TSESTree.Identifier);
    }
    return result;
  }

  /** Does the file import any of these modules (or a subpath of one, `hono/factory` for `hono`)? */
  importsAny(modules: Iterable<string>): boolean {
    for (const module of modules) {
      for (const source of this.sources) {
        if (source === module || source.startsWith(`${module}/`)) return true;
      }
    }
    return false;
  }

  /** Every call expression in the file, in source order, collected once. */
  get calls(): TSESTree.CallExpression[] {
    if (!this.callList) this.collect();
    return this.callList!;
  }

  get news(): TSESTree.NewExpression[] {
    if (!this.newList) this.collect();
    return this.newList!;
  }

  private collect(): void {
    const calls: TSESTree.CallExpression[] = [];
    const news: TSESTree.NewExpression[] = [];
    walk(this.sourceCode, this.program, (node) => {
      if (node.type === T.CallExpression) calls.push(node);
      else if (node.type === T.NewExpression) news.push(node);
    });
    this.callList = calls;
    this.newList = news;
  }

  /** The variable an identifier refers to, from whatever scope it is written in. */
  variable(identifier: TSESTree.Identifier): Scope.Variable | null {
    return variableOf(this.sourceCode, identifier);
  }

  /**
   * Where `node` comes from when it is an imported value or a member of one: `functions.http` with
   * `import * as functions from '@google-cloud/functions-framework'` is `{ source, path: ['http'] }`.
   * Default and namespace imports and `require()` all stand for the module object (path `[]`).
   */
  importOf(node: TSESTree.Node, depth = 0): ImportedValue | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    if (value.type === T.CallExpression) {
      const source = requireSource(value);
      return source === null ? null : { source, path: [] };
    }
    if (value.type === T.AwaitExpression && value.argument) {
      const inner = unwrap(value.argument);
      if (
        inner.type === T.ImportExpression &&
        inner.source.type === T.Literal &&
        typeof inner.source.value === 'string'
      ) {
        return { source: inner.source.value, path: [] };
      }
      return null;
    }
    if (value.type === T.MemberExpression) {
      const name = staticPropertyName(value);
      if (name === null) return null;
      const object = this.importOf(value.object, depth + 1);
      if (!object) return null;
      return name === 'default' && object.path.length === 0
        ? object
        : { source: object.source, path: [...object.path, name] };
    }
    if (value.type !== T.Identifier) return null;
    const variable = this.variable(value);
    if (!variable || variable.defs.length !== 1) return null;
    return this.importOfVariable(variable, depth);
  }

  importOfVariable(variable: Scope.Variable, depth = 0): ImportedValue | null {
    const def = variable.defs[0];
    if (!def) return null;
    if (def.type === 'ImportBinding') {
      const declaration = def.parent as TSESTree.ImportDeclaration;
      const specifier = def.node as TSESTree.ImportClause;
      const source = declaration.source.value;
      if (specifier.type === T.ImportSpecifier) {
        const imported =
          specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
        return { source, path: imported === 'default' ? [] : [imported] };
      }
      return { source, path: [] };
    }
    if (def.type !== 'Variable') return null;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (!declarator.init) return null;
    if (declarator.id.type === T.Identifier) return this.importOf(declarator.init, depth + 1);
    if (declarator.id.type === T.ObjectPattern) {
      // `const { http } = require('@google-cloud/functions-framework')`
      const base = this.importOf(declarator.init, depth + 1);
      if (!base) return null;
      for (const property of declarator.id.properties) {
        if (property.type !== T.Property) continue;
        const target = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
        if (target.type === T.Identifier && target.name === variable.name) {
          const key = staticPropertyName(property);
          return key === null
            ? null
            : { source: base.source, path: key === 'default' ? base.path : [...base.path, key] };
        }
      }
    }
    return null;
  }

  /** Is `node` the value `path` of module `source` (for one of the given sources)? */
  isImport(node: TSESTree.Node, sources: ReadonlySet<string> | readonly string[], path: readonly string[]): boolean {
    const imported = this.importOf(node);
    if (!imported) return false;
    const list = Array.isArray(sources) ? sources : [...(sources as ReadonlySet<string>)];
    return list.includes(imported.source) && samePath(imported.path, path);
  }

  /** Where the type named by a type reference was imported from: `Request` from 'express', `express.Request`. */
  importOfType(type: TSESTree.TypeNode | null | undefined): ImportedValue | null {
    if (!type || type.type !== T.TSTypeReference) return null;
    return this.importOfTypeName(type.typeName);
  }

  private importOfTypeName(name: TSESTree.EntityName): ImportedValue | null {
    if (name.type === T.Identifier) {
      const variable = this.variable(name);
      return variable && variable.defs.length === 1 ? this.importOfVariable(variable) : null;
    }
    if (name.type === T.TSQualifiedName) {
      const left = this.importOfTypeName(name.left);
      return left ? { source: left.source, path: [...left.path, name.right.name] } : null;
    }
    return null;
  }

  /**
   * The function a value stands for: a function literal, a name bound to one (in any scope), or the function
   * inside a wrapper call (`asyncHandler(async (req, res) => …)`). Null when it is only known at run time.
   */
  functionOf(node: TSESTree.Node | null | undefined, depth = 0): FunctionNode | null {
    if (!node || depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    if (isFunctionNode(value)) return value;
    if (value.type === T.Identifier) {
      const variable = this.variable(value);
      if (!variable) return null;
      const init = initializerOf(variable);
      return init ? this.functionOf(init, depth + 1) : null;
    }
    if (value.type === T.CallExpression) {
      const callee = unwrap(value.callee);
      if (callee.type === T.MemberExpression && staticPropertyName(callee) === 'bind')
        return this.functionOf(callee.object, depth + 1);
      for (const argument of value.arguments) {
        if (argument.type === T.SpreadElement) continue;
        const inner = unwrap(argument);
        if (isFunctionNode(inner) || inner.type === T.Identifier || inner.type === T.CallExpression) {
          const fn = this.functionOf(inner, depth + 1);
          if (fn) return fn;
        }
      }
    }
    return null;
  }

  /** Module-level exports: `[exported name, value node]` for ESM and CommonJS forms (the lambda rules' forms). */
  exportedValues(): Array<{ name: string; value: TSESTree.Node; declaredType: TSESTree.TypeNode | null }> {
    const result: Array<{ name: string; value: TSESTree.Node; declaredType: TSESTree.TypeNode | null }> = [];
    for (const statement of this.program.body) {
      if (statement.type === T.ExportNamedDeclaration) {
        const declaration = statement.declaration;
        if (declaration?.type === T.FunctionDeclaration && declaration.id) {
          result.push({ name: declaration.id.name, value: declaration, declaredType: null });
        } else if (declaration?.type === T.VariableDeclaration) {
          for (const declarator of declaration.declarations) {
            if (declarator.id.type === T.Identifier && declarator.init) {
              result.push({
                name: declarator.id.name,
                value: declarator.init,
                declaredType: declarator.id.typeAnnotation?.typeAnnotation ?? null,
              });
            }
          }
        } else if (!statement.source) {
          for (const specifier of statement.specifiers) {
            if (specifier.local.type !== T.Identifier) continue;
            const name =
              specifier.exported.type === T.Identifier ? specifier.exported.name : String(specifier.exported.value);
            result.push({ name, value: specifier.local, declaredType: null });
          }
        }
      } else if (statement.type === T.ExportDefaultDeclaration) {
        result.push({ name: 'default', value: statement.declaration as TSESTree.Node, declaredType: null });
      } else if (statement.type === T.ExpressionStatement) {
        let expression = unwrap(statement.expression);
        while (expression.type === T.AssignmentExpression && expression.operator === '=') {
          const target = commonJsExportName(expression.left);
          const value = unwrap(expression.right);
          if (target === 'module.exports' && value.type === T.ObjectExpression) {
            for (const property of value.properties) {
              if (property.type !== T.Property) continue;
              const name = staticPropertyName(property);
              if (name !== null) result.push({ name, value: property.value, declaredType: null });
            }
          } else if (target !== null) {
            result.push({
              name: target === 'module.exports' ? 'default' : target,
              value: value.type === T.AssignmentExpression ? value.right : value,
              declaredType: null,
            });
          }
          expression = value;
        }
      }
    }
    return result;
  }

  /** The value a module-level name is bound to (through `const x = …`, function and class declarations). */
  valueOf(node: TSESTree.Node, depth = 0): TSESTree.Node {
    const value = unwrap(node);
    if (depth > MAX_DEPTH || value.type !== T.Identifier) return value;
    const variable = this.variable(value);
    const init = variable ? initializerOf(variable) : null;
    return init ? this.valueOf(init, depth + 1) : value;
  }
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

export { requireSource };

/** `handler` for `exports.handler` / `module.exports.handler`, `module.exports` for the whole object. */
export function commonJsExportName(node: TSESTree.Node): string | null {
  const target = unwrap(node);
  if (target.type !== T.MemberExpression) return null;
  const property = staticPropertyName(target);
  if (property === null) return null;
  const object = unwrap(target.object);
  if (object.type === T.Identifier && object.name === 'module' && property === 'exports') return 'module.exports';
  if (object.type === T.Identifier && object.name === 'exports') return property;
  if (
    object.type === T.MemberExpression &&
    staticPropertyName(object) === 'exports' &&
    unwrap(object.object).type === T.Identifier &&
    (unwrap(object.object) as TSESTree.Identifier).name === 'module'
  ) {
    return property;
  }
  return null;
}

/** Visits every node once, depth first, with an explicit stack (no recursion limit on huge files). */
export function walk(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  visit: (node: TSESTree.Node) => void,
): void {
  walkTree(root, sourceCode.visitorKeys as VisitorKeys, visit);
}

/** Name of a parameter as written (`req`, `_res`), or null for patterns. */
export function paramName(param: TSESTree.Parameter | undefined): string | null {
  if (!param) return null;
  if (param.type === T.Identifier) return param.name;
  if (param.type === T.AssignmentPattern && param.left.type === T.Identifier) return param.left.name;
  return null;
}

export function paramType(param: TSESTree.Parameter | undefined): TSESTree.TypeNode | null {
  if (!param) return null;
  const target = param.type === T.AssignmentPattern ? param.left : param;
  if ('typeAnnotation' in target && target.typeAnnotation) return target.typeAnnotation.typeAnnotation;
  return null;
}

/** The string a literal or expression-free template holds, else null. */
export function stringValue(node: TSESTree.Node | undefined): string | null {
  if (!node) return null;
  const value = unwrap(node);
  if (value.type === T.Literal && typeof value.value === 'string') return value.value;
  if (value.type === T.TemplateLiteral && value.expressions.length === 0) return value.quasis[0]?.value.cooked ?? null;
  return null;
}

/** Short source text for names in messages: `app.get`, `router`. */
export function shortText(node: TSESTree.Node): string {
  return dottedName(node) ?? 'app';
}

/** Does this file path have a directory segment `name` (`/src/app/api/x/route.ts` has `app` and `api`)? */
export function hasSegment(file: PlatformFile, name: string): boolean {
  return file.directories.includes(name);
}

/** A function body that starts with the directive `text` (`'use server'`). */
export function hasDirective(body: TSESTree.Node | TSESTree.Program, text: string): boolean {
  const statements = body.type === T.Program ? body.body : body.type === T.BlockStatement ? body.body : [];
  for (const statement of statements) {
    if (statement.type !== T.ExpressionStatement || typeof statement.directive !== 'string') break;
    if (statement.directive === text) return true;
  }
  return false;
}

export type { Handler };
