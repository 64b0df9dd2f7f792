// What makes a (signed) update acceptable for this installation: strictly newer — an old, validly
// signed release replayed by a server or a stick must not downgrade the workstation — and files of
// installer types this platform's updater knows.
import { gt, valid } from 'semver';
import { UpdateError, type UpdateInfo, type UpdatePlatform } from './update-info';

const INSTALLER_TYPES: Record<UpdatePlatform, RegExp> = {
  win32: /\.exe$/i,
  linux: /\.(AppImage|deb|rpm|pacman)$/,
  darwin: /\.(zip|dmg)$/,
};

const PLATFORM_NAMES: Record<UpdatePlatform, string> = { win32: 'Windows', linux: 'Linux', darwin: 'macOS' };

export function describePlatform(platform: UpdatePlatform, arch: string | null): string {
  return arch && arch !== 'x64' ? `${PLATFORM_NAMES[platform]} ${arch}` : PLATFORM_NAMES[platform];
}

export function isNewer(version: string, current: string): boolean {
  if (!valid(current)) throw new UpdateError(`当前版本号无效：${current}`);
  return gt(version, current);
}

/** The version rule alone (also `fashen update verify`'s): the refusal of an update not newer than this installation, or null. */
export function downgradeRefusal(version: string, currentVersion: string): UpdateError | null {
  return isNewer(version, currentVersion) ? null : new UpdateError(`更新版本 ${version} 不高于当前版本 ${currentVersion}，不会安装（防止降级）`, [], 'downgrade');
}

/** Throws an UpdateError unless the update is newer (when the current version is given) and its files suit the platform. */
export function checkInstallable(info: UpdateInfo, currentVersion: string | null, platform: UpdatePlatform): void {
  const refusal = currentVersion === null ? null : downgradeRefusal(info.version, currentVersion);
  if (refusal) throw refusal;
  const wrong = info.files.map((f) => f.url).filter((n) => !INSTALLER_TYPES[platform].test(n));
  if (wrong.length) throw new UpdateError(`更新中有不适用于 ${PLATFORM_NAMES[platform]} 的文件`, wrong.slice(0, 5), 'wrong_platform');
}
