// Embedded PDF signatures, checked by pdfsig (poppler) and by our own verifyPdf.
import { describe, expect, it } from 'vitest';
import {
  DEV_CA_NOTICE,
  HttpTimestampClient,
  SigningError,
  addSignature,
  signPdf,
  signPdfDetailed,
  verifyPdf,
} from '../../../src/main/services/signing';
import { flipped, median, nssDbTrusting, opinionDoc, pdfsig, reviewerKey, signingFixture, writeTemp } from './fixtures';
import { startTestTsa } from './tsa';

const SIGN_OPTS = { reason: 'Legal review opinion', location: 'Fashen workstation', name: 'Reviewer' };

/** Offset of the middle of the first signed range ([0, b)), well outside the signature hole. */
function insideSignedRange(bytes: Uint8Array): number {
  const m = /\/ByteRange\s*\[\s*0\s+(\d+)/.exec(Buffer.from(bytes).toString('latin1'))!;
  return Math.floor(Number(m[1]) / 2);
}

describe('PDF signature', () => {
  it('pdfsig and verifyPdf accept the signed opinion; with the dev CA trusted in NSS pdfsig says Trusted', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const signingTime = new Date();
    const bytes = await signPdf(await opinionDoc(), key, {
      ...SIGN_OPTS,
      signingTime,
      rect: { page: 0, x: 360, y: 80, width: 180, height: 50 },
    });
    const path = writeTemp(f.dataDir, 'signed.pdf', bytes);
    const out = pdfsig(path);
    expect(out).toContain('Signature is Valid.');
    expect(out).toContain('Total document signed');
    expect(out).toContain(`Signer Certificate Common Name: ${key.subject.name}`);
    expect(out).toContain("Certificate issuer isn't Trusted");
    const trusted = pdfsig(path, nssDbTrusting(f.dataDir, f.ca.certificatePem));
    expect(trusted).toContain('Signature is Valid.');
    expect(trusted).toContain('Certificate is Trusted.');

    const v = await verifyPdf(bytes, { trustAnchors: [f.ca.certificatePem] });
    expect(v.valid).toBe(true);
    expect(v.reason).toContain('签名有效');
    expect(v.reason).toContain(DEV_CA_NOTICE);
    expect(v).toMatchObject({
      signer: { commonName: key.subject.name, organization: key.subject.agency },
      devCa: true,
      certificateValidAtSigningTime: true,
      revoked: null,
      byteRangeCoversWholeFile: true,
    });
    expect(v.chainSubjects).toHaveLength(2);
    expect(v.signingTime).toBe(new Date(Math.floor(signingTime.getTime() / 1000) * 1000).toISOString());
    expect(v.signatures[0]).toMatchObject({ fieldName: 'Signature1', subFilter: 'adbe.pkcs7.detached', digestMatches: true, signatureVerified: true, timestamp: { status: 'none' } });

    const untrusted = await verifyPdf(bytes);
    expect(untrusted.valid).toBe(false);
    expect(untrusted.reason).toContain('未配置受信任的根证书');
  });

  it('one flipped byte inside the signed range: pdfsig says Digest Mismatch and verifyPdf INVALID', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const bytes = await signPdf(await opinionDoc(), key, { ...SIGN_OPTS, signingTime: new Date() });
    const tampered = flipped(bytes, insideSignedRange(bytes));
    const out = pdfsig(writeTemp(f.dataDir, 'tampered.pdf', tampered));
    expect(out).toContain('Digest Mismatch');
    expect(out).not.toContain('Signature is Valid.');
    const v = await verifyPdf(tampered, { trustAnchors: [f.ca.certificatePem] });
    expect(v.valid).toBe(false);
    expect(v.reason).toContain('摘要不一致');
  });

  it('bytes appended after signing: ByteRange no longer covers the file → INVALID', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const bytes = await signPdf(await opinionDoc(), key, { ...SIGN_OPTS, signingTime: new Date() });
    const appended = Buffer.concat([Buffer.from(bytes), Buffer.from('\n% appended after signing\n')]);
    expect(pdfsig(writeTemp(f.dataDir, 'appended.pdf', appended))).toContain('Not total document signed');
    const v = await verifyPdf(appended, { trustAnchors: [f.ca.certificatePem] });
    expect(v.valid).toBe(false);
    expect(v.byteRangeCoversWholeFile).toBe(false);
    expect(v.reason).toContain('签名范围未覆盖整个文件');
  });

  it('an expired certificate makes the signature INVALID with the reason', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const { chain } = await f.ca.issue(key.publicKeyPem, key.subject, {
      notBefore: new Date(Date.now() - 3 * 365 * 86_400_000),
      notAfter: new Date(Date.now() - 365 * 86_400_000),
    });
    const bytes = await signPdf(await opinionDoc(), { privateKey: key.privateKey, chain }, { ...SIGN_OPTS, signingTime: new Date() });
    const v = await verifyPdf(bytes, { trustAnchors: [f.ca.certificatePem] });
    expect(v.valid).toBe(false);
    expect(v.certificateValidAtSigningTime).toBe(false);
    expect(v.reason).toMatch(/在签名时已过期（有效期至 .+）/);
    expect(pdfsig(writeTemp(f.dataDir, 'expired.pdf', bytes), nssDbTrusting(f.dataDir, f.ca.certificatePem))).toContain('Certificate has Expired');
  });

  it('a revoked key makes its signatures INVALID', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const bytes = await signPdf(await opinionDoc(), key, { ...SIGN_OPTS, signingTime: new Date() });
    f.store.markRevoked(key.keyId, '审核员离职', new Date());
    const v = await verifyPdf(bytes, { trustAnchors: [f.ca.certificatePem], revocations: f.store.revocationList() });
    expect(v.valid).toBe(false);
    expect(v.revoked).toMatchObject({ reason: '审核员离职' });
    expect(v.reason).toContain('签名证书已被吊销');
  });

  it('a second signature as an incremental update: pdfsig and verifyPdf validate both', async () => {
    const f = await signingFixture();
    const first = await reviewerKey(f);
    const second = await reviewerKey(f, 'ecdsa-p256', { name: '李会审', agency: first.subject.agency });
    const once = await signPdf(await opinionDoc(2), first, { ...SIGN_OPTS, signingTime: new Date() });
    const twice = await addSignature(once, second, { reason: 'Co-signed minutes', signingTime: new Date() });
    const out = pdfsig(writeTemp(f.dataDir, 'two.pdf', twice));
    expect(out.match(/Signature is Valid\./g)).toHaveLength(2);
    expect(out).toContain('Signature Field Name: Signature1');
    expect(out).toContain('Signature Field Name: Signature2');
    expect(out).toContain('Signer Certificate Common Name: 李会审');
    const v = await verifyPdf(twice, { trustAnchors: [f.ca.certificatePem] });
    expect(v.valid).toBe(true);
    expect(v.reason).toContain('全部 2 个签名有效');
    expect(v.signatures.map((s) => [s.signer?.commonName, s.fieldName, s.byteRangeCoversWholeFile])).toEqual([
      [first.subject.name, 'Signature1', false],
      ['李会审', 'Signature2', true],
    ]);
    // Tampering with the first revision breaks both signatures.
    const bad = await verifyPdf(flipped(twice, insideSignedRange(twice)), { trustAnchors: [f.ca.certificatePem] });
    expect(bad.valid).toBe(false);
    expect(bad.signatures.every((s) => !s.valid)).toBe(true);
  });

  it('PAdES baseline B-B profile (ETSI.CAdES.detached, time in /M) validates in pdfsig and verifyPdf', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const bytes = await signPdf(await opinionDoc(), key, { ...SIGN_OPTS, signingTime, profile: 'pades-b-b' });
    const out = pdfsig(writeTemp(f.dataDir, 'pades.pdf', bytes));
    expect(out).toContain('Signature Type: ETSI.CAdES.detached');
    expect(out).toContain('Signature is Valid.');
    const v = await verifyPdf(bytes, { trustAnchors: [f.ca.certificatePem] });
    expect(v.valid, v.reason).toBe(true);
    expect(v.signingTime).toBe(signingTime.toISOString());
    expect(v.signatures[0]!.subFilter).toBe('ETSI.CAdES.detached');
  });

  it('refuses non-ASCII text in the signature dictionary and unsigned PDFs verify as INVALID', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    await expect(signPdf(await opinionDoc(), key, { reason: '法制审核', signingTime: new Date() })).rejects.toBeInstanceOf(SigningError);
    const plain = await (await opinionDoc()).save();
    expect(await verifyPdf(plain)).toMatchObject({ valid: false, reason: '文件中没有数字签名' });
  });

  it('RFC 3161: a reachable TSA stamps the signature; offline leaves it pending (待加盖时间戳)', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const tsa = await startTestTsa(f.ca);
    try {
      const r = await signPdfDetailed(await opinionDoc(), key, { ...SIGN_OPTS, signingTime: new Date(), timestamp: new HttpTimestampClient(tsa.url) });
      expect(r.timestamp?.status).toBe('granted');
      expect(pdfsig(writeTemp(f.dataDir, 'ts.pdf', r.bytes))).toContain('Signature is Valid.');
      const v = await verifyPdf(r.bytes, { trustAnchors: [f.ca.certificatePem] });
      expect(v.valid).toBe(true);
      expect(v.signatures[0]!.timestamp).toMatchObject({ status: 'valid', tsa: expect.stringContaining('测试时间戳服务') });
      expect(v.reason).not.toContain('未加盖可信时间戳');
    } finally {
      await tsa.close();
    }
    const offline = await signPdfDetailed(await opinionDoc(), key, {
      ...SIGN_OPTS,
      signingTime: new Date(),
      timestamp: new HttpTimestampClient(tsa.url, { timeoutMs: 2000 }),
    });
    expect(offline.timestamp).toMatchObject({ status: 'pending' });
    const v = await verifyPdf(offline.bytes, { trustAnchors: [f.ca.certificatePem] });
    expect(v.valid).toBe(true);
    expect(v.reason).toContain('未加盖可信时间戳');
  });

  it('signs a 2-page opinion in well under 100 ms (median after warm-up)', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    for (let i = 0; i < 3; i++) await signPdf(await opinionDoc(2), key, { ...SIGN_OPTS, signingTime: new Date() });
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const doc = await opinionDoc(2);
      const t = performance.now();
      await signPdf(doc, key, { ...SIGN_OPTS, signingTime: new Date() });
      times.push(performance.now() - t);
    }
    const m = median(times);
    console.log(`signPdf median over 15 runs (2 pages, CJK subset font): ${m.toFixed(1)} ms`);
    expect(m).toBeLessThan(100);
  });
});
