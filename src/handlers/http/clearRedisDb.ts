import { HttpFunction } from '../../api/routeSpec';
import { routesOf } from '../../api/routes';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { adminTokenProvider } from '../../runtime/adminTokenProvider';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { statsProvider } from '../../runtime/statsProvider';

export const handler = httpFunction(
  routesOf(HttpFunction.ClearRedisDb),
  {
    'DELETE /clear_redis_db': async (_input, { stats }) =>
      jsonResponse(200, { message: 'Redis database cleared', deleted_keys: await stats.clear() }),
  },
  serviceFunctionOptions({ stats: statsProvider, adminToken: adminTokenProvider }),
);
