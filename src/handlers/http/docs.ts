import packageJson from '../../../package.json';
import { buildOpenApiDocument, type OpenApiDocument } from '../../api/buildOpenApiDocument';
import { dayOf } from '../../api/requestExamples';
import { routes, routesOf } from '../../api/routes';
import { HttpFunction } from '../../api/routeSpec';
import { httpFunction } from '../../http/httpFunction';
import { jsonResponse } from '../../http/jsonResponse';
import { textResponse } from '../../http/textResponse';
import { serviceFunctionOptions } from '../../runtime/serviceDependencies';
import { docsAssets, docsPage } from '../../web/docs/docsAssets';

const DESCRIPTION =
  'Orders go onto an SQS queue; a consumer validates them and keeps user, global and monthly statistics in Redis, ' +
  'which these routes serve. Amounts are in currency units with two decimals, months are UTC. ' +
  'The [dashboard](dashboard) shows the figures live. ' +
  "A path that is no route answers 404 naming the method and path; a route's path asked with another method answers " +
  '405 with an Allow header; OPTIONS is the CORS preflight of every path (origins allowed per stage: ' +
  'CORS_ALLOWED_ORIGINS). A dependency that is down (Redis) makes a route answer 503 with Retry-After; ' +
  '[GET /health](health) says which.';

// Built once a day (UTC): its examples are an order and a month of the current day.
let openApiDocument: { day: string; document: OpenApiDocument } | undefined;

export const handler = httpFunction(
  routesOf(HttpFunction.Docs),
  {
    'GET /openapi.json': async (_input, { config }) => {
      const now = new Date();
      if (openApiDocument?.day !== dayOf(now)) {
        const info = { title: config.SERVICE_NAME, version: packageJson.version, description: DESCRIPTION };
        openApiDocument = { day: dayOf(now), document: buildOpenApiDocument(routes, info, now, config.API_AUTHORIZER) };
      }
      return jsonResponse(200, openApiDocument.document);
    },
    'GET /docs': async () => textResponse(docsPage),
    'GET /docs/{asset}': async ({ path: { asset } }) => textResponse(docsAssets[asset]),
  },
  serviceFunctionOptions({}),
);
