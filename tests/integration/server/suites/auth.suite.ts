// Login, device tokens, roles, and the rule that a reviewer sees only cases assigned to them.
import { describe, expect, it } from 'vitest';
import { signedOpinion, enrol } from '../../../helpers/server-fixtures';
import { assign, importCase, readFeed, uniqueName, type Env } from './env';

export function authSuite(env: Env): void {
  describe('accounts and login', () => {
    it('logs in with a password and returns a device token that works until logout', async () => {
      const name = uniqueName('reviewer');
      const client = await env.c.user(name);
      const me = await client.get('/v1/me');
      expect(me.status).toBe(200);
      expect(me.json.user).toEqual({ name, role: 'reviewer' });
      expect((await client.post('/v1/logout')).status).toBe(200);
      expect((await client.get('/v1/me')).status).toBe(401);
    });

    it('refuses a wrong password and an unknown user with the same answer', async () => {
      const name = uniqueName('reviewer');
      await env.c.user(name);
      const wrong = await env.c.anon.post('/v1/login', { user: name, password: 'not-the-password', device: 'x' });
      const unknown = await env.c.anon.post('/v1/login', { user: 'nobody-here', password: 'whatever-pw', device: 'x' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.json).toEqual(unknown.json);
    });

    it('gives every login its own device; revoking one leaves the other', async () => {
      const name = uniqueName('reviewer');
      const first = await env.c.user(name);
      const second = await env.c.login(name, `${name}-password`);
      const me = (await first.get('/v1/me')).json as { deviceId: string };
      expect((await env.c.admin.post(`/v1/admin/devices/${me.deviceId}/revoke`)).status).toBe(200);
      expect((await first.get('/v1/me')).status).toBe(401);
      expect((await second.get('/v1/me')).status).toBe(200);
    });

    it('keeps the admin API for admins', async () => {
      const reviewer = await env.c.user(uniqueName('reviewer'));
      for (const [method, path] of [
        ['GET', '/v1/admin/cases'],
        ['GET', '/v1/admin/submissions'],
        ['POST', '/v1/admin/users'],
      ] as const) {
        const r = await reviewer.request(method, path, method === 'POST' ? { json: { name: 'x', role: 'admin', password: 'password1' } } : {});
        expect(r.status, path).toBe(403);
      }
      expect((await env.c.admin.get('/v1/admin/users')).json).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'admin', role: 'admin' })]));
    });

    it('refuses a duplicate user and a short password', async () => {
      const name = uniqueName('reviewer');
      await env.c.user(name);
      expect((await env.c.admin.post('/v1/admin/users', { name, role: 'reviewer', password: 'password1' })).status).toBe(409);
      expect((await env.c.admin.post('/v1/admin/users', { name: uniqueName('x'), role: 'reviewer', password: 'short' })).status).toBe(400);
    });
  });

  describe('two reviewers', () => {
    it('each sees only the cases assigned to them: feed, blobs, submissions', async () => {
      const [aName, bName] = [uniqueName('alice'), uniqueName('bob')];
      const alice = await env.c.user(aName);
      const bob = await env.c.user(bName);
      const caseA = await importCase(env.c.admin);
      const caseB = await importCase(env.c.admin);
      await assign(env.c.admin, caseA.caseId, aName);
      await assign(env.c.admin, caseB.caseId, bName);

      const aliceCases = new Set((await readFeed(alice)).map((e) => e.caseId));
      const bobCases = new Set((await readFeed(bob)).map((e) => e.caseId));
      expect([...aliceCases]).toEqual([caseA.caseId]);
      expect([...bobCases]).toEqual([caseB.caseId]);

      const blobOfB = caseB.pkg.manifest.documents[0]!.file.sha256;
      expect((await bob.get(`/v1/blobs/${blobOfB}`)).status).toBe(200);
      expect((await alice.get(`/v1/blobs/${blobOfB}`)).status).toBe(404);

      const aliceKey = await enrol(alice, aName);
      const sub = await signedOpinion(aliceKey, caseB, aName);
      expect((await alice.post('/v1/submissions', sub)).status).toBe(404);
      const listed = (await env.c.admin.get('/v1/admin/submissions')).json as { id: string }[];
      expect(listed.map((s) => s.id)).not.toContain(sub.id);
    });
  });
}
