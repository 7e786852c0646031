/** Where an invocation sits in its X-Ray trace, as Lambda passes it in `_X_AMZN_TRACE_ID`. */
export type TraceHeader = { traceId: string; parentId: string; sampled: boolean };

/** `Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1` → its parts; undefined without a root. */
export const parseTraceHeader = (header: string | undefined): TraceHeader | undefined => {
  if (!header) return undefined;
  const fields = new Map(
    header.split(';').map((part) => {
      const [key = '', value = ''] = part.split('=');
      return [key.trim(), value.trim()] as const;
    }),
  );
  const traceId = fields.get('Root');
  const parentId = fields.get('Parent');
  if (!traceId || !parentId) return undefined;
  return { traceId, parentId, sampled: fields.get('Sampled') === '1' };
};
