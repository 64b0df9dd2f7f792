// sync.* handlers: the engine (src/main/services/sync) behind the Api.
import { statusLine } from '../../shared/sync/status';
import type { Handlers } from '../dispatch';
import { join } from 'node:path';
import type { Workstation } from '../workstation';
import { exportOutboxBundle } from '../services/sync/bundle';
import { importCaseBundle } from '../services/sync/case-bundle';

type SyncHandlers = Pick<Handlers, 'sync.status' | 'sync.run' | 'sync.cancel' | 'sync.exportBundle' | 'sync.importBundle'>;

export function syncHandlers(ws: Workstation): SyncHandlers {
  return {
    'sync.status': () => {
      const status = ws.sync.status();
      return { ...status, line: statusLine(status) };
    },
    'sync.run': () => ws.sync.run(),
    'sync.cancel': () => ({ cancelled: ws.sync.cancel() }),
    'sync.exportBundle': ({ path, passphrase }) => exportOutboxBundle(ws, path, passphrase),
    'sync.importBundle': ({ path }) => importCaseBundle(ws.importer, path, join(ws.dataDir, 'sync'), (done, total, label) => ws.emit('import.progress', { done, total, label })),
  };
}
