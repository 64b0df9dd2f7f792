// Canvas setup and drawing helpers for the evidence images (@napi-rs/canvas, our embedded font).
import { GlobalFonts, createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { CANVAS_FONT_FAMILY, loadDemoFont } from '../pdf/font';
import { FONT_RESOURCE, resourcePath } from '../resources';
import type { Caption } from './spec';

let registered = false;

export function ensureCanvasFont(): void {
  if (registered) return;
  const key = GlobalFonts.registerFromPath(resourcePath(FONT_RESOURCE), CANVAS_FONT_FAMILY);
  if (!key) throw new Error('无法为图像注册中文字体');
  registered = true;
}

export type Ctx = SKRSContext2D;

export function newCanvas(w: number, h: number): { canvas: Canvas; g: Ctx } {
  ensureCanvasFont();
  const canvas = createCanvas(w, h);
  const g = canvas.getContext('2d');
  g.textBaseline = 'alphabetic';
  return { canvas, g };
}

export function font(size: number): string {
  return `${size}px "${CANVAS_FONT_FAMILY}"`;
}

/** Every character must be in our font: a fallback would depend on the machine's fonts. */
function assertGlyphs(s: string): void {
  const demo = loadDemoFont();
  for (const ch of s) if (ch.trim() && !demo.hasGlyph(ch.codePointAt(0)!)) throw new Error(`图像文字缺少字形：${ch}（${s}）`);
}

export function text(g: Ctx, s: string, x: number, y: number, size: number, color: string, align: CanvasTextAlign = 'left'): void {
  assertGlyphs(s);
  g.font = font(size);
  g.fillStyle = color;
  g.textAlign = align;
  g.fillText(s, x, y);
}

/** Text with a dark outline, like a camera's on-screen display. */
export function osd(g: Ctx, s: string, x: number, y: number, size: number, color = '#ffffff', align: CanvasTextAlign = 'left'): void {
  assertGlyphs(s);
  g.font = font(size);
  g.textAlign = align;
  g.lineWidth = Math.max(2, size / 7);
  g.strokeStyle = 'rgba(0,0,0,0.85)';
  g.strokeText(s, x, y);
  g.fillStyle = color;
  g.fillText(s, x, y);
}

export function roundRect(g: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}

/** Wrap text into lines of at most `width` pixels (CJK: any character may break). */
export function wrap(g: Ctx, s: string, width: number, size: number): string[] {
  g.font = font(size);
  const lines: string[] = [];
  let line = '';
  for (const ch of s) {
    if (g.measureText(line + ch).width > width && line && !'，。、；：？！）》”'.includes(ch)) {
      lines.push(line);
      line = ch;
    } else line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

/** Darken the corners (lens vignette); stronger for body cameras. */
export function vignette(g: Ctx, w: number, h: number, strength: number): void {
  const grad = g.createRadialGradient(w / 2, h / 2, Math.min(w, h) * 0.35, w / 2, h / 2, Math.max(w, h) * 0.75);
  grad.addColorStop(0, 'rgba(0,0,0,0)');
  grad.addColorStop(1, `rgba(0,0,0,${strength})`);
  g.fillStyle = grad;
  g.fillRect(0, 0, w, h);
}

/** Law-enforcement camera overlay: timestamp top-left, device top-right, location strip below. */
export function drawCaption(g: Ctx, w: number, h: number, c: Caption): void {
  const bodycam = c.device.startsWith('执法记录仪');
  osd(g, c.timestamp, 22, 44, 28, bodycam ? '#ffe14d' : '#ffffff');
  osd(g, c.device, w - 22, 44, 22, bodycam ? '#ffe14d' : '#ffffff', 'right');
  g.fillStyle = 'rgba(0,0,0,0.55)';
  g.fillRect(0, h - 52, w, 52);
  text(g, c.location, 20, h - 18, 24, '#ffffff');
  if (bodycam) {
    g.fillStyle = '#e02020';
    g.beginPath();
    g.arc(w - 36, 78, 9, 0, Math.PI * 2);
    g.fill();
    osd(g, 'REC', w - 52, 86, 20, '#ffffff', 'right');
  }
}

/** Deterministic speckle noise so photos do not look computer-flat. */
export function grain(g: Ctx, w: number, h: number, seed: number, amount: number): void {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  for (let i = 0; i < amount; i++) {
    const x = next() * w;
    const y = next() * h;
    g.fillStyle = next() < 0.5 ? 'rgba(255,255,255,0.06)' : 'rgba(0,0,0,0.07)';
    g.fillRect(x, y, 2, 2);
  }
}

export async function encode(canvas: Canvas, format: 'jpeg' | 'png'): Promise<Uint8Array> {
  const buf = format === 'jpeg' ? await canvas.encode('jpeg', 82) : await canvas.encode('png');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
