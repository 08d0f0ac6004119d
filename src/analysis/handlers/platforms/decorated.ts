// Decorated classes whose methods a framework calls per request: type-graphql and NestJS GraphQL `@Resolver` classes
// (`@Query`, `@Mutation`, `@FieldResolver`, …), NestJS `@Controller` routes (`@Get()`, `@Post()`, …), WebSocket
// gateways (`@SubscribeMessage`) and microservice handlers. A framework is one row; the decorators must be its imports.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, stringValue, unwrap } from '../../file/ast.js';
import type { FileFacts } from '../../file/index.js';
import { isClassNode, type ClassNode } from '../../file/members.js';
import type { FunctionNode } from '../../types.js';
import type { Platform } from '../registry.js';

interface DecoratedRow {
  platform: string;
  modules: readonly string[];
  /** Class decorators that make the class a request-time one (any of them); empty: any class. */
  classDecorators: readonly string[];
  methodDecorators: readonly string[];
  reason: string;
}

const NEST_ROUTES = ['Get', 'Post', 'Put', 'Patch', 'Delete', 'Options', 'Head', 'All', 'Search', 'Sse'];

const ROWS: readonly DecoratedRow[] = [
  {
    platform: 'graphql',
    modules: ['type-graphql', '@nestjs/graphql'],
    classDecorators: ['Resolver'],
    methodDecorators: ['Query', 'Mutation', 'Subscription', 'FieldResolver', 'ResolveField', 'ResolveReference'],
    reason: 'resolver method of a @Resolver class',
  },
  {
    platform: 'nestjs',
    modules: ['@nestjs/common'],
    classDecorators: ['Controller'],
    methodDecorators: NEST_ROUTES,
    reason: 'route method of a @Controller class',
  },
  {
    platform: 'nestjs',
    modules: ['@nestjs/websockets'],
    classDecorators: ['WebSocketGateway'],
    methodDecorators: ['SubscribeMessage'],
    reason: 'message handler of a @WebSocketGateway class',
  },
  {
    platform: 'nestjs',
    modules: ['@nestjs/microservices'],
    classDecorators: [],
    methodDecorators: ['MessagePattern', 'EventPattern'],
    reason: 'message handler of a NestJS microservice',
  },
];

/**
 * NestJS enhancers: the method Nest calls on every request that reaches a guarded, intercepted, piped or filtered
 * route, by the interface the class implements. Without the interface, `@Injectable()` with a method of the two
 * unmistakable names (`canActivate`, `intercept`), or `@Catch()` with `catch`, says the same.
 */
const NEST_ENHANCERS: ReadonlyArray<{ iface: string; method: string; byName: string | null }> = [
  { iface: 'CanActivate', method: 'canActivate', byName: 'Injectable' },
  { iface: 'NestInterceptor', method: 'intercept', byName: 'Injectable' },
  { iface: 'NestMiddleware', method: 'use', byName: null },
  { iface: 'PipeTransform', method: 'transform', byName: null },
  { iface: 'ExceptionFilter', method: 'catch', byName: 'Catch' },
];
const NEST_COMMON = ['@nestjs/common'];

function addNestEnhancers(ctx: Parameters<Platform['detect']>[0], classNode: ClassNode): void {
  const { facts } = ctx;
  const implemented = new Set(
    (classNode.implements ?? []).flatMap((clause) => {
      const imported = facts.imports.moduleValueOf(clause.expression);
      const name = imported?.path.at(-1);
      return imported && NEST_COMMON.includes(imported.source) && name !== undefined ? [name] : [];
    }),
  );
  for (const member of classNode.body.body) {
    if (member.type !== T.MethodDefinition || member.kind !== 'method' || member.static) continue;
    const name = staticPropertyName(member);
    const row = NEST_ENHANCERS.find(
      (r) =>
        r.method === name &&
        (implemented.has(r.iface) || (r.byName !== null && hasDecorator(facts, classNode, NEST_COMMON, [r.byName]))),
    );
    if (!row) continue;
    const owner = classNode.id?.name ?? 'class';
    ctx.add(member.value as FunctionNode, `${owner}.${row.method}`, `${row.iface} method of a NestJS class`, 'nestjs');
  }
}

export const decorated: Platform = {
  id: 'decorated',
  detect(ctx) {
    const { facts } = ctx;
    const rows = ROWS.filter((row) => facts.imports.importsAny(row.modules));
    if (rows.length === 0) return;
    const nest = facts.imports.importsAny(NEST_COMMON);
    for (const classNode of classesOf(ctx.program)) {
      if (nest) addNestEnhancers(ctx, classNode);
      for (const row of rows) {
        if (row.classDecorators.length > 0 && !hasDecorator(facts, classNode, row.modules, row.classDecorators))
          continue;
        for (const member of classNode.body.body) {
          if (member.type !== T.MethodDefinition || member.kind !== 'method' || member.static) continue;
          const decorator = decoratorOf(facts, member, row.modules, row.methodDecorators);
          if (!decorator) continue;
          const name = staticPropertyName(member) ?? 'method';
          const label = decorator.argument ? `${decorator.name} ${decorator.argument}` : `${decorator.name} ${name}`;
          ctx.add(member.value as FunctionNode, label, row.reason, row.platform);
        }
      }
    }
  },
};

/** Top-level classes, exported or not. */
export function classesOf(program: TSESTree.Program): ClassNode[] {
  const result: ClassNode[] = [];
  for (const statement of program.body) {
    const node =
      statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration
        ? (statement.declaration as TSESTree.Node | null)
        : statement;
    if (isClassNode(node)) result.push(node);
  }
  return result;
}

export function hasDecorator(
  facts: FileFacts,
  node: ClassNode,
  modules: readonly string[],
  names: readonly string[],
): boolean {
  return (node.decorators ?? []).some((decorator) => matches(facts, decorator, modules, names) !== null);
}

function decoratorOf(
  facts: FileFacts,
  member: TSESTree.MethodDefinition,
  modules: readonly string[],
  names: readonly string[],
): { name: string; argument: string | null } | null {
  for (const decorator of member.decorators ?? []) {
    const found = matches(facts, decorator, modules, names);
    if (found) return found;
  }
  return null;
}

/** `@Get(':id')` or `@Query()` imported from one of `modules` (named or through a namespace import). */
function matches(
  facts: FileFacts,
  decorator: TSESTree.Decorator,
  modules: readonly string[],
  names: readonly string[],
): { name: string; argument: string | null } | null {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === T.CallExpression ? expression.callee : expression;
  const imported = facts.imports.moduleValueOf(callee);
  const name = imported?.path.at(-1);
  if (!imported || !modules.includes(imported.source) || name === undefined || !names.includes(name)) return null;
  const argument = expression.type === T.CallExpression ? stringValue(expression.arguments[0]) : null;
  return { name, argument };
}
