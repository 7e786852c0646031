import type { z } from 'zod';

export const HttpMethod = {
  Get: 'GET',
  Post: 'POST',
  Delete: 'DELETE',
} as const;
export type HttpMethod = (typeof HttpMethod)[keyof typeof HttpMethod];

export const TextContentType = {
  Html: 'text/html',
  Css: 'text/css',
  JavaScript: 'text/javascript',
} as const;
export type TextContentType = (typeof TextContentType)[keyof typeof TextContentType];

/** Swagger UI groups the routes by these. */
export const RouteTag = {
  Orders: 'orders',
  Statistics: 'statistics',
  Operations: 'operations',
  Documentation: 'documentation',
} as const;
export type RouteTag = (typeof RouteTag)[keyof typeof RouteTag];

/** One answer of a route: a JSON body described by its zod schema, or a text document of the listed types. */
export type RouteResponse =
  | { description: string; json: z.ZodType }
  | { description: string; text: readonly TextContentType[] };

/**
 * One HTTP route as the API documents it. The request schemas are the very objects the handler parses with,
 * so the documentation cannot drift from the validation.
 */
export type RouteSpec = {
  method: HttpMethod;
  /** API Gateway's resource template, e.g. `/users/{user_id}/stats`. */
  path: string;
  tag: RouteTag;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  pathParameters?: z.ZodObject;
  body?: { schema: z.ZodType; required: boolean };
  requiresAdminToken?: boolean;
  responses: Readonly<Record<number, RouteResponse>>;
};
