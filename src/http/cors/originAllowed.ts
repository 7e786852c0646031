/**
 * Whether a request's Origin is one of the allowed ones. An allowed origin is written exactly
 * (`https://shop.example.com`), or with `*` for its port (`http://localhost:*`: any port of that host, which local
 * front-end servers pick freely). There is no catch-all `*`.
 */
export const originAllowed = (origin: string | undefined, allowed: readonly string[]): origin is string => {
  if (!origin) return false;
  const wanted = origin.toLowerCase();
  return allowed.some((entry) => {
    const pattern = entry.toLowerCase();
    if (!pattern.endsWith(':*')) return wanted === pattern;
    const prefix = pattern.slice(0, -1);
    return wanted.startsWith(prefix) && /^\d{1,5}$/.test(wanted.slice(prefix.length));
  });
};
