// The change feed: ordered entries for the caller's cases, each with the package and blob list;
// the `after` cursor and paging; reassignment tells the old reviewer the case is gone.
import { describe, expect, it } from 'vitest';
import { upload } from '../../../helpers/server-fixtures';
import type { FeedPage } from '../../../../src/server/protocol';
import { canonicalJson } from '../../../../src/shared/canonical';
import { FeedPageAnswer } from '../../../../src/shared/sync/answers';
import { assign, importCase, readFeed, uniqueName, type Env } from './env';

export function feedSuite(env: Env): void {
  describe('change feed', () => {
    it('gives assigned cases with their package and blobs, in seq order, after a cursor', async () => {
      const name = uniqueName('reviewer');
      const reviewer = await env.c.user(name);
      expect(await readFeed(reviewer)).toEqual([]);

      const cases = [await importCase(env.c.admin), await importCase(env.c.admin), await importCase(env.c.admin)];
      for (const c of cases) await assign(env.c.admin, c.caseId, name);
      const first = await readFeed(reviewer);
      expect(first.map((e) => [e.kind, e.caseId])).toEqual(cases.map((c) => ['assigned', c.caseId]));
      const seqs = first.map((e) => e.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      const e0 = first[0]!;
      expect(e0.case).toMatchObject({ caseNumber: cases[0]!.caseNumber, revisionHash: cases[0]!.revisionHash, current: true });
      expect(e0.case!.package).toEqual(JSON.parse(JSON.stringify(cases[0]!.pkg.manifest)));
      const files = [...cases[0]!.pkg.manifest.documents, ...cases[0]!.pkg.manifest.evidence].map((x) => x.file);
      expect(e0.case!.blobs).toEqual(expect.arrayContaining(files.map((f) => ({ sha256: f.sha256, size: f.size, mime: f.mime }))));

      // Paging: limit 1 walks the same entries with `more` until the end.
      const p1 = (await reviewer.get('/v1/feed?after=0&limit=1')).json as FeedPage;
      expect(p1).toMatchObject({ more: true, next: seqs[0] });
      expect((await readFeed(reviewer, 0, 1)).map((e) => e.seq)).toEqual(seqs);

      // A new revision of one case comes after the cursor, and only it.
      const cursor = seqs.at(-1)!;
      const c = cases[1]!;
      c.pkg.manifest.case.revision = 2;
      c.pkg.manifest.case.facts += '（更正）';
      c.pkg.write();
      expect((await upload(env.c.admin, c.pkg)).status).toBe(201);
      const later = await readFeed(reviewer, cursor);
      expect(later).toEqual([expect.objectContaining({ kind: 'revision', caseId: c.caseId, revision: 2 })]);
      expect(later[0]!.case!.current).toBe(true);
      // The first revision's entry is still there for a client starting over, no longer current.
      const again = await readFeed(reviewer);
      expect(again.find((e) => e.caseId === c.caseId && e.revision === 1)!.case!.current).toBe(false);
      // Nothing new: an empty page that keeps the cursor.
      const none = (await reviewer.get(`/v1/feed?after=${later[0]!.seq}`)).json as FeedPage;
      expect(none).toEqual({ entries: [], next: later[0]!.seq, more: false });
    });

    it('tells the previous reviewer when a case is reassigned, without its contents', async () => {
      const [aName, bName] = [uniqueName('reviewer'), uniqueName('reviewer')];
      const a = await env.c.user(aName);
      const b = await env.c.user(bName);
      const c = await importCase(env.c.admin);
      await assign(env.c.admin, c.caseId, aName);
      const cursor = (await readFeed(a)).at(-1)!.seq;
      await assign(env.c.admin, c.caseId, bName);
      const gone = await readFeed(a, cursor);
      expect(gone).toEqual([expect.objectContaining({ kind: 'unassigned', caseId: c.caseId, case: null })]);
      expect((await readFeed(b)).map((e) => [e.kind, e.caseId])).toEqual([['assigned', c.caseId]]);
      // Assigning to the same reviewer again changes nothing.
      const r = await env.c.admin.post(`/v1/admin/cases/${c.caseId}/assign`, { user: bName });
      expect(r.json).toMatchObject({ changed: false });
      expect(await readFeed(b)).toHaveLength(1);
    });

    it('refuses assignment to an unknown user or an admin, and of an unknown case', async () => {
      const c = await importCase(env.c.admin);
      expect((await env.c.admin.post(`/v1/admin/cases/${c.caseId}/assign`, { user: 'no-such-user' })).status).toBe(400);
      expect((await env.c.admin.post(`/v1/admin/cases/${c.caseId}/assign`, { user: 'admin' })).status).toBe(400);
      const name = uniqueName('reviewer');
      await env.c.user(name);
      expect((await env.c.admin.post('/v1/admin/cases/no-such-case-id/assign', { user: name })).status).toBe(404);
    });

    it('sends each stored case.json as it is, in a page the workstation’s schema reads', async () => {
      const name = uniqueName('reviewer');
      const reviewer = await env.c.user(name);
      const cases = [await importCase(env.c.admin), await importCase(env.c.admin)];
      for (const c of cases) await assign(env.c.admin, c.caseId, name);
      const r = await reviewer.get('/v1/feed?after=0&limit=1000');
      expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const text = r.body.toString('utf8');
      // The canonical text the revision hash covers, byte for byte, inside valid JSON.
      for (const c of cases) expect(text).toContain(`"package":${canonicalJson(c.pkg.manifest)},"blobs":`);
      const parsed = FeedPageAnswer.safeParse(JSON.parse(text));
      expect(parsed.success).toBe(true);
      expect(JSON.stringify(parsed.data)).toBe(text);
      expect(parsed.data!.entries.map((e) => e.case!.package)).toEqual(cases.map((c) => JSON.parse(JSON.stringify(c.pkg.manifest))));
    });

    it('refuses a malformed cursor', async () => {
      expect((await env.c.admin.get('/v1/feed?after=-1')).status).toBe(400);
      expect((await env.c.admin.get('/v1/feed?after=abc')).status).toBe(400);
      expect((await env.c.admin.get('/v1/feed?limit=100000')).status).toBe(400);
    });
  });
}
