// A case bundle into this workstation — the app's 导入案卷包 and `fashen import` take one the same
// way: its packages, its working-day calendar, and (when bundle.json verifies against the central
// system's bundle key) its revisions as a sync brings them and its answers for the outbox.
import type { BundleImport } from '../../../shared/api/sync';
import type { Workstation } from '../../workstation';
import { takeBundledCalendar } from '../calendar';
import { importCaseBundle } from './case-bundle';
import { checkCaseBundleManifest, settleFromBundle, workstationReviewer } from './central-manifest';
import { KEYS } from './state';
import { readCentralLogin } from './login';

/** `passphrase`: for a sealed bundle (without it, or wrong: ApiFailure passphrase_required, nothing imported). */
export function importBundleInto(ws: Workstation, path: string, onProgress?: (done: number, total: number, label: string) => void, passphrase?: string): Promise<BundleImport> {
  return importCaseBundle(ws.importer, path, {
    ...(onProgress ? { onProgress } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
    takeCalendar: (text) => takeBundledCalendar(ws.dataDir, ws.calendar, text),
    // Logged out, the workstation is still its reviewer's: the key registration says whose.
    checkManifest: (text) =>
      checkCaseBundleManifest(
        text,
        ws.opinions.keys.centralBundleSigner(),
        workstationReviewer({ now: readCentralLogin(ws.dataDir, ws.cacheKey)?.user, last: ws.sync.state.get(KEYS.lastLoginUser) }, ws.opinions.keys.store.listKeys()),
      ),
    settle: (answers) => settleFromBundle(ws.sync.state, answers),
    here: (caseId, caseNumber) => ws.cases.findIdentity(caseId, caseNumber).byId ?? null,
  });
}
