// Vercel functions: the default export (or HTTP-method exports) of files under an api/ directory, and elsewhere the
// default export of a file whose `export const config` names a `runtime`.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import type { FunctionNode } from '../../types.js';
import { paramName, paramType, stringValue } from '../../file/ast.js';
import { propertyValue } from '../../file/members.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';
import { hasRequestResponseSignature } from '../signatures.js';
import { HTTP_METHOD_EXPORTS } from './nextjs.js';

const VERCEL_MODULES = ['@vercel/node', '@vercel/functions', '@vercel/edge'];
const REQUEST_TYPES = new Set(['VercelRequest', 'Request', 'NextRequest', 'IncomingMessage']);

export function detectVercelFunctions(file: PlatformContext, add: AddHandler): void {
  const dirs = file.directories;
  if (dirs.includes('node_modules') || !/\.[cm]?[jt]sx?$/u.test(file.basename)) return;
  if (!dirs.includes('api')) {
    detectConfiguredFunction(file, add);
    return;
  }
  // pages/api belongs to Next.js; its detector labels those.
  if (dirs[dirs.indexOf('api') - 1] === 'pages') return;
  const vercelImport = file.facts.imports.importsAny(VERCEL_MODULES);
  for (const { name, fn } of file.facts.exports.functions(
    (name) => name === 'default' || HTTP_METHOD_EXPORTS.has(name),
  )) {
    const isDefault = name === 'default';
    // A frontend `src/api/users.ts` default-exports `getUser(id)`; a function takes the request.
    if (vercelImport || takesRequest(fn, isDefault)) {
      add(
        fn,
        name,
        isDefault ? 'default export of a Vercel function (api/)' : `\`${name}\` of a Vercel function (api/)`,
        'vercel',
      );
    }
  }
}

/** Next.js owns `pages/` and `app/`: a `config` there configures a page or a route, which its detector labels. */
const NEXT_DIRECTORIES = new Set(['pages', 'app']);

/**
 * `export const config = { runtime: 'edge' }` (or `'nodejs'`) with a default export that takes the request: a
 * Vercel function outside `api/` (frameworks and `vercel.json` `functions` can route to any file).
 */
function detectConfiguredFunction(file: PlatformContext, add: AddHandler): void {
  if (file.directories.some((dir) => NEXT_DIRECTORIES.has(dir))) return;
  const config = file.facts.exports.entries.find((entry) => entry.name === 'config');
  const object = config ? file.facts.valueOf(config.value) : null;
  if (object?.type !== T.ObjectExpression || stringValue(propertyValue(object, 'runtime')) === null) return;
  for (const { fn } of file.facts.exports.functions((name) => name === 'default')) {
    if (takesRequest(fn, true)) add(fn, 'default', 'default export of a Vercel function (`config.runtime`)', 'vercel');
  }
}

function takesRequest(fn: FunctionNode, isDefault: boolean): boolean {
  if (hasRequestResponseSignature(fn)) return true;
  if (fn.params.length === 0) return !isDefault;
  if (fn.params.length > 2) return false;
  const first = fn.params[0];
  if (/^_?(req|request)$/u.test(paramName(first) ?? '')) return true;
  const type = paramType(first);
  return (
    type?.type === T.TSTypeReference && type.typeName.type === T.Identifier && REQUEST_TYPES.has(type.typeName.name)
  );
}

export const vercel: Platform = { id: 'vercel', detect: (ctx) => detectVercelFunctions(ctx, ctx.add) };
