// What key registration needs from the signing core: a PKCS#10 request made with the key at
// creation (proof of possession, checked like a CA does), the key file recording the central
// certificate / a refusal / a reported revocation, a critical timeStamping EKU for a TSA
// certificate, and verification "at receipt" for a receiver that does not trust the signer's clock.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCsr, createCsr, DevelopmentCa, EKU_TIME_STAMPING, signDetached, SigningError, verifySubmission } from '../../../src/main/services/signing';
import { x509 } from '../../../src/main/services/signing/x509';
import { tempDir } from '../../helpers/package-builder';
import { openssl, REVIEWER, reviewerKey, signingFixture, writeTemp } from './fixtures';

describe('certificate requests (CSR)', () => {
  it('are made at key creation for ECDSA and Ed25519, verify, and name the key; OpenSSL agrees', async () => {
    const f = await signingFixture();
    for (const algorithm of ['ecdsa-p256', 'ed25519'] as const) {
      const info = await f.store.createKey({ algorithm, protector: f.protector, subject: REVIEWER, ca: f.ca });
      expect(info.csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
      const checked = await checkCsr(info.csrPem!);
      expect(checked.keyId).toBe(info.keyId);
      expect(checked.publicKeyPem.replace(/\s/g, '')).toBe(info.publicKeyPem.replace(/\s/g, ''));
      expect(checked.subject).toContain(`CN=${REVIEWER.name}`);
      const v = openssl(['req', '-in', writeTemp(f.dataDir, `${algorithm}.csr`, info.csrPem!), '-noout', '-verify']);
      expect(v.out).toMatch(/verify OK|Certificate request self-signature verify OK/);
    }
    // SM2 keys have none (WebCrypto has no SM2) and say so when one is asked for.
    const sm2 = await f.store.createKey({ algorithm: 'sm2-sm3', protector: f.protector, subject: REVIEWER, ca: f.ca });
    expect(sm2.csrPem).toBeUndefined();
    await expect(createCsr('sm2-sm3', generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey, REVIEWER)).rejects.toThrow(/暂不能生成证书申请/);
  });

  it('refuses a bare public key, garbage and a request whose signature was tampered with', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    await expect(checkCsr(publicKey.export({ type: 'spki', format: 'pem' }).toString())).rejects.toThrow(/须为 PKCS#10/);
    await expect(checkCsr('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n')).rejects.toThrow(/无法解析/);
    const csr = await createCsr('ecdsa-p256', privateKey, REVIEWER);
    // Swap in another key's public key: the signature no longer matches the request.
    const other = await createCsr('ecdsa-p256', generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey, REVIEWER);
    const der = (p: string) => Buffer.from(p.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const a = der(csr);
    const b = der(other);
    const spkiAt = (buf: Buffer) => buf.indexOf(Buffer.from('06072a8648ce3d0201', 'hex')) - 4; // SEQUENCE { ecPublicKey … }
    const mixed = Buffer.concat([a.subarray(0, spkiAt(a)), b.subarray(spkiAt(b), spkiAt(b) + 91), a.subarray(spkiAt(a) + 91)]);
    const err = await checkCsr(`-----BEGIN CERTIFICATE REQUEST-----\n${mixed.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SigningError);
    expect((err as SigningError).message).toMatch(/签名校验失败/);
  });
});

describe('the key file records registration with the central system', () => {
  it('central certificate, refusal and reported revocation, each with a history event; revoking twice keeps the first', async () => {
    const f = await signingFixture();
    const info = await f.store.createKey({ protector: f.protector, subject: REVIEWER, ca: f.ca });
    const central = await DevelopmentCa.open(tempDir('central-ca-'), { names: { commonName: '测试中央 CA', organization: '测试' } });
    const { chain } = await central.issue(info.csrPem!, { name: 'alice', agency: REVIEWER.agency });
    const enrolled = f.store.recordEnrolment(info.keyId, chain, { server: 'http://central.test', user: 'alice' });
    expect(enrolled).toMatchObject({ chain, central: { server: 'http://central.test', user: 'alice' } });
    expect(enrolled.history.map((h) => h.event)).toEqual(['created', 'certificate', 'certificate']);
    // Signatures from now on carry the central chain.
    expect((await f.store.unlock(info.keyId, f.protector)).chain).toEqual(chain);

    const refused = f.store.recordEnrolmentRefused(info.keyId, '该公钥已由其他用户登记');
    expect(refused.enrolmentRefused?.reason).toBe('该公钥已由其他用户登记');
    const first = f.store.markRevoked(info.keyId, '笔记本电脑遗失', new Date('2026-11-20T01:00:00Z'));
    const second = f.store.markRevoked(info.keyId, '另一个原因', new Date('2026-11-21T01:00:00Z'));
    expect(second).toMatchObject({ revokedAt: first.revokedAt, revocationReason: '笔记本电脑遗失' });
    const told = f.store.recordRevocationReported(info.keyId, 'http://central.test');
    expect(told.revocationReported?.server).toBe('http://central.test');
    expect(told.history.map((h) => h.event).slice(-3)).toEqual(['enrolment-refused', 'revoked', 'revocation-reported']);
    const file = JSON.parse(readFileSync(join(f.dataDir, 'keys', `${info.keyId}.json`), 'utf8'));
    expect(JSON.stringify(file)).not.toContain('PRIVATE KEY');
  });
});

describe('development CA options', () => {
  it('names a CA apart from the local one, and issues a TSA certificate with a critical timeStamping EKU', async () => {
    const ca = await DevelopmentCa.open(tempDir('named-ca-'), { names: { commonName: 'Fashen 中心系统开发 CA（非正式）', organization: '测试' } });
    expect(ca.certificate.subjectName.getField('CN')).toEqual(['Fashen 中心系统开发 CA（非正式）']);
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const { chain } = await ca.issue(publicKey.export({ type: 'spki', format: 'pem' }).toString(), { name: 'TSA', agency: '测试' }, { extendedKeyUsages: [EKU_TIME_STAMPING], extendedKeyUsagesCritical: true });
    const eku = new x509.X509Certificate(chain[0]!).getExtension(x509.ExtendedKeyUsageExtension)!;
    expect(eku.critical).toBe(true);
    expect(eku.usages).toEqual([EKU_TIME_STAMPING]);
  });
});

describe('verification at receipt', () => {
  it('without a timestamp, a receiver checks the certificate at its own time, not the signer’s claimed one', async () => {
    const f = await signingFixture();
    const key = await reviewerKey(f);
    const content = { caseId: 'c1', conclusion: '同意' };
    // Claimed to be signed before the certificate existed (a clock set back, or signed before registration).
    const sig = await signDetached(content, key, { now: new Date(Date.now() - 3 * 86_400_000) });
    const sub = { format: 'fashen-signed-submission' as const, version: 1 as const, content, signature: sig };
    const reader = await verifySubmission(sub, { trustAnchors: [f.ca.certificatePem] });
    expect(reader.valid).toBe(false);
    expect(reader.reason).toMatch(/尚未生效/);
    const receiver = await verifySubmission(sub, { trustAnchors: [f.ca.certificatePem], untimestampedAt: 'now' });
    expect(receiver.valid, receiver.reason).toBe(true);
  });
});
