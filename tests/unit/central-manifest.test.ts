// bundle.json of a central case bundle, checked against the bundle key a workstation was told:
// verified only with that key and unchanged bytes (fields the workstation does not know included);
// another key or no key: unverified (taken as any stick's); a changed or malformed file: refused.
import { describe, expect, it } from 'vitest';
import { BundleSigner } from '../../src/server/bundle-signer';
import { checkCaseBundleManifest, workstationReviewer } from '../../src/main/services/sync/central-manifest';

const server = BundleSigner.open(null);
const other = BundleSigner.open(null);
const now = new Date('2026-12-03T08:00:00Z');
const body = {
  format: 'fashen-case-bundle',
  version: 1,
  createdAt: now.toISOString(),
  reviewer: 'alice',
  cases: [{ id: 'c1', revision: 2, revisionHash: 'a'.repeat(64) }],
  answers: [{ id: '8c7d1a52-1d1b-4a43-9a63-1f0b2b7c1e11', status: 'accepted', caseId: 'c1', caseRevisionHash: 'a'.repeat(64), receivedAt: now.toISOString() }],
  calendar: { sha256: 'b'.repeat(64) },
};
const signed = async (b: object, by = server) => JSON.stringify({ ...b, signature: await by.sign(b, now) });

describe('checkCaseBundleManifest', () => {
  it('verifies a manifest signed with the key the workstation was told, extra fields and all', async () => {
    const r = checkCaseBundleManifest(await signed({ ...body, note: 'a field this version does not know' }), server.info);
    expect(r).toMatchObject({ kind: 'verified', manifest: { reviewer: 'alice', cases: [{ id: 'c1', revision: 2 }], answers: [{ status: 'accepted' }] } });
  });

  it('cannot check without the key, or with another key: unverified, with the reason', async () => {
    expect(checkCaseBundleManifest(await signed(body), null)).toMatchObject({ kind: 'unverified', note: expect.stringContaining('尚未与中心系统联网同步过') });
    expect(checkCaseBundleManifest(await signed(body, other), server.info)).toMatchObject({ kind: 'unverified', note: expect.stringContaining('不是本机上次同步时中心系统告知的') });
  });

  it('refuses a manifest changed after signing, one claiming the right key with another’s signature, and malformed ones', async () => {
    const text = JSON.parse(await signed(body));
    text.cases[0].revision = 3;
    expect(checkCaseBundleManifest(JSON.stringify(text), server.info)).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('签名无效') });
    const borrowed = JSON.parse(await signed(body, other));
    borrowed.signature.keyId = server.info.keyId;
    expect(checkCaseBundleManifest(JSON.stringify(borrowed), server.info)).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('签名无效') });
    expect(checkCaseBundleManifest('{', server.info)).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('不是有效的 JSON') });
    expect(checkCaseBundleManifest(JSON.stringify({ ...body, format: 'x' }), server.info)).toMatchObject({ kind: 'invalid', problem: expect.stringContaining('格式不正确') });
  });

  it('refuses a bundle made for another reviewer than the one logged in here, signed or not', async () => {
    const text = await signed(body);
    expect(checkCaseBundleManifest(text, server.info, { user: 'alice', from: 'login' })).toEqual({ kind: 'verified', manifest: expect.objectContaining({ reviewer: 'alice' }) });
    for (const signer of [server.info, null])
      expect(checkCaseBundleManifest(text, signer, { user: 'bob', from: 'login' })).toEqual({ kind: 'invalid', problem: expect.stringMatching(/为审核员 alice 制作的，本机登录的是 bob.*未导入任何内容/) });
  });

  it('logged out, refuses a bundle for another reviewer than the one who logged in last, or whose key this workstation registered', async () => {
    const text = await signed(body);
    for (const signer of [server.info, null]) {
      expect(checkCaseBundleManifest(text, signer, { user: 'bob', from: 'last-login' })).toEqual({ kind: 'invalid', problem: expect.stringMatching(/为审核员 alice 制作的，本机属于审核员 bob（上次登录的账号，现已退出登录）.*未导入任何内容/) });
      expect(checkCaseBundleManifest(text, signer, { user: 'bob', from: 'key' })).toEqual({ kind: 'invalid', problem: expect.stringMatching(/为审核员 alice 制作的，本机属于审核员 bob（本机签名密钥登记在其名下，现已退出登录）.*未导入任何内容/) });
    }
    expect(checkCaseBundleManifest(text, server.info, { user: 'alice', from: 'key' })).toEqual({ kind: 'verified', manifest: expect.objectContaining({ reviewer: 'alice' }) });
  });

  it('whose the workstation is not known (never logged in, no registered key): taken, with a warning saying for whom it was made', async () => {
    const text = await signed(body);
    expect(checkCaseBundleManifest(text, server.info, null)).toEqual({ kind: 'verified', manifest: expect.objectContaining({ reviewer: 'alice' }), warning: expect.stringMatching(/无法确认此交换包是否为本机制作：它是为审核员 alice 制作的/) });
    expect(checkCaseBundleManifest(text, null, null)).toMatchObject({ kind: 'unverified', note: expect.stringMatching(/尚未与中心系统联网同步过[\s\S]*为审核员 alice 制作的/) });
  });
});

describe('workstationReviewer: whose this workstation is', () => {
  const key = (status: 'active' | 'retired' | 'revoked', user: string | undefined, enrolledAt: string) => ({ status, algorithm: 'ecdsa-p256' as const, ...(user ? { central: { user, enrolledAt } } : {}) });

  it('the reviewer logged in; logged out, the one who logged out last, else the one the signing key was registered for, else the latest registration; else nobody', () => {
    expect(workstationReviewer({ now: 'carol', last: 'dave' }, [key('active', 'bob', '2026-01-01')])).toEqual({ user: 'carol', from: 'login' });
    expect(workstationReviewer({ last: 'dave' }, [key('active', 'bob', '2026-01-01')])).toEqual({ user: 'dave', from: 'last-login' });
    expect(workstationReviewer({ last: null }, [key('retired', 'carol', '2026-06-01'), key('active', 'bob', '2026-01-01')])).toEqual({ user: 'bob', from: 'key' });
    expect(workstationReviewer({}, [key('active', undefined, '2026-07-01'), key('retired', 'bob', '2026-01-01'), key('revoked', 'carol', '2026-06-01')])).toEqual({ user: 'carol', from: 'key' });
    expect(workstationReviewer({}, [key('active', undefined, '2026-07-01')])).toBeNull();
    expect(workstationReviewer({}, [])).toBeNull();
  });
});
