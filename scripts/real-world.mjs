// Re-runs the real-world count (docs/real-world.md): lints local checkouts with the built plugin, configs.strict.
//
// Usage: node scripts/real-world.mjs <checkout-dir>... [--out results.json] [--verbose] [--dist <built-dist-dir>]
//
// For every checkout it walks **/*.{js,cjs,mjs,ts,mts,cts} (skipping node_modules, build output, type
// declarations and tests), lints each file with the BUILT plugin (dist/, run `npm run build` first) through
// the ESLint API with `overrideConfigFile: true` and `configs.strict` (every rule), and counts handlers per
// file with a tiny ad-hoc rule that calls the shared analysis. It prints, per checkout: files, files with a
// handler, handlers, findings per rule (and which of them the recommended config would report), parse
// errors and crashes; --out writes every finding and every handler as JSON for triage.
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { realWorldConfig, walk } from './real-world-files.mjs';

const dist0 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
// The CLI's argument parser, from the build: one for src/cli, bench and scripts.
const { parseCommandLine } = await import(pathToFileURL(path.join(dist0, 'cli/args.js')).href);

const { values, positionals: dirs } = parseCommandLine(process.argv.slice(2), {
  out: { type: 'string' },
  dist: { type: 'string' },
  verbose: { type: 'boolean' },
});
const out = values.out ?? null;
const verbose = values.verbose ?? false;
// --dist: lint with a copy of the build (e.g. a snapshot taken while others rebuild dist/).
const dist = values.dist ? path.resolve(values.dist) : dist0;
const { default: plugin } = await import(path.join(dist, 'index.js'));
const { analyze } = await import(path.join(dist, 'analysis/index.js'));
if (dirs.length === 0) {
  console.error('usage: node scripts/real-world.mjs <checkout-dir>... [--out results.json] [--verbose]');
  process.exit(2);
}

const recommended = new Set(Object.keys(plugin.configs.recommended.find((c) => c.rules)?.rules ?? {}));
const strictRules = plugin.configs.strict.find((c) => c.rules)?.rules ?? {};

// Handlers per file, filled by the ad-hoc counting rule below.
const handlersByFile = new Map();
const countRule = {
  meta: { type: 'problem', schema: [], messages: {} },
  create(context) {
    return {
      Program() {
        try {
          const analysis = analyze(context);
          handlersByFile.set(
            context.filename,
            analysis.handlers.map((h) => ({
              name: h.name,
              reason: h.reason,
              line: h.node.loc.start.line,
            })),
          );
        } catch (error) {
          handlersByFile.set(context.filename, { error: String(error?.stack ?? error) });
        }
      },
    };
  },
};

function commitOf(dir) {
  try {
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    try {
      return readFileSync(path.join(dir, '.commit'), 'utf8').trim();
    } catch {
      return null;
    }
  }
}

const results = [];
for (const dir of dirs) {
  const abs = path.resolve(dir);
  if (!statSync(abs).isDirectory()) throw new Error(`not a directory: ${dir}`);
  const eslint = new ESLint({
    cwd: abs,
    overrideConfigFile: true,
    ignore: false, // the walk above already applied the exclusions
    overrideConfig: [
      ...realWorldConfig(plugin.configs.strict),
      {
        plugins: { 'real-world': { rules: { count: countRule } } },
        rules: { 'real-world/count': 'error' },
      },
    ],
  });
  const files = walk(abs);
  const repo = {
    name: path.basename(abs),
    dir: abs,
    commit: commitOf(abs),
    files: files.length,
    handlerFiles: 0,
    handlers: 0,
    findingsByRule: Object.fromEntries(Object.keys(strictRules).map((r) => [r, 0])),
    findings: [],
    handlerList: [],
    allFiles: files.map((f) => path.relative(abs, f)),
    parseErrors: [],
    crashes: [],
  };
  for (const file of files) {
    const rel = path.relative(abs, file);
    let lintResults;
    try {
      lintResults = await eslint.lintFiles([file]);
    } catch (error) {
      repo.crashes.push({ file: rel, error: String(error?.message ?? error).split('\n')[0] });
      continue;
    }
    for (const result of lintResults) {
      const hs = handlersByFile.get(result.filePath);
      if (Array.isArray(hs) && hs.length > 0) {
        repo.handlerFiles += 1;
        repo.handlers += hs.length;
        for (const h of hs) repo.handlerList.push({ file: rel, ...h });
      } else if (hs && !Array.isArray(hs)) {
        repo.crashes.push({ file: rel, error: hs.error.split('\n')[0] });
      }
      const lines = result.source?.split('\n') ?? readFileSync(file, 'utf8').split('\n');
      for (const m of result.messages) {
        if (m.fatal) {
          repo.parseErrors.push({ file: rel, line: m.line, message: m.message });
          continue;
        }
        if (!m.ruleId?.startsWith('handler-state/')) {
          // ruleId null: ESLint's own notes about inline comments that noInlineConfig ignores.
          if (m.ruleId && m.ruleId !== 'real-world/count')
            repo.crashes.push({ file: rel, error: `${m.ruleId}: ${m.message}` });
          continue;
        }
        repo.findingsByRule[m.ruleId.slice('handler-state/'.length)] += 1;
        repo.findings.push({
          file: rel,
          line: m.line,
          column: m.column,
          rule: m.ruleId.slice('handler-state/'.length),
          recommended: recommended.has(m.ruleId),
          message: m.message,
          code: (lines[m.line - 1] ?? '').trim().slice(0, 160),
        });
      }
    }
    handlersByFile.clear();
  }
  results.push(repo);

  const rec = repo.findings.filter((f) => f.recommended).length;
  console.log(`\n${repo.name}  ${repo.commit ?? '(no git commit)'}`);
  console.log(
    `  files ${repo.files}, handler files ${repo.handlerFiles}, handlers ${repo.handlers}, ` +
      `parse errors ${repo.parseErrors.length}, crashes ${repo.crashes.length}`,
  );
  console.log(`  findings: strict ${repo.findings.length}, recommended ${rec}`);
  for (const [rule, n] of Object.entries(repo.findingsByRule)) if (n) console.log(`    ${rule}: ${n}`);
  if (verbose) {
    for (const f of repo.findings) console.log(`    ${f.file}:${f.line}:${f.column} ${f.rule}  ${f.code}`);
    for (const p of repo.parseErrors) console.log(`    parse error ${p.file}:${p.line} ${p.message}`);
    for (const c of repo.crashes) console.log(`    crash ${c.file}: ${c.error}`);
  }
}

const total = (key) => results.reduce((n, r) => n + r[key], 0);
const allFindings = results.flatMap((r) => r.findings);
console.log(
  `\nTOTAL  files ${total('files')}, handler files ${total('handlerFiles')}, handlers ${total('handlers')}, ` +
    `findings strict ${allFindings.length}, recommended ${allFindings.filter((f) => f.recommended).length}, ` +
    `parse errors ${results.reduce((n, r) => n + r.parseErrors.length, 0)}, ` +
    `crashes ${results.reduce((n, r) => n + r.crashes.length, 0)}`,
);

if (out) {
  writeFileSync(
    out,
    `${JSON.stringify({ plugin: plugin.meta, generated: new Date().toISOString(), repos: results }, null, 2)}\n`,
  );
  console.log(`wrote ${out}`);
}
