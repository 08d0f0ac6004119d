// References to global names (require, module, exports, process, globalThis, Deno, Bun, …): names the file uses
// without declaring them, and globals the config declares (they have a variable with no definition).
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { ParsedFile } from './parsed-file.js';
import { referenceIndex, type ModuleScopes } from './scopes.js';

/** Names under which the global object is reachable. */
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'global', 'window', 'self']);

/**
 * Properties of the global object that only a browser has: its page, navigation and storage objects
 * (`window.location.href = url` navigates). A server has none of them, so writing through one keeps nothing that
 * a later request could see.
 */
export const BROWSER_OWNED_GLOBALS: ReadonlySet<string> = new Set([
  'location',
  'document',
  'history',
  'localStorage',
  'sessionStorage',
]);

export class Globals {
  private byName: Map<string, TSESTree.Identifier[]> | null = null;
  private referenceList: Scope.Reference[] | null = null;

  constructor(
    private readonly file: ParsedFile,
    private readonly scopes: ModuleScopes,
  ) {}

  /** Every reference to a global name, unresolved or to a config global, in source order of the scope walk. */
  get references(): readonly Scope.Reference[] {
    if (this.referenceList) return this.referenceList;
    const list: Scope.Reference[] = [...this.scopes.global.through];
    for (const variable of this.scopes.global.variables) {
      if (variable.defs.length === 0) list.push(...variable.references);
    }
    this.referenceList = list;
    return list;
  }

  /** The identifiers that name the global `name` (`require`, `exports`, `process`). */
  referencesTo(name: string): readonly TSESTree.Identifier[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const reference of this.references) {
        const identifier = reference.identifier as TSESTree.Identifier;
        const list = this.byName.get(identifier.name);
        if (list) list.push(identifier);
        else this.byName.set(identifier.name, [identifier]);
      }
    }
    return this.byName.get(name) ?? [];
  }

  /** Is this identifier a reference to a global (not a local binding of the same name)? */
  isGlobal(identifier: TSESTree.Identifier): boolean {
    const reference = referenceIndex(this.file).get(identifier);
    if (!reference) return false;
    const variable = reference.resolved;
    return !variable || variable.defs.length === 0;
  }
}
