// Encryption at rest: demo cases loaded and cases synced from a real central server, a review note
// written, a file staged — then every file under the data folder (database, WAL, blobs, staging,
// sync downloads, key file, settings) is searched for plaintext known to be in those cases: party
// names and ID numbers in UTF-8, case numbers, the note, PDF bytes ('%PDF-'). Zero hits, with the
// store open (WAL in use) and after closing. The needles are checked to be in the plaintext sources.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { FAST_RETRY, httpTransport } from '../sync/fixtures';

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
