import type middy from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { payloadTooLarge } from '../httpErrors';

const bodyBytes = ({ body, isBase64Encoded }: APIGatewayProxyEvent): number =>
  body ? Buffer.byteLength(body, isBase64Encoded ? 'base64' : 'utf8') : 0;

/** Refuses a request whose body is larger than `maxBytes` with a 413, before any parser or handler sees it. */
export const httpBodyLimit = (maxBytes: number): middy.MiddlewareObj<APIGatewayProxyEvent> => {
  const httpBodyLimitBefore = async (request: middy.Request<APIGatewayProxyEvent>) => {
    const bytes = bodyBytes(request.event);
    if (bytes > maxBytes) {
      throw payloadTooLarge(`Request body too large: ${bytes} bytes, the limit is ${maxBytes}`);
    }
  };
  return { before: httpBodyLimitBefore };
};
