// Calls of a platform's imported functions, found through the facts layer: `routeLoader$(fn)` with
// `routeLoader$` from one of the given modules (named, namespace or default import, `require`).
import type { TSESTree } from '@typescript-eslint/utils';
import type { FileFacts } from '../../file/index.js';

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
