import { getConfig } from '../../lib/config/config';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { routeCatalog } from './routeCatalog';

export const ENDPOINTS = routeCatalog.map(({ method, path, summary }) => ({ method, path, description: summary }));

const showApiInfo = async () =>
  jsonResponse(200, { service: getConfig().SERVICE_NAME, endpoints: ENDPOINTS });

export const handler = httpRoute(showApiInfo);
