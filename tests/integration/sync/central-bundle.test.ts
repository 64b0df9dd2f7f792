// The offline bundle the central system makes for a reviewer without a connection
// (GET /v1/admin/case-bundle): her assigned cases only, each exactly as the feed carries it, plus the
// published calendar. Carried in on a stick (the app's 导入案卷包), the cases are the same revisions
// the server has: a later online sync downloads nothing again, and an opinion signed offline on one
// of them is accepted. Bad requests are refused with the reason, and a bundle whose blob is missing
// on the server is cut off, never handed out short.
import { createReadStream, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { importCommand } from '../../../src/cli/commands/import';
import { LocalFolderBackend } from '../../../src/server/blobs/local';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { listZipEntries, openZipEntry, openZipFile } from '../../../src/main/services/zip-read';
import { exportOutboxBundle } from '../../../src/main/services/sync/bundle';
import { sealToFile, startSeal } from '../../../src/main/services/bundle-envelope/seal';
import { writeCentralLogin } from '../../../src/main/services/sync/central-login';
import type { SyncTransport } from '../../../src/main/services/sync/transport';
import type { BundleImport } from '../../../src/shared/api/sync';
import type { IntakeAnswer } from '../../../src/shared/sync/protocol';
import { packageFiles } from '../../../src/shared/casefile/schema';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { enrol } from '../../helpers/server-fixtures';
import { tempDir, type BuiltPackage } from '../../helpers/package-builder';
import { testCalendar } from '../../helpers/test-calendar';
import { folderFiles, httpTransport, newDataDir, outbox, packageWithFiles, publish, queueOpinion, workstation, zipBuffer } from './fixtures';

let central: CentralUnderTest;
let alice: Client;
let dave: Client;
const aliceCases: IntakeAnswer[] = [];
let bobCase: IntakeAnswer;
let bobPkg: BuiltPackage;
const open: Workstation[] = [];

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  await central.user('bob');
  await central.user('carol');
  dave = await central.user('dave');
  aliceCases.push(await publish(central.admin, await packageWithFiles(tempDir(), [3000, 5000]), 'alice'));
  aliceCases.push(await publish(central.admin, await packageWithFiles(tempDir(), [7000]), 'alice'));
  bobPkg = await packageWithFiles(tempDir(), [4000]);
  bobCase = await publish(central.admin, bobPkg, 'bob');
  expect((await central.admin.request('PUT', '/v1/admin/calendar', { json: testCalendar() })).status).toBe(200);
});

afterAll(async () => {
  open.splice(0).forEach((w) => w.close());
  await central?.close();
});

async function bundleFor(query: string): Promise<{ status: number; path: string; headers: Headers; json: unknown }> {
  const r = await central.admin.request('GET', `/v1/admin/case-bundle?${query}`);
  const path = join(tempDir('central-bundle-'), 'bundle.zip');
  writeFileSync(path, r.body);
  return { status: r.status, path, headers: r.headers, json: r.json };
}

async function names(path: string): Promise<string[]> {
  const zip = await openZipFile(path);
  try {
    return (await listZipEntries(zip)).map((e) => e.fileName).sort();
  } finally {
    zip.close();
  }
}

/** The app's 导入案卷包 (Api call sync.importBundle, audited). */
async function importBundle(w: Workstation, path: string, passphrase?: string): Promise<BundleImport> {
  const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path, ...(passphrase !== undefined ? { passphrase } : {}) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as BundleImport;
}

/** The HTTP transport, counting the blob requests it makes. */
function counting(t: SyncTransport, count: { blobs: number }): SyncTransport {
  return new Proxy(t, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if ((prop === 'blob' || prop === 'blobs') && typeof v === 'function')
        return (...a: unknown[]) => {
          count.blobs++;
          return (v as (...x: unknown[]) => unknown).apply(target, a);
        };
      return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe('a case bundle from the central system for an offline reviewer', () => {
  it('holds her assigned cases (not another reviewer’s) and the calendar, and says so in its headers', async () => {
    const b = await bundleFor('user=alice');
    expect(b.status).toBe(200);
    expect(b.headers.get('content-type')).toBe('application/zip');
    expect(Number(b.headers.get('content-length'))).toBe(statSync(b.path).size);
    expect(b.headers.get('x-fashen-bundle-cases')).toBe('2');
    expect(b.headers.get('x-fashen-bundle-calendar')).toBe('included');
    const listed = await names(b.path);
    expect(listed).toContain('calendar.json');
    for (const c of aliceCases) expect(listed).toContain(`${c.caseId}/case.json`);
    expect(listed.filter((n) => n.startsWith(`${bobCase.caseId}/`))).toEqual([]);
    expect(listed.filter((n) => n.endsWith('/case.json'))).toHaveLength(2);
  });

  it('imported offline: the same revisions as the server; online later nothing is downloaded again and an opinion signed offline is accepted', async () => {
    const count = { blobs: 0 };
    const w = workstation(newDataDir(), () => counting(httpTransport(central.url, alice.token!), count));
    open.push(w);
    const { path } = await bundleFor('user=alice');
    const r = await importBundle(w, path);
    expect(r.outcomes.map((o) => o.ok && o.action)).toEqual(['imported', 'imported']);
    expect(r.calendar).toMatchObject({ taken: true, years: [2099] });
    // A plain bundle (as an older central system made them) is still taken, and said to be plain.
    expect(r.encrypted).toBe(false);
    // Never synced: the central system's signature cannot be checked here, so the bundle is taken as any stick's.
    expect(r.central).toMatchObject({ verified: false, note: expect.stringContaining('尚未与中心系统联网同步过') });
    for (const c of aliceCases) expect(w.cases.load(c.caseId)!.row).toMatchObject({ revision: c.revision, revisionHash: c.revisionHash });

    const signer = await enrol(alice, 'alice');
    const id = await queueOpinion(w, signer, aliceCases[0]!, 'alice');
    const run = await w.sync.run();
    expect(run.outcome, run.line).toBe('synced');
    expect(run.summary).toMatchObject({ pulled: 0, bytes: 0, sent: 1, refused: 0 });
    expect(run.summary.calendarUpdated).toBeUndefined(); // the same schedule: nothing to say
    expect(count.blobs).toBe(0);
    expect(outbox(w).find((o) => o.id === id)?.state).toBe('accepted');

    // The control: a workstation without the bundle downloads the same cases through the counted transport.
    const plain = { blobs: 0 };
    const other = workstation(newDataDir(), () => counting(httpTransport(central.url, alice.token!), plain));
    open.push(other);
    const first = await other.sync.run();
    expect(first.summary.pulled).toBe(2);
    expect(first.summary.bytes).toBeGreaterThan(15_000); // the evidence above and each package's documents
    expect(plain.blobs).toBeGreaterThan(0);
  });

  it('only the cases named, when some are; a case not hers is refused with its id, nothing sent', async () => {
    const one = await bundleFor(`user=alice&case=${encodeURIComponent(aliceCases[1]!.caseId)}`);
    expect(one.status).toBe(200);
    expect((await names(one.path)).filter((n) => n.endsWith('/case.json'))).toEqual([`${aliceCases[1]!.caseId}/case.json`]);
    const notHers = await bundleFor(`user=alice&case=${encodeURIComponent(aliceCases[0]!.caseId)}&case=${encodeURIComponent(bobCase.caseId)}&case=nope`);
    expect(notHers.status).toBe(400);
    expect(notHers.json).toMatchObject({ error: { message: expect.stringContaining('未分配给 alice'), details: [bobCase.caseId, 'nope'] } });
  });

  it('refuses an unknown user, an admin, a reviewer with no cases, a bad query and a non-admin caller', async () => {
    expect(await bundleFor('user=nobody')).toMatchObject({ status: 404, json: { error: { message: '没有用户 nobody' } } });
    expect(await bundleFor('user=admin')).toMatchObject({ status: 400, json: { error: { message: expect.stringContaining('不是审核员') } } });
    expect(await bundleFor('user=carol')).toMatchObject({ status: 404, json: { error: { message: '没有分配给 carol 的案件' } } });
    expect((await bundleFor('')).status).toBe(400);
    expect((await alice.request('GET', '/v1/admin/case-bundle?user=alice')).status).toBe(403);
    expect((await central.anon.request('GET', '/v1/admin/case-bundle?user=alice')).status).toBe(401);
  });

  it('a download abandoned half-way leaves the server serving', async () => {
    const big = await publish(central.admin, await packageWithFiles(tempDir(), [4 * 1024 * 1024]), 'carol');
    const ac = new AbortController();
    const res = await fetch(`${central.url}/v1/admin/case-bundle?user=carol`, { headers: { authorization: `Bearer ${central.admin.token}` }, signal: ac.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    ac.abort();
    await expect(reader.read()).rejects.toThrow();
    expect((await central.anon.get('/v1/health')).status).toBe(200);
    const again = await bundleFor('user=carol');
    expect(again.status).toBe(200);
    expect(await names(again.path)).toContain(`${big.caseId}/case.json`);
  });

  it('a blob missing on the server — the first file or the last — cuts the download off after the headers; the server keeps serving', async () => {
    expect((await bundleFor('user=bob')).status).toBe(200);
    const files = packageFiles(bobPkg.manifest);
    for (const f of [files[0]!, files.at(-1)!]) {
      const blob = join(central.blobDir, new LocalFolderBackend(central.blobDir).keyOf(f.sha256));
      renameSync(blob, `${blob}.away`);
      try {
        const res = await fetch(`${central.url}/v1/admin/case-bundle?user=bob`, { headers: { authorization: `Bearer ${central.admin.token}` } });
        expect(res.status, f.path).toBe(200); // the headers went out before any file was read
        await expect(res.arrayBuffer()).rejects.toThrow();
      } finally {
        renameSync(`${blob}.away`, blob);
      }
      expect((await central.anon.get('/v1/health')).status).toBe(200);
    }
    expect((await bundleFor('user=bob')).status).toBe(200);
  });
});

/** The same zip with entries changed (`change` answers null: the entry is left out) and others added. */
async function rezip(path: string, name: string, change: (b: Buffer) => Buffer | null, add: [string, Buffer][] = []): Promise<string> {
  const zip = await openZipFile(path);
  const files: [string, Buffer][] = [];
  try {
    for (const e of await listZipEntries(zip)) {
      if (e.fileName.endsWith('/')) continue;
      const chunks: Buffer[] = [];
      for await (const c of await openZipEntry(zip, e)) chunks.push(c as Buffer);
      const bytes = e.fileName === name || e.fileName.startsWith(`${name}/`) ? change(Buffer.concat(chunks)) : Buffer.concat(chunks);
      if (bytes) files.push([e.fileName, bytes]);
    }
  } finally {
    zip.close();
  }
  const out = join(tempDir('central-bundle-'), 'changed.zip');
  writeFileSync(out, await zipBuffer([...files, ...add]));
  return out;
}

/** A workstation that knows the central system's bundle key (one sync) and holds no case: dave is never given one. */
async function keyedWorkstation(): Promise<Workstation> {
  const w = workstation(newDataDir(), () => httpTransport(central.url, dave.token!));
  open.push(w);
  expect((await w.sync.run()).outcome).toBe('synced');
  expect(w.cases.count()).toBe(0);
  return w;
}

describe('a sealed case bundle (加密的案卷交换包)', () => {
  const PASS = '青山-打印机-四十七';
  let plainPath: string;
  let sealedPath: string;
  let hanaCase: IntakeAnswer;

  beforeAll(async () => {
    await central.user('hana');
    // Large enough for several 64 KiB chunks: damage past the first one is told from a wrong passphrase.
    hanaCase = await publish(central.admin, await packageWithFiles(tempDir(), [300_000, 2000]), 'hana');
    plainPath = (await bundleFor('user=hana')).path;
    sealedPath = join(tempDir('sealed-'), 'hana.fashen-cases');
    // As `fashen central bundle --passphrase-env` writes it (sealed as it downloads).
    await sealToFile(createReadStream(plainPath), sealedPath, await startSeal(PASS, 'case-bundle'));
  });

  const attempt = async (w: Workstation, path: string, passphrase?: string) => dispatch(buildApi(w, 'host'), 'sync.importBundle', { path, ...(passphrase !== undefined ? { passphrase } : {}) });

  it('round trip: imported with the passphrase, read in place (nothing decrypted to disk), its calendar taken', async () => {
    const w = workstation(newDataDir(), () => null as never);
    open.push(w);
    const r = await importBundle(w, sealedPath, PASS);
    expect(r.encrypted).toBe(true);
    expect(r.outcomes).toMatchObject([{ ok: true, action: 'imported', caseId: hanaCase.caseId }]);
    expect(r.calendar).toMatchObject({ taken: true });
    expect(w.cases.load(hanaCase.caseId)!.row).toMatchObject({ revision: hanaCase.revision, revisionHash: hanaCase.revisionHash });
  });

  it('without its passphrase, or with a wrong one: passphrase_required, nothing imported, the calendar left alone', async () => {
    const w = workstation(newDataDir(), () => null as never);
    open.push(w);
    expect(await attempt(w, sealedPath)).toMatchObject({ ok: false, error: { code: 'passphrase_required', message: '此案卷交换包已加密：请输入中心系统管理员另行告知的交换包口令' } });
    expect(await attempt(w, sealedPath, '另一个口令-不是这个')).toMatchObject({ ok: false, error: { code: 'passphrase_required', message: '口令不正确或文件已损坏' } });
    expect(w.cases.count()).toBe(0);
    expect(existsSync(join(w.dataDir, 'calendar.json'))).toBe(false);
  });

  it('a byte flipped anywhere, or the file cut short: refused whole with the reason, nothing stored', async () => {
    const good = readFileSync(sealedPath);
    const bad = join(tempDir('sealed-bad-'), 'hana.fashen-cases');
    const w = workstation(newDataDir(), () => null as never);
    open.push(w);
    const damaged: Buffer[] = [];
    for (const at of [40, 70_000, Math.floor(good.length / 2), good.length - 20]) {
      const b = Buffer.from(good);
      b[at]! ^= 0x10;
      damaged.push(b);
    }
    damaged.push(good.subarray(0, good.length - 1000), good.subarray(0, 64 + 2 * (65536 + 16)));
    for (const [i, b] of damaged.entries()) {
      writeFileSync(bad, b);
      const r = await attempt(w, bad, PASS);
      const said = r.ok ? (r.value as BundleImport).outcomes.map((o) => o.error).join('') : r.error.message;
      expect(said, `case ${i}`).toMatch(/口令不正确或文件已损坏|文件头无效|已损坏或被改动（第 \d+ 段校验失败），未导入任何内容|不完整/);
      if (r.ok) expect(r.value).toMatchObject({ outcomes: [{ ok: false, whole: true }], calendar: null });
      // Never said to be opened whole (encrypted: true reads 已用口令解密，文件完整 in the app).
      if (r.ok) expect((r.value as BundleImport).encrypted).toBeUndefined();
    }
    expect(w.cases.count()).toBe(0);
    expect(existsSync(join(w.dataDir, 'calendar.json'))).toBe(false);
    // The stick copied again, whole: taken.
    expect((await importBundle(w, sealedPath, PASS)).outcomes).toMatchObject([{ ok: true, action: 'imported' }]);
  });

  it('fashen import: --passphrase-env opens it; a plain bundle is said to be plain', async () => {
    const home = newDataDir();
    const w = workstation(home, () => null as never);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (x: string) => out.push(x), err: (x: string) => err.push(x) };
    process.env.FASHEN_TEST_BUNDLE_PASS = PASS;
    try {
      expect(await importCommand(() => w, [sealedPath], { json: false, passphraseEnv: 'FASHEN_TEST_BUNDLE_PASS' }, io)).toBe(0);
      expect(out.join('')).toMatch(new RegExp(`已导入  ${hanaCase.caseNumber.replace(/[()〔〕]/g, '.')}`));
      expect(err.join('')).not.toMatch(/未加密/);
      const again = workstation(newDataDir(), () => null as never);
      expect(await importCommand(() => again, [plainPath], { json: false }, io)).toBe(0);
      expect(err.join('')).toMatch(/注意：.*bundle\.zip 是未加密的交换包/);
    } finally {
      delete process.env.FASHEN_TEST_BUNDLE_PASS;
    }
  });
});

describe('the central system’s signature on its bundle (bundle.json)', () => {
  it('verified after one online sync: a new revision of a case under review opens a new round, and the outbox gets the answers', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    open.push(w);
    writeCentralLogin(w.dataDir, { server: central.url, user: 'alice', role: 'reviewer', deviceId: 'a1', token: alice.token! });
    expect((await w.sync.run()).outcome).toBe('synced'); // the bundle key is learnt here
    const signer = await enrol(alice, 'alice');
    const id = await queueOpinion(w, signer, aliceCases[0]!, 'alice');
    // Offline from here. The outbox goes in by stick; the handling unit sends revision 2 of the other case.
    const file = join(tempDir(), 'outbox.json');
    await exportOutboxBundle({ sync: w.sync, opinions: { keys: { active: () => ({ keyId: signer.keyId }), unlock: async () => signer.key } } }, file, undefined, 'plain');
    expect((await central.admin.post('/v1/admin/bundles', JSON.parse(readFileSync(file, 'utf8')))).status).toBe(200);
    const c1 = aliceCases[1]!;
    const rev2 = await publish(central.admin, await packageWithFiles(tempDir(), [900], { id: c1.caseId, caseNumber: c1.caseNumber, revision: 2 }), 'alice');
    expect(w.cases.load(c1.caseId)!.row).toMatchObject({ revision: 1, status: 'pending' });

    const { path } = await bundleFor('user=alice');
    const r = await importBundle(w, path);
    expect(r.central).toEqual({ verified: true, reviewer: 'alice', createdAt: expect.any(String), answers: { accepted: 1, stale: 0, rejected: 0 } });
    const actions = (x: BundleImport) => Object.fromEntries(x.outcomes.map((o) => [o.caseId, o.ok && o.action]));
    expect(actions(r)).toEqual({ [aliceCases[0]!.caseId]: 'unchanged', [c1.caseId]: 'new_round' });
    expect(w.cases.load(c1.caseId)!.row).toMatchObject({ revision: 2, revisionHash: rev2.revisionHash, round: 2 });
    expect(outbox(w).find((o) => o.id === id)?.state).toBe('accepted');
    expect(w.audit.log.list().filter((e) => e.action === 'sync.importBundle').map((e) => e.detail)).toContainEqual(expect.objectContaining({ central: 'verified', reviewer: 'alice', accepted: 1, origin: 'bundle' }));

    // Carried in again: nothing new, nothing settled twice.
    const again = await importBundle(w, path);
    expect(actions(again)).toEqual({ [aliceCases[0]!.caseId]: 'unchanged', [c1.caseId]: 'unchanged' });
    expect(again.central).toMatchObject({ verified: true, answers: { accepted: 0, stale: 0, rejected: 0 } });
  });

  it('a bundle.json changed on the way is refused whole: no case, no answer, no calendar taken', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    open.push(w);
    await w.sync.run();
    const before = w.cases.count();
    const { path } = await bundleFor('user=alice');
    const forged = await rezip(path, 'bundle.json', (b) => {
      const m = JSON.parse(b.toString('utf8'));
      m.answers.push({ id: '00000000-0000-4000-8000-000000000000', status: 'accepted', caseId: aliceCases[0]!.caseId, caseRevisionHash: aliceCases[0]!.revisionHash, receivedAt: new Date().toISOString() });
      return Buffer.from(JSON.stringify(m));
    });
    const r = await importBundle(w, forged);
    expect(r.outcomes).toEqual([{ source: forged, ok: false, whole: true, error: expect.stringContaining('交换包的中心系统签名无效') }]);
    expect(r.calendar).toBeNull();
    expect(r.central).toBeUndefined();
    expect(w.cases.count()).toBe(before);

    const garbled = await rezip(path, 'bundle.json', () => Buffer.from('{"format":'));
    expect((await importBundle(w, garbled)).outcomes[0]).toMatchObject({ ok: false, error: expect.stringContaining('不是有效的 JSON') });
  });

  it('what the signature lists is all that is taken: an added case, or a calendar added or changed, refuses the bundle whole', async () => {
    const w = await keyedWorkstation();
    const calendarBefore = readFileSync(join(w.dataDir, 'calendar.json'), 'utf8');
    const { path } = await bundleFor('user=alice');
    const extra = await rezip(path, '-', (b) => b, folderFiles(bobPkg.dir, 'extra/'));
    const changedCalendar = await rezip(path, 'calendar.json', (b) => {
      const c = JSON.parse(b.toString('utf8'));
      c.holidays['2099-06-02'] = '端午节'; // a working day made a holiday: every deadline across it moves
      return Buffer.from(JSON.stringify(c));
    });
    for (const [zip, reason] of [
      [extra, '多于中心系统签名清单所列'],
      [changedCalendar, '与中心系统签名时的不同'],
    ] as const) {
      const r = await importBundle(w, zip);
      expect(r.outcomes).toEqual([{ source: zip, ok: false, whole: true, error: expect.stringContaining(reason) }]);
      expect(r).toMatchObject({ calendar: null });
      expect(r.central).toBeUndefined();
      expect(w.cases.count()).toBe(0);
    }
    // A server with no valid calendar signs a bundle without one; a calendar put in afterwards is not taken.
    const published = join(central.dataDir, 'calendar.json');
    const good = readFileSync(published);
    writeFileSync(published, '{"broken":');
    let bare: string;
    try {
      bare = (await bundleFor('user=alice')).path;
    } finally {
      writeFileSync(published, good);
    }
    expect(await names(bare)).not.toContain('calendar.json');
    const added = await rezip(bare, '-', (b) => b, [['calendar.json', good]]);
    expect((await importBundle(w, added)).outcomes).toEqual([{ source: added, ok: false, whole: true, error: expect.stringContaining('不在中心系统的签名之内') }]);
    expect(w.cases.count()).toBe(0);
    expect(readFileSync(join(w.dataDir, 'calendar.json'), 'utf8')).toBe(calendarBefore);
  });

  it('a bundle made for another reviewer is refused on a workstation logged in as someone else', async () => {
    const w = await keyedWorkstation();
    writeCentralLogin(w.dataDir, { server: central.url, user: 'dave', role: 'reviewer', deviceId: 'd1', token: dave.token! });
    const { path } = await bundleFor('user=alice');
    const r = await importBundle(w, path);
    expect(r.outcomes).toEqual([{ source: path, ok: false, whole: true, error: expect.stringContaining('为审核员 alice 制作的，本机登录的是 dave') }]);
    expect(w.cases.count()).toBe(0);
  });

  it('a case swapped on the way is refused, a case or calendar taken off is said; the rest comes in', async () => {
    const w = await keyedWorkstation();
    const { path } = await bundleFor('user=alice');
    const [kept, other] = aliceCases;
    const swapped = await rezip(path, `${other!.caseId}/case.json`, (b) => {
      const pkg = JSON.parse(b.toString('utf8'));
      pkg.case.facts = `${pkg.case.facts}当事人已全部退赔。`; // the facts rewritten on the stick
      return Buffer.from(JSON.stringify(pkg));
    });
    const r = await importBundle(w, swapped);
    expect(r.central).toMatchObject({ verified: true });
    expect(r.outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ok: true, caseId: kept!.caseId, action: 'imported' }),
        expect.objectContaining({ ok: false, error: expect.stringContaining('不在中心系统签名的交换包清单中') }),
      ]),
    );
    expect(w.cases.load(other!.caseId)).toBeNull();

    const w2 = await keyedWorkstation();
    const thinned = await rezip(await rezip(path, other!.caseId, () => null), 'calendar.json', () => null);
    const t = await importBundle(w2, thinned);
    expect(t.outcomes).toEqual([
      expect.objectContaining({ ok: true, caseId: kept!.caseId, action: 'imported' }),
      expect.objectContaining({ ok: false, caseId: other!.caseId, error: expect.stringContaining('不在交换包中，可能在途中被删去') }),
    ]);
    expect(t.calendar).toEqual({ taken: false, problem: expect.stringContaining('应带有工作日历') });
  });
});

/** `fashen import` in this process, on the workstation at `dataDir` (opened and closed by the command). */
async function cliImport(dataDir: string, paths: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await importCommand(() => workstation(dataDir, () => httpTransport(central.url, dave.token!)), paths, { json: false }, { out: (x) => (out += x), err: (x) => (err += x) });
  return { code, out, err };
}

/** A reviewer of her own with cases at revision 1 (left alone by the tests above). */
async function reviewerWithCases(name: string, count: number): Promise<{ token: string; cases: IntakeAnswer[] }> {
  const client = await central.user(name);
  const cases: IntakeAnswer[] = [];
  for (let i = 0; i < count; i++) cases.push(await publish(central.admin, await packageWithFiles(tempDir(), [1500 + i]), name));
  return { token: client.token!, cases };
}

const revision2 = (c: IntakeAnswer, name: string) => packageWithFiles(tempDir(), [800], { id: c.caseId, caseNumber: c.caseNumber, revision: 2 }).then((p) => publish(central.admin, p, name));

describe('what importing a central bundle tells the reviewer', () => {
  it('a case whose file was damaged on the way is said once, by its case number — not also as taken off the stick', async () => {
    const w = await keyedWorkstation();
    writeCentralLogin(w.dataDir, { server: central.url, user: 'alice', role: 'reviewer', deviceId: 'a2', token: alice.token! });
    const { path } = await bundleFor('user=alice');
    const [kept, damaged] = aliceCases;
    // 16 bytes in the middle of one file of one case overwritten.
    const hurt = await rezip(path, `${damaged!.caseId}/evidence/blob-0.bin`, (b) => {
      const c = Buffer.from(b);
      c.fill(0xa5, c.length >> 1, (c.length >> 1) + 16);
      return c;
    });
    const r = await importBundle(w, hurt);
    expect(r.central).toMatchObject({ verified: true, reviewer: 'alice' });
    expect(r.outcomes).toHaveLength(2);
    expect(r.outcomes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ok: true, caseId: kept!.caseId, action: 'imported' }),
        expect.objectContaining({ ok: false, caseId: damaged!.caseId, caseNumber: damaged!.caseNumber, error: '案卷包文件校验失败（1 处问题）', details: [expect.stringMatching(/^文件校验值不符：evidence\/blob-0\.bin/)] }),
      ]),
    );
    expect(w.cases.load(damaged!.caseId)).toBeNull();
  });

  it('an older bundle after a newer one changes nothing and says so calmly, exit 0; the same revision with other content is still refused', async () => {
    const { token, cases } = await reviewerWithCases('erin', 2);
    const older = (await bundleFor('user=erin')).path;
    const newer = await Promise.all(cases.map((c) => revision2(c, 'erin')));
    const newerBundle = (await bundleFor('user=erin')).path;
    const w = await keyedWorkstation();
    writeCentralLogin(w.dataDir, { server: central.url, user: 'erin', role: 'reviewer', deviceId: 'e1', token });
    expect((await importBundle(w, newerBundle)).outcomes.map((o) => o.ok && o.action)).toEqual(['imported', 'imported']);
    w.close();
    open.splice(open.indexOf(w), 1);

    const cli = await cliImport(w.dataDir, [older]);
    expect(cli.err).not.toMatch(/导入失败|在途中被删去/);
    expect(cli.code, cli.err).toBe(0);
    for (const c of cases) expect(cli.out).toContain(`未变化：本机已有更新的修订 2，交换包中的修订 1 较早，未导入（无需处理）  ${c.caseNumber}`);

    const again = workstation(w.dataDir, () => httpTransport(central.url, dave.token!));
    open.push(again);
    const r = await importBundle(again, older);
    expect(r.outcomes).toHaveLength(2);
    expect(r.outcomes).toEqual(expect.arrayContaining(cases.map((c) => expect.objectContaining({ ok: true, caseId: c.caseId, action: 'unchanged', note: expect.stringContaining('本机已有更新的修订 2') }))));
    newer.forEach((n, i) => expect(again.cases.load(cases[i]!.caseId)!.row).toMatchObject({ revision: 2, revisionHash: n.revisionHash, round: 1 }));

    // Revision 2 again, but with other content (not from the central system): a real failure.
    const other = await packageWithFiles(tempDir(), [900], { id: cases[0]!.caseId, caseNumber: cases[0]!.caseNumber, revision: 2 });
    const same = await cliImport(again.dataDir, [other.dir]);
    expect(same.code).toBe(1);
    expect(same.err).toMatch(/导入失败[\s\S]*已存在（修订 2），导入包为修订 2 且内容不同/);
  });

  it('a new revision over an unfinished review says the open round’s records were kept as 上一轮 (CLI: one line)', async () => {
    const { token, cases } = await reviewerWithCases('hank', 1);
    const c = cases[0]!;
    const first = (await bundleFor('user=hank')).path;
    const w = await keyedWorkstation();
    writeCentralLogin(w.dataDir, { server: central.url, user: 'hank', role: 'reviewer', deviceId: 'h1', token });
    expect((await importBundle(w, first)).outcomes).toEqual([expect.objectContaining({ ok: true, action: 'imported' })]);
    w.review.setReviewer({ name: '王审核', agency: '测试市市场监督管理局', legalQualification: true, firstTimeReviewer: false });
    w.review.setPoint(c.caseId, 'P1', { note: '主体认定待核实营业执照' });
    expect(w.cases.load(c.caseId)!.row.status).toBe('in_review');
    await revision2(c, 'hank');
    const second = (await bundleFor('user=hank')).path;
    w.close();
    open.splice(open.indexOf(w), 1);

    const cli = await cliImport(w.dataDir, [second]);
    expect(cli.code, cli.err).toBe(0);
    expect(cli.out).toContain(`新一轮：第 1 轮尚未完成的审核记录已保留在“上一轮”中  ${c.caseNumber}  ${second}\n`);
    const again = workstation(w.dataDir, () => httpTransport(central.url, dave.token!));
    open.push(again);
    expect(again.cases.load(c.caseId)!.row).toMatchObject({ revision: 2, round: 2 });
  });

  it('a workstation logged out is still its reviewer’s: a bundle for another is refused (the last login, else the registered key)', async () => {
    const { path } = await bundleFor('user=alice');
    // Logged out in the app: the reviewer of that login is remembered.
    const frank = await central.user('frank');
    const w = await keyedWorkstation();
    writeCentralLogin(w.dataDir, { server: central.url, user: 'frank', role: 'reviewer', deviceId: 'f1', token: frank.token! });
    const out = await dispatch(buildApi(w, 'host'), 'sync.logout', {});
    expect(out).toMatchObject({ ok: true });
    const r = await importBundle(w, path);
    expect(r.outcomes).toEqual([{ source: path, ok: false, whole: true, error: expect.stringContaining('为审核员 alice 制作的，本机属于审核员 frank（上次登录的账号，现已退出登录）') }]);
    expect(r.central).toBeUndefined();
    expect(w.cases.count()).toBe(0);

    // central.json gone without the app's logout: the signing key registered at the login says whose.
    const grace = await central.user('grace');
    const w2 = await keyedWorkstation();
    writeCentralLogin(w2.dataDir, { server: central.url, user: 'grace', role: 'reviewer', deviceId: 'g1', token: grace.token! });
    await w2.opinions.keys.create({ name: '李审核', agency: '测试市市场监督管理局' }, 'reviewer passphrase 1');
    expect(w2.opinions.keys.view().active).toMatchObject({ registration: { state: 'enrolled' } });
    rmSync(join(w2.dataDir, 'central.json'));
    const r2 = await importBundle(w2, path);
    expect(r2.outcomes).toEqual([{ source: path, ok: false, whole: true, error: expect.stringContaining('本机属于审核员 grace（本机签名密钥登记在其名下，现已退出登录）') }]);
    expect(w2.cases.count()).toBe(0);
  });

  it('whose the workstation is not known (never logged in, no key): taken, with a warning for whom it was made — not the all-clear', async () => {
    const w = await keyedWorkstation();
    const { path } = await bundleFor('user=alice');
    const r = await importBundle(w, path);
    expect(r.outcomes.every((o) => o.ok)).toBe(true);
    expect(r.central).toMatchObject({ verified: true, reviewer: 'alice', warning: expect.stringContaining('无法确认此交换包是否为本机制作：它是为审核员 alice 制作的') });
    const w2 = await keyedWorkstation();
    w2.close();
    open.splice(open.indexOf(w2), 1);
    const cli = await cliImport(w2.dataDir, [path]);
    expect(cli.code, cli.err).toBe(0);
    expect(cli.out).toContain('中心系统签名已核验（为 alice 制作）');
    expect(cli.err).toContain('注意：本机未登录中心系统，也没有登录记录或登记过的签名密钥，无法确认此交换包是否为本机制作：它是为审核员 alice 制作的');
  });
});
