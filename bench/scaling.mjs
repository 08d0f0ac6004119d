// Scaling check with the garbage collector taken out: rule time per line for generated 1k/10k/100k-line files,
// a forced gc() before every run and the median over runs. Usage: node --expose-gc bench/scaling.mjs [rule-name]
import { Linter } from 'eslint';
import plugin from '../dist/index.js';
import { loadGenerator } from './lib.mjs';
const gen = await loadGenerator();
const only = process.argv[2];
const rules = Object.fromEntries(
  Object.keys(plugin.rules)
    .filter((r) => !only || r === only)
    .map((r) => [`handler-state/${r}`, 'error']),
);
for (const lines of [1000, 10000, 100000]) {
  const { code } = gen.generateLargeModule({ lines, seed: 1 });
  const reps = Math.max(1, Math.round(200000 / lines));
  const per = [];
  for (let i = 0; i < reps; i++) {
    const linter = new Linter();
    globalThis.gc();
    linter.verifyAndFix(code, [{ plugins: { 'handler-state': plugin }, rules }], {
      filename: 'x.js',
      stats: true,
      fix: false,
    });
    const t = linter.getTimes().passes[0].rules;
    per.push(Object.values(t).reduce((s, v) => s + v.total, 0));
  }
  per.sort((a, b) => a - b);
  const med = per[Math.floor(per.length / 2)];
  console.log(lines, ((med * 1000) / code.split('\n').length).toFixed(3), 'us/line (median of', reps + ')');
}
