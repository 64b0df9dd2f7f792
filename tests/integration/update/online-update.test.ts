// Online updates end to end against the real central server: /updates/<channel>/ serves the signed
// channel file with the admin's staged-rollout share merged in (signature still valid), and the
// workstation's update service (browser host: checks and verifies, does not install) reports each
// outcome — available, not yet in the rollout, up to date, tampered, unsigned, no login.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { Workstation } from '../../../src/main/workstation';
import { feedUrl, readFeed } from '../../../src/main/services/update/feed';
import { hostInstaller } from '../../../src/main/services/update/installer';
import { packOfflineUpdate, readPrivateKey } from '../../../src/main/services/update/release-tools';
import { installId, rolloutFraction } from '../../../src/main/services/update/rollout';
import { UpdateService } from '../../../src/main/services/update/service';
import type { UpdateStatus } from '../../../src/shared/api/app';
import { tempDir } from '../../helpers/package-builder';
import { startCentral, type CentralUnderTest } from '../../helpers/server';
import { makeRelease, releaseKey, type Release } from '../../helpers/update-release';

const key = releaseKey();
let c: CentralUnderTest;
let release: Release;
let channelDir: string;

function publish(r: Release, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of [r.channelFile, `${r.channelFile}.sig`, r.installer]) copyFileSync(join(r.dir, f), join(dir, f));
}

function service(opts: { dataDir?: string; current?: string; server?: string | null } = {}) {
  const events: UpdateStatus[] = [];
  const s = new UpdateService({
    dataDir: opts.dataDir ?? tempDir('ws-'),
    currentVersion: opts.current ?? '0.1.0',
    platform: 'linux',
    arch: 'x64',
    trustedKeys: () => [key.trusted],
    installer: hostInstaller,
    server: () => (opts.server === undefined ? c.url : opts.server),
    emit: (st) => events.push(st),
  });
  return { s, events };
}

beforeAll(async () => {
  c = await startCentral();
  release = makeRelease({ key });
  channelDir = join(c.dataDir, 'updates', 'stable');
  publish(release, channelDir);
});
afterAll(async () => {
  await c?.close();
});

describe('central server /updates', () => {
  it('serves the signed channel file, its signature and the installer (with Range)', async () => {
    const feed = feedUrl(c.url, 'stable');
    expect(feed).toBe(`${c.url}/updates/stable/`);
    const checked = await readFeed(feed, { platform: 'linux', arch: 'x64', trusted: [key.trusted] });
    expect(checked.info.version).toBe('0.2.0');
    const part = await c.anon.get(`/updates/stable/${release.installer}`, { headers: { range: 'bytes=10-19' } });
    expect(part.status).toBe(206);
    expect(part.body.equals(release.bytes.subarray(10, 20))).toBe(true);
  });

  it('merges the admin rollout share into channel files; the release signature still verifies', async () => {
    const reviewer = await c.user('rollout-reviewer');
    expect((await reviewer.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: 10 } })).status).toBe(403);
    expect((await c.admin.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: 150 } })).status).toBe(400);
    expect((await c.admin.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: 12.5 } })).status).toBe(400);
    expect((await c.admin.request('PUT', '/v1/admin/updates/Bad..Name/rollout', { json: { stagingPercentage: 10 } })).status).toBe(400);

    const put = await c.admin.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: 25 } });
    expect(put.status).toBe(200);
    const served = await c.anon.get(`/updates/stable/${release.channelFile}`);
    expect((load(served.body.toString()) as { stagingPercentage: number }).stagingPercentage).toBe(25);
    // The file on disk is the release engineer's, untouched.
    expect(readFileSync(join(channelDir, release.channelFile), 'utf8')).not.toContain('stagingPercentage');
    const checked = await readFeed(feedUrl(c.url, 'stable'), { platform: 'linux', arch: 'x64', trusted: [key.trusted] });
    expect(checked.info.stagingPercentage).toBe(25);

    const list = await c.admin.get('/v1/admin/updates');
    expect(list.json).toEqual([{ channel: 'stable', stagingPercentage: 25, files: [{ name: release.channelFile, version: '0.2.0', signed: true, updatedAt: expect.any(String) }] }]);
    // An ETag that follows the served bytes: a new share is not answered with 304.
    const etag = served.headers.get('etag')!;
    await c.admin.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: 100 } });
    expect((await c.anon.get(`/updates/stable/${release.channelFile}`, { headers: { 'if-none-match': etag } })).status).toBe(200);
  });
});

describe('update service (browser host)', () => {
  it('finds a verified newer release, and says only the desktop app installs it', async () => {
    const { s, events } = service();
    const st = await s.check();
    expect(st.state).toBe('available');
    expect(st.latest?.version).toBe('0.2.0');
    expect(st.message).toContain('签名已验证');
    expect(st.message).toContain('仅桌面版可安装');
    expect(st.installBlocked).toContain('仅桌面版可安装');
    expect(events.map((e) => e.state)).toEqual(['checking', 'available']);
    expect(() => s.install()).toThrow('仅桌面版可安装');
  });

  it('honours the staged rollout share for this installation', async () => {
    const dataDir = tempDir('ws-');
    const share = Math.floor(rolloutFraction(installId(dataDir)) * 100);
    await c.admin.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: share } });
    const before = await service({ dataDir }).s.check();
    expect(before.state).toBe('not-in-rollout');
    expect(before.message).toContain(`${share}%`);
    await c.admin.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: share + 1 } });
    expect((await service({ dataDir }).s.check()).state).toBe('available');
    await c.admin.request('PUT', '/v1/admin/updates/stable/rollout', { json: { stagingPercentage: 100 } });
  });

  it('is up to date at the same version, and unconfigured without a login', async () => {
    expect((await service({ current: '0.2.0' }).s.check()).state).toBe('up-to-date');
    const none = await service({ server: null }).s.check();
    expect(none.state).toBe('unconfigured');
    expect(none.feedUrl).toBeNull();
  });

  it('refuses a tampered channel file and an unsigned one', async () => {
    const beta = join(c.dataDir, 'updates', 'beta');
    const r = makeRelease({ key, version: '0.3.0' });
    publish(r, beta);
    const dataDir = tempDir('ws-');
    writeFileSync(join(dataDir, 'update.json'), JSON.stringify({ channel: 'beta' }));
    expect((await service({ dataDir }).s.check()).latest?.version).toBe('0.3.0');

    writeFileSync(join(beta, r.channelFile), readFileSync(join(beta, r.channelFile), 'utf8').replace('version: 0.3.0', 'version: 0.3.1'));
    const tampered = await service({ dataDir }).s.check();
    expect(tampered.state).toBe('error');
    expect(tampered.message).toContain('签名无效');
    expect(tampered.latest).toBeNull();

    rmSync(join(beta, `${r.channelFile}.sig`));
    const unsigned = await service({ dataDir }).s.check();
    expect(unsigned.state).toBe('error');
    expect(unsigned.message).toContain('未签名的更新不会安装');
  });
});

describe('app.* update calls through the Api (host, shipped development key)', () => {
  let ws: Workstation;
  beforeAll(() => {
    ws = new Workstation({ dataDir: tempDir('ws-'), today: () => '2026-12-02' });
  });
  afterAll(() => ws?.close());

  it('checks the saved central server and verifies an offline file; installing says 仅桌面版可安装', async () => {
    const devKey = { privateKey: readPrivateKey(join(__dirname, '../../fixtures/update/dev-release-key.pem')) };
    const r = makeRelease({ key: devKey, version: '9.0.0' });
    publish(r, join(c.dataDir, 'updates', 'dev'));
    writeFileSync(join(ws.dataDir, 'central.json'), JSON.stringify({ server: c.url, token: 'unused-for-updates' }));
    writeFileSync(join(ws.dataDir, 'update.json'), JSON.stringify({ channel: 'dev' }));
    const api = buildApi(ws, 'host');
    const status = await dispatch(api, 'app.checkUpdate', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'available', channel: 'dev', latest: { version: '9.0.0' } } });

    const stick = join(tempDir('stick-'), 'Fashen-9.0.0.fsupdate');
    await packOfflineUpdate(r.dir, r.channelFile, stick);
    const verified = await dispatch(api, 'app.verifyOfflineUpdate', { path: stick });
    expect(verified).toMatchObject({ ok: true, value: { version: '9.0.0', keyLabel: 'dev-release.pem' } });
    const applied = await dispatch(api, 'app.applyOfflineUpdate', { path: stick });
    expect(applied).toMatchObject({ ok: true, value: { installing: false } });
    expect((applied as { value: { message: string } }).value.message).toContain('仅桌面版可安装');

    const missing = await dispatch(api, 'app.verifyOfflineUpdate', { path: join(tempDir(), 'nope.fsupdate') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const bad = join(tempDir(), 'bad.fsupdate');
    writeFileSync(bad, 'PK\u0003\u0004 broken');
    expect(await dispatch(api, 'app.applyOfflineUpdate', { path: bad })).toMatchObject({ ok: false, error: { code: 'bad_package' } });
    expect(await dispatch(api, 'app.pickUpdateFile', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(api, 'app.installUpdate', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('reports the true security state: encrypted, but with the development key file (未加密保护)', async () => {
    const api = buildApi(ws, 'host');
    const r = await dispatch(api, 'app.security', {});
    expect(r).toMatchObject({
      ok: true,
      value: { cache: { encrypted: true, keyProtection: 'unprotected-dev' }, keyStore: { kind: 'passphrase' }, lock: { locked: false, canLock: false } },
    });
  });
});
