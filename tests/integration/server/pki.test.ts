// The central server as CA, key registry and TSA (issues 5/6): certificates only for a PKCS#10
// request that proves possession of the key; a key is registered to one user only; the owner revokes
// it and later submissions signed with it are refused; a submission signed before the key was
// registered (carrying the workstation's local development CA chain) is accepted once it is; the
// development TSA answers RFC 3161 requests that OpenSSL verifies; GET /v1/config tells workstations.
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { signedOpinion, type Signer } from '../../helpers/server-fixtures';
import { tempDir } from '../../helpers/package-builder';
import {
  createCsr,
  DevelopmentCa,
  KeyStore,
  PassphraseProtector,
  parseTimestampResponse,
  readTimestampToken,
  signDetached,
  timestampQuery,
} from '../../../src/main/services/signing';
import { checkTimestampToken } from '../../../src/main/services/signing/cms-verify';
import { splitPemChain } from '../../../src/server/submissions/detached-verifier';
import { assign, importCase, type CaseUnderTest } from './suites/env';
import type { CertificateAnswer } from '../../../src/server/protocol';
import type { CentralConfig } from '../../../src/shared/sync/pki';
import { pkijs, x509 } from '../../../src/main/services/signing/x509';

/** Subjects of a PEM chain, leaf first. */
const x509Describe = (pem: string) => splitPemChain(pem).map((p) => {
  const c = new x509.X509Certificate(p);
  return [`CN=${c.subjectName.getField('CN')[0]}`, ...c.subjectName.getField('O').map((o) => `O=${o}`)].join(', ');
});

let central: CentralUnderTest;
let alice: Client;
let bob: Client;
let kase: CaseUnderTest;

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  bob = await central.user('bob');
  kase = await importCase(central.admin);
  await assign(central.admin, kase.caseId, 'alice');
}, 60_000);
afterAll(async () => central?.close());

const csrFor = async (subject = { name: '王法审', agency: '测试市市场监督管理局' }) => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicKey, csr: await createCsr('ecdsa-p256', privateKey, subject) };
};

describe('certificate requests', () => {
  it('issues a certificate for a CSR: CN is the account, O the agency asked for, under the central development CA', async () => {
    const { csr, publicKey } = await csrFor({ name: '别人的名字', agency: '测试市市场监督管理局' });
    const r = await alice.post('/v1/certificates', { request: csr, agency: '测试市市场监督管理局' });
    expect(r.status, r.body.toString()).toBe(201);
    const cert = r.json as CertificateAnswer;
    expect(cert).toMatchObject({ user: 'alice', status: 'active' });
    const subjects = x509Describe(cert.chainPem);
    expect(subjects[0]).toBe('CN=alice, O=测试市市场监督管理局');
    expect(subjects[1]).toMatch(/CN=Fashen 中心系统开发 CA（非正式）/);
    // The leaf certifies exactly the key the request proved possession of.
    const leaf = new x509.X509Certificate(splitPemChain(cert.chainPem)[0]!);
    expect(Buffer.from(leaf.publicKey.rawData)).toEqual(publicKey.export({ type: 'spki', format: 'der' }));
    // Asked again (an answer lost in transit): the same registration, nothing new issued.
    const again = await alice.post('/v1/certificates', { request: csr });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(cert);
  });

  it('refuses a bare public key, garbage, and a CSR whose signature does not verify (400, nothing registered)', async () => {
    const { publicKey, csr } = await csrFor();
    const bare = await alice.post('/v1/certificates', { request: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    expect(bare.status).toBe(400);
    expect(bare.json.error.message).toMatch(/证书申请无效：须为 PKCS#10/);
    const junk = await alice.post('/v1/certificates', { request: `-----BEGIN CERTIFICATE REQUEST-----\n${'A'.repeat(80)}\n-----END CERTIFICATE REQUEST-----\n` });
    expect(junk.status).toBe(400);
    expect(junk.json.error.message).toMatch(/证书申请无效/);
    // Flip one bit of the signature at the very end of the DER: the request no longer proves possession.
    const der = Buffer.from(csr.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 2] = der[der.length - 2]! ^ 0x01;
    const forged = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    const bad = await alice.post('/v1/certificates', { request: forged });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/签名校验失败|无法解析/);
    expect((await alice.post('/v1/certificates', { request: 'short' })).status).toBe(400);
  });

  it('never registers one user’s key for another: bob sending alice’s request gets 409, alice keeps it', async () => {
    const { csr } = await csrFor();
    const mine = (await alice.post('/v1/certificates', { request: csr })).json as CertificateAnswer;
    const theirs = await bob.post('/v1/certificates', { request: csr });
    expect(theirs.status).toBe(409);
    expect(theirs.json.error.message).toMatch(/已由其他用户登记/);
    expect((await bob.get(`/v1/certificates/${mine.keyId}`)).json).toMatchObject({ user: 'alice', status: 'active' });
  });

  it('needs a device token for every certificate call and for the settings', async () => {
    const { csr } = await csrFor();
    expect((await central.anon.post('/v1/certificates', { request: csr })).status).toBe(401);
    expect((await central.anon.post(`/v1/certificates/${'a'.repeat(32)}/revoke`, { reason: '测试吊销' })).status).toBe(401);
    expect((await central.anon.get('/v1/config')).status).toBe(401);
    expect((await alice.post('/v1/certificates', { request: csr }, { token: 'dev.0000.bogus' })).status).toBe(401);
  });

  it('GET /v1/config names the development TSA and the trust anchors', async () => {
    const r = await alice.get('/v1/config');
    expect(r.status).toBe(200);
    const cfg = r.json as CentralConfig;
    expect(cfg).toMatchObject({ tsaUrl: '/v1/tsa', enrolment: true });
    expect(cfg.trustAnchors).toHaveLength(1);
    expect(x509Describe(cfg.trustAnchors[0]!)[0]).toMatch(/中心系统开发 CA/);
  });
});

/** A reviewer key as the workstation makes it: local dev CA certificate + CSR kept with the key. */
async function workstationKey(): Promise<{ signer: Signer; csrPem: string; localCaPem: string }> {
  const dir = tempDir('pki-ws-');
  const ca = await DevelopmentCa.open(dir);
  const store = new KeyStore(dir);
  const protector = new PassphraseProtector('workstation pass');
  const info = await store.createKey({ protector, subject: { name: 'alice', agency: '测试市市场监督管理局' }, ca });
  const key = await store.unlock(info.keyId, protector);
  return { signer: { keyId: info.keyId, key, sign: (payload) => signDetached(payload, key) }, csrPem: info.csrPem!, localCaPem: ca.certificatePem };
}

describe('submissions and the registry', () => {
  it('accepts a submission signed before registration (local development CA chain) once the key is registered', async () => {
    const { signer, csrPem } = await workstationKey();
    expect(signer.key.chain[1]).toMatch(/BEGIN CERTIFICATE/);
    const early = await signedOpinion(signer, kase, 'alice');
    const refused = await alice.post('/v1/submissions', early);
    expect(refused.status).toBe(422);
    expect(refused.json.reason).toMatch(/签名密钥未登记/);

    expect((await alice.post('/v1/certificates', { request: csrPem })).status).toBe(201);
    // Signed offline with the local chain, sent after registration: checked against the registry.
    const later = await signedOpinion(signer, kase, 'alice');
    expect(later.signature.chain![1]).toBe(signer.key.chain[1]);
    const ok = await alice.post('/v1/submissions', later);
    expect(ok.status, ok.body.toString()).toBe(200);
    expect(ok.json.status).toBe('accepted');
    // The refused one keeps its first answer: one id, one answer.
    expect((await alice.post('/v1/submissions', early)).json).toMatchObject({ status: 'rejected', repeated: true });
  });

  it('the owner revokes a key (others cannot): later submissions signed with it are refused with the reason', async () => {
    const { signer, csrPem } = await workstationKey();
    expect((await alice.post('/v1/certificates', { request: csrPem })).status).toBe(201);
    expect((await bob.post(`/v1/certificates/${signer.keyId}/revoke`, { reason: '不是我的钥匙' })).status).toBe(403);
    expect((await alice.post(`/v1/certificates/${'0'.repeat(32)}/revoke`, { reason: '笔记本电脑遗失' })).status).toBe(404);
    expect((await alice.post(`/v1/certificates/${signer.keyId}/revoke`, { reason: '' })).status).toBe(400);
    expect((await alice.post(`/v1/certificates/not-a-key/revoke`, { reason: '笔记本电脑遗失' })).status).toBe(404);

    const r = await alice.post(`/v1/certificates/${signer.keyId}/revoke`, { reason: '笔记本电脑遗失' });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ status: 'revoked', revokeReason: '笔记本电脑遗失' });
    const again = await alice.post(`/v1/certificates/${signer.keyId}/revoke`, { reason: '另一个原因' });
    expect(again.json).toMatchObject({ status: 'revoked', revokeReason: '笔记本电脑遗失', revokedAt: r.json.revokedAt });
    // Both answers are the registry's row as it now stands.
    const registered = (await bob.get(`/v1/certificates/${signer.keyId}`)).json as CertificateAnswer;
    expect(r.json).toEqual(registered);
    expect(again.json).toEqual(registered);

    // Two revocations at once: one wins; both answer with the one reason and time that stand.
    const { csr } = await csrFor();
    const { keyId } = (await alice.post('/v1/certificates', { request: csr })).json as CertificateAnswer;
    const both = await Promise.all(['第一个原因', '第二个原因'].map((reason) => alice.post(`/v1/certificates/${keyId}/revoke`, { reason })));
    const stands = (await alice.get(`/v1/certificates/${keyId}`)).json as CertificateAnswer;
    expect(stands).toMatchObject({ status: 'revoked', revokeReason: expect.stringMatching(/^第[一二]个原因$/) });
    expect(both.map((b) => b.json)).toEqual([stands, stands]);

    const after = await alice.post('/v1/submissions', await signedOpinion(signer, kase, 'alice'));
    expect(after.status).toBe(422);
    expect(after.json.reason).toMatch(/^签名证书已吊销：笔记本电脑遗失（吊销时间 .+（北京时间））/);
  });
});

const tsaPost = (body: Uint8Array | string, type = 'application/timestamp-query') =>
  central.anon.request('POST', '/v1/tsa', { body, headers: { 'content-type': type } });

function statusOf(der: Buffer): { status: number; failBit: number | null } {
  const resp = pkijs.TimeStampResp.fromBER(new Uint8Array(der).buffer);
  const fail = resp.status.failInfo;
  let failBit: number | null = null;
  if (fail) {
    const bytes = new Uint8Array(fail.valueBlock.valueHexView);
    outer: for (let i = 0; i < bytes.length; i++) for (let b = 0; b < 8; b++) if (bytes[i]! & (0x80 >> b)) { failBit = i * 8 + b; break outer; }
  }
  return { status: resp.status.status, failBit };
}

describe('the development TSA (POST /v1/tsa)', () => {
  it('grants a token over the digest that verifies — here and with `openssl ts -verify` against the CA', async () => {
    const digest = new Uint8Array(32).fill(7);
    const { der, nonce } = timestampQuery(digest);
    const r = await tsaPost(der);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/timestamp-reply');
    const granted = await parseTimestampResponse(new Uint8Array(r.body), digest, nonce);
    expect(granted.status).toBe('granted');
    if (granted.status !== 'granted') return;
    const info = await readTimestampToken(granted.token);
    expect(info.signatureValid).toBe(true);
    const anchors = ((await alice.get('/v1/config')).json as CentralConfig).trustAnchors;
    expect(await checkTimestampToken(granted.token, digest, { trustAnchors: anchors })).toMatchObject({ status: 'valid', tsa: expect.stringContaining('时间戳服务') });
    // Not trusted by someone who trusts another CA only.
    const other = await DevelopmentCa.open(tempDir('other-ca-'));
    expect(await checkTimestampToken(granted.token, digest, { trustAnchors: [other.certificatePem] })).toMatchObject({ status: 'invalid' });

    const dir = tempDir('tsa-openssl-');
    writeFileSync(join(dir, 'resp.tsr'), r.body);
    writeFileSync(join(dir, 'ca.pem'), anchors[0]!);
    const ok = spawnSync('openssl', ['ts', '-verify', '-digest', Buffer.from(digest).toString('hex'), '-in', join(dir, 'resp.tsr'), '-CAfile', join(dir, 'ca.pem')], { encoding: 'utf8' });
    expect(`${ok.stdout}${ok.stderr}`).toMatch(/Verification: OK/);
    const wrong = spawnSync('openssl', ['ts', '-verify', '-digest', '08'.repeat(32), '-in', join(dir, 'resp.tsr'), '-CAfile', join(dir, 'ca.pem')], { encoding: 'utf8' });
    expect(`${wrong.stdout}${wrong.stderr}`).toMatch(/Verification: FAILED/);
  });

  it('answers bad requests with an RFC 3161 refusal (bad data format, bad algorithm) and other media types with 415', async () => {
    const junk = await tsaPost('not a timestamp request');
    expect(junk.status).toBe(200);
    expect(statusOf(junk.body)).toEqual({ status: 2, failBit: 5 });
    // SHA-1 imprint: refused as badAlg.
    const req = new pkijs.TimeStampReq({
      version: 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.3.14.3.2.26', algorithmParams: new asn1js.Null() }),
        hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(20).buffer }),
      }),
      certReq: true,
    });
    const sha1 = await tsaPost(new Uint8Array(req.toSchema().toBER(false)));
    expect(statusOf(sha1.body)).toEqual({ status: 2, failBit: 0 });
    expect((await tsaPost('{}', 'application/json')).status).toBe(415);
    expect((await tsaPost(new Uint8Array(20_000))).status).toBe(413);
  });

  it('is not offered (404, config says null) when the server runs without one', async () => {
    const bare = await startCentral({ tsa: false });
    try {
      const c = await bare.user('carol');
      expect(((await c.get('/v1/config')).json as CentralConfig).tsaUrl).toBeNull();
      expect((await bare.anon.request('POST', '/v1/tsa', { body: timestampQuery(new Uint8Array(32)).der, headers: { 'content-type': 'application/timestamp-query' } })).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
