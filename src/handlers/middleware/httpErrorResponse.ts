import type middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { logEvent } from '../../lib/logging/logEvent';
import { HttpError } from '../http/httpError';
import { jsonResponse } from '../http/jsonResponse';

type ClientError = Error & { statusCode: number; expose?: boolean };

const JSON_PARSER_PACKAGE = '@middy/http-json-body-parser';

const isClientError = (error: unknown): error is ClientError => {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500;
};

/** middy's JSON parser answers 415 for both a wrong content type and a broken body; a broken body is a 400. */
const clientMessage = (error: ClientError): [number, string] => {
  const cause = error.cause as { package?: string } | undefined;
  if (cause?.package === JSON_PARSER_PACKAGE && error.message.startsWith('Invalid or malformed JSON')) {
    return [400, 'Request body is not valid JSON'];
  }
  if (cause?.package === JSON_PARSER_PACKAGE) {
    return [415, 'Unsupported Media Type: send the body as application/json'];
  }
  return [error.statusCode, error.message];
};

/**
 * Only errors below 500 (and our own HttpErrors, whose messages are written for clients) reach the client
 * with their message; anything else is logged and answered blandly.
 */
export const httpErrorResponse = (): middy.MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> => {
  const httpErrorResponseOnError: middy.MiddlewareFn<APIGatewayProxyEvent, APIGatewayProxyResult> = async (request) => {
    if (request.response !== undefined) return;
    const { error } = request;
    if (isClientError(error)) {
      const [statusCode, message] = clientMessage(error);
      request.response = jsonResponse(statusCode, { error: message });
      return;
    }
    logEvent('error', 'Request failed', {
      error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error),
    });
    request.response =
      error instanceof HttpError
        ? jsonResponse(error.statusCode, { error: error.message })
        : jsonResponse(500, { error: 'Internal server error' });
  };
  return { onError: httpErrorResponseOnError };
};
