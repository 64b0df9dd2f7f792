// The audit service of a workstation: the hash-chained log, the export policy, and the chain
// head sent to the central system on each sync.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditHeadReport } from '../../../shared/audit/head';
import type { AuditEntryView } from '../../../shared/api/audit';
import { AuditLog, type AuditLogOptions } from './log';
import { ExportPolicyStore } from './policy';

export class AuditService {
  readonly log: AuditLog;
  readonly policy: ExportPolicyStore;
  private nameStmts: { caseNumber: Database.Statement; itemTitle: Database.Statement } | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    opts: AuditLogOptions,
  ) {
    this.log = new AuditLog(sqlite, opts);
    this.policy = new ExportPolicyStore(sqlite, opts.now);
  }

  /**
   * People read case numbers and item titles, not ids: an entry's case (its subject) and the
   * 文书/证据 it is about (detail.itemId), while they are on this workstation; null otherwise.
   */
  names(e: Pick<AuditEntryView, 'subject' | 'detail'>): { caseNumber: string | null; itemTitle: string | null } {
    if (!e.subject) return { caseNumber: null, itemTitle: null };
    // Prepared once: a page of the log names up to 500 entries.
    this.nameStmts ??= {
      caseNumber: this.sqlite.prepare('select case_number from case_file where id = ?').pluck(),
      itemTitle: this.sqlite.prepare('select title from document where case_id = @c and id = @i union all select title from evidence where case_id = @c and id = @i').pluck(),
    };
    const caseNumber = (this.nameStmts.caseNumber.get(e.subject) as string | undefined) ?? null;
    const itemId = typeof e.detail.itemId === 'string' ? e.detail.itemId : null;
    const itemTitle = itemId ? ((this.nameStmts.itemTitle.get({ c: e.subject, i: itemId }) as string | undefined) ?? null) : null;
    return { caseNumber, itemTitle };
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
