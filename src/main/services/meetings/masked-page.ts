// A PDF page for the shared screen: rendered to a bitmap with every piece of personal data the
// masker finds in the page's text blacked out (the same maskPersonalData the audience text goes
// through), plus the reviewer's own redaction marks (whose characters leave the page's text too),
// optionally cropped to a highlight. Fails closed: a page that draws any raster image (a scanned ID
// card, a photo) is not rendered at all, because text masking cannot see into pixels.
import { createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { maskPersonalData, type MaskOptions } from '../../../shared/privacy/mask';
import { pdfjs as loadPdfjs } from '../pdfjs-node';
import { topLeftToUserBox } from '../redaction/geometry';
import { openWithPdfjs } from '../redaction/pdfjs-node';
import { renderRedacted } from '../redaction/raster';
import { rangeBoxes, readPageText, textOutside } from '../redaction/range-boxes';

export interface TopLeftRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type MaskedPage =
  | { ok: true; png: Uint8Array; width: number; height: number; text: string; masked: number }
  | { ok: false; reason: string; text: string };

/** Screen resolution: a page region zoomed on a 1080p screen stays sharp. */
const DPI = 144;
/** Space kept around a highlight when zooming to it (points). */
const CROP_MARGIN = 28;

async function drawsImages(page: PDFPageProxy): Promise<boolean> {
  const { OPS } = await loadPdfjs();
  const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask].filter((x) => typeof x === 'number'));
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => imageOps.has(fn));
}

function encodePng(rgba: Uint8ClampedArray, width: number, crop: { x: number; y: number; w: number; h: number }): Uint8Array {
  const canvas = createCanvas(crop.w, crop.h);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(crop.w, crop.h);
  for (let y = 0; y < crop.h; y++) {
    const from = ((crop.y + y) * width + crop.x) * 4;
    img.data.set(rgba.subarray(from, from + crop.w * 4), y * crop.w * 4);
  }
  ctx.putImageData(img, 0, 0);
  return new Uint8Array(canvas.toBuffer('image/png'));
}

export async function maskedPageImage(
  pdf: Uint8Array,
  pageNo: number,
  opts: { mask: MaskOptions; redactions: TopLeftRect[]; zoomTo: TopLeftRect[] },
): Promise<MaskedPage> {
  const { doc, close } = await openWithPdfjs(pdf);
  try {
    if (pageNo < 1 || pageNo > doc.numPages) return { ok: false, reason: `该文件共 ${doc.numPages} 页，没有第 ${pageNo} 页`, text: '' };
    const page = await doc.getPage(pageNo);
    const pageText = await readPageText(page);
    // A little extra around masked characters so no anti-aliased edge of a glyph survives.
    const { boxes, ranges: masked } = rangeBoxes(pageText, (t) => maskPersonalData(t, opts.mask).spans, 0.15);
    const vp = page.getViewport({ scale: 1 });
    const marks = opts.redactions.map((r) => topLeftToUserBox(vp, r.x, r.y, r.width, r.height));
    // What the reviewer boxed is out of the text as well as the picture (an area over a paragraph).
    const text = textOutside(pageText, marks);
    if (await drawsImages(page)) return { ok: false, reason: '该页含图像（如证件照片、扫描件），可能含个人信息，不在共享屏幕上显示', text };
    const bmp = await renderRedacted(page, DPI, [...boxes, ...marks]);
    let crop = { x: 0, y: 0, w: bmp.width, h: bmp.height };
    // Zoom to the highlight (unrotated pages: the viewer's top-left space is the bitmap's, scaled).
    if (opts.zoomTo.length && !page.rotate) {
      const k = bmp.width / vp.width;
      const x0 = Math.min(...opts.zoomTo.map((r) => r.x)) - CROP_MARGIN;
      const y0 = Math.min(...opts.zoomTo.map((r) => r.y)) - CROP_MARGIN;
      const x1 = Math.max(...opts.zoomTo.map((r) => r.x + r.width)) + CROP_MARGIN;
      const y1 = Math.max(...opts.zoomTo.map((r) => r.y + r.height)) + CROP_MARGIN;
      const cx = Math.max(0, Math.floor(x0 * k));
      const cy = Math.max(0, Math.floor(y0 * k));
      const cw = Math.min(bmp.width, Math.ceil(x1 * k)) - cx;
      const ch = Math.min(bmp.height, Math.ceil(y1 * k)) - cy;
      if (cw > 8 && ch > 8) crop = { x: cx, y: cy, w: cw, h: ch };
    }
    return { ok: true, png: encodePng(bmp.rgba, bmp.width, crop), width: crop.w, height: crop.h, text, masked };
  } finally {
    await close();
  }
}
