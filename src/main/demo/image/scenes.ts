// On-site photos: shop shelves, a market stall with a scale, a shop front, an elevator landing.
import { hash32, Rng } from '../rng';
import { drawCaption, font, grain, newCanvas, roundRect, text, vignette, wrap, type Ctx } from './canvas';
import type { Caption, ElevatorScene, SceneSpec, ShelfScene, StallScene, StorefrontScene } from './spec';

const W = 1024;
const H = 768;

function shade(hex: string, f: number): string {
  const n = parseInt(hex.slice(1), 16);
  const c = (v: number): number => Math.max(0, Math.min(255, Math.round(v * f)));
  return `rgb(${c((n >> 16) & 255)},${c((n >> 8) & 255)},${c(n & 255)})`;
}

function wall(g: Ctx, top: string, bottom: string): void {
  const grad = g.createLinearGradient(0, 0, 0, H);
  grad.addColorStop(0, top);
  grad.addColorStop(1, bottom);
  g.fillStyle = grad;
  g.fillRect(0, 0, W, H);
}

function box(g: Ctx, x: number, y: number, w: number, h: number, color: string, label: string, sub?: string): void {
  const grad = g.createLinearGradient(x, y, x + w, y);
  grad.addColorStop(0, shade(color, 1.08));
  grad.addColorStop(1, shade(color, 0.78));
  g.fillStyle = grad;
  g.fillRect(x, y, w, h);
  g.strokeStyle = 'rgba(0,0,0,0.35)';
  g.lineWidth = 1.5;
  g.strokeRect(x, y, w, h);
  g.fillStyle = 'rgba(255,255,255,0.82)';
  g.fillRect(x + 5, y + h * 0.3, w - 10, h * 0.36);
  const size = Math.max(11, Math.min(18, (w - 12) / Math.max(2, label.length) * 1.1));
  text(g, label.slice(0, Math.floor((w - 10) / size)), x + w / 2, y + h * 0.3 + size + 4, size, '#222', 'center');
  if (sub && h > 70) text(g, sub.slice(0, Math.floor((w - 10) / 11)), x + w / 2, y + h * 0.62, 11, '#444', 'center');
}

function shelf(g: Ctx, s: ShelfScene, rng: Rng): void {
  wall(g, '#e9e3d6', '#c9c1b0');
  g.fillStyle = '#b5202a';
  g.fillRect(0, 0, W, 70);
  text(g, s.sign, W / 2, 50, 38, '#fff6d0', 'center');
  const levels = [190, 370, 550];
  g.fillStyle = '#8d9299';
  g.fillRect(70, 90, 14, 560);
  g.fillRect(W - 84, 90, 14, 560);
  const hlLevel = 1;
  let hlX = 0;
  levels.forEach((y, li) => {
    let x = 92;
    let k = li * 3;
    while (x < W - 150) {
      const hl = li === hlLevel && k === li * 3 + 1;
      const p = hl ? s.products[0]! : s.products[1 + ((k + rng.int(0, 4)) % (s.products.length - 1))] ?? s.products[0]!;
      const w = hl ? 150 : rng.int(70, 120);
      const h = rng.int(95, 150);
      const n = hl ? 3 : 1;
      for (let j = 0; j < n; j++) box(g, x + j * 10, y - h + j * 4, w - j * 10, h - j * 4, p.color, p.label, p.sub);
      if (hl) hlX = x;
      x += w + rng.int(6, 16);
      k++;
    }
    g.fillStyle = '#9aa0a6';
    g.fillRect(78, y, W - 156, 14);
    g.fillStyle = '#5f656b';
    g.fillRect(78, y + 14, W - 156, 5);
  });
  // Price tag on the shelf edge under the highlighted goods.
  const tagY = levels[hlLevel]! + 16;
  g.fillStyle = '#fffbe6';
  g.fillRect(hlX + 10, tagY, 130, 34);
  text(g, s.highlight.lines[s.highlight.lines.length - 1] ?? '', hlX + 75, tagY + 24, 16, '#c00', 'center');
  // Red mark around the evidence and a close-up inset of the label.
  g.strokeStyle = '#e01818';
  g.lineWidth = 5;
  g.beginPath();
  g.ellipse(hlX + 75, levels[hlLevel]! - 60, 115, 100, 0, 0, Math.PI * 2);
  g.stroke();
  const ix = 540;
  const iy = 400;
  const avail = W - ix - 30;
  g.font = font(24);
  const widest = Math.max(...[s.highlight.label, ...s.highlight.lines].map((l) => g.measureText(l).width));
  const size = widest + 40 > avail ? Math.floor((24 * (avail - 40)) / widest) : 24;
  const boxW = Math.min(avail, widest * (size / 24) + 40);
  g.fillStyle = 'rgba(255,255,255,0.96)';
  roundRect(g, ix, iy, boxW, 60 + s.highlight.lines.length * 40, 10);
  g.fill();
  g.strokeStyle = '#e01818';
  g.lineWidth = 3;
  g.stroke();
  text(g, s.highlight.label, ix + 20, iy + 42, size + 2, '#111');
  s.highlight.lines.forEach((l, i) => text(g, l, ix + 20, iy + 86 + i * 40, size, i === 1 ? '#c00' : '#222'));
  g.beginPath();
  g.moveTo(hlX + 180, levels[hlLevel]! - 60);
  g.lineTo(ix, iy + 30);
  g.stroke();
}

function stall(g: Ctx, s: StallScene, rng: Rng): void {
  // Tiled back wall.
  wall(g, '#eef1f2', '#d5dadc');
  g.strokeStyle = 'rgba(120,130,135,0.35)';
  g.lineWidth = 1;
  for (let y = 130; y < 380; y += 40) {
    g.beginPath();
    g.moveTo(0, y);
    g.lineTo(W, y);
    g.stroke();
  }
  for (let x = 0; x < W; x += 60) {
    g.beginPath();
    g.moveTo(x, 130);
    g.lineTo(x, 380);
    g.stroke();
  }
  g.fillStyle = '#1f6fb2';
  g.fillRect(40, 40, W - 80, 80);
  text(g, s.sign, W / 2, 96, 42, '#ffffff', 'center');
  // Stainless counter.
  const steel = g.createLinearGradient(0, 380, 0, 600);
  steel.addColorStop(0, '#e9ecee');
  steel.addColorStop(0.15, '#b9c0c5');
  steel.addColorStop(1, '#8d959b');
  g.fillStyle = steel;
  g.fillRect(0, 380, W, 230);
  g.fillStyle = '#6d7479';
  g.fillRect(0, 610, W, 110);
  s.goods.forEach((name, i) => {
    const cx = 110 + i * 125;
    g.fillStyle = '#f4f6f7';
    g.beginPath();
    g.ellipse(cx, 430, 58, 22, 0, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#3d6f8f';
    g.beginPath();
    g.ellipse(cx, 432, 50, 17, 0, 0, Math.PI * 2);
    g.fill();
    for (let k = 0; k < 3; k++) {
      const fx = cx - 28 + k * 22 + rng.int(-4, 4);
      const fy = 430 + rng.int(-6, 6);
      g.fillStyle = ['#8a9aa6', '#a08060', '#c8a070', '#7a8a7a'][i % 4]!;
      g.beginPath();
      g.ellipse(fx, fy, 16, 6, 0.2, 0, Math.PI * 2);
      g.fill();
    }
    g.fillStyle = '#fffbe6';
    g.fillRect(cx - 45, 470, 90, 48);
    text(g, name, cx, 492, 18, '#222', 'center');
    text(g, `¥${rng.int(16, 68)}/斤`, cx, 512, 16, '#c00', 'center');
  });
  // Electronic price-computing scale with its display.
  g.fillStyle = '#dfe3e6';
  roundRect(g, 640, 440, 330, 150, 12);
  g.fill();
  g.fillStyle = '#c4cacf';
  g.fillRect(660, 420, 290, 26);
  g.fillStyle = '#10241a';
  roundRect(g, 665, 465, 280, 70, 6);
  g.fill();
  const cells = [s.display.weight, s.display.price, s.display.total];
  cells.forEach((v, i) => text(g, v, 700 + i * 92, 512, 24, '#43ff7a', 'center'));
  text(g, '重量(kg)    单价(元/kg)    金额(元)', 805, 565, 14, '#333', 'center');
  // Test weight on the scale.
  g.fillStyle = '#9aa3a8';
  g.fillRect(760, 395, 70, 28);
  text(g, '5kg', 795, 416, 16, '#222', 'center');
  g.fillStyle = 'rgba(255,255,255,0.94)';
  roundRect(g, 60, 630, W - 120, 60, 8);
  g.fill();
  text(g, s.note, 80, 670, 22, '#c00');
}

function storefront(g: Ctx, s: StorefrontScene): void {
  wall(g, '#cfd4d8', '#8c9296');
  g.fillStyle = '#7b2d26';
  g.fillRect(60, 60, W - 120, 110);
  text(g, s.sign, W / 2, 135, 54, '#ffe9a8', 'center');
  g.fillStyle = '#2c3a44';
  g.fillRect(100, 200, W - 200, 430);
  g.fillStyle = 'rgba(170,200,220,0.55)';
  g.fillRect(120, 220, 360, 390);
  g.fillRect(W - 480, 220, 360, 390);
  g.fillStyle = '#556570';
  g.fillRect(500, 220, 24, 410);
  s.posters.forEach((p, i) => {
    const x = i % 2 === 0 ? 150 : W - 450;
    const y = 250 + Math.floor(i / 2) * 170;
    g.fillStyle = i % 3 === 0 ? '#fff3c4' : '#ffffff';
    g.fillRect(x, y, 300, 140);
    wrap(g, p, 270, 24).slice(0, 4).forEach((l, k) => text(g, l, x + 15, y + 36 + k * 30, 24, '#b00000'));
  });
  g.fillStyle = 'rgba(255,255,255,0.94)';
  roundRect(g, 120, 648, 780, 54, 8);
  g.fill();
  text(g, s.note, 140, 684, 22, '#c00');
}

function elevator(g: Ctx, s: ElevatorScene): void {
  wall(g, '#e4e0d8', '#b8b2a6');
  g.fillStyle = '#6f7780';
  g.fillRect(220, 90, 420, 600);
  const steel = g.createLinearGradient(240, 0, 620, 0);
  steel.addColorStop(0, '#c9ced3');
  steel.addColorStop(0.5, '#eef1f3');
  steel.addColorStop(1, '#aeb4ba');
  g.fillStyle = steel;
  g.fillRect(240, 130, 190, 560);
  g.fillRect(430, 130, 190, 560);
  g.fillStyle = '#222';
  g.fillRect(380, 100, 100, 24);
  text(g, '3F', 430, 119, 18, '#ff4040', 'center');
  // Inspection certificate (使用标志) on the wall.
  const px = 668;
  g.fillStyle = '#ffffff';
  g.fillRect(px, 220, 320, 320);
  g.strokeStyle = '#1d5fa8';
  g.lineWidth = 4;
  g.strokeRect(px, 220, 320, 320);
  g.fillStyle = '#1d5fa8';
  g.fillRect(px, 220, 320, 46);
  text(g, '特种设备使用标志', px + 160, 252, 24, '#ffffff', 'center');
  let ly = 298;
  s.plate.forEach((l, i) => {
    for (const part of wrap(g, l, 290, 16)) {
      text(g, part, px + 14, ly, 16, i === s.plate.length - 1 ? '#c00' : '#111');
      ly += 26;
    }
    ly += 6;
  });
  g.strokeStyle = '#e01818';
  g.lineWidth = 5;
  g.beginPath();
  g.ellipse(px + 160, 380, 190, 200, 0, 0, Math.PI * 2);
  g.stroke();
  g.fillStyle = 'rgba(255,255,255,0.94)';
  roundRect(g, 120, 640, 800, 54, 8);
  g.fill();
  text(g, s.note, 140, 676, 22, '#c00');
}

export function paintScene(spec: SceneSpec & { caption: Caption }): ReturnType<typeof newCanvas>['canvas'] {
  const { canvas, g } = newCanvas(W, H);
  const seed = hash32(JSON.stringify(spec));
  const rng = new Rng(`scene/${seed}`);
  if (spec.type === 'shelf') shelf(g, spec, rng);
  else if (spec.type === 'stall') stall(g, spec, rng);
  else if (spec.type === 'storefront') storefront(g, spec);
  else elevator(g, spec);
  const bodycam = spec.caption.device.startsWith('执法记录仪');
  grain(g, W, H, seed, bodycam ? 9000 : 5000);
  vignette(g, W, H, bodycam ? 0.6 : 0.3);
  drawCaption(g, W, H, spec.caption);
  return canvas;
}
