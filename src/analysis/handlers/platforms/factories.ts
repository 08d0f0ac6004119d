// Exported factories of request-time code: a module that exports `(options) => (req, res, next) => …` (middleware and
// session libraries) or `(config) => async (event, context) => …` hands its product to whoever registers it, often in
// another repository. The product is request-time code wherever the factory is called; the factory itself is not.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { functionName, paramName, paramType, staticPropertyName, typeReferenceName, unwrap } from '../../file/ast.js';
import { instanceMethods, namedProperties } from '../../file/members.js';
import { exportedClasses, returnedValues, returnsFunctions } from '../../file/products.js';
import type { FunctionNode } from '../../types.js';
import type { Platform, PlatformContext } from '../registry.js';
import {
  AWS_LAMBDA_MODULES,
  CONTEXT_PARAMS,
  EVENT_PARAMS,
  NEXT_PARAMS,
  hasRequestResponseSignature,
  isGeneratorMiddleware,
  isUiEventParam,
} from '../signatures.js';

export const factories: Platform = {
  id: 'factory',
  detect(ctx) {
    for (const { name, fn } of exportedClassMethods(ctx)) {
      if (!ctx.isHandler(fn) && handlesRequest(fn))
        ctx.add(fn, `${name}()`, `request handler method of the exported class of \`${name}()\``, 'http');
    }
    const exported = [...ctx.facts.exports.functions(), ...exportedObjectMethods(ctx), ...exportedClassMethods(ctx)];
    for (const { name, fn } of exported) {
      if (ctx.isHandler(fn)) continue;
      const label = `${name === 'default' ? (functionName(fn) ?? 'default') : name}()`;
      // `(deps): APIGatewayProxyHandler => async (evt) => …`: the declared return type says what the product is.
      const typedHandler = returnsAwsHandlerType(ctx, fn);
      for (const product of [...returnsFunctions(ctx.facts, fn), ...returnedObjectFunctions(ctx, fn)]) {
        if (typedHandler && !isUiEventParam(product.params[0])) {
          ctx.add(
            product,
            `handler from ${label}`,
            `function returned by exported \`${label}\` typed as an aws-lambda handler`,
            'aws-lambda',
          );
        } else if (hasRequestResponseSignature(product, true)) {
          ctx.add(
            product,
            `middleware from ${label}`,
            `(req, res, next) function returned by exported \`${label}\``,
            'http',
          );
        } else if (hasEventContextSignature(product)) {
          ctx.add(
            product,
            `handler from ${label}`,
            `(event, context) function returned by exported \`${label}\``,
            'aws-lambda',
          );
        } else if (hasContextNextSignature(product)) {
          ctx.add(product, `middleware from ${label}`, `(ctx, next) function returned by exported \`${label}\``, 'koa');
        } else if (isGeneratorMiddleware(product)) {
          ctx.add(product, `middleware from ${label}`, `function* (next) returned by exported \`${label}\``, 'koa');
        }
      }
    }
  },
};

/** `(event, context[, callback])` with both names written: a lone `(event)` is as likely a UI listener. */
function hasEventContextSignature(fn: FunctionNode): boolean {
  if (fn.params.length < 2 || fn.params.length > 3 || isUiEventParam(fn.params[0])) return false;
  return EVENT_PARAMS.has(paramName(fn.params[0]) ?? '') && CONTEXT_PARAMS.has(paramName(fn.params[1]) ?? '');
}

/** Koa-style middleware `(ctx, next)`, both names written (a typed `Context` alone is not enough evidence). */
function hasContextNextSignature(fn: FunctionNode): boolean {
  if (fn.params.length !== 2) return false;
  return CONTEXT_PARAMS.has(paramName(fn.params[0]) ?? '') && NEXT_PARAMS.has(paramName(fn.params[1]) ?? '');
}

/** A factory whose declared return type is an aws-lambda handler type (`Handler`, `APIGatewayProxyHandlerV2`). */
function returnsAwsHandlerType(ctx: PlatformContext, fn: FunctionNode): boolean {
  const type = fn.returnType?.typeAnnotation;
  if (type?.type !== T.TSTypeReference) return false;
  const imported = ctx.facts.imports.ofType(type);
  return (
    imported !== null && AWS_LAMBDA_MODULES.has(imported.source) && /Handler(?:V2)?$/u.test(imported.path.at(-1) ?? '')
  );
}

/** `(deps) => ({ handler: async (event, context) => … })`: the functions of an object literal the factory returns. */
function returnedObjectFunctions(ctx: PlatformContext, fn: FunctionNode): FunctionNode[] {
  const result: FunctionNode[] = [];
  for (const returned of returnedValues(ctx.facts, fn)) {
    const object = ctx.facts.valueOf(returned);
    if (object.type !== T.ObjectExpression) continue;
    for (const { property } of namedProperties(object)) {
      const product = ctx.facts.functionOf(property.value);
      if (product) result.push(product);
    }
  }
  return result;
}

/**
 * `const formData = {}; formData.parse = function (options) {…}; module.exports = formData`: the functions
 * assigned at module scope onto an object the module exports whole.
 */
function exportedObjectMethods(ctx: PlatformContext): Array<{ name: string; fn: FunctionNode }> {
  const result: Array<{ name: string; fn: FunctionNode }> = [];
  for (const entry of ctx.facts.exports.entries) {
    const value = unwrap(entry.value);
    if (entry.name !== 'default' || value.type !== T.Identifier) continue;
    const variable = ctx.facts.moduleVariable(value.name);
    for (const reference of variable?.references ?? []) {
      const member = (reference.identifier as TSESTree.Node).parent;
      if (member?.type !== T.MemberExpression || member.object !== reference.identifier) continue;
      const assignment = member.parent;
      if (assignment?.type !== T.AssignmentExpression || assignment.left !== member) continue;
      if (assignment.parent?.type !== T.ExpressionStatement || assignment.parent.parent?.type !== T.Program) continue;
      const name = staticPropertyName(member);
      const fn = ctx.facts.functionOf(assignment.right);
      if (name !== null && fn) result.push({ name: `${value.name}.${name}`, fn });
    }
  }
  return result;
}

/**
 * The instance methods of the exported classes. A method that returns middleware makes request-time code the way an
 * exported factory does (`routes() { return (ctx, next) => … }`); the instance that made it lives as long as the app.
 */
function exportedClassMethods(ctx: PlatformContext): Array<{ name: string; fn: FunctionNode }> {
  const result: Array<{ name: string; fn: FunctionNode }> = [];
  for (const classNode of exportedClasses(ctx.facts)) {
    const className = classNode.id?.name ?? 'default';
    for (const { name, fn } of instanceMethods(classNode)) result.push({ name: `${className}.${name}`, fn });
  }
  return result;
}

/** Request types a method's first parameter may be declared with (Fetch, Next.js, Node's `http`). */
const REQUEST_TYPES = new Set(['Request', 'NextRequest', 'NextApiRequest', 'IncomingMessage']);

/**
 * A method of an exported class that handles a request itself: `handle(request: Request, env, ctx)`,
 * `serve(req, res)`. An app keeps one such router or client for all its requests.
 */
export function handlesRequest(fn: FunctionNode): boolean {
  if (hasRequestResponseSignature(fn)) return true;
  const type = paramType(fn.params[0]);
  if (!type) return false;
  const names = type.type === T.TSIntersectionType ? type.types.map(typeReferenceName) : [typeReferenceName(type)];
  return names.some((name) => name !== null && REQUEST_TYPES.has(name));
}
