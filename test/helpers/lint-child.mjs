// One lint job in a process of its own (started by limited-child.ts): runLintJob over files on disk, the results
// and the process's own resource figures printed as one JSON line on stdout.
// Usage: node test/helpers/lint-child.mjs JOB_JSON   (the job's fields are described in lint-job.mjs)
import { performance } from 'node:perf_hooks';
import { runLintJob } from './lint-job.mjs';

const started = performance.now();
const { results, error } = await runLintJob(JSON.parse(process.argv[2] ?? '{}'));
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({
    results,
    error,
    maxRssKb: usage.maxRSS,
    cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
    wallMs: Math.round(performance.now() - started),
  })}\n`,
);
