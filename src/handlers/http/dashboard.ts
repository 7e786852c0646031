import type { APIGatewayProxyEvent } from 'aws-lambda';
import { dashboardAssets, dashboardPage } from './dashboardAssets';
import { httpRoute, routeGroup } from './httpRoute';
import { requestedAsset } from './requestedAsset';
import { dashboardAssetPathSchema } from './requestSchemas';
import { textResponse } from './textResponse';

const showDashboard = async () => textResponse(dashboardPage);

const showDashboardAsset = async (event: APIGatewayProxyEvent) =>
  textResponse(dashboardAssets[requestedAsset(dashboardAssetPathSchema, event.pathParameters)]);

export const handler = httpRoute(
  routeGroup({
    'GET /dashboard': showDashboard,
    'GET /dashboard/{asset}': showDashboardAsset,
  }),
);
