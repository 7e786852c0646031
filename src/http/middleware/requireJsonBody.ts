import type middy from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { headerValue } from '../headerValue';
import { unsupportedMediaType } from '../httpErrors';
import { isJsonMediaType, mediaTypeOf } from '../mediaType';

/**
 * Checks the body's media type as RFC 9110 compares it (case-insensitively, parameters and the whitespace around
 * them ignored), before middy's JSON parser, whose own check is a case-sensitive pattern on two spellings of the
 * header name: the header is then handed on as one lower-case `content-type` holding the bare media type.
 */
export const requireJsonBody = (): middy.MiddlewareObj<APIGatewayProxyEvent> => {
  const requireJsonBodyBefore = async (request: middy.Request<APIGatewayProxyEvent>) => {
    const { event } = request;
    const contentType = headerValue(event.headers, 'content-type');
    const mediaType = mediaTypeOf(contentType);
    if (mediaType !== undefined && isJsonMediaType(mediaType)) {
      const others = Object.entries(event.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type');
      event.headers = { ...Object.fromEntries(others), 'content-type': mediaType };
      return;
    }
    const given = contentType === undefined ? 'no Content-Type header' : `Content-Type ${JSON.stringify(contentType)}`;
    throw unsupportedMediaType(`Unsupported Media Type: send the body as application/json (got ${given})`);
  };
  return { before: requireJsonBodyBefore };
};
