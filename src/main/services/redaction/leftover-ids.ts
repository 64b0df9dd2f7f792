// Personal identifiers inside what a redaction removed, looked for on their own in what is left.
//
// A mark often quotes more than the number it is meant to hide ("：340521199712196725", a whole
// sentence "…联系电话18229019595。"), so the same number written elsewhere never matches the whole
// quote. The identifiers are taken out of the removed text with the shared masking detector
// (src/shared/privacy/mask.ts: same shapes, check digits and label rules as 公示/audience masking)
// and each is searched for by its digits, width folded and whitespace/dashes/parentheses between
// the digits tolerated (PDF text splits and spaces numbers). Names are not extracted (no NER): the
// whole-quote check in redaction.ts stays for them.
//
// Kinds: 身份证号, 手机号, 固定电话 (the detector takes these only with an area-code separator or a
// phone label), 银行卡号 (Luhn-valid or labelled). A 统一社会信用代码 is public and the detector leaves it.

import { maskPersonalData, NUMBER_AFTER, NUMBER_BEFORE, type MaskKind } from '../../../shared/privacy/mask';

export type IdentifierKind = Extract<MaskKind, 'id_card' | 'mobile' | 'landline' | 'bank_card'>;

export const IDENTIFIER_LABEL: Record<IdentifierKind, string> = { id_card: '身份证号', mobile: '手机号', landline: '固定电话', bank_card: '银行卡号' };

export interface Identifier {
  kind: IdentifierKind;
  /** Digits only (ASCII, X upper case). */
  digits: string;
  /** As the masking code shows it (3405**********6725, 182****9595): never the raw number in a report. */
  masked: string;
  /** Finds the number in text folded with `foldForIdentifiers`. */
  pattern: RegExp;
}

const KINDS: ReadonlySet<string> = new Set<IdentifierKind>(['id_card', 'mobile', 'landline', 'bank_card']);

/** Width folding (full-width digits, ：, （）, －, ideographic space → ASCII); dashes the NFKC form keeps → '-'. */
export function foldForIdentifiers(s: string): string {
  return s.normalize('NFKC').replace(/[\u2010-\u2015\u2212]/g, '-');
}

const SEP = '[\\s()\\-]*';

/** The identifiers in `texts` (one entry per number, in order of first appearance). */
export function identifiersIn(texts: readonly string[]): Identifier[] {
  const out = new Map<string, Identifier>();
  for (const text of texts) {
    if (!text) continue;
    for (const sp of maskPersonalData(text).spans) {
      if (!KINDS.has(sp.kind)) continue;
      const digits = foldForIdentifiers(sp.original)
        .replace(/[^0-9Xx]/g, '')
        .toUpperCase();
      if (digits.length < 7 || out.has(digits)) continue;
      const body = Array.from(digits, (c) => (c === 'X' ? '[Xx]' : c)).join(SEP);
      out.set(digits, { kind: sp.kind as IdentifierKind, digits, masked: sp.replacement.trim(), pattern: new RegExp(`${NUMBER_BEFORE}${body}${NUMBER_AFTER}`) });
    }
  }
  return [...out.values()];
}

/** The report line: kind and the masked number, e.g. "身份证号 3405**********6725". */
export function identifierText(id: Identifier): string {
  return `${IDENTIFIER_LABEL[id.kind]} ${id.masked}`;
}
