// A minutes (集体讨论记录) submission as the workstation makes it, for the central-server tests:
// the minutes content, the host's detached signature with a certificate from a workstation's
// development CA, and the submitter's (recorder's) signature over the whole payload.
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../src/shared/canonical';
import { MINUTES_SCHEMA, MINUTES_SUBMISSION_SCHEMA, type MinutesContent, type MinutesSubmission } from '../../src/shared/meeting/minutes-content';
import { DevelopmentCa } from '../../src/main/services/signing/dev-ca';
import { keyIdOfPublicKey, signDetached } from '../../src/main/services/signing/detached';
import type { UnlockedKey } from '../../src/main/services/signing/keystore';
import type { SubmissionRequest } from '../../src/server/protocol';
import { tempDir } from './package-builder';
import type { Signer } from './server-fixtures';

/** The host's key, certified by a workstation's own development CA (not the server's). */
export async function hostKey(name = '张局长'): Promise<UnlockedKey> {
  const ca = await DevelopmentCa.open(tempDir('host-ca-'));
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const subject = { name, agency: '测试市市场监督管理局' };
  const { chain } = await ca.issue(publicKeyPem, subject);
  return { algorithm: 'ecdsa-p256', keyId: keyIdOfPublicKey(publicKeyPem), publicKeyPem, subject, chain, privateKey };
}

export function minutesFor(c: { caseId: string; caseNumber: string; revision: number; revisionHash: string }, host = '张局长', recorder = '王审核'): MinutesContent {
  const person = (name: string, post: string) => ({ name, post });
  return {
    schema: MINUTES_SCHEMA,
    minutesId: randomUUID(),
    meetingId: randomUUID(),
    agency: { code: '340500', name: '测试市市场监督管理局' },
    case: { id: c.caseId, caseNumber: c.caseNumber, revision: c.revision, revisionHash: c.revisionHash, name: '测试食品有限公司销售过期食品案', cause: '销售过期食品', handlingUnit: '执法稽查支队' },
    meeting: { title: '案件集体讨论会', date: '2026-11-23', place: '第一会议室', startedAt: '2026-11-23T01:30:00.000Z', endedAt: '2026-11-23T03:05:00.000Z', agendaNumber: 1, agendaLength: 1 },
    host: person(host, '局长'),
    reporter: person(recorder, '法制审核员'),
    recorder: person(recorder, '法制审核员'),
    attendees: [
      { ...person(host, '局长'), role: 'member' },
      { ...person('李副局长', '副局长'), role: 'member' },
      { ...person('赵副局长', '副局长'), role: 'member' },
      { ...person(recorder, '法制审核员'), role: 'observer' },
    ],
    quorum: { text: '对本案发表意见的负责人 3 人；规则要求至少 3 人', met: true },
    proposedDecision: { penalties: ['罚款 50,000元'], legalBasis: ['《食品安全法》第一百二十四条'], discretion: '一般' },
    review: { round: 1, type: '同意', text: '同意承办机构的处理意见。' },
    discussion: '汇报人汇报了案件事实和法制审核意见。',
    opinions: [{ ...person(host, '局长'), kind: '同意', text: '' }],
    conclusion: { text: '同意按拟处罚决定作出行政处罚。', followsReview: true, differingReason: null },
    signers: [
      { ...person(host, '局长'), role: 'host' },
      { ...person(recorder, '法制审核员'), role: 'recorder' },
    ],
    generatedAt: '2026-11-23T03:10:00.000Z',
  };
}

export async function minutesPayload(minutes: MinutesContent, host: UnlockedKey): Promise<MinutesSubmission> {
  const { ...hostSignature } = await signDetached(minutes, host);
  return {
    schema: MINUTES_SUBMISSION_SCHEMA,
    case: { id: minutes.case.id, revisionHash: minutes.case.revisionHash },
    minutes,
    minutesHash: createHash('sha256').update(canonicalJson(minutes)).digest('hex'),
    hostSignature,
    pdfSha256: 'c'.repeat(64),
  };
}

/** The request the workstation's sync sends: the recorder (submitter) signs the whole payload. */
export async function minutesRequest(recorder: Signer, payload: MinutesSubmission): Promise<SubmissionRequest> {
  const signature = { ...(await recorder.sign(payload)) };
  return { id: randomUUID(), kind: 'minutes', caseId: payload.case.id, caseRevisionHash: payload.case.revisionHash, payload: { ...payload }, signature };
}
