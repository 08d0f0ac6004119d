// Calls of a platform's imported functions, found through the facts layer: `routeLoader$(fn)` with
// `routeLoader$` from one of the given modules (named, namespace or default import, `require`); and the other way
// round, the calls that the project's importers make of a function this file exports.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { FileFacts } from '../../file/index.js';
import { importResolvesTo, importersOf } from '../../file/importers.js';
import { importedExportValue, loadModule } from '../../state/cross-file.js';
import { staticPropertyName, unwrap, valueParent } from '../../file/ast.js';
import { propertyValue } from '../../file/members.js';
import { returnsFunctions } from '../../file/products.js';
import { declaredVariables } from '../../file/scopes.js';
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

/** A function given to a call of an imported factory, which the factory's product runs per call of its own. */
export interface RunOption {
  fn: FunctionNode;
  /** The option's name (`run` of `makeHandler({ run })`), or null for a function passed as the argument itself. */
  option: string | null;
  factory: string;
}

/**
 * `makeHandler({ run: (event) => … })` with `makeHandler` exported by a relative module whose product calls
 * `options.run(event)` (or `run(event)` from a destructured parameter, or the parameter itself): the functions of
 * this file that the product runs, so they run whenever the product does. One module is read (the cross-file cache).
 */
export function optionsRunByImportedProduct(
  facts: FileFacts,
  filename: string,
  call: TSESTree.CallExpression,
): RunOption[] {
  const callee = unwrap(call.callee);
  if (callee.type !== T.Identifier || call.arguments.length === 0) return [];
  const variable = facts.variableOf(callee);
  const exported = variable ? importedExportValue(facts, variable, filename) : null;
  const factory = exported ? exported.facts.functionOf(exported.value) : null;
  if (!exported || !factory) return [];
  const products = returnsFunctions(exported.facts, factory);
  if (products.length === 0) return [];
  const inProduct = (node: TSESTree.Node) =>
    products.some((product) => product.range[0] <= node.range[0] && node.range[1] <= product.range[1]);
  const result: RunOption[] = [];
  factory.params.forEach((param, index) => {
    const argument = call.arguments[index];
    if (!argument || argument.type === T.SpreadElement) return;
    for (const { option, called } of calledParameterParts(exported.facts, factory, param)) {
      if (!called.some(inProduct)) continue;
      const value = option === null ? argument : optionValue(facts, argument, option);
      const fn = value ? facts.functionOf(value) : null;
      if (fn && !result.some((known) => known.fn === fn)) result.push({ fn, option, factory: callee.name });
    }
  });
  return result;
}

/**
 * The calls a factory makes of one parameter or its parts: `options(…)` (option null), `options.run(…)` (option
 * `run`), and `run(…)` for a destructured `{ run }`.
 */
function calledParameterParts(
  facts: FileFacts,
  factory: FunctionNode,
  param: TSESTree.Parameter,
): Array<{ option: string | null; called: TSESTree.Node[] }> {
  const target = param.type === T.AssignmentPattern ? param.left : param;
  const variables = declaredVariables(facts.file, factory);
  const referencesOf = (name: string) => variables.find((v) => v.name === name)?.references ?? [];
  const parts: Array<{ option: string | null; called: TSESTree.Node[] }> = [];
  if (target.type === T.Identifier) {
    const byOption = new Map<string | null, TSESTree.Node[]>();
    for (const reference of referencesOf(target.name)) {
      const { parent, child } = valueParent(reference.identifier);
      let option: string | null = null;
      let callee: TSESTree.Node = child;
      if (parent?.type === T.MemberExpression && parent.object === child) {
        option = staticPropertyName(parent);
        if (option === null) continue;
        callee = parent;
      } else if (parent?.type !== T.CallExpression) continue;
      const { parent: call, child: calledNode } = valueParent(callee);
      if (call?.type !== T.CallExpression || call.callee !== calledNode) continue;
      byOption.set(option, [...(byOption.get(option) ?? []), call]);
    }
    for (const [option, called] of byOption) parts.push({ option, called });
  } else if (target.type === T.ObjectPattern) {
    for (const property of target.properties) {
      if (property.type === T.RestElement) continue;
      const option = staticPropertyName(property);
      const local = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (option === null || local.type !== T.Identifier) continue;
      const called = referencesOf(local.name).flatMap((reference) => {
        const { parent, child } = valueParent(reference.identifier);
        return parent?.type === T.CallExpression && parent.callee === child ? [parent] : [];
      });
      if (called.length > 0) parts.push({ option, called });
    }
  }
  return parts;
}

/** The value of option `name` in an options object argument (an object literal, or a name bound to one). */
function optionValue(facts: FileFacts, argument: TSESTree.Node, name: string): TSESTree.Node | null {
  const object = facts.valueOf(argument);
  return object.type === T.ObjectExpression ? propertyValue(object, name) : null;
}
