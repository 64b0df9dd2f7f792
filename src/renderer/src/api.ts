// The one place that picks a transport; everything else uses the typed client.
import { createClient, type ApiClient } from '../../shared/api/client';
import type { PreloadBridge } from '../../shared/api/bridge';
import { ipcTransport } from './transport/ipc';
import { wsTransport, type HostCredential } from './transport/ws';
import { withApproval } from './audit/approval';
import { withLock } from './lock/transport';

declare global {
  interface Window {
    fashen?: PreloadBridge;
  }
}

/** Takes a token out of the address bar (kept in sessionStorage for reloads). */
function takeParam(name: string, key: string): string | null {
  const params = new URLSearchParams(window.location.search);
  const given = params.get(name);
  if (given) {
    sessionStorage.setItem(key, given);
    params.delete(name);
    const rest = params.toString();
    window.history.replaceState(null, '', `${window.location.pathname}${rest ? `?${rest}` : ''}${window.location.hash}`);
  }
  return given ?? sessionStorage.getItem(key);
}

const AUDIENCE_ROUTE = /^#\/meeting\/[A-Za-z0-9-]{1,200}\/audience$/;
const audienceToken = takeParam('audience', 'fashen.audience');

/**
 * An audience page (集体讨论投屏) opened with a meeting's read-only audience token: it reads that
 * meeting's screen and nothing else (no lock screen, no error reports — the back end would refuse them).
 */
export const audienceMode = audienceToken !== null && AUDIENCE_ROUTE.test(window.location.hash);

function pickTransport() {
  if (window.fashen) return ipcTransport(window.fashen);
  const credential: HostCredential = audienceMode ? { param: 'audience', value: audienceToken! } : { param: 'token', value: takeParam('token', 'fashen.token') ?? '' };
  return wsTransport(window.location.origin, credential);
}

// Exports refused for want of an approval ask for one and retry (audit/approval.ts); a call refused
// with 已锁定 shows the lock screen (lock/transport.ts).
export const api: ApiClient = createClient(withLock(withApproval(pickTransport())));
