// sync.* — exchange with the central system (DESIGN.md §7): login, status line, one sync run, cancel,
// and the offline bundle for a USB stick.
import { z } from 'zod';
import { call } from './define';
import type { ImportOutcome } from './cases';
import type { RefusedEntry, SyncOutcome, SyncRunResult, SyncStatus } from '../sync/status';

export type { SyncProgress, SyncRunResult, SyncStatus, SyncSummary, RefusedEntry, SyncOutcome } from '../sync/status';

/** One outbox entry as the reviewer sees it in the sync panel. */
export interface OutboxEntryView {
  /** The client-generated submission id (the opinion id). */
  id: string;
  kind: 'opinion' | 'minutes';
  /** queued: waiting for the central system's confirmation; stale / rejected: its answer. */
  state: 'queued' | 'stale' | 'rejected';
  caseId: string | null;
  /** From the signed content (else the case as held here). */
  caseNumber: string | null;
  /** 当事人 · 案由 of the case as held here (null when the case is not on this workstation). */
  caseTitle: string | null;
  /** An opinion's 文号, from the signed content (null for minutes, or when the content does not say). */
  documentNumber?: string | null;
  /** What was signed: round, opinion version, case revision (null when the content does not say). */
  round: number | null;
  version: number | null;
  revision: number | null;
  /** The case as held here now (after a pull: the new revision and round). */
  currentRevision: number | null;
  currentRound: number | null;
  /** Tries that got no confirmation (queued) or that led to the answer. */
  attempts: number;
  /** queued: why the last try failed; stale / rejected: the central system's reason. */
  reason: string | null;
  /** When it was last written into an offline bundle (U 盘), if ever: the answer comes with a later case bundle or sync. */
  exportedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The newest later submission of the same kind for the same case, if any (e.g. re-signed in the new round). */
  later: { id: string; state: 'queued' | 'sent' | 'accepted' | 'rejected' | 'stale'; version: number | null; round: number | null } | null;
  /**
   * stale / rejected: no longer counted in `attention` — a later submission of the case got an
   * answer (superseded) or the reviewer marked it 知道了 (acknowledged); null: still needs her.
   * Always null for queued entries. Handled entries stay listed, with their reason, as history.
   */
  handled: 'superseded' | 'acknowledged' | null;
}

export interface SyncStatusView extends SyncStatus {
  /** e.g. 已同步 · 离线（2 项待发送） · 出错（原因） (the engine's line; the status bar words its own). */
  line: string;
  /** The saved login (`fashen login`, <data>/central.json), null when this workstation is not logged in. */
  login: { server: string; user: string | null } | null;
  /** How the last run ended; null before the first. */
  lastOutcome: SyncOutcome | null;
  /** Queued submissions, oldest first (at most 200; `pending` is the full count). */
  queued: OutboxEntryView[];
  /** Submissions answered stale or rejected, newest first (at most 200), also those since handled; `attention` counts those not handled. */
  needsAttention: OutboxEntryView[];
  /** Feed entries refused and not since replaced by a later revision here, newest first. */
  refused: RefusedEntry[];
  /**
   * The app's automatic sync: null where there is none (the command line, FASHEN_AUTO_SYNC=off);
   * `enabled` is the reviewer's switch in the panel; `nextAt` when the next run is due.
   */
  auto: { enabled: boolean; nextAt: string | null } | null;
}

/** A working-day calendar carried by a bundle from the central system (calendar.json at its root). */
export type BundleCalendar =
  /** Taken (changed: false when the same schedule was here already). */
  | { taken: true; years: number[]; source: string; changed: boolean }
  /** Not taken: the reason (the calendar stays as it was). */
  | { taken: false; problem: string };

/** What a bundle's signed bundle.json (made by the central system) meant on this workstation. */
export type CentralBundleResult =
  /** Checked against the central system's bundle key: its revisions came in as a sync brings them, its answers settled the outbox. */
  | {
      verified: true;
      reviewer: string;
      createdAt: string;
      answers: { accepted: number; stale: number; rejected: number };
      /** This workstation does not know whose it is (never logged in, no registered key): for whom the bundle was made, to be checked by the reader. */
      warning?: string;
    }
  /** Could not be checked here: taken as any package from a stick. */
  | { verified: false; note: string };

/** One bundle (.zip) of a folder holding several: its own signature, calendar and cases. */
export interface BundleReport {
  /** The bundle file's path. */
  source: string;
  calendar: BundleCalendar | null;
  /** Absent: no bundle.json (not made by the central system, or by an older one), or refused whole. */
  central?: CentralBundleResult;
  /** Its cases: come in (imported, new round), already up to date, not imported (with the bundle refused whole, that one reason). */
  counts: { taken: number; unchanged: number; refused: number };
  /** Refused whole (signature, contents, another reviewer's): the reason, nothing of it taken. */
  refusal?: string;
  /** As BundleImport.encrypted: true sealed and opened whole, false a plain bundle (未加密的交换包). */
  encrypted?: boolean;
}

/** What importing a bundle from the central system did. */
export interface BundleImport {
  outcomes: ImportOutcome[];
  /** The calendar of the bundle given; a folder's bundles each say their own in `bundles` (null here then). */
  calendar: BundleCalendar | null;
  /** Absent: the bundle had no bundle.json (not made by the central system, or by an older one); a folder's are in `bundles`. */
  central?: CentralBundleResult;
  /** A folder: each .zip bundle in it with its own result, in the order taken (its cases are in `outcomes` too). Absent for one bundle or package. */
  bundles?: BundleReport[];
  /**
   * A bundle file: true when it was sealed with a passphrase; false for a plain bundle the central
   * system made (an older version, or `--plain`): said as 未加密的交换包. Absent for a case folder or package.
   */
  encrypted?: boolean;
}

export interface BundleExport {
  path: string;
  /** Sealed with the bundle passphrase (false: written plain, on request, for an older central system). */
  encrypted: boolean;
  /** Submissions in the bundle (the queued outbox entries); 0: the bundle carries only the audit head. */
  count: number;
  sha256: string;
  /** The audit chain head carried (its seq), reported to the central system by the import. */
  auditHeadSeq?: number;
  /** Submissions carried without a trusted timestamp: from now on they are never stamped (the body may already be on the server). */
  unstamped?: number;
  /** zh-CN: what the reviewer must know before carrying it (keys the central system has not registered, entries left unstamped). */
  warnings?: string[];
}

const filePath = z.string().min(1).max(4096);

/** The central system's address as typed: http(s) only (checked again, with the URL parser, in main). */
const serverUrl = z
  .string()
  .trim()
  .min(1, '请填写服务器地址')
  .max(2048, '服务器地址过长')
  .regex(/^https?:\/\/[^\s/?#]+/i, '服务器地址须以 http:// 或 https:// 开头，如 https://center.example.gov.cn');

export interface SyncLoginResult {
  login: { server: string; user: string };
  /** Signing keys registered (or why not) right after the login; zh-CN, may be empty. */
  notices: string[];
}

export const syncApi = {
  'sync.status': call<SyncStatusView>()(z.object({}).strict()),
  /** One sync (push the outbox, pull the feed); progress arrives as `sync.progress` events. */
  'sync.run': call<SyncRunResult>()(z.object({}).strict()),
  'sync.cancel': call<{ cancelled: boolean }>()(z.object({}).strict()),
  /** The automatic sync on or off (kept in this workstation's store); answers the new status. */
  'sync.setAuto': call<SyncStatusView>()(z.object({ enabled: z.boolean() }).strict()),
  /**
   * The window saw the network come back (the browser's `online` event): the automatic sync runs
   * within seconds instead of at its next retry. Changes nothing else; answers the new status.
   */
  'sync.connectionBack': call<SyncStatusView>()(z.object({}).strict()),
  /**
   * 知道了 on a stale or rejected submission that nothing has superseded: it no longer counts as
   * needing attention (it stays listed with its reason). Answers the new status.
   */
  'sync.acknowledge': call<SyncStatusView>()(z.object({ id: z.string().min(1).max(200) }).strict()),
  /** Log in to the central system (as `fashen login`); the password is sent to the server only, never kept. */
  'sync.login': call<SyncLoginResult>()(
    z
      .object({
        server: serverUrl,
        user: z.string().trim().min(1, '请填写用户名').max(64, '用户名过长'),
        password: z.string().min(1, '请填写密码').max(200, '密码过长（最多 200 个字符）'),
      })
      .strict(),
  ),
  /** Forget the saved login (and end the device session on the server when reachable). */
  'sync.logout': call<{ loggedOut: boolean }>()(z.object({}).strict()),
  /**
   * Write the queued outbox entries as one signed bundle file (needs the signing key), sealed with
   * `bundlePassphrase` (the app never writes a plain one; its rule is checked in main, in zh-CN words).
   */
  'sync.exportBundle': call<BundleExport>()(z.object({ path: filePath, passphrase: z.string().min(8).max(200).optional(), bundlePassphrase: z.string().max(200, '交换包口令过长（最多 200 个字符）') }).strict()),
  /** Import a bundle of case packages from the central system (a .zip of packages; a calendar.json at its root is the working-day calendar). */
  /** A sealed bundle needs `passphrase`: without it (or with a wrong one) the answer is `passphrase_required`, nothing imported. */
  'sync.importBundle': call<BundleImport>()(z.object({ path: filePath, passphrase: z.string().min(1).max(200).optional() }).strict()),
} as const;

/** Most 文号 one reservation hands out (POST /v1/document-numbers/reserve). */
export const RESERVE_MAX = 50;

/** POST /v1/document-numbers/reserve: a block of 文号 for one agency (its code, as in the case packages) and year. */
export const ReserveNumbersRequest = z.object({
  agency: z.string().trim().min(1, '需要机关代码').max(64, '机关代码过长'),
  year: z.number().int().min(2000).max(2100),
  count: z.number().int().min(1).max(RESERVE_MAX, `一次最多领取 ${RESERVE_MAX} 个文号`),
});
export type ReserveNumbersRequest = z.infer<typeof ReserveNumbersRequest>;

/** The block handed out, both ends included. */
export const ReserveNumbersAnswer = z.object({ agency: z.string(), year: z.number().int(), from: z.number().int().positive(), to: z.number().int().positive() });
export type ReserveNumbersAnswer = z.infer<typeof ReserveNumbersAnswer>;
