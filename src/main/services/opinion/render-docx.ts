// The document as .docx (the `docx` package) for the agency's own editing: A4 with the GB/T 9704
// margins, a 22 × 28 linesAndChars document grid, font names as Chinese agencies' Word templates
// use them (仿宋_GB2312 body, 方正小标宋简体 title, 黑体 / 楷体_GB2312 headings) with the fallbacks
// Windows has (FangSong, SimHei, KaiTi, SimSun) in the font table, page numbers "— 1 —" on the
// outside edge, and the identification line in the footer. Styles carry the formatting, so an
// edited document stays consistent. 生僻字 of CJK Extension B+ (none of these fonts has them) are
// set in runs of their own in HanaMinB — the PDF's fallback face — with SimSun-ExtB, which
// Windows ships, as its alternative.
import { AlignmentType, Document, DocumentGridType, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun, type IParagraphOptions, type IParagraphStyleOptions } from 'docx';
import { attachmentLines, signerLine, type DocBlock, type DocModel } from './blocks';
import { FALLBACK_FONT_POSTSCRIPT_NAME, isSupplementaryIdeograph } from './faces';
import { BODY_SIZE_PT, CHAR_PITCH_PT, CHARS_PER_LINE, DOCX, FOOTNOTE_SIZE_PT, PAGE_NUMBER_SIZE_PT, SIGNATURE_BOX, TITLE_SIZE_PT, TWIPS_PER_PT } from './layout';
import type { OpinionContent } from '../../../shared/opinion/content';
import { opinionDocument } from './sections';

/** Font names (w:eastAsia is what Word uses for Chinese text) and their Windows fallbacks. */
export const DOCX_FONTS = {
  body: { name: '仿宋_GB2312', fallback: 'FangSong' },
  title: { name: '方正小标宋简体', fallback: 'SimSun' },
  heading1: { name: '黑体', fallback: 'SimHei' },
  heading2: { name: '楷体_GB2312', fallback: 'KaiTi' },
  pageNumber: { name: '宋体', fallback: 'SimSun' },
  extB: { name: FALLBACK_FONT_POSTSCRIPT_NAME, fallback: 'SimSun-ExtB' },
} as const;

const font = (f: { name: string }) => ({ ascii: f.name, hAnsi: f.name, eastAsia: f.name, cs: f.name, hint: 'eastAsia' });
const halfPoints = (pt: number): number => Math.round(pt * 2);
/** The pitch characters are actually set at in the .docx (see NORMAL_STYLE_XML), in twips. */
const CHAR_TWIPS = BODY_SIZE_PT * TWIPS_PER_PT + Math.floor((CHAR_PITCH_PT - BODY_SIZE_PT) * TWIPS_PER_PT);
const exact = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
/** Title lines take 1.5 grid lines, rounded down: one twip too many pushes the 22nd line off page 1. */
const TITLE_LINE = Math.floor(DOCX.linePitch * 1.5);

/**
 * Normal, written as XML because it needs a paragraph-level w:snapToGrid the docx package can't
 * express. The section keeps the agencies' 22 × 28 linesAndChars grid (Page Setup shows it as in
 * their templates), but the text itself is set off the character grid with −0.25 pt character
 * spacing (16 pt ideographs at a 15.75 pt pitch: 28 to a 156 mm line). Reason: Word compresses
 * characters onto a grid cell narrower than the font (15.79 pt < 16 pt), but LibreOffice (7.x)
 * puts each such character into two cells — 14 characters a line. Set this way both show 28.
 * w:overflowPunct is written out as on (Word's default, as the PDF hangs ，。): without it
 * LibreOffice 7.x, under a linesAndChars grid, drops a line-final "，" from the page and its
 * text. No extra space between Chinese and digits (autoSpaceDE/DN off) — as in the PDF.
 */
const TRACKING_TWENTIETHS = Math.floor((CHAR_PITCH_PT - BODY_SIZE_PT) * TWIPS_PER_PT); // −5
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const rFonts = (f: { name: string }): string => `<w:rFonts w:ascii="${f.name}" w:hAnsi="${f.name}" w:eastAsia="${f.name}" w:cs="${f.name}" w:hint="eastAsia"/>`;
const NORMAL_STYLE_XML =
  `<w:styles xmlns:w="${W_NS}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
  `<w:pPr><w:overflowPunct w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${DOCX.linePitch}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>` +
  `<w:rPr>${rFonts(DOCX_FONTS.body)}<w:spacing w:val="${TRACKING_TWENTIETHS}"/><w:sz w:val="${halfPoints(BODY_SIZE_PT)}"/><w:szCs w:val="${halfPoints(BODY_SIZE_PT)}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:style></w:styles>`;

const STYLES: IParagraphStyleOptions[] = [
  { id: 'GwBody', name: '公文正文', basedOn: 'Normal', quickFormat: true, paragraph: { indent: { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 } } },
  {
    id: 'GwMasthead',
    name: '发文机关标志',
    basedOn: 'Normal',
    next: 'GwBody',
    run: { font: font(DOCX_FONTS.title), size: halfPoints(TITLE_SIZE_PT), characterSpacing: 0 },
    paragraph: { alignment: AlignmentType.CENTER, spacing: exact(TITLE_LINE), keepNext: true },
  },
  {
    id: 'GwTitle',
    name: '公文标题',
    basedOn: 'GwMasthead',
    next: 'GwBody',
    quickFormat: true,
    run: { font: font(DOCX_FONTS.title), size: halfPoints(TITLE_SIZE_PT), characterSpacing: 0 },
    paragraph: { alignment: AlignmentType.CENTER, spacing: exact(TITLE_LINE), keepNext: true },
  },
  { id: 'GwDocNumber', name: '发文字号', basedOn: 'Normal', next: 'GwBody', paragraph: { alignment: AlignmentType.RIGHT, keepNext: true } },
  {
    id: 'GwHeading1',
    name: '一级标题',
    basedOn: 'GwBody',
    next: 'GwBody',
    quickFormat: true,
    run: { font: font(DOCX_FONTS.heading1) },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 0 },
  },
  {
    id: 'GwHeading2',
    name: '二级标题',
    basedOn: 'GwBody',
    next: 'GwBody',
    quickFormat: true,
    run: { font: font(DOCX_FONTS.heading2) },
    paragraph: { keepNext: true, keepLines: true, outlineLevel: 1 },
  },
  {
    id: 'GwPageNumber',
    name: '页码',
    basedOn: 'Normal',
    run: { font: font(DOCX_FONTS.pageNumber), size: halfPoints(PAGE_NUMBER_SIZE_PT), characterSpacing: 0 },
    paragraph: { spacing: { ...exact(400), after: 600 } },
  },
  {
    id: 'GwFootnote',
    name: '识别码',
    basedOn: 'Normal',
    run: { font: font(DOCX_FONTS.pageNumber), size: halfPoints(FOOTNOTE_SIZE_PT), color: '666666', characterSpacing: 0 },
    paragraph: { alignment: AlignmentType.CENTER, spacing: exact(200) },
  },
];

/** Width of a string in grid characters: ideographs one, ASCII half. */
function gridChars(s: string): number {
  let n = 0;
  for (const ch of s) n += ch.codePointAt(0)! < 0x2e80 && ch !== '—' && ch !== '…' ? 0.5 : 1;
  return n;
}

/** The text as runs: Extension B+ ideographs in runs set in DOCX_FONTS.extB, the rest in the style's font. */
export function textRuns(text: string): TextRun[] {
  const parts: { s: string; extB: boolean }[] = [];
  for (const ch of text) {
    const extB = isSupplementaryIdeograph(ch.codePointAt(0)!);
    const last = parts[parts.length - 1];
    if (last?.extB === extB) last.s += ch;
    else parts.push({ s: ch, extB });
  }
  return parts.map((r) => (r.extB ? new TextRun({ text: r.s, font: font(DOCX_FONTS.extB) }) : new TextRun(r.s)));
}

const p = (text: string, style: string, extra: Partial<IParagraphOptions> = {}): Paragraph => new Paragraph({ style, ...extra, children: text ? textRuns(text) : [] });

function blockParagraphs(b: DocBlock, keep: boolean): Paragraph[] {
  const k = keep ? { keepNext: true } : {};
  switch (b.kind) {
    case 'masthead':
      return [p(b.text, 'GwMasthead')];
    case 'title':
      return [p(b.text, 'GwTitle')];
    case 'docNumber':
      return [p(b.text, 'GwDocNumber')];
    case 'addressee':
      return [p(b.text, 'Normal', k)];
    case 'heading':
      return [p(b.text, b.level === 1 ? 'GwHeading1' : 'GwHeading2')];
    case 'para':
      return [p(b.text, b.indent === false ? 'Normal' : 'GwBody', k)];
    case 'kv':
      return [p(`${b.label}：${b.value}`, 'GwBody', keep || b.keepWithNext ? { keepNext: true } : {})];
    case 'citation':
      return [p(b.text, 'GwBody', k)];
    case 'blank':
      return [p('', 'Normal', k)];
    case 'attachments': {
      // GB/T 9704 §7.3.5: "附件：1.…" two characters in, later items under "1.", wrapped names under their first character.
      const numW = b.items.length > 1 ? gridChars(`${b.items.length}.`) : 0;
      const nameAt = 2 + gridChars(`${b.label}：`) + numW;
      return attachmentLines(b).map((text, i) => {
        const startAt = i === 0 ? 2 : nameAt - numW;
        return p(text, 'Normal', { keepNext: true, indent: { left: Math.round(nameAt * CHAR_TWIPS), hanging: Math.round((nameAt - startAt) * CHAR_TWIPS) } });
      });
    }
    case 'signature': {
      // As in the PDF: date two characters from the right edge, signers two characters left of the date.
      const dateAt = CHARS_PER_LINE - 2 - gridChars(b.date);
      const signers = b.signers.map(signerLine);
      const signerAt = Math.min(dateAt - 2, ...signers.map((s) => CHARS_PER_LINE - 2 - gridChars(s)));
      const at = (chars: number) => ({ left: Math.round(chars * CHAR_TWIPS) });
      const space = b.box ? SIGNATURE_BOX.lines : 1;
      return [
        ...Array.from({ length: space }, () => p('', 'Normal', { keepNext: true })),
        ...signers.map((s) => p(s, 'Normal', { keepNext: true, indent: at(signerAt) })),
        p(b.date, 'Normal', { indent: at(dateAt) }),
      ];
    }
  }
}

/** Paragraphs of the blocks; the text before the closing blocks keeps with them (no lone signature page). */
function bodyParagraphs(blocks: DocBlock[]): Paragraph[] {
  const closingFrom = blocks.findIndex((b) => b.kind === 'attachments' || b.kind === 'signature');
  return blocks.flatMap((b, i) => blockParagraphs(b, closingFrom > 0 && i >= closingFrom - 2 && i < closingFrom));
}

function footer(align: 'odd' | 'even', note: string): Footer {
  const indent = { left: align === 'even' ? PAGE_NUMBER_SIZE_PT * TWIPS_PER_PT : 0, right: align === 'odd' ? PAGE_NUMBER_SIZE_PT * TWIPS_PER_PT : 0 };
  return new Footer({
    children: [
      new Paragraph({
        style: 'GwPageNumber',
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
      new Paragraph({ style: 'GwFootnote', children: note ? textRuns(note) : [] }),
    ],
  });
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml naming every font used, with its Windows fallback (w:altName) and GB2312 charset. */
function fontTableXml(): string {
  const fonts = [...new Map(Object.values(DOCX_FONTS).map((f) => [f.name, f])).values()];
  const entries = fonts
    .map((f) => `<w:font w:name="${xmlEscape(f.name)}"><w:altName w:val="${xmlEscape(f.fallback)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="fixed"/></w:font>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries}</w:fonts>`;
}

/** Render any document model to .docx bytes. */
export async function renderDocumentDocx(model: DocModel): Promise<Uint8Array> {
  const doc = new Document({
    title: model.meta.title,
    subject: model.meta.subject,
    creator: model.meta.author,
    keywords: model.meta.keywords.join('; '),
    description: model.footnote,
    evenAndOddHeaderAndFooters: true,
    externalStyles: NORMAL_STYLE_XML,
    styles: {
      default: {
        document: {
          run: { font: font(DOCX_FONTS.body), size: halfPoints(BODY_SIZE_PT), language: { value: 'en-US', eastAsia: 'zh-CN' } },
          paragraph: { alignment: AlignmentType.BOTH, spacing: exact(DOCX.linePitch) },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: DOCX.pageWidth, height: DOCX.pageHeight },
            margin: { top: DOCX.marginTop, bottom: DOCX.marginBottom, left: DOCX.marginLeft, right: DOCX.marginRight, header: 851, footer: DOCX.footer, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: DOCX.linePitch, charSpace: DOCX.charSpace },
        },
        footers: { default: footer('odd', model.footnote), even: footer('even', model.footnote) },
        children: bodyParagraphs(model.blocks),
      },
    ],
  });
  const buf = await Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export async function renderOpinionDocx(content: OpinionContent, opts: { contentHash?: string } = {}): Promise<Uint8Array> {
  return renderDocumentDocx(opinionDocument(content, opts));
}
