// Offline update files (.fsupdate): a valid one is accepted and extracted byte-exact; tampered ones
// (bad signature, sha512 mismatch, wrong key, downgrade, wrong platform, smuggled files) are refused
// with a reason, and a refused file leaves nothing behind.
import { createWriteStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ZipFile } from 'yazl';
import { verifyOfflineUpdate, type VerifyOfflineOptions } from '../../../src/main/services/update/offline-package';
import { signChannelFile } from '../../../src/main/services/update/release-tools';
import { UpdateError } from '../../../src/main/services/update/update-info';
import { tempDir } from '../../helpers/package-builder';
import { makeRelease, packRelease, releaseKey, type Release } from '../../helpers/update-release';

const key = releaseKey();
const opts = (extra: Partial<VerifyOfflineOptions> = {}): VerifyOfflineOptions => ({ trusted: [key.trusted], currentVersion: '0.1.0', platform: 'linux', arch: 'x64', ...extra });

/** A .fsupdate with exactly these entries (for files the release tools would never write). */
async function zipOf(entries: Record<string, Buffer | string>): Promise<string> {
  const zip = new ZipFile();
  for (const [name, data] of Object.entries(entries)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  const out = join(tempDir('stick-'), 'crafted.fsupdate');
  await pipeline(zip.outputStream, createWriteStream(out));
  return out;
}

function entriesOf(r: Release): Record<string, Buffer> {
  return {
    [r.channelFile]: readFileSync(join(r.dir, r.channelFile)),
    [`${r.channelFile}.sig`]: readFileSync(join(r.dir, `${r.channelFile}.sig`)),
    [r.installer]: readFileSync(join(r.dir, r.installer)),
  };
}

async function refusal(file: string, o: VerifyOfflineOptions = opts()): Promise<UpdateError> {
  const err = await verifyOfflineUpdate(file, o).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpdateError);
  return err as UpdateError;
}

describe('offline update file', () => {
  it('accepts a signed update and extracts exactly the signed bytes', async () => {
    const release = makeRelease({ key });
    const file = await packRelease(release);
    const into = tempDir('extract-');
    const v = await verifyOfflineUpdate(file, opts({ extractTo: into }));
    expect(v.version).toBe('0.2.0');
    expect(v.keyId).toBe(key.trusted.keyId);
    expect(v.files).toEqual([{ name: release.installer, size: release.bytes.length }]);
    expect(v.dir).not.toBeNull();
    expect(readFileSync(join(v.dir!, release.installer)).equals(release.bytes)).toBe(true);
    expect(readdirSync(v.dir!).sort()).toEqual([release.installer, release.channelFile, `${release.channelFile}.sig`].sort());
    // Only the finished folder remains (no .partial-*).
    expect(readdirSync(into)).toEqual([v.dir!.split('/').pop()]);
  });

  it('refuses a channel file changed after signing (bad signature)', async () => {
    const release = makeRelease({ key });
    const e = entriesOf(release);
    e[release.channelFile] = Buffer.from(e[release.channelFile]!.toString().replace('修正审核要点 P6', '全部修正'));
    const err = await refusal(await zipOf(e));
    expect(err.message).toContain('签名无效');
  });

  it('refuses an installer whose bytes differ from the signed sha512', async () => {
    const release = makeRelease({ key });
    const e = entriesOf(release);
    const evil = Buffer.from(e[release.installer]!);
    evil[1000] = evil[1000]! ^ 0xff;
    e[release.installer] = evil;
    const into = tempDir('extract-');
    const err = await refusal(await zipOf(e), opts({ extractTo: into }));
    expect(err.message).toContain('SHA-512');
    expect(readdirSync(into)).toEqual([]);
  });

  it('refuses an installer of another size than signed', async () => {
    const release = makeRelease({ key });
    const e = entriesOf(release);
    e[release.installer] = Buffer.concat([e[release.installer]!, Buffer.from('x')]);
    expect((await refusal(await zipOf(e))).message).toContain('大小');
  });

  it('refuses an update signed by a key this build does not trust', async () => {
    const other = releaseKey('other.pem');
    const file = await packRelease(makeRelease({ key: other }));
    expect((await refusal(file)).message).toContain('未受信任的密钥');
  });

  it('refuses everything when the build has no release key', async () => {
    const file = await packRelease(makeRelease({ key }));
    expect((await refusal(file, opts({ trusted: [] }))).message).toContain('没有配置发布公钥');
  });

  it('refuses an unsigned update and a missing signature file', async () => {
    const release = makeRelease({ key });
    const e = entriesOf(release);
    delete e[`${release.channelFile}.sig`];
    expect((await refusal(await zipOf(e))).message).toContain('缺少签名文件');
    const garbage = entriesOf(release);
    garbage[`${release.channelFile}.sig`] = Buffer.from('{"format":"fashen.update-signature"}');
    expect((await refusal(await zipOf(garbage))).message).toContain('签名文件格式不正确');
  });

  it('refuses a validly signed older or same version (no downgrade by replay)', async () => {
    const file = await packRelease(makeRelease({ key, version: '0.1.0' }));
    expect((await refusal(file)).message).toContain('不高于当前版本');
    expect((await refusal(file, opts({ currentVersion: '0.3.0' }))).message).toContain('防止降级');
  });

  it('refuses an update for another platform', async () => {
    const win = makeRelease({ key, channelFile: 'latest.yml', installer: 'Fashen-Setup-0.2.0.exe' });
    expect((await refusal(await packRelease(win))).message).toContain('适用于 Windows');
    // Named for Linux but listing a Windows installer: the signed content decides.
    const mixed = makeRelease({ key, installer: 'Fashen-Setup-0.2.0.exe' });
    expect((await refusal(await packRelease(mixed))).message).toContain('不适用于 Linux');
  });

  it('refuses smuggled files, folders and path tricks', async () => {
    const release = makeRelease({ key });
    expect((await refusal(await zipOf({ ...entriesOf(release), 'run-me.sh': '#!/bin/sh\n' }))).message).toContain('未列出的文件');
    expect((await refusal(await zipOf({ ...entriesOf(release), 'sub/latest-linux.yml': 'x' }))).message).toContain('不合法的文件名');
    const two = makeRelease({ key, channelFile: 'beta-linux.yml' });
    expect((await refusal(await zipOf({ ...entriesOf(release), ...entriesOf(two) }))).message).toContain('多个更新信息文件');
  });

  it('refuses a file that is not a zip, and a zip missing the installer', async () => {
    const notZip = join(tempDir(), 'x.fsupdate');
    writeFileSync(notZip, 'not a zip at all');
    expect((await refusal(notZip)).message).toContain('不是有效的离线更新包');
    const release = makeRelease({ key });
    const e = entriesOf(release);
    delete e[release.installer];
    expect((await refusal(await zipOf(e))).message).toContain('缺少更新信息列出的文件');
  });

  it('release tools refuse to pack an unsigned or inconsistent release', async () => {
    const unsigned = makeRelease();
    await expect(packRelease(unsigned)).rejects.toThrow('缺少签名文件');
    const changed = makeRelease({ key });
    writeFileSync(join(changed.dir, changed.installer), 'other bytes');
    await expect(packRelease(changed)).rejects.toThrow('SHA-512');
    // Re-signing after a change to the channel file makes it valid again.
    const resigned = makeRelease({ key });
    signChannelFile(join(resigned.dir, resigned.channelFile), key.privateKey);
    expect(existsSync(await packRelease(resigned))).toBe(true);
  });
});
