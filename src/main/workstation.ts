// The workstation back end: store, blob store, calendar and services, for one data folder.
// Shared by the Electron shell, the headless host and the CLI.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, type Store } from './db/open';
import { BlobPacks } from './services/blob-pack/blob-packs';
import { PackIndex } from './services/blob-pack/pack-index';
import { BlobStore } from './services/blob-store';
import { loadCalendar } from './services/calendar';
import { CaseImporter } from './services/importer';
import { CaseViews } from './services/case-views';
import { CaseFileRepo } from './db/repos/case-files';
import { AnnotationRepo } from './db/repos/annotations';
import { SearchRepo } from './db/repos/search';
import { EvidenceProcessor } from './services/evidence/processor';
import { IntegrityService } from './services/evidence/integrity';
import { ReviewRepo } from './db/repos/reviews';
import { ReviewService } from './services/review/review-service';
import { ReassignedCases } from './services/sync/reassigned';
import { loadRuleSet } from './services/rule-data';
import type { RuleSet } from '../shared/rules/rule-data';
import { OpinionService } from './services/opinions/service';
import { ReviewerKeys } from './services/opinions/keys';
import { createMeetingService, type MeetingService } from './services/meetings/index';
import type { KeyProtector } from './services/signing/index';
import { chinaToday } from '../shared/format/date';
import type { WorkingDayCalendar } from '../shared/calendar/working-days';
import type { ApiEventName, ApiEvents } from '../shared/api/events';
import { SyncEngine, type SyncEngineOptions } from './services/sync/engine';
import { connectWithSavedLogin, sealCentralLogin } from './services/sync/login';
import { syncLockPath, tryLock } from './services/sync/run-lock';
import { AuditService, NO_REVIEWER } from './services/audit/index';
import type { CacheKey } from './services/cache-crypto/cache-key';
import { devKeySync } from './services/cache-crypto/keyring';
import { migrateStoreSync, migrationPending } from './services/cache-crypto/migrate';
import { rememberedCacheKey } from './services/cache-crypto/resolve';
import type { FreeBytes } from './services/disk-space';

export interface WorkstationOptions {
  dataDir: string;
  nativeBinding?: string;
  /** Fixed "today" (tests, demos); defaults to the China-time date. */
  today?: () => string;
  /** Protects signing keys with the OS keychain (Electron safeStorage); else a passphrase. */
  osProtector?: KeyProtector;
  /** Sync engine settings (tests: another transport, short retries); default: the saved login. */
  sync?: Partial<SyncEngineOptions>;
  /**
   * The unlocked cache key (services/cache-crypto). Default: the key this process unlocked for
   * the folder, else the unprotected development key file (tests, benchmarks) — which the
   * security state reports as 未加密保护.
   */
  cacheKey?: CacheKey;
  /** The free space of the data folder's disk (default: statfs; tests give a smaller disk). */
  freeBytes?: FreeBytes;
}

type Listener = (event: ApiEventName, payload: ApiEvents[ApiEventName]) => void;

export class Workstation {
  readonly store: Store;
  readonly blobs: BlobStore;
  readonly cacheKey: CacheKey;
  readonly calendar: WorkingDayCalendar;
  readonly importer: CaseImporter;
  readonly views: CaseViews;
  readonly cases: CaseFileRepo;
  readonly annotations: AnnotationRepo;
  readonly search: SearchRepo;
  readonly processor: EvidenceProcessor;
  readonly integrity: IntegrityService;
  readonly review: ReviewService;
  readonly opinions: OpinionService;
  /** 负责人集体讨论 (issue 7): meetings, the audience view, signed minutes. */
  readonly meetings: MeetingService;
  readonly sync: SyncEngine;
  readonly audit: AuditService;
  readonly today: () => string;
  private readonly ruleSets = new Map<string, RuleSet>();
  private readonly listeners = new Set<Listener>();

  constructor(readonly opts: WorkstationOptions) {
    mkdirSync(opts.dataDir, { recursive: true });
    this.today = opts.today ?? (() => chinaToday());
    this.cacheKey = opts.cacheKey ?? rememberedCacheKey(opts.dataDir) ?? devKeySync(opts.dataDir);
    const native = opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
    // An unencrypted store from before (or a migration cut short) is encrypted before it opens.
    if (migrationPending(opts.dataDir)) migrateStoreSync(opts.dataDir, this.cacheKey, native);
    this.store = openStore(join(opts.dataDir, 'fashen.db'), { key: this.cacheKey, ...native });
    // A central login saved before tokens were sealed is sealed at the first unlock (services/sync/login.ts).
    sealCentralLogin(opts.dataDir, this.cacheKey);
    const packs = new BlobPacks(join(opts.dataDir, 'blobs', 'packs'), this.cacheKey, new PackIndex(this.store.db));
    this.blobs = new BlobStore(join(opts.dataDir, 'blobs'), this.cacheKey, packs, opts.freeBytes);
    // Packs a process left before its first commit hold nothing indexed; packs mostly emptied by
    // removed blobs give their space back. Only while no sync runs: the app and `fashen` may share
    // this data folder, and a running sync's pack has no rows until its batch ends.
    mkdirSync(join(opts.dataDir, 'sync'), { recursive: true });
    packs.tidy(() => tryLock(syncLockPath(opts.dataDir)), (sha) => this.blobs.pathOf(sha));
    this.calendar = loadCalendar(opts.dataDir);
    this.processor = new EvidenceProcessor(this.store.db, this.store.sqlite, this.blobs);
    this.importer = new CaseImporter(this.store.db, this.store.sqlite, this.blobs, this.processor);
    this.views = new CaseViews(this.store.db, this.blobs, this.calendar, this.today, (code) => this.rulesFor(code).periods.legalReview.length);
    this.cases = new CaseFileRepo(this.store.db);
    this.annotations = new AnnotationRepo(this.store.db);
    this.search = new SearchRepo(this.store.sqlite);
    this.search.ensureLinesJoined(new Date().toISOString());
    this.integrity = new IntegrityService(this.store.db, this.blobs, this.cases);
    this.review = new ReviewService({
      sqlite: this.store.sqlite,
      cases: this.cases,
      reviews: new ReviewRepo(this.store.db),
      annotations: this.annotations,
      blobs: this.blobs,
      calendar: this.calendar,
      rulesFor: (code) => this.rulesFor(code),
      today: this.today,
      reassigned: new ReassignedCases(this.store.db),
    });
    this.opinions = new OpinionService(this, new ReviewerKeys(opts.dataDir, opts.osProtector, { cacheKey: () => this.cacheKey }));
    this.meetings = createMeetingService(this);
    this.audit = new AuditService(this.store.sqlite, { actor: () => this.review.reviewer()?.name ?? NO_REVIEWER });
    this.sync = new SyncEngine(this, { connect: connectWithSavedLogin(opts.dataDir, () => this.cacheKey), ...opts.sync });
  }

  /** Rule data for an agency: the shipped rules, its overrides, then <data>/rules/overrides. */
  rulesFor(agencyCode: string): RuleSet {
    let r = this.ruleSets.get(agencyCode);
    if (!r) {
      r = loadRuleSet({ agencyCode, extraOverridesDir: join(this.opts.dataDir, 'rules', 'overrides') });
      this.ruleSets.set(agencyCode, r);
    }
    return r;
  }

  /** Files stored before text indexing existed (or interrupted): index them in the background. */
  indexPendingInBackground(log: (m: string) => void = () => undefined): void {
    this.processor.requeueTextFilesOnce(new Date().toISOString());
    void this.processor.processPending().catch((err: unknown) => log(`background indexing failed: ${(err as Error).message}`));
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends ApiEventName>(event: K, payload: ApiEvents[K]): void {
    this.listeners.forEach((l) => l(event, payload));
  }

  close(): void {
    this.store.close();
  }
}
