// Crash reports as files: <data>/logs/crash-<id>.json (ids sort by time), the newest 50 kept.
// Written synchronously — the process may be about to die. The last report not yet acknowledged
// when the app started is shown once on that start (查看详情 / 知道了); 知道了 acknowledges it and
// everything before it (<data>/logs/crash-ack.json).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { errorFacts, MAX_MESSAGE, MAX_STACK, sanitize, type CrashReport, type CrashSource, type ErrorFacts } from './report';
import { writeFileDurable } from '../cache-crypto/durable';

const FILE_RE = /^crash-([0-9TZ]+-[0-9a-f]{6})\.json$/;
const ACK_FILE = 'crash-ack.json';

const StoredReport = z.object({
  id: z.string(),
  at: z.string(),
  source: z.enum(['main', 'host', 'renderer']),
  kind: z.string(),
  name: z.string().nullable(),
  message: z.string(),
  stack: z.string().nullable(),
  version: z.string(),
  platform: z.string(),
  arch: z.string(),
  page: z.string().optional(),
});

export interface CrashLogOptions {
  version: string;
  /** The data folder, hidden in reports as <数据目录>. */
  dataDir?: string;
  now?: () => Date;
  keep?: number;
}

export interface CrashWrite {
  source: CrashSource;
  kind: string;
  error: unknown;
  page?: string | undefined;
}

export interface PendingCrash {
  report: CrashReport;
  /** Unacknowledged reports in all (the newest is `report`). */
  count: number;
}

export class CrashLog {
  private readonly now: () => Date;
  private readonly keep: number;
  /** What was waiting when this process started (this run's own errors wait for the next start). */
  readonly pendingAtStart: PendingCrash | null;

  constructor(
    readonly dir: string,
    private readonly opts: CrashLogOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.keep = opts.keep ?? 50;
    this.pendingAtStart = this.pending();
  }

  write(w: CrashWrite): CrashReport {
    const at = this.now();
    const id = `${at.toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
    const facts: ErrorFacts = errorFacts(w.error);
    const folders = this.opts.dataDir ? { data: this.opts.dataDir } : {};
    const report: CrashReport = {
      id,
      at: at.toISOString(),
      source: w.source,
      kind: w.kind.slice(0, 60),
      name: facts.name ? facts.name.slice(0, 100) : null,
      message: sanitize(facts.message, MAX_MESSAGE, folders),
      stack: facts.stack ? sanitize(facts.stack, MAX_STACK, folders) : null,
      version: this.opts.version,
      platform: platform(),
      arch: arch(),
      ...(w.page ? { page: w.page } : {}),
    };
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `crash-${id}.json`);
    writeFileDurable(file, `${JSON.stringify(report, null, 2)}\n`);
    this.prune();
    return report;
  }

  /** The newest unacknowledged report, and how many are waiting. */
  pending(): PendingCrash | null {
    const ack = this.acknowledged();
    const ids = this.ids().filter((id) => id > ack);
    for (let i = ids.length - 1; i >= 0; i--) {
      const report = this.read(ids[i]!);
      if (report) return { report, count: ids.length };
    }
    return null;
  }

  /** 知道了: this report and every earlier one are done with. */
  acknowledge(id: string): void {
    if (!this.ids().includes(id) || id <= this.acknowledged()) return;
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, ACK_FILE);
    writeFileDurable(file, `${JSON.stringify({ acknowledged: id })}\n`);
  }

  read(id: string): CrashReport | null {
    try {
      const r = StoredReport.safeParse(JSON.parse(readFileSync(join(this.dir, `crash-${id}.json`), 'utf8')));
      return r.success ? r.data : null;
    } catch {
      return null; // unreadable report: skipped, never a reason to fail the start
    }
  }

  ids(): string[] {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return [];
    }
    return names
      .map((n) => FILE_RE.exec(n)?.[1])
      .filter((id): id is string => Boolean(id))
      .sort();
  }

  private acknowledged(): string {
    try {
      const v = JSON.parse(readFileSync(join(this.dir, ACK_FILE), 'utf8')) as { acknowledged?: unknown };
      return typeof v.acknowledged === 'string' ? v.acknowledged : '';
    } catch {
      return '';
    }
  }

  private prune(): void {
    const ids = this.ids();
    for (const id of ids.slice(0, Math.max(0, ids.length - this.keep))) rmSync(join(this.dir, `crash-${id}.json`), { force: true });
  }
}

export const crashDir = (dataDir: string) => join(dataDir, 'logs');
