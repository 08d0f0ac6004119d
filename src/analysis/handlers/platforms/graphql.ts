// GraphQL resolvers: the resolver maps handed to a GraphQL server (`new ApolloServer({ resolvers })`, graphql-yoga
// `createSchema`, `makeExecutableSchema`, mercurius, `rootValue` of express-graphql/graphql-http), and resolver-map
// modules (`module.exports = { Query: {…}, Mutation: {…} }`) in a file or project that uses a GraphQL server.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode, unwrap } from '../../file/ast.js';
import type { FileFacts } from '../../file/index.js';
import { instanceMethods, isClassNode, namedProperties, propertyValue } from '../../file/members.js';
import { nearestDependencies } from '../../file/package-json.js';
import type { FunctionNode } from '../../types.js';
import type { Platform, PlatformContext } from '../registry.js';

const APOLLO_SERVERS = [
  '@apollo/server',
  'apollo-server',
  'apollo-server-express',
  'apollo-server-lambda',
  'apollo-server-koa',
  'apollo-server-fastify',
  'apollo-server-hapi',
  'apollo-server-micro',
  'apollo-server-cloud-functions',
  'apollo-server-azure-functions',
  'apollo-server-cloudflare',
  'apollo-server-core',
];
const SCHEMA_BUILDERS = ['@graphql-tools/schema', 'graphql-tools', '@graphql-tools/load', 'graphql-yoga'];

/** Calls whose options object carries `resolvers` (or `rootValue`): a module, the export, and the options' position. */
const CONSUMERS: Array<{ sources: readonly string[]; name: string; options: number }> = [
  ...['ApolloServer', 'GraphQLServer'].map((name) => ({
    sources: [...APOLLO_SERVERS, 'graphql-yoga'],
    name,
    options: 0,
  })),
  { sources: SCHEMA_BUILDERS, name: 'makeExecutableSchema', options: 0 },
  { sources: SCHEMA_BUILDERS, name: 'addResolversToSchema', options: 0 },
  { sources: ['graphql-yoga'], name: 'createSchema', options: 0 },
  { sources: ['graphql-yoga', '@graphql-yoga/node'], name: 'createYoga', options: 0 },
  { sources: ['@graphql-yoga/node'], name: 'createServer', options: 0 },
  { sources: ['@apollo/subgraph'], name: 'buildSubgraphSchema', options: 0 },
  { sources: ['@apollo/federation'], name: 'buildFederatedSchema', options: 0 },
  { sources: ['express-graphql'], name: 'graphqlHTTP', options: 0 },
  {
    sources: ['graphql-http', 'graphql-http/lib/use/express', 'graphql-http/lib/use/fetch'],
    name: 'createHandler',
    options: 0,
  },
  {
    sources: ['graphql-http/lib/use/koa', 'graphql-http/lib/use/fastify', 'graphql-http/lib/use/http'],
    name: 'createHandler',
    options: 0,
  },
];

/** What marks a project as serving GraphQL: one of these in the file's imports or in package.json. */
const GRAPHQL_SERVERS = [
  ...APOLLO_SERVERS,
  ...SCHEMA_BUILDERS,
  '@graphql-yoga/node',
  'mercurius',
  'express-graphql',
  'graphql-http',
  'graphql-helix',
  '@apollo/subgraph',
  '@apollo/federation',
  'type-graphql',
  '@nestjs/graphql',
  'graphql-subscriptions',
];
/** Imports that mark a file as server-side GraphQL code (`GraphQLError`, custom scalars) for resolver-map modules. */
const GRAPHQL_FILE_EVIDENCE = [...GRAPHQL_SERVERS, 'graphql', 'graphql-scalars'];
/** The root operation types; a map that has one of them (holding functions) is shaped like resolvers. */
const ROOT_TYPE_NAMES = ['Query', 'Mutation', 'Subscription'];
const ROOT_TYPES = new Set(ROOT_TYPE_NAMES);
const MAX_DEPTH = 6;

export const graphql: Platform = {
  id: 'graphql',
  detect(ctx) {
    const { facts } = ctx;
    if (!facts.imports.importsAny(GRAPHQL_FILE_EVIDENCE) && !mayBeResolverModule(ctx)) return;
    const found = new ResolverMaps(ctx);
    for (const call of [...facts.calls.calls, ...facts.calls.news]) found.fromConsumer(call);
    found.fromExports();
  },
};

/** The text names a root type, and the project serves GraphQL (the package.json read is cached per directory). */
function mayBeResolverModule(ctx: PlatformContext): boolean {
  const text = ctx.text;
  // Plain substring checks first: the word-boundary regex runs only on files that have one of the names.
  if (!ROOT_TYPE_NAMES.some((name) => text.includes(name))) return false;
  if (!/\b(?:Query|Mutation|Subscription)\b/u.test(text)) return false;
  const dependencies = nearestDependencies(ctx.path);
  return GRAPHQL_SERVERS.some((name) => dependencies.has(name));
}

class ResolverMaps {
  private readonly facts: FileFacts;
  private readonly seen = new Set<TSESTree.Node>();

  constructor(private readonly ctx: PlatformContext) {
    this.facts = ctx.facts;
  }

  /** `new ApolloServer({ typeDefs, resolvers })`, `app.register(mercurius, { resolvers })`, `graphqlHTTP({ rootValue })`. */
  fromConsumer(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
    const imported = this.facts.imports.moduleValueOf(call.callee);
    const consumer = imported
      ? CONSUMERS.find((row) => row.sources.includes(imported.source) && imported.path.at(-1) === row.name)
      : undefined;
    let options: TSESTree.Node | undefined = consumer ? call.arguments[consumer.options] : undefined;
    const server = consumer?.name ?? 'mercurius';
    if (!consumer) {
      const plugin = call.arguments[0];
      const registered = plugin && plugin.type !== T.SpreadElement ? this.facts.imports.moduleValueOf(plugin) : null;
      if (registered?.source !== 'mercurius' || registered.path.length > 0) return;
      options = call.arguments[1];
    }
    if (!options || options.type === T.SpreadElement) return;
    for (const object of this.objects(options, 0)) {
      const resolvers = propertyValue(object, 'resolvers');
      if (resolvers) this.map(resolvers, `resolver (\`resolvers\` of ${server}())`, 0);
      const rootValue = propertyValue(object, 'rootValue');
      if (rootValue) this.fields(rootValue, null, `resolver (\`rootValue\` of ${server}())`);
      // `createYoga({ schema: createSchema({ resolvers }) })` is found as its own call; `modules: [{ resolvers }]` here.
      const modules = propertyValue(object, 'modules');
      if (modules) this.fromModules(modules, server);
    }
    // `buildSubgraphSchema([{ typeDefs, resolvers }])`, `buildSubgraphSchema({ typeDefs, resolvers })`.
    if (consumer?.name === 'buildSubgraphSchema' || consumer?.name === 'buildFederatedSchema')
      this.fromModules(options, server);
  }

  private fromModules(node: TSESTree.Node, server: string): void {
    for (const object of this.objects(node, 0)) {
      const resolvers = propertyValue(object, 'resolvers');
      if (resolvers) this.map(resolvers, `resolver (\`resolvers\` of ${server}())`, 0);
    }
  }

  /** `module.exports = { Query: {…}, Mutation: {…} }`, `export default {…}`, `export const resolvers = {…}`. */
  fromExports(): void {
    for (const entry of this.facts.exports.entries) {
      // Any exported name (`export const userResolvers = { Mutation: {…} }`): the shape and the GraphQL project say it.
      for (const object of this.objects(entry.value, 0)) {
        if (!isResolverMap(this.facts, object)) continue;
        this.map(object, 'resolver (exported resolver map)', 0);
      }
    }
  }

  /**
   * A resolver map: `{ TypeName: { field: fn | { resolve, subscribe } } }`, also through names, spreads, arrays
   * (`[userResolvers, postResolvers]`) and merge calls (`merge({}, a, b)`, `Object.assign`, `mergeResolvers([…])`).
   */
  private map(node: TSESTree.Node, reason: string, depth: number): void {
    for (const object of this.objects(node, depth)) {
      for (const { name, property } of namedProperties(object)) this.fields(property.value, name, reason);
    }
  }

  /** The resolvers of one type: function-valued fields, and `{ resolve, subscribe }` objects. */
  private fields(node: TSESTree.Node, typeName: string | null, reason: string): void {
    // `rootValue: new Root()`: the methods of a class of this file resolve the fields.
    const made = this.facts.valueOf(node);
    const madeClass = made.type === T.NewExpression ? this.facts.valueOf(made.callee) : null;
    if (isClassNode(madeClass)) {
      for (const { name, fn } of instanceMethods(madeClass)) {
        this.ctx.add(fn, typeName ? `${typeName}.${name}` : name, reason, 'graphql');
      }
      return;
    }
    for (const object of this.objects(node, 0)) {
      for (const { name, property } of namedProperties(object)) {
        const label = typeName ? `${typeName}.${name}` : name;
        const fn = this.functionValue(property.value);
        if (fn) {
          this.ctx.add(fn, label, reason, 'graphql');
          continue;
        }
        const field = this.facts.valueOf(property.value);
        if (field.type !== T.ObjectExpression) continue;
        for (const key of ['resolve', 'subscribe']) {
          const inner = propertyValue(field, key);
          const handler = inner ? this.functionValue(inner) : null;
          if (handler) this.ctx.add(handler, `${label}.${key}`, reason, 'graphql');
        }
      }
    }
  }

  private functionValue(node: TSESTree.Node): FunctionNode | null {
    const value = unwrap(node);
    if (isFunctionNode(value)) return value;
    return value.type === T.Identifier ? this.facts.functionOf(value) : null;
  }

  /** The object literals a value stands for, through names, spreads, arrays and merge calls. */
  private objects(node: TSESTree.Node, depth: number): TSESTree.ObjectExpression[] {
    if (depth > MAX_DEPTH) return [];
    const value = this.facts.valueOf(node);
    if (this.seen.has(value) && value.type !== T.ObjectExpression) return [];
    if (value.type === T.ObjectExpression) {
      const result = [value];
      for (const property of value.properties)
        if (property.type === T.SpreadElement) result.push(...this.objects(property.argument, depth + 1));
      return result;
    }
    this.seen.add(value);
    if (value.type === T.ArrayExpression) {
      return value.elements.flatMap((element) =>
        element ? this.objects(element.type === T.SpreadElement ? element.argument : element, depth + 1) : [],
      );
    }
    if (value.type === T.CallExpression) {
      return value.arguments.flatMap((argument) =>
        this.objects(argument.type === T.SpreadElement ? argument.argument : argument, depth + 1),
      );
    }
    return [];
  }
}

/** Has a root operation type whose value is an object holding at least one function. */
function isResolverMap(facts: FileFacts, object: TSESTree.ObjectExpression): boolean {
  return namedProperties(object).some(({ name, property }) => {
    if (!ROOT_TYPES.has(name)) return false;
    const fields = facts.valueOf(property.value);
    return (
      fields.type === T.ObjectExpression &&
      namedProperties(fields).some((field) => isFunctionNode(unwrap(field.property.value)))
    );
  });
}
