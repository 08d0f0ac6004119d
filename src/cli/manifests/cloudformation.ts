// Reads SAM/CloudFormation templates: Lambda functions' Handler, CodeUri/Code and esbuild EntryPoints.
import path from 'node:path';
import { checkHandlerString, describeTried, isDirectory, isFile, relativeToProject, resolveModule } from './paths.js';
import type { DiscoveredHandler, DiscoveryProblem, ManifestContext, ManifestResult } from './types.js';
import { describeValue, isRecord, loadManifest } from './yaml.js';

const SAM_FUNCTION = 'AWS::Serverless::Function';
const LAMBDA_FUNCTION = 'AWS::Lambda::Function';
const SOURCE_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export function readCloudFormation(context: ManifestContext): ManifestResult {
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
  // A file called template.yaml is not necessarily a CloudFormation template; leave others alone.
  if (!isRecord(root) || !('Resources' in root || 'AWSTemplateFormatVersion' in root || 'Transform' in root)) {
    return { entries, problems };
  }
  if (!isRecord(root.Resources)) {
    problem(`Resources is ${describeValue(root.Resources)}, not a mapping; nothing read`, 'malformed', true);
    return { entries, problems };
  }
  const globals = isRecord(root.Globals) && isRecord(root.Globals.Function) ? root.Globals.Function : {};
  const templateDir = path.dirname(context.manifestPath);

  for (const [logicalId, resource] of Object.entries(root.Resources)) {
    if (!isRecord(resource)) continue;
    const type = resource.Type;
    if (type !== SAM_FUNCTION && type !== LAMBDA_FUNCTION) continue;
    const isSam = type === SAM_FUNCTION;
    const label = `${type === SAM_FUNCTION ? 'function' : 'Lambda function'} "${logicalId}"`;
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    // Globals apply to SAM functions only; a property set on the resource wins.
    const property = (key: string): unknown => (key in properties || !isSam ? properties[key] : globals[key]);

    if (property('PackageType') === 'Image') continue;
    const runtime = property('Runtime');
    if (typeof runtime === 'string' && !runtime.startsWith('nodejs')) continue;
    if (isSam && property('InlineCode') !== undefined) continue;

    const codeDir = locateCode(isSam, property, templateDir);
    if (codeDir === 'inline') continue;
    if (typeof codeDir !== 'string') {
      problem(`${label}: ${codeDir.problem}; skipped`, codeDir.reason);
      continue;
    }

    const handler = property('Handler');
    if (handler === undefined) {
      problem(`${label} has no Handler; skipped`, 'no handler');
      continue;
    }
    if (typeof handler !== 'string') {
      problem(`${label}: Handler is ${describeValue(handler)}, not a literal; skipped`, 'not a literal');
      continue;
    }
    const checked = checkHandlerString(handler);
    if (!checked.ok) {
      problem(`${label}: Handler ${checked.problem}; skipped`, 'malformed');
      continue;
    }
    const parts = checked.parts;
    if (checked.note) problem(`${label}: Handler ${checked.note}`, 'blanks');

    const metadata = isRecord(resource.Metadata) ? resource.Metadata : {};
    const buildProperties = isRecord(metadata.BuildProperties) ? metadata.BuildProperties : {};
    let file: string | undefined;
    if (buildProperties.EntryPoints !== undefined) {
      // esbuild builds: Handler names the bundle, EntryPoints names the source it is built from.
      const entryPoint = pickEntryPoint(buildProperties.EntryPoints, parts.modulePath);
      if (typeof entryPoint !== 'string') {
        problem(`${label}: ${entryPoint.problem}; skipped`, 'malformed');
        continue;
      }
      const absolute = path.resolve(codeDir, entryPoint);
      file = isFile(absolute) ? absolute : resolveModule(absolute);
      if (!file) {
        problem(
          `${label}: EntryPoints names "${entryPoint}", which is missing from ${relativeToProject(context.projectDir, codeDir) || '.'}; skipped`,
          'missing file',
        );
        continue;
      }
    } else {
      const base = path.resolve(codeDir, parts.modulePath);
      file = resolveModule(base);
      if (!file) {
        problem(
          `${label}: Handler "${handler}" points to a missing file (tried ${describeTried(context.projectDir, base)}); skipped`,
          'missing file',
        );
        continue;
      }
    }
    entries.push({
      file: relativeToProject(context.projectDir, file),
      exportName: parts.exportName,
      manifest: context.manifest,
      functionId: logicalId,
    });
  }
  return { entries, problems };
}

/** An absolute code directory, the string `'inline'` for code written in the template, or why there is none. */
type Located = string | { problem: string; reason: string };

/** The directory the Handler is relative to: SAM `CodeUri` (default: the template's directory) or Lambda `Code`. */
function locateCode(isSam: boolean, property: (key: string) => unknown, templateDir: string): Located {
  const key = isSam ? 'CodeUri' : 'Code';
  let location = property(key);
  if (isSam && location === undefined) location = '.';
  if (!isSam && isRecord(location)) {
    if (location.ZipFile !== undefined) return 'inline';
    if (location.S3Bucket !== undefined) {
      return { problem: 'Code is in an S3 bucket, not in the project', reason: 'code not in the project' };
    }
  }
  if (location === undefined) return { problem: 'Code is missing', reason: 'malformed' };
  if (typeof location !== 'string') {
    return { problem: `${key} is ${describeValue(location)}, not a local path`, reason: 'not a literal' };
  }
  if (/^s3:\/\//i.test(location)) {
    return {
      problem: `${key} "${location}" is in an S3 bucket, not in the project`,
      reason: 'code not in the project',
    };
  }
  const directory = path.resolve(templateDir, location);
  if (!isDirectory(directory)) {
    return { problem: `${key} "${location}" is not a directory in the project`, reason: 'missing file' };
  }
  return directory;
}

/** One entry point: the only one, or the one whose path (or else file name) matches the Handler's module. */
function pickEntryPoint(value: unknown, modulePath: string): string | { problem: string } {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string')) {
    return { problem: `Metadata.BuildProperties.EntryPoints is ${describeValue(value)}, not a list of literal paths` };
  }
  const entryPoints = value;
  if (entryPoints.length === 1) return entryPoints[0];
  const withoutExtension = (file: string): string => path.posix.normalize(file.replace(SOURCE_EXTENSION, ''));
  const wanted = path.posix.normalize(modulePath);
  const exact = entryPoints.filter((entry) => withoutExtension(entry) === wanted);
  if (exact.length === 1) return exact[0];
  const byName = entryPoints.filter(
    (entry) => path.posix.basename(withoutExtension(entry)) === path.posix.basename(wanted),
  );
  if (byName.length === 1) return byName[0];
  return {
    problem: `none of Metadata.BuildProperties.EntryPoints (${entryPoints.join(', ')}) matches Handler module "${modulePath}"`,
  };
}
