// Migration 0005 on a store that already has audit rows: they stay, and from then on the store
// refuses to change or delete them.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/main/db/open';
import { migrationsDir } from '../../../src/main/paths';
import { tempDir } from '../../helpers/package-builder';

interface Journal {
  entries: { idx: number; tag: string }[];
}

/** A copy of the migrations folder up to (and including) the one tagged `last`. */
function migrationsUpTo(last: string): string {
  const full = JSON.parse(readFileSync(join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as Journal & Record<string, unknown>;
  const entries = full.entries.slice(0, full.entries.findIndex((e) => e.tag === last) + 1);
  const dir = join(tempDir('mig-audit-'), 'migrations');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  for (const e of entries) cpSync(join(migrationsDir(), `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...full, entries }));
  return dir;
}

describe('migration 0005 (audit append-only)', () => {
  it('keeps existing entries and then refuses UPDATE and DELETE', () => {
    const file = join(tempDir(), 'store.db');
    const before = openStore(file, { migrationsFolder: migrationsUpTo('0004_meetings') });
    before.sqlite.prepare("insert into audit (at, actor, device, action, subject, prev_hash, hash) values ('2026-11-23T00:00:00Z', '王审核', 'd', 'case.open', 'c1', ?, ?)").run('0'.repeat(64), 'a'.repeat(64));
    before.sqlite.prepare("update audit set actor = '可改' where seq = 1").run(); // before 0005 nothing stops it
    before.close();
    const after = openStore(file, { migrationsFolder: migrationsUpTo('0005_audit_append_only') });
    expect(after.sqlite.prepare('select seq, actor from audit').all()).toEqual([{ seq: 1, actor: '可改' }]);
    expect(() => after.sqlite.prepare("update audit set actor = 'x'").run()).toThrow('审计记录只能追加，不能修改');
    expect(() => after.sqlite.prepare('delete from audit').run()).toThrow('审计记录只能追加，不能删除');
    const plan = after.sqlite.prepare("explain query plan select * from audit where subject = 'c1' order by seq desc limit 50").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('audit_subject_idx');
    after.close();
  });
});
