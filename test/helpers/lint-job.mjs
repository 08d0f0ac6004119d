// Runs one lint job through the real ESLint class: the plugin's config (or none of its rules), settings, rule
// options and, on request, an injected failure. Used in a child process by lint-child.mjs and in-process by the
// defect suites, so that both lint exactly the same way.
//
// A job: { plugin, cwd, files, config?, settings?, rules?, languageOptions?, inject? }
// - plugin: the built dist/index.js (absolute); files: absolute or relative to cwd;
// - config: a plugin config name ('strict' by default), or 'off' for the plugin's parser setup with every plugin
//   rule off (what ESLint alone costs on the same files);
// - rules: merged over the config's, e.g. { 'handler-state/no-unbounded-growth': ['error', { allow: ['/x/g'] }] };
// - inject: 'file' | 'handler' turns on a rule that makes part of the syntax tree throw when read after ESLint's
//   own traversal has started (see FAULTS below), to see what the analysis does when one of its stages fails.
// HANDLER_STATE_DEBUG is read from the environment by the plugin, as for users (who run without it).
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';

/** Makes `object[key]` throw on every later read: a stand-in for any stage of the analysis failing there. */
function poison(object, key) {
  Object.defineProperty(object, key, {
    configurable: true,
    get() {
      throw new Error(`injected failure: ${object.type}.${key} cannot be read`);
    },
  });
}

/**
 * ESLint computes its traversal before the first listener runs, so a property poisoned from a listener is only
 * read again by rules: the plugin's analysis meets the failure, ESLint does not.
 * - file: the whole program (`Program.body`), so no stage can run;
 * - handler: the body of the function named `poisoned`, so only the stages that look into it fail.
 */
const FAULTS = {
  file: () => ({ Program: (node) => poison(node, 'body') }),
  handler: () => ({
    'FunctionDeclaration[id.name="poisoned"] > BlockStatement': (node) => poison(node, 'body'),
  }),
};

/** The flat config array of a job. */
function configOf(job, plugin) {
  const base = plugin.configs[job.config === 'off' ? 'strict' : (job.config ?? 'strict')];
  const off = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`handler-state/${name}`, 'off']));
  const fault = job.inject
    ? [
        {
          plugins: { fault: { rules: { inject: { meta: { schema: [] }, create: FAULTS[job.inject] } } } },
          rules: { 'fault/inject': 'error' },
        },
      ]
    : [];
  const overrideConfig = [
    // First, so that its listeners run before the plugin's on the same node.
    ...fault,
    ...base,
    ...(job.config === 'off' ? [{ rules: off }] : []),
    ...(job.settings ? [{ settings: { 'handler-state': job.settings } }] : []),
    ...(job.rules ? [{ rules: job.rules }] : []),
    ...(job.languageOptions ? [{ languageOptions: job.languageOptions }] : []),
  ];
  return overrideConfig;
}

/** Lints the job's files; resolves to `{ results, error }` (an exception that escaped ESLint, as text). */
export async function runLintJob(job) {
  const plugin = (await import(pathToFileURL(job.plugin).href)).default;
  const overrideConfig = configOf(job, plugin);
  let results = [];
  let error = null;
  try {
    const eslint = new ESLint({
      cwd: job.cwd,
      overrideConfigFile: true,
      overrideConfig,
      errorOnUnmatchedPattern: false,
    });
    const linted = await eslint.lintFiles(job.files);
    results = linted.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map((message) => ({
        ruleId: message.ruleId,
        messageId: message.messageId ?? null,
        line: message.line,
        column: message.column,
        severity: message.severity,
        fatal: message.fatal === true,
        message: message.message,
      })),
    }));
  } catch (caught) {
    error = String(caught?.stack ?? caught);
  }
  return { results, error };
}
