// sync.* handlers: the engine (src/main/services/sync) behind the Api. File paths typed by the
// reviewer are checked here first, so a wrong folder gets a clear zh-CN answer, not a generic failure.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { ApiFailure } from '../../shared/api/result';
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';
import { exportOutboxBundle } from '../services/sync/bundle';
import { importBundleInto } from '../services/sync/bundle-into';
import { syncStatusView } from '../services/sync/status-view';
import { CentralLoginError, loginCentral, logoutCentral } from '../services/sync/central-login';
import { keyReportLines } from '../services/sync/keys-report-text';
import type { SyncLoginResult } from '../../shared/api/sync';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.run' | 'sync.cancel' | 'sync.login' | 'sync.logout' | 'sync.exportBundle' | 'sync.importBundle'>;

const bad = (message: string) => new ApiFailure({ code: 'invalid_input', message });

function absolute(path: string): string {
  const p = path.trim();
  if (!isAbsolute(p)) throw bad(`请填写完整路径（从根目录或盘符开始）：${p}`);
  return p;
}

/** Where the bundle goes: an absolute file path in an existing folder, not an existing folder. */
export function exportTarget(path: string): string {
  const p = absolute(path);
  if (existsSync(p) && statSync(p).isDirectory()) throw bad(`这是一个文件夹，请在末尾加上文件名（如 离线交换包.json）：${p}`);
  const dir = dirname(p);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw bad(`文件夹不存在：${dir}（U 盘是否已插好？）`);
  return p;
}

/** A case bundle to read: an existing .zip file or a package folder. */
export function importSource(path: string): string {
  const p = absolute(path);
  if (!existsSync(p)) throw bad(`找不到文件：${p}`);
  return p;
}

/** The app's login form: the same login as `fashen login`, then the signing keys registered, as the CLI does. */
export async function syncLogin(ws: Workstation, input: { server: string; user: string; password: string }): Promise<SyncLoginResult> {
  if (ws.sync.running) throw new ApiFailure({ code: 'conflict', message: '同步进行中，请稍后再登录' });
  let session;
  try {
    session = await loginCentral(ws.dataDir, input);
  } catch (err) {
    if (!(err instanceof CentralLoginError)) throw err;
    const code = err.kind === 'bad_url' ? 'invalid_input' : err.kind === 'unauthorized' ? 'forbidden' : err.kind === 'unreachable' ? 'unavailable' : 'conflict';
    throw new ApiFailure({ code, message: err.message });
  }
  const notices: string[] = [];
  const keys = ws.opinions.keys;
  if (keys.store.listKeys().length) {
    for (const line of keyReportLines(await keys.contactCentral(), 'app')) notices.push(line.text);
  }
  return { login: { server: session.server, user: session.user }, notices };
}

export function syncHandlers(ws: Workstation): SyncHandlers {
  return {
    'sync.status': () => syncStatusView(ws.sync, ws.dataDir),
    'sync.run': () => ws.sync.run(),
    'sync.cancel': () => ({ cancelled: ws.sync.cancel() }),
    'sync.login': (input) => syncLogin(ws, input),
    'sync.logout': async () => {
      if (ws.sync.running) throw new ApiFailure({ code: 'conflict', message: '同步进行中，请稍后再退出登录' });
      await logoutCentral(ws.dataDir);
      return { loggedOut: true };
    },
    'sync.exportBundle': ({ path, passphrase }) => exportOutboxBundle(ws, exportTarget(path), passphrase),
    'sync.importBundle': ({ path }) => importBundleInto(ws, importSource(path), (done, total, label) => ws.emit('import.progress', { done, total, label })),
  };
}
