// Redaction for publication (公示): the exported copy's text layer (poppler AND pdf.js) lacks the
// redacted strings, the rest of the page stays searchable, unmarked pages are untouched, the
// original bytes are unchanged, and the redacted region renders solid black without system fonts.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { decodePDFRawStream, degrees, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString, type PDFPage } from 'pdf-lib';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoPackages } from '../../src/main/demo/generate';
import { redactPdf, RedactionError, type RedactionMark, type RedactionRect } from '../../src/main/services/redaction';
import { encryptedPdf } from '../helpers/encrypted-pdf';

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const ID = '340503198605080412';
const PHONE = '13357047363';

let root: string;
let record: Uint8Array; // 询问笔录, 2 pages: ID number and phone on page 1, twice each
let report: Uint8Array; // 案件调查终结报告, 4 pages

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** pdf.js document plus `destroy()` (pdf.js 6 destroys through the loading task). */
async function openJs(bytes: Uint8Array) {
  const task = pdfjs.getDocument({ data: bytes.slice(), cMapUrl: join(pdfjsRoot, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/', verbosity: 0 });
  const doc = await task.promise;
  return Object.assign(doc, { destroy: () => task.destroy() });
}

/** Text of every page as pdf.js extracts it (the viewer's text layer and search index). */
async function pdfjsText(bytes: Uint8Array): Promise<string[]> {
  const doc = await openJs(bytes);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const tc = await (await doc.getPage(n)).getTextContent();
    pages.push(tc.items.map((i) => ('str' in i ? i.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

function pdftotext(bytes: Uint8Array, page: number): string {
  const dir = mkdtempSync(join(root, 'txt-'));
  writeFileSync(join(dir, 'in.pdf'), bytes);
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-enc', 'UTF-8', join(dir, 'in.pdf'), '-'], { encoding: 'utf8' });
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * Rects of every occurrence of `target` on a page as the viewer's UI computes them from the pdf.js
 * text layer at scale 1: top-left origin CSS pixels, character positions estimated with a browser-
 * like font (CJK 1 em, ASCII 0.55 em) scaled to the item's width, box = ascent 0.85 … descent.
 * `shrink` (share of one digit) shortens each rect on both sides, like a sloppy selection.
 */
async function uiRects(bytes: Uint8Array, pageNo: number, target: string, shrink = 0): Promise<RedactionRect[]> {
  const doc = await openJs(bytes);
  const page = await doc.getPage(pageNo);
  const vp = page.getViewport({ scale: 1 });
  const em = (s: string): number => Array.from(s).reduce((a, c) => a + (/[\x20-\x7e]/.test(c) ? 0.55 : 1), 0);
  const rects: RedactionRect[] = [];
  for (const raw of (await page.getTextContent()).items) {
    const item = raw as TextItem;
    for (let idx = item.str.indexOf(target); idx >= 0; idx = item.str.indexOf(target, idx + 1)) {
      // Horizontal text in user space; the page's rotation is applied by the viewport.
      const [, , , d = 1, e = 0, f = 0] = item.transform as number[];
      const h = Math.abs(d);
      const k = item.width / em(item.str);
      const cut = shrink * 0.55 * k;
      const x0 = e + em(item.str.slice(0, idx)) * k + cut;
      const x1 = e + em(item.str.slice(0, idx)) * k + em(target) * k - cut;
      const corners = [vp.convertToViewportPoint(x0, f - 0.15 * h), vp.convertToViewportPoint(x1, f + 0.85 * h)] as number[][];
      const xs = corners.map((c) => c[0]!);
      const ys = corners.map((c) => c[1]!);
      rects.push({ x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) });
    }
  }
  await doc.destroy();
  return rects;
}

async function marksFor(bytes: Uint8Array, pageNo: number, targets: string[], shrink = 0): Promise<RedactionMark[]> {
  const marks: RedactionMark[] = [];
  for (const text of targets) {
    for (const r of await uiRects(bytes, pageNo, text, shrink)) marks.push({ page: pageNo, origin: 'top-left', rects: [r], reason: 'personal', text });
  }
  return marks;
}

/** Decoded content stream(s) of a page, concatenated. */
function contentOf(page: PDFPage): string {
  const c = page.node.get(PDFName.of('Contents'));
  const refs = c instanceof PDFArray ? c.asArray() : [c];
  return refs
    .map((r) => {
      const s = page.doc.context.lookup(r);
      if (!(s instanceof PDFRawStream)) throw new Error('unexpected content stream');
      return Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
    })
    .join('\n');
}

/** Renders a page with poppler under an EMPTY fontconfig (no system font can stand in). */
function renderPage(bytes: Uint8Array, page: number, dpi: number, name: string): string {
  const dir = join(root, 'png');
  mkdirSync(dir, { recursive: true });
  const conf = join(dir, 'empty-fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>\n`);
  writeFileSync(join(dir, `${name}.pdf`), bytes);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', '-png', join(dir, `${name}.pdf`), join(dir, name)], {
    env: { ...process.env, FONTCONFIG_FILE: conf },
  });
  return join(dir, `${name}.png`);
}

async function pixels(png: string): Promise<{ width: number; height: number; at: (x: number, y: number) => number }> {
  const img = await loadImage(readFileSync(png));
  const canvas = createCanvas(img.width, img.height);
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, img.width, img.height).data;
  // Luminance 0–255 of a pixel.
  return { width: img.width, height: img.height, at: (x, y) => (data[(y * img.width + x) * 4]! + data[(y * img.width + x) * 4 + 1]! + data[(y * img.width + x) * 4 + 2]!) / 3 };
}

/** Share of pixels darker than `level` within a CSS-pixel rect (scale 1) of a page rendered at `dpi`. */
function darkShare(px: Awaited<ReturnType<typeof pixels>>, r: RedactionRect, dpi: number, inset = 1, level = 60): number {
  const s = dpi / 72;
  let dark = 0;
  let all = 0;
  for (let y = Math.ceil(r.y * s) + inset; y < Math.floor((r.y + r.height) * s) - inset; y++) {
    for (let x = Math.ceil(r.x * s) + inset; x < Math.floor((r.x + r.width) * s) - inset; x++) {
      all++;
      if (px.at(x, y) < level) dark++;
    }
  }
  return all ? dark / all : 0;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fashen-redaction-'));
  const [gen] = await generateDemoPackages({ outDir: join(root, 'demo'), count: 1, today: '2026-11-23' });
  const docs = join(gen!.dir, 'documents');
  const pick = (re: RegExp): Uint8Array => new Uint8Array(readFileSync(join(docs, readdirSync(docs).find((f) => re.test(f))!)));
  record = pick(/-询问笔录\.pdf$/);
  report = pick(/案件调查终结报告\.pdf$/);
});

// FASHEN_KEEP_TEST_OUTPUT=1 keeps the rendered pages and PDFs for a look.
afterAll(() => {
  if (!process.env.FASHEN_KEEP_TEST_OUTPUT) rmSync(root, { recursive: true, force: true });
});

describe('redactPdf — demo 询问笔录 (2 pages)', () => {
  let result: Awaited<ReturnType<typeof redactPdf>>;
  let marks: RedactionMark[];
  let before: string;
  let ms: number;

  beforeAll(async () => {
    const original = await pdfjsText(record);
    expect(original[0]).toContain(ID); // the fixture really holds the data
    expect(original[0]!.split(ID).length - 1).toBe(2);
    expect(original[0]!.split(PHONE).length - 1).toBe(2);
    marks = await marksFor(record, 1, [ID, PHONE]);
    expect(marks).toHaveLength(4);
    before = sha(record);
    const t = performance.now();
    result = await redactPdf(record, marks, { label: '已作公示处理' });
    ms = performance.now() - t;
    console.log(`[redaction] 2-page 询问笔录, page 1 redacted (4 marks) at 150 dpi: ${ms.toFixed(0)} ms, ${(result.pdf.length / 1024).toFixed(0)} KB`);
  });

  it('rasterises only the marked page and reports what it removed', () => {
    expect(result.pagesRasterized).toEqual([1]);
    expect(result.removedTextItems).toBe(4);
    expect(result.remainingOccurrences).toEqual([]);
  });

  it('pdftotext: the redacted strings are gone, the rest of the page is still searchable', () => {
    const page1 = squash(pdftotext(result.pdf, 1));
    for (const gone of [ID, PHONE, '080412', '198605', '7047363']) expect(page1).not.toContain(gone);
    for (const kept of ['马鞍山市市场监督管理局', '询问笔录', '身份证号：', '联系电话：', '与本案关系：当事人', '答：我叫张亮，男，1986年5月出生，身份证号', '，住安徽', '省马鞍山市花山区湖东中路273号，联系电话', '已作公示处理']) {
      expect(page1).toContain(kept);
    }
    expect(squash(pdftotext(record, 1))).toContain(ID);
  });

  it('pdf.js: the redacted strings are gone, the rest of the page is still searchable', async () => {
    const [page1, page2] = await pdfjsText(result.pdf);
    for (const gone of [ID, PHONE, '080412', '7047363']) expect(squash(page1!)).not.toContain(gone);
    for (const kept of ['询问地点：马鞍山市市场监督管理局花山分局询问室', '身份证号：', '，住安徽', '问：你经营的店铺是否办理了营业执照？']) expect(squash(page1!)).toContain(kept);
    expect(page2).toBe((await pdfjsText(record))[1]);
  });

  it('keeps the unmarked page byte-for-byte in content, page sizes, and never touches the original', async () => {
    expect(sha(record)).toBe(before);
    const src = await PDFDocument.load(record);
    const out = await PDFDocument.load(result.pdf);
    expect(out.getPageCount()).toBe(2);
    expect(contentOf(out.getPage(1))).toBe(contentOf(src.getPage(1)));
    expect(pdftotext(result.pdf, 2)).toBe(pdftotext(record, 2));
    for (const i of [0, 1]) expect(out.getPage(i).getSize()).toEqual(src.getPage(i).getSize());
  });

  it('rebuilds the marked page from an image and our subset font only, and strips the metadata', async () => {
    const out = await PDFDocument.load(result.pdf, { updateMetadata: false });
    const res = out.getPage(0).node.Resources()!;
    const fonts = res.lookup(PDFName.of('Font'), PDFDict);
    const xobjects = res.lookup(PDFName.of('XObject'), PDFDict);
    expect(xobjects.keys()).toHaveLength(1);
    for (const key of fonts.keys()) expect(fonts.lookup(key, PDFDict).get(PDFName.of('BaseFont'))?.toString()).toMatch(/^\/[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(contentOf(out.getPage(0))).not.toMatch(/340503|13357/);
    expect(out.getTitle()).toBeUndefined();
    expect(out.getAuthor()).toBeUndefined();
    expect(out.getSubject()).toBeUndefined();
    expect(out.getKeywords()).toBeUndefined();
    expect(out.getProducer()).toBe('法审工作台');
    const info = execFileSync('pdfinfo', ['-'], { input: result.pdf, encoding: 'utf8' });
    expect(info).not.toMatch(/Fashen demo generator|询问笔录/);
  });

  it('renders the marked regions solid black without system fonts (and the rest still legible)', async () => {
    const dpi = 100;
    const png = renderPage(result.pdf, 1, dpi, 'redacted-page1');
    const px = await pixels(png);
    for (const m of marks) expect(darkShare(px, m.rects[0]!, dpi)).toBeGreaterThan(0.98);
    // A kept line: text drawn (some dark pixels) but not blacked out.
    const [kept] = await uiRects(record, 1, '与本案关系：当事人');
    const share = darkShare(px, kept!, dpi, 0);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.6);
    // The footer is drawn in our embedded subset font, which poppler renders with no system fonts.
    expect(darkShare(px, { x: 595.28 - 14 - 60, y: 841.89 - 9.8 - 8, width: 60, height: 8 }, dpi, 0, 180)).toBeGreaterThan(0.03);
    console.log(`[redaction] rendered page 1 of the redacted copy: ${png}`);
  });
});

describe('redactPdf — marks', () => {
  it('a mark drawn a little short still removes (and blacks out) the whole quoted run', async () => {
    const marks = await marksFor(record, 1, [ID], 1.2);
    const r = await redactPdf(record, marks);
    const text = squash(pdftotext(r.pdf, 1));
    // No 4-digit piece of the ID survives (pieces that also occur elsewhere on the page aside).
    const elsewhere = squash(pdftotext(record, 1)).split(ID).join('|');
    const pieces = Array.from({ length: ID.length - 3 }, (_, i) => ID.slice(i, i + 4)).filter((p) => !elsewhere.includes(p));
    expect(pieces.length).toBeGreaterThan(8);
    for (const p of pieces) expect(text).not.toContain(p);
    expect(text).toContain('身份证号：联系电话：13357047363');
    expect(text).toContain('身份证号，住安徽');
    const px = await pixels(renderPage(r.pdf, 1, 100, 'short-mark'));
    for (const full of await uiRects(record, 1, ID)) expect(darkShare(px, { ...full, x: full.x + 1, width: full.width - 2 }, 100)).toBeGreaterThan(0.9);
  });

  /** The ID number after 身份证号： on page 1, as a PDF user-space rectangle (origin bottom-left). */
  async function idNumberRect(): Promise<{ x: number; y: number; width: number; height: number }> {
    const doc = await openJs(record);
    const items = (await (await doc.getPage(1)).getTextContent()).items as TextItem[];
    await doc.destroy();
    const line = items.find((i) => i.str.startsWith('身份证号：'))!;
    const [, , , , x, y] = line.transform as number[];
    const labelW = 5 * 13; // 身份证号： in 13 pt CJK
    return { x: x! + labelW, y: y! - 3, width: line.width - labelW, height: 15 };
  }

  it('accepts PDF user-space rects (origin bottom-left) and reports occurrences left unmarked', async () => {
    const mark: RedactionMark = { page: 1, rects: [await idNumberRect()], reason: 'personal', text: ID };
    const r = await redactPdf(record, [mark]);
    const text = pdftotext(r.pdf, 1);
    expect(text).toContain('身份证号：');
    // The second occurrence (in the answer) was not marked: still there, and reported.
    expect(squash(text).split(ID).length - 1).toBe(1);
    expect(r.remainingOccurrences).toEqual([{ page: 1, text: ID }]);
  });

  it('an area mark without a quote: what it took away is still looked for elsewhere in the copy', async () => {
    const r = await redactPdf(record, [{ page: 1, rects: [await idNumberRect()], reason: 'personal' }]);
    expect(r.remainingOccurrences).toEqual([{ page: 1, text: ID }]);
  });

  it("locate: 'text' removes every occurrence of the quote on its page, wherever it is drawn", async () => {
    // As for a mark made on an earlier version of the file: no usable rectangles, only the quote (spaced out here).
    const r = await redactPdf(record, [{ page: 1, rects: [], locate: 'text', reason: 'personal', text: ID.split('').join(' ') }]);
    expect(r.pagesRasterized).toEqual([1]);
    const text = squash(pdftotext(r.pdf, 1));
    expect(text).not.toContain(ID);
    expect(text).toContain('身份证号：联系电话：13357047363');
    expect(r.remainingOccurrences).toEqual([]);
    const px = await pixels(renderPage(r.pdf, 1, 100, 'locate-text'));
    for (const full of await uiRects(record, 1, ID)) expect(darkShare(px, { ...full, x: full.x + 1, width: full.width - 2 }, 100)).toBeGreaterThan(0.9);
  });

  it('searchable: false leaves no text at all on the rasterised page', async () => {
    const r = await redactPdf(record, await marksFor(record, 1, [PHONE]), { searchable: false });
    expect(pdftotext(r.pdf, 1).trim()).toBe('');
    expect(squash(pdftotext(r.pdf, 2))).toContain('没有，这是第一次。');
  });

  it('a rotated page in a non-embedded Chinese font (predefined CMap, as other software writes)', async () => {
    const doc = await PDFDocument.create();
    const ctx = doc.context;
    const song = songLight(doc);
    const page = doc.addPage([595.28, 841.89]);
    page.setRotation(degrees(90));
    page.node.setFontDictionary(PDFName.of('F1'), song);
    const lines = ['当事人：李四，身份证号110101199003071234', '住所：北京市东城区某某路1号'];
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(`BT /F1 14 Tf 72 760 Td 20 TL\n${lines.map((l) => `<${ucs(l)}> Tj T*`).join('\n')}\nET`)));
    doc.setTitle('张三的材料');
    const bytes = await doc.save();
    const rects = await uiRects(bytes, 1, '110101199003071234');
    expect(rects).toHaveLength(1);
    // Rotated 90°: the line runs down the displayed page, so the rect is tall and narrow.
    expect(rects[0]!.height).toBeGreaterThan(rects[0]!.width);
    const r = await redactPdf(bytes, [{ page: 1, origin: 'top-left', rects, reason: 'personal', text: '110101199003071234' }], { label: '已作公示处理' });
    const text = squash(pdftotext(r.pdf, 1));
    expect(text).not.toMatch(/1101|0307|1234/);
    for (const kept of ['当事人：李四，身份证号', '住所：北京市东城区某某路1号', '已作公示处理']) expect(text).toContain(kept);
    const out = await PDFDocument.load(r.pdf, { updateMetadata: false });
    expect(out.getPage(0).getRotation().angle).toBe(90);
    expect(out.getPage(0).getSize()).toEqual({ width: 595.28, height: 841.89 });
    expect(out.getTitle()).toBeUndefined();
    const px = await pixels(renderPage(r.pdf, 1, 100, 'rotated'));
    expect(px.width).toBeGreaterThan(px.height); // displayed landscape
    expect(darkShare(px, rects[0]!, 100)).toBeGreaterThan(0.98);
    // pdf.js drew the non-embedded font (fallback font) into the image: the kept text is visible.
    const [kept] = await uiRects(bytes, 1, '住所：北京市东城区某某路1号');
    expect(darkShare(px, kept!, 100, 0, 128)).toBeGreaterThan(0.03);
  });

  it('redacts every page of a 4-page report (timing)', async () => {
    const marks: RedactionMark[] = await marksFor(report, 1, [ID, PHONE]);
    for (const page of [2, 3, 4]) marks.push({ page, rects: [{ x: 70, y: 400, width: 200, height: 40 }], reason: 'trade_secret' });
    const t = performance.now();
    const r = await redactPdf(report, marks, { label: '已作公示处理' });
    const ms = performance.now() - t;
    console.log(`[redaction] 4-page 案件调查终结报告, all 4 pages redacted at 150 dpi: ${ms.toFixed(0)} ms, ${(r.pdf.length / 1024).toFixed(0)} KB`);
    expect(r.pagesRasterized).toEqual([1, 2, 3, 4]);
    const text = (await pdfjsText(r.pdf)).map(squash).join('');
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
    expect(text).toContain('案件调查终结报告');
    expect(ms).toBeLessThan(20_000);
  });
});

/** A PDF of text lines (one Tj, so one pdf.js item, each) in a non-embedded Chinese font: every character extractable as written. */
async function linesPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const ctx = doc.context;
  const song = songLight(doc);
  for (const lines of pages) {
    const page = doc.addPage([595.28, 841.89]);
    page.node.setFontDictionary(PDFName.of('F1'), song);
    page.node.set(PDFName.of('Contents'), ctx.register(ctx.flateStream(`BT /F1 12 Tf 40 780 Td 24 TL\n${lines.map((l) => `<${ucs(l)}> Tj T*`).join('\n')}\nET`)));
  }
  return doc.save();
}

/** The user-space box (origin bottom-left) of the text item that reads exactly `str`: what a selection of it covers. */
async function itemRect(bytes: Uint8Array, pageNo: number, str: string): Promise<RedactionRect> {
  const doc = await openJs(bytes);
  const items = (await (await doc.getPage(pageNo)).getTextContent()).items as TextItem[];
  await doc.destroy();
  const item = items.find((i) => i.str === str);
  if (!item) throw new Error(`no text item 「${str}」 on page ${pageNo}: ${items.map((i) => i.str).join(' | ')}`);
  const [, , , , x = 0, y = 0] = item.transform as number[];
  return { x, y: y - 4, width: item.width, height: 16 };
}

describe('redactPdf — identifiers inside a marked text are looked for on their own', () => {
  // The tester’s 询问笔录 (当市监处罚〔2026〕146号): the marks quote more than the number they hide.
  const TID = '340521199712196725'; // check digit valid
  const TEL = '18229019595';
  const CREDIT = '913405007568012348'; // a numeric 统一社会信用代码 that passes the Luhn check (reads as a card number without its label)
  const SENTENCE = `省马鞍山市花山区湖东路8号，联系电话${TEL}。`;
  let doc: Uint8Array;
  let wide: Uint8Array;

  beforeAll(async () => {
    doc = await linesPdf([
      ['被询问人：杨娟，身份证号', `：${TID}`, '住安徽', SENTENCE, '问：你的身份证号和联系电话？', `答：身份证号${TID}，电话${TEL}。`, `当事人统一社会信用代码：${CREDIT}`],
      [`身份证号码 ${TID} 已核对`, `手机：${TEL}`, `统一社会信用代码${CREDIT}`, '被询问人签名：杨娟'],
    ]);
    // Full-width digits, spaces and dashes inside the numbers, on the marked page and on another.
    wide = await linesPdf([
      ['被询问人：杨娟，身份证号', `：${TID}`, `答：我的身份证号是３４０５ 2119 9712 1967 25，电话１８２－２９０１－９５９５。`, SENTENCE],
      ['附：身份证复印件（３４０５２１ １９９７１２１９ ６７２５）'],
    ]);
    expect((await pdfjsText(doc)).map(squash)).toEqual([expect.stringContaining(`答：身份证号${TID}`), expect.stringContaining(`身份证号码${TID}`)]);
    expect(squash((await pdfjsText(wide))[0]!)).toContain('３４０５2119');
  });

  it('an ID number in a marked "：<id>" is reported where it is still written, on the page and on another page', async () => {
    const r = await redactPdf(doc, [{ page: 1, rects: [await itemRect(doc, 1, `：${TID}`)], reason: 'personal', text: `：${TID}` }]);
    const left = r.remainingOccurrences;
    expect(left).toEqual([
      { page: 1, text: '身份证号 3405**********6725', kind: 'id_card' },
      { page: 2, text: '身份证号 3405**********6725', kind: 'id_card' },
    ]);
    // The report really describes the copy, and never shows the number itself.
    expect(squash(pdftotext(r.pdf, 1))).toContain(`答：身份证号${TID}`);
    expect(JSON.stringify(left)).not.toContain(TID);
  });

  it('an area mark without a quote: the ID number it took away is looked for as well', async () => {
    const r = await redactPdf(doc, [{ page: 1, rects: [await itemRect(doc, 1, `：${TID}`)], reason: 'personal' }]);
    expect(r.remainingOccurrences.map((o) => [o.page, o.kind])).toEqual([
      [1, 'id_card'],
      [2, 'id_card'],
    ]);
  });

  it('a phone number inside a marked sentence is reported where it is still written', async () => {
    const r = await redactPdf(doc, [{ page: 1, rects: [], locate: 'text', reason: 'personal', text: SENTENCE }]);
    expect(squash(pdftotext(r.pdf, 1))).not.toContain(SENTENCE);
    expect(r.remainingOccurrences).toEqual([
      { page: 1, text: '手机号 182****9595', kind: 'mobile' },
      { page: 2, text: '手机号 182****9595', kind: 'mobile' },
    ]);
  });

  it('full-width digits, spaces and dashes inside the number are still found (３４０５ 2119…)', async () => {
    const r = await redactPdf(wide, [
      { page: 1, rects: [], locate: 'text', reason: 'personal', text: `：${TID}` },
      { page: 1, rects: [], locate: 'text', reason: 'personal', text: SENTENCE },
    ]);
    // The rebuilt page’s text layer keeps the full-width digits (the leftover check reads that text).
    expect(squash(pdftotext(r.pdf, 1))).toContain('３４０５2119');
    expect(r.remainingOccurrences).toEqual([
      { page: 1, text: '身份证号 3405**********6725', kind: 'id_card' },
      { page: 1, text: '手机号 182****9595', kind: 'mobile' },
      { page: 2, text: '身份证号 3405**********6725', kind: 'id_card' },
    ]);
  });

  it('nothing is reported when every occurrence is marked', async () => {
    const r = await redactPdf(doc, [
      { page: 1, rects: [], locate: 'text', reason: 'personal', text: `：${TID}` },
      { page: 1, rects: [], locate: 'text', reason: 'personal', text: SENTENCE },
      { page: 1, rects: [], locate: 'text', reason: 'personal', text: `身份证号${TID}，电话${TEL}` },
      { page: 2, rects: [], locate: 'text', reason: 'personal', text: TID },
      { page: 2, rects: [], locate: 'text', reason: 'personal', text: TEL },
    ]);
    const text = (await pdfjsText(r.pdf)).map(squash).join('');
    expect(text).not.toContain(TID);
    expect(text).not.toContain(TEL);
    expect(r.remainingOccurrences).toEqual([]);
  });

  it('a unified social credit code in a marked line is public: no report where it is written again', async () => {
    const r = await redactPdf(doc, [{ page: 1, rects: [], locate: 'text', reason: 'trade_secret', text: `当事人统一社会信用代码：${CREDIT}` }]);
    expect(squash((await pdfjsText(r.pdf))[1]!)).toContain(CREDIT); // (poppler cannot read the unembedded font of a copied page)
    expect(r.remainingOccurrences).toEqual([]);
  });

  it('an identifier inside a whole quote already reported on a page is not repeated there', async () => {
    // The quote is the number itself: reported as quoted (as before), once per page.
    const r = await redactPdf(doc, [{ page: 2, rects: [], locate: 'text', reason: 'personal', text: TEL }]);
    expect(r.remainingOccurrences).toEqual([{ page: 1, text: TEL }]);
  });
});

describe('redactPdf — bad input gets a zh-CN error', () => {
  const expectError = async (p: Promise<unknown>, message: RegExp): Promise<void> => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(RedactionError);
    expect((err as Error).message).toMatch(message);
  };
  const mark = (page: number, rect: RedactionRect = { x: 100, y: 100, width: 50, height: 20 }): RedactionMark => ({ page, rects: [rect], reason: 'personal' });

  it('zero-byte file', async () => {
    await expectError(redactPdf(new Uint8Array(0), [mark(1)]), /^无法读取 PDF：文件为空/);
  });

  it('corrupt bytes and a truncated PDF', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await expectError(redactPdf(junk, [mark(1)]), /^无法读取 PDF：/);
    await expectError(redactPdf(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'), [mark(1)]), /^无法读取 PDF：/);
  });

  it('encrypted PDF: with a user password, and with an owner password only', async () => {
    await expectError(redactPdf(encryptedPdf('secret'), [mark(1)]), /^PDF 已加密，无法作公示处理$/);
    await expectError(redactPdf(encryptedPdf(''), [mark(1)]), /^PDF 已加密，无法作公示处理$/);
  });

  it('page out of range, invalid page number, region off the page, unknown reason', async () => {
    await expectError(redactPdf(record, [mark(3)]), /^第 3 页不存在（文档共 2 页）$/);
    await expectError(redactPdf(record, [mark(0)]), /^第 0 页不存在/);
    await expectError(redactPdf(record, [mark(1.5)]), /^标注的页码无效/);
    await expectError(redactPdf(record, [mark(1, { x: 900, y: 900, width: 10, height: 10 })]), /^第 1 页的标注区域不在页面范围内$/);
    await expectError(redactPdf(record, [mark(1, { x: Number.NaN, y: 0, width: 1, height: 1 })]), /^第 1 页的标注区域坐标无效$/);
    await expectError(redactPdf(record, [{ ...mark(1), reason: 'other' as 'personal' }]), /^第 1 页的标注理由无效/);
    await expectError(redactPdf(record, [mark(1)], { dpi: 5000 }), /^分辨率无效/);
  });
  it("locate: 'text' without a quote, with a quote not on the page, and an unknown locate", async () => {
    const byText = (text: string | undefined): RedactionMark => ({ page: 2, rects: [], locate: 'text', reason: 'personal', ...(text === undefined ? {} : { text }) });
    await expectError(redactPdf(record, [byText(undefined)]), /^第 2 页的标注须按原文定位，但没有至少两个字的原文$/);
    await expectError(redactPdf(record, [byText(' 号 ')]), /^第 2 页的标注须按原文定位/);
    await expectError(redactPdf(record, [byText(ID)]), new RegExp(`^第 2 页没有找到标注的原文「${ID}」$`));
    await expectError(redactPdf(record, [{ ...mark(1), locate: 'nearby' as 'text' }]), /^第 1 页的标注定位方式无效：nearby$/);
  });
});

/** STSong-Light, not embedded (predefined CMap UniGB-UCS2-H): what other software writes for Chinese. */
function songLight(doc: PDFDocument) {
  const ctx = doc.context;
  return ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: 'STSong-Light',
      Encoding: 'UniGB-UCS2-H',
      DescendantFonts: [
        ctx.obj({
          Type: 'Font',
          Subtype: 'CIDFontType0',
          BaseFont: 'STSong-Light',
          CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('GB1'), Supplement: 2 },
          FontDescriptor: ctx.obj({ Type: 'FontDescriptor', FontName: 'STSong-Light', Flags: 6, FontBBox: [-25, -254, 1000, 880], ItalicAngle: 0, Ascent: 880, Descent: -120, CapHeight: 880, StemV: 93 }),
        }),
      ],
    }),
  );
}

/** Text as UCS-2 hex for that font. */
const ucs = (s: string): string => Array.from(s, (c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
