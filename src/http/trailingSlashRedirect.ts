import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/** `GET /dashboard/`: routed to `/dashboard`, where a page would resolve its relative asset URLs one level too deep. */
export const hasTrailingSlash = ({ httpMethod, path }: Pick<APIGatewayProxyEvent, 'httpMethod' | 'path'>): boolean =>
  httpMethod === 'GET' && path.length > 1 && path.endsWith('/');

/**
 * A 308 from `…/dashboard/` to `…/dashboard`, as a relative reference (`../dashboard`), so it holds under any stage
 * prefix or custom domain without knowing it; the query string is kept.
 */
export const trailingSlashRedirect = ({ path, queryStringParameters }: APIGatewayProxyEvent): APIGatewayProxyResult => {
  const lastSegment = path.replace(/\/+$/, '').split('/').at(-1) ?? '';
  const query = new URLSearchParams(
    Object.entries(queryStringParameters ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return {
    statusCode: 308,
    headers: { location: `../${lastSegment}${query ? `?${query}` : ''}`, 'cache-control': 'no-store' },
    body: '',
  };
};
