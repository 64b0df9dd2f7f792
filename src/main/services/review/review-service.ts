// The reviewer's workflow: P1–P10 with automatic findings, decisions, citations, overrides,
// conclusion; saved as the reviewer works; rounds with a diff against the previous revision.
import type Database from 'better-sqlite3-multiple-ciphers';
import { ApiFailure } from '../../../shared/api/result';
import type { Citation, CheckOverride, ConclusionDraft, OpinionType, PointDecision, PointView, PreviousRound, ResolvedCitation, ReviewerProfile, ReviewView } from '../../../shared/api/review';
import { OpinionText } from '../../../shared/api/review';
import type { ReviewPointId } from '../../../shared/api/evidence';
import { remainingWorkingDaysText } from '../../../shared/calendar/remaining-text';
import { reviewCountdown, type WorkingDayCalendar } from '../../../shared/calendar/working-days';
import { CasePackage } from '../../../shared/casefile/schema';
import { REVIEW_POINTS } from '../../../shared/rules/points';
import { runChecks, worstSeverity } from '../../../shared/rules/index';
import type { RuleSet } from '../../../shared/rules/rule-data';
import type { FileState } from '../../../shared/rules/types';
import { diffRevisions } from '../../../shared/review/diff';
import { draftOpinion } from '../../../shared/review/draft';
import type { AnnotationRepo } from '../../db/repos/annotations';
import type { CaseAggregate, CaseFileRepo } from '../../db/repos/case-files';
import type { ReviewRepo, ReviewRow } from '../../db/repos/reviews';
import type { BlobStore } from '../blob-store';
import { currentPackage } from './case-package';
import { SimilarCases } from './similar-cases';
import { resubmissionWarning } from './resubmission-warning';
import { withdrawUnsentOpinions } from './withdraw-unsent';
import { assertReviewNotUnderDiscussion } from '../meetings/review-hold';
import { assertConcludable, reviewerTextProblems } from '../opinion/printable';
import { reassignedRefusal, type ReassignedCase, type ReassignedCases } from '../sync/reassigned';
import { DECISION_LABEL } from '../../../shared/opinion/point-wording';

interface PointRecord {
  decision: PointDecision | null;
  note: string;
  citations: Citation[];
}
type PointRecords = Partial<Record<ReviewPointId, PointRecord>>;

const REVIEWER_KEY = 'reviewer_profile';
const draftKey = (caseId: string, round: number) => `conclusion_draft:${caseId}:r${round}`;

/** findings_json of a round ('[]' is the column default of rounds that have no record yet). */
function pointRecords(json: string | null): PointRecords {
  const v = JSON.parse(json || '{}') as unknown;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as PointRecords) : {};
}

export interface ReviewDeps {
  sqlite: Database.Database;
  cases: CaseFileRepo;
  reviews: ReviewRepo;
  annotations: AnnotationRepo;
  blobs: BlobStore;
  calendar: WorkingDayCalendar;
  rulesFor: (agencyCode: string) => RuleSet;
  today: () => string;
  now?: () => Date;
  /** Cases the central system reassigned to another reviewer: kept to read, no longer concluded or signed here. */
  reassigned?: ReassignedCases;
}

/** The review view's word on a reassigned case: that it is, and since when this workstation knows. */
const reassignedView = (r: ReassignedCase | null) => (r ? { reassigned: true as const, reassignedAt: r.at } : {});

export class ReviewService {
  private readonly similar: SimilarCases;
  private readonly now: () => Date;

  constructor(private readonly d: ReviewDeps) {
    this.similar = new SimilarCases(d.sqlite);
    this.now = d.now ?? (() => new Date());
  }

  reviewer(): ReviewerProfile | null {
    return this.d.reviews.getSetting<ReviewerProfile>(REVIEWER_KEY);
  }

  setReviewer(p: ReviewerProfile): ReviewerProfile {
    this.d.reviews.setSetting(REVIEWER_KEY, p, this.now().toISOString());
    return p;
  }

  /** The case's reassignment to another reviewer, as the sync learnt it; null: still this reviewer's. */
  reassignment(caseId: string): ReassignedCase | null {
    return this.d.reassigned?.get(caseId) ?? null;
  }

  /** Refuses `action` (e.g. 签署审核意见书) on a case reassigned to another reviewer: the central system would refuse it. */
  assertStillAssigned(caseId: string, action: string): void {
    if (this.reassignment(caseId)) throw new ApiFailure({ code: 'conflict', message: reassignedRefusal(action) });
  }

  private load(caseId: string): { agg: CaseAggregate; pkg: CasePackage; row: ReviewRow } {
    const agg = this.d.cases.load(caseId);
    if (!agg) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${caseId}` });
    const pkg = currentPackage(this.d.cases, agg);
    const row = this.d.reviews.ensure(caseId, agg.row.round, agg.row.revisionHash, this.now().toISOString());
    return { agg, pkg, row };
  }

  get(caseId: string): ReviewView {
    const { agg, pkg, row } = this.load(caseId);
    const rules = this.d.rulesFor(pkg.case.agency.code);
    const reviewer = this.reviewer();
    const fileStates: Record<string, FileState> = {};
    for (const [sha, b] of agg.blobs) fileStates[sha] = this.d.blobs.has(sha) ? b.verifiedState : 'missing';
    const findings = runChecks({
      pkg,
      rules,
      calendar: this.d.calendar,
      today: this.d.today(),
      ...(reviewer ? { reviewer: { name: reviewer.name, legalQualification: reviewer.legalQualification, firstTimeReviewer: reviewer.firstTimeReviewer, ...(reviewer.officerId ? { officerId: reviewer.officerId } : {}) } } : {}),
      similarCases: this.similar.forCase(caseId, rules),
      fileStates,
    });
    const records = pointRecords(row.findingsJson);
    const overrides = JSON.parse(row.overridesJson) as CheckOverride[];
    const points: PointView[] = REVIEW_POINTS.map((p) => {
      const automatic = findings.filter((f) => f.point === p.id);
      const rec = records[p.id];
      return {
        id: p.id,
        title: p.title,
        basis: p.basis,
        description: p.description,
        automatic,
        worst: worstSeverity(automatic),
        decision: rec?.decision ?? null,
        note: rec?.note ?? '',
        citations: (rec?.citations ?? []).map((c) => this.resolve(agg, c)),
        overrides: overrides.filter((o) => automatic.some((f) => f.id === o.check)),
      };
    });
    const period = rules.periods.legalReview.length;
    const cd = reviewCountdown(this.d.calendar, agg.row.submittedOn, this.d.today(), period);
    const { dueOn, remaining, includesToday } = cd.value;
    const prev = this.previousRevision(agg.row.id, row.round);
    const warnings = [...cd.warnings, ...resubmissionWarning(row.round, agg.row.submittedOn, prev?.pkg ?? null)];
    const caseLabel = `${pkg.parties[0]?.name ?? ''}${pkg.case.cause}一案（${pkg.case.caseNumber}）`;
    return {
      caseId,
      round: row.round,
      revision: agg.row.revision,
      revisionHash: agg.row.revisionHash,
      status: agg.row.status,
      deadline: {
        receivedOn: agg.row.submittedOn,
        periodWorkingDays: period,
        dueOn,
        remaining,
        includesToday,
        // A rest day today is not counted: said, so 剩余 N without 含今日 reads right.
        computation: `收件 ${agg.row.submittedOn} + ${period} 个工作日 = ${dueOn}；今日 ${this.d.today()}${!includesToday && remaining > 0 ? '（休息日，不计）' : ''}，${remainingWorkingDaysText(remaining, includesToday)}${warnings.length ? `；${warnings.join('；')}` : ''}`,
        warnings,
      },
      points,
      draftOpinion: draftOpinion(points, caseLabel),
      conclusion: row.conclusion ? { type: row.conclusion as OpinionType, opinionText: row.opinionText ?? '', concludedAt: row.concludedAt ?? '' } : null,
      conclusionDraft: row.conclusion ? null : this.d.reviews.getSetting<ConclusionDraft>(draftKey(caseId, row.round)),
      previous: this.previousRound(pkg, prev),
      reviewer,
      updatedAt: row.updatedAt ?? row.startedAt,
      ...reassignedView(this.reassignment(caseId)),
    };
  }

  private resolve(agg: CaseAggregate, c: Citation): ResolvedCitation {
    const items = [...agg.documents, ...agg.evidence];
    if (c.kind === 'annotation') {
      const a = this.d.annotations.get(c.id);
      const item = a ? items.find((x) => x.id === a.itemId) : undefined;
      if (!a || !item) return { ...c, label: '（标注已不存在）', itemId: a?.itemId ?? null, quote: null, valid: false };
      const page = 'page' in a.anchor ? a.anchor.page : undefined;
      const quote = a.anchor.type === 'text' ? a.anchor.quote.exact : a.note || null;
      return { ...c, ...(page ? { page } : {}), label: `${item.title}${page ? ` 第${page}页` : ''}`, itemId: item.id, quote, valid: true };
    }
    const item = items.find((x) => x.id === c.id);
    if (!item) return { ...c, label: '（该文书或证据已不在本修订中）', itemId: c.id, quote: null, valid: false };
    return { ...c, label: `${item.title}${c.page ? ` 第${c.page}页` : ''}`, itemId: item.id, quote: null, valid: true };
  }

  /** The revision the previous round reviewed (its package as received), if any. */
  private previousRevision(caseId: string, round: number): { row: ReviewRow; revision: number; pkg: CasePackage | null } | null {
    const prev = this.d.reviews.previous(caseId, round);
    if (!prev) return null;
    const rev = this.d.sqlite.prepare('select revision, package_json from case_revision where case_id = ? and revision_hash = ?').get(caseId, prev.caseRevisionHash) as
      | { revision: number; package_json: string }
      | undefined;
    return { row: prev, revision: rev?.revision ?? 0, pkg: rev ? CasePackage.parse(JSON.parse(rev.package_json)) : null };
  }

  private previousRound(pkg: CasePackage, prevRev: ReturnType<ReviewService['previousRevision']>): PreviousRound | null {
    if (!prevRev) return null;
    const prev = prevRev.row;
    const records = pointRecords(prev.findingsJson);
    return {
      round: prev.round,
      revision: prevRev.revision,
      conclusion: (prev.conclusion as OpinionType | null) ?? null,
      opinionText: prev.opinionText,
      concludedAt: prev.concludedAt,
      points: REVIEW_POINTS.map((p) => ({ id: p.id, decision: records[p.id]?.decision ?? null, note: records[p.id]?.note ?? '' })),
      diff: prevRev.pkg ? diffRevisions(prevRev.pkg, pkg) : { fields: [], items: [] },
    };
  }

  private editable(caseId: string): { row: ReviewRow; view: ReviewView } {
    const { row } = this.load(caseId);
    if (row.conclusion) throw new ApiFailure({ code: 'conflict', message: '本轮审核已作出结论；如需修改，请先“撤回结论”' });
    return { row, view: this.get(caseId) };
  }

  private touch(caseId: string, row: ReviewRow, set: Partial<ReviewRow>): ReviewView {
    this.d.reviews.update(row.id, { ...set, updatedAt: this.now().toISOString() });
    const status = this.d.cases.load(caseId)!.row.status;
    if (status === 'pending') this.d.cases.setStatus(caseId, 'in_review');
    return this.get(caseId);
  }

  setPoint(caseId: string, point: ReviewPointId, patch: { decision?: PointDecision | null | undefined; note?: string | undefined; citations?: Citation[] | undefined }): ReviewView {
    const { row, view } = this.editable(caseId);
    const pv = view.points.find((p) => p.id === point)!;
    if (patch.decision === 'ok') {
      const open = pv.automatic.filter((f) => f.severity === 'fail' && !pv.overrides.some((o) => o.check === f.id));
      if (open.length)
        throw new ApiFailure({
          code: 'conflict',
          message: `${point} 有 ${open.length} 项自动检查未通过；如认定“无问题”，请先逐项写明不采纳的理由`,
          details: open.map((f) => f.message),
        });
    }
    const records = pointRecords(row.findingsJson);
    const rec: PointRecord = records[point] ?? { decision: null, note: '', citations: [] };
    if (patch.decision !== undefined) rec.decision = patch.decision;
    if (patch.note !== undefined) rec.note = patch.note;
    if (patch.citations !== undefined) {
      this.checkCitedPages(caseId, rec.citations, patch.citations);
      rec.citations = patch.citations;
    }
    records[point] = rec;
    return this.touch(caseId, row, { findingsJson: JSON.stringify(records) });
  }

  /**
   * A newly cited page must exist in the document or evidence item (its page count known once
   * the file was read). Citations already saved pass as they are, so one kept from an earlier
   * revision never blocks saving the others.
   */
  private checkCitedPages(caseId: string, saved: readonly Citation[], next: readonly Citation[]): void {
    const key = (c: Citation) => `${c.kind}:${c.id}:${c.page ?? ''}`;
    const had = new Set(saved.map(key));
    const fresh = next.filter((c) => c.kind !== 'annotation' && c.page !== undefined && !had.has(key(c)));
    if (!fresh.length) return;
    const agg = this.d.cases.load(caseId);
    if (!agg) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${caseId}` });
    for (const c of fresh) {
      const item = (c.kind === 'document' ? agg.documents : agg.evidence).find((x) => x.id === c.id);
      const pages = item ? agg.blobs.get(item.sha256)?.pageCount : null;
      if (item && typeof pages === 'number' && c.page! > pages)
        throw new ApiFailure({ code: 'invalid_input', message: `“${item.title}”共 ${pages} 页，没有第 ${c.page} 页；请改正页码后再引用` });
    }
  }

  override(caseId: string, check: string, reason: string): ReviewView {
    const { row, view } = this.editable(caseId);
    // `check` carries the finding's id (Finding.id), unique even when one check reports twice.
    const finding = view.points.flatMap((p) => p.automatic).find((f) => f.id === check);
    if (!finding) throw new ApiFailure({ code: 'not_found', message: `本案没有该自动检查：${check}` });
    const overrides = (JSON.parse(row.overridesJson) as CheckOverride[]).filter((o) => o.check !== check);
    overrides.push({ check, reason, at: this.now().toISOString() });
    return this.touch(caseId, row, { overridesJson: JSON.stringify(overrides) });
  }

  clearOverride(caseId: string, check: string): ReviewView {
    const { row } = this.editable(caseId);
    const overrides = (JSON.parse(row.overridesJson) as CheckOverride[]).filter((o) => o.check !== check);
    return this.touch(caseId, row, { overridesJson: JSON.stringify(overrides) });
  }

  conclude(caseId: string, type: OpinionType, text: string): ReviewView {
    this.assertStillAssigned(caseId, '作出审核结论');
    // The same rule as the Api's schema, for every caller (the CLI calls the service directly).
    const checked = OpinionText.safeParse(text);
    if (!checked.success) throw new ApiFailure({ code: 'invalid_input', message: checked.error.issues[0]!.message });
    const opinionText = checked.data;
    const { row, view } = this.editable(caseId);
    // P2 checks the reviewer's recusal and qualification; without a reviewer that check never ran.
    if (!this.reviewer())
      throw new ApiFailure({ code: 'conflict', message: '请先设置审核人员信息（姓名、单位）：P2 需核对审核人员回避与资格，意见书也以审核人员名义出具' });
    // The opinion prints this text: a character its fonts lack (an emoji) would make it unprintable.
    assertConcludable(reviewerTextProblems(view, opinionText));
    const undecided = view.points.filter((p) => p.decision === null);
    if (undecided.length) throw new ApiFailure({ code: 'conflict', message: `尚有 ${undecided.length} 个审核要点未作结论：${undecided.map((p) => p.id).join('、')}` });
    const unexplained = view.points.filter((p) => p.decision === 'ok' && p.automatic.some((f) => f.severity === 'fail' && !p.overrides.some((o) => o.check === f.id)));
    if (unexplained.length)
      throw new ApiFailure({
        code: 'conflict',
        message: `${unexplained.map((p) => p.id).join('、')} 认定“无问题”，但有自动检查未通过且未写明不采纳理由；请补充理由或修改认定`,
      });
    const problems = view.points.filter((p) => p.decision === 'problem');
    if (type === '同意' && problems.length)
      throw new ApiFailure({ code: 'conflict', message: `${problems.map((p) => p.id).join('、')} 认定“存在问题”，与“同意”结论矛盾；请改选结论或修改要点` });
    const at = this.now().toISOString();
    const auto = view.points.flatMap((p) => p.automatic);
    this.d.sqlite.transaction(() => {
      this.d.reviews.update(row.id, { conclusion: type, opinionText, concludedAt: at, updatedAt: at, autoFindingsJson: JSON.stringify(auto) });
      this.d.cases.setStatus(caseId, type === '同意' ? 'concluded' : 'returned');
      this.d.reviews.deleteSetting(draftKey(caseId, row.round));
    })();
    return this.get(caseId);
  }

  /** The conclusion as it is being written; refused once concluded (撤回结论 first). */
  saveDraft(caseId: string, draft: ConclusionDraft): { savedAt: string } {
    const { row } = this.load(caseId);
    if (row.conclusion) throw new ApiFailure({ code: 'conflict', message: '本轮审核已作出结论；如需修改，请先“撤回结论”' });
    const savedAt = this.now().toISOString();
    this.d.reviews.setSetting(draftKey(caseId, row.round), draft, savedAt);
    return { savedAt };
  }

  reopen(caseId: string): ReviewView {
    const { agg, row } = this.load(caseId);
    if (!row.conclusion) throw new ApiFailure({ code: 'conflict', message: '本轮审核尚未作出结论' });
    if (agg.row.round !== row.round) throw new ApiFailure({ code: 'conflict', message: '案件已进入下一轮，不能撤回上一轮的结论' });
    this.assertStillAssigned(caseId, '撤回结论');
    // A meeting discussing this conclusion prints it in its minutes: it stays until they are signed.
    assertReviewNotUnderDiscussion(this.d.sqlite, caseId, row.round, row);
    this.d.sqlite.transaction(() => {
      this.d.reviews.update(row.id, { conclusion: null, opinionText: null, concludedAt: null, autoFindingsJson: null, updatedAt: this.now().toISOString() });
      this.d.cases.setStatus(caseId, 'in_review');
      // The withdrawn conclusion becomes the draft to edit.
      this.d.reviews.setSetting(draftKey(caseId, row.round), { type: row.conclusion as OpinionType, text: row.opinionText ?? '' } satisfies ConclusionDraft, this.now().toISOString());
      withdrawUnsentOpinions(this.d.sqlite, row.id);
    })();
    return this.get(caseId);
  }

  /** One line per point for the CLI and logs. */
  static summary(view: ReviewView): string[] {
    return view.points.map((p) => `${p.id} ${p.title}：${p.worst ?? '—'}${p.decision ? `，审核认定 ${DECISION_LABEL[p.decision]}` : ''}`);
  }
}
