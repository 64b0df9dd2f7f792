// The real central server with demo cases assigned to alice, and a host of the spec's own (a temp
// FASHEN_HOME) whose reviewer 王审核 is logged in as her: the set-up of the specs that follow cases
// from the central system to the workstation (a sync, a bundle, a signed opinion). Options cover
// what a spec does differently: its own date, how many cases, logging in itself, a central server
// that trusts the workstation's CA. Both are stopped when the spec's body ends.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoPackages, type GeneratedCase } from '../../../src/main/demo/generate';
import { callApi, E2E_TODAY, startHost, type RunningHost } from '../fixtures';
import { startCentral, type RunningCentral } from './central';

export const ALICE_PW = 'alice-password-e2e';

export interface CentralWithHost {
  central: RunningCentral;
  /** The host's URL (with its token), for the page. */
  url: string;
  host: RunningHost;
  /** The (first) case published and assigned to alice; '' with `cases: 0`. */
  caseId: string;
  /** The demo packages published to alice, in order. */
  cases: GeneratedCase[];
  /** Logs the host in as alice, as sync.login from the panel does (done already unless `login: false`). */
  login(): Promise<void>;
}

export interface CentralHostOptions {
  /** The host's automatic sync (off by default, as spawnHost has it). */
  autoSync?: boolean;
  /** The host's date and the demo cases' (E2E_TODAY by default). */
  today?: string;
  /** How many demo cases are published to alice (1 by default; 0 when the spec publishes its own). */
  cases?: number;
  /** false: the host is not logged in; the spec logs in from the panel, or calls login() when it wants. */
  login?: boolean;
  /**
   * Runs on the host (its reviewer set) before the central server starts, and answers a PEM file
   * of roots the server trusts (FASHEN_TRUST_ANCHORS): the workstation's own CA, for its signatures.
   */
  trustAnchors?: (host: RunningHost) => Promise<string>;
  /** After alice is added, before her cases are published: more users, a display name. */
  prepare?: (central: RunningCentral) => Promise<void>;
  /** The host's FASHEN_HOME (a temp folder by default). */
  home?: string;
}

export async function withCentralAndHost(opts: CentralHostOptions, body: (s: CentralWithHost) => Promise<void>): Promise<void> {
  const today = opts.today ?? E2E_TODAY;
  const host = await startHost({ today, autoSync: opts.autoSync, ...(opts.home ? { home: opts.home } : {}) });
  let central: RunningCentral | undefined;
  try {
    await callApi(host, 'settings.setReviewer', { name: '王审核', agency: '马鞍山市市场监督管理局', legalQualification: true });
    central = await startCentral(await opts.trustAnchors?.(host));
    await central.admin.addReviewer('alice', ALICE_PW);
    await opts.prepare?.(central);
    const count = opts.cases ?? 1;
    const cases = count ? await generateDemoPackages({ outDir: mkdtempSync(join(tmpdir(), 'fashen-e2e-pkg-')), today, count }) : [];
    const published = [];
    for (const g of cases) published.push(await central.admin.publish(g.dir, 'alice'));
    const server = central.url;
    const login = async () => void (await callApi(host, 'sync.login', { server, user: 'alice', password: ALICE_PW }));
    if (opts.login !== false) await login();
    await body({ central, url: host.url, host, caseId: published[0]?.caseId ?? '', cases, login });
  } finally {
    host.stop();
    await central?.stop();
  }
}
