import { getConfig } from '../../lib/config/config';
import { getRedis } from '../../lib/redis/redisClient';
import { clearStats } from '../../lib/stats/clearStats';
import { requireAdminToken } from '../middleware/requireAdminToken';
import { httpRoute } from './httpRoute';
import { jsonResponse } from './jsonResponse';

const clearRedisDb = async () => {
  const deletedKeys = await clearStats(getRedis(), getConfig().KEY_PREFIX);
  return jsonResponse(200, { message: 'Redis database cleared', deleted_keys: deletedKeys });
};

export const handler = httpRoute(clearRedisDb).use(requireAdminToken(() => getConfig().ADMIN_TOKEN));
