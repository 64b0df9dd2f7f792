// A slow, unplugable network link for the sync E2E: a TCP proxy to the central server that paces
// the bytes coming down to a set rate (shared by all connections, like one county-office line) so
// a sync lasts long enough to watch and cancel, and that can be unplugged (the port refuses
// connections) and plugged back in on the same port.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface SlowLink {
  url: string;
  unplug(): Promise<void>;
  plug(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlowLink(upstreamPort: number, bytesPerSecond: number): Promise<SlowLink> {
  const open = new Set<Socket>();
  // The time the shared line is busy until (ms): each chunk waits for its turn, then its own length.
  let busyUntil = 0;
  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => undefined);
  };

  const make = (): Server =>
    createServer((client) => {
      track(client);
      const upstream = connect(upstreamPort, '127.0.0.1');
      track(upstream);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.on('data', (chunk: Buffer) => {
        upstream.pause();
        const now = Date.now();
        busyUntil = Math.max(busyUntil, now) + (chunk.length / bytesPerSecond) * 1000;
        setTimeout(() => {
          if (!client.destroyed) client.write(chunk);
          upstream.resume();
        }, busyUntil - now);
      });
      upstream.on('end', () => setTimeout(() => client.end(), Math.max(busyUntil - Date.now(), 0) + 5));
    });

  let server = make();
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.address() as { port: number }).port;
  const stop = () =>
    new Promise<void>((res) => {
      for (const s of open) s.destroy();
      open.clear();
      server.close(() => res());
    });

  return {
    url: `http://127.0.0.1:${port}`,
    unplug: stop,
    async plug() {
      server = make();
      await new Promise<void>((res, rej) => {
        server.once('error', rej);
        server.listen(port, '127.0.0.1', () => res());
      });
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
