// Decides which functions are request handlers: declared ones, each platform's shapes, and AWS Lambda exports.
import { AST_NODE_TYPES as T, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { calleeName, dottedName, isFunctionNode, staticPropertyName, unwrap } from './ast.js';
import { detectAzureFunctions } from './platforms/azure.js';
import { detectCloudflareWorkers } from './platforms/cloudflare.js';
import { commonJsExportName, PlatformFile, type AddHandler } from './platforms/common.js';
import { detectDeclaredHandlers } from './platforms/declared.js';
import { detectFirebase } from './platforms/firebase.js';
import { detectGoogleCloudFunctions } from './platforms/gcp.js';
import { detectNextJs } from './platforms/nextjs.js';
import { detectNitro } from './platforms/nitro.js';
import { detectNodeServers } from './platforms/node-servers.js';
import { detectSvelteKit } from './platforms/sveltekit.js';
import { detectVercelFunctions } from './platforms/vercel.js';
import { initializerOf, resolveName, type ModuleScopes } from './scope.js';
import type { ResolvedSettings } from './settings.js';
import type { FunctionNode, Handler } from './types.js';

export const HANDLER_NAMES = new Set(['handler', 'lambdaHandler']);
export const EVENT_PARAMS = new Set(['event', 'evt', '_event', '_evt']);
export const CONTEXT_PARAMS = new Set(['context', 'ctx', '_context', '_ctx']);
export const CALLBACK_PARAMS = new Set(['callback', 'cb', '_callback', '_cb']);

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

const AWS_LAMBDA_MODULES = new Set(['aws-lambda', '@types/aws-lambda']);
const MAX_RESOLVE_DEPTH = 8;

interface Candidate {
  fn: FunctionNode;
  wrappers: string[];
  /** A type annotation or `satisfies` type written on the exported binding. */
  declaredType: TSESTree.TypeNode | null;
}

interface Context {
  sourceCode: Readonly<TSESLint.SourceCode>;
  scopes: ModuleScopes;
  settings: ResolvedSettings;
  awsTypeNames: Set<string>;
  awsNamespaces: Set<string>;
}

/**
 * Every handler of the file. Declared handlers come first, then the platforms recognised from an import or a file
 * convention, then AWS Lambda exports; a function found twice keeps its first (most specific) reason.
 */
export function findHandlers(
  sourceCode: Readonly<TSESLint.SourceCode>,
  scopes: ModuleScopes,
  settings: ResolvedSettings,
  filename = '',
): Handler[] {
  const ctx: Context = { sourceCode, scopes, settings, awsTypeNames: new Set(), awsNamespaces: new Set() };
  const program = sourceCode.ast;
  const found = new Map<FunctionNode, Handler>();
  const add: AddHandler = (fn, name, reason, platform, extras) => {
    if (found.has(fn)) return;
    const handler: Handler = { node: fn, name, reason, platform };
    if (extras?.nonRequestParams) handler.nonRequestParams = extras.nonRequestParams;
    found.set(fn, handler);
  };
  const file = new PlatformFile(sourceCode, scopes, settings, filename);
  detectDeclaredHandlers(file, add);
  detectFirebase(file, add);
  detectNextJs(file, add);
  detectSvelteKit(file, add);
  detectVercelFunctions(file, add);
  detectGoogleCloudFunctions(file, add, file.importsAny(['express']));
  detectAzureFunctions(file, add);
  detectCloudflareWorkers(file, add);
  detectNitro(file, add);
  detectNodeServers(file, add);

  for (const statement of program.body) {
    if (statement.type === T.ImportDeclaration && AWS_LAMBDA_MODULES.has(statement.source.value)) {
      for (const specifier of statement.specifiers) {
        if (specifier.type === T.ImportNamespaceSpecifier) ctx.awsNamespaces.add(specifier.local.name);
        else ctx.awsTypeNames.add(specifier.local.name);
      }
    }
  }

  const consider = (name: string, value: TSESTree.Node, declaredType: TSESTree.TypeNode | null) => {
    const candidate = resolveCandidate(ctx, value, declaredType, 0, new Set());
    if (!candidate) {
      for (const option of configOptions(ctx, name, value)) add(option.fn, name, option.reason, 'aws-lambda');
      return;
    }
    if (found.has(candidate.fn)) return;
    const reason = handlerReason(ctx, name, candidate);
    if (reason) add(candidate.fn, name, reason, 'aws-lambda');
  };

  // The same list of exports the platform detectors use: ES exports, `exports.x`, `module.exports = { … }`.
  for (const { name, value, declaredType } of file.exportedValues()) consider(name, value, declaredType);
  for (const handler of lambdaInterfaceHandlers(program)) {
    if (!found.has(handler.node)) found.set(handler.node, handler);
  }
  return [...found.values()];
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
    const variable = resolveName(ctx.scopes.module, node.name);
    if (!variable) return null;
    const def = variable.defs[0];
    if (variable.defs.length === 1 && def?.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      declaredType ??= declarator.id.typeAnnotation?.typeAnnotation ?? null;
    }
    const init = initializerOf(variable as Scope.Variable);
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
    const variable = resolveName(ctx.scopes.module, object.name);
    const init = variable ? initializerOf(variable as Scope.Variable) : null;
    const created = init ? unwrap(init) : null;
    if (created?.type !== T.NewExpression) return null;
    const classNode = resolveClass(ctx, created.callee);
    const method = classNode ? classMethod(classNode, methodName) : null;
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
      const variable = resolveName(ctx.scopes.module, current.name);
      const init = variable ? initializerOf(variable as Scope.Variable) : null;
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
  const variable = resolveName(ctx.scopes.module, target.name);
  const def = variable?.defs[0];
  if (variable?.defs.length === 1 && def?.type === 'ImportBinding') {
    return (def.parent as TSESTree.ImportDeclaration).source.value === '@middy/core';
  }
  if (variable?.defs.length === 1 && def?.type === 'Variable') {
    const init = (def.node as TSESTree.VariableDeclarator).init;
    const value = init ? unwrap(init) : null;
    // `const middy = require('@middy/core')` under another name, or `require('@middy/core').default`.
    const required = value?.type === T.MemberExpression ? unwrap(value.object) : value;
    return (
      required?.type === T.CallExpression &&
      unwrap(required.callee).type === T.Identifier &&
      (unwrap(required.callee) as TSESTree.Identifier).name === 'require' &&
      required.arguments[0]?.type === T.Literal &&
      required.arguments[0].value === '@middy/core'
    );
  }
  return false;
}

function resolveClass(ctx: Context, node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  const target = unwrap(node);
  if (target.type === T.ClassExpression) return target;
  if (target.type !== T.Identifier) return null;
  const variable = resolveName(ctx.scopes.module, target.name);
  const init = variable ? initializerOf(variable as Scope.Variable) : null;
  if (!init) return null;
  const value = unwrap(init);
  return value.type === T.ClassDeclaration || value.type === T.ClassExpression ? value : null;
}

function classMethod(
  classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  name: string,
): FunctionNode | null {
  for (const member of classNode.body.body) {
    if (member.type === T.MethodDefinition && member.kind === 'method' && staticPropertyName(member) === name) {
      return member.value as FunctionNode;
    }
    if (member.type === T.PropertyDefinition && staticPropertyName(member) === name && isFunctionNode(member.value)) {
      return member.value;
    }
  }
  return null;
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
  if (!CONFIG_WRAPPERS.has(last)) return [];
  const result: Array<{ fn: FunctionNode; reason: string }> = [];
  const seen = new Set<TSESTree.Node>();
  // Options objects, possibly bound to module names or passed through a server: `new ApolloServer({ resolvers })`.
  const visit = (node: TSESTree.Node, depth: number) => {
    let value = unwrap(node);
    if (depth > 4 || seen.has(value)) return;
    seen.add(value);
    if (value.type === T.Identifier) {
      const variable = resolveName(ctx.scopes.module, value.name);
      const init = variable ? initializerOf(variable as Scope.Variable) : null;
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

/** DOM and UI-framework event types: `(event: KeyboardEvent)` in front-end code is a listener, not a Lambda. */
const UI_EVENT_TYPE =
  /^(?:Event|(?:Keyboard|Mouse|Pointer|Touch|Focus|Drag|Wheel|Input|Change|Form|Clipboard|Composition|UI|Animation|Transition|Synthetic|Submit|Custom|Base|Progress|Storage|Hash|PopState|Message|Error)Event)$/u;

function isUiEventParam(param: TSESTree.Parameter | undefined): boolean {
  const target = param?.type === T.AssignmentPattern ? param.left : param;
  const type = target && 'typeAnnotation' in target ? target.typeAnnotation?.typeAnnotation : undefined;
  return !!type && isUiEventType(type);
}

/** `KeyboardEvent`, `React.MouseEvent`, and unions that contain one (`KeyboardEvent | null`). */
function isUiEventType(type: TSESTree.TypeNode): boolean {
  if (type.type === T.TSUnionType) return type.types.some(isUiEventType);
  if (type.type !== T.TSTypeReference) return false;
  const name =
    type.typeName.type === T.Identifier
      ? type.typeName.name
      : type.typeName.type === T.TSQualifiedName
        ? type.typeName.right.name
        : '';
  return UI_EVENT_TYPE.test(name);
}

function paramName(param: TSESTree.Parameter | undefined): string | null {
  if (!param) return null;
  if (param.type === T.Identifier) return param.name;
  if (param.type === T.AssignmentPattern && param.left.type === T.Identifier) return param.left.name;
  if (param.type === T.TSParameterProperty) return null;
  return null;
}

export function hasLambdaSignature(fn: FunctionNode): boolean {
  const params = fn.params;
  if (params.length === 0 || params.length > 3) return false;
  const [first, second, third] = params.map(paramName);
  const firstIsEvent = first !== null && EVENT_PARAMS.has(first);
  const secondIsContext = second !== null && CONTEXT_PARAMS.has(second);
  if (!firstIsEvent && !(params.length >= 2 && params[0].type === T.ObjectPattern && secondIsContext)) return false;
  if (params.length >= 2 && !secondIsContext) return false;
  if (params.length === 3 && !(third !== null && CALLBACK_PARAMS.has(third))) return false;
  return true;
}

/** A type imported from aws-lambda whose name says it is a handler: `Handler`, `SQSHandler`, `APIGatewayProxyHandlerV2`. */
function isAwsHandlerType(ctx: Context, type: TSESTree.TypeNode): boolean {
  const name = awsTypeName(ctx, type);
  return name !== null && /Handler(V2)?$/u.test(name);
}

function isAwsType(ctx: Context, type: TSESTree.TypeNode): boolean {
  return awsTypeName(ctx, type) !== null;
}

function awsTypeName(ctx: Context, type: TSESTree.TypeNode): string | null {
  if (type.type !== T.TSTypeReference) return null;
  const typeName = type.typeName;
  if (typeName.type === T.Identifier) return ctx.awsTypeNames.has(typeName.name) ? typeName.name : null;
  if (
    typeName.type === T.TSQualifiedName &&
    typeName.left.type === T.Identifier &&
    ctx.awsNamespaces.has(typeName.left.name)
  ) {
    return typeName.right.name;
  }
  return null;
}

/** The `handler` method of a class that `implements LambdaInterface` (Powertools), in a file that exports something. */
function lambdaInterfaceHandlers(program: TSESTree.Program): Handler[] {
  const exportsSomething = program.body.some(
    (s) =>
      s.type === T.ExportNamedDeclaration ||
      s.type === T.ExportDefaultDeclaration ||
      (s.type === T.ExpressionStatement &&
        s.expression.type === T.AssignmentExpression &&
        commonJsExportName(s.expression.left) !== null),
  );
  if (!exportsSomething) return [];
  const result: Handler[] = [];
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
    const method = classMethod(node, 'handler');
    if (method) result.push({ node: method, name: 'handler', reason: 'handler of a LambdaInterface class' });
  };
  for (const statement of program.body) {
    if (statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration) {
      visitClass(statement.declaration as TSESTree.Node | null);
    } else {
      visitClass(statement);
    }
  }
  return result;
}
