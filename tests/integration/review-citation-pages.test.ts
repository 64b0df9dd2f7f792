// Citing a page of a document or evidence item through the Api: a page beyond the file is
// refused with a zh-CN invalid_input (never clamped to the last page), pages that exist are kept.
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../src/main/workstation';
import { caller, err, ok, openWorkstation, REVIEWER, AGENCY } from '../helpers/meeting-fixture';
import { buildPackage, setNoticeText, tempDir } from '../helpers/package-builder';

const open: Workstation[] = [];
afterEach(() => open.splice(0).forEach((w) => w.close()));

async function fixture(opts: { process?: boolean } = {}) {
  const ws = openWorkstation(tempDir('citation-pages-'));
  open.push(ws);
  ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  const p = await buildPackage(tempDir());
  // The notice runs to 3 pages; the evidence item has 1.
  await setNoticeText(p, [
    ['Notice', 770],
    ['Rights', 770, 3],
  ]);
  await ws.importer.importOne(p.dir);
  if (opts.process !== false) await ws.processor.processPending();
  return { ws, call: caller(ws), caseId: p.manifest.case.id };
}

describe('review.setPoint: cited pages', () => {
  it('refuses a page beyond the document or evidence item, naming the item and its page count', async () => {
    const { call, caseId } = await fixture();
    const e1 = await err(call, 'review.setPoint', { caseId, point: 'P3', citations: [{ kind: 'evidence', id: 'e1', page: 9 }] });
    expect(e1).toMatchObject({ code: 'invalid_input', message: '“进货单据”共 1 页，没有第 9 页；请改正页码后再引用' });
    const e2 = await err(call, 'review.setPoint', { caseId, point: 'P3', citations: [{ kind: 'document', id: 'd1', page: 4 }] });
    expect(e2.message).toBe('“行政处罚告知书”共 3 页，没有第 4 页；请改正页码后再引用');
    // Nothing was saved, not even a clamped page.
    const v = await ok(call, 'review.get', { caseId });
    expect(v.points.find((p) => p.id === 'P3')!.citations).toEqual([]);
  });

  it('keeps pages that exist, and a refused page leaves the saved citations as they were', async () => {
    const { call, caseId } = await fixture();
    await ok(call, 'review.setPoint', { caseId, point: 'P4', citations: [{ kind: 'document', id: 'd1', page: 3 }, { kind: 'evidence', id: 'e1', page: 1 }] });
    await err(call, 'review.setPoint', { caseId, point: 'P4', citations: [{ kind: 'document', id: 'd1', page: 3 }, { kind: 'evidence', id: 'e1', page: 1 }, { kind: 'evidence', id: 'e1', page: 2 }] });
    const v = await ok(call, 'review.get', { caseId });
    expect(v.points.find((p) => p.id === 'P4')!.citations.map((c) => c.label)).toEqual(['行政处罚告知书 第3页', '进货单据 第1页']);
  });

  it('lets a page through while the file’s page count is not yet known (not read yet)', async () => {
    const { call, caseId } = await fixture({ process: false });
    const v = await ok(call, 'review.setPoint', { caseId, point: 'P4', citations: [{ kind: 'document', id: 'd1', page: 2 }] });
    expect(v.points.find((p) => p.id === 'P4')!.citations[0]).toMatchObject({ page: 2, valid: true });
  });
});
