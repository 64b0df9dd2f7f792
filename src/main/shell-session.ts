// One place where a shell (the headless host, the desktop app) starts its workstation session:
// the cache key from the OS keystore / passphrase / dev key file, the Workstation on it, and the
// Api with the session as its lock.
import { buildApi, type BuildApiOptions } from './api';
import { lockHandlers } from './handlers/app-lock';
import { WorkstationSession, type SessionOptions } from './services/lock/session';
import { Workstation, type WorkstationOptions } from './workstation';
import { AutoSync, type AutoSyncTiming } from './services/sync/auto-sync';
import { readCentralLogin } from './services/sync/login';
import { recordAutoSync } from './services/audit/auto-sync-audit';

/** FASHEN_AUTO_SYNC=off: only the button and `fashen sync` sync (tests that drive every run, metered links). */
export const AUTO_SYNC_ENV = 'FASHEN_AUTO_SYNC';

export interface ShellSessionOptions {
  shell: 'electron' | 'host';
  /** Everything the Workstation takes but its key. */
  workstation: Omit<WorkstationOptions, 'cacheKey'>;
  keys: SessionOptions['keys'];
  api?: Omit<BuildApiOptions, 'lock'>;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** The automatic sync's delays (tests); default AUTO_SYNC_DEFAULTS. */
  autoSyncTiming?: AutoSyncTiming;
}

export function startShellSession(o: ShellSessionOptions): Promise<WorkstationSession> {
  const osProtected = o.workstation.osProtector?.kind === 'os';
  const via = o.shell === 'electron' ? 'desktop' : 'browser';
  return WorkstationSession.start({
    dataDir: o.workstation.dataDir,
    keys: o.keys,
    open: (key) => new Workstation({ ...o.workstation, cacheKey: key }),
    handlers: (ws, lock) => buildApi(ws, o.shell, { ...o.api, lock }),
    lockHandlers: (lock) => lockHandlers(lock, { dataDir: o.workstation.dataDir, shell: o.shell, osProtected }),
    via,
    autoSync: (ws) =>
      (o.env ?? process.env)[AUTO_SYNC_ENV] === 'off'
        ? null
        : new AutoSync({
            run: () => ws.sync.run(),
            // A saved login whose token does not open with this key is no login: no retries against it.
            ready: () => ws.sync.autoEnabled() && readCentralLogin(ws.dataDir, ws.cacheKey) !== null,
            onRun: (r) => recordAutoSync(ws, r, via),
            onError: (err) => o.log?.(`自动同步未能运行：${(err as Error).message}`),
            ...o.autoSyncTiming,
          }),
    ...(o.log ? { log: o.log } : {}),
  });
}
