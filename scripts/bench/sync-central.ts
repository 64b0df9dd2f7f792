// The real central server for the sync benchmarks: seeded in-process through its own intake
// service and repositories (setup, not measured), then run as a child process exactly as
// `npm run central -- --port 0 --data <dir>` runs it (PGlite in <dir>/pg, blobs in <dir>/blobs).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hashPassword } from '../../src/server/auth/passwords';
import { newDeviceToken } from '../../src/server/auth/tokens';
import { LocalFolderBackend } from '../../src/server/blobs/local';
import { DEFAULT_LIMITS } from '../../src/server/context';
import { lockFeed, openServerDatabase, type ServerDatabase } from '../../src/server/db/open';
import { CasesRepo } from '../../src/server/db/repos/cases';
import { DevicesRepo } from '../../src/server/db/repos/devices';
import { FeedRepo } from '../../src/server/db/repos/feed';
import { UsersRepo } from '../../src/server/db/repos/users';
import { IntakeService } from '../../src/server/intake/intake';
import * as t from '../../src/server/db/schema';
import { revisionHashOf } from '../../src/main/services/importer';
import { canonicalJson } from '../../src/shared/canonical';
import { packageFiles, type CasePackage } from '../../src/shared/casefile/schema';
import { sql } from 'drizzle-orm';

export const REVIEWER = 'bench-reviewer';

/** The server's database and intake, opened in this process (the server process must not run). */
export class CentralSeeder {
  private constructor(
    readonly dataDir: string,
    private readonly database: ServerDatabase,
    private readonly intakeService: IntakeService,
    private readonly adminId: number,
    private readonly reviewerId: number,
  ) {}

  static async open(dataDir: string): Promise<CentralSeeder> {
    const database = await openServerDatabase({ pgliteDir: join(dataDir, 'pg') });
    const users = new UsersRepo(database.db);
    const user = async (name: string, role: 'admin' | 'reviewer') =>
      (await users.byName(name)) ?? (await users.create(name, role, await hashPassword(randomBytes(12).toString('hex'))))!;
    const admin = await user('bench-admin', 'admin');
    const reviewer = await user(REVIEWER, 'reviewer');
    mkdirSync(join(dataDir, 'tmp'), { recursive: true });
    const intake = new IntakeService(database.db, new LocalFolderBackend(join(dataDir, 'blobs')), join(dataDir, 'tmp'), DEFAULT_LIMITS.unpackedBytes);
    return new CentralSeeder(dataDir, database, intake, admin.id, reviewer.id);
  }

  /** The intake of one package folder (what POST /v1/admin/packages runs after receiving the zip). */
  async intake(dir: string): Promise<{ caseId: string; action: string }> {
    const a = await this.intakeService.intake(dir, this.adminId);
    return { caseId: a.caseId, action: a.action };
  }

  /** Assigns a case to the bench reviewer, as POST /v1/admin/cases/:id/assign does. */
  async assign(caseId: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      await lockFeed(tx);
      const cases = new CasesRepo(tx);
      const kase = await cases.byId(caseId);
      if (!kase) throw new Error(`no case ${caseId}`);
      if (kase.assignedTo === this.reviewerId) return;
      const seq = await new FeedRepo(tx).append('assigned', caseId, kase.currentRevision, this.reviewerId);
      await cases.assign(caseId, this.reviewerId, seq);
    });
  }

  /**
   * Cases without files, assigned to the reviewer, written in bulk: the rows the intake and the
   * assignment write for each (case, revision, a `revision` and an `assigned` feed entry, the
   * case's seqs), in one transaction under the feed lock instead of ~15 statements per case.
   */
  async bulkAssignedCases(pkgs: readonly CasePackage[]): Promise<void> {
    for (const p of pkgs) if (packageFiles(p).length) throw new Error('bulkAssignedCases: cases without files only');
    await this.database.db.transaction(async (tx) => {
      await lockFeed(tx);
      for (let i = 0; i < pkgs.length; i += 500) {
        const chunk = pkgs.slice(i, i + 500).map((pkg) => ({ pkg, revisionHash: revisionHashOf(pkg), packageJson: canonicalJson(pkg) }));
        await tx.insert(t.cases).values(
          chunk.map((c) => ({ id: c.pkg.case.id, caseNumber: c.pkg.case.caseNumber, currentRevision: c.pkg.case.revision, revisionHash: c.revisionHash, packageJson: c.packageJson, updatedSeq: 0 })),
        );
        await tx.insert(t.caseRevisions).values(chunk.map((c) => ({ caseId: c.pkg.case.id, revision: c.pkg.case.revision, revisionHash: c.revisionHash, packageJson: c.packageJson, receivedBy: this.adminId })));
        await tx.insert(t.feed).values(chunk.map((c) => ({ kind: 'revision' as const, caseId: c.pkg.case.id, revision: c.pkg.case.revision })));
        const assigned = await tx
          .insert(t.feed)
          .values(chunk.map((c) => ({ kind: 'assigned' as const, caseId: c.pkg.case.id, revision: c.pkg.case.revision, userId: this.reviewerId })))
          .returning({ seq: t.feed.seq, caseId: t.feed.caseId });
        const values = sql.join(
          assigned.map((a) => sql`(${a.caseId}, ${a.seq}::bigint)`),
          sql`, `,
        );
        await tx.execute(sql`update cases set assigned_to = ${this.reviewerId}, assigned_seq = v.seq, updated_seq = v.seq from (values ${values}) as v(id, seq) where cases.id = v.id`);
      }
    });
  }

  /** A device token of the reviewer (what `fashen login` saves), or of the admin. */
  async token(name: string, role: 'reviewer' | 'admin' = 'reviewer'): Promise<string> {
    const t = newDeviceToken();
    await new DevicesRepo(this.database.db).create(t.deviceId, role === 'admin' ? this.adminId : this.reviewerId, name, t.hash);
    return t.token;
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

export interface RunningCentral {
  url: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** A free loopback port (the server is told it: at log level warn it prints nothing on start). */
function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as AddressInfo).port;
      srv.close(() => res(port));
    });
  });
}

/** Starts `scripts/central.mjs --data <dir> --port <p>` (the bundled server) and waits until it serves. */
export async function startCentralProcess(dataDir: string): Promise<RunningCentral> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, [...(process.env.FASHEN_BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.FASHEN_BENCH_PROFILE_DIR] : []), 'scripts/central.mjs', '--data', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // warn: an info line per request (20,000 blob requests) would cost the server CPU.
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  const log: string[] = [];
  proc.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
  // A bench that dies must not leave its server running.
  const orphan = () => proc.kill('SIGKILL');
  process.once('exit', orphan);
  proc.once('exit', () => process.removeListener('exit', orphan));
  const exited = new Promise<never>((_, rej) => proc.once('exit', (code, signal) => rej(new Error(`central server exited (${code ?? signal}):\n${log.join('')}`))));
  exited.catch(() => undefined);
  const started = performance.now();
  for (;;) {
    const ok = await Promise.race([
      fetch(`${url}/v1/health`).then((r) => r.ok, () => false),
      exited,
    ]);
    if (ok) break;
    if (performance.now() - started > 120_000) throw new Error(`central server did not start:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    proc,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      const gone = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      await gone;
    },
  };
}
