// The update metadata electron-builder publishes next to an installer (latest.yml, latest-linux.yml,
// latest-mac.yml, or <channel>[-suffix].yml): parsed with the same YAML loader electron-updater uses,
// checked with zod, and the channel file name electron-updater asks for on each platform.
import { load } from 'js-yaml';
import { valid as validSemver } from 'semver';
import { z } from 'zod';

/** A file an update consists of; `sha512` is base64 (electron-builder's format). */
const UpdateFile = z
  .object({
    url: z.string().min(1).max(500),
    sha512: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'sha512 应为 base64 编码的 64 字节摘要'),
    size: z.number().int().nonnegative().optional(),
  })
  .passthrough();

export const UpdateInfo = z
  .object({
    version: z.string().refine((v) => validSemver(v) !== null, '版本号不是有效的语义化版本'),
    files: z.array(UpdateFile).min(1, '更新信息未列出任何文件'),
    path: z.string().optional(),
    sha512: z.string().optional(),
    releaseDate: z.union([z.string(), z.date()]).optional(),
    releaseName: z.string().nullish(),
    releaseNotes: z.unknown().optional(),
    /** Staged rollout 0–100; not covered by the release signature (the server adjusts it). */
    stagingPercentage: z.number().min(0).max(100).optional(),
  })
  .passthrough();
export type UpdateInfo = z.infer<typeof UpdateInfo>;

/**
 * Why an update was refused, as a code the audit log keeps (with its short zh-CN text, which fits the
 * audit table's 详情 column). The full message stays on the error.
 */
export const UPDATE_REFUSALS = {
  bad_signature: '签名无效',
  untrusted_key: '签名密钥不受信任',
  no_release_key: '本机未配置发布公钥',
  unsigned: '缺少发布签名',
  bad_signature_file: '签名文件格式不正确',
  not_package: '不是离线更新包',
  folder: '选择的是文件夹',
  damaged: '更新包已损坏',
  bad_contents: '包内文件不合规',
  bad_info: '更新信息格式不正确',
  wrong_platform: '不适用于本机平台',
  downgrade: '版本不高于当前版本',
  file_mismatch: '文件与签名不符',
  not_published: '尚未发布本平台的更新',
  unreachable: '无法连接中心系统',
  other: '未通过验证',
} as const;
export type UpdateRefusal = keyof typeof UPDATE_REFUSALS;

/** The refusals that mean the release signature cannot be trusted (recorded even for an online check). */
export const SIGNATURE_REFUSALS: ReadonlySet<UpdateRefusal> = new Set(['bad_signature', 'untrusted_key', 'no_release_key', 'unsigned', 'bad_signature_file']);

export class UpdateError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
    readonly code: UpdateRefusal = 'other',
  ) {
    super(message);
    this.name = 'UpdateError';
  }
}

/** Parse a channel file; any problem is an UpdateError in Chinese. */
export function parseUpdateInfo(text: string, source = '更新信息'): UpdateInfo {
  let raw: unknown;
  try {
    raw = load(text);
  } catch (err) {
    throw new UpdateError(`${source}不是有效的 YAML`, [`技术信息：${(err as Error).message.split('\n')[0] ?? ''}`], 'bad_info');
  }
  const parsed = UpdateInfo.safeParse(raw);
  if (!parsed.success) throw new UpdateError(`${source}格式不正确`, parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`), 'bad_info');
  return parsed.data;
}

export type UpdatePlatform = 'win32' | 'linux' | 'darwin';

export function asUpdatePlatform(p: string): UpdatePlatform | null {
  return p === 'win32' || p === 'linux' || p === 'darwin' ? p : null;
}

/** electron-updater's channel file suffix: none on Windows, -mac, -linux (-linux-arm64 …). */
export function channelFileSuffix(platform: UpdatePlatform, arch: string): string {
  if (platform === 'linux') return arch === 'x64' ? '-linux' : `-linux-${arch}`;
  return platform === 'darwin' ? '-mac' : '';
}

/** e.g. latest.yml on Windows, latest-linux.yml on Linux x64. */
export function channelFileName(platform: UpdatePlatform, arch: string, channel = 'latest'): string {
  return `${channel}${channelFileSuffix(platform, arch)}.yml`;
}

/** Which platform a channel file is for (by its name), or null if the name is not a channel file. */
export function platformOfChannelFile(name: string): { channel: string; platform: UpdatePlatform; arch: string | null } | null {
  const m = /^([a-z][a-z0-9]*)(-mac|-linux(?:-([a-z0-9]+))?)?\.yml$/.exec(name);
  if (!m) return null;
  if (!m[2]) return { channel: m[1]!, platform: 'win32', arch: null };
  if (m[2] === '-mac') return { channel: m[1]!, platform: 'darwin', arch: null };
  return { channel: m[1]!, platform: 'linux', arch: m[3] ?? 'x64' };
}

/** A file name an update may carry: plain, no folders (the central server serves only such names). */
export const SAFE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The update's file names, checked: relative, no folders, nothing odd. */
export function fileNamesOf(info: UpdateInfo): string[] {
  const names = info.files.map((f) => f.url);
  const bad = names.filter((n) => !SAFE_FILE_NAME.test(n));
  if (bad.length) throw new UpdateError('更新信息中的文件名不合法（只允许字母、数字、点、连字符和下划线）', bad.slice(0, 5), 'bad_info');
  if (new Set(names).size !== names.length) throw new UpdateError('更新信息重复列出了同一个文件', [], 'bad_info');
  return names;
}
