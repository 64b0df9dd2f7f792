// 负责人集体讨论: set-up (only reviewed cases on the agenda), start (quorum), the presenter's
// position, each attendee's opinion, the discussion record, the conclusions (reason required when
// the decision differs from the review), end. Each call writes at once and announces the change
// (`meetings.changed`), so the audience window follows and a crash loses nothing.
import { randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../shared/api/result';
import { formatDateCn } from '../../../shared/format/date';
import type { AttendeeOpinionInput, ConclusionInput, EvidenceFocus, Meeting, MeetingSetupInput, MeetingState, MeetingSummary, Topic } from '../../../shared/meeting/schema';
import { TOPIC_LABEL } from '../../../shared/meeting/schema';
import { evaluateQuorum } from '../../../shared/meeting/quorum';
import type { z } from 'zod';
import { MeetingRepo, parsePeople, type MeetingPeopleV1, type MeetingRow } from '../../db/repos/meetings';
import { ReviewRepo } from '../../db/repos/reviews';
import type { Workstation } from '../../workstation';
import { buildMeeting, parseReviewSnapshot, type CaseFacts, type ReviewSnapshot } from './meeting-view';
import { sameReview } from './review-hold';
import type { MinutesService } from './minutes-service';
import type { AudienceService } from './audience-service';
import type { AudienceGrants } from './audience-grants';

type Setup = z.output<typeof MeetingSetupInput>;
type OpinionIn = z.output<typeof AttendeeOpinionInput>;
type ConclusionIn = z.output<typeof ConclusionInput>;

const STATE_BLOCK: Record<MeetingState, string> = {
  draft: '会议尚未开始',
  running: '会议正在进行',
  ended: '会议已结束',
  signed: '集体讨论记录已签署，会议记录不能再修改',
};

export class MeetingService {
  readonly repo: MeetingRepo;
  private readonly reviews: ReviewRepo;
  /** Set by createMeetingService (index.ts): both need this service. */
  minutes!: MinutesService;
  audience!: AudienceService;
  /** Read-only audience tokens (投屏授权) of this workstation's meetings. */
  grants!: AudienceGrants;

  constructor(private readonly ws: Workstation) {
    this.repo = new MeetingRepo(ws.store.db);
    this.reviews = new ReviewRepo(ws.store.db);
  }

  private now(): string {
    return new Date().toISOString();
  }

  private row(id: string): MeetingRow {
    const row = this.repo.get(id);
    if (!row) throw new ApiFailure({ code: 'not_found', message: `找不到会议：${id}` });
    return row;
  }

  facts(caseId: string): CaseFacts {
    const c = this.repo.caseRow(caseId);
    if (!c) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${caseId}` });
    const r = this.reviews.round(caseId, c.round);
    return {
      caseNumber: c.caseNumber,
      name: `${c.partyName}${c.cause}案`,
      cause: c.cause,
      round: c.round,
      revisionHash: c.revisionHash,
      review: r?.conclusion ? { type: r.conclusion, text: r.opinionText ?? '', concludedAt: r.concludedAt ?? '', points: [] } : null,
    };
  }

  list(state?: MeetingState): MeetingSummary[] {
    const counts = this.repo.counts();
    return this.repo.list(state).map((r) => ({
      id: r.id,
      title: r.title,
      date: r.heldOn,
      place: r.place,
      state: r.state,
      caseCount: counts.get(r.id)?.cases ?? 0,
      concludedCount: counts.get(r.id)?.concluded ?? 0,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      updatedAt: r.updatedAt,
    }));
  }

  get(id: string): Meeting {
    const row = this.row(id);
    return buildMeeting(row, this.repo.cases(id), this.repo.opinions(id), (c) => this.facts(c), this.minutes.records({ meetingId: id }));
  }

  /** The meeting as it now stands, announced (`meetings.changed`) — after every write, here and in MinutesService. */
  changed(id: string): Meeting {
    const m = this.get(id);
    this.ws.emit('meetings.changed', { meetingId: id, revision: m.revision, state: m.state, agendaIndex: m.position?.agendaIndex ?? null, topic: m.position?.topic ?? null });
    return m;
  }

  /** Every agenda case exists and its current round's review is concluded. */
  private checkAgenda(agenda: string[]): void {
    const problems: string[] = [];
    for (const caseId of agenda) {
      const c = this.repo.caseRow(caseId);
      if (!c) {
        problems.push(`找不到案件：${caseId}`);
        continue;
      }
      const r = this.reviews.round(caseId, c.round);
      if (!r?.conclusion) problems.push(`${c.caseNumber}（${c.partyName}）第 ${c.round} 轮法制审核尚未作出结论，不能列入集体讨论议程`);
    }
    if (problems.length) throw new ApiFailure({ code: 'conflict', message: problems.length === 1 ? problems[0]! : `议程中有 ${problems.length} 个案件不能讨论`, details: problems });
  }

  private people(s: Setup): MeetingPeopleV1 {
    const attendees = s.attendees.map((a, i) => ({ id: `a${i + 1}`, name: a.name, post: a.post, role: a.role }));
    const idOf = (name: string) => attendees.find((a) => a.name === name)!.id;
    return { v: 1, attendees, hostId: idOf(s.host), reporterId: idOf(s.reporter), recorderId: idOf(s.recorder), quorum: s.quorum };
  }

  create(s: Setup): Meeting {
    this.checkAgenda(s.agenda);
    const id = randomUUID();
    this.repo.saveDraft({ id, title: s.title, heldOn: s.date, place: s.place, people: this.people(s) }, s.agenda, this.now(), true);
    return this.changed(id);
  }

  update(id: string, s: Setup): Meeting {
    const row = this.row(id);
    if (row.state !== 'draft') throw new ApiFailure({ code: 'conflict', message: `${STATE_BLOCK[row.state]}，不能再修改议程、人员和人数规则` });
    this.checkAgenda(s.agenda);
    this.repo.saveDraft({ id, title: s.title, heldOn: s.date, place: s.place, people: this.people(s) }, s.agenda, this.now(), false);
    return this.changed(id);
  }

  delete(id: string): { id: string } {
    const row = this.row(id);
    if (row.state !== 'draft' || !this.repo.deleteDraft(id)) throw new ApiFailure({ code: 'conflict', message: '会议已开始，其记录须保留，不能删除' });
    this.ws.emit('meetings.changed', { meetingId: id, revision: row.revision + 1, state: 'draft', agendaIndex: null, topic: null });
    return { id };
  }

  /**
   * Starts the meeting today. A meeting is dated the day it is held: the minutes print that date
   * and the start and end times, so a draft dated another day is not started as it is. The
   * secretary confirms holding it today (`onDate`, the date the refusal named as today) and the
   * meeting is re-dated to it; otherwise the start is refused, naming both dates. Re-dating rather
   * than refusing outright: a meeting brought forward or held late still happened, and the record
   * must say when.
   */
  start(id: string, onDate?: string): Meeting {
    const row = this.row(id);
    if (row.state !== 'draft') throw new ApiFailure({ code: 'conflict', message: `${STATE_BLOCK[row.state]}，不能再次开始` });
    const today = this.ws.today();
    if (row.heldOn !== today && onDate !== today)
      throw new ApiFailure({
        code: 'conflict',
        message: `会议日期是${formatDateCn(row.heldOn)}，今天是${formatDateCn(today)}。集体讨论记录按实际召开的日期记载：如今天召开，请确认将会议日期改为今天后再开始；否则请在${formatDateCn(row.heldOn)}开始会议`,
      });
    const people = parsePeople(row.stateJson);
    const agenda = this.repo.cases(id).map((c) => c.caseId);
    this.checkAgenda(agenda);
    const quorum = evaluateQuorum(people.quorum, people.attendees.filter((a) => a.role === 'member').length);
    if (!quorum.met) throw new ApiFailure({ code: 'conflict', message: `出席的负责人不足，不能开始集体讨论：${quorum.text}` });
    const busy = agenda.flatMap((c) => this.repo.meetingsWithCase(c, ['running'], id).map((m) => `${this.facts(c).caseNumber} 正在“${m.title}”中讨论`));
    if (busy.length) throw new ApiFailure({ code: 'conflict', message: busy[0]!, details: busy });
    const snapshots = agenda.map((caseId) => {
      const review = this.ws.review.get(caseId);
      const c = review.conclusion!;
      const snap: ReviewSnapshot = {
        type: c.type,
        text: c.opinionText,
        concludedAt: c.concludedAt,
        points: review.points.map((p) => ({ id: p.id, title: p.title, decision: p.decision, note: p.note })),
      };
      return { caseId, revisionHash: review.revisionHash, round: review.round, reviewJson: JSON.stringify(snap) };
    });
    this.repo.start(id, this.now(), today, snapshots);
    return this.changed(id);
  }

  navigate(id: string, agendaIndex: number, topic: Topic, evidence: EvidenceFocus | null | undefined): Meeting {
    const row = this.row(id);
    if (row.state !== 'running') throw new ApiFailure({ code: 'conflict', message: `${STATE_BLOCK[row.state]}，不能切换演示内容` });
    const cases = this.repo.cases(id);
    const item = cases[agendaIndex];
    if (!item) throw new ApiFailure({ code: 'invalid_input', message: `议程共 ${cases.length} 项，没有第 ${agendaIndex + 1} 项` });
    let focus: EvidenceFocus | null = null;
    if (evidence && topic !== 'evidence') throw new ApiFailure({ code: 'invalid_input', message: `只有“${TOPIC_LABEL.evidence}”可以指定证据` });
    if (evidence) {
      this.checkEvidence(item.caseId, evidence);
      focus = evidence;
    }
    this.repo.navigate(id, agendaIndex, topic, focus ? JSON.stringify(focus) : null, this.now());
    const m = this.changed(id);
    // A page picture takes a second or two to render: start now, before the audience window asks.
    if (focus) this.audience.prefetch(id);
    return m;
  }

  private checkEvidence(caseId: string, f: EvidenceFocus): void {
    const cf = this.ws.views.get(caseId);
    const file = cf?.evidence.find((e) => e.id === f.itemId)?.file ?? cf?.documents.find((d) => d.id === f.itemId)?.file;
    if (!cf || !file) throw new ApiFailure({ code: 'not_found', message: `本案没有该证据或文书：${f.itemId}` });
    if (f.page !== undefined && file.pageCount !== null && f.page > file.pageCount) throw new ApiFailure({ code: 'invalid_input', message: `该文件共 ${file.pageCount} 页，没有第 ${f.page} 页` });
    if (f.annotationId && !this.ws.annotations.list(caseId, f.itemId).some((a) => a.id === f.annotationId))
      throw new ApiFailure({ code: 'not_found', message: '找不到该标注（可能已删除）' });
  }

  /** Records may be written while running, and after the end until the first signature. */
  private editable(id: string): MeetingRow {
    const row = this.row(id);
    if (row.state === 'running') return row;
    if (row.state === 'ended' && !this.minutes.anySigned(id)) return row;
    const message = row.state === 'ended' ? '集体讨论记录已有签名，不能再修改' : row.state === 'signed' ? STATE_BLOCK.signed : `${STATE_BLOCK[row.state]}，不能记录`;
    throw new ApiFailure({ code: 'conflict', message });
  }

  private onAgenda(id: string, caseId: string): void {
    if (!this.repo.cases(id).some((c) => c.caseId === caseId)) throw new ApiFailure({ code: 'not_found', message: '该案件不在本次会议议程中' });
  }

  recordOpinion(id: string, caseId: string, attendeeId: string, o: OpinionIn): Meeting {
    const row = this.editable(id);
    this.onAgenda(id, caseId);
    const a = parsePeople(row.stateJson).attendees.find((x) => x.id === attendeeId);
    if (!a) throw new ApiFailure({ code: 'not_found', message: `出席人员中没有 ${attendeeId}` });
    this.repo.recordOpinion({ meetingId: id, caseId, attendeeId, kind: o.kind, text: o.text, recordedAt: this.now() });
    return this.changed(id);
  }

  /**
   * Clears one attendee's opinion recorded by mistake (the recorder clicked the wrong person or
   * choice); like every record, only until the first signature. A concluded case keeps the quorum
   * its conclusion was formed with: clearing a head's opinion below it is refused.
   */
  clearOpinion(id: string, caseId: string, attendeeId: string): Meeting {
    const row = this.editable(id);
    this.onAgenda(id, caseId);
    const people = parsePeople(row.stateJson);
    const a = people.attendees.find((x) => x.id === attendeeId);
    if (!a) throw new ApiFailure({ code: 'not_found', message: `出席人员中没有 ${attendeeId}` });
    const opinions = this.repo.opinions(id).filter((o) => o.caseId === caseId);
    if (!opinions.some((o) => o.attendeeId === attendeeId)) throw new ApiFailure({ code: 'not_found', message: `${a.name} 对本案尚未发表意见，无需清除` });
    const item = this.repo.cases(id).find((c) => c.caseId === caseId)!;
    if (item.concludedAt && a.role === 'member') {
      const members = new Set(people.attendees.filter((x) => x.role === 'member').map((x) => x.id));
      const q = evaluateQuorum(people.quorum, opinions.filter((o) => members.has(o.attendeeId)).length - 1, '对本案发表意见的负责人');
      if (!q.met)
        throw new ApiFailure({
          code: 'conflict',
          message: `本案已形成结论性意见，清除${a.name}的意见后发表意见的负责人只剩 ${q.present} 人，不足规则要求的 ${q.required} 人。请先记录其他负责人的意见，或改记${a.name}的实际意见`,
        });
    }
    this.repo.clearOpinion(id, caseId, attendeeId, this.now());
    return this.changed(id);
  }

  /**
   * The review each agenda case was discussed on must still be the round's concluded review: the
   * minutes print the snapshot as the review opinion. ReviewService.reopen refuses to withdraw it
   * meanwhile; this catches a review changed anyway (e.g. before that check existed).
   */
  checkReviews(id: string, caseIds?: readonly string[]): void {
    const problems = this.repo.cases(id).flatMap((c) => {
      if (caseIds && !caseIds.includes(c.caseId)) return [];
      const snap = parseReviewSnapshot(c.reviewJson);
      if (!snap || c.round === null) return [];
      const now = this.reviews.round(c.caseId, c.round);
      if (sameReview(snap, now)) return [];
      const number = this.facts(c.caseId).caseNumber;
      const change = !now?.conclusion ? '已撤回' : now.conclusion === snap.type ? `意见内容已修改（仍为“${snap.type}”）` : `已由“${snap.type}”改为“${now.conclusion}”`;
      return [`${number} 第 ${c.round} 轮法制审核结论：会议开始后${change}`];
    });
    if (!problems.length) return;
    throw new ApiFailure({
      code: 'conflict',
      message: `${problems.length === 1 ? problems[0] : `${problems.length} 个案件的法制审核结论在会议开始后已变更`}，与会议讨论的审核意见不一致，集体讨论记录不能据此形成。请在审核页将结论恢复为会议讨论时的意见（撤回后按原意见重新作出结论）；如审核意见确需改变，请就新的审核意见另行提请集体讨论`,
      details: problems,
    });
  }

  recordNotes(id: string, caseId: string, notes: string): Meeting {
    this.editable(id);
    this.onAgenda(id, caseId);
    this.repo.updateCase(id, caseId, { notes }, this.now());
    return this.changed(id);
  }

  conclude(id: string, caseId: string, c: ConclusionIn): Meeting {
    const row = this.editable(id);
    this.onAgenda(id, caseId);
    const people = parsePeople(row.stateJson);
    const members = new Set(people.attendees.filter((a) => a.role === 'member').map((a) => a.id));
    const voiced = this.repo.opinions(id).filter((o) => o.caseId === caseId && members.has(o.attendeeId)).length;
    const q = evaluateQuorum(people.quorum, voiced, '对本案发表意见的负责人');
    if (!q.met) throw new ApiFailure({ code: 'conflict', message: `发表意见的负责人不足法定人数，不能形成结论性意见：${q.text}` });
    this.checkReviews(id, [caseId]);
    this.repo.updateCase(id, caseId, { conclusionText: c.text, followsReview: c.followsReview, differingReason: c.followsReview ? null : (c.differingReason ?? null), concludedAt: this.now() }, this.now());
    return this.changed(id);
  }

  end(id: string): Meeting {
    const row = this.row(id);
    if (row.state !== 'running') throw new ApiFailure({ code: 'conflict', message: `${STATE_BLOCK[row.state]}，不能结束` });
    const open = this.repo.cases(id).filter((c) => !c.concludedAt);
    if (open.length) {
      const numbers = open.map((c) => this.facts(c.caseId).caseNumber);
      throw new ApiFailure({ code: 'conflict', message: `尚有 ${open.length} 个案件未形成结论性意见：${numbers.join('、')}`, details: numbers });
    }
    this.checkReviews(id);
    const at = this.now();
    this.repo.touch(id, at, { state: 'ended', endedAt: at });
    this.grants?.revokeMeeting(id); // the shared screen closes with the meeting
    return this.changed(id);
  }
}
