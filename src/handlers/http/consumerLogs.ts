import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig } from '../../lib/config/config';
import { readNewestEntries } from '../../lib/consumerLog/readNewestEntries';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseInput } from './parseInput';
import { consumerLogsQuerySchema } from './requestSchemas';

const showConsumerLogs = async (event: APIGatewayProxyEvent) => {
  const { limit } = parseInput(consumerLogsQuerySchema, event.queryStringParameters, 'query string');
  const config = getConfig();
  const logs = await readNewestEntries(config.LOG_DIR, limit, { maxFiles: config.LOG_MAX_FILES });
  return jsonResponse(200, { total_logs: logs.length, logs });
};

export const handler = httpRoute(showConsumerLogs);
