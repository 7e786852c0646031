import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import { readNewestEntries } from '../../lib/consumerLog/readNewestEntries';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';

export const handler = httpFunction(
  routesOf(HttpFunction.ConsumerLogs),
  {
    'GET /consumer_logs': async ({ query: { limit } }, { config }) => {
      const logs = await readNewestEntries(config.LOG_DIR, limit, { maxFiles: config.LOG_MAX_FILES });
      return jsonResponse(200, { total_logs: logs.length, logs });
    },
  },
  serviceFunctionOptions({}),
);
