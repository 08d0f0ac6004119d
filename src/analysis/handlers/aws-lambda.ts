// AWS Lambda as a platform: exported handlers recognised by name, wrapper, signature or aws-lambda type, the options
// of handler-building wrappers, and the `handler` of a LambdaInterface class.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { calleeName, dottedName, functionName, isFunctionNode, staticPropertyName, unwrap } from '../file/ast.js';
import { productsOf } from '../file/products.js';
import { classMethod } from '../file/members.js';
import { initializerOf, resolveName } from '../file/scopes.js';
import type { FunctionNode } from '../types.js';
import type { Platform, PlatformContext } from './registry.js';
import { optionsRunByImportedProduct } from './platforms/imported-calls.js';
import { AWS_LAMBDA_MODULES, hasLambdaSignature, isUiEventParam } from './signatures.js';

export const HANDLER_NAMES = new Set(['handler', 'lambdaHandler']);
/** Functions whose function argument becomes the exported handler. */
export const KNOWN_WRAPPERS = new Set([
  'middy',
  'wrapHandler', // Sentry.wrapHandler, Sentry.AWSLambda.wrapHandler
  'streamifyResponse', // awslambda.streamifyResponse
  'datadog', // datadog-lambda-js
  'makeIdempotent', // @aws-lambda-powertools/idempotency
  'captureLambdaHandler',
  'withSentry',
  'kafkaConsumer', // @aws-lambda-powertools/kafka
  'createGraphQLHandler', // RedwoodJS
]);

/** Wrappers whose argument is a configuration object: its function-valued options run per request. */
const CONFIG_WRAPPERS = new Set(['createGraphQLHandler', 'startServerAndCreateLambdaHandler']);

const MAX_RESOLVE_DEPTH = 8;

interface Candidate {
  fn: FunctionNode;
  wrappers: string[];
  /** A type annotation or `satisfies` type written on the exported binding. */
  declaredType: TSESTree.TypeNode | null;
}

type Context = PlatformContext;

export const awsLambda: Platform = {
  id: 'aws-lambda',
  detect(ctx) {
    // The same list of exports the other platforms read: ES exports, `exports.x`, `module.exports = { … }`, `export =`.
    for (const { name, value, declaredType } of ctx.facts.exports.values()) {
      const candidate = resolveCandidate(ctx, value, declaredType, 0, new Set());
      // `export const handler = withSteps(fn)` with `withSteps` written here: the handler is what it returns.
      const products = productsOf(ctx.facts, value);
      if (!candidate && products.length === 0) {
        for (const option of configOptions(ctx, name, value)) ctx.add(option.fn, name, option.reason, 'aws-lambda');
        continue;
      }
      const reason = candidate ? handlerReason(ctx, name, candidate) : null;
      if (candidate && reason && !ctx.isHandler(candidate.fn)) ctx.add(candidate.fn, name, reason, 'aws-lambda');
      for (const { fn, factory } of products) {
        const why = reason ?? handlerReason(ctx, name, { fn, wrappers: [], declaredType });
        const maker = functionName(factory);
        if (why) ctx.add(fn, name, maker ? `${why}, returned by \`${maker}()\`` : why, 'aws-lambda');
      }
    }
    for (const { fn, reason } of lambdaInterfaceHandlers(ctx)) ctx.add(fn, 'handler', reason, 'aws-lambda');
    for (const { fn, name } of middyMiddlewares(ctx)) ctx.add(fn, name, 'middy middleware of a handler', 'aws-lambda');
  },
};

/** The hooks of a middy middleware object, which run on every invocation of the handler the chain builds. */
const MIDDY_HOOKS = new Set(['before', 'after', 'onError']);

/**
 * The functions a middy chain runs per invocation besides its handler: `.use(m)` with `m` a middleware object
 * (`{ before, after, onError }`) or an array of them, and `.before(fn)`, `.after(fn)`, `.onError(fn)`.
 */
function middyMiddlewares(ctx: Context): Array<{ fn: FunctionNode; name: string }> {
  const found: Array<{ fn: FunctionNode; name: string }> = [];
  const hooksOf = (node: TSESTree.Node, depth: number): void => {
    const value = ctx.facts.valueOf(node);
    if (value.type === T.ArrayExpression && depth === 0) {
      for (const element of value.elements) if (element && element.type !== T.SpreadElement) hooksOf(element, 1);
      return;
    }
    if (value.type !== T.ObjectExpression) return;
    for (const property of value.properties) {
      if (property.type !== T.Property) continue;
      const hook = staticPropertyName(property);
      const fn = hook !== null && MIDDY_HOOKS.has(hook) ? ctx.facts.functionOf(property.value) : null;
      if (fn) found.push({ fn, name: `middy ${hook}` });
    }
  };
  if (!ctx.text.includes('middy')) return found;
  for (const call of ctx.facts.calls.calls) {
    const callee = unwrap(call.callee);
    const method = callee.type === T.MemberExpression ? staticPropertyName(callee) : null;
    const argument = call.arguments[0];
    if (method === null || !argument || argument.type === T.SpreadElement) continue;
    if (method !== 'use' && !MIDDY_HOOKS.has(method)) continue;
    if (!isMiddyChain(ctx, (callee as TSESTree.MemberExpression).object)) continue;
    if (method === 'use') hooksOf(argument, 0);
    else {
      const fn = ctx.facts.functionOf(argument);
      if (fn) found.push({ fn, name: `middy ${method}` });
    }
  }
  return found;
}

function resolveCandidate(
  ctx: Context,
  value: TSESTree.Node,
  declaredType: TSESTree.TypeNode | null,
  depth: number,
  seen: Set<TSESTree.Node>,
): Candidate | null {
  if (depth > MAX_RESOLVE_DEPTH || seen.has(value)) return null;
  seen.add(value);
  let node = value;
  if (node.type === T.TSSatisfiesExpression || node.type === T.TSAsExpression) {
    declaredType ??= node.typeAnnotation;
  }
  node = unwrap(node);
  if (isFunctionNode(node)) return { fn: node, wrappers: [], declaredType };
  if (node.type === T.Identifier) {
    const variable = resolveName(ctx.facts.scopes.module, node.name);
    if (!variable) return null;
    const def = variable.defs[0];
    if (variable.defs.length === 1 && def?.type === 'Variable') {
      const declarator = def.node;
      declaredType ??= declarator.id.typeAnnotation?.typeAnnotation ?? null;
    }
    const init = initializerOf(variable);
    return init ? resolveCandidate(ctx, init, declaredType, depth + 1, seen) : null;
  }
  if (node.type === T.CallExpression) {
    const callee = unwrap(node.callee);
    // `instance.handler.bind(instance)`
    if (callee.type === T.MemberExpression && staticPropertyName(callee) === 'bind') {
      return resolveCandidate(ctx, callee.object, declaredType, depth + 1, seen);
    }
    // middy ≥4: `middy(options?).use(a).handler(fn)`: the function passed to `.handler()` is the handler.
    if (
      callee.type === T.MemberExpression &&
      staticPropertyName(callee) === 'handler' &&
      isMiddyChain(ctx, callee.object)
    ) {
      const argument = node.arguments[0];
      const inner =
        argument && argument.type !== T.SpreadElement ? resolveCandidate(ctx, argument, null, depth + 1, seen) : null;
      if (inner)
        return {
          fn: inner.fn,
          wrappers: [...inner.wrappers, 'middy'],
          declaredType: declaredType ?? inner.declaredType,
        };
    }
    // `middy(base).use(a).use(b)`: the handler is inside the innermost call of the chain.
    if (callee.type === T.MemberExpression && unwrap(callee.object).type === T.CallExpression) {
      const inner = resolveCandidate(ctx, callee.object, declaredType, depth + 1, seen);
      if (inner) return inner;
    }
    const name = dottedName(callee) ?? calleeName(callee);
    for (const argument of node.arguments) {
      if (argument.type === T.SpreadElement) continue;
      const inner = resolveCandidate(ctx, argument, null, depth + 1, seen);
      if (inner) {
        return {
          fn: inner.fn,
          wrappers: name ? [...inner.wrappers, name] : inner.wrappers,
          declaredType: declaredType ?? inner.declaredType,
        };
      }
    }
    return null;
  }
  if (node.type === T.MemberExpression) {
    // `instance.handler` where `instance = new Lambda()` and Lambda has a `handler` method.
    const methodName = staticPropertyName(node);
    const object = unwrap(node.object);
    if (methodName === null || object.type !== T.Identifier) return null;
    const variable = resolveName(ctx.facts.scopes.module, object.name);
    const init = variable ? initializerOf(variable) : null;
    const created = init ? unwrap(init) : null;
    if (created?.type !== T.NewExpression) return null;
    const classNode = resolveClass(ctx, created.callee);
    const method = classNode ? classMethod(classNode, methodName, 'any') : null;
    return method ? { fn: method, wrappers: [], declaredType } : null;
  }
  return null;
}

/**
 * Is `node` a middy instance: a chain of method calls (`.use(…)`, `.before(…)`, `.handler(…)`) that starts with a
 * call of `middy` (by name, or the default import of `@middy/core` under any name), possibly through a module name?
 */
function isMiddyChain(ctx: Context, node: TSESTree.Node): boolean {
  let current = unwrap(node);
  for (let steps = 0; steps <= MAX_RESOLVE_DEPTH * 2; steps++) {
    if (current.type === T.Identifier) {
      const variable = resolveName(ctx.facts.scopes.module, current.name);
      const init = variable ? initializerOf(variable) : null;
      if (!init || init === current) return false;
      current = unwrap(init);
      continue;
    }
    if (current.type !== T.CallExpression) return false;
    const callee = unwrap(current.callee);
    if (callee.type === T.MemberExpression && unwrap(callee.object).type !== T.Identifier) {
      current = unwrap(callee.object);
      continue;
    }
    if (
      callee.type === T.MemberExpression &&
      unwrap(callee.object).type === T.Identifier &&
      staticPropertyName(callee) !== 'default'
    ) {
      // `base.use(x)` where `base = middy()`.
      current = unwrap(callee.object);
      continue;
    }
    return isMiddyFactory(ctx, callee);
  }
  return false;
}

function isMiddyFactory(ctx: Context, callee: TSESTree.Node): boolean {
  const target = callee.type === T.MemberExpression ? unwrap(callee.object) : callee;
  if (target.type !== T.Identifier) return false;
  if (target.name === 'middy') return true;
  // `import middy from '@middy/core'` under another name, `require('@middy/core')`, or its `.default`.
  const imported = ctx.facts.imports.moduleValueOf(target);
  return imported?.source === '@middy/core' && imported.path.length === 0;
}

function resolveClass(ctx: Context, node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  const target = unwrap(node);
  if (target.type === T.ClassExpression) return target;
  if (target.type !== T.Identifier) return null;
  const variable = resolveName(ctx.facts.scopes.module, target.name);
  const init = variable ? initializerOf(variable) : null;
  if (!init) return null;
  const value = unwrap(init);
  return value.type === T.ClassDeclaration || value.type === T.ClassExpression ? value : null;
}

function handlerReason(ctx: Context, name: string, candidate: Candidate): string | null {
  if (HANDLER_NAMES.has(name)) return `exported as \`${name}\``;
  if (ctx.settings.handlerNames.has(name)) return `listed in settings`;
  // `async function handler(event) {}; export default handler`, `module.exports = function handler() {}`.
  const ownName = candidate.fn.id?.name;
  if (ownName && HANDLER_NAMES.has(ownName)) return `named \`${ownName}\``;
  if (candidate.declaredType && isAwsHandlerType(ctx, candidate.declaredType))
    return 'typed with an aws-lambda handler type';
  const wrapper = candidate.wrappers.find((w) => isKnownWrapper(ctx, w));
  if (wrapper) return `wrapped by \`${wrapper}()\``;
  if (hasLambdaSignature(candidate.fn) && !isUiEventParam(candidate.fn.params[0])) {
    return 'has the Lambda (event, context, callback) signature';
  }
  const first = candidate.fn.params[0];
  if (
    first &&
    'typeAnnotation' in first &&
    first.typeAnnotation &&
    isAwsType(ctx, first.typeAnnotation.typeAnnotation)
  ) {
    return 'takes an aws-lambda event type';
  }
  return null;
}

/**
 * `lib.wrap` matches the settings entry `lib.wrap` or `wrap`; built-in wrappers match by their last segment
 * (`Sentry.AWSLambda.wrapHandler`).
 */
function isKnownWrapper(ctx: Context, dotted: string): boolean {
  const last = dotted.slice(dotted.lastIndexOf('.') + 1);
  return KNOWN_WRAPPERS.has(last) || ctx.settings.wrappers.has(dotted) || ctx.settings.wrappers.has(last);
}

/**
 * `export const handler = createGraphQLHandler({ context: async (…) => …, onException() {…} })`: the exported
 * handler is built from options, so the functions written inline in them run per request.
 */
function configOptions(ctx: Context, name: string, value: TSESTree.Node): Array<{ fn: FunctionNode; reason: string }> {
  const call = unwrap(value);
  if (call.type !== T.CallExpression) return [];
  const wrapper = dottedName(call.callee) ?? calleeName(call.callee);
  if (wrapper === null) return [];
  const last = wrapper.slice(wrapper.lastIndexOf('.') + 1);
  if (!CONFIG_WRAPPERS.has(last)) {
    // `export const handler = makeHandler({ run })`, the factory in another project file: what its product runs.
    if (!HANDLER_NAMES.has(name) && !ctx.settings.handlerNames.has(name)) return [];
    return optionsRunByImportedProduct(ctx.facts, ctx.path, call).map(({ fn, option, factory }) => ({
      fn,
      reason: option
        ? `option \`${option}\` of \`${factory}()\`, which the handler it returns runs`
        : `function passed to \`${factory}()\`, which the handler it returns runs`,
    }));
  }
  const result: Array<{ fn: FunctionNode; reason: string }> = [];
  const seen = new Set<TSESTree.Node>();
  // Options objects, possibly bound to module names or passed through a server: `new ApolloServer({ resolvers })`.
  const visit = (node: TSESTree.Node, depth: number) => {
    let value = unwrap(node);
    if (depth > 4 || seen.has(value)) return;
    seen.add(value);
    if (value.type === T.Identifier) {
      const variable = resolveName(ctx.facts.scopes.module, value.name);
      const init = variable ? initializerOf(variable) : null;
      if (!init) return;
      value = unwrap(init);
    }
    if (value.type === T.NewExpression || value.type === T.CallExpression) {
      for (const argument of value.arguments) visit(argument, depth + 1);
      return;
    }
    if (value.type !== T.ObjectExpression) return;
    for (const property of value.properties) {
      if (property.type !== T.Property) continue;
      const inner = unwrap(property.value);
      if (isFunctionNode(inner))
        result.push({ fn: inner, reason: `option \`${staticPropertyName(property) ?? '?'}\` of \`${wrapper}()\`` });
      else visit(inner, depth + 1);
    }
  };
  for (const argument of call.arguments) visit(argument, 0);
  return result;
}

/** A type imported from aws-lambda whose name says it is a handler: `Handler`, `SQSHandler`, `APIGatewayProxyHandlerV2`. */
function isAwsHandlerType(ctx: Context, type: TSESTree.TypeNode): boolean {
  const name = awsTypeName(ctx, type);
  return name !== null && /Handler(V2)?$/u.test(name);
}

function isAwsType(ctx: Context, type: TSESTree.TypeNode): boolean {
  return awsTypeName(ctx, type) !== null;
}

/** The aws-lambda type a reference names (`Handler`, `aws.SQSEvent`), by its exported name. */
function awsTypeName(ctx: Context, type: TSESTree.TypeNode): string | null {
  if (type.type !== T.TSTypeReference) return null;
  const imported = ctx.facts.imports.ofType(type);
  if (!imported || !AWS_LAMBDA_MODULES.has(imported.source)) return null;
  return imported.path.at(-1) ?? (type.typeName.type === T.Identifier ? type.typeName.name : null);
}

/** The `handler` method of a class that `implements LambdaInterface` (Powertools), in a file that exports something. */
function lambdaInterfaceHandlers(ctx: Context): Array<{ fn: FunctionNode; reason: string }> {
  if (!ctx.facts.exports.exportsSomething) return [];
  const result: Array<{ fn: FunctionNode; reason: string }> = [];
  const visitClass = (node: TSESTree.Node | null | undefined) => {
    if (!node || (node.type !== T.ClassDeclaration && node.type !== T.ClassExpression)) return;
    const implementsLambda = (node.implements ?? []).some((clause) => {
      const expression = clause.expression;
      return (
        (expression.type === T.Identifier && expression.name === 'LambdaInterface') ||
        (expression.type === T.MemberExpression && staticPropertyName(expression) === 'LambdaInterface')
      );
    });
    if (!implementsLambda) return;
    const method = classMethod(node, 'handler', 'any');
    if (method) result.push({ fn: method, reason: 'handler of a LambdaInterface class' });
  };
  for (const statement of ctx.program.body) {
    if (statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration) {
      visitClass(statement.declaration);
    } else {
      visitClass(statement);
    }
  }
  return result;
}
