// Reads Serverless Framework manifests (serverless.yml/.yaml/.json): functions.<id>.handler of the AWS provider.
import path from 'node:path';
import { checkHandlerString, describeTried, resolveModule, relativeToProject } from './paths.js';
import type { DiscoveredHandler, DiscoveryProblem, ManifestContext, ManifestResult } from './types.js';
import { describeValue, isRecord, loadManifest } from './yaml.js';

const VARIABLE = '${';

export function readServerless(context: ManifestContext): ManifestResult {
  const entries: DiscoveredHandler[] = [];
  const problems: DiscoveryProblem[] = [];
  const problem = (message: string, reason: string, wholeManifest = false): void => {
    problems.push({ manifest: context.manifest, message, reason, ...(wholeManifest ? { wholeManifest } : {}) });
  };

  const loaded = loadManifest(context.manifestPath);
  if (!loaded.ok) {
    problem(loaded.message, loaded.reason, true);
    return { entries, problems };
  }
  const root = loaded.value;
  if (!isRecord(root)) {
    problem('the manifest is not a mapping of settings', 'malformed', true);
    return { entries, problems };
  }

  const provider = isRecord(root.provider) ? root.provider : {};
  const providerName = typeof root.provider === 'string' ? root.provider : provider.name;
  if (typeof providerName === 'string' && providerName !== 'aws' && !providerName.includes(VARIABLE)) {
    problem(
      `provider "${providerName}" is not supported; only AWS Lambda handlers are read`,
      'unsupported provider',
      true,
    );
    return { entries, problems };
  }

  const functions = collectFunctions(root.functions, problem);
  const manifestDir = path.dirname(context.manifestPath);
  for (const [functionId, definition] of functions) {
    const label = `function "${functionId}"`;
    if (!isRecord(definition)) {
      if (typeof definition === 'string' && definition.includes(VARIABLE)) {
        problem(
          `${label} is the variable "${definition}", which cannot be resolved without deploying; skipped`,
          'variable',
        );
      } else if (definition !== null && definition !== undefined) {
        problem(`${label} is ${describeValue(definition)}, not a mapping; skipped`, 'malformed');
      }
      continue;
    }
    if (!isNodeRuntime(definition.runtime ?? provider.runtime)) continue;
    const handler = definition.handler;
    if (handler === undefined) {
      // Container-image functions have no handler and no source file to lint.
      if (definition.image === undefined) problem(`${label} has no handler; skipped`, 'no handler');
      continue;
    }
    if (typeof handler !== 'string') {
      problem(`${label}: handler is ${describeValue(handler)}, not a literal; skipped`, 'not a literal');
      continue;
    }
    if (handler.includes(VARIABLE)) {
      problem(
        `${label}: handler "${handler}" contains a variable, which cannot be resolved without deploying; skipped`,
        'variable',
      );
      continue;
    }
    const checked = checkHandlerString(handler);
    if (!checked.ok) {
      problem(`${label}: handler ${checked.problem}; skipped`, 'malformed');
      continue;
    }
    const parts = checked.parts;
    if (checked.note) problem(`${label}: handler ${checked.note}`, 'blanks');
    const base = path.resolve(manifestDir, parts.modulePath);
    const file = resolveModule(base);
    if (!file) {
      problem(
        `${label}: handler "${handler}" points to a missing file (tried ${describeTried(context.projectDir, base)}); skipped`,
        'missing file',
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
function collectFunctions(
  value: unknown,
  problem: (message: string, reason: string) => void,
): Array<[string, unknown]> {
  if (value === undefined || value === null) return [];
  if (isRecord(value)) return Object.entries(value);
  if (Array.isArray(value)) {
    const merged: Array<[string, unknown]> = [];
    value.forEach((item: unknown, index) => {
      if (isRecord(item)) merged.push(...Object.entries(item));
      else if (typeof item === 'string' && item.includes(VARIABLE)) {
        problem(
          `functions[${index}] is the variable "${item}", which cannot be resolved without deploying; skipped`,
          'variable',
        );
      } else problem(`functions[${index}] is ${describeValue(item)}, not a mapping of functions; skipped`, 'malformed');
    });
    return merged;
  }
  if (typeof value === 'string' && value.includes(VARIABLE)) {
    problem(`functions is the variable "${value}", which cannot be resolved without deploying; skipped`, 'variable');
  } else {
    problem(`functions is ${describeValue(value)}, not a mapping of functions; skipped`, 'malformed');
  }
  return [];
}

/** A runtime that is unset, not a literal or a variable may be Node.js; `python3.12` and the like are not. */
function isNodeRuntime(runtime: unknown): boolean {
  return typeof runtime !== 'string' || runtime.includes(VARIABLE) || runtime.startsWith('nodejs');
}
