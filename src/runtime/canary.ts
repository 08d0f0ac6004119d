// Canaries: every string leaf of an invocation's event carries `hs-canary-<k>-`, so request data found later in
// module state names the invocation it came from.

export const CANARY_PREFIX = 'hs-canary-';
const CANARY_PATTERN = /hs-canary-(\d+)-/gu;

/**
 * Keys whose values steer dispatch or the protocol rather than carry a caller's data: marking them would only
 * send the request down a 404 or a parse error. Compared in lower case.
 */
const PROTOCOL_KEYS = new Set([
  'method',
  'httpmethod',
  'version',
  'routekey',
  'resource',
  'content-type',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'host',
  'accept',
  'eventsource',
  'eventversion',
  'eventname',
  'type',
  'detail-type',
  'source',
]);

/** Timestamps (`time`, `Timestamp`, `SentTimestamp`, `date`): a marked one no longer parses as a date. */
const TIME_KEY = /(?:^date$|time$|timestamp$)/u;

/** Keys that hold a URL or a path: only the parts that look like data (ids, query values) are marked. */
const PATH_KEYS = new Set(['path', 'rawpath', 'url', 'rawquerystring']);

export function canary(k: number, original: string): string {
  return `${CANARY_PREFIX}${k}-${original}`;
}

/** The invocations whose canary occurs in `text`. */
export function canariesIn(text: string): number[] {
  if (!text.includes(CANARY_PREFIX)) return [];
  const found = new Set<number>();
  for (const match of text.matchAll(CANARY_PATTERN)) found.add(Number(match[1]));
  return [...found];
}

/** A path segment is data when it has a digit in it (`/orders/42`), a route literal otherwise (`/orders`). */
function markSegment(segment: string, k: number): string {
  return /\d/u.test(segment) ? canary(k, segment) : segment;
}

function markQuery(query: string, k: number): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? pair : `${pair.slice(0, eq + 1)}${canary(k, pair.slice(eq + 1))}`;
    })
    .join('&');
}

/** Marks the data parts of a path or URL and keeps its route literals, scheme and host. */
export function markPath(value: string, k: number): string {
  const absolute = /^[a-z][a-z\d+.-]*:\/\//iu.exec(value);
  let origin = '';
  if (absolute) {
    const slash = value.indexOf('/', absolute[0].length);
    origin = slash < 0 ? value : value.slice(0, slash);
  }
  const rest = value.slice(origin.length);
  const hash = rest.indexOf('#');
  const withoutHash = hash < 0 ? rest : rest.slice(0, hash);
  const q = withoutHash.indexOf('?');
  const pathPart = q < 0 ? withoutHash : withoutHash.slice(0, q);
  const query = q < 0 ? '' : withoutHash.slice(q + 1);
  if (!pathPart.includes('/') && q < 0 && !origin) {
    // A bare query string (`rawQueryString`).
    return pathPart.includes('=') ? markQuery(pathPart, k) : pathPart;
  }
  const marked = pathPart
    .split('/')
    .map((segment) => markSegment(segment, k))
    .join('/');
  return `${origin}${marked}${q < 0 ? '' : `?${markQuery(query, k)}`}${hash < 0 ? '' : rest.slice(hash)}`;
}

function markString(value: string, k: number, key: string | undefined): string {
  // An empty string carries no data, and marking it would make it truthy.
  if (value.length === 0) return value;
  const lower = key?.toLowerCase();
  if (lower !== undefined && (PROTOCOL_KEYS.has(lower) || TIME_KEY.test(lower))) return value;
  if (lower !== undefined && PATH_KEYS.has(lower)) return markPath(value, k);
  const trimmed = value.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // A JSON body: mark inside it so that the handler's JSON.parse still works.
    try {
      return JSON.stringify(markValue(JSON.parse(value) as unknown, k, undefined));
    } catch {
      // Not JSON after all: an ordinary string.
    }
  }
  return canary(k, value);
}

function markValue(value: unknown, k: number, key: string | undefined): unknown {
  if (typeof value === 'string') return markString(value, k, key);
  if (Array.isArray(value)) return value.map((item) => markValue(item, k, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = markValue(item, k, name);
    return out;
  }
  return value;
}

/**
 * A copy of `event` in which every string leaf carries invocation k's canary: `"widget"` becomes
 * `"hs-canary-3-widget"`, JSON bodies are marked inside, paths keep their route literals, and protocol fields
 * (method, content-type, event source, …) stay as they are.
 */
export function markEvent(event: unknown, k: number): unknown {
  return markValue(event, k, undefined);
}
