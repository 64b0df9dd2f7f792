// New cases whose files are all here are written together (one commit for a group), and the group
// never hides what a case on its own would have said: a case that fails in the group is imported
// again alone, and the cursor only ever passes entries that were written.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import type { PreparedImport } from '../../../src/main/services/importer';
import type { Workstation } from '../../../src/main/workstation';
import { tempDir } from '../../helpers/package-builder';
import { TransportError, type SyncTransport } from '../../../src/main/services/sync/transport';
import { filesOf, newDataDir, packageWithFiles, perBlob, workstation } from './fixtures';

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

/**
 * Four one-file cases downloaded one request at a time; the third case's file is held back until
 * `release()` (or fails with `fail`), so the first two wait for it with their group in hand.
 */
async function heldThird(opts: { groupHoldMs?: number; fail?: boolean } = {}) {
  const central = new MemoryCentral();
  const made = [];
  const shas: string[] = [];
  for (let i = 0; i < 4; i++) {
    const pkg = await packageWithFiles(tempDir(), [3_000 + i]);
    made.push(central.publish(pkg.manifest, filesOf(pkg)));
    shas.push(pkg.manifest.evidence.at(-1)!.file!.sha256);
  }
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const connect = (): SyncTransport => {
    const t = perBlob(central.transport());
    return {
      ...t,
      blob: async (sha256, range, signal) => {
        if (sha256 === shas[2]) {
          if (opts.fail) throw new TransportError('http', '文件不存在或无权访问', 404, 'not_found');
          // As a real download, it ends when the run is cancelled.
          await new Promise<void>((resolve, reject) => {
            if (signal.aborted) reject(signal.reason);
            void gate.then(resolve);
            signal.addEventListener('abort', () => reject(signal.reason), { once: true });
          });
        }
        return t.blob(sha256, range, signal);
      },
    };
  };
  const w = workstation(newDataDir(), connect, { concurrency: 1, ...(opts.groupHoldMs !== undefined ? { groupHoldMs: opts.groupHoldMs } : {}) });
  open.push(w);
  const prepare = w.importer.prepare.bind(w.importer);
  let prepared = 0;
  w.importer.prepare = async (src, o) => {
    const p = await prepare(src, o);
    prepared++;
    return p;
  };
  // Two cases prepared and the third's file held back: the run waits with both in hand.
  const waiting = () => until(() => prepared === 2);
  return { made, w, release, waiting };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; !check(); i++) {
    if (i > 500) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('pull: cases written in groups', () => {
  it('cases wait for the next ones\' downloads and are written together when the wait is short', async () => {
    const { w, release, waiting } = await heldThird();
    const seen = watchGroups(w);
    const run = w.sync.run();
    await waiting();
    release();
    const r = await run;
    expect(r.outcome).toBe('synced');
    expect(seen.sizes).toEqual([4]);
    expect(w.cases.count()).toBe(4);
  });

  it('a case waits no longer than the hold: the cases in hand are written while the next download still hangs', async () => {
    const { made, w, release } = await heldThird({ groupHoldMs: 50 });
    const seen = watchGroups(w);
    const run = w.sync.run();
    await until(() => w.cases.count() === 2);
    expect(w.sync.state.cursor()).toBe(made[1]!.seq);
    release();
    expect((await run).outcome).toBe('synced');
    expect(seen.sizes).toEqual([2, 2]);
    expect(w.cases.count()).toBe(4);
  });

  it('a download failing while cases are held: those cases are written, the run ends in error before the failing one', async () => {
    const { made, w } = await heldThird({ fail: true });
    const r = await w.sync.run();
    expect(r.outcome).toBe('error');
    expect(w.cases.count()).toBe(2);
    expect(w.sync.state.cursor()).toBe(made[1]!.seq);
  });

  it('cancelled while cases are held for a download: they are written, the run ends cancelled', async () => {
    const { made, w, waiting } = await heldThird();
    const run = w.sync.run();
    await waiting();
    w.sync.cancel();
    const r = await run;
    expect(r.outcome).toBe('cancelled');
    expect(w.cases.count()).toBe(2);
    expect(w.sync.state.cursor()).toBe(made[1]!.seq);
  });

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
