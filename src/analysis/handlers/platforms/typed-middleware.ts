// Exported functions whose first parameter has a server framework's per-request type: `(ctx: Context, next: Next)`
// from koa, `(c: Context)` from hono, `(request: FastifyRequest, reply)` from fastify, `(req: Request, res: Response)`
// from express. The type is the framework's word that the function receives a request, even when the file only
// imports types and the app that mounts the function (`app.use(loadUser)`) lives in another file.
import { paramType } from '../../file/ast.js';
import type { Platform } from '../registry.js';

/** `params`: how many parameters the function needs (Express and Fastify helpers often take the request alone). */
const REQUEST_TYPES: ReadonlyArray<{
  sources: readonly string[];
  names: readonly string[];
  platform: string;
  params?: number;
}> = [
  {
    sources: ['koa'],
    names: ['Context', 'ParameterizedContext', 'ExtendableContext', 'DefaultContext'],
    platform: 'koa',
  },
  { sources: ['@koa/router', 'koa-router'], names: ['RouterContext'], platform: 'koa' },
  { sources: ['hono'], names: ['Context'], platform: 'hono' },
  { sources: ['fastify'], names: ['FastifyRequest'], platform: 'fastify', params: 2 },
  { sources: ['express', 'express-serve-static-core'], names: ['Request'], platform: 'express', params: 2 },
];

export const typedMiddleware: Platform = {
  id: 'typed-middleware',
  detect(ctx) {
    const { facts } = ctx;
    if (!REQUEST_TYPES.some((row) => facts.imports.importsAny(row.sources))) return;
    for (const { name, fn } of facts.exports.functions()) {
      const type = facts.imports.ofType(paramType(fn.params[0]));
      if (!type || type.path.length !== 1) continue;
      const row = REQUEST_TYPES.find((r) => r.sources.includes(type.source) && r.names.includes(type.path[0]));
      if (row && fn.params.length >= (row.params ?? 1))
        ctx.add(fn, name, `exported function taking ${row.platform}'s ${type.path[0]}`, row.platform);
    }
  },
};
