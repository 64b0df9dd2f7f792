// Builds the window.fashen bridge from the contract; free of 'electron' so it is testable.
import { callNames } from '../shared/api/index';
import { APP_ORIGIN, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type PreloadBridge } from '../shared/api/bridge';
import type { Result } from '../shared/api/result';

/** The slice of ipcRenderer the bridge uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  off(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcRendererLike): PreloadBridge {
  const allowed = new Set<string>(callNames);
  return {
    call(name, input) {
      // Only contract names are forwarded; the main process checks again.
      if (typeof name !== 'string' || !allowed.has(name)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: `未知的调用：${String(name).slice(0, 80)}` } });
      }
      return ipc.invoke(IPC_CALL_CHANNEL, name, input) as Promise<Result<unknown>>;
    },
    onEvent(listener) {
      const handler = (_e: unknown, event: unknown, payload: unknown) => listener(String(event), payload);
      ipc.on(IPC_EVENT_CHANNEL, handler as (event: unknown, ...args: unknown[]) => void);
      return () => void ipc.off(IPC_EVENT_CHANNEL, handler as (event: unknown, ...args: unknown[]) => void);
    },
    blobBase: `${APP_ORIGIN}/blobs`,
  };
}
