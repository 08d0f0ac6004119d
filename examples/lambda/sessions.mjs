// Example: an authorizer. ❌ sessions cached by token in a plain Map, the last event on globalThis; ✅ config read once.

import { verifyToken } from './auth.mjs';

// ✅ Read once at start-up, only read afterwards.
const issuer = process.env.TOKEN_ISSUER;

// ❌ One entry per token ever seen, never evicted.
const sessions = new Map();

export const handler = async (event) => {
  const token = event.authorizationToken;

  let session = sessions.get(token);
  if (!session) {
    session = await verifyToken(token, issuer);
    sessions.set(token, session); // reported: no-unbounded-cache
  }

  globalThis.lastEvent = event; // reported: no-request-data-in-module-scope

  return {
    principalId: session.userId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Action: 'execute-api:Invoke', Effect: session.active ? 'Allow' : 'Deny', Resource: event.methodArn },
      ],
    },
  };
};
