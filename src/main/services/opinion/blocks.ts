// The intermediate document model shared by the .docx and PDF renderers: an official document
// (公文-style, GB/T 9704) as an ordered list of blocks with their final wording. Builders
// (sections.ts for the 法制审核意见书; later the 集体讨论记录) decide *what* is said; the renderers
// only decide how a kind of block looks, so both renderings carry the same text in the same order.

export type DocBlock =
  /** 发文机关标志 — the issuing agency's name, centred in the title face (printed without red ink). */
  | { kind: 'masthead'; text: string }
  /** The document type (文种), e.g. 法制审核意见书: 2号 小标宋, centred. */
  | { kind: 'title'; text: string }
  /** 发文字号, e.g. 马市监法审〔2026〕12号: right-aligned under the title. */
  | { kind: 'docNumber'; text: string }
  /** 主送机关: flush left, ends with a full-width colon. */
  | { kind: 'addressee'; text: string }
  /** 一、 (level 1, 黑体) or （一） (level 2, 楷体) heading, indented two characters. */
  | { kind: 'heading'; level: 1 | 2; text: string }
  /** Body paragraph, first line indented two characters unless indent is false. */
  | { kind: 'para'; text: string; indent?: boolean }
  /**
   * A labelled item: "label：value" as an indented paragraph. `keepWithNext`: on the same page as
   * what follows (e.g. the lines the heads sign on, kept with the closing signature block).
   */
  | { kind: 'kv'; label: string; value: string; keepWithNext?: boolean }
  /** A quoted source (document or evidence, page, quoted text) — preformatted text. */
  | { kind: 'citation'; text: string }
  /** One empty body line. */
  | { kind: 'blank' }
  /** 附件说明 (GB/T 9704 §7.3.5): "附件：1.…" with continuation lines aligned to the names. */
  | { kind: 'attachments'; label: string; items: string[] }
  /**
   * Signers and date (署名 + 成文日期). With `box`, grid lines above the first signer are left
   * clear for a visible electronic signature appearance (PDF: see signatureRect()).
   */
  | { kind: 'signature'; signers: { label: string; name: string }[]; date: string; box: boolean };

export type DocBlockKind = DocBlock['kind'];

export interface DocModel {
  /** Document properties (PDF Info / docx core properties). */
  meta: { title: string; subject: string; author: string; keywords: string[] };
  blocks: DocBlock[];
  /** Small identification line printed under the page number on every page. */
  footnote: string;
}

/** The text a block puts on the page, in reading order (used for glyph checks and tests). */
export function blockText(b: DocBlock): string {
  switch (b.kind) {
    case 'kv':
      return `${b.label}：${b.value}`;
    case 'blank':
      return '';
    case 'attachments':
      return attachmentLines(b).join('');
    case 'signature':
      return b.signers.map((s) => signerLine(s)).join('') + b.date;
    default:
      return b.text;
  }
}

/** "附件：1.名称" + "2.名称"…; a single attachment is not numbered (GB/T 9704 §7.3.5). */
export function attachmentLines(b: Extract<DocBlock, { kind: 'attachments' }>): string[] {
  if (b.items.length === 1) return [`${b.label}：${b.items[0]}`];
  return b.items.map((it, i) => `${i === 0 ? `${b.label}：` : ''}${i + 1}.${it}`);
}

export function signerLine(s: { label: string; name: string }): string {
  return s.label ? `${s.label}：${s.name}` : s.name;
}

/** Control characters out; tabs, stray newlines and odd spaces to a plain space (U+3000 全角空格 is kept). */
export function cleanText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff]/g, '').replace(/[\t\n\u00a0\u2000-\u200a\u202f\u205f]/g, ' ');
}

/** The same blocks with every string cleaned (builders call this on user-entered text). */
export function cleanBlocks(blocks: DocBlock[]): DocBlock[] {
  return blocks.map((b): DocBlock => {
    switch (b.kind) {
      case 'blank':
        return b;
      case 'kv':
        return { ...b, label: cleanText(b.label), value: cleanText(b.value) };
      case 'attachments':
        return { ...b, label: cleanText(b.label), items: b.items.map(cleanText) };
      case 'signature':
        return { ...b, signers: b.signers.map((x) => ({ label: cleanText(x.label), name: cleanText(x.name) })), date: cleanText(b.date) };
      default:
        return { ...b, text: cleanText(b.text) };
    }
  });
}
