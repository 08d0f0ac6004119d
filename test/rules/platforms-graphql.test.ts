// GraphQL resolvers: resolver maps handed to a server, resolver-map modules, and decorated resolver classes; NestJS
// controllers and gateways share the decorated-class detection.
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import requestDataInModuleScope from '../../src/rules/no-request-data-in-module-scope.js';
import { dedent } from '../helpers/source.js';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';
import { makeProject } from '../helpers/temp.js';

const reported: Reported[] = [
  {
    name: 'Apollo Server resolvers: a mutation writes its arguments into a module config',
    filename: '/proj/src/server.ts',
    code: dedent(`
      import { ApolloServer } from '@apollo/server';
      const siteConfig = { title: 'Docs' };
      const resolvers = {
        Query: { title: () => siteConfig.title },
        Mutation: {
          setTitle: (_parent, args: { title: string }) => {
            siteConfig.title = args.title;
            return true;
          },
        },
      };
      export const server = new ApolloServer({ typeDefs: 'type Query { title: String }', resolvers });
    `),
    rule: 'requestData',
    at: ['siteConfig.title = args'],
  },
  {
    name: 'graphql-yoga createSchema with merged resolver maps',
    filename: '/proj/src/schema.ts',
    code: dedent(`
      import { createSchema } from 'graphql-yoga';
      const recent: string[] = [];
      const queries = { Query: { search: (_: unknown, { term }: { term: string }) => { recent.push(term); return []; } } };
      export const schema = createSchema({ typeDefs: '', resolvers: [queries] });
      export const recentCount = () => recent.length;
    `),
    rule: 'growth',
    at: ['recent.push('],
  },
  {
    name: 'makeExecutableSchema with a spread resolver map and a subscription resolver',
    filename: '/proj/src/schema.mjs',
    code: dedent(`
      import { makeExecutableSchema } from '@graphql-tools/schema';
      let subscribers = 0;
      const base = { Query: { ping: () => 'pong' } };
      export const schema = makeExecutableSchema({
        typeDefs: '',
        resolvers: { ...base, Subscription: { ticks: { subscribe: () => { subscribers++; return ticker(); } } } },
      });
      export const count = () => subscribers;
    `),
    rule: 'write',
    at: ['subscribers++'],
  },
  {
    name: 'mercurius registered with resolvers',
    filename: '/proj/src/app.mjs',
    code: dedent(`
      import Fastify from 'fastify';
      import mercurius from 'mercurius';
      const app = Fastify();
      const votes = new Map();
      app.register(mercurius, {
        schema: '',
        resolvers: { Mutation: { vote: (_, { id }) => { votes.set(id, Date.now()); return true; } } },
      });
      export const total = () => votes.size;
    `),
    rule: 'cache',
    at: ['votes.set('],
  },
  {
    name: 'a resolver-map module that imports graphql writes a process-global config',
    filename: '/proj/server/resolvers/site.cjs',
    commonjs: true,
    code: dedent(`
      const { GraphQLError } = require('graphql');
      module.exports = {
        SiteMutation: {
          async updateConfig(obj, args) {
            global.SITE.title = args.title;
            return { ok: true };
          },
        },
        Mutation: { site: () => ({}) },
      };
    `),
    rule: 'requestData',
    at: ['global.SITE.title = args'],
  },
  {
    name: 'a resolver writes into a program-wide global that the file declares with a global comment',
    filename: '/proj/server/resolvers/mail.cjs',
    commonjs: true,
    code: dedent(`
      /* global APP */
      const { GraphQLError } = require('graphql');
      module.exports = {
        Mutation: { mail: () => ({}) },
        MailMutation: {
          async updateConfig(obj, args) {
            APP.config.mail.sender = args.senderEmail;
            return { ok: true };
          },
        },
      };
    `),
    rule: 'requestData',
    at: ['APP.config.mail.sender = args'],
  },
  {
    name: 'type-graphql resolver class: a mutation method pushes into a module array',
    filename: '/proj/src/books.resolver.ts',
    code: dedent(`
      import { Arg, Mutation, Query, Resolver } from 'type-graphql';
      const titles: string[] = [];
      @Resolver()
      export class BookResolver {
        @Query(() => [String])
        books() { return titles; }
        @Mutation(() => Boolean)
        addBook(@Arg('title') title: string) {
          titles.push(title);
          return true;
        }
      }
    `),
    rule: 'growth',
    at: ['titles.push('],
  },
  {
    name: 'NestJS controller route method writes module state',
    filename: '/proj/src/cats.controller.ts',
    code: dedent(`
      import { Body, Controller, Post } from '@nestjs/common';
      let lastCat: unknown = null;
      @Controller('cats')
      export class CatsController {
        @Post()
        create(@Body() body: unknown) {
          lastCat = body;
          return body;
        }
      }
      export const peek = () => lastCat;
    `),
    rule: 'requestData',
    at: ['lastCat = body'],
  },
];

const quiet: Quiet[] = [
  {
    name: 'resolvers that only read module state and use the context',
    filename: '/proj/src/server.ts',
    code: dedent(`
      import { ApolloServer } from '@apollo/server';
      const limits = { pageSize: 20 };
      const resolvers = {
        Query: { items: (_: unknown, __: unknown, context: { db: { list(n: number): unknown } }) => context.db.list(limits.pageSize) },
      };
      export const server = new ApolloServer({ typeDefs: '', resolvers });
    `),
  },
  {
    name: 'a resolver that only reads the declared global',
    filename: '/proj/server/resolvers/site.cjs',
    commonjs: true,
    code: dedent(`
      /* global APP */
      const { GraphQLError } = require('graphql');
      module.exports = { SiteQuery: { title: () => APP.config.title }, Query: { site: () => ({}) } };
    `),
  },
  {
    name: 'schema built at start-up: pushing type definitions while loading is start-up code',
    filename: '/proj/src/schema.mjs',
    code: dedent(`
      import { makeExecutableSchema } from '@graphql-tools/schema';
      const typeDefs = [];
      for (const part of ['a', 'b']) typeDefs.push(part);
      export const schema = makeExecutableSchema({ typeDefs, resolvers: { Query: { ok: () => true } } });
    `),
  },
  {
    name: 'an object shaped like a resolver map in a file and project without GraphQL is not one',
    filename: '/proj/src/menu.cjs',
    commonjs: true,
    code: dedent(`
      const opened = [];
      module.exports = { Query: { open: (name) => { opened.push(name); } } };
    `),
  },
  {
    name: 'an Apollo Client cache policy is client code',
    filename: '/proj/src/client.ts',
    code: dedent(`
      import { ApolloClient, InMemoryCache } from '@apollo/client';
      const reads: string[] = [];
      export const client = new ApolloClient({
        cache: new InMemoryCache({ typePolicies: { Query: { fields: { me: { read(existing) { reads.push('me'); return existing; } } } } } }),
      });
    `),
  },
  {
    name: 'a NestJS service is not a controller',
    filename: '/proj/src/cats.service.ts',
    code: dedent(`
      import { Injectable } from '@nestjs/common';
      const cats: string[] = [];
      @Injectable()
      export class CatsService {
        add(name: string) { cats.push(name); }
      }
    `),
  },
];

describe('a global declared by a directive comment', () => {
  const code = dedent(`
    /* global APP */
    const { GraphQLError } = require('graphql');
    module.exports = { Mutation: { rename: (parent, args) => { APP.config.title = args.title; return true; } } };
  `);

  it('is state whether or not inline config is honoured', () => {
    for (const noInlineConfig of [false, true]) {
      const linter = new Linter({ configType: 'flat' });
      const messages = linter.verify(
        code,
        [
          {
            linterOptions: { noInlineConfig, reportUnusedInlineConfigs: 'off' },
            languageOptions: { sourceType: 'commonjs' },
            plugins: { hs: { rules: { rule: requestDataInModuleScope as never } } },
            rules: { 'hs/rule': 'error' },
          },
        ],
        { filename: 'resolvers.cjs' },
      );
      // With inline config off, ESLint also warns that the comment has no effect (ruleId null).
      const reports = messages.filter((message) => message.ruleId !== null);
      expect(reports.map((message) => [message.ruleId, message.line])).toEqual([['hs/rule', 3]]);
    }
  });
});

describe('GraphQL resolver-map modules read the project manifest', () => {
  const code = 'module.exports = { Mutation: { save: (parent, args) => args } };';

  it('a map with no GraphQL import is a resolver map when package.json depends on a GraphQL server', () => {
    const dir = makeProject({
      'package.json': JSON.stringify({ dependencies: { 'apollo-server-express': '^3.0.0' } }),
      'server/resolvers/site.cjs': code,
    });
    expect(handlersOf(code, `${dir}/server/resolvers/site.cjs`, { commonjs: true })).toEqual(['graphql Mutation.save']);
  });

  it('the same map in a project without one is not', () => {
    const dir = makeProject({
      'package.json': JSON.stringify({ dependencies: { '@apollo/client': '^3.0.0' } }),
      'src/local.cjs': code,
    });
    expect(handlersOf(code, `${dir}/src/local.cjs`, { commonjs: true })).toEqual([]);
  });

  it('a malformed package.json declares nothing', () => {
    const dir = makeProject({ 'package.json': '{ "dependencies": ', 'src/broken.cjs': code });
    expect(handlersOf(code, `${dir}/src/broken.cjs`, { commonjs: true })).toEqual([]);
  });
});

runPlatform('platforms: GraphQL resolvers and decorated classes', reported, quiet);
