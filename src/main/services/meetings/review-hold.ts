// The review opinion a meeting discusses is the one its minutes print. From the start until the
// minutes are signed, the meeting holds the review it took a snapshot of: withdrawing that
// conclusion is refused (ReviewService.reopen asks here), and the meeting re-checks the snapshot
// before concluding, ending and minuting (MeetingService.checkReviews) in case it changed anyway.
import type Database from 'better-sqlite3-multiple-ciphers';
import { ApiFailure } from '../../../shared/api/result';
import { formatDateCn } from '../../../shared/format/date';
import type { MeetingState } from '../../../shared/meeting/schema';
import { parseReviewSnapshot } from './meeting-view';

/** States in which a meeting holds its review snapshot: started, minutes not yet signed by both. */
export const HOLDING_STATES: readonly MeetingState[] = ['running', 'ended'];

/** What the minutes print of a review: its type and text (concludedAt may differ after a re-conclusion of the same words). */
export function sameReview(snapshot: { type: string; text: string }, current: { conclusion: string | null; opinionText: string | null } | undefined): boolean {
  return !!current?.conclusion && current.conclusion === snapshot.type && (current.opinionText ?? '') === snapshot.text;
}

interface HolderRow {
  title: string;
  heldOn: string;
  state: MeetingState;
  reviewJson: string | null;
}

/**
 * Refuses to withdraw a round's review conclusion while a started meeting whose minutes are not
 * signed discusses that very conclusion. A conclusion that already differs from the meeting's
 * snapshot (changed before this check existed) may be withdrawn: that is how it is put back.
 */
export function assertReviewNotUnderDiscussion(sqlite: Database.Database, caseId: string, round: number, current: { conclusion: string | null; opinionText: string | null }): void {
  const rows = sqlite
    .prepare(
      `select m.title as title, m.held_on as heldOn, m.state as state, mc.review_json as reviewJson
         from meeting_case mc join meeting m on m.id = mc.meeting_id
        where mc.case_id = ? and mc.round = ? and m.state in (${HOLDING_STATES.map(() => '?').join(', ')})
        order by m.started_at`,
    )
    .all(caseId, round, ...HOLDING_STATES) as HolderRow[];
  const holder = rows.find((r) => {
    const snap = parseReviewSnapshot(r.reviewJson);
    return snap !== null && sameReview(snap, current);
  });
  if (!holder) return;
  const meeting = `会议“${holder.title}”，${formatDateCn(holder.heldOn)}`;
  const message =
    holder.state === 'running'
      ? `该案件正在集体讨论（${meeting}），审核结论不能撤回。如需改变意见，请在会议中提出，由集体讨论形成结论性意见并写明与审核意见不同的理由；集体讨论记录签署后方可撤回结论，改变后的审核意见须另行提请集体讨论`
      : `该案件已经集体讨论（${meeting}），集体讨论记录尚未签署，审核结论不能撤回。请先由主持人和记录人签署集体讨论记录；之后如需修改，撤回结论后须另行提请集体讨论`;
  throw new ApiFailure({ code: 'conflict', message });
}
