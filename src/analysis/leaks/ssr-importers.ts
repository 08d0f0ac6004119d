// Shared instances across files: the row of an instance another module exports (`import { queryClient } from
// '@/lib/query'`), and the project's importers of this file — an instance it exports that an importer hands to a
// provider per request is reported here, at its declaration; a function it exports that an importer calls per
// request (an i18n helper, an API module's `setAuthHeader`) is request-time code of this file.
import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { BaseContext, ReachContext } from '../context.js';
import { isFunctionNode, isInside, staticPropertyName, unwrap, valueParent, walk } from '../file/ast.js';
import { importResolvesTo, importersOf } from '../file/importers.js';
import type { FileFacts } from '../file/index.js';
import { moduleValue } from '../file/imports.js';
import { namedProperties } from '../file/members.js';
import { resolveImport } from '../file/resolve.js';
import { findHandlers } from '../handlers/index.js';
import { hookReturns } from '../handlers/platforms/vue-setup-calls.js';
import { loadModule, moduleAnswer } from '../state/cross-file.js';
import { Reachability } from '../state/reachability.js';
import { RequestData } from '../state/request-data.js';
import type { FunctionNode, Handler } from '../types.js';
import {
  InstanceFinder,
  InstanceMakers,
  findLocalSharedInstances,
  hasSource,
  isolatedIn,
  isProjectModule,
  rowsFor,
  type InstanceContext,
  type InstanceLinks,
  type ReachSite,
  type SharedInstanceLeak,
  type WrappedWriter,
} from './shared-instances.js';
import { SSR_INSTANCE_TABLE, type SsrInstanceRow } from './ssr-tables.js';
import { importPath } from '../../util/paths.js';

/** How many re-exports are followed to find where an imported instance is made. */
/** Importers of one module whose uses are read (the index itself is bounded in files and bytes). */
const MAX_IMPORTERS = 30;
const MAX_REEXPORTS = 3;

/**
 * Every shared instance of the file: reached by its own request-time code, and (with cross-file analysis on)
 * reached through its importers. `ctx` has no handlers when the file has none of its own.
 */
export function findSharedInstances(ctx: InstanceContext & ReachContext, crossFile: boolean): SharedInstanceLeak[] {
  const links: InstanceLinks = crossFile && path.isAbsolute(ctx.filename) ? linksFor(ctx.facts, ctx.filename) : {};
  const rows = [...rowsFor(ctx.facts), ...(links.linkedRows ?? [])];
  if (rows.length === 0) return ctx.handlers.length > 0 ? importedInstanceUses(ctx, links) : [];
  const leaks = findLocalSharedInstances(ctx, links);
  if (!crossFile || !path.isAbsolute(ctx.filename) || !ctx.facts.exports.exportsSomething) return leaks;
  const reported = new Set(leaks.map((leak) => leak.node));
  const uses = importerUses(ctx.facts, ctx.filename, ctx.settings);
  if (uses.length === 0) return leaks;

  // Instances this file exports, reached in an importer's request-time code: reported at the declaration here.
  const finder = new InstanceFinder(ctx, rows, links);
  for (const { variable, row, declaration } of finder.localInstances()) {
    // A shareable instance is reported at the importer's writes, in the importer's own lint.
    if (reported.has(declaration) || row.sharingIsSafe) continue;
    const names = exportedNames(ctx.facts, variable);
    const site = firstSite(uses, names, row);
    if (!site) continue;
    leaks.push({ node: declaration, row, name: variable.name, declared: true, site, others: 0 });
    reported.add(declaration);
  }

  // Functions this file exports, called at request time by an importer: their writes are this file's findings.
  const pseudo = requestTimeExports(ctx.facts, ctx.filename, uses);
  if (pseudo.size > 0) {
    const handlers = [...ctx.handlers, ...pseudo.keys()];
    const reach = new Reachability(ctx, handlers);
    const extended: InstanceContext = {
      facts: ctx.facts,
      scopes: ctx.scopes,
      reach,
      requestData: new RequestData({ ...ctx, handlers, reach }),
    };
    for (const leak of findLocalSharedInstances(extended, links)) {
      const caller = pseudo.get(leak.site.handler);
      if (!caller || reported.has(leak.node)) continue;
      // The caller makes the library's state per request (`overwriteServerAsyncLocalStorage(storage)` in the hook
      // that calls this module's `setLocale` wrapper): the write it reaches here is isolated too.
      if (isolatedIn(caller.importer, leak.row)) continue;
      reported.add(leak.node);
      const { handler, file } = caller;
      leaks.push({ ...leak, site: { ...leak.site, handler, file, via: [leak.site.handler.name, ...leak.site.via] } });
    }
  }
  return leaks.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * A file that imports no library of the table but writes or hands on, per request, an instance another module of
 * the project exports (`import { user } from '$lib/stores'` … `user.set(data.user)` in a `load`): the use is
 * reported here, where the request-time code is.
 */
function importedInstanceUses(ctx: InstanceContext, links: InstanceLinks): SharedInstanceLeak[] {
  if (!links.importedRow) return [];
  const rows = new Set<SsrInstanceRow>();
  for (const variable of ctx.scopes.module.variables as Scope.Variable[]) {
    const row = links.importedRow(variable);
    if (row) rows.add(row);
  }
  // With no row imported, the finder still reads project functions that write a library's own instance.
  return new InstanceFinder(ctx, [...rows], links).find();
}

// ---- forward: what another module exports ---------------------------------------------------------------

/** The links of one file: where its imported bindings are made, and what its calls into project modules make. */
function linksFor(facts: FileFacts, filename: string): InstanceLinks {
  const links: InstanceLinks = {
    importedRow(variable: Scope.Variable): SsrInstanceRow | null {
      const imported = facts.imports.ofVariable(variable);
      if (!imported || imported.typeOnly || imported.path.length !== 1 || !isProjectModule(imported.source))
        return null;
      const file = resolveImport(filename, imported.source);
      return file ? exportedRow(file, imported.path[0], 0) : null;
    },
    wrappedWriter(variable: Scope.Variable): WrappedWriter | null {
      const imported = facts.imports.ofVariable(variable);
      if (!imported || imported.typeOnly || imported.path.length !== 1) return null;
      const file = resolveImport(filename, imported.source);
      return file ? wrappedWriterOf(file, imported.path[0]) : null;
    },
    calledRow(call: TSESTree.CallExpression): SsrInstanceRow | null {
      const imported = facts.imports.of(call.callee);
      if (!imported || imported.typeOnly) return null;
      // `@api/base` may be a path alias as well as a package: resolving tells (aliases into node_modules are not).
      const file = resolveImport(filename, imported.source);
      return file ? factoryRow(file, imported.path) : null;
    },
  };
  // The rows of instances made at module scope by a project module's factory (`api.register('/v1')`).
  const linked: SsrInstanceRow[] = [];
  for (const variable of facts.scopes.module.variables as Scope.Variable[]) {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def.type !== 'Variable') continue;
    const init = def.node.init;
    const value = init ? unwrap(init) : null;
    const call = value?.type === T.AwaitExpression ? unwrap(value.argument) : value;
    if (call?.type !== T.CallExpression) continue;
    const row = links.calledRow!(call);
    if (row && !linked.includes(row)) linked.push(row);
  }
  links.linkedRows = linked;
  return links;
}

/**
 * The row of what the function `file` exports at `exportPath` returns: `['register']` (a named export, or a method
 * of the default-exported object), `['default', 'register']`, `['default']` (a default-exported function).
 */
function factoryRow(file: string, exportPath: readonly string[]): SsrInstanceRow | null {
  if (exportPath.length === 0 || exportPath.length > 2) return null;
  return moduleAnswer(file, `factoryRow\0${exportPath.join('\0')}`, (loaded) => {
    if (!loaded) return null;
    const functions = exportedFunctions(loaded.facts);
    const key = exportPath.length === 2 && exportPath[0] === 'default' ? exportPath[1] : exportPath.join('.');
    const fn = functions.get(key);
    if (!fn) return null;
    return new InstanceMakers(loaded.facts, rowsFor(loaded.facts, SSR_INSTANCE_TABLE)).returnedProduct(fn);
  });
}

/**
 * What the function `file` exports as `name` writes into a library's own process-wide instance with what it is
 * called with: a call of one of the row's writers on the library's global (`setLocale(sanitize(locale))` with
 * `setLocale` imported from the generated runtime, or `i18next.changeLanguage(lng)`) whose argument is made from
 * the function's parameters. A module that makes the library's state per request (`isolatedBy`) writes nothing.
 */
function wrappedWriterOf(file: string, name: string): WrappedWriter | null {
  return moduleAnswer(file, `wrappedWriter\0${name}`, (loaded) =>
    loaded ? wrappedWriterIn(loaded.facts, name) : null,
  );
}

function wrappedWriterIn(facts: FileFacts, name: string): WrappedWriter | null {
  const rows = rowsFor(facts).filter((row) => row.globals?.exports?.length && !isolatedIn(facts, row));
  const fn = rows.length > 0 ? exportedFunctions(facts).get(name) : undefined;
  if (!fn) return null;
  for (const variable of facts.scopes.module.variables as Scope.Variable[]) {
    const imported = facts.imports.ofVariable(variable);
    if (!imported || imported.typeOnly) continue;
    const target = moduleValue(imported)!;
    for (const row of rows) {
      if (!hasSource(row, target.source)) continue;
      for (const reference of variable.references) {
        const call = globalWriterCall(reference.identifier, target.path, row);
        if (!call || !isInside(call.node, fn)) continue;
        if (call.node.arguments.some((argument) => madeFromParameters(facts, fn, argument, 0)))
          return { row, method: call.method };
      }
    }
  }
  return null;
}

/** `setLocale(x)` (imported by name) or `runtime.setLocale(x)` (the module or its global): a writer call on it. */
function globalWriterCall(
  identifier: TSESTree.Node,
  path: readonly string[],
  row: SsrInstanceRow,
): { node: TSESTree.CallExpression; method: string } | null {
  let node = identifier;
  const full = [...path];
  const { parent, child } = valueParent(node);
  if (parent?.type === T.MemberExpression && parent.object === child) {
    const property = staticPropertyName(parent);
    if (property === null) return null;
    full.push(property);
    node = parent;
  }
  const call = valueParent(node);
  if (call.parent?.type !== T.CallExpression || call.parent.callee !== call.child) return null;
  const method = full[full.length - 1];
  const global = full.slice(0, -1);
  const onGlobal = row.globals?.exports?.some(
    (each) => each.length === global.length && each.every((part, i) => part === global[i]),
  );
  return onGlobal && row.writers.includes(method) ? { node: call.parent, method } : null;
}

/** The value is made from `fn`'s parameters: it names one, directly or through `const` locals of `fn`. */
function madeFromParameters(facts: FileFacts, fn: FunctionNode, node: TSESTree.Node, depth: number): boolean {
  if (depth > 4) return false;
  let found = false;
  walk(node, facts.file.visitorKeys, (current) => {
    if (found || isFunctionNode(current)) return false;
    if (current.type !== T.Identifier) return undefined;
    const def = facts.variableOf(current)?.defs[0];
    if (def?.type === 'Parameter' && def.node === fn) found = true;
    else if (def?.type === 'Variable' && def.node.init && isInside(def.node, fn))
      found = madeFromParameters(facts, fn, def.node.init, depth + 1);
    return false;
  });
  return found;
}

/** What one module does with an export: makes it (its row, or none), or re-exports another module's. */
type ExportStep = { row: SsrInstanceRow | null } | { source: string; name: string };

/** The row of what `file` exports as `name`, when it is made there by a row's maker. */
function exportedRow(file: string, name: string, depth: number): SsrInstanceRow | null {
  if (depth > MAX_REEXPORTS) return null;
  // One step per module, remembered with the module: the row made there, or the re-export to follow.
  const step = moduleAnswer<ExportStep | null>(file, `exportedRow\0${name}`, (loaded) => {
    const found = loaded?.facts.exports.find(name);
    if (!loaded || !found) return null;
    if ('value' in found) {
      const makers = new InstanceMakers(loaded.facts, rowsFor(loaded.facts, SSR_INSTANCE_TABLE));
      return { row: makers.productOf(loaded.facts.valueOf(found.value)) };
    }
    return { source: found.reexport.source, name: found.reexport.name };
  });
  if (!step) return null;
  if ('row' in step) return step.row;
  const next = resolveImport(file, step.source);
  return next ? exportedRow(next, step.name, depth + 1) : null;
}

// ---- backward: the importers of this file -----------------------------------------------------------------

/** One use of an export of this file in an importer: the node that stands for the export there. */
interface ImporterUse {
  /** The export path it stands for: `['queryClient']`, `['default', 'setAuthHeader']`. */
  exportPath: string[];
  node: TSESTree.Node;
  importer: InstanceContext;
  /** The importer, relative to this file. */
  file: string;
}

const contextMemo = new WeakMap<FileFacts, InstanceContext | null>();

/** The importer's handlers and reachability (its own findings are its own lint's business). */
function importerContext(file: string, settings: BaseContext['settings']): InstanceContext | null {
  const loaded = loadModule(file);
  if (!loaded) return null;
  if (contextMemo.has(loaded.facts)) return contextMemo.get(loaded.facts)!;
  let result: InstanceContext | null = null;
  const handlers = findHandlers(loaded.facts, settings, file, null);
  if (handlers.length > 0) {
    const base: BaseContext = {
      file: loaded.file,
      filename: file,
      facts: loaded.facts,
      scopes: loaded.facts.scopes,
      settings,
      oracle: null,
    };
    const reach = new Reachability(base, handlers);
    result = {
      facts: loaded.facts,
      scopes: loaded.facts.scopes,
      reach,
      requestData: new RequestData({ ...base, handlers, reach }),
    };
  }
  contextMemo.set(loaded.facts, result);
  return result;
}

const usesMemo = new WeakMap<FileFacts, ImporterUse[]>();

/** Importers are analysed with the linted file's settings (declared handlers and wrappers are the project's). */
function importerUses(facts: FileFacts, filename: string, settings: BaseContext['settings']): ImporterUse[] {
  const known = usesMemo.get(facts);
  if (known) return known;
  const uses: ImporterUse[] = [];
  for (const importer of importersOf(filename, MAX_IMPORTERS)) {
    const context = importerContext(importer, settings);
    if (!context) continue;
    const relative = importPath(filename, importer);
    for (const variable of context.scopes.module.variables as Scope.Variable[]) {
      const imported = context.facts.imports.ofVariable(variable);
      if (!imported || imported.typeOnly) continue;
      if (!importResolvesTo(importer, imported.source, filename)) continue;
      for (const reference of variable.references) {
        if (reference.init) continue;
        let node = reference.identifier as TSESTree.Node;
        const exportPath = [...imported.path];
        // `api.setAuthHeader`, `ns.queryClient`: one member down names the export (or a member of the default).
        for (let depth = 0; depth < 2; depth++) {
          const { parent, child } = valueParent(node);
          if (parent?.type !== T.MemberExpression || parent.object !== child) break;
          const name = staticPropertyName(parent);
          if (name === null || (exportPath.length > 0 && exportPath[0] !== 'default')) break;
          if (exportPath.length > 1) break;
          exportPath.push(name);
          node = parent;
        }
        uses.push({ exportPath, node, importer: context, file: relative });
      }
    }
  }
  usesMemo.set(facts, uses);
  return uses;
}

/** The names a module variable is exported under (`export const x`, `export { x as y }`, `export default x`). */
function exportedNames(facts: FileFacts, variable: Scope.Variable): Set<string> {
  const names = new Set<string>();
  for (const entry of facts.exports.entries) {
    if (entry.binding?.name === variable.name) names.add(entry.name);
    const value = unwrap(entry.value);
    if (value.type === T.Identifier && value.name === variable.name) names.add(entry.name);
  }
  return names;
}

/** The first request-time use of one of `names` in the importers, as a reach site with the importer's file. */
function firstSite(uses: readonly ImporterUse[], names: ReadonlySet<string>, row: SsrInstanceRow): ReachSite | null {
  for (const use of uses) {
    if (use.exportPath.length !== 1 || !names.has(use.exportPath[0])) continue;
    const site = new InstanceFinder(use.importer, [row]).siteOf(use.node, row);
    if (site) return { ...site, file: use.file };
  }
  return null;
}

/**
 * Exported functions of this file that an importer's request-time code calls (or hands on): pseudo-handlers, each
 * mapped to the importer's handler, for messages.
 */
function requestTimeExports(
  facts: FileFacts,
  filename: string,
  uses: readonly ImporterUse[],
): Map<Handler, Pick<ReachSite, 'handler' | 'file'> & { importer: FileFacts }> {
  const functions = exportedFunctions(facts);
  const pseudo = new Map<Handler, Pick<ReachSite, 'handler' | 'file'> & { importer: FileFacts }>();
  const seen = new Set<FunctionNode>();
  for (const use of uses) {
    const key = moduleValue({
      source: '',
      path: use.exportPath,
      form: 'import',
      typeOnly: false,
      sourceNode: null,
    })!.path.join('.');
    const fn = functions.get(key) ?? functions.get(use.exportPath.join('.'));
    if (!fn || seen.has(fn)) continue;
    const context = use.importer.reach.contextOf(use.node);
    if (!context) continue;
    seen.add(fn);
    const name = key.split('.').pop() || 'default';
    const handler: Handler = { node: fn, name, reason: `called per request from ${use.file}`, platform: 'importer' };
    const returns = key === name ? hookReturns(filename, name) : undefined;
    if (returns) handler.deferredReturns = returns;
    pseudo.set(handler, { handler: context.handler, file: use.file, importer: use.importer.facts });
  }
  return pseudo;
}

/** `name` → function for `export function name`, `export const name = …`, and methods of a default-exported object. */
function exportedFunctions(facts: FileFacts): Map<string, FunctionNode> {
  const result = new Map<string, FunctionNode>();
  for (const { name, fn } of facts.exports.functions()) result.set(name, fn);
  for (const entry of facts.exports.entries) {
    if (entry.name !== 'default') continue;
    const object = facts.valueOf(entry.value);
    if (object.type !== T.ObjectExpression) continue;
    for (const { name, property } of namedProperties(object)) {
      const fn = facts.functionOf(property.value);
      if (fn) result.set(name, fn);
    }
  }
  return result;
}
