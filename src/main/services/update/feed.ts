// The online update feed: the central server publishes each channel under `<server>/updates/<channel>/`
// (electron-updater's generic provider layout). Reads this platform's channel file and its release
// signature and verifies them — the same check in the desktop app and the browser host.
import { UPDATE_CHANNEL_NAME } from '../../../shared/api/app';
import { parseSignatureFile, verifyUpdateInfo, type TrustedKey, type UpdateSignatureFile } from './signature';
import { channelFileName, parseUpdateInfo, UpdateError, type UpdateInfo, type UpdatePlatform } from './update-info';

const MAX_META_BYTES = 1 << 20;
export const DEFAULT_CHANNEL = 'stable';
export const CHANNEL_NAME = UPDATE_CHANNEL_NAME;

/** `<server>/updates/<channel>/` — what electron-updater's generic provider is pointed at. */
export function feedUrl(server: string, channel: string): string {
  if (!CHANNEL_NAME.test(channel)) throw new UpdateError(`更新通道名称不合法：${channel}`);
  const base = new URL(server);
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new UpdateError('中心系统地址必须是 http 或 https');
  return new URL(`updates/${channel}/`, base.href.endsWith('/') ? base.href : `${base.href}/`).href;
}

export interface FeedCheck {
  info: UpdateInfo;
  signature: UpdateSignatureFile;
  channelFile: string;
  keyId: string;
  keyLabel: string;
}

/** The channel file is not there: nothing is published for this platform (a normal state, not an error). */
export class NotPublished extends UpdateError {
  constructor(channelFile: string, url: string) {
    super(`中心系统尚未发布本平台的更新（${channelFile}）`, [url], 'not_published');
  }
}

async function fetchText(url: string, what: string, timeoutMs: number): Promise<string | null> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'cache-control': 'no-cache' } });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
    throw new UpdateError(`无法连接中心系统检查更新（${cause}）`, [], 'unreachable');
  }
  if (res.status === 404) return null;
  if (!res.ok) throw new UpdateError(`中心系统返回错误 ${res.status}（${what}）`, [url], 'unreachable');
  const body = Buffer.from(await res.arrayBuffer());
  if (body.length > MAX_META_BYTES) throw new UpdateError(`${what}过大`, [], 'bad_info');
  return body.toString('utf8');
}

/** Fetches and verifies `<feed><channel file>` and `<channel file>.sig`. */
export async function readFeed(feed: string, opts: { platform: UpdatePlatform; arch: string; trusted: readonly TrustedKey[]; timeoutMs?: number }): Promise<FeedCheck> {
  const channelFile = channelFileName(opts.platform, opts.arch);
  const timeout = opts.timeoutMs ?? 15_000;
  const ymlUrl = new URL(channelFile, feed).href;
  const sigUrl = new URL(`${channelFile}.sig`, feed).href;
  const [yml, sig] = await Promise.all([fetchText(ymlUrl, `此平台的更新信息（${channelFile}）`, timeout), fetchText(sigUrl, `更新信息的签名（${channelFile}.sig）`, timeout)]);
  // No channel file for this platform (an empty channel, or releases for other platforms only).
  if (yml === null) throw new NotPublished(channelFile, ymlUrl);
  if (sig === null) throw new UpdateError(`中心系统没有发布更新信息的签名（${channelFile}.sig）——未签名的更新不会安装`, [sigUrl], 'unsigned');
  const info = parseUpdateInfo(yml, `中心系统的更新信息（${channelFile}）`);
  const signature = parseSignatureFile(sig);
  const key = verifyUpdateInfo(info, signature, opts.trusted);
  return { info, signature, channelFile, keyId: key.keyId, keyLabel: key.label };
}
