// Example: an SQS consumer wrapped in middy(). ❌ a Set of processed ids that only grows; ✅ per-batch state is local.
import middy from '@middy/core';
import { applyShipment } from './shipments.mjs';

// ❌ Meant to skip duplicate deliveries, but it remembers every message id for the life of the environment.
const processed = new Set();

const consume = async (event) => {
  const failures = []; // ✅ local: fresh for every batch
  for (const record of event.Records) {
    if (processed.has(record.messageId)) continue;
    try {
      await applyShipment(JSON.parse(record.body));
      processed.add(record.messageId); // reported: no-unbounded-growth
    } catch {
      failures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures: failures };
};

// The wrapper makes `consume` the handler.
export const handler = middy(consume);
