// audit.list: the whole log under 设置, newest first, a page at a time, one kind of entry at a time,
// each entry with its case number and item title; bad paging input is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../../../src/main/api';
import { dispatch, type Handlers } from '../../../src/main/dispatch';
import { Workstation } from '../../../src/main/workstation';
import type { AuditListPage } from '../../../src/shared/api/audit';
import { actionsOf, AUDIT_GROUPS } from '../../../src/shared/audit/groups';
import { AUDIT_ACTIONS } from '../../../src/shared/audit/actions';
import { buildPackage, tempDir } from '../../helpers/package-builder';

let ws: Workstation;
let handlers: Handlers;
let caseId: string;
let caseNumber: string;

async function list(input: Record<string, unknown>): Promise<AuditListPage> {
  const r = await dispatch(handlers, 'audit.list', input);
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
