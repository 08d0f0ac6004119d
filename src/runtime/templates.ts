// Built-in events, one per platform family, with request data in the places real events carry it.
import type { Platform, TemplateName } from './types.js';

/** The HTTP request the request/response platforms receive; `params` are the route parameters (Next.js). */
export interface HttpEvent {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
  params?: Record<string, string>;
}

const orderBody = JSON.stringify({
  customerId: 'customer-7',
  email: 'ada@example.com',
  items: [{ sku: 'sku-1', quantity: 2 }],
  note: 'leave at the door',
});

function apigwV1(): unknown {
  return {
    resource: '/items/{id}',
    path: '/items/42',
    httpMethod: 'POST',
    headers: {
      'content-type': 'application/json',
      Authorization: 'Bearer token-abc',
      'x-tenant': 'tenant-a',
      'User-Agent': 'verify-client',
    },
    multiValueHeaders: {},
    queryStringParameters: { q: 'shoes', page: '2' },
    multiValueQueryStringParameters: null,
    pathParameters: { id: '42' },
    stageVariables: null,
    requestContext: {
      resourcePath: '/items/{id}',
      httpMethod: 'POST',
      requestId: 'request-id',
      stage: 'prod',
      identity: { sourceIp: '203.0.113.7', user: 'user-1', caller: 'caller-1', userAgent: 'verify-client' },
      authorizer: { principalId: 'principal-1', claims: { sub: 'subject-1', email: 'ada@example.com' } },
    },
    body: orderBody,
    isBase64Encoded: false,
  };
}

function apigwV2(): unknown {
  return {
    version: '2.0',
    routeKey: 'POST /items/{id}',
    rawPath: '/items/42',
    rawQueryString: 'q=shoes&page=2',
    cookies: ['session=session-1'],
    headers: { 'content-type': 'application/json', authorization: 'Bearer token-abc', 'x-tenant': 'tenant-a' },
    queryStringParameters: { q: 'shoes', page: '2' },
    pathParameters: { id: '42', sku: 'sku-1' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api-1',
      domainName: 'api.example.com',
      requestId: 'request-id',
      routeKey: 'POST /items/{id}',
      stage: '$default',
      http: { method: 'POST', path: '/items/42', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'agent' },
      authorizer: { jwt: { claims: { sub: 'subject-1' }, scopes: ['orders'] } },
    },
    body: orderBody,
    isBase64Encoded: false,
  };
}

function sqs(): unknown {
  return {
    Records: [
      {
        messageId: 'message-1',
        receiptHandle: 'receipt-1',
        body: JSON.stringify({ orderId: 'order-1', customerId: 'customer-7' }),
        attributes: { ApproximateReceiveCount: '1', SenderId: 'sender-1', SentTimestamp: '1700000000000' },
        messageAttributes: { tenant: { stringValue: 'tenant-a', dataType: 'String' } },
        md5OfBody: 'md5-1',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:orders',
        awsRegion: 'eu-west-1',
      },
    ],
  };
}

function sns(): unknown {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: 'arn:aws:sns:eu-west-1:123456789012:orders:subscription-1',
        Sns: {
          Type: 'Notification',
          MessageId: 'message-1',
          TopicArn: 'arn:aws:sns:eu-west-1:123456789012:orders',
          Subject: 'order placed',
          Message: JSON.stringify({ orderId: 'order-1', customerId: 'customer-7' }),
          Timestamp: '2024-01-01T00:00:00.000Z',
          MessageAttributes: { tenant: { Type: 'String', Value: 'tenant-a' } },
        },
      },
    ],
  };
}

function eventBridge(): unknown {
  return {
    version: '0',
    id: 'event-1',
    'detail-type': 'OrderPlaced',
    source: 'com.example.orders',
    account: '123456789012',
    time: '2024-01-01T00:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail: { id: 'order-1', customerId: 'customer-7', total: 42 },
  };
}

function http(): HttpEvent {
  return {
    method: 'POST',
    url: '/items/42?q=shoes',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer token-abc',
      'x-tenant': 'tenant-a',
      'x-user-id': 'user-1',
      cookie: 'session=session-1',
    },
    body: orderBody,
    params: { id: '42' },
  };
}

const BUILDERS: Record<TemplateName, () => unknown> = {
  'apigw-v1': apigwV1,
  'apigw-v2': apigwV2,
  sqs,
  sns,
  eventbridge: eventBridge,
  http,
};

/** A fresh copy of a built-in event (unmarked). */
export function templateEvent(name: TemplateName): unknown {
  return BUILDERS[name]();
}

/** The event a platform gets when neither events nor a template are given. */
export function defaultTemplate(platform: Platform): TemplateName {
  return platform === 'lambda' ? 'apigw-v1' : 'http';
}

/** Templates that fit a platform: Lambda takes AWS events, the others an HTTP request. */
export function templateFits(platform: Platform, template: TemplateName): boolean {
  return platform === 'lambda' ? template !== 'http' : template === 'http';
}
