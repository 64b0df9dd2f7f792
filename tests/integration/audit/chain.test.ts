// The audit chain: intact after appends; the store refuses UPDATE/DELETE (migration 0005); an
// entry edited, re-linked or deleted behind the store's back (triggers dropped, or the SQLite
// file written directly) is named by verify: its seq and what is wrong.
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/main/db/open';
import { AuditService } from '../../../src/main/services/audit/index';
import { entryHash } from '../../../src/main/services/audit/chain';
import { GENESIS_HASH } from '../../../src/shared/audit/actions';
import { tempDir } from '../../helpers/package-builder';

let file: string;
let store: Store;
let audit: AuditService;
let clock: number;

function fill(n: number) {
  for (let i = 1; i <= n; i++) audit.log.append({ action: i % 2 ? 'case.open' : 'annotation.create', subject: `case-${i % 3}`, detail: { n: i, note: `第${i}条` } });
}

/** Another connection to the same file, as someone with the file but not the app would have. */
function raw(): Database.Database {
  const db = new Database(file);
  db.exec('drop trigger if exists audit_no_update; drop trigger if exists audit_no_delete;');
  return db;
}

beforeEach(() => {
  file = join(tempDir('audit-'), 'fashen.db');
  store = openStore(file);
  clock = Date.parse('2026-11-23T02:00:00Z');
  audit = new AuditService(store.sqlite, { actor: () => '王审核', now: () => new Date((clock += 1000)) });
});
afterEach(() => store.close());

describe('audit chain', () => {
  it('an empty log is intact and its head is the genesis hash at seq 0', () => {
    expect(audit.log.verify()).toEqual({ intact: true, count: 0, head: null, problem: null });
    expect(audit.head()).toEqual({ device: audit.log.device(), seq: 0, hash: GENESIS_HASH, at: null });
  });

  it('links each entry to the previous one and verifies intact', () => {
    fill(25);
    const rows = store.sqlite.prepare('select * from audit order by seq').all() as { seq: number; prev_hash: string; hash: string; at: string; actor: string; device: string; action: string; subject: string; detail_json: string }[];
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    // The hash is sha256 over the JCS form of exactly these fields.
    const r = rows[4]!;
    expect(entryHash({ seq: r.seq, at: r.at, actor: r.actor, device: r.device, action: r.action, subject: r.subject, detail: JSON.parse(r.detail_json), prevHash: r.prev_hash })).toBe(r.hash);
    expect(r.actor).toBe('王审核');
    expect(r.device).toMatch(/^[0-9a-f-]{36}$/);
    const report = audit.log.verify();
    expect(report).toEqual({ intact: true, count: 25, head: { seq: 25, hash: rows[24]!.hash }, problem: null });
    expect(audit.head()).toMatchObject({ seq: 25, hash: rows[24]!.hash });
  });

  it('keeps one device id per install, across reopenings', () => {
    const id = audit.log.device();
    store.close();
    store = openStore(file);
    expect(new AuditService(store.sqlite, { actor: () => 'x' }).log.device()).toBe(id);
  });

  it('the store refuses to change or remove an entry', () => {
    fill(3);
    expect(() => store.sqlite.prepare("update audit set actor = '李某' where seq = 2").run()).toThrow('审计记录只能追加，不能修改');
    expect(() => store.sqlite.prepare('delete from audit where seq = 2').run()).toThrow('审计记录只能追加，不能删除');
    expect(() => store.sqlite.prepare('delete from audit').run()).toThrow('审计记录只能追加，不能删除');
    expect(audit.log.verify().intact).toBe(true);
  });

  it('an edited entry is named: hash mismatch at its seq', () => {
    fill(12);
    const db = raw();
    db.prepare("update audit set detail_json = '{\"n\":7,\"note\":\"改过\"}' where seq = 7").run();
    db.close();
    expect(audit.log.verify()).toMatchObject({ intact: false, problem: { seq: 7, kind: 'hash_mismatch', message: '第 7 条记录的内容与其校验值不符（记录被修改）' } });
  });

  it('an edited actor or time is named too', () => {
    fill(5);
    const db = raw();
    db.prepare("update audit set actor = '李某' where seq = 3").run();
    db.close();
    expect(audit.log.verify().problem).toMatchObject({ seq: 3, kind: 'hash_mismatch' });
  });

  it('an entry rewritten with a fresh hash still breaks the next link', () => {
    fill(8);
    const db = raw();
    const r = db.prepare('select * from audit where seq = 4').get() as { seq: number; at: string; actor: string; device: string; action: string; subject: string; prev_hash: string };
    const detail = { n: 4, note: '伪造' };
    const hash = entryHash({ seq: 4, at: r.at, actor: r.actor, device: r.device, action: r.action, subject: r.subject, detail, prevHash: r.prev_hash });
    db.prepare('update audit set detail_json = ?, hash = ? where seq = 4').run(JSON.stringify(detail), hash);
    db.close();
    expect(audit.log.verify().problem).toMatchObject({ seq: 5, kind: 'prev_link', message: '第 5 条记录的前一条校验值与第 4 条不符（链被改接）' });
  });

  it('a deleted entry is named as a gap', () => {
    fill(10);
    const db = raw();
    db.prepare('delete from audit where seq in (4, 5)').run();
    db.close();
    expect(audit.log.verify()).toMatchObject({ intact: false, count: 4, head: { seq: 3 }, problem: { seq: 4, kind: 'gap', message: '第 4–5 条审计记录缺失（记录被删除）' } });
  });

  it('the first entries deleted: a gap from seq 1', () => {
    fill(4);
    const db = raw();
    db.prepare('delete from audit where seq = 1').run();
    db.close();
    expect(audit.log.verify().problem).toMatchObject({ seq: 1, kind: 'gap', message: '第 1 条审计记录缺失（记录被删除）' });
  });

  it('the last entries deleted: the store remembers the highest seq it issued', () => {
    fill(6);
    const db = raw();
    db.prepare('delete from audit where seq >= 5').run();
    db.close();
    expect(audit.log.verify().problem).toMatchObject({ seq: 5, kind: 'gap', message: '末尾的第 5–6 条审计记录缺失（记录被删除）' });
    // A later append does not reuse the deleted numbers, so the gap stays visible.
    audit.log.append({ action: 'case.open', subject: 'c' });
    expect((store.sqlite.prepare('select max(seq) m from audit').get() as { m: number }).m).toBe(7);
    expect(audit.log.verify().problem).toMatchObject({ seq: 5, kind: 'gap' });
  });

  it('detail that is not a JSON object is named', () => {
    fill(3);
    const db = raw();
    db.prepare("update audit set detail_json = 'not json' where seq = 2").run();
    db.close();
    expect(audit.log.verify().problem).toMatchObject({ seq: 2, kind: 'bad_detail' });
  });

  it('appends nest in the caller’s transaction: a rolled-back action leaves no entry', () => {
    fill(2);
    const tx = store.sqlite.transaction(() => {
      audit.log.append({ action: 'review.conclude', subject: 'c1' });
      throw new Error('the action failed');
    });
    expect(() => tx()).toThrow('the action failed');
    expect(audit.log.list()).toHaveLength(2);
    expect(audit.log.verify().intact).toBe(true);
  });

  it('two connections appending in turn keep one chain (the CLI beside the app)', () => {
    const other = openStore(file);
    const second = new AuditService(other.sqlite, { actor: () => '命令行' });
    for (let i = 0; i < 10; i++) (i % 2 ? audit : second).log.append({ action: 'case.open', subject: `c${i}` });
    other.close();
    expect(audit.log.verify()).toMatchObject({ intact: true, count: 10 });
  });
});
