// The offline bundle the central system makes for a reviewer without a connection
// (GET /v1/admin/case-bundle): her assigned cases only, each exactly as the feed carries it, plus the
// published calendar. Carried in on a stick (the app's 导入案卷包), the cases are the same revisions
// the server has: a later online sync downloads nothing again, and an opinion signed offline on one
// of them is accepted. Bad requests are refused with the reason, and a bundle whose blob is missing
// on the server is cut off, never handed out short.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../../src/main/workstation';
import { LocalFolderBackend } from '../../../src/server/blobs/local';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { listZipEntries, openZipEntry, openZipFile } from '../../../src/main/services/zip-read';
import { exportOutboxBundle } from '../../../src/main/services/sync/bundle';
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
async function importBundle(w: Workstation, path: string): Promise<BundleImport> {
  const r = await dispatch(buildApi(w, 'host'), 'sync.importBundle', { path });
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

describe('the central system’s signature on its bundle (bundle.json)', () => {
  it('verified after one online sync: a new revision of a case under review opens a new round, and the outbox gets the answers', async () => {
    const w = workstation(newDataDir(), () => httpTransport(central.url, alice.token!));
    open.push(w);
    expect((await w.sync.run()).outcome).toBe('synced'); // the bundle key is learnt here
    const signer = await enrol(alice, 'alice');
    const id = await queueOpinion(w, signer, aliceCases[0]!, 'alice');
    // Offline from here. The outbox goes in by stick; the handling unit sends revision 2 of the other case.
    const file = join(tempDir(), 'outbox.json');
    await exportOutboxBundle({ sync: w.sync, opinions: { keys: { active: () => ({ keyId: signer.keyId }), unlock: async () => signer.key } } }, file);
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
