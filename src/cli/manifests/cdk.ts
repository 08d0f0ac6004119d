// Reads AWS CDK sources: NodejsFunction entry/handler and lambda.Function Code.fromAsset + handler, when static.
// The stack is parsed into the analysis' ParsedFile and read through the same facts layer (imports, the call
// index, scopes); strings known before the stack runs are evaluated with a memo and a budget.
import path from 'node:path';
import { ASTUtils, AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Scope } from '@typescript-eslint/utils/ts-eslint';
import { unwrap } from '../../analysis/file/ast.js';
import { factsOf, type FileFacts } from '../../analysis/file/index.js';
import { parseFile } from '../../analysis/file/parse.js';
import { readTextFile } from '../../util/read-file.js';
import { MODULE_EXTENSIONS, describeTried, isFile, relativeToProject, resolveModule, splitHandler } from './paths.js';
import type { DiscoveredHandler, DiscoveryProblem, ManifestResult } from './types.js';

type Parser = typeof import('@typescript-eslint/parser');

/** Files larger than this are generated code, not stacks. */
const MAX_SOURCE_BYTES = 1_000_000;
const NODEJS_FUNCTION = 'NodejsFunction';
const LAMBDA_FUNCTIONS = new Set(['Function', 'SingletonFunction']);
const PATH_MODULES = new Set(['path', 'node:path']);
const URL_MODULES = new Set(['url', 'node:url']);
const MAX_INDIRECTION = 8;
/**
 * Evaluation steps one stack file may take in total. Each node is evaluated once (memoised), so real stacks need
 * a few hundred; the budget only ends pathological files (a const fan-out that would grow exponentially).
 */
const EVALUATION_BUDGET = 20_000;
/** Longer strings are not paths (Linux's PATH_MAX is 4096): a fan-out of joins would otherwise grow without end. */
const MAX_STRING_LENGTH = 4096;

let parserPromise: Promise<Parser | Error> | undefined;

/** The parser is loaded only when a project has CDK sources, and it needs `typescript` installed. */
function loadParser(): Promise<Parser | Error> {
  parserPromise ??= import('@typescript-eslint/parser').then(
    (parser) => parser,
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  return parserPromise;
}

/**
 * Scans JavaScript/TypeScript sources for CDK Lambda constructs. A cheap text check picks the files worth
 * parsing (those mentioning aws-cdk or NodejsFunction); everything else is read from the syntax tree.
 */
export async function readCdkSources(projectDir: string, sources: string[]): Promise<ManifestResult> {
  const entries: DiscoveredHandler[] = [];
  const problems: DiscoveryProblem[] = [];
  const candidates: Array<{ file: string; text: string }> = [];
  for (const file of sources) {
    const read = readTextFile(file, MAX_SOURCE_BYTES);
    if (!read.ok) continue;
    const text = read.text;
    if (text.includes('aws-cdk') || text.includes(NODEJS_FUNCTION)) candidates.push({ file, text });
  }
  if (candidates.length === 0) return { entries, problems };

  const parser = await loadParser();
  if (parser instanceof Error) {
    for (const { file } of candidates) {
      problems.push({
        manifest: relativeToProject(projectDir, file),
        message: `cannot read CDK sources: @typescript-eslint/parser (and typescript) could not be loaded (${parser.message})`,
      });
    }
    return { entries, problems };
  }
  for (const { file, text } of candidates) {
    const result = readStack(parser, projectDir, file, text);
    entries.push(...result.entries);
    problems.push(...result.problems);
  }
  return { entries, problems };
}

interface StackContext {
  projectDir: string;
  file: string;
  fileDir: string;
  /** Where `cdk` runs (the nearest cdk.json), which relative asset paths are resolved against. */
  appDir: string;
  manifest: string;
  text: string;
  facts: FileFacts;
  /** Each node's string value, evaluated once. */
  strings: Map<TSESTree.Node, string | undefined>;
  /** Each object literal's property lookups, made once. */
  properties: Map<TSESTree.ObjectExpression, Map<string, TSESTree.Node | typeof SPREAD | undefined>>;
  /** Evaluation steps left for this file. */
  budget: { steps: number };
}

const SPREAD = Symbol('spread');

function readStack(parser: Parser, projectDir: string, file: string, text: string): ManifestResult {
  const manifest = relativeToProject(projectDir, file);
  const entries: DiscoveredHandler[] = [];
  const problems: DiscoveryProblem[] = [];
  let facts: FileFacts | null;
  try {
    const sourceType = file.endsWith('.cjs') || file.endsWith('.cts') ? 'script' : 'module';
    facts = factsOf(parseFile(parser, file, text, { sourceType, jsx: /\.[jt]sx$/.test(file) }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ manifest, message: `cannot parse the file: ${message.split('\n')[0]}` });
    return { entries, problems };
  }
  if (!facts) return { entries, problems };
  const fileDir = path.dirname(file);
  const context: StackContext = {
    projectDir,
    file,
    fileDir,
    appDir: findAppDir(projectDir, fileDir),
    manifest,
    text,
    facts,
    strings: new Map(),
    properties: new Map(),
    budget: { steps: EVALUATION_BUDGET },
  };
  const constructs = facts.calls.news;
  for (const construct of constructs) {
    const found = readConstruct(context, construct);
    if (!found) continue;
    if ('problem' in found) problems.push({ manifest, message: found.problem });
    else entries.push(found);
  }
  return { entries, problems };
}

function findAppDir(projectDir: string, fileDir: string): string {
  const root = path.resolve(projectDir);
  for (let directory = fileDir; ; directory = path.dirname(directory)) {
    if (isFile(path.join(directory, 'cdk.json'))) return directory;
    if (directory === root || path.dirname(directory) === directory) return root;
  }
}

type ConstructResult = DiscoveredHandler | { problem: string } | undefined;

function readConstruct(context: StackContext, construct: TSESTree.NewExpression): ConstructResult {
  const kind = constructKind(context, construct.callee);
  if (!kind) return undefined;
  const line = construct.loc.start.line;
  const idNode = construct.arguments[1];
  const id = idNode && idNode.type !== T.SpreadElement ? evaluateString(context, idNode) : undefined;
  const idText = idNode ? context.text.slice(idNode.range[0], idNode.range[1]).replace(/\s+/g, ' ') : '(no id)';
  const label = `line ${line}: ${kind === NODEJS_FUNCTION ? NODEJS_FUNCTION : `lambda.${kind}`} ${id === undefined ? idText : `"${id}"`}`;
  const functionId = id ?? `line ${line}`;
  const propsNode = construct.arguments[2];
  const props = propsNode && propsNode.type !== T.SpreadElement ? resolveObject(context, propsNode) : undefined;

  if (kind !== NODEJS_FUNCTION) {
    // `new Function(…)` is also JavaScript's own constructor: only a props object with `code` is a Lambda function.
    const code = props ? findProperty(context, props, 'code') : undefined;
    if (code === undefined) return undefined;
    return readLambdaFunction(context, props!, code, label, functionId);
  }
  // `new NodejsFunction(this, 'Id')` takes every default; props that are not an object literal are unknown.
  if (propsNode !== undefined && !props) {
    return { problem: `${label}: the props are not an object literal; not inferable, skipped` };
  }
  return readNodejsFunction(context, props, label, functionId, id);
}

function constructKind(context: StackContext, callee: TSESTree.Expression): string | undefined {
  // `new NodejsFunction(…)` / `new lambda.Function(…)` however aws-lambda(-nodejs) is imported or required.
  const imported = context.facts.imports.moduleValueOf(callee);
  if (imported && /aws-lambda(?:-nodejs)?$/.test(imported.source) && imported.path.length === 1) {
    const name = imported.path[0];
    if (name === NODEJS_FUNCTION || LAMBDA_FUNCTIONS.has(name)) return name;
  }
  if (callee.type === T.Identifier) return callee.name === NODEJS_FUNCTION ? NODEJS_FUNCTION : undefined;
  if (callee.type === T.MemberExpression && !callee.computed && callee.property.type === T.Identifier) {
    const name = callee.property.name;
    if (name === NODEJS_FUNCTION || LAMBDA_FUNCTIONS.has(name)) return name;
  }
  return undefined;
}

function readNodejsFunction(
  context: StackContext,
  props: TSESTree.ObjectExpression | undefined,
  label: string,
  functionId: string,
  id: string | undefined,
): ConstructResult {
  const entryNode = props ? findProperty(context, props, 'entry') : undefined;
  if (entryNode === SPREAD) return { problem: `${label}: entry may come from a spread object; not inferable, skipped` };
  let entry: string | undefined;
  if (entryNode === undefined) {
    // CDK's own default: <stack file>.<id>.ts (or .js …) next to the file that defines the function.
    const base = context.file.replace(/\.[cm]?[jt]sx?$/, '');
    entry =
      id === undefined ? undefined : MODULE_EXTENSIONS.map((extension) => `${base}.${id}${extension}`).find(isFile);
    if (!entry) {
      const expected =
        id === undefined ? '' : ` and there is no ${relativeToProject(context.projectDir, base)}.${id}.ts`;
      return { problem: `${label} has no entry${expected}; not inferable, skipped` };
    }
  } else {
    const value = evaluateString(context, entryNode);
    if (value === undefined) return { problem: `${label}: entry is not a literal path; not inferable, skipped` };
    entry = path.resolve(context.appDir, value);
    if (!isFile(entry)) {
      return {
        problem: `${label}: entry points to a missing file (${relativeToProject(context.projectDir, entry)}); skipped`,
      };
    }
  }

  const handlerNode = props ? findProperty(context, props, 'handler') : undefined;
  if (handlerNode === SPREAD)
    return { problem: `${label}: handler may come from a spread object; not inferable, skipped` };
  let exportName = 'handler';
  if (handlerNode !== undefined) {
    const value = evaluateString(context, handlerNode);
    if (value === undefined) return { problem: `${label}: handler is not a literal; not inferable, skipped` };
    // A handler with a dot (`index.main`) names file and export, as in the Lambda runtime.
    const name = value.includes('.') ? splitHandler(value)?.exportName : value;
    if (!name) return { problem: `${label}: handler "${value}" does not name an export; skipped` };
    exportName = name;
  }
  return { file: relativeToProject(context.projectDir, entry), exportName, manifest: context.manifest, functionId };
}

function readLambdaFunction(
  context: StackContext,
  props: TSESTree.ObjectExpression,
  code: TSESTree.Node | typeof SPREAD,
  label: string,
  functionId: string,
): ConstructResult {
  const runtime = findProperty(context, props, 'runtime');
  if (runtime !== undefined && runtime !== SPREAD && isOtherRuntime(context, runtime)) return undefined;
  if (code === SPREAD) return { problem: `${label}: code may come from a spread object; not inferable, skipped` };

  const call = unwrap(code);
  const method =
    call.type === T.CallExpression &&
    call.callee.type === T.MemberExpression &&
    !call.callee.computed &&
    call.callee.property.type === T.Identifier
      ? call.callee.property.name
      : undefined;
  if (method === 'fromInline') return undefined;
  if (method !== 'fromAsset' || call.type !== T.CallExpression) {
    return {
      problem: `${label}: code is not Code.fromAsset(<literal path>); the source is not in the project, skipped`,
    };
  }
  const assetArgument = call.arguments[0];
  const asset =
    assetArgument && assetArgument.type !== T.SpreadElement ? evaluateString(context, assetArgument) : undefined;
  if (asset === undefined) return { problem: `${label}: Code.fromAsset path is not a literal; not inferable, skipped` };
  const assetDir = path.resolve(context.appDir, asset);

  const handlerNode = findProperty(context, props, 'handler');
  if (handlerNode === undefined) return { problem: `${label} has no handler; skipped` };
  if (handlerNode === SPREAD)
    return { problem: `${label}: handler may come from a spread object; not inferable, skipped` };
  const handler = evaluateString(context, handlerNode);
  if (handler === undefined) return { problem: `${label}: handler is not a literal; not inferable, skipped` };
  const parts = splitHandler(handler);
  if (!parts)
    return { problem: `${label}: handler "${handler}" is not of the form path/to/module.exportName; skipped` };
  const base = path.resolve(assetDir, parts.modulePath);
  const file = resolveModule(base);
  if (!file) {
    return {
      problem: `${label}: handler "${handler}" points to a missing file (tried ${describeTried(context.projectDir, base)}); skipped`,
    };
  }
  return {
    file: relativeToProject(context.projectDir, file),
    exportName: parts.exportName,
    manifest: context.manifest,
    functionId,
  };
}

/** `Runtime.PYTHON_3_12` or `new Runtime('python3.12')`: a function whose source is not JavaScript. */
function isOtherRuntime(context: StackContext, node: TSESTree.Node): boolean {
  const runtime = unwrap(node);
  if (runtime.type === T.MemberExpression && !runtime.computed && runtime.property.type === T.Identifier) {
    const name = runtime.property.name;
    return /^[A-Z0-9_]+$/.test(name) && !name.startsWith('NODEJS');
  }
  if (runtime.type === T.NewExpression && runtime.arguments[0] && runtime.arguments[0].type !== T.SpreadElement) {
    const name = evaluateString(context, runtime.arguments[0]);
    return name !== undefined && !name.startsWith('nodejs');
  }
  return false;
}

/** The initializer of a `const` the identifier refers to, if it has exactly one definition. */
function constantValue(context: StackContext, node: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = context.facts.variableOf(node);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0];
  if (definition.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
  const declarator = definition.node;
  if (declarator.id.type !== T.Identifier || !declarator.init) return undefined;
  return declarator.init;
}

function resolveObject(context: StackContext, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
  const value = unwrap(node);
  if (value.type === T.ObjectExpression) return value;
  if (value.type === T.Identifier && depth < MAX_INDIRECTION) {
    const init = constantValue(context, value);
    return init ? resolveObject(context, init, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * The value of property `name` in an object literal; later properties win, and spreads of `const` object
 * literals are looked into. SPREAD means the value may come from a spread that cannot be read.
 */
function findProperty(
  context: StackContext,
  object: TSESTree.ObjectExpression,
  name: string,
  depth = 0,
): TSESTree.Node | typeof SPREAD | undefined {
  let known = context.properties.get(object);
  if (!known) {
    known = new Map();
    context.properties.set(object, known);
  }
  if (known.has(name)) return known.get(name);
  // Out of budget: the value is unknown, which the callers report as not inferable.
  const found = context.budget.steps-- > 0 ? lookUpProperty(context, object, name, depth) : SPREAD;
  known.set(name, found);
  return found;
}

function lookUpProperty(
  context: StackContext,
  object: TSESTree.ObjectExpression,
  name: string,
  depth: number,
): TSESTree.Node | typeof SPREAD | undefined {
  let found: TSESTree.Node | typeof SPREAD | undefined;
  for (const property of object.properties) {
    if (property.type === T.SpreadElement) {
      const spread = depth < MAX_INDIRECTION ? resolveObject(context, property.argument, depth + 1) : undefined;
      if (!spread) found = SPREAD;
      else {
        const inner = findProperty(context, spread, name, depth + 1);
        if (inner !== undefined) found = inner;
      }
      continue;
    }
    if (property.computed) {
      // `[key]: value` could be anything, including `name`.
      if (property.key.type !== T.Literal) found = SPREAD;
      else if (property.key.value === name) found = property.value;
      continue;
    }
    const key =
      property.key.type === T.Identifier
        ? property.key.name
        : property.key.type === T.Literal
          ? String(property.key.value)
          : undefined;
    if (key === name) found = property.value;
  }
  return found;
}

/**
 * Evaluates a string known before the stack runs: what `ASTUtils.getStaticValue` evaluates (literals, templates,
 * `+`, `const` names), plus what only a stack file knows: `__dirname`/`import.meta.dirname`, `path.join`/
 * `path.resolve`/`path.dirname`, `fileURLToPath(import.meta.url)`, and compositions of these. Memoised per node,
 * within the file's evaluation budget.
 */
function evaluateString(context: StackContext, node: TSESTree.Node, depth = 0): string | undefined {
  if (depth > MAX_INDIRECTION) return undefined;
  if (context.strings.has(node)) return context.strings.get(node);
  const computed = context.budget.steps-- > 0 ? computeString(context, node, depth) : undefined;
  const value = computed !== undefined && computed.length <= MAX_STRING_LENGTH ? computed : undefined;
  context.strings.set(node, value);
  return value;
}

function computeString(context: StackContext, node: TSESTree.Node, depth: number): string | undefined {
  const value = unwrap(node);
  const evaluate = (child: TSESTree.Node): string | undefined => evaluateString(context, child, depth + 1);
  switch (value.type) {
    case T.TemplateLiteral: {
      let result = value.quasis[0].value.cooked ?? undefined;
      for (let index = 0; index < value.expressions.length && result !== undefined; index++) {
        const part = evaluate(value.expressions[index]);
        const next = value.quasis[index + 1].value.cooked;
        result = part === undefined || next === null ? undefined : result + part + next;
      }
      return result;
    }
    case T.BinaryExpression: {
      if (value.operator !== '+') return undefined;
      const left = evaluate(value.left);
      const right = left === undefined ? undefined : evaluate(value.right);
      return left === undefined || right === undefined ? undefined : left + right;
    }
    case T.Identifier: {
      const unresolved = context.facts.variableOf(value) === null;
      if (value.name === '__dirname' && unresolved) return context.fileDir;
      if (value.name === '__filename' && unresolved) return context.file;
      const init = constantValue(context, value);
      return init ? evaluate(init) : undefined;
    }
    case T.MemberExpression:
      if (isImportMeta(value.object) && !value.computed && value.property.type === T.Identifier) {
        if (value.property.name === 'dirname') return context.fileDir;
        if (value.property.name === 'filename') return context.file;
        return undefined;
      }
      return staticString(context, value);
    case T.CallExpression:
      return evaluateCall(context, value, evaluate) ?? staticString(context, value);
    default:
      return staticString(context, value);
  }
}

/** What ESLint's static evaluator knows the string value of (a literal, a pure built-in call), else undefined. */
function staticString(context: StackContext, node: TSESTree.Node): string | undefined {
  const found = ASTUtils.getStaticValue(node, scopeOf(context, node) ?? undefined);
  return found && typeof found.value === 'string' ? found.value : undefined;
}

/** The innermost scope around `node`, for the static evaluator's name lookups. */
function scopeOf(context: StackContext, node: TSESTree.Node): Scope.Scope | null {
  const manager = context.facts.file.scopeManager;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = manager?.acquire(current, true);
    if (scope) return scope;
  }
  return (manager?.globalScope as Scope.Scope | null) ?? null;
}

function evaluateCall(
  context: StackContext,
  call: TSESTree.CallExpression,
  evaluate: (node: TSESTree.Node) => string | undefined,
): string | undefined {
  const imported = context.facts.imports.moduleValueOf(call.callee);
  const callee = unwrap(call.callee);
  let functionName: string | undefined;
  if (imported && PATH_MODULES.has(imported.source) && imported.path.length === 1) functionName = imported.path[0];
  else if (
    // `path.join(…)` with no import: Node's REPL-style global, as older stacks rely on.
    callee.type === T.MemberExpression &&
    !callee.computed &&
    callee.property.type === T.Identifier &&
    callee.object.type === T.Identifier &&
    callee.object.name === 'path' &&
    context.facts.variableOf(callee.object) === null
  ) {
    functionName = callee.property.name;
  }
  if (
    imported &&
    URL_MODULES.has(imported.source) &&
    imported.path.length === 1 &&
    imported.path[0] === 'fileURLToPath'
  ) {
    const argument = call.arguments[0];
    // fileURLToPath(import.meta.url) is the ESM spelling of __filename.
    if (
      argument?.type === T.MemberExpression &&
      isImportMeta(argument.object) &&
      !argument.computed &&
      argument.property.type === T.Identifier &&
      argument.property.name === 'url'
    ) {
      return context.file;
    }
    return undefined;
  }
  if (functionName !== 'join' && functionName !== 'resolve' && functionName !== 'dirname') return undefined;
  const parts: string[] = [];
  for (const argument of call.arguments) {
    if (argument.type === T.SpreadElement) return undefined;
    const part = evaluate(argument);
    if (part === undefined) return undefined;
    parts.push(part);
  }
  if (functionName === 'dirname') return parts.length === 1 ? path.dirname(parts[0]) : undefined;
  return functionName === 'join' ? path.join(...parts) : path.resolve(context.appDir, ...parts);
}

function isImportMeta(node: TSESTree.Node): boolean {
  return node.type === T.MetaProperty && node.meta.name === 'import' && node.property.name === 'meta';
}
