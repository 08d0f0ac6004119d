// Loads YAML/JSON manifests; CloudFormation short-form tags become Intrinsic markers instead of warnings or crashes.
import fs from 'node:fs';
import YAML from 'yaml';

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
  { tag, resolve: () => new Intrinsic(tag) } as YAML.ScalarTag,
  { tag, collection: 'seq', resolve: () => new Intrinsic(tag) } as YAML.CollectionTag,
  { tag, collection: 'map', resolve: () => new Intrinsic(tag) } as YAML.CollectionTag,
]);

export type LoadResult = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads and parses a manifest. YAML is a superset of JSON, so `.json` templates go through the same parser. */
export function loadManifest(absolutePath: string): LoadResult {
  let text: string;
  try {
    text = fs.readFileSync(absolutePath, 'utf8');
  } catch (error) {
    return { ok: false, message: `cannot read the file (${errorMessage(error)})` };
  }
  try {
    const document = YAML.parseDocument(text, { customTags, merge: true });
    const first = document.errors[0];
    if (first) return { ok: false, message: `invalid YAML: ${firstLine(first.message)}` };
    return { ok: true, value: document.toJS({ maxAliasCount: 1000 }) as unknown };
  } catch (error) {
    return { ok: false, message: `invalid YAML: ${firstLine(errorMessage(error))}` };
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
