// Builds what the UI shows from the stored aggregate: queue rows and the case file view.
import type { CaseFileView, CaseQueueRow, TimelineStep } from '../../shared/api/cases';
import { REVIEW_PERIOD_WORKING_DAYS, reviewCountdown, type WorkingDayCalendar } from '../../shared/calendar/working-days';
import type { Procedure, ProposedDecision, EvidenceKind } from '../../shared/casefile/schema';
import { daysBetween } from '../../shared/format/date';
import { CaseFileRepo, type CaseAggregate, type CaseRow, type QueueRowSource } from '../db/repos/case-files';
import type { Db } from '../db/open';
import type { BlobStore } from './blob-store';
import { ReassignedCases } from './sync/reassigned';

export class CaseViews {
  private readonly repo: CaseFileRepo;

  constructor(
    db: Db,
    private readonly store: BlobStore,
    private readonly calendar: WorkingDayCalendar,
    private readonly today: () => string,
    /** Legal-review period in working days for an agency (rule data, overridable). */
    private readonly reviewPeriod: (agencyCode: string) => number = () => REVIEW_PERIOD_WORKING_DAYS,
  ) {
    this.repo = new CaseFileRepo(db);
    this.reassigned = new ReassignedCases(db);
  }

  /** Cases reassigned to another reviewer: the queue and the review panel mark them 已改派. */
  private readonly reassigned: ReassignedCases;

  /**
   * Countdowns by (送审日, period, today): many cases share a 送审 date, and walking the calendar
   * per row dominated cases.list at 10,000 cases. A calendar update (a new revision) empties it.
   */
  private readonly countdowns = new Map<string, ReturnType<typeof reviewCountdown>>();
  private countdownsRevision = 0;

  private countdown(submittedOn: string, today: string, period: number): ReturnType<typeof reviewCountdown> {
    if (this.countdownsRevision !== this.calendar.revision) {
      this.countdowns.clear();
      this.countdownsRevision = this.calendar.revision;
    }
    const key = `${submittedOn}|${today}|${period}`;
    let c = this.countdowns.get(key);
    if (!c) {
      c = reviewCountdown(this.calendar, submittedOn, today, period);
      if (this.countdowns.size > 5000) this.countdowns.clear();
      this.countdowns.set(key, c);
    }
    return c;
  }

  queueRow(row: QueueRowSource, today = this.today(), reassigned = this.reassigned.all()): CaseQueueRow {
    let reviewDueOn: string | null = null;
    let remainingWorkingDays: number | null = null;
    let remainingIncludesToday = false;
    let calendarWarning: string | null = null;
    try {
      const c = this.countdown(row.submittedOn, today, this.reviewPeriod(row.agencyCode));
      reviewDueOn = c.value.dueOn;
      remainingWorkingDays = c.value.remaining;
      remainingIncludesToday = c.value.includesToday;
      calendarWarning = c.warnings.length ? c.warnings.join('；') : null;
    } catch (err) {
      calendarWarning = `无法计算审核时限：${(err as Error).message}`;
    }
    return {
      id: row.id,
      caseNumber: row.caseNumber,
      partyName: row.partyName,
      cause: row.cause,
      handlingUnit: row.handlingUnit,
      submittedOn: row.submittedOn,
      reviewDueOn,
      remainingWorkingDays,
      remainingIncludesToday,
      calendarWarning,
      round: row.round,
      status: row.status,
      offline: row.offline,
      proposedFineFen: row.proposedFineFen,
      ...(reassigned.has(row.id) ? { reassigned: true } : {}),
    };
  }

  list(filter: { status?: CaseRow['status']; text?: string }): CaseQueueRow[] {
    const today = this.today();
    const reassigned = this.reassigned.all();
    const needle = filter.text?.trim();
    return this.repo
      .queueRows(filter)
      .filter((r) => !needle || [r.caseNumber, r.partyName, r.cause, r.handlingUnit].some((f) => f.includes(needle)))
      .map((r) => this.queueRow(r, today, reassigned))
      .sort((a, b) => (a.remainingWorkingDays ?? 1e9) - (b.remainingWorkingDays ?? 1e9) || a.submittedOn.localeCompare(b.submittedOn));
  }

  get(id: string): CaseFileView | null {
    const agg = this.repo.load(id);
    return agg ? this.view(agg) : null;
  }

  private view(agg: CaseAggregate): CaseFileView {
    const { row } = agg;
    const procedure = JSON.parse(row.procedureJson) as Procedure;
    const proposedDecision = JSON.parse(row.proposedDecisionJson) as ProposedDecision;
    const fileOf = (x: { path: string; sha256: string }) => {
      const b = agg.blobs.get(x.sha256);
      const present = this.store.has(x.sha256);
      return {
        path: x.path,
        sha256: x.sha256,
        size: b?.size ?? 0,
        mime: b?.mime ?? 'application/octet-stream',
        present,
        state: present ? (b?.verifiedState ?? 'ok') : ('missing' as const),
        detectedMime: b?.detectedMime ?? null,
        pageCount: b?.pageCount ?? null,
        textState: b?.textState ?? 'pending',
        problem: b?.problem ?? null,
      };
    };
    return {
      id: row.id,
      revision: row.revision,
      revisionHash: row.revisionHash,
      caseNumber: row.caseNumber,
      cause: row.cause,
      status: row.status,
      round: row.round,
      agency: agg.agency,
      handlingUnit: row.handlingUnit,
      facts: row.facts,
      violationPeriod: { start: row.violationStart, end: row.violationEnd, continuing: row.continuing },
      procedure,
      proposedDecision,
      parties: agg.parties.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        idNumber: p.idNumber,
        address: p.address,
        ...(p.legalRepresentative ? { legalRepresentative: p.legalRepresentative } : {}),
        ...(p.phone ? { phone: p.phone } : {}),
        ...(p.businessScope ? { businessScope: p.businessScope } : {}),
      })),
      officers: agg.officers,
      timeline: timelineOf(procedure),
      documents: agg.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title, docNumber: d.docNumber, date: d.date, file: fileOf(d) })),
      evidence: agg.evidence.map((e) => ({
        id: e.id,
        kind: e.kind as EvidenceKind,
        title: e.title,
        source: e.source,
        collectedBy: JSON.parse(e.collectedByJson) as string[],
        collectedOn: e.collectedOn,
        proves: e.proves,
        file: fileOf(e),
      })),
      queue: this.queueRow(row),
      importedAt: row.importedAt,
    };
  }
}

/** 线索→立案→调查终结→告知→陈述申辩/听证→送审, with a short computed note per step. */
export function timelineOf(p: Procedure): TimelineStep[] {
  const sinceFiling = (d: string | undefined) => (d ? `立案后第 ${daysBetween(p.filedOn, d)} 日` : null);
  const steps: TimelineStep[] = [
    { key: 'lead', label: '线索', date: p.leadReceivedOn, note: null },
    { key: 'filed', label: '立案', date: p.filedOn, note: `线索后 ${daysBetween(p.leadReceivedOn, p.filedOn)} 日` },
    { key: 'concluded', label: '调查终结', date: p.investigationConcludedOn ?? null, note: sinceFiling(p.investigationConcludedOn) },
    { key: 'notice', label: '告知', date: p.noticeServedOn ?? null, note: sinceFiling(p.noticeServedOn) },
  ];
  if (p.hearingHeldOn || p.hearingRequestedOn) steps.push({ key: 'hearing', label: '听证', date: p.hearingHeldOn ?? p.hearingRequestedOn ?? null, note: sinceFiling(p.hearingHeldOn) });
  else steps.push({ key: 'statement', label: '陈述申辩', date: p.statementHeardOn ?? null, note: sinceFiling(p.statementHeardOn) });
  steps.push({ key: 'submitted', label: '送审', date: p.submittedForReviewOn, note: sinceFiling(p.submittedForReviewOn) });
  return steps;
}
