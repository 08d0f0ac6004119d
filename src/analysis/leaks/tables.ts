// The knowledge tables: what libraries do with module-scope objects. A library the plugin learns about is a new
// row here, not new code: bounded caches, lodash-style mutators, libraries that keep per-request context.

/** Caches that bound themselves; `new LRUCache({ max })` and friends are the recommended fix, so they stay quiet. */
export const BOUNDED_CACHE_MODULES = new Set([
  'lru-cache',
  'quick-lru',
  '@isaacs/ttlcache',
  'ttlcache',
  'mnemonist/lru-cache',
  'mnemonist/lru-map',
  'tiny-lru',
  'lru.min',
  'ylru',
]);
export const BOUNDED_CACHE_NAMES = new Set(['LRUCache', 'LRU', 'QuickLRU', 'TTLCache', 'LRUMap', 'lru', 'Lru']);

/** lodash/underscore functions that write into their first argument (lodash/fp is immutable and not listed). */
export const LODASH_WRITERS = new Set([
  'merge',
  'mergeWith',
  'assign',
  'assignIn',
  'assignWith',
  'assignInWith',
  'extend',
  'extendWith',
  'defaults',
  'defaultsDeep',
  'set',
  'setWith',
  'update',
  'updateWith',
  'unset',
  'pull',
  'pullAll',
  'pullAt',
  'remove',
]);

export const LODASH_MODULES = /^(?:lodash|lodash-es|underscore)$/u;
export const LODASH_SINGLE = /^(?:lodash|lodash-es)\/([a-zA-Z]+)(?:\.js)?$|^lodash\.([a-z]+)$/u;

/** A platform binding reached through a handler's request object: what every invocation gets alike. */
export interface PlatformBindingRow {
  platform: string;
  /** Property path from the request object (or a value a handler passes on): `c.env` is `['env']`. */
  path: readonly string[];
  /** Deeper paths that are the request after all (Hono on Node puts the incoming request under `c.env`). */
  except?: ReadonlyArray<readonly string[]>;
}

/**
 * Platform bindings are not request data: environment variables, secrets, KV/D1/R2 bindings and the execution
 * context that the platform hands every request of a deployment alike, so `if (mode === null) mode = c.env.MODE`
 * is lazy initialisation. A new platform binding is a new row. Bindings read from globals (`process.env` in
 * Next.js and Node, `Netlify.env`, `Deno.env`, `Bun.env`) and Cloudflare Workers' `env`/`ctx` parameters never
 * count as request data in the first place.
 */
export const PLATFORM_BINDINGS: readonly PlatformBindingRow[] = [
  // Hono's `c.env` (on Node it also carries the raw request), Pages Functions' and Netlify's `context.env`.
  {
    platform: 'Hono, Cloudflare Pages Functions, Netlify Functions',
    path: ['env'],
    except: [['incoming'], ['outgoing']],
  },
  { platform: 'Hono (Cloudflare Workers)', path: ['executionCtx'] },
  { platform: 'SvelteKit', path: ['platform', 'env'] },
  { platform: 'SvelteKit', path: ['platform', 'context'] },
  { platform: 'SvelteKit', path: ['platform', 'caches'] },
  { platform: 'Nitro and Nuxt on Cloudflare', path: ['context', 'cloudflare', 'env'] },
  { platform: 'Nitro and Nuxt on Cloudflare', path: ['context', 'cloudflare', 'context'] },
  { platform: 'Astro on Cloudflare', path: ['locals', 'runtime', 'env'] },
  { platform: 'Astro on Cloudflare', path: ['locals', 'runtime', 'ctx'] },
  { platform: 'Astro on Cloudflare', path: ['locals', 'runtime', 'caches'] },
];

/**
 * One library behaviour: which object keeps the data, which calls add per-request data to it, and what removes
 * it again. A second library is a new row, not new code. Sources for each row are in docs/rules/no-persistent-library-context.md.
 */
export interface LibraryContextRow {
  /** Stable id, for tests and docs. */
  id: string;
  /** The library as users know it, for messages: `Powertools Logger`. */
  library: string;
  /** Import sources (ES import or `require`) that provide the object. */
  sources: readonly string[];
  /**
   * How the long-lived object is reached:
   * - `instance`: a module-scope variable initialised with `new C(…)` (C exported by a source) or a child of one;
   * - `module`: the library's own module-level API, called on the namespace (`Sentry.setUser`) or as a named import.
   */
  object:
    | {
        kind: 'instance';
        constructors: readonly string[];
        childFactories: readonly string[];
        /** Exports called without `new` to make the object; `''` is the module itself (`pino()`). */
        factories?: readonly string[];
      }
    | {
        kind: 'module';
        scopeGetters?: Readonly<Record<string, 'isolation' | 'global' | 'current'>>;
        /** Only the objects the scope getters return, not the module API itself. */
        gettersOnly?: boolean;
        /** Members of the module that hold the same module-wide state (`dayjs.tz`). */
        namespaces?: readonly string[];
      };
  /** Methods that add per-request context to the object. */
  adds: readonly string[];
  /** Only report when an argument is request data (a constant tag set on every invocation does not leak). */
  requiresRequestData: boolean;
  /** Methods on the same object that remove what `adds` put there, when called in the same handler. */
  resetMethods: readonly string[];
  /**
   * Middleware or decorators that reset the object around every invocation when given one of `options: true`:
   * `injectLambdaContext(logger, { resetKeys: true })`, `@logger.injectLambdaContext({ resetKeys: true })`.
   */
  resetWrappers?: { name: string; sources: readonly string[]; options: readonly string[] };
  /** Functions whose callback runs with a fresh copy of the state, so `adds` inside it stay inside it. */
  scopeWrappers?: readonly string[];
  /** Wrappers that run the handler they wrap in a fresh current scope, so `current` scope writes stay inside. */
  currentScopeWrappers?: readonly string[];
  /** `adds` methods that clear what they set when called with nothing (`setUser(null)`, `tz.setDefault()`). */
  clearedByEmptyCall?: readonly string[];
  /** What survives, in true words, completing "… so …". */
  hazard: string;
  /** The fix, as a sentence. */
  fix: string;
}

const SENTRY_SOURCES = [
  '@sentry/node',
  '@sentry/aws-serverless',
  '@sentry/serverless',
  '@sentry/google-cloud-serverless',
];

export const LIBRARY_CONTEXT_TABLE: readonly LibraryContextRow[] = [
  {
    // Powertools v2: appendKeys() adds *temporary* keys, kept on the instance until resetKeys() is called.
    id: 'powertools-logger-temporary-keys',
    library: 'Powertools Logger',
    sources: ['@aws-lambda-powertools/logger'],
    object: { kind: 'instance', constructors: ['Logger'], childFactories: ['createChild'] },
    // setCorrelationId() stores the id as a temporary key through appendKeys(): the same lifetime.
    adds: ['appendKeys', 'setCorrelationId'],
    requiresRequestData: true,
    resetMethods: ['resetKeys', 'removeKeys'],
    resetWrappers: {
      name: 'injectLambdaContext',
      sources: ['@aws-lambda-powertools/logger', '@aws-lambda-powertools/logger/middleware'],
      options: ['resetKeys', 'clearState'],
    },
    hazard:
      'the keys stay on the module-scope logger until `resetKeys()` is called and appear in the logs of later invocations',
    fix: 'Call `{{receiver}}.resetKeys()` in `finally`, or wrap the handler with `injectLambdaContext({{receiver}}, { resetKeys: true })` (or the decorator option)',
  },
  {
    // Persistent keys survive resetKeys() and the resetKeys/clearState middleware option by design.
    id: 'powertools-logger-persistent-keys',
    library: 'Powertools Logger',
    sources: ['@aws-lambda-powertools/logger'],
    object: { kind: 'instance', constructors: ['Logger'], childFactories: ['createChild'] },
    adds: ['appendPersistentKeys', 'addPersistentLogAttributes', 'setPersistentLogAttributes'],
    requiresRequestData: true,
    resetMethods: ['removePersistentKeys', 'removePersistentLogAttributes'],
    hazard:
      'persistent keys are kept for the lifetime of the logger (neither `resetKeys()` nor `injectLambdaContext({ resetKeys: true })` removes them) and appear in the logs of later invocations',
    fix: 'Use `{{receiver}}.appendKeys()` for request data and reset it with `resetKeys: true`, or call `{{receiver}}.removePersistentKeys()` in `finally`',
  },
  {
    // publishStoredMetrics() clears dimensions added with addDimension(), but not the default dimensions.
    id: 'powertools-metrics-default-dimensions',
    library: 'Powertools Metrics',
    sources: ['@aws-lambda-powertools/metrics'],
    object: { kind: 'instance', constructors: ['Metrics'], childFactories: [] },
    adds: ['setDefaultDimensions'],
    requiresRequestData: true,
    resetMethods: ['clearDefaultDimensions'],
    hazard:
      "default dimensions are not cleared when metrics are published, so every later invocation emits its metrics under this request's dimensions",
    fix: 'Use `{{receiver}}.addDimension()` for per-request dimensions (cleared on publish), or call `{{receiver}}.clearDefaultDimensions()` in `finally`',
  },
  {
    // Sentry v8+: the top-level setters write to the isolation scope. wrapHandler() forks only the current scope
    // (withScope), so in Lambda the isolation scope is the process-wide default and keeps the data.
    id: 'sentry-scope',
    library: 'Sentry',
    sources: SENTRY_SOURCES,
    object: { kind: 'module', scopeGetters: { getIsolationScope: 'isolation', getGlobalScope: 'global' } },
    adds: ['setUser', 'setTag', 'setTags', 'setContext', 'setExtra', 'setExtras'],
    requiresRequestData: true,
    resetMethods: [],
    scopeWrappers: ['withIsolationScope', 'runWithAsyncContext'],
    // `Sentry.setUser(null)` removes the user again.
    clearedByEmptyCall: ['setUser'],
    hazard:
      "it is stored on a scope that outlives the invocation (the isolation scope is not forked per invocation by `wrapHandler`), so errors reported by later invocations carry this request's data",
    fix: 'Set it on the scope passed to `Sentry.withScope((scope) => …)`, or run the handler body inside `Sentry.withIsolationScope(() => …)`',
  },
  {
    // getCurrentScope() is the innermost scope: `withScope` forks it, and so does `wrapHandler` for the invocation
    // it wraps. Anywhere else it is the process-wide default current scope.
    id: 'sentry-current-scope',
    library: 'Sentry',
    sources: SENTRY_SOURCES,
    object: { kind: 'module', scopeGetters: { getCurrentScope: 'current' }, gettersOnly: true },
    adds: ['setUser', 'setTag', 'setTags', 'setContext', 'setExtra', 'setExtras'],
    requiresRequestData: true,
    resetMethods: [],
    currentScopeWrappers: ['wrapHandler', 'withScope'],
    clearedByEmptyCall: ['setUser'],
    hazard:
      "outside `wrapHandler` and `withScope` the current scope is the process-wide default one, so errors reported by later invocations carry this request's data",
    fix: 'Wrap the handler with `Sentry.wrapHandler(…)`, or set it inside `Sentry.withScope((scope) => …)`',
  },
  {
    // setBindings() adds to the bindings of that logger instance; pino has no call that removes them. A child
    // logger made per request (`logger.child({ … })`) is the per-request object.
    id: 'pino-bindings',
    library: 'pino',
    sources: ['pino'],
    object: { kind: 'instance', constructors: [], childFactories: ['child'], factories: ['', 'pino'] },
    adds: ['setBindings'],
    requiresRequestData: true,
    resetMethods: [],
    hazard:
      'the bindings stay on the module-scope logger, pino has no call that removes them, and every later log line of the process carries them',
    fix: 'Make a per-request child with `{{receiver}}.child({ … })` and log through it, or add the value per log line',
  },
  {
    // The global locale and the tz plugin's default zone are module-wide: `dayjs().locale(x)` and
    // `dayjs.tz(date, zone)` are the per-call forms; `dayjs.tz.setDefault()` with no zone resets.
    id: 'dayjs-global-defaults',
    library: 'Day.js',
    sources: ['dayjs'],
    object: { kind: 'module', namespaces: ['tz'] },
    adds: ['locale', 'setDefault'],
    requiresRequestData: true,
    resetMethods: [],
    clearedByEmptyCall: ['setDefault'],
    hazard: 'it changes the default of the shared Day.js module, for every later and every concurrent request',
    fix: 'Pass the locale or the zone per call (`dayjs().locale(…)`, `dayjs.tz(date, zone)`) instead of changing the module default',
  },
];

/**
 * Template engines whose helpers run while a template renders: a helper registered at module scope
 * (`Handlebars.registerHelper('x', fn)`) runs in whatever code renders, so code that compiles or renders a
 * template reaches every helper registered on the same engine. A new engine is a new row.
 */
export interface RenderHelperRow {
  modules: readonly string[];
  /** Calls that register helpers: `(name, fn)` or `({ name: fn })`. */
  register: readonly string[];
  /** Calls that compile or render; the function that makes one (or calls what it returns) runs the helpers. */
  render: readonly string[];
}

export const RENDER_HELPER_TABLE: readonly RenderHelperRow[] = [
  { modules: ['handlebars', 'handlebars/runtime'], register: ['registerHelper'], render: ['compile', 'template'] },
];
