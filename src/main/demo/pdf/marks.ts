// Marks that make a scanned case file look like one: the agency's red round seal, handwritten
// signatures and red fingerprints.
import { degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { DemoFont } from './font';
import type { SealSpec } from './model';

export const SEAL_RED = rgb(0.85, 0.05, 0.1);
export const INK = rgb(0.1, 0.14, 0.38);

export const SEAL_RADIUS = 44;

/** Five-pointed star as an SVG path centred on (0, 0), y pointing down. */
function starPath(r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 === 0 ? r : r * 0.382;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(`${(rad * Math.cos(a)).toFixed(2)} ${(rad * Math.sin(a)).toFixed(2)}`);
  }
  return `M ${pts.join(' L ')} Z`;
}

interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

/**
 * A glyph outline as an SVG path (y down, origin on the baseline at the glyph's left edge).
 * Seals are drawn as shapes, not text, like the scanned stamp they imitate: they stay out of
 * the text layer, so search and copy only see the document's words.
 */
function glyphSvg(demo: DemoFont, ch: string, size: number): string {
  const glyph = demo.font.glyphForCodePoint(ch.codePointAt(0)!);
  const s = size / demo.font.unitsPerEm;
  const f = (n: number): string => (Math.round(n * 100) / 100).toString();
  // fontkit paths carry their commands at runtime; the bundled typings omit the field.
  const commands = (glyph.path as unknown as { commands?: PathCommand[] }).commands;
  if (!Array.isArray(commands)) throw new Error('fontkit 字形路径结构不符');
  const parts: string[] = [];
  for (const c of commands) {
    const a = c.args.map((v, i) => f(i % 2 === 0 ? v * s : -v * s));
    if (c.command === 'moveTo') parts.push(`M${a.join(' ')}`);
    else if (c.command === 'lineTo') parts.push(`L${a.join(' ')}`);
    else if (c.command === 'quadraticCurveTo') parts.push(`Q${a.join(' ')}`);
    else if (c.command === 'bezierCurveTo') parts.push(`C${a.join(' ')}`);
    else if (c.command === 'closePath') parts.push('Z');
  }
  return parts.join('');
}

/** A round seal centred at (cx, cy): ring text along the upper arc, star, optional centre line. */
export function drawSeal(page: PDFPage, demo: DemoFont, cx: number, cy: number, spec: SealSpec): void {
  const r = SEAL_RADIUS;
  const opacity = 0.82;
  page.drawCircle({ x: cx, y: cy, size: r, borderColor: SEAL_RED, borderWidth: 2.6, borderOpacity: opacity, opacity: 0 });
  page.drawSvgPath(starPath(r * 0.3), { x: cx, y: cy, color: SEAL_RED, opacity, borderWidth: 0 });
  const chars = Array.from(spec.ring);
  const size = chars.length > 14 ? 8.6 : 10.5;
  const baseR = r - size - 3.2;
  const span = Math.min(250, 20 + chars.length * 17); // degrees covered by the ring text
  chars.forEach((ch, i) => {
    const phi = chars.length === 1 ? 0 : -span / 2 + (span * i) / (chars.length - 1);
    const rad = (phi * Math.PI) / 180;
    const w = demo.width(ch, size);
    // Baseline point on the circle, then back off half a glyph along the baseline direction.
    const px = cx + baseR * Math.sin(rad) - (w / 2) * Math.cos(rad);
    const py = cy + baseR * Math.cos(rad) + (w / 2) * Math.sin(rad);
    page.drawSvgPath(glyphSvg(demo, ch, size), { x: px, y: py, rotate: degrees(-phi), color: SEAL_RED, opacity, borderWidth: 0 });
  });
  if (spec.center) {
    const s = 7.5;
    let x = cx - demo.width(spec.center, s) / 2;
    for (const ch of spec.center) {
      page.drawSvgPath(glyphSvg(demo, ch, s), { x, y: cy - r * 0.62, color: SEAL_RED, opacity, borderWidth: 0 });
      x += demo.width(ch, s);
    }
  }
}

/** A red fingerprint: a filled oval with a few ridges. */
export function drawFingerprint(page: PDFPage, cx: number, cy: number): void {
  page.drawEllipse({ x: cx, y: cy, xScale: 8, yScale: 10.5, color: SEAL_RED, opacity: 0.35, borderWidth: 0 });
  for (let k = 1; k <= 3; k++) {
    page.drawEllipse({ x: cx, y: cy - 0.5, xScale: 2 * k, yScale: 2.7 * k, borderColor: SEAL_RED, borderWidth: 0.6, borderOpacity: 0.55, opacity: 0 });
  }
}

/** A signature in blue-black ink, slanted like handwriting. Returns its width. */
export function drawInk(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number): number {
  page.drawText(text, { x, y, size, font, color: INK, xSkew: degrees(3), ySkew: degrees(12), opacity: 0.92 });
  return font.widthOfTextAtSize(text, size);
}
