// Docs example (docs/verify.md, vitest): run the handler warm in a test and assert on what its state kept.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyHandler } from 'eslint-plugin-handler-state/runtime';

const handlers = fileURLToPath(new URL('../../fixtures/runtime/examples/', import.meta.url));

describe('orders handler, invoked warm', () => {
  it('keeps nothing from one request for the next', async () => {
    const result = await verifyHandler({ file: 'orders-fixed.cjs', cwd: handlers, template: 'apigw-v1' });
    expect(result.summary).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('shows the cache and the parked caller of the leaky version', async () => {
    const result = await verifyHandler({ file: 'orders.cjs', cwd: handlers, template: 'apigw-v1' });
    expect(result.summary).toEqual(
      expect.arrayContaining([
        'growth: cache in orders.cjs',
        'retained-request-data: cache in orders.cjs',
        'retained-request-data: lastCaller in orders.cjs',
      ]),
    );
    const growth = result.leaks.find((leak) => leak.kind === 'growth');
    expect(growth?.confirms.map((match) => `${match.ruleId}:${match.line}`)).toEqual([
      'handler-state/no-unbounded-cache:7',
    ]);
  });
});
