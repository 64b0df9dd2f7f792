// Opening a search hit marks the occurrence its snippet showed, not the page's first one — even
// when the two read the same once case is ignored (context alone cannot tell them apart).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { callApi, expect, test } from './fixtures';
import { WorkstationPage } from './pages/WorkstationPage';
import { buildPackage, tempDir } from '../helpers/package-builder';

test('a search hit on the second occurrence marks the second occurrence', async ({ page, freshHost }) => {
  const pkg = await buildPackage(tempDir('fashen-e2e-pkg-'), { caseNumber: `测市监处罚〔2026〕${Math.floor(Math.random() * 9000) + 1000}号` });
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const p = doc.addPage([595, 842]);
  // Upper case near the top, the exact (lower case) text far below it.
  p.drawText('Notice: QUORUM HEARING RIGHTS apply.', { x: 72, y: 760, size: 14, font });
  p.drawText('Notice: quorum hearing rights apply.', { x: 72, y: 300, size: 14, font });
  const bytes = await doc.save();
  writeFileSync(join(pkg.dir, 'documents/notice.pdf'), bytes);
  pkg.manifest.documents[0]!.file = { ...pkg.manifest.documents[0]!.file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  pkg.write();
  await callApi(freshHost, 'cases.import', { paths: [pkg.dir] });

  const ws = new WorkstationPage(page);
  await ws.open(freshHost.url);
  await ws.search.search('quorum hearing rights');
  const hit = ws.search.pageHit(0);
  await expect(hit.locator('mark')).toHaveText('quorum hearing rights');
  await hit.click();
  const pdf = ws.caseFile.pdf(0);
  await pdf.waitRendered(1);
  const mark = pdf.page(1).getByTestId('search-highlight').first();
  await expect(mark).toBeVisible();
  const pageBox = (await pdf.page(1).boundingBox())!;
  const markBox = (await mark.boundingBox())!;
  // In PDF units from the top: the first line sits near 70, the second near 530.
  const top = ((markBox.y - pageBox.y) / pageBox.height) * 842;
  expect(top).toBeGreaterThan(400);
});
