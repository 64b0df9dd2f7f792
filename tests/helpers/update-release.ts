// A release folder as electron-builder leaves it for one platform (installer + channel file in its
// exact format), signed with a release key through the real release tools, and packed into a
// .fsupdate on request. The "installer" is random bytes: verification only looks at bytes.
import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { packOfflineUpdate, signChannelFile } from '../../src/main/services/update/release-tools';
import { trustedKeyFromPem, type TrustedKey } from '../../src/main/services/update/signature';
import { tempDir } from './package-builder';

export interface ReleaseKey {
  privateKey: KeyObject;
  trusted: TrustedKey;
}

export function releaseKey(label = 'release-test.pem'): ReleaseKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, trusted: trustedKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString(), label) };
}

export interface Release {
  dir: string;
  channelFile: string;
  installer: string;
  bytes: Buffer;
}

export interface ReleaseOptions {
  version?: string;
  /** Signs the channel file with this key (unsigned when absent). */
  key?: Pick<ReleaseKey, 'privateKey'>;
  channelFile?: string;
  installer?: string;
  stagingPercentage?: number;
  size?: number;
}

/** latest-linux.yml + Fashen-<v>-x86_64.AppImage by default, as electron-builder writes them. */
export function makeRelease(opts: ReleaseOptions = {}): Release {
  const version = opts.version ?? '0.2.0';
  const dir = tempDir('release-');
  const installer = opts.installer ?? `Fashen-${version}-x86_64.AppImage`;
  const channelFile = opts.channelFile ?? 'latest-linux.yml';
  const bytes = randomBytes(opts.size ?? 200_000);
  writeFileSync(join(dir, installer), bytes);
  const sha512 = createHash('sha512').update(bytes).digest('base64');
  const info: Record<string, unknown> = {
    version,
    files: [{ url: installer, sha512, size: bytes.length, blockMapSize: 1234 }],
    path: installer,
    sha512,
    releaseDate: '2026-12-01T08:00:00.000Z',
    releaseNotes: '修正审核要点 P6 的裁量计算',
  };
  if (opts.stagingPercentage !== undefined) info.stagingPercentage = opts.stagingPercentage;
  writeFileSync(join(dir, channelFile), dump(info, { lineWidth: 8000 }));
  if (opts.key) signChannelFile(join(dir, channelFile), opts.key.privateKey);
  return { dir, channelFile, installer, bytes };
}

export async function packRelease(release: Release, name = 'update.fsupdate'): Promise<string> {
  const out = join(tempDir('stick-'), name);
  await packOfflineUpdate(release.dir, release.channelFile, out);
  return out;
}
