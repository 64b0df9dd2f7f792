// A sync that answered the outbox — the automatic sync's (its status read after sync.progress done),
// one seen in the status (the command line), or 立即同步 — reads the signed opinions on screen again:
// the case header, the conclusion card and the 意见书 list stop saying 待发送 without a page reload.
// (No DOM: the renderer's stores with a stand-in Api.)
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpinionRecord } from '../../src/shared/api/opinions';
import type { OutboxEntryView, SyncRunResult, SyncStatusView } from '../../src/shared/api/sync';

const server = vi.hoisted(() => ({
  submission: 'queued' as string,
  timestamp: 'granted' as string,
  queued: [] as string[],
  lastSyncAt: null as string | null,
  lists: 0,
}));

const entry = (id: string) => ({ id, kind: 'opinion', state: 'queued', caseId: 'c1', handled: null }) as unknown as OutboxEntryView;

function view(): SyncStatusView {
  return {
    state: '已同步',
    pending: server.queued.length,
    attention: 0,
    lastSyncAt: server.lastSyncAt,
    lastError: null,
    server: 'http://central.test',
    line: '已同步',
    login: { server: 'http://central.test', user: 'alice' },
    lastOutcome: 'synced',
    queued: server.queued.map(entry),
    needsAttention: [],
    refused: [],
    auto: { enabled: true, nextAt: null },
  };
}

const record = (): OpinionRecord => ({ opinionId: 'o1', caseId: 'c1', round: 1, version: 1, submission: server.submission, timestamp: server.timestamp, superseded: false }) as unknown as OpinionRecord;

vi.mock('../../src/renderer/src/api', () => ({
  api: {
    call: async (name: string) => {
      if (name === 'sync.status') return view();
      if (name === 'opinions.list') {
        server.lists++;
        return [record()];
      }
      if (name === 'keys.status') return { keys: [], active: null };
      if (name === 'sync.run') return { outcome: 'synced', summary: { pulled: 0, sent: 0, stale: 0, rejected: 0, refused: 0, unassigned: 0, bytes: 0, stamped: 1 }, status: view(), line: '已同步', refused: [], problems: [] } as unknown as SyncRunResult;
      throw new Error(`unexpected call ${name}`);
    },
    on: () => () => undefined,
  },
}));

const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
};

beforeEach(() => {
  vi.resetModules();
  Object.assign(server, { submission: 'queued', timestamp: 'granted', queued: ['o1'], lastSyncAt: '2026-11-20T01:00:00.000Z', lists: 0 });
});

/** Fresh stores for each test (the modules hold their state). */
async function stores() {
  const { opinionActions } = await import('../../src/renderer/src/opinion/store');
  const sync = await import('../../src/renderer/src/sync/store');
  return { opinionActions, sync };
}

describe('signed opinions follow the outbox after a sync', () => {
  it('the automatic sync (or the command line) sent it: the next status read sees it leave the queue and the case reads 中心已接收', async () => {
    const { opinionActions, sync } = await stores();
    const shown = await opinionActions.loadRecords('c1');
    expect(shown[0]!.submission).toBe('queued');
    await sync.syncActions.refresh();

    // The automatic run delivers it (the window hears sync.progress done and reads the status).
    Object.assign(server, { submission: 'accepted', queued: [], lastSyncAt: '2026-11-20T01:05:00.000Z' });
    const before = server.lists;
    await sync.syncActions.refresh();
    await settle();
    expect(server.lists).toBe(before + 1);

    // Reading the status again with nothing new reads nothing else.
    await sync.syncActions.refresh();
    await settle();
    expect(server.lists).toBe(before + 1);
  });

  it('only cases whose opinions are on screen are read again', async () => {
    const { sync } = await stores();
    await sync.syncActions.refresh();
    Object.assign(server, { submission: 'accepted', queued: [] });
    await sync.syncActions.refresh();
    await settle();
    expect(server.lists).toBe(0);
  });

  it('立即同步 that only stamped it (待加盖时间戳 → 已加盖时间戳) still reads the case again', async () => {
    const { opinionActions, sync } = await stores();
    server.timestamp = 'pending';
    await opinionActions.loadRecords('c1');
    await sync.syncActions.refresh();
    server.timestamp = 'granted';
    const before = server.lists;
    await sync.syncActions.run();
    await settle();
    expect(server.lists).toBeGreaterThan(before);
  });

  it('outboxMoved: a new last sync, another outcome or count, or a submission that left the queue', async () => {
    const { sync } = await stores();
    const a = view();
    expect(sync.outboxMoved(a, view())).toBe(false);
    expect(sync.outboxMoved(a, { ...view(), lastSyncAt: '2026-11-20T02:00:00.000Z' })).toBe(true);
    expect(sync.outboxMoved(a, { ...view(), queued: [] })).toBe(true);
    expect(sync.outboxMoved(a, { ...view(), queued: [entry('o1'), entry('o2')] })).toBe(false); // just signed: the sign itself reads it
    expect(sync.outboxMoved(a, { ...view(), attention: 1 })).toBe(true);
  });
});
