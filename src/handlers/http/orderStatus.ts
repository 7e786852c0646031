import { orderStatusBody } from '../../api/responseBodies';
import { routesOf } from '../../api/routes';
import { HttpFunction } from '../../api/routeSpec';
import { notFound } from '../../http/httpErrors';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { statsProvider } from '../../runtime/statsProvider';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';

export const handler = httpFunction(
  routesOf(HttpFunction.OrderStatus),
  {
    'GET /orders/{message_id}': async ({ path: { message_id } }, { stats }) => {
      const report = await stats.readOrderOutcome(message_id);
      if (!report)
        throw notFound(`No order was queued as message ${message_id} (or it was decided longer ago than the consumer remembers)`);
      return jsonResponse(200, orderStatusBody(report));
    },
  },
  serviceFunctionOptions({ stats: statsProvider }),
);
