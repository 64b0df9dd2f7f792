// Transport over the Electron preload bridge (window.fashen).
import type { Transport } from '../../../shared/api/client';
import type { PreloadBridge } from '../../../shared/api/bridge';

export function ipcTransport(bridge: PreloadBridge): Transport {
  return {
    invoke: (name, input) => bridge.call(name, input),
    subscribe: (listener) => bridge.onEvent(listener),
    blobUrl: (sha) => `${bridge.blobBase}/${sha}`,
  };
}
