// A sync started by hand (立即同步 → sync.run) or from the command line on the same folder tells
// the automatic sync how it ended: a failure puts it onto the 1, 2, 4 … minute backoff instead of
// leaving the quarter-hour slot, and it then sends by itself once the line is back; a success puts
// it back on the quarter hour. In-memory central system behind a switch that drops the line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/dispatch';
import { startShellSession } from '../../../src/main/shell-session';
import type { WorkstationSession } from '../../../src/main/services/lock/session';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { KEYS } from '../../../src/main/services/sync/state';
import { TransportError, type SyncTransport } from '../../../src/main/services/sync/transport';
import type { SyncRunResult } from '../../../src/shared/api/sync';
import { FAST_RETRY, newDataDir, TODAY } from './fixtures';

const FAR = 600_000;
const RETRY = 400;

/** A transport whose every request fails as an unplugged line does. */
function unplugged(): SyncTransport {
  const base = { server: 'http://central.test', close: async () => undefined };
  return new Proxy(base, {
    get: (t, p) =>
      p in t
        ? t[p as keyof typeof t]
        : async () => {
            throw new TransportError('network', '无法连接 http://central.test：连接被拒绝');
          },
  }) as unknown as SyncTransport;
}

let session: WorkstationSession | null = null;
afterEach(async () => {
  await session?.close();
  session = null;
});

async function start(line: { up: boolean }) {
  const central = new MemoryCentral();
  const dataDir = newDataDir();
  writeFileSync(join(dataDir, 'central.json'), JSON.stringify({ server: 'http://central.test', user: 'alice', token: 't' }));
  session = await startShellSession({
    shell: 'host',
    workstation: { dataDir, today: () => TODAY, sync: { retry: FAST_RETRY, connect: () => (line.up ? central.transport() : unplugged()) } },
    keys: { allowDevKey: true },
    env: {},
    // Nothing automatic for ten minutes unless a failure puts it on the (short) backoff.
    autoSyncTiming: { firstMs: FAR, soonMs: FAR, idleMs: FAR, retryMinMs: RETRY, retryMaxMs: 4 * RETRY },
  });
  return session.current()!;
}

const dueIn = (w: { sync: { auto: { nextAt(): Date | null } | null } }) => w.sync.auto!.nextAt()!.getTime() - Date.now();

it('立即同步 fails offline: the automatic sync retries within the backoff, and goes through by itself once the line is back', async () => {
  const line = { up: false };
  const w = await start(line);
  expect(dueIn(w)).toBeGreaterThan(FAR / 2);

  const r = await dispatch(session!.handlers, 'sync.run', {});
  expect(r.ok && (r.value as SyncRunResult).outcome).toBe('offline');
  expect(dueIn(w)).toBeLessThanOrEqual(1.25 * RETRY); // not the old ten-minute slot

  line.up = true;
  await vi.waitFor(() => expect(w.sync.status()).toMatchObject({ state: '已同步', lastSyncAt: expect.any(String) }), { timeout: 10_000, interval: 20 });
  // Through: back to the long interval.
  await vi.waitFor(() => expect(dueIn(w)).toBeGreaterThan(FAR / 2), { timeout: 5_000, interval: 20 });
});

it('a successful 立即同步 after failures puts the automatic sync back on the long interval', async () => {
  const line = { up: false };
  const w = await start(line);
  await dispatch(session!.handlers, 'sync.run', {});
  expect(dueIn(w)).toBeLessThanOrEqual(1.25 * RETRY);
  line.up = true;
  const r = await dispatch(session!.handlers, 'sync.run', {});
  expect(r.ok && (r.value as SyncRunResult).outcome).toBe('synced');
  expect(dueIn(w)).toBeGreaterThan(FAR / 2);
});

it('a failed `fashen sync` on the same folder (seen in the store when the window reads the status) also puts it on the backoff', async () => {
  const w = await start({ up: true });
  expect(dueIn(w)).toBeGreaterThan(FAR / 2);
  // What the command line's run leaves in the shared store.
  w.sync.state.set(KEYS.lastOutcome, 'offline');
  w.sync.state.set(KEYS.lastError, '无法连接 http://central.test：连接被拒绝');
  expect((await dispatch(session!.handlers, 'sync.status', {})).ok).toBe(true);
  expect(dueIn(w)).toBeLessThanOrEqual(1.25 * RETRY);
  // Reading the status again without another run changes nothing.
  const due = w.sync.auto!.nextAt()!.getTime();
  await dispatch(session!.handlers, 'sync.status', {});
  expect(w.sync.auto!.nextAt()?.getTime() ?? due).toBe(due);
});
