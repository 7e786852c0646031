import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SQSEvent, SQSRecord } from 'aws-lambda';

/** SQS records shaped like the ones Lambda delivers, in the style of AWS Powertools' batch tests. */

export const ORDERS_QUEUE_ARN = 'arn:aws:sqs:us-east-1:000000000000:sqs-orders-local-orders';

export const md5Of = (body: string): string => createHash('md5').update(body, 'utf8').digest('hex');

export const buildSqsRecord = (body: string, overrides: Partial<SQSRecord> = {}): SQSRecord => {
  const sent = Date.now();
  const { attributes, ...rest } = overrides;
  return {
    messageId: randomUUID(),
    receiptHandle: `AQEB${randomBytes(96).toString('base64')}`,
    body,
    md5OfBody: md5Of(body),
    messageAttributes: {},
    eventSource: 'aws:sqs',
    eventSourceARN: ORDERS_QUEUE_ARN,
    awsRegion: 'us-east-1',
    ...rest,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(sent),
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: String(sent + 2),
      ...attributes,
    },
  };
};

export const buildSqsEvent = (records: SQSRecord[]): SQSEvent => ({ Records: records });
