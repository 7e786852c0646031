import type { APIGatewayProxyEvent } from 'aws-lambda';

/** Header names are case-insensitive, and API Gateway passes them on as the client wrote them. */
export const headerValue = (headers: APIGatewayProxyEvent['headers'], name: string): string | undefined => {
  const wanted = name.toLowerCase();
  return Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === wanted)?.[1];
};
