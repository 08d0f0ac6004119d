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
 * Request fields whose value is one of a set the deployment fixes (route templates, methods, stages): request
 * data, but a map keyed by one holds one entry per route or method, never one per request. `event.resource` is
 * `/items/{id}`, not `/items/42`.
 */
export const FIXED_SET_REQUEST_FIELDS: ReadonlyArray<{ platform: string; path: readonly string[] }> = [
  { platform: 'API Gateway REST API', path: ['resource'] },
  { platform: 'API Gateway REST API', path: ['httpMethod'] },
  { platform: 'API Gateway REST API', path: ['requestContext', 'resourcePath'] },
  { platform: 'API Gateway REST API', path: ['requestContext', 'httpMethod'] },
  { platform: 'API Gateway', path: ['requestContext', 'stage'] },
  { platform: 'API Gateway HTTP and WebSocket APIs', path: ['routeKey'] },
  { platform: 'API Gateway HTTP and WebSocket APIs', path: ['requestContext', 'routeKey'] },
  { platform: 'API Gateway HTTP API', path: ['requestContext', 'http', 'method'] },
  { platform: 'Node.js http, Express, Fetch Request', path: ['method'] },
  { platform: 'Express', path: ['route', 'path'] },
  { platform: 'Fastify', path: ['routeOptions', 'url'] },
  { platform: 'Fastify', path: ['routerPath'] },
  { platform: 'Hono', path: ['req', 'method'] },
  { platform: 'Hono', path: ['req', 'routePath'] },
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
        /**
         * Methods, on whatever receiver, whose (awaited) result is the object, in a file that imports one of the
         * sources: `browser.newPage()`. The module variable may get it later (`page ??= await browser.newPage()`),
         * and the handler may reach it through a same-file getter that returns it (`const page = await getPage()`).
         */
        madeByMethods?: readonly string[];
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
  /**
   * `adds` methods that, given more than one argument, set the value on their first argument (the request or the
   * response) instead of the object: `i18n.setLocale(req, 'de')` is per request, `i18n.setLocale('de')` is not.
   */
  targetFirstArgument?: readonly string[];
  /**
   * Property paths below the object whose assignment is the same process-wide write
   * (`axios.defaults.headers.common.Authorization = token`): an assignment under one of them is reported like a call.
   */
  assignedPaths?: ReadonlyArray<readonly string[]>;
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
  {
    // Moment's global locale and moment-timezone's default zone belong to the one shared `moment` function:
    // `moment().locale(x)` and `moment.tz(date, zone)` are the per-call forms; `moment.tz.setDefault()` resets.
    id: 'moment-global-defaults',
    library: 'Moment.js',
    sources: ['moment', 'moment-timezone'],
    object: { kind: 'module', namespaces: ['tz'] },
    adds: ['locale', 'lang', 'setDefault'],
    requiresRequestData: true,
    resetMethods: [],
    clearedByEmptyCall: ['setDefault'],
    hazard: 'it changes the default of the shared Moment.js module, for every later and every concurrent request',
    fix: 'Pass the locale or the zone per call (`moment().locale(…)`, `moment.tz(date, zone)`) instead of changing the module default',
  },
  {
    // The default export of i18next (and its named exports) is one global instance; changeLanguage() switches
    // the language of every `t()` that instance serves. The middleware's `req.i18n` is a clone made per request.
    id: 'i18next-global-instance',
    library: 'i18next',
    sources: ['i18next'],
    object: { kind: 'module' },
    adds: ['changeLanguage'],
    requiresRequestData: true,
    resetMethods: [],
    hazard:
      "it switches the language of the one global i18next instance, so concurrent and later requests are translated into this request's language",
    fix: 'Use the per-request instance (`req.i18n` from i18next-http-middleware, or `i18next.cloneInstance({ lng })` in the handler), or `i18next.getFixedT(lng)`',
  },
  {
    // An instance made once at module scope with createInstance()/cloneInstance() is as shared as the global one.
    id: 'i18next-module-instance',
    library: 'i18next',
    sources: ['i18next'],
    object: {
      kind: 'instance',
      constructors: [],
      childFactories: ['cloneInstance'],
      factories: ['createInstance', 'cloneInstance'],
    },
    adds: ['changeLanguage'],
    requiresRequestData: true,
    resetMethods: [],
    hazard:
      "the instance is made once at module scope, so concurrent and later requests are translated into this request's language",
    fix: 'Clone it per request (`{{receiver}}.cloneInstance({ lng })` inside the handler), or translate with `{{receiver}}.getFixedT(lng)`',
  },
  {
    // i18n-node: the module is one configured singleton; setLocale('de') sets its global locale, while
    // setLocale(req, 'de') (or an array of request objects) sets it on those objects only, as init(req, res) does.
    id: 'i18n-node-global-locale',
    library: 'i18n',
    sources: ['i18n'],
    object: { kind: 'module' },
    adds: ['setLocale'],
    requiresRequestData: true,
    resetMethods: [],
    targetFirstArgument: ['setLocale'],
    hazard:
      'without a request object as the first argument it sets the global locale of the i18n module, for every later and every concurrent request',
    fix: 'Set the locale on the request (`req.setLocale(…)` after `i18n.init(req, res)`, or `{{receiver}}.setLocale(req, …)`)',
  },
  {
    // The same for an instance made once with `new I18n(config)`.
    id: 'i18n-node-instance-locale',
    library: 'i18n',
    sources: ['i18n'],
    object: { kind: 'instance', constructors: ['I18n'], childFactories: [] },
    adds: ['setLocale'],
    requiresRequestData: true,
    resetMethods: [],
    targetFirstArgument: ['setLocale'],
    hazard:
      'without a request object as the first argument it sets the locale of the module-scope instance, for every later and every concurrent request',
    fix: 'Set the locale on the request (`req.setLocale(…)` after `{{receiver}}.init(req, res)`, or `{{receiver}}.setLocale(req, …)`)',
  },
  {
    // svelte-i18n's `locale` is one module-level store: `locale.set(x)` on the server switches the language of
    // every render in progress. The per-request form keeps the locale in `event.locals` and formats with it.
    id: 'svelte-i18n-locale-store',
    library: 'svelte-i18n',
    sources: ['svelte-i18n'],
    object: { kind: 'module', namespaces: ['locale'] },
    adds: ['set'],
    requiresRequestData: true,
    resetMethods: [],
    hazard:
      'the `locale` store is module-level, so on the server a concurrent request for another language switches the language of a render in progress',
    fix: 'Keep the locale per request (`event.locals.locale`) and pass it to the formatter (`{ locale }` in the message options), setting the store only in the browser',
  },
  {
    // axios.defaults is the config merged into every request the global axios makes; headers set there are sent
    // with every later request of the process. A module-level `axios.create()` instance's defaults are a
    // property of a module variable, which no-request-data-in-module-scope reports.
    id: 'axios-global-defaults',
    library: 'axios',
    sources: ['axios'],
    object: { kind: 'module' },
    adds: [],
    requiresRequestData: true,
    resetMethods: [],
    assignedPaths: [['defaults']],
    hazard:
      "the global axios defaults are merged into every later request of the process, so other users' outgoing calls carry this request's value",
    fix: 'Pass it in the request config (`axios.get(url, { headers })`), or make an instance per request with `axios.create({ headers })`',
  },
  {
    // A browser page kept at module scope (made once, often by a memoising getter) and given this request's
    // content, URL or viewport: sequential requests overwrite it, concurrent ones render or screenshot each
    // other's content. A page made per request (`await browser.newPage()` in the handler) is the fix.
    id: 'browser-module-page',
    library: 'the browser page',
    sources: [
      'puppeteer',
      'puppeteer-core',
      'playwright',
      'playwright-core',
      'playwright-chromium',
      '@playwright/test',
    ],
    object: { kind: 'instance', constructors: [], childFactories: [], madeByMethods: ['newPage'] },
    adds: [
      'setContent',
      'goto',
      'setViewport',
      'setViewportSize',
      'setExtraHTTPHeaders',
      'setCookie',
      'authenticate',
      'setUserAgent',
      'emulateMediaType',
    ],
    requiresRequestData: true,
    resetMethods: [],
    hazard:
      "the page is made once and shared, so a concurrent request can render, print or screenshot this request's content (and this one the next one's)",
    fix: 'Open a page per request (`const page = await browser.newPage()` in the handler, closed in `finally`), keeping only the browser at module scope',
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

/**
 * Objects that run the callbacks registered under a name when code dispatches that name: a listener registered at
 * module scope (`events.on('order', fn)`) runs inside whatever function calls `events.emit('order', …)` on the same
 * object with the same literal name, with the extra arguments as its parameters. Node's EventEmitter (and mitt,
 * EventEmitter3) call listeners synchronously; hookable awaits them inside `callHook`. A new dispatcher is a new row.
 */
export interface NamedDispatchRow {
  library: string;
  /** Methods that register a callback under a name: `(name, fn)`. */
  register: readonly string[];
  /** Methods that run the callbacks registered under a name: `(name, …args)`. */
  dispatch: readonly string[];
}

export const NAMED_DISPATCH_TABLE: readonly NamedDispatchRow[] = [
  {
    library: 'EventEmitter (node:events, events, eventemitter3, mitt)',
    register: ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'],
    dispatch: ['emit'],
  },
  { library: 'hookable', register: ['hook', 'hookOnce'], dispatch: ['callHook', 'callHookParallel'] },
];
