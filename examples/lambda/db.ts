// Example: connection reuse, the pattern AWS recommends. ✅ every write here is lazy initialisation: nothing is reported.
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { Pool } from 'pg';
import { SSMClient, GetParameterCommand } from '@aws-sdk/client-ssm';

let pool: Pool | undefined;
let ssm: SSMClient | undefined;
let settingsPromise: Promise<{ statementTimeout: number }> | undefined;

// `if (!x) x = …`: created on first use, reused by every later invocation.
function getPool(): Pool {
  if (!pool) pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  return pool;
}

// `x ??= …`
const getSsm = () => (ssm ??= new SSMClient({}));

// A memoised promise: the parameter is fetched once per environment, concurrent callers share it.
function loadSettings() {
  settingsPromise ??= getSsm()
    .send(new GetParameterCommand({ Name: '/orders/statement-timeout' }))
    .then((result) => ({ statementTimeout: Number(result.Parameter?.Value ?? 5000) }));
  return settingsPromise;
}

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const settings = await loadSettings();
  const customerId = event.pathParameters?.customerId; // request data stays in locals
  const { rows } = await getPool().query({
    text: 'select * from orders where customer_id = $1',
    values: [customerId],
    query_timeout: settings.statementTimeout,
  });
  return { statusCode: 200, body: JSON.stringify(rows) };
}
