// app.security and the lock calls: answered by the lock (a session, or noLock where nothing can
// lock) and by the disk — never by the Workstation, so they work while it is locked and closed.
import type { Handlers } from '../dispatch';
import type { LockControl } from '../services/lock/control';
import { securityState } from './app-security';

export type LockHandlers = Pick<Handlers, 'app.security' | 'app.lock' | 'app.unlock' | 'app.activity' | 'app.setLockAfter' | 'app.changePassphrase'>;

export function lockHandlers(lock: LockControl, facts: { dataDir: string; shell: 'electron' | 'host'; osProtected: boolean }): LockHandlers {
  return {
    'app.security': () => securityState(facts.dataDir, facts.osProtected, facts.shell, lock.state()),
    'app.lock': () => lock.lock(),
    'app.unlock': ({ passphrase }) => lock.unlock(passphrase),
    'app.activity': () => {
      lock.activity();
      return { locked: lock.state().locked };
    },
    'app.setLockAfter': ({ minutes }) => lock.setLockAfter(minutes),
    'app.changePassphrase': ({ current, next }) => lock.changePassphrase(current, next),
  };
}
