// Request-time code that a library hands to the app: the middleware an exported factory returns (its closure and the
// options object the caller passed live as long as the app that called the factory once), and the middleware an
// exported class's method returns or an exported class's own request method (`handle(request: Request)`,
// `serve(req, res)`): the instance that made it, or that the app hands every request, lives as long as the app.
// Each reported shape sits next to a quiet twin: the product that writes only its own per-call copy, the method
// that writes the per-request context, a read-only use, instances made per request. Linted as a user lints a package: real files through the real ESLint class.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { lineOf } from '../helpers/lint.js';
import { makeProject } from '../helpers/temp.js';

interface Case {
  name: string;
  file: string;
  code: string;
  /** `rule@text`: a report of that rule on the line where `text` starts. Empty: nothing may be reported. */
  found: string[];
}

const CONFIGS = ['recommended', 'strict'] as const;

async function lint(config: (typeof CONFIGS)[number], file: string, code: string): Promise<ESLint.LintResult> {
  const root = makeProject({ 'package.json': JSON.stringify({ name: 'lib' }), [file]: code }, 'handler-state-lib-');
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...(plugin.configs[config] as never[])] as ESLint.Options['overrideConfig'],
  });
  const [result] = await eslint.lintFiles([path.join(root, file)]);
  return result;
}

const cases: Case[] = [
  {
    name: 'a named factory expression whose middleware writes the options the caller passed',
    file: 'index.js',
    code: `module.exports = function forwarder(target) {
  return function (req, resp, next) {
    target.path = req.url;
    target.verb = req.method;
    next();
  };
};
`,
    found: ['no-request-data-in-module-scope@target.path', 'no-request-data-in-module-scope@target.verb'],
  },
  {
    name: 'quiet: the middleware writes a per-call copy of the options',
    file: 'index.js',
    code: `module.exports = function forwarder(target) {
  return function (req, resp, next) {
    const call = Object.assign({}, target);
    call.path = req.url;
    call.verb = req.method;
    next();
  };
};
`,
    found: [],
  },
  {
    name: "a named factory expression's closure variable written by its middleware",
    file: 'index.js',
    code: `module.exports = function hostTracker(options) {
  let lastHost = null;
  return function track(req, res, next) {
    lastHost = req.headers.host;
    next();
  };
};
`,
    found: ['no-request-data-in-module-scope@lastHost = req'],
  },
  {
    name: 'quiet: the same variable declared per request',
    file: 'index.js',
    code: `module.exports = function hostTracker(options) {
  return function track(req, res, next) {
    let lastHost = null;
    lastHost = req.headers.host;
    res.locals.host = lastHost;
    next();
  };
};
`,
    found: [],
  },
  {
    name: "an exported class's routes() middleware stores route params on the instance through another method",
    file: 'router.js',
    code: `const Router = module.exports = class Router {
  constructor() {
    this.layers = [];
  }
  routes() {
    return (ctx, next) => {
      for (const layer of this.layers) {
        if (layer.pattern.test(ctx.path)) ctx.params = this.captureParams(layer, ctx.path);
      }
      return next();
    };
  }
  captureParams(layer, path) {
    this.captured = this.captured || {};
    this.captured[layer.name] = decodeURIComponent(path);
    return this.captured;
  }
};
`,
    found: ['no-request-data-in-module-scope@this.captured[layer.name]'],
  },
  {
    name: 'quiet: the same router writes the params into a per-request object',
    file: 'router.js',
    code: `const Router = module.exports = class Router {
  constructor() {
    this.layers = [];
  }
  routes() {
    return (ctx, next) => {
      for (const layer of this.layers) {
        if (layer.pattern.test(ctx.path)) ctx.params = this.captureParams(layer, ctx.path);
      }
      return next();
    };
  }
  captureParams(layer, path) {
    const captured = {};
    captured[layer.name] = decodeURIComponent(path);
    return captured;
  }
};
`,
    found: [],
  },
  {
    name: 'an ES module class whose middleware() product counts requests per path on the instance',
    file: 'limiter.mjs',
    code: `export class PathCounter {
  constructor() {
    this.hits = {};
  }
  middleware() {
    return (ctx, next) => {
      this.hits[ctx.path] = (this.hits[ctx.path] ?? 0) + 1;
      return next();
    };
  }
}
`,
    found: ['no-unbounded-cache@this.hits[ctx.path] ='],
  },
  {
    name: 'quiet: the same product only reads what the constructor set up',
    file: 'limiter.mjs',
    code: `export class PathCounter {
  constructor(paths) {
    this.known = new Set(paths);
  }
  middleware() {
    return (ctx, next) => {
      if (!this.known.has(ctx.path)) ctx.status = 404;
      return next();
    };
  }
}
`,
    found: [],
  },
  {
    name: "an exported router class's own request method memoises the request body on the instance",
    file: 'router.ts',
    code: `export class Router {
  private memo: { body?: string } = {};
  async handle(request: Request, env: unknown): Promise<Response> {
    const body = this.memo.body ? this.memo.body : (this.memo.body = await request.text());
    return new Response(body);
  }
}
`,
    found: ['no-request-data-in-module-scope@const body'],
  },
  {
    name: 'quiet: the same method memoises into an object made per call',
    file: 'router.ts',
    code: `export class Router {
  async handle(request: Request, env: unknown): Promise<Response> {
    const memo: { body?: string } = {};
    const body = memo.body ? memo.body : (memo.body = await request.text());
    return new Response(body);
  }
}
`,
    found: [],
  },
  {
    name: 'an overloaded request method: the signatures have no body, the implementation writes the instance',
    file: 'router.ts',
    code: `export class Router {
  private last: string | undefined;
  handle(request: Request): Promise<Response>;
  handle(request: Request, env: unknown): Promise<Response>;
  async handle(request: Request, env?: unknown): Promise<Response> {
    this.last = await request.text();
    return new Response(this.last);
  }
  make(): () => void;
  make(): () => void {
    return () => undefined;
  }
}
`,
    found: ['no-request-data-in-module-scope@this.last = await'],
  },
  {
    name: 'quiet: the same overloads keep the body in a local',
    file: 'router.ts',
    code: `export class Router {
  handle(request: Request): Promise<Response>;
  handle(request: Request, env: unknown): Promise<Response>;
  async handle(request: Request, env?: unknown): Promise<Response> {
    const last = await request.text();
    return new Response(last);
  }
}
`,
    found: [],
  },
  {
    name: "an exported class's (req, res) method keeps the caller on the instance",
    file: 'api.js',
    code: `module.exports = class Api {
  serve(req, res) {
    this.caller = req.headers['x-user'];
    res.end('ok');
  }
};
`,
    found: ['no-request-data-in-module-scope@this.caller'],
  },
  {
    name: 'quiet: the same method keeps the caller on the response',
    file: 'api.js',
    code: `module.exports = class Api {
  serve(req, res) {
    res.locals = { caller: req.headers['x-user'] };
    res.end('ok');
  }
};
`,
    found: [],
  },
  {
    name: 'quiet: a class whose instances this file makes per request',
    file: 'api.js',
    code: `class Exchange {
  serve(req, res) {
    this.caller = req.headers['x-user'];
    res.end('ok');
  }
}
module.exports = Exchange;
const app = require('express')();
app.get('/exchange', (req, res) => new Exchange().serve(req, res));
`,
    found: [],
  },
];

describe('request-time code a library returns: factory products and exported class products', () => {
  for (const c of cases) {
    for (const config of CONFIGS) {
      it(`${config}: ${c.name}`, async () => {
        const result = await lint(config, c.file, c.code);
        const shown = result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`).join('\n');
        expect(
          result.messages.filter((m) => m.fatal || m.ruleId === null),
          shown,
        ).toEqual([]);
        if (c.found.length === 0) {
          expect(shown).toBe('');
          return;
        }
        const got = new Set(result.messages.map((m) => `${m.ruleId}@${m.line}`));
        for (const spec of c.found) {
          const at = spec.indexOf('@');
          const wanted = `handler-state/${spec.slice(0, at)}@${lineOf(c.code, spec.slice(at + 1))}`;
          expect(got.has(wanted), `${wanted}; got:\n${shown}`).toBe(true);
        }
      });
    }
  }
});
