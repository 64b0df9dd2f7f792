// What a shell can do with a verified update. The desktop app (src/main/app/updater.ts) downloads and
// installs through electron-updater; the browser host cannot install anything and says so.
import type { FeedCheck } from './feed';
import type { VerifiedUpdate } from './offline-package';

export interface DownloadProgress {
  percent: number;
  transferred: number;
  total: number;
}

export interface UpdateInstaller {
  /** Null when this shell can install; otherwise why not (zh-CN). */
  blockedReason(): string | null;
  /**
   * Download the release the feed announced (already verified by the caller) through the platform
   * updater; resolves once downloaded and re-checked against the signed sha512.
   */
  download(feed: string, verified: FeedCheck, onProgress: (p: DownloadProgress) => void): Promise<void>;
  /** Restart into the downloaded update. */
  installDownloaded(): void;
  /** Install a verified offline update extracted into `verified.dir`; the app restarts. */
  installOffline(verified: VerifiedUpdate): Promise<void>;
  /** A native file dialog for a .fsupdate, when the shell has one. */
  pickFile?(): Promise<string | null>;
}

export const DESKTOP_ONLY = '仅桌面版可安装';

/** The browser host: checks and verification work, installation does not. */
export const hostInstaller: UpdateInstaller = {
  blockedReason: () => `${DESKTOP_ONLY}（浏览器版不能替换本机程序）`,
  download: () => Promise.reject(new Error(DESKTOP_ONLY)),
  installDownloaded: () => {
    throw new Error(DESKTOP_ONLY);
  },
  installOffline: () => Promise.reject(new Error(DESKTOP_ONLY)),
};
