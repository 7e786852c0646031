import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import { globalStatsBody, monthlyStatsBody, monthTotalsBody } from '../../api/responseBodies';
import { notFound } from '../../http/httpErrors';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { statsProvider } from '../../runtime/statsProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.Stats),
  {
    'GET /stats/global': async (_input, { stats }) => jsonResponse(200, globalStatsBody(await (await stats()).readGlobal())),
    'GET /stats/monthly/{month}': async ({ path: { month } }, { stats }) => {
      const monthly = await (await stats()).readMonth(month);
      if (!monthly) throw notFound(`No orders recorded for ${month}`);
      return jsonResponse(200, monthlyStatsBody(monthly));
    },
    'GET /stats/monthly': async (_input, { stats }) => jsonResponse(200, monthTotalsBody(await (await stats()).readMonths())),
  },
  serviceFunctionOptions({ stats: statsProvider }),
);
