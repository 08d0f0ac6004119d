// Loads YAML/JSON manifests; CloudFormation short-form tags become Intrinsic markers instead of warnings or crashes.
import YAML from 'yaml';
import { readTextFile } from '../../util/read-file.js';

/**
 * Manifests larger than this are not read. CloudFormation itself refuses templates over 1 MB, and a
 * serverless.yml of that size would take the YAML parser minutes; 2 MiB leaves room for comments and anchors.
 */
export const MAX_MANIFEST_BYTES = 2 * 1024 * 1024;

/** A value written with a CloudFormation intrinsic tag (`!Ref X`, `!Sub '…'`): known only at deploy time. */
export class Intrinsic {
  constructor(readonly tag: string) {}
}

const CLOUDFORMATION_TAGS = [
  '!Ref',
  '!GetAtt',
  '!Sub',
  '!Join',
  '!If',
  '!FindInMap',
  '!GetAZs',
  '!ImportValue',
  '!Select',
  '!Split',
  '!Base64',
  '!Cidr',
  '!Equals',
  '!And',
  '!Or',
  '!Not',
  '!Condition',
  '!Transform',
  '!ToJsonString',
  '!Length',
];

// Each tag may be written on a scalar (`!Ref X`), a sequence (`!If [C, a, b]`) or a mapping (`!Transform {…}`).
const customTags: YAML.Tags = CLOUDFORMATION_TAGS.flatMap((tag) => [
  { tag, resolve: () => new Intrinsic(tag) },
  { tag, collection: 'seq', resolve: () => new Intrinsic(tag) },
  { tag, collection: 'map', resolve: () => new Intrinsic(tag) },
]);

export type LoadResult =
  { ok: true; value: unknown } | { ok: false; message: string; reason: 'unreadable' | 'invalid YAML' };

/**
 * Reads and parses a manifest. YAML is a superset of JSON, so `.json` templates go through the same parser.
 * Only regular files up to MAX_MANIFEST_BYTES are read (the cap is enforced while reading): a manifest that is a
 * FIFO or a link to `/dev/zero` is a problem of that manifest, not a hang or an out-of-memory of the run.
 */
export function loadManifest(absolutePath: string, maxBytes = MAX_MANIFEST_BYTES): LoadResult {
  const read = readTextFile(absolutePath, maxBytes);
  if (!read.ok) {
    const problem = read.problem.startsWith('larger than') ? `${read.problem}, the limit for manifests` : read.problem;
    return { ok: false, message: `cannot read the file (${problem})`, reason: 'unreadable' };
  }
  try {
    const document = YAML.parseDocument(read.text, { customTags, merge: true });
    const first = document.errors[0];
    if (first) return { ok: false, message: `invalid YAML: ${firstLine(first.message)}`, reason: 'invalid YAML' };
    return { ok: true, value: document.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (error) {
    return { ok: false, message: `invalid YAML: ${firstLine(errorMessage(error))}`, reason: 'invalid YAML' };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/:$/, '');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Intrinsic);
}

/** How a non-literal value is named in a problem line. */
export function describeValue(value: unknown): string {
  if (value instanceof Intrinsic) return `the ${value.tag} tag`;
  if (isRecord(value)) {
    const keys = Object.keys(value);
    const intrinsic = keys.find((key) => key === 'Ref' || key.startsWith('Fn::'));
    return intrinsic ? `the ${intrinsic} function` : 'an object';
  }
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return `a ${typeof value}`;
}
