// Audit heads per workstation (install id): every accepted head is kept (seq → hash), so an anchor
// at any seq once accepted can be checked; each report is judged against them (judge.ts) under a
// per-device lock so two reports of one device are judged one after the other.
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AuditHeadReport } from '../../shared/audit/head';
import type { Caller } from '../auth/guard';
import type { ServerDb } from '../db/open';
import { auditHeads, users } from '../db/schema';
import { judgeHead, type HeadMode, type HeadVerdict } from './judge';

export interface HeadOutcome {
  verdict: HeadVerdict;
  /** The highest accepted head before this report. */
  known: { seq: number; hash: string } | null;
  /** The highest accepted seq after it (what the workstation anchors its next report at). */
  knownSeq: number;
}

export class AuditHeadsRepo {
  constructor(private readonly db: ServerDb) {}

  async report(caller: Caller, head: AuditHeadReport, mode: HeadMode): Promise<HeadOutcome> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7261002, hashtext(${head.device}))`);
      const accepted = and(eq(auditHeads.device, head.device), eq(auditHeads.status, 'accepted'));
      const [max] = await tx.select({ seq: auditHeads.seq, hash: auditHeads.hash }).from(auditHeads).where(accepted).orderBy(desc(auditHeads.seq)).limit(1);
      const seqs = [...new Set([head.seq, ...(head.anchors ?? []).map((a) => a.seq)])];
      const rows = await tx
        .select({ seq: auditHeads.seq, hash: auditHeads.hash })
        .from(auditHeads)
        .where(and(accepted, inArray(auditHeads.seq, seqs)));
      const verdict = judgeHead({ maxSeq: max?.seq ?? null, hashAt: new Map(rows.map((r) => [r.seq, r.hash])) }, head, mode);
      if (verdict.status === 'accepted' || verdict.status === 'rewritten') {
        // A rewritten head is kept too (once), with what did not match: it is the evidence.
        await tx
          .insert(auditHeads)
          .values({
            device: head.device,
            seq: head.seq,
            hash: head.hash,
            reportedAt: head.at,
            userId: caller.id,
            loginDevice: caller.deviceId,
            status: verdict.status,
            reason: verdict.status === 'rewritten' ? verdict.reason : null,
          })
          .onConflictDoNothing();
      }
      const knownSeq = verdict.status === 'accepted' ? Math.max(head.seq, max?.seq ?? 0) : (max?.seq ?? 0);
      return { verdict, known: max ? { seq: max.seq, hash: max.hash } : null, knownSeq };
    });
  }

  /** For the admin: each device's latest accepted head and whether a rewrite was ever seen. */
  async overview() {
    // Only the rows the answer shows: every rewrite (the evidence), and per device the highest accepted head.
    const ranked = this.db
      .select({
        device: auditHeads.device,
        seq: auditHeads.seq,
        hash: auditHeads.hash,
        status: auditHeads.status,
        reason: auditHeads.reason,
        user: users.name,
        receivedAt: auditHeads.receivedAt,
        rank: sql<number>`row_number() over (partition by ${auditHeads.device}, ${auditHeads.status} order by ${auditHeads.seq} desc)`.as('rank'),
      })
      .from(auditHeads)
      .innerJoin(users, eq(users.id, auditHeads.userId))
      .as('ranked');
    const rows = await this.db
      .select({ device: ranked.device, seq: ranked.seq, hash: ranked.hash, status: ranked.status, reason: ranked.reason, user: ranked.user, receivedAt: ranked.receivedAt })
      .from(ranked)
      .where(or(eq(ranked.status, 'rewritten'), eq(ranked.rank, 1)))
      .orderBy(ranked.device, desc(ranked.seq));
    type Rewrite = { seq: number; hash: string; reason: string | null; receivedAt: string };
    const byDevice = new Map<string, { device: string; user: string; seq: number | null; hash: string | null; lastReportAt: string | null; rewritten: Rewrite[] }>();
    for (const r of rows) {
      const d = byDevice.get(r.device) ?? { device: r.device, user: r.user, seq: null, hash: null, lastReportAt: null, rewritten: [] };
      if (r.status === 'rewritten') d.rewritten.push({ seq: r.seq, hash: r.hash, reason: r.reason, receivedAt: r.receivedAt.toISOString() });
      else if (d.seq === null) Object.assign(d, { seq: r.seq, hash: r.hash, user: r.user, lastReportAt: r.receivedAt.toISOString() });
      byDevice.set(r.device, d);
    }
    return [...byDevice.values()];
  }
}
