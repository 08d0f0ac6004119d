// Firebase Cloud Functions: exported v1 trigger builders and v2 trigger functions from `firebase-functions`.
import { AST_NODE_TYPES as T, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrap } from '../../file/ast.js';
import type { FunctionNode } from '../../types.js';
import type { ImportTarget } from '../../file/imports.js';
import { namedProperties } from '../../file/members.js';
import type { AddHandler, Platform, PlatformContext } from '../registry.js';

export const FIREBASE_FUNCTIONS = 'firebase-functions';

/** Subpaths that export no triggers: importing only these does not make a file a Firebase functions file. */
const NON_TRIGGER_SUBPATHS = [
  'firebase-functions/logger',
  'firebase-functions/logger/compat',
  'firebase-functions/params',
  'firebase-functions/v2/params',
  'firebase-functions/v2/options',
  'firebase-functions/v2/core',
];

/** A trigger: `onRequest`, `onDocumentCreated`, `beforeUserCreated`, and v1 `onCreate`, `onRun`, `beforeSignIn`. */
const TRIGGER_NAME = /^(?:on|before)[A-Z]/u;
/** Start-up hooks whose callback runs once per instance, not per event. */
const START_UP = new Set(['onInit']);
/** How deep grouped exports go: `exports.orders = { created: onDocumentCreated(…) }`. */
const MAX_GROUP_DEPTH = 3;

interface Trigger {
  fn: FunctionNode;
  /** The trigger as written, without arguments: `onCall`, `functions.firestore.document().onCreate`. */
  shape: string;
}

export function detectFirebase(file: PlatformContext, add: AddHandler): void {
  if (!importsTriggers(file)) return;
  const visit = (name: string, value: TSESTree.Node, depth: number) => {
    const resolved = file.facts.valueOf(value);
    if (resolved.type === T.ObjectExpression) {
      // Grouped functions deploy as `group-name`; each property is a function of its own.
      if (depth >= MAX_GROUP_DEPTH) return;
      for (const { name: key, property } of namedProperties(resolved))
        visit(`${name}.${key}`, property.value, depth + 1);
      return;
    }
    const trigger = triggerOf(file, resolved);
    if (trigger) add(trigger.fn, name, `Firebase trigger \`${trigger.shape}()\``, 'firebase');
  };
  for (const { name, value } of file.facts.exports.values()) visit(name, value, 0);
}

function importsTriggers(file: PlatformContext): boolean {
  for (const source of file.facts.imports.sources) {
    if (source !== FIREBASE_FUNCTIONS && !source.startsWith(`${FIREBASE_FUNCTIONS}/`)) continue;
    if (!NON_TRIGGER_SUBPATHS.includes(source)) return true;
  }
  return false;
}

/**
 * The handler of a trigger call: a call whose callee is, through member accesses and builder calls
 * (`.document(p)`, `.runWith({…})`, `.region(…)`), a value imported from `firebase-functions`, and whose last
 * member is a trigger name. The handler is the last argument that is a function.
 */
function triggerOf(file: PlatformContext, node: TSESTree.Node): Trigger | null {
  const call = unwrap(node);
  if (call.type !== T.CallExpression) return null;
  const chain = importChain(file, call.callee);
  if (!chain || !isTriggerSource(chain.imported.source)) return null;
  const path = [...chain.imported.path, ...chain.segments];
  const method = path.at(-1);
  if (method === undefined || START_UP.has(method) || !TRIGGER_NAME.test(method)) return null;
  for (let i = call.arguments.length - 1; i >= 0; i--) {
    const argument = call.arguments[i];
    if (argument.type === T.SpreadElement) continue;
    const fn = file.facts.functionOf(argument);
    if (fn) return { fn, shape: chain.written };
  }
  return null;
}

function isTriggerSource(source: string): boolean {
  return (
    (source === FIREBASE_FUNCTIONS || source.startsWith(`${FIREBASE_FUNCTIONS}/`)) &&
    !NON_TRIGGER_SUBPATHS.includes(source)
  );
}

/**
 * Walks a callee down to the imported value it starts from: `functions.firestore.document(p).onCreate` gives the
 * import of `functions` and the segments `firestore`, `document`, `onCreate`. Builder-call arguments are skipped.
 */
function importChain(
  file: PlatformContext,
  callee: TSESTree.Node,
): { imported: ImportTarget; segments: string[]; written: string } | null {
  const segments: string[] = [];
  const written: string[] = [];
  let current = unwrap(callee);
  for (let depth = 0; depth < 16; depth++) {
    const imported = file.facts.imports.moduleValueOf(current);
    if (imported) {
      const root = rootText(current);
      return { imported, segments, written: [root, ...written].join('') };
    }
    if (current.type === T.MemberExpression) {
      const name = staticPropertyName(current);
      if (name === null) return null;
      segments.unshift(name);
      written.unshift(`.${name}`);
      current = unwrap(current.object);
    } else if (current.type === T.CallExpression) {
      written.unshift('()');
      current = unwrap(current.callee);
    } else if (current.type === T.Identifier && file.facts.valueOf(current) !== current) {
      // `const regional = functions.region('europe-west1')`, then `regional.https.onCall(fn)`.
      current = file.facts.valueOf(current);
    } else {
      return null;
    }
  }
  return null;
}

/** The callee text up to the import, for messages: `functions.https`, `onCall`, `require('…').https`. */
function rootText(node: TSESTree.Node): string {
  if (node.type === T.Identifier) return node.name;
  if (node.type === T.MemberExpression) {
    const name = staticPropertyName(node);
    return `${rootText(unwrap(node.object))}.${name ?? '?'}`;
  }
  if (node.type === T.CallExpression) return 'require(…)';
  return '…';
}

export const firebase: Platform = { id: 'firebase', detect: (ctx) => detectFirebase(ctx, ctx.add) };
