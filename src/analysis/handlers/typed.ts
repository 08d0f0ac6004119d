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
    for (const { name, value: init, binding } of ctx.facts.exports.values()) {
      const value = unwrap(init);
      if (!binding || !isFunctionNode(value) || ctx.isHandler(value)) continue;
      const satisfied = init.type === T.TSSatisfiesExpression ? init.typeAnnotation : null;
      if (oracle.isHandlerType(binding) || (satisfied && oracle.isHandlerType(satisfied))) {
        ctx.add(value, name, 'typed with a handler type (type checker)', 'aws-lambda');
      }
    }
  },
};
