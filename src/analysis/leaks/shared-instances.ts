// Module-scope instances of libraries whose state must be per request on the server (the rows of
// SSR_INSTANCE_TABLE), reached from request-time or server-rendered code: handed to a provider or a hook during
// render, written by a request-time call, or returned from a function that runs per request.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import type { FileContext } from '../context.js';
import { isFunctionNode, staticPropertyName, unwrap, valueParent } from '../file/ast.js';
import type { FileFacts } from '../file/index.js';
import { moduleValue, samePath, type ImportTarget } from '../file/imports.js';
import { initializerOf } from '../file/scopes.js';
import { loadModule } from '../state/cross-file.js';
import type { RequestContext } from '../state/reachability.js';
import type { FunctionNode, Handler } from '../types.js';
import { SSR_INSTANCE_TABLE, type InstanceArgument, type SsrInstanceRow } from './ssr-tables.js';

export { SSR_INSTANCE_TABLE, type SsrInstanceRow };

/** What the stage reads of a file: its facts, which code runs per request, and which values are request data. */
export type InstanceContext = Pick<FileContext, 'facts' | 'scopes' | 'reach' | 'requestData'>;

/** The cross-file answers the stage can use (the analysis injects them; summaries and tests leave them out). */
export interface InstanceLinks {
  /** The row of an instance another module of the project exports (`import { queryClient } from '@/lib/query'`). */
  importedRow?(variable: Scope.Variable): SsrInstanceRow | null;
  /**
   * The row of what a call into another module of the project makes (`api.register('/v1')` where that module's
   * `register` returns `axios.create(…)`), when the call's callee is imported from the project.
   */
  calledRow?(call: TSESTree.CallExpression): SsrInstanceRow | null;
  /** Rows of instances this file makes through project modules (its module-level `calledRow` products). */
  linkedRows?: readonly SsrInstanceRow[];
  /**
   * What a project function imported as `variable` writes into a library's process-wide instance with what it is
   * called with (`setLocale(x)` where that module's `setLocale` calls the generated runtime's `setLocale`).
   */
  wrappedWriter?(variable: Scope.Variable): WrappedWriter | null;
}

/** A project function that hands its arguments to a writer of a library's own process-wide instance. */
export interface WrappedWriter {
  row: SsrInstanceRow;
  /** The library's writer it calls: `setLocale`. */
  method: string;
}

/** How request-time code reaches an instance. */
export type InstanceReach = 'provider' | 'handover' | 'write' | 'return';

/** One place where server-rendered or request-time code reaches a shared instance. */
export interface ReachSite {
  node: TSESTree.Node;
  reach: InstanceReach;
  /** In words, for messages: `QueryClientProvider`, `prefetchQuery()`, `defaults` assignment, `getRouter()`. */
  how: string;
  handler: Handler;
  via: string[];
  /** The file the request-time code is in, when it is not this one (relative to this file). */
  file?: string;
}

/** A shared instance reported once: at its declaration when this file declares it, else at the reach site. */
export interface SharedInstanceLeak {
  /** Where the report lands. */
  node: TSESTree.Node;
  row: SsrInstanceRow;
  /** The instance as written: `queryClient`, `i18next`, `getGlobalScope()`. */
  name: string;
  /** Declared in this file (the report is at the declaration), or reached here (the report is at the use). */
  declared: boolean;
  /** The first place it is reached, and how many more there are. */
  site: ReachSite;
  others: number;
}

/** A value that is (or may be) one instance for the whole process. */
interface Instance {
  key: unknown;
  row: SsrInstanceRow | null;
  name: string;
  /** The declarator to report at, when this file makes the instance. */
  declaration: TSESTree.Node | null;
  /** The import binding of a library's own instance. */
  variable?: Scope.Variable;
}

const MAX_DEPTH = 6;
const REACT_CONTEXT_SOURCES = ['react', 'preact', 'preact/compat', 'solid-js'];

/** The rows whose libraries a file imports. */
export function rowsFor(facts: FileFacts, table: readonly SsrInstanceRow[] = SSR_INSTANCE_TABLE): SsrInstanceRow[] {
  // Asked by several stages of one file, and of imported modules again: the table's answer is read once per file.
  let byTable = rowsMemo.get(facts);
  if (!byTable) rowsMemo.set(facts, (byTable = new Map<readonly SsrInstanceRow[], readonly SsrInstanceRow[]>()));
  let rows = byTable.get(table);
  if (!rows) {
    const sources = [...facts.imports.sources];
    rows = table.filter(
      (row) =>
        facts.imports.importsAny(rowSources(row)) ||
        (row.generatedSources !== undefined && sources.some((source) => hasSource(row, source))),
    );
    byTable.set(table, rows);
  }
  return [...rows];
}

const rowsMemo = new WeakMap<FileFacts, Map<readonly SsrInstanceRow[], readonly SsrInstanceRow[]>>();

/** One of the row's sources, or a module its build generates into the project. */
export function hasSource(row: SsrInstanceRow, source: string): boolean {
  return row.sources.includes(source) || (row.generatedSources?.test(source) ?? false);
}

/** The shared instances of one file, reached from its own request-time code. */
export function findLocalSharedInstances(
  ctx: InstanceContext,
  links: InstanceLinks = {},
  table: readonly SsrInstanceRow[] = SSR_INSTANCE_TABLE,
): SharedInstanceLeak[] {
  const rows = rowsFor(ctx.facts, table);
  // A file that makes instances only through a project module's factory imports none of the library's sources.
  for (const row of links.linkedRows ?? []) if (!rows.includes(row)) rows.push(row);
  if (rows.length === 0 && !links.wrappedWriter) return [];
  return new InstanceFinder(ctx, rows, links).find();
}

/**
 * The file calls one of the row's `isolatedBy` functions (`overwriteServerAsyncLocalStorage(storage)`), which makes
 * the library's process-wide state per request from then on.
 */
export function isolatedIn(facts: FileFacts, row: SsrInstanceRow): boolean {
  const names = row.isolatedBy ?? [];
  if (names.length === 0) return false;
  return facts.callsNamed(...names).some((call) => {
    const imported = facts.imports.moduleValueOf(call.callee);
    return !!imported && hasSource(row, imported.source) && names.includes(imported.path[imported.path.length - 1]);
  });
}

function rowSources(row: SsrInstanceRow): readonly string[] {
  let sources = rowSourcesMemo.get(row);
  if (!sources) {
    sources = [
      ...row.sources,
      ...row.providers.flatMap((provider) => provider.sources ?? []),
      ...(row.writerFunctions ?? []).flatMap((entry) => entry.sources ?? []),
      ...(row.handovers ?? []).flatMap((entry) => entry.sources ?? []),
    ];
    rowSourcesMemo.set(row, sources);
  }
  return sources;
}

const rowSourcesMemo = new WeakMap<SsrInstanceRow, readonly string[]>();

/**
 * What makes an instance of a row in one file: `new QueryClient()`, `configureStore(…)`, `axios.create()`, and
 * local factories that return one.
 */
export class InstanceMakers {
  constructor(
    private readonly facts: FileFacts,
    private readonly rows: readonly SsrInstanceRow[],
    private readonly links: InstanceLinks = {},
  ) {}

  /**
   * The row whose maker makes this value: `new QueryClient()`, `configureStore(…)`, `axios.create()`,
   * `makeQueryClient()` (a local function that returns one), `globalThis.x ?? new QueryClient()`.
   */
  productOf(node: TSESTree.Node, depth = 0): SsrInstanceRow | null {
    if (depth > MAX_DEPTH) return null;
    const value = unwrap(node);
    switch (value.type) {
      case T.AwaitExpression:
        return value.argument ? this.productOf(value.argument, depth + 1) : null;
      case T.ConditionalExpression:
        return this.productOf(value.consequent, depth + 1) ?? this.productOf(value.alternate, depth + 1);
      case T.LogicalExpression:
        return this.productOf(value.right, depth + 1) ?? this.productOf(value.left, depth + 1);
      case T.NewExpression:
      case T.CallExpression: {
        const row = this.makerRow(value);
        if (row) return row;
        // `i18next.use(initReactI18next).init(…)` is not a maker; a local factory is followed once.
        if (value.type !== T.CallExpression) return null;
        const callee = unwrap(value.callee);
        const fn = callee.type === T.Identifier ? this.facts.functionOf(callee) : null;
        if (fn) return this.returnedProduct(fn, depth + 1);
        return this.links.calledRow?.(value) ?? null;
      }
      default:
        return null;
    }
  }

  /** The row of what `fn` returns, when it returns a row's product. */
  returnedProduct(fn: FunctionNode, depth = 0): SsrInstanceRow | null {
    if (fn.body.type !== T.BlockStatement) return this.productOf(fn.body, depth);
    for (const statement of this.facts.returnsOf(fn)) {
      const row = statement.argument ? this.productOf(statement.argument, depth) : null;
      if (row) return row;
    }
    return null;
  }

  private makerRow(node: TSESTree.NewExpression | TSESTree.CallExpression): SsrInstanceRow | null {
    const imported = this.facts.imports.moduleValueOf(node.callee);
    if (!imported || imported.typeOnly || imported.path.length !== 1) return null;
    const name = imported.path[0];
    const isNew = node.type === T.NewExpression;
    for (const row of this.rows) {
      if (!hasSource(row, imported.source)) continue;
      const made = row.makers.some((maker) =>
        'new' in maker ? isNew && maker.new === name : !isNew && maker.call === name && maker.setter === undefined,
      );
      if (made) return row;
    }
    return null;
  }
}

export class InstanceFinder {
  private readonly facts: FileFacts;
  private readonly makers: InstanceMakers;
  private readonly reached = new Map<unknown, { instance: Instance; sites: ReachSite[] }>();
  private readonly seenSites = new Set<TSESTree.Node>();

  private readonly rows: readonly SsrInstanceRow[];

  constructor(
    private readonly ctx: InstanceContext,
    rows: readonly SsrInstanceRow[],
    private readonly links: InstanceLinks = {},
  ) {
    this.facts = ctx.facts;
    this.rows = rows.filter((row) => !isolatedIn(ctx.facts, row));
    this.makers = new InstanceMakers(ctx.facts, this.rows, links);
  }

  /** The module variables of this file that hold an instance it makes, with the row. */
  localInstances(): Array<{ variable: Scope.Variable; row: SsrInstanceRow; declaration: TSESTree.Node }> {
    const result: Array<{ variable: Scope.Variable; row: SsrInstanceRow; declaration: TSESTree.Node }> = [];
    for (const variable of this.ctx.scopes.module.variables as Scope.Variable[]) {
      const instance = this.localInstance(variable);
      if (instance?.row && instance.declaration)
        result.push({ variable, row: instance.row, declaration: instance.declaration });
    }
    return result;
  }

  /** How request-time code reaches the instance of `row` at `node` (a reference or a member naming it), if it does. */
  siteOf(node: TSESTree.Node, row: SsrInstanceRow): ReachSite | null {
    const instance: Instance = { key: node, row, name: '', declaration: null };
    const context = this.ctx.reach.contextOf(node);
    if (!context) return null;
    return (
      this.providerSite(node, instance, context)?.site ??
      this.handoverSite(node, instance, context) ??
      this.writeSite(node, instance, context) ??
      this.returnSite(node, instance, context)
    );
  }

  find(): SharedInstanceLeak[] {
    for (const variable of this.ctx.scopes.module.variables as Scope.Variable[]) {
      const instance = this.localInstance(variable) ?? this.importedInstance(variable);
      if (instance && !instance.row && !instance.declaration && this.classifyWrappedWriter(variable)) continue;
      if (instance) {
        for (const reference of variable.references) {
          if (reference.init) continue;
          this.classify(reference.identifier, instance);
        }
        continue;
      }
      const setter = this.setterInstance(variable);
      if (setter) {
        for (const reference of variable.references) this.classifySetterCall(reference.identifier, setter);
        continue;
      }
      this.classifyGlobalFunction(variable);
    }
    this.classifyGetters();
    const leaks: SharedInstanceLeak[] = [];
    for (const { instance, sites } of this.reached.values()) {
      if (!instance.row || sites.length === 0) continue;
      sites.sort((a, b) => a.node.range[0] - b.node.range[0]);
      if (instance.row.sharingIsSafe) {
        for (const site of sites)
          if (site.reach === 'write')
            leaks.push({ node: site.node, row: instance.row, name: instance.name, declared: false, site, others: 0 });
        continue;
      }
      // The library's own instance set up at module scope (`i18n.use(initReactI18next).init(…)`): that set-up is
      // where the file makes it the one everybody shares, so handing it over is reported there.
      const setup = instance.declaration ? null : this.moduleSetup(instance, sites);
      if (setup) {
        leaks.push({
          node: setup,
          row: instance.row,
          name: instance.name,
          declared: true,
          site: sites.find((s) => s.reach !== 'write') ?? sites[0],
          others: sites.length - 1,
        });
        for (const site of sites)
          if (site.reach === 'write')
            leaks.push({ node: site.node, row: instance.row, name: instance.name, declared: false, site, others: 0 });
      } else if (instance.declaration) {
        leaks.push({
          node: instance.declaration,
          row: instance.row,
          name: instance.name,
          declared: true,
          site: sites[0],
          others: sites.length - 1,
        });
      } else {
        for (const site of sites) {
          leaks.push({ node: site.node, row: instance.row, name: instance.name, declared: false, site, others: 0 });
        }
      }
    }
    return leaks.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  /** A module-level writer call on a global instance (`i18n.init(…)` at the top of the file), when it is handed over. */
  private moduleSetup(instance: Instance, sites: readonly ReachSite[]): TSESTree.Node | null {
    const { row, variable } = instance;
    if (!row || !variable || sites.every((site) => site.reach === 'write')) return null;
    for (const reference of variable.references) {
      const identifier = reference.identifier as TSESTree.Node;
      if (enclosingFunctionOf(identifier)) continue;
      const write = this.memberWrite(identifier, row, false);
      if (write) return write.node;
    }
    return null;
  }

  // ---- what is an instance ------------------------------------------------------------------------------

  /** `const queryClient = new QueryClient()`, `let client; … client = createClient(…)` (outside browser-only code). */
  private localInstance(variable: Scope.Variable): Instance | null {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def.type !== 'Variable') return null;
    const declarator = def.node;
    if (declarator.id.type !== T.Identifier) return null;
    const values: TSESTree.Node[] = [];
    if (declarator.init) values.push(declarator.init);
    for (const reference of variable.references) {
      if (reference.init || !reference.isWrite() || !reference.writeExpr) continue;
      if (this.ctx.reach.clientOnly.isClientOnlyUse(reference.identifier)) continue;
      values.push(reference.writeExpr);
    }
    for (const value of values) {
      const row = this.makers.productOf(value);
      if (row) return { key: variable, row, name: variable.name, declaration: declarator };
    }
    return null;
  }

  /** The library's own instance (`import i18next from 'i18next'`), or a binding from one of the project's modules. */
  private importedInstance(variable: Scope.Variable): Instance | null {
    const imported = this.facts.imports.ofVariable(variable);
    if (!imported || imported.typeOnly) return null;
    const target = moduleValueFolded(imported);
    for (const row of this.rows) {
      if (!hasSource(row, target.source)) continue;
      if (row.globals?.exports?.some((path) => samePath(path, target.path))) {
        return {
          key: `global:${row.id}:${target.path.join('.')}`,
          row,
          name: variable.name,
          declaration: null,
          variable,
        };
      }
    }
    // A module a library generates into the project is the library's, not one of the project's instances.
    if (this.rows.some((row) => hasSource(row, target.source))) return null;
    // `import { queryClient } from '@/lib/query'` (or the module's default export, `import client from
    // '../lib/apollo'`): one module's value, the same object for every importer.
    const defaultExport = target.path.length === 0 && imported.path[0] === 'default';
    if (isProjectModule(target.source) && (target.path.length === 1 || defaultExport)) {
      const row = this.links.importedRow?.(variable) ?? null;
      return { key: variable, row, name: variable.name, declaration: null };
    }
    return null;
  }

  /** `const [count, setCount] = createSignal(0)` at module scope: `setCount` writes a process-wide signal. */
  private setterInstance(variable: Scope.Variable): Instance | null {
    const def = variable.defs[0];
    if (variable.defs.length !== 1 || def.type !== 'Variable') return null;
    const declarator = def.node;
    if (declarator.id.type !== T.ArrayPattern || !declarator.init) return null;
    const index = declarator.id.elements.findIndex(
      (element) => element?.type === T.Identifier && element.name === variable.name,
    );
    const init = unwrap(declarator.init);
    if (index < 0 || init.type !== T.CallExpression) return null;
    const imported = this.facts.imports.moduleValueOf(init.callee);
    if (!imported || imported.path.length !== 1) return null;
    for (const row of this.rows) {
      if (!hasSource(row, imported.source)) continue;
      const maker = row.makers.find(
        (each) => 'call' in each && each.call === imported.path[0] && each.setter === index,
      );
      if (maker) {
        const first = declarator.id.elements[0];
        const name = first?.type === T.Identifier ? first.name : variable.name;
        return { key: declarator, row, name, declaration: declarator };
      }
    }
    return null;
  }

  // ---- how request-time code reaches it ------------------------------------------------------------------

  private classify(reference: TSESTree.Node, instance: Instance): void {
    const context = this.ctx.reach.contextOf(reference);
    if (!context) return;
    const provided = this.providerSite(reference, instance, context);
    if (provided) {
      this.record(instance.row ? instance : { ...instance, row: provided.row }, provided.site);
      return;
    }
    const site =
      this.handoverSite(reference, instance, context) ??
      this.writeSite(reference, instance, context) ??
      this.returnSite(reference, instance, context);
    if (site) this.record(instance, site);
  }

  private record(instance: Instance, site: ReachSite): void {
    if (this.seenSites.has(site.node)) return;
    // Reached from an importer that makes the library's state per request (it registers an AsyncLocalStorage with
    // the runtime before it calls in): the write is isolated there.
    const origin = site.handler.reachedFrom?.file;
    const importer = origin && instance.row?.isolatedBy?.length ? loadModule(origin) : null;
    if (importer && instance.row && isolatedIn(importer.facts, instance.row)) return;
    this.seenSites.add(site.node);
    const entry = this.reached.get(instance.key);
    if (entry) {
      entry.sites.push(site);
      if (!entry.instance.row && instance.row) entry.instance = instance;
    } else {
      this.reached.set(instance.key, { instance, sites: [site] });
    }
  }

  /** `<QueryClientProvider client={queryClient}>`, `<trpc.Provider queryClient={…}>`, `<Ctx.Provider value={store}>`. */
  private providerSite(
    reference: TSESTree.Node,
    instance: Instance,
    context: RequestContext,
  ): { site: ReachSite; row: SsrInstanceRow } | null {
    const { parent } = valueParent(reference);
    if (parent?.type !== T.JSXExpressionContainer || parent.parent?.type !== T.JSXAttribute) return null;
    const attribute = parent.parent;
    const element = attribute.parent;
    if (element?.type !== T.JSXOpeningElement || attribute.name.type !== T.JSXIdentifier) return null;
    const prop = attribute.name.name;
    const component = this.componentOf(element.name);
    if (!component) return null;
    const candidates = instance.row ? [instance.row] : this.rows;
    for (const row of candidates) {
      const matches = row.providers.some(
        (provider) =>
          provider.props.includes(prop) &&
          (provider.component === '*.Provider'
            ? component.member === 'Provider'
            : component.import !== null &&
              component.import.path.length === 1 &&
              component.import.path[0] === provider.component &&
              (provider.sources ?? row.sources).includes(component.import.source)),
      );
      if (matches) {
        return {
          site: { node: attribute, reach: 'provider', how: `\`<${component.text} ${prop}>\``, ...context },
          row,
        };
      }
    }
    // A React context made with createContext(): the instance becomes what every consumer in the tree reads.
    if (instance.row && prop === 'value' && component.isContext) {
      return {
        site: { node: attribute, reach: 'provider', how: `\`<${component.text} value>\``, ...context },
        row: instance.row,
      };
    }
    return null;
  }

  private componentOf(
    name: TSESTree.JSXTagNameExpression,
  ): { import: ImportTarget | null; member: string | null; text: string; isContext: boolean } | null {
    if (name.type === T.JSXIdentifier) {
      const variable = this.facts.variableOf(name as unknown as TSESTree.Identifier);
      const imported = variable ? this.facts.imports.ofVariable(variable) : null;
      return {
        import: imported ? moduleValueFolded(imported) : null,
        member: null,
        text: name.name,
        isContext: variable ? this.isContext(variable) : false,
      };
    }
    if (name.type === T.JSXMemberExpression) {
      const object = name.object;
      const text = `${object.type === T.JSXIdentifier ? object.name : '…'}.${name.property.name}`;
      let isContext = false;
      let imported: ImportTarget | null = null;
      if (object.type === T.JSXIdentifier) {
        const variable = this.facts.variableOf(object as unknown as TSESTree.Identifier);
        isContext = variable ? this.isContext(variable) : false;
        const base = variable ? this.facts.imports.ofVariable(variable) : null;
        if (base) imported = moduleValueFolded({ ...base, path: [...base.path, name.property.name] });
      }
      return {
        import: imported,
        member: name.property.name,
        text,
        isContext: isContext && name.property.name === 'Provider',
      };
    }
    return null;
  }

  /** `const Ctx = createContext(…)` (React, Preact, Solid). */
  private isContext(variable: Scope.Variable): boolean {
    const init = initializerOf(variable);
    const value = init ? unwrap(init) : null;
    if (value?.type !== T.CallExpression) return false;
    const imported = this.facts.imports.moduleValueOf(value.callee);
    return !!imported && REACT_CONTEXT_SOURCES.includes(imported.source) && samePath(imported.path, ['createContext']);
  }

  /** `useQuery(options, queryClient)`, `createQuery(…, () => queryClient)` is caught as a return. */
  private handoverSite(reference: TSESTree.Node, instance: Instance, context: RequestContext): ReachSite | null {
    if (!instance.row) return null;
    const call = this.argumentOf(reference, instance.row.handovers ?? [], instance.row);
    if (call) return { node: call.call, reach: 'handover', how: `\`${call.name}()\``, ...context };
    return this.installSite(reference, instance.row, context);
  }

  /** `app.use(pinia)`: a method of any receiver that installs the instance into what request-time code builds. */
  private installSite(reference: TSESTree.Node, row: SsrInstanceRow, context: RequestContext): ReachSite | null {
    if (!row.installers?.length) return null;
    const { parent, child } = valueParent(reference);
    if (parent?.type !== T.CallExpression || parent.arguments[0] !== child) return null;
    const callee = unwrap(parent.callee);
    const method = callee.type === T.MemberExpression ? staticPropertyName(callee) : null;
    if (method === null || !row.installers.includes(method)) return null;
    return { node: parent, reach: 'handover', how: `\`${method}()\``, ...context };
  }

  private argumentOf(
    reference: TSESTree.Node,
    entries: readonly InstanceArgument[],
    row: SsrInstanceRow,
  ): { call: TSESTree.CallExpression; name: string } | null {
    const { parent, child } = valueParent(reference);
    if (parent?.type !== T.CallExpression) return null;
    const index = parent.arguments.indexOf(child as TSESTree.CallExpressionArgument);
    if (index < 0) return null;
    const imported = this.facts.imports.moduleValueOf(parent.callee);
    if (!imported || imported.path.length !== 1) return null;
    const name = imported.path[0];
    const entry = entries.find(
      (each) =>
        each.name === name && each.argument === index && (each.sources ?? row.sources).includes(imported.source),
    );
    return entry ? { call: parent, name } : null;
  }

  /**
   * `queryClient.prefetchQuery(…)`, `i18next.use(plugin).init({ lng })`, `store.getState().setUser(u)`,
   * `api.defaults.headers.common.Authorization = token`, `hydrate(queryClient, state)`.
   */
  private writeSite(reference: TSESTree.Node, instance: Instance, context: RequestContext): ReachSite | null {
    const rows = instance.row ? [instance.row] : [];
    for (const row of rows) {
      const functionCall = this.argumentOf(reference, row.writerFunctions ?? [], row);
      if (functionCall && this.carriesRequest(row, functionCall.call.arguments)) {
        return { node: functionCall.call, reach: 'write', how: `\`${functionCall.name}()\``, ...context };
      }
      const write = this.memberWrite(reference, row);
      if (write) return { ...write, reach: 'write', ...context };
    }
    return null;
  }

  private memberWrite(
    reference: TSESTree.Node,
    row: SsrInstanceRow,
    needRequest = true,
  ): { node: TSESTree.Node; how: string } | null {
    const carries = (values: readonly TSESTree.Node[]) => !needRequest || this.carriesRequest(row, values);
    let node = reference;
    let path: string[] = [];
    let afterGetState = false;
    const anyProperty = (row.writtenProperties ?? []).includes('*');
    for (let depth = 0; depth < MAX_DEPTH * 2; depth++) {
      const { parent, child } = valueParent(node);
      if (parent?.type === T.MemberExpression && parent.object === child) {
        path.push(staticPropertyName(parent) ?? '[]');
        node = parent;
        continue;
      }
      if (parent?.type === T.CallExpression && parent.callee === child) {
        const method = path.join('.');
        // Below a `*` row (a Vue `reactive()` object) a mutating method anywhere writes it: `state.items.push(x)`.
        const nested = anyProperty && path.length > 1 && row.writers.includes(path[path.length - 1]);
        if (
          (row.writers.includes(method) || nested || (afterGetState && path.length === 1)) &&
          carries(parent.arguments)
        ) {
          return { node: parent, how: `\`${afterGetState ? `getState().${method}` : method}()\`` };
        }
        // Chainable setup (`i18next.use(plugin)` returns the instance) and `getState()` keep following.
        if (
          path.length === 1 &&
          (path[0] === 'use' || (path[0] === 'getState' && row.writers.includes('getState().*')))
        ) {
          afterGetState = path[0] === 'getState';
          path = [];
          node = parent;
          continue;
        }
        return null;
      }
      const written = path[0] !== undefined && (anyProperty || (row.writtenProperties ?? []).includes(path[0]));
      if (!written) return null;
      if (parent?.type === T.AssignmentExpression && parent.left === child) {
        return carries([parent.right]) ? { node: parent, how: `assignment to \`${path.join('.')}\`` } : null;
      }
      // `count.value++` carries no request data of its own; it counts as a write where any write does.
      if (parent?.type === T.UpdateExpression) {
        return carries([]) ? { node: parent, how: `\`${parent.operator}\` on \`${path.join('.')}\`` } : null;
      }
      if (parent?.type === T.CallExpression && parent.arguments[0] === child && this.isObjectAssign(parent)) {
        return carries(parent.arguments.slice(1))
          ? { node: parent, how: `\`Object.assign()\` on \`${path.join('.')}\`` }
          : null;
      }
      return null;
    }
    return null;
  }

  private isObjectAssign(call: TSESTree.CallExpression): boolean {
    const callee = unwrap(call.callee);
    return (
      callee.type === T.MemberExpression &&
      unwrap(callee.object).type === T.Identifier &&
      (unwrap(callee.object) as TSESTree.Identifier).name === 'Object' &&
      staticPropertyName(callee) === 'assign'
    );
  }

  private carriesRequest(row: SsrInstanceRow, values: readonly TSESTree.Node[]): boolean {
    return !row.writesNeedRequestData || values.some((value) => this.ctx.requestData.isRequestDerived(value));
  }

  /** `return queryClient`, `return createRouter({ context: { queryClient } })`, `() => ({ queryClient })`. */
  private returnSite(reference: TSESTree.Node, instance: Instance, context: RequestContext): ReachSite | null {
    if (!instance.row) return null;
    let node = reference;
    for (let depth = 0; depth < MAX_DEPTH * 2; depth++) {
      const { parent, child } = valueParent(node);
      if (!parent) return null;
      switch (parent.type) {
        case T.ReturnStatement: {
          const fn = enclosingFunctionOf(parent);
          return fn ? this.returned(parent, fn, context) : null;
        }
        case T.ArrowFunctionExpression:
          return parent.body === child ? this.returned(child, parent, context) : null;
        case T.Property:
          if (parent.value !== child) return null;
          node = parent.parent;
          continue;
        case T.ArrayExpression:
        case T.SpreadElement:
        case T.AwaitExpression:
        case T.ObjectExpression:
          node = parent;
          continue;
        case T.ConditionalExpression:
          if (parent.test === child) return null;
          node = parent;
          continue;
        case T.LogicalExpression:
          node = parent;
          continue;
        case T.CallExpression:
        case T.NewExpression:
          if (parent.callee === child) return null;
          node = parent;
          continue;
        default:
          return null;
      }
    }
    return null;
  }

  private returned(node: TSESTree.Node, fn: FunctionNode, context: RequestContext): ReachSite | null {
    if (!this.ctx.reach.contextOf(node)) return null;
    const name = functionLabel(fn) ?? context.handler.name;
    return { node, reach: 'return', how: `\`${name}()\``, ...context };
  }

  /** `import { changeLanguage } from 'i18next'`: calls of a writer bound to the library's own instance. */
  private classifyGlobalFunction(variable: Scope.Variable): void {
    const imported = this.facts.imports.ofVariable(variable);
    if (!imported || imported.typeOnly) return;
    const target = moduleValueFolded(imported);
    for (const row of this.rows) {
      if (!hasSource(row, target.source)) continue;
      for (const global of row.globals?.exports ?? []) {
        if (target.path.length !== global.length + 1 || !samePath(target.path.slice(0, -1), global)) continue;
        const method = target.path[target.path.length - 1];
        if (!row.writers.includes(method)) continue;
        const instance: Instance = {
          key: `global:${row.id}:${global.join('.')}`,
          row,
          name: global.length ? global.join('.') : row.instance,
          declaration: null,
        };
        for (const reference of variable.references) {
          const { parent, child } = valueParent(reference.identifier);
          if (
            parent?.type !== T.CallExpression ||
            parent.callee !== child ||
            !this.carriesRequest(row, parent.arguments)
          )
            continue;
          const context = this.ctx.reach.contextOf(parent);
          if (context) this.record(instance, { node: parent, reach: 'write', how: `\`${method}()\``, ...context });
        }
      }
    }
  }

  /**
   * `setLocale(cookie)` where `setLocale` is a project function that hands its argument to the library's own
   * writer: each request-time call that carries request data writes the process-wide instance.
   */
  private classifyWrappedWriter(variable: Scope.Variable): boolean {
    // Only a name called at request time is worth reading the module it comes from.
    const calls: TSESTree.CallExpression[] = [];
    for (const reference of variable.references) {
      const { parent, child } = valueParent(reference.identifier);
      if (parent?.type === T.CallExpression && parent.callee === child && this.ctx.reach.contextOf(parent))
        calls.push(parent);
    }
    if (calls.length === 0) return false;
    const wrapped = this.links.wrappedWriter?.(variable) ?? null;
    if (!wrapped || isolatedIn(this.facts, wrapped.row)) return false;
    const { row } = wrapped;
    const instance: Instance = { key: `global:${row.id}:`, row, name: row.instance, declaration: null };
    for (const call of calls) {
      if (!this.carriesRequest(row, call.arguments)) continue;
      const context = this.ctx.reach.contextOf(call);
      if (context) this.record(instance, { node: call, reach: 'write', how: `\`${variable.name}()\``, ...context });
    }
    return true;
  }

  /** `getDefaultStore().set(…)`, `Sentry.getGlobalScope().setUser(…)`: getters of the one process-wide instance. */
  private classifyGetters(): void {
    for (const row of this.rows) {
      for (const getter of row.globals?.getters ?? []) {
        for (const call of this.facts.callsNamed(getter)) {
          if (call.arguments.length > 0) continue;
          const imported = this.facts.imports.moduleValueOf(call.callee);
          if (!imported || !hasSource(row, imported.source) || !samePath(imported.path, [getter])) continue;
          const context = this.ctx.reach.contextOf(call);
          if (!context) continue;
          const instance: Instance = { key: `getter:${row.id}:${getter}`, row, name: `${getter}()`, declaration: null };
          const site =
            this.writeSite(call, instance, context) ??
            this.providerSite(call, instance, context)?.site ??
            this.handoverSite(call, instance, context);
          if (site) this.record(instance, site);
        }
      }
    }
  }

  /** `setCount(x)` for a module-level `createSignal`. */
  private classifySetterCall(reference: TSESTree.Node, instance: Instance): void {
    const { parent, child } = valueParent(reference);
    if (parent?.type !== T.CallExpression || parent.callee !== child) return;
    const context = this.ctx.reach.contextOf(parent);
    const name = (reference as TSESTree.Identifier).name;
    if (context) this.record(instance, { node: parent, reach: 'write', how: `\`${name}()\``, ...context });
  }
}

function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) return current;
  return null;
}

function functionLabel(fn: FunctionNode): string | null {
  if (fn.type !== T.ArrowFunctionExpression && fn.id) return fn.id.name;
  const { parent } = valueParent(fn);
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (parent?.type === T.Property || parent?.type === T.MethodDefinition) return staticPropertyName(parent);
  return null;
}

function moduleValueFolded(target: ImportTarget): ImportTarget {
  return moduleValue(target) ?? target;
}

/** A relative import or a path alias (`@/lib/query`, `~/utils`, SvelteKit's `$lib`), not a package. */
export function isProjectModule(source: string): boolean {
  return source.startsWith('.') || /^[@~#]\//u.test(source) || source.startsWith('~') || /^\$lib(?:\/|$)/u.test(source);
}
