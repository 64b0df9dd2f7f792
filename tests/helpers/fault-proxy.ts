// A fault-injecting TCP proxy (node:net) between the sync client and the central server.
// Modes: pass-through, latency, reset mid-body (RST after N bytes from the server), cut (FIN after
// N bytes, either direction), blackhole (accept, never answer: the client must time out).
// Switching modes drops every open connection, so no pooled keep-alive socket survives in the old
// mode. `faults` counts the connections a fault actually hit.
import { createServer, connect, type Server, type Socket } from 'node:net';

export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'latency'; ms: number }
  | { kind: 'reset'; afterBytes: number }
  | { kind: 'cut'; afterBytes: number; direction: 'down' | 'up' }
  | { kind: 'blackhole' };

export interface FaultProxy {
  url: string;
  port: number;
  mode: FaultMode;
  /** Connections a fault hit (latency counts once per connection). */
  faults: number;
  connections: number;
  setMode(mode: FaultMode): void;
  /** Points the proxy at another upstream port (a restarted server). */
  retarget(port: number): void;
  /** Drops every open connection (both sides). */
  dropAll(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(upstreamPort: number, upstreamHost = '127.0.0.1'): Promise<FaultProxy> {
  const open = new Set<Socket>();
  let target = upstreamPort;
  const state = { mode: { kind: 'pass' } as FaultMode, faults: 0, connections: 0 };

  const track = (s: Socket) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => undefined);
  };

  const server: Server = createServer((client) => {
    track(client);
    state.connections++;
    const mode = state.mode;
    if (mode.kind === 'blackhole') {
      state.faults++;
      client.on('data', () => undefined); // swallow the request, answer nothing
      return;
    }
    const upstream = connect(target, upstreamHost);
    track(upstream);
    let hit = false;
    const fault = () => {
      if (!hit) state.faults++;
      hit = true;
    };
    const kill = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    upstream.on('error', kill);
    client.on('error', kill);

    let down = 0;
    let up = 0;
    const delay = mode.kind === 'latency' ? mode.ms : 0;
    if (delay) fault();

    upstream.on('data', (chunk: Buffer) => {
      if (mode.kind === 'reset' || (mode.kind === 'cut' && mode.direction === 'down')) {
        const left = mode.afterBytes - down;
        if (chunk.length >= left) {
          fault();
          if (left > 0) client.write(chunk.subarray(0, left));
          down += Math.max(left, 0);
          if (mode.kind === 'reset') client.resetAndDestroy();
          else client.end();
          upstream.destroy();
          return;
        }
      }
      down += chunk.length;
      if (delay) {
        upstream.pause();
        setTimeout(() => {
          if (!client.destroyed) client.write(chunk);
          upstream.resume();
        }, delay);
      } else client.write(chunk);
    });

    client.on('data', (chunk: Buffer) => {
      if (mode.kind === 'cut' && mode.direction === 'up') {
        const left = mode.afterBytes - up;
        if (chunk.length >= left) {
          fault();
          if (left > 0) upstream.write(chunk.subarray(0, left));
          up += Math.max(left, 0);
          upstream.end();
          client.destroy();
          return;
        }
      }
      up += chunk.length;
      if (delay) {
        client.pause();
        setTimeout(() => {
          if (!upstream.destroyed) upstream.write(chunk);
          client.resume();
        }, delay);
      } else upstream.write(chunk);
    });
  });

  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  const port = (server.address() as { port: number }).port;

  const dropAll = () => {
    for (const s of open) s.destroy();
    open.clear();
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get mode() {
      return state.mode;
    },
    get faults() {
      return state.faults;
    },
    get connections() {
      return state.connections;
    },
    setMode(mode) {
      state.mode = mode;
      dropAll();
    },
    retarget(p) {
      target = p;
      dropAll();
    },
    dropAll,
    close: () =>
      new Promise<void>((res) => {
        dropAll();
        server.close(() => res());
      }),
  };
}
