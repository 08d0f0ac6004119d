// tRPC: the resolver a procedure builder is finished with (`t.procedure.input(schema).mutation(fn)`,
// `publicProcedure.query(fn)`) runs for every call of that procedure. The builder chain must show it is one: a
// `procedure` member, a name ending in `Procedure` (`publicProcedure`, `authedProcedure`), or a step only builders
// have (`input`, `output`, `meta`, `use`), in a file or project that uses tRPC.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrap } from '../../file/ast.js';
import { nearestDependencies } from '../../file/package-json.js';
import type { Platform } from '../registry.js';

const TRPC = ['@trpc/server'];
const RESOLVERS = ['query', 'mutation', 'subscription'];
const BUILDER_STEPS = new Set(['input', 'output', 'meta', 'use', 'concat', 'unstable_concat']);
const MAX_CHAIN = 12;

/** Is `node` (the object a resolver method is called on) a procedure builder? */
function isProcedureBuilder(raw: TSESTree.Node): boolean {
  let node = unwrap(raw);
  for (let step = 0; step < MAX_CHAIN; step++) {
    if (node.type === T.Identifier) return /(?:^p|P)rocedure$/u.test(node.name);
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      if (callee.type !== T.MemberExpression) return false;
      if (BUILDER_STEPS.has(staticPropertyName(callee) ?? '')) return true;
      node = unwrap(callee.object);
    } else if (node.type === T.MemberExpression) {
      if (staticPropertyName(node) === 'procedure') return true;
      node = unwrap(node.object);
    } else {
      return false;
    }
  }
  return false;
}

export const trpc: Platform = {
  id: 'trpc',
  detect(ctx) {
    const { facts } = ctx;
    const calls = facts.callsNamed(...RESOLVERS);
    if (calls.length === 0) return;
    if (!facts.imports.importsAny(TRPC) && !TRPC.some((name) => nearestDependencies(ctx.path).has(name))) return;
    for (const call of calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== T.MemberExpression || !isProcedureBuilder(callee.object)) continue;
      const fn = facts.functionOf(call.arguments[0]);
      if (!fn) continue;
      const method = staticPropertyName(callee) ?? 'query';
      const key = call.parent?.type === T.Property ? staticPropertyName(call.parent) : null;
      ctx.add(fn, key ?? method, `tRPC ${method} procedure`, 'trpc');
    }
  },
};
