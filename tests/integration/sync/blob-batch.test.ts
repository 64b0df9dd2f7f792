// POST /v1/blobs/batch on the real central server (PGlite, loopback) and HttpTransport.blobs():
// the framed answer, visibility (all or nothing, 404 before a byte), 401, bad ids, limits (413),
// a stored file shorter than recorded, longer than recorded or missing, an empty blob, and cuts
// mid-stream through the fault proxy.
import { createHash } from 'node:crypto';
import { appendFileSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpTransport } from '../../../src/main/services/sync/http-transport';
import { TransportError, type BatchedBlob } from '../../../src/main/services/sync/transport';
import { BLOB_BATCH_CONTENT_TYPE, BLOB_BATCH_MAX_IDS } from '../../../src/shared/sync/protocol';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy';
import { tempDir } from '../../helpers/package-builder';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { packageWithFiles, publish } from './fixtures';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const never = new AbortController().signal;

let c: CentralUnderTest;
let alice: Client;
let proxy: FaultProxy;
/** Alice's files in the order of her package, and one of Bob's. */
let mine: { sha256: string; bytes: Uint8Array }[];
let bobs: { sha256: string; bytes: Uint8Array };

const transport = (token: string, server = c.url) => new HttpTransport({ server, token, connectTimeout: 2_000, headersTimeout: 5_000, bodyTimeout: 5_000 });

/** Reads a batch the way a consumer does: each body to its end, in turn. */
async function collect(blobs: AsyncIterable<BatchedBlob>): Promise<{ sha256: string; size: number; bytes: Buffer }[]> {
  const out = [];
  for await (const b of blobs) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of b.body) chunks.push(chunk);
    out.push({ sha256: b.sha256, size: b.size, bytes: Buffer.concat(chunks) });
  }
  return out;
}

async function failure(run: () => Promise<unknown>): Promise<TransportError> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(TransportError);
    return err as TransportError;
  }
  throw new Error('expected a TransportError');
}

beforeAll(async () => {
  // 320 kB per batch at most, so the size limit is reachable with small files.
  c = await startCentral({ limits: { batchBytes: 320_000 } });
  alice = await c.user('alice');
  await c.user('bob'); // the case published to bob below
  const a = await packageWithFiles(tempDir(), [70_000, 1, 150_000, 30_000, 90_000]);
  await publish(c.admin, a, 'alice');
  mine = [...a.files.values()].map((bytes) => ({ sha256: sha(bytes), bytes }));
  const b = await packageWithFiles(tempDir(), [5_000]);
  await publish(c.admin, b, 'bob');
  const bytes = [...b.files.values()][0]!;
  bobs = { sha256: sha(bytes), bytes };
  proxy = await startFaultProxy(Number(new URL(c.url).port));
});

afterAll(async () => {
  await proxy?.close();
  await c?.close();
});

describe('POST /v1/blobs/batch', () => {
  it('sends the blobs asked for, framed, in the order asked, with Content-Length', async () => {
    const order = [mine[2]!, mine[0]!, mine[1]!, mine[4]!];
    const r = await alice.post('/v1/blobs/batch', { sha256: order.map((m) => m.sha256) });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(BLOB_BATCH_CONTENT_TYPE);
    const expected = Buffer.concat(order.flatMap((m) => [Buffer.from(`${m.sha256} ${m.bytes.length}\n`), Buffer.from(m.bytes)]));
    expect(Number(r.headers.get('content-length'))).toBe(expected.length);
    expect(r.body.equals(expected)).toBe(true);

    const got = await collect(transport(alice.token!).blobs(order.map((m) => m.sha256), never));
    expect(got.map((g) => [g.sha256, g.size, sha(g.bytes)])).toEqual(order.map((m) => [m.sha256, m.bytes.length, m.sha256]));
  });

  it('lets an admin fetch any blob', async () => {
    const got = await collect(transport(c.admin.token!).blobs([bobs.sha256, mine[3]!.sha256], never));
    expect(got.map((g) => sha(g.bytes))).toEqual([bobs.sha256, mine[3]!.sha256]);
  });

  it('answers 404 before a byte when any blob is another reviewer’s or unknown', async () => {
    for (const ids of [[bobs.sha256], [mine[0]!.sha256, bobs.sha256], [mine[0]!.sha256, 'f'.repeat(64)]]) {
      const r = await alice.post('/v1/blobs/batch', { sha256: ids });
      expect(r.status).toBe(404);
      expect(r.json).toEqual({ error: { code: 'not_found', message: '文件不存在或无权访问' } });
    }
    const t = transport(alice.token!);
    const e = await failure(() => collect(t.blobs([mine[0]!.sha256, bobs.sha256], never)));
    expect([e.kind, e.status]).toEqual(['http', 404]);
    await t.close();
  });

  it('refuses a request without a valid device token (401)', async () => {
    expect((await c.anon.post('/v1/blobs/batch', { sha256: [mine[0]!.sha256] })).status).toBe(401);
    expect((await c.anon.post('/v1/blobs/batch', { sha256: [mine[0]!.sha256] }, { token: `${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.${'A'.repeat(43)}` })).status).toBe(401);
  });

  it('refuses ids that are not lowercase sha256s, duplicates, an empty list and other shapes (400)', async () => {
    const id = mine[0]!.sha256;
    const bodies: unknown[] = [
      { sha256: [id.toUpperCase()] },
      { sha256: [`../${id.slice(3)}`] },
      { sha256: [`${id.slice(0, 62)}%2f`] },
      { sha256: [id.slice(1)] },
      { sha256: [`${id}\n`] },
      { sha256: [id, id] },
      { sha256: [] },
      { sha256: id },
      { shas: [id] },
      [id],
    ];
    for (const body of bodies) {
      const r = await alice.post('/v1/blobs/batch', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe('bad_request');
    }
    expect((await alice.request('POST', '/v1/blobs/batch', { body: '{"sha256":[', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    // The transport never sends such a list at all.
    const t = transport(alice.token!);
    expect((await failure(() => collect(t.blobs([id, id], never)))).kind).toBe('protocol');
    expect((await failure(() => collect(t.blobs(['../etc/passwd'], never)))).kind).toBe('protocol');
    await t.close();
  });

  it('refuses more ids than allowed and more bytes than one batch may carry (413, zh-CN)', async () => {
    const many = Array.from({ length: BLOB_BATCH_MAX_IDS + 1 }, (_, i) => createHash('sha256').update(String(i)).digest('hex'));
    const r = await alice.post('/v1/blobs/batch', { sha256: many });
    expect(r.status).toBe(413);
    expect(r.json.error.message).toContain(`一次最多请求 ${BLOB_BATCH_MAX_IDS} 个文件`);
    // Alice's five files come to 340 kB, over this server's 320 kB: refused as a whole, a part fits.
    const all = mine.map((m) => m.sha256);
    const over = await alice.post('/v1/blobs/batch', { sha256: all });
    expect(over.status).toBe(413);
    expect(over.json.error.message).toMatch(/^所请求文件共 .*超过单次批量下载上限 .*请分批下载$/);
    expect((await alice.post('/v1/blobs/batch', { sha256: all.slice(0, 3) })).status).toBe(200);
    const t = transport(alice.token!);
    const e = await failure(() => collect(t.blobs(all, never)));
    expect([e.kind, e.status]).toEqual(['http', 413]);
    await t.close();
  });

  it('splits a longer list into several requests (the transport), in the order asked', async () => {
    const p = await packageWithFiles(tempDir(), Array.from({ length: BLOB_BATCH_MAX_IDS + 44 }, (_, i) => 1 + i));
    const erin = await c.user('erin');
    await publish(c.admin, p, 'erin');
    const ids = [...p.files.values()].map(sha).reverse();
    const got = await collect(transport(erin.token!).blobs(ids, never));
    expect(got.map((g) => sha(g.bytes))).toEqual(ids);
  });

  it('skips what a consumer leaves unread of a blob and reads the next one right', async () => {
    const t = transport(alice.token!);
    const ids = [mine[2]!.sha256, mine[0]!.sha256];
    const seen: string[] = [];
    for await (const b of t.blobs(ids, never)) {
      if (b.sha256 === ids[0]) {
        for await (const chunk of b.body) {
          expect(chunk.length).toBeGreaterThan(0);
          break; // one chunk only
        }
        seen.push('partial');
      } else {
        const chunks: Uint8Array[] = [];
        for await (const chunk of b.body) chunks.push(chunk);
        expect(sha(Buffer.concat(chunks))).toBe(b.sha256);
        seen.push('whole');
      }
    }
    expect(seen).toEqual(['partial', 'whole']);
    await t.close();
  });

  it('reports a cut mid-stream as a network error; blobs already read in full are good', async () => {
    const ids = mine.slice(0, 3).map((m) => m.sha256);
    // Past the answer's head (a few hundred bytes) and the first two blobs (70 kB + 1 byte), well inside the third (150 kB).
    const into = 70_001 + 60_000;
    for (const kind of ['cut', 'reset'] as const) {
      const t = transport(alice.token!, proxy.url);
      proxy.setMode(kind === 'cut' ? { kind: 'cut', afterBytes: into, direction: 'down' } : { kind: 'reset', afterBytes: into });
      const whole: string[] = [];
      const e = await failure(async () => {
        for await (const b of t.blobs(ids, never)) {
          const chunks: Uint8Array[] = [];
          for await (const chunk of b.body) chunks.push(chunk);
          expect(sha(Buffer.concat(chunks))).toBe(b.sha256);
          whole.push(b.sha256);
        }
      });
      expect(e.kind, e.message).toBe('network');
      expect(e.retryable).toBe(true);
      expect(whole).toEqual(ids.slice(0, 2));
      proxy.setMode({ kind: 'pass' });
      await t.close();
    }
    expect(proxy.faults).toBe(2);
  });

  it('breaks the answer off when a stored file is shorter than recorded (the client sees a cut)', async () => {
    const d = await packageWithFiles(tempDir(), [40_000, 40_000]);
    const dave = await c.user('dave');
    await publish(c.admin, d, 'dave');
    const [first, second] = [...d.files.values()].map(sha) as [string, string];
    truncateSync(join(c.blobDir, second.slice(0, 2), second.slice(2)), 1_000);
    const t = transport(dave.token!);
    const whole: string[] = [];
    const e = await failure(async () => {
      for await (const b of t.blobs([first, second], never)) {
        const chunks: Uint8Array[] = [];
        for await (const chunk of b.body) chunks.push(chunk);
        whole.push(sha(Buffer.concat(chunks)));
      }
    });
    expect(e.kind).toBe('network');
    expect(whole).toEqual([first]);
    // The server still answers.
    expect((await dave.post('/v1/blobs/batch', { sha256: [first] })).status).toBe(200);
    await t.close();
  });
  it('sends a stored file longer than recorded as recorded: the frames after it do not shift', async () => {
    const p = await packageWithFiles(tempDir(), [30_000, 20_000]);
    const fay = await c.user('fay');
    await publish(c.admin, p, 'fay');
    const [first, second] = [...p.files.values()] as [Uint8Array, Uint8Array];
    appendFileSync(join(c.blobDir, sha(first).slice(0, 2), sha(first).slice(2)), Buffer.alloc(5_000, 7));
    const r = await fay.post('/v1/blobs/batch', { sha256: [sha(first), sha(second)] });
    expect(r.status).toBe(200);
    expect(r.body.equals(Buffer.concat([first, second].flatMap((b) => [Buffer.from(`${sha(b)} ${b.length}\n`), Buffer.from(b)])))).toBe(true);
  });

  it('breaks the answer off when a stored file is missing, after the blobs before it', async () => {
    const p = await packageWithFiles(tempDir(), [25_000, 25_000, 25_000]);
    const gil = await c.user('gil');
    await publish(c.admin, p, 'gil');
    const ids = [...p.files.values()].map(sha);
    rmSync(join(c.blobDir, ids[1]!.slice(0, 2), ids[1]!.slice(2)));
    const t = transport(gil.token!);
    const whole: string[] = [];
    const e = await failure(async () => {
      for await (const b of t.blobs(ids, never)) {
        const chunks: Uint8Array[] = [];
        for await (const chunk of b.body) chunks.push(chunk);
        whole.push(sha(Buffer.concat(chunks)));
      }
    });
    expect(e.kind).toBe('network');
    expect(whole).toEqual([ids[0]]);
    expect((await gil.post('/v1/blobs/batch', { sha256: [ids[2]!, ids[0]!] })).status).toBe(200);
    await t.close();
  });

  it('sends an empty blob as its header line alone', async () => {
    const p = await packageWithFiles(tempDir(), [0, 3_000]);
    const hal = await c.user('hal');
    await publish(c.admin, p, 'hal');
    const files = [...p.files.values()];
    const got = await collect(transport(hal.token!).blobs(files.map(sha), never));
    expect(got.map((g) => [g.size, sha(g.bytes)])).toEqual(files.map((b) => [b.length, sha(b)]));
  });
});
