// The desktop installer for verified updates, on electron-updater (generic provider). electron-updater
// touches 'electron' when imported, so it is loaded lazily, here, on first use.
//
// Online: src/main/services/update has already verified the central server's channel file; here
// electron-updater reads the same feed, and the UpdateInfo *it* will act on is verified again
// against the release signature before anything is downloaded; the download is then checked by
// electron-updater (sha512, and the Windows publisher signature when the build is signed) and by
// us (sha512 against the signed info) before it may be installed.
// Offline: the verified, extracted .fsupdate is served on loopback as a generic feed, so it goes
// through exactly the same path (staged rollout is not applied: the user chose this update).
import { app, BrowserWindow, dialog } from 'electron';
import type { AppUpdater, UpdateInfo as UpdaterInfo } from 'electron-updater';
import { assertDownloadSigned } from '../services/update/downloaded';
import { readFeed, type FeedCheck } from '../services/update/feed';
import type { DownloadProgress, UpdateInstaller } from '../services/update/installer';
import { serveLocalFeed } from '../services/update/local-feed';
import { OFFLINE_UPDATE_EXT, type VerifiedUpdate } from '../services/update/offline-package';
import { loadTrustedKeys } from '../services/update/release-keys';
import { installId, withinRollout } from '../services/update/rollout';
import { verifyUpdateInfo } from '../services/update/signature';
import { asUpdatePlatform, UpdateError, UpdateInfo } from '../services/update/update-info';

export function desktopInstaller(dataDir: string, log: (m: string) => void): UpdateInstaller {
  let updater: AppUpdater | null = null;
  let bypassRollout = false;
  let ready = false;
  const platform = asUpdatePlatform(process.platform) ?? 'linux';

  async function load(): Promise<AppUpdater> {
    if (updater) return updater;
    const mod = (await import('electron-updater')) as unknown as { default: typeof import('electron-updater') };
    const u = mod.default.autoUpdater;
    u.autoDownload = false;
    u.autoInstallOnAppQuit = false;
    u.allowDowngrade = false;
    u.allowPrerelease = false;
    u.disableWebInstaller = true;
    u.logger = { info: (m?: unknown) => log(`updater: ${String(m)}`), warn: (m?: unknown) => log(`updater: ${String(m)}`), error: (m?: unknown) => log(`updater: ${String(m)}`), debug: () => undefined };
    // One rollout rule for the desktop and the host: our install id, not electron-updater's own.
    u.isUserWithinRollout = (info: UpdaterInfo) => bypassRollout || withinRollout(info.stagingPercentage, installId(dataDir));
    updater = u;
    return u;
  }

  /** Point electron-updater at a feed, verify what it found, download, re-check the download. */
  async function fetchVerified(feed: string, expected: FeedCheck, onProgress: (p: DownloadProgress) => void): Promise<void> {
    const u = await load();
    ready = false;
    u.autoInstallOnAppQuit = false;
    u.setFeedURL({ provider: 'generic', url: feed });
    const result = await u.checkForUpdates();
    if (!result?.isUpdateAvailable) throw new UpdateError('更新程序没有找到可安装的新版本');
    const info = UpdateInfo.safeParse(result.updateInfo);
    if (!info.success) throw new UpdateError('更新程序读到的更新信息格式不正确，已拒绝');
    if (info.data.version !== expected.info.version) throw new UpdateError(`更新信息在检查期间发生变化（${expected.info.version} → ${info.data.version}），请重新检查`);
    verifyUpdateInfo(info.data, expected.signature, loadTrustedKeys());
    const onDownload = (p: { percent: number; transferred: number; total: number }) => onProgress({ percent: Math.round(p.percent), transferred: p.transferred, total: p.total });
    u.on('download-progress', onDownload);
    let files: string[];
    try {
      files = await u.downloadUpdate();
    } finally {
      u.off('download-progress', onDownload);
    }
    if (!files[0]) throw new UpdateError('更新程序没有下载到安装文件');
    await assertDownloadSigned(info.data, files[0]);
    ready = true;
    // From here a normal quit installs it too.
    u.autoInstallOnAppQuit = true;
  }

  return {
    blockedReason: () => (app.isPackaged ? null : '开发模式（未打包运行）不能安装更新，请使用安装包版本'),

    async download(feed, verified, onProgress) {
      bypassRollout = false;
      await fetchVerified(feed, verified, onProgress);
    },

    installDownloaded() {
      if (!ready || !updater) throw new UpdateError('没有已下载并验证的更新');
      // Windows: not silent (the user sees the installer); run the app again afterwards.
      setImmediate(() => updater?.quitAndInstall(false, true));
    },

    async installOffline(verified: VerifiedUpdate) {
      const feed = await serveLocalFeed(verified, platform, process.arch);
      bypassRollout = true;
      try {
        const check = await readFeed(feed.url, { platform, arch: process.arch, trusted: loadTrustedKeys() });
        await fetchVerified(feed.url, check, () => undefined);
      } finally {
        bypassRollout = false;
        await feed.close();
      }
      setImmediate(() => updater?.quitAndInstall(false, true));
    },

    async pickFile() {
      const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
      const options = { title: '选择离线更新包', properties: ['openFile' as const], filters: [{ name: '法审工作台离线更新包', extensions: [OFFLINE_UPDATE_EXT.slice(1)] }] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
