// What the reviewer marked for redaction as text (a trade secret, a detail no masking rule knows)
// never reaches the shared screen: not in the page picture — also when the stored rectangle no
// longer covers it (the file was re-imported and the text moved) — and not in the text excerpt,
// on any page or slide where it occurs.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workstation } from '../../src/main/workstation';
import type { Meeting } from '../../src/shared/meeting/schema';
import type { EvidenceSlide } from '../../src/shared/meeting/slides';
import { buildPackage, setNoticeText, tempDir, type BuiltPackage } from '../helpers/package-builder';
import { reimportFromCentral } from '../helpers/reimport';
import { AGENCY, caller, concludeReview, ok, openWorkstation, REVIEWER, setup, type Call } from '../helpers/meeting-fixture';

let ws: Workstation;
let call: Call;
let pkg: BuiltPackage;
let meeting: Meeting;
const SECRET = 'Purchase price 35 yuan per box';

/** Solid black pixels of a PNG inside a band of rows (fractions of its height). */
async function blackIn(png: Buffer, top: number, bottom: number): Promise<number> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const y0 = Math.floor(img.height * top);
  const data = ctx.getImageData(0, y0, img.width, Math.ceil(img.height * bottom) - y0).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0) n++;
  return n;
}

async function evidenceFocus(page: number): Promise<NonNullable<EvidenceSlide['focus']>> {
  await ok(call, 'meetings.navigate', { id: meeting.id, agendaIndex: 0, topic: 'evidence', evidence: { itemId: 'd1', page } });
  const v = await ok(call, 'meetings.audience', { id: meeting.id });
  return (v.current!.slide as EvidenceSlide).focus!;
}

beforeAll(async () => {
  ws = openWorkstation(tempDir('audience-marked-'));
  ws.review.setReviewer({ name: REVIEWER, agency: AGENCY, legalQualification: true, firstTimeReviewer: false });
  pkg = await buildPackage(tempDir());
  // Page 1: the secret near the top; page 2: the same words again, lower down.
  await setNoticeText(pkg, [
    [SECRET, 760],
    ['Supplier named in the invoice', 736],
    [`See above: ${SECRET}.`, 400, 2],
  ]);
  expect((await ws.importer.importOne(pkg.dir)).ok).toBe(true);
  await ws.processor.processPending();
  concludeReview(ws, pkg.manifest.case.id);
  call = caller(ws);
  meeting = await ok(call, 'meetings.create', setup([pkg.manifest.case.id]));
  await ok(call, 'meetings.start', { id: meeting.id });
}, 120_000);
afterAll(() => ws.close());

describe('a text redaction on the shared screen', () => {
  it('is shown before the mark and hidden after it: excerpt and picture, on every page it occurs', async () => {
    const before = await evidenceFocus(1);
    expect(before.excerpt).toContain(SECRET);
    expect(before.image).not.toBeNull();
    const top = (png: Buffer) => blackIn(png, 0.04, 0.12);
    // Glyph strokes only (black text on white).
    const strokes = await top(await ws.blobs.read(before.image!.sha256));

    // The stored rectangle lies at the bottom of the page, away from the text (as after a re-import
    // that moved the text): the quote itself is what the screen hides.
    await ok(call, 'annotations.create', {
      caseId: pkg.manifest.case.id,
      itemId: 'd1',
      kind: 'redaction',
      redactionReason: 'trade_secret',
      anchor: { type: 'text', page: 1, quote: { exact: 'Purchase  price 35 yuan', prefix: '', suffix: '' }, rects: [{ x: 72, y: 800, width: 100, height: 12 }] },
    });
    const after = await evidenceFocus(1);
    expect(after.excerpt).not.toContain('Purchase price 35');
    expect(after.excerpt).toContain('Supplier named in the invoice');
    expect(after.image!.sha256).not.toBe(before.image!.sha256);
    // A solid box over the first line: many times the black of its glyph strokes.
    const boxed = await top(await ws.blobs.read(after.image!.sha256));
    expect(boxed, `black pixels at the first line: ${strokes} before, ${boxed} after`).toBeGreaterThan(strokes * 3);

    // Page 2 carries the same words: hidden there too.
    const two = await evidenceFocus(2);
    expect(two.excerpt).toContain('See above:');
    expect(two.excerpt).not.toContain('Purchase price 35');
  });
});

describe('an area redaction on the shared screen', () => {
  it('takes the text under it out of the excerpt as well as the picture', async () => {
    expect((await evidenceFocus(1)).excerpt).toContain('Supplier named in the invoice');
    // A box over the second line of page 1 (baseline 736 pt of 842: 94–118 px from the top at scale 1).
    await ok(call, 'annotations.create', {
      caseId: pkg.manifest.case.id,
      itemId: 'd1',
      kind: 'redaction',
      redactionReason: 'personal',
      anchor: { type: 'area', page: 1, rects: [{ x: 60, y: 90, width: 320, height: 22 }] },
    });
    const f = await evidenceFocus(1);
    expect(f.excerpt).not.toMatch(/Supplier|invoice/);
    expect(f.excerpt).toContain('***');
    expect(f.image).not.toBeNull();
  });

  it('made on an earlier version of a re-imported file keeps that file off the screen', async () => {
    pkg.manifest.case.revision = 2;
    await setNoticeText(pkg, [
      ['Cover page', 760],
      ['Supplier named in the invoice', 600, 2],
    ]);
    await reimportFromCentral(ws, pkg.dir);
    for (const page of [1, 2]) {
      const f = await evidenceFocus(page);
      expect(f.image).toBeNull();
      expect(f.imageNote).toContain('有遮盖标记是在旧版本上框选的');
      expect(f.excerpt ?? '').not.toMatch(/Supplier|invoice/);
    }
  });
});
