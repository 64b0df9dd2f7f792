// The in-memory central system's side of the sync panel tests: publish a case there, and read
// sync.status as the panel does (through the Api).
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import type { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { revisionHashOf } from '../../../src/main/services/importer';
import type { Workstation } from '../../../src/main/workstation';
import type { SyncStatusView } from '../../../src/shared/api/sync';
import { tempDir } from '../../helpers/package-builder';
import { filesOf, packageWithFiles } from './fixtures';

export async function status(w: Workstation): Promise<SyncStatusView> {
  const r = await dispatch(buildApi(w, 'host'), 'sync.status', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as SyncStatusView;
}

export interface Published {
  caseId: string;
  caseNumber: string;
  revision: number;
  revisionHash: string;
  party: string;
  cause: string;
}

export async function publish(central: MemoryCentral, opts: { id?: string; caseNumber?: string; revision?: number } = {}): Promise<Published> {
  const pkg = await packageWithFiles(tempDir(), [500], opts);
  central.publish(pkg.manifest, filesOf(pkg));
  const m = pkg.manifest;
  return { caseId: m.case.id, caseNumber: m.case.caseNumber, revision: m.case.revision, revisionHash: revisionHashOf(m), party: m.parties[0]!.name, cause: m.case.cause };
}
