// Redaction for publication (公示): a copy of a PDF in which marked regions are truly removed.
//
// How removal is guaranteed
// - A page WITHOUT marks is copied unchanged (pdf-lib copyPages: same content streams/resources).
// - A page WITH marks is rendered by pdf.js to a bitmap, the marks are filled solid black on the
//   bitmap, and the page is rebuilt from scratch: one image (the bitmap) plus an invisible text
//   layer. None of the original page's content streams, fonts, XObjects, annotations or marked-
//   content properties (/ActualText …) are carried over, so nothing under a mark can survive.
// - The invisible text layer (render mode 3, our embedded subset CJK font) re-adds only the
//   characters of pdf.js text items that no mark covers — see geometry.ts `removedChars` for the
//   rule (per-character split for horizontal text, whole item for rotated/vertical text) — so the
//   copy stays searchable. `searchable: false` leaves the layer out entirely.
// - The copy is a new document: only the pages are taken from the original. Document info
//   (Title, Author, Subject, Keywords, Creator, Producer, dates), XMP metadata, outlines
//   (bookmarks), attachments, forms, JavaScript and the structure tree are not carried over.
// - The original bytes are never written to (pdf.js gets a copy).
//
// Coordinates of marks (`origin`)
// - 'bottom-left' (default): PDF user space of the page — the space of the page's content stream
//   and of pdf.js `getTextContent()` item transforms: points, y up, page /Rotate NOT applied. For
//   an unrotated page whose MediaBox starts at (0, 0) (all our PDFs, nearly all others) this is
//   "pdf.js viewport at scale 1 with y flipped": x from the left edge, y from the bottom edge.
// - 'top-left': CSS pixels of the pdf.js viewport at scale 1 with the page's rotation applied,
//   origin top-left, y down — exactly what the viewer's text layer at scale 1 uses. Converted
//   with pdf.js `viewport.convertToPdfPoint`, so rotated pages and offset MediaBoxes are handled.
import { degrees, drawObject, concatTransformationMatrix, popGraphicsState, pushGraphicsState, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { FONT_POSTSCRIPT_NAME, loadDemoFont, subsetTag } from '../demo/pdf/font';
import { intersect, normBox, removedChars, removedInkBoxes, stretchBox, topLeftToUserBox, type Box } from './redaction/geometry';
import { openWithPdfjs, RedactionError } from './redaction/pdfjs-node';
import { rangeBoxes, readPageText, type PageText } from './redaction/range-boxes';
import { embedBitmap, renderRedacted } from './redaction/raster';
import { markedTextSpans } from '../../shared/privacy/mask';
import { invisibleTextOperators, runsOf, type TextRun } from './redaction/text-layer';
import { foldForIdentifiers, identifiersIn, identifierText, type IdentifierKind } from './redaction/leftover-ids';
import { normalizeText } from '../../shared/text/fold';

export { RedactionError } from './redaction/pdfjs-node';

export interface RedactionRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type RedactionReason = 'personal' | 'trade_secret';

export interface RedactionMark {
  /** 1-based page number. */
  page: number;
  /** Regions to remove, in the coordinates given by `origin` (see the header of this file). */
  rects: RedactionRect[];
  /** 'bottom-left' (default): PDF user space, y up. 'top-left': pdf.js viewport at scale 1, y down. */
  origin?: 'bottom-left' | 'top-left';
  reason: RedactionReason;
  /** The quoted text run (for the log; also anchors the per-character split and the leftover check). */
  text?: string;
  /**
   * 'text': remove every occurrence of `text` on `page` wherever it is drawn (case, width and
   * whitespace ignored, as the shared screen matches marked text); `rects` are not used. For a
   * mark made on an earlier version of the file, whose rectangles no longer fit. Default 'rects'.
   */
  locate?: 'rects' | 'text';
}

export interface RedactionResult {
  pdf: Uint8Array;
  /** 1-based numbers of the pages replaced by an image + invisible text layer. */
  pagesRasterized: number[];
  /** pdf.js text items that lost some or all of their characters. */
  removedTextItems: number;
  /**
   * What the marks removed that still occurs in the copy's text, once per page: the same personal
   * data appears somewhere that was not marked. Empty = none found. See `Leftover`.
   */
  remainingOccurrences: Leftover[];
}

export interface Leftover {
  /** 1-based page number in the copy. */
  page: number;
  /**
   * A quoted mark text (`mark.text`) or a piece an area mark took, as written (case, width and
   * whitespace ignored in the search); or, with `kind`, a personal identifier found inside such a
   * text, as its kind and masked number: "身份证号 3405**********6725", "手机号 182****9595".
   */
  text: string;
  /** Set for an identifier: which kind (身份证号 id_card, 手机号 mobile, 固定电话 landline, 银行卡号 bank_card). */
  kind?: IdentifierKind;
}

export interface RedactionOptions {
  /** Resolution of rasterised pages (default 150, 72–600). */
  dpi?: number;
  /** Footer printed on every rasterised page, e.g. '已作公示处理'. */
  label?: string;
  /** Re-add the invisible text layer on rasterised pages (default true). */
  searchable?: boolean;
}

interface PageMarks {
  boxes: Box[];
  text?: string;
}

const REASONS: ReadonlySet<string> = new Set(['personal', 'trade_secret']);

export async function redactPdf(original: Uint8Array, marks: RedactionMark[], opts: RedactionOptions = {}): Promise<RedactionResult> {
  const dpi = opts.dpi ?? 150;
  if (!Number.isFinite(dpi) || dpi < 72 || dpi > 600) throw new RedactionError(`分辨率无效：${dpi}（应为 72–600 dpi）`);
  if (!(original instanceof Uint8Array) || original.length === 0) throw new RedactionError('无法读取 PDF：文件为空（0 字节）');
  if (!Array.isArray(marks)) throw new RedactionError('标注列表无效');
  const label = opts.label?.trim() ?? '';
  if (label) {
    const demo = loadDemoFont();
    const missing = Array.from(label).filter((ch) => ch.trim() && !demo.hasGlyph(ch.codePointAt(0)!));
    if (missing.length) throw new RedactionError(`页脚文字含字体不支持的字符：${missing.join('')}`);
  }

  let src: PDFDocument;
  try {
    src = await PDFDocument.load(original, { ignoreEncryption: true, updateMetadata: false });
  } catch (err) {
    throw new RedactionError(`无法读取 PDF：文件不是有效的 PDF 或已损坏（${err instanceof Error ? err.message : String(err)}）`);
  }
  if (src.isEncrypted) throw new RedactionError('PDF 已加密，无法作公示处理');

  const { doc: js, close } = await openWithPdfjs(original);
  try {
    const count = js.numPages;
    if (src.getPageCount() !== count) throw new RedactionError(`无法读取 PDF：页面结构无法识别（${src.getPageCount()} / ${count} 页）`);
    // A page's text is read once: to find quoted marks and to rebuild the page, with one geometry.
    const texts = new Map<number, Promise<PageText>>();
    const textOf = (page: PDFPageProxy): Promise<PageText> => {
      const n = page.pageNumber;
      if (!texts.has(n)) texts.set(n, readPageText(page));
      return texts.get(n)!;
    };
    const byPage = await collectMarks(js, marks, textOf);
    return await build(src, js, byPage, dpi, opts, textOf);
  } finally {
    await close();
  }
}

async function collectMarks(js: PDFDocumentProxy, marks: RedactionMark[], textOf: (page: PDFPageProxy) => Promise<PageText>): Promise<Map<number, PageMarks[]>> {
  const byPage = new Map<number, PageMarks[]>();
  for (const m of marks) {
    const n = m?.page;
    if (!Number.isInteger(n)) throw new RedactionError(`标注的页码无效：${String(n)}`);
    if (n < 1 || n > js.numPages) throw new RedactionError(`第 ${n} 页不存在（文档共 ${js.numPages} 页）`);
    if (!REASONS.has(m.reason)) throw new RedactionError(`第 ${n} 页的标注理由无效：${String(m.reason)}（应为个人信息或商业秘密）`);
    if (m.origin !== undefined && m.origin !== 'bottom-left' && m.origin !== 'top-left') throw new RedactionError(`第 ${n} 页的标注坐标系无效：${String(m.origin)}`);
    if (m.locate !== undefined && m.locate !== 'rects' && m.locate !== 'text') throw new RedactionError(`第 ${n} 页的标注定位方式无效：${String(m.locate)}`);
    const page = await js.getPage(n);
    const boxes = m.locate === 'text' ? quoteBoxes(await textOf(page), n, m.text) : rectBoxes(page, n, m);
    const list = byPage.get(n) ?? [];
    list.push({ boxes, ...(m.text ? { text: m.text } : {}) });
    byPage.set(n, list);
  }
  return byPage;
}

/** The mark's rectangles in user space, clipped to the page. */
function rectBoxes(page: PDFPageProxy, n: number, m: RedactionMark): Box[] {
  if (!Array.isArray(m.rects) || m.rects.length === 0) throw new RedactionError(`第 ${n} 页的标注没有区域`);
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
  const view: Box = { x0: vx0, y0: vy0, x1: vx1, y1: vy1 };
  const vp = page.getViewport({ scale: 1 });
  const boxes: Box[] = [];
  for (const r of m.rects) {
    const vals = [r?.x, r?.y, r?.width, r?.height];
    if (!vals.every((v) => typeof v === 'number' && Number.isFinite(v))) throw new RedactionError(`第 ${n} 页的标注区域坐标无效`);
    if (r.width === 0 || r.height === 0) continue;
    const box = m.origin === 'top-left' ? topLeftToUserBox(vp, r.x, r.y, r.width, r.height) : normBox(r.x, r.y, r.width, r.height);
    const onPage = intersect(box, view);
    if (!onPage) throw new RedactionError(`第 ${n} 页的标注区域不在页面范围内`);
    boxes.push(onPage);
  }
  if (!boxes.length) throw new RedactionError(`第 ${n} 页的标注区域面积为零`);
  return boxes;
}

/** The glyph boxes of every occurrence of the quoted text on the page. */
function quoteBoxes(page: PageText, n: number, text: string | undefined): Box[] {
  const quote = typeof text === 'string' ? text.replace(/\s+/g, '') : '';
  if (Array.from(quote).length < 2) throw new RedactionError(`第 ${n} 页的标注须按原文定位，但没有至少两个字的原文`);
  const { boxes } = rangeBoxes(page, (t) => markedTextSpans(t, [quote]));
  if (!boxes.length) throw new RedactionError(`第 ${n} 页没有找到标注的原文「${quote.slice(0, 40)}」`);
  return boxes;
}

interface RebuiltPage {
  number: number;
  page: PDFPage;
  js: PDFPageProxy;
  runs: TextRun[];
}

async function build(
  src: PDFDocument,
  js: PDFDocumentProxy,
  byPage: Map<number, PageMarks[]>,
  dpi: number,
  opts: RedactionOptions,
  textOf: (page: PDFPageProxy) => Promise<PageText>,
): Promise<RedactionResult> {
  const demo = loadDemoFont();
  const out = await PDFDocument.create({ updateMetadata: false });
  out.registerFontkit(demo.fontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  out.setCreator('法审工作台（公示处理）');
  out.setProducer('法审工作台');

  const count = js.numPages;
  const unmarked = Array.from({ length: count }, (_, i) => i).filter((i) => !byPage.has(i + 1));
  const copied = await out.copyPages(src, unmarked);
  const rebuilt: RebuiltPage[] = [];
  let removedTextItems = 0;
  const removedText: string[] = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    const pageMarks = byPage.get(i + 1);
    if (!pageMarks) {
      out.addPage(copied[k++]!);
      continue;
    }
    const jsPage = await js.getPage(i + 1);
    const kept = keptText(await textOf(jsPage), jsPage.view, pageMarks, (cp) => demo.hasGlyph(cp));
    removedTextItems += kept.removed;
    removedText.push(...kept.removedText);
    const bmp = await renderRedacted(jsPage, dpi, [...pageMarks.flatMap((m) => m.boxes), ...kept.paint]);
    const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = jsPage.view;
    const page = out.addPage([vx1 - vx0, vy1 - vy0]);
    page.setMediaBox(vx0, vy0, vx1 - vx0, vy1 - vy0);
    if (jsPage.rotate) page.setRotation(degrees(jsPage.rotate));
    const img = page.node.newXObject('Im', embedBitmap(out, bmp));
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(bmp.userWidth, 0, 0, bmp.userHeight, vx0, vy1 - bmp.userHeight), drawObject(img), popGraphicsState());
    rebuilt.push({ number: i + 1, page, js: jsPage, runs: opts.searchable === false ? [] : kept.runs });
  }

  const label = opts.label?.trim() ?? '';
  const content = rebuilt.flatMap((r) => r.runs.map((x) => x.text)).join('') + (rebuilt.length ? label : '');
  if (content) {
    const font = await out.embedFont(demo.bytes, { subset: true, customName: `${subsetTag(content)}+${FONT_POSTSCRIPT_NAME}` });
    for (const r of rebuilt) {
      r.page.pushOperators(...invisibleTextOperators(r.page, font, r.runs));
      if (label) drawLabel(r.page, r.js, font, label);
    }
  }

  const remainingOccurrences = await leftovers(js, byPage, rebuilt, removedText);
  const pdf = await out.save({ useObjectStreams: true });
  return { pdf, pagesRasterized: rebuilt.map((r) => r.number), removedTextItems, remainingOccurrences };
}

/**
 * Text items of a page minus what the marks cover: runs for the invisible layer, the number of
 * items touched, and the glyph boxes of removed characters (painted black as well).
 */
function keptText(page: PageText, pageView: number[], marks: PageMarks[], hasGlyph: (cp: number) => boolean): { runs: TextRun[]; removed: number; paint: Box[]; removedText: string[] } {
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = pageView;
  const view: Box = { x0: vx0, y0: vy0, x1: vx1, y1: vy1 };
  const runs: TextRun[] = [];
  const paint: Box[] = [];
  const removedText: string[] = [];
  let removed = 0;
  for (const { item } of page.items) {
    if (!item.str.trim()) continue;
    const g = page.geometry(item);
    if (!intersect(stretchBox(g), view)) continue; // outside the visible page: not carried over
    const gone = removedChars(g, marks);
    if (gone.some((r, i) => r && g.chars[i]!.ch.trim())) {
      removed++;
      paint.push(...removedInkBoxes(g, gone));
      // What an area mark took away, to look for elsewhere in the copy (a text mark has its quote).
      let piece = '';
      g.chars.forEach((c, i) => {
        if (gone[i]) piece += c.ch;
        else if (piece) (removedText.push(piece), (piece = ''));
      });
      if (piece) removedText.push(piece);
    }
    runs.push(...runsOf(g, item.transform, gone, hasGlyph));
  }
  return { runs, removed, paint, removedText };
}

/** The footer at the bottom right of the page as displayed (page rotation respected). */
function drawLabel(page: PDFPage, js: PDFPageProxy, font: PDFFont, label: string): void {
  const size = 9;
  const vp = js.getViewport({ scale: 1 });
  const w = font.widthOfTextAtSize(label, size);
  const margin = 14;
  const [x = 0, y = 0] = vp.convertToPdfPoint(vp.width - margin - w, vp.height - margin * 0.7);
  page.drawText(label, { x, y, size, font, color: rgb(0.35, 0.35, 0.35), rotate: degrees(js.rotate) });
}

const squash = (s: string): string => s.replace(/\s+/g, '');

/**
 * What is still in the copy of what the marks removed (rebuilt pages: kept runs; other pages:
 * original text), each once per page: the whole quoted text (as the reviewer quoted it), then
 * each personal identifier inside a removed text on its own, by kind and masked (a quote that
 * holds more than the number, "：<身份证号>" or a sentence, never matches the number written
 * elsewhere). An identifier inside a whole quote already reported for that page is not repeated.
 */
async function leftovers(js: PDFDocumentProxy, byPage: Map<number, PageMarks[]>, rebuilt: RebuiltPage[], removedText: readonly string[]): Promise<Leftover[]> {
  const texts = [...byPage.values()].flat().map((m) => m.text ?? '');
  const marked = texts.map(squash);
  // A removed piece inside a marked quote adds nothing; one an area mark took is looked for too.
  const taken = removedText.map(squash).filter((t) => !marked.some((q) => q.includes(t)));
  const quotes = [...new Set([...marked, ...taken])].filter((q) => [...q].length >= 2);
  // Pieces joined by line breaks: a number split over two text items is still one number.
  const ids = identifiersIn([...texts, removedText.join('\n')]);
  if (!quotes.length && !ids.length) return [];
  // One entry per folded form: a text mark removes case/width variants of its quote, which come back as pieces.
  const byFold = new Map<string, string>();
  for (const q of quotes) if (!byFold.has(normalizeText(q))) byFold.set(normalizeText(q), q);
  const folded = [...byFold].map(([f, q]) => ({ q, f }));
  const found: Leftover[] = [];
  const rebuiltItems = new Map(rebuilt.map((r) => [r.number, r.runs.map((x) => x.text)]));
  for (let n = 1; n <= js.numPages; n++) {
    let items = rebuiltItems.get(n);
    if (items === undefined) items = (await (await js.getPage(n)).getTextContent()).items.map((it) => ('str' in it ? it.str : ''));
    // Case, width and whitespace ignored, as marked text is matched (markedTextSpans) and searched.
    const text = normalizeText(items.join(''));
    const hits = folded.filter(({ f }) => f && text.includes(f));
    for (const { q } of hits) found.push({ page: n, text: q });
    // Items on their own lines: two neighbouring numbers do not run together into one.
    const lines = foldForIdentifiers(items.join('\n'));
    for (const id of ids) {
      if (!id.pattern.test(lines) || hits.some(({ q }) => id.pattern.test(foldForIdentifiers(q)))) continue;
      found.push({ page: n, text: identifierText(id), kind: id.kind });
    }
  }
  return found;
}
