import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import { httpFunction } from '../../http/httpFunction';
import { textResponse } from '../../http/textResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { dashboardAssets, dashboardPage } from '../../web/dashboard/dashboardAssets';

export const handler = httpFunction(
  routesOf(HttpFunction.Dashboard),
  {
    'GET /dashboard': async () => textResponse(dashboardPage),
    'GET /dashboard/{asset}': async ({ path: { asset } }) => textResponse(dashboardAssets[asset]),
  },
  serviceFunctionOptions({}),
);
