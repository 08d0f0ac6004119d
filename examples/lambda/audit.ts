// Example: an API that records an audit trail. ❌ growth through a helper; ✅ an exported utility that is not a handler.
import type { APIGatewayProxyHandler } from 'aws-lambda';

type Sink = (lines: readonly string[]) => Promise<void>;

// ✅ Filled by start-up code through addSink(), only read at request time.
const sinks: Sink[] = [];

// ❌ One entry per request, kept until the environment is recycled.
const auditTrail: string[] = [];

/** Registers an output for audit lines; an exported utility, called at start-up, not a handler. */
export function addSink(sink: Sink): void {
  sinks.push(sink);
}

addSink(async (lines) => console.log(lines.join('\n')));

function record(entry: string): void {
  auditTrail.push(`${new Date().toISOString()} ${entry}`); // reported: no-unbounded-growth (via record())
}

export const handler: APIGatewayProxyHandler = async (event) => {
  record(`${event.httpMethod} ${event.path} by ${event.requestContext.identity.sourceIp}`);
  await Promise.all(sinks.map((sink) => sink(auditTrail)));
  return { statusCode: 204, body: '' };
};
