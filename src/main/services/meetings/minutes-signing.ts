// The host's signature on the minutes (first PDF signature, detached signature over the content),
// given only when the record still says what the preview showed. Signed files are never rewritten.
import { ApiFailure } from '../../../shared/api/result';
import { MinutesContent } from '../../../shared/meeting/minutes-content';
import type { Meeting } from '../../../shared/meeting/schema';
import type { MinutesRow } from '../../db/repos/meetings';
import { signDetached, signPdf, type UnlockedKey } from '../signing/index';
import { storeDerivedBlob } from './derived-blob';
import { minutesContent, renderMinutes, type MinutesParts } from './minutes-render';
import { hashOf, type StoredSignature } from './minutes-state';

/** A signer's key for the PDF signature (ECDSA or Ed25519; SM2 cannot sign a PDF here). */
export async function unlockPdfKey(parts: MinutesParts, name: string, passphrase?: string): Promise<UnlockedKey & { algorithm: 'ecdsa-p256' | 'ed25519' }> {
  const key = await parts.signerKeys.unlock(name, passphrase);
  if (key.algorithm === 'sm2-sm3') throw new ApiFailure({ code: 'conflict', message: 'PDF 签名需要 ECDSA 密钥' });
  return key;
}

/** `again`: signing again after a refusal (the stored content is signed as it stands). */
export async function signAsHost(parts: MinutesParts, m: Meeting, rows: MinutesRow[], again: boolean, passphrase?: string): Promise<void> {
  if (rows.some((r) => r.hostSignatureJson)) throw new ApiFailure({ code: 'conflict', message: '主持人已签署' });
  // The record must still say what the preview showed (signing again: what was signed before, as stored).
  const contents = rows.map((r) => {
    const stored = MinutesContent.parse(JSON.parse(r.contentJson));
    if (!again && hashOf(minutesContent(parts, m, r.caseId, { minutesId: stored.minutesId, generatedAt: stored.generatedAt })) !== r.contentHash)
      throw new ApiFailure({ code: 'conflict', message: '会议记录在预览后已变更，请重新预览后再签署' });
    return stored;
  });
  const key = await unlockPdfKey(parts, m.host.name, passphrase);
  const signingTime = new Date();
  const out: { id: string; pdfSha256: string; signatureJson: string }[] = [];
  for (const [i, r] of rows.entries()) {
    const content = contents[i]!;
    const detached = await signDetached(content, key, { now: signingTime });
    const { doc, signature } = await renderMinutes(content, r.contentHash);
    const pdf = await signPdf(doc, { privateKey: key.privateKey, chain: key.chain }, {
      signingTime,
      ...(signature ? { rect: signature } : {}),
      reason: 'Collective discussion minutes (host)',
      location: content.agency.code,
      name: `Fashen host ${key.keyId.slice(0, 8)}`,
    });
    const stored: StoredSignature = { ...detached, role: 'host', name: m.host.name };
    out.push({ id: r.id, pdfSha256: await storeDerivedBlob(parts.ws, pdf, 'application/pdf', r.contentHash), signatureJson: JSON.stringify(stored) });
  }
  parts.repo.saveSignatures(m.id, 'host', out, signingTime.toISOString(), { outbox: [], signed: false });
}
