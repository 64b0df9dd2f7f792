// Repository of 集体讨论 meetings: the meeting row, its agenda (meeting_case), the attendees'
// opinions and the minutes. Each method is one statement or one transaction, so every record is
// on disk the moment it is made.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import * as t from '../schema';
import type { Attendee, MeetingState, QuorumRule } from '../../../shared/meeting/schema';

export type MeetingRow = typeof t.meetings.$inferSelect;
export type MeetingCaseRow = typeof t.meetingCases.$inferSelect;
export type MeetingOpinionRow = typeof t.meetingOpinions.$inferSelect;
export type MinutesRow = typeof t.meetingMinutes.$inferSelect;

/** state_json, version 1: the people and the quorum rule, read whole. */
export interface MeetingPeopleV1 {
  v: 1;
  attendees: Attendee[];
  hostId: string;
  reporterId: string;
  recorderId: string;
  quorum: QuorumRule;
}

export function parsePeople(json: string): MeetingPeopleV1 {
  const v = JSON.parse(json) as MeetingPeopleV1;
  if (v?.v !== 1 || !Array.isArray(v.attendees)) throw new Error(`unsupported meeting state_json version: ${String((v as { v?: unknown })?.v)}`);
  return v;
}

export interface MeetingHeader {
  id: string;
  title: string;
  heldOn: string;
  place: string;
  people: MeetingPeopleV1;
}

export class MeetingRepo {
  constructor(private readonly db: Db) {}

  get(id: string): MeetingRow | undefined {
    return this.db.select().from(t.meetings).where(eq(t.meetings.id, id)).get();
  }

  list(state?: MeetingState): MeetingRow[] {
    const q = this.db.select().from(t.meetings);
    return (state ? q.where(eq(t.meetings.state, state)) : q).orderBy(desc(t.meetings.heldOn), desc(t.meetings.createdAt)).all();
  }

  /** The case's queue row (case number, first party, cause, round, revision) — light, for the agenda. */
  caseRow(caseId: string): (typeof t.cases.$inferSelect) | undefined {
    return this.db.select().from(t.cases).where(eq(t.cases.id, caseId)).get();
  }

  /** The revision number of a case revision hash (the revision a meeting decided on). */
  revisionNumber(caseId: string, revisionHash: string): number | undefined {
    return this.db
      .select({ revision: t.caseRevisions.revision })
      .from(t.caseRevisions)
      .where(and(eq(t.caseRevisions.caseId, caseId), eq(t.caseRevisions.revisionHash, revisionHash)))
      .get()?.revision;
  }

  /** Extracted page texts of every document and evidence file of the case (for learning names to mask). */
  pageTexts(caseId: string): string[] {
    const rows = this.db.all<{ text: string }>(sql`
      select p.text from page_text p where p.sha256 in (
        select sha256 from document where case_id = ${caseId} union select sha256 from evidence where case_id = ${caseId})`);
    return rows.map((r) => r.text);
  }

  /** Meetings (other than `except`) in the given states that have the case on their agenda. */
  meetingsWithCase(caseId: string, states: MeetingState[], except: string): { id: string; title: string; state: MeetingState }[] {
    return this.db
      .select({ id: t.meetings.id, title: t.meetings.title, state: t.meetings.state })
      .from(t.meetingCases)
      .innerJoin(t.meetings, eq(t.meetings.id, t.meetingCases.meetingId))
      .where(and(eq(t.meetingCases.caseId, caseId), sql`${t.meetings.state} in (${sql.join(states.map((s) => sql`${s}`), sql`, `)})`, sql`${t.meetings.id} != ${except}`))
      .all();
  }

  cases(meetingId: string): MeetingCaseRow[] {
    return this.db.select().from(t.meetingCases).where(eq(t.meetingCases.meetingId, meetingId)).orderBy(asc(t.meetingCases.position)).all();
  }

  opinions(meetingId: string): MeetingOpinionRow[] {
    return this.db.select().from(t.meetingOpinions).where(eq(t.meetingOpinions.meetingId, meetingId)).orderBy(asc(t.meetingOpinions.recordedAt)).all();
  }

  /** Counts per meeting for the list: agenda cases and concluded ones. */
  counts(): Map<string, { cases: number; concluded: number }> {
    const rows = this.db
      .select({ id: t.meetingCases.meetingId, n: sql<number>`count(*)`, done: sql<number>`count(${t.meetingCases.concludedAt})` })
      .from(t.meetingCases)
      .groupBy(t.meetingCases.meetingId)
      .all();
    return new Map(rows.map((r) => [r.id, { cases: r.n, concluded: r.done }]));
  }

  /** A new draft meeting, or (existing draft) its set-up replaced, agenda included, in one transaction. */
  saveDraft(h: MeetingHeader, agenda: string[], now: string, isNew: boolean): void {
    this.db.transaction((tx) => {
      const values = { title: h.title, heldOn: h.heldOn, place: h.place, stateJson: JSON.stringify(h.people), updatedAt: now };
      if (isNew) tx.insert(t.meetings).values({ id: h.id, ...values, state: 'draft', revision: 1, createdAt: now }).run();
      else tx.update(t.meetings).set({ ...values, revision: sql`${t.meetings.revision} + 1` }).where(and(eq(t.meetings.id, h.id), eq(t.meetings.state, 'draft'))).run();
      tx.delete(t.meetingCases).where(eq(t.meetingCases.meetingId, h.id)).run();
      agenda.forEach((caseId, position) => tx.insert(t.meetingCases).values({ meetingId: h.id, caseId, position }).run());
    });
  }

  deleteDraft(id: string): boolean {
    return this.db.delete(t.meetings).where(and(eq(t.meetings.id, id), eq(t.meetings.state, 'draft'))).run().changes > 0;
  }

  /** Start: the state, the day it is held, the first position, and per case the revision and review decided on. */
  start(id: string, at: string, heldOn: string, snapshots: { caseId: string; revisionHash: string; round: number; reviewJson: string }[]): void {
    this.db.transaction((tx) => {
      tx.update(t.meetings)
        .set({ state: 'running', heldOn, startedAt: at, agendaIndex: 0, topic: 'summary', evidenceJson: null, updatedAt: at, revision: sql`${t.meetings.revision} + 1` })
        .where(and(eq(t.meetings.id, id), eq(t.meetings.state, 'draft')))
        .run();
      for (const s of snapshots)
        tx.update(t.meetingCases)
          .set({ revisionHash: s.revisionHash, round: s.round, reviewJson: s.reviewJson })
          .where(and(eq(t.meetingCases.meetingId, id), eq(t.meetingCases.caseId, s.caseId)))
          .run();
    });
  }

  navigate(id: string, agendaIndex: number, topic: string, evidenceJson: string | null, at: string): void {
    this.db
      .update(t.meetings)
      .set({ agendaIndex, topic, evidenceJson, updatedAt: at, revision: sql`${t.meetings.revision} + 1` })
      .where(and(eq(t.meetings.id, id), eq(t.meetings.state, 'running')))
      .run();
  }

  /** Marks the meeting changed (a record under it was written). */
  touch(id: string, at: string, set: Partial<Pick<MeetingRow, 'state' | 'endedAt'>> = {}): void {
    this.db
      .update(t.meetings)
      .set({ ...set, updatedAt: at, revision: sql`${t.meetings.revision} + 1` })
      .where(eq(t.meetings.id, id))
      .run();
  }

  recordOpinion(row: MeetingOpinionRow): void {
    this.db.transaction((tx) => {
      tx.insert(t.meetingOpinions)
        .values(row)
        .onConflictDoUpdate({ target: [t.meetingOpinions.meetingId, t.meetingOpinions.caseId, t.meetingOpinions.attendeeId], set: { kind: row.kind, text: row.text, recordedAt: row.recordedAt } })
        .run();
      tx.update(t.meetings)
        .set({ updatedAt: row.recordedAt, revision: sql`${t.meetings.revision} + 1` })
        .where(eq(t.meetings.id, row.meetingId))
        .run();
    });
  }

  /** Removes one attendee's opinion on one case (a misrecorded one); false when there was none. */
  clearOpinion(meetingId: string, caseId: string, attendeeId: string, at: string): boolean {
    return this.db.transaction((tx) => {
      const gone = tx
        .delete(t.meetingOpinions)
        .where(and(eq(t.meetingOpinions.meetingId, meetingId), eq(t.meetingOpinions.caseId, caseId), eq(t.meetingOpinions.attendeeId, attendeeId)))
        .run().changes;
      if (gone) tx.update(t.meetings).set({ updatedAt: at, revision: sql`${t.meetings.revision} + 1` }).where(eq(t.meetings.id, meetingId)).run();
      return gone > 0;
    });
  }

  updateCase(meetingId: string, caseId: string, set: Partial<Pick<MeetingCaseRow, 'notes' | 'conclusionText' | 'followsReview' | 'differingReason' | 'concludedAt'>>, at: string): void {
    this.db.transaction((tx) => {
      tx.update(t.meetingCases)
        .set(set)
        .where(and(eq(t.meetingCases.meetingId, meetingId), eq(t.meetingCases.caseId, caseId)))
        .run();
      tx.update(t.meetings)
        .set({ updatedAt: at, revision: sql`${t.meetings.revision} + 1` })
        .where(eq(t.meetings.id, meetingId))
        .run();
    });
  }

  // ---- minutes ----

  minutes(filter: { meetingId?: string; caseId?: string }): MinutesRow[] {
    const conds = [filter.meetingId ? eq(t.meetingMinutes.meetingId, filter.meetingId) : undefined, filter.caseId ? eq(t.meetingMinutes.caseId, filter.caseId) : undefined].filter((c) => c !== undefined);
    const q = this.db.select().from(t.meetingMinutes);
    return (conds.length ? q.where(and(...conds)) : q).orderBy(asc(t.meetingMinutes.createdAt)).all();
  }

  /** Unsigned previews are replaced as the record changes; signed ones never (callers check). */
  savePreview(rows: Omit<MinutesRow, 'recorderSignatureJson' | 'hostSignatureJson' | 'submissionSha256'>[]): void {
    this.db.transaction((tx) => {
      for (const r of rows) {
        tx.delete(t.meetingMinutes)
          .where(and(eq(t.meetingMinutes.meetingId, r.meetingId), eq(t.meetingMinutes.caseId, r.caseId), sql`${t.meetingMinutes.recorderSignatureJson} is null`))
          .run();
        tx.insert(t.meetingMinutes).values(r).run();
      }
    });
  }

  /**
   * One signer's signatures on all the meeting's minutes, in one transaction with what must
   * commit with them: the outbox entries (kind 'minutes') and, when complete, the state 'signed'.
   */
  saveSignatures(
    meetingId: string,
    role: 'recorder' | 'host',
    rows: { id: string; pdfSha256: string; signatureJson: string; submissionSha256?: string }[],
    at: string,
    then: { outbox: { id: string; caseId: string; payloadJson: string }[]; signed: boolean },
  ): void {
    this.db.transaction((tx) => {
      for (const r of rows) {
        const col = role === 'recorder' ? { recorderSignatureJson: r.signatureJson } : { hostSignatureJson: r.signatureJson };
        tx.update(t.meetingMinutes)
          .set({ ...col, pdfSha256: r.pdfSha256, ...(r.submissionSha256 ? { submissionSha256: r.submissionSha256 } : {}), updatedAt: at })
          .where(eq(t.meetingMinutes.id, r.id))
          .run();
      }
      for (const o of then.outbox) tx.insert(t.outbox).values({ ...o, kind: 'minutes', state: 'queued', createdAt: at, updatedAt: at }).run();
      tx.update(t.meetings)
        .set({ ...(then.signed ? { state: 'signed' as const } : {}), updatedAt: at, revision: sql`${t.meetings.revision} + 1` })
        .where(eq(t.meetings.id, meetingId))
        .run();
    });
  }

  /**
   * Every submission of the given minutes, oldest first. The first goes out under the minutes' id; one
   * made by 重新签署 has an id of its own, so they are matched by the minutes id the payload carries.
   */
  minutesSubmissions(minutesIds: string[]): MinutesSubmissionRow[] {
    if (!minutesIds.length) return [];
    return this.db
      .select({
        minutesId: sql<string>`json_extract(${t.outbox.payloadJson}, '$.content.minutes.minutesId')`,
        id: t.outbox.id,
        state: t.outbox.state,
        lastError: t.outbox.lastError,
        createdAt: t.outbox.createdAt,
        updatedAt: t.outbox.updatedAt,
      })
      .from(t.outbox)
      .where(and(eq(t.outbox.kind, 'minutes'), sql`json_extract(${t.outbox.payloadJson}, '$.content.minutes.minutesId') in (${sql.join(minutesIds.map((i) => sql`${i}`), sql`, `)})`))
      .orderBy(asc(t.outbox.createdAt), asc(t.outbox.id))
      .all();
  }

  /**
   * 重新签署: the given minutes lose their signatures (the PDF goes back to the unsigned rendering of
   * the same content) and the meeting is back in signing. The submission that was refused stays in
   * the outbox with its answer; what it carried stays in the blob store.
   */
  reopenSigning(meetingId: string, rows: { id: string; pdfSha256: string }[], at: string): void {
    this.db.transaction((tx) => {
      for (const r of rows)
        tx.update(t.meetingMinutes).set({ hostSignatureJson: null, recorderSignatureJson: null, submissionSha256: null, pdfSha256: r.pdfSha256, updatedAt: at }).where(eq(t.meetingMinutes.id, r.id)).run();
      tx.update(t.meetings)
        .set({ state: 'ended', updatedAt: at, revision: sql`${t.meetings.revision} + 1` })
        .where(eq(t.meetings.id, meetingId))
        .run();
    });
  }
}

export interface MinutesSubmissionRow {
  minutesId: string;
  id: string;
  state: MinutesOutboxState;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
}

export type MinutesOutboxState = (typeof t.outbox.$inferSelect)['state'];
