// Optional type information (settings typeAware / the *TypeChecked configs): collection shapes, handler types, imports.
import {
  ESLintUtils,
  type ParserServicesWithTypeInformation,
  type TSESLint,
  type TSESTree,
} from '@typescript-eslint/utils';
import { createRequire } from 'node:module';
import type * as ts from 'typescript';
import { debugEnabled } from '../util/debug.js';
import type { Shape } from './state/module-state.js';

/** What the type checker adds; every method answers null when it does not know, and syntax decides. */
export interface TypeOracle {
  /** The shape of the value at `node` from its type: Array/Map/Set/WeakMap, a bounded cache, or any other object. */
  shapeOf(node: TSESTree.Node): Shape | null;
  /** Is the variable declared at `id` typed with a handler type (aws-lambda `…Handler`, Workers `ExportedHandler`)? */
  isHandlerType(id: TSESTree.Node): boolean;
  /** The file an import declaration's module specifier resolves to, as the program resolved it. */
  resolveImport(source: TSESTree.StringLiteral): string | null;
}

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const BOUNDED_TYPES = new Set(['LRUCache', 'QuickLRU', 'TTLCache', 'LRUMap']);
const HANDLER_TYPE_MODULES = /[\\/](?:@types[\\/]aws-lambda|@cloudflare[\\/]workers-types|aws-lambda)[\\/]/u;

/**
 * The oracle, or a reason it is unavailable. Type information is used only when asked for: a program that
 * merely exists (another config enabled projectService) never changes results.
 */
export function createTypeOracle(context: Context): { oracle: TypeOracle | null; problem: string | null } {
  // A parser without type information (espree, or @typescript-eslint/parser without a project) gives no node
  // maps; getParserServices would throw on that, and the file would lose its analysis for a settings mistake.
  const raw = context.sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
  const services = raw?.program && raw.esTreeNodeToTSNodeMap ? ESLintUtils.getParserServices(context, true) : null;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) {
    return {
      oracle: null,
      problem:
        '"typeAware" is on but the file has no type information; set languageOptions.parserOptions.projectService (the recommendedTypeChecked config does)',
    };
  }
  const checker = services.program.getTypeChecker();
  // TypeFlags numbers differ between TypeScript versions: read them from the TypeScript that built the program.
  const { TypeFlags } = createRequire(import.meta.url)('typescript') as typeof ts;
  const toTs = (node: TSESTree.Node): ts.Node | undefined => services.esTreeNodeToTSNodeMap.get(node as never);

  const typeShape = (type: ts.Type, depth = 0): Shape | null => {
    if (depth > 4) return null;
    if (type.isUnion()) {
      const shapes = type.types
        .filter((t) => !(t.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.Undefined | TypeFlags.Null)))
        .map((t) => typeShape(t, depth + 1));
      const known = [...new Set(shapes)];
      return known.length === 1 ? known[0] : null;
    }
    if (type.flags & (TypeFlags.Any | TypeFlags.Unknown)) return null;
    if (checker.isArrayType(type) || checker.isTupleType(type)) return 'array';
    const symbol = type.getSymbol() ?? type.aliasSymbol;
    const name = symbol?.getName();
    if (name === 'Map' || name === 'Set') return name === 'Map' ? 'map' : 'set';
    if (name === 'WeakMap' || name === 'WeakSet') return 'weak';
    if (name && BOUNDED_TYPES.has(name)) return 'bounded';
    if (type.flags & TypeFlags.StringLike) return 'string';
    if (type.flags & TypeFlags.NumberLike) return 'number';
    if (type.flags & TypeFlags.Object) return 'opaque';
    return null;
  };

  return {
    problem: null,
    oracle: {
      shapeOf(node) {
        const tsNode = toTs(node);
        if (!tsNode) return null;
        try {
          return typeShape(checker.getTypeAtLocation(tsNode));
        } catch (error) {
          if (debugEnabled()) throw error;
          return null;
        }
      },
      isHandlerType(id) {
        const tsNode = toTs(id);
        if (!tsNode) return false;
        try {
          const type = checker.getTypeAtLocation(tsNode);
          const alias = type.aliasSymbol;
          const declaration = alias?.declarations?.[0];
          if (!alias || !declaration) return false;
          const file = declaration.getSourceFile().fileName;
          return /Handler(V2)?$/u.test(alias.getName()) && HANDLER_TYPE_MODULES.test(file);
        } catch {
          return false;
        }
      },
      resolveImport(source) {
        const tsNode = toTs(source);
        if (!tsNode) return null;
        try {
          const symbol = checker.getSymbolAtLocation(tsNode);
          const file = (symbol?.valueDeclaration ?? symbol?.declarations?.[0])?.getSourceFile().fileName;
          return file && !file.endsWith('.d.ts') && !/[\\/]node_modules[\\/]/u.test(file) ? file : null;
        } catch {
          return null;
        }
      },
    },
  };
}
