// AWS SDK v3 middleware: `client.middlewareStack.add((next, context) => async (args) => …)` puts a function in every
// `send()` of that client. When request-time code of the file sends through the client (a `send` call inside a
// function, not at module scope), the inner function runs per request with that request's command.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { dottedName, enclosingFunction, isFunctionNode, unwrap } from '../../file/ast.js';
import { returnedValues } from '../../file/products.js';
import type { Platform } from '../registry.js';

const ADDERS = ['add', 'addRelativeTo'];

export const sdkMiddleware: Platform = {
  id: 'sdk-middleware',
  detect(ctx) {
    const { facts } = ctx;
    const adds = facts.callsNamed(...ADDERS);
    if (adds.length === 0) return;
    let sentInFunctions: Set<string> | null = null;
    for (const call of adds) {
      const callee = dottedName(call.callee);
      if (callee === null || !/\.middlewareStack\.(?:add|addRelativeTo)$/u.test(callee)) continue;
      const client = callee.slice(0, callee.indexOf('.middlewareStack.'));
      sentInFunctions ??= new Set(
        facts
          .callsNamed('send')
          .filter((send) => enclosingFunction(send) !== null)
          .flatMap((send) => {
            const sender = unwrap(send.callee);
            const name = sender.type === T.MemberExpression ? dottedName(sender.object) : null;
            return name === null ? [] : [name];
          }),
      );
      if (!sentInFunctions.has(client)) continue;
      const factory = facts.functionOf(call.arguments[0]);
      if (!factory) continue;
      for (const returned of returnedValues(facts, factory)) {
        const inner = unwrap(returned);
        const fn = isFunctionNode(inner) ? inner : facts.functionOf(inner);
        if (fn)
          ctx.add(
            fn,
            `${client} middleware`,
            `middleware of an SDK client that request-time code sends through`,
            'aws-lambda',
          );
      }
    }
  },
};
