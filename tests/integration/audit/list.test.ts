// audit.list: the whole log under 设置, newest first, a page at a time, one kind of entry at a time,
// by part of a 案号 and by China-time days, each entry with its case number and item title; bad
// paging and filter input is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch, type Handlers } from '../../../src/main/dispatch';
import { Workstation } from '../../../src/main/workstation';
import type { AuditEntryView, AuditListPage } from '../../../src/shared/api/audit';
import { chinaDateTime } from '../../../src/shared/format/date';
import { actionsOf, AUDIT_GROUPS } from '../../../src/shared/audit/groups';
import { AUDIT_ACTIONS } from '../../../src/shared/audit/actions';
import { buildPackage, tempDir } from '../../helpers/package-builder';

let ws: Workstation;
let handlers: Handlers;
let caseId: string;
let caseNumber: string;

async function list(input: Record<string, unknown>, h: Handlers = handlers): Promise<AuditListPage> {
  const r = await dispatch(h, 'audit.list', input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as AuditListPage;
}

beforeAll(async () => {
  ws = new Workstation({ dataDir: tempDir('audit-list-'), today: () => '2026-11-23' });
  handlers = buildApi(ws, 'host');
  const pkg = await buildPackage(tempDir());
  caseId = pkg.manifest.case.id;
  caseNumber = pkg.manifest.case.caseNumber;
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
  // Entries of several kinds: case work on an item, an export, a setting, and many opens for paging.
  ws.audit.log.append({ action: 'evidence.open', subject: caseId, detail: { itemId: 'e1' } });
  ws.audit.log.append({ action: 'export.original', subject: caseId, detail: { itemId: 'e1' } });
  ws.audit.log.append({ action: 'settings.change', subject: null, detail: { setting: 'lockMinutes', from: 15, to: 5 } });
  for (let i = 0; i < 30; i++) ws.audit.log.append({ action: 'case.open', subject: caseId, detail: {} });
  ws.audit.log.append({ action: 'app.lock', subject: null, detail: { trigger: 'manual' } });
}, 60_000);
afterAll(() => ws.close());

describe('audit.list', () => {
  it('gives the newest entries first with the case number and the item title named', async () => {
    const page = await list({});
    const all = ws.audit.log.list();
    expect(page.entries.map((e) => e.seq)).toEqual(all.map((e) => e.seq).reverse());
    expect(page.more).toBe(false);
    expect(page.entries[0]).toMatchObject({ action: 'app.lock', caseNumber: null, itemTitle: null });
    const opened = page.entries.find((e) => e.action === 'evidence.open')!;
    expect(opened).toMatchObject({ subject: caseId, caseNumber, itemTitle: '进货单据' });
  });

  it('pages backwards from a seq without gaps or repeats', async () => {
    const first = await list({ limit: 10 });
    expect(first.entries).toHaveLength(10);
    expect(first.more).toBe(true);
    const seen = [...first.entries];
    let page = first;
    while (page.more) {
      page = await list({ limit: 10, before: page.entries.at(-1)!.seq });
      seen.push(...page.entries);
    }
    expect(seen.map((e) => e.seq)).toEqual(ws.audit.log.list().map((e) => e.seq).reverse());
  });

  it('gives one kind of entry at a time', async () => {
    expect((await list({ group: 'export' })).entries.map((e) => e.action)).toEqual(['export.original']);
    expect((await list({ group: 'security' })).entries.map((e) => e.action)).toEqual(['app.lock', 'settings.change']);
    expect((await list({ group: 'meeting' })).entries).toEqual([]);
    const review = (await list({ group: 'review' })).entries;
    expect(review.length).toBe(31);
    expect(review.every((e) => actionsOf('review').includes(e.action))).toBe(true);
  });

  it('puts every action the log knows in exactly one kind', () => {
    const grouped = (Object.keys(AUDIT_GROUPS) as (keyof typeof AUDIT_GROUPS)[]).flatMap(actionsOf);
    expect([...grouped].sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
  });

  it('refuses bad paging input with a reason, and an unknown kind', async () => {
    for (const bad of [{ before: 0 }, { before: 1.5 }, { limit: 0 }, { limit: 501 }, { group: 'everything' }, { caseId }]) {
      const r = await dispatch(handlers, 'audit.list', bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('audit.list by case and by date', () => {
  let ws2: Workstation;
  let h: Handlers;
  // Three cases: "153号" is part of all three, the bracketed year tells 2026 from 2025, and 1153号 is not 153号.
  const ids = { a: '', b: '', c: '' };
  const numbers = { a: '马市监处罚〔2026〕153号', b: '马市监处罚〔2026〕1153号', c: '马市监处罚〔2025〕153号' };

  beforeAll(async () => {
    ws2 = new Workstation({ dataDir: tempDir('audit-filter-'), today: () => '2026-11-23' });
    h = buildApi(ws2, 'host');
    for (const k of ['a', 'b', 'c'] as const) {
      const pkg = await buildPackage(tempDir(), { caseNumber: numbers[k] });
      ids[k] = pkg.manifest.case.id;
      expect((await ws2.importer.importOne(pkg.dir)).ok).toBe(true);
    }
    const add = (action: string, subject: string | null, iso: string) => ws2.audit.log.append({ action, subject, at: iso, detail: {} });
    // Around the China-time midnights that start and end 2026-11-23 (16:00Z the day before / that day).
    add('case.open', ids.a, '2026-11-22T15:59:59.999Z'); // 11-22 23:59:59 China
    add('case.open', ids.a, '2026-11-22T16:00:00.000Z'); // 11-23 00:00 China
    add('case.open', ids.a, '2026-11-22T17:00:00.000Z'); // 11-23 01:00 China
    add('export.original', ids.a, '2026-11-23T08:00:00.000Z');
    add('app.lock', null, '2026-11-23T09:00:00.000Z');
    add('case.open', ids.b, '2026-11-23T10:00:00.000Z');
    add('case.open', ids.c, '2026-11-23T11:00:00.000Z');
    add('case.open', ids.a, '2026-11-23T15:59:59.999Z'); // 11-23 23:59:59 China
    add('case.open', ids.a, '2026-11-23T16:00:00.000Z'); // 11-24 00:00 China
    for (let i = 0; i < 7; i++) add('review.point', ids.a, `2026-11-0${i + 1}T02:00:00.000Z`);
  }, 60_000);
  afterAll(() => ws2.close());

  /** Every page of a query, following `before`, as the drawer’s 加载更早的记录 does. */
  async function all(input: Record<string, unknown>, limit = 3): Promise<AuditEntryView[]> {
    const seen: AuditEntryView[] = [];
    let page = await list({ ...input, limit }, h);
    seen.push(...page.entries);
    while (page.more) {
      page = await list({ ...input, limit, before: page.entries.at(-1)!.seq }, h);
      seen.push(...page.entries);
    }
    return seen;
  }
  const whole = () => ws2.audit.log.list().reverse();
  const chinaDay = (e: AuditEntryView) => chinaDateTime(e.at).slice(0, 10);

  it('finds the entries of every case whose 案号 contains a part of it', async () => {
    const page = await list({ caseNumber: '153号' }, h);
    expect(page.cases).toBe(3);
    expect(new Set(page.entries.map((e) => e.subject))).toEqual(new Set([ids.a, ids.b, ids.c]));
    expect(page.entries.map((e) => e.seq)).toEqual(whole().filter((e) => e.subject !== null && Object.values(ids).includes(e.subject)).map((e) => e.seq));
    expect(page.entries.find((e) => e.subject === ids.b)!.caseNumber).toBe(numbers.b);
  });

  it('ignores the kind and width of brackets and spaces in the 案号', async () => {
    for (const q of ['马市监处罚〔2026〕153号', '马市监处罚[2026]153号', '马市监处罚［2026］153号', '马市监处罚（2026）153 号', ' 市监处罚 (2026) 153号', '【2026】153号']) {
      const page = await list({ caseNumber: q }, h);
      expect(page.cases, q).toBe(1);
      expect(new Set(page.entries.map((e) => e.subject)), q).toEqual(new Set([ids.a]));
    }
    expect((await list({ caseNumber: '〔2025〕' }, h)).entries.every((e) => e.subject === ids.c)).toBe(true);
  });

  it('says no case matches instead of listing the whole log', async () => {
    expect(await list({ caseNumber: '999号' }, h)).toEqual({ entries: [], more: false, cases: 0 });
    expect(await list({ caseNumber: '马市监处罚〔2027〕153号', group: 'review' }, h)).toEqual({ entries: [], more: false, cases: 0 });
  });

  it('takes a date range as whole China-time days, both ends included', async () => {
    const day23 = await all({ from: '2026-11-23', to: '2026-11-23' });
    expect(day23.map((e) => e.at).sort()).toEqual(
      ['2026-11-22T16:00:00.000Z', '2026-11-22T17:00:00.000Z', '2026-11-23T08:00:00.000Z', '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', '2026-11-23T11:00:00.000Z', '2026-11-23T15:59:59.999Z'].sort(),
    );
    // 17:00Z on the 22nd is 01:00 on the 23rd in China.
    expect(day23.some((e) => e.at === '2026-11-22T17:00:00.000Z')).toBe(true);
    expect(day23.every((e) => chinaDay(e) === '2026-11-23')).toBe(true);
    expect((await all({ from: '2026-11-22', to: '2026-11-22' })).map((e) => e.at)).toEqual(['2026-11-22T15:59:59.999Z']);
    expect((await all({ from: '2026-11-24' })).map((e) => e.at)).toEqual(['2026-11-23T16:00:00.000Z']);
    expect((await all({ to: '2026-11-07' })).map((e) => chinaDay(e))).toEqual(['2026-11-07', '2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03', '2026-11-02', '2026-11-01']);
    expect(await list({ from: '2026-10-01', to: '2026-10-31' }, h)).toEqual({ entries: [], more: false });
  });

  it('combines case, date and kind, and pages through them without gaps or repeats', async () => {
    const q = { caseNumber: '153号', from: '2026-11-02', to: '2026-11-23', group: 'review' };
    const got = await all(q, 2);
    const expected = whole().filter((e) => e.subject !== null && Object.values(ids).includes(e.subject) && chinaDay(e) >= '2026-11-02' && chinaDay(e) <= '2026-11-23' && actionsOf('review').includes(e.action));
    expect(got.map((e) => e.seq)).toEqual(expected.map((e) => e.seq));
    // 6 review points (11-02…11-07) and 6 case opens of the three cases on 11-22/23; the export is another kind.
    expect(got).toHaveLength(12);
    expect(got.some((e) => e.action === 'export.original')).toBe(false);
    const first = await list({ ...q, limit: 5 }, h);
    expect(first).toMatchObject({ more: true, cases: 3 });
  });

  it('refuses bad dates, a range that ends before it starts and an over-long 案号, in Chinese', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ from: '2026/11/23' }, '日期格式应为 YYYY-MM-DD'],
      [{ to: '20261123' }, '日期格式应为 YYYY-MM-DD'],
      [{ from: '2026-11-23T00:00:00Z' }, '日期格式应为 YYYY-MM-DD'],
      [{ from: '2026-02-30' }, '不存在的日期'],
      [{ to: 20261123 }, 'to'],
      [{ from: '2026-11-24', to: '2026-11-23' }, '开始日期不能晚于结束日期'],
      [{ caseNumber: '号'.repeat(61) }, '案号最多 60 个字符'],
      [{ caseNumber: '   ' }, '请填写案号或其一部分'],
      [{ caseNumber: ['153号'] }, 'caseNumber'],
    ];
    for (const [input, message] of bad) {
      const r = await dispatch(h, 'audit.list', input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.details!.join('；'), JSON.stringify(input)).toContain(message);
    }
  });
});
