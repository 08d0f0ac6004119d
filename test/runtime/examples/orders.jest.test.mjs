// Docs example (docs/verify.md, jest): jest runs ES modules with Node's --experimental-vm-modules flag, and a
// verify run takes a few seconds, past jest's default 5 s per test.
import { verifyHandler } from 'eslint-plugin-handler-state/runtime';

const handlers = new URL('../../fixtures/runtime/examples/', import.meta.url);

test('the fixed orders handler keeps nothing between invocations', async () => {
  const result = await verifyHandler({ file: new URL('orders-fixed.cjs', handlers), template: 'apigw-v1' });
  expect(result.summary).toEqual([]);
}, 30_000);

test('the leaky one keeps the caller', async () => {
  const result = await verifyHandler({ file: new URL('orders.cjs', handlers), template: 'apigw-v1' });
  expect(result.summary).toContain('retained-request-data: lastCaller in test/fixtures/runtime/examples/orders.cjs');
}, 30_000);
