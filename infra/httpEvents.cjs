// serverless.yml's `http` events, derived from the one route list (src/api/routes.ts): each function's events are
// `${file(./infra/httpEvents.cjs):<function>}`. The route list is TypeScript, so it is bundled in memory by esbuild.
const { buildSync } = require('esbuild');
const Module = require('node:module');
const path = require('node:path');

const projectDir = path.resolve(__dirname, '..');

const loadRoutes = () => {
  const entry = path.join(projectDir, 'src/api/routes.ts');
  const { outputFiles } = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    write: false,
    logLevel: 'silent',
  });
  const bundle = new Module(entry);
  bundle.paths = Module._nodeModulePaths(projectDir);
  bundle._compile(outputFiles[0].text, entry);
  return bundle.exports.routes;
};

/** `/users/{user_id}/stats` → `users/{user_id}/stats`, as serverless writes http paths. */
const httpEvent = (route, stage) => ({
  http: {
    path: route.path.replace(/^\//, ''),
    method: route.method.toLowerCase(),
    // Outside the local stage, routes that write or expose queued bodies need an API key (see the usage plan).
    ...(route.requiresApiKey && stage !== 'local' ? { private: true } : {}),
  },
});

/** The function that answers what the route list has no method for (src/handlers/http/routeFallback.ts). */
const ROUTE_FALLBACK = 'routeFallback';

/**
 * `ANY` on every path of the list (API Gateway prefers a path's own methods, so only other methods and CORS
 * preflights reach it: 405 with Allow, or the preflight's answer), and `ANY /{proxy+}` for every other path (API
 * Gateway prefers every other resource, so it only sees paths nobody serves: a 404 naming the method and path).
 */
const fallbackEvents = (routes) => {
  const paths = [...new Set(routes.map((route) => route.path)), '/{proxy+}'];
  return paths.map((routePath) => ({ http: { path: routePath.replace(/^\//, ''), method: 'any' } }));
};

module.exports = async ({ resolveVariable }) => {
  const stage = await resolveVariable('sls:stage');
  const routes = loadRoutes();
  const events = {};
  for (const route of routes) {
    events[route.function] ??= [];
    events[route.function].push(httpEvent(route, stage));
  }
  events[ROUTE_FALLBACK] = fallbackEvents(routes);
  return events;
};
