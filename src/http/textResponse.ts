import type { APIGatewayProxyResult } from 'aws-lambda';
import type { TextAsset } from '../web/textAsset';

// Only this service's own origin: the pages must work offline, and nothing else may be loaded into them.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

export const textResponse = ({ contentType, body, maxAgeSeconds }: TextAsset): APIGatewayProxyResult => ({
  statusCode: 200,
  headers: {
    'content-type': `${contentType}; charset=utf-8`,
    'cache-control': maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  },
  body,
});
