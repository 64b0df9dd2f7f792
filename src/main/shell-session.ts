// One place where a shell (the headless host, the desktop app) starts its workstation session:
// the cache key from the OS keystore / passphrase / dev key file, the Workstation on it, and the
// Api with the session as its lock.
import { buildApi, type BuildApiOptions } from './api';
import { lockHandlers } from './handlers/app-lock';
import { WorkstationSession, type SessionOptions } from './services/lock/session';
import { Workstation, type WorkstationOptions } from './workstation';

export interface ShellSessionOptions {
  shell: 'electron' | 'host';
  /** Everything the Workstation takes but its key. */
  workstation: Omit<WorkstationOptions, 'cacheKey'>;
  keys: SessionOptions['keys'];
  api?: Omit<BuildApiOptions, 'lock'>;
  log?: (line: string) => void;
}

export function startShellSession(o: ShellSessionOptions): Promise<WorkstationSession> {
  const osProtected = o.workstation.osProtector?.kind === 'os';
  return WorkstationSession.start({
    dataDir: o.workstation.dataDir,
    keys: o.keys,
    open: (key) => new Workstation({ ...o.workstation, cacheKey: key }),
    handlers: (ws, lock) => buildApi(ws, o.shell, { ...o.api, lock }),
    lockHandlers: (lock) => lockHandlers(lock, { dataDir: o.workstation.dataDir, shell: o.shell, osProtected }),
    via: o.shell === 'electron' ? 'desktop' : 'browser',
    ...(o.log ? { log: o.log } : {}),
  });
}
