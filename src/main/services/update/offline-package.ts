// The offline update file (.fsupdate) a reviewer carries on a USB stick: a .zip holding exactly what
// the central server publishes for one platform —
//   latest.yml            (or latest-linux.yml / latest-mac.yml / <channel>…yml): electron-builder's channel file
//   latest.yml.sig        the agency's detached release signature over it (signature.ts)
//   <every file the channel file lists>, e.g. Fashen-Setup-0.2.0.exe (and optional *.blockmap)
// Nothing else, no folders. Verified before anything is used: signature by a trusted release key,
// platform, newer version, then each file's size and sha512 against the signed channel file.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import { listZipEntries, openZipEntry, openZipFile, readZipText } from '../zip-read';
import { checkInstallable, describePlatform } from './policy';
import { parseSignatureFile, verifyUpdateInfo, type TrustedKey } from './signature';
import { fileNamesOf, parseUpdateInfo, platformOfChannelFile, SAFE_FILE_NAME, UpdateError, type UpdateInfo, type UpdatePlatform } from './update-info';
import { fsyncDir, fsyncFile } from '../cache-crypto/durable';

export const OFFLINE_UPDATE_EXT = '.fsupdate';
const MAX_META_BYTES = 1 << 20;
const MAX_ENTRIES = 32;

export interface VerifyOfflineOptions {
  trusted: readonly TrustedKey[];
  /** Null: do not compare versions (checking a file for distribution, not for this machine). */
  currentVersion: string | null;
  /** Null: any platform (the file's own platform is still checked against its installers). */
  platform: UpdatePlatform | null;
  arch: string | null;
  /** Extract the verified files into a new folder under this one; else only hash them. */
  extractTo?: string;
}

export interface VerifiedUpdate {
  version: string;
  releaseDate: string | null;
  releaseName: string | null;
  /** The channel file name, e.g. latest.yml. */
  channelFile: string;
  /** The platform the update is for, e.g. Windows, Linux arm64. */
  target: string;
  keyId: string;
  keyLabel: string;
  files: { name: string; size: number }[];
  info: UpdateInfo;
  /** The folder holding the channel file, its signature and the files (when extracted). */
  dir: string | null;
}

const tech = (err: unknown): string => `技术信息：${(err as Error).message}`;

async function openZip(file: string): Promise<{ zip: yauzl.ZipFile; entries: yauzl.Entry[] }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZipFile(file, { strictFileNames: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new UpdateError('这是一个文件夹，不是离线更新包：请选择其中的 .fsupdate 文件', [], 'folder');
    if (code === 'ENOENT') throw new UpdateError('找不到离线更新文件', [], 'not_package');
    if (code === 'EACCES' || code === 'EPERM') throw new UpdateError('没有权限读取离线更新文件', [tech(err)], 'not_package');
    throw new UpdateError('不是有效的离线更新包（应为 .fsupdate 文件；文件可能不完整或不是更新包）', [tech(err)], 'not_package');
  }
  try {
    return { zip, entries: await listZipEntries(zip, MAX_ENTRIES) };
  } catch (err) {
    zip.close();
    const msg = (err as Error).message;
    if (/invalid (relative )?path|absolute path|invalid characters in fileName/i.test(msg)) throw new UpdateError('离线更新包中有不合法的文件路径（指向包外或文件夹），已拒绝', [tech(err)], 'bad_contents');
    throw new UpdateError('离线更新包已损坏', [tech(err)], 'damaged');
  }
}

async function readSmall(zip: yauzl.ZipFile, entry: yauzl.Entry, what: string): Promise<string> {
  const text = await readZipText(zip, entry, MAX_META_BYTES);
  if (text === null) throw new UpdateError(`${what}过大`, [], 'bad_contents');
  return text;
}

/** Streams one listed file, checking size and sha512; writes it to `dest` when given. */
async function checkFile(zip: yauzl.ZipFile, entry: yauzl.Entry, expected: { sha512: string; size?: number | undefined }, dest: string | null): Promise<number> {
  const name = entry.fileName;
  if (expected.size !== undefined && entry.uncompressedSize !== expected.size) throw new UpdateError(`文件 ${name} 的大小与签名的更新信息不符，已拒绝`, [`应为 ${expected.size} 字节，实为 ${entry.uncompressedSize} 字节`], 'file_mismatch');
  const hash = createHash('sha512');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    const src = await openZipEntry(zip, entry);
    await pipeline(src, tap, dest ? createWriteStream(dest, { flags: 'wx' }) : new PassThrough().resume());
  } catch (err) {
    throw new UpdateError(`读取文件 ${name} 失败（更新包可能已损坏）`, [tech(err)], 'damaged');
  }
  if (hash.digest('base64') !== expected.sha512) throw new UpdateError(`文件 ${name} 的 SHA-512 与签名的更新信息不符（文件被改动或损坏），已拒绝`, [], 'file_mismatch');
  return size;
}

export async function verifyOfflineUpdate(file: string, opts: VerifyOfflineOptions): Promise<VerifiedUpdate> {
  const { zip, entries } = await openZip(file);
  let staging: string | null = null;
  try {
    const names = entries.map((e) => e.fileName);
    const bad = names.filter((n) => !SAFE_FILE_NAME.test(n));
    if (bad.length) throw new UpdateError('离线更新包中有文件夹或不合法的文件名，已拒绝', bad.slice(0, 5), 'bad_contents');
    if (new Set(names).size !== names.length) throw new UpdateError('离线更新包中有重名文件，已拒绝', [], 'bad_contents');
    const ymls = names.filter((n) => n.endsWith('.yml'));
    if (ymls.length !== 1) throw new UpdateError(ymls.length ? '离线更新包中有多个更新信息文件（.yml），应只有一个平台的更新' : '离线更新包缺少更新信息文件（latest.yml）', [], 'bad_contents');
    const channelFile = ymls[0]!;
    const target = platformOfChannelFile(channelFile);
    if (!target) throw new UpdateError(`更新信息文件名不合法：${channelFile}`, [], 'bad_contents');
    const byName = new Map(entries.map((e) => [e.fileName, e] as const));
    const sigEntry = byName.get(`${channelFile}.sig`);
    if (!sigEntry) throw new UpdateError(`离线更新包缺少签名文件 ${channelFile}.sig，已拒绝`, [], 'unsigned');

    const info = parseUpdateInfo(await readSmall(zip, byName.get(channelFile)!, '更新信息文件'), '更新信息文件');
    const key = verifyUpdateInfo(info, parseSignatureFile(await readSmall(zip, sigEntry, '签名文件')), opts.trusted);
    if (opts.platform !== null && (target.platform !== opts.platform || (target.arch !== null && target.arch !== opts.arch))) {
      throw new UpdateError(`此更新包适用于 ${describePlatform(target.platform, target.arch)}，本机是 ${describePlatform(opts.platform, opts.arch)}`, [], 'wrong_platform');
    }
    const listed = fileNamesOf(info);
    checkInstallable(info, opts.currentVersion, target.platform);
    const allowed = new Set([channelFile, `${channelFile}.sig`, ...listed, ...listed.map((n) => `${n}.blockmap`)]);
    const extra = names.filter((n) => !allowed.has(n));
    if (extra.length) throw new UpdateError('离线更新包中有更新信息未列出的文件，已拒绝', extra.slice(0, 5), 'bad_contents');
    const missing = listed.filter((n) => !byName.has(n));
    if (missing.length) throw new UpdateError('离线更新包缺少更新信息列出的文件', missing, 'bad_contents');

    if (opts.extractTo) {
      staging = join(opts.extractTo, `.partial-${randomUUID()}`);
      mkdirSync(staging, { recursive: true });
    }
    const files: VerifiedUpdate['files'] = [];
    for (const f of info.files) {
      const size = await checkFile(zip, byName.get(f.url)!, f, staging ? join(staging, f.url) : null);
      files.push({ name: f.url, size });
    }
    let dir: string | null = null;
    if (staging) {
      // The channel file and signature go along, so the folder can serve as an update feed.
      for (const meta of [channelFile, `${channelFile}.sig`]) await pipeline(await openZipEntry(zip, byName.get(meta)!), createWriteStream(join(staging, meta), { flags: 'wx' }));
      // On disk before the folder gets its final name: a power cut never leaves a named update half written.
      for (const name of [...info.files.map((f) => f.url), channelFile, `${channelFile}.sig`]) fsyncFile(join(staging, name));
      fsyncDir(staging);
      dir = join(opts.extractTo!, `${info.version}-${randomUUID().slice(0, 8)}`);
      renameSync(staging, dir);
      fsyncDir(opts.extractTo!);
      staging = null;
    }
    return {
      version: info.version,
      releaseDate: info.releaseDate === undefined ? null : info.releaseDate instanceof Date ? info.releaseDate.toISOString() : info.releaseDate,
      releaseName: info.releaseName ?? null,
      channelFile,
      target: describePlatform(target.platform, target.arch),
      keyId: key.keyId,
      keyLabel: key.label,
      files,
      info,
      dir,
    };
  } finally {
    zip.close();
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}
