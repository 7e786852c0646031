/** The X-Ray daemon's UDP address: `host:port`, or `udp:host:port tcp:host:port` as Lambda may set it. */
export const parseDaemonAddress = (value: string | undefined): { host: string; port: number } | undefined => {
  if (!value) return undefined;
  const udp = value.split(/\s+/).find((part) => part.startsWith('udp:')) ?? value.split(/\s+/)[0] ?? '';
  const match = /^(?:udp:)?([^:\s]+):(\d+)$/.exec(udp);
  if (!match) return undefined;
  return { host: match[1] ?? '', port: Number(match[2]) };
};
