// Application updates for one workstation: the state the 设置 screen shows, the online check against
// the central server's feed (verified, staged rollout honoured, then handed to the shell's installer),
// and offline update files. The same code runs in the desktop app and the browser host; only the
// installer differs.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OfflineApplyResult, OfflineUpdateView, UpdateRelease, UpdateStatus } from '../../../shared/api/app';
import { ApiFailure } from '../../../shared/api/result';
import { CHANNEL_NAME, DEFAULT_CHANNEL, feedUrl, NotPublished, readFeed, type FeedCheck } from './feed';
import type { UpdateInstaller } from './installer';
import { verifyOfflineUpdate, type VerifiedUpdate } from './offline-package';
import { isNewer } from './policy';
import { installId, withinRollout } from './rollout';
import type { TrustedKey } from './signature';
import { SIGNATURE_REFUSALS, UPDATE_REFUSALS, UpdateError, type UpdatePlatform, type UpdateRefusal } from './update-info';

/**
 * An online check that met a bad or untrusted release signature, for the audit log. The check
 * answers with a status, not a refusal, so the Api's audit rules cannot see it: the service tells
 * handlers/app.ts. A check that found nothing new, or could not reach the server, is not recorded.
 */
export interface UpdateCheckRefusal {
  code: UpdateRefusal;
  /** Short zh-CN (fits the audit table's 详情 column). */
  reason: string;
  channel: string;
}

/** What the audit entry of a refused or failed offline update says (audit/rules.ts reads it). */
export interface OfflineUpdateRefusal {
  outcome: 'refused' | 'failed';
  /** An UpdateRefusal code, not_found (no such file) or install_failed. */
  code: UpdateRefusal | 'not_found' | 'install_failed';
  reason: string;
  /** The offline file's name (no folders: the path may name a person's USB stick or home folder). */
  file: string;
  version?: string;
}

/** The Api failure of an offline update, carrying what its audit entry should say. */
export class OfflineUpdateFailure extends ApiFailure {
  constructor(
    f: ApiFailure,
    readonly refusal: OfflineUpdateRefusal,
  ) {
    super(f.error);
  }
}

export interface UpdateServiceOptions {
  dataDir: string;
  currentVersion: string;
  platform: UpdatePlatform;
  arch: string;
  trustedKeys: () => TrustedKey[];
  installer: UpdateInstaller;
  /** The central server's address (the saved login), or null. */
  server: () => string | null;
  emit: (status: UpdateStatus) => void;
  /** Told of an online check refused for its signature (handlers/app.ts records it). */
  checkRefused?: (r: UpdateCheckRefusal) => void;
  now?: () => Date;
}

/** The channel this workstation follows: `<data>/update.json` {"channel": "beta"}, else stable. */
export function configuredChannel(dataDir: string): string {
  const p = join(dataDir, 'update.json');
  if (!existsSync(p)) return DEFAULT_CHANNEL;
  try {
    const v = (JSON.parse(readFileSync(p, 'utf8')) as { channel?: unknown }).channel;
    return typeof v === 'string' && CHANNEL_NAME.test(v) ? v : DEFAULT_CHANNEL;
  } catch {
    return DEFAULT_CHANNEL;
  }
}

/** The first clause of a reason, without its parenthesis: 仅桌面版可安装（浏览器版…） → 仅桌面版可安装. */
function shortReason(text: string): string {
  return text.replace(/（[^（）]*）$/, '').split(/[，；。]/)[0]!.slice(0, 40);
}

function refusalCode(err: unknown): UpdateRefusal {
  return err instanceof UpdateError ? err.code : 'other';
}

function failure(err: unknown): ApiFailure {
  if (err instanceof UpdateError) return new ApiFailure({ code: 'bad_package', message: err.message, ...(err.details.length ? { details: err.details } : {}) });
  return new ApiFailure({ code: 'internal', message: `更新失败：${(err as Error).message}` });
}

function releaseOf(info: FeedCheck['info'], keyId: string): UpdateRelease {
  const date = info.releaseDate;
  return {
    version: info.version,
    releaseDate: date === undefined ? null : date instanceof Date ? date.toISOString() : date,
    releaseName: info.releaseName ?? null,
    keyId: keyId.slice(0, 16),
    stagingPercentage: info.stagingPercentage ?? null,
  };
}

export class UpdateService {
  private current: Omit<UpdateStatus, 'currentVersion' | 'channel' | 'feedUrl' | 'installBlocked' | 'canPickFile' | 'trustedKeys'> = {
    state: 'idle',
    message: '尚未检查更新',
    latest: null,
    progress: null,
    checkedAt: null,
  };
  private checking: Promise<UpdateStatus> | null = null;
  private readonly now: () => Date;

  constructor(private readonly opts: UpdateServiceOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  private feed(channel = configuredChannel(this.opts.dataDir)): string | null {
    const server = this.opts.server();
    return server ? feedUrl(server, channel) : null;
  }

  /** The release keys ship with the app (read-only resources): read once, not on every progress event. */
  private trusted: { keys: TrustedKey[]; error: string | null } | null = null;

  private keys(): { keys: TrustedKey[]; error: string | null } {
    if (this.trusted) return this.trusted;
    try {
      this.trusted = { keys: this.opts.trustedKeys(), error: null };
    } catch (err) {
      this.trusted = { keys: [], error: (err as Error).message };
    }
    return this.trusted;
  }

  status(): UpdateStatus {
    const channel = configuredChannel(this.opts.dataDir);
    let feed: string | null = null;
    try {
      feed = this.feed(channel);
    } catch {
      feed = null;
    }
    return {
      currentVersion: this.opts.currentVersion,
      channel,
      feedUrl: feed,
      ...this.current,
      installBlocked: this.opts.installer.blockedReason(),
      canPickFile: typeof this.opts.installer.pickFile === 'function',
      trustedKeys: this.keys().keys.map((k) => ({ keyId: k.keyId.slice(0, 16), label: k.label, development: k.label.startsWith('dev-') })),
    };
  }

  private set(next: Partial<typeof this.current>): UpdateStatus {
    this.current = { ...this.current, ...next };
    const s = this.status();
    this.opts.emit(s);
    return s;
  }

  /** One check at a time; a second caller shares the running one. */
  check(): Promise<UpdateStatus> {
    if (this.current.state === 'downloading' || this.current.state === 'installing') return Promise.resolve(this.status());
    this.checking ??= this.runCheck().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async runCheck(): Promise<UpdateStatus> {
    let feed: string | null;
    try {
      feed = this.feed();
    } catch (err) {
      return this.set({ state: 'error', message: (err as Error).message, progress: null });
    }
    if (!feed) return this.set({ state: 'unconfigured', message: '未登录中心系统，无法在线检查更新；可使用离线更新包', latest: null, progress: null });
    const { keys, error } = this.keys();
    if (error) return this.set({ state: 'error', message: `发布公钥有误，已停止更新：${error}`, progress: null });
    this.set({ state: 'checking', message: '正在检查更新…', progress: null });
    let verified: FeedCheck;
    try {
      verified = await readFeed(feed, { platform: this.opts.platform, arch: this.opts.arch, trusted: keys });
    } catch (err) {
      const checkedAt = this.now().toISOString();
      // Nothing published for this platform (yet): a normal state, said plainly.
      if (err instanceof NotPublished) return this.set({ state: 'not-published', message: err.message, latest: null, checkedAt });
      const message = err instanceof UpdateError ? err.message : `检查更新失败：${(err as Error).message}`;
      const code = refusalCode(err);
      if (SIGNATURE_REFUSALS.has(code)) this.tellCheck({ code, reason: UPDATE_REFUSALS[code], channel: configuredChannel(this.opts.dataDir) });
      return this.set({ state: 'error', message, latest: null, checkedAt });
    }
    const latest = releaseOf(verified.info, verified.keyId);
    const checkedAt = this.now().toISOString();
    if (!isNewer(verified.info.version, this.opts.currentVersion)) return this.set({ state: 'up-to-date', message: `已是最新版本（${this.opts.currentVersion}）`, latest, checkedAt });
    if (!withinRollout(verified.info.stagingPercentage, installId(this.opts.dataDir))) {
      return this.set({ state: 'not-in-rollout', message: `新版本 ${latest.version} 正在分批推送（${latest.stagingPercentage}%），本机尚未轮到`, latest, checkedAt });
    }
    const blocked = this.opts.installer.blockedReason();
    if (blocked) return this.set({ state: 'available', message: `有新版本 ${latest.version}，签名已验证；${blocked}`, latest, checkedAt });
    this.set({ state: 'downloading', message: `正在下载新版本 ${latest.version}…`, latest, checkedAt, progress: { percent: 0, transferred: 0, total: 0 } });
    void this.opts.installer
      .download(feed, verified, (progress) => this.set({ progress }))
      .then(
        () => this.set({ state: 'downloaded', message: `新版本 ${latest.version} 已下载并验证，重启后安装`, progress: null }),
        (err: unknown) => this.set({ state: 'error', message: err instanceof UpdateError ? err.message : `下载更新失败：${(err as Error).message}`, progress: null }),
      );
    return this.status();
  }

  install(): { started: boolean } {
    const blocked = this.opts.installer.blockedReason();
    if (blocked) throw new ApiFailure({ code: 'forbidden', message: blocked });
    if (this.current.state !== 'downloaded') throw new ApiFailure({ code: 'conflict', message: '没有已下载并验证的更新' });
    this.set({ state: 'installing', message: '正在重启并安装更新…' });
    this.opts.installer.installDownloaded();
    return { started: true };
  }

  private view(path: string, v: VerifiedUpdate): OfflineUpdateView {
    return { path, version: v.version, releaseDate: v.releaseDate, releaseName: v.releaseName, keyId: v.keyId.slice(0, 16), keyLabel: v.keyLabel, files: v.files };
  }

  private verifyOptions() {
    const { keys, error } = this.keys();
    if (error) throw new UpdateError(`发布公钥有误，已停止更新：${error}`, [], 'no_release_key');
    return { trusted: keys, currentVersion: this.opts.currentVersion, platform: this.opts.platform, arch: this.opts.arch };
  }

  private tellCheck(r: UpdateCheckRefusal): void {
    try {
      this.opts.checkRefused?.(r);
    } catch {
      // The status itself is what the caller must see.
    }
  }

  /** The failure to throw for a refused offline file, saying what its audit entry should record. */
  private refuse(path: string, err: unknown): OfflineUpdateFailure {
    if (err instanceof OfflineUpdateFailure) return err;
    const f = err instanceof ApiFailure ? err : failure(err);
    const code = f.error.code === 'not_found' ? 'not_found' : refusalCode(err);
    return new OfflineUpdateFailure(f, { outcome: 'refused', code, reason: code === 'not_found' ? '找不到文件' : UPDATE_REFUSALS[code], file: basename(path) });
  }

  private checkPath(path: string): void {
    if (!existsSync(path)) throw new ApiFailure({ code: 'not_found', message: `找不到离线更新文件：${path}` });
    if (statSync(path).isDirectory()) throw new UpdateError('这是一个文件夹，不是离线更新包：请选择其中的 .fsupdate 文件', [], 'folder');
  }

  async verifyOffline(path: string): Promise<OfflineUpdateView> {
    try {
      this.checkPath(path);
      return this.view(path, await verifyOfflineUpdate(path, this.verifyOptions()));
    } catch (err) {
      throw this.refuse(path, err);
    }
  }

  /**
   * Verify, then install. Where this shell cannot install (the browser host, an unpackaged desktop
   * app) the answer says so with installing:false — the audit entry then reads 未安装, not 安装更新.
   */
  async applyOffline(path: string): Promise<OfflineApplyResult> {
    const blocked = this.opts.installer.blockedReason();
    if (blocked) {
      const update = await this.verifyOffline(path);
      return { update, installing: false, message: `更新包已验证（版本 ${update.version}），但未安装：${blocked}`, notInstalled: shortReason(blocked) };
    }
    let verified: VerifiedUpdate;
    try {
      this.checkPath(path);
      const work = join(this.opts.dataDir, 'updates', 'offline');
      // Earlier attempts are of no further use: keep the data folder small.
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      verified = await verifyOfflineUpdate(path, { ...this.verifyOptions(), extractTo: work });
    } catch (err) {
      throw this.refuse(path, err);
    }
    const update = this.view(path, verified);
    this.set({ state: 'installing', message: `正在安装离线更新 ${update.version}…`, latest: { version: update.version, releaseDate: update.releaseDate, releaseName: update.releaseName, keyId: update.keyId, stagingPercentage: null }, progress: null });
    try {
      await this.opts.installer.installOffline(verified);
    } catch (err) {
      this.set({ state: 'error', message: err instanceof UpdateError ? err.message : `安装离线更新失败：${(err as Error).message}` });
      throw new OfflineUpdateFailure(failure(err), { outcome: 'failed', code: 'install_failed', reason: '安装程序未能启动', file: basename(path), version: update.version });
    }
    return { update, installing: true, message: `正在安装 ${update.version}，工作台将重启`, notInstalled: null };
  }

  async pickFile(): Promise<{ path: string | null }> {
    if (!this.opts.installer.pickFile) throw new ApiFailure({ code: 'forbidden', message: '浏览器版不能打开文件对话框，请输入更新文件的完整路径' });
    return { path: await this.opts.installer.pickFile() };
  }
}
