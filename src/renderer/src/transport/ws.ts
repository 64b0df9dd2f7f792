// Transport over the headless host's loopback WebSocket (browser and E2E tests).
import type { Transport } from '../../../shared/api/client';
import type { Result } from '../../../shared/api/result';

interface Pending {
  resolve: (r: Result<unknown>) => void;
}

/** The session token (`token`), or a meeting's read-only audience token (`audience`). */
export interface HostCredential {
  param: 'token' | 'audience';
  value: string;
}

export function wsTransport(origin: string, credential: HostCredential | string): Transport {
  const c = typeof credential === 'string' ? { param: 'token', value: credential } : credential;
  const query = `${c.param}=${encodeURIComponent(c.value)}`;
  const url = `${origin.replace(/^http/, 'ws')}/api?${query}`;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const fail = (message: string) => {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.resolve({ ok: false, error: { code: 'unavailable', message } });
    }
  };

  function connect(): Promise<WebSocket> {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('无法连接到工作台后端'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        fail('与工作台后端的连接已断开，请刷新页面重试');
      };
      ws.onmessage = (msg) => {
        const data = JSON.parse(String(msg.data)) as { id?: number; result?: Result<unknown>; event?: string; payload?: unknown };
        if (typeof data.id === 'number' && data.result) {
          pending.get(data.id)?.resolve(data.result);
          pending.delete(data.id);
        } else if (typeof data.event === 'string') {
          listeners.forEach((l) => l(data.event!, data.payload));
        }
      };
    });
    return opened;
  }

  return {
    async invoke(name, input) {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch {
        return { ok: false, error: { code: 'unavailable', message: '无法连接到工作台后端，请确认 npm run serve 仍在运行' } };
      }
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ id, name, input }));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
    blobUrl: (sha) => `${origin}/blobs/${sha}?${query}`,
  };
}
