import { HttpFunction } from '../../api/routeSpec';
import { routes, routesOf } from '../../api/routes';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';

const endpoints = routes.map(({ method, path, summary }) => ({ method, path, description: summary }));

export const handler = httpFunction(
  routesOf(HttpFunction.ApiInfo),
  {
    'GET /': async (_input, { config }) => jsonResponse(200, { service: config.SERVICE_NAME, endpoints }),
    'GET /api': async (_input, { config }) => jsonResponse(200, { service: config.SERVICE_NAME, endpoints }),
  },
  serviceFunctionOptions({}),
);
