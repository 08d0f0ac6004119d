// Angular SSR and Ember FastBoot: the classes Angular constructs per server-rendered request and the
// instance-initializers FastBoot runs per request, decided from the project's dependencies and the file's imports.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { handlersOf, runPlatform, type Quiet, type Reported } from '../helpers/platforms.js';
import { dedent } from '../helpers/source.js';

const PROJECTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ssr');
const inProject = (project: string, file: string) => path.join(PROJECTS, project, ...file.split('/'));

const SERVICE = dedent(`
  import { Injectable, inject } from '@angular/core';

  let instances = 0;
  const seen: string[] = [];

  @Injectable({ providedIn: 'root' })
  export class SessionService {
    private user: string | null = null;

    constructor() {
      instances++;
    }

    remember(path: string) {
      seen.push(path);
      this.user = path;
    }
  }

  export const recent = () => seen.slice(-5);
  export const instanceCount = () => instances;
`);

const PROVIDED_VALUE = dedent(`
  import { Component, InjectionToken } from '@angular/core';

  export const CONFIG = new InjectionToken('config');
  const config = { locale: 'en' };
  export const providers = [{ provide: CONFIG, useValue: config }];

  @Component({ selector: 'app-root', template: '', providers })
  export class AppComponent {
    setLocale(locale: string) {
      config.locale = locale;
    }
  }
`);

const INITIALIZER = dedent(`
  let booted = 0;

  export function initialize(appInstance) {
    booted += 1;
    appInstance.register('config:host', appInstance.lookup('service:fastboot').request.host, { instantiate: false });
  }

  export default { initialize };
  export const bootCount = () => booted;
`);

const OBJECT_INITIALIZER = dedent(`
  const hosts = [];

  export default {
    name: 'remember-host',
    initialize(appInstance) {
      hosts.push(appInstance.lookup('service:fastboot').request.host);
    },
  };

  export const knownHosts = () => hosts;
`);

const reported: Reported[] = [
  {
    name: 'Angular SSR: a root service writes module state in its constructor',
    filename: inProject('angular-ssr', 'src/app/session.service.ts'),
    code: SERVICE,
    rule: 'write',
    at: ['instances++'],
  },
  {
    name: 'Angular SSR: a service method grows a module-level array',
    filename: inProject('angular-ssr', 'src/app/session.service.ts'),
    code: SERVICE,
    rule: 'growth',
    at: ['seen.push('],
  },
  {
    name: 'Angular SSR: a component writes the object a useValue provider hands out',
    filename: inProject('angular-ssr', 'src/app/app.component.ts'),
    code: PROVIDED_VALUE,
    rule: 'requestData',
    at: ['config.locale ='],
  },
  {
    name: 'FastBoot: an instance-initializer stores the request host at module scope',
    filename: inProject('ember-fastboot', 'app/instance-initializers/host.js'),
    code: INITIALIZER,
    rule: 'write',
    at: ['booted += 1'],
  },
  {
    name: 'FastBoot: the object form of an instance-initializer grows module state',
    filename: inProject('ember-fastboot', 'app/instance-initializers/hosts.js'),
    code: OBJECT_INITIALIZER,
    rule: 'growth',
    at: ['hosts.push('],
  },
];

const quiet: Quiet[] = [
  {
    name: 'the same service in an Angular app without server rendering',
    filename: inProject('angular-spa', 'src/app/session.service.ts'),
    code: SERVICE,
  },
  {
    name: 'the same component in an Angular app without server rendering',
    filename: inProject('angular-spa', 'src/app/app.component.ts'),
    code: PROVIDED_VALUE,
  },
  {
    name: 'state kept on the service instance (one per request under Angular SSR)',
    filename: inProject('angular-ssr', 'src/app/cart.service.ts'),
    code: dedent(`
      import { Injectable } from '@angular/core';
      @Injectable({ providedIn: 'root' })
      export class CartService {
        private items: string[] = [];
        add(item: string) {
          this.items.push(item);
        }
      }
    `),
  },
  {
    name: 'an instance-initializer of an Ember app without FastBoot runs in the browser only',
    filename: inProject('ember', 'app/instance-initializers/host.js'),
    code: INITIALIZER,
  },
  {
    name: 'an application initializer (run once at boot, not per request)',
    filename: inProject('ember-fastboot', 'app/initializers/host.js'),
    code: INITIALIZER,
  },
];

describe('Angular SSR and FastBoot detection', () => {
  it('finds the members of Angular classes only in a server-rendered app', () => {
    expect(handlersOf(SERVICE, inProject('angular-ssr', 'src/app/session.service.ts'))).toEqual([
      'angular-ssr SessionService.constructor',
      'angular-ssr SessionService.remember',
    ]);
    expect(handlersOf(SERVICE, inProject('angular-spa', 'src/app/session.service.ts'))).toEqual([]);
    // Classes named like services but not decorated from @angular/core are not constructed by Angular.
    const undecorated = SERVICE.replace(
      "import { Injectable, inject } from '@angular/core';",
      'const Injectable = () => () => {}; const inject = () => null;',
    );
    expect(handlersOf(undecorated, inProject('angular-ssr', 'src/app/session.service.ts'))).toEqual([]);
  });

  it('finds instance-initializers only in a FastBoot app', () => {
    const file = 'app/instance-initializers/host.js';
    expect(handlersOf(INITIALIZER, inProject('ember-fastboot', file))).toEqual(['ember-fastboot initialize']);
    expect(handlersOf(OBJECT_INITIALIZER, inProject('ember-fastboot', file))).toEqual(['ember-fastboot initialize']);
    expect(handlersOf(INITIALIZER, inProject('ember', file))).toEqual([]);
  });
});

runPlatform('platforms: Angular SSR and Ember FastBoot', reported, quiet);
