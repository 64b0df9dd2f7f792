// Refusals: no token, another reviewer's token, forged signature, body hash mismatch, oversized
// bodies, path tricks in blob ids — each with the right status, and nothing stored.
import { createHash, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrol, signedOpinion, type Signer } from '../../../helpers/server-fixtures';
import type { Client } from '../../../helpers/server';
import type { SubmissionSummary } from '../../../../src/server/protocol';
import { assign, importCase, uniqueName, type CaseUnderTest, type Env } from './env';

/** A request with the path exactly as given (fetch would normalise "..") */
function rawGet(base: string, path: string, token: string | null): Promise<number> {
  const u = new URL(base);
  return new Promise((res, rej) => {
    const req = request({ host: u.hostname, port: u.port, method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', rej);
    req.end();
  });
}

export function securitySuite(env: Env): void {
  describe('security', () => {
    let name: string;
    let reviewer: Client;
    let intruder: Client;
    let signer: Signer;
    let kase: CaseUnderTest;
    let sha: string;
    const stored = async (id: string) => ((await env.c.admin.get('/v1/admin/submissions')).json as SubmissionSummary[]).find((s) => s.id === id);

    beforeAll(async () => {
      name = uniqueName('reviewer');
      reviewer = await env.c.user(name);
      intruder = await env.c.user(uniqueName('intruder'));
      signer = await enrol(reviewer, name);
      kase = await importCase(env.c.admin);
      await assign(env.c.admin, kase.caseId, name);
      sha = kase.pkg.manifest.documents[0]!.file.sha256;
    });

    it('refuses every non-public call without a valid token (401)', async () => {
      const sub = await signedOpinion(signer, kase, name);
      for (const token of [null, 'garbage', `${randomUUID()}.${'A'.repeat(43)}`]) {
        expect((await env.c.anon.get('/v1/feed', { token })).status).toBe(401);
        expect((await env.c.anon.get(`/v1/blobs/${sha}`, { token })).status).toBe(401);
        expect((await env.c.anon.post('/v1/submissions', sub, { token })).status).toBe(401);
        expect((await env.c.anon.get('/v1/admin/cases', { token })).status).toBe(401);
        expect((await env.c.anon.post('/v1/certificates', { request: 'x'.repeat(50) }, { token })).status).toBe(401);
      }
      // A token with a valid device id but the wrong secret.
      const deviceId = reviewer.token!.split('.')[0]!;
      expect((await env.c.anon.get('/v1/feed', { token: `${deviceId}.${'B'.repeat(43)}` })).status).toBe(401);
      expect(await stored(sub.id)).toBeUndefined();
    });

    it('shows another reviewer nothing of the case: feed, blobs (404), submissions (404, not stored)', async () => {
      const feed = (await intruder.get('/v1/feed')).json as { entries: { caseId: string }[] };
      expect(feed.entries.map((e) => e.caseId)).not.toContain(kase.caseId);
      expect((await intruder.get(`/v1/blobs/${sha}`)).status).toBe(404);
      expect((await intruder.request('HEAD', `/v1/blobs/${sha}`)).status).toBe(404);
      const intruderKey = await enrol(intruder, 'intruder');
      const sub = await signedOpinion(intruderKey, kase, 'intruder');
      expect((await intruder.post('/v1/submissions', sub)).status).toBe(404);
      // …even with the reviewer's own signed submission replayed by the intruder.
      const replay = await signedOpinion(signer, kase, name);
      expect((await intruder.post('/v1/submissions', replay)).status).toBe(404);
      expect(await stored(sub.id)).toBeUndefined();
      expect(await stored(replay.id)).toBeUndefined();
    });

    it('rejects a forged signature (422) and keeps no accepted copy', async () => {
      const sub = await signedOpinion(signer, kase, name);
      const forged = { ...sub, signature: { ...sub.signature, signature: Buffer.alloc(64, 7).toString('base64') } };
      const r = await reviewer.post('/v1/submissions', forged);
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/签名值验证失败/) });
      expect(await stored(sub.id)).toMatchObject({ status: 'rejected' });
      // The genuine submission under the same id is a different body: 409, never accepted.
      expect((await reviewer.post('/v1/submissions', sub)).status).toBe(409);
    });

    it('refuses a body whose hash does not match its header (400), storing nothing', async () => {
      const sub = await signedOpinion(signer, kase, name);
      const body = JSON.stringify(sub);
      const wrong = createHash('sha256').update(body + ' ').digest();
      const variants: Record<string, string>[] = [{ 'x-body-sha256': wrong.toString('hex') }, { 'content-digest': `sha-256=:${wrong.toString('base64')}:` }];
      for (const headers of variants) {
        const r = await reviewer.request('POST', '/v1/submissions', { body, headers: { 'content-type': 'application/json', ...headers } });
        expect(r.status).toBe(400);
        expect(r.json.error.code).toBe('digest_mismatch');
      }
      expect(await stored(sub.id)).toBeUndefined();
      const right = createHash('sha256').update(body).digest();
      const ok = await reviewer.request('POST', '/v1/submissions', { body, headers: { 'content-type': 'application/json', 'content-digest': `sha-256=:${right.toString('base64')}:` } });
      expect(ok.status).toBe(200);
    });

    it('refuses oversized bodies (413), storing nothing', async () => {
      const sub = await signedOpinion(signer, kase, name);
      const big = { ...sub, payload: { ...sub.payload, attachments: ['x'.repeat(300 * 1024)] } };
      const r = await reviewer.post('/v1/submissions', big);
      expect(r.status).toBe(413);
      expect(await stored(sub.id)).toBeUndefined();
      const before = ((await env.c.admin.get('/v1/admin/cases')).json as unknown[]).length;
      const zip = await env.c.admin.request('POST', '/v1/admin/packages', { body: Buffer.alloc(9 * 1024 * 1024), headers: { 'content-type': 'application/zip' } });
      expect(zip.status).toBe(413);
      expect(((await env.c.admin.get('/v1/admin/cases')).json as unknown[]).length).toBe(before);
    });

    it.each([
      '/v1/blobs/../../etc/passwd',
      '/v1/blobs/..%2F..%2Fetc%2Fpasswd',
      '/v1/blobs/%2e%2e%2f%2e%2e%2fcentral.lock',
      '/v1/blobs/{SHA}/..',
      '/v1/blobs/{SHA}%00',
      '/v1/blobs/{SHA_UPPER}',
      '/v1/blobs/{SHA_SHORT}',
      '/v1/blobs/ab/{SHA_REST}',
    ])('refuses the blob path %s with 400', async (template) => {
      const path = template.replace('{SHA}', sha).replace('{SHA_UPPER}', sha.toUpperCase()).replace('{SHA_SHORT}', sha.slice(0, 63)).replace('{SHA_REST}', sha.slice(2));
      expect(await rawGet(env.c.url, path, reviewer.token)).toBe(400);
    });

    it('serves update files only from the updates folder', async () => {
      for (const path of ['/updates/../central.lock', '/updates/..%2Fcentral.lock', '/updates/.hidden']) expect([400, 404]).toContain(await rawGet(env.c.url, path, null));
    });
  });
}
