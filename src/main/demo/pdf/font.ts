// The CJK fonts (Noto Serif SC, OFL): the Regular face for every demo PDF and image, the Bold
// face for the titles of the official documents (services/opinion).
//
// Each face is parsed once and shared by all documents. Two runtime adjustments on *our* parsed
// instances (node_modules untouched):
//  1. Subset fix — @pdf-lib/fontkit's TTF subsetter writes a short (version 0) `loca` table,
//     which stores offset/2: a glyph whose data has odd length shifts every following glyph by
//     one byte, and renderers draw those glyphs blank (pdftotext still works, so it goes
//     unnoticed). We make every subset use the long (version 1) `loca` format, which stores
//     exact offsets.
//  2. Simple layout — pdf-lib lays out each string with full OpenType shaping, ~1 ms per line
//     for this 30 000-glyph font. Chinese official text needs no shaping (no ligatures or
//     kerning worth having), so layout maps code points straight through the cmap.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Font, Glyph, GlyphRun, Subset } from '@pdf-lib/fontkit';
import { FONT_RESOURCE, resourcePath } from '../resources';
import { hash32 } from '../rng';

export const FONT_POSTSCRIPT_NAME = 'NotoSerifSC-Regular';
/** Family name registered with the canvas library. */
export const CANVAS_FONT_FAMILY = 'Fashen Noto Serif SC';

/** What pdf-lib needs from a fontkit module (PDFDocument.registerFontkit). */
export interface FontkitLike {
  create(buffer: Uint8Array, postscriptName?: string): Font;
}

interface TtfSubsetInternals {
  _addGlyph?: (gid: number) => number;
  loca?: { version?: number; offsets: number[] };
}

export interface DemoFont {
  path: string;
  bytes: Uint8Array;
  font: Font;
  /** Hand this to PDFDocument.registerFontkit: it returns the shared parsed font. */
  fontkit: FontkitLike;
  /** Advance width of one code point in 1/1000 em. */
  advance(codePoint: number): number;
  /** Width of a string at a font size, in points. */
  width(text: string, size: number): number;
  hasGlyph(codePoint: number): boolean;
}

function forceLongLoca(subset: Subset): Subset {
  const internals = subset as unknown as TtfSubsetInternals;
  const addGlyph = internals._addGlyph;
  if (typeof addGlyph !== 'function') throw new Error('fontkit 子集器内部结构已变化：无法应用 loca 修正，请检查 @pdf-lib/fontkit 版本');
  internals._addGlyph = function patchedAddGlyph(this: TtfSubsetInternals, gid: number): number {
    // encode() creates a fresh `loca` with no version; setting 1 here makes its preEncode keep
    // the exact 32-bit offsets and head.indexToLocFormat becomes 1.
    if (this.loca && this.loca.version === undefined) this.loca.version = 1;
    return addGlyph.call(this, gid);
  };
  return subset;
}

/** The Bold face (title / heading face of official documents). */
export const BOLD_FONT_RESOURCE = 'fonts/NotoSerifSC-Bold.ttf';
export const BOLD_FONT_POSTSCRIPT_NAME = 'NotoSerifSC-Bold';

const loadedFonts = new Map<string, DemoFont>();
/** Parsed fonts by the identity of their bytes (see sharedFontkit). */
const byBytes = new Map<Uint8Array, Font>();

/**
 * A fontkit for PDFDocument.registerFontkit that returns the already parsed (and patched) font
 * for the bytes of any face loaded here — one registration serves documents that embed several
 * faces. pdf-lib hands the same Uint8Array through to create().
 */
export const sharedFontkit: FontkitLike = {
  create(buffer: Uint8Array): Font {
    const font = byBytes.get(buffer);
    if (!font) throw new Error('sharedFontkit 只能嵌入经 loadFont() 载入的字体（请传入其 bytes）');
    return font;
  },
};

export function loadDemoFont(): DemoFont {
  return loadFont(FONT_RESOURCE, FONT_POSTSCRIPT_NAME);
}

/** Load (once) a TrueType face from resources/, checking its PostScript name. */
export function loadFont(resource: string, postscriptName: string): DemoFont {
  const cached = loadedFonts.get(resource);
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const fontkitModule = require('@pdf-lib/fontkit') as FontkitLike;
  const path = resourcePath(resource);
  const bytes = new Uint8Array(readFileSync(path));
  const font = fontkitModule.create(bytes);
  if (font.postscriptName !== postscriptName) throw new Error(`字体不符：${font.postscriptName}`);
  const scale = 1000 / font.unitsPerEm;
  const glyphCache = new Map<number, Glyph>();
  const glyphFor = (cp: number): Glyph => {
    let g = glyphCache.get(cp);
    if (!g) {
      g = font.glyphForCodePoint(cp);
      glyphCache.set(cp, g);
    }
    return g;
  };

  const originalCreateSubset = font.createSubset.bind(font);
  font.createSubset = () => forceLongLoca(originalCreateSubset());
  // pdf-lib reads only `.glyphs` of the run.
  font.layout = (text: string): GlyphRun => {
    const glyphs = Array.from(text, (ch) => glyphFor(ch.codePointAt(0)!));
    return { glyphs, positions: [] } as unknown as GlyphRun;
  };

  const advance = (cp: number): number => glyphFor(cp).advanceWidth * scale;
  const loaded: DemoFont = {
    path,
    bytes,
    font,
    fontkit: { create: () => font },
    advance,
    width(text, size) {
      let w = 0;
      for (const ch of text) w += advance(ch.codePointAt(0)!);
      return (w * size) / 1000;
    },
    hasGlyph: (cp) => glyphFor(cp).id !== 0,
  };
  loadedFonts.set(resource, loaded);
  byBytes.set(bytes, font);
  return loaded;
}

/** A standard subset tag ("ABCDEF") derived from the document's content, so output is stable. */
export function subsetTag(content: string): string {
  let h = hash32(content);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = (Math.floor(h / 26) ^ hash32(tag + content.length)) >>> 0;
  }
  return tag;
}
