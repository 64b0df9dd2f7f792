// meetings.* handlers (负责人集体讨论).
import type { Handlers } from '../dispatch';
import type { Workstation } from '../workstation';

// meetings.exportMinutes: with the other record exports (record-exports.ts).
type MeetingHandlers = Pick<Handlers, Exclude<Extract<keyof Handlers, `meetings.${string}`>, 'meetings.exportMinutes'>>;

export function meetingHandlers(ws: Workstation): MeetingHandlers {
  const m = ws.meetings;
  return {
    'meetings.list': ({ state }) => m.list(state),
    'meetings.get': ({ id }) => m.get(id),
    'meetings.create': (setup) => m.create(setup),
    'meetings.update': ({ id, setup }) => m.update(id, setup),
    'meetings.delete': ({ id }) => m.delete(id),
    'meetings.start': ({ id, onDate }) => m.start(id, onDate),
    'meetings.navigate': ({ id, agendaIndex, topic, evidence }) => m.navigate(id, agendaIndex, topic, evidence),
    // Always masked (audience-service → shared/meeting/audience.ts); the call has no unmask option.
    'meetings.audience': ({ id }) => m.audience.view(id),
    'meetings.audienceToken': ({ id }) => m.grants.issue(id),
    'meetings.recordOpinion': ({ id, caseId, attendeeId, opinion }) => m.recordOpinion(id, caseId, attendeeId, opinion),
    'meetings.clearOpinion': ({ id, caseId, attendeeId }) => m.clearOpinion(id, caseId, attendeeId),
    'meetings.recordNotes': ({ id, caseId, notes }) => m.recordNotes(id, caseId, notes),
    'meetings.conclude': ({ id, caseId, conclusion }) => m.conclude(id, caseId, conclusion),
    'meetings.end': ({ id }) => m.end(id),
    'meetings.previewMinutes': ({ id }) => m.minutes.preview(id),
    'meetings.signers': ({ id }) => m.minutes.signers(id),
    'meetings.createSignerKey': ({ id, role, passphrase }) => m.minutes.createSignerKey(id, role, passphrase),
    'meetings.signMinutes': ({ id, role, setHash, passphrase, submitterPassphrase }) => m.minutes.sign(id, role, setHash, passphrase, submitterPassphrase),
    'meetings.resignMinutes': ({ id }) => m.minutes.resign(id),
    'meetings.citingMinutes': ({ caseId }) => m.minutes.citing(caseId),
    'meetings.minutes': ({ id, caseId }) => m.minutes.records({ ...(id ? { meetingId: id } : {}), ...(caseId ? { caseId } : {}) }),
  };
}
