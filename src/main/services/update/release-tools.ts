// Release side (`fashen update sign|pack`): sign electron-builder's channel files with the agency's
// release key, and pack one platform's signed update into an offline .fsupdate for a USB stick.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { sha512Base64OfFile } from './downloaded';
import { parseSignatureFile, signUpdateInfo, verifyUpdateInfo, type TrustedKey } from './signature';
import { fileNamesOf, parseUpdateInfo, platformOfChannelFile, UpdateError } from './update-info';
import { writeFileDurable } from '../cache-crypto/durable';

export function readPrivateKey(pemFile: string, passphrase?: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase ? { key: readFileSync(pemFile, 'utf8'), passphrase } : readFileSync(pemFile, 'utf8'));
  } catch (err) {
    throw new UpdateError(`无法读取发布私钥 ${basename(pemFile)}（口令错误或不是 PEM 私钥）`, [(err as Error).message]);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UpdateError('发布私钥不是 Ed25519 密钥');
  return key;
}

/** The channel files (latest*.yml, <channel>*.yml) in an electron-builder output folder. */
export function channelFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => platformOfChannelFile(n) !== null)
    .sort();
}

/** Writes `<yml>.sig` for one channel file; returns its path. */
export function signChannelFile(ymlPath: string, key: KeyObject, now: Date = new Date()): string {
  const info = parseUpdateInfo(readFileSync(ymlPath, 'utf8'), basename(ymlPath));
  const sigPath = `${ymlPath}.sig`;
  // Published next to the channel file: readable by whoever serves it.
  writeFileDurable(sigPath, `${JSON.stringify(signUpdateInfo(info, key, now), null, 2)}\n`, 0o644);
  return sigPath;
}

/**
 * Packs `<dir>/<channelFile>`, its signature and the files it lists into one .fsupdate. Checks the
 * files against the channel file first, so a stick never carries an update that would be refused.
 */
export async function packOfflineUpdate(dir: string, channelFile: string, out: string, opts: { trusted?: readonly TrustedKey[] } = {}): Promise<{ out: string; version: string; files: string[] }> {
  const ymlPath = join(dir, channelFile);
  if (!platformOfChannelFile(channelFile)) throw new UpdateError(`不是更新信息文件：${channelFile}`);
  if (!existsSync(ymlPath)) throw new UpdateError(`找不到更新信息文件 ${channelFile}`);
  const info = parseUpdateInfo(readFileSync(ymlPath, 'utf8'), channelFile);
  if (!existsSync(`${ymlPath}.sig`)) throw new UpdateError(`缺少签名文件 ${channelFile}.sig：请先运行 fashen update sign`, [], 'unsigned');
  const signature = parseSignatureFile(readFileSync(`${ymlPath}.sig`, 'utf8'));
  // The release keys given (the CLI: this build's): the signature checked first, as a workstation would.
  if (opts.trusted) {
    try {
      verifyUpdateInfo(info, signature, opts.trusted);
    } catch (err) {
      if (!(err instanceof UpdateError)) throw err;
      const hint =
        err.code === 'bad_signature'
          ? `${channelFile} 签名后被改动过：请重新签名（fashen update sign）`
          : err.code === 'untrusted_key'
            ? '工作台只接受 resources/update-keys/ 中的发布公钥签名的更新：请用机构发布密钥签名，或先把新公钥随一个版本发布'
            : null;
      throw new UpdateError(`未打包：${err.message}`, [...err.details, ...(hint ? [hint] : [])], err.code);
    }
  }
  const names = fileNamesOf(info);
  for (const f of info.files) {
    const p = join(dir, f.url);
    if (!existsSync(p)) throw new UpdateError(`缺少更新信息列出的文件 ${f.url}`);
    if ((await sha512Base64OfFile(p)) !== f.sha512) throw new UpdateError(`文件 ${f.url} 的 SHA-512 与 ${channelFile} 不符`);
  }
  const zip = new ZipFile();
  zip.addFile(ymlPath, channelFile);
  zip.addFile(`${ymlPath}.sig`, `${channelFile}.sig`);
  // Installers are already compressed: store them, don't deflate again.
  for (const n of names) zip.addFile(join(dir, n), n, { compress: false });
  zip.end();
  const tmp = `${out}.${process.pid}.tmp`;
  await pipeline(zip.outputStream, createWriteStream(tmp));
  renameSync(tmp, out);
  return { out, version: info.version, files: names };
}
