// A synced case is written in one transaction: its rows, the types of its new files sniffed from
// the first bytes the download kept, and the feed cursor past its entry. Before, each case took
// three commits (the import, processMany's type results, the cursor) — and a crash between the
// first and the last left the case imported with the cursor before it.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { BlobRepo } from '../../../src/main/db/repos/blobs';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import type { Workstation } from '../../../src/main/workstation';
import { pngImage } from '../../helpers/bad-files';
import { tempDir } from '../../helpers/package-builder';
import { addEvidence } from '../../e2e/support/evidence-packages';
import { filesOf, newDataDir, packageWithFiles, workstation } from './fixtures';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('pull: one commit per case', () => {
  it('the case, the sniffed types of its files and the cursor past its entry commit together', async () => {
    const central = new MemoryCentral();
    const pkg = await packageWithFiles(tempDir(), [70_000, 3_000]);
    const png = Buffer.from(await pngImage());
    const note = Buffer.from('现场检查笔录补充说明：当事人称涉案食品购自批发市场。\n', 'utf8');
    addEvidence(pkg, [['e-photo', '现场照片', 'evidence/photo.jpg', png]], { kind: '电子数据', proves: '现场情况', mime: 'image/jpeg' });
    addEvidence(pkg, [['e-note', '情况说明', 'evidence/note.txt', note]], { kind: '书证', proves: '进货来源', mime: 'text/plain' });
    pkg.write();
    central.publish(pkg.manifest, filesOf(pkg));
    const w = workstation(newDataDir(), () => central.transport());
    open.push(w);

    // Who wrote what, and whether inside a transaction.
    const cursorMoves: { seq: number; inTx: boolean }[] = [];
    const advance = w.sync.state.advanceCursor.bind(w.sync.state);
    w.sync.state.advanceCursor = (seq: number) => {
      const before = w.sync.state.cursor();
      advance(seq);
      if (w.sync.state.cursor() !== before) cursorMoves.push({ seq, inTx: w.store.sqlite.inTransaction });
    };
    const recorded: { shas: string[]; inTx: boolean }[] = [];
    const record = w.processor.record.bind(w.processor);
    w.processor.record = (results) => {
      recorded.push({ shas: [...results.keys()], inTx: w.store.sqlite.inTransaction });
      record(results);
    };
    const processedLater: string[] = [];
    const processMany = w.processor.processMany.bind(w.processor);
    w.processor.processMany = (shas, heads) => {
      processedLater.push(...shas);
      return processMany(shas, heads);
    };

    const r = await w.sync.run();
    expect(r.outcome).toBe('synced');
    expect(r.summary.pulled).toBe(1);

    expect(cursorMoves).toEqual([{ seq: 1, inTx: true }]);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.inTx).toBe(true);
    const bins = [...pkg.files.values()].map(sha);
    expect(new Set(recorded[0]!.shas)).toEqual(new Set([sha(png), ...bins]));
    // Text to extract is left to processMany; nothing sniffed ahead is looked at again.
    expect(processedLater).toContain(sha(note));
    for (const s of [sha(png), ...bins]) expect(processedLater).not.toContain(s);

    const rows = new BlobRepo(w.store.db).getMany([sha(png), sha(note), ...bins]);
    expect(rows.get(sha(png))).toMatchObject({ mime: 'image/jpeg', detectedMime: 'image/png', textState: 'none' });
    expect(rows.get(sha(png))!.problem).toMatch(/与实际内容（PNG 图像）不符/);
    for (const s of bins) expect(rows.get(s)).toMatchObject({ textState: 'none', detectedMime: null, problem: null });
    expect(rows.get(sha(note))!.textState).toBe('done');
  });
});
