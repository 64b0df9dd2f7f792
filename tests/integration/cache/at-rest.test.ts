// Encryption at rest: demo cases loaded and cases synced from a real central server, a review note
// written, a file staged — then every file under the data folder (database, WAL, blobs, staging,
// sync downloads, key file, settings) is searched for plaintext known to be in those cases: party
// names and ID numbers in UTF-8, case numbers, the note, PDF bytes ('%PDF-'). Zero hits, with the
// store open (WAL in use) and after closing. The needles are checked to be in the plaintext sources.
// Then the sync temporaries: an interrupted download and a bundle import, looked at while they run.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch } from '../../../src/main/dispatch';
import { generateDemoPackages } from '../../../src/main/demo/generate';
import { openCacheKey } from '../../../src/main/services/cache-crypto/resolve';
import { Workstation } from '../../../src/main/workstation';
import type { ImportOutcome } from '../../../src/shared/api/cases';
import { filesUnder, plaintextHits } from '../../helpers/cache-store';
import { tempDir } from '../../helpers/package-builder';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { upload } from '../../helpers/server-fixtures';
import { zipPackage } from '../../helpers/server-fixtures';
import { FAST_RETRY, httpTransport, newDataDir, workstation as syncWorkstation } from '../sync/fixtures';
import { dirname, join } from 'node:path';
import yazl from 'yazl';
import { CasePackage, packageFiles } from '../../../src/shared/casefile/schema';
import { CHUNK_BYTES, HEADER_BYTES } from '../../../src/main/services/cache-crypto/blob-format';
import { MemoryCentral } from '../../../src/main/services/sync/memory-transport';
import { importCaseBundle } from '../../../src/main/services/sync/case-bundle';
import { TransportError } from '../../../src/main/services/sync/transport';

const TODAY = '2026-11-23';
const NOTE = '审核备注：当事人赵某某曾因同类违法行为受过处罚';
const STAGED = '尚未提交的暂存文件：身份证号 110101199003077777';

let central: CentralUnderTest;
let alice: Client;
let synced: { dir: string; caseId: string }[];

beforeAll(async () => {
  central = await startCentral();
  alice = await central.user('alice');
  synced = await generateDemoPackages({ outDir: tempDir('at-rest-central-'), count: 2, seed: 7, today: TODAY });
  for (const g of synced) {
    const r = await upload(central.admin, await zipPackage(g.dir));
    expect([200, 201]).toContain(r.status);
    const caseId = (r.json as { caseId: string }).caseId;
    expect((await central.admin.post(`/v1/admin/cases/${encodeURIComponent(caseId)}/assign`, { user: 'alice' })).status).toBe(200);
  }
}, 180_000);

afterAll(async () => {
  await central?.close();
});

describe('the cache at rest', () => {
  it('holds no readable trace of the cases: database, WAL, blobs, staging, sync', async () => {
    const dir = tempDir('at-rest-');
    const opened = await openCacheKey(dir, { passphrase: '加密缓存测试口令' });
    if (opened.state !== 'open') throw new Error('not opened');
    const ws = new Workstation({ dataDir: dir, today: () => TODAY, cacheKey: opened.key, sync: { connect: () => httpTransport(central.url, alice.token!), retry: FAST_RETRY } });
    const api = buildApi(ws, 'host');
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(api, name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    };
    try {
      const demo = (await call('cases.loadDemo', {})) as ImportOutcome[];
      expect(demo.length).toBeGreaterThan(5);
      expect(demo.every((o) => o.ok)).toBe(true);
      const run = await ws.sync.run();
      expect(run.outcome, run.line).toBe('synced');
      expect(run.summary.pulled).toBe(2);
      const rows = ws.cases.listRows({});
      await call('review.setPoint', { caseId: rows[0]!.id, point: 'P1', decision: 'problem', note: NOTE });
      const staged = await ws.blobs.stage(Readable.from([Buffer.from(STAGED)]), createHash('sha256').update(STAGED).digest('hex'));

      const needles = new Set<string>([NOTE, STAGED.slice(-18), '%PDF-']);
      for (const r of rows) {
        const agg = ws.cases.load(r.id)!;
        needles.add(r.caseNumber);
        for (const p of agg.parties) {
          needles.add(p.name);
          if (p.idNumber) needles.add(p.idNumber);
        }
      }
      expect(needles.size).toBeGreaterThan(20);
      const bytes = [...needles].map((n) => Buffer.from(n, 'utf8'));
      // Not vacuous: the synced packages as the central system sent them do contain such bytes.
      expect(plaintextHits(synced[0]!.dir, bytes).length).toBeGreaterThan(3);
      const present = filesUnder(dir).map((f) => f.slice(dir.length + 1));
      expect(present).toEqual(expect.arrayContaining(['fashen.db', 'fashen.db-wal', 'keyring.json']));
      expect(present.some((f) => f.startsWith('blobs/.staging/'))).toBe(true);
      expect(readFileSync(staged.tempPath).length).toBeGreaterThan(0);

      expect(plaintextHits(dir, bytes)).toEqual([]);
      ws.blobs.discard(staged);
    } finally {
      ws.close();
    }
    expect(plaintextHits(dir, [...['%PDF-', NOTE]].map((n) => Buffer.from(n)))).toEqual([]);
    // The database file is not SQLite plaintext; the key file holds no key in the clear.
    expect(readFileSync(`${dir}/fashen.db`).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(JSON.parse(readFileSync(`${dir}/keyring.json`, 'utf8'))).toMatchObject({ protection: 'passphrase' });
  }, 240_000);
});

// Sync temporaries (issue 8): downloads are sealed as they arrive and a bundle is read in place or
// through an encrypted scratch copy, so the data folder never holds a readable byte of a case —
// checked at every request of an interrupted download, after it, and in the middle of a bundle
// import. Needles: '%PDF-' and slices of every file of the demo packages.
describe('sync temporaries at rest', () => {
  async function demo(dir: string) {
    const [a, b] = await generateDemoPackages({ outDir: dir, count: 2, seed: 11, today: TODAY });
    const read = (d: string) => {
      const pkg = CasePackage.parse(JSON.parse(readFileSync(join(d, 'case.json'), 'utf8')));
      return { dir: d, pkg, files: new Map(packageFiles(pkg).map((f) => [f.path, new Uint8Array(readFileSync(join(d, f.path)))])) };
    };
    const cases = [read(a!.dir), read(b!.dir)];
    const needles = [Buffer.from('%PDF-')];
    for (const c of cases) for (const bytes of c.files.values()) needles.push(Buffer.from(bytes.subarray(100, 132)), Buffer.from(bytes.subarray(bytes.length - 64, bytes.length - 32)));
    return { cases, needles };
  }

  it('an interrupted download leaves only sealed chunks, during and after; the next run completes', async () => {
    const { cases, needles } = await demo(tempDir('at-rest-demo-'));
    const central = new MemoryCentral();
    for (const c of cases) central.publish(c.pkg, c.files);
    const dataDir = newDataDir();
    const w = syncWorkstation(dataDir, () => central.transport(), { retry: { retries: 0, minDelay: 1, maxDelay: 1 }, concurrency: 1 });
    try {
      const during: string[] = [];
      let looks = 0;
      let cutting = true;
      central.fault = (op) => {
        looks++;
        during.push(...plaintextHits(dataDir, needles));
        if (cutting && op === 'blob') throw new TransportError('network', '连接被重置');
      };
      // One batch asks for both cases' files in feed order: cut it 70 kB into the first big file of the second case.
      const order = cases.map((c) => [...new Map(packageFiles(c.pkg).map((f) => [f.sha256, f.size])).values()]);
      const before = order[0]!.reduce((n, x) => n + x, 0);
      const bigAt = order[1]!.findIndex((x) => x > 100_000);
      central.cutBlobAfter = before + order[1]!.slice(0, bigAt).reduce((n, x) => n + x, 0) + 70_000;
      const cut = await w.sync.run();
      expect(cut.outcome).toBe('offline');
      const parts = filesUnder(join(dataDir, 'sync', 'blobs')).filter((f) => f.endsWith('.part'));
      // Not vacuous: a partial copy with whole chunks is there, and files were fetched and imported before the cut.
      expect(parts.length).toBe(1);
      expect(readFileSync(parts[0]!).length).toBeGreaterThan(HEADER_BYTES + CHUNK_BYTES);
      expect(w.cases.count()).toBe(1);
      expect(plaintextHits(dataDir, needles)).toEqual([]);

      central.cutBlobAfter = null;
      cutting = false;
      expect((await w.sync.run()).outcome).toBe('synced');
      expect(w.cases.count()).toBe(2);
      expect(looks).toBeGreaterThan(4);
      expect(during).toEqual([]);
      expect(plaintextHits(dataDir, needles)).toEqual([]);
    } finally {
      w.close();
    }
  }, 120_000);

  it('a bundle import reads packages in place or through an encrypted scratch copy: no plaintext in the data folder meanwhile', async () => {
    const { cases, needles } = await demo(tempDir('at-rest-bundle-'));
    const [a, b] = cases;
    const zip = new yazl.ZipFile();
    for (const f of [...packageFiles(a!.pkg).map((x) => x.path), 'case.json']) zip.addFile(join(a!.dir, f), `a/${f}`);
    zip.addBuffer(await zipPackage(b!.dir), 'b.zip');
    zip.end();
    const chunks: Buffer[] = [];
    for await (const c of zip.outputStream) chunks.push(c as Buffer);
    const bundle = join(tempDir('bundle-'), 'from-central.zip');
    writeFileSync(bundle, Buffer.concat(chunks));
    // Not vacuous: the bundle itself holds the needles.
    expect(plaintextHits(dirname(bundle), needles).length).toBeGreaterThan(0);

    const dataDir = newDataDir();
    const w = syncWorkstation(dataDir, () => new MemoryCentral().transport());
    try {
      const during: string[][] = [];
      const scratch: number[] = [];
      // The real importer, looked at as each package starts.
      const importer = Object.create(w.importer) as typeof w.importer;
      importer.prepare = async (src, opts) => {
        during.push(plaintextHits(dataDir, needles));
        scratch.push(filesUnder(join(dataDir, 'blobs', '.staging')).length);
        return w.importer.prepare(src, opts);
      };
      const { outcomes: out } = await importCaseBundle(importer, bundle);
      expect(out.map((o) => o.ok)).toEqual([true, true]);
      expect(w.cases.count()).toBe(2);
      expect(during).toEqual([[], []]);
      // The inner .zip's scratch copy exists from when it is opened: ahead of its turn, while the first package is imported.
      expect(scratch).toEqual([1, 1]);
      expect(plaintextHits(dataDir, needles)).toEqual([]);
      expect(filesUnder(join(dataDir, 'blobs', '.staging'))).toEqual([]);
    } finally {
      w.close();
    }
  }, 120_000);
});
