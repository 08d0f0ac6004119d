// Server rendering: which framework renders a file's components on the server (from the project's dependencies,
// its framework config and the file's own imports and directives, never from names alone), and which module-level
// functions of a file are components and hooks.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { hasDirective, isFunctionNode, unwrap, walk, type VisitorKeys } from '../file/ast.js';
import type { FileFacts } from '../file/index.js';
import { projectOf, type Project } from '../file/project.js';
import type { FunctionNode } from '../types.js';
import type { PlatformContext } from './registry.js';

/** One framework that renders on the server per request. */
export interface SsrFrameworkRow {
  /** The handler platform id: `nextjs`, `react-router`, … */
  id: string;
  /** For messages: `Next.js`. */
  label: string;
  /** Dependencies of the project that mean the framework is used (`@remix-run/` is a scope). */
  packages: readonly string[];
  /** Imports in the file itself that mean it (when the project cannot be read, as in editors' unsaved buffers). */
  imports: readonly string[];
  /** Config files where `pattern` turns server rendering off for the whole app (a static export or SPA mode). */
  spaMode?: { files: readonly string[]; pattern: RegExp };
}

const configFiles = (base: string) => ['ts', 'mts', 'js', 'mjs', 'cjs'].map((ext) => `${base}.${ext}`);

export const SSR_FRAMEWORKS: readonly SsrFrameworkRow[] = [
  {
    id: 'nextjs',
    label: 'Next.js',
    packages: ['next'],
    imports: ['next'],
    // `output: 'export'` builds static HTML: no server renders anything per request.
    spaMode: { files: configFiles('next.config'), pattern: /\boutput\s*:\s*['"`]export['"`]/u },
  },
  {
    id: 'react-router',
    label: 'React Router',
    packages: [
      '@react-router/dev',
      '@react-router/node',
      '@react-router/serve',
      '@react-router/cloudflare',
      '@react-router/express',
      '@react-router/architect',
    ],
    imports: ['@react-router/node', '@react-router/cloudflare', '@react-router/express', '@react-router/architect'],
    spaMode: { files: configFiles('react-router.config'), pattern: /\bssr\s*:\s*false\b/u },
  },
  {
    id: 'remix',
    label: 'Remix',
    packages: ['@remix-run/'],
    imports: [
      '@remix-run/node',
      '@remix-run/react',
      '@remix-run/cloudflare',
      '@remix-run/deno',
      '@remix-run/server-runtime',
    ],
    spaMode: { files: configFiles('vite.config'), pattern: /\bssr\s*:\s*false\b/u },
  },
  {
    id: 'tanstack-start',
    label: 'TanStack Start',
    packages: ['@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start'],
    imports: ['@tanstack/react-start', '@tanstack/solid-start', '@tanstack/start'],
  },
  {
    id: 'solid-start',
    label: 'SolidStart',
    packages: ['@solidjs/start'],
    imports: ['@solidjs/start'],
    spaMode: { files: configFiles('app.config'), pattern: /\bssr\s*:\s*false\b/u },
  },
  { id: 'astro', label: 'Astro', packages: ['astro'], imports: ['astro', 'astro:middleware', 'astro:actions'] },
  {
    id: 'qwik-city',
    label: 'Qwik City',
    packages: ['@builder.io/qwik-city', '@qwik.dev/router'],
    imports: ['@builder.io/qwik-city', '@qwik.dev/router'],
  },
];

/** A UI library (react in `peerDependencies`) runs its components and hooks in whatever renders them, servers too. */
const LIBRARY_PEERS: ReadonlyArray<{ peer: string; label: string }> = [
  { peer: 'react', label: 'React library' },
  { peer: 'preact', label: 'Preact library' },
  { peer: 'solid-js', label: 'Solid library' },
];

/** What is known about server rendering of one file. */
export interface RenderFacts {
  project: Project | null;
  /** Frameworks that render this file's project on the server (empty: nothing renders it per request). */
  frameworks: readonly SsrFrameworkRow[];
  /** Who renders the components, for messages: `Next.js`, `React library`; null when nothing does. */
  renderer: { id: string; label: string } | null;
  /** The file starts with `'use client'`: a client component module, rendered on the server too. */
  clientModule: boolean;
}

const memo = new WeakMap<FileFacts, RenderFacts>();

export function renderFactsOf(ctx: PlatformContext): RenderFacts {
  const known = memo.get(ctx.facts);
  if (known) return known;
  const facts = computeRenderFacts(ctx.facts, ctx.path);
  memo.set(ctx.facts, facts);
  return facts;
}

function computeRenderFacts(facts: FileFacts, filename: string): RenderFacts {
  const project = projectOf(filename);
  const clientModule = hasDirective(facts.ast, 'use client');
  const frameworks = SSR_FRAMEWORKS.filter((row) => {
    const used = (project?.dependsOn(row.packages) ?? false) || facts.imports.importsAny(row.imports);
    if (!used) return false;
    return !(row.spaMode && project && row.spaMode.pattern.test(project.text(row.spaMode.files) ?? ''));
  });
  let renderer: RenderFacts['renderer'] = frameworks[0] ? { id: frameworks[0].id, label: frameworks[0].label } : null;
  if (!renderer && project) {
    const library = LIBRARY_PEERS.find((entry) => project.peerDependencies.has(entry.peer));
    if (library) renderer = { id: 'ssr-library', label: library.label };
  }
  // A client module only exists in a framework that renders server components; its components render there too.
  if (!renderer && clientModule) renderer = { id: 'rsc', label: 'React Server Components' };
  return { project, frameworks, renderer, clientModule };
}

/** Does the project (or the file) use this framework? */
export function usesFramework(ctx: PlatformContext, id: string): boolean {
  return renderFactsOf(ctx).frameworks.some((row) => row.id === id);
}

export interface RenderFunction {
  fn: FunctionNode;
  name: string;
  kind: 'component' | 'hook';
}

const COMPONENT_NAME = /^[A-Z][A-Za-z0-9_]*$/u;
const HOOK_NAME = /^use[A-Z0-9][A-Za-z0-9_]*$/u;
/** Wrappers a component keeps its identity through: `memo(function X() {…})`, `forwardRef(…)`, MobX `observer(…)`. */
const COMPONENT_WRAPPERS: ReadonlyArray<{ sources: readonly string[]; names: readonly string[] }> = [
  { sources: ['react', 'preact/compat'], names: ['memo', 'forwardRef'] },
  { sources: ['mobx-react', 'mobx-react-lite'], names: ['observer'] },
];

/**
 * The module-level components and hooks of a file: functions named like a component (`OrderList`) that render JSX
 * or call a hook, and functions named like a hook (`useCart`) that call one. `defaultIsComponent` makes the
 * default export a component whatever its name (a framework's page convention).
 */
export function renderFunctions(facts: FileFacts, defaultIsComponent: boolean): RenderFunction[] {
  const found = new Map<FunctionNode, RenderFunction>();
  const keys = facts.file.visitorKeys;
  const consider = (value: TSESTree.Node | null | undefined, name: string | null, isDefault: boolean) => {
    const fn = value ? componentFunction(facts, value) : null;
    if (!fn || found.has(fn)) return;
    const label = name ?? (fn.type !== T.ArrowFunctionExpression && fn.id ? fn.id.name : 'default');
    if (isDefault && defaultIsComponent) {
      found.set(fn, { fn, name: label, kind: 'component' });
    } else if (COMPONENT_NAME.test(label) && /[a-z]/u.test(label) && (rendersJsx(fn, keys) || callsHook(fn, keys))) {
      found.set(fn, { fn, name: label, kind: 'component' });
    } else if (HOOK_NAME.test(label) && callsHook(fn, keys)) {
      found.set(fn, { fn, name: label, kind: 'hook' });
    } else if (isDefault && name === null && rendersJsx(fn, keys)) {
      found.set(fn, { fn, name: label, kind: 'component' });
    }
  };
  for (const statement of facts.ast.body) {
    const declaration =
      statement.type === T.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
    if (declaration.type === T.FunctionDeclaration) consider(declaration, declaration.id?.name ?? null, false);
    else if (declaration.type === T.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === T.Identifier) consider(declarator.init, declarator.id.name, false);
      }
    } else if (declaration.type === T.ExportDefaultDeclaration) {
      const value = declaration.declaration as TSESTree.Node;
      const named = value.type === T.FunctionDeclaration && value.id ? value.id.name : null;
      if (value.type === T.Identifier) consider(facts.valueOf(value), value.name, true);
      else consider(value, named, true);
    }
  }
  return [...found.values()];
}

/** A function literal, or the function inside a component wrapper (`memo(() => …)`). */
function componentFunction(facts: FileFacts, node: TSESTree.Node): FunctionNode | null {
  const value = unwrap(node);
  if (isFunctionNode(value)) return value;
  if (value.type !== T.CallExpression) return null;
  const imported = facts.imports.moduleValueOf(value.callee);
  const wrapped =
    imported?.path.length === 1 &&
    COMPONENT_WRAPPERS.some(
      (entry) => entry.sources.includes(imported.source) && entry.names.includes(imported.path[0]),
    );
  const first = value.arguments[0];
  return wrapped && first ? componentFunction(facts, first) : null;
}

export function rendersJsx(fn: FunctionNode, keys: VisitorKeys): boolean {
  let found = false;
  walk(fn.body, keys, (node) => {
    if (found) return false;
    if (node.type === T.JSXElement || node.type === T.JSXFragment) found = true;
    return !found;
  });
  return found;
}

/** Calls a hook directly in its body: `useState(…)`, `React.useContext(…)`, `use(promise)`, `useQuery(…)`. */
function callsHook(fn: FunctionNode, keys: VisitorKeys): boolean {
  let found = false;
  walk(fn.body, keys, (node) => {
    if (found) return false;
    if (isFunctionNode(node)) return false;
    if (node.type === T.CallExpression) {
      const callee = unwrap(node.callee);
      const name =
        callee.type === T.Identifier
          ? callee.name
          : callee.type === T.MemberExpression && callee.property.type === T.Identifier
            ? callee.property.name
            : '';
      if (name === 'use' || HOOK_NAME.test(name)) found = true;
    }
    return !found;
  });
  return found;
}
