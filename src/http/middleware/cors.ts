import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { corsResponseHeaders } from '../cors/corsHeaders';
import { originAllowed } from '../cors/originAllowed';
import { headerValue } from '../headerValue';

type Request = middy.Request<APIGatewayProxyEvent, APIGatewayProxyResult>;

/**
 * Lets pages on the allowed origins read every answer, errors included (so it is used before the error handler,
 * whose response it then sees). Preflights never reach here: the route fallback answers OPTIONS for every path.
 */
export const cors = (
  allowedOrigins: () => readonly string[],
): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  // A configuration that cannot be read is answered by the error handler already; it allows no origin.
  const origins = () => {
    try {
      return allowedOrigins();
    } catch {
      return [];
    }
  };
  const corsAfter = async (request: Request) => {
    const origin = headerValue(request.event?.headers, 'origin');
    if (!request.response || !originAllowed(origin, origins())) return;
    request.response.headers = { ...request.response.headers, ...corsResponseHeaders(origin) };
  };
  return { after: corsAfter, onError: corsAfter };
};
