import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import { consumerLogPath } from '../../lib/consumerLog/consumerLogPath';
import { readLogTail } from '../../lib/consumerLog/readLogTail';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';

export const handler = httpFunction(
  routesOf(HttpFunction.ConsumerLogs),
  {
    'GET /consumer_logs': async ({ query: { limit } }, { config }) => {
      const logs = await readLogTail(consumerLogPath(config.LOG_DIR), limit);
      return jsonResponse(200, { total_logs: logs.length, logs });
    },
  },
  serviceFunctionOptions,
);
