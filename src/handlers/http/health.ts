import { Limits } from '../../api/limits';
import { healthBody } from '../../api/responseBodies';
import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { runChecks } from '../../lib/health/runChecks';
import { countMessages } from '../../lib/queue/countMessages';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { sqsProvider } from '../../runtime/sqsProvider';
import { statsProvider } from '../../runtime/statsProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.Health),
  {
    'GET /health': async (_input, dependencies) => {
      const checks = await runChecks(
        {
          redis: () => dependencies.stats.ping(),
          queue: () => countMessages(dependencies.sqs, dependencies.ordersQueueUrl()),
        },
        Limits.healthCheckTimeoutMs,
      );
      const body = healthBody(checks);
      const response = jsonResponse(body.status === 'ok' ? 200 : 503, body);
      if (body.status === 'ok') return response;
      return { ...response, headers: { ...response.headers, 'retry-after': String(Limits.dependencyRetryAfterSeconds) } };
    },
  },
  serviceFunctionOptions({ stats: statsProvider, sqs: sqsProvider }),
);
