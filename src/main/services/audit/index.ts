// The audit service of a workstation: the hash-chained log, the export policy, and the chain
// head sent to the central system on each sync.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditHeadReport } from '../../../shared/audit/head';
import { AuditLog, type AuditLogOptions } from './log';
import { ExportPolicyStore } from './policy';

export class AuditService {
  readonly log: AuditLog;
  readonly policy: ExportPolicyStore;

  constructor(sqlite: Database.Database, opts: AuditLogOptions) {
    this.log = new AuditLog(sqlite, opts);
    this.policy = new ExportPolicyStore(sqlite, opts.now);
  }

  /** The chain head (device, seq, hash) for the central system; seq 0 + genesis hash when empty. */
  head(): AuditHeadReport {
    return this.log.head();
  }

  /** The current hash of the entry at `seq` (null when the log has none): the anchor the central system checks. */
  hashAt(seq: number): string | null {
    return this.log.hashAt(seq);
  }
}

/** Shown as the actor when no reviewer profile is set yet. */
export const NO_REVIEWER = '未设置审核人员';

/** For the sync push: the head to send to `POST /v1/audit/head` after the outbox. */
export function auditHead(ws: { audit: AuditService }): AuditHeadReport {
  return ws.audit.head();
}

export { AuditLog } from './log';
export { ExportPolicyStore } from './policy';
