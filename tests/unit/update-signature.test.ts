// The release signature over update metadata, and the staged-rollout rule (checked against
// electron-updater's own implementation of it, from builder-util-runtime).
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UUID } from 'builder-util-runtime';
import { describe, expect, it } from 'vitest';
import { installId, rolloutFraction, withinRollout } from '../../src/main/services/update/rollout';
import { loadTrustedKeys } from '../../src/main/services/update/release-keys';
import { parseSignatureFile, signUpdateInfo, trustedKeyFromPem, verifyUpdateInfo } from '../../src/main/services/update/signature';
import { channelFileName, parseUpdateInfo, platformOfChannelFile, UpdateError } from '../../src/main/services/update/update-info';

const YML = `version: 0.2.0
files:
  - url: Fashen-Setup-0.2.0.exe
    sha512: ${Buffer.alloc(64, 7).toString('base64')}
    size: 123456
path: Fashen-Setup-0.2.0.exe
sha512: ${Buffer.alloc(64, 7).toString('base64')}
releaseDate: '2026-12-01T08:00:00.000Z'
stagingPercentage: 20
`;

function key() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, trusted: trustedKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'k.pem') };
}

describe('release signature', () => {
  const k = key();
  const info = parseUpdateInfo(YML);
  const sig = signUpdateInfo(info, k.privateKey, new Date('2026-12-01T09:00:00Z'));

  it('verifies, and survives a JSON round trip of the signature file', () => {
    expect(verifyUpdateInfo(info, parseSignatureFile(JSON.stringify(sig)), [k.trusted]).keyId).toBe(k.trusted.keyId);
  });

  it('covers every field except stagingPercentage', () => {
    expect(() => verifyUpdateInfo(parseUpdateInfo(YML.replace('stagingPercentage: 20', 'stagingPercentage: 100')), sig, [k.trusted])).not.toThrow();
    expect(() => verifyUpdateInfo(parseUpdateInfo(YML.replace('stagingPercentage: 20\n', '')), sig, [k.trusted])).not.toThrow();
    for (const tampered of [YML.replace('version: 0.2.0', 'version: 0.2.1'), YML.replace('size: 123456', 'size: 123457'), YML.replace("'2026-12-01T08", "'2026-12-02T08"), `${YML}releaseNotes: 新增功能\n`]) {
      expect(() => verifyUpdateInfo(parseUpdateInfo(tampered), sig, [k.trusted])).toThrow('签名无效');
    }
  });

  it('refuses another key, a forged key id and a flipped signature bit', () => {
    const other = key();
    expect(() => verifyUpdateInfo(info, sig, [other.trusted])).toThrow('未受信任的密钥');
    expect(() => verifyUpdateInfo(info, { ...sig, keyId: other.trusted.keyId }, [other.trusted])).toThrow('签名无效');
    const bytes = Buffer.from(sig.signature, 'base64');
    bytes[5] = bytes[5]! ^ 1;
    expect(() => verifyUpdateInfo(info, { ...sig, signature: bytes.toString('base64') }, [k.trusted])).toThrow('签名无效');
    expect(() => verifyUpdateInfo(info, sig, [])).toThrow('没有配置发布公钥');
  });

  it('rejects malformed metadata with a reason', () => {
    expect(() => parseUpdateInfo('version: [')).toThrow(UpdateError);
    expect(() => parseUpdateInfo('version: banana\nfiles: []\n')).toThrow('格式不正确');
    expect(() => parseSignatureFile('{"format":"x"}')).toThrow('签名文件格式不正确');
    expect(() => trustedKeyFromPem(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'ec.pem')).toThrow('不是 Ed25519');
  });

  it('loads every *.pem of a key folder (the shipped development key included)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    expect(loadTrustedKeys(dir)).toEqual([]);
    writeFileSync(join(dir, 'release-2027.pem'), readFileSync(join(__dirname, '../../resources/update-keys/dev-release.pem')));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(loadTrustedKeys(dir).map((t) => t.label)).toEqual(['release-2027.pem']);
    expect(loadTrustedKeys().some((t) => t.label === 'dev-release.pem')).toBe(true);
  });
});

describe('channel file names (electron-updater generic provider)', () => {
  it('match the platform and round-trip', () => {
    expect(channelFileName('win32', 'x64')).toBe('latest.yml');
    expect(channelFileName('darwin', 'arm64')).toBe('latest-mac.yml');
    expect(channelFileName('linux', 'x64')).toBe('latest-linux.yml');
    expect(channelFileName('linux', 'arm64')).toBe('latest-linux-arm64.yml');
    expect(platformOfChannelFile('latest-linux-arm64.yml')).toEqual({ channel: 'latest', platform: 'linux', arch: 'arm64' });
    expect(platformOfChannelFile('beta.yml')).toEqual({ channel: 'beta', platform: 'win32', arch: null });
    expect(platformOfChannelFile('../latest.yml')).toBeNull();
  });
});

describe('staged rollout', () => {
  it('places an install exactly where electron-updater does', () => {
    for (let i = 0; i < 200; i++) {
      const id = randomUUID();
      const theirs = UUID.parse(id).readUInt32BE(12) / 0xffffffff;
      expect(rolloutFraction(id)).toBe(theirs);
      for (const pct of [0, 1, 20, 50, 99, 100]) expect(withinRollout(pct, id)).toBe(theirs < pct / 100);
    }
  });

  it('absent percentage reaches everyone, 0 nobody; larger stages include smaller ones', () => {
    const ids = Array.from({ length: 500 }, () => randomUUID());
    expect(ids.every((id) => withinRollout(undefined, id))).toBe(true);
    expect(ids.some((id) => withinRollout(0, id))).toBe(false);
    const at = (p: number) => new Set(ids.filter((id) => withinRollout(p, id)));
    const s10 = at(10);
    const s50 = at(50);
    expect([...s10].every((id) => s50.has(id))).toBe(true);
    expect(s10.size).toBeLessThan(s50.size);
  });

  it('keeps one install id per data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rollout-'));
    const id = installId(dir);
    expect(installId(dir)).toBe(id);
    writeFileSync(join(dir, 'update-id'), 'garbage');
    expect(installId(dir)).not.toBe('garbage');
  });
});
