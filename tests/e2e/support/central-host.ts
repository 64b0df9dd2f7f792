// The real central server with one demo case assigned to alice, and a host of the spec's own (a temp
// FASHEN_HOME) whose reviewer 王审核 is logged in as her: the set-up of the specs that follow one case
// from the central system to a signed opinion. Both are stopped when the spec's body ends.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { generateDemoPackages } from '../../../src/main/demo/generate';
import { spawnHost } from '../../../scripts/host-process';
import { callApi, E2E_TODAY, type RunningHost } from '../fixtures';
import { startCentral, type RunningCentral } from './central';

export const ALICE_PW = 'alice-password-e2e';

export interface CentralWithHost {
  central: RunningCentral;
  /** The host's URL (with its token), for the page. */
  url: string;
  host: Pick<RunningHost, 'origin' | 'token'>;
  /** The case published and assigned to alice. */
  caseId: string;
}

export interface CentralHostOptions {
  /** The host's automatic sync (off by default, as spawnHost has it). */
  autoSync?: boolean;
  /** After alice is added, before her case is published: more users, a display name. */
  prepare?: (central: RunningCentral) => Promise<void>;
}

export async function withCentralAndHost(opts: CentralHostOptions, body: (s: CentralWithHost) => Promise<void>): Promise<void> {
  const central = await startCentral();
  let child: ChildProcess | undefined;
  try {
    const spawned = await spawnHost(mkdtempSync(join(tmpdir(), 'fashen-e2e-')), E2E_TODAY, { autoSync: opts.autoSync });
    child = spawned.child;
    const u = new URL(spawned.url);
    const host = { origin: u.origin, token: u.searchParams.get('token')! };
    await central.admin.addReviewer('alice', ALICE_PW);
    await opts.prepare?.(central);
    const [g] = await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')), today: E2E_TODAY, count: 1 });
    const { caseId } = await central.admin.publish(g!.dir, 'alice');
    await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '马鞍山市市场监督管理局', legalQualification: true });
    await callApi(host, 'sync.login', { server: central.url, user: 'alice', password: ALICE_PW });
    await body({ central, url: spawned.url, host, caseId });
  } finally {
    child?.kill('SIGTERM');
    await central.stop();
  }
}
