// A small document model for the demo PDFs: templates build blocks, render.ts lays them out.

/** One cell of a form grid; width is a share of the row (all shares of a row sum to 1). */
export interface GridCell {
  text: string;
  w: number;
  /** Label cells are centred; value cells are left-aligned and wrap. */
  label?: boolean;
  /** Minimum number of text lines (blank form space). */
  minLines?: number;
  /** Signature at the bottom right of the cell: "签名：<ink name>  2026年9月3日". */
  sign?: { name: string; date: string };
}

export type Block =
  | { t: 'title'; text: string; size?: number }
  | { t: 'center'; text: string; size?: number }
  | { t: 'right'; text: string; size?: number }
  | { t: 'para'; text: string; indent?: boolean; size?: number }
  /** "问：…" / "答：…" — the prefix stays, continuation lines start at the margin. */
  | { t: 'qa'; q: string; a: string }
  | { t: 'grid'; rows: GridCell[][] }
  | { t: 'table'; head: string[]; rows: string[][]; widths: number[]; size?: number }
  /** Right-aligned closing block (agency, date); `seal` draws a red round seal over it. */
  | { t: 'closing'; lines: string[]; seal?: SealSpec }
  /** Handwritten-looking signatures: label (printed) + name (ink), optional red fingerprint. */
  | { t: 'signatures'; items: SignatureItem[] }
  | { t: 'space'; h: number }
  | { t: 'pagebreak' };

export interface SignatureItem {
  label: string;
  /** Written in "ink"; empty = blank line to sign on. */
  name: string;
  /** Red fingerprint (捺印) over the name. */
  print?: boolean;
}

export interface SealSpec {
  /** Text around the arc, e.g. 马鞍山市市场监督管理局 */
  ring: string;
  /** Text under the star, e.g. 行政处罚专用章 (optional). */
  center?: string;
}

export type DocStyle = 'official' | 'form' | 'record';

export interface DocModel {
  /** Document title for the PDF metadata. */
  title: string;
  style: DocStyle;
  blocks: Block[];
  /** Signed at the bottom of every page (a 笔录 is signed page by page). */
  pageSignatures?: SignatureItem[];
  /** ISO date used for the PDF metadata dates (keeps output deterministic). */
  date: string;
  author: string;
  subject?: string;
  keywords?: string[];
}
