// Removals made in other files. A registry often lives in one module and loses its entries in another: the file that
// fills `server.monitorList[id]` gets `server` from `Server.getInstance()`, and the file that deletes the entry gets
// it the same way, so eviction looked for in one file misses it. This stage names the place a module binding stands
// for across files (an import, or what a call of an imported getter returns), and reads the files that import the
// same module (the importer index, bounded, their text filtered first) for removals made through a binding of that
// same place.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { enclosingFunction, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import { importersMatching } from '../file/importers.js';
import { factsOf, type FileFacts } from '../file/index.js';
import { isTestFile } from '../file/test-files.js';
import { resolveImport } from '../file/resolve.js';
import { BoundedCache } from '../../util/bounded-cache.js';
import { unchangedSince } from '../../util/read-file.js';
import { load } from './cross-file.js';

/** How many importing files one question reads. */
export const SHARED_REMOVAL_LIMITS = { files: 12 };

/** A place shared across files: an export of `file` (`path`), `()` standing for what calling it returns. */
export interface SharedPlace {
  file: string;
  path: string[];
}

const REMOVING_METHODS = new Set(['delete', 'clear', 'splice', 'shift', 'pop']);
/** Text that can hold a removal; files without it are not parsed. */
const REMOVAL_TEXT = /\bdelete\s|\.(?:delete|clear|splice|shift|pop)\s*\(/u;
/** Test files: a reset there is not something the running service does. */

/**
 * The shared place a binding stands for: `import { registry } from './state'` is `registry` of that module;
 * `const server = Server.getInstance()` (no arguments, a relative import) is what that getter returns. Null for
 * anything else: a binding the file makes itself is its own.
 */
export function sharedPlaceOf(facts: FileFacts, filename: string, variable: Scope.Variable): SharedPlace | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0];
  if (def.type === 'ImportBinding' || (def.type === 'Variable' && def.node.id.type === T.ObjectPattern)) {
    const imported = facts.imports.ofVariable(variable);
    if (!imported || imported.typeOnly || !imported.source.startsWith('.')) return null;
    const file = resolveImport(filename, imported.source);
    return file && imported.path.length > 0 ? { file, path: imported.path } : null;
  }
  if (def.type !== 'Variable' || def.node.id.type !== T.Identifier || def.node.parent?.kind !== 'const') return null;
  let value = def.node.init ? unwrap(def.node.init) : null;
  if (value?.type === T.AwaitExpression) value = unwrap(value.argument);
  if (value?.type !== T.CallExpression || value.arguments.length > 0) return null;
  const callee = unwrap(value.callee);
  if (callee.type !== T.MemberExpression && callee.type !== T.Identifier) return null;
  const target = facts.imports.of(callee);
  if (!target || target.typeOnly || target.form === 'dynamic' || !target.source.startsWith('.')) return null;
  const file = resolveImport(filename, target.source);
  return file && target.path.length > 0 ? { file, path: [...target.path, '()'] } : null;
}

interface Removals {
  /** Receiver paths below the place (`monitorList`), and whether some removal there takes out one key. */
  paths: Map<string, boolean>;
  mtimes: Map<string, number>;
}

const removalsCache = new BoundedCache<string, Removals>({ entries: 2048, weight: 4 * 1024 * 1024 });

export function clearSharedRemovals(): void {
  removalsCache.clear();
}

/**
 * The receiver paths below `place` that code in a function of an importing file (not a test) removes entries from
 * (`delete server.monitorList[id]`, `registry.clear()`), with whether one key at a time. `self` is not read: its own
 * removals are seen by its own analysis.
 */
export function removedElsewhere(place: SharedPlace, self: string): ReadonlyMap<string, boolean> {
  const key = `${place.file}|${place.path.join('.')}|${self}`;
  const cached = removalsCache.get(key);
  if (cached && unchangedSince(cached.mtimes)) return cached.paths;
  const removals: Removals = { paths: new Map(), mtimes: new Map() };
  const importers = importersMatching(place.file, SHARED_REMOVAL_LIMITS.files + 1, REMOVAL_TEXT);
  for (const importer of importers) {
    if (importer === self || isTestFile(importer)) continue;
    const loaded = load(importer);
    if (!loaded) continue;
    removals.mtimes.set(importer, loaded.mtimeMs);
    const facts = loaded.file ? factsOf(loaded.file) : null;
    if (facts) collectRemovals(facts, importer, place, removals.paths);
  }
  removalsCache.set(key, removals, 256 + removals.paths.size * 64 + removals.mtimes.size * 128);
  return removals.paths;
}

function collectRemovals(facts: FileFacts, filename: string, place: SharedPlace, into: Map<string, boolean>): void {
  for (const scope of facts.file.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables as Scope.Variable[]) {
      if (variable.references.length === 0) continue;
      const other = sharedPlaceOf(facts, filename, variable);
      if (!other || other.file !== place.file || other.path.join('.') !== place.path.join('.')) continue;
      for (const reference of variable.references) {
        if (reference.init) continue;
        const removal = removalAt(reference.identifier);
        if (removal) into.set(removal.path, (into.get(removal.path) ?? false) || removal.keyed);
      }
    }
  }
}

/** `delete x.a[k]`, `x.a.delete(k)`, `x.a.clear()` from the identifier `x`, inside a function: path `a`. */
function removalAt(identifier: TSESTree.Node): { path: string; keyed: boolean } | null {
  if (!enclosingFunction(identifier)) return null;
  const path: string[] = [];
  let node: TSESTree.Node = identifier;
  for (;;) {
    const { parent, child } = valueParent(node);
    if (parent?.type !== T.MemberExpression || parent.object !== child) break;
    path.push(staticPropertyName(parent) ?? '[]');
    node = parent;
  }
  const { parent, child } = valueParent(node);
  if (path.length === 0 || !parent) return null;
  if (parent.type === T.UnaryExpression && parent.operator === 'delete')
    return { path: path.slice(0, -1).join('.'), keyed: path[path.length - 1] === '[]' };
  if (parent.type === T.CallExpression && parent.callee === child && REMOVING_METHODS.has(path[path.length - 1])) {
    const method = path[path.length - 1];
    return { path: path.slice(0, -1).join('.'), keyed: method === 'delete' && parent.arguments.length > 0 };
  }
  return null;
}
