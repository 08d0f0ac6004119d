// Nuxt/Nitro (h3): defineEventHandler(fn) and its object form, imported or auto-imported in server directories.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { unwrap } from '../../file/ast.js';
import { namedProperties } from '../../file/members.js';
import type { FunctionNode } from '../../types.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';

const H3_MODULES = ['h3', 'nitropack', 'nitro', '#imports', 'nuxt', '#app'];
const DEFINERS = new Set(['defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler']);
/** Per-request hooks of the object form `defineEventHandler({ onRequest, handler, onBeforeResponse })`. */
const OBJECT_HANDLERS = new Set(['handler', 'onRequest', 'onBeforeResponse']);
/** Directories where Nuxt and Nitro auto-import `defineEventHandler` without an import statement. */
const SERVER_DIRECTORIES = ['server', 'routes', 'api', 'middleware'];

export function detectNitro(file: PlatformContext, add: AddHandler): void {
  if (!file.text.includes('ventHandler')) return;
  const autoImports = SERVER_DIRECTORIES.some((dir) => file.directories.includes(dir));
  const name = file.basename.replace(/\.[cm]?[jt]s$/u, '');
  for (const call of file.facts.calls.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== T.Identifier || !DEFINERS.has(callee.name)) continue;
    const variable = file.facts.variableOf(callee);
    const imported = variable && variable.defs.length > 0 ? file.facts.imports.moduleValueOf(callee) : null;
    const recognised = imported
      ? H3_MODULES.some((m) => imported.source === m || imported.source.startsWith(`${m}/`))
      : !variable?.defs.length && autoImports;
    if (!recognised) continue;
    for (const fn of eventHandlerFunctions(file, call.arguments[0])) {
      add(fn, name, `wrapped by \`${callee.name}()\``, 'nitro');
    }
  }
}

function eventHandlerFunctions(file: PlatformContext, argument: TSESTree.Node | undefined): FunctionNode[] {
  if (!argument) return [];
  const direct = file.facts.functionOf(argument);
  if (direct) return [direct];
  const object = file.facts.valueOf(argument);
  if (object.type !== T.ObjectExpression) return [];
  const result: FunctionNode[] = [];
  for (const { name, property } of namedProperties(object)) {
    if (!OBJECT_HANDLERS.has(name)) continue;
    const value = unwrap(property.value);
    const values = value.type === T.ArrayExpression ? value.elements : [value];
    for (const element of values) {
      const fn = element && element.type !== T.SpreadElement ? file.facts.functionOf(element) : null;
      if (fn) result.push(fn);
    }
  }
  return result;
}

export const nitro: Platform = { id: 'nitro', detect: (ctx) => detectNitro(ctx, ctx.add) };
