import type middy from '@middy/core';
import type { APIGatewayProxyEvent } from 'aws-lambda';

/** A POST without a body means "use the defaults", so it is read as `{}` before JSON parsing. */
export const emptyBodyAsEmptyObject = (): middy.MiddlewareObj<APIGatewayProxyEvent> => {
  const emptyBodyAsEmptyObjectBefore = async (request: middy.Request<APIGatewayProxyEvent>) => {
    const { event } = request;
    if (event.body === null || event.body === undefined || event.body === '') {
      event.body = '{}';
      event.isBase64Encoded = false;
      // Whatever type an empty body was labelled with, `{}` is JSON.
      const others = Object.entries(event.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type');
      event.headers = { ...Object.fromEntries(others), 'content-type': 'application/json' };
    }
  };
  return { before: emptyBodyAsEmptyObjectBefore };
};
