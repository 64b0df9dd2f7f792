// A second look at what the platform updater downloaded, before it may be installed: its SHA-512
// must be one the release key signed (electron-updater checks too; this keeps our own check in the
// path even if the updater's behaviour changes).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { UpdateError, type UpdateInfo } from './update-info';

export async function sha512Base64OfFile(file: string): Promise<string> {
  const hash = createHash('sha512');
  await pipeline(createReadStream(file), hash);
  return hash.digest('base64');
}

export async function assertDownloadSigned(info: UpdateInfo, file: string): Promise<void> {
  const digest = await sha512Base64OfFile(file);
  if (!info.files.some((f) => f.sha512 === digest)) throw new UpdateError('下载的更新文件与签名的更新信息不符（SHA-512 不一致），已拒绝安装');
}
