// The file context every stage reads: the parsed file and its facts, settings, type information, the handlers,
// which code runs per request, module state and request data. Built once per file by analyze().
import type { FileFacts, ModuleScopes, ParsedFile } from './file/index.js';
import type { ResolvedSettings } from './settings.js';
import type { Reachability } from './state/reachability.js';
import type { ModuleState } from './state/module-state.js';
import type { RequestData } from './state/request-data.js';
import type { TypeOracle } from './type-aware.js';
import type { Handler } from './types.js';

/** What is known before anything is decided about handlers. */
export interface BaseContext {
  readonly file: ParsedFile;
  /** The file's path as ESLint gave it (absolute for real files, `<input>` or a bare name for lintText). */
  readonly filename: string;
  readonly facts: FileFacts;
  readonly scopes: ModuleScopes;
  readonly settings: ResolvedSettings;
  /** Type information, when the settings ask for it and the file has a program. */
  readonly oracle: TypeOracle | null;
}

/** The handlers and which code they reach at request time. */
export interface ReachContext extends BaseContext {
  readonly handlers: readonly Handler[];
  readonly reach: Reachability;
}

/** Everything the write, classification, cross-file and leak stages read. */
export interface FileContext extends ReachContext {
  readonly state: ModuleState;
  readonly requestData: RequestData;
}
