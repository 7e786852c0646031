/** What docs/AWS.md says answers anyone: the documentation, the health check and the dashboard page with its files. */
export const DOCUMENTED_PUBLIC_ROUTES = [
  'GET /',
  'GET /api',
  'GET /health',
  'GET /openapi.json',
  'GET /docs',
  'GET /docs/{asset}',
  'GET /dashboard',
  'GET /dashboard/{asset}',
] as const;
