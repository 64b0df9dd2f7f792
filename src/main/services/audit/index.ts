// The audit service of a workstation: the hash-chained log, the export policy, and the chain
// head sent to the central system on each sync.
import type Database from 'better-sqlite3-multiple-ciphers';
import type { AuditHeadReport } from '../../../shared/audit/head';
import type { AuditEntryView, AuditListInput, AuditListPage } from '../../../shared/api/audit';
import { actionsOf } from '../../../shared/audit/groups';
import { addDays } from '../../../shared/format/date';
import { foldCaseNumber } from '../../../shared/text/case-number';
import { AuditLog, type AuditLogOptions } from './log';
import { ExportPolicyStore } from './policy';

export class AuditService {
  readonly log: AuditLog;
  readonly policy: ExportPolicyStore;
  private nameStmts: { caseNumber: Database.Statement; itemTitle: Database.Statement } | null = null;
  /** Folded 案号 by 案号: a number never changes its fold, and there are a few thousand at most. */
  private readonly folded = new Map<string, string>();

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

  /**
   * 全部审计记录 (audit.list): a page of the whole log, newest first, filtered by kind, by part of
   * a 案号 and by China-time days; each entry with its case and item named.
   */
  list(q: AuditListInput): AuditListPage {
    const subjects = q.caseNumber !== undefined ? this.casesMatching(q.caseNumber) : undefined;
    // No case matches: say so rather than fall back to the whole log.
    if (subjects?.length === 0) return { entries: [], more: false, cases: 0 };
    const page = this.log.page({
      before: q.before,
      limit: q.limit,
      actions: q.group && actionsOf(q.group),
      subjects,
      from: q.from && chinaDayStart(q.from),
      until: q.to && chinaDayStart(addDays(q.to, 1)),
    });
    return { entries: page.entries.map((e) => ({ ...e, ...this.names(e) })), more: page.more, ...(subjects ? { cases: subjects.length } : {}) };
  }

  /** Ids of the cases on this workstation whose 案号 contains `part` (brackets' kind and width, spaces and case ignored). */
  casesMatching(part: string): string[] {
    const q = foldCaseNumber(part);
    const rows = this.sqlite.prepare('select id, case_number as n from case_file').all() as { id: string; n: string }[];
    return rows
      .filter((r) => {
        let f = this.folded.get(r.n);
        if (f === undefined) this.folded.set(r.n, (f = foldCaseNumber(r.n)));
        return f.includes(q);
      })
      .map((r) => r.id);
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

/** The instant a China-time day begins (UTC+8 all year: 16:00Z the day before). */
function chinaDayStart(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00+08:00`).toISOString();
}

/** Shown as the actor when no reviewer profile is set yet. */
export const NO_REVIEWER = '未设置审核人员';

/** For the sync push: the head to send to `POST /v1/audit/head` after the outbox. */
export function auditHead(ws: { audit: AuditService }): AuditHeadReport {
  return ws.audit.head();
}

export { AuditLog } from './log';
export { ExportPolicyStore } from './policy';
