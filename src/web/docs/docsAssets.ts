import swaggerUiBundle from 'swagger-ui-dist/swagger-ui-bundle.js' with { type: 'text' };
import swaggerUiCss from 'swagger-ui-dist/swagger-ui.css' with { type: 'text' };
import docsPageHtml from './docs.html' with { type: 'text' };
import docsScript from './docs.browser.js' with { type: 'text' };
import type { DOCS_ASSETS } from '../../api/requestSchemas';
import { TextContentType } from '../../api/routeSpec';
import type { TextAsset } from '../textAsset';

// esbuild inlines these files as strings (import attributes), so the function needs nothing beside its bundle.
const VENDOR_MAX_AGE_SECONDS = 3600;

export const docsPage: TextAsset = { contentType: TextContentType.Html, body: docsPageHtml, maxAgeSeconds: 0 };

export const docsAssets: Record<(typeof DOCS_ASSETS)[number], TextAsset> = {
  'swagger-ui.css': { contentType: TextContentType.Css, body: swaggerUiCss, maxAgeSeconds: VENDOR_MAX_AGE_SECONDS },
  'swagger-ui-bundle.js': {
    contentType: TextContentType.JavaScript,
    body: swaggerUiBundle,
    maxAgeSeconds: VENDOR_MAX_AGE_SECONDS,
  },
  'docs.js': { contentType: TextContentType.JavaScript, body: docsScript, maxAgeSeconds: 0 },
};
