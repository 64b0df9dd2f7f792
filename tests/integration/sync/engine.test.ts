// The engine on the in-memory central system (fast): Range resume across runs, If-Range, a bad
// partial copy, cancel, crash and restart on the same data folder, one sync at a time, progress,
// old revisions skipped, two devices of one reviewer.
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as t from '../../../src/main/db/schema';
import type { Workstation } from '../../../src/main/workstation';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { TransportError } from '../../../src/main/services/sync/transport';
import { revisionHashOf } from '../../../src/main/services/importer';
import { CHUNK_BYTES, chunkOffset } from '../../../src/main/services/cache-crypto/blob-format';
import { keptPlainBytes } from '../../../src/main/services/cache-crypto/sealed-writer';
import type { SyncProgress } from '../../../src/shared/sync/status';
import { tempDir } from '../../helpers/package-builder';
import { filesOf, folderFiles, newDataDir, outbox, packageWithFiles, perBlob, workstation, zipBuffer } from './fixtures';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

function ws(central: MemoryCentral, dataDir = newDataDir(), extra: Parameters<typeof workstation>[2] = {}): Workstation {
  const w = workstation(dataDir, () => central.transport(), extra);
  open.push(w);
  return w;
}

async function publishNew(central: MemoryCentral, sizes: number[], opts: { id?: string; caseNumber?: string; revision?: number } = {}) {
  const pkg = await packageWithFiles(tempDir(), sizes, opts);
  const entry = central.publish(pkg.manifest, filesOf(pkg));
  return { pkg, entry, caseId: pkg.manifest.case.id, caseNumber: pkg.manifest.case.caseNumber, revision: pkg.manifest.case.revision, revisionHash: revisionHashOf(pkg.manifest) };
}

/** A submission with a placeholder signature (the in-memory server checks only its rules). */
function queue(w: Workstation, c: { caseId: string; revisionHash: string }, opts: { forged?: boolean; createdAt?: string } = {}): string {
  const id = randomUUID();
  const content = { schema: 'fashen.minutes/1', case: { id: c.caseId, revisionHash: c.revisionHash }, conclusion: '同意' };
  const signature = { algorithm: 'ed25519', keyId: 'k1', signature: opts.forged ? 'forged' : 'c2lnbmF0dXJl', contentHash: '0'.repeat(64) };
  const at = opts.createdAt ?? new Date().toISOString();
  w.store.db.insert(t.outbox).values({ id, kind: 'minutes', caseId: c.caseId, payloadJson: JSON.stringify({ format: 'fashen-signed-submission', version: 1, content, signature }), state: 'queued', createdAt: at, updatedAt: at }).run();
  return id;
}

const partials = (w: Workstation) => readdirSync(join(w.dataDir, 'sync', 'blobs')).filter((f) => f.endsWith('.part'));

describe('pull: downloads that resume', () => {
  it('keeps a sealed partial download across runs and resumes it with Range from its last whole chunk', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [300_000]);
    const big = c.pkg.manifest.evidence.at(-1)!.file.sha256;
    const bigBytes = central.blobs.get(big)!;
    const w = ws(central, newDataDir(), { retry: { retries: 0, minDelay: 1, maxDelay: 1 }, concurrency: 1 });
    central.cutBlobAfter = 100_000;
    const first = await w.sync.run();
    expect(first.outcome).toBe('offline');
    expect(w.cases.count()).toBe(0);
    expect(w.sync.state.cursor()).toBe(0);
    const [part] = partials(w);
    expect(part).toBe(`${big}.part`);
    const partBytes = readFileSync(join(w.dataDir, 'sync', 'blobs', part!));
    const kept = keptPlainBytes(partBytes.length, bigBytes.length);
    // Whole chunks only, sealed: the file is exactly those chunks and holds none of the plaintext.
    expect(kept).toBeGreaterThan(0);
    expect(kept % CHUNK_BYTES).toBe(0);
    expect(partBytes.length).toBe(chunkOffset(kept / CHUNK_BYTES));
    expect(partBytes.subarray(0, 8).toString('latin1')).toBe('FSHNBLOB');
    for (let at = 0; at < kept; at += 10_000) expect(partBytes.includes(Buffer.from(bigBytes.subarray(at, at + 32)))).toBe(false);

    central.cutBlobAfter = null;
    const second = await w.sync.run();
    expect(second.outcome).toBe('synced');
    // The second run asked only for the bytes after the kept chunks.
    expect(second.summary.bytes).toBe(bigBytes.length - kept);
    expect(partials(w)).toEqual([]);
    expect(await w.blobs.verify(big)).toBe('ok');
    expect(w.cases.load(c.caseId)!.row.offline).toBe(true);
  });

  it('resumes within one run when the retries allow it: each retry continues exactly where the last stopped', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [250_000]);
    const w = ws(central, newDataDir(), { retry: { retries: 5, minDelay: 1, maxDelay: 2 }, concurrency: 1 });
    // Less than a chunk per request: only the writer kept open between tries makes progress.
    central.cutBlobAfter = 60_000;
    const r = await w.sync.run();
    expect(r.outcome).toBe('synced');
    expect(r.summary.bytes).toBe([...filesOf(c.pkg).values()].reduce((n, b) => n + b.length, 0));
  });

  it('If-Range: a partial copy of other bytes is replaced by the full blob', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [300_000]);
    const w = ws(central, newDataDir(), { retry: { retries: 0, minDelay: 1, maxDelay: 1 }, concurrency: 1 });
    const big = c.pkg.manifest.evidence.at(-1)!.file.sha256;
    central.cutBlobAfter = 100_000;
    expect((await w.sync.run()).outcome).toBe('offline');
    central.cutBlobAfter = null;
    writeFileSync(join(w.dataDir, 'sync', 'blobs', `${big}.etag`), '"not-this-blob"');
    const r = await w.sync.run();
    expect(r.outcome).toBe('synced');
    expect(r.summary.bytes).toBe(300_000);
    expect(await w.blobs.verify(big)).toBe('ok');
  });

  it('a tampered sealed partial copy is detected on resume, dropped and fetched anew; nothing bad becomes visible', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [300_000]);
    const w = ws(central, newDataDir(), { retry: { retries: 0, minDelay: 1, maxDelay: 1 }, concurrency: 1 });
    const big = c.pkg.manifest.evidence.at(-1)!.file.sha256;
    central.cutBlobAfter = 100_000;
    expect((await w.sync.run()).outcome).toBe('offline');
    central.cutBlobAfter = null;
    const part = join(w.dataDir, 'sync', 'blobs', `${big}.part`);
    const bytes = readFileSync(part);
    expect(keptPlainBytes(bytes.length, 300_000)).toBeGreaterThan(0);
    bytes[chunkOffset(0) + 100]! ^= 0x01;
    writeFileSync(part, bytes);
    const r = await w.sync.run();
    expect(r.outcome).toBe('synced');
    // Fetched in full again, not resumed from the tampered chunks.
    expect(r.summary.bytes).toBe(300_000);
    expect(await w.blobs.verify(big)).toBe('ok');
    expect(partials(w)).toEqual([]);
  });

  it('plaintext leftovers of an earlier version (.part and a "verified" copy) are deleted and fetched again sealed', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [50_000, 30_000]);
    const w = ws(central);
    const [a, b] = c.pkg.manifest.evidence.slice(-2).map((e) => e.file.sha256);
    writeFileSync(join(w.dataDir, 'sync', 'blobs', `${a}.part`), central.blobs.get(a!)!.subarray(0, 20_000));
    writeFileSync(join(w.dataDir, 'sync', 'blobs', b!), central.blobs.get(b!)!);
    const r = await w.sync.run();
    expect(r.outcome).toBe('synced');
    // Everything crosses the wire: nothing of the leftovers was used.
    expect(r.summary.bytes).toBe([...filesOf(c.pkg).values()].reduce((n, x) => n + x.length, 0));
    expect(await w.blobs.verify(a!)).toBe('ok');
    expect(await w.blobs.verify(b!)).toBe('ok');
    expect(readdirSync(join(w.dataDir, 'sync', 'blobs')).filter((f) => /^[0-9a-f]{64}/.test(f))).toEqual([]);
  });

  for (const batch of [true, false])
    it(`a blob whose bytes do not match its sha256 is refused at the end of the download (${batch ? 'batch download' : 'one request per blob'}): nothing is kept or imported`, async () => {
      const central = new MemoryCentral();
      const c = await publishNew(central, [100_000]);
      const big = c.pkg.manifest.evidence.at(-1)!.file.sha256;
      const good = central.blobs.get(big)!;
      central.blobs.set(big, randomBytes(good.length));
      const w = workstation(newDataDir(), () => (batch ? central.transport() : perBlob(central.transport())));
      open.push(w);
      const events: SyncProgress[] = [];
      w.on((name, payload) => name === 'sync.progress' && events.push(payload as SyncProgress));
      const r = await w.sync.run();
      expect(r.outcome).toBe('error');
      // The refused bytes are taken off the progress again: what it shows done is what was kept.
      const last = events.at(-1)!;
      expect(last.bytesDone).toBeLessThanOrEqual(last.bytesTotal - good.length);
      expect(r.line).toMatch(/^出错（文件校验值不符/);
      expect(w.blobs.has(big)).toBe(false);
      expect(w.cases.count()).toBe(0);
      expect(w.sync.state.cursor()).toBe(0);
      expect(readdirSync(join(w.dataDir, 'sync', 'blobs')).filter((f) => f.startsWith(big))).toEqual([]);
      central.blobs.set(big, good);
      expect((await w.sync.run()).outcome).toBe('synced');
      expect(await w.blobs.verify(big)).toBe('ok');
    });
});

describe('cancel and crashes', () => {
  for (const batch of [false, true])
    it(`cancel mid-download (${batch ? 'batch download' : 'one request per blob'}): consistent state, cursor before the entry; the next run completes`, async () => {
      const central = new MemoryCentral();
      const a = await publishNew(central, [10]);
      const b = await publishNew(central, [400_000]);
      const w = workstation(newDataDir(), () => (batch ? central.transport() : perBlob(central.transport())), { concurrency: 1 });
      open.push(w);
      const big = b.pkg.manifest.evidence.at(-1)!.file.sha256;
      central.fault = (op, detail) => {
        if ((op === 'blob' && detail === big) || (op === 'blobs' && detail.split(',').includes(big))) w.sync.cancel();
      };
      const r = await w.sync.run();
      expect(r.outcome).toBe('cancelled');
      expect(r.status.state).toBe('离线');
      // One request per blob: the first case is in before the big file is asked for. A batch asks for both cases' files at once.
      expect(w.cases.listRows({}).map((c) => c.id)).toEqual(batch ? [] : [a.caseId]);
      expect(w.sync.state.cursor()).toBe(batch ? 0 : a.entry.seq);
      central.fault = null;
      const again = await w.sync.run();
      expect(again.outcome).toBe('synced');
      expect(w.cases.count()).toBe(2);
    });

  it('a crash at every step of pull and push loses nothing and duplicates nothing', async () => {
    const central = new MemoryCentral();
    const dataDir = newDataDir();
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await publishNew(central, [20_000 + i * 1000, 5_000]));
    let w = ws(central, dataDir, { concurrency: 1 });
    const ids = made.map((c, i) => queue(w, c, { createdAt: `2026-11-20T0${i}:00:00.000Z` }));
    // Crash after the k-th transport call, for k = 1, 2, …: the run is aborted and the process "dies".
    for (let k = 1; k < 40; k++) {
      let calls = 0;
      const controller = new AbortController();
      central.fault = () => {
        if (++calls === k) controller.abort(new Error('crash'));
      };
      await w.sync.run({ signal: controller.signal });
      w.close();
      open.splice(open.indexOf(w), 1);
      w = ws(central, dataDir, { concurrency: 1 });
      if (w.sync.state.pendingCount() === 0 && w.cases.count() === made.length && calls < k) break;
    }
    central.fault = null;
    expect((await w.sync.run()).outcome).toBe('synced');
    expect(central.submissions.size).toBe(ids.length);
    expect(outbox(w).every((o) => o.state === 'accepted')).toBe(true);
    for (const c of made) expect(w.cases.load(c.caseId)!.row).toMatchObject({ revision: 1, round: 1, offline: true });
    expect(w.sync.state.cursor()).toBe(central.entries.at(-1)!.seq);
  });

  it('one sync at a time per data folder: a second engine is refused, a second call joins', async () => {
    const central = new MemoryCentral();
    await publishNew(central, [100_000]);
    const dataDir = newDataDir();
    const w1 = ws(central, dataDir);
    const w2 = ws(central, dataDir);
    const p1 = w1.sync.run();
    const joined = w1.sync.run();
    expect(joined).toBe(p1);
    expect(w1.sync.status().state).toBe('同步中');
    const r2 = await w2.sync.run();
    expect(r2.outcome).toBe('error');
    expect(r2.line).toMatch(/另一个同步正在进行/);
    expect((await p1).outcome).toBe('synced');
    expect(existsSync(join(dataDir, 'sync', 'sync.lock'))).toBe(false);
  });
});

describe('push rules', () => {
  it('stale and rejected answers stay visible; the network error keeps an entry queued; order is createdAt', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [10]);
    const w = ws(central);
    await w.sync.run();
    const seen: string[] = [];
    central.fault = (op, detail) => {
      if (op === 'submit') seen.push(detail);
    };
    const late = queue(w, c, { createdAt: '2026-11-20T03:00:00.000Z' });
    const forged = queue(w, c, { forged: true, createdAt: '2026-11-20T02:00:00.000Z' });
    const first = queue(w, c, { createdAt: '2026-11-20T01:00:00.000Z' });
    await publishNew(central, [10], { id: c.caseId, caseNumber: c.caseNumber, revision: 2 });
    const stale = queue(w, c, { createdAt: '2026-11-20T04:00:00.000Z' });
    const r = await w.sync.run();
    expect(seen).toEqual([first, forged, late, stale]);
    expect(r.summary).toMatchObject({ sent: 0, stale: 3, rejected: 1 });
    expect(w.sync.state.byId(forged)).toMatchObject({ state: 'rejected', lastError: '签名无效' });
    expect(w.sync.state.byId(first)!.lastError).toMatch(/当前修订 2/);
    expect(w.sync.status().attention).toBe(4);

    // Network down: the entry stays queued with the reason and the attempt counted.
    const fresh = queue(w, { caseId: c.caseId, revisionHash: w.cases.load(c.caseId)!.row.revisionHash });
    central.fault = (op) => {
      if (op === 'submit') throw new TransportError('network', '连接被重置');
    };
    const down = await w.sync.run();
    expect(down.line).toBe('离线（1 项待发送）');
    expect(w.sync.state.byId(fresh)).toMatchObject({ state: 'queued', lastError: '连接被重置', attempts: 3 });
    central.fault = null;
    expect((await w.sync.run()).summary.sent).toBe(1);
  });

  it('a case taken from the reviewer before her entry left: answered 被退回 (reassigned), the queue goes on', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [10]);
    const other = await publishNew(central, [10]);
    const w = ws(central);
    await w.sync.run();
    const gone = queue(w, c, { createdAt: '2026-11-20T01:00:00.000Z' });
    const next = queue(w, other, { createdAt: '2026-11-20T02:00:00.000Z' });
    central.unassign(c.caseId);
    const r = await w.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.summary).toMatchObject({ sent: 1, rejected: 1, unassigned: 1 });
    expect(w.sync.state.byId(gone)).toMatchObject({ state: 'rejected', lastError: expect.stringContaining('案件已改派给其他审核员') });
    expect(w.sync.state.byId(next)!.state).toBe('accepted');
    expect(w.sync.status().pending).toBe(0);
  });

  it('an entry for a case the central system does not have waits in the queue without making the sync an error, and goes once the case is there', async () => {
    const central = new MemoryCentral();
    const known = await publishNew(central, [10]);
    const w = ws(central);
    await w.sync.run();
    // Signed here for a case imported locally (a USB package), not (yet) on the central system.
    const pkg = await packageWithFiles(tempDir(), [10]);
    const local = { caseId: pkg.manifest.case.id, revisionHash: revisionHashOf(pkg.manifest) };
    const early = queue(w, local, { createdAt: '2026-11-20T01:00:00.000Z' });
    const later = queue(w, known, { createdAt: '2026-11-20T02:00:00.000Z' });
    const r = await w.sync.run();
    expect(r.outcome, r.line).toBe('synced');
    expect(r.line).toMatch(/^已同步 · 发送 1 件 · .*1 项待发送$/);
    expect(r.notes).toContainEqual(expect.stringMatching(/^1 件提交未送达：中心系统没有该案件或未分配给您/));
    expect(w.sync.state.byId(early)!.state).toBe('queued');
    expect(w.sync.state.byId(later)!.state).toBe('accepted');
    expect(w.sync.status().state).toBe('已同步');
    // The admin imports the case: the next sync delivers the entry, once.
    central.publish(pkg.manifest, filesOf(pkg));
    const again = await w.sync.run();
    expect(again.outcome, again.line).toBe('synced');
    expect(w.sync.state.byId(early)!.state).toBe('accepted');
    expect(w.sync.status().pending).toBe(0);
  });

  it('two devices of one reviewer: each submission arrives once, both see every case', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [1000]);
    const d1 = ws(central);
    const d2 = ws(central);
    await Promise.all([d1.sync.run(), d2.sync.run()]);
    const a = queue(d1, c);
    const b = queue(d2, c);
    await Promise.all([d1.sync.run(), d2.sync.run(), d1.sync.run()]);
    expect([...central.submissions.keys()].sort()).toEqual([a, b].sort());
    expect(d1.cases.count()).toBe(1);
    expect(d2.cases.count()).toBe(1);
  });
});

describe('pull rules and progress', () => {
  it('a case already here whose file went missing or bad is repaired when its entry comes again', async () => {
    const central = new MemoryCentral();
    const c = await publishNew(central, [30_000, 20_000]);
    const w = ws(central);
    await w.sync.run();
    const [gone, bad] = c.pkg.manifest.evidence.slice(-2).map((e) => e.file.sha256);
    w.blobs.remove(gone!);
    // The initial sync packed the files (blob-pack/): damage the bad one's content in its pack, its
    // header intact — a copy that looks fine until it is decrypted must be fetched again too.
    const span = w.blobs.packs!.locate(bad!)!;
    const fd = openSync(span.path, 'r+');
    writeSync(fd, randomBytes(100), 0, 100, span.offset + 200);
    closeSync(fd);
    // 校验案卷 found them so (the case's file list says 缺失 and 已篡改 from then on).
    expect(await w.integrity.check(gone!)).toBe('missing');
    expect(await w.integrity.check(bad!)).toBe('tampered');
    w.sync.state.set('feed_cursor', '0'); // as if the cursor update had been lost in a crash
    const r = await w.sync.run();
    expect(r.summary.bytes).toBe(50_000);
    expect(await w.blobs.verify(gone!)).toBe('ok');
    expect(await w.blobs.verify(bad!)).toBe('ok');
    // Repaired into a pack: what the case's file list shows is 完好 again.
    const states = w.store.db.select({ sha256: t.blobs.sha256, state: t.blobs.verifiedState }).from(t.blobs).all();
    const stateOf = new Map(states.map((s) => [s.sha256, s.state]));
    expect([stateOf.get(gone!), stateOf.get(bad!)]).toEqual(['ok', 'ok']);
    expect(w.cases.load(c.caseId)!.row).toMatchObject({ offline: true, round: 1 });
  });

  it('the pull looks in the store once per new file when it plans; the downloads do not ask again', async () => {
    const central = new MemoryCentral();
    const a = await publishNew(central, [30_000, 20_000, 10_000]);
    const b = await publishNew(central, [25_000, 15_000]);
    const w = ws(central);
    const looked: string[] = [];
    const copyState = w.blobs.copyState.bind(w.blobs);
    w.blobs.copyState = (sha256) => (looked.push(sha256), copyState(sha256));
    // Asked again by the plan or the prefetcher (a type sniff after the import may read a blob: not counted).
    const asked: string[] = [];
    for (const m of ['has', 'looksIntact'] as const) {
      const orig = w.blobs[m].bind(w.blobs);
      w.blobs[m] = (sha256: string) => {
        if (/at (new Prefetcher|Prefetcher\.\w+|plan|localCopy) /.test(new Error().stack ?? '')) asked.push(sha256);
        return orig(sha256);
      };
    }
    const r = await w.sync.run();
    expect(r.summary.pulled).toBe(2);
    const files = [...a.pkg.manifest.evidence, ...b.pkg.manifest.evidence].map((e) => e.file.sha256);
    const unique = [...new Set([...files, ...[a, b].flatMap((c) => c.pkg.manifest.documents.map((d) => d.file.sha256))])];
    expect([...looked].sort()).toEqual([...unique].sort());
    expect(asked.filter((s) => unique.includes(s))).toEqual([]);
    for (const sha of files) expect(await w.blobs.verify(sha)).toBe('ok');
  });

  it('an old revision in the feed is skipped: only the current one is fetched and it opens no extra round', async () => {
    const central = new MemoryCentral();
    const r1 = await publishNew(central, [80_000]);
    const r2 = await publishNew(central, [1_000], { id: r1.caseId, caseNumber: r1.caseNumber, revision: 2 });
    const w = ws(central);
    const r = await w.sync.run();
    expect(r.summary.pulled).toBe(1);
    expect(r.summary.bytes).toBeLessThan(80_000);
    expect(w.cases.load(r1.caseId)!.row).toMatchObject({ revision: 2, round: 1, revisionHash: r2.revisionHash });
  });

  it('reports files, bytes, speed and remaining; ends with phase done', async () => {
    const central = new MemoryCentral();
    await publishNew(central, [200_000, 100_000]);
    await publishNew(central, [50_000]);
    const w = ws(central);
    const events: SyncProgress[] = [];
    w.on((name, payload) => name === 'sync.progress' && events.push(payload as SyncProgress));
    const r = await w.sync.run();
    const last = events.at(-1)!;
    expect(last.phase).toBe('done');
    expect(last.filesDone).toBe(last.filesTotal);
    expect(last.filesTotal).toBe(7);
    expect(last.bytesDone).toBe(last.bytesTotal);
    expect(last.bytesTotal).toBe(r.summary.bytes);
    expect(last.remaining).toBe(0);
    expect(events.some((e) => e.phase === 'pull')).toBe(true);
  });
});

describe('the sync.* Api', () => {
  it('status, run, cancel and the progress event go through the one dispatch wrapper', async () => {
    const { buildApi } = await import('../../../src/main/api');
    const { dispatch } = await import('../../../src/main/dispatch');
    const central = new MemoryCentral();
    const c = await publishNew(central, [20_000]);
    const w = ws(central);
    const call = (name: string, input: unknown = {}) => dispatch(buildApi(w, 'host'), name, input);
    const events: string[] = [];
    w.on((name, p) => name === 'sync.progress' && events.push((p as SyncProgress).phase));
    queue(w, c);
    expect(await call('sync.status')).toMatchObject({ ok: true, value: { state: '离线', pending: 1, line: '离线（1 项待发送）' } });
    const run = await call('sync.run');
    // The in-memory central system names no TSA: the line says the submission went without a timestamp.
    expect(run).toMatchObject({ ok: true, value: { outcome: 'synced', line: '已同步 · 拉取 1 个案件 · 发送 1 件 · 1 件未加盖时间戳（未配置时间戳服务）' } });
    expect(events).toContain('done');
    expect(await call('sync.status')).toMatchObject({ ok: true, value: { state: '已同步', pending: 0 } });
    expect(await call('sync.cancel')).toEqual({ ok: true, value: { cancelled: false } });
    expect(await call('sync.run', { server: 'http://evil' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('sync.exportBundle', { path: join(tempDir(), 'b.json'), bundlePassphrase: '青山-打印机-四十七' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('sync.importBundle: case packages from the central system on a stick', () => {
  async function zipOf(files: [string, Buffer][], out: string): Promise<string> {
    writeFileSync(out, await zipBuffer(files));
    return out;
  }

  it('imports every package of a multi-package .zip (folders and inner .zip files); refuses a path trick, importing nothing', async () => {
    const { zipPackage } = await import('../../helpers/server-fixtures');
    const { buildApi } = await import('../../../src/main/api');
    const { dispatch } = await import('../../../src/main/dispatch');
    const [a, b, c] = [await packageWithFiles(tempDir(), [100]), await packageWithFiles(tempDir(), [200]), await packageWithFiles(tempDir(), [300])];
    const out = join(tempDir(), 'from-central.zip');
    await zipOf([...folderFiles(a.dir, 'a/'), ...folderFiles(b.dir, 'b/'), ['c.zip', await zipPackage(c)]], out);
    const w = ws(new MemoryCentral());
    const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path: out });
    expect(r.ok && (r.value as { outcomes: { ok: boolean; action: string }[] }).outcomes.map((o) => [o.ok, o.action])).toEqual([
      [true, 'imported'],
      [true, 'imported'],
      [true, 'imported'],
    ]);
    expect(w.cases.count()).toBe(3);
    expect(readdirSync(join(w.dataDir, 'sync')).filter((n) => n.startsWith('bundle-'))).toEqual([]);

    const evil = join(tempDir(), 'evil.zip');
    // yazl refuses to write "..": write a same-length name and patch it in (names are not checksummed).
    await zipOf([...folderFiles(a.dir, 'x/'), ...folderFiles(b.dir, 'y/'), ['y/qq/qq/qq/escape.txt', Buffer.from('x')]], evil);
    writeFileSync(evil, Buffer.from(readFileSync(evil).toString('latin1').replaceAll('y/qq/qq/qq/', 'y/../../../'), 'latin1'));
    const refused = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path: evil });
    // yauzl already refuses the name; our own check stands behind it.
    expect(refused).toMatchObject({ ok: true, value: { outcomes: [{ ok: false }], calendar: null } });
    expect(JSON.stringify(refused)).toMatch(/invalid relative path|不安全的文件路径/);
    expect(w.cases.count()).toBe(3);
  });
});
