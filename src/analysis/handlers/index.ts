// Where the handlers are: the registered platforms, in precedence order, run over the file's facts.
import type { TSESTree } from '@typescript-eslint/utils';
import { hasDirective } from '../file/ast.js';
import type { FileFacts } from '../file/index.js';
import type { ResolvedSettings } from '../settings.js';
import type { TypeOracle } from '../type-aware.js';
import type { Handler } from '../types.js';
import { awsLambda } from './aws-lambda.js';
import { azure } from './platforms/azure.js';
import { cloudflare } from './platforms/cloudflare.js';
import { decorated } from './platforms/decorated.js';
import { emberFastBoot } from './platforms/ember-fastboot.js';
import { declared } from './platforms/declared.js';
import { factories } from './platforms/factories.js';
import { firebase } from './platforms/firebase.js';
import { gcp } from './platforms/gcp.js';
import { graphql } from './platforms/graphql.js';
import { netlify } from './platforms/netlify.js';
import { nextjs } from './platforms/nextjs.js';
import { nitro } from './platforms/nitro.js';
import { nodeServers } from './platforms/node-servers.js';
import { angularSsr } from './platforms/angular-ssr.js';
import { astro } from './platforms/astro.js';
import { qwikCity } from './platforms/qwik-city.js';
import { reactRouter } from './platforms/react-router.js';
import { serverRendering } from './platforms/server-rendering.js';
import { solidStart } from './platforms/solid-start.js';
import { tanstackStart } from './platforms/tanstack-start.js';
import { routeTables } from './platforms/route-tables.js';
import { bun, deno } from './platforms/runtime-serve.js';
import { sdkMiddleware } from './platforms/sdk-middleware.js';
import { sockets } from './platforms/sockets.js';
import { sveltekit } from './platforms/sveltekit.js';
import { trpc } from './platforms/trpc.js';
import { typedMiddleware } from './platforms/typed-middleware.js';
import { vercel } from './platforms/vercel.js';
import { vue } from './platforms/vue.js';
import { PlatformContext, type ImportedRegistration, type Platform } from './registry.js';
import { typeAware } from './typed.js';

/**
 * Every platform, most specific first: declared handlers, then platforms recognised from an import or a file
 * convention (runtimes' serve APIs, servers, sockets, GraphQL resolvers, route tables), then AWS Lambda's export
 * conventions, then products of exported factories, then handlers only the type checker recognises. A function
 * found by two platforms keeps the reason of the first. A new platform is a new row here.
 */
export const PLATFORMS: readonly Platform[] = [
  declared,
  firebase,
  nextjs,
  sveltekit,
  astro,
  netlify,
  vercel,
  gcp,
  azure,
  deno,
  bun,
  cloudflare,
  nitro,
  nodeServers,
  sockets,
  graphql,
  trpc,
  decorated,
  routeTables,
  reactRouter,
  tanstackStart,
  solidStart,
  qwikCity,
  vue,
  angularSsr,
  emberFastBoot,
  serverRendering,
  awsLambda,
  sdkMiddleware,
  typedMiddleware,
  factories,
  typeAware,
];

/** Every handler of the file. */
export function findHandlers(
  facts: FileFacts,
  settings: ResolvedSettings,
  filename: string,
  oracle: TypeOracle | null = null,
  platforms: readonly Platform[] = PLATFORMS,
): Handler[] {
  return detectHandlers(facts, settings, filename, oracle, platforms).handlers;
}

/** The file's handlers, and its request-time registrations of functions imported from project modules. */
export function detectHandlers(
  facts: FileFacts,
  settings: ResolvedSettings,
  filename: string,
  oracle: TypeOracle | null = null,
  platforms: readonly Platform[] = PLATFORMS,
): { handlers: Handler[]; imported: readonly ImportedRegistration[] } {
  const ctx = new PlatformContext(facts, settings, filename, oracle);
  const clientModule = hasDirective(facts.ast, 'use client');
  for (const platform of platforms) if (!clientModule || platform.runsInClientModules) platform.detect(ctx);
  return { handlers: ctx.handlers, imported: ctx.importedHandlers };
}

/** Is `node` an app, router or server of some platform? Listeners use it to tell route registration. */
export function isAppReceiver(
  facts: FileFacts,
  node: TSESTree.Node,
  platforms: readonly Platform[] = PLATFORMS,
): boolean {
  return platforms.some((platform) => platform.isApp?.(facts, node) ?? false);
}

export { PlatformContext, type AddHandler, type ImportedRegistration, type Platform } from './registry.js';
