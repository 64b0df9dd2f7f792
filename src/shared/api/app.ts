// app.* — facts about this workstation the UI shows (status bar, first start, 设置), its security
// state, and application updates (online from the central server, offline from a .fsupdate file).
import { z } from 'zod';
import { call } from './define';

export interface AppInfo {
  version: string;
  /** 'electron' | 'host' — for the status bar only; the client never branches on it. */
  shell: 'electron' | 'host';
  dataDir: string;
  /** The user's 文档 folder (else the home folder): where a file to carry away is suggested, never inside dataDir. */
  documentsDir?: string;
  caseCount: number;
  today: string;
  calendarYears: number[];
  /** Where the holiday schedules come from (library version, central system updates). */
  calendarSource: string;
}

/** How the cache key (keyring.json) is protected; 'unprotected-dev' is shown as 未加密保护. */
export type CacheKeyProtection = 'os-keystore' | 'passphrase' | 'unprotected-dev';

/** The lock: after inactivity (or by hand) the key leaves memory until unlocked. */
export interface LockState {
  locked: boolean;
  /** Minutes without activity before the workstation locks itself; 0 = never. */
  lockAfterMinutes: number;
  /**
   * What unlocking asks for: the cache passphrase; a new passphrase (a new store waiting for one);
   * nothing (the OS keystore, or the development key file).
   */
  unlockWith: 'passphrase' | 'new-passphrase' | 'os-keystore' | 'key-file';
  /** False where nothing can lock (a back end without a lock, e.g. in tests). */
  canLock: boolean;
  /** While locked: how and when it was locked (null when it started locked). */
  lockedBy?: { trigger: 'manual' | 'inactivity'; at: string } | null;
}

/** What protects the data on this machine, as found on disk (not as configured or hoped). */
export interface SecurityState {
  /**
   * The local database and file store: encrypted at rest or readable plaintext (from the bytes on
   * disk), and how the key that decrypts them is kept (null: no key yet).
   */
  cache: { encrypted: boolean; detail: string; keyProtection: CacheKeyProtection | null; keyDetail: string };
  /** Where the signing keys' protection comes from: the OS keystore (safeStorage) or a passphrase. */
  keyStore: { kind: 'os' | 'passphrase'; detail: string };
  lock: LockState;
}

export const LOCK_AFTER_MAX_MINUTES = 480;

/** An update channel: a folder under the central server's /updates/ (stable, beta …). */
export const UPDATE_CHANNEL_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** 'not-published': the central system has no release for this platform (yet) — a normal state, not an error. */
export type UpdateState = 'idle' | 'unconfigured' | 'checking' | 'up-to-date' | 'available' | 'not-in-rollout' | 'not-published' | 'downloading' | 'downloaded' | 'installing' | 'error';

export interface UpdateRelease {
  version: string;
  releaseDate: string | null;
  releaseName: string | null;
  /** The release key that signed it (first 16 hex digits of its id). */
  keyId: string;
  /** Staged rollout share in percent; null: everyone. */
  stagingPercentage: number | null;
}

export interface UpdateStatus {
  currentVersion: string;
  /** Update channel (folder under the central server's /updates/), e.g. stable. */
  channel: string;
  /** `<server>/updates/<channel>/`, or null when this workstation has no central-system login. */
  feedUrl: string | null;
  state: UpdateState;
  /** zh-CN, one line. */
  message: string;
  latest: UpdateRelease | null;
  progress: { percent: number; transferred: number; total: number } | null;
  /** ISO instant of the last completed check. */
  checkedAt: string | null;
  /** Null when this shell can install updates; otherwise why not (e.g. 仅桌面版可安装). */
  installBlocked: string | null;
  /** The shell can show a native file dialog for choosing an offline update. */
  canPickFile: boolean;
  /** Release keys this build trusts; `development`: the public test key (never in a packaged build). */
  trustedKeys: { keyId: string; label: string; development: boolean }[];
}

export interface OfflineUpdateView {
  path: string;
  version: string;
  releaseDate: string | null;
  releaseName: string | null;
  keyId: string;
  keyLabel: string;
  files: { name: string; size: number }[];
}

export interface OfflineApplyResult {
  update: OfflineUpdateView;
  /** True when the installer has been started (the app is about to restart). */
  installing: boolean;
  message: string;
  /** Why it was not installed (installing false), short, e.g. 仅桌面版可安装; null when installing. */
  notInstalled: string | null;
}

/**
 * A path as pasted: surrounding whitespace and one pair of quotes around it removed (Windows'
 * 复制文件地址 copies "E:\…\x.fsupdate" with straight quotes; a chat or document may turn them into “ ”).
 */
export function unquotePath(raw: string): string {
  const s = raw.trim();
  const m = /^(?:"([^"]*)"|“([^“”]*)”|'([^']*)')$/.exec(s);
  return m ? (m[1] ?? m[2] ?? m[3]!).trim() : s;
}

const filePath = z.string().min(1).max(4096).transform(unquotePath);

/** Where the desktop app opened a meeting's audience screen (app.openAudienceWindow). */
export interface AudienceWindowResult {
  /** Full screen on a display other than the main window's; false: a normal window to drag there. */
  external: boolean;
  /** The display's name or size, e.g. "DELL P2419H" or "1920×1080". */
  display: string;
}

export const appApi = {
  'app.info': call<AppInfo>()(z.object({}).strict()),
  /** Answers while locked too (the lock screen reads it). */
  'app.security': call<SecurityState>()(z.object({}).strict()),
  /** Lock now: the key leaves memory; every call but these four answers 已锁定. */
  'app.lock': call<LockState>()(z.object({}).strict()),
  /** Unlock with the cache passphrase (or, for a new store, choose one); the OS keystore needs none. */
  /** Choose a new cache passphrase (or a first one for a store on the development key file); the key itself stays, nothing is re-encrypted. */
  'app.changePassphrase': call<LockState>()(z.object({ current: z.string().max(1024).optional(), next: z.string().max(1024, '口令最多 1024 个字符') }).strict()),
  'app.unlock': call<LockState>()(z.object({ passphrase: z.string().max(1024, '口令最多 1024 个字符').optional() }).strict()),
  /** The reviewer is at work (keyboard, pointer): restarts the inactivity countdown. */
  'app.activity': call<{ locked: boolean }>()(z.object({}).strict()),
  /** Lock after this many minutes without activity (0 = never). */
  'app.setLockAfter': call<LockState>()(z.object({ minutes: z.number().int().min(0, '分钟数不能为负').max(LOCK_AFTER_MAX_MINUTES, `最长 ${LOCK_AFTER_MAX_MINUTES} 分钟`) }).strict()),
  'app.updateStatus': call<UpdateStatus>()(z.object({}).strict()),
  /** Ask the central server for a newer signed release; on the desktop a verified one is downloaded. */
  'app.checkUpdate': call<UpdateStatus>()(z.object({}).strict()),
  /** Restart and install the downloaded, verified update (desktop only). */
  'app.installUpdate': call<{ started: boolean }>()(z.object({}).strict()),
  /** Verify an offline update file (.fsupdate): release signature, platform, version, sha512 of every file. */
  'app.verifyOfflineUpdate': call<OfflineUpdateView>()(z.object({ path: filePath }).strict()),
  /** Verify, then install the offline update (desktop); the host verifies and answers 仅桌面版可安装. */
  'app.applyOfflineUpdate': call<OfflineApplyResult>()(z.object({ path: filePath }).strict()),
  /** Native file dialog for a .fsupdate (desktop); null when cancelled. */
  'app.pickUpdateFile': call<{ path: string | null }>()(z.object({}).strict()),
  /** Files the OS asked the app to open (file associations), taken once. */
  'app.takeOpenedFiles': call<{ cases: string[]; updates: string[] }>()(z.object({}).strict()),
  /**
   * Desktop: open a meeting's audience screen (集体讨论投屏) in a second window, full screen on an
   * external display when there is one. The browser host refuses: its user opens the page's address
   * in a second browser window instead.
   */
  'app.openAudienceWindow': call<AudienceWindowResult>()(z.object({ meetingId: z.string().regex(/^[A-Za-z0-9-]{1,200}$/, '会议编号无效') }).strict()),
} as const;
