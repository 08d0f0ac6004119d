// A captured CLI run and the handler fixtures the scan and snippet tests share (temp projects: test/helpers/temp.ts).
import { runScan, type CliIO, type ScanOptions } from '../../src/cli/scan-command.js';

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function scanIn(
  cwd: string,
  argv: string[],
  tty: { stdout?: boolean; stderr?: boolean } = {},
  options: ScanOptions = {},
): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text), isTTY: tty.stdout ?? false },
    stderr: { write: (text: string) => (stderr += text), isTTY: tty.stderr ?? false },
    cwd,
    env: {},
  };
  const code = await runScan(argv, io, options);
  return { code, stdout, stderr };
}

/** A CommonJS Lambda handler that grows a module-scope array on every invocation (one finding, line 5). */
export const LEAKY_CJS = `'use strict';
const seen = [];

exports.handler = async (event) => {
  seen.push(event.id);
  return { statusCode: 200, body: String(seen.length) };
};
`;

/** The same leak as an ES module in TypeScript, with a type annotation so only a TS parser reads it. */
export const LEAKY_TS = `const visitors: string[] = [];

export const handler = async (event: { user: string }): Promise<number> => {
  visitors.push(event.user);
  return visitors.length;
};
`;

/** An ESM handler that keeps its state per invocation: nothing to report. */
export const CLEAN_ESM = `export const handler = async (event) => {
  const seen = [];
  seen.push(event.id);
  return { statusCode: 200, body: String(seen.length) };
};
`;
