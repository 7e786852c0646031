import { createServer, connect, type Socket } from 'node:net';

/**
 * A TCP proxy standing in for an endpoint's DNS name: new connections go to the current target, and switching it
 * leaves open connections where they are, as a DNS change leaves a client's open socket on the old node.
 */
export type TcpProxy = {
  readonly port: number;
  switchTo(port: number): void;
  /** Connections opened so far to each target port. */
  connectionsTo(port: number): number;
  close(): Promise<void>;
};

export const startTcpProxy = async (targetPort: number): Promise<TcpProxy> => {
  let target = targetPort;
  const sockets = new Set<Socket>();
  const opened = new Map<number, number>();
  const server = createServer((client) => {
    opened.set(target, (opened.get(target) ?? 0) + 1);
    const upstream = connect({ host: '127.0.0.1', port: target });
    sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    switchTo: (next) => {
      target = next;
    },
    connectionsTo: (to) => opened.get(to) ?? 0,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
