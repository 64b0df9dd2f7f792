// Rows → the Meeting the presenter sees. Before the start the review shown is the live one;
// from the start on it is the snapshot the meeting decides on (meeting_case.review_json).
import type { Meeting, MeetingCase, MeetingPosition, MinutesRecord, Topic } from '../../../shared/meeting/schema';
import { EvidenceFocus } from '../../../shared/meeting/schema';
import { evaluateQuorum } from '../../../shared/meeting/quorum';
import { parsePeople, type MeetingCaseRow, type MeetingOpinionRow, type MeetingRow } from '../../db/repos/meetings';

/** What the view needs to know about a case beyond the meeting's own rows. */
export interface CaseFacts {
  caseNumber: string;
  name: string;
  cause: string;
  round: number;
  revisionHash: string;
  /** The current round's concluded review (live), null when not concluded. */
  review: ReviewSnapshot | null;
}

export interface ReviewSnapshot {
  type: string;
  text: string;
  concludedAt: string;
  points: { id: string; title: string; decision: 'ok' | 'problem' | 'na' | null; note: string }[];
}

export function parseReviewSnapshot(json: string | null): ReviewSnapshot | null {
  return json ? (JSON.parse(json) as ReviewSnapshot) : null;
}

export function positionOf(row: MeetingRow): MeetingPosition | null {
  if (row.agendaIndex === null || row.topic === null) return null;
  const evidence = row.evidenceJson ? EvidenceFocus.parse(JSON.parse(row.evidenceJson)) : null;
  return { agendaIndex: row.agendaIndex, topic: row.topic as Topic, evidence };
}

export function buildMeeting(row: MeetingRow, caseRows: MeetingCaseRow[], opinions: MeetingOpinionRow[], facts: (caseId: string) => CaseFacts, minutes: MinutesRecord[]): Meeting {
  const people = parsePeople(row.stateJson);
  const byId = new Map(people.attendees.map((a) => [a.id, a]));
  const agenda: MeetingCase[] = caseRows.map((c) => {
    const f = facts(c.caseId);
    const snap = parseReviewSnapshot(c.reviewJson) ?? f.review;
    return {
      caseId: c.caseId,
      caseNumber: f.caseNumber,
      name: f.name,
      cause: f.cause,
      round: c.round ?? f.round,
      revisionHash: c.revisionHash ?? f.revisionHash,
      review: snap ? { type: snap.type, text: snap.text, concludedAt: snap.concludedAt } : { type: '未作结论', text: '', concludedAt: '' },
      notes: c.notes,
      opinions: opinions.filter((o) => o.caseId === c.caseId).map((o) => ({ attendeeId: o.attendeeId, kind: o.kind, text: o.text, recordedAt: o.recordedAt })),
      conclusion:
        c.concludedAt && c.conclusionText !== null
          ? { text: c.conclusionText, followsReview: c.followsReview ?? true, differingReason: c.differingReason ?? null, concludedAt: c.concludedAt }
          : null,
    };
  });
  const members = people.attendees.filter((a) => a.role === 'member').length;
  return {
    id: row.id,
    title: row.title,
    date: row.heldOn,
    place: row.place,
    host: byId.get(people.hostId)!,
    reporter: byId.get(people.reporterId)!,
    recorder: byId.get(people.recorderId)!,
    attendees: people.attendees,
    quorum: people.quorum,
    quorumStatus: evaluateQuorum(people.quorum, members),
    state: row.state,
    position: positionOf(row),
    agenda,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    minutes,
  };
}
