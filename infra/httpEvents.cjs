// serverless.yml's `http` events, derived from the one route list (src/api/routes.ts): each function's events are
// `${file(./infra/httpEvents.cjs):<function>}`. The route list is TypeScript (loadTypeScriptModule.cjs).
const { httpAuthorizer } = require('./apiAuthorization.cjs');
const { loadTypeScriptModule } = require('./loadTypeScriptModule.cjs');
const { stageSettings } = require('./stageSettings.cjs');

const loadRoutes = () => loadTypeScriptModule('src/api/routes.ts').routes;

/**
 * `/users/{user_id}/stats` → `users/{user_id}/stats`, as serverless writes http paths. Outside the local stage every
 * route the list does not call public needs the API key (the usage plan) and the stage's authorizer.
 */
const httpEvent = (route, settings) => ({
  http: {
    path: route.path.replace(/^\//, ''),
    method: route.method.toLowerCase(),
    ...(settings && route.public !== true ? { private: true, authorizer: httpAuthorizer(settings.auth) } : {}),
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
  // Settings a stage refuses are reported by infra/awsStage.cjs's `check`, in one line; its routes stay as they are.
  const settings = await stageSettings(resolveVariable).catch(() => undefined);
  const routes = loadRoutes();
  const events = {};
  for (const route of routes) {
    events[route.function] ??= [];
    events[route.function].push(httpEvent(route, settings));
  }
  events[ROUTE_FALLBACK] = fallbackEvents(routes);
  return events;
};
