// Scores the built plugin against the labelled real-world sets (labels-*.json next to this file): recall per
// class on labelled leak sites, silence on labelled safe sites, real fixed bugs flagged at the parent commit
// (and quiet after the fix), precision, and the findings on unlabelled lines that still need triage. Each file is
// linted once with `strict` when `strict` enables every rule of `recommended` with the same settings (the
// recommended findings are then the strict findings of those rules), else once per config.
//
// Usage: node bench/real-world/score.mjs --corpus <dir> [--labels <file>]... [--dist <dir>] [--repo owner/name]...
//          [--bugs] [--bugs-only] [--unlabelled] [--triage <file>]... [--json <out.json>]
//   --corpus      root that holds the checkouts (`<corpus>/<checkout>`, bug parents and fixes under
//                 `<corpus>/bugs/<owner>__<name>@<short sha>`); or set HANDLER_STATE_CORPUS
//   --labels      labels file(s); default: every labels-*.json in this directory
//   --dist        the built plugin to score (default: this repository's dist/, run `npm run build` first)
//   --repo        only these repositories (repeatable)
//   --bugs        also lint each bug's fix commit and report whether the buggy lines are quiet there
//                 (at `<corpus>/bugs/<owner>__<name>@<short sha>`, else `<corpus>/bugs-fixed/…`)
//   --bugs-only   score the real fixed bugs only: skip the labelled checkouts (sites and precision)
//   --unlabelled  list every finding on a line that no label covers, with its triage verdict, and count per config
//                 how many unlabelled lines are triaged leak / safe / unclear or not triaged yet
//   --triage      triage file(s) of unlabelled findings (verdict per line and rule); default: the triage-<set>.json
//                 next to each labels-<set>.json
//   --json        write every finding and every verdict as JSON
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ESLint } from 'eslint';
import { realWorldConfig, walk } from '../../scripts/real-world-files.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const usage =
  'usage: node bench/real-world/score.mjs --corpus <dir> [--labels <file>]... [--dist <dir>] [--repo owner/name]... ' +
  '[--bugs] [--bugs-only] [--unlabelled] [--triage <file>]... [--json <out.json>]  (or set HANDLER_STATE_CORPUS instead of --corpus)';
let opts;
try {
  ({ values: opts } = parseArgs({
    options: {
      corpus: { type: 'string' },
      labels: { type: 'string', multiple: true },
      dist: { type: 'string' },
      repo: { type: 'string', multiple: true },
      bugs: { type: 'boolean', default: false },
      'bugs-only': { type: 'boolean', default: false },
      unlabelled: { type: 'boolean', default: false },
      triage: { type: 'string', multiple: true },
      json: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}

if (opts.help) {
  console.log(usage);
  process.exit(0);
}
const corpus = opts.corpus ?? process.env.HANDLER_STATE_CORPUS;
if (!corpus) {
  console.error(`${usage}\nno corpus root given`);
  process.exit(2);
}
const corpusRoot = path.resolve(corpus);
const dist = path.resolve(opts.dist ?? path.join(here, '..', '..', 'dist'));
if (!existsSync(path.join(dist, 'index.js'))) {
  console.error(`no built plugin at ${dist} (run \`npm run build\` or pass --dist)`);
  process.exit(2);
}
const { default: plugin } = await import(pathToFileURL(path.join(dist, 'index.js')).href);

const CONFIGS = ['recommended', 'strict'];
const labelFiles =
  opts.labels?.map((f) => path.resolve(f)) ??
  readdirSync(here)
    .filter((f) => /^labels-.+\.json$/.test(f))
    .sort()
    .map((f) => path.join(here, f));
const wanted = opts.repo ? new Set(opts.repo) : null;
const triageFiles =
  opts.triage?.map((f) => path.resolve(f)) ??
  labelFiles
    .map((f) => path.join(path.dirname(f), path.basename(f).replace(/^labels-/, 'triage-')))
    .filter((f) => existsSync(f));

const repos = [];
const sites = [];
const bugs = [];
for (const file of labelFiles) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const set = data.set ?? path.basename(file);
  if (!opts['bugs-only'])
    for (const r of data.repos ?? []) if (!wanted || wanted.has(r.repo)) repos.push({ ...r, set });
  for (const s of data.sites ?? []) if (!wanted || wanted.has(s.repo)) sites.push({ ...s, set });
  for (const b of data.bugs ?? []) if (!wanted || wanted.has(b.repo)) bugs.push({ ...b, set });
}

// Verdicts on findings that no label covers, per line and rule: leak, safe or unclear.
const VERDICTS = ['leak', 'safe', 'unclear'];
const triaged = new Map(); // lineKey + rule -> entry
for (const file of triageFiles) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const t of data.findings ?? []) {
    if (!VERDICTS.includes(t.verdict)) {
      console.error(`${path.basename(file)}: ${t.repo} ${t.file}:${t.line} has verdict ${JSON.stringify(t.verdict)}`);
      process.exit(2);
    }
    if (!wanted || wanted.has(t.repo)) triaged.set(`${t.repo}\0${t.file}\0${t.line}\0${t.rule}`, t);
  }
}
/** A line's verdict under one config: leak if any of its findings is a triaged leak, else untriaged if one is not
 * triaged, else unclear if one is unclear, else safe. */
function lineVerdict(fs) {
  const verdicts = [...new Set(fs.map((f) => f.rule))].map(
    (rule) => triaged.get(`${fs[0].repo}\0${fs[0].file}\0${fs[0].line}\0${rule}`)?.verdict ?? 'untriaged',
  );
  for (const v of ['leak', 'untriaged', 'unclear']) if (verdicts.includes(v)) return v;
  return 'safe';
}

const eslintFor = new Map();
/** One ESLint instance per (directory, config); files are linted one at a time so one bad file stays local. */
function eslint(cwd, config) {
  const key = `${cwd}\0${config}`;
  if (!eslintFor.has(key)) {
    eslintFor.set(
      key,
      new ESLint({
        cwd,
        overrideConfigFile: true,
        ignore: false,
        overrideConfig: realWorldConfig(plugin.configs[config]),
      }),
    );
  }
  return eslintFor.get(key);
}

/** The rules a config turns on, with their settings as written. */
const rulesOf = (config) => Object.assign({}, ...[plugin.configs[config]].flat().map((part) => part.rules ?? {}));
// When `strict` turns on every rule `recommended` does, with the same settings, one `strict` pass gives both: the
// recommended findings are the strict ones of recommended's rules. Otherwise each config gets its own pass.
const recommendedRules = rulesOf('recommended');
const strictRules = rulesOf('strict');
const onePass = Object.entries(recommendedRules).every(
  ([rule, setting]) => JSON.stringify(strictRules[rule]) === JSON.stringify(setting),
);
const lintMemo = new Map();

/** Lints `files` (absolute) under `cwd` with one config; returns findings and per-file problems. */
async function lint(cwd, files, config) {
  if (!onePass || !CONFIGS.includes(config)) return lintWith(cwd, files, config);
  const key = `${cwd}\0${files.join('\0')}`;
  if (!lintMemo.has(key)) {
    lintMemo.clear();
    lintMemo.set(key, await lintWith(cwd, files, 'strict'));
  }
  const { findings, problems } = lintMemo.get(key);
  if (config === 'strict') return { findings, problems };
  const kept = findings.filter((f) => recommendedRules[`handler-state/${f.rule}`] !== undefined);
  return { findings: kept.map((f) => ({ ...f })), problems };
}

async function lintWith(cwd, files, config) {
  const findings = [];
  const problems = [];
  for (const file of files) {
    const rel = path.relative(cwd, file);
    let results;
    try {
      results = await eslint(cwd, config).lintFiles([file]);
    } catch (error) {
      problems.push({ file: rel, error: String(error?.message ?? error).split('\n')[0] });
      continue;
    }
    for (const result of results) {
      for (const m of result.messages) {
        if (m.fatal) problems.push({ file: rel, error: `parse error ${m.line}: ${m.message}` });
        else if (m.ruleId?.startsWith('handler-state/')) {
          findings.push({ file: rel, line: m.line, rule: m.ruleId.slice('handler-state/'.length), message: m.message });
        }
      }
    }
  }
  return { findings, problems };
}

const lineKey = (repo, file, line) => `${repo}\0${file}\0${line}`;
const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(0)}%`);

// ---- labelled checkouts -------------------------------------------------------------------------------
const findingsAt = Object.fromEntries(CONFIGS.map((c) => [c, new Map()])); // lineKey -> findings
const repoRows = [];
const missing = [];
for (const r of repos) {
  const dir = path.join(corpusRoot, r.checkout);
  if (!existsSync(dir)) {
    missing.push(r.checkout);
    continue;
  }
  const files = walk(dir);
  const row = { repo: r.repo, files: files.length, problems: [] };
  for (const config of CONFIGS) {
    const { findings, problems } = await lint(dir, files, config);
    row[config] = findings.length;
    if (config === 'strict') row.problems = problems;
    for (const f of findings) {
      f.repo = r.repo;
      const key = lineKey(r.repo, f.file, f.line);
      if (!findingsAt[config].has(key)) findingsAt[config].set(key, []);
      findingsAt[config].get(key).push(f);
    }
  }
  repoRows.push(row);
  process.stderr.write(`linted ${r.repo} (${files.length} files)\n`);
}

const labelled = new Map(sites.map((s) => [lineKey(s.repo, s.file, s.line), s]));
const scored = sites.filter((s) => repos.some((r) => r.repo === s.repo && !missing.includes(r.checkout)));
for (const s of scored) {
  s.found = Object.fromEntries(CONFIGS.map((c) => [c, findingsAt[c].has(lineKey(s.repo, s.file, s.line))]));
}

function table(title, groupOf) {
  const groups = new Map();
  for (const s of scored) {
    const g = groupOf(s);
    if (!groups.has(g)) groups.set(g, { leak: [], safe: [] });
    groups.get(g)[s.label === 'leak' ? 'leak' : 'safe'].push(s);
  }
  const rows = [...groups.entries()].sort((a, b) => b[1].leak.length - a[1].leak.length || a[0].localeCompare(b[0]));
  rows.push([
    'overall',
    { leak: scored.filter((s) => s.label === 'leak'), safe: scored.filter((s) => s.label !== 'leak') },
  ]);
  console.log(`\n${title}`);
  console.log(
    '| group | leak sites | found (recommended) | found (strict) | safe sites | silent (recommended) | silent (strict) |',
  );
  console.log('| :-- | --: | --: | --: | --: | --: | --: |');
  for (const [name, { leak, safe }] of rows) {
    const found = (c) => leak.filter((s) => s.found[c]).length;
    const silent = (c) => safe.filter((s) => !s.found[c]).length;
    const cell = (n, d) => (d ? `${n} (${pct(n, d)})` : '—');
    console.log(
      `| ${name} | ${leak.length} | ${cell(found('recommended'), leak.length)} | ${cell(found('strict'), leak.length)} | ` +
        `${safe.length} | ${cell(silent('recommended'), safe.length)} | ${cell(silent('strict'), safe.length)} |`,
    );
  }
}

console.log(`plugin ${plugin.meta?.name ?? ''} ${plugin.meta?.version ?? ''} from ${dist}`);
console.log(`labels: ${labelFiles.map((f) => path.basename(f)).join(', ')}; corpus: ${corpusRoot}`);
if (missing.length) console.log(`missing checkouts (not scored): ${missing.join(', ')}`);
console.log('\n| repository | files | findings (recommended) | findings (strict) | files with problems |');
console.log('| :-- | --: | --: | --: | --: |');
for (const row of repoRows) {
  console.log(`| ${row.repo} | ${row.files} | ${row.recommended} | ${row.strict} | ${row.problems.length} |`);
}
for (const row of repoRows) for (const p of row.problems) console.log(`  problem: ${row.repo} ${p.file}: ${p.error}`);
if (new Set(scored.map((s) => s.set)).size > 1) table('Sites by labelled set', (s) => s.set);
table('Sites by class (why a tool might miss or mis-flag them)', (s) => s.class);
table('Sites by kind', (s) => (s.label === 'leak' ? s.kind : `safe (${s.kind})`));

// Precision per finding line: a line with findings is a true positive when a leak label covers it, a false
// positive when a safe label does; unlabelled lines are counted apart until they are triaged.
const unlabelled = Object.fromEntries(CONFIGS.map((c) => [c, []]));
console.log(
  '\n| config | lines with findings | on leak labels | on safe labels | unlabelled | precision (labelled lines) |',
);
console.log('| :-- | --: | --: | --: | --: | --: |');
for (const config of CONFIGS) {
  let tp = 0;
  let fp = 0;
  for (const [key, fs] of findingsAt[config]) {
    const site = labelled.get(key);
    if (!site) unlabelled[config].push(fs);
    else if (site.label === 'leak') tp += 1;
    else fp += 1;
  }
  const total = findingsAt[config].size;
  console.log(
    `| ${config} | ${total} | ${tp} | ${fp} | ${unlabelled[config].length} | ${pct(tp, tp + fp)} (${tp}/${tp + fp}) |`,
  );
}

// ---- real fixed bugs --------------------------------------------------------------------------------------
const bugDir = (b, commit) => {
  const name = `${b.repo.replace('/', '__')}@${commit.slice(0, 7)}`;
  const parent = path.join(corpusRoot, 'bugs', name);
  const fixed = path.join(corpusRoot, 'bugs-fixed', name);
  return existsSync(parent) || !existsSync(fixed) ? parent : fixed;
};
const bugRows = [];
for (const b of bugs) {
  const parentDir = bugDir(b, b.parentCommit);
  const row = { repo: b.repo, file: b.file, lines: b.lines, kind: b.kind, class: b.class };
  if (!existsSync(path.join(parentDir, b.file))) {
    row.missing = 'parent';
    bugRows.push(row);
    continue;
  }
  const parentLines = readFileSync(path.join(parentDir, b.file), 'utf8').split('\n');
  const buggyText = new Set(b.lines.map((l) => (parentLines[l - 1] ?? '').trim()).filter(Boolean));
  for (const config of CONFIGS) {
    const { findings } = await lint(parentDir, [path.join(parentDir, b.file)], config);
    row[`flagged_${config}`] = findings.some((f) => b.lines.includes(f.line));
    row[`parentFindings_${config}`] = findings.map((f) => `${f.line} ${f.rule}`);
  }
  if (opts.bugs) {
    const fixDir = bugDir(b, b.fixCommit);
    const fixFile = path.join(fixDir, b.file);
    if (!existsSync(fixDir)) row.fixMissing = true;
    for (const config of CONFIGS) {
      if (!existsSync(fixDir)) continue;
      if (!existsSync(fixFile)) {
        row[`quiet_${config}`] = true; // the file is gone after the fix
        continue;
      }
      const fixLines = readFileSync(fixFile, 'utf8').split('\n');
      const { findings } = await lint(fixDir, [fixFile], config);
      row[`quiet_${config}`] = !findings.some((f) => buggyText.has((fixLines[f.line - 1] ?? '').trim()));
    }
  }
  bugRows.push(row);
}
if (bugRows.length) {
  console.log(
    '\nReal fixed bugs (flagged: a finding on a buggy line at the parent commit' +
      (opts.bugs ? '; quiet: no finding on those statements at the fix commit' : '') +
      ')',
  );
  console.log(
    `| repository | file | kind | class | flagged (rec / strict)${opts.bugs ? ' | quiet at fix (rec / strict)' : ''} |`,
  );
  console.log(`| :-- | :-- | :-- | :-- | :-- |${opts.bugs ? ' :-- |' : ''}`);
  const yn = (v) => (v === undefined ? '—' : v ? 'yes' : 'no');
  for (const row of bugRows) {
    const flagged = row.missing
      ? `missing ${row.missing} checkout`
      : `${yn(row.flagged_recommended)} / ${yn(row.flagged_strict)}`;
    const quiet = opts.bugs
      ? ` | ${row.fixMissing ? 'missing fix checkout' : `${yn(row.quiet_recommended)} / ${yn(row.quiet_strict)}`}`
      : '';
    console.log(
      `| ${row.repo} | ${row.file}:${row.lines.join(',')} | ${row.kind} | ${row.class} | ${flagged}${quiet} |`,
    );
  }
  const scoredBugs = bugRows.filter((r) => !r.missing);
  for (const config of CONFIGS) {
    const flagged = scoredBugs.filter((r) => r[`flagged_${config}`]).length;
    let line = `bugs flagged (${config}): ${flagged}/${scoredBugs.length}`;
    if (opts.bugs) {
      const withFix = scoredBugs.filter((r) => r[`quiet_${config}`] !== undefined);
      line += `; quiet at fix: ${withFix.filter((r) => r[`quiet_${config}`]).length}/${withFix.length}`;
    }
    console.log(line);
  }
}

// ---- triage list ----------------------------------------------------------------------------------------
if (opts.unlabelled) {
  const union = new Map();
  for (const config of CONFIGS) {
    for (const fs of unlabelled[config]) {
      const { repo, file, line } = fs[0];
      const key = lineKey(repo, file, line);
      if (!union.has(key)) union.set(key, { repo, file, line, configs: [], findings: [] });
      union.get(key).configs.push(config);
      union.get(key).findings.push(...fs);
    }
  }
  console.log(
    `\nTriage of the unlabelled lines (${triageFiles.map((f) => path.basename(f)).join(', ') || 'no triage file'}; ` +
      'a line is leak when one of its findings is, safe when all are)',
  );
  console.log('| config | unlabelled lines | leak | safe | unclear | untriaged | precision (triaged lines) |');
  console.log('| :-- | --: | --: | --: | --: | --: | --: |');
  for (const config of CONFIGS) {
    const count = { leak: 0, safe: 0, unclear: 0, untriaged: 0 };
    for (const fs of unlabelled[config]) count[lineVerdict(fs)] += 1;
    const decided = count.leak + count.safe;
    console.log(
      `| ${config} | ${unlabelled[config].length} | ${count.leak} | ${count.safe} | ${count.unclear} | ` +
        `${count.untriaged} | ${pct(count.leak, decided)} (${count.leak}/${decided}) |`,
    );
  }
  console.log(`\nFindings on unlabelled lines (${union.size}):`);
  for (const u of [...union.values()].sort(
    (a, b) => `${a.repo}${a.file}`.localeCompare(`${b.repo}${b.file}`) || a.line - b.line,
  )) {
    const checkout = repos.find((r) => r.repo === u.repo)?.checkout;
    const code =
      readFileSync(path.join(corpusRoot, checkout, u.file), 'utf8')
        .split('\n')
        [u.line - 1]?.trim() ?? '';
    const rules = [...new Set(u.findings.map((f) => f.rule))].join(',');
    const verdict = lineVerdict(u.findings);
    console.log(
      `  ${u.repo} ${u.file}:${u.line} [${u.configs.join('+')}] ${rules} (${verdict}): ${code.slice(0, 120)}`,
    );
    console.log(`      ${u.findings[0].message.slice(0, 220)}`);
  }
}

if (opts.json) {
  const all = {};
  for (const config of CONFIGS) all[config] = [...findingsAt[config].values()].flat();
  writeFileSync(
    opts.json,
    `${JSON.stringify({ plugin: plugin.meta, repos: repoRows, sites: scored, bugs: bugRows, findings: all }, null, 2)}\n`,
  );
  console.log(`wrote ${opts.json}`);
}
