// A case bundle into this workstation — the app's 导入案卷包 and `fashen import` take one the same
// way: its packages, its working-day calendar, and (when bundle.json verifies against the central
// system's bundle key) its revisions as a sync brings them and its answers for the outbox.
import type { BundleImport } from '../../../shared/api/sync';
import type { Workstation } from '../../workstation';
import { takeBundledCalendar } from '../calendar';
import { importCaseBundle } from './case-bundle';
import { checkCaseBundleManifest, settleFromBundle } from './central-manifest';
import { readCentralLogin } from './login';

export function importBundleInto(ws: Workstation, path: string, onProgress?: (done: number, total: number, label: string) => void): Promise<BundleImport> {
  return importCaseBundle(ws.importer, path, {
    ...(onProgress ? { onProgress } : {}),
    takeCalendar: (text) => takeBundledCalendar(ws.dataDir, ws.calendar, text),
    checkManifest: (text) => checkCaseBundleManifest(text, ws.opinions.keys.centralBundleSigner(), readCentralLogin(ws.dataDir)?.user),
    settle: (answers) => settleFromBundle(ws.sync.state, answers),
  });
}
