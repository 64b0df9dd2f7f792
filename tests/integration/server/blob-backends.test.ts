// The BlobBackend contract, for the local folder and for S3 (against a small S3-compatible HTTP
// stub on 127.0.0.1 that, like S3, checks x-amz-checksum-sha256 and answers Range requests).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobBackend } from '../../../src/server/blobs/backend';
import { LocalFolderBackend } from '../../../src/server/blobs/local';
import { S3Backend } from '../../../src/server/blobs/s3';
import { tempDir } from '../../helpers/package-builder';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/** Just enough of S3 for the backend: HEAD, PUT (checksum-verified), GET with Range. */
function s3Stub(): { server: Server; objects: Map<string, Buffer>; start(): Promise<string> } {
  const objects = new Map<string, Buffer>();
  const xmlError = (code: string) => `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const key = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
      const obj = objects.get(key);
      if (req.method === 'PUT') {
        const body = Buffer.concat(chunks);
        const claimed = req.headers['x-amz-checksum-sha256'];
        if (claimed !== createHash('sha256').update(body).digest('base64')) {
          res.writeHead(400, { 'content-type': 'application/xml' });
          return res.end(xmlError('BadDigest'));
        }
        objects.set(key, body);
        res.writeHead(200, { etag: `"${sha(body)}"` });
        return res.end();
      }
      if (!obj) {
        res.writeHead(404, { 'content-type': 'application/xml' });
        return res.end(req.method === 'HEAD' ? undefined : xmlError('NoSuchKey'));
      }
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'content-length': obj.length });
        return res.end();
      }
      const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (m) {
        const [start, end] = [Number(m[1]), Math.min(Number(m[2]), obj.length - 1)];
        res.writeHead(206, { 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${obj.length}` });
        return res.end(obj.subarray(start, end + 1));
      }
      res.writeHead(200, { 'content-length': obj.length });
      res.end(obj);
    });
  });
  return {
    server,
    objects,
    start: () => new Promise((res) => server.listen(0, '127.0.0.1', () => res(`http://127.0.0.1:${(server.address() as { port: number }).port}`))),
  };
}

const stub = s3Stub();
let endpoint = '';
beforeAll(async () => {
  endpoint = await stub.start();
});
afterAll(() => new Promise<void>((res) => stub.server.close(() => res())));

function countFiles(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

/** name, a fresh backend, and how many objects it holds (temp files included). */
const backends: [string, () => BlobBackend, (b: BlobBackend) => number][] = [
  ['local folder', () => new LocalFolderBackend(tempDir('blobs-')), (b) => countFiles((b as LocalFolderBackend).root)],
  ['S3 (stub)', () => new S3Backend({ bucket: 'fashen', prefix: 'blobs/', endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }), () => stub.objects.size],
];

describe.each(backends)('BlobBackend: %s', (_label, make, count) => {
  const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
  const id = sha(data);

  it('stores once, then reports it exists; head, exists and get agree', async () => {
    const b = make();
    expect(await b.exists(id)).toBe(false);
    expect(await b.head(id)).toBeNull();
    expect(await b.put(id, data.length, () => Readable.from([data]))).toBe('stored');
    expect(await b.put(id, data.length, () => Readable.from([data]))).toBe('exists');
    expect(await b.exists(id)).toBe(true);
    expect(await b.head(id)).toEqual({ size: data.length });
    expect((await read(await b.get(id))).equals(data)).toBe(true);
  });

  it('reads a byte range', async () => {
    const b = make();
    await b.put(id, data.length, () => Readable.from([data]));
    expect((await read(await b.get(id, { start: 100, end: 1099 }))).equals(data.subarray(100, 1100))).toBe(true);
  });

  it('refuses bytes that do not match the hash, leaving nothing visible', async () => {
    const b = make();
    const before = count(b);
    const other = Buffer.from('not the same bytes');
    const wrongId = sha(Buffer.from('something else entirely'));
    await expect(b.put(wrongId, other.length, () => Readable.from([other]))).rejects.toThrow();
    expect(await b.exists(wrongId)).toBe(false);
    expect(count(b)).toBe(before);
  });

  it('fails for a missing blob and refuses a malformed id', async () => {
    const b = make();
    await expect(b.get('a'.repeat(64))).rejects.toThrow();
    expect(() => b.keyOf('../../etc/passwd')).toThrow(/invalid sha256/);
  });
});
