// React Router (framework mode) and Remix: a route module's `loader`, `action` and `middleware` run on the server
// for every request; so do the server entry's `handleRequest` (its default export) and `handleDataRequest`.
// Route components are server-rendering's (platforms/server-rendering.ts); `clientLoader`/`clientAction` run
// in the browser and are not handlers.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { renderFactsOf } from '../ssr.js';
import type { Platform, PlatformContext } from '../registry.js';

const ROUTE_EXPORTS = new Set(['loader', 'action']);
const MIDDLEWARE_EXPORTS = new Set(['middleware', 'unstable_middleware']);
const ENTRY_EXPORTS = new Set(['default', 'handleDataRequest', 'handleError']);
const SCRIPT = /\.[cm]?[jt]sx?$/u;

function detect(ctx: PlatformContext): void {
  if (!SCRIPT.test(ctx.basename)) return;
  const framework = renderFactsOf(ctx).frameworks.find((row) => row.id === 'react-router' || row.id === 'remix');
  if (!framework) return;
  const label = framework.label;
  const dirs = ctx.directories;
  if (/^entry\.server\./u.test(ctx.basename)) {
    for (const { name, fn } of ctx.facts.exports.functions((name) => ENTRY_EXPORTS.has(name))) {
      ctx.add(fn, name === 'default' ? 'handleRequest' : name, `${label} server entry`, framework.id);
    }
    return;
  }
  // Route modules live in the app directory (file routes under routes/, config routes anywhere below it).
  if (!dirs.includes('app') && !dirs.includes('routes')) return;
  for (const entry of ctx.facts.exports.values()) {
    if (ROUTE_EXPORTS.has(entry.name)) {
      const fn = ctx.facts.functionOf(entry.value);
      if (fn) ctx.add(fn, entry.name, `${label} route ${entry.name}`, framework.id);
    } else if (MIDDLEWARE_EXPORTS.has(entry.name)) {
      const list = ctx.facts.valueOf(entry.value);
      if (list.type !== T.ArrayExpression) continue;
      for (const element of list.elements) {
        const fn = element && element.type !== T.SpreadElement ? ctx.facts.functionOf(element) : null;
        if (fn) ctx.add(fn, 'middleware', `${label} route middleware`, framework.id);
      }
    }
  }
}

export const reactRouter: Platform = { id: 'react-router', detect };
