// The content of one case's 集体讨论记录 built from the meeting as it stands, and its PDF rendered
// by the opinion's pipeline: what the preview stores and what each signature is checked against.
import { ApiFailure } from '../../../shared/api/result';
import { buildMinutesContent } from '../../../shared/meeting/minutes-build';
import { MinutesContent } from '../../../shared/meeting/minutes-content';
import type { Meeting } from '../../../shared/meeting/schema';
import type { MeetingRepo } from '../../db/repos/meetings';
import type { Workstation } from '../../workstation';
import { renderDocumentPdf } from '../opinion/render-pdf';
import { minutesDocument } from './minutes-document';
import type { SignerKeys } from './signer-keys';

/** What the minutes' parts work with: the workstation, the meetings' rows, the signers' keys. */
export interface MinutesParts {
  ws: Workstation;
  repo: MeetingRepo;
  signerKeys: SignerKeys;
}

/**
 * The content of one case's minutes from the record as it stands, with the given identity. `m` is
 * built from the meeting's case rows: its agenda item already carries the round and the review
 * snapshot taken at the start (buildMeeting), so the rows are not read again here.
 */
export function minutesContent(parts: Pick<MinutesParts, 'ws' | 'repo'>, m: Meeting, caseId: string, meta: { minutesId: string; generatedAt: string }): MinutesContent {
  const cf = parts.ws.views.get(caseId);
  if (!cf) throw new ApiFailure({ code: 'not_found', message: `找不到案件：${caseId}` });
  const item = m.agenda.find((a) => a.caseId === caseId)!;
  const review = { round: item.round, type: item.review.type, text: item.review.text };
  // The revision decided on: its hash is fixed at the start; a later revision does not change the record.
  const revision = item.revisionHash === cf.revisionHash ? cf.revision : (parts.repo.revisionNumber(caseId, item.revisionHash) ?? cf.revision);
  return MinutesContent.parse(buildMinutesContent(m, caseId, cf, { ...meta, review, revision }));
}

export async function renderMinutes(content: MinutesContent, hash: string) {
  const generated = new Date(content.generatedAt);
  return renderDocumentPdf(minutesDocument(content, { contentHash: hash }), Number.isNaN(generated.getTime()) ? {} : { date: generated });
}
