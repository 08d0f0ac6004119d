// Calls of a platform's imported functions, found through the facts layer: `routeLoader$(fn)` with
// `routeLoader$` from one of the given modules (named, namespace or default import, `require`); and the other way
// round, the calls that the project's importers make of a function this file exports.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileFacts } from '../../file/index.js';
import { importResolvesTo, importersOf } from '../../file/importers.js';
import { loadModule } from '../../state/cross-file.js';
import type { FunctionNode } from '../../types.js';

/** Calls whose callee is `name` of one of `sources` (interop folded), for each of `names`. */
export function callsOfImported(
  facts: FileFacts,
  sources: readonly string[],
  names: readonly string[],
): Array<{ call: TSESTree.CallExpression; name: string }> {
  if (!facts.imports.importsAny(sources)) return [];
  const result: Array<{ call: TSESTree.CallExpression; name: string }> = [];
  for (const call of facts.callsNamed(...names)) {
    const imported = facts.imports.moduleValueOf(call.callee);
    if (!imported || imported.typeOnly || imported.path.length !== 1) continue;
    if (!sources.includes(imported.source) || !names.includes(imported.path[0])) continue;
    result.push({ call, name: imported.path[0] });
  }
  return result.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/** How many importers of a file are read for the calls they make of its exports. */
const MAX_IMPORTERS = 8;

/** A call that an importer makes of an export of this file, with the argument at the position asked for. */
export interface ImporterCall {
  importer: string;
  facts: FileFacts;
  call: TSESTree.CallExpression;
  argument: TSESTree.Expression;
}

/**
 * The calls the project's importers make of exported `fn` that pass an argument at `index`:
 * `require('./routes')(app)`, `import mount from './routes'; mount(app)`, `import { register } …; register(io, s)`.
 * A bounded number of importers is read, each parsed once per process and version (the cross-file reader).
 */
export function importerCallsOf(facts: FileFacts, filename: string, fn: FunctionNode, index: number): ImporterCall[] {
  const names = new Set(
    facts.exports
      .functions()
      .filter((entry) => entry.fn === fn)
      .map((entry) => entry.name),
  );
  if (names.size === 0) return [];
  const result: ImporterCall[] = [];
  for (const importer of importersOf(filename, MAX_IMPORTERS)) {
    const loaded = loadModule(importer);
    if (!loaded) continue;
    for (const call of loaded.facts.calls.calls) {
      const argument = call.arguments[index];
      if (!argument || argument.type === T.SpreadElement) continue;
      const target = loaded.facts.imports.moduleValueOf(call.callee);
      if (!target || !namesExport(target.path, names) || !importResolvesTo(importer, target.source, filename)) continue;
      result.push({ importer, facts: loaded.facts, call, argument });
    }
  }
  return result;
}

/** Does an import path (`[]` for `require(…)` or a namespace, `['default']`, `['mount']`) name one of the exports? */
function namesExport(path: readonly string[], names: ReadonlySet<string>): boolean {
  if (path.length === 0 || (path.length === 1 && path[0] === 'default')) return names.has('default');
  return path.length === 1 && names.has(path[0]);
}
