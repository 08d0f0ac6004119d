// Example: a cold-start flag. ✅ a one-way latch and a module-scope client: nothing is reported.
import type { Context, SQSEvent } from 'aws-lambda';
import { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';

const cloudwatch = new CloudWatchClient({});
const namespace = process.env.METRICS_NAMESPACE ?? 'Orders';

// True only for the first invocation in each execution environment.
let coldStart = true;

export const handler = async (event: SQSEvent, context: Context): Promise<void> => {
  const isColdStart = coldStart;
  if (coldStart) {
    coldStart = false; // a latch: it only ever moves from true to false
  }

  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: namespace,
      MetricData: [
        { MetricName: 'Messages', Value: event.Records.length, Unit: 'Count' },
        { MetricName: 'ColdStart', Value: isColdStart ? 1 : 0, Unit: 'Count' },
      ],
    }),
  );
  console.log(`${context.functionName}: ${event.Records.length} messages`);
};
