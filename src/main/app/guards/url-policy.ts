// Every URL decision goes through here, parsed with new URL — never string matching.
import { APP_ORIGIN } from '../../../shared/api/bridge';

const APP = new URL(APP_ORIGIN);

/** Is this URL our own renderer (app://fashen/…)? */
export function isAppUrl(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  return u.protocol === APP.protocol && u.host === APP.host && u.username === '' && u.password === '';
}

/** The sha256 of an app://fashen/blobs/<sha256> link, else null. */
export function appBlobSha(raw: string): string | null {
  if (!isAppUrl(raw)) return null;
  return /^\/blobs\/([0-9a-f]{64})$/.exec(new URL(raw).pathname)?.[1] ?? null;
}

/** Navigation inside the window is allowed only within the app origin. */
export function navigationAllowed(raw: string): boolean {
  return isAppUrl(raw);
}
