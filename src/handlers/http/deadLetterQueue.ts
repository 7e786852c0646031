import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig, requireSetting } from '../../lib/config/config';
import { peekDeadLetterQueue, type DeadLetter } from '../../lib/queue/peekDeadLetterQueue';
import { getSqsClient } from '../../lib/queue/sqsClient';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseInput } from './parseInput';
import { deadLetterQueueQuerySchema } from './requestSchemas';

const deadLetterBody = (message: DeadLetter) => ({
  message_id: message.messageId,
  original_message_id: message.originalMessageId ?? null,
  receive_count: message.receiveCount,
  sent_at: message.sentAt ?? null,
  reason: message.reason ?? null,
  body: message.body,
  body_bytes: message.bodyBytes,
  body_truncated: message.bodyTruncated,
});

const showDeadLetterQueue = async (event: APIGatewayProxyEvent) => {
  const { limit } = parseInput(deadLetterQueueQuerySchema, event.queryStringParameters, 'query string');
  const peek = await peekDeadLetterQueue(getSqsClient(), requireSetting(getConfig(), 'ORDERS_DLQ_URL'), limit);
  return jsonResponse(200, {
    approximate_messages: peek.waiting,
    approximate_messages_in_flight: peek.inFlight,
    messages: peek.messages.map(deadLetterBody),
  });
};

export const handler = httpRoute(showDeadLetterQueue);
