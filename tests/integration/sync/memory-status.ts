// The in-memory central system's side of the sync panel tests: publish a case there, queue a
// submission for it, and read sync.status as the panel does (through the Api).
import { randomUUID } from 'node:crypto';
import * as t from '../../../src/main/db/schema';
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

/** A signed-opinion-shaped outbox row (the in-memory server checks only its rules, not signatures). */
export function queue(w: Workstation, c: Published, opts: { round?: number; version?: number; forged?: boolean; at: string }): string {
  const id = randomUUID();
  const content = { case: { id: c.caseId, caseNumber: c.caseNumber, revision: c.revision, revisionHash: c.revisionHash }, round: opts.round ?? 1, version: opts.version ?? 1 };
  const signature = { algorithm: 'ed25519', keyId: 'k1', signature: opts.forged ? 'forged' : 'c2lnbmF0dXJl', contentHash: '0'.repeat(64) };
  const payloadJson = JSON.stringify({ format: 'fashen-signed-submission', version: 1, content, signature });
  w.store.db.insert(t.outbox).values({ id, kind: 'opinion', caseId: c.caseId, payloadJson, state: 'queued', createdAt: opts.at, updatedAt: opts.at }).run();
  return id;
}
