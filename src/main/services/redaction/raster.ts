// Rasterising a page with pdf.js (@napi-rs/canvas), blacking out the marks on the bitmap, and
// turning the bitmap into a lossless PDF image XObject.
import { deflateSync } from 'node:zlib';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { PDFName, PDFNumber, PDFRawStream, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { CANVAS_FONT_FAMILY } from '../../demo/pdf/font';
import { FONT_RESOURCE, resourcePath } from '../../demo/resources';
import type { Box } from './geometry';

/** Largest bitmap we render for one page (pixels); larger pages get a lower resolution. */
const MAX_PIXELS = 40_000_000;

export interface PageBitmap {
  /** Pixel size. */
  width: number;
  height: number;
  /** User-space size the bitmap covers, from the top-left corner of the page's view box. */
  userWidth: number;
  userHeight: number;
  /** RGBA, row-major, top row first. */
  rgba: Uint8ClampedArray;
}

let fontRegistered = false;

/**
 * Text in fonts that are not embedded is drawn by pdf.js with canvas `fillText` and system fonts;
 * registering our CJK font guarantees a Chinese fallback even on a machine without one.
 */
function ensureFallbackFont(): void {
  if (fontRegistered) return;
  fontRegistered = true;
  try {
    GlobalFonts.registerFromPath(resourcePath(FONT_RESOURCE), CANVAS_FONT_FAMILY);
  } catch {
    // Missing resource: rendering still works with the system's fonts.
  }
}

/** Render the page's view box (page /Rotate not applied) at `dpi` and fill `boxes` solid black. */
export async function renderRedacted(page: PDFPageProxy, dpi: number, boxes: Box[]): Promise<PageBitmap> {
  ensureFallbackFont();
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = page.view;
  const userWidth0 = vx1 - vx0;
  const userHeight0 = vy1 - vy0;
  let scale = dpi / 72;
  if (userWidth0 * userHeight0 * scale * scale > MAX_PIXELS) scale = Math.sqrt(MAX_PIXELS / (userWidth0 * userHeight0));
  const viewport = page.getViewport({ scale, rotation: 0 });
  const width = Math.max(1, Math.ceil(viewport.width - 1e-6));
  const height = Math.max(1, Math.ceil(viewport.height - 1e-6));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  const task = page.render({
    canvasContext: ctx as unknown as CanvasRenderingContext2D,
    canvas: canvas as unknown as HTMLCanvasElement,
    viewport,
    background: '#ffffff',
  });
  await task.promise;
  // Marks: rounded outwards to whole pixels, so no anti-aliased fringe of a glyph survives.
  ctx.fillStyle = '#000000';
  for (const b of boxes) {
    const [ax = 0, ay = 0] = viewport.convertToViewportPoint(b.x0, b.y0) as number[];
    const [bx = 0, by = 0] = viewport.convertToViewportPoint(b.x1, b.y1) as number[];
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx)));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by)));
    const x1 = Math.min(width, Math.ceil(Math.max(ax, bx)));
    const y1 = Math.min(height, Math.ceil(Math.max(ay, by)));
    if (x1 > x0 && y1 > y0) ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return { width, height, userWidth: width / scale, userHeight: height / scale, rgba };
}

/**
 * A FlateDecode image XObject of the bitmap: DeviceGray when every pixel is grey (most pages),
 * DeviceRGB otherwise (red seals). PNG "Up" prediction keeps scanned-looking pages small.
 */
export function embedBitmap(doc: PDFDocument, bmp: PageBitmap): PDFRef {
  const { width, height, rgba } = bmp;
  let gray = true;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) {
      gray = false;
      break;
    }
  }
  const colors = gray ? 1 : 3;
  const rowLen = width * colors;
  const raw = new Uint8Array((rowLen + 1) * height);
  const row = new Uint8Array(rowLen);
  const prev = new Uint8Array(rowLen);
  for (let y = 0; y < height; y++) {
    let p = y * width * 4;
    if (gray) {
      for (let x = 0; x < width; x++, p += 4) row[x] = rgba[p]!;
    } else {
      for (let x = 0, q = 0; x < width; x++, p += 4, q += 3) {
        row[q] = rgba[p]!;
        row[q + 1] = rgba[p + 1]!;
        row[q + 2] = rgba[p + 2]!;
      }
    }
    const o = y * (rowLen + 1);
    raw[o] = 2; // PNG filter type Up
    for (let i = 0; i < rowLen; i++) raw[o + 1 + i] = (row[i]! - prev[i]!) & 0xff;
    prev.set(row);
  }
  const data = deflateSync(raw, { level: 6 });
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    ColorSpace: gray ? 'DeviceGray' : 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const parms = doc.context.obj({ Predictor: 15, Colors: colors, BitsPerComponent: 8, Columns: width });
  dict.set(PDFName.of('DecodeParms'), parms);
  dict.set(PDFName.of('Length'), PDFNumber.of(data.length));
  return doc.context.register(PDFRawStream.of(dict, data));
}
