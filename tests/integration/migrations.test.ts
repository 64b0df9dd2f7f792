// One test per migration: migrate to N−1, seed, migrate to N, check. A failed migration leaves
// the old database untouched.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CACHE_KIB, openStore } from '../../src/main/db/open';
import { migrationsDir } from '../../src/main/paths';
import { tempDir } from '../helpers/package-builder';

interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as Journal;

/** A copy of the migrations folder holding only the first n migrations. */
function firstMigrations(n: number, extraSql?: string): string {
  const dir = join(tempDir('mig-'), 'migrations');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, n);
  for (const e of entries) cpSync(join(migrationsDir(), `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  const full = JSON.parse(readFileSync(join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as Journal & Record<string, unknown>;
  if (extraSql) {
    const tag = '9999_broken';
    writeFileSync(join(dir, `${tag}.sql`), extraSql);
    entries.push({ ...(full.entries.at(-1) as object), idx: 9999, tag, when: Date.now() } as Journal['entries'][number]);
  }
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...full, entries }));
  return dir;
}

const tables = (file: string) =>
  (new Database(file, { readonly: true }).prepare("select name from sqlite_master where type='table' order by name").all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('lists committed migrations in order', () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    journal.entries.forEach((e, i) => expect(e.idx).toBe(i));
  });

  it('0000_init creates every entity of the local store on a real file', () => {
    const file = join(tempDir(), 'store.db');
    const store = openStore(file, { migrationsFolder: firstMigrations(1) });
    // The page cache a large encrypted store needs (open.ts): pages past it are decrypted again on every read.
    expect(store.sqlite.pragma('cache_size', { simple: true })).toBe(-CACHE_KIB);
    store.close();
    expect(tables(file)).toEqual(
      expect.arrayContaining(['agency', 'officer', 'case_file', 'party', 'case_officer', 'document', 'evidence', 'blob', 'annotation', 'review', 'opinion', 'meeting', 'outbox', 'sync_state', 'audit']),
    );
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // Re-opening applies nothing twice.
    openStore(file, { migrationsFolder: firstMigrations(1) }).close();
  });

  it('applies every later migration on top of seeded data from the previous one', () => {
    for (let n = 1; n < journal.entries.length; n++) {
      const file = join(tempDir(), 'store.db');
      const prev = openStore(file, { migrationsFolder: firstMigrations(n) });
      prev.sqlite.prepare("insert into agency (code, name, short_name, region, level) values ('1', '测试局', '测', '测试', 'city')").run();
      prev.close();
      const next = openStore(file, { migrationsFolder: firstMigrations(n + 1) });
      expect(next.sqlite.prepare('select count(*) n from agency').get()).toEqual({ n: 1 });
      next.close();
    }
  });

  it('0001 keeps existing blobs and queues them for text indexing', () => {
    const file = join(tempDir(), 'store.db');
    const prev = openStore(file, { migrationsFolder: firstMigrations(1) });
    prev.sqlite.prepare("insert into blob (sha256, size, mime, stored_at, verified_at) values (?, 10, 'application/pdf', '2026-01-01', '2026-01-01')").run('a'.repeat(64));
    prev.close();
    const next = openStore(file, { migrationsFolder: firstMigrations(2) });
    expect(next.sqlite.prepare('select text_state, verified_state, page_count from blob').get()).toEqual({ text_state: 'pending', verified_state: 'ok', page_count: null });
    next.close();
  });

  it('0002 adds trigram full-text tables that match Chinese substrings', () => {
    const file = join(tempDir(), 'store.db');
    const store = openStore(file, { migrationsFolder: firstMigrations(3) });
    store.sqlite.prepare("insert into blob (sha256, size, mime, stored_at, verified_at) values (?, 10, 'application/pdf', '2026-01-01', '2026-01-01')").run('b'.repeat(64));
    const { lastInsertRowid } = store.sqlite.prepare("insert into page_text (sha256, page, text) values (?, 1, '当事人销售超过保质期的食品')").run('b'.repeat(64));
    store.sqlite.prepare('insert into page_fts (rowid, text) values (?, ?)').run(lastInsertRowid, '当事人销售超过保质期的食品');
    expect(store.sqlite.prepare('select rowid from page_fts where page_fts match ?').all('"保质期"')).toHaveLength(1);
    store.close();
  });

  it('0004 turns the meeting table into meetings with agenda, opinions and minutes', () => {
    const idx = journal.entries.findIndex((e) => e.tag === '0004_meetings');
    const file = join(tempDir(), 'store.db');
    const prev = openStore(file, { migrationsFolder: firstMigrations(idx) });
    prev.sqlite.prepare("insert into meeting (id, title, held_on, place, state_json) values ('m0', '旧会议', '2026-11-01', '会议室', '{}')").run();
    prev.close();
    const next = openStore(file, { migrationsFolder: firstMigrations(idx + 1) });
    expect(next.sqlite.prepare('select state, revision, agenda_index from meeting').get()).toEqual({ state: 'draft', revision: 0, agenda_index: null });
    expect(tables(file)).toEqual(expect.arrayContaining(['meeting_case', 'meeting_opinion', 'meeting_minutes']));
    // A draft's agenda and opinions go with it; a case on an agenda cannot disappear under it.
    next.sqlite.prepare("insert into agency (code, name, short_name, region, level) values ('1', '测试局', '测', '测试', 'city')").run();
    next.sqlite
      .prepare("insert into case_file (id, revision, revision_hash, case_number, cause, agency_code, handling_unit, party_name, submitted_on, violation_start, violation_end, facts, procedure_json, proposed_decision_json, imported_at) values ('c1', 1, 'h', '测〔2026〕1号', '案由', '1', '支队', '甲', '2026-11-01', '2026-01-01', '2026-01-02', '事实', '{}', '{}', '2026-11-01')")
      .run();
    next.sqlite.prepare("insert into meeting_case (meeting_id, case_id, position) values ('m0', 'c1', 0)").run();
    next.sqlite.prepare("insert into meeting_opinion (meeting_id, case_id, attendee_id, kind, recorded_at) values ('m0', 'c1', 'a1', '同意', '2026-11-01')").run();
    expect(() => next.sqlite.prepare("insert into meeting_opinion (meeting_id, case_id, attendee_id, kind, recorded_at) values ('m0', 'zz', 'a1', '同意', '2026-11-01')").run()).toThrow(/FOREIGN KEY/);
    expect(() => next.sqlite.prepare("delete from case_file where id = 'c1'").run()).toThrow(/FOREIGN KEY/);
    next.sqlite.prepare("delete from meeting where id = 'm0'").run();
    expect(next.sqlite.prepare('select (select count(*) from meeting_case) + (select count(*) from meeting_opinion) n').get()).toEqual({ n: 0 });
    next.close();
  });

  it('a failing migration leaves the previous database untouched', () => {
    const file = join(tempDir(), 'store.db');
    const ok = openStore(file, { migrationsFolder: firstMigrations(journal.entries.length) });
    ok.sqlite.prepare("insert into agency (code, name, short_name, region, level) values ('1', '测试局', '测', '测试', 'city')").run();
    ok.close();
    const before = tables(file);
    expect(() =>
      openStore(file, { migrationsFolder: firstMigrations(journal.entries.length, 'CREATE TABLE half_done (x int);\n--> statement-breakpoint\nTHIS IS NOT SQL;') }),
    ).toThrow();
    expect(tables(file)).toEqual(before);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('select count(*) n from agency').get()).toEqual({ n: 1 });
  });
});
