// Lints the bundled example handlers with the built plugin's recommended config and prints the findings (a demo: findings do not fail it).
//
// Usage: node scripts/lint-examples.mjs [--strict] [path ...]    (default path: examples/)
// Exit codes: 0 = linted (with or without findings), 2 = linting itself failed (parse error, crash, missing build).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv) {
  const strict = argv.includes('--strict');
  const targets = argv.filter((arg) => arg !== '--strict');
  const configName = strict ? 'strict' : 'recommended';

  // The built package, exactly as a user would import it.
  const { default: plugin } = await import('../dist/index.js');

  const eslint = new ESLint({
    cwd: root,
    // Ignore any eslint.config.* of this repository: the demo shows the plugin's own config and nothing else.
    overrideConfigFile: true,
    overrideConfig: plugin.configs[configName],
  });
  const results = await eslint.lintFiles(targets.length > 0 ? targets : ['examples/']);
  const formatter = await eslint.loadFormatter('stylish');
  const output = await formatter.format(results);
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);

  const fatal = results.flatMap((result) =>
    result.messages.filter((message) => message.fatal).map((message) => ({ file: result.filePath, message })),
  );

  const perRule = new Map();
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId) continue;
      perRule.set(message.ruleId, (perRule.get(message.ruleId) ?? 0) + 1);
    }
  }
  const findings = [...perRule.values()].reduce((sum, count) => sum + count, 0);
  const filesWithFindings = results.filter((result) => result.messages.some((m) => !m.fatal && m.ruleId)).length;
  const breakdown = [...perRule.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([rule, count]) => `${count} ${rule}`)
    .join(', ');
  console.log(
    `handler-state (${configName}): ${findings} finding${findings === 1 ? '' : 's'} in ${filesWithFindings} of ` +
      `${results.length} example file${results.length === 1 ? '' : 's'}` +
      (breakdown ? ` (${breakdown})` : '') +
      (filesWithFindings < results.length ? '; the other files show the safe patterns.' : '.'),
  );

  if (fatal.length > 0) {
    for (const { file, message } of fatal) {
      console.error(`fatal: ${path.relative(root, file)}:${message.line ?? 0}: ${message.message}`);
    }
    return 2;
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error('lint-examples failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  if (error?.code === 'ERR_MODULE_NOT_FOUND') console.error('Run `npm run build` first (dist/ is missing).');
  process.exitCode = 2;
}
