// Handlers only the type checker recognises, plugged into the platform registry: exported functions whose declared
// type is a handler type (`type Api = APIGatewayProxyHandler; export const main: Api = …`).
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { isFunctionNode, unwrap } from '../file/ast.js';
import type { Platform } from './registry.js';

export const typeAware: Platform = {
  id: 'type-aware',
  detect(ctx) {
    const oracle = ctx.oracle;
    if (!oracle) return;
    for (const statement of ctx.program.body) {
      if (statement.type !== T.ExportNamedDeclaration || statement.declaration?.type !== T.VariableDeclaration) continue;
      for (const declarator of statement.declaration.declarations) {
        if (declarator.id.type !== T.Identifier || !declarator.init) continue;
        const value = unwrap(declarator.init);
        if (!isFunctionNode(value) || ctx.isHandler(value)) continue;
        const satisfied = declarator.init.type === T.TSSatisfiesExpression ? declarator.init.typeAnnotation : null;
        if (oracle.isHandlerType(declarator.id) || (satisfied && oracle.isHandlerType(satisfied))) {
          ctx.add(value, declarator.id.name, 'typed with a handler type (type checker)', 'aws-lambda');
        }
      }
    }
  },
};
