// Builds the 集体讨论记录 content of one agenda case from the meeting record and the case file.
import type { CaseFileView } from '../api/cases';
import { evaluateQuorum } from './quorum';
import { MINUTES_SCHEMA, type MinutesContent } from './minutes-content';
import type { Meeting } from './schema';
import { penaltyText } from '../casefile/penalty-text';
import { discretionText } from '../casefile/discretion-text';

const cite = (c: { law: string; article: string; clause?: string | undefined }) => `《${c.law.replace(/^中华人民共和国/, '')}》${c.article}${c.clause ?? ''}`;

export interface MinutesMeta {
  minutesId: string;
  generatedAt: string;
  /** Review round and the review as the meeting decided on it (the snapshot taken at the start). */
  review: { round: number; type: string; text: string };
  /** The case revision decided on (its number; the hash is the agenda item's). */
  revision: number;
}

export function buildMinutesContent(meeting: Meeting, caseId: string, cf: CaseFileView, meta: MinutesMeta): MinutesContent {
  const index = meeting.agenda.findIndex((a) => a.caseId === caseId);
  const item = meeting.agenda[index];
  if (!item) throw new Error(`案件不在本次会议议程中：${caseId}`);
  if (!item.conclusion) throw new Error(`${item.caseNumber} 尚未形成结论性意见`);
  if (!meeting.startedAt || !meeting.endedAt) throw new Error('会议尚未结束，不能生成集体讨论记录');
  const person = (a: { name: string; post: string }) => ({ name: a.name, post: a.post });
  const byId = new Map(meeting.attendees.map((a) => [a.id, a]));
  const members = meeting.attendees.filter((a) => a.role === 'member').map((a) => a.id);
  const voiced = item.opinions.filter((o) => members.includes(o.attendeeId)).length;
  const quorum = evaluateQuorum(meeting.quorum, voiced, '对本案发表意见的负责人');
  const d = cf.proposedDecision;
  // Opinions in the order of the attendee list (the order they are printed and signed in).
  const opinions = meeting.attendees.flatMap((a) => {
    const o = item.opinions.find((x) => x.attendeeId === a.id);
    return o ? [{ ...person(byId.get(a.id)!), kind: o.kind, text: o.text }] : [];
  });
  const { review, minutesId, generatedAt } = meta;
  return {
    schema: MINUTES_SCHEMA,
    minutesId,
    meetingId: meeting.id,
    agency: { code: cf.agency.code, name: cf.agency.name },
    case: { id: cf.id, caseNumber: cf.caseNumber, revision: meta.revision, revisionHash: item.revisionHash, name: item.name, cause: cf.cause, handlingUnit: cf.handlingUnit },
    meeting: { title: meeting.title, date: meeting.date, place: meeting.place, startedAt: meeting.startedAt, endedAt: meeting.endedAt, agendaNumber: index + 1, agendaLength: meeting.agenda.length },
    host: person(meeting.host),
    reporter: person(meeting.reporter),
    recorder: person(meeting.recorder),
    attendees: meeting.attendees.map((a) => ({ ...person(a), role: a.role })),
    quorum: { text: quorum.text, met: quorum.met },
    proposedDecision: {
      penalties: d.penalties.map((p) => penaltyText(p, { uppercase: true })),
      legalBasis: d.legalBasis.map(cite),
      discretion: discretionText(d.discretion),
    },
    review,
    discussion: item.notes,
    opinions,
    conclusion: { text: item.conclusion.text, followsReview: item.conclusion.followsReview, differingReason: item.conclusion.differingReason },
    signers: [
      { ...person(meeting.host), role: 'host' },
      { ...person(meeting.recorder), role: 'recorder' },
    ],
    generatedAt,
  };
}
