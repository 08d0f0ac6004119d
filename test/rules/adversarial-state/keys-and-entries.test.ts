// Which keys make a cache, side by side. Only a key the request picks from an open set fills an unbounded cache:
// a fixed key, keys from a fixed set written in code (an enum, a table, a `switch` over literals, a loop over a
// literal list, a key checked against a fixed list, a literal-union type) and keys already in the receiver do not.
import { C, D, G, W, runCases } from './harness.js';

runCases('keys: fixed sets and existing entries', [
  {
    name: 'memo under one fixed key is lazy init, not a cache',
    code: `const memo = {};
export const handler = async (event) => {
  if (!memo.config) memo.config = await loadConfig();
  return memo.config[event.key];
};`,
  },
  {
    name: 'key chosen by a switch over literals',
    code: `const clients = {};
export const handler = async (event) => {
  let region;
  switch (event.zone) {
    case 'eu':
      region = 'eu-west-1';
      break;
    case 'us':
      region = 'us-east-1';
      break;
    default:
      region = 'us-east-1';
  }
  if (!clients[region]) clients[region] = createClient(region);
  return clients[region].send(event.command);
};`,
  },
  {
    name: 'write inside a case of a switch over the request value',
    code: `const handlersByKind = {};
export const handler = async (event) => {
  switch (event.kind) {
    case 'order':
    case 'refund':
      handlersByKind[event.kind] = (handlersByKind[event.kind] ?? 0) + 1;
      break;
    default:
      break;
  }
};`,
    sites: [W('handlersByKind[event.kind] =', { move: true })],
  },
  {
    name: 'key from an enum-like table looked up with the request value',
    code: `const MODELS = { fast: 'small-v2', best: 'large-v5' };
const models = new Map();
export const handler = async (event) => {
  const name = MODELS[event.tier] ?? MODELS.fast;
  if (!models.has(name)) models.set(name, await loadModel(name));
  return models.get(name).run(event.input);
};`,
  },
  {
    name: 'TypeScript enum member as the key',
    code: `enum Channel { Email = 'email', Sms = 'sms' }
const senders = new Map<Channel, unknown>();
export const handler = async (event: { sms: boolean; to: string }) => {
  const channel = event.sms ? Channel.Sms : Channel.Email;
  if (!senders.has(channel)) senders.set(channel, await makeSender(channel));
};`,
  },
  {
    name: 'loop over a literal list of keys',
    code: `const flags = {};
export const handler = async (event) => {
  for (const name of ['beta', 'darkMode']) {
    if (flags[name] === undefined) flags[name] = await readFlag(name, event.tenant);
  }
  return flags;
};`,
    sites: [D('flags[name] = await', { move: true })],
  },
  {
    name: 'key checked against a fixed list first',
    code: `const ALLOWED = ['en', 'de', 'fr'];
const bundles = {};
export const handler = async (event) => {
  const locale = event.queryStringParameters.locale;
  if (!ALLOWED.includes(locale)) return { statusCode: 400 };
  bundles[locale] = bundles[locale] ?? (await loadBundle(locale));
  return { statusCode: 200, body: bundles[locale] };
};`,
  },
  {
    name: 'the same cache without the check is a request-keyed cache',
    code: `const bundles = {};
export const handler = async (event) => {
  const locale = event.queryStringParameters.locale;
  bundles[locale] = bundles[locale] ?? (await loadBundle(locale));
  return { statusCode: 200, body: bundles[locale] };
};`,
    sites: [C('bundles[locale] =', { move: true })],
  },
  {
    name: 'a list the request can add to is not a fixed set',
    code: `const allowed = ['en'];
const bundles = {};
export const handler = async (event) => {
  const locale = event.locale;
  if (event.addLocale) allowed.push(event.addLocale);
  if (!allowed.includes(locale)) return;
  bundles[locale] = await loadBundle(locale);
};`,
    sites: [G('allowed.push', { move: true }), C('bundles[locale] =', { move: true })],
  },
  {
    name: 'parameter typed as a union of literals',
    code: `type Asset = 'logo' | 'font' | 'background';
const assets = new Map<Asset, Uint8Array>();
async function asset(name: Asset) {
  if (!assets.has(name)) assets.set(name, await readAsset(name));
  return assets.get(name);
}
export const handler = async (event: { asset: Asset }) => asset(event.asset);`,
  },
  {
    name: 'composite key of a fixed part and a process constant',
    code: `const CODES = { chat: 'c1', embed: 'e1' };
const clients = {};
export const handler = async (event) => {
  const key = \`\${CODES[event.mode] ?? CODES.chat}-\${process.env.AWS_REGION}\`;
  if (!clients[key]) clients[key] = makeClient(key);
  return clients[key].invoke(event.prompt);
};`,
  },
  {
    name: 'updating an entry that was just read adds no key',
    code: `const carts = new Map();
export const handler = async (event) => {
  const cart = carts.get(event.cartId);
  if (!cart) return { statusCode: 404 };
  cart.items = cart.items + 1;
  carts.set(event.cartId, cart);
  return { statusCode: 200 };
};`,
    sites: [W('carts.set', { move: true })],
  },
  {
    name: 'writing only when the key is already present',
    code: `const scores = new Map([['alice', 0], ['bob', 0]]);
export const handler = async (event) => {
  if (scores.has(event.player)) scores.set(event.player, scores.get(event.player) + 1);
};`,
    sites: [W('scores.set', { move: true })],
  },
  {
    name: 'obj[k] after k in obj',
    code: `const totals = { books: 0, music: 0 };
export const handler = async (event) => {
  if (event.category in totals) totals[event.category] += event.amount;
};`,
    sites: [D('totals[event.category]', { move: true })],
  },
  {
    name: 'a write back under the keys of the map itself',
    code: `const counters = new Map();
export const handler = async (event) => {
  for (const [name, value] of counters) counters.set(name, value * event.decay);
};`,
    sites: [D('counters.set', { move: true })],
  },
  {
    name: 'presence checked for a different key does not make this key existing',
    code: `const sessions = new Map();
export const handler = async (event) => {
  if (sessions.has(event.previous)) sessions.set(event.next, Date.now());
};`,
    sites: [C('sessions.set', { move: true })],
  },
  {
    name: 'absence checked before the write means the write adds the key',
    code: `const sessions = new Map();
export const handler = async (event) => {
  if (!sessions.has(event.token)) sessions.set(event.token, Date.now());
};`,
    sites: [C('sessions.set', { move: true })],
  },
]);
