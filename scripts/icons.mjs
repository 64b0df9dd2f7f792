// `node scripts/icons.mjs`: renders resources/icons/icon.svg (drawn by hand, paths only) into every
// icon file packaging needs, with @napi-rs/canvas (Skia):
//   resources/icons/png/<N>x<N>.png   N = 16 … 1024 (Linux icon set; electron-builder linux.icon)
//   resources/icons/icon.png          1024×1024 (window icon, fallback source)
//   resources/icons/icon.ico          Windows: 16–48 as 32-bit BMP (what NSIS and old shells read best), 64–256 as PNG
//   resources/icons/icon.icns         macOS: PNG entries 16 … 1024 (incl. @2x)
// Pre-built ICO/ICNS mean packaging converts nothing and every platform gets the same pixels.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, Image } from '@napi-rs/canvas';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'resources', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS type codes with PNG payloads (macOS 10.7+).
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

function render(svg, size) {
  const img = new Image();
  img.width = size;
  img.height = size;
  img.src = svg;
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0, size, size);
  return { png: canvas.toBuffer('image/png'), rgba: ctx.getImageData(0, 0, size, size).data };
}

/** A 32-bit BMP (DIB) icon image: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask. */
function dib(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  const mask = Buffer.alloc(maskRow * size); // all 0: alpha channel decides
  return Buffer.concat([header, pixels, mask]);
}

export function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, i) => {
    const e = 6 + i * 16;
    head.writeUInt8(size >= 256 ? 0 : size, e);
    head.writeUInt8(size >= 256 ? 0 : size, e + 1);
    head.writeUInt16LE(1, e + 4);
    head.writeUInt16LE(32, e + 6);
    head.writeUInt32LE(data.length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((i) => i.data)]);
}

export function icns(entries) {
  const chunks = entries.map(([type, data]) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'latin1');
    h.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([h, data]);
  });
  const body = Buffer.concat(chunks);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'latin1');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

export function buildIcons() {
  const svg = readFileSync(join(dir, 'icon.svg'));
  const out = new Map(PNG_SIZES.map((s) => [s, render(svg, s)]));
  mkdirSync(join(dir, 'png'), { recursive: true });
  for (const [size, { png }] of out) writeFileSync(join(dir, 'png', `${size}x${size}.png`), png);
  writeFileSync(join(dir, 'icon.png'), out.get(1024).png);
  writeFileSync(join(dir, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, data: size <= 48 ? dib(size, out.get(size).rgba) : out.get(size).png }))));
  writeFileSync(join(dir, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => [type, out.get(size).png])));
  return { pngs: PNG_SIZES.length, dir };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = buildIcons();
  console.log(`icons: ${r.pngs} PNG sizes, icon.png, icon.ico, icon.icns → ${r.dir}`);
}
