// Scanned copies of certificates: 营业执照 (副本) and 居民身份证 (front).
import type { Canvas } from '@napi-rs/canvas';
import { cnDate } from '../text';
import { hash32, Rng } from '../rng';
import { font, grain, newCanvas, roundRect, text, wrap, type Ctx } from './canvas';
import type { IdCardSpec, LicenceSpec } from './spec';

const SEAL = '#d11a1a';

function seal(g: Ctx, cx: number, cy: number, r: number, ring: string): void {
  g.save();
  g.globalAlpha = 0.8;
  g.strokeStyle = SEAL;
  g.lineWidth = r / 14;
  g.beginPath();
  g.arc(cx, cy, r, 0, Math.PI * 2);
  g.stroke();
  g.fillStyle = SEAL;
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const rr = i % 2 === 0 ? r * 0.3 : r * 0.12;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    g.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  g.closePath();
  g.fill();
  const chars = Array.from(ring);
  const span = Math.min(Math.PI * 1.4, chars.length * 0.3);
  g.font = font(r * 0.26);
  g.textAlign = 'center';
  chars.forEach((ch, i) => {
    const a = -Math.PI / 2 - span / 2 + (span * i) / Math.max(1, chars.length - 1);
    g.save();
    g.translate(cx + Math.cos(a) * r * 0.74, cy + Math.sin(a) * r * 0.74);
    g.rotate(a + Math.PI / 2);
    g.fillText(ch, 0, r * 0.09);
    g.restore();
  });
  g.restore();
}

/** A QR-code-like block (not decodable; marks where the real code sits). */
function qr(g: Ctx, x: number, y: number, size: number, seed: number): void {
  const rng = new Rng(`qr/${seed}`);
  const n = 25;
  const c = size / n;
  g.fillStyle = '#fff';
  g.fillRect(x, y, size, size);
  g.fillStyle = '#111';
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (rng.chance(0.48)) g.fillRect(x + i * c, y + j * c, c, c);
  for (const [fx, fy] of [[0, 0], [n - 7, 0], [0, n - 7]] as const) {
    g.fillStyle = '#111';
    g.fillRect(x + fx * c, y + fy * c, 7 * c, 7 * c);
    g.fillStyle = '#fff';
    g.fillRect(x + (fx + 1) * c, y + (fy + 1) * c, 5 * c, 5 * c);
    g.fillStyle = '#111';
    g.fillRect(x + (fx + 2) * c, y + (fy + 2) * c, 3 * c, 3 * c);
  }
}

function copyStamp(g: Ctx, x: number, y: number, lines: string[]): void {
  g.save();
  g.translate(x, y);
  g.rotate(-0.12);
  g.globalAlpha = 0.75;
  g.strokeStyle = SEAL;
  g.lineWidth = 3;
  g.strokeRect(-10, -36, 330, 30 + lines.length * 34);
  lines.forEach((l, i) => text(g, l, 0, i * 34, 26, SEAL));
  g.restore();
}

export function paintLicence(s: LicenceSpec): Canvas {
  const W = 1240;
  const H = 880;
  const { canvas, g } = newCanvas(W, H);
  g.fillStyle = '#f4f1ea';
  g.fillRect(0, 0, W, H);
  g.fillStyle = '#fbf7ec';
  g.fillRect(40, 30, W - 80, H - 60);
  g.strokeStyle = '#b8322a';
  g.lineWidth = 10;
  g.strokeRect(60, 50, W - 120, H - 100);
  g.lineWidth = 2;
  g.strokeRect(76, 66, W - 152, H - 132);
  text(g, `统一社会信用代码  ${s.code}`, 110, 130, 24, '#222');
  text(g, '（副  本）', W - 110, 130, 24, '#222', 'right');
  g.font = font(78);
  text(g, '营 业 执 照', W / 2, 230, 78, '#b8322a', 'center');
  qr(g, W - 260, 160, 130, hash32(s.code));
  const rows: [string, string][] = [
    ['名        称', s.name],
    ['类        型', s.kind],
    [s.person.label === '经营者' ? '经  营  者' : '法定代表人', s.person.name],
    ['经 营 范 围', s.scope],
  ];
  const right: [string, string][] = [
    ...(s.capital ? [['注 册 资 本', s.capital] as [string, string]] : []),
    ['成 立 日 期', cnDate(s.founded)],
    [s.kind === '个体工商户' ? '经 营 场 所' : '住        所', s.address],
  ];
  let y = 320;
  for (const [k, v] of rows) {
    text(g, k, 110, y, 24, '#333');
    const lines = wrap(g, v, 420, 22);
    lines.slice(0, 7).forEach((l, i) => text(g, l, 270, y + i * 32, 22, '#111'));
    y += Math.max(1, Math.min(7, lines.length)) * 32 + 22;
  }
  y = 320;
  for (const [k, v] of right) {
    text(g, k, 690, y, 24, '#333');
    const lines = wrap(g, v, 300, 22);
    lines.forEach((l, i) => text(g, l, 850, y + i * 32, 22, '#111'));
    y += lines.length * 32 + 22;
  }
  text(g, '登 记 机 关', 820, 720, 24, '#333');
  text(g, cnDate(s.issued), 1020, 770, 22, '#111', 'center');
  seal(g, 1020, 720, 78, s.authority);
  copyStamp(g, 140, 740, ['复印件与原件核对一致', '仅供行政执法调查使用']);
  grain(g, W, H, hash32(s.name), 6000);
  return canvas;
}

export function paintIdCard(s: IdCardSpec): Canvas {
  const W = 1000;
  const H = 660;
  const { canvas, g } = newCanvas(W, H);
  g.fillStyle = '#f2f2f0';
  g.fillRect(0, 0, W, H);
  const x0 = 90;
  const y0 = 70;
  const cw = 820;
  const ch = 520;
  const grad = g.createLinearGradient(x0, y0, x0 + cw, y0 + ch);
  grad.addColorStop(0, '#e8f0f4');
  grad.addColorStop(1, '#f5efe2');
  g.fillStyle = grad;
  roundRect(g, x0, y0, cw, ch, 28);
  g.fill();
  g.strokeStyle = '#9fb3bf';
  g.lineWidth = 2;
  g.stroke();
  const [y, m, d] = s.birth.split('-').map(Number) as [number, number, number];
  const label = (k: string, yy: number): void => text(g, k, x0 + 50, yy, 24, '#3c6e8f');
  label('姓  名', y0 + 80);
  text(g, s.name, x0 + 150, y0 + 80, 30, '#111');
  label('性  别', y0 + 140);
  text(g, s.male ? '男' : '女', x0 + 150, y0 + 140, 26, '#111');
  text(g, '民  族', x0 + 250, y0 + 140, 24, '#3c6e8f');
  text(g, '汉', x0 + 350, y0 + 140, 26, '#111');
  label('出  生', y0 + 200);
  text(g, `${y}  年  ${m}  月  ${d}  日`, x0 + 150, y0 + 200, 26, '#111');
  label('住  址', y0 + 260);
  wrap(g, s.address, 420, 24).slice(0, 3).forEach((l, i) => text(g, l, x0 + 150, y0 + 260 + i * 36, 24, '#111'));
  text(g, '公民身份号码', x0 + 50, y0 + 450, 24, '#3c6e8f');
  text(g, s.idNumber, x0 + 250, y0 + 452, 34, '#111');
  // Photo: head-and-shoulders silhouette.
  g.fillStyle = '#dfe6ea';
  g.fillRect(x0 + 590, y0 + 60, 190, 240);
  g.fillStyle = '#8f9aa3';
  g.beginPath();
  g.arc(x0 + 685, y0 + 150, 52, 0, Math.PI * 2);
  g.fill();
  g.beginPath();
  g.ellipse(x0 + 685, y0 + 300, 95, 80, 0, Math.PI, Math.PI * 2);
  g.fill();
  g.save();
  g.translate(W / 2, H / 2);
  g.rotate(-0.35);
  g.globalAlpha = 0.55;
  text(g, '仅供行政执法调查使用  再复印无效', 0, 0, 40, SEAL, 'center');
  g.restore();
  grain(g, W, H, hash32(s.idNumber), 4000);
  return canvas;
}
