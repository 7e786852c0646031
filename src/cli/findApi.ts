import { getCliConfig } from '../config/config';
import { CliError } from './cliErrors';

/** The URL `npm run up` prints: the REST API's id is pinned to `sqs-orders-<stage>` in serverless.yml. */
const defaultApiUrl = (port: number, stage: string) =>
  `http://localhost:${port}/restapis/sqs-orders-${stage}/${stage}/_user_request_`;

const answersAsTheApi = async (url: string): Promise<boolean> => {
  try {
    const response = await fetch(`${url}/api`, { signal: AbortSignal.timeout(5000) });
    const body = (await response.json()) as { endpoints?: unknown };
    return response.ok && Array.isArray(body.endpoints);
  } catch {
    return false;
  }
};

/** SQS_ORDERS_API_URL when set, else the local deployment's stable URL, checked with GET /api. */
export const findApi = async (): Promise<string> => {
  const config = getCliConfig();
  const url = (config.SQS_ORDERS_API_URL ?? defaultApiUrl(config.EMULATOR_PORT, config.STAGE)).replace(/\/+$/, '');
  if (await answersAsTheApi(url)) return url;
  const hint = config.SQS_ORDERS_API_URL ? 'check SQS_ORDERS_API_URL' : 'start it with npm run up, or set SQS_ORDERS_API_URL';
  throw new CliError(`no sqs-orders API answers at ${url}: ${hint}`);
};
