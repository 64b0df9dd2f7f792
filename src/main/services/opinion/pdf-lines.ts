// Document blocks → typeset lines on the GB/T 9704 grid (no pages yet). Each line knows its
// height, its text and position within the type area, and whether it must stay on the same page
// as the next line (headings, widow/orphan control, the closing signature block).
import { attachmentLines, signerLine, type DocBlock } from './blocks';
import { textWidth, type Face, type Faces } from './faces';
import { BODY_SIZE_PT, CHAR_PITCH_PT, GRID_TRACKING_PT, LINE_PITCH_PT, PAGE, SIGNATURE_BOX, TITLE_SIZE_PT } from './layout';
import { breakLines, lineTracking } from './typeset';

export type { Face, Faces } from './faces';

export interface Line {
  /** Height in points (a body line is one grid line). */
  h: number;
  /** Keep this line on the same page as the next one. */
  keep?: boolean;
  /** A blank line that is dropped when it would open a page. */
  blank?: boolean;
  /** Text, x relative to the type area's left edge. */
  text?: { s: string; face: Face; size: number; x: number; tracking: number };
  /** Reserved signature area (x relative to the type area), the line's full height. */
  box?: { x: number; width: number };
}

const W = PAGE.typeWidth;
/** Headings and the title block use larger line heights: 1.5 grid lines for the 2号 title. */
const TITLE_LINE = LINE_PITCH_PT * 1.5;

export function blocksToLines(blocks: DocBlock[], faces: Faces): Line[] {
  const out: Line[] = [];
  const gridWidth = (s: string, face: Face = 'regular'): number => textWidth(faces, face, s, BODY_SIZE_PT) + GRID_TRACKING_PT * Array.from(s).length;

  /** A wrapped paragraph on the grid; x0 and first-line indent in points. */
  const para = (text: string, face: Face, opts: { indent?: number; x0?: number; firstX?: number } = {}): Line[] => {
    const x0 = opts.x0 ?? 0;
    const firstX = opts.firstX ?? x0 + (opts.indent ?? 0);
    const advance = (s: string): number => textWidth(faces, face, s, BODY_SIZE_PT);
    const set = breakLines(text, { width: W - x0, firstWidth: W - firstX, advance, tracking: GRID_TRACKING_PT });
    const lines = set.map((l, i): Line => {
      const x = i === 0 ? firstX : x0;
      return { h: LINE_PITCH_PT, text: { s: l.text, face, size: BODY_SIZE_PT, x, tracking: lineTracking(l, W - x, GRID_TRACKING_PT, BODY_SIZE_PT) } };
    });
    // Widow/orphan control: never one line of a paragraph alone at a page foot or head.
    if (lines.length >= 2) lines[0]!.keep = true;
    if (lines.length >= 3) lines[lines.length - 2]!.keep = true;
    return lines;
  };

  /** Centred or right-aligned lines in their natural spacing (title block). */
  const aligned = (text: string, face: Face, size: number, h: number, align: 'center' | 'right'): Line[] => {
    const advance = (s: string): number => textWidth(faces, face, s, size);
    return breakLines(text, { width: W, advance, tracking: 0 }).map((l) => {
      const w = advance(l.text);
      return { h, keep: true, text: { s: l.text, face, size, x: align === 'center' ? (W - w) / 2 : W - w, tracking: 0 } };
    });
  };

  const indent2 = 2 * CHAR_PITCH_PT;
  for (const b of blocks) {
    switch (b.kind) {
      case 'masthead':
        out.push(...aligned(b.text, 'bold', TITLE_SIZE_PT, TITLE_LINE, 'center'));
        break;
      case 'title':
        out.push(...aligned(b.text, 'bold', TITLE_SIZE_PT, TITLE_LINE, 'center'));
        break;
      case 'docNumber':
        out.push(...aligned(b.text, 'regular', BODY_SIZE_PT, LINE_PITCH_PT, 'right'));
        break;
      case 'blank':
        out.push({ h: LINE_PITCH_PT, blank: true });
        break;
      case 'addressee':
        out.push(...para(b.text, 'regular'));
        break;
      case 'heading':
        for (const l of para(b.text, 'bold', { indent: indent2 })) out.push({ ...l, keep: true });
        break;
      case 'para':
        out.push(...para(b.text, 'regular', { indent: b.indent === false ? 0 : indent2 }));
        break;
      case 'kv':
        for (const l of para(`${b.label}：${b.value}`, 'regular', { indent: indent2 })) out.push(b.keepWithNext ? { ...l, keep: true } : l);
        break;
      case 'citation':
        out.push(...para(b.text, 'regular', { indent: indent2 }));
        break;
      case 'attachments': {
        // "附件：1.名称" — later items under "1.", continuation lines under the names' first character.
        // Kept on one page with the body text's last line (and, through the signature, with it).
        keepWithPrevious(out);
        const label = `${b.label}：`;
        const xNum = indent2 + gridWidth(label);
        attachmentLines(b).forEach((text, i) => {
          const num = b.items.length > 1 ? `${i + 1}.` : '';
          const x0 = xNum + gridWidth(num);
          for (const l of para(text, 'regular', { x0, firstX: i === 0 ? indent2 : xNum })) out.push({ ...l, keep: true });
        });
        break;
      }
      case 'signature':
        out.push(...signatureLines(b, gridWidth, out));
        break;
    }
  }
  return out;
}

/**
 * 署名 and 成文日期 (GB/T 9704 §7.3.5.2, documents without a seal): the date right-aligned two
 * characters in, each signer line starting two characters left of the date. With `box`, the
 * grid lines above are kept clear for the visible signature, centred on the signer/date block.
 * The block stays on one page with the line before it.
 */
function signatureLines(b: Extract<DocBlock, { kind: 'signature' }>, gridWidth: (s: string) => number, before: Line[]): Line[] {
  const rightEdge = W - 2 * CHAR_PITCH_PT;
  const dateX = rightEdge - gridWidth(b.date);
  const signers = b.signers.map(signerLine);
  const signerX = Math.min(dateX - 2 * CHAR_PITCH_PT, ...signers.map((s) => rightEdge - gridWidth(s)));
  const lines: Line[] = [];
  if (b.box) {
    const centre = (signerX + rightEdge) / 2;
    const x = Math.min(Math.max(centre - SIGNATURE_BOX.widthPt / 2, 0), W - SIGNATURE_BOX.widthPt);
    lines.push({ h: LINE_PITCH_PT * SIGNATURE_BOX.lines, keep: true, box: { x, width: SIGNATURE_BOX.widthPt } });
  } else {
    lines.push({ h: LINE_PITCH_PT, keep: true, blank: true });
  }
  for (const s of signers) lines.push({ h: LINE_PITCH_PT, keep: true, text: { s, face: 'regular', size: BODY_SIZE_PT, x: signerX, tracking: GRID_TRACKING_PT } });
  lines.push({ h: LINE_PITCH_PT, text: { s: b.date, face: 'regular', size: BODY_SIZE_PT, x: dateX, tracking: GRID_TRACKING_PT } });
  keepWithPrevious(before);
  return lines;
}

/** Chain the last text line and any blank lines after it to whatever comes next. */
function keepWithPrevious(out: Line[]): void {
  for (let i = out.length - 1; i >= 0; i--) {
    out[i]!.keep = true;
    if (!out[i]!.blank) return;
  }
}

/** Split lines into pages of the type area's height, honouring `keep` and dropping blank page heads. */
export function paginate(lines: Line[]): Line[][] {
  const cap = PAGE.typeHeight + 0.5;
  const pages: Line[][] = [[]];
  let used = 0;
  const newPage = (): void => {
    pages.push([]);
    used = 0;
  };
  for (let i = 0; i < lines.length; ) {
    let j = i;
    let gh = lines[i]!.h;
    while (lines[j]!.keep && j + 1 < lines.length) gh += lines[++j]!.h;
    if (used > 0 && used + gh > cap && gh <= cap) newPage();
    for (let k = i; k <= j; k++) {
      const l = lines[k]!;
      if (used + l.h > cap) newPage();
      if (used === 0 && l.blank) continue;
      pages[pages.length - 1]!.push(l);
      used += l.h;
    }
    i = j + 1;
  }
  return pages;
}
