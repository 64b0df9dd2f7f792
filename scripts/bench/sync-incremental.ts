// Incremental sync at 10,000 cases: the workstation of the initial sync catches up with 9,000 more
// cases (without files), then one case at a time gets a new revision — uploaded as a .zip through
// the admin API, as the handling unit's system would — and one sync run is timed.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';
import { writeCentralLogin } from '../../src/main/services/sync/central-login';
import { Workstation } from '../../src/main/workstation';
import type { CasePackage } from '../../src/shared/casefile/schema';
import { int, median, ms, TODAY, timed, type Section } from './common';
import { CentralSeeder, REVIEWER, startCentralProcess, type RunningCentral } from './sync-central';
import type { SyncedWorld } from './sync-initial';

export interface IncrementalWorld {
  /** Replaced when the feed benchmark restarts the server (to measure it with nothing in memory). */
  central: RunningCentral;
  centralDir: string;
  /** Device tokens of the reviewer for the feed benchmark's clients. */
  clientTokens: string[];
  /** The reviewer's feed cursor at its end. */
  head: number;
  cases: number;
}

async function zipFolder(dir: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else zip.addFile(join(d, e.name), `${prefix}${e.name}`, { compress: false });
    }
  };
  walk(dir, '');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Revision 2 of a case: one more evidence file (100 kB), written into its package folder. */
function nextRevision(dir: string, pkg: CasePackage): CasePackage {
  const bytes = randomBytes(100_000);
  const path = `evidence/${pkg.evidence.length + 1}-supplement.bin`;
  writeFileSync(join(dir, path), bytes);
  const first = pkg.evidence[0]!;
  const next: CasePackage = {
    ...pkg,
    case: { ...pkg.case, revision: pkg.case.revision + 1 },
    evidence: [...pkg.evidence, { ...first, id: `sync-ev-supplement-${pkg.case.revision + 1}`, title: '补充调取的监控录像', file: { path, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mime: 'application/octet-stream' } }],
  };
  writeFileSync(join(dir, 'case.json'), JSON.stringify(next, null, 2));
  return next;
}

export async function benchIncremental(s: Section, w: SyncedWorld, more: readonly CasePackage[], clients: number): Promise<IncrementalWorld> {
  const total = w.cases.length + more.length;
  const seeder = await CentralSeeder.open(w.centralDir);
  const [, bulkMs] = await timed(() => seeder.bulkAssignedCases(more));
  const adminToken = await seeder.token('bench-admin-cli', 'admin');
  const clientTokens: string[] = [];
  for (let i = 0; i < clients; i++) clientTokens.push(await seeder.token(`bench-client-${i}`));
  await seeder.close();
  s.add({ what: `setup: ${int(more.length)} more cases without files assigned to the reviewer (rows as intake + assignment write them, in bulk)`, measured: ms(bulkMs) });

  const central = await startCentralProcess(w.centralDir);
  writeCentralLogin(w.wsDir, { server: central.url, token: w.token, user: REVIEWER, role: 'reviewer', deviceId: w.token.split('.')[0]!, savedAt: new Date().toISOString() });
  const ws = new Workstation({ dataDir: w.wsDir, today: () => TODAY });
  try {
    const [catchUp, catchMs] = await timed(() => ws.sync.run());
    if (catchUp.outcome !== 'synced' || catchUp.summary.pulled !== more.length) throw new Error(`catch-up sync: ${catchUp.line} ${catchUp.status.lastError ?? ''}`);
    s.add({ what: `catch-up sync of the ${int(more.length)} cases (feed pages of 100, import, no files)`, measured: `${ms(catchMs)} · ${(more.length / (catchMs / 1000)).toFixed(0)} cases/s` });
    if (ws.cases.count() !== total) throw new Error(`workstation holds ${ws.cases.count()} cases, expected ${total}`);

    const idle: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [r, took] = await timed(() => ws.sync.run());
      if (r.outcome !== 'synced' || r.summary.pulled !== 0) throw new Error(`idle sync: ${r.line}`);
      idle.push(took);
    }
    s.add({ what: `sync with nothing new (${int(total)} cases here, cursor at the end): one run`, measured: `median ${ms(median(idle))} (runs ${idle.map((x) => x.toFixed(0)).join(', ')} ms)` });

    const runs: number[] = [];
    for (let k = 0; k < 5; k++) {
      const c = w.cases[k * Math.floor(w.cases.length / 5)]!;
      c.pkg = nextRevision(c.dir, c.pkg);
      const body = await zipFolder(c.dir);
      const res = await fetch(`${central.url}/v1/admin/packages`, { method: 'POST', headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/zip' }, body: new Uint8Array(body) });
      if (res.status !== 201) throw new Error(`upload of revision ${c.pkg.case.revision}: ${res.status} ${await res.text()}`);
      const [r, took] = await timed(() => ws.sync.run());
      if (r.outcome !== 'synced' || r.summary.pulled !== 1) throw new Error(`incremental sync: ${r.line} ${JSON.stringify(r.summary)}`);
      runs.push(took);
    }
    s.add({
      what: `增量同步 incremental sync: 1 case of ${int(total)} has a new revision (21 files, one of them new, 100 kB; a new round opens) — one run, median of 5`,
      target: '< 200 ms',
      ok: median(runs) < 200,
      label: `incremental sync, 1 of ${int(total)} cases changed`,
      measured: `${ms(median(runs))} (runs ${runs.map((x) => x.toFixed(0)).join(', ')} ms)`,
    });
    return { central, centralDir: w.centralDir, clientTokens, head: ws.sync.state.cursor(), cases: total };
  } catch (err) {
    await central.stop();
    throw err;
  } finally {
    ws.close();
  }
}
