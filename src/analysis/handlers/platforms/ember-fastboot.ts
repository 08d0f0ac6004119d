// Ember FastBoot: the server boots one application and makes an application instance for every request it renders,
// running the instance-initializers (`app/instance-initializers/*.js`, their `initialize` export) each time. Module
// state they write is shared by every request; the instance (`appInstance.register`, `lookup`) is per request.
import { AST_NODE_TYPES as T } from '@typescript-eslint/utils';
import { propertyValue } from '../../file/members.js';
import { projectOf } from '../../file/project.js';
import type { Platform, PlatformContext } from '../registry.js';

const FASTBOOT_PACKAGES = ['ember-cli-fastboot', 'fastboot', 'fastboot-app-server'];

function detect(ctx: PlatformContext): void {
  if (!/\.[cm]?[jt]s$/u.test(ctx.basename) || !ctx.directories.includes('instance-initializers')) return;
  if (ctx.directories.includes('node_modules') || ctx.directories.includes('tests')) return;
  if (!projectOf(ctx.path)?.dependsOn(FASTBOOT_PACKAGES)) return;
  const exports = ctx.facts.exports.values();
  const named = exports.find((entry) => entry.name === 'initialize');
  let fn = named ? ctx.facts.functionOf(named.value) : null;
  // `export default { initialize }` (or `{ name, initialize() {…} }`).
  const entry = fn ? null : exports.find((each) => each.name === 'default');
  const object = entry ? ctx.facts.valueOf(entry.value) : null;
  if (object?.type === T.ObjectExpression) {
    const value = propertyValue(object, 'initialize');
    fn = value ? ctx.facts.functionOf(value) : null;
  }
  if (fn) ctx.add(fn, 'initialize', 'Ember instance-initializer (run for every FastBoot request)', 'ember-fastboot');
}

export const emberFastBoot: Platform = { id: 'ember-fastboot', detect };
