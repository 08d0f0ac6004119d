// Which of a composable's returned functions the app calls while a component sets up. `const { fetchCourse } =
// useCourse()` followed by `fetchCourse(slug)` in the same `<script setup>` (or the same plugin, middleware or
// composable body) runs it during the server render; the same call inside a watcher, a mount hook or a template
// event does not. The project's components and modules are listed once (bounded in files and bytes) and only the
// scripts that call the composable are parsed; what cannot be placed counts as called, so a doubt keeps a write
// reported.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { parseForESLint } from '@typescript-eslint/parser';
import { readTextFile } from '../../../util/read-file.js';
import { enclosingFunction, staticPropertyName, valueParent, walk } from '../../file/ast.js';
import { projectRootOf } from '../../file/importers.js';
import { listProject } from '../../file/listing.js';
import { parseFile } from '../../file/parse.js';
import type { ParsedFile } from '../../file/parsed-file.js';
import type { FunctionNode, Handler } from '../../types.js';
import { ANY_NAME, WHOLE_RESULT } from '../../state/deferred-returns.js';

const LIMITS = {
  files: 3000,
  bytes: 32 * 1024 * 1024,
  fileBytes: 1_000_000,
  depth: 16,
  refreshMs: 5_000,
  refreshListings: 20,
};
const SCANNED = /\.(?:vue|[cm]?[jt]s|[jt]sx)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;
/** Besides the shared list: the server side of a Nuxt app, which no component sets up. */
const SKIPPED = ['server'];
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gu;

interface Listing {
  listedAt: number;
  /** How long the listing took, in ms: a large project is listed again only after many times that. */
  listingMs: number;
  files: Array<{ file: string; text: string }>;
}

const listings = new Map<string, Listing>();

export function clearSetupCallIndex(): void {
  listings.clear();
}

/** A hook or composable by its name: `useCart`, `useLocale`. */
export const HOOK_NAME = /^use[A-Z0-9]/u;

/**
 * For a hook or composable another file calls while it renders or sets up (`useLocale` in a React component,
 * `useCart` in a Vue one): the functions it returns run when that code calls them, usually later (an event, an
 * effect), so only the names some setup or render code calls right away are request-time. Undefined for any
 * other function.
 */
export function hookReturns(file: string, name: string): Handler['deferredReturns'] {
  if (!HOOK_NAME.test(name)) return undefined;
  return { calledInSetup: namesCalledInSetup(projectRootOf(file), file, name) };
}

/**
 * The names of `composable`'s result that code elsewhere in the project (not `self`) calls while it sets up, or
 * may: a call in the same function (or `<script setup>`) that called the composable, wherever its block. A script
 * that does not parse counts as calling them all.
 */
export function namesCalledInSetup(root: string, self: string, composable: string): Set<string> {
  const called = new Set<string>();
  const mention = `${composable}(`;
  for (const { file, text } of listingOf(root).files) {
    if (file === self || !text.includes(mention)) continue;
    const scripts = file.endsWith('.vue') ? [...text.matchAll(SCRIPT)].map((match) => match[2]) : [text];
    for (const script of scripts) {
      if (!script.includes(mention)) continue;
      try {
        collectCalls(file, script, composable, called);
      } catch {
        called.add(ANY_NAME); // a script the scanner cannot follow may call anything
      }
    }
  }
  return called;
}

function collectCalls(file: string, script: string, composable: string, called: Set<string>): void {
  let parsed: ParsedFile;
  try {
    parsed = parseFile({ parseForESLint }, file.endsWith('.vue') ? `${file}.ts` : file, script, {
      sourceType: 'module',
      jsx: /\.[jt]sx$/u.test(file),
    });
  } catch {
    called.add(ANY_NAME);
    return;
  }
  const calls: TSESTree.CallExpression[] = [];
  walk(parsed.ast, parsed.visitorKeys, (node) => {
    if (node.type === T.CallExpression && node.callee.type === T.Identifier && node.callee.name === composable) {
      calls.push(node);
    }
  });
  const component = file.endsWith('.vue');
  for (const call of calls) {
    const setup = enclosingFunction(call);
    // In a component, setup is the top level of `<script setup>` or the options' `setup()`; a function of its own
    // (an event handler) calls the composable later. In a module, any function may be setup code.
    if (component && setup && !isSetupOption(setup)) continue;
    let { parent, child } = valueParent(call);
    if (parent?.type === T.AwaitExpression) ({ parent, child } = valueParent(parent));
    // `useX()()`, `useX().save()`: called where the composable is.
    if (parent?.type === T.CallExpression && parent.callee === child) called.add(WHOLE_RESULT);
    if (parent?.type === T.MemberExpression && parent.object === child) {
      const key = staticPropertyName(parent);
      if (key !== null && isCallee(parent)) called.add(key);
    }
    if (parent?.type !== T.VariableDeclarator || parent.init !== child) continue;
    const variables = parsed.scopeManager?.getDeclaredVariables(parent) ?? [];
    const usesOf = (name: string): TSESTree.Node[] =>
      (variables.find((variable) => variable.name === name)?.references ?? [])
        .filter((reference) => !reference.init && enclosingFunction(reference.identifier) === setup)
        .map((reference) => reference.identifier);
    if (parent.id.type === T.Identifier) {
      // `const cart = useX()`: `cart()` and `cart.save()` in the same setup.
      for (const use of usesOf(parent.id.name)) {
        if (isCallee(use)) called.add(WHOLE_RESULT);
        const up = valueParent(use);
        const key =
          up.parent?.type === T.MemberExpression && up.parent.object === up.child
            ? staticPropertyName(up.parent)
            : null;
        if (key !== null && up.parent && isCallee(up.parent)) called.add(key);
      }
      continue;
    }
    if (parent.id.type !== T.ObjectPattern) {
      called.add(ANY_NAME);
      continue;
    }
    for (const property of parent.id.properties) {
      if (property.type !== T.Property) {
        called.add(ANY_NAME); // `...rest`: any name may be called through it
        continue;
      }
      const key = staticPropertyName(property);
      const value = property.value.type === T.AssignmentPattern ? property.value.left : property.value;
      if (key === null || value.type !== T.Identifier) {
        called.add(ANY_NAME);
        continue;
      }
      if (usesOf(value.name).some(isCallee)) called.add(key);
    }
  }
}

/** `setup() { … }` or `setup: () => …` of a component's options. */
function isSetupOption(fn: FunctionNode): boolean {
  const { parent } = valueParent(fn);
  return parent?.type === T.Property && staticPropertyName(parent) === 'setup' && !enclosingFunction(parent);
}

/** Is `node` the callee of a call (`save()`, `cart.save()`)? */
function isCallee(node: TSESTree.Node): boolean {
  const { parent, child } = valueParent(node);
  return parent?.type === T.CallExpression && parent.callee === child;
}

function listingOf(root: string): Listing {
  const known = listings.get(root);
  const now = Date.now();
  if (known && now - known.listedAt < Math.max(LIMITS.refreshMs, known.listingMs * LIMITS.refreshListings)) {
    return known;
  }
  const files: Listing['files'] = [];
  let bytes = 0;
  listProject(root, {
    depth: LIMITS.depth,
    skip: SKIPPED,
    name: SCANNED,
    visit: (file) => {
      if (DECLARATION.test(file)) return true;
      const read = readTextFile(file, LIMITS.fileBytes);
      if (!read.ok) return true;
      files.push({ file, text: read.text });
      bytes += read.text.length;
      return files.length < LIMITS.files && bytes < LIMITS.bytes;
    },
  });
  const listing = { listedAt: now, listingMs: Date.now() - now, files };
  listings.set(root, listing);
  return listing;
}
