// Renders a DocModel to an A4 PDF with the embedded (subset) Noto Serif SC font.
import { PDFDocument, rgb, setCharacterSpacing, type PDFFont, type PDFPage } from 'pdf-lib';
import { FONT_POSTSCRIPT_NAME, loadDemoFont, subsetTag, type DemoFont } from './font';
import { wrapParagraph } from './layout';
import { drawFingerprint, drawInk, drawSeal, SEAL_RADIUS } from './marks';
import type { Block, DocModel, DocStyle, SignatureItem } from './model';
import { drawGrid, drawTable } from './tables';

const A4 = { w: 595.28, h: 841.89 };
const MM = 72 / 25.4;
const BLACK = rgb(0.08, 0.08, 0.08);

export interface StyleMetrics {
  top: number;
  bottom: number;
  left: number;
  right: number;
  title: number;
  body: number;
  lead: number;
}

/** GB/T 9704 for official documents (3号 body, 2号 title); smaller type for forms and records. */
const STYLES: Record<DocStyle, StyleMetrics> = {
  official: { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM, title: 22, body: 16, lead: 28.9 },
  form: { top: 22 * MM, bottom: 22 * MM, left: 20 * MM, right: 20 * MM, title: 20, body: 11.5, lead: 18 },
  record: { top: 25 * MM, bottom: 28 * MM, left: 25 * MM, right: 22 * MM, title: 20, body: 13, lead: 22.5 },
};

/** Page cursor shared by the block renderers. */
export class PageWriter {
  page!: PDFPage;
  y = 0;
  /** Set when the closing block (agency + date + seal) had to start a page of its own. */
  orphanClosing = false;
  readonly pages: PDFPage[] = [];
  readonly width: number;

  constructor(
    readonly doc: PDFDocument,
    readonly font: PDFFont,
    readonly demo: DemoFont,
    readonly m: StyleMetrics,
    private readonly footerReserve: number,
  ) {
    this.width = A4.w - m.left - m.right;
    this.newPage();
  }

  get bottom(): number {
    return this.m.bottom + this.footerReserve;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.w, A4.h]);
    this.pages.push(this.page);
    this.y = A4.h - this.m.top;
  }

  /** Make room for h points, starting a new page if needed. */
  ensure(h: number): void {
    if (this.y - h < this.bottom) this.newPage();
  }

  measure = (size: number) => (s: string): number => this.demo.width(s, size);

  text(s: string, x: number, y: number, size: number, spacing = 0): void {
    if (!s) return;
    if (spacing) this.page.pushOperators(setCharacterSpacing(spacing));
    this.page.drawText(s, { x, y, size, font: this.font, color: BLACK });
    if (spacing) this.page.pushOperators(setCharacterSpacing(0));
  }

  /** Wrapped paragraph; full lines are justified with a small character spacing. */
  paragraph(text: string, size: number, lead: number, indentChars: number, x0 = this.m.left, width = this.width): void {
    const indent = indentChars * size;
    const lines = wrapParagraph(text, width, this.measure(size), width - indent);
    lines.forEach((line, i) => {
      this.ensure(lead);
      this.y -= lead;
      const x = x0 + (i === 0 ? indent : 0);
      const avail = width - (i === 0 ? indent : 0);
      const n = Array.from(line).length;
      const natural = this.demo.width(line, size);
      let spacing = 0;
      if (i < lines.length - 1 && n > 1 && natural < avail) spacing = Math.min((avail - natural) / (n - 1), size * 0.06);
      this.text(line, x, this.y + (lead - size) * 0.35, size, spacing);
    });
  }
}

function centerLine(w: PageWriter, text: string, size: number, lead: number, align: 'center' | 'right'): void {
  const lines = wrapParagraph(text, w.width, w.measure(size));
  for (const line of lines) {
    w.ensure(lead);
    w.y -= lead;
    const lw = w.demo.width(line, size);
    const x = align === 'center' ? w.m.left + (w.width - lw) / 2 : w.m.left + w.width - lw;
    w.text(line, x, w.y + (lead - size) * 0.35, size);
  }
}

/** Signature items on one line, continuing on the next line when the row is full. */
function signatures(w: PageWriter, items: SignatureItem[], y0: number, size: number): number {
  let x = w.m.left;
  let y = y0;
  for (const it of items) {
    const lw = w.demo.width(it.label, size);
    const nameW = Math.max(w.demo.width(it.name, size + 3), 4 * size);
    if (x + lw + nameW > w.m.left + w.width + 1 && x > w.m.left) {
      x = w.m.left;
      y -= size * 2;
    }
    w.text(it.label, x, y, size);
    x += lw + 2;
    if (it.name) drawInk(w.page, w.font, it.name, x, y - 1, size + 3);
    else w.page.drawLine({ start: { x, y: y - 3 }, end: { x: x + nameW, y: y - 3 }, thickness: 0.5, color: BLACK });
    if (it.print) drawFingerprint(w.page, x + nameW * 0.6, y + size * 0.3);
    x += nameW + 2 * size;
  }
  return y;
}

function closing(w: PageWriter, b: Extract<Block, { t: 'closing' }>): void {
  const lines = b.lines;
  const size = w.m.body;
  const lead = w.m.lead;
  const widest = Math.max(...lines.map((l) => w.demo.width(l, size)));
  const need = lines.length * lead + (b.seal ? SEAL_RADIUS : 0);
  w.ensure(need);
  if (w.pages.length > 1 && w.y >= A4.h - w.m.top - 0.5) w.orphanClosing = true;
  const right = w.m.left + w.width - 2 * size;
  const blockX = right - widest;
  const top = w.y;
  for (const line of lines) {
    w.y -= lead;
    const lw = w.demo.width(line, size);
    w.text(line, blockX + (widest - lw) / 2, w.y + (lead - size) * 0.35, size);
  }
  if (b.seal) drawSeal(w.page, w.demo, blockX + widest / 2, top - (lines.length * lead) / 2 - 4, b.seal);
}

function renderBlock(w: PageWriter, b: Block): void {
  const { body, lead } = w.m;
  switch (b.t) {
    case 'title':
      centerLine(w, b.text, b.size ?? w.m.title, (b.size ?? w.m.title) * 1.7, 'center');
      w.y -= lead * 0.3;
      return;
    case 'center':
      centerLine(w, b.text, b.size ?? body, Math.max(lead, (b.size ?? body) * 1.6), 'center');
      return;
    case 'right':
      centerLine(w, b.text, b.size ?? body, lead, 'right');
      return;
    case 'para':
      w.paragraph(b.text, b.size ?? body, b.size ? b.size * 1.75 : lead, b.indent === false ? 0 : 2);
      return;
    case 'qa':
      w.paragraph(`问：${b.q}`, body, lead, 0);
      w.paragraph(`答：${b.a}`, body, lead, 0);
      return;
    case 'grid':
      drawGrid(w, b.rows);
      return;
    case 'table':
      drawTable(w, b.head, b.rows, b.widths, b.size ?? body);
      return;
    case 'closing':
      closing(w, b);
      return;
    case 'signatures':
      w.ensure(lead * 2.8);
      w.y -= lead * 1.4;
      w.y = signatures(w, b.items, w.y, body) - lead * 0.3;
      return;
    case 'space':
      w.y -= b.h;
      return;
    case 'pagebreak':
      w.newPage();
      return;
  }
}

function blockText(b: Block): string {
  switch (b.t) {
    case 'qa':
      return b.q + b.a;
    case 'grid':
      return b.rows.flat().map((c) => c.text + (c.sign ? c.sign.name + c.sign.date : '')).join('');
    case 'table':
      return b.head.join('') + b.rows.flat().join('');
    case 'closing':
      return b.lines.join('');
    case 'signatures':
      return b.items.map((i) => i.label + i.name).join('');
    case 'space':
    case 'pagebreak':
      return '';
    default:
      return b.text;
  }
}

/**
 * Render a document. If the closing block (signature/seal) would stand alone on the last page,
 * the line spacing is tightened a little and the document laid out again (GB/T 9704 fits the
 * date and seal with the body by adjusting spacing rather than leaving a page with no text).
 */
export async function renderPdf(model: DocModel): Promise<Uint8Array> {
  for (let k = 0; ; k++) {
    const { doc, orphan } = await layout(model, 1 - 0.03 * k);
    if (!orphan || k === 3) return doc.save({ useObjectStreams: true });
  }
}

function checkGlyphs(demo: DemoFont, content: string, title: string): void {
  const missing = new Set<string>();
  for (const ch of content) if (ch.trim() && !demo.hasGlyph(ch.codePointAt(0)!)) missing.add(ch);
  if (missing.size) throw new Error(`字体缺少字形：${[...missing].join('')}（${title}）`);
}

async function layout(model: DocModel, tighten: number): Promise<{ doc: PDFDocument; orphan: boolean }> {
  const demo = loadDemoFont();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(demo.fontkit as Parameters<PDFDocument['registerFontkit']>[0]);
  const content = model.blocks.map(blockText).join('\n') + (model.pageSignatures ?? []).map((s) => s.label + s.name).join('');
  checkGlyphs(demo, content, model.title);
  const font = await doc.embedFont(demo.bytes, { subset: true, customName: `${subsetTag(content)}+${FONT_POSTSCRIPT_NAME}` });
  const base = STYLES[model.style];
  const m = { ...base, lead: base.lead * tighten };
  const footerReserve = model.pageSignatures ? m.lead * 2 : 0;
  const w = new PageWriter(doc, font, demo, m, footerReserve);
  for (const b of model.blocks) renderBlock(w, b);

  const total = w.pages.length;
  w.pages.forEach((page, i) => {
    w.page = page;
    if (model.pageSignatures) signatures(w, model.pageSignatures, m.bottom + m.lead * 0.9, Math.min(m.body, 12));
    const label = model.style === 'official' ? `— ${i + 1} —` : `第 ${i + 1} 页  共 ${total} 页`;
    const size = model.style === 'official' ? 14 : 10.5;
    const lw = demo.width(label, size);
    w.text(label, (A4.w - lw) / 2, m.bottom * 0.55, size);
  });

  const when = new Date(`${model.date}T09:00:00+08:00`);
  doc.setTitle(model.title);
  doc.setAuthor(model.author);
  if (model.subject) doc.setSubject(model.subject);
  if (model.keywords) doc.setKeywords(model.keywords);
  doc.setCreator('法审工作台 演示数据生成器');
  doc.setProducer('Fashen demo generator (pdf-lib)');
  doc.setLanguage('zh-CN');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return { doc, orphan: w.orphanClosing };
}
