import { routes } from '../../api/routes';
import { getConfig } from '../../config/config';
import { routeFallbackFunction } from '../../http/routeFallbackFunction';

/** Unknown paths (404), wrong methods (405 with Allow) and CORS preflights, for every path of the route list. */
export const handler = routeFallbackFunction(routes, { allowedOrigins: () => getConfig().CORS_ALLOWED_ORIGINS });
