// The document as PDF: A4, GB/T 9704 geometry, Noto Serif SC embedded as two subset fonts
// (Regular for the body, Bold for the 小标宋-style title and the headings) and, only for the
// characters they lack (生僻字), the fallback face HanaMinB (faces.ts); selectable and
// searchable text, page numbers "— 1 —" on the outside edge, an identification line on every page.
//
// renderOpinionPdf returns the *unsaved* pdf-lib document: the signing code adds its signature
// placeholder (in the clear rectangle signatureRect() reports) and saves.
import { PDFDocument, rgb, setCharacterSpacing, type PDFFont, type PDFPage } from 'pdf-lib';
import { ApiFailure } from '../../../shared/api/result';
import { BOLD_FONT_POSTSCRIPT_NAME, FONT_POSTSCRIPT_NAME, sharedFontkit, subsetTag } from '../../demo/pdf/font';
import { blockText, type DocBlock, type DocModel } from './blocks';
import { FALLBACK_FONT_POSTSCRIPT_NAME, faceFor, faceRuns, loadDocumentFaces, missingGlyphs, showChars, type Face, type Faces, type RunFace } from './faces';
import { FOOTNOTE_BASELINE_MM, FOOTNOTE_SIZE_PT, mm, PAGE, PAGE_NUMBER_GAP_MM, PAGE_NUMBER_SIZE_PT } from './layout';
import { blocksToLines, paginate, type Line } from './pdf-lines';
import { assertRenderable, contentProblems } from './printable';
import type { OpinionContent } from '../../../shared/opinion/content';
import { opinionDocument } from './sections';

export interface SignatureRect {
  /** 0-based page index (doc.getPages()[page]). */
  page: number;
  /** Lower-left corner and size in PDF points. */
  x: number;
  y: number;
  width: number;
  height: number;
}

const rects = new WeakMap<PDFDocument, SignatureRect>();
const INK = rgb(0, 0, 0);
const GREY = rgb(0.4, 0.4, 0.4);

/** Where the visible signature goes: the clear rectangle above the reviewer's name on the last page. */
export function signatureRect(doc: PDFDocument): SignatureRect {
  const r = rects.get(doc);
  if (!r) throw new Error('该 PDF 不是由 renderOpinionPdf 生成的，没有预留签名区');
  return { ...r };
}

export { loadDocumentFaces };

const BLOCK_PLACE: Partial<Record<DocBlock['kind'], string>> = { masthead: '发文机关', title: '标题', docNumber: '文号', addressee: '主送机关', attachments: '附件', signature: '署名' };
const blockFace = (b: DocBlock): Face => (b.kind === 'masthead' || b.kind === 'title' || b.kind === 'heading' ? 'bold' : 'regular');

/**
 * Any document model: characters no face has are refused before anything is drawn, named by the
 * block they are in (a kv label, or the heading of the section a paragraph belongs to) — as an
 * ApiFailure, so the reviewer sees the reason rather than the generic 操作失败.
 */
function checkGlyphs(model: DocModel, faces: Faces): void {
  const lines: string[] = [];
  let section = '';
  for (const b of model.blocks) {
    if (b.kind === 'heading') section = b.text;
    const missing = missingGlyphs(faces, blockFace(b), blockText(b));
    if (!missing.length) continue;
    const where = b.kind === 'kv' ? b.label : (BLOCK_PLACE[b.kind] ?? (section ? `“${section}”部分` : '正文'));
    lines.push(`${where}中有文书字体无法排印的字符：${showChars(missing)}`);
  }
  const foot = missingGlyphs(faces, 'regular', model.footnote);
  if (foot.length) lines.push(`页脚识别码中有文书字体无法排印的字符：${showChars(foot)}`);
  if (lines.length) throw new ApiFailure({ code: 'conflict', message: `${lines[0]}，无法生成 PDF`, ...(lines.length > 1 ? { details: lines } : {}) });
}

/** Baseline for text of `size` centred (by its ideographic em box) in a line cell. */
const baseline = (top: number, h: number, size: number): number => top - h / 2 - 0.38 * size;

/**
 * One line, in runs by face: characters the document face lacks are drawn in the fallback face at
 * the x the grid gives them. Tc (tracking) is text state, so it holds across the runs.
 */
function drawLine(page: PDFPage, fonts: Record<RunFace, PDFFont | null>, faces: Faces, l: Line, top: number): void {
  const t = l.text;
  if (!t?.s) return;
  if (t.tracking) page.pushOperators(setCharacterSpacing(t.tracking));
  let x = PAGE.left + t.x;
  const y = baseline(top, l.h, t.size);
  for (const run of faceRuns(faces, t.face, t.s)) {
    const font = fonts[run.face] ?? fonts[t.face]!;
    page.drawText(run.s, { x, y, size: t.size, font, color: INK });
    const face = run.face === 'fallback' ? faces.fallback() : faces[run.face];
    x += face.width(run.s, t.size) + t.tracking * Array.from(run.s).length;
  }
  if (t.tracking) page.pushOperators(setCharacterSpacing(0));
}

/**
 * "— 3 —", 4号, 7 mm under the type area; odd pages right and even pages left, one character in.
 * Half a character between the dashes and the number (the .docx's 宋体 space), each part placed
 * apart: one run with the font's narrow spaces read as "—3—" in copied text but "— 15 —".
 */
function drawPageNumber(page: PDFPage, font: PDFFont, faces: Faces, n: number): void {
  const size = PAGE_NUMBER_SIZE_PT;
  const gap = size / 2;
  const num = String(n);
  const dash = faces.regular.width('—', size);
  const digits = faces.regular.width(num, size);
  const w = dash + gap + digits + gap + dash;
  const x = n % 2 === 1 ? PAGE.right - size - w : PAGE.left + size;
  // The dashes sit ~0.35 em above the baseline: their top is 7 mm below the type area.
  const y = PAGE.bottom - mm(PAGE_NUMBER_GAP_MM) - 0.4 * size;
  for (const [text, at] of [['—', x], [num, x + dash + gap], ['—', x + dash + gap + digits + gap]] as const) page.drawText(text, { x: at, y, size, font, color: INK });
}

function drawFootnote(page: PDFPage, font: PDFFont, faces: Faces, text: string): void {
  const w = faces.regular.width(text, FOOTNOTE_SIZE_PT);
  page.drawText(text, { x: (PAGE.width - w) / 2, y: mm(FOOTNOTE_BASELINE_MM), size: FOOTNOTE_SIZE_PT, font, color: GREY });
}

/** Render any document model (opinion, meeting minutes …) to an unsaved PDFDocument. */
export async function renderDocumentPdf(model: DocModel, opts: { date?: Date } = {}): Promise<{ doc: PDFDocument; signature: SignatureRect | null }> {
  const faces = loadDocumentFaces();
  checkGlyphs(model, faces);
  const lines = blocksToLines(model.blocks, faces);
  const pages = paginate(lines);

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(sharedFontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  const all = model.blocks.map(blockText).join('\n') + model.footnote;
  // The fallback face is embedded only when some character needs it.
  const usesFallback = lines.some((l) => l.text && Array.from(l.text.s).some((ch) => faceFor(faces, l.text!.face, ch.codePointAt(0)!) === 'fallback'));
  const fonts: Record<RunFace, PDFFont | null> = {
    regular: await doc.embedFont(faces.regular.bytes, { subset: true, customName: `${subsetTag(all)}+${FONT_POSTSCRIPT_NAME}` }),
    bold: await doc.embedFont(faces.bold.bytes, { subset: true, customName: `${subsetTag(`${all}\u0000bold`)}+${BOLD_FONT_POSTSCRIPT_NAME}` }),
    fallback: usesFallback ? await doc.embedFont(faces.fallback().bytes, { subset: true, customName: `${subsetTag(`${all}\u0000fallback`)}+${FALLBACK_FONT_POSTSCRIPT_NAME}` }) : null,
  };

  let signature: SignatureRect | null = null;
  pages.forEach((pageLines, i) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    let top = PAGE.top;
    for (const l of pageLines) {
      if (l.box) signature = { page: i, x: PAGE.left + l.box.x, y: top - l.h, width: l.box.width, height: l.h };
      drawLine(page, fonts, faces, l, top);
      top -= l.h;
    }
    drawPageNumber(page, fonts.regular!, faces, i + 1);
    if (model.footnote) drawFootnote(page, fonts.regular!, faces, model.footnote);
  });

  doc.setTitle(model.meta.title, { showInWindowTitleBar: true });
  doc.setSubject(model.meta.subject);
  doc.setAuthor(model.meta.author);
  doc.setKeywords(model.meta.keywords);
  doc.setCreator('法审工作台 Fashen');
  doc.setProducer('Fashen (pdf-lib)');
  doc.setLanguage('zh-CN');
  if (opts.date) {
    doc.setCreationDate(opts.date);
    doc.setModificationDate(opts.date);
  }
  return { doc, signature };
}

export async function renderOpinionPdf(content: OpinionContent, opts: { contentHash?: string } = {}): Promise<PDFDocument> {
  // Named by the content's own fields (当事人名称, 审核意见 …) and who can change them.
  assertRenderable(contentProblems(content));
  const model = opinionDocument(content, opts);
  const signedAt = new Date(content.signedAt);
  const { doc, signature } = await renderDocumentPdf(model, Number.isNaN(signedAt.getTime()) ? {} : { date: signedAt });
  if (!signature) throw new Error('意见书缺少签名区');
  rects.set(doc, signature);
  return doc;
}

/** Rendered and saved (preview, unsigned copies). Saved without object streams, so that an
 * incremental signature update later keeps this revision readable by every verifier. */
export async function renderOpinionPdfBytes(content: OpinionContent, opts: { contentHash?: string } = {}): Promise<Uint8Array> {
  const doc = await renderOpinionPdf(content, opts);
  return doc.save({ useObjectStreams: false });
}
