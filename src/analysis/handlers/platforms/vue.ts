// Vue server rendering: the plugins, route middleware, composables and Vuex store modules of an app Nuxt renders on
// the server, Pinia setup stores, and the per-request `createApp()` factory of a hand-written Vue SSR entry
// (`createSSRApp`). Server rendering is decided from the project: the `nuxt` dependency and the app's
// `nuxt.config.*` (a top-level `ssr: false` or Nuxt 2's `mode: 'spa'` turns it off), or a Vue server renderer
// among the dependencies; `.client.*` files and plugins registered for the client only never run on the server.
import path from 'node:path';
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { enclosingFunction, unwrap } from '../../file/ast.js';
import { namedProperties, propertyValue } from '../../file/members.js';
import { projectOf, type Project } from '../../file/project.js';
import type { FunctionNode } from '../../types.js';
import type { Platform, PlatformContext } from '../registry.js';
import { callsOfImported } from './imported-calls.js';
import { NOT_RENDERED, SOURCE } from './server-rendering.js';
import { HOOK_NAME, namesCalledInSetup } from './vue-setup-calls.js';
import { escapeRegExp } from '../../../util/text.js';

const CONFIG_NAMES = ['ts', 'mts', 'js', 'mjs', 'cjs'].map((ext) => `nuxt.config.${ext}`);
/** Where Nuxt's own functions come from when they are imported rather than auto-imported. */
const NUXT_SOURCES = ['#app', '#imports', 'nuxt/app', '#app/nuxt', 'nuxt'];
/** A Vue server renderer among the dependencies: a hand-written SSR setup whose composables run per render. */
const VUE_SSR_PACKAGES = ['@vue/server-renderer', 'vue-server-renderer', 'vite-ssr', 'vike-vue'];
const STORE_PARTS = ['mutations', 'actions', 'getters'];
const MAX_CONFIG_CLIMB = 8;

/** The Nuxt app a file belongs to: the directory of the nearest `nuxt.config.*`, and whether it renders on the server. */
interface NuxtApp {
  /** The file's directories below the app's directory. */
  inside: string[];
  ssr: boolean;
  /** The config's text, for plugins registered for the client only. */
  config: string;
}

function nuxtAppOf(ctx: PlatformContext, project: Project): NuxtApp | null {
  if (!project.dependsOn(['nuxt', 'nuxt3', 'nuxt-edge'])) return null;
  const relative = path.relative(project.root, path.dirname(ctx.path)).split(path.sep).join('/');
  const parts = relative === '' ? [] : relative.split('/');
  if (parts[0] === '..') return null;
  for (let depth = parts.length, climbed = 0; depth >= 0 && climbed < MAX_CONFIG_CLIMB; depth--, climbed++) {
    const dir = parts.slice(0, depth).join('/');
    const config = project.text(CONFIG_NAMES.map((name) => (dir ? `${dir}/${name}` : name)));
    if (config !== null) return { inside: parts.slice(depth), ssr: !spaOnly(config), config };
  }
  // A Nuxt dependency without a readable config: Nuxt's default is to render on the server.
  return { inside: parts, ssr: true, config: '' };
}

/** A top-level `ssr: false` (or Nuxt 2's `mode: 'spa'`) in the config object; `ssr: false` of a plugin entry is not. */
export function spaOnly(config: string): boolean {
  const pattern = /\bssr\s*:\s*false\b|\bmode\s*:\s*['"`]spa['"`]/gu;
  for (let match = pattern.exec(config); match; match = pattern.exec(config)) {
    if (braceDepth(config, match.index) === 1) return true;
  }
  return false;
}

/** How many braces are open at `index` (strings and comments are not told apart: configs are small and plain). */
function braceDepth(text: string, index: number): number {
  let depth = 0;
  for (let i = 0; i < index; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}') depth--;
  }
  return depth;
}

/** `{ src: '~/plugins/socket.js', ssr: false }` or `mode: 'client'` in the config's `plugins`. */
function clientOnlyPlugin(config: string, basename: string): boolean {
  const name = escapeRegExp(basename.replace(/\.[cm]?[jt]s$/u, ''));
  const entry = new RegExp(`\\{[^{}]*plugins/${name}(?:\\.[cm]?[jt]s)?['"\`][^{}]*\\}`, 'gu');
  for (const match of config.matchAll(entry)) {
    if (/\bssr\s*:\s*false\b|\bmode\s*:\s*['"`]client['"`]/u.test(match[0])) return true;
  }
  return false;
}

/** `defineNuxtPlugin(…)` as an auto-imported global or imported from Nuxt. */
function isNuxtCall(ctx: PlatformContext, node: TSESTree.Node, name: string): node is TSESTree.CallExpression {
  const value = unwrap(node);
  if (value.type !== T.CallExpression) return false;
  const callee = unwrap(value.callee);
  if (callee.type !== T.Identifier || callee.name !== name) return false;
  const variable = ctx.facts.variableOf(callee);
  if (!variable || variable.defs.length === 0) return true;
  const imported = ctx.facts.imports.moduleValueOf(callee);
  return !!imported && NUXT_SOURCES.includes(imported.source);
}

/** The function a plugin or middleware default export runs: `defineNuxtPlugin(fn)`, `{ setup }`, or Nuxt 2's plain function. */
function definedFunction(ctx: PlatformContext, definer: string): FunctionNode | null {
  const entry = ctx.facts.exports.values().find((each) => each.name === 'default');
  if (!entry) return null;
  const value = ctx.facts.valueOf(entry.value);
  if (isNuxtCall(ctx, value, definer)) {
    const argument = value.arguments[0];
    if (!argument) return null;
    const direct = ctx.facts.functionOf(argument);
    if (direct) return direct;
    const options = ctx.facts.valueOf(argument);
    const setup = options.type === T.ObjectExpression ? propertyValue(options, 'setup') : null;
    return setup ? ctx.facts.functionOf(setup) : null;
  }
  return ctx.facts.functionOf(entry.value);
}

function detectNuxt(ctx: PlatformContext, project: Project, app: NuxtApp): void {
  const dirs = app.inside;
  if (dirs.includes('server') || dirs.includes('node_modules')) return;
  if (dirs.includes('plugins') && !clientOnlyPlugin(app.config, ctx.basename)) {
    const fn = definedFunction(ctx, 'defineNuxtPlugin');
    if (fn) ctx.add(fn, 'plugin', 'Nuxt plugin (run for every server-rendered request)', 'nuxt');
  }
  if (dirs.includes('middleware')) {
    const fn = definedFunction(ctx, 'defineNuxtRouteMiddleware');
    if (fn) ctx.add(fn, 'middleware', 'Nuxt route middleware (run for every server-rendered request)', 'nuxt');
  }
  if (dirs.includes('store')) detectStoreModule(ctx);
  detectComposables(ctx, project, 'Nuxt');
}

/** Nuxt 2 store modules (`store/*.js`): Nuxt makes the store per request and runs its mutations and actions there. */
function detectStoreModule(ctx: PlatformContext): void {
  for (const { name, value } of ctx.facts.exports.values()) {
    if (!STORE_PARTS.includes(name)) continue;
    const object = ctx.facts.valueOf(value);
    if (object.type !== T.ObjectExpression) continue;
    for (const { name: member, property } of namedProperties(object)) {
      const fn = ctx.facts.functionOf(property.value);
      if (fn)
        ctx.add(fn, `${name}.${member}`, 'Vuex store module of a Nuxt app (run per request on the server)', 'nuxt');
    }
  }
}

/**
 * Exported composables (`useCart`): called from components' `setup()`, so once per render on the server. The
 * functions they return run when the component calls them: later in the browser (an event, a watcher), unless
 * setup code calls them right away.
 */
function detectComposables(ctx: PlatformContext, project: Project, label: string): void {
  const fileName = ctx.basename.replace(/\.[cm]?[jt]sx?$/u, '');
  for (const { name, fn } of ctx.facts.exports.functions()) {
    // `export default function useCourse()`, or an anonymous default named by its file (`useCourse.ts`).
    const own = name === 'default' ? (fn.type !== T.ArrowFunctionExpression && fn.id ? fn.id.name : fileName) : name;
    if (!HOOK_NAME.test(own)) continue;
    const calledInSetup = namesCalledInSetup(project.root, ctx.path, own);
    const reason = `composable run while rendering on the server (${label})`;
    ctx.add(fn, own, reason, 'vue-ssr', { deferredReturns: { calledInSetup } });
  }
  // `defineStore('cart', () => { … })`: a setup store runs once for each request's Pinia.
  for (const { call } of callsOfImported(ctx.facts, ['pinia'], ['defineStore'])) {
    const setup = call.arguments[1];
    const fn = setup ? ctx.facts.functionOf(setup) : null;
    if (fn) ctx.add(fn, 'setup store', `Pinia setup store (run for each request's Pinia, ${label})`, 'vue-ssr');
  }
}

/** `createSSRApp(App)`: the function that calls it is the per-request app factory of a Vue SSR entry. */
function detectAppFactories(ctx: PlatformContext): void {
  for (const { call } of callsOfImported(ctx.facts, ['vue', '@vue/runtime-dom'], ['createSSRApp'])) {
    const fn = enclosingFunction(call);
    if (!fn || enclosingFunction(fn)) continue;
    const name = fn.type !== T.ArrowFunctionExpression && fn.id ? fn.id.name : 'createApp';
    ctx.add(fn, name, 'per-request app factory of a Vue SSR entry (`createSSRApp`)', 'vue-ssr');
  }
}

function detect(ctx: PlatformContext): void {
  if (!SOURCE.test(ctx.basename) || NOT_RENDERED.test(ctx.basename)) return;
  if (ctx.directories.includes('node_modules')) return;
  detectAppFactories(ctx);
  const project = projectOf(ctx.path);
  if (!project) return;
  const app = nuxtAppOf(ctx, project);
  if (app) {
    if (app.ssr) detectNuxt(ctx, project, app);
    return;
  }
  if (project.dependsOn(VUE_SSR_PACKAGES) && !ctx.directories.includes('server'))
    detectComposables(ctx, project, 'Vue SSR');
}

export const vue: Platform = { id: 'vue', detect };
