// An unencrypted store (plaintext fashen.db with committed WAL frames not yet merged, plaintext
// blobs) is encrypted in place on open. Crash injection: the migration runs in a child process that
// is SIGKILLed after a chosen durable step (all database steps, seeded picks among the blob steps)
// or after a seeded random delay. After every kill each file is in its old or its new form and
// usable as such; reopening finishes the migration; nothing is lost and no plaintext is left.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoPackages } from '../../../src/main/demo/generate';
import { verifyEncrypted } from '../../../src/main/services/cache-crypto/blob-io';
import { devKeySync } from '../../../src/main/services/cache-crypto/keyring';
import { MIGRATION_MARKER } from '../../../src/main/services/cache-crypto/migrate';
import { keyDatabase } from '../../../src/main/services/cache-crypto/sqlcipher';
import { blobFiles, isEncryptedBlob, isPlaintextSqlite } from '../../../src/main/services/cache-crypto/store-state';
import { Workstation } from '../../../src/main/workstation';
import { plaintextCopyOf, plaintextHits, WAL_PROBE } from '../../helpers/cache-store';
import { tempDir } from '../../helpers/package-builder';

const TODAY = '2026-11-23';
const child = join(process.cwd(), 'tests/helpers/cache-migrate-child.ts');

let plain: string;
let expected: { cases: string[]; blobs: string[]; search: number; parties: string[] };

/** Seeded PRNG (mulberry32): the same picks on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function copyOfPlain(): string {
  const dir = tempDir('migrate-');
  cpSync(plain, dir, { recursive: true });
  devKeySync(dir); // the key is made before the migration starts (as openCacheKey does)
  return dir;
}

function runChild(dir: string, crashAt: number): { signal: NodeJS.Signals | null; steps: number | null; ms: number | null } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', child, dir, String(crashAt)], { encoding: 'utf8', cwd: process.cwd() });
  if (r.status !== 0 && r.signal !== 'SIGKILL') throw new Error(`child failed: ${r.stderr}`);
  const m = /steps=(\d+) ms=(\d+)/.exec(r.stdout);
  return { signal: r.signal, steps: m ? Number(m[1]) : null, ms: m ? Number(m[2]) : null };
}

/** SIGKILL the child `ms` after its migration began (not counting its start-up). */
function killAfter(dir: string, ms: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ['--import', 'tsx', child, dir, '0'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'ignore'] });
    let t: ReturnType<typeof setTimeout> | undefined;
    c.stdout.on('data', (d: Buffer) => {
      if (!t && d.toString().includes('begin')) t = setTimeout(() => c.kill('SIGKILL'), ms);
    });
    c.on('error', reject);
    c.on('exit', (code, signal) => {
      clearTimeout(t);
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child exited ${code}`));
      else resolve(signal);
    });
  });
}

/** Every file is either still the old (plaintext, intact) or already the new (encrypted, intact) form. */
async function expectOldOrNew(dir: string): Promise<void> {
  const key = devKeySync(dir);
  const file = join(dir, 'fashen.db');
  const db = new Database(file);
  try {
    if (!isPlaintextSqlite(file)) keyDatabase(db, key);
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT note FROM wal_probe').get() as { note: string }).note).toBe(WAL_PROBE);
    expect((db.prepare('SELECT count(*) AS c FROM case_file').get() as { c: number }).c).toBe(expected.cases.length);
  } finally {
    db.close();
  }
  const seen: string[] = [];
  for (const b of blobFiles(join(dir, 'blobs'))) {
    seen.push(b.sha256);
    if (isEncryptedBlob(b.path)) expect(await verifyEncrypted(b.path, key, b.sha256), b.sha256).toBe('ok');
    else expect(createHash('sha256').update(readFileSync(b.path)).digest('hex')).toBe(b.sha256);
  }
  expect(seen.sort()).toEqual(expected.blobs);
}

/** Reopen: the migration finishes; everything is there, verified, searchable, and encrypted. */
async function expectReopened(dir: string): Promise<void> {
  const ws = new Workstation({ dataDir: dir, today: () => TODAY });
  try {
    expect(existsSync(join(dir, MIGRATION_MARKER))).toBe(false);
    expect(ws.cases.count()).toBe(expected.cases.length);
    expect(ws.views.list({}).map((r) => r.caseNumber).sort()).toEqual(expected.cases);
    for (const sha of expected.blobs) expect(await ws.blobs.verify(sha)).toBe('ok');
    expect(ws.search.query('询问笔录', { limit: 50 }).totalHits).toBe(expected.search);
    expect((ws.store.sqlite.prepare('SELECT note FROM wal_probe').get() as { note: string }).note).toBe(WAL_PROBE);
  } finally {
    ws.close();
  }
  expect(isPlaintextSqlite(join(dir, 'fashen.db'))).toBe(false);
  expect(plaintextHits(dir, [...expected.parties, WAL_PROBE, '%PDF-'].map((s) => Buffer.from(s)))).toEqual([]);
}

beforeAll(async () => {
  const src = new Workstation({ dataDir: tempDir('migrate-src-'), today: () => TODAY });
  const gen = await generateDemoPackages({ outDir: tempDir('migrate-demo-'), count: 3, today: TODAY });
  const outcomes = await src.importer.importMany(gen.map((g) => g.dir));
  expect(outcomes.every((o) => o.ok)).toBe(true);
  const parties = src.views.list({}).map((r) => r.partyName);
  expected = {
    cases: src.views.list({}).map((r) => r.caseNumber).sort(),
    blobs: [...blobFiles(join(src.dataDir, 'blobs'))].map((b) => b.sha256).sort(),
    search: src.search.query('询问笔录', { limit: 50 }).totalHits,
    parties,
  };
  expect(expected.search).toBeGreaterThan(0);
  plain = await plaintextCopyOf(src);
  src.close();
  // The starting point really is plaintext: the database header, the WAL, the files.
  expect(isPlaintextSqlite(join(plain, 'fashen.db'))).toBe(true);
  expect(readFileSync(join(plain, 'fashen.db-wal')).includes(Buffer.from(WAL_PROBE))).toBe(true);
  expect(plaintextHits(plain, [Buffer.from('%PDF-')]).length).toBeGreaterThan(0);
}, 180_000);

afterAll(() => undefined);

describe('migrating an unencrypted store', () => {
  let total = 0;

  it('without interruption: encrypted in place, everything kept', async () => {
    const dir = copyOfPlain();
    const r = runChild(dir, 0);
    expect(r.signal).toBeNull();
    total = r.steps!;
    expect(total).toBe(5 + 4 * expected.blobs.length);
    await expectOldOrNew(dir);
    await expectReopened(dir);
  });

  it('killed after each database step and at seeded blob steps: old or new, then finished', async () => {
    const points = new Set([1, 2, 3, 4, 5]);
    for (const seed of [1, 2, 3, 4, 5, 6]) points.add(6 + Math.floor(rng(seed)() * (total - 5)));
    points.add(total); // after the very last wipe, before the marker is removed
    for (const at of [...points].sort((a, b) => a - b)) {
      const dir = copyOfPlain();
      expect(runChild(dir, at).signal, `step ${at}`).toBe('SIGKILL');
      expect(existsSync(join(dir, MIGRATION_MARKER)), `marker after step ${at}`).toBe(true);
      await expectOldOrNew(dir);
      // A second crash on the way back must not hurt either.
      if (at % 2 === 0) expect(runChild(dir, 3).signal).toBe('SIGKILL');
      await expectOldOrNew(dir);
      await expectReopened(dir);
    }
  }, 300_000);

  it('killed after seeded random delays: old or new, then finished', async () => {
    const span = runChild(copyOfPlain(), 0).ms!;
    let killed = 0;
    for (const seed of [11, 12, 13, 14, 15, 16]) {
      const dir = copyOfPlain();
      if ((await killAfter(dir, Math.floor(rng(seed)() * span))) === 'SIGKILL') killed++;
      await expectOldOrNew(dir);
      await expectReopened(dir);
    }
    // Most land mid-way (a kill may come after a short migration ended: that run is simply complete).
    expect(killed).toBeGreaterThan(0);
  }, 300_000);
});
