// “N 件需处理” counts only the stale and rejected submissions still waiting for the reviewer: one
// whose case was signed again and accepted is over, and so is one she marked 知道了 — both stay
// listed in the panel with their reason. `fashen sync status` words it as the status bar does, and
// a login clears the 尚未登录 error a sync tried before it left behind.
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import { syncCommand } from '../../../src/cli/commands/sync';
import type { SyncStatusView } from '../../../src/shared/api/sync';
import { newDataDir, workstation } from './fixtures';
import { publish, queue, status } from './memory-status';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

function ws(central: MemoryCentral, dataDir = newDataDir()): Workstation {
  const w = workstation(dataDir, () => central.transport());
  open.push(w);
  return w;
}

async function cli(home: string, args: string[], opts: { json?: boolean } = {}) {
  let out = '';
  let err = '';
  const code = await syncCommand(home, args, opts, { out: (s) => (out += s), err: (s) => (err += s) }, {});
  return { code, out, err };
}

describe('needs attention', () => {
  it('a stale opinion of round 1 stops counting once round 2 is signed again and accepted; it stays listed with its reason', async () => {
    const central = new MemoryCentral();
    const a = await publish(central);
    const w = ws(central);
    expect((await w.sync.run()).outcome).toBe('synced');

    // Revision 2 reaches the central system before the round-1 opinion does: stale.
    const a2 = await publish(central, { id: a.caseId, caseNumber: a.caseNumber, revision: 2 });
    const old = queue(w, a, { at: '2026-11-20T01:00:00.000Z' });
    expect((await w.sync.run()).summary).toMatchObject({ stale: 1, pulled: 1 });
    let v = await status(w);
    expect(v.attention).toBe(1);
    expect(v.needsAttention).toMatchObject([{ id: old, state: 'stale', handled: null }]);

    // Re-signed in round 2, still waiting to be sent: the stale one still counts.
    const resigned = queue(w, a2, { round: 2, at: '2026-11-20T02:00:00.000Z' });
    expect((await status(w)).attention).toBe(1);

    expect((await w.sync.run()).summary.sent).toBe(1);
    v = await status(w);
    expect(w.sync.status().attention).toBe(0);
    expect(v.attention).toBe(0);
    expect(v.line).toBe('已同步');
    expect(v.needsAttention).toHaveLength(1);
    expect(v.needsAttention[0]).toMatchObject({ id: old, state: 'stale', handled: 'superseded', later: { id: resigned, state: 'accepted', round: 2 } });
    expect(v.needsAttention[0]!.reason).toContain('案件已更新为修订 2');
  });

  it('知道了 on a rejected submission nothing has superseded: no longer counted, still listed; a wrong id is refused', async () => {
    const central = new MemoryCentral();
    const a = await publish(central);
    const b = await publish(central);
    const w = ws(central);
    await w.sync.run();
    const forgedA = queue(w, a, { forged: true, at: '2026-11-20T01:00:00.000Z' });
    const forgedB = queue(w, b, { forged: true, at: '2026-11-20T01:00:01.000Z' });
    const queued = queue(w, b, { version: 2, at: '2026-11-20T01:00:02.000Z' });
    await w.sync.run(); // forgedA, forgedB rejected; the last accepted (supersedes forgedB)
    let v = await status(w);
    expect(v.attention).toBe(1);
    expect(new Map(v.needsAttention.map((e) => [e.id, e.handled]))).toEqual(
      new Map([
        [forgedA, null],
        [forgedB, 'superseded'],
      ]),
    );

    const api = buildApi(w, 'host');
    const ack = await dispatch(api, 'sync.acknowledge', { id: forgedA });
    expect(ack.ok).toBe(true);
    v = ack.ok ? (ack.value as SyncStatusView) : v;
    expect(v.attention).toBe(0);
    expect(v.needsAttention.find((e) => e.id === forgedA)).toMatchObject({ state: 'rejected', reason: '签名无效', handled: 'acknowledged' });
    // Kept in the store: a workstation opened later on the folder sees the same.
    expect(w.sync.status().attention).toBe(0);
    // Who said 知道了 to which answer, on the case's trail.
    expect(w.audit.log.list().filter((e) => e.action === 'sync.acknowledge')).toMatchObject([{ subject: a.caseId, detail: { submissionId: forgedA, kind: 'opinion', answer: 'rejected' } }]);

    for (const id of [queued, 'no-such-id']) {
      const r = await dispatch(api, 'sync.acknowledge', { id });
      expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
  });
});

describe('fashen sync status', () => {
  it('a login clears the 尚未登录 error of a sync tried before it: 已登录，尚未同步', async () => {
    const home = newDataDir();
    const first = await cli(home, []);
    expect(first.code).toBe(1);
    expect(first.out).toBe('出错（尚未登录中心系统（fashen login））\n');
    expect((await cli(home, ['status'])).out).toBe('未登录中心系统\n');

    // `fashen login` saves the login (it does not open the store).
    writeCentralLogin(home, { server: 'http://127.0.0.1:9', user: 'alice', role: 'reviewer', deviceId: 'd', token: 't' });
    const after = await cli(home, ['status']);
    expect(after).toMatchObject({ code: 0, out: '已登录，尚未同步\n' });
    const json = JSON.parse((await cli(home, ['status'], { json: true })).out) as { lastError: string | null; line: string };
    expect(json).toMatchObject({ lastError: null, line: '已登录，尚未同步' });
  });

  it('says how many submissions need attention, as the status bar does', async () => {
    const central = new MemoryCentral();
    const a = await publish(central);
    const home = newDataDir();
    const w = ws(central, home);
    await w.sync.run();
    await publish(central, { id: a.caseId, caseNumber: a.caseNumber, revision: 2 });
    queue(w, a, { at: '2026-11-20T01:00:00.000Z' });
    expect((await w.sync.run()).summary.stale).toBe(1);
    w.close();
    open.splice(0);
    writeCentralLogin(home, { server: 'http://127.0.0.1:9', user: 'alice', role: 'reviewer', deviceId: 'd', token: 't' });

    // The status line, then what needs handling, by 案号 with the central system's reason and the advice.
    expect(await cli(home, ['status'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(new RegExp(`^已同步 · 1 件需处理\n  已过时  审核意见书  ${a.caseNumber.replace(/[〔〕]/g, '.')}：案件已更新为修订 2.*在新一轮审核中重新签署。\n$`)),
    });
    const json = JSON.parse((await cli(home, ['status'], { json: true })).out) as { attention: number; line: string };
    expect(json).toMatchObject({ attention: 1, line: '已同步 · 1 件需处理' });
  });
});
