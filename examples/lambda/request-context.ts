// Example: per-request values that helpers need, kept in AsyncLocalStorage. ✅ nothing is reported.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';

interface RequestScope {
  requestId: string;
  userId: string | undefined;
  breadcrumbs: string[];
}

// Module scope holds the storage, never the values: each invocation gets its own store.
const requestScope = new AsyncLocalStorage<RequestScope>();

function log(message: string): void {
  const scope = requestScope.getStore();
  scope?.breadcrumbs.push(message); // the list belongs to this request
  console.log(JSON.stringify({ requestId: scope?.requestId, userId: scope?.userId, message }));
}

async function listInvoices(): Promise<string[]> {
  log('listing invoices');
  return [];
}

export const handler = (event: APIGatewayProxyEvent, context: Context): Promise<APIGatewayProxyResult> =>
  requestScope.run(
    { requestId: context.awsRequestId, userId: event.requestContext.authorizer?.principalId, breadcrumbs: [] },
    async () => {
      const invoices = await listInvoices();
      log(`found ${invoices.length}`);
      return { statusCode: 200, body: JSON.stringify(invoices) };
    },
  );
