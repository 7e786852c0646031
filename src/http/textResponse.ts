import type { APIGatewayProxyResult } from 'aws-lambda';
import type { TextContentType } from '../api/routeSpec';

/** A text document this service serves itself (pages, scripts, style sheets), so nothing is loaded from a CDN. */
export type TextAsset = {
  contentType: TextContentType;
  body: string;
  /** Seconds a browser may reuse it; pages are always revalidated so a deploy shows at once. */
  maxAgeSeconds: number;
};

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
