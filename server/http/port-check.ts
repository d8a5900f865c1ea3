import net from 'node:net';

/**
 * Rejects with the listen error (EADDRINUSE, EACCES: with its `port`) when `port` cannot be taken on
 * `host`; otherwise releases it at once. `npm start` asks first, so that a port in use is reported in a
 * second, not after the first import. Port 0 (any free port) always succeeds.
 */
export function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
