// Qwik City: route loaders and actions, `server$` functions and the request handlers a route module (or a
// plugin) exports run on the server per request; `component$` bodies render there too. `useVisibleTask$`
// callbacks run in the browser (the client-only table).
import type { Platform, PlatformContext } from '../registry.js';
import { callsOfImported } from './imported-calls.js';

const CITY = ['@builder.io/qwik-city', '@qwik.dev/router'];
const CORE = ['@builder.io/qwik', '@qwik.dev/core'];
const SERVER_FUNCTIONS = ['routeLoader$', 'routeAction$', 'globalAction$', 'server$'];
const REQUEST_EXPORTS = new Set([
  'onRequest',
  'onGet',
  'onPost',
  'onPut',
  'onPatch',
  'onDelete',
  'onHead',
  'onOptions',
]);

function detect(ctx: PlatformContext): void {
  const facts = ctx.facts;
  for (const { call, name } of callsOfImported(facts, CITY, SERVER_FUNCTIONS)) {
    const fn = facts.functionOf(call.arguments[0]);
    if (fn) ctx.add(fn, name, `Qwik City \`${name}\``, 'qwik-city');
  }
  if (
    ctx.directories.includes('routes') &&
    (facts.imports.importsAny([...CITY, ...CORE]) || /^plugin/u.test(ctx.basename))
  ) {
    for (const { name, fn } of facts.exports.functions((name) => REQUEST_EXPORTS.has(name))) {
      ctx.add(fn, name, `Qwik City request handler \`${name}\``, 'qwik-city');
    }
  }
  for (const { call } of callsOfImported(facts, CORE, ['component$'])) {
    const fn = facts.functionOf(call.arguments[0]);
    if (fn) ctx.add(fn, componentName(call) ?? 'component$', 'Qwik component rendered on the server', 'qwik-city');
  }
}

/** `Counter` for `export const Counter = component$(…)`, `default` for `export default component$(…)`. */
function componentName(call: { parent?: { type: string; id?: unknown } }): string | null {
  const parent = call.parent as { type: string; id?: { type: string; name?: string } } | undefined;
  if (parent?.type === 'VariableDeclarator' && parent.id?.type === 'Identifier') return parent.id.name ?? null;
  if (parent?.type === 'ExportDefaultDeclaration') return 'default';
  return null;
}

export const qwikCity: Platform = { id: 'qwik-city', detect };
