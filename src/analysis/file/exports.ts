// One export model: ES named/default/specifier exports, CommonJS `exports.x` and `module.exports = {…}` / `= fn`,
// TypeScript `export =`, re-exports and `export *`; plus the exported functions a detector filters by name.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { staticPropertyName, unwrap } from './ast.js';
import type { ImportTarget } from './imports.js';
import { namedProperties } from './members.js';
import type { FunctionNode } from '../types.js';

/** One exported name and the value written for it. */
export interface ExportEntry {
  /** The exported name; `default` for `export default`, `module.exports = fn` and `export = fn`. */
  name: string;
  /** The value as written: a declaration, an expression, or the local identifier of `export { a as b }`. */
  value: TSESTree.Node;
  /** A type annotation written on the exported binding (`export const handler: Handler = …`). */
  declaredType: TSESTree.TypeNode | null;
  form: 'esm' | 'commonjs' | 'export-equals';
  /** The identifier `export const x = …` declares (type information is asked of it). */
  binding?: TSESTree.Identifier;
  /**
   * `module.exports = {…}` / `export = {…}` as a whole. Its properties are entries of their own; the whole object
   * is the module's default only for lookups by name, not a function a platform calls.
   */
  whole?: boolean;
}

/** `export { a as b } from './x'` (`imported` is `a`), `export * as ns from './x'` (`imported` is `*`). */
export interface ReExport {
  name: string;
  source: string;
  imported: string;
}

/** Where an export's value is: a local value, or a name of another module. */
export type ExportTarget = { value: TSESTree.Node } | { reexport: { source: string; name: string } };

/** What the export model needs from the rest of the facts. */
export interface ExportResolver {
  functionOf(node: TSESTree.Node | null | undefined): FunctionNode | null;
  /** The initialiser of the module-level binding `name`, or null. */
  moduleInitializer(name: string): TSESTree.Node | null;
  moduleVariable(name: string): Scope.Variable | null;
  importOfVariable(variable: Scope.Variable): ImportTarget | null;
}

export class Exports {
  /** Every export, in statement order. */
  readonly entries: readonly ExportEntry[];
  readonly reexports: readonly ReExport[];
  /** Sources of `export * from '…'`. */
  readonly starSources: readonly string[];
  /** Does the file export anything at all (ES export statements or CommonJS assignments)? */
  readonly exportsSomething: boolean;

  constructor(
    program: TSESTree.Program,
    private readonly resolver: ExportResolver,
  ) {
    const entries: ExportEntry[] = [];
    const reexports: ReExport[] = [];
    const starSources: string[] = [];
    let exportsSomething = false;
    const addObject = (object: TSESTree.ObjectExpression, form: ExportEntry['form']) => {
      for (const { name, property } of namedProperties(object)) {
        entries.push({ name, value: property.value, declaredType: null, form });
      }
    };
    // `exports.a = exports.b = fn`, `module.exports = exports = {…}`: every target of the chain.
    const addChain = (start: TSESTree.Expression) => {
      let expression = unwrap(start);
      while (expression.type === T.AssignmentExpression && expression.operator === '=') {
        const target = commonJsExportName(expression.left);
        const value = unwrap(expression.right);
        if (target !== null) exportsSomething = true;
        if (target === 'module.exports' && value.type === T.ObjectExpression) {
          addObject(value, 'commonjs');
          entries.push({ name: 'default', value, declaredType: null, form: 'commonjs', whole: true });
        } else if (target !== null) {
          entries.push({
            name: target === 'module.exports' ? 'default' : target,
            value: value.type === T.AssignmentExpression ? value.right : value,
            declaredType: null,
            form: 'commonjs',
          });
        }
        expression = value;
      }
    };
    for (const statement of program.body) {
      switch (statement.type) {
        case T.ExportNamedDeclaration: {
          exportsSomething = true;
          const declaration = statement.declaration;
          if (
            (declaration?.type === T.FunctionDeclaration || declaration?.type === T.ClassDeclaration) &&
            declaration.id
          ) {
            entries.push({ name: declaration.id.name, value: declaration, declaredType: null, form: 'esm' });
          } else if (declaration?.type === T.VariableDeclaration) {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type !== T.Identifier || !declarator.init) continue;
              entries.push({
                name: declarator.id.name,
                value: declarator.init,
                declaredType: declarator.id.typeAnnotation?.typeAnnotation ?? null,
                form: 'esm',
                binding: declarator.id,
              });
            }
          } else if (!declaration) {
            for (const specifier of statement.specifiers) {
              const name = moduleExportName(specifier.exported);
              if (statement.source) {
                reexports.push({ name, source: statement.source.value, imported: moduleExportName(specifier.local) });
              } else if (specifier.local.type === T.Identifier) {
                entries.push({ name, value: specifier.local, declaredType: null, form: 'esm' });
              }
            }
          }
          break;
        }
        case T.ExportDefaultDeclaration:
          exportsSomething = true;
          entries.push({
            name: 'default',
            value: statement.declaration,
            declaredType: null,
            form: 'esm',
          });
          break;
        case T.ExportAllDeclaration:
          exportsSomething = true;
          if (statement.exported)
            reexports.push({
              name: moduleExportName(statement.exported),
              source: statement.source.value,
              imported: '*',
            });
          else starSources.push(statement.source.value);
          break;
        case T.TSExportAssignment: {
          exportsSomething = true;
          const value = unwrap(statement.expression);
          if (value.type === T.ObjectExpression) {
            addObject(value, 'export-equals');
            entries.push({ name: 'default', value, declaredType: null, form: 'export-equals', whole: true });
          } else {
            entries.push({ name: 'default', value: statement.expression, declaredType: null, form: 'export-equals' });
          }
          break;
        }
        case T.ExpressionStatement:
          addChain(statement.expression);
          break;
        case T.VariableDeclaration:
          // `const Router = module.exports = class Router {…}`: the chain in a declarator's initialiser.
          for (const declarator of statement.declarations) if (declarator.init) addChain(declarator.init);
          break;
        default:
          break;
      }
    }
    this.entries = entries;
    this.reexports = reexports;
    this.starSources = starSources;
    this.exportsSomething = exportsSomething;
  }

  /** The exports a platform can call: every entry but a whole `module.exports = {…}` object. */
  values(): ExportEntry[] {
    return this.entries.filter((entry) => !entry.whole);
  }

  /** Exported functions whose name passes `filter`: the value as written resolved to the function it stands for. */
  functions(
    filter: (name: string) => boolean = () => true,
  ): Array<{ name: string; fn: FunctionNode; entry: ExportEntry }> {
    const result: Array<{ name: string; fn: FunctionNode; entry: ExportEntry }> = [];
    for (const entry of this.values()) {
      if (!filter(entry.name)) continue;
      const fn = this.resolver.functionOf(entry.value);
      if (fn) result.push({ name: entry.name, fn, entry });
    }
    return result;
  }

  /**
   * Where `name` is defined (`*` and `default` both name a whole `module.exports = …`): a local value
   * (identifiers resolved to their initialiser), or a name another module exports. `export *` is not followed here.
   */
  find(name: string): ExportTarget | null {
    const wanted = name === '*' ? 'default' : name;
    for (const entry of this.entries) {
      if (entry.name !== wanted) continue;
      if (name === '*' && entry.form === 'esm') continue;
      const value = unwrap(entry.value);
      if (value.type !== T.Identifier) return { value };
      const local = this.resolver.moduleInitializer(value.name);
      if (local) return { value: local };
      // `import { x } from './y'; export { x }`: the export is another module's.
      const variable = entry.value.type === T.Identifier ? this.resolver.moduleVariable(value.name) : null;
      const imported = variable ? this.resolver.importOfVariable(variable) : null;
      if (imported && !imported.typeOnly && imported.path.length === 1 && entry.form === 'esm')
        return { reexport: { source: imported.source, name: imported.path[0] } };
      return null;
    }
    for (const reexport of this.reexports) {
      if (reexport.name === wanted) return { reexport: { source: reexport.source, name: reexport.imported } };
    }
    return null;
  }
}

function moduleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === T.Identifier ? node.name : node.value;
}

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
