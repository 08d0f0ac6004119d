// Red-team cases for the four state rules. `this`, class statics and module-scope instances: writes through methods
// count, per-request instances do not.
import { C, D, G, W, runCases } from './harness.js';

runCases('classes and instances', [
  {
    name: 'class static collection Registry.items.push',
    code: `class Registry {
  static items = [];
}
export const handler = async (event) => {
  Registry.items.push(event.id);
};`,
    sites: [G('Registry.items.push')],
  },
  {
    name: 'request data stored through a class static setter method (this)',
    code: `class Current {
  static user = null;
  static set(user) {
    this.user = user;
  }
}
export const handler = async (event) => {
  Current.set(event.user);
};`,
    sites: [D('this.user')],
  },
  {
    name: 'class static cache written through this in a static method',
    code: `class Store {
  static cache = {};
  static put(key, value) {
    this.cache[key] = value;
  }
}
export const handler = async (event) => {
  Store.put(event.id, 1);
};`,
    sites: [C('this.cache[key]')],
  },
  {
    name: 'singleton instance method growing an instance field',
    code: `class Repo {
  items = [];
  add(x) {
    this.items.push(x);
  }
}
const repo = new Repo();
export const handler = async (event) => {
  repo.add(event.id);
};`,
    sites: [G('this.items.push', { move: true })],
  },
  {
    name: 'private static counter through this.#count++',
    code: `class Counter {
  static #count = 0;
  static inc() {
    this.#count++;
  }
}
export const handler = async (event) => {
  Counter.inc();
};`,
    sites: [W('this.#count++')],
  },
  {
    name: 'service singleton with a Map built in the constructor',
    code: `class UserService {
  constructor() {
    this.cache = new Map();
  }
  async get(id) {
    if (!this.cache.has(id)) this.cache.set(id, await db.get(id));
    return this.cache.get(id);
  }
}
const service = new UserService();
export const handler = async (event) => service.get(event.pathParameters.id);`,
    sites: [C('this.cache.set')],
  },
  {
    name: 'service instance created per request is not module state',
    code: `class UserService {
  constructor() {
    this.cache = new Map();
    this.calls = [];
  }
  async get(id) {
    this.calls.push(id);
    if (!this.cache.has(id)) this.cache.set(id, await db.get(id));
    return this.cache.get(id);
  }
}
export const handler = async (event) => {
  const service = new UserService();
  return service.get(event.pathParameters.id);
};`,
  },
  {
    name: 'class with a start-up-only module instance and a per-request local instance',
    code: `class Registry {
  constructor() {
    this.items = [];
  }
  add(x) {
    this.items.push(x);
  }
}
const shared = new Registry();
shared.add('boot');
export const handler = async (event) => {
  const local = new Registry();
  local.add(event.id);
  return local.items.length + shared.items.length;
};`,
  },
  {
    name: 'static Set on a class',
    code: `class Tracker {
  static seen = new Set();
}
export const handler = async (event) => {
  Tracker.seen.add(event.id);
};`,
    sites: [G('Tracker.seen.add')],
  },
  {
    name: 'LambdaInterface handler writing its own instance fields',
    code: `import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
class Lambda implements LambdaInterface {
  private count = 0;
  private cache = new Map<string, string>();
  public async handler(event: { id: string }, _context: unknown): Promise<void> {
    this.count++;
    this.cache.set(event.id, 'x');
  }
}
const lambda = new Lambda();
export const handler = lambda.handler.bind(lambda);`,
    sites: [W('this.count++'), C('this.cache.set')],
  },
  {
    name: 'LambdaInterface handler calling another method that grows module state',
    code: `import type { LambdaInterface } from '@aws-lambda-powertools/commons/types';
const processed: string[] = [];
class Lambda implements LambdaInterface {
  public async handler(event: { id: string }, _context: unknown): Promise<void> {
    this.record(event.id);
  }
  private record(id: string): void {
    processed.push(id);
  }
}
const lambda = new Lambda();
export const handler = lambda.handler.bind(lambda);`,
    sites: [G('processed.push')],
  },
  {
    name: 'per-request instance whose methods call each other through this',
    code: `class Service {
  constructor() {
    this.log = [];
  }
  run(e) {
    this.step(e);
    return this.log;
  }
  step(e) {
    this.log.push(e.id);
  }
}
export const handler = async (event) => new Service().run(event);`,
  },
]);
