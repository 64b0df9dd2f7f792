// The faces that set official documents, and which of them draws each character. Noto Serif SC
// (Regular for the body, Bold for titles and headings) lacks almost all of CJK Extension B–F —
// the 生僻字 found in names and addresses (𠮷, U+20BB7). Those characters come from a fallback
// face, HanaMinB (resources/fonts/README.md), loaded only when a document needs it: it is 30 MB
// and most documents never touch it. A character neither face has cannot be printed; the
// callers refuse such text with a message naming the field (printable.ts).
import { BOLD_FONT_POSTSCRIPT_NAME, BOLD_FONT_RESOURCE, loadDemoFont, loadFont, type DemoFont } from '../../demo/pdf/font';

export const FALLBACK_FONT_RESOURCE = 'fonts/HanaMinB.ttf';
export const FALLBACK_FONT_POSTSCRIPT_NAME = 'HanaMinB';

export type Face = 'regular' | 'bold';
/** A face that draws a run: one of the document's own, or the fallback. */
export type RunFace = Face | 'fallback';

export interface Faces {
  regular: DemoFont;
  bold: DemoFont;
  /** The fallback face, parsed on first use. */
  fallback(): DemoFont;
}

const loadFallback = (): DemoFont => loadFont(FALLBACK_FONT_RESOURCE, FALLBACK_FONT_POSTSCRIPT_NAME);

export function loadDocumentFaces(): Faces {
  return { regular: loadDemoFont(), bold: loadFont(BOLD_FONT_RESOURCE, BOLD_FONT_POSTSCRIPT_NAME), fallback: loadFallback };
}

/** The face that draws `cp` in text set in `face`, or null when no face has it. */
export function faceFor(faces: Faces, face: Face, cp: number): RunFace | null {
  if (faces[face].hasGlyph(cp)) return face;
  return faces.fallback().hasGlyph(cp) ? 'fallback' : null;
}

const fontOf = (faces: Faces, f: RunFace): DemoFont => (f === 'fallback' ? faces.fallback() : faces[f]);

/** Width of `s` set in `face` at `size` points, each character measured in the face that draws it. */
export function textWidth(faces: Faces, face: Face, s: string, size: number): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += fontOf(faces, faceFor(faces, face, cp) ?? face).advance(cp);
  }
  return (w * size) / 1000;
}

export interface Run {
  s: string;
  face: RunFace;
}

/** `s` split into runs by the face that draws them (a character no face has stays in `face`). */
export function faceRuns(faces: Faces, face: Face, s: string): Run[] {
  const out: Run[] = [];
  for (const ch of s) {
    const f = faceFor(faces, face, ch.codePointAt(0)!) ?? face;
    const last = out[out.length - 1];
    if (last?.face === f) last.s += ch;
    else out.push({ s: ch, face: f });
  }
  return out;
}

/** The distinct characters of `text` that no face can draw in `face` (white space aside). */
export function missingGlyphs(faces: Faces, face: Face, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) if (ch.trim() && faceFor(faces, face, ch.codePointAt(0)!) === null) missing.add(ch);
  return [...missing];
}

/** Invisible characters (variation selectors, format marks) are named by code point. */
export function showChars(chars: string[]): string {
  return chars.map((ch) => (/[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? ch : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)).join('、');
}

/** Font-independent: code points the .docx sets in its Extension B+ font (see render-docx.ts). */
export const isSupplementaryIdeograph = (cp: number): boolean => cp >= 0x20000 && cp <= 0x3ffff;
