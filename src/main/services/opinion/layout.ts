// Page geometry of official documents, GB/T 9704-2012《党政机关公文格式》:
//  §5.2.1  A4 paper, 210 mm × 297 mm.
//  §5.2.2  top margin (天头) 37 mm ± 1 mm; binding-side margin (订口) 28 mm ± 1 mm;
//          type area (版心) 156 mm × 225 mm (so the right margin is 26 mm, the bottom 35 mm).
//  §5.2.3  body in 3号 仿宋 (16 pt); in general 22 lines per page, 28 characters per line.
//  §7.2    title (标题) in 2号 小标宋 (22 pt).
//  §7.5    page numbers: 4号 (14 pt) half-width 宋体 Arabic numerals between two 一字线 ("— 1 —"),
//          7 mm below the type area; odd pages right-aligned one character in, even pages
//          left-aligned one character in (the outside edge of a bound document).
// Everything else is derived from these numbers: the line pitch is the type-area height over 22
// lines, the character pitch the type-area width over 28 characters.

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_PT = 20;
export const mm = (v: number): number => v * PT_PER_MM;
/** Millimetres to twips (1/20 pt), rounded to whole twips as OOXML stores them. */
export const mmToTwips = (v: number): number => Math.round(v * PT_PER_MM * TWIPS_PER_PT);

export const PAGE_WIDTH_MM = 210;
export const PAGE_HEIGHT_MM = 297;
export const MARGIN_TOP_MM = 37;
export const MARGIN_LEFT_MM = 28;
export const TYPE_AREA_WIDTH_MM = 156;
export const TYPE_AREA_HEIGHT_MM = 225;
export const MARGIN_RIGHT_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - TYPE_AREA_WIDTH_MM; // 26
export const MARGIN_BOTTOM_MM = PAGE_HEIGHT_MM - MARGIN_TOP_MM - TYPE_AREA_HEIGHT_MM; // 35

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** 3号 */
export const BODY_SIZE_PT = 16;
/** 2号 */
export const TITLE_SIZE_PT = 22;
/** 4号, page numbers */
export const PAGE_NUMBER_SIZE_PT = 14;
/** Not in the standard: the small identification line under the page number. */
export const FOOTNOTE_SIZE_PT = 7.5;
/** Page number's 一字线 top edge below the type area (§7.5). */
export const PAGE_NUMBER_GAP_MM = 7;
/** Identification line's baseline above the paper's bottom edge. */
export const FOOTNOTE_BASELINE_MM = 12;

/** In points (PDF user space, origin bottom-left). */
export const PAGE = {
  width: mm(PAGE_WIDTH_MM), // 595.28
  height: mm(PAGE_HEIGHT_MM), // 841.89
  left: mm(MARGIN_LEFT_MM),
  right: mm(PAGE_WIDTH_MM - MARGIN_RIGHT_MM),
  top: mm(PAGE_HEIGHT_MM - MARGIN_TOP_MM),
  bottom: mm(MARGIN_BOTTOM_MM),
  typeWidth: mm(TYPE_AREA_WIDTH_MM), // 442.2
  typeHeight: mm(TYPE_AREA_HEIGHT_MM), // 637.8
} as const;

/** 225 mm / 22 lines = 10.23 mm = 28.99 pt. */
export const LINE_PITCH_PT = PAGE.typeHeight / LINES_PER_PAGE;
/** 156 mm / 28 characters = 5.57 mm = 15.79 pt: a 16 pt character on a 15.79 pt grid cell. */
export const CHAR_PITCH_PT = PAGE.typeWidth / CHARS_PER_LINE;
/** The character spacing (PDF Tc) that puts 16 pt ideographs on the grid: −0.207 pt. */
export const GRID_TRACKING_PT = CHAR_PITCH_PT - BODY_SIZE_PT;

const TYPE_WIDTH_TWIPS = mmToTwips(TYPE_AREA_WIDTH_MM); // 8844
const TYPE_HEIGHT_TWIPS = mmToTwips(TYPE_AREA_HEIGHT_MM); // 12756

/**
 * The same geometry in Word's units. The type area is exact in whole twips; the binding-side
 * and bottom margins take the rounding (well inside the standard's ±1 mm), which gives the
 * values of agencies' own templates: 2098 / 1474 / 1984 / 1588.
 */
export const DOCX = {
  pageWidth: mmToTwips(PAGE_WIDTH_MM), // 11906
  pageHeight: mmToTwips(PAGE_HEIGHT_MM), // 16838
  marginTop: mmToTwips(MARGIN_TOP_MM), // 2098
  marginRight: mmToTwips(MARGIN_RIGHT_MM), // 1474
  marginBottom: mmToTwips(PAGE_HEIGHT_MM) - mmToTwips(MARGIN_TOP_MM) - TYPE_HEIGHT_TWIPS, // 1984
  marginLeft: mmToTwips(PAGE_WIDTH_MM) - mmToTwips(MARGIN_RIGHT_MM) - TYPE_WIDTH_TWIPS, // 1588
  /**
   * Exact line spacing in twips: Word stores whole twips, so 28.99 pt rounds *down* to 579
   * (28.95 pt) — rounding up would push the 22nd line off the page.
   */
  linePitch: Math.floor(LINE_PITCH_PT * TWIPS_PER_PT),
  /**
   * docGrid charSpace for a linesAndChars grid: the character pitch minus the Normal style's font
   * size, in 1/4096 pt (ECMA-376 §17.6.5), rounded down so that 28 characters always fit —
   * −849, the value found in agencies' own 公文 templates.
   */
  charSpace: Math.floor(((TYPE_WIDTH_TWIPS / TWIPS_PER_PT) / CHARS_PER_LINE - BODY_SIZE_PT) * 4096),
  /** Footer distance from the paper's bottom edge. */
  footer: mmToTwips(FOOTNOTE_BASELINE_MM - 2),
} as const;

/**
 * The reserved area for a visible signature appearance (the digital counterpart of a seal
 * pressed over the signature): above the signer's name line, centred on the name/date block.
 */
export const SIGNATURE_BOX = {
  widthPt: mm(60),
  /** Grid lines kept free for it. */
  lines: 3,
} as const;
