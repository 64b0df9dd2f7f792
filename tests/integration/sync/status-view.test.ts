// sync.status as the sync panel reads it (status-view.ts), on the in-memory central system: the
// saved login, queued submissions with their cases, stale and rejected ones with the reason, the
// case as held here and what followed them, refused feed entries until a later revision arrives,
// damaged outbox rows; and the clear answers to wrong paths for the offline bundle.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as t from '../../../src/main/db/schema';
import type { Workstation } from '../../../src/main/workstation';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { tempDir } from '../../helpers/package-builder';
import { filesOf, newDataDir, packageWithFiles, workstation } from './fixtures';
import { publish, queue, status } from './memory-status';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

function ws(central: MemoryCentral): Workstation {
  const w = workstation(newDataDir(), () => central.transport());
  open.push(w);
  return w;
}

describe('sync.status for the sync panel', () => {
  it('the saved login decides 未登录; counts and lists start empty', async () => {
    const w = ws(new MemoryCentral());
    expect(await status(w)).toMatchObject({ login: null, lastOutcome: null, pending: 0, attention: 0, queued: [], needsAttention: [], refused: [] });
    writeFileSync(join(w.dataDir, 'central.json'), JSON.stringify({ server: 'http://central.example:8080', user: 'alice', token: 'secret' }));
    const v = await status(w);
    expect(v.login).toEqual({ server: 'http://central.example:8080', user: 'alice' });
    expect(JSON.stringify(v)).not.toContain('secret');
    // A damaged login file is no login.
    writeFileSync(join(w.dataDir, 'central.json'), '{"server": 1');
    expect((await status(w)).login).toBeNull();
  });

  it('queued with their cases (oldest first); stale and rejected with reasons, the case as held here and what followed', async () => {
    const central = new MemoryCentral();
    const a = await publish(central);
    const b = await publish(central);
    const w = ws(central);
    expect((await w.sync.run()).outcome).toBe('synced');

    const forged = queue(w, a, { forged: true, at: '2026-11-20T01:00:00.000Z' });
    const ok = queue(w, b, { at: '2026-11-20T02:00:00.000Z' });
    let v = await status(w);
    expect(v.lastOutcome).toBe('synced');
    expect(v.queued.map((q) => q.id)).toEqual([forged, ok]);
    expect(v.queued[0]).toMatchObject({ state: 'queued', kind: 'opinion', caseId: a.caseId, caseNumber: a.caseNumber, caseTitle: `${a.party} · ${a.cause}`, round: 1, version: 1, revision: 1, currentRevision: 1, currentRound: 1, attempts: 0, reason: null, exportedAt: null, later: null });

    // Revision 2 of case a arrives at the central system; the reviewer signs again for revision 1.
    const a2 = await publish(central, { id: a.caseId, caseNumber: a.caseNumber, revision: 2 });
    const resigned = queue(w, a, { version: 2, at: '2026-11-20T03:00:00.000Z' });
    const r = await w.sync.run();
    expect(r.summary).toMatchObject({ sent: 1, stale: 1, rejected: 1, pulled: 1 });
    v = await status(w);
    expect(v.pending).toBe(0);
    expect(v.queued).toEqual([]);
    expect(v.attention).toBe(2);
    const byId = new Map(v.needsAttention.map((e) => [e.id, e]));
    expect(byId.get(forged)).toMatchObject({ state: 'rejected', reason: '签名无效', attempts: 1, later: { id: resigned, state: 'stale', version: 2, round: 1 } });
    expect(byId.get(resigned)).toMatchObject({ state: 'stale', revision: 1, currentRevision: 2, currentRound: 2, later: null });
    expect(byId.get(resigned)!.reason).toContain('案件已更新为修订 2');
    expect(a2.revision).toBe(2);
    expect(v.needsAttention.map((e) => e.id)).not.toContain(ok);

    // Signed again in round 2 and accepted: both earlier ones say so.
    const round2 = { ...a2 };
    const accepted = queue(w, round2, { round: 2, version: 1, at: '2026-11-20T04:00:00.000Z' });
    expect((await w.sync.run()).summary.sent).toBe(1);
    v = await status(w);
    for (const e of v.needsAttention) expect(e.later).toEqual({ id: accepted, state: 'accepted', version: 1, round: 2 });
  });

  it('a damaged outbox row still shows (what can be read of it)', async () => {
    const central = new MemoryCentral();
    const a = await publish(central);
    const w = ws(central);
    await w.sync.run();
    const at = '2026-11-20T01:00:00.000Z';
    w.store.db.insert(t.outbox).values({ id: 'broken-1', kind: 'opinion', caseId: a.caseId, payloadJson: '{"content": {"round": "一"', state: 'queued', createdAt: at, updatedAt: at }).run();
    const v = await status(w);
    expect(v.queued).toHaveLength(1);
    expect(v.queued[0]).toMatchObject({ id: 'broken-1', caseNumber: a.caseNumber, round: null, version: null, revision: null, currentRevision: 1 });
  });

  it('a refused feed entry is listed until a later revision of that case arrives', async () => {
    const central = new MemoryCentral();
    const good = await packageWithFiles(tempDir(), [300]);
    const m = good.manifest;
    central.publish(m, filesOf(good), { package: { ...m, case: { ...m.case, caseNumber: '' } } });
    const w = ws(central);
    const r = await w.sync.run();
    expect(r.summary.refused).toBe(1);
    let v = await status(w);
    expect(v.refused).toHaveLength(1);
    expect(v.refused[0]).toMatchObject({ caseId: m.case.id, revision: 1 });
    expect(v.state).toBe('出错');

    const next = await packageWithFiles(tempDir(), [300], { id: m.case.id, caseNumber: m.case.caseNumber, revision: 2 });
    central.publish(next.manifest, filesOf(next));
    expect((await w.sync.run()).outcome).toBe('synced');
    v = await status(w);
    expect(v.refused).toEqual([]);
  });
});

describe('offline bundle paths: clear answers, nothing written', () => {
  it('export needs a full path to a file in an existing folder; import an existing file', async () => {
    const w = ws(new MemoryCentral());
    const api = buildApi(w, 'host');
    const dir = tempDir();
    mkdirSync(join(dir, 'stick'));
    const bundlePassphrase = '青山-打印机-四十七';
    const cases: [string, unknown, RegExp][] = [
      ['sync.exportBundle', { path: 'outbox.json', bundlePassphrase }, /请填写完整路径/],
      ['sync.exportBundle', { path: join(dir, 'stick'), bundlePassphrase }, /这是一个文件夹/],
      ['sync.exportBundle', { path: join(dir, 'no-such-stick', 'outbox.json'), bundlePassphrase }, /文件夹不存在/],
      // Carried away with the parties' details: never left in the data folder.
      ['sync.exportBundle', { path: join(w.dataDir, 'outbox.json'), bundlePassphrase }, /^不能导出到数据目录中：离线交换包是要带出本机的文件/],
      // The bundle passphrase: the rule in zh-CN, before anything is signed.
      ['sync.exportBundle', { path: join(dir, 'stick', 'outbox.json'), bundlePassphrase: '短' }, /^交换包口令至少 10 个字符/],
      ['sync.exportBundle', { path: join(dir, 'stick', 'outbox.json'), bundlePassphrase: '' }, /^请设置交换包口令/],
      ['sync.importBundle', { path: 'cases.zip' }, /请填写完整路径/],
      ['sync.importBundle', { path: join(dir, 'missing.zip') }, /找不到文件/],
    ];
    for (const [name, input, message] of cases) {
      const r = await dispatch(api, name as 'sync.exportBundle', input as { path: string; bundlePassphrase: string });
      expect(r.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_input');
        expect(r.error.message).toMatch(message);
      }
    }
    // A right path with nothing queued: the existing answer (nothing to export), not a path error.
    const r = await dispatch(api, 'sync.exportBundle', { path: join(dir, 'stick', 'outbox.json'), bundlePassphrase });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
