// Shared shapes of the discovery command: what a manifest reader finds and what it could not resolve.

/** One handler found through a deployment manifest. */
export interface DiscoveredHandler {
  /** Posix path relative to the project directory: the real source file found on disk. */
  file: string;
  /** The export that the platform invokes. */
  exportName: string;
  /** Posix path, relative to the project directory, of the manifest that declares the function. */
  manifest: string;
  /** The function's name in the manifest: serverless function key, CloudFormation logical id, CDK construct id. */
  functionId: string;
}

/** Something a manifest declares that could not be turned into a handler; the function is skipped. */
export interface DiscoveryProblem {
  manifest: string;
  message: string;
  /**
   * A short label for grouping problems in one summary line: `unsupported provider`, `missing file`, … Readers
   * that do not set it are grouped under their manifest kind.
   */
  reason?: string;
  /** True when the whole manifest was skipped, not only one of its functions. */
  wholeManifest?: boolean;
}

/** What one manifest reader returns. */
export interface ManifestResult {
  entries: DiscoveredHandler[];
  problems: DiscoveryProblem[];
}

/** Context handed to each manifest reader. */
export interface ManifestContext {
  /** Absolute project directory. */
  projectDir: string;
  /** Absolute path of the manifest. */
  manifestPath: string;
  /** Posix path of the manifest relative to the project directory. */
  manifest: string;
}
