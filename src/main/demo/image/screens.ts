// Phone screenshots (电子数据): an app/web page with a banner and a list of items.
import type { Canvas } from '@napi-rs/canvas';
import { newCanvas, roundRect, text, wrap } from './canvas';
import type { ScreenSpec } from './spec';

const W = 540;
const H = 1080;

export function paintScreen(s: ScreenSpec): Canvas {
  const { canvas, g } = newCanvas(W, H);
  g.fillStyle = '#f3f4f6';
  g.fillRect(0, 0, W, H);
  // Status bar and app bar.
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, 44);
  text(g, s.time, 22, 30, 18, '#111');
  text(g, '5G  86%', W - 22, 30, 16, '#111', 'right');
  g.fillStyle = '#ededed';
  g.fillRect(0, 44, W, 64);
  text(g, '‹', 20, 88, 34, '#111');
  text(g, s.app, W / 2, 86, 22, '#111', 'center');
  text(g, '···', W - 24, 84, 22, '#111', 'right');
  // Title and banner.
  let y = 150;
  wrap(g, s.title, W - 48, 26).slice(0, 2).forEach((l) => {
    text(g, l, 24, y, 26, '#111');
    y += 38;
  });
  const grad = g.createLinearGradient(0, y, W, y + 200);
  grad.addColorStop(0, '#d8232a');
  grad.addColorStop(1, '#f47b20');
  g.fillStyle = grad;
  roundRect(g, 20, y, W - 40, 190, 14);
  g.fill();
  wrap(g, s.banner, W - 90, 30).slice(0, 4).forEach((l, i) => text(g, l, 44, y + 52 + i * 42, 30, '#fff8e0'));
  y += 215;
  for (const it of s.items) {
    const lines = it.note ? wrap(g, it.note, W - 90, 18).slice(0, 3) : [];
    const h = 70 + lines.length * 26;
    if (y + h > H - 70) break;
    g.fillStyle = '#ffffff';
    roundRect(g, 20, y, W - 40, h, 12);
    g.fill();
    if (it.highlight) {
      g.strokeStyle = '#e01818';
      g.lineWidth = 3;
      g.stroke();
    }
    text(g, it.name, 40, y + 38, 21, '#111');
    if (it.price) text(g, it.price, W - 40, y + 38, 21, '#d8232a', 'right');
    lines.forEach((l, i) => text(g, l, 40, y + 70 + i * 26, 18, it.highlight ? '#d8232a' : '#666'));
    y += h + 14;
  }
  g.fillStyle = '#ffffff';
  g.fillRect(0, H - 60, W, 60);
  text(g, s.footer, W / 2, H - 24, 18, '#888', 'center');
  return canvas;
}
