// Reads AWS CDK sources: NodejsFunction entry/handler and lambda.Function Code.fromAsset + handler, when static.
import fs from 'node:fs';
import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import type { Variable } from '@typescript-eslint/scope-manager';
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
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_SOURCE_BYTES) continue;
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
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

/** What the file imports under which local name. */
interface Bindings {
  constructors: Map<string, string>;
  pathModules: Set<string>;
  pathFunctions: Map<string, string>;
  fileURLToPath: Set<string>;
  urlModules: Set<string>;
}

interface StackContext {
  projectDir: string;
  file: string;
  fileDir: string;
  /** Where `cdk` runs (the nearest cdk.json), which relative asset paths are resolved against. */
  appDir: string;
  manifest: string;
  text: string;
  resolved: Map<TSESTree.Node, Variable | null>;
  bindings: Bindings;
}

const SPREAD = Symbol('spread');

function readStack(parser: Parser, projectDir: string, file: string, text: string): ManifestResult {
  const manifest = relativeToProject(projectDir, file);
  const entries: DiscoveredHandler[] = [];
  const problems: DiscoveryProblem[] = [];
  let parsed: ReturnType<Parser['parseForESLint']>;
  try {
    parsed = parser.parseForESLint(text, {
      filePath: file,
      sourceType: file.endsWith('.cjs') || file.endsWith('.cts') ? 'script' : 'module',
      ecmaVersion: 'latest',
      range: true,
      loc: true,
      ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ manifest, message: `cannot parse the file: ${message.split('\n')[0]}` });
    return { entries, problems };
  }

  const resolved = new Map<TSESTree.Node, Variable | null>();
  for (const scope of parsed.scopeManager?.scopes ?? []) {
    for (const reference of scope.references) resolved.set(reference.identifier, reference.resolved);
  }
  const fileDir = path.dirname(file);
  const context: StackContext = {
    projectDir,
    file,
    fileDir,
    appDir: findAppDir(projectDir, fileDir),
    manifest,
    text,
    resolved,
    bindings: collectBindings(parsed.ast),
  };

  const visitorKeys = parsed.visitorKeys;
  const stack: TSESTree.Node[] = [parsed.ast];
  const constructs: TSESTree.NewExpression[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === T.NewExpression) constructs.push(node);
    const keys = visitorKeys[node.type] ?? [];
    for (let index = keys.length - 1; index >= 0; index--) {
      const child = (node as unknown as Record<string, unknown>)[keys[index]];
      if (Array.isArray(child)) {
        for (let item = child.length - 1; item >= 0; item--) {
          if (isNode(child[item])) stack.push(child[item] as TSESTree.Node);
        }
      } else if (isNode(child)) stack.push(child);
    }
  }
  for (const construct of constructs) {
    const found = readConstruct(context, construct);
    if (!found) continue;
    if ('problem' in found) problems.push({ manifest, message: found.problem });
    else entries.push(found);
  }
  return { entries, problems };
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function findAppDir(projectDir: string, fileDir: string): string {
  const root = path.resolve(projectDir);
  for (let directory = fileDir; ; directory = path.dirname(directory)) {
    if (isFile(path.join(directory, 'cdk.json'))) return directory;
    if (directory === root || path.dirname(directory) === directory) return root;
  }
}

function collectBindings(program: TSESTree.Program): Bindings {
  const bindings: Bindings = {
    constructors: new Map(),
    pathModules: new Set(['path']),
    pathFunctions: new Map(),
    fileURLToPath: new Set(),
    urlModules: new Set(),
  };
  const bindNamed = (source: string, imported: string, local: string): void => {
    if (/aws-lambda(?:-nodejs)?$/.test(source) && (imported === NODEJS_FUNCTION || LAMBDA_FUNCTIONS.has(imported))) {
      bindings.constructors.set(local, imported);
    } else if (PATH_MODULES.has(source) && (imported === 'join' || imported === 'resolve' || imported === 'dirname')) {
      bindings.pathFunctions.set(local, imported);
    } else if (URL_MODULES.has(source) && imported === 'fileURLToPath') {
      bindings.fileURLToPath.add(local);
    }
  };
  const bindWhole = (source: string, local: string): void => {
    if (PATH_MODULES.has(source)) bindings.pathModules.add(local);
    if (URL_MODULES.has(source)) bindings.urlModules.add(local);
  };
  for (const statement of program.body) {
    if (statement.type === T.ImportDeclaration) {
      const source = statement.source.value;
      for (const specifier of statement.specifiers) {
        if (specifier.type === T.ImportSpecifier) {
          const imported =
            specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
          bindNamed(source, imported, specifier.local.name);
        } else bindWhole(source, specifier.local.name);
      }
    } else if (statement.type === T.VariableDeclaration) {
      // CommonJS: const path = require('path'); const { NodejsFunction } = require('aws-cdk-lib/aws-lambda-nodejs');
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (
          init?.type !== T.CallExpression ||
          init.callee.type !== T.Identifier ||
          init.callee.name !== 'require' ||
          init.arguments[0]?.type !== T.Literal ||
          typeof init.arguments[0].value !== 'string'
        ) {
          continue;
        }
        const source = init.arguments[0].value;
        if (declarator.id.type === T.Identifier) bindWhole(source, declarator.id.name);
        else if (declarator.id.type === T.ObjectPattern) {
          for (const property of declarator.id.properties) {
            if (property.type !== T.Property || property.computed || property.key.type !== T.Identifier) continue;
            if (property.value.type === T.Identifier) bindNamed(source, property.key.name, property.value.name);
          }
        }
      }
    }
  }
  return bindings;
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
  if (callee.type === T.Identifier) {
    const imported = context.bindings.constructors.get(callee.name);
    if (imported) return imported;
    return callee.name === NODEJS_FUNCTION ? NODEJS_FUNCTION : undefined;
  }
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

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === T.TSAsExpression ||
    current.type === T.TSSatisfiesExpression ||
    current.type === T.TSNonNullExpression ||
    current.type === T.TSTypeAssertion
  ) {
    current = current.expression;
  }
  return current;
}

/** The initializer of a `const` the identifier refers to, if it has exactly one definition. */
function constantValue(context: StackContext, node: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = context.resolved.get(node);
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
 * Evaluates a string known before the stack runs: literals, template literals and `+` of such,
 * `__dirname`/`import.meta.dirname`, `path.join`/`path.resolve`/`path.dirname` of such,
 * `fileURLToPath(import.meta.url)`, and `const` names bound to any of these.
 */
function evaluateString(context: StackContext, node: TSESTree.Node, depth = 0): string | undefined {
  if (depth > MAX_INDIRECTION) return undefined;
  const value = unwrap(node);
  const evaluate = (child: TSESTree.Node): string | undefined => evaluateString(context, child, depth + 1);
  switch (value.type) {
    case T.Literal:
      return typeof value.value === 'string' ? value.value : undefined;
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
      if (value.name === '__dirname' && !context.resolved.get(value)) return context.fileDir;
      if (value.name === '__filename' && !context.resolved.get(value)) return context.file;
      const init = constantValue(context, value);
      return init ? evaluate(init) : undefined;
    }
    case T.MemberExpression:
      if (isImportMeta(value.object) && !value.computed && value.property.type === T.Identifier) {
        if (value.property.name === 'dirname') return context.fileDir;
        if (value.property.name === 'filename') return context.file;
      }
      return undefined;
    case T.CallExpression:
      return evaluateCall(context, value, evaluate);
    default:
      return undefined;
  }
}

function evaluateCall(
  context: StackContext,
  call: TSESTree.CallExpression,
  evaluate: (node: TSESTree.Node) => string | undefined,
): string | undefined {
  const { callee } = call;
  let functionName: string | undefined;
  let fromUrl = false;
  if (callee.type === T.Identifier) {
    functionName = context.bindings.pathFunctions.get(callee.name);
    fromUrl = context.bindings.fileURLToPath.has(callee.name);
  } else if (
    callee.type === T.MemberExpression &&
    !callee.computed &&
    callee.object.type === T.Identifier &&
    callee.property.type === T.Identifier
  ) {
    if (context.bindings.pathModules.has(callee.object.name)) functionName = callee.property.name;
    fromUrl = context.bindings.urlModules.has(callee.object.name) && callee.property.name === 'fileURLToPath';
  }
  if (fromUrl) {
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
