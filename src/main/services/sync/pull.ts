// Pull: the change feed after the stored cursor. For each entry, in order: fetch the files its
// package lists that are not here yet (resuming partial downloads), verify each by sha256, then
// import the revision through the importer, moving the cursor past the entry in the same
// transaction. Consecutive cases whose files are all here share one transaction (ImportGroup). A
// crash anywhere repeats at most the entries of the group in hand, and importing the same
// revision twice is a no-op ('unchanged'). The downloads of a page run ahead of its imports
// (prefetch.ts: in feed order, bounded), so the network is busy while a case is being imported.
//
// Entries that can never be imported (malformed package, package not matching its entry, a
// revision older than the one here) are refused: recorded with the reason, reported, and the
// cursor moves on — an entry is immutable, so waiting would block every later case forever.
// A file whose bytes do not match its sha256 is different: the run stops with an error and the
// cursor stays before the entry (the next sync fetches it again); nothing of it is imported.
import { CasePackage, packageFiles } from '../../../shared/casefile/schema';
import { describeIssues } from '../../../shared/api/result';
import type { FeedEntry } from '../../../shared/sync/protocol';
import type { CaseFileRepo } from '../../db/repos/case-files';
import type { BlobStore } from '../blob-store';
import { checkedManifest, type CaseImporter, type PreparedImport } from '../importer';
import type { CheckedManifest } from '../package-source';
import type { ImportOutcome } from '../../../shared/api/cases';
import type { BlobFetcher, WantedBlob } from './blob-fetcher';
import { Prefetcher } from './prefetch';
import type { ProgressMeter } from './progress';
import { withRetry, type RetryPolicy } from './retry';
import type { RefusedEntry, SyncStateRepo } from './state';
import { ReassignedCases, type ReassignedCase } from './reassigned';
import { SyncedPackageSource, type SyncedFile } from './synced-source';
import type { SyncTransport } from './transport';

export interface PullDeps {
  transport: SyncTransport;
  state: SyncStateRepo;
  fetcher: BlobFetcher;
  importer: CaseImporter;
  cases: CaseFileRepo;
  blobs: BlobStore;
  progress: ProgressMeter;
  retry: RetryPolicy;
  signal: AbortSignal;
  pageSize: number;
  concurrency: number;
  /** How long cases whose files are all here may wait for the next ones before they are written (ImportGroup). */
  holdMs: number;
  now: () => Date;
  /**
   * Put a verified copy into the blob store in place of a missing or bad one; null when the
   * download already went into the store (a batch's pack, its sha256 checked as it was written).
   */
  repair: (sha256: string, verifiedFile: string | null) => Promise<void>;
  /** Throws (DiskFullError) unless this many bytes of downloads fit on the disk (prefetch.ts). */
  room?: (bytes: number) => void;
}

export interface PullResult {
  /** Cases imported or moved to a new revision (new round). */
  pulled: number;
  unchanged: number;
  unassigned: number;
  /** The cases of those entries, once each (told to the reviewer by 案号). */
  reassigned: ReassignedCase[];
  refused: RefusedEntry[];
}

type Plan =
  | { kind: 'skip'; entry: FeedEntry }
  | { kind: 'unassign'; entry: FeedEntry; caseNumber: string }
  | { kind: 'refuse'; entry: FeedEntry; reason: string; details: string[] }
  /** Already here; `wanted` lists files that went missing or bad since (they are fetched again). */
  | { kind: 'present'; entry: FeedEntry; pkg: CasePackage; wanted: WantedBlob[] }
  | { kind: 'import'; entry: FeedEntry; pkg: CasePackage; wanted: WantedBlob[]; checked: CheckedManifest };

/**
 * The store's copy of a file: good to reuse, bad (fetched again, never skipped), or none. For a new
 * revision a copy is good when present with its header (GCM authenticates the content on every
 * read). For a case that is already here (assigned again, a repeat after a crash: the repair path)
 * it is decrypted and re-hashed, so a damaged copy is fetched again.
 */
async function localCopy(blobs: BlobStore, sha256: string, repair: boolean): Promise<'good' | 'bad' | 'none'> {
  if (!repair) {
    const state = blobs.copyState(sha256);
    return state === 'intact' ? 'good' : state;
  }
  if (!blobs.has(sha256)) return 'none';
  return (await blobs.verify(sha256)) === 'ok' ? 'good' : 'bad';
}

async function plan(entry: FeedEntry, d: PullDeps): Promise<Plan> {
  const c = entry.case;
  const local = d.cases.findIdentity(entry.caseId, '').byId;
  if (!c) return local ? { kind: 'unassign', entry, caseNumber: local.caseNumber } : { kind: 'skip', entry };
  // A later entry carries the current revision: don't fetch (or open a round for) an old one.
  if (!c.current) return { kind: 'skip', entry };
  const parsed = CasePackage.safeParse(c.package);
  if (!parsed.success) return { kind: 'refuse', entry, reason: '案卷包不符合格式', details: describeIssues(parsed.error.issues).slice(0, 20) };
  const pkg = parsed.data;
  const checked = checkedManifest(pkg);
  if (pkg.case.id !== entry.caseId || pkg.case.revision !== entry.revision || checked.revisionHash !== c.revisionHash)
    return { kind: 'refuse', entry, reason: '案卷包与变更记录不符（案件编号、修订号或修订校验值不一致）', details: [] };
  if (local && local.revisionHash !== c.revisionHash && local.revision >= pkg.case.revision)
    return { kind: 'refuse', entry, reason: `本机已有该案件的修订 ${local.revision}，不接受修订 ${pkg.case.revision} 的不同内容`, details: [] };
  const unique = [...new Map(packageFiles(pkg).map((f) => [f.sha256, { sha256: f.sha256, size: f.size }])).values()];
  const present = local?.revisionHash === c.revisionHash;
  const wanted: WantedBlob[] = [];
  for (const b of unique) {
    const copy = await localCopy(d.blobs, b.sha256, present);
    if (copy !== 'good') wanted.push({ ...b, local: copy });
  }
  return present ? { kind: 'present', entry, pkg, wanted } : { kind: 'import', entry, pkg, wanted, checked };
}

const reassigned = (d: PullDeps) => new ReassignedCases(d.state);

const wantedOf = (p: Plan): WantedBlob[] => (p.kind === 'import' || p.kind === 'present' ? p.wanted : []);
const labelOf = (e: FeedEntry) => (e.case ? `中心系统 ${e.case.caseNumber} 修订 ${e.revision}` : '');

async function apply(p: Plan, d: PullDeps, out: PullResult, ready: () => Promise<void>): Promise<void> {
  const refuse = (reason: string, details: string[]) => refuseEntry(p.entry, reason, details, d, out);
  switch (p.kind) {
    case 'skip':
      return;
    case 'refuse':
      return refuse(p.reason, p.details);
    case 'unassign': {
      // The reviewer's work on it stays; the case is no longer available here, nor hers to conclude
      // or sign (review-service.ts refuses): the sync result and the queue say so.
      d.cases.setOffline(p.entry.caseId, false);
      out.unassigned++;
      const mark = { caseId: p.entry.caseId, caseNumber: p.caseNumber, at: d.now().toISOString() };
      reassigned(d).mark(mark);
      if (!out.reassigned.some((r) => r.caseId === mark.caseId)) out.reassigned.push(mark);
      return;
    }
    case 'present':
      // Assigned again, or a repeat after a crash. Files that went missing or bad meanwhile are
      // fetched and verified again; then the case is available offline.
      await ready();
      for (const b of p.wanted) await d.repair(b.sha256, d.fetcher.verifiedPath(b.sha256));
      p.wanted.forEach((b) => d.fetcher.remove(b.sha256));
      d.cases.setOffline(p.entry.caseId, true);
      reassigned(d).clear(p.entry.caseId);
      out.unchanged++;
      return;
    case 'import':
      break;
  }
  await ready();
  // The cursor moves past the entry in the import's own transaction: a crash can never leave the
  // case imported with the cursor before it.
  settle(p, await d.importer.importSource(sourceOf(p, d), { fromCentral: true, source: labelOf(p.entry), within: () => d.state.advanceCursor(p.entry.seq) }), d, out);
}

type ImportPlan = Extract<Plan, { kind: 'import' }>;

/** The entry's package with its files as the fetcher left them (all here: its downloads are ready). */
function sourceOf(p: ImportPlan, d: PullDeps): SyncedPackageSource {
  const files = new Map<string, SyncedFile>();
  for (const f of packageFiles(p.pkg)) {
    const download = d.fetcher.verifiedPath(f.sha256);
    files.set(f.path, { file: download, head: d.fetcher.headOf(f.sha256), packedNow: !download && d.fetcher.packedNow(f.sha256) });
  }
  return new SyncedPackageSource(labelOf(p.entry), p.checked, files);
}

/** What an import's outcome means for the pull: refused with its reason, or counted (its downloads no longer needed). */
function settle(p: ImportPlan, outcome: ImportOutcome, d: PullDeps, out: PullResult): void {
  if (!outcome.ok) return refuseEntry(p.entry, outcome.error ?? '导入失败', outcome.details ?? [], d, out);
  reassigned(d).clear(p.entry.caseId);
  for (const b of p.wanted) d.fetcher.remove(b.sha256);
  if (outcome.action === 'unchanged') out.unchanged++;
  else out.pulled++;
}

function refuseEntry(entry: FeedEntry, reason: string, details: string[], d: PullDeps, out: PullResult): void {
  const r: RefusedEntry = { seq: entry.seq, caseId: entry.caseId, revision: entry.revision, reason, details, at: d.now().toISOString() };
  d.state.addRefused(r);
  out.refused.push(r);
}

/**
 * Cases of one commit at most: bounds what a crash repeats and how long one write holds the thread
 * (the app's main process): 32 cases ~50-100 ms; 64 were no faster and held it up to ~200 ms.
 */
export const GROUP_CASES = 32;

/** How long a prepared case may wait for the next ones' downloads before its group is written. */
export const GROUP_HOLD_MS = 1_000;

/**
 * Consecutive new cases whose files are all here are written together: prepared one by one (checked,
 * staged), then written in one transaction, each case with the cursor past its entry. A group is
 * written when it is full, when its first case has waited GROUP_HOLD_MS for downloads, when a
 * download fails or the run is cancelled, and before an entry of another kind; so a case is visible
 * at most about a second after its files are here, and the cursor never passes an entry not written.
 * Why not write before every wait: each commit rewrites the pages its rows touch in the indexes
 * keyed by sha256 (encrypted and authenticated page by page), so small groups rewrote nearly a page
 * per row; full groups took the 1,000-case initial sync from ~125 to ~140 MB/s.
 */
class ImportGroup {
  private items: { plan: ImportPlan; prepared: PreparedImport }[] = [];
  /** When the first case of the group was prepared (performance.now()). */
  private since = 0;

  constructor(
    private readonly d: PullDeps,
    private readonly out: PullResult,
  ) {}

  /** Prepare the entry's import and hold it for the group's commit (an outcome without a write is settled at once). */
  async add(p: ImportPlan): Promise<void> {
    let prepared: PreparedImport | ImportOutcome;
    try {
      prepared = await this.d.importer.prepare(sourceOf(p, this.d), { fromCentral: true, source: labelOf(p.entry) });
    } catch (err) {
      // The cases before it are complete: written, as they would have been one by one.
      await this.write();
      throw err;
    }
    if (!('staged' in prepared)) {
      await this.write();
      settle(p, prepared, this.d, this.out);
      this.d.state.advanceCursor(p.entry.seq);
      return;
    }
    if (!this.items.length) this.since = performance.now();
    this.items.push({ plan: p, prepared });
    if (this.items.length >= GROUP_CASES) await this.write();
  }

  /**
   * Wait for the next case's downloads with the group held: it is written when the wait outlasts
   * the hold of its first case, and when the wait fails (a failed download, a cancel) — the cases
   * in hand are complete and kept.
   */
  async whileWaiting(download: Promise<void>): Promise<void> {
    if (!this.items.length) return download;
    let timer: NodeJS.Timeout | undefined;
    const held = new Promise<'held'>((resolve) => {
      timer = setTimeout(resolve, Math.max(0, this.since + this.d.holdMs - performance.now()), 'held');
    });
    try {
      if ((await Promise.race([download, held])) !== 'held') return;
    } catch (err) {
      await this.write();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    await this.write();
    await download;
  }

  async write(): Promise<void> {
    const items = this.items;
    this.items = [];
    if (!items.length) return;
    const r = this.d.importer.writeGroup(
      items.map((x) => x.prepared),
      (i) => this.d.state.advanceCursor(items[i]!.plan.entry.seq),
    );
    for (const x of items.slice(0, r.written)) settle(x.plan, await this.d.importer.finish(x.prepared), this.d, this.out);
    if (r.error === undefined) return;
    // The case that failed and those after it (not written), each alone as before: a package
    // problem the group hid (two new cases of one 案号) is refused with its reason; anything else is thrown.
    for (const x of items.slice(r.written)) {
      await apply(x.plan, this.d, this.out, async () => undefined);
      this.d.state.advanceCursor(x.plan.entry.seq);
    }
  }

  /** Prepared but not written (the run stopped): the files moved into the store go again. */
  abandon(): void {
    this.items.splice(0).forEach((x) => this.d.importer.abandon(x.prepared));
  }
}

export async function pull(d: PullDeps): Promise<PullResult> {
  const out: PullResult = { pulled: 0, unchanged: 0, unassigned: 0, reassigned: [], refused: [] };
  d.fetcher.scan();
  for (;;) {
    d.signal.throwIfAborted();
    const after = d.state.cursor();
    const page = await withRetry(d.retry, d.signal, () => d.transport.feed(after, d.pageSize, d.signal));
    const entries = page.entries.filter((e) => e.seq > after).sort((a, b) => a.seq - b.seq);
    const plans: Plan[] = [];
    for (const e of entries) plans.push(await plan(e, d));
    const wanted = plans.flatMap(wantedOf);
    d.progress.addFiles(wanted.length, wanted.reduce((n, b) => n + b.size, 0));
    d.progress.resumed(wanted.reduce((n, b) => n + d.fetcher.haveBytes(b), 0));
    const prefetch = new Prefetcher(d, plans.map(wantedOf), plans.map((p) => labelOf(p.entry)));
    const group = new ImportGroup(d, out);
    try {
      for (const [i, p] of plans.entries()) {
        // Cancelled: the cases prepared so far are complete, and kept.
        if (d.signal.aborted) await group.write();
        d.signal.throwIfAborted();
        if (p.kind === 'import') {
          if (!prefetch.isReady(p.wanted)) await group.whileWaiting(prefetch.ready(i, p.wanted));
          await group.add(p);
        } else {
          // Written before anything else touches the cases.
          await group.write();
          await apply(p, d, out, () => prefetch.ready(i, wantedOf(p)));
          d.state.advanceCursor(p.entry.seq);
        }
        prefetch.moveTo(i + 1);
      }
      await group.write();
    } finally {
      group.abandon();
      await prefetch.close();
      d.fetcher.release();
    }
    if (!page.more || entries.length === 0) {
      // Every entry up to the end of the feed is applied: leftovers of crashed runs can go.
      d.fetcher.clear();
      return out;
    }
  }
}
