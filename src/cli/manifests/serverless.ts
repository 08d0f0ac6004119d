// Reads Serverless Framework manifests (serverless.yml/.yaml/.json): functions.<id>.handler of the AWS provider.
import path from 'node:path';
import { describeTried, resolveModule, relativeToProject, splitHandler } from './paths.js';
import type { DiscoveredHandler, DiscoveryProblem, ManifestContext, ManifestResult } from './types.js';
import { describeValue, isRecord, loadManifest } from './yaml.js';

const VARIABLE = '${';

export function readServerless(context: ManifestContext): ManifestResult {
  const entries: DiscoveredHandler[] = [];
  const problems: DiscoveryProblem[] = [];
  const problem = (message: string): void => {
    problems.push({ manifest: context.manifest, message });
  };

  const loaded = loadManifest(context.manifestPath);
  if (!loaded.ok) {
    problem(loaded.message);
    return { entries, problems };
  }
  const root = loaded.value;
  if (!isRecord(root)) {
    problem('the manifest is not a mapping of settings');
    return { entries, problems };
  }

  const provider = isRecord(root.provider) ? root.provider : {};
  const providerName = typeof root.provider === 'string' ? root.provider : provider.name;
  if (typeof providerName === 'string' && providerName !== 'aws' && !providerName.includes(VARIABLE)) {
    problem(`provider "${providerName}" is not supported; only AWS Lambda handlers are read`);
    return { entries, problems };
  }

  const functions = collectFunctions(root.functions, problem);
  const manifestDir = path.dirname(context.manifestPath);
  for (const [functionId, definition] of functions) {
    const label = `function "${functionId}"`;
    if (!isRecord(definition)) {
      if (typeof definition === 'string' && definition.includes(VARIABLE)) {
        problem(`${label} is the variable "${definition}", which cannot be resolved without deploying; skipped`);
      } else if (definition !== null && definition !== undefined) {
        problem(`${label} is ${describeValue(definition)}, not a mapping; skipped`);
      }
      continue;
    }
    if (!isNodeRuntime(definition.runtime ?? provider.runtime)) continue;
    const handler = definition.handler;
    if (handler === undefined) {
      // Container-image functions have no handler and no source file to lint.
      if (definition.image === undefined) problem(`${label} has no handler; skipped`);
      continue;
    }
    if (typeof handler !== 'string') {
      problem(`${label}: handler is ${describeValue(handler)}, not a literal; skipped`);
      continue;
    }
    if (handler.includes(VARIABLE)) {
      problem(
        `${label}: handler "${handler}" contains a variable, which cannot be resolved without deploying; skipped`,
      );
      continue;
    }
    const parts = splitHandler(handler);
    if (!parts) {
      problem(`${label}: handler "${handler}" is not of the form path/to/module.exportName; skipped`);
      continue;
    }
    const base = path.resolve(manifestDir, parts.modulePath);
    const file = resolveModule(base);
    if (!file) {
      problem(
        `${label}: handler "${handler}" points to a missing file (tried ${describeTried(context.projectDir, base)}); skipped`,
      );
      continue;
    }
    entries.push({
      file: relativeToProject(context.projectDir, file),
      exportName: parts.exportName,
      manifest: context.manifest,
      functionId,
    });
  }
  return { entries, problems };
}

/** `functions` is a mapping, or (older manifests) a list of mappings merged in order. */
function collectFunctions(value: unknown, problem: (message: string) => void): Array<[string, unknown]> {
  if (value === undefined || value === null) return [];
  if (isRecord(value)) return Object.entries(value);
  if (Array.isArray(value)) {
    const merged: Array<[string, unknown]> = [];
    value.forEach((item: unknown, index) => {
      if (isRecord(item)) merged.push(...Object.entries(item));
      else if (typeof item === 'string' && item.includes(VARIABLE)) {
        problem(`functions[${index}] is the variable "${item}", which cannot be resolved without deploying; skipped`);
      } else problem(`functions[${index}] is ${describeValue(item)}, not a mapping of functions; skipped`);
    });
    return merged;
  }
  if (typeof value === 'string' && value.includes(VARIABLE)) {
    problem(`functions is the variable "${value}", which cannot be resolved without deploying; skipped`);
  } else {
    problem(`functions is ${describeValue(value)}, not a mapping of functions; skipped`);
  }
  return [];
}

/** A runtime that is unset, not a literal or a variable may be Node.js; `python3.12` and the like are not. */
function isNodeRuntime(runtime: unknown): boolean {
  return typeof runtime !== 'string' || runtime.includes(VARIABLE) || runtime.startsWith('nodejs');
}
