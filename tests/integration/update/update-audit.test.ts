// What updates leave in the audit log, and how refusals read, through the Api on the browser host:
// an offline file refused at 验证 or 安装 is recorded with its name and a short reason; a verified file
// the host cannot install reads 未安装, never 安装更新 alone; an online check that meets a bad or
// untrusted release signature is recorded, a check that finds nothing is not. Nothing published for
// this platform is a normal state; a quoted path is found; raw Node/yauzl text stays out of the message.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch, type Handlers } from '../../../src/main/dispatch';
import { Workstation } from '../../../src/main/workstation';
import { packOfflineUpdate, readPrivateKey } from '../../../src/main/services/update/release-tools';
import { hostInstaller } from '../../../src/main/services/update/installer';
import { OpenedFiles } from '../../../src/main/handlers/app-opened-files';
import { UpdateService } from '../../../src/main/services/update/service';
import { unquotePath } from '../../../src/shared/api/app';
import type { AuditEntryView } from '../../../src/shared/api/audit';
import { auditActionLabel } from '../../../src/shared/audit/actions';
import { describeAuditDetail } from '../../../src/shared/audit/describe';
import { tempDir } from '../../helpers/package-builder';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { makeRelease, releaseKey, type Release } from '../../helpers/update-release';

const devKey = { privateKey: readPrivateKey(join(__dirname, '../../fixtures/update/dev-release-key.pem')) };
let c: CentralUnderTest;
let ws: Workstation;
let api: Handlers;
let good: Release;
let stick: string;

function publish(r: Release, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of [r.channelFile, `${r.channelFile}.sig`, r.installer]) copyFileSync(join(r.dir, f), join(dir, f));
}

function useChannel(channel: string): void {
  writeFileSync(join(ws.dataDir, 'update.json'), JSON.stringify({ channel }));
}

/** The update entries appended since `after` (seq), oldest first. */
function updateEntries(after: number): AuditEntryView[] {
  return ws.audit.log
    .list({ limit: 500 })
    .filter((e) => e.seq > after && e.action.startsWith('app.update'))
    .sort((a, b) => a.seq - b.seq);
}
const lastSeq = () => ws.audit.log.page({ limit: 1 }).entries[0]?.seq ?? 0;
const shown = (e: AuditEntryView) => `${auditActionLabel(e.action, e.detail.outcome as string | undefined, e.detail.code)} · ${describeAuditDetail(e)}`;

beforeAll(async () => {
  c = await startCentral();
  ws = new Workstation({ dataDir: tempDir('ws-'), today: () => '2026-12-02' });
  writeFileSync(join(ws.dataDir, 'central.json'), JSON.stringify({ server: c.url, token: 'unused-for-updates' }));
  api = buildApi(ws, 'host');
  good = makeRelease({ key: devKey, version: '9.0.0' });
  stick = join(tempDir('stick-'), 'rel-good.fsupdate');
  await packOfflineUpdate(good.dir, good.channelFile, stick);
}, 60_000);
afterAll(async () => {
  ws?.close();
  await c?.close();
});

describe('offline update refusals in the audit log', () => {
  it('records a file refused at 验证 with its name and a short reason', async () => {
    const before = lastSeq();
    const e = { ...Object.fromEntries([good.channelFile, `${good.channelFile}.sig`, good.installer].map((n) => [n, readFileSync(join(good.dir, n))])) };
    const tamperedDir = tempDir('release-');
    for (const [n, b] of Object.entries(e)) writeFileSync(join(tamperedDir, n), b);
    writeFileSync(join(tamperedDir, good.channelFile), readFileSync(join(good.dir, good.channelFile), 'utf8').replace('修正审核要点 P6', '全部修正'));
    // The release tools refuse to pack it; a crafted stick is the attacker's, so zip by hand via a copy of the good one's layout.
    const bad = join(tempDir('stick-'), 'rel-badsig.fsupdate');
    const { ZipFile } = await import('yazl');
    const zip = new ZipFile();
    for (const n of Object.keys(e)) zip.addFile(join(tamperedDir, n), n);
    zip.end();
    const { pipeline } = await import('node:stream/promises');
    const { createWriteStream } = await import('node:fs');
    await pipeline(zip.outputStream, createWriteStream(bad));

    const r = await dispatch(api, 'app.verifyOfflineUpdate', { path: bad });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_package' } });
    const [entry, ...more] = updateEntries(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'app.updateVerify', detail: { outcome: 'refused', code: 'bad_signature', reason: '签名无效', file: 'rel-badsig.fsupdate', via: 'browser' } });
    expect(shown(entry!)).toBe('验证离线更新包（被拒绝） · rel-badsig.fsupdate · 签名无效');

    // Refused at 安装 too: the file named, once (the recorder does not add a nameless second entry).
    const before2 = lastSeq();
    expect(await dispatch(api, 'app.applyOfflineUpdate', { path: bad })).toMatchObject({ ok: false });
    const applied = updateEntries(before2);
    expect(applied).toHaveLength(1);
    expect(applied[0]).toMatchObject({ action: 'app.update', detail: { outcome: 'refused', code: 'bad_signature', file: 'rel-badsig.fsupdate' } });

    // A missing file is a refusal worth a line as well; a successful verification is not recorded.
    const before3 = lastSeq();
    expect(await dispatch(api, 'app.verifyOfflineUpdate', { path: join(tempDir(), 'nothere.fsupdate') })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(api, 'app.verifyOfflineUpdate', { path: stick })).toMatchObject({ ok: true });
    expect(updateEntries(before3).map((x) => x.detail)).toEqual([expect.objectContaining({ outcome: 'refused', code: 'not_found', file: 'nothere.fsupdate' })]);
  });

  it('a verified file the browser host cannot install reads 未安装 with the reason, not 安装更新', async () => {
    const before = lastSeq();
    const r = await dispatch(api, 'app.applyOfflineUpdate', { path: stick });
    expect(r).toMatchObject({ ok: true, value: { installing: false, notInstalled: '仅桌面版可安装' } });
    expect((r as { value: { message: string } }).value.message).toContain('未安装');
    const [entry, ...more] = updateEntries(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'app.update', detail: { outcome: 'not_installed', reason: '仅桌面版可安装', file: 'rel-good.fsupdate', version: '9.0.0', installing: false } });
    expect(shown(entry!)).toBe('安装更新（未安装） · 版本 9.0.0 · rel-good.fsupdate · 仅桌面版可安装');
  });

  it('an installer that fails to start is recorded as 安装更新（未成功） with the file and version, once', async () => {
    const failing = { ...hostInstaller, blockedReason: () => null, installOffline: () => Promise.reject(new Error('spawn EACCES')) };
    const desk = buildApi(ws, 'electron', { shell: { installer: failing, openedFiles: new OpenedFiles() } });
    const before = lastSeq();
    expect(await dispatch(desk, 'app.applyOfflineUpdate', { path: stick })).toMatchObject({ ok: false, error: { code: 'internal' } });
    const [entry, ...more] = updateEntries(before);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: 'app.update', detail: { outcome: 'failed', code: 'install_failed', reason: '安装程序未能启动', file: 'rel-good.fsupdate', version: '9.0.0', via: 'desktop' } });
    expect(shown(entry!)).toBe('安装更新（未成功） · 版本 9.0.0 · rel-good.fsupdate · 安装程序未能启动');
  });

  it('finds a path pasted in quotes (Windows 复制文件地址), straight or curly', async () => {
    expect(unquotePath('  "E:\\法审\\x.fsupdate" ')).toBe('E:\\法审\\x.fsupdate');
    expect(unquotePath('“/media/u/x.fsupdate”')).toBe('/media/u/x.fsupdate');
    expect(unquotePath('"a"b"')).toBe('"a"b"');
    for (const q of [`"${stick}"`, ` “${stick}” `]) expect(await dispatch(api, 'app.verifyOfflineUpdate', { path: q })).toMatchObject({ ok: true, value: { version: '9.0.0', path: stick } });
  });

  it('says in Chinese what is wrong with a folder, a non-zip file and a path trick', async () => {
    const folder = await dispatch(api, 'app.verifyOfflineUpdate', { path: tempDir('packs-') });
    expect(folder).toMatchObject({ ok: false, error: { message: expect.stringContaining('这是一个文件夹') } });
    expect(JSON.stringify(folder)).not.toContain('EISDIR');
    const notZip = join(tempDir(), 'notzip.fsupdate');
    writeFileSync(notZip, 'not a zip at all, just text');
    const nz = (await dispatch(api, 'app.verifyOfflineUpdate', { path: notZip })) as { ok: false; error: { message: string; details?: string[] } };
    expect(nz.error.message).toContain('不是有效的离线更新包');
    // Technical text only after 技术信息：
    for (const d of nz.error.details ?? []) expect(d).toMatch(/^技术信息：/);
    // A zip whose entry climbs out of the folder.
    const slip = join(tempDir(), 'slip.fsupdate');
    const { ZipFile } = await import('yazl');
    const zip = new ZipFile();
    zip.addBuffer(Buffer.from('#!/bin/sh\n'), 'evil.sh');
    zip.end();
    const { pipeline } = await import('node:stream/promises');
    const { createWriteStream } = await import('node:fs');
    await pipeline(zip.outputStream, createWriteStream(slip));
    // yazl will not write "../../evil.sh": patch the stored name (same length) in both headers.
    const bytes = readFileSync(slip);
    const patched = Buffer.from(bytes.toString('latin1').replaceAll('evil.sh', '../e.sh'), 'latin1');
    writeFileSync(slip, patched);
    const s = (await dispatch(api, 'app.verifyOfflineUpdate', { path: slip })) as { ok: false; error: { message: string; details?: string[] } };
    expect(s.ok).toBe(false);
    expect(s.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(s.error.message).not.toMatch(/invalid relative path/);
    for (const d of s.error.details ?? []) expect(d).toMatch(/^技术信息：|^[^a-z]/);
  });
});

describe('online checks in the audit log', () => {
  it('records a check that met a bad signature or an untrusted key; a quiet check is not recorded', async () => {
    const tampered = join(c.dataDir, 'updates', 'tampered');
    publish(good, tampered);
    writeFileSync(join(tampered, good.channelFile), readFileSync(join(tampered, good.channelFile), 'utf8').replace('version: 9.0.0', 'version: 9.0.1'));
    useChannel('tampered');
    let before = lastSeq();
    expect(await dispatch(api, 'app.checkUpdate', {})).toMatchObject({ ok: true, value: { state: 'error', message: expect.stringContaining('签名无效') } });
    const [entry] = updateEntries(before);
    expect(entry).toMatchObject({ action: 'app.updateCheck', detail: { outcome: 'refused', code: 'bad_signature', reason: '签名无效', channel: 'tampered' } });
    expect(shown(entry!)).toBe('检查更新（被拒绝） · 通道 tampered · 签名无效');

    publish(makeRelease({ key: releaseKey('other.pem'), version: '9.0.0' }), join(c.dataDir, 'updates', 'other'));
    useChannel('other');
    before = lastSeq();
    await dispatch(api, 'app.checkUpdate', {});
    expect(updateEntries(before)).toMatchObject([{ action: 'app.updateCheck', detail: { code: 'untrusted_key' } }]);

    publish(good, join(c.dataDir, 'updates', 'fine'));
    useChannel('fine');
    before = lastSeq();
    expect(await dispatch(api, 'app.checkUpdate', {})).toMatchObject({ ok: true, value: { state: 'available' } });
    expect(updateEntries(before)).toEqual([]);
  });
});

describe('nothing published for this platform', () => {
  function service() {
    return new UpdateService({
      dataDir: ws.dataDir,
      currentVersion: '0.1.0',
      platform: 'linux',
      arch: 'x64',
      trustedKeys: () => [],
      installer: hostInstaller,
      server: () => c.url,
      emit: () => undefined,
    });
  }

  it('an empty channel, or one with a Windows release only, is a neutral state, not an error', async () => {
    mkdirSync(join(c.dataDir, 'updates', 'empty'), { recursive: true });
    useChannel('empty');
    const empty = await service().check();
    expect(empty.state).toBe('not-published');
    expect(empty.message).toContain('中心系统尚未发布本平台的更新');
    useChannel('nothing-at-all');
    expect((await service().check()).state).toBe('not-published');

    const win = makeRelease({ key: devKey, channelFile: 'latest.yml', installer: 'Fashen-Setup-9.0.0.exe', version: '9.0.0' });
    publish(win, join(c.dataDir, 'updates', 'winonly'));
    useChannel('winonly');
    const before = lastSeq();
    expect(await dispatch(api, 'app.checkUpdate', {})).toMatchObject({ ok: true, value: { state: 'not-published' } });
    expect(updateEntries(before)).toEqual([]);
    rmSync(join(c.dataDir, 'updates', 'winonly'), { recursive: true });
  });
});
