// Docs example (docs/verify.md, node:test): the same checks with Node's own test runner.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyHandler } from 'eslint-plugin-handler-state/runtime';

const handlers = new URL('../../fixtures/runtime/examples/', import.meta.url);

test('the fixed orders handler keeps nothing between invocations', async () => {
  const result = await verifyHandler({ file: new URL('orders-fixed.cjs', handlers), template: 'apigw-v1' });
  assert.deepEqual(result.summary, []);
});

test('the leaky one keeps the caller', async () => {
  const result = await verifyHandler({ file: new URL('orders.cjs', handlers), template: 'apigw-v1' });
  assert.equal(result.ok, false);
  const caller = result.leaks.find((leak) => leak.binding === 'lastCaller');
  assert.equal(caller?.kind, 'retained-request-data');
  assert.match(caller.path, /^lastCaller/);
});
