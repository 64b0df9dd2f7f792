// sync.* handlers: the engine (src/main/services/sync) behind the Api. File paths typed by the
// reviewer are checked first (bundle-paths.ts), so a wrong folder gets a clear zh-CN answer.
import { ApiFailure } from '../../shared/api/result';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { exportOutboxBundle } from '../services/sync/bundle';
import { exportTarget, importSource } from '../services/sync/bundle-paths';
import { importBundleInto } from '../services/sync/bundle-into';
import { syncStatusView } from '../services/sync/status-view';
import { CentralLoginError, loginCentral, logoutCentral } from '../services/sync/central-login';
import { KEYS } from '../services/sync/state';
import { readCentralLogin } from '../services/sync/login';
import { keyReportLines } from '../services/sync/keys-report-text';
import type { SyncLoginResult } from '../../shared/api/sync';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.run' | 'sync.cancel' | 'sync.setAuto' | 'sync.connectionBack' | 'sync.acknowledge' | 'sync.login' | 'sync.logout' | 'sync.exportBundle' | 'sync.importBundle'>;

/** The app's login form: the same login as `fashen login`, then the signing keys registered, as the CLI does. */
export async function syncLogin(ws: Workstation, input: { server: string; user: string; password: string }): Promise<SyncLoginResult> {
  if (ws.sync.running) throw new ApiFailure({ code: 'conflict', message: '同步进行中，请稍后再登录' });
  let session;
  try {
    session = await loginCentral(ws.dataDir, ws.cacheKey, input);
  } catch (err) {
    if (!(err instanceof CentralLoginError)) throw err;
    const code = err.kind === 'bad_url' ? 'invalid_input' : err.kind === 'unauthorized' ? 'forbidden' : err.kind === 'unreachable' ? 'unavailable' : 'conflict';
    throw new ApiFailure({ code, message: err.message });
  }
  const notices: string[] = [];
  const keys = ws.opinions.keys;
  // Also with no key yet: this is where the trust roots and the bundle key are learnt, which an
  // office that never connects again needs to check the bundles it is sent.
  const contact = await keys.contactCentral();
  if (keys.store.listKeys().length) for (const line of keyReportLines(contact, 'app')) notices.push(line.text);
  ws.sync.loggedIn(); // a stored 尚未登录 error is over
  ws.sync.auto?.poke(); // logged in: her cases come down without a click
  return { login: { server: session.server, user: session.user }, notices };
}

export function syncHandlers(ws: Workstation): SyncHandlers {
  return {
    'sync.status': () => syncStatusView(ws.sync, ws.dataDir, ws.cacheKey),
    'sync.run': () => ws.sync.run(),
    'sync.cancel': () => ({ cancelled: ws.sync.cancel() }),
    'sync.setAuto': ({ enabled }) => {
      ws.sync.setAutoEnabled(enabled);
      return syncStatusView(ws.sync, ws.dataDir, ws.cacheKey);
    },
    'sync.connectionBack': () => {
      ws.sync.auto?.poke();
      return syncStatusView(ws.sync, ws.dataDir, ws.cacheKey);
    },
    'sync.acknowledge': ({ id }) => {
      if (!ws.sync.state.acknowledge(id)) throw new ApiFailure({ code: 'not_found', message: '没有这件被退回或已过时的提交（可能已被清除）' });
      return syncStatusView(ws.sync, ws.dataDir, ws.cacheKey);
    },
    'sync.login': (input) => syncLogin(ws, input),
    'sync.logout': async () => {
      if (ws.sync.running) throw new ApiFailure({ code: 'conflict', message: '同步进行中，请稍后再退出登录' });
      // Logged out, the workstation is still hers: a bundle for another reviewer is refused (central-manifest.ts).
      const user = readCentralLogin(ws.dataDir, ws.cacheKey)?.user;
      if (user) ws.sync.state.set(KEYS.lastLoginUser, user);
      await logoutCentral(ws.dataDir, ws.cacheKey);
      return { loggedOut: true };
    },
    'sync.exportBundle': ({ path, passphrase, bundlePassphrase }) => exportOutboxBundle(ws, exportTarget(path), passphrase, { passphrase: bundlePassphrase }),
    'sync.importBundle': ({ path, passphrase }) => importBundleInto(ws, importSource(path), (done, total, label) => ws.emit('import.progress', { done, total, label }), passphrase),
  };
}
