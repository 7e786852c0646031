import type { TextContentType } from '../api/routeSpec';

/** A text document this service serves itself (pages, scripts, style sheets), so nothing is loaded from a CDN. */
export type TextAsset = {
  contentType: TextContentType;
  body: string;
  /** Seconds a browser may reuse it; pages are always revalidated so a deploy shows at once. */
  maxAgeSeconds: number;
};
