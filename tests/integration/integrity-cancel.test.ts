// 校验案卷 cancelled (取消) end to end through the Api: it stops between files and inside a big
// file's hashing stream, reports 已取消, keeps what was checked and marks nothing wrong.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workstation } from '../../src/main/workstation';
import type { IntegrityReport } from '../../src/shared/api/evidence';
import type { ApiEvents } from '../../src/shared/api/events';
import { buildPackage, tempDir, type BuiltPackage } from '../helpers/package-builder';
import { caller, ok, type Call } from '../helpers/meeting-fixture';
import { addSparseVideo } from '../helpers/sparse-video';

/** Big enough for many byte-progress reports (one per 8 MB), small enough to import quickly. */
const VIDEO_BYTES = 96 * 1024 * 1024;

let ws: Workstation;
let call: Call;
let pkg: BuiltPackage;
let caseId: string;

/** Run 校验案卷 and call 取消 when `when` first says so for a progress event. */
async function verifyCancelledWhen(when: (p: ApiEvents['verify.progress']) => boolean): Promise<{ report: IntegrityReport; cancelAnswer: { cancelled: boolean } | null; seen: ApiEvents['verify.progress'][] }> {
  const seen: ApiEvents['verify.progress'][] = [];
  let cancelling: Promise<{ cancelled: boolean }> | null = null;
  const off = ws.on((event, payload) => {
    if (event !== 'verify.progress') return;
    const p = payload as ApiEvents['verify.progress'];
    seen.push(p);
    if (!cancelling && when(p)) cancelling = ok(call, 'evidence.cancelVerify', { caseId });
  });
  try {
    const report = await ok(call, 'evidence.verifyCase', { caseId });
    return { report, cancelAnswer: cancelling ? await cancelling : null, seen };
  } finally {
    off();
  }
}

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('verify-cancel-'), today: () => '2026-11-23' });
  call = caller(ws);
  pkg = await buildPackage(tempDir());
  await addSparseVideo(pkg, { id: 'video', title: '执法记录仪视频', bytes: VIDEO_BYTES });
  pkg.write();
  expect(await ws.importer.importOne(pkg.dir)).toMatchObject({ ok: true, action: 'imported' });
  caseId = pkg.manifest.case.id;
}, 120_000);

afterAll(() => {
  ws.close();
  rmSync(pkg.dir, { recursive: true, force: true });
});

describe('cancelling 校验案卷', () => {
  it('stops inside the big video: 已取消, earlier files keep 完好, the video is 未校验 and not cached as checked', async () => {
    const { report, cancelAnswer, seen } = await verifyCancelledWhen((p) => p.file?.title === '执法记录仪视频');
    expect(cancelAnswer).toEqual({ cancelled: true });
    // Cancelled within the file: the byte progress stopped short of the end.
    const bytes = seen.filter((p) => p.file).map((p) => p.file!.done);
    expect(bytes.length).toBeGreaterThan(0);
    expect(Math.max(...bytes)).toBeLessThan(VIDEO_BYTES);
    expect(seen.every((p) => p.done < p.total)).toBe(true);
    expect(report.cancelled).toBe(true);
    const video = report.items.find((i) => i.itemId === 'video')!;
    expect(video.state).toBe('unchecked');
    expect(report.items.filter((i) => i.itemId !== 'video').every((i) => i.state === 'ok')).toBe(true);
    expect(report.summary).toEqual({ ok: report.items.length - 1, tampered: 0, missing: 0, unchecked: 1 });
    // Nothing marked wrong: the case view still shows the video as it was.
    expect(ws.views.get(caseId)!.evidence.find((e) => e.id === 'video')!.file.state).toBe('ok');
  });

  it('stops between files when cancelled after the first file', async () => {
    const { report, cancelAnswer } = await verifyCancelledWhen((p) => p.done === 1 && !p.file);
    expect(cancelAnswer).toEqual({ cancelled: true });
    expect(report.cancelled).toBe(true);
    expect(report.items[0]!.state).toBe('ok');
    expect(report.items.slice(1).every((i) => i.state === 'unchecked')).toBe(true);
    expect(report.summary.unchecked).toBe(report.items.length - 1);
  });

  it('a check after a cancelled one runs to the end (the cancel does not linger); its progress counts bytes up to all the case’s bytes', async () => {
    const { report: r, cancelAnswer, seen } = await verifyCancelledWhen(() => false);
    expect(cancelAnswer).toBeNull();
    expect(r.cancelled).toBe(false);
    const view = ws.views.get(caseId)!;
    const sizes = new Map([...view.documents, ...view.evidence].map((i) => [i.file.sha256, i.file.size]));
    const total = [...sizes.values()].reduce((n, s) => n + s, 0);
    expect(seen.every((p) => p.bytes.total === total)).toBe(true);
    const done = seen.map((p) => p.bytes.done);
    expect(done.every((d, i) => i === 0 || d >= done[i - 1]!)).toBe(true);
    expect(seen.at(-1)!.bytes.done).toBe(total);
    // While the video is read, the bar is below the share of bytes done, however many files are done.
    const inVideo = seen.find((p) => p.file?.title === '执法记录仪视频')!;
    expect(inVideo.bytes.done).toBeLessThan(total);
    expect(r.summary).toEqual({ ok: r.items.length, tampered: 0, missing: 0, unchecked: 0 });
    expect(ws.views.get(caseId)!.queue.offline).toBe(true);
  }, 60_000);

  it('a cancelled check that already found a damaged file still reports it and takes the case offline', async () => {
    const doc = pkg.manifest.documents[0]!;
    const blob = ws.blobs.pathOf(doc.file.sha256);
    const saved = readFileSync(blob);
    rmSync(blob);
    try {
      const { report } = await verifyCancelledWhen((p) => p.file?.title === '执法记录仪视频');
      expect(report.cancelled).toBe(true);
      expect(report.items.find((i) => i.itemId === doc.id)!.state).toBe('missing');
      expect(report.summary.unchecked).toBe(1);
      expect(ws.views.get(caseId)!.queue.offline).toBe(false);
    } finally {
      writeFileSync(blob, saved);
    }
  }, 60_000);

  it('取消 with nothing running says so, and bad input gets a clear error', async () => {
    expect(await ok(call, 'evidence.cancelVerify', { caseId })).toEqual({ cancelled: false });
    const bad = await call('evidence.cancelVerify', { caseId: '' });
    expect(bad.ok).toBe(false);
    const extra = await call('evidence.cancelVerify', { caseId, runId: 'x' } as never);
    expect(extra.ok).toBe(false);
  });
});
