#!/usr/bin/env node
// The `handler-state` bin: dispatches `scan` (zero-config lint) and `discover` (handlers from deployment manifests).
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { EXIT_FATAL, EXIT_OK } from './exit-codes.js';
import type { CliIO } from './scan.js';

const USAGE = `Usage: handler-state <command> [options]

Commands:
  scan [paths...]    Lint JavaScript/TypeScript handlers with the recommended config (no ESLint config needed)
  discover [dir]     Print the handler settings declared in serverless.yml / SAM template.yaml / CDK code
  verify <file>      Invoke a handler several times in one module instance and show what its state kept

Run "handler-state <command> --help" for a command's options.
`;

function version(): string {
  const require = createRequire(import.meta.url);
  return (require('../../package.json') as { version: string }).version;
}

/** Runs the command line and resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    // Each command is loaded when it runs, so `--help` and usage errors answer without loading the analysis.
    case 'scan': {
      const { runScan } = await import('./scan.js');
      return runScan(rest, io);
    }
    case 'verify': {
      const { runVerify } = await import('./verify.js');
      return runVerify(rest, io);
    }
    case 'discover': {
      try {
        const { runDiscover } = await import('./discover.js');
        return await runDiscover(rest, {
          stdout: (text) => io.stdout.write(text),
          stderr: (text) => io.stderr.write(text),
          cwd: io.cwd,
        });
      } catch (error) {
        io.stderr.write(`handler-state discover: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
        return EXIT_FATAL;
      }
    }
    case '--version':
    case '-v':
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    case '--help':
    case '-h':
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_OK;
    case undefined:
      // A bare `handler-state` in a CI script is a mistake, not a request for help: say so and fail.
      io.stderr.write(`handler-state: no command given\n\n${USAGE}`);
      return EXIT_FATAL;
    default:
      io.stderr.write(`handler-state: unknown command "${command}"\n\n${USAGE}`);
      return EXIT_FATAL;
  }
}

/** True when this file is the program being run; npm's bin links are symlinks, hence the realpath. */
function isEntryPoint(): boolean {
  const invokedAs = process.argv[1];
  if (!invokedAs) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(invokedAs)).href;
  } catch {
    return false;
  }
}

/**
 * A stream that stops writing once its reader is gone: `handler-state scan | head` closes the pipe early, and the
 * write fails with EPIPE. That is the reader's choice, not an error of the scan, so the rest of the output is
 * dropped and the run ends with its own exit code instead of a stack trace.
 */
function closableStream(stream: NodeJS.WriteStream): CliIO['stdout'] {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw error;
  });
  return {
    isTTY: stream.isTTY,
    write: (text: string) => (closed ? false : stream.write(text)),
  };
}

if (isEntryPoint()) {
  const io: CliIO = {
    stdout: closableStream(process.stdout),
    stderr: closableStream(process.stderr),
    cwd: process.cwd(),
    env: process.env,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`handler-state: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = EXIT_FATAL;
    },
  );
}
