// The one place that picks a transport; everything else uses the typed client.
import { createClient, type ApiClient } from '../../shared/api/client';
import type { PreloadBridge } from '../../shared/api/bridge';
import { ipcTransport } from './transport/ipc';
import { wsTransport } from './transport/ws';
import { withApproval } from './audit/approval';
import { withLock } from './lock/transport';

declare global {
  interface Window {
    fashen?: PreloadBridge;
  }
}

function pickTransport() {
  if (window.fashen) return ipcTransport(window.fashen);
  const params = new URLSearchParams(window.location.search);
  const token = params.get('token') ?? sessionStorage.getItem('fashen.token') ?? '';
  // Keep the token for reloads, then take it out of the address bar.
  if (params.get('token')) {
    sessionStorage.setItem('fashen.token', token);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
  }
  return wsTransport(window.location.origin, token);
}

// Exports refused for want of an approval ask for one and retry (audit/approval.ts); a call refused
// with 已锁定 shows the lock screen (lock/transport.ts).
export const api: ApiClient = createClient(withLock(withApproval(pickTransport())));
