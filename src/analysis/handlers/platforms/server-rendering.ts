// Server-rendered components and hooks: in a project that a framework renders on the server (Next.js, React
// Router/Remix, TanStack Start, SolidStart, Astro islands, Qwik City), in a client module (`'use client'`) and
// in a UI library, every component and hook of a file runs once per server render.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { hasDirective } from '../../file/ast.js';
import { propertyValue } from '../../file/members.js';
import { PER_REQUEST_CALLBACKS } from '../../leaks/ssr-tables.js';
import { renderFactsOf, renderFunctions } from '../ssr.js';
import type { Platform, PlatformContext } from '../registry.js';
import { callsOfImported } from './imported-calls.js';
import { hookReturns } from './vue-setup-calls.js';

export const SOURCE = /\.(?:[cm]?[jt]sx?)$/u;
/** Files that never render on the server: stories, tests, browser-only modules (`.client.tsx`, `entry.client`). */
export const NOT_RENDERED =
  /(?:\.stories|\.story|\.test|\.spec|\.client|^entry\.client)\.[cm]?[jt]sx?$|^entry\.client\./u;

/** Default exports that a framework renders as a page whatever they are named. */
function conventionalDefault(ctx: PlatformContext, framework: string | undefined): boolean {
  const dirs = ctx.directories;
  const base = ctx.basename.replace(SOURCE, '');
  switch (framework) {
    case 'nextjs':
      return (
        (dirs.includes('app') &&
          /^(?:page|layout|template|loading|not-found|error|global-error|default|forbidden|unauthorized)$/u.test(
            base,
          )) ||
        (dirs.includes('pages') && !dirs.includes('api'))
      );
    case 'react-router':
    case 'remix':
      return dirs.includes('routes') || (dirs[dirs.length - 1] === 'app' && base === 'root');
    case 'solid-start':
    case 'tanstack-start':
      return dirs.includes('routes');
    default:
      return false;
  }
}

/** `createTRPCNext({ config() { … } })`: library callbacks the server calls for every request. */
function detectPerRequestCallbacks(ctx: PlatformContext): void {
  for (const entry of PER_REQUEST_CALLBACKS) {
    for (const { call } of callsOfImported(ctx.facts, entry.sources, [entry.name])) {
      const argument = call.arguments[entry.argument];
      if (!argument) continue;
      let value = ctx.facts.valueOf(argument);
      if (entry.option) {
        if (value.type !== T.ObjectExpression) continue;
        const option = propertyValue(value, entry.option);
        if (!option) continue;
        value = option;
      }
      const fn = ctx.facts.functionOf(value);
      if (fn)
        ctx.add(fn, entry.option ?? entry.name, `${entry.label} (called per request on the server)`, 'ssr-library');
    }
  }
}

function detect(ctx: PlatformContext): void {
  if (!SOURCE.test(ctx.basename) || NOT_RENDERED.test(ctx.basename) || ctx.directories.includes('node_modules')) return;
  detectPerRequestCallbacks(ctx);
  const facts = renderFactsOf(ctx);
  const renderer = facts.renderer;
  if (!renderer) return;
  // Server modules hold actions and route handlers, not components.
  if (hasDirective(ctx.program, 'use server')) return;
  if (renderer.id === 'nextjs' && ctx.directories.includes('pages') && ctx.directories.includes('api')) return;
  const where = facts.clientModule ? `client component rendered on the server (${renderer.label})` : null;
  for (const { fn, name, kind } of renderFunctions(ctx.facts, conventionalDefault(ctx, renderer.id))) {
    const reason =
      kind === 'hook'
        ? `hook run while rendering on the server (${renderer.label})`
        : (where ?? `component rendered on the server (${renderer.label})`);
    // The functions a hook returns run when the component calls them: in render only where some component does.
    const deferredReturns = kind === 'hook' ? hookReturns(ctx.path, name) : undefined;
    ctx.add(fn, name, reason, renderer.id, deferredReturns ? { deferredReturns } : undefined);
  }
}

export const serverRendering: Platform = { id: 'server-rendering', detect, runsInClientModules: true };
