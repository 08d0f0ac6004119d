// Calls made through values: a handler picks a function out of a module table in steps (locals, destructuring,
// Map lookups, loops over arrays of functions, `.call/.apply/.bind`, `Reflect.apply`), and the write in the picked
// function runs per request. Each reported shape has a quiet twin: the same dispatch to functions that write nothing,
// or the same table used only at start-up.
import { C, D, G, W, runCases } from './harness.js';

runCases('dispatch through locals', [
  {
    name: 'a nested table picked in two steps through const locals',
    code: `const items: string[] = [];
const addItem = ({ name }: { name: string }) => {
  items.push(name);
};
const table: Record<string, Record<string, Function>> = { Mutation: { addItem } };
export const handler = async (event: any) => {
  const group = table[event.kind];
  const op = group[event.field];
  return op(event.args);
};`,
    sites: [G('items.push')],
  },
  {
    name: 'the same two-step lookup of functions that only read',
    code: `const items: string[] = ['a'];
const countItems = () => items.length;
const table: Record<string, Record<string, Function>> = { Query: { countItems } };
export const handler = async (event: any) => {
  const group = table[event.kind];
  const op = group[event.field];
  return op(event.args);
};`,
  },
  {
    name: 'a let that is never reassigned is followed like a const',
    code: `let last;
const routes = { save(body) { last = body; } };
export const handler = async (event) => {
  let route = routes[event.action];
  route(event.body);
};`,
    sites: [D('last =')],
  },
  {
    name: 'computed-key destructuring of a table',
    code: `const seen = new Set();
const ops = { track: (id) => seen.add(id), ping: () => 'pong' };
export const handler = async (event) => {
  const { [event.op]: fn } = ops;
  return fn(event.id);
};`,
    sites: [G('seen.add')],
  },
  {
    name: 'named destructuring picks only that member',
    code: `const log = [];
const ops = { add: (x) => log.push(x), size: () => log.length };
export const handler = async (event) => {
  const { size } = ops;
  return size();
};`,
  },
  {
    name: 'named destructuring of the writing member',
    code: `const log = [];
const ops = { add: (x) => log.push(x), size: () => log.length };
export const handler = async (event) => {
  const { add } = ops;
  add(event.line);
};`,
    sites: [G('log.push')],
  },
  {
    name: 'fn.call and fn.apply pass the request data on to the parameter',
    code: `const state = { user: null, role: null };
function setUser(user) { state.user = user; }
function setRole(role) { state.role = role; }
const table = { setUser, setRole };
export const handler = async (event) => {
  table[event.kind].call(null, event.user);
  const pick = table.setRole;
  pick.apply(null, [event.role]);
};`,
    sites: [D('state.user ='), D('state.role =')],
  },
  {
    name: 'fn.call with a constant argument is a plain write',
    code: `const state = { mode: 'a' };
function setMode(mode) { state.mode = mode; }
const table = { setMode };
export const handler = async (event) => {
  table.setMode.call(null, 'b');
};`,
    sites: [W('state.mode =')],
  },
  {
    name: 'a bound function called later',
    code: `const queue = [];
function enqueue(job) { queue.push(job); }
export const handler = async (event) => {
  const send = enqueue.bind(null);
  send(event.job);
};`,
    sites: [G('queue.push')],
  },
  {
    name: 'Reflect.apply runs the picked function with the listed arguments',
    code: `const lastByType = {};
const handlers = { note: (e) => { lastByType.note = e; } };
export const handler = async (event) => {
  Reflect.apply(handlers[event.type], undefined, [event]);
};`,
    sites: [D('lastByType.note =')],
  },
  {
    name: 'a module Map of handlers filled at start-up, looked up per request',
    code: `const audit = [];
const handlers = new Map();
handlers.set('login', (event) => { audit.push(event.user); });
handlers.set('ping', () => 'pong');
export const handler = async (event) => handlers.get(event.type)(event);`,
    sites: [G('audit.push')],
  },
  {
    name: 'a Map built from entries, looked up into a local',
    code: `const seen = new Map();
function remember(event) { seen.set(event.id, event); }
const handlers = new Map([['remember', remember]]);
export const handler = async (event) => {
  const run = handlers.get(event.type);
  if (run) await run(event);
};`,
    sites: [C('seen.set')],
  },
  {
    name: 'a Map of handlers that only read stays quiet',
    code: `const config = { region: 'eu' };
const handlers = new Map([['region', () => config.region]]);
export const handler = async (event) => handlers.get(event.type)?.();`,
  },
  {
    name: 'an array of steps awaited in a loop',
    code: `const trail = [];
const validate = (event) => event.ok;
const record = (event) => { trail.push(event.id); };
const steps = [validate, record];
export const handler = async (event) => {
  for (const step of steps) await step(event);
};`,
    sites: [G('trail.push')],
  },
  {
    name: 'steps run with Promise.all over map',
    code: `let lastRun = 0;
const steps = [async (x) => x, async () => { lastRun = Date.now(); }];
export const handler = async (event) => Promise.all(steps.map((step) => step(event)));`,
    sites: [W('lastRun = Date')],
  },
  {
    name: 'steps pushed into the array at start-up',
    code: `const counts = {};
const steps = [];
steps.push((event) => { counts[event.kind] = (counts[event.kind] ?? 0) + 1; });
export const handler = async (event) => {
  steps.forEach((step) => step(event));
};`,
    sites: [C('counts[event.kind] =')],
  },
  {
    name: 'an array of steps that write nothing',
    code: `const steps = [(event) => event.id, (event) => event.name];
export const handler = async (event) => {
  for (const step of steps) await step(event);
};`,
  },
  {
    name: 'a table whose functions are only called at start-up',
    code: `const routes = [];
const setup = { register: (path) => { routes.push(path); } };
const { register } = setup;
register('/health');
export const handler = async (event) => routes.includes(event.path);`,
  },
  {
    name: 'a helper that returns the picked function',
    code: `let current;
const actions = { open: (doc) => { current = doc; } };
function pick(kind) {
  return actions[kind];
}
export const handler = async (event) => {
  pick(event.kind)(event.doc);
};`,
    sites: [D('current =')],
  },
  {
    name: 'a table handed to a helper that dispatches on it',
    code: `const hits = [];
const table = { hit: (path) => hits.push(path) };
function dispatch(t, name, arg) {
  return t[name](arg);
}
export const handler = async (event) => dispatch(table, event.name, event.path);`,
    sites: [G('hits.push')],
  },
  {
    name: 'handlers stored on a module object at start-up',
    code: `const sessions = {};
const handlers = {};
handlers.login = (event) => { sessions[event.token] = event.user; };
export const handler = async (event) => handlers[event.type](event);`,
    sites: [C('sessions[event.token] =')],
  },
  {
    name: 'a conditional pick between two tables',
    code: `const errors = [];
const v1 = { fail: (e) => errors.push(e) };
const v2 = { fail: (e) => console.error(e) };
export const handler = async (event) => {
  const api = event.v === 2 ? v2 : v1;
  api.fail(event.error);
};`,
    sites: [G('errors.push')],
  },
  {
    name: 'Object.values of a table run in a loop',
    code: `const marks = [];
const hooks = { mark: (e) => marks.push(e.id), noop: () => {} };
export const handler = async (event) => {
  for (const hook of Object.values(hooks)) hook(event);
};`,
    sites: [G('marks.push')],
  },
]);
