import type { APIGatewayProxyEvent } from 'aws-lambda';
import packageJson from '../../../package.json';
import { getConfig } from '../../lib/config/config';
import { buildOpenApiDocument, type OpenApiDocument } from './buildOpenApiDocument';
import { docsAssets, docsPage } from './docsAssets';
import { httpRoute, routeGroup } from './httpRoute';
import { jsonResponse } from './jsonResponse';
import { requestedAsset } from './requestedAsset';
import { docsAssetPathSchema } from './requestSchemas';
import { routeCatalog } from './routeCatalog';
import { textResponse } from './textResponse';

const DESCRIPTION =
  'Orders go onto an SQS queue; a consumer validates them and keeps user, global and monthly statistics in Redis, ' +
  'which these routes serve. Amounts are in currency units with two decimals, months are UTC. ' +
  'The [dashboard](dashboard) shows the figures live.';

let openApiDocument: OpenApiDocument | undefined;

const showOpenApiDocument = async () => {
  openApiDocument ??= buildOpenApiDocument(routeCatalog, {
    title: getConfig().SERVICE_NAME,
    version: packageJson.version,
    description: DESCRIPTION,
  });
  return jsonResponse(200, openApiDocument);
};

const showDocsPage = async () => textResponse(docsPage);

const showDocsAsset = async (event: APIGatewayProxyEvent) =>
  textResponse(docsAssets[requestedAsset(docsAssetPathSchema, event.pathParameters)]);

export const handler = httpRoute(
  routeGroup({
    'GET /openapi.json': showOpenApiDocument,
    'GET /docs': showDocsPage,
    'GET /docs/{asset}': showDocsAsset,
  }),
);
