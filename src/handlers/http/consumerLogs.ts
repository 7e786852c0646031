import type { APIGatewayProxyEvent } from 'aws-lambda';
import { getConfig } from '../../lib/config/config';
import { consumerLogPath } from '../../lib/consumerLog/consumerLogPath';
import { readLogTail } from '../../lib/consumerLog/readLogTail';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { parseInput } from './parseInput';
import { consumerLogsQuerySchema } from './requestSchemas';

const showConsumerLogs = async (event: APIGatewayProxyEvent) => {
  const { limit } = parseInput(consumerLogsQuerySchema, event.queryStringParameters, 'query string');
  const logs = await readLogTail(consumerLogPath(getConfig().LOG_DIR), limit);
  return jsonResponse(200, { total_logs: logs.length, logs });
};

export const handler = httpRoute(showConsumerLogs);
