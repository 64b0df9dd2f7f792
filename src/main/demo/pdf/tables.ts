// Bordered form grids (审批表, 送达回证) and data tables (检验结果, 进货明细) that break across pages.
import { rgb } from 'pdf-lib';
import { wrapText } from './layout';
import { drawInk } from './marks';
import type { GridCell } from './model';
import type { PageWriter } from './render';

const LINE = rgb(0.15, 0.15, 0.15);
const HEAD_FILL = rgb(0.9, 0.9, 0.9);
const PAD = 5;

interface LaidCell {
  cell: GridCell;
  x: number;
  w: number;
  lines: string[];
}

function box(w: PageWriter, x: number, top: number, width: number, h: number, fill = false): void {
  w.page.drawRectangle({ x, y: top - h, width, height: h, borderColor: LINE, borderWidth: 0.7, ...(fill ? { color: HEAD_FILL } : {}) });
}

function drawCellText(w: PageWriter, c: LaidCell, lines: string[], top: number, h: number, size: number, lead: number): void {
  if (c.cell.label) {
    const blockH = lines.length * lead;
    let y = top - (h - blockH) / 2;
    for (const line of lines) {
      y -= lead;
      const lw = w.demo.width(line, size);
      w.text(line, c.x + (c.w - lw) / 2, y + (lead - size) * 0.4, size);
    }
    return;
  }
  let y = top - PAD;
  for (const line of lines) {
    y -= lead;
    w.text(line, c.x + PAD, y + (lead - size) * 0.4, size);
  }
}

function drawSign(w: PageWriter, c: LaidCell, top: number, h: number, size: number): void {
  if (!c.cell.sign) return;
  const y = top - h + PAD + 3;
  const label = '签名：';
  const dateW = w.demo.width(c.cell.sign.date, size);
  const nameW = Math.max(w.demo.width(c.cell.sign.name, size + 3), 4 * size);
  let x = c.x + c.w - PAD - dateW - 1.5 * size - nameW - w.demo.width(label, size);
  w.text(label, x, y, size);
  x += w.demo.width(label, size);
  drawInk(w.page, w.font, c.cell.sign.name, x, y - 1, size + 3);
  w.text(c.cell.sign.date, c.x + c.w - PAD - dateW, y, size);
}

/** A form grid: rows of label/value cells; tall rows split across pages. */
export function drawGrid(w: PageWriter, rows: GridCell[][]): void {
  const size = w.m.body;
  const lead = size * 1.55;
  for (const row of rows) {
    let x = w.m.left;
    const laid: LaidCell[] = row.map((cell) => {
      const cw = cell.w * w.width;
      const c = { cell, x, w: cw, lines: wrapText(cell.text, cw - 2 * PAD, w.measure(size)) };
      x += cw;
      return c;
    });
    let rest = laid.map((c) => c.lines);
    let first = true;
    for (;;) {
      const signLines = laid.some((c) => c.cell.sign) ? 1.6 : 0;
      const need = Math.max(...rest.map((l, i) => Math.max(l.length, first ? (laid[i]!.cell.minLines ?? 1) : 1)));
      const h = (need + signLines) * lead + 2 * PAD;
      const avail = w.y - w.bottom;
      if (h <= avail) {
        laid.forEach((c, i) => {
          box(w, c.x, w.y, c.w, h);
          drawCellText(w, c, rest[i]!, w.y, h, size, lead);
          drawSign(w, c, w.y, h, size);
        });
        w.y -= h;
        break;
      }
      const fit = Math.floor((avail - 2 * PAD) / lead);
      if (fit < 3) {
        w.newPage();
        continue;
      }
      // Split: what fits here, the rest continues on the next page (labels repeated).
      const hh = fit * lead + 2 * PAD;
      laid.forEach((c, i) => {
        box(w, c.x, w.y, c.w, hh);
        const lines = rest[i]!.slice(0, fit);
        drawCellText(w, c, lines, w.y, hh, size, lead);
      });
      rest = laid.map((c, i) => (c.cell.label ? rest[i]! : rest[i]!.slice(fit)));
      first = false;
      w.newPage();
    }
  }
  w.y -= 4;
}

/** A data table with a shaded header row repeated on each page. */
export function drawTable(w: PageWriter, head: string[], rows: string[][], widths: number[], size: number): void {
  const lead = size * 1.45;
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((v) => (v / total) * w.width);
  const wrapRow = (cells: string[]): string[][] => cells.map((t, i) => wrapText(t, cols[i]! - 2 * PAD, w.measure(size)));
  const drawRow = (cells: string[][], fill: boolean): void => {
    const h = Math.max(...cells.map((l) => l.length)) * lead + 2 * PAD;
    let x = w.m.left;
    cells.forEach((lines, i) => {
      box(w, x, w.y, cols[i]!, h, fill);
      let y = w.y - PAD;
      for (const line of lines) {
        y -= lead;
        const lw = w.demo.width(line, size);
        const tx = fill || lines.length === 1 ? x + (cols[i]! - lw) / 2 : x + PAD;
        w.text(line, tx, y + (lead - size) * 0.4, size);
      }
      x += cols[i]!;
    });
    w.y -= h;
  };
  const headCells = wrapRow(head);
  const headH = Math.max(...headCells.map((l) => l.length)) * lead + 2 * PAD;
  w.ensure(headH + lead + 2 * PAD);
  drawRow(headCells, true);
  for (const r of rows) {
    const cells = wrapRow(r);
    const h = Math.max(...cells.map((l) => l.length)) * lead + 2 * PAD;
    if (w.y - h < w.bottom) {
      w.newPage();
      drawRow(headCells, true);
    }
    drawRow(cells, false);
  }
  w.y -= 6;
}
