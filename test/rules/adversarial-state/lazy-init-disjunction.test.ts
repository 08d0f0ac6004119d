// A guard that returns when the state is set or when something else holds (`if (bucket || !configured) return
// bucket`) still lets the code after it run only while the state is unset: lazy init, quiet. The same guard does
// not make another variable's write one-time.
import { D, W, runCases } from './harness.js';

runCases('lazy init: a guard that is a disjunction', [
  {
    name: 'getter that returns early when the client exists or is not configured',
    code: `let archive;
async function getArchive() {
  const name = process.env.ARCHIVE_BUCKET;
  if (archive || !name) {
    return archive;
  }
  await ready;
  return archive = new Bucket({ name });
}
export const handler = async (event) => {
  const bucket = await getArchive();
  return bucket ? bucket.put(event.key, event.body) : null;
};`,
  },
  {
    name: 'the else branch of a disjunctive test',
    code: `let pool = null;
export const handler = async (event) => {
  if (pool || process.env.OFFLINE) {
    // already connected, or running without a database
  } else {
    pool = await connect(process.env.DB_URL);
  }
  return pool ? pool.query('select 1') : event;
};`,
  },
  {
    name: 'the guard tests one variable and the code after it writes another',
    code: `let client;
let lastUser;
export const handler = async (event) => {
  if (client || !process.env.API_URL) return client;
  lastUser = event.user;
  client = makeClient(process.env.API_URL);
  return client;
};`,
    sites: [D('lastUser = event.user', { move: true })],
  },
  {
    name: 'a disjunction on something else than the state written guards nothing',
    code: `let token;
export const handler = async (event) => {
  if (event.cached || !event.refresh) return token;
  token = await fetchToken();
  return token;
};`,
    sites: [W('token = await fetchToken()', { move: true })],
  },
]);
