// Package intake: new case, same revision (no-op), new revision, conflicting revision (409), and
// bad packages refused with their reasons and nothing stored.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { revisionHashOf } from '../../../../src/main/services/importer';
import { buildPackage, tempDir } from '../../../helpers/package-builder';
import { upload, zipPackage } from '../../../helpers/server-fixtures';
import type { CaseSummary, FeedPage, IntakeAnswer } from '../../../../src/server/protocol';
import { importCase, type Env } from './env';

function countFiles(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const p = join(dir, name);
    return n + (statSync(p).isDirectory() ? countFiles(p) : 1);
  }, 0);
}

export function intakeSuite(env: Env): void {
  const feedHead = async () => {
    const r = await env.c.admin.get('/v1/feed?after=0&limit=1000');
    return (r.json as FeedPage).entries.at(-1)?.seq ?? 0;
  };
  const state = async () => ({
    cases: ((await env.c.admin.get('/v1/admin/cases')).json as CaseSummary[]).length,
    feed: await feedHead(),
    blobFiles: countFiles(env.c.blobDir),
  });

  describe('package intake', () => {
    it('imports a new case with the revision hash the workstation computes', async () => {
      const c = await importCase(env.c.admin);
      expect(c.intake).toMatchObject({ action: 'imported', revision: 1, blobs: 2, revisionHash: revisionHashOf(c.pkg.manifest) });
      const listed = (await env.c.admin.get('/v1/admin/cases')).json as CaseSummary[];
      expect(listed.find((x) => x.id === c.caseId)).toMatchObject({ revision: 1, revisionHash: c.revisionHash, assignedTo: null });
    });

    it('answers the same package again as unchanged, writing nothing', async () => {
      const c = await importCase(env.c.admin);
      const before = await state();
      const again = await upload(env.c.admin, c.pkg);
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ action: 'unchanged', revisionHash: c.revisionHash });
      expect(await state()).toEqual(before);
    });

    it('takes a higher revision as a new revision with a new hash and a feed entry', async () => {
      const c = await importCase(env.c.admin);
      const before = await feedHead();
      c.pkg.manifest.case.revision = 2;
      c.pkg.manifest.case.facts += '（补充调查后更正）';
      c.pkg.write();
      const r = await upload(env.c.admin, c.pkg);
      expect(r.status).toBe(201);
      const a = r.json as IntakeAnswer;
      expect(a).toMatchObject({ action: 'new_revision', revision: 2 });
      expect(a.revisionHash).not.toBe(c.revisionHash);
      const entries = (await env.c.admin.get(`/v1/feed?after=${before}`)).json as FeedPage;
      expect(entries.entries).toEqual([expect.objectContaining({ kind: 'revision', caseId: c.caseId, revision: 2 })]);
      // The older revision, sent again unchanged, is not a conflict: it is already known.
      c.pkg.manifest.case.revision = 1;
      c.pkg.manifest.case.facts = c.pkg.manifest.case.facts.replace('（补充调查后更正）', '');
      c.pkg.write();
      expect((await upload(env.c.admin, c.pkg)).json).toMatchObject({ action: 'unchanged', revision: 1 });
    });

    it('refuses a different package with the same or a lower revision (409, with the reason)', async () => {
      const c = await importCase(env.c.admin);
      const before = await state();
      c.pkg.manifest.case.facts += '（擅自修改）';
      c.pkg.write();
      const r = await upload(env.c.admin, c.pkg);
      expect(r.status).toBe(409);
      expect(r.json.error.message).toMatch(/已存在（修订 1）.*修订 1 且内容不同/);
      expect(r.json.error.details.join()).toMatch(/更新的修订/);
      expect(await state()).toEqual(before);
    });

    it('refuses a case number already used by another case', async () => {
      const c = await importCase(env.c.admin);
      const other = await buildPackage(tempDir(), { caseNumber: c.caseNumber });
      const r = await upload(env.c.admin, other);
      expect(r.status).toBe(409);
      expect(r.json.error.message).toMatch(/已被另一案件/);
    });

    it.each([
      ['a file whose bytes were changed', (dir: string) => writeFileSync(join(dir, 'evidence/photo.pdf'), 'tampered'), /文件校验值不符：evidence\/photo\.pdf/],
      ['a missing file', (dir: string) => editCase(dir, (m) => (m.documents[0].file.path = 'documents/gone.pdf')), /缺少文件：documents\/gone\.pdf/],
      ['a schema error', (dir: string) => editCase(dir, (m) => (m.case.caseNumber = '没有年份')), /caseNumber/],
      ['a file longer than declared (unpacking stops there)', (dir: string) => writeFileSync(join(dir, 'evidence/photo.pdf'), Buffer.alloc(64 * 1024)), /文件大小不符：evidence\/photo\.pdf（应为 \d+ 字节，实际更大）/],
      ['files declared larger than the unpacked limit', (dir: string) => editCase(dir, (m) => (m.evidence[0].file.size = 20 * 1024 ** 3)), /文件总大小 \d+ 字节，超过上限/],
      ['case.json that is not JSON', (dir: string) => writeFileSync(join(dir, 'case.json'), '{ nope'), /不是有效的 JSON/],
    ])('refuses %s with the reason, storing nothing', async (_what, spoil, reason) => {
      const pkg = await buildPackage(tempDir());
      spoil(pkg.dir);
      const before = await state();
      const r = await upload(env.c.admin, pkg);
      expect(r.status).toBe(422);
      expect(r.json.error.code).toBe('bad_package');
      expect([r.json.error.message, ...(r.json.error.details ?? [])].join('\n')).toMatch(reason);
      expect(await state()).toEqual(before);
    });

    it('refuses an upload whose body does not match its X-Body-SHA256 (400), storing nothing', async () => {
      const pkg = await buildPackage(tempDir());
      const before = await state();
      const r = await env.c.admin.request('POST', '/v1/admin/packages', { body: await zipPackage(pkg), headers: { 'content-type': 'application/zip', 'x-body-sha256': '0'.repeat(64) } });
      expect(r.status).toBe(400);
      expect(r.json.error.code).toBe('digest_mismatch');
      expect(await state()).toEqual(before);
    });

    it('refuses a body that is not a zip, and one that is not sent as a zip', async () => {
      const before = await state();
      const r = await env.c.admin.request('POST', '/v1/admin/packages', { body: Buffer.from('not a zip at all'), headers: { 'content-type': 'application/zip' } });
      expect(r.status).toBe(422);
      expect(r.json.error.message).toMatch(/不是有效的文件夹或 \.zip/);
      // The admin sent a file of their own: the server's temporary name means nothing to them.
      expect(r.json.error.message).toContain('上传的案卷包');
      expect(JSON.stringify(r.json.error)).not.toContain('upload-');
      expect(r.json.error.details[0]).toBe('文件不是 zip 格式，或在复制、传输中被截断');
      const pkg = await buildPackage(tempDir());
      const asText = await env.c.admin.request('POST', '/v1/admin/packages', { body: await zipPackage(pkg), headers: { 'content-type': 'text/plain' } });
      expect(asText.status).toBe(415);
      expect(await state()).toEqual(before);
    });
  });
}

function editCase(dir: string, edit: (manifest: any) => void): void {
  const manifest = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8'));
  edit(manifest);
  writeFileSync(join(dir, 'case.json'), JSON.stringify(manifest));
}
