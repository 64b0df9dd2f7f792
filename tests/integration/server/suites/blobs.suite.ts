// Blobs by sha256: ETag, If-None-Match, Range (resume), If-Range, HEAD, 416, 404.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../helpers/server';
import { assign, importCase, uniqueName, type Env } from './env';

export function blobSuite(env: Env): void {
  describe('blobs', () => {
    let reviewer: Client;
    let sha: string;
    let bytes: Buffer;
    beforeAll(async () => {
      const name = uniqueName('reviewer');
      reviewer = await env.c.user(name);
      const c = await importCase(env.c.admin);
      await assign(env.c.admin, c.caseId, name);
      const f = c.pkg.manifest.evidence[0]!.file;
      sha = f.sha256;
      bytes = readFileSync(join(c.pkg.dir, f.path));
    });

    it('sends the whole blob with its sha256 as a strong ETag', async () => {
      const r = await reviewer.get(`/v1/blobs/${sha}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('etag')).toBe(`"${sha}"`);
      expect(r.headers.get('accept-ranges')).toBe('bytes');
      expect(Number(r.headers.get('content-length'))).toBe(bytes.length);
      expect(createHash('sha256').update(r.body).digest('hex')).toBe(sha);
      expect((await reviewer.get(`/v1/blobs/${sha}`, { headers: { 'if-none-match': `"${sha}"` } })).status).toBe(304);
    });

    it('resumes with Range: a middle slice, an open end, a suffix', async () => {
      const mid = await reviewer.get(`/v1/blobs/${sha}`, { headers: { range: 'bytes=10-99' } });
      expect(mid.status).toBe(206);
      expect(mid.headers.get('content-range')).toBe(`bytes 10-99/${bytes.length}`);
      expect(mid.body.equals(bytes.subarray(10, 100))).toBe(true);
      const rest = await reviewer.get(`/v1/blobs/${sha}`, { headers: { range: 'bytes=100-', 'if-range': `"${sha}"` } });
      expect(rest.status).toBe(206);
      expect(Buffer.concat([bytes.subarray(0, 100), rest.body]).equals(bytes)).toBe(true);
      const tail = await reviewer.get(`/v1/blobs/${sha}`, { headers: { range: 'bytes=-5' } });
      expect(tail.body.equals(bytes.subarray(bytes.length - 5))).toBe(true);
    });

    it('sends everything when If-Range names other bytes, and 416 past the end', async () => {
      const other = await reviewer.get(`/v1/blobs/${sha}`, { headers: { range: 'bytes=10-20', 'if-range': '"something-else"' } });
      expect(other.status).toBe(200);
      expect(other.body.length).toBe(bytes.length);
      const past = await reviewer.get(`/v1/blobs/${sha}`, { headers: { range: `bytes=${bytes.length}-` } });
      expect(past.status).toBe(416);
      expect(past.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    });

    it('sends several blobs in one batch, and nothing when one is not the caller’s', async () => {
      const mine = (await importCase(env.c.admin)).pkg;
      const name = uniqueName('reviewer');
      const other = await env.c.user(name);
      const c = await importCase(env.c.admin);
      await assign(env.c.admin, c.caseId, name);
      const theirs = c.pkg.manifest.evidence[0]!.file.sha256;
      const r = await reviewer.post('/v1/blobs/batch', { sha256: [sha] });
      expect(r.status).toBe(200);
      expect(r.body.equals(Buffer.concat([Buffer.from(`${sha} ${bytes.length}\n`), bytes]))).toBe(true);
      expect((await reviewer.post('/v1/blobs/batch', { sha256: [sha, theirs] })).status).toBe(404);
      expect((await other.post('/v1/blobs/batch', { sha256: [theirs, sha] })).status).toBe(404);
      // Unassigned cases are nobody's but the admin's.
      const unassigned = mine.manifest.evidence[0]!.file.sha256;
      expect((await reviewer.post('/v1/blobs/batch', { sha256: [unassigned] })).status).toBe(404);
      const all = await env.c.admin.post('/v1/blobs/batch', { sha256: [theirs, unassigned, sha] });
      expect(all.status).toBe(200);
      expect(all.body.subarray(0, 65).toString()).toBe(`${theirs} `);
    });

    it('answers HEAD with the size and no body, and 404 for an unknown blob', async () => {
      const head = await reviewer.request('HEAD', `/v1/blobs/${sha}`);
      expect(head.status).toBe(200);
      expect(Number(head.headers.get('content-length'))).toBe(bytes.length);
      expect(head.body.length).toBe(0);
      expect((await reviewer.get(`/v1/blobs/${'0'.repeat(64)}`)).status).toBe(404);
    });
  });
}
