/**
 * The media type of a Content-Type header, lowercased and without parameters: `APPLICATION/JSON ; charset=utf-8` is
 * `application/json`. Type and subtype are case-insensitive and whitespace may surround the parameters (RFC 9110 8.3).
 */
export const mediaTypeOf = (contentType: string | undefined): string | undefined => {
  const essence = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return essence ? essence : undefined;
};

/** `application/json` and the structured syntax suffix `+json` (`application/merge-patch+json`, ...). */
export const isJsonMediaType = (mediaType: string | undefined): boolean =>
  mediaType !== undefined && /^application\/([a-z0-9!#$&^_.-]+\+)?json$/.test(mediaType);
