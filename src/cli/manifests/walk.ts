// Walks a project for deployment manifests and CDK sources, skipping dependencies and build output.
import fs from 'node:fs';
import path from 'node:path';

/** Directories never entered: dependencies, build output, deployment caches. Dot-directories are skipped too. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'cdk.out', 'coverage']);

export const MAX_DEPTH = 6;

export const SERVERLESS_MANIFESTS = new Set(['serverless.yml', 'serverless.yaml', 'serverless.json']);
export const CLOUDFORMATION_MANIFESTS = new Set(['template.yaml', 'template.yml', 'template.json']);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;

export interface ProjectFiles {
  serverless: string[];
  cloudformation: string[];
  /** JavaScript/TypeScript sources that may define CDK constructs. */
  sources: string[];
}

/**
 * Lists candidate files, sorted, as absolute paths. Symbolic links are not followed, so a link loop cannot
 * hang the walk; directories deeper than MAX_DEPTH below the project are not entered.
 */
export function walkProject(projectDir: string): ProjectFiles {
  const files: ProjectFiles = { serverless: [], cloudformation: [], sources: [] };
  const visit = (directory: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const absolute = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
          visit(absolute, depth + 1);
        }
      } else if (entry.isFile()) {
        if (SERVERLESS_MANIFESTS.has(entry.name)) files.serverless.push(absolute);
        else if (CLOUDFORMATION_MANIFESTS.has(entry.name)) files.cloudformation.push(absolute);
        else if (SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name)) files.sources.push(absolute);
      }
    }
  };
  visit(projectDir, 0);
  for (const list of Object.values(files)) list.sort();
  return files;
}
