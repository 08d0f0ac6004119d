// SvelteKit: +server endpoints, load/actions in +page/+layout(.server) files, and hooks.server handle functions.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { valueParent } from '../../file/ast.js';
import { namedProperties } from '../../file/members.js';
import { projectOf } from '../../file/project.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';

const ENDPOINT_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'fallback']);
const HOOK_EXPORTS = new Set(['handle', 'handleFetch', 'handleError']);
/** SvelteKit's types of server hooks: a function typed with one is a hook wherever it is written. */
const HOOK_TYPES = new Set(['Handle', 'HandleFetch', 'HandleServerError']);

export function detectSvelteKit(file: PlatformContext, add: AddHandler): void {
  const base = file.basename;
  if (/^\+server\.[jt]s$/u.test(base)) {
    for (const { name, fn } of file.facts.exports.functions((name) => ENDPOINT_EXPORTS.has(name))) {
      add(fn, name, 'SvelteKit +server endpoint', 'sveltekit');
    }
    return;
  }
  if (/^hooks\.server\.[jt]s$/u.test(base)) {
    for (const { name, fn } of file.facts.exports.functions((name) => HOOK_EXPORTS.has(name))) {
      add(fn, name, 'SvelteKit server hook', 'sveltekit');
    }
    // `export const handle = sequence(auth, track)`: each handle in the sequence runs per request.
    for (const { name, value } of file.facts.exports.values()) {
      if (name !== 'handle') continue;
      const call = file.facts.valueOf(value);
      if (call.type !== T.CallExpression) continue;
      const imported = file.facts.imports.moduleValueOf(call.callee);
      if (imported?.source !== '@sveltejs/kit/hooks' || imported.path[0] !== 'sequence') continue;
      for (const argument of call.arguments) {
        const fn = argument.type === T.SpreadElement ? null : file.facts.functionOf(argument);
        if (fn) add(fn, 'handle', 'SvelteKit handle in sequence()', 'sveltekit');
      }
    }
    return;
  }
  // A hook written in its own module and composed into hooks.server with `sequence()`: `export const handle: Handle`.
  for (const { name, fn } of file.facts.exports.functions()) {
    const { parent } = valueParent(fn);
    if (parent?.type !== T.VariableDeclarator || parent.id.type !== T.Identifier) continue;
    const type = file.facts.imports.ofType(parent.id.typeAnnotation?.typeAnnotation);
    if (type?.source === '@sveltejs/kit' && type.path.length === 1 && HOOK_TYPES.has(type.path[0]))
      add(fn, name, 'SvelteKit server hook', 'sveltekit');
  }
  // `*.server.*` modules (+page.server.ts, +layout.server.ts) and universal +page.ts/+layout.ts, whose load
  // also runs on the server for every server-rendered request.
  const serverModule = /\.server\.[jt]s$/u.test(base);
  const universal = /^\+(page|layout)\.[jt]s$/u.test(base);
  if (!serverModule && !universal) return;
  // A universal load runs only in the browser where the route (or the root layout) turns server rendering off.
  if (universal && !serverModule && ssrTurnedOff(file)) return;
  for (const { name, value } of file.facts.exports.values()) {
    if (name === 'load') {
      const fn = file.facts.functionOf(value);
      if (fn) add(fn, 'load', 'SvelteKit load function', 'sveltekit');
    } else if (name === 'actions' && serverModule) {
      const object = file.facts.valueOf(value);
      if (object.type !== T.ObjectExpression) continue;
      for (const { name: action, property } of namedProperties(object)) {
        const fn = file.facts.functionOf(property.value);
        if (fn) add(fn, `actions.${action}`, 'SvelteKit form action', 'sveltekit');
      }
    }
  }
}

const SSR_OFF = /\bexport\s+const\s+ssr\s*=\s*false\b/u;
const ROOT_LAYOUTS = ['src/routes/+layout.ts', 'src/routes/+layout.js'];

/** `export const ssr = false` in this file or in the root layout (which every route inherits). */
function ssrTurnedOff(file: PlatformContext): boolean {
  if (SSR_OFF.test(file.text)) return true;
  return SSR_OFF.test(projectOf(file.path)?.text(ROOT_LAYOUTS) ?? '');
}

export const sveltekit: Platform = { id: 'sveltekit', detect: (ctx) => detectSvelteKit(ctx, ctx.add) };
