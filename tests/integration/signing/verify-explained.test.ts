// What a verification says first, and what it says about a revocation: on a workstation that does
// not trust the signer's CA the verdict names the signer's certificate chain (and how to come to
// trust it), not the timestamp; an opinion signed before its key was revoked but without a trusted
// timestamp explains why it is refused (the signer's clock, to the second, proves nothing); a
// timestamped one names both times to the second.
import { describe, expect, it } from 'vitest';
import { DevelopmentCa, HttpTimestampClient, signDetached, signPdfDetailed, verifyPdf, verifySubmission } from '../../../src/main/services/signing';
import { verifyBytes } from '../../../src/main/services/opinions/verify-view';
import type { ReviewerKeys } from '../../../src/main/services/opinions/keys';
import type { RevocationEntry } from '../../../src/main/services/signing/types';
import { tempDir } from '../../helpers/package-builder';
import { opinionDoc, reviewerKey, signingFixture } from './fixtures';
import { startTestTsa } from './tsa';

/** The two things verifyBytes asks of the reviewer's keys. */
function keysTrusting(anchors: string[], revocations: RevocationEntry[] = []): ReviewerKeys {
  return { trustAnchors: () => Promise.resolve(anchors), store: { revocationList: () => revocations } } as unknown as ReviewerKeys;
}

describe('verification on a workstation that does not trust the signer’s CA', () => {
  it('names the signer’s untrusted chain first (PDF and submission), not the timestamp', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const stranger = await DevelopmentCa.open(tempDir('fashen-fresh-home-'));
    const tsa = await startTestTsa(f.ca);
    try {
      const signed = await signPdfDetailed(await opinionDoc(), key, { signingTime: new Date(), timestamp: new HttpTimestampClient(tsa.url) });
      expect(signed.timestamp).toMatchObject({ status: 'granted' });
      const v = await verifyPdf(signed.bytes, { trustAnchors: [stranger.certificatePem] });
      expect(v.valid).toBe(false);
      expect(v.reason).toMatch(/^签名人的证书链不受本机信任/);
      expect(v.reason).toContain('登录中心系统');
      expect(v.signatures[0]!.timestamp).toMatchObject({ status: 'invalid', reason: expect.stringContaining('时间戳服务的证书不受本机信任') });

      const sig = await signDetached({ caseId: 'c1', round: 1 }, key, { timestamp: new HttpTimestampClient(tsa.url) });
      const submission = { format: 'fashen-signed-submission', version: 1, content: { caseId: 'c1', round: 1 }, signature: sig };
      const s = await verifySubmission(submission, { trustAnchors: [stranger.certificatePem] });
      expect(s.valid).toBe(false);
      expect(s.reason).toMatch(/^签名人的证书链不受本机信任/);
      // Said as a flag, not only in words: the roots (signer's and timestamp service's) are all that is wrong…
      expect(s.onlyUntrusted).toBe(true);
      // …unless something else is wrong too (here: signed "later" than the verifier's clock)…
      const early = await verifySubmission(submission, { trustAnchors: [stranger.certificatePem], now: new Date(Date.now() - 3_600_000) });
      expect(early.problems.length).toBeGreaterThan(1);
      expect(early.onlyUntrusted).toBe(false);
      // …and a valid signature is not "only untrusted".
      expect((await verifySubmission(submission, { trustAnchors: [f.ca.certificatePem] })).onlyUntrusted).toBe(false);
    } finally {
      await tsa.close();
    }
  });
});

describe('a key revoked after signing', () => {
  it('without a trusted timestamp: INVALID, with the signer’s clock before the revocation explained to the second', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const signedAt = new Date(Date.now() - 60_000);
    signedAt.setMilliseconds(0);
    const signed = await signPdfDetailed(await opinionDoc(), key, { signingTime: signedAt });
    const revokedAt = new Date(signedAt.getTime() + 17_000); // the same minute: seconds tell them apart
    const v = await verifyBytes(signed.bytes, keysTrusting([f.ca.certificatePem], [{ keyId: key.keyId, at: revokedAt.toISOString(), reason: '电脑丢失' }]));
    expect(v.valid).toBe(false);
    const note = v.notes.find((n) => n.includes('本机时钟'));
    expect(note).toBeDefined();
    const sec = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(11, 19);
    expect(note).toContain(sec(signedAt));
    expect(note).toContain(sec(revokedAt));
    expect(note).toContain('没有可信时间戳，无法证明');
  });

  it('with a trusted timestamp: VALID, and the note gives both times to the second', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const tsa = await startTestTsa(f.ca);
    try {
      const signed = await signPdfDetailed(await opinionDoc(), key, { signingTime: new Date(), timestamp: new HttpTimestampClient(tsa.url) });
      const revokedAt = new Date(Date.now() + 1_000);
      const v = await verifyBytes(signed.bytes, keysTrusting([f.ca.certificatePem], [{ keyId: key.keyId, at: revokedAt.toISOString(), reason: '电脑丢失' }]));
      expect(v.valid, v.reason).toBe(true);
      expect(v.timestamp.state).toBe('trusted');
      const note = v.notes.find((n) => n.includes('被吊销'))!;
      expect(note).toMatch(/\d{2}:\d{2}:\d{2}（北京时间）被吊销.*可信时间戳 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（北京时间）/);
    } finally {
      await tsa.close();
    }
  });
});
