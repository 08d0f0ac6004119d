// Lists a project's deployment manifests and CDK sources with the shared walker, skipping dependencies and build output.
import path from 'node:path';
import { isSourceFile, walkFiles } from '../walk.js';

/** Manifests sit near the top of a project; deeper directories are not entered. */
export const MAX_DEPTH = 6;

export const SERVERLESS_MANIFESTS = new Set(['serverless.yml', 'serverless.yaml', 'serverless.json']);
export const CLOUDFORMATION_MANIFESTS = new Set(['template.yaml', 'template.yml', 'template.json']);

export interface ProjectFiles {
  serverless: string[];
  cloudformation: string[];
  /** JavaScript/TypeScript sources that may define CDK constructs. */
  sources: string[];
}

/**
 * Lists candidate files, sorted, as absolute paths: the shared skip list and dot-directories are left out,
 * linked directories are not followed (so a link loop cannot hang the walk), only regular files are listed, and
 * directories deeper than MAX_DEPTH below the project are not entered.
 */
export function walkProject(projectDir: string): ProjectFiles {
  const files: ProjectFiles = { serverless: [], cloudformation: [], sources: [] };
  walkFiles(projectDir, {
    initial: true,
    skipDotDirectories: true,
    maxDepth: MAX_DEPTH,
    keepFile: (file) => {
      const name = path.basename(file);
      if (SERVERLESS_MANIFESTS.has(name)) files.serverless.push(file);
      else if (CLOUDFORMATION_MANIFESTS.has(name)) files.cloudformation.push(file);
      else if (isSourceFile(name)) files.sources.push(file);
      return false;
    },
  });
  for (const list of [files.serverless, files.cloudformation, files.sources]) list.sort();
  return files;
}
