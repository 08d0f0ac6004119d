// `handler-state verify <file>`: invokes a handler several times in one module instance and shows what survived.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { EXIT_FATAL, EXIT_OK } from './exit-codes.js';
import {
  PLATFORMS,
  TEMPLATES,
  VerifyUsageError,
  formatVerifyReport,
  verifyHandler,
  type Platform,
  type TemplateName,
  type VerifyOptions,
} from '../runtime/index.js';

/** Where the command writes, and from which directory it runs; the same shape `scan` takes. */
export interface VerifyIO {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env?: Record<string, string | undefined>;
}

export const VERIFY_USAGE = `Usage: handler-state verify <file> [options]

Loads the handler's module once, as a warm execution environment does, invokes it several times one after
another and then several at once, and reads module state between invocations (no change to your code).
Every string in each event carries a canary (hs-canary-<k>-...), so request data left in module state is named.

Options:
  -e, --export <name>        Export to invoke (default: handler, default, main, lambdaHandler, an HTTP method
                             export, or the only function exported)
      --event <file.json>    Event to send (a single event or an array, used in turn)
  -t, --template <name>      Built-in event: ${TEMPLATES.join(', ')}
  -p, --platform <name>      How to call the export: ${PLATFORMS.join(', ')} (default: detected)
  -n, --times <n>            Invocations one after another (default 4)
  -c, --concurrency <n>      Invocations at once, afterwards (default 2; 0 turns it off)
      --timeout <ms>         Time limit per invocation (default 3000)
      --stub <spec>=<file>   Load <file> wherever the code imports or requires <spec> (repeatable)
      --define <name>=<json> Define a global before the module loads, as a bundler's define does (repeatable)
      --import <module>      Preload a loader in the handler's process (default: tsx for TypeScript)
      --max-depth <n>        How far to follow values and functions from the handler (default 8)
      --max-nodes <n>        Values read per snapshot (default 5000)
      --strict               Count state written between invocations as a leak
      --no-static            Do not lint the module to name the static findings each leak confirms
  -f, --format <human|json>  Output format (default: human)
  -h, --help                 Show this help

Exit codes: 0 no leak shown, 1 a leak shown, 2 usage error, or the handler could not be loaded or run.
`;

function integer(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/u.test(raw)) throw new VerifyUsageError(`--${name} needs a whole number, got "${raw}"`);
  return Number(raw);
}

function parse(argv: readonly string[]): { options: VerifyOptions; format: 'human' | 'json' } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        export: { type: 'string', short: 'e' },
        event: { type: 'string' },
        template: { type: 'string', short: 't' },
        platform: { type: 'string', short: 'p' },
        times: { type: 'string', short: 'n' },
        concurrency: { type: 'string', short: 'c' },
        timeout: { type: 'string' },
        stub: { type: 'string', multiple: true },
        define: { type: 'string', multiple: true },
        import: { type: 'string', multiple: true },
        'max-depth': { type: 'string' },
        'max-nodes': { type: 'string' },
        strict: { type: 'boolean' },
        'no-static': { type: 'boolean' },
        format: { type: 'string', short: 'f' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new VerifyUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new VerifyUsageError(positionals.length === 0 ? 'name the handler file to verify' : 'verify takes one file');
  }
  const format = values.format ?? 'human';
  if (format !== 'human' && format !== 'json')
    throw new VerifyUsageError(`Unknown format "${format}": use human or json`);
  const stubs: Record<string, string> = {};
  for (const entry of values.stub ?? []) {
    const eq = entry.lastIndexOf('=');
    if (eq <= 0 || eq === entry.length - 1)
      throw new VerifyUsageError(`--stub needs <specifier>=<file>, got "${entry}"`);
    stubs[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const defines: Record<string, unknown> = {};
  for (const entry of values.define ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new VerifyUsageError(`--define needs <name>=<value>, got "${entry}"`);
    const raw = entry.slice(eq + 1);
    try {
      defines[entry.slice(0, eq)] = JSON.parse(raw) as unknown;
    } catch {
      defines[entry.slice(0, eq)] = raw;
    }
  }
  return {
    format,
    options: {
      file: positionals[0],
      export: values.export,
      eventFile: values.event,
      template: values.template as TemplateName | undefined,
      platform: values.platform as Platform | undefined,
      times: integer('times', values.times),
      concurrency: integer('concurrency', values.concurrency),
      timeoutMs: integer('timeout', values.timeout),
      maxDepth: integer('max-depth', values['max-depth']),
      maxNodes: integer('max-nodes', values['max-nodes']),
      stubs,
      defines,
      imports: values.import,
      strict: values.strict ?? false,
      static: !(values['no-static'] ?? false),
    },
  };
}

/** Runs the command and resolves to its exit code. */
export async function runVerify(argv: readonly string[], io: VerifyIO): Promise<number> {
  let parsed;
  try {
    parsed = parse(argv);
  } catch (error) {
    if (!(error instanceof VerifyUsageError)) throw error;
    io.stderr.write(`handler-state verify: ${error.message}\n\n${VERIFY_USAGE}`);
    return EXIT_FATAL;
  }
  if (parsed === 'help') {
    io.stdout.write(VERIFY_USAGE);
    return EXIT_OK;
  }
  const { options, format } = parsed;
  const file = path.resolve(io.cwd, String(options.file));
  if (!fs.existsSync(file)) {
    io.stderr.write(`handler-state verify: no such file: ${String(options.file)}\n`);
    return EXIT_FATAL;
  }
  try {
    const result = await verifyHandler({ ...options, cwd: io.cwd, env: io.env });
    io.stdout.write(format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatVerifyReport(result));
    return result.exitCode;
  } catch (error) {
    if (!(error instanceof VerifyUsageError)) throw error;
    io.stderr.write(`handler-state verify: ${error.message}\n`);
    return EXIT_FATAL;
  }
}
