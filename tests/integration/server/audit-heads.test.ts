// The central system keeps each workstation's audit chain heads and notices a rewritten history:
// a head at a known seq with another hash, or a head behind one it already has. Real workstation
// audit logs report their heads; the "attacker" rebuilds a log from scratch with the file in hand.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/db/open';
import { AuditService } from '../../../src/main/services/audit/index';
import { desc, eq } from 'drizzle-orm';
import { judgeHead } from '../../../src/server/audit/judge';
import { auditHeads, users } from '../../../src/server/db/schema';
import { GENESIS_HASH } from '../../../src/shared/audit/actions';
import { startCentral, type CentralUnderTest, type Client } from '../../helpers/server';
import { tempDir } from '../../helpers/package-builder';

let c: CentralUnderTest;
let alice: Client;

beforeAll(async () => {
  c = await startCentral();
  alice = await c.user('alice');
}, 60_000);
afterAll(() => c?.close());

function workstation(): { store: Store; audit: AuditService; file: string } {
  const file = join(tempDir('heads-'), 'fashen.db');
  const store = openStore(file);
  return { store, file, audit: new AuditService(store.sqlite, { actor: () => 'alice' }) };
}
const append = (a: AuditService, n: number, tag = '') => {
  for (let i = 0; i < n; i++) a.log.append({ action: 'case.open', subject: `case-${i}`, detail: { tag } });
};

const anchored = (a: AuditService, ...seqs: number[]) => ({ ...a.head(), anchors: seqs.map((seq) => ({ seq, hash: a.hashAt(seq) })) });

/** Someone with the database file wipes the log and writes a history of their own. */
function rewrite(file: string, n: number, tag: string): { store: Store; audit: AuditService } {
  const db = new Database(file);
  db.exec("drop trigger if exists audit_no_delete; delete from audit; delete from sqlite_sequence where name = 'audit';");
  db.close();
  const store = openStore(file); // the triggers stay dropped: migrations do not run again
  const audit = new AuditService(store.sqlite, { actor: () => 'alice' });
  append(audit, n, tag);
  return { store, audit };
}

describe('judgeHead', () => {
  const none = { maxSeq: null, hashAt: new Map<number, string>() };
  const at = (entries: [number, string][]) => new Map(entries);
  const h = (c: string) => c.repeat(64);
  it('accepts a first head, a head after an empty log, and one anchored at the highest known seq', () => {
    expect(judgeHead(none, { seq: 0, hash: GENESIS_HASH }, 'online')).toEqual({ status: 'accepted' });
    expect(judgeHead({ maxSeq: 0, hashAt: at([]) }, { seq: 4, hash: h('b') }, 'online')).toEqual({ status: 'accepted' });
    expect(judgeHead({ maxSeq: 5, hashAt: at([[5, h('a')]]) }, { seq: 9, hash: h('b'), anchors: [{ seq: 5, hash: h('a') }] }, 'online')).toEqual({ status: 'accepted' });
  });
  it('asks for the anchor online and leaves an unanchored bundle head unverified', () => {
    const known = { maxSeq: 5, hashAt: at([[3, h('c')]]) };
    expect(judgeHead(known, { seq: 9, hash: h('b') }, 'online')).toEqual({ status: 'anchor_required', seq: 5 });
    // An anchor at an older seq only is not enough: entries after it may have been rewritten.
    expect(judgeHead(known, { seq: 9, hash: h('b'), anchors: [{ seq: 3, hash: h('c') }] }, 'online')).toEqual({ status: 'anchor_required', seq: 5 });
    expect(judgeHead(known, { seq: 9, hash: h('b') }, 'bundle')).toMatchObject({ status: 'unverified', reason: expect.stringContaining('第 5 条') });
  });
  it('repeats the same head', () => {
    expect(judgeHead({ maxSeq: 5, hashAt: at([[5, h('a')]]) }, { seq: 5, hash: h('a') }, 'online')).toEqual({ status: 'repeated' });
  });
  it('flags another hash at a known seq, a head that went back, a forged or missing anchor', () => {
    const known = { maxSeq: 5, hashAt: at([[5, h('a')]]) };
    expect(judgeHead(known, { seq: 5, hash: h('b') }, 'online')).toMatchObject({ status: 'rewritten', reason: expect.stringContaining('第 5 条的校验值') });
    expect(judgeHead({ maxSeq: 5, hashAt: at([]) }, { seq: 3, hash: h('c') }, 'online')).toMatchObject({ status: 'rewritten', reason: expect.stringContaining('早于此前报送的第 5 条') });
    expect(judgeHead({ maxSeq: 5, hashAt: at([]) }, { seq: 0, hash: GENESIS_HASH }, 'online')).toMatchObject({ status: 'rewritten' });
    expect(judgeHead(known, { seq: 9, hash: h('b'), anchors: [{ seq: 5, hash: h('f') }] }, 'bundle')).toMatchObject({ status: 'rewritten', reason: expect.stringContaining('第 5 条的校验值') });
    expect(judgeHead(known, { seq: 3, hash: h('b'), anchors: [{ seq: 5, hash: null }] }, 'bundle')).toMatchObject({ status: 'rewritten', reason: expect.stringContaining('已没有此前报送过的第 5 条') });
  });
  it('a late bundle head behind the known one is not judged a rewrite', () => {
    expect(judgeHead({ maxSeq: 9, hashAt: at([[5, h('a')]]) }, { seq: 7, hash: h('b'), anchors: [{ seq: 5, hash: h('a') }] }, 'bundle')).toMatchObject({ status: 'unverified' });
  });
});

describe('POST /v1/audit/head', () => {
  it('accepts a growing chain and repeats a head sent twice', async () => {
    const w = workstation();
    expect((await alice.post('/v1/audit/head', w.audit.head())).json).toMatchObject({ status: 'accepted', seq: 0, known: { seq: 0 } });
    append(w.audit, 3);
    expect((await alice.post('/v1/audit/head', w.audit.head())).json).toMatchObject({ status: 'accepted', seq: 3, known: { seq: 3 } });
    expect((await alice.post('/v1/audit/head', w.audit.head())).json).toMatchObject({ status: 'repeated', seq: 3 });
    append(w.audit, 2);
    // Beyond seq 3 the server needs the chain's current hash at 3 (the anchor) to accept it.
    const ask = await alice.post('/v1/audit/head', w.audit.head());
    expect(ask.status).toBe(409);
    expect(ask.json.error).toMatchObject({ code: 'audit_anchor_required', details: ['3'] });
    const r = await alice.post('/v1/audit/head', anchored(w.audit, 3));
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'accepted', device: w.audit.log.device(), seq: 5, known: { seq: 5 } });
    w.store.close();
  });

  it('detects a history rebuilt shorter (entries removed) and one rebuilt to the same length', async () => {
    const w = workstation();
    append(w.audit, 5, 'echt');
    const device = w.audit.log.device();
    const knownHash = w.audit.head().hash;
    expect((await alice.post('/v1/audit/head', w.audit.head())).status).toBe(200);
    w.store.close();

    // Locally the rebuilt log verifies intact: only the central system can tell.
    const shorter = rewrite(w.file, 3, 'neu');
    expect(shorter.audit.log.verify().intact).toBe(true);
    expect(shorter.audit.head()).toMatchObject({ device, seq: 3 });
    const r1 = await alice.post('/v1/audit/head', shorter.audit.head());
    expect(r1.status).toBe(409);
    expect(r1.json.error).toMatchObject({ code: 'audit_history_rewritten', message: expect.stringContaining('早于此前报送的第 5 条'), details: [`此前报送：第 5 条 ${knownHash}`, expect.stringContaining('本次报送：第 3 条')] });
    shorter.store.close();

    const same = rewrite(w.file, 5, 'anders');
    expect(same.audit.head()).toMatchObject({ seq: 5 });
    expect(same.audit.head().hash).not.toBe(knownHash);
    const r2 = await alice.post('/v1/audit/head', same.audit.head());
    expect(r2.status).toBe(409);
    expect(r2.json.error.message).toContain('第 5 条的校验值与此前报送的不同');
    same.store.close();

    // The admin sees the device flagged, with the rewritten heads kept as evidence.
    const overview = await c.admin.get('/v1/admin/audit/heads');
    const d = (overview.json.devices as { device: string; seq: number; rewritten: { seq: number }[]; user: string }[]).find((x) => x.device === device)!;
    expect(d).toMatchObject({ seq: 5, hash: knownHash, user: 'alice' });
    expect(d.rewritten.map((x) => x.seq).sort()).toEqual([3, 5]);
  });

  it('detects a history rebuilt and grown past the last reported seq (anchor mismatch), even with the anchor record lost', async () => {
    const w = workstation();
    append(w.audit, 4, 'echt');
    const device = w.audit.log.device();
    expect((await alice.post('/v1/audit/head', w.audit.head())).json).toMatchObject({ status: 'accepted', known: { seq: 4 } });
    w.store.close();

    const grown = rewrite(w.file, 9, 'neu'); // verifies intact, and its head is beyond anything known
    expect(grown.audit.log.verify().intact).toBe(true);
    // The workstation lost its anchor record: the server asks for seq 4 first.
    const ask = await alice.post('/v1/audit/head', grown.audit.head());
    expect(ask.json.error).toMatchObject({ code: 'audit_anchor_required', details: ['4'] });
    const r = await alice.post('/v1/audit/head', anchored(grown.audit, 4));
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: 'audit_history_rewritten', message: expect.stringContaining('第 4 条的校验值与此前报送的不同') });

    // A forged anchor (right seq, a made-up hash) is caught the same way.
    const forged = { ...grown.audit.head(), anchors: [{ seq: 4, hash: 'e'.repeat(64) }] };
    expect((await alice.post('/v1/audit/head', forged)).json.error.code).toBe('audit_history_rewritten');
    grown.store.close();

    const d = ((await c.admin.get('/v1/admin/audit/heads')).json.devices as { device: string; seq: number; rewritten: { seq: number; reason: string }[] }[]).find((x) => x.device === device)!;
    expect(d.seq).toBe(4);
    expect(d.rewritten).toEqual([expect.objectContaining({ seq: 9, reason: expect.stringContaining('第 4 条的校验值') })]);
  });

  it('the overview shows per device the highest accepted head (its reporter) and every rewrite, as the whole table says', async () => {
    const bob = await c.user('bob');
    const w = workstation();
    append(w.audit, 3, 'echt');
    const device = w.audit.log.device();
    expect((await alice.post('/v1/audit/head', w.audit.head())).status).toBe(200);
    append(w.audit, 2, 'echt');
    expect((await bob.post('/v1/audit/head', anchored(w.audit, 3))).json).toMatchObject({ status: 'accepted', seq: 5 });
    const latest = w.audit.head();
    w.store.close();
    const shorter = rewrite(w.file, 2, 'neu');
    expect((await alice.post('/v1/audit/head', shorter.audit.head())).status).toBe(409);
    const rewrittenHash = shorter.audit.head().hash;
    shorter.store.close();

    const devices = (await c.admin.get('/v1/admin/audit/heads')).json.devices as { device: string }[];
    expect(devices.find((d) => d.device === device)).toEqual({
      device,
      user: 'bob',
      seq: 5,
      hash: latest.hash,
      lastReportAt: expect.any(String),
      rewritten: [{ seq: 2, hash: rewrittenHash, reason: expect.stringContaining('早于此前报送的第 5 条'), receivedAt: expect.any(String) }],
    });

    // The same answer as folding every row of the table (what the overview read before it asked SQL for less).
    const rows = await c.database.db
      .select({ device: auditHeads.device, seq: auditHeads.seq, hash: auditHeads.hash, status: auditHeads.status, reason: auditHeads.reason, user: users.name, receivedAt: auditHeads.receivedAt })
      .from(auditHeads)
      .innerJoin(users, eq(users.id, auditHeads.userId))
      .orderBy(auditHeads.device, desc(auditHeads.seq));
    const expected = new Map<string, { device: string; user: string; seq: number | null; hash: string | null; lastReportAt: string | null; rewritten: unknown[] }>();
    for (const r of rows) {
      const d = expected.get(r.device) ?? { device: r.device, user: r.user, seq: null, hash: null, lastReportAt: null, rewritten: [] };
      if (r.status === 'rewritten') d.rewritten.push({ seq: r.seq, hash: r.hash, reason: r.reason, receivedAt: r.receivedAt.toISOString() });
      else if (d.seq === null) Object.assign(d, { seq: r.seq, hash: r.hash, user: r.user, lastReportAt: r.receivedAt.toISOString() });
      expected.set(r.device, d);
    }
    expect(rows.filter((r) => r.status === 'accepted').length).toBeGreaterThan(devices.length); // superseded heads the answer leaves out
    expect(devices).toEqual([...expected.values()]);
  });

  it('refuses a malformed head or anchor, an anonymous caller and non-admins on the overview', async () => {
    expect((await alice.post('/v1/audit/head', { device: 'short', seq: -1, hash: 'xyz', at: null })).status).toBe(400);
    expect((await alice.post('/v1/audit/head', { device: 'a-device-id', seq: 1, hash: 'a'.repeat(64), at: null, extra: 1 })).status).toBe(400);
    expect((await alice.post('/v1/audit/head', { device: 'a-device-id', seq: 1, hash: 'a'.repeat(64), at: null, anchors: [{ seq: 0, hash: 'a'.repeat(64) }] })).status).toBe(400);
    expect((await alice.post('/v1/audit/head', { device: 'a-device-id', seq: 1, hash: 'a'.repeat(64), at: null, anchors: [{ seq: 1, hash: 'xyz' }] })).status).toBe(400);
    expect((await c.anon.post('/v1/audit/head', { device: 'a-device-id', seq: 1, hash: 'a'.repeat(64), at: null })).status).toBe(401);
    expect((await alice.get('/v1/admin/audit/heads')).status).toBe(403);
  });
});
