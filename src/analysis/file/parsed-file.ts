// The narrow view of a parsed file the analysis reads: ESLint's SourceCode satisfies it, and so does a file the
// cross-file summariser parses itself.
import type { TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';

export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

export interface ParsedFile {
  readonly ast: TSESTree.Program;
  readonly text: string;
  readonly scopeManager: Scope.ScopeManager | null;
  readonly visitorKeys: VisitorKeys;
  getText(node?: TSESTree.Node): string;
  /**
   * ESLint's SourceCode: the steps of its traversal (`kind` 1 visits a node, `phase` 1 on entry), kept after the
   * linter's own pass. Absent for a file parsed outside ESLint.
   */
  traverse?(): Iterable<{ readonly kind: number; readonly phase?: number; readonly target: unknown }>;
}
