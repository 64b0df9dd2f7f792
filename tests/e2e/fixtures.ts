// E2E fixtures: a real headless host (the built out/host/host.mjs) on a temp FASHEN_HOME.
import { spawnHost } from '../../scripts/host-process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export const E2E_TODAY = '2026-11-23';

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  home: string;
  stop(): void;
}

/** A host on a temp FASHEN_HOME (or `home`); `today` its date (E2E_TODAY), `autoSync` its automatic sync (off). */
export async function startHost(opts: { today?: string; autoSync?: boolean; home?: string } = {}): Promise<RunningHost> {
  const home = opts.home ?? mkdtempSync(join(tmpdir(), 'fashen-e2e-'));
  const { url, child } = await spawnHost(home, opts.today ?? E2E_TODAY, { autoSync: opts.autoSync });
  const u = new URL(url);
  return { url, origin: u.origin, token: u.searchParams.get('token')!, home, stop: () => child.kill('SIGTERM') };
}

/** One Api call over the host's WebSocket, as the renderer makes it; throws when the call fails. */
export async function callApi<T = unknown>(host: Pick<RunningHost, 'origin' | 'token'>, name: string, input: unknown): Promise<T> {
  const socket = new WebSocket(`${host.origin.replace('http', 'ws')}/api?token=${host.token}`);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const result = await new Promise<{ ok: boolean; value?: T; error?: unknown }>((resolve) => {
    socket.onmessage = (m) => {
      const msg = JSON.parse(String(m.data)) as { id?: number; result?: { ok: boolean; value?: T; error?: unknown } };
      if (msg.id === 1 && msg.result) resolve(msg.result);
    };
    socket.send(JSON.stringify({ id: 1, name, input }));
  });
  socket.close();
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Load the demo case files through the Api, as the first-start button does. */
async function loadDemo(host: RunningHost): Promise<void> {
  await callApi(host, 'cases.loadDemo', {});
}

export const test = base.extend<object, { workstationHost: RunningHost; emptyHost: RunningHost; freshHost: RunningHost; workstationUrl: string; emptyWorkstationUrl: string }>({
  workstationHost: [
    async ({}, use) => {
      const host = await startHost();
      await loadDemo(host);
      await use(host);
      host.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  emptyHost: [
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      host.stop();
    },
    { scope: 'worker' },
  ],
  /** A host of its own for tests that change files on disk (tampering) or import their own packages. */
  freshHost: [
    async ({}, use) => {
      const host = await startHost();
      await use(host);
      host.stop();
    },
    { scope: 'worker' },
  ],
  workstationUrl: [async ({ workstationHost }, use) => use(workstationHost.url), { scope: 'worker' }],
  emptyWorkstationUrl: [async ({ emptyHost }, use) => use(emptyHost.url), { scope: 'worker' }],
});

export { expect } from '@playwright/test';
