import dashboardStyles from './dashboard.css' with { type: 'text' };
import dashboardPageHtml from './dashboard.html' with { type: 'text' };
import dashboardScript from './dashboard.browser.js' with { type: 'text' };
import type { DASHBOARD_ASSETS } from '../../api/requestSchemas';
import { TextContentType } from '../../api/routeSpec';
import type { TextAsset } from '../textAsset';

// esbuild inlines these files as strings (import attributes), so the function needs nothing beside its bundle.
export const dashboardPage: TextAsset = { contentType: TextContentType.Html, body: dashboardPageHtml, maxAgeSeconds: 0 };

export const dashboardAssets: Record<(typeof DASHBOARD_ASSETS)[number], TextAsset> = {
  'dashboard.css': { contentType: TextContentType.Css, body: dashboardStyles, maxAgeSeconds: 0 },
  'dashboard.js': { contentType: TextContentType.JavaScript, body: dashboardScript, maxAgeSeconds: 0 },
};
