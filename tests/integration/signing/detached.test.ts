// Detached signatures over JCS bytes: Ed25519, ECDSA P-256, SM2/SM3 (cross-checked with openssl),
// and verification of a signed submission with its certificate chain.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEV_CA_NOTICE,
  jcsBytes,
  signDetached,
  sm2PublicHexFromSpki,
  pemToDer,
  verifyDetached,
  verifySubmission,
  type SignedSubmission,
} from '../../../src/main/services/signing';
import { openssl, reviewerKey, signingFixture, writeTemp } from './fixtures';

const OPINION = {
  caseId: 'case-2026-017',
  caseRevisionHash: 'a1b2c3',
  round: 1,
  conclusion: { opinion: '同意', text: '事实清楚，证据确凿，适用依据正确，程序合法。' },
  findings: [{ point: '主体资格', result: '符合' }],
  reviewer: '王法审',
  time: '2026-11-23T10:00:00+08:00',
};
const TAMPERED = { ...OPINION, conclusion: { ...OPINION.conclusion, opinion: '建议纠正' } };

function submission(content: unknown, signature: SignedSubmission['signature']): SignedSubmission {
  return { format: 'fashen-signed-submission', version: 1, content, signature };
}

describe('detached signatures', () => {
  for (const algorithm of ['ed25519', 'ecdsa-p256'] as const) {
    it(`${algorithm}: valid, tampered content and tampered signature; openssl agrees`, async () => {
      const f = await signingFixture();
      const key = await reviewerKey(f, algorithm);
      const sig = await signDetached(OPINION, key);
      expect(sig).toMatchObject({ algorithm, keyId: key.keyId, contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(verifyDetached(OPINION, sig, key.publicKeyPem)).toEqual({ valid: true, reason: '签名有效' });
      expect(verifyDetached(TAMPERED, sig, key.publicKeyPem).valid).toBe(false);
      const forgedHash = { ...sig, contentHash: (await signDetached(TAMPERED, key)).contentHash };
      expect(verifyDetached(TAMPERED, forgedHash, key.publicKeyPem)).toMatchObject({ valid: false, reason: '签名值验证失败' });

      const msg = writeTemp(f.dataDir, 'msg.json', jcsBytes(OPINION));
      const sigFile = writeTemp(f.dataDir, 'sig.bin', Buffer.from(sig.signature, 'base64'));
      const pub = writeTemp(f.dataDir, 'pub.pem', key.publicKeyPem);
      const args =
        algorithm === 'ed25519'
          ? ['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', msg, '-sigfile', sigFile]
          : ['dgst', '-sha256', '-verify', pub, '-signature', sigFile, msg];
      expect(openssl(args).out).toMatch(/Verified OK|Signature Verified Successfully/);
    });
  }

  it('SM2/SM3: ours verifies in openssl and openssl signatures verify in ours', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f, 'sm2-sm3');
    const sig = await signDetached(OPINION, key);
    expect(verifyDetached(OPINION, sig, key.publicKeyPem).valid).toBe(true);
    expect(verifyDetached(OPINION, sig, key.sm2.publicKeyHex).valid).toBe(true);
    expect(verifyDetached(TAMPERED, sig, key.publicKeyPem).valid).toBe(false);

    const dir = f.dataDir;
    const msg = writeTemp(dir, 'msg.json', jcsBytes(OPINION));
    const bad = writeTemp(dir, 'bad.json', jcsBytes(TAMPERED));
    const sigFile = writeTemp(dir, 'sm2.sig', Buffer.from(sig.signature, 'base64'));
    const pub = writeTemp(dir, 'sm2-pub.pem', key.publicKeyPem);
    const verifyArgs = (m: string, s: string, p: string) => ['pkeyutl', '-verify', '-pubin', '-inkey', p, '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678', '-in', m, '-sigfile', s];
    const good = openssl(verifyArgs(msg, sigFile, pub));
    expect(good.ok).toBe(true);
    expect(good.out).toContain('Signature Verified Successfully');
    const tampered = openssl(verifyArgs(bad, sigFile, pub));
    expect(tampered.ok).toBe(false);
    expect(tampered.out).toContain('Signature Verification Failure');

    // openssl → ours
    const oKey = join(dir, 'openssl-sm2.key');
    const oPub = join(dir, 'openssl-sm2.pub');
    const oSig = join(dir, 'openssl.sig');
    expect(openssl(['genpkey', '-algorithm', 'SM2', '-out', oKey]).ok).toBe(true);
    expect(openssl(['pkey', '-in', oKey, '-pubout', '-out', oPub]).ok).toBe(true);
    expect(openssl(['pkeyutl', '-sign', '-inkey', oKey, '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678', '-in', msg, '-out', oSig]).ok).toBe(true);
    const { readFileSync } = await import('node:fs');
    const oPubPem = readFileSync(oPub, 'utf8');
    const fromOpenssl = { algorithm: 'sm2-sm3' as const, signature: readFileSync(oSig).toString('base64'), contentHash: sig.contentHash };
    expect(verifyDetached(OPINION, fromOpenssl, oPubPem).valid).toBe(true);
    expect(verifyDetached(OPINION, fromOpenssl, sm2PublicHexFromSpki(pemToDer(oPubPem))!).valid).toBe(true);
    expect(verifyDetached(OPINION, fromOpenssl, key.publicKeyPem).valid).toBe(false);
    // And the SM2 key's certificate (issued by the dev CA) carries the same key openssl reads.
    const cert = writeTemp(dir, 'sm2-cert.pem', key.chain[0]!);
    expect(openssl(['pkeyutl', '-verify', '-certin', '-inkey', cert, '-rawin', '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678', '-in', msg, '-sigfile', sigFile]).ok).toBe(true);
  });
});

describe('verifySubmission', () => {
  it('accepts ECDSA and SM2 submissions with a dev-CA chain and says it is the dev CA', async () => {
    const f = await signingFixture();
    for (const algorithm of ['ecdsa-p256', 'sm2-sm3'] as const) {
      const key = await reviewerKey(f, algorithm);
      const json = JSON.stringify(submission(OPINION, await signDetached(OPINION, key)));
      const v = await verifySubmission(json, { trustAnchors: [f.ca.certificatePem] });
      expect(v.valid, v.reason).toBe(true);
      expect(v.reason).toContain(DEV_CA_NOTICE);
      expect(v.reason).toContain('待加盖时间戳');
      expect(v).toMatchObject({ algorithm, keyId: key.keyId, devCa: true, trusted: true, signer: { commonName: key.subject.name, organization: key.subject.agency } });
      expect(v.chainSubjects).toHaveLength(2);
    }
  });

  it('rejects tampered content, a foreign public key, no trust anchor, expiry and revocation', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f, 'ed25519');
    const sig = await signDetached(OPINION, key);
    const anchors = { trustAnchors: [f.ca.certificatePem] };
    expect((await verifySubmission(submission(TAMPERED, sig), anchors)).reason).toContain('摘要不一致');

    const other = await reviewerKey(f, 'ed25519', { name: '冒名者', agency: '某局' });
    const swapped = await verifySubmission(submission(OPINION, { ...sig, publicKey: other.publicKeyPem, chain: other.chain }), anchors);
    expect(swapped).toMatchObject({ valid: false, reason: '签名值验证失败' });

    expect(await verifySubmission(submission(OPINION, sig))).toMatchObject({ valid: false, reason: expect.stringContaining('未配置受信任的根证书') });
    expect(await verifySubmission(submission(OPINION, { ...sig, chain: [] }), anchors)).toMatchObject({ valid: false, reason: expect.stringContaining('未附带证书') });

    const expired = await f.ca.issue(key.publicKeyPem, key.subject, { notBefore: new Date('2020-01-01'), notAfter: new Date('2021-01-01') });
    const ev = await verifySubmission(submission(OPINION, { ...sig, chain: expired.chain }), anchors);
    expect(ev.valid).toBe(false);
    expect(ev.reason).toMatch(/已过期/);

    const rv = await verifySubmission(submission(OPINION, sig), { ...anchors, revocations: [{ keyId: key.keyId, at: new Date().toISOString(), reason: '密钥泄露' }] });
    expect(rv).toMatchObject({ valid: false, revoked: { reason: '密钥泄露' } });
    expect(rv.reason).toContain('签名证书已被吊销');

    expect((await verifySubmission('{not json')).valid).toBe(false);
  });
});
