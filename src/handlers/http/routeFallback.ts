import { routes } from '../../api/routes';
import { routeFallbackFunction } from '../../http/routeFallbackFunction';
import { containerConfig } from '../../runtime/containerConfig';

/** Unknown paths (404), wrong methods (405 with Allow) and CORS preflights, for every path of the route list. */
export const handler = routeFallbackFunction(routes, { allowedOrigins: () => containerConfig().CORS_ALLOWED_ORIGINS });
