// Submissions: accepted once, repeats answered with the first answer, a reused id with another
// body refused, bad signatures rejected with a reason, outdated revisions answered stale.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { enrol, signedOpinion, upload, type Signer } from '../../../helpers/server-fixtures';
import { hostKey, minutesFor, minutesPayload, minutesRequest } from '../../../helpers/minutes-fixture';
import { canonicalJson } from '../../../../src/shared/canonical';
import type { Client } from '../../../helpers/server';
import type { CertificateAnswer, IntakeAnswer, SubmissionSummary } from '../../../../src/server/protocol';
import { and, desc, eq } from 'drizzle-orm';
import { cases, feed, users } from '../../../../src/server/db/schema';
import { assign, importCase, uniqueName, type CaseUnderTest, type Env } from './env';

export function submissionSuite(env: Env): void {
  describe('submissions', () => {
    let name: string;
    let reviewer: Client;
    let signer: Signer;
    let kase: CaseUnderTest;
    const listed = async (id: string) => ((await env.c.admin.get('/v1/admin/submissions')).json as SubmissionSummary[]).find((s) => s.id === id);

    beforeAll(async () => {
      name = uniqueName('reviewer');
      reviewer = await env.c.user(name);
      signer = await enrol(reviewer, name);
      kase = await importCase(env.c.admin);
      await assign(env.c.admin, kase.caseId, name);
    });

    it('registers the reviewer key with a dev-CA certificate', async () => {
      const r = await reviewer.get(`/v1/certificates/${signer.keyId}`);
      expect(r.status).toBe(200);
      const cert = r.json as CertificateAnswer;
      expect(cert).toMatchObject({ keyId: signer.keyId, user: name, status: 'active', revokedAt: null });
      expect(cert.chainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    });

    it('refuses a certificate request that holds no public key, and answers 404 for an unknown key id', async () => {
      const r = await reviewer.post('/v1/certificates', { request: '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n' });
      expect(r.status).toBe(400);
      expect(r.json.error.message).toMatch(/证书申请无效/);
      expect((await reviewer.get(`/v1/certificates/${'0'.repeat(32)}`)).status).toBe(404);
    });

    it('accepts signed meeting minutes bound to the case revision, checking the host countersignature', async () => {
      const host = await hostKey('张局长');
      const sub = await minutesRequest(signer, await minutesPayload(minutesFor(kase, '张局长', name), host));
      const r = await reviewer.post('/v1/submissions', sub);
      expect(r.status, r.body.toString()).toBe(200);
      expect(r.json.status).toBe('accepted');
      expect(await listed(sub.id)).toMatchObject({ kind: 'minutes', status: 'accepted' });
      // Not minutes at all; minutes changed after the host signed; the host's signature by someone else.
      const bare = { schema: 'fashen.minutes/1', case: { id: kase.caseId, revisionHash: kase.revisionHash }, conclusion: '同意' };
      const r1 = await reviewer.post('/v1/submissions', { id: crypto.randomUUID(), kind: 'minutes', caseId: kase.caseId, caseRevisionHash: kase.revisionHash, payload: bare, signature: await signer.sign(bare) });
      expect(r1.status).toBe(422);
      expect(r1.json.reason).toMatch(/^集体讨论记录不符合格式/);
      const changed = await minutesPayload(minutesFor(kase, '张局长', name), host);
      changed.minutes.conclusion.text = '不予处罚。';
      changed.minutesHash = createHash('sha256').update(canonicalJson(changed.minutes)).digest('hex');
      const r2 = await reviewer.post('/v1/submissions', await minutesRequest(signer, changed));
      expect(r2.json).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^主持人签名无效：/) });
      const impostor = await minutesRequest(signer, await minutesPayload(minutesFor(kase, '张局长', name), await hostKey('李副局长')));
      expect((await reviewer.post('/v1/submissions', impostor)).json).toMatchObject({ status: 'rejected', reason: '主持人签名证书的持有人（李副局长）与记录所载主持人（张局长）不符' });
    });

    it('accepts a signed opinion once and answers a repeat with the first answer', async () => {
      const sub = await signedOpinion(signer, kase, name);
      const first = await reviewer.post('/v1/submissions', sub);
      expect(first.status, first.body.toString()).toBe(200);
      expect(first.json).toMatchObject({ id: sub.id, status: 'accepted', caseId: kase.caseId, caseRevisionHash: kase.revisionHash });
      expect(first.json.repeated).toBeUndefined();
      const again = await reviewer.post('/v1/submissions', sub);
      expect(again.status).toBe(200);
      expect(again.json).toEqual({ ...first.json, repeated: true });
      expect(await listed(sub.id)).toMatchObject({ status: 'accepted', user: name, kind: 'opinion' });
    });

    it('answers concurrent copies of one submission with one acceptance', async () => {
      const sub = await signedOpinion(signer, kase, name);
      const answers = await Promise.all(Array.from({ length: 5 }, () => reviewer.post('/v1/submissions', sub)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      expect(answers.filter((a) => a.json.repeated !== true)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.json.receivedAt)).size).toBe(1);
    });

    it('refuses a reused id with another body (409) and keeps the first', async () => {
      const sub = await signedOpinion(signer, kase, name);
      expect((await reviewer.post('/v1/submissions', sub)).status).toBe(200);
      const other = await signedOpinion(signer, kase, name, sub.id);
      const r = await reviewer.post('/v1/submissions', other);
      expect(r.status).toBe(409);
      expect(r.json.error.message).toMatch(/提交编号已用于内容不同/);
      expect(await listed(sub.id)).toMatchObject({ status: 'accepted' });
    });

    it('rejects a signature that does not match the content with the reason (422), and repeats that answer', async () => {
      const sub = await signedOpinion(signer, kase, name);
      (sub.payload as { conclusion: { text: string } }).conclusion.text = '签名后改动的意见';
      const r = await reviewer.post('/v1/submissions', sub);
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({ id: sub.id, status: 'rejected', reason: expect.stringMatching(/内容与签名不符/) });
      const again = await reviewer.post('/v1/submissions', sub);
      expect(again.status).toBe(422);
      expect(again.json).toEqual({ ...r.json, repeated: true });
    });

    it('rejects a signature made with another reviewer’s key, and with a revoked key', async () => {
      const otherName = uniqueName('reviewer');
      const other = await env.c.user(otherName);
      const otherKey = await enrol(other, otherName);
      const withOthers = await signedOpinion(otherKey, kase, name);
      const r = await reviewer.post('/v1/submissions', withOthers);
      expect(r.status).toBe(422);
      expect(r.json.reason).toMatch(/不属于提交人/);

      const spare = await enrol(reviewer, name);
      expect((await env.c.admin.post(`/v1/admin/certificates/${spare.keyId}/revoke`, { reason: '笔记本电脑遗失' })).status).toBe(200);
      expect((await reviewer.get(`/v1/certificates/${spare.keyId}`)).json).toMatchObject({ status: 'revoked', revokeReason: '笔记本电脑遗失' });
      const revoked = await reviewer.post('/v1/submissions', await signedOpinion(spare, kase, name));
      expect(revoked.status).toBe(422);
      expect(revoked.json.reason).toMatch(/已吊销：笔记本电脑遗失/);
    });

    it('rejects a payload bound to another case or revision than the envelope says', async () => {
      const sub = await signedOpinion(signer, kase, name);
      const r = await reviewer.post('/v1/submissions', { ...sub, caseRevisionHash: 'f'.repeat(64) });
      expect(r.status).toBe(422);
      expect(r.json.reason).toMatch(/案件或修订与提交信息不一致/);
    });

    it('answers a submission for an outdated revision as stale, with the current revision', async () => {
      const name2 = uniqueName('reviewer');
      const r2 = await env.c.user(name2);
      const key2 = await enrol(r2, name2);
      const c = await importCase(env.c.admin);
      await assign(env.c.admin, c.caseId, name2);
      const sub = await signedOpinion(key2, c, name2); // signed offline, against revision 1
      c.pkg.manifest.case.revision = 2;
      c.pkg.manifest.case.facts += '（承办机构补正）';
      c.pkg.write();
      const rev2 = (await upload(env.c.admin, c.pkg)).json as IntakeAnswer;
      const r = await r2.post('/v1/submissions', sub);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ status: 'stale', currentRevision: 2, currentRevisionHash: rev2.revisionHash, reason: expect.stringMatching(/修订 2/) });
      // The admin's list names the case by its 案号 and the revision the submission was made on (1, not the current 2).
      expect(await listed(sub.id)).toMatchObject({ status: 'stale', reason: expect.stringMatching(/修订 2/), caseNumber: c.caseNumber, revision: 1 });
      expect((await r2.post('/v1/submissions', sub)).json).toEqual({ ...r.json, repeated: true });
    });

    it('refuses to reassign a case with an accepted opinion unless the admin confirms (force), naming the 文号 and reviewer', async () => {
      const c = await importCase(env.c.admin);
      await assign(env.c.admin, c.caseId, name);
      const first = await signedOpinion(signer, c, name);
      expect((await reviewer.post('/v1/submissions', first)).json.status).toBe('accepted');
      const number = (first.payload as { documentNumber: string }).documentNumber;
      const next = uniqueName('reviewer');
      const other = await env.c.user(next);
      const otherKey = await enrol(other, next);

      const refused = await env.c.admin.post(`/v1/admin/cases/${c.caseId}/assign`, { user: next });
      expect(refused.status).toBe(409);
      expect(refused.json.error.message).toContain(`审核员 ${name} 的审核意见书（${number}）被中心系统接收`);
      expect(refused.json.error.message).toContain(c.caseNumber);
      // Nothing moved: the case is still the first reviewer's, and her feed says nothing.
      const listedCase = ((await env.c.admin.get('/v1/admin/cases')).json as { id: string; assignedTo: string }[]).find((k) => k.id === c.caseId);
      expect(listedCase?.assignedTo).toBe(name);

      const forced = await env.c.admin.post(`/v1/admin/cases/${c.caseId}/assign`, { user: next, force: true });
      expect(forced.status).toBe(200);
      expect(forced.json).toMatchObject({ changed: true, forced: true, acceptedOpinions: [expect.stringContaining(number)] });
      const [entry] = await env.c.database.db.select({ forced: feed.forced }).from(feed).where(and(eq(feed.caseId, c.caseId), eq(feed.kind, 'assigned'))).orderBy(desc(feed.seq)).limit(1);
      expect(entry?.forced).toBe(true);
      // Confirmed by the admin: the new reviewer's opinion is accepted (a second one, knowingly).
      expect((await other.post('/v1/submissions', await signedOpinion(otherKey, c, next))).json.status).toBe('accepted');
    });

    it('rejects a second reviewer’s opinion on a revision with an accepted one when the reassignment was not confirmed', async () => {
      const c = await importCase(env.c.admin);
      await assign(env.c.admin, c.caseId, name);
      const next = uniqueName('reviewer');
      const other = await env.c.user(next);
      const otherKey = await enrol(other, next);
      await assign(env.c.admin, c.caseId, next); // no opinion accepted yet: no confirmation asked
      // A race the assign check cannot see: the first reviewer's opinion accepted as the reassignment
      // was being made (her submission read the case before the reassignment committed).
      const db = env.c.database.db;
      const userId = async (n: string) => (await db.select({ id: users.id }).from(users).where(eq(users.name, n)))[0]!.id;
      const assignedTo = async (n: string) => db.update(cases).set({ assignedTo: await userId(n) }).where(eq(cases.id, c.caseId));
      await assignedTo(name);
      const first = await signedOpinion(signer, c, name);
      expect((await reviewer.post('/v1/submissions', first)).json.status).toBe('accepted');
      await assignedTo(next);
      const second = await other.post('/v1/submissions', await signedOpinion(otherKey, c, next));
      expect(second.status).toBe(422);
      expect(second.json.reason).toContain(`审核员 ${name} 的审核意见书（${(first.payload as { documentNumber: string }).documentNumber}）被接收`);
    });
  });
}
