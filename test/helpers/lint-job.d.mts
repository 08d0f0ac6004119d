// Types of lint-job.mjs (plain JavaScript so that a child process can run it without a build step).

export interface LintJobMessage {
  ruleId: string | null;
  messageId: string | null;
  line: number;
  column: number;
  severity: number;
  fatal: boolean;
  message: string;
}

export interface LintJobResult {
  filePath: string;
  messages: LintJobMessage[];
}

export interface LintJob {
  /** Absolute path of the built plugin entry (dist/index.js or a snapshot of it). */
  plugin: string;
  cwd: string;
  files: string[];
  config?: 'recommended' | 'strict' | 'recommendedTypeChecked' | 'strictTypeChecked' | 'off';
  settings?: Record<string, unknown>;
  rules?: Record<string, unknown>;
  languageOptions?: Record<string, unknown>;
  /** Makes part of the syntax tree throw once ESLint's traversal has started: the whole file, or one handler. */
  inject?: 'file' | 'handler';
}

/** Lints the job's files through the ESLint class; `error` is an exception that escaped ESLint, as text. */
export function runLintJob(job: LintJob): Promise<{ results: LintJobResult[]; error: string | null }>;
