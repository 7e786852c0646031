import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import type { PageCursor } from '../../api/pageCursor';
import { PageScope } from '../../api/pageCursor';
import { globalStatsBody, monthlyStatsBody, monthTotalsBody } from '../../api/responseBodies';
import { badRequest, notFound } from '../../http/httpErrors';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { statsProvider } from '../../runtime/statsProvider';

/** Where the page starts: a cursor must come from the same listing. */
const startOf = (cursor: PageCursor | undefined, scope: string): number => {
  if (!cursor) return 0;
  if (cursor.scope !== scope) throw badRequest('Invalid query string: cursor: cursor belongs to another listing');
  return cursor.offset;
};

export const handler = httpFunction(
  routesOf(HttpFunction.Stats),
  {
    'GET /stats/global': async (_input, { stats }) => jsonResponse(200, globalStatsBody(await stats.readGlobal())),
    'GET /stats/monthly/{month}': async ({ path: { month }, query: { limit, cursor } }, { stats }) => {
      const page = await stats.readMonth(month, { offset: startOf(cursor, PageScope.monthUsers(month)), limit });
      if (!page) throw notFound(`No orders recorded for ${month}`);
      return jsonResponse(200, monthlyStatsBody(page));
    },
    'GET /stats/monthly': async ({ query: { limit, cursor } }, { stats }) =>
      jsonResponse(200, monthTotalsBody(await stats.readMonths({ offset: startOf(cursor, PageScope.months), limit }))),
  },
  serviceFunctionOptions({ stats: statsProvider }),
);
