import { deadLetterQueueBody } from '../../api/responseBodies';
import { routesOf } from '../../api/routes';
import { HttpFunction } from '../../api/routeSpec';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { peekDeadLetterQueue } from '../../lib/queue/peekDeadLetterQueue';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { sqsProvider } from '../../runtime/sqsProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.DeadLetterQueue),
  {
    'GET /dlq': async ({ query: { limit } }, { sqs, deadLetterQueueUrl }) =>
      jsonResponse(200, deadLetterQueueBody(await peekDeadLetterQueue(sqs, deadLetterQueueUrl(), limit))),
  },
  serviceFunctionOptions({ sqs: sqsProvider }),
);
