// New cases whose files are all here are written together (one commit for a group), and the group
// never hides what a case on its own would have said: a case that fails in the group is imported
// again alone, and the cursor only ever passes entries that were written.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import type { PreparedImport } from '../../../src/main/services/importer';
import type { Workstation } from '../../../src/main/workstation';
import { tempDir } from '../../helpers/package-builder';
import { filesOf, newDataDir, packageWithFiles, workstation } from './fixtures';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

/** Sizes of the groups written, and the cursor each case's write left inside its transaction. */
function watchGroups(w: Workstation): { sizes: number[]; cursorInTx: boolean[] } {
  const seen = { sizes: [] as number[], cursorInTx: [] as boolean[] };
  const writeGroup = w.importer.writeGroup.bind(w.importer);
  w.importer.writeGroup = (list: readonly PreparedImport[], within?: (i: number) => void) => {
    seen.sizes.push(list.length);
    return writeGroup(list, (i) => {
      within?.(i);
      seen.cursorInTx.push(w.store.sqlite.inTransaction);
    });
  };
  return seen;
}

/** Four cases of one small file each on the in-memory central system, and a workstation to sync them. */
async function fourCases(size: number) {
  const central = new MemoryCentral();
  const made = [];
  for (let i = 0; i < 4; i++) {
    const pkg = await packageWithFiles(tempDir(), [size + i]);
    made.push(central.publish(pkg.manifest, filesOf(pkg)));
  }
  const w = workstation(newDataDir(), () => central.transport(), { concurrency: 1 });
  open.push(w);
  return { made, w };
}

describe('pull: cases written in groups', () => {
  it('the cases of one batch download are written in one group; each moves the cursor inside it', async () => {
    const central = new MemoryCentral();
    const made = [];
    for (let i = 0; i < 6; i++) {
      const pkg = await packageWithFiles(tempDir(), [3_000 + i, 2_000]);
      made.push(central.publish(pkg.manifest, filesOf(pkg)));
    }
    const w = workstation(newDataDir(), () => central.transport(), { concurrency: 1 });
    open.push(w);
    const seen = watchGroups(w);
    const r = await w.sync.run();
    expect(r.outcome).toBe('synced');
    expect(r.summary.pulled).toBe(6);
    expect(w.cases.count()).toBe(6);
    expect(w.sync.state.cursor()).toBe(made.at(-1)!.seq);
    // All six cases' files came in one batch: the first waited for it, then all were ready.
    expect(seen.sizes).toEqual([6]);
    expect(seen.cursorInTx).toEqual(Array(6).fill(true));
  });

  it('a case the group cannot write (its 案号 taken by a case before it in the group) is refused alone with the reason; the others are in', async () => {
    const central = new MemoryCentral();
    const first = await packageWithFiles(tempDir(), [4_000]);
    const clash = await packageWithFiles(tempDir(), [5_000], { caseNumber: first.manifest.case.caseNumber });
    const after = await packageWithFiles(tempDir(), [6_000]);
    for (const p of [first, clash, after]) central.publish(p.manifest, filesOf(p));
    const w = workstation(newDataDir(), () => central.transport(), { concurrency: 1 });
    open.push(w);
    const seen = watchGroups(w);
    const r = await w.sync.run();
    expect(seen.sizes[0]).toBe(3);
    expect(w.cases.listRows({}).map((c) => c.id).sort()).toEqual([first.manifest.case.id, after.manifest.case.id].sort());
    expect(r.summary.refused).toBe(1);
    const refused = w.sync.state.refused();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ caseId: clash.manifest.case.id });
    expect(refused[0]!.reason).toMatch(/案号 .* 已被另一案件/);
    expect(w.sync.state.cursor()).toBe(3);
    // Refused for good: the next sync does not try it again.
    const next = await w.sync.run();
    expect(next.summary).toMatchObject({ pulled: 0, refused: 0 });
    expect(w.sync.state.cursor()).toBe(3);
  });

  it('cancelled while a group is being prepared: the cases prepared are written, the cursor stops after the last', async () => {
    const { made, w } = await fourCases(2_000);
    const prepare = w.importer.prepare.bind(w.importer);
    let prepared = 0;
    w.importer.prepare = async (src, opts) => {
      const p = await prepare(src, opts);
      if (++prepared === 2) w.sync.cancel();
      return p;
    };
    const r = await w.sync.run();
    expect(r.outcome).toBe('cancelled');
    expect(w.cases.count()).toBe(2);
    expect(w.sync.state.cursor()).toBe(made[1]!.seq);
    const again = await w.sync.run();
    expect(again.outcome).toBe('synced');
    expect(w.cases.count()).toBe(4);
  });

  it('a case whose preparation fails (a disk error): the cases before it in the group are written, the run ends in error before it', async () => {
    const { made, w } = await fourCases(2_500);
    const prepare = w.importer.prepare.bind(w.importer);
    let calls = 0;
    w.importer.prepare = async (src, opts) => {
      if (++calls === 3) throw new Error('EIO: i/o error, read');
      return prepare(src, opts);
    };
    const r = await w.sync.run();
    expect(r.outcome).toBe('error');
    expect(w.cases.count()).toBe(2);
    expect(w.sync.state.cursor()).toBe(made[1]!.seq);
    w.importer.prepare = prepare;
    expect((await w.sync.run()).outcome).toBe('synced');
    expect(w.cases.count()).toBe(4);
  });
});
